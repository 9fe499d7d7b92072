/* a64est: runs FRECPE, FRSQRTE, FRECPX, URECPE, URSQRTE and FCVTXN(2) (scalar and vector) under several FPCR
   settings (FZ, DN, rounding modes) on seeded random and edge-case operands (zeros, denormals, infinities,
   NaNs, powers of two, extremes); prints one hash per form and FPCR over results and FPSR, to compare xtrace
   with qemu-aarch64. With -v it prints every case instead. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef void (*form_fn)(const uint8_t *in, uint8_t *out, uint64_t fpcr);

#define F(name, text)                                                                                        \
    static void name(const uint8_t *in, uint8_t *out, uint64_t fpcr)                                         \
    {                                                                                                        \
        __asm__ volatile("ldr q0, [%0]\n\tldr q1, [%0, #16]\n\tmsr fpcr, %2\n\tmsr fpsr, xzr\n\t" text       \
                         "\n\tstr q0, [%1]\n\tmrs x9, fpsr\n\tstr x9, [%1, #16]\n\tmsr fpcr, xzr"            \
                         :                                                                                   \
                         : "r"(in), "r"(out), "r"(fpcr)                                                      \
                         : "v0", "v1", "x9", "memory");                                                      \
    }
F(f0, "frecpe v0.4s, v1.4s")
F(f1, "frecpe v0.2s, v1.2s")
F(f2, "frecpe v0.2d, v1.2d")
F(f3, "frecpe s0, s1")
F(f4, "frecpe d0, d1")
F(f5, "frsqrte v0.4s, v1.4s")
F(f6, "frsqrte v0.2d, v1.2d")
F(f7, "frsqrte s0, s1")
F(f8, "frsqrte d0, d1")
F(f9, "frecpx s0, s1")
F(f10, "frecpx d0, d1")
F(f11, "urecpe v0.4s, v1.4s")
F(f12, "ursqrte v0.2s, v1.2s")
F(f13, "fcvtxn v0.2s, v1.2d")
F(f14, "fcvtxn2 v0.4s, v1.2d")
F(f15, "fcvtxn s0, d1")

/* kind: 's' single lanes, 'd' double lanes, 'u' integer lanes, 'x' doubles near the single range. */
static const struct { const char *name; form_fn fn; char kind; } forms[] = {
    {"frecpe.4s", f0, 's'}, {"frecpe.2s", f1, 's'}, {"frecpe.2d", f2, 'd'}, {"frecpe.s", f3, 's'},
    {"frecpe.d", f4, 'd'}, {"frsqrte.4s", f5, 's'}, {"frsqrte.2d", f6, 'd'}, {"frsqrte.s", f7, 's'},
    {"frsqrte.d", f8, 'd'}, {"frecpx.s", f9, 's'}, {"frecpx.d", f10, 'd'}, {"urecpe.4s", f11, 'u'},
    {"ursqrte.2s", f12, 'u'}, {"fcvtxn.2s", f13, 'x'}, {"fcvtxn2.4s", f14, 'x'}, {"fcvtxn.s", f15, 'x'},
};

/* FPCR: none, FZ, DN, FZ|DN, RMode RP, RM, RZ, RZ|FZ. */
static const uint64_t fpcrs[] = {0, 1u << 24, 1u << 25, 3u << 24, 1u << 22, 2u << 22, 3u << 22, 3u << 22 | 1u << 24};

static uint64_t state = 0x243f6a8885a308d3ull;
static uint64_t rnd(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static uint32_t single(void)
{
    static const uint32_t edge[] = {0, 0x80000000u, 1, 0x80000001u, 0x007fffffu, 0x00400000u, 0x003fffffu,
                                    0x00200000u, 0x00800000u, 0x7f7fffffu, 0xff7fffffu, 0x7f800000u,
                                    0xff800000u, 0x7fc00000u, 0xffc00001u, 0x7f800001u, 0xffa5a5a5u,
                                    0x3f800000u, 0xbf800000u, 0x7e800000u, 0x7e7fffffu, 0x7f000000u, 0x40000000u};
    uint32_t s = (uint32_t)rnd() & 0x80000000u, f = (uint32_t)rnd() & 0x7fffffu;
    switch (rnd() % 6) {
    case 0: return edge[rnd() % (sizeof edge / sizeof edge[0])];
    case 1: return s | f >> (rnd() % 23);                                        /* denormals */
    case 2: return s | (uint32_t)(rnd() % 254 + 1) << 23;                          /* powers of two */
    case 3: return s | (uint32_t)(rnd() % 4 + (rnd() % 2 ? 250 : 1)) << 23 | f;   /* near the ends */
    default: return (uint32_t)rnd();
    }
}

static uint64_t dbl(int near_single)
{
    static const uint64_t edge[] = {0, 1ull << 63, 1, 0x000fffffffffffffull, 0x0008000000000000ull,
                                    0x0007ffffffffffffull, 0x0010000000000000ull, 0x7fefffffffffffffull,
                                    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
                                    0x7ff0000000000001ull, 0xfff4000012345678ull, 0x3ff0000000000000ull,
                                    0x7fd0000000000000ull, 0x7fcfffffffffffffull, 0x47efffffe0000000ull,
                                    0x47efffffefffffffull, 0x47effffff0000000ull, 0x3810000000000000ull,
                                    0x380fffffffffffffull, 0x36a0000000000000ull, 0x369fffffffffffffull};
    uint64_t s = rnd() & (1ull << 63), f = rnd() & ((1ull << 52) - 1);
    switch (rnd() % 6) {
    case 0: return edge[rnd() % (sizeof edge / sizeof edge[0])];
    case 1: return s | f >> (rnd() % 52);
    case 2: return s | (rnd() % 2046 + 1) << 52;
    case 3:
        if (near_single)                                                         /* exponents -160..-120, 120..130 */
            return s | (uint64_t)(rnd() % 2 ? 1023 - 160 + rnd() % 40 : 1023 + 120 + rnd() % 10) << 52 | f;
        return s | (rnd() % 4 + (rnd() % 2 ? 2042 : 1)) << 52 | f;
    default: return rnd();
    }
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && !strcmp(argv[1], "-v");
    for (unsigned f = 0; f < sizeof forms / sizeof forms[0]; f++)
        for (unsigned m = 0; m < sizeof fpcrs / sizeof fpcrs[0]; m++) {
            uint64_t h = 0xcbf29ce484222325ull;
            for (int it = 0; it < 300; it++) {
                uint8_t in[32], out[24];
                for (int i = 0; i < 4; i++) {
                    uint32_t v = (uint32_t)rnd();
                    memcpy(in + 4 * i, &v, 4);
                }
                for (int i = 0; i < 4; i++) {
                    char k = forms[f].kind;
                    if (k == 's' || k == 'u') {
                        uint32_t v = k == 's' ? single() : (uint32_t)rnd() >> (rnd() % 3);
                        memcpy(in + 16 + 4 * i, &v, 4);
                    } else if (i < 2) {
                        uint64_t v = dbl(k == 'x');
                        memcpy(in + 16 + 8 * i, &v, 8);
                    }
                }
                forms[f].fn(in, out, fpcrs[m]);
                if (verbose) {
                    printf("%s fpcr %08llx in", forms[f].name, (unsigned long long)fpcrs[m]);
                    for (int i = 31; i >= 16; i--)
                        printf("%s%02x", i == 23 ? "_" : "", in[i]);
                    printf(" out ");
                    for (int i = 15; i >= 0; i--)
                        printf("%s%02x", i == 7 ? "_" : "", out[i]);
                    printf(" fpsr %02x\n", out[16]);
                }
                for (int i = 0; i < 24; i++)
                    h = (h ^ out[i]) * 0x100000001b3ull;
            }
            if (!verbose)
                printf("%-12s fpcr %08llx %016llx\n", forms[f].name, (unsigned long long)fpcrs[m],
                       (unsigned long long)h);
        }
    return 0;
}
