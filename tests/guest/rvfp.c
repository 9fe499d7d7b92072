/* rvfp: RISC-V-specific F/D semantics (NaN-boxing, canonical NaNs, saturating fcvt, fmin/fmax, fclass, fcsr, rmm) checked against the ISA manual. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* raw bit patterns */
#define D_QNAN 0x7ff8000000000000ull
#define D_QNAN_PAYLOAD 0x7ff8000000000123ull
#define D_SNAN 0x7ff4000000000000ull
#define D_NEG_QNAN 0xfff8000000000000ull
#define D_INF 0x7ff0000000000000ull
#define D_NINF 0xfff0000000000000ull
#define D_ONE 0x3ff0000000000000ull
#define D_NONE 0xbff0000000000000ull
#define D_ZERO 0x0000000000000000ull
#define D_NZERO 0x8000000000000000ull
#define D_TWO_HALF 0x4004000000000000ull   /* 2.5 */
#define D_NTWO_HALF 0xc004000000000000ull  /* -2.5 */
#define D_NHALF 0xbfe0000000000000ull      /* -0.5 */
#define D_3E9 0x41e65a0bc0000000ull        /* 3e9 */
#define D_N3E9 0xc1e65a0bc0000000ull       /* -3e9 */
#define D_5E9 0x41f2a05f20000000ull        /* 5e9 */
#define D_2P63 0x43e0000000000000ull       /* 2^63 */
#define D_N2P63 0xc3e0000000000000ull      /* -2^63 */
#define D_2P64 0x43f0000000000000ull       /* 2^64 */
#define D_1E300 0x7e37e43c8800759cull
#define D_SUB 0x0000000000000001ull
#define D_NSUB 0x8000000000000001ull
#define D_NNORM 0xc000000000000000ull      /* -2.0 */
#define BOX(x) (0xffffffff00000000ull | (uint32_t)(x))
#define S_ONE 0x3f800000u
#define S_QNAN 0x7fc00000u
#define S_SNAN 0x7fa00000u
#define S_NZERO 0x80000000u
#define S_ZERO 0x00000000u

static uint64_t res;
static unsigned long flg;

static const char *fl(void)
{
    static char b[6];
    b[0] = flg & 16 ? 'V' : '-';
    b[1] = flg & 8 ? 'Z' : '-';
    b[2] = flg & 4 ? 'O' : '-';
    b[3] = flg & 2 ? 'U' : '-';
    b[4] = flg & 1 ? 'X' : '-';
    b[5] = 0;
    return b;
}

/* fp op with two FP inputs and an FP result: ft2 = op(ft0, ft1) */
#define FF2(insn, a, b)                                                                            \
    __asm__ volatile("fmv.d.x ft0, %2\n\tfmv.d.x ft1, %3\n\tcsrw fflags, zero\n\t" insn             \
                     " ft2, ft0, ft1\n\tfrflags %1\n\tfmv.x.d %0, ft2"                                \
                     : "=r"(res), "=r"(flg) : "r"((uint64_t)(a)), "r"((uint64_t)(b)) : "ft0", "ft1", "ft2")
/* one FP input, FP result (insn may carry a rounding mode suffix via RM) */
#define FF1(insn, a, rm)                                                                           \
    __asm__ volatile("fmv.d.x ft0, %2\n\tcsrw fflags, zero\n\t" insn " ft2, ft0" rm                 \
                     "\n\tfrflags %1\n\tfmv.x.d %0, ft2"                                              \
                     : "=r"(res), "=r"(flg) : "r"((uint64_t)(a)) : "ft0", "ft2")
/* one FP input, integer result */
#define XF1(insn, a, rm)                                                                           \
    __asm__ volatile("fmv.d.x ft0, %2\n\tcsrw fflags, zero\n\t" insn " %0, ft0" rm "\n\tfrflags %1" \
                     : "=&r"(res), "=r"(flg) : "r"((uint64_t)(a)) : "ft0")
/* two FP inputs, integer result */
#define XF2(insn, a, b)                                                                            \
    __asm__ volatile("fmv.d.x ft0, %2\n\tfmv.d.x ft1, %3\n\tcsrw fflags, zero\n\t" insn             \
                     " %0, ft0, ft1\n\tfrflags %1"                                                    \
                     : "=&r"(res), "=r"(flg) : "r"((uint64_t)(a)), "r"((uint64_t)(b)) : "ft0", "ft1")

#define SHOW(label) printf("%-34s = %016llx %s\n", label, (unsigned long long)res, fl())

static sigjmp_buf jb;
static void on_ill(int sig)
{
    siglongjmp(jb, sig);
}

int main(void)
{
    printf("-- fcvt to integer saturates; NaN converts to the largest value\n");
    XF1("fcvt.w.d", D_QNAN, ", rtz"); SHOW("fcvt.w.d(qNaN)");
    XF1("fcvt.w.d", D_NEG_QNAN, ", rtz"); SHOW("fcvt.w.d(-qNaN)");
    XF1("fcvt.w.d", D_INF, ", rtz"); SHOW("fcvt.w.d(+inf)");
    XF1("fcvt.w.d", D_NINF, ", rtz"); SHOW("fcvt.w.d(-inf)");
    XF1("fcvt.w.d", D_3E9, ", rtz"); SHOW("fcvt.w.d(3e9)");
    XF1("fcvt.w.d", D_N3E9, ", rtz"); SHOW("fcvt.w.d(-3e9)");
    XF1("fcvt.w.d", D_NHALF, ", rtz"); SHOW("fcvt.w.d(-0.5) rtz");
    XF1("fcvt.w.d", D_TWO_HALF, ", rne"); SHOW("fcvt.w.d(2.5) rne");
    XF1("fcvt.w.d", D_TWO_HALF, ", rmm"); SHOW("fcvt.w.d(2.5) rmm");
    XF1("fcvt.w.d", D_NTWO_HALF, ", rmm"); SHOW("fcvt.w.d(-2.5) rmm");
    XF1("fcvt.w.d", D_NTWO_HALF, ", rdn"); SHOW("fcvt.w.d(-2.5) rdn");
    XF1("fcvt.w.d", D_NTWO_HALF, ", rup"); SHOW("fcvt.w.d(-2.5) rup");
    XF1("fcvt.wu.d", D_NONE, ", rtz"); SHOW("fcvt.wu.d(-1.0)");
    XF1("fcvt.wu.d", D_NHALF, ", rtz"); SHOW("fcvt.wu.d(-0.5) rtz");
    XF1("fcvt.wu.d", D_QNAN, ", rtz"); SHOW("fcvt.wu.d(qNaN)");
    XF1("fcvt.wu.d", D_3E9, ", rtz"); SHOW("fcvt.wu.d(3e9) sign-extended");
    XF1("fcvt.wu.d", D_5E9, ", rtz"); SHOW("fcvt.wu.d(5e9)");
    XF1("fcvt.l.d", D_QNAN, ", rtz"); SHOW("fcvt.l.d(qNaN)");
    XF1("fcvt.l.d", D_2P63, ", rtz"); SHOW("fcvt.l.d(2^63)");
    XF1("fcvt.l.d", D_N2P63, ", rtz"); SHOW("fcvt.l.d(-2^63)");
    XF1("fcvt.l.d", D_NINF, ", rtz"); SHOW("fcvt.l.d(-inf)");
    XF1("fcvt.lu.d", D_QNAN, ", rtz"); SHOW("fcvt.lu.d(qNaN)");
    XF1("fcvt.lu.d", D_NONE, ", rtz"); SHOW("fcvt.lu.d(-1.0)");
    XF1("fcvt.lu.d", D_2P64, ", rtz"); SHOW("fcvt.lu.d(2^64)");
    XF1("fcvt.lu.d", D_2P63, ", rtz"); SHOW("fcvt.lu.d(2^63)");
    XF1("fcvt.w.s", BOX(0x4f000000u), ", rtz"); SHOW("fcvt.w.s(2^31)");
    XF1("fcvt.w.s", D_ONE, ", rtz"); SHOW("fcvt.w.s(unboxed) = NaN");
    XF1("fcvt.l.s", BOX(0xdf000000u), ", rtz"); SHOW("fcvt.l.s(-2^63)");

    printf("-- results are canonical NaNs, no payload propagation\n");
    FF2("fadd.d", D_QNAN_PAYLOAD, D_ONE); SHOW("fadd.d(qNaN+payload, 1)");
    FF2("fadd.d", D_SNAN, D_ONE); SHOW("fadd.d(sNaN, 1)");
    FF2("fmul.d", D_NEG_QNAN, D_ONE); SHOW("fmul.d(-qNaN, 1)");
    FF2("fsub.d", D_INF, D_INF); SHOW("fsub.d(inf, inf)");
    FF2("fdiv.d", D_ZERO, D_ZERO); SHOW("fdiv.d(0, 0)");
    FF2("fdiv.d", D_NONE, D_ZERO); SHOW("fdiv.d(-1, 0)");
    FF1("fsqrt.d", D_NONE, ""); SHOW("fsqrt.d(-1)");
    FF1("fsqrt.d", D_NZERO, ""); SHOW("fsqrt.d(-0)");
    FF2("fadd.s", BOX(S_SNAN), BOX(S_ONE)); SHOW("fadd.s(sNaN, 1)");
    FF1("fcvt.s.d", D_SNAN, ""); SHOW("fcvt.s.d(sNaN)");
    FF1("fcvt.s.d", D_QNAN_PAYLOAD, ""); SHOW("fcvt.s.d(qNaN+payload)");
    FF1("fcvt.d.s", BOX(S_SNAN), ""); SHOW("fcvt.d.s(sNaN)");
    FF1("fcvt.d.s", BOX(0xffc00001u), ""); SHOW("fcvt.d.s(-qNaN+payload)");
    FF1("fcvt.s.d", D_1E300, ""); SHOW("fcvt.s.d(1e300)");
    FF1("fcvt.s.d", D_1E300, ", rtz"); SHOW("fcvt.s.d(1e300) rtz");
    FF1("fcvt.s.d", D_SUB, ", rup"); SHOW("fcvt.s.d(min subnormal) rup");
    __asm__ volatile("fmv.d.x ft0, %2\n\tfmv.d.x ft1, %3\n\tfmv.d.x ft3, %4\n\tcsrw fflags, zero\n\t"
                     "fmadd.d ft2, ft0, ft1, ft3\n\tfrflags %1\n\tfmv.x.d %0, ft2"
                     : "=r"(res), "=r"(flg) : "r"(D_INF), "r"(D_ZERO), "r"(D_QNAN) : "ft0", "ft1", "ft2", "ft3");
    SHOW("fmadd.d(inf, 0, qNaN)");

    printf("-- fmin/fmax (IEEE 754-2019 minimumNumber/maximumNumber)\n");
    FF2("fmin.d", D_QNAN, D_ONE); SHOW("fmin.d(qNaN, 1)");
    FF2("fmax.d", D_ONE, D_QNAN); SHOW("fmax.d(1, qNaN)");
    FF2("fmin.d", D_SNAN, D_ONE); SHOW("fmin.d(sNaN, 1)");
    FF2("fmax.d", D_QNAN_PAYLOAD, D_SNAN); SHOW("fmax.d(qNaN, sNaN)");
    FF2("fmin.d", D_NZERO, D_ZERO); SHOW("fmin.d(-0, +0)");
    FF2("fmin.d", D_ZERO, D_NZERO); SHOW("fmin.d(+0, -0)");
    FF2("fmax.d", D_NZERO, D_ZERO); SHOW("fmax.d(-0, +0)");
    FF2("fmin.s", BOX(S_QNAN), BOX(S_ONE)); SHOW("fmin.s(qNaN, 1)");
    FF2("fmax.s", BOX(S_NZERO), BOX(S_ZERO)); SHOW("fmax.s(-0, +0)");
    FF2("fmin.s", D_ONE, BOX(S_ONE)); SHOW("fmin.s(unboxed, 1)");

    printf("-- compares\n");
    XF2("feq.d", D_QNAN, D_QNAN); SHOW("feq.d(qNaN, qNaN)");
    XF2("feq.d", D_SNAN, D_ONE); SHOW("feq.d(sNaN, 1)");
    XF2("flt.d", D_QNAN, D_ONE); SHOW("flt.d(qNaN, 1)");
    XF2("fle.d", D_NZERO, D_ZERO); SHOW("fle.d(-0, +0)");
    XF2("flt.d", D_NZERO, D_ZERO); SHOW("flt.d(-0, +0)");
    XF2("feq.s", D_ONE, D_ONE); SHOW("feq.s(unboxed, unboxed)");

    printf("-- fclass\n");
    static const struct { const char *name; uint64_t v; } cls[] = {
        {"-inf", D_NINF}, {"-normal", D_NNORM}, {"-subnormal", D_NSUB}, {"-0", D_NZERO}, {"+0", D_ZERO},
        {"+subnormal", D_SUB}, {"+normal", D_ONE}, {"+inf", D_INF}, {"sNaN", D_SNAN}, {"qNaN", D_QNAN}};
    for (unsigned i = 0; i < sizeof cls / sizeof cls[0]; i++) {
        char label[40];
        XF1("fclass.d", cls[i].v, "");
        snprintf(label, sizeof label, "fclass.d(%s)", cls[i].name);
        SHOW(label);
    }
    XF1("fclass.s", BOX(S_SNAN), ""); SHOW("fclass.s(sNaN)");
    XF1("fclass.s", BOX(0x80000001u), ""); SHOW("fclass.s(-subnormal)");
    XF1("fclass.s", D_ONE, ""); SHOW("fclass.s(unboxed) = qNaN");
    XF1("fclass.s", 0x00000000ffffffffull, ""); SHOW("fclass.s(upper half zero)");

    printf("-- NaN-boxing and moves\n");
    __asm__ volatile("fmv.w.x ft0, %1\n\tfmv.x.d %0, ft0" : "=r"(res) : "r"(0x123456783f800000ull) : "ft0");
    flg = 0; SHOW("fmv.w.x then fmv.x.d");
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.x.w %0, ft0" : "=r"(res) : "r"(0x00000000c0000000ull) : "ft0");
    SHOW("fmv.x.w sign-extends");
    __asm__ volatile("fmv.d.x ft0, %1\n\tfmv.x.w %0, ft0" : "=r"(res) : "r"(D_ONE) : "ft0");
    SHOW("fmv.x.w(unboxed) takes low bits");
    static volatile uint32_t word = 0x40490fdbu;
    static volatile uint64_t dword;
    __asm__ volatile("flw ft0, 0(%1)\n\tfmv.x.d %0, ft0" : "=r"(res) : "r"(&word) : "ft0", "memory");
    SHOW("flw NaN-boxes");
    __asm__ volatile("fmv.d.x ft0, %0\n\tfsw ft0, 0(%1)" : : "r"(0xdeadbeef3f800000ull), "r"(&dword) : "ft0", "memory");
    res = dword; SHOW("fsw stores low 32 bits only");
    FF2("fsgnj.s", D_ONE, D_ONE); SHOW("fsgnj.s(unboxed, unboxed)");
    FF2("fsgnjn.s", D_ONE, D_ONE); SHOW("fsgnjn.s(unboxed, unboxed)");
    FF2("fsgnjx.s", BOX(S_ONE), BOX(0x80000000u)); SHOW("fsgnjx.s(1, -0)");
    FF2("fsgnjn.d", D_QNAN, D_QNAN); SHOW("fsgnjn.d(qNaN, qNaN) keeps payload");
    FF2("fsgnj.d", D_SNAN, D_NONE); SHOW("fsgnj.d(sNaN, -1) raises nothing");
    FF2("fadd.s", BOX(S_ONE), D_ONE); SHOW("fadd.s(1, unboxed)");

    printf("-- fcsr\n");
    unsigned long a, b, c;
    __asm__ volatile("csrw fcsr, %3\n\tfrrm %0\n\tfrflags %1\n\tfrcsr %2\n\tcsrw fcsr, zero"
                     : "=&r"(a), "=&r"(b), "=&r"(c) : "r"(0xffUL));
    printf("fcsr=0xff: frm=%lu fflags=0x%lx fcsr=0x%lx\n", a, b, c);
    __asm__ volatile("fsrmi %0, 4\n\tfsrmi %1, 1\n\tcsrr %2, fcsr\n\tfsrmi zero, 0" : "=&r"(a), "=&r"(b), "=&r"(c));
    printf("fsrmi swaps: old=%lu then %lu, fcsr=0x%lx\n", a, b, c);
    __asm__ volatile("csrwi fflags, 0\n\tcsrsi fflags, 5\n\tcsrci fflags, 1\n\tfrflags %0\n\tcsrwi fflags, 0" : "=r"(a));
    printf("fflags set/clear bits: 0x%lx\n", a);

    printf("-- dynamic rounding mode\n");
    static const char *modes[] = {"rne", "rtz", "rdn", "rup", "rmm"};
    for (unsigned long m = 0; m < 5; m++) {
        long r1, r2;
        uint64_t s;
        __asm__ volatile("fsrm %4\n\tfmv.d.x ft0, %3\n\tfcvt.l.d %0, ft0\n\tfneg.d ft0, ft0\n\tfcvt.l.d %1, ft0\n\t"
                         "fmv.d.x ft1, %5\n\tfmv.d.x ft2, %6\n\tfdiv.d ft1, ft1, ft2\n\tfmv.x.d %2, ft1\n\tfsrmi zero, 0"
                         : "=&r"(r1), "=&r"(r2), "=&r"(s)
                         : "r"(D_TWO_HALF), "r"(m), "r"(D_ONE), "r"(0x4008000000000000ull) : "ft0", "ft1", "ft2");
        printf("frm=%s: fcvt.l.d(2.5)=%ld fcvt.l.d(-2.5)=%ld 1/3=%016llx\n", modes[m], r1, r2, (unsigned long long)s);
    }
    signal(SIGILL, on_ill);
    int sig = sigsetjmp(jb, 1);
    if (sig == 0) {
        __asm__ volatile("fsrmi zero, 5\n\tfadd.d ft0, ft0, ft0" : : : "ft0");
        printf("invalid frm with dyn rounding: no trap?!\n");
    } else {
        printf("invalid frm with dyn rounding: signal %d\n", sig);
    }
    __asm__ volatile("fsrmi zero, 0");
    return 0;
}
