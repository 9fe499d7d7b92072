/* libm: elementary functions and rounding helpers over fixed inputs, printed exactly with %.17g and %a. */
#include <math.h>
#include <stdio.h>

static void p1(const char *name, double x, double r)
{
    printf("%-9s(%a) = %.17g %a\n", name, x, r, r);
}
static void p2(const char *name, double x, double y, double r)
{
    printf("%-9s(%a, %a) = %.17g %a\n", name, x, y, r, r);
}

int main(void)
{
    /* volatile so that nothing is folded at compile time */
    static volatile double in[] = {0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.0, 0.1, -2.5, 10.0, 100.0, 1e-300,
                                   1e10, 0.7853981633974483, 3.141592653589793, 709.0, -745.0, 1e300};
    const int n = sizeof in / sizeof in[0];
    for (int i = 0; i < n; i++) {
        double x = in[i];
        p1("sin", x, sin(x));
        p1("cos", x, cos(x));
        p1("exp", x, exp(x));
        p1("log", x, log(x));
        p1("sqrt", x, sqrt(x));
        p1("floor", x, floor(x));
        p1("ceil", x, ceil(x));
        p1("round", x, round(x));
        p1("trunc", x, trunc(x));
        p1("rint", x, rint(x));
        p1("lrint", x, (double)lrint(fmin(fmax(x, -1e18), 1e18)));
        p1("tan", x, tan(x));
        p1("atan", x, atan(x));
        p1("expm1", x, expm1(x));
        p1("log1p", x, log1p(x));
        p1("cbrt", x, cbrt(x));
    }
    static volatile double px[] = {2.0, 2.0, 10.0, -8.0, 0.5, 1.0000001, 9.0, -2.0, 0.0, 1e-10};
    static volatile double py[] = {10.0, 0.5, -3.0, 1.0 / 3.0, 1075.0, 1e9, 0.5, -1.0, -1.0, 0.1};
    for (unsigned i = 0; i < sizeof px / sizeof px[0]; i++) {
        double x = px[i], y = py[i];
        p2("pow", x, y, pow(x, y));
        p2("atan2", x, y, atan2(x, y));
        p2("fmod", x, y, fmod(x, y));
        p2("remainder", x, y, remainder(x, y));
        p2("hypot", x, y, hypot(x, y));
        p2("nextafter", x, y, nextafter(x, y));
        p2("fmin", x, y, fmin(x, y));
        p2("fmax", x, y, fmax(x, y));
        p2("copysign", x, y, copysign(x, y));
        p2("fdim", x, y, fdim(x, y));
    }
    static volatile double fa[] = {1.0, 0x1.0000000000001p0, 1e308, -3.0, 0.1};
    static volatile double fb[] = {1.0, 0x1.fffffffffffffp-1, 10.0, 7.0, 10.0};
    static volatile double fc[] = {-1.0, -1.0, -1e308, 21.0, -1.0};
    for (unsigned i = 0; i < sizeof fa / sizeof fa[0]; i++) {
        double r = fma(fa[i], fb[i], fc[i]);
        printf("fma(%a, %a, %a) = %.17g %a\n", fa[i], fb[i], fc[i], r, r);
    }
    volatile float xf = 0.7f, yf = 1.3f;
    printf("sinf=%a expf=%a logf=%a powf=%a sqrtf=%a fmaf=%a\n", sinf(xf), expf(xf), logf(xf), powf(xf, yf),
           sqrtf(yf), fmaf(xf, yf, -0.91f));
    volatile double big = 1e300, tiny = 5e-324;
    printf("nextafter(0,1)=%a nextafter(tiny,0)=%a nextafter(max,inf)=%a\n", nextafter(0.0, 1.0),
           nextafter(tiny, 0.0), nextafter(0x1.fffffffffffffp1023, INFINITY));
    printf("round(0.5)=%g round(-0.5)=%g round(2.5)=%g rint(2.5)=%g rint(3.5)=%g nearbyint(-2.5)=%g\n",
           round(0.5), round(-0.5), round(2.5), rint(2.5), rint(3.5), nearbyint(-2.5));
    printf("lrint(2.5)=%ld lrint(-3.5)=%ld llround(-2.5)=%lld lround(1e10)=%ld\n", lrint(2.5), lrint(-3.5),
           llround(-2.5), lround(1e10));
    int e;
    double m = frexp(big, &e);
    printf("frexp(1e300)=%a,%d ldexp(1,-1074)=%a modf: ", m, e, ldexp(1.0, -1074));
    double ip, fp = modf(-3.75, &ip);
    printf("%g %g\n", ip, fp);
    printf("isnan(sqrt(-1))=%d isinf(exp(1000))=%d signbit(-0.0)=%d ilogb(1e-310)=%d\n", isnan(sqrt(-(double)xf)),
           isinf(exp(1000.0 * xf)), signbit(-0.0 * xf), ilogb(1e-310 * (xf / xf)));
    return 0;
}
