/* Compare-and-branch pairs (CMP/CMN/TST immediate and register, then B<cond> right after): branch taken and NZCV. */
#include <stdio.h>
#include <stdint.h>

/* One compare form followed by one conditional branch; flags are preset from init. Returns taken | NZCV. */
#define PAIR(name, cmpasm, cc)                                                                                  \
    static uint32_t name##_##cc(uint32_t a, uint32_t b, uint32_t init)                                         \
    {                                                                                                          \
        uint32_t t, f;                                                                                         \
        __asm__ volatile("msr APSR_nzcvq, %[i]\n\t" cmpasm "\n\tb" #cc " 1f\n\tmov %[t], #0\n\tb 2f\n"        \
                         "1:\tmov %[t], #1\n2:\tmrs %[f], APSR"                                                \
                         : [t] "=&r"(t), [f] "=&r"(f)                                                          \
                         : [a] "r"(a), [b] "r"(b), [i] "r"(init)                                               \
                         : "cc");                                                                              \
        return t | (f & 0xf0000000u);                                                                          \
    }
#define ALLCC(name, cmpasm) PAIR(name, cmpasm, eq) PAIR(name, cmpasm, ne) PAIR(name, cmpasm, cs)               \
    PAIR(name, cmpasm, cc) PAIR(name, cmpasm, mi) PAIR(name, cmpasm, pl) PAIR(name, cmpasm, vs)               \
    PAIR(name, cmpasm, vc) PAIR(name, cmpasm, hi) PAIR(name, cmpasm, ls) PAIR(name, cmpasm, ge)               \
    PAIR(name, cmpasm, lt) PAIR(name, cmpasm, gt) PAIR(name, cmpasm, le)
#define ROW(name) {name##_eq, name##_ne, name##_cs, name##_cc, name##_mi, name##_pl, name##_vs, name##_vc,    \
                   name##_hi, name##_ls, name##_ge, name##_lt, name##_gt, name##_le}

ALLCC(cmpr, "cmp %[a], %[b]")
ALLCC(cmpl, "cmp %[a], %[b], lsl #3")
ALLCC(cmpi, "cmp %[a], #5")
ALLCC(cmni, "cmn %[a], #1")
ALLCC(tstc, "tst %[a], #0xff000000")
ALLCC(tsti, "tst %[a], #1")

typedef uint32_t (*pair_fn)(uint32_t, uint32_t, uint32_t);
static const pair_fn forms[][14] = {ROW(cmpr), ROW(cmpl), ROW(cmpi), ROW(cmni), ROW(tstc), ROW(tsti)};

int main(void)
{
    static const uint32_t vals[] = {0, 1, 5, 6, 0x7fffffffu, 0x80000000u, 0xfffffffbu, 0xffffffffu, 0x20000000u};
    static const uint32_t inits[] = {0, 0x20000000u, 0xf0000000u};
    unsigned n = sizeof vals / sizeof vals[0], sum = 0;
    for (unsigned f = 0; f < sizeof forms / sizeof forms[0]; f++)
        for (unsigned cc = 0; cc < 14; cc++) {
            printf("form %u cond %2u:", f, cc);
            for (unsigned i = 0; i < n; i++)
                for (unsigned j = 0; j < n; j++)
                    for (unsigned k = 0; k < 3; k++) {
                        uint32_t r = forms[f][cc](vals[i], vals[j], inits[k]);
                        sum = sum * 31 + r;
                        if (j == i && k == 1)
                            printf(" %x%x", (unsigned)(r >> 28), (unsigned)(r & 1));
                    }
            printf("\n");
        }
    printf("sum %08x\n", sum);
    return 0;
}
