/* Tiny self-checking harness for the A64 instruction tests: each check prints on failure, the program exits 1 if any failed. */
#ifndef A64_CHECK_H
#define A64_CHECK_H

#include <stdint.h>
#include <stdio.h>

static int checks, failures;

#define EQ(got, want)                                                                                        \
    do {                                                                                                     \
        unsigned long long g_ = (unsigned long long)(got), w_ = (unsigned long long)(want);                  \
        checks++;                                                                                            \
        if (g_ != w_) {                                                                                      \
            failures++;                                                                                      \
            printf("FAIL %s:%d: %s = 0x%llx, expected 0x%llx\n", __FILE__, __LINE__, #got, g_, w_);          \
        }                                                                                                    \
    } while (0)

static inline int finish(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, checks, failures);
    return failures != 0;
}

/* NZCV as a 4-bit number (N=8, Z=4, C=2, V=1). */
static inline uint64_t nzcv(void)
{
    uint64_t f;
    __asm__ volatile("mrs %0, nzcv" : "=r"(f));
    return f >> 28;
}
static inline void set_nzcv(uint64_t v)
{
    __asm__ volatile("msr nzcv, %0" ::"r"(v << 28));
}

/* FPSR cumulative flags and FPCR. */
enum { IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128 };
static inline uint64_t get_fpsr(void)
{
    uint64_t f;
    __asm__ volatile("mrs %0, fpsr" : "=r"(f));
    return f;
}
static inline void set_fpsr(uint64_t v) { __asm__ volatile("msr fpsr, %0" ::"r"(v)); }
static inline void set_fpcr(uint64_t v) { __asm__ volatile("msr fpcr, %0" ::"r"(v)); }
enum { RN = 0, RP = 1u << 22, RM = 2u << 22, RZ = 3u << 22, FZ = 1u << 24, DN = 1u << 25 };

#endif
