/* fenv: fesetround in all four modes (rint, division, conversion) and exception flags after divide-by-zero, invalid, overflow, underflow, inexact. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static volatile double one = 1.0, zero = 0.0, three = 3.0, big = DBL_MAX, small = DBL_MIN, two = 2.0;
static volatile float onef = 1.0f, threef = 3.0f;

static const char *flags(void)
{
    static char buf[64];
    int f = fetestexcept(FE_ALL_EXCEPT);
    snprintf(buf, sizeof buf, "%s%s%s%s%s%s", f & FE_INVALID ? "NV " : "", f & FE_DIVBYZERO ? "DZ " : "",
             f & FE_OVERFLOW ? "OF " : "", f & FE_UNDERFLOW ? "UF " : "", f & FE_INEXACT ? "NX " : "",
             f ? "" : "none");
    return buf;
}

#define OP(label, expr)                                        \
    do {                                                       \
        feclearexcept(FE_ALL_EXCEPT);                          \
        volatile double r_ = (expr);                           \
        const char *f_ = flags();                              \
        printf("%-22s = %-24a flags: %s\n", label, r_, f_);    \
    } while (0)

int main(void)
{
    static const struct { int mode; const char *name; } modes[] = {
        {FE_TONEAREST, "FE_TONEAREST"}, {FE_UPWARD, "FE_UPWARD"},
        {FE_DOWNWARD, "FE_DOWNWARD"}, {FE_TOWARDZERO, "FE_TOWARDZERO"}};
    static volatile double rin[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6};
    for (int m = 0; m < 4; m++) {
        int rc = fesetround(modes[m].mode);
        int got = fegetround();
        printf("%s: fesetround=%d fegetround matches=%d\n", modes[m].name, rc, got == modes[m].mode);
        printf("  rint:");
        for (unsigned i = 0; i < sizeof rin / sizeof rin[0]; i++)
            printf(" %g", rint(rin[i]));
        printf("\n  nearbyint(-0.5)=%g lrint(2.5)=%ld lrint(-2.5)=%ld llrint(7.5)=%lld\n", nearbyint(rin[3]),
               lrint(rin[2]), lrint(rin[5]), llrint(rin[2] + 5.0));
        volatile double q = one / three, nq = -one / three, s = sqrt(two), p = big * 0.75 + big * 0.5;
        volatile float qf = onef / threef;
        volatile double sum = 1.0 + 0x1p-60 * three;
        printf("  1/3=%a -1/3=%a sqrt2=%a max*1.25=%a 1f/3f=%a 1+3*2^-60=%a\n", q, nq, s, p, (double)qf, sum);
        volatile double tiny = small * 0x1.8p-30;
        volatile float narrowed = (float)q;
        volatile long conv = (long)(q * 10.0); /* truncation regardless of mode */
        printf("  tiny=%a (float)(1/3)=%a (long)(10/3)=%ld\n", tiny, (double)narrowed, conv);
    }
    fesetround(FE_TONEAREST);

    OP("1.0/0.0", one / zero);
    OP("-1.0/0.0", -one / zero);
    OP("0.0/0.0", zero / zero);
    OP("sqrt(-1)", sqrt(-one));
    OP("DBL_MAX*2", big * two);
    OP("DBL_MIN*DBL_MIN", small * small);
    OP("DBL_MIN/3 (denormal)", small / three);
    OP("DBL_MIN/2 (exact)", small / two);
    OP("1.0/3.0", one / three);
    OP("1.0+1.0", one + one);
    OP("inf-inf", (one / zero) - (one / zero));
    OP("inf*0", (one / zero) * zero);
    OP("(int)1e10 via lrint", (double)(int)lrint(1e10 * one));

    feclearexcept(FE_ALL_EXCEPT);
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    printf("feraiseexcept(OF|NX): %s\n", flags());
    fenv_t env;
    fegetenv(&env);
    feclearexcept(FE_ALL_EXCEPT);
    fesetround(FE_UPWARD);
    printf("after clear: %s round=%d\n", flags(), fegetround() == FE_UPWARD);
    fesetenv(&env);
    printf("after fesetenv: %s round_nearest=%d\n", flags(), fegetround() == FE_TONEAREST);
    fenv_t held;
    feholdexcept(&held);
    volatile double x = one / zero;
    (void)x;
    printf("inside hold: %s\n", flags());
    feupdateenv(&held);
    printf("after feupdateenv: %s\n", flags());
    fexcept_t saved;
    fegetexceptflag(&saved, FE_DIVBYZERO);
    feclearexcept(FE_ALL_EXCEPT);
    fesetexceptflag(&saved, FE_DIVBYZERO);
    printf("restored DZ only: %s\n", flags());
    return 0;
}
