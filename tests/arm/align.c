/* Alignment of exclusive and acquire/release accesses: LDREX*, STREX*, LDA*, STL*, LDAEX*, STLEX* at a
   misaligned address raise SIGBUS with si_code BUS_ADRALN and si_addr the access address (the kernel does not
   fix them up); aligned LDA/STL/LDAEX/STLEX move the right data. A store-exclusive checks alignment before the
   monitor in the architecture (so the hardware faults); qemu-arm checks the monitor first and just fails
   (status 1): for those either outcome is accepted, but not a store, a wrong signal or a wrong address. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf jb;
static uint8_t buf[64] __attribute__((aligned(16)));

static int quiet; /* a store-exclusive case: print only whether it went right */
static int want_off;

static void on_bus(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    int off = (int)((uint8_t *)si->si_addr - buf);
    if (quiet)
        printf("  %s\n", sig == SIGBUS && si->si_code == BUS_ADRALN && off == want_off ? "ok" : "wrong signal");
    else
        printf("  sig=%d code=%d addr=buf+%d\n", sig, si->si_code, off);
    siglongjmp(jb, 1);
}

#define V8 ".arch armv8-a\n\t"
static void ldrex_w(void *p) { uint32_t v; __asm__ volatile("ldrex %0, [%1]" : "=r"(v) : "r"(p) : "memory"); }
static void ldrexh(void *p) { uint32_t v; __asm__ volatile("ldrexh %0, [%1]" : "=r"(v) : "r"(p) : "memory"); }
static void ldrexd(void *p) { uint64_t v; __asm__ volatile("ldrexd %0, %H0, [%1]" : "=&r"(v) : "r"(p) : "memory"); }
static uint32_t st_status;
static void strex_w(void *p) { uint32_t s; __asm__ volatile("strex %0, %2, [%1]" : "=&r"(s) : "r"(p), "r"(1) : "memory"); st_status = s; }
static void strexd(void *p) { uint32_t s; uint64_t v = 1; __asm__ volatile("strexd %0, %2, %H2, [%1]" : "=&r"(s) : "r"(p), "r"(v) : "memory"); st_status = s; }
static void lda_w(void *p) { uint32_t v; __asm__ volatile(V8 "lda %0, [%1]" : "=r"(v) : "r"(p) : "memory"); }
static void ldah(void *p) { uint32_t v; __asm__ volatile(V8 "ldah %0, [%1]" : "=r"(v) : "r"(p) : "memory"); }
static void stl_w(void *p) { __asm__ volatile(V8 "stl %1, [%0]" :: "r"(p), "r"(7) : "memory"); }
static void stlh(void *p) { __asm__ volatile(V8 "stlh %1, [%0]" :: "r"(p), "r"(7) : "memory"); }
static void ldaex_w(void *p) { uint32_t v; __asm__ volatile(V8 "ldaex %0, [%1]" : "=r"(v) : "r"(p) : "memory"); }
static void ldaexd(void *p) { uint64_t v; __asm__ volatile(V8 "ldaexd %0, %H0, [%1]" : "=&r"(v) : "r"(p) : "memory"); }
static void stlex_h(void *p) { uint32_t s; __asm__ volatile(V8 "stlexh %0, %2, [%1]" : "=&r"(s) : "r"(p), "r"(1) : "memory"); st_status = s; }
static void stlexd(void *p) { uint32_t s; uint64_t v = 1; __asm__ volatile(V8 "stlexd %0, %2, %H2, [%1]" : "=&r"(s) : "r"(p), "r"(v) : "memory"); st_status = s; }

static const struct { const char *name; void (*fn)(void *); int off, store_ex; } cases[] = {
    {"ldrex", ldrex_w, 2, 0}, {"ldrexh", ldrexh, 1, 0}, {"ldrexd", ldrexd, 4, 0}, {"strex", strex_w, 1, 1},
    {"strexd", strexd, 12, 1}, {"lda", lda_w, 3, 0}, {"ldah", ldah, 5, 0}, {"stl", stl_w, 2, 0}, {"stlh", stlh, 7, 0},
    {"ldaex", ldaex_w, 6, 0}, {"ldaexd", ldaexd, 20, 0}, {"stlexh", stlex_h, 9, 1}, {"stlexd", stlexd, 4, 1},
};

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        printf("%s at buf+%d\n", cases[i].name, cases[i].off);
        quiet = cases[i].store_ex;
        want_off = cases[i].off;
        memset(buf, 0, sizeof buf);
        st_status = 0;
        if (!sigsetjmp(jb, 1)) {
            cases[i].fn(buf + cases[i].off);
            if (!quiet)
                printf("  no signal\n");
            else /* qemu-arm: the monitor check failed first; nothing may have been stored */
                printf("  %s\n", st_status == 1 && !memchr(buf, 1, sizeof buf) ? "ok" : "stored");
        }
    }
    /* aligned: data moves, exclusives pair up */
    uint32_t v, s;
    __asm__ volatile(V8 "stl %1, [%0]" :: "r"(buf + 8), "r"(0x12345678) : "memory");
    __asm__ volatile(V8 "lda %0, [%1]" : "=r"(v) : "r"(buf + 8) : "memory");
    printf("stl/lda %#x\n", v);
    __asm__ volatile(V8 "stlb %1, [%0]" :: "r"(buf + 9), "r"(0xab) : "memory");
    __asm__ volatile(V8 "ldah %0, [%1]" : "=r"(v) : "r"(buf + 8) : "memory");
    printf("stlb/ldah %#x\n", v);
    __asm__ volatile(V8 "ldaex %0, [%2]\n\tadd %0, %0, #1\n\tstlex %1, %0, [%2]" : "=&r"(v), "=&r"(s) : "r"(buf + 8) : "memory");
    printf("ldaex/stlex status %u value %#x\n", s, *(uint32_t *)(buf + 8));
    __asm__ volatile("clrex\n\t" V8 "stlex %0, %1, [%2]" : "=&r"(s) : "r"(0), "r"(buf + 8) : "memory");
    printf("stlex without monitor status %u value %#x\n", s, *(uint32_t *)(buf + 8));
    return 0;
}
