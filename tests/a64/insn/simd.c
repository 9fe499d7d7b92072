/* A64 Advanced SIMD corner cases with hand-computed results: upper-half zeroing, TBL/TBX ranges, structure loads, across-lane ops, narrowing, saturation (QC), permutes, immediates. */
#include <string.h>

#include "check.h"

typedef struct { uint64_t lo, hi; } v128;
static v128 in1 = {0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull};
static v128 in2 = {0x8070605040302010ull, 0xf0e0d0c0b0a09080ull};
static uint8_t mem[64] __attribute__((aligned(16)));

/* r = insn applied to v1 = in1, v2 = in2 (v0 = the destination, preset to all ones) */
#define VOP(insn)                                                                                            \
    ({                                                                                                       \
        v128 r_;                                                                                             \
        __asm__ volatile("ldr q1, [%2]\n\tldr q2, [%3]\n\tmovi v0.16b, #0xff\n\t" insn "\n\t"                \
                         "fmov %0, d0\n\tmov %1, v0.d[1]"                                                    \
                         : "=r"(r_.lo), "=r"(r_.hi) : "r"(&in1), "r"(&in2) : "v0", "v1", "v2", "v3", "v4", "memory"); \
        r_;                                                                                                  \
    })
#define VEQ(insn, lo_, hi_)                                                                                  \
    do {                                                                                                     \
        v128 r = VOP(insn);                                                                                  \
        EQ(r.lo, lo_);                                                                                       \
        EQ(r.hi, hi_);                                                                                       \
    } while (0)

static void lanes(void)
{
    VEQ("add v0.8b, v1.8b, v2.8b", 0x8776655443322110ull, 0); /* 64-bit forms zero the upper half */
    VEQ("add v0.2d, v1.2d, v2.2d", 0x8776655443322110ull, 0xffeeddccbbaa9988ull);
    VEQ("sub v0.16b, v1.16b, v2.16b", 0x8796a5b4c3d2e1f0ull, 0x1f2e3d4c5b6a7988ull);
    VEQ("cmeq v0.16b, v1.16b, v1.16b", ~0ull, ~0ull);
    VEQ("cmhi v0.8h, v2.8h, v1.8h", ~0ull, ~0ull);
    VEQ("cmgt v0.8h, v2.8h, v1.8h", 0x0000ffffffffffffull, 0); /* 0x8070... and up are negative */
    VEQ("cmlt v0.4s, v2.4s, #0", 0xffffffff00000000ull, 0xffffffffffffffffull);
    VEQ("umaxp v0.16b, v1.16b, v2.16b", 0x0f0d0b0907050301ull, 0xf0d0b09080604020ull);
    VEQ("addp v0.4s, v1.4s, v2.4s", 0x1a1816140a080604ull, 0xa1816140c0a08060ull);
    VEQ("uminv b0, v1.16b", 0, 0);
    VEQ("umaxv b0, v2.16b", 0xf0, 0);
    VEQ("smaxv h0, v2.8h", 0x6050, 0);
    VEQ("addv b0, v1.16b", 0x78, 0);                  /* 0 + 1 + ... + 15 = 120 */
    VEQ("uaddlv h0, v2.16b", 0x0800, 0);
    VEQ("saddlv h0, v2.8b", 0x0140, 0);               /* 16 + 32 + ... + 112 - 128 */
    VEQ("cnt v0.8b, v2.8b", 0x0103020201020101ull, 0);
    VEQ("rev64 v0.16b, v1.16b", 0x0001020304050607ull, 0x08090a0b0c0d0e0full);
    VEQ("rev32 v0.8h, v1.8h", 0x0504070601000302ull, 0x0d0c0f0e09080b0aull);
    VEQ("ext v0.16b, v1.16b, v2.16b, #15", 0x706050403020100full, 0xe0d0c0b0a0908080ull);
    VEQ("ext v0.8b, v1.8b, v2.8b, #3", 0x3020100706050403ull, 0);
    VEQ("zip1 v0.16b, v1.16b, v2.16b", 0x4003300220011000ull, 0x8007700660055004ull);
    VEQ("uzp2 v0.4s, v1.4s, v2.4s", 0x0f0e0d0c07060504ull, 0xf0e0d0c080706050ull);
    VEQ("trn1 v0.8h, v1.8h, v2.8h", 0x6050050420100100ull, 0xd0c00d0c90800908ull);
    VEQ("xtn v0.8b, v2.8h", 0xe0c0a08070503010ull, 0);
    VEQ("xtn2 v0.16b, v2.8h", ~0ull, 0xe0c0a08070503010ull);
    VEQ("shrn v0.4h, v2.4s, #12", 0x0e0d0a0907060302ull, 0);
    VEQ("ushll v0.8h, v1.8b, #1", 0x0006000400020000ull, 0x000e000c000a0008ull);
    VEQ("sxtl2 v0.4s, v2.8h", 0xffffb0a0ffff9080ull, 0xfffff0e0ffffd0c0ull);
    VEQ("ushr v0.2d, v2.2d, #64", 0, 0);
    VEQ("sshr v0.2d, v2.2d, #64", ~0ull, ~0ull);
    VEQ("sli v0.2d, v1.2d, #8", 0x06050403020100ffull, 0x0e0d0c0b0a0908ffull);
    VEQ("sri v0.4s, v1.4s, #32", ~0ull, ~0ull);       /* shift by the element size: Vd unchanged */
    VEQ("mul v0.8h, v1.8h, v1.8h", 0x542428100c040000ull, 0xa4c43890dc649040ull);
}

static void saturation(void)
{
    uint64_t q;
    v128 r;
    __asm__ volatile("msr fpsr, xzr\n\tmovi v1.16b, #0x7f\n\tmovi v2.16b, #1\n\tsqadd v0.16b, v1.16b, v2.16b\n\t"
                     "fmov %0, d0\n\tmov %1, v0.d[1]\n\tmrs %2, fpsr"
                     : "=r"(r.lo), "=r"(r.hi), "=r"(q) : : "v0", "v1", "v2");
    EQ(r.lo, 0x7f7f7f7f7f7f7f7full);
    EQ(q >> 27 & 1, 1);
    __asm__ volatile("msr fpsr, xzr\n\tmovi v1.16b, #0x7f\n\tmovi v2.16b, #1\n\tsqadd v0.8b, v1.8b, v2.8b\n\t"
                     "movi v3.16b, #0x80\n\tsqsub v4.8b, v2.8b, v3.8b\n\tfmov %0, d4\n\tmrs %1, fpsr"
                     : "=r"(r.lo), "=r"(q) : : "v0", "v1", "v2", "v3", "v4");
    EQ(r.lo, 0x7f7f7f7f7f7f7f7full);
    /* QC set only by the lanes inside the vector: the upper half of a 64-bit op never saturates */
    __asm__ volatile("msr fpsr, xzr\n\tmovi v1.2d, #0xffffffffffffffff\n\tmov v1.d[0], xzr\n\t"
                     "uqadd v0.8b, v1.8b, v1.8b\n\tmrs %0, fpsr" : "=r"(q) : : "v0", "v1");
    EQ(q, 0);
    __asm__ volatile("msr fpsr, xzr\n\tmovi v1.2d, #0xffffffffffffffff\n\tuqadd v0.8b, v1.8b, v1.8b\n\tmrs %0, fpsr"
                     : "=r"(q) : : "v0", "v1");
    EQ(q, 1u << 27);
    __asm__ volatile("msr fpsr, xzr\n\tmovi v1.8h, #0x80, lsl #8\n\tsqxtn v0.8b, v1.8h\n\tfmov %0, d0\n\tmrs %1, fpsr"
                     : "=r"(r.lo), "=r"(q) : : "v0", "v1");
    EQ(r.lo, 0x8080808080808080ull);
    EQ(q, 1u << 27);
    __asm__ volatile("msr fpsr, xzr\n\tmovi v1.4s, #0x80, lsl #24\n\tsqxtun v0.4h, v1.4s\n\tfmov %0, d0"
                     : "=r"(r.lo) : : "v0", "v1");
    EQ(r.lo, 0);
}

static void tables_and_moves(void)
{
    v128 r;
    /* TBL: out-of-range indices give 0; TBX leaves the destination byte */
    __asm__ volatile("ldr q1, [%2]\n\tmovi v3.16b, #0x10\n\tmov v3.b[0], wzr\n\tmov w9, #15\n\tmov v3.b[1], w9\n\t"
                     "movi v0.16b, #0xaa\n\ttbl v0.16b, {v1.16b}, v3.16b\n\tfmov %0, d0\n\tmov %1, v0.d[1]"
                     : "=r"(r.lo), "=r"(r.hi) : "r"(&in1) : "v0", "v1", "v3", "x9");
    EQ(r.lo, 0x0f00);
    EQ(r.hi, 0);
    __asm__ volatile("ldr q1, [%2]\n\tmovi v3.16b, #0x10\n\tmov v3.b[0], wzr\n\t"
                     "movi v0.16b, #0xaa\n\ttbx v0.8b, {v1.16b}, v3.8b\n\tfmov %0, d0\n\tmov %1, v0.d[1]"
                     : "=r"(r.lo), "=r"(r.hi) : "r"(&in1) : "v0", "v1", "v3");
    EQ(r.lo, 0xaaaaaaaaaaaaaa00ull);
    EQ(r.hi, 0);
    /* two-register table: index 16 is the second register's byte 0 */
    __asm__ volatile("ldr q1, [%1]\n\tldr q2, [%2]\n\tmovi v3.8b, #16\n\ttbl v0.8b, {v1.16b, v2.16b}, v3.8b\n\tfmov %0, d0"
                     : "=r"(r.lo) : "r"(&in1), "r"(&in2) : "v0", "v1", "v2", "v3");
    EQ(r.lo, 0x1010101010101010ull);
    /* element moves */
    uint64_t a, b;
    __asm__ volatile("ldr q2, [%2]\n\tumov %w0, v2.b[15]\n\tsmov %1, v2.h[7]" : "=r"(a), "=r"(b) : "r"(&in2) : "v2");
    EQ(a, 0xf0);
    EQ(b, 0xfffffffffffff0e0ull);
    __asm__ volatile("ldr q2, [%2]\n\tsmov %w0, v2.b[8]\n\tumov %1, v2.d[1]" : "=r"(a), "=r"(b) : "r"(&in2) : "v2");
    EQ(a, 0xffffff80ull);
    EQ(b, in2.hi);
    VEQ("ins v0.s[1], v2.s[3]", 0xf0e0d0c0ffffffffull, ~0ull);
    VEQ("dup v0.8h, v1.h[3]", 0x0706070607060706ull, 0x0706070607060706ull);
    VEQ("dup v0.2s, wzr", 0, 0);
    VEQ("mov b0, v2.b[9]", 0x90, 0);
    /* modified immediates */
    VEQ("movi v0.4s, #0xab, lsl #16", 0x00ab000000ab0000ull, 0x00ab000000ab0000ull);
    VEQ("mvni v0.8h, #0x12, lsl #8", 0xedffedffedffedffull, 0xedffedffedffedffull);
    VEQ("movi v0.2s, #0x12, msl #16", 0x0012ffff0012ffffull, 0);
    VEQ("movi d0, #0xff00ff0000ff00ff", 0xff00ff0000ff00ffull, 0);
    VEQ("bic v0.4s, #0xf0, lsl #8", 0xffff0fffffff0fffull, 0xffff0fffffff0fffull);
    VEQ("orr v0.4h, #0x1", 0xffffffffffffffffull, 0);
    VEQ("fmov v0.2d, #-1.5", 0xbff8000000000000ull, 0xbff8000000000000ull);
    VEQ("fmov v0.4s, #0.125", 0x3e0000003e000000ull, 0x3e0000003e000000ull);
    VEQ("bsl v0.16b, v1.16b, v2.16b", in1.lo, in1.hi);
    VEQ("not v0.8b, v1.8b", ~in1.lo, 0);
}

static void structures(void)
{
    for (int i = 0; i < 64; i++)
        mem[i] = (uint8_t)i;
    v128 r0, r1;
    uint64_t base = (uint64_t)mem;
    __asm__ volatile("ld2 {v0.8b, v1.8b}, [%2], #16\n\tfmov %0, d0\n\tfmov %1, d1"
                     : "=r"(r0.lo), "=r"(r1.lo), "+r"(base) : : "v0", "v1", "memory");
    EQ(r0.lo, 0x0e0c0a0806040200ull);
    EQ(r1.lo, 0x0f0d0b0907050301ull);
    EQ(base, (uint64_t)mem + 16);
    __asm__ volatile("ld3 {v0.4h, v1.4h, v2.4h}, [%1]\n\tfmov %0, d2" : "=r"(r0.lo) : "r"(mem) : "v0", "v1", "v2", "memory");
    EQ(r0.lo, 0x171611100b0a0504ull);
    __asm__ volatile("ld4r {v0.4s, v1.4s, v2.4s, v3.4s}, [%2]\n\tfmov %0, d3\n\tmov %1, v3.d[1]"
                     : "=r"(r0.lo), "=r"(r0.hi) : "r"(mem) : "v0", "v1", "v2", "v3", "memory");
    EQ(r0.lo, 0x0f0e0d0c0f0e0d0cull);
    EQ(r0.hi, 0x0f0e0d0c0f0e0d0cull);
    __asm__ volatile("movi v0.16b, #0xee\n\tld1 {v0.h}[5], [%1]\n\tmov %0, v0.d[1]" : "=r"(r0.hi) : "r"(mem + 6) : "v0", "memory");
    EQ(r0.hi, 0xeeeeeeee0706eeeeull);
    base = (uint64_t)mem;
    __asm__ volatile("movi v4.16b, #0x55\n\tmovi v5.16b, #0x66\n\tmov x9, #3\n\tst2 {v4.b, v5.b}[2], [%0], x9"
                     : "+r"(base) : : "v4", "v5", "x9", "memory");
    EQ(base, (uint64_t)mem + 3);
    EQ(mem[0], 0x55);
    EQ(mem[1], 0x66);
    EQ(mem[2], 2);
    __asm__ volatile("ld1 {v0.2d, v1.2d}, [%2]\n\tmov %0, v1.d[1]\n\tfmov %1, d0" : "=r"(r1.hi), "=r"(r1.lo) : "r"(mem) : "v0", "v1", "memory");
    EQ(r1.hi, 0x1f1e1d1c1b1a1918ull);
    EQ(r1.lo, 0x0706050403026655ull);
}

int main(void)
{
    lanes();
    saturation();
    tables_and_moves();
    structures();
    return finish("simd");
}
