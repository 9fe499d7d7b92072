/* arm core corners, built for A32 and T32: IT blocks, PC-relative and writeback addressing, shifts by register
   (0, 32, over 32) with their carry, saturating and parallel arithmetic, DSP multiplies, packing. */
#include "check.h"

#define C_BIT (1u << 29)

static uint32_t shift_reg(int kind, uint32_t v, uint32_t n, uint32_t *carry)
{
    uint32_t r, f;
    set_apsr(C_BIT); /* C set before, so "unchanged" shows */
    switch (kind) {
    case 0: __asm__ volatile("lsls %0, %1, %2" : "=r"(r) : "r"(v), "r"(n) : "cc"); break;
    case 1: __asm__ volatile("lsrs %0, %1, %2" : "=r"(r) : "r"(v), "r"(n) : "cc"); break;
    case 2: __asm__ volatile("asrs %0, %1, %2" : "=r"(r) : "r"(v), "r"(n) : "cc"); break;
    default: __asm__ volatile("rors %0, %1, %2" : "=r"(r) : "r"(v), "r"(n) : "cc"); break;
    }
    f = apsr();
    *carry = (f >> 29) & 1;
    return r;
}

static void shifts(void)
{
    uint32_t c, v = 0x80000001u;
    EQ(shift_reg(0, v, 0, &c), v); EQ(c, 1);          /* amount 0: value and carry unchanged */
    EQ(shift_reg(0, v, 1, &c), 2); EQ(c, 1);
    EQ(shift_reg(0, v, 32, &c), 0); EQ(c, 1);         /* carry = bit 0 */
    EQ(shift_reg(0, v, 33, &c), 0); EQ(c, 0);
    EQ(shift_reg(0, v, 256 + 1, &c), 2); EQ(c, 1);    /* only the bottom byte of the amount counts */
    EQ(shift_reg(1, v, 32, &c), 0); EQ(c, 1);         /* carry = bit 31 */
    EQ(shift_reg(1, v, 40, &c), 0); EQ(c, 0);
    EQ(shift_reg(2, v, 32, &c), 0xffffffffu); EQ(c, 1);
    EQ(shift_reg(2, v, 200, &c), 0xffffffffu); EQ(c, 1);
    EQ(shift_reg(2, 0x40000000u, 255, &c), 0); EQ(c, 0);
    EQ(shift_reg(3, v, 32, &c), v); EQ(c, 1);         /* ROR by 32: value kept, carry = bit 31 */
    EQ(shift_reg(3, v, 36, &c), 0x18000000u); EQ(c, 0);
    EQ(shift_reg(3, 0x12345678u, 0x100, &c), 0x12345678u); EQ(c, 1); /* byte 0: no shift, carry kept */
}

static void it_blocks(void)
{
    uint32_t a = 5, b = 7, r = 0, s = 0;
    __asm__ volatile("cmp %2, %3\n\t"
                     "ite lt\n\t"
                     "movlt %0, #1\n\t"
                     "movge %0, #2\n\t"
                     "itete gt\n\t"
                     "addgt %1, %1, #1\n\t"
                     "addle %1, %1, #10\n\t"
                     "addgt %1, %1, #100\n\t"
                     "addle %1, %1, #1000\n\t"
                     : "+r"(r), "+r"(s) : "r"(a), "r"(b) : "cc");
    EQ(r, 1);
    EQ(s, 1010);
    /* flag-setting inside an IT block changes the condition of the following instructions */
    uint32_t x = 1, y = 0;
    __asm__ volatile("cmp %0, #1\n\t"
                     "itttt eq\n\t"
                     "subseq %0, %0, #1\n\t"   /* x = 0, Z stays set (0) */
                     "addeq %1, %1, #1\n\t"
                     "cmpeq %0, #5\n\t"        /* Z cleared */
                     "addeq %1, %1, #16\n\t"   /* skipped */
                     : "+r"(x), "+r"(y) : : "cc");
    EQ(x, 0);
    EQ(y, 1);
}

static const uint32_t table[4] = {0x11111111u, 0x22222222u, 0x33333333u, 0x44444444u};

static void addressing(void)
{
    uint32_t buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    uint32_t *p = buf, v;
    __asm__ volatile("ldr %0, [%1, #4]!" : "=r"(v), "+r"(p) : : "memory");
    EQ(v, 2); EQ(p - buf, 1);
    __asm__ volatile("ldr %0, [%1], #8" : "=r"(v), "+r"(p) : : "memory");
    EQ(v, 2); EQ(p - buf, 3);
    __asm__ volatile("str %1, [%0, #-4]!" : "+r"(p) : "r"(99u) : "memory");
    EQ(buf[2], 99); EQ(p - buf, 2);
    uint32_t idx = 3;
    __asm__ volatile("ldr %0, [%1, %2, lsl #2]" : "=r"(v) : "r"(buf), "r"(idx) : "memory");
    EQ(v, 4);
    uint16_t h[4] = {0x8001, 2, 3, 4};
    int32_t sh;
    const uint16_t *hp = h;
    __asm__ volatile("ldrsh %0, [%1], #2" : "=r"(sh), "+r"(hp) : : "memory");
    EQ((uint32_t)sh, 0xffff8001u); EQ(hp - h, 1);
    register uint32_t lo __asm__("r4"), hi __asm__("r5");
    uint64_t dw = 0x1122334455667788ull;
    __asm__ volatile("ldrd %0, %1, [%2]" : "=r"(lo), "=r"(hi) : "r"(&dw) : "memory");
    EQ(lo, 0x55667788u); EQ(hi, 0x11223344u);
    /* PC-relative: a literal load and ADR */
    uint32_t lit = 0xdeadbeefu, adr1, adr2;
    __asm__ volatile("adr %0, 1f\n\t"
                     "ldr %1, 2f\n\t"
                     "b 3f\n\t"
                     ".balign 4\n"
                     "1: .word 0\n"
                     "2: .word 1b\n"
                     "3:" : "=r"(adr1), "=r"(adr2));
    EQ(adr1 & ~1u, adr2 & ~1u);
    EQ(table[(lit & 3)], 0x44444444u);
    /* unprivileged loads/stores act as plain ones in user mode (T32: offset form; A32: post-indexed) */
    uint32_t ut[2] = {0xa5a5a5a5u, 0x5a5a5a5au}, uv = 0;
    uint8_t ub;
#ifdef __thumb2__
    __asm__ volatile("ldrt %0, [%2, #4]\n\tldrbt %1, [%2, #1]\n\tstrt %0, [%2]" : "=&r"(uv), "=&r"(ub) : "r"(ut) : "memory");
    EQ(uv, 0x5a5a5a5au); EQ(ub, 0xa5); EQ(ut[0], 0x5a5a5a5au);
#else
    uint32_t *up = ut;
    __asm__ volatile("ldrt %0, [%2], #4\n\tldrbt %1, [%2], #-4\n\tstrt %0, [%2], #0" : "=&r"(uv), "=&r"(ub), "+r"(up) : : "memory");
    EQ(uv, 0xa5a5a5a5u); EQ(ub, 0x5a); EQ(ut[0], 0xa5a5a5a5u); EQ(up, ut);
#endif
    /* LDM/STM with writeback */
    uint32_t m[4] = {0};
    register uint32_t *mp __asm__("r0") = m;
    register uint32_t a __asm__("r1") = 10, b __asm__("r2") = 20, c __asm__("r3") = 30;
    __asm__ volatile("stmia %0!, {%1, %2, %3}" : "+r"(mp) : "r"(a), "r"(b), "r"(c) : "memory");
    EQ(mp - m, 3); EQ(m[0] + m[1] + m[2], 60);
}

static int32_t sat(int64_t v, int bits)
{
    int64_t hi = (1ll << (bits - 1)) - 1, lo = -hi - 1;
    return (int32_t)(v > hi ? hi : v < lo ? lo : v);
}

static void saturating(void)
{
    int32_t r;
    uint32_t q;
    set_apsr(0);
    __asm__ volatile("qadd %0, %1, %2" : "=r"(r) : "r"(0x7fffff00), "r"(0x1000));
    EQ((uint32_t)r, 0x7fffffffu); EQ(apsr() >> 27 & 1, 1);
    set_apsr(0);
    __asm__ volatile("qsub %0, %1, %2" : "=r"(r) : "r"(-5), "r"(3));
    EQ(r, -8); EQ(apsr() >> 27 & 1, 0);
    __asm__ volatile("qdadd %0, %1, %2" : "=r"(r) : "r"(1), "r"(0x40000000));
    EQ((uint32_t)r, 0x7fffffffu);
    __asm__ volatile("ssat %0, #8, %1" : "=r"(r) : "r"(300));
    EQ(r, 127);
    __asm__ volatile("ssat %0, #8, %1, lsl #4" : "=r"(r) : "r"(-9));
    EQ(r, sat(-9 * 16, 8));
    __asm__ volatile("usat %0, #8, %1" : "=r"(r) : "r"(-3));
    EQ(r, 0);
    __asm__ volatile("usat %0, #4, %1, asr #2" : "=r"(r) : "r"(100));
    EQ(r, 15);
    __asm__ volatile("ssat16 %0, #4, %1" : "=r"(q) : "r"(0x7fff8000u));
    EQ(q, 0x0007fff8u);
    __asm__ volatile("qadd8 %0, %1, %2" : "=r"(q) : "r"(0x7f80017fu), "r"(0x01ff0101u));
    EQ(q, 0x7f80027fu);
    __asm__ volatile("uqsub8 %0, %1, %2" : "=r"(q) : "r"(0x10203040u), "r"(0x20102050u));
    EQ(q, 0x00101000u);
    __asm__ volatile("uqadd16 %0, %1, %2" : "=r"(q) : "r"(0xfff00010u), "r"(0x00200020u));
    EQ(q, 0xffff0030u);
    /* GE flags and SEL: a per-byte maximum */
    __asm__ volatile("usub8 %0, %1, %2\n\tsel %0, %1, %2" : "=&r"(q) : "r"(0x10f00380u), "r"(0x20e00490u) : "cc");
    EQ(q, 0x20f00490u);
    __asm__ volatile("uadd8 %0, %1, %2" : "=r"(q) : "r"(0xff010203u), "r"(0x01010101u) : "cc");
    EQ(q, 0x00020304u); EQ(apsr() >> 16 & 15, 8);
    __asm__ volatile("sasx %0, %1, %2" : "=r"(q) : "r"(0x00050003u), "r"(0x00010002u) : "cc");
    EQ(q, 0x00070002u);
    __asm__ volatile("shsub16 %0, %1, %2" : "=r"(q) : "r"(0x0004fff0u), "r"(0x0008fff4u));
    EQ(q, 0xfffefffeu);
    __asm__ volatile("uhadd8 %0, %1, %2" : "=r"(q) : "r"(0xff030201u), "r"(0xff010101u));
    EQ(q, 0xff020101u);
}

static void dsp(void)
{
    uint32_t r, lo = 5, hi = 0;
    __asm__ volatile("smmul %0, %1, %2" : "=r"(r) : "r"(0x40000000), "r"(6));
    EQ(r, 1);
    __asm__ volatile("smmulr %0, %1, %2" : "=r"(r) : "r"(0x40000000), "r"(7));
    EQ(r, 2);
    __asm__ volatile("smmls %0, %1, %2, %3" : "=r"(r) : "r"(0x40000000), "r"(8), "r"(10));
    EQ(r, 8); /* (10 << 32) - 2^33, high word */
    __asm__ volatile("smlad %0, %1, %2, %3" : "=r"(r) : "r"(0x00030002u), "r"(0x00050004u), "r"(1));
    EQ(r, 1 + 8 + 15);
    __asm__ volatile("smusdx %0, %1, %2" : "=r"(r) : "r"(0x00030002u), "r"(0x00050004u));
    EQ(r, (uint32_t)(2 * 5 - 3 * 4));
    __asm__ volatile("smlald %0, %1, %2, %3" : "+r"(lo), "+r"(hi) : "r"(0x7fff7fffu), "r"(0x7fff7fffu));
    EQ(lo, 5 + 2u * 0x3fff0001u); EQ(hi, 0);
    __asm__ volatile("smlawt %0, %1, %2, %3" : "=r"(r) : "r"(0x10000), "r"(0x00030000u), "r"(4));
    EQ(r, 7);
    __asm__ volatile("smulbt %0, %1, %2" : "=r"(r) : "r"(0x0000fffeu), "r"(0x00030000u));
    EQ(r, (uint32_t)-6);
    __asm__ volatile("pkhbt %0, %1, %2, lsl #16" : "=r"(r) : "r"(0x1111aaaau), "r"(0x0000bbbbu));
    EQ(r, 0xbbbbaaaau);
    __asm__ volatile("pkhtb %0, %1, %2, asr #16" : "=r"(r) : "r"(0xaaaa1111u), "r"(0x8000ffffu));
    EQ(r, 0xaaaa8000u);
    __asm__ volatile("usada8 %0, %1, %2, %3" : "=r"(r) : "r"(0x01ff0010u), "r"(0x02000020u), "r"(100));
    EQ(r, 100 + 1 + 255 + 0 + 16);
    int32_t q = 0;
    __asm__ volatile("sdiv %0, %1, %2" : "=r"(q) : "r"(-7), "r"(2));
    EQ(q, -3);
    __asm__ volatile("udiv %0, %1, %2" : "=r"(q) : "r"(7), "r"(0));
    EQ(q, 0);
}

int main(void)
{
    shifts();
#ifdef __thumb2__
    it_blocks();
#endif
    addressing();
    saturating();
    dsp();
    return finish(
#ifdef __thumb2__
        "core-thumb"
#else
        "core-arm"
#endif
    );
}
