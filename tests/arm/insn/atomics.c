/* Exclusive-monitor retry loops under threads (LDREX/STREX word, byte, halfword, doubleword) and the kernel
   user helpers at 0xffff0fxx (cmpxchg, cmpxchg64, memory barrier, get_tls, helper version). */
#include <pthread.h>

#include "check.h"

enum { THREADS = 4, ITERS = 20000 };
static volatile uint32_t word;
static volatile uint8_t byte;
static volatile uint64_t dword;
static volatile uint32_t helper_word;

static void add_w(volatile uint32_t *p, uint32_t v)
{
    uint32_t tmp, fail;
    __asm__ volatile("1: ldrex %0, [%2]\n\t"
                     "add %0, %0, %3\n\t"
                     "strex %1, %0, [%2]\n\t"
                     "cmp %1, #0\n\t"
                     "bne 1b" : "=&r"(tmp), "=&r"(fail) : "r"(p), "r"(v) : "cc", "memory");
}
static void add_b(volatile uint8_t *p)
{
    uint32_t tmp, fail;
    __asm__ volatile("1: ldrexb %0, [%2]\n\t"
                     "add %0, %0, #1\n\t"
                     "strexb %1, %0, [%2]\n\t"
                     "cmp %1, #0\n\t"
                     "bne 1b" : "=&r"(tmp), "=&r"(fail) : "r"(p) : "cc", "memory");
}
static void add_d(volatile uint64_t *p)
{
    register uint32_t lo __asm__("r4"), hi __asm__("r5");
    uint32_t fail;
    __asm__ volatile("1: ldrexd %0, %1, [%3]\n\t"
                     "adds %0, %0, #1\n\t"
                     "adc %1, %1, #0\n\t"
                     "strexd %2, %0, %1, [%3]\n\t"
                     "cmp %2, #0\n\t"
                     "bne 1b" : "=&r"(lo), "=&r"(hi), "=&r"(fail) : "r"(p) : "cc", "memory");
}

typedef int (*kuser_cmpxchg_t)(uint32_t oldv, uint32_t newv, volatile uint32_t *ptr);
typedef int (*kuser_cmpxchg64_t)(const uint64_t *oldv, const uint64_t *newv, volatile uint64_t *ptr);
typedef void *(*kuser_get_tls_t)(void);
typedef void (*kuser_dmb_t)(void);
#define KUSER_CMPXCHG ((kuser_cmpxchg_t)0xffff0fc0u)
#define KUSER_CMPXCHG64 ((kuser_cmpxchg64_t)0xffff0f60u)
#define KUSER_GET_TLS ((kuser_get_tls_t)0xffff0fe0u)
#define KUSER_DMB ((kuser_dmb_t)0xffff0fa0u)
#define KUSER_VERSION (*(volatile int32_t *)0xffff0ffcu)

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        add_w(&word, 3);
        add_b(&byte);
        if (!(i & 3))
            add_d(&dword);
        uint32_t old;
        do old = helper_word; while (KUSER_CMPXCHG(old, old + 1, &helper_word) != 0);
    }
    KUSER_DMB();
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    dword = 0xfffffff0ull; /* the 64-bit add carries into the high word */
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    EQ(word, 3u * THREADS * ITERS);
    EQ(byte, (uint8_t)(THREADS * ITERS));
    EQ(dword, 0xfffffff0ull + THREADS * ITERS / 4);
    EQ(helper_word, THREADS * ITERS);
    /* a STREX without a matching LDREX fails; CLREX clears the monitor */
    uint32_t v = 5, st;
    __asm__ volatile("clrex\n\tstrex %0, %2, [%1]" : "=&r"(st) : "r"(&v), "r"(9u) : "memory");
    EQ(st, 1); EQ(v, 5);
#ifdef __thumb__
    { /* T32 LDREX/STREX take an immediate offset (imm8 * 4) */
        uint32_t arr[4] = {1, 2, 3, 4}, got;
        __asm__ volatile("ldrex %0, [%2, #8]\n\tadd %0, %0, #10\n\tstrex %1, %0, [%2, #8]" : "=&r"(got), "=&r"(st) : "r"(arr) : "memory");
        EQ(st, 0); EQ(arr[2], 13); EQ(arr[1], 2); EQ(arr[3], 4);
    }
#endif
    __asm__ volatile("ldrex %0, [%1]\n\tclrex\n\tstrex %0, %2, [%1]" : "=&r"(st) : "r"(&v), "r"(9u) : "memory");
    EQ(st, 1);
    /* kuser helpers */
    EQ(KUSER_VERSION >= 3, 1);
    volatile uint32_t x = 7;
    EQ(KUSER_CMPXCHG(6, 8, &x) != 0, 1); EQ(x, 7);
    EQ(KUSER_CMPXCHG(7, 8, &x), 0); EQ(x, 8);
    volatile uint64_t y = 0x100000002ull;
    uint64_t o = 0x100000002ull, n = 0x300000004ull, bad = 1;
    EQ(KUSER_CMPXCHG64(&bad, &n, &y) != 0, 1); EQ(y, 0x100000002ull);
    EQ(KUSER_CMPXCHG64(&o, &n, &y), 0); EQ(y, 0x300000004ull);
    void *tp;
    __asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(tp));
    EQ((uintptr_t)KUSER_GET_TLS(), (uintptr_t)tp);
    EQ(tp != NULL, 1);
    return finish("atomics");
}
