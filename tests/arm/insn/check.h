/* Tiny self-checking harness for the arm instruction tests: each check prints on failure, the program exits 1 if any failed. */
#ifndef ARM_CHECK_H
#define ARM_CHECK_H

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

/* APSR as read by MRS (NZCVQ in 31:27, GE in 19:16). */
static inline uint32_t apsr(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, APSR" : "=r"(v));
    return v;
}
static inline void set_apsr(uint32_t v) { __asm__ volatile("msr APSR_nzcvqg, %0" ::"r"(v) : "cc"); }

/* FPSCR. */
enum { IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128, QC = 1u << 27 };
enum { RN = 0, RP = 1u << 22, RM = 2u << 22, RZ = 3u << 22, FZ = 1u << 24, DN = 1u << 25 };
static inline uint32_t get_fpscr(void)
{
    uint32_t v;
    __asm__ volatile("vmrs %0, fpscr" : "=r"(v));
    return v;
}
static inline void set_fpscr(uint32_t v) { __asm__ volatile("vmsr fpscr, %0" ::"r"(v)); }

static inline uint32_t fbits(float f) { union { float f; uint32_t u; } x = {f}; return x.u; }
static inline float bitsf(uint32_t u) { union { uint32_t u; float f; } x = {u}; return x.f; }
static inline uint64_t dbits(double f) { union { double f; uint64_t u; } x = {f}; return x.u; }
static inline double bitsd(uint64_t u) { union { uint64_t u; double f; } x = {u}; return x.f; }

#endif
