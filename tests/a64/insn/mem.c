/* A64 load/store corner cases with hand-computed results: writeback forms, pairs, sign extension, register offsets, exclusives, CAS/CASP, LSE atomics, alignment faults. */
#include <setjmp.h>
#include <signal.h>
#include <string.h>

#include "check.h"

static uint64_t buf[8] __attribute__((aligned(64)));

static void reset(void)
{
    for (int i = 0; i < 8; i++)
        buf[i] = 0x1111111111111111ull * (uint64_t)(i + 1);
}

static void writeback(void)
{
    uint64_t a, b, base;
    reset();
    base = (uint64_t)buf;
    __asm__ volatile("ldp %0, %1, [%2, #16]!" : "=&r"(a), "=&r"(b), "+r"(base) : : "memory");
    EQ(a, buf[2]);
    EQ(b, buf[3]);
    EQ(base, (uint64_t)&buf[2]);
    base = (uint64_t)buf;
    __asm__ volatile("ldp %0, %1, [%2], #16" : "=&r"(a), "=&r"(b), "+r"(base) : : "memory");
    EQ(a, buf[0]);
    EQ(b, buf[1]);
    EQ(base, (uint64_t)&buf[2]);
    base = (uint64_t)&buf[4];
    __asm__ volatile("mov x1, #0xaa\n\tmov x2, #0xbb\n\tstp x1, x2, [%0, #-16]!" : "+r"(base) : : "x1", "x2", "memory");
    EQ(base, (uint64_t)&buf[2]);
    EQ(buf[2], 0xaa);
    EQ(buf[3], 0xbb);
    base = (uint64_t)&buf[6];
    __asm__ volatile("mov x1, #0xcc\n\tstr x1, [%0], #-8" : "+r"(base) : : "x1", "memory");
    EQ(base, (uint64_t)&buf[5]);
    EQ(buf[6], 0xcc);
    base = (uint64_t)&buf[0];
    __asm__ volatile("ldr %0, [%1, #8]!" : "=r"(a), "+r"(base) : : "memory");
    EQ(a, buf[1]);
    EQ(base, (uint64_t)&buf[1]);
    /* stp of the base register itself without writeback stores the base's value */
    base = (uint64_t)&buf[0];
    __asm__ volatile("stp %0, %0, [%0]" : : "r"(base) : "memory");
    EQ(buf[0], base);
    /* 32-bit pairs zero-extend, LDPSW sign-extends */
    reset();
    buf[0] = 0x80000000fffffffeull;
    __asm__ volatile("ldp %w0, %w1, [%2]" : "=&r"(a), "=&r"(b) : "r"(buf) : "memory");
    EQ(a, 0xfffffffeull);
    EQ(b, 0x80000000ull);
    __asm__ volatile("ldpsw %0, %1, [%2]" : "=&r"(a), "=&r"(b) : "r"(buf) : "memory");
    EQ(a, (uint64_t)-2);
    EQ(b, 0xffffffff80000000ull);
    /* sign-extending loads to W and X */
    buf[1] = 0x8080808080808080ull;
    __asm__ volatile("ldrsb %w0, [%2, #8]\n\tldrsb %1, [%2, #8]" : "=&r"(a), "=&r"(b) : "r"(buf) : "memory");
    EQ(a, 0xffffff80ull);
    EQ(b, 0xffffffffffffff80ull);
    __asm__ volatile("ldrsh %w0, [%2, #8]\n\tldrsw %1, [%2, #8]" : "=&r"(a), "=&r"(b) : "r"(buf) : "memory");
    EQ(a, 0xffff8080ull);
    EQ(b, 0xffffffff80808080ull);
    __asm__ volatile("ldursh %0, [%2, #9]\n\tldurb %w1, [%2, #15]" : "=&r"(a), "=&r"(b) : "r"(buf) : "memory");
    EQ(a, 0xffffffffffff8080ull);
    EQ(b, 0x80);
    /* register offsets: SXTW of a negative index, LSL by the access size, UXTW */
    reset();
    __asm__ volatile("mov w1, #-1\n\tldr %0, [%1, w1, sxtw #3]" : "=r"(a) : "r"(&buf[3]) : "x1", "memory");
    EQ(a, buf[2]);
    __asm__ volatile("mov x1, #2\n\tldr %0, [%1, x1, lsl #3]" : "=r"(a) : "r"(&buf[1]) : "x1", "memory");
    EQ(a, buf[3]);
    __asm__ volatile("mov x1, #8\n\tmovk x1, #0xffff, lsl #32\n\tldrb %w0, [%1, w1, uxtw]" : "=r"(a) : "r"(buf) : "x1", "memory");
    EQ(a, 0x22);
    /* FP/SIMD: Q pre-index, S pair, B store of a lane */
    reset();
    base = (uint64_t)buf;
    __asm__ volatile("ldr q0, [%0, #16]!\n\tstr q0, [%0, #32]\n\tldp s1, s2, [%0]\n\tfmov %w1, s2\n\tstr b0, [%0, #-16]"
                     : "+r"(base), "=r"(a) : : "v0", "v1", "v2", "memory");
    EQ(base, (uint64_t)&buf[2]);
    EQ(buf[6], 0x3333333333333333ull);
    EQ(buf[7], 0x4444444444444444ull);
    EQ(a, 0x33333333);
    EQ(buf[0], 0x1111111111111133ull);
}

static void exclusives(void)
{
    uint64_t st, old, v;
    reset();
    __asm__ volatile("ldxr %0, [%2]\n\tmov x3, #0x77\n\tstxr %w1, x3, [%2]" : "=&r"(old), "=&r"(st) : "r"(buf) : "x3", "memory");
    EQ(old, 0x1111111111111111ull);
    EQ(st, 0);
    EQ(buf[0], 0x77);
    /* a store-exclusive with no open monitor fails and stores nothing */
    __asm__ volatile("clrex\n\tmov x3, #0x88\n\tstxr %w0, x3, [%1]" : "=&r"(st) : "r"(buf) : "x3", "memory");
    EQ(st, 1);
    EQ(buf[0], 0x77);
    __asm__ volatile("ldaxr %0, [%2]\n\tclrex\n\tmov x3, #0x99\n\tstlxr %w1, x3, [%2]" : "=&r"(old), "=&r"(st) : "r"(buf) : "x3", "memory");
    EQ(st, 1);
    EQ(buf[0], 0x77);
    /* the monitor closes after a store-exclusive */
    __asm__ volatile("ldxr %0, [%2]\n\tstxr %w1, %0, [%2]\n\tstxr %w1, xzr, [%2]" : "=&r"(old), "=&r"(st) : "r"(buf) : "memory");
    EQ(st, 1);
    EQ(buf[0], 0x77);
    /* byte and pair forms */
    __asm__ volatile("ldxrb %w0, [%2]\n\tmov w3, #0x1ff\n\tstxrb %w1, w3, [%2]" : "=&r"(old), "=&r"(st) : "r"(buf) : "x3", "memory");
    EQ(old, 0x77);
    EQ(st, 0);
    EQ(buf[0], 0xff);
    uint64_t lo, hi;
    __asm__ volatile("ldxp %0, %1, [%3]\n\tstxp %w2, %1, %0, [%3]" : "=&r"(lo), "=&r"(hi), "=&r"(st) : "r"(&buf[2]) : "memory");
    EQ(lo, 0x3333333333333333ull);
    EQ(hi, 0x4444444444444444ull);
    EQ(st, 0);
    EQ(buf[2], 0x4444444444444444ull);
    EQ(buf[3], 0x3333333333333333ull);
    __asm__ volatile("ldaxp %w0, %w1, [%2]" : "=&r"(lo), "=&r"(hi) : "r"(&buf[4]) : "memory");
    EQ(lo, 0x55555555);
    EQ(hi, 0x55555555);
    /* LDAR/STLR are plain accesses here */
    __asm__ volatile("mov x3, #5\n\tstlr x3, [%1]\n\tldarh %w0, [%1]" : "=r"(v) : "r"(&buf[6]) : "x3", "memory");
    EQ(v, 5);
}

static void cas_and_atomics(void)
{
    uint64_t s, t, v;
    reset();
    buf[0] = 5;
    s = 5, t = 9;
    __asm__ volatile("cas %0, %1, [%2]" : "+r"(s) : "r"(t), "r"(buf) : "memory");
    EQ(s, 5);
    EQ(buf[0], 9);
    s = 7;
    __asm__ volatile("casal %0, %1, [%2]" : "+r"(s) : "r"(t + 1), "r"(buf) : "memory");
    EQ(s, 9);
    EQ(buf[0], 9);
    /* byte CAS compares the low byte of Ws and returns the old byte zero-extended */
    buf[1] = 0x80;
    s = 0xffffff80, t = 0x41;
    __asm__ volatile("casb %w0, %w1, [%2]" : "+r"(s) : "r"(t), "r"(&buf[1]) : "memory");
    EQ(s, 0x80);
    EQ(buf[1], 0x41);
    /* 32-bit CAS: the upper half of the 64-bit word is untouched */
    buf[2] = 0xaaaaaaaa00000003ull;
    s = 3, t = 4;
    __asm__ volatile("casa %w0, %w1, [%2]" : "+r"(s) : "r"(t), "r"(&buf[2]) : "memory");
    EQ(s, 3);
    EQ(buf[2], 0xaaaaaaaa00000004ull);
    /* CASP on a 16-byte pair */
    buf[4] = 1, buf[5] = 2;
    __asm__ volatile("mov x4, #1\n\tmov x5, #2\n\tmov x6, #10\n\tmov x7, #20\n\tcasp x4, x5, x6, x7, [%2]\n\tmov %0, x4\n\tmov %1, x5"
                     : "=r"(s), "=r"(t) : "r"(&buf[4]) : "x4", "x5", "x6", "x7", "memory");
    EQ(s, 1);
    EQ(t, 2);
    EQ(buf[4], 10);
    EQ(buf[5], 20);
    __asm__ volatile("mov x4, #1\n\tmov x5, #2\n\tmov x6, #30\n\tmov x7, #40\n\tcaspal x4, x5, x6, x7, [%2]\n\tmov %0, x4\n\tmov %1, x5"
                     : "=r"(s), "=r"(t) : "r"(&buf[4]) : "x4", "x5", "x6", "x7", "memory");
    EQ(s, 10);
    EQ(t, 20);
    EQ(buf[4], 10);
    /* LSE: old value in Rt, memory updated */
    buf[6] = 10;
    __asm__ volatile("mov x3, #5\n\tldadd x3, %0, [%1]" : "=r"(v) : "r"(&buf[6]) : "x3", "memory");
    EQ(v, 10);
    EQ(buf[6], 15);
    __asm__ volatile("mov x3, #3\n\tldclral x3, %0, [%1]" : "=r"(v) : "r"(&buf[6]) : "x3", "memory");
    EQ(v, 15);
    EQ(buf[6], 12);
    __asm__ volatile("mov x3, #0xff\n\tldeora x3, %0, [%1]" : "=r"(v) : "r"(&buf[6]) : "x3", "memory");
    EQ(buf[6], 0xf3);
    __asm__ volatile("mov x3, #0x100\n\tstset x3, [%0]" : : "r"(&buf[6]) : "x3", "memory");
    EQ(buf[6], 0x1f3);
    buf[7] = 0x00000000fffffffeull; /* -2 as a signed word */
    __asm__ volatile("mov w3, #1\n\tldsmax w3, %w0, [%1]" : "=r"(v) : "r"(&buf[7]) : "x3", "memory");
    EQ(v, 0xfffffffe);
    EQ(buf[7], 1);
    __asm__ volatile("mov w3, #-5\n\tldsmin w3, %w0, [%1]" : "=r"(v) : "r"(&buf[7]) : "x3", "memory");
    EQ(buf[7], 0xfffffffbull);
    __asm__ volatile("mov w3, #7\n\tldumin w3, %w0, [%1]" : "=r"(v) : "r"(&buf[7]) : "x3", "memory");
    EQ(v, 0xfffffffb);
    EQ(buf[7], 7);
    __asm__ volatile("mov w3, #0x80\n\tldumaxb w3, %w0, [%1]" : "=r"(v) : "r"(&buf[7]) : "x3", "memory");
    EQ(v, 7);
    EQ(buf[7], 0x80);
    __asm__ volatile("mov w3, #0x1234\n\tswph w3, %w0, [%1]" : "=r"(v) : "r"(&buf[7]) : "x3", "memory");
    EQ(v, 0x80);
    EQ(buf[7], 0x1234);
    __asm__ volatile("mov x3, #-1\n\tswpal x3, %0, [%1]" : "=r"(v) : "r"(&buf[7]) : "x3", "memory");
    EQ(v, 0x1234);
    EQ(buf[7], ~0ull);
}

static sigjmp_buf jb;
static volatile int got_sig, got_code;
static void *volatile got_addr;
static void on_sig(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_sig = sig, got_code = si->si_code, got_addr = si->si_addr;
    siglongjmp(jb, 1);
}

static void alignment(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sig;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    reset();
    char *p = (char *)buf + 4;
    uint64_t v = 0;
    /* plain unaligned accesses are fine */
    __asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(p) : "memory");
    EQ(v, 0x2222222211111111ull);
    /* an unaligned exclusive faults with SIGBUS BUS_ADRALN */
    got_sig = 0;
    if (!sigsetjmp(jb, 1))
        __asm__ volatile("ldxr %0, [%1]" : "=r"(v) : "r"(p) : "memory");
    EQ(got_sig, SIGBUS);
    EQ(got_code, BUS_ADRALN);
    EQ((uint64_t)got_addr, (uint64_t)p);
    /* an unmapped address gives SIGSEGV with the faulting address */
    uint64_t base = 16;
    got_sig = 0;
    if (!sigsetjmp(jb, 1))
        __asm__ volatile("ldr %0, [%1, #8]!" : "=r"(v), "+r"(base) : : "memory");
    EQ(got_sig, SIGSEGV);
    EQ((uint64_t)got_addr, 24);
}

int main(void)
{
    writeback();
    exclusives();
    cas_and_atomics();
    alignment();
    return finish("mem");
}
