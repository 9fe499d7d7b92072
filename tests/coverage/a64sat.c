/* a64sat: runs the A64 instructions added for decoder coverage (saturating doubling multiplies, saturating
   shifts by register and narrowing scalar forms, polynomial multiplies, SHA-1/SHA-256, AES) on seeded random and edge-case operands; prints one hash per
   form over results and FPSR.QC, to compare xtrace with qemu-aarch64. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef void (*form_fn)(const uint8_t *in, uint8_t *out);

#define F(name, text)                                                                                        \
    static void name(const uint8_t *in, uint8_t *out)                                                        \
    {                                                                                                        \
        __asm__ volatile("ldr q0, [%0]\n\tldr q1, [%0, #16]\n\tldr q2, [%0, #32]\n\tmsr fpsr, xzr\n\t" text  \
                         "\n\tstr q0, [%1]\n\tmrs x9, fpsr\n\tstr x9, [%1, #16]"                              \
                         :                                                                                   \
                         : "r"(in), "r"(out)                                                                 \
                         : "v0", "v1", "v2", "x9", "memory");                                                \
    }
F(f0, "sqdmulh v0.4h, v1.4h, v2.4h")
F(f1, "sqdmulh v0.4s, v1.4s, v2.4s")
F(f2, "sqrdmulh v0.8h, v1.8h, v2.8h")
F(f3, "sqrdmulh v0.2s, v1.2s, v2.2s")
F(f4, "sqdmulh h0, h1, h2")
F(f5, "sqrdmulh s0, s1, s2")
F(f6, "sqdmulh v0.8h, v1.8h, v2.h[5]")
F(f7, "sqrdmulh v0.4s, v1.4s, v2.s[3]")
F(f8, "sqdmull v0.4s, v1.4h, v2.4h")
F(f9, "sqdmull2 v0.2d, v1.4s, v2.4s")
F(f10, "sqdmlal v0.4s, v1.4h, v2.4h")
F(f11, "sqdmlal2 v0.2d, v1.4s, v2.4s")
F(f12, "sqdmlsl v0.2d, v1.2s, v2.2s")
F(f13, "sqdmlsl2 v0.4s, v1.8h, v2.8h")
F(f14, "sqdmull v0.4s, v1.4h, v2.h[7]")
F(f15, "sqdmlal2 v0.2d, v1.4s, v2.s[1]")
F(f16, "sqdmlsl v0.4s, v1.4h, v2.h[2]")
F(f17, "sqshl v0.16b, v1.16b, v2.16b")
F(f18, "sqshl v0.8h, v1.8h, v2.8h")
F(f19, "sqshl v0.2d, v1.2d, v2.2d")
F(f20, "uqshl v0.4s, v1.4s, v2.4s")
F(f21, "uqshl v0.8b, v1.8b, v2.8b")
F(f22, "sqrshl v0.4h, v1.4h, v2.4h")
F(f23, "sqrshl v0.2d, v1.2d, v2.2d")
F(f24, "uqrshl v0.16b, v1.16b, v2.16b")
F(f25, "uqrshl v0.2s, v1.2s, v2.2s")
F(f26, "sqshl d0, d1, d2")
F(f27, "uqrshl b0, b1, b2")
F(f28, "sqrshl s0, s1, s2")
F(f29, "uqshl h0, h1, h2")
F(f30, "pmul v0.16b, v1.16b, v2.16b")
F(f31, "pmull v0.8h, v1.8b, v2.8b")
F(f32, "pmull2 v0.8h, v1.16b, v2.16b")
F(f33, "pmull v0.1q, v1.1d, v2.1d")
F(f34, "pmull2 v0.1q, v1.2d, v2.2d")
F(f35, "suqadd v0.16b, v1.16b")
F(f36, "usqadd v0.4s, v1.4s")
F(f37, "suqadd d0, d1")
F(f38, "usqadd h0, h1")
F(f39, "sqshl b0, b1, #3")
F(f40, "uqshl s0, s1, #17")
F(f41, "sqshlu h0, h1, #9")
F(f42, "ursra d0, d1, #40")
F(f43, "srsra d0, d1, #1")
F(f44, "srshl d0, d1, d2")
F(f45, "urshl d0, d1, d2")
F(f46, "sqabs b0, b1")
F(f47, "sqneg s0, s1")
F(f48, "sqdmulh h0, h1, v2.h[3]")
F(f49, "sqrdmulh s0, s1, v2.s[2]")
F(f50, "sqdmull s0, h1, v2.h[6]")
F(f51, "sqdmlal d0, s1, v2.s[1]")
F(f52, "sqdmlsl s0, h1, v2.h[0]")
F(f53, "sqdmull d0, s1, s2")
F(f54, "sqdmlal s0, h1, h2")
F(f55, "sqdmlsl d0, s1, s2")
F(f56, "sqshrn b0, h1, #3")
F(f57, "uqrshrn h0, s1, #9")
F(f58, "sqrshrun s0, d1, #20")
F(f59, "sqxtn h0, s1")
F(f60, "uqxtn b0, h1")
F(f61, "sqxtun s0, d1")
F(f62, "uqshrn s0, d1, #1")
F(f63, "sqrshrn b0, h1, #8")
F(f64, "sqshrun h0, s1, #16")
F(f65, "sha1c q0, s1, v2.4s")
F(f66, "sha1p q0, s1, v2.4s")
F(f67, "sha1m q0, s1, v2.4s")
F(f68, "sha1h s0, s1")
F(f69, "sha1su0 v0.4s, v1.4s, v2.4s")
F(f70, "sha1su1 v0.4s, v1.4s")
F(f71, "sha256h q0, q1, v2.4s")
F(f72, "sha256h2 q0, q1, v2.4s")
F(f73, "sha256su0 v0.4s, v1.4s")
F(f74, "sha256su1 v0.4s, v1.4s, v2.4s")
F(f75, "aese v0.16b, v1.16b")
F(f76, "aesd v0.16b, v1.16b")
F(f77, "aesmc v0.16b, v1.16b")
F(f78, "aesimc v0.16b, v1.16b")

static const struct { const char *name; form_fn fn; } forms[] = {
    {"sqdmulh.4h", f0}, {"sqdmulh.4s", f1}, {"sqrdmulh.8h", f2}, {"sqrdmulh.2s", f3}, {"sqdmulh.h", f4},
    {"sqrdmulh.s", f5}, {"sqdmulh.8h.elem", f6}, {"sqrdmulh.4s.elem", f7}, {"sqdmull.4h", f8},
    {"sqdmull2.4s", f9}, {"sqdmlal.4h", f10}, {"sqdmlal2.4s", f11}, {"sqdmlsl.2s", f12}, {"sqdmlsl2.8h", f13},
    {"sqdmull.elem", f14}, {"sqdmlal2.elem", f15}, {"sqdmlsl.elem", f16}, {"sqshl.16b", f17}, {"sqshl.8h", f18},
    {"sqshl.2d", f19}, {"uqshl.4s", f20}, {"uqshl.8b", f21}, {"sqrshl.4h", f22}, {"sqrshl.2d", f23},
    {"uqrshl.16b", f24}, {"uqrshl.2s", f25}, {"sqshl.d", f26}, {"uqrshl.b", f27}, {"sqrshl.s", f28},
    {"uqshl.h", f29}, {"pmul.16b", f30}, {"pmull.8h", f31}, {"pmull2.8h", f32}, {"pmull.1q", f33},
    {"pmull2.1q", f34}, {"suqadd.16b", f35}, {"usqadd.4s", f36}, {"suqadd.d", f37}, {"usqadd.h", f38},
    {"sqshl.b.imm", f39}, {"uqshl.s.imm", f40}, {"sqshlu.h.imm", f41}, {"ursra.d", f42}, {"srsra.d", f43},
    {"srshl.d", f44}, {"urshl.d", f45}, {"sqabs.b", f46}, {"sqneg.s", f47},
    {"sqdmulh.h.elem", f48}, {"sqrdmulh.s.elem", f49}, {"sqdmull.s.elem", f50}, {"sqdmlal.d.elem", f51},
    {"sqdmlsl.s.elem", f52}, {"sqdmull.d", f53}, {"sqdmlal.s", f54}, {"sqdmlsl.d", f55},
    {"sqshrn.b", f56}, {"uqrshrn.h", f57}, {"sqrshrun.s", f58}, {"sqxtn.h", f59}, {"uqxtn.b", f60},
    {"sqxtun.s", f61}, {"uqshrn.s", f62}, {"sqrshrn.b", f63}, {"sqshrun.h", f64},
    {"sha1c", f65}, {"sha1p", f66}, {"sha1m", f67}, {"sha1h", f68}, {"sha1su0", f69}, {"sha1su1", f70},
    {"sha256h", f71}, {"sha256h2", f72}, {"sha256su0", f73}, {"sha256su1", f74},
    {"aese", f75}, {"aesd", f76}, {"aesmc", f77}, {"aesimc", f78},
};

static uint64_t state = 0x243f6a8885a308d3ull;
static uint64_t rnd(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

/* A random byte pattern with a bias towards saturation edges (0x80.., 0x7f.., 0xff, 0) and, for shift
   operands, small signed amounts in every lane byte. */
static void fill(uint8_t *p, int shifty)
{
    for (int i = 0; i < 16; i++) {
        unsigned k = (unsigned)(rnd() % 8);
        uint8_t b = (uint8_t)rnd();
        if (k == 0)
            b = 0x80;
        else if (k == 1)
            b = 0x7f;
        else if (k == 2)
            b = 0xff;
        else if (k == 3)
            b = 0;
        if (shifty && (rnd() % 2))
            b = (uint8_t)(int8_t)((int)(rnd() % 140) - 70);
        p[i] = b;
    }
    static const uint64_t edge[] = {0x8000800080008000ull, 0x8000000080000000ull, 0x8000000000000000ull,
                                    0x7fff7fff7fff7fffull, 0x7fffffff7fffffffull, 0x7fffffffffffffffull};
    for (int half = 0; half < 2; half++)
        if (!shifty && rnd() % 3 == 0) {
            uint64_t e = edge[rnd() % 6];
            memcpy(p + 8 * half, &e, 8);
        }
}

int main(void)
{
    for (unsigned f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        uint64_t h = 0xcbf29ce484222325ull;
        unsigned qc = 0;
        for (int it = 0; it < 400; it++) {
            uint8_t in[48], out[24];
            fill(in, 0);
            fill(in + 16, 0);
            fill(in + 32, strstr(forms[f].name, "shl") != NULL);
            forms[f].fn(in, out);
            qc += (out[19] >> 3) & 1; /* FPSR.QC is bit 27 */
            for (int i = 0; i < 24; i++)
                h = (h ^ out[i]) * 0x100000001b3ull;
        }
        printf("%-18s %016llx qc %u\n", forms[f].name, (unsigned long long)h, qc);
    }
    return 0;
}
