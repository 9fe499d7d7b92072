/* riscv64 F and D execution: NaN-boxed singles, canonical NaNs, the five rounding modes, fflags/frm/fcsr, and the pattern table. */
#include <fenv.h>
#include <math.h>
#include <string.h>

#include "rv.h"

/*
 * Exception flags: the host's sticky FP flags accumulate the NV/DZ/OF/UF/NX raised by real host arithmetic
 * while guest code runs; they are merged into guest fflags only when the guest reads fflags/fcsr and
 * cleared when it writes them. Flags that follow from RISC-V rules rather than from IEEE arithmetic (NaN
 * operands, comparisons, conversions to integer, RMM fix-ups) are computed here in integer code and OR-ed
 * into RV(c)->fflags directly. Host arithmetic never sees a NaN operand (they are filtered on the bits
 * first), so the host's NaN encoding (e.g. legacy MIPS, where the quiet bit is inverted) does not matter.
 *
 * Rounding: the host stays in round-to-nearest; ops whose effective mode is RTZ/RDN/RUP switch the host
 * mode around the single operation. RMM (ties away) has no fenv mode: see s_rmm/d_rmm below.
 */

#include "hostfenv.h"

#define X(r) XR(c, r)
#define FR(r) (RV(c)->f[(r)])
#define NEXT OP_NEXT(c, o)
#define OP(name) static const struct op *name(struct emu_cpu *c, const struct op *o)
#define SW(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

enum { FL_NX = 1, FL_UF = 2, FL_OF = 4, FL_DZ = 8, FL_NV = 16 };
enum { RNE, RTZ, RDN, RUP, RMM };
enum { K_ADD, K_MUL, K_DIV, K_SQRT, K_FMA };

static const int host_rm[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};

/* The effective rounding mode of an op (7 = dynamic); values above RMM are illegal. */
static inline unsigned rmode(const struct emu_cpu *c, const struct op *o)
{
    return o->rm == 7 ? RV(c)->frm : o->rm;
}

static inline void raise_flags(struct emu_cpu *c, uint32_t fl) { RV(c)->fflags |= fl; }

/* ---- bit-level access: s_ = single (NaN-boxed in f[]), d_ = double ---- */
typedef float s_T;
typedef uint32_t s_U;
typedef double d_T;
typedef uint64_t d_U;
#define s_SIGN 0x80000000u
#define s_INF 0x7f800000u
#define s_QNAN 0x7fc00000u
#define s_QBIT 0x00400000u
#define s_MINN 0x00800000u
#define s_SCALE 0x1p32f
#define d_SIGN 0x8000000000000000ull
#define d_INF 0x7ff0000000000000ull
#define d_QNAN 0x7ff8000000000000ull
#define d_QBIT 0x0008000000000000ull
#define d_MINN 0x0010000000000000ull
#define d_SCALE 0x1p64
#define BOX 0xffffffff00000000ull

static inline s_U s_get(const struct emu_cpu *c, unsigned r)
{
    uint64_t v = FR(r);
    return (v >> 32) == 0xffffffffu ? (s_U)v : s_QNAN;
}
static inline void s_put(struct emu_cpu *c, unsigned r, s_U b) { FR(r) = BOX | b; }
static inline d_U d_get(const struct emu_cpu *c, unsigned r) { return FR(r); }
static inline void d_put(struct emu_cpu *c, unsigned r, d_U b) { FR(r) = b; }
static inline s_T s_f(s_U b) { s_T f; memcpy(&f, &b, sizeof f); return f; }
static inline d_T d_f(d_U b) { d_T f; memcpy(&f, &b, sizeof f); return f; }
static inline s_U s_b(s_T f) { s_U b; memcpy(&b, &f, sizeof b); return b; }
static inline d_U d_b(d_T f) { d_U b; memcpy(&b, &f, sizeof b); return b; }
static inline int s_nan(s_U b) { return (b & ~s_SIGN) > s_INF; }
static inline int d_nan(d_U b) { return (b & ~d_SIGN) > d_INF; }
static inline int s_snan(s_U b) { return s_nan(b) && !(b & s_QBIT); }
static inline int d_snan(d_U b) { return d_nan(b) && !(b & d_QBIT); }
/* inf * 0 in either order (invalid even when the fma addend is a quiet NaN). */
static inline int s_infzero(s_U a, s_U b)
{
    a &= ~s_SIGN, b &= ~s_SIGN;
    return (a == s_INF && b == 0) || (b == s_INF && a == 0);
}
static inline int d_infzero(d_U a, d_U b)
{
    a &= ~d_SIGN, b &= ~d_SIGN;
    return (a == d_INF && b == 0) || (b == d_INF && a == 0);
}

/* Precision-generic forms (sp = single): bits travel zero-extended in a uint64_t. */
static inline uint64_t g_get(const struct emu_cpu *c, unsigned r, int sp) { return sp ? s_get(c, r) : d_get(c, r); }
static inline void g_put(struct emu_cpu *c, unsigned r, uint64_t b, int sp)
{
    if (sp)
        s_put(c, r, (s_U)b);
    else
        d_put(c, r, b);
}
static inline int g_nan(uint64_t b, int sp) { return sp ? s_nan((s_U)b) : d_nan(b); }
static inline int g_snan(uint64_t b, int sp) { return sp ? s_snan((s_U)b) : d_snan(b); }
/* Value of a non-NaN operand as a double (exact for singles). */
static inline double g_val(uint64_t b, int sp) { return sp ? (double)s_f((s_U)b) : d_f(b); }

/* The neighbour of bits b toward +inf (up) or -inf. */
static inline uint64_t g_step(uint64_t b, int up, int sp)
{
    uint64_t sign = sp ? s_SIGN : d_SIGN;
    if ((b & ~sign) == 0)
        return up ? 1 : (sign | 1);
    return ((b & sign) != 0) == up ? b - 1 : b + 1;
}

/* ---- arithmetic ---- */
static inline s_T s_calc(int k, s_T x, s_T y, s_T z)
{
    switch (k) {
    case K_ADD: return x + y;
    case K_MUL: return x * y;
    case K_DIV: return x / y;
    case K_SQRT: return sqrtf(x);
    default: return fmaf(x, y, z);
    }
}
static inline d_T d_calc(int k, d_T x, d_T y, d_T z)
{
    switch (k) {
    case K_ADD: return x + y;
    case K_MUL: return x * y;
    case K_DIV: return x / y;
    case K_SQRT: return sqrt(x);
    default: return fma(x, y, z);
    }
}

/* Error of s = RN(a + b) (Knuth's TwoSum, exact in round-to-nearest without overflow). */
static double two_sum_err(double a, double b, double s)
{
    volatile double bp = s - a;
    double ap = s - bp;
    return (a - ap) + (b - bp);
}

/*
 * RMM (round to nearest, ties away from zero) differs from RNE only when the exact result lies exactly
 * halfway between two neighbours. The RNE result is computed (it raises the right flags), then the exact
 * residual is found with error-free transformations under saved host flags, and a tie that RNE resolved
 * toward zero is moved one step away. Singles: exact for add/sub/mul/div/fma/fcvt.s.d (the exact result
 * of a single op is a double plus a residual that tells whether it is a representable tie). sqrt never
 * ties. Doubles: TwoSum for add/sub; mul/div/fma are scaled by a power of two so that no residual underflows
 * and tested exactly with floating-point expansions (Shewchuk's Grow-Expansion).
 */
static s_T s_tie_away(s_T r, double s)
{
    double dr = r, diff = s - dr;
    if (diff == 0)
        return r;
    s_U rb = s_b(r), nb = (s_U)g_step(rb, diff > 0, 1);
    if ((nb & ~s_SIGN) < (rb & ~s_SIGN) || diff * 2 != (double)s_f(nb) - dr)
        return r;
    return s_f(nb);
}

static s_T s_rmm(int k, s_T x, s_T y, s_T z)
{
    volatile s_T r = s_calc(k, x, y, z);
    if (k == K_SQRT || (s_b(r) & ~s_SIGN) >= s_INF)
        return r;
    fexcept_t fe;
    fegetexceptflag(&fe, FE_ALL_EXCEPT);
    volatile double vx = x, vy = y, vz = z;
    double s, e = 0;
    if (k == K_ADD) {
        s = vx + vy;
        e = two_sum_err(vx, vy, s);
    } else if (k == K_MUL) {
        s = vx * vy;
    } else if (k == K_DIV) {
        s = vx / vy;
        e = fma(-s, vy, vx);
    } else {
        volatile double p = vx * vy;
        s = p + vz;
        e = two_sum_err(p, vz, s);
    }
    volatile s_T res = e == 0 ? s_tie_away(r, s) : r;
    fesetexceptflag(&fe, FE_ALL_EXCEPT);
    return res;
}

/* Adds b exactly to the nonoverlapping expansion e[0..n) (increasing magnitude; Shewchuk's Grow-Expansion). */
static int grow(double *e, int n, double b)
{
    double q = b;
    for (int i = 0; i < n; i++) {
        double s = q + e[i];
        e[i] = two_sum_err(q, e[i], s);
        q = s;
    }
    e[n] = q;
    return n + 1;
}

/* Sign of the exact sum of an expansion: that of its largest nonzero component. */
static int exp_sign(const double *e, int n)
{
    while (n-- > 0)
        if (e[n] != 0)
            return e[n] > 0 ? 1 : -1;
    return 0;
}

/* Adds the exact product a*b to the expansion e[0..n). */
static int grow_prod(double *e, int n, double a, double b)
{
    volatile double p = a * b;
    n = grow(e, n, fma(a, b, -p));
    return grow(e, n, p);
}

static d_T d_rmm(int k, d_T x, d_T y, d_T z)
{
    volatile d_T r = d_calc(k, x, y, z);
    d_U rb = d_b(r);
    if (k == K_SQRT || (rb & ~d_SIGN) >= d_INF)
        return r;
    fexcept_t fe;
    fegetexceptflag(&fe, FE_ALL_EXCEPT);
    volatile d_T res = r;
    if (k == K_ADD) {
        volatile d_T vx = x, vy = y, vr = r;
        double t = two_sum_err(vx, vy, vr); /* exact - r */
        if (t != 0) {
            d_U nb = g_step(rb, t > 0, 0);
            volatile double gap = d_f(nb) - vr;
            if ((nb & ~d_SIGN) > (rb & ~d_SIGN) && t * 2 == gap)
                res = d_f(nb);
        }
    } else if (x != 0 && y != 0) {
        /* Scale by 2^sc so that the operands are in [0.5, 1) and nothing underflows, then test exactly
           with expansions: sign of (E - r), then whether E - r - h == 0 (h = half the gap toward E). */
        int ex, ey, ez = 0, sc;
        double e[8], xs = frexp(x, &ex), ys = frexp(y, &ey), zs = 0, rs;
        int n = 0, sg;
        if (k == K_DIV) { /* y*(E - r) = x - r*y */
            sc = ey - ex;
            rs = ldexp(r, sc);
            n = grow(e, n, xs);
            n = grow_prod(e, n, -rs, ys);
            sg = exp_sign(e, n) * (ys > 0 ? 1 : -1);
        } else {
            sc = -(ex + ey);
            if (k == K_FMA && z != 0) {
                zs = frexp(z, &ez);
                if (ez - (ex + ey) > 200 || (ex + ey) - ez > 200)
                    goto done; /* the smaller term lies far below the grid: no tie */
                zs = ldexp(z, sc);
            }
            rs = ldexp(r, sc);
            n = grow_prod(e, n, xs, ys);
            n = grow(e, n, zs);
            n = grow(e, n, -rs);
            sg = exp_sign(e, n);
        }
        if (sg) {
            d_U nb = g_step(rb, sg > 0, 0);
            if ((nb & ~d_SIGN) > (rb & ~d_SIGN) && (nb & ~d_SIGN) < d_INF) {
                volatile double hs = ldexp(d_f(nb) - r, sc) * 0.5;
                n = k == K_DIV ? grow_prod(e, n, -hs, ys) : grow(e, n, -hs);
                if (!exp_sign(e, n))
                    res = d_f(nb);
            }
        }
    }
done:
    fesetexceptflag(&fe, FE_ALL_EXCEPT);
    return res;
}

/*
 * Underflow: RISC-V detects tininess after rounding; some hosts (arm64) detect it before rounding and also
 * raise UF when an inexact result rounds up to +-min-normal. On such hosts every mul/div/fma/fcvt.s.d result
 * of magnitude <= min-normal comes here; since this path clears the host UF flag, a set flag was raised by
 * this op alone: it is moved to fflags unless the result is +-min-normal and a recomputation with the
 * operands scaled up (an unbounded exponent, same rounding) is not below min-normal.
 */
static int tiny_before, tiny_probed;

static void probe_tininess(void)
{
    fexcept_t fe;
    fegetexceptflag(&fe, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double d = 0x1.fffffffp-127; /* rounds to the float min-normal, not tiny after rounding */
    volatile float f = (float)d;
    (void)f;
    tiny_before = fetestexcept(FE_UNDERFLOW) != 0;
    fesetexceptflag(&fe, FE_ALL_EXCEPT);
}

#define MAY_UF(k) ((k) == K_MUL || (k) == K_DIV || (k) == K_FMA)
#define UF_FIX(P)                                                                                            \
    static void P##_uf_fix(struct emu_cpu *c, int k, P##_U a, P##_U b, P##_U d, unsigned rm, P##_U rb)       \
    {                                                                                                        \
        if (!fetestexcept(FE_UNDERFLOW))                                                                     \
            return;                                                                                          \
        int tiny = 1;                                                                                        \
        if ((rb & ~P##_SIGN) == P##_MINN) {                                                                  \
            volatile P##_T x = P##_f(a), y = P##_f(b), z = P##_f(d) * P##_SCALE, r;                          \
            if (k != K_DIV && fabs(x) > fabs(y)) { /* scale the smaller factor */                            \
                r = x, x = y, y = r;                                                                         \
            }                                                                                                \
            x = x * P##_SCALE;                                                                               \
            if (rm == RMM) {                                                                                 \
                r = P##_rmm(k, x, y, z);                                                                     \
            } else {                                                                                         \
                fesetround(host_rm[rm]);                                                                     \
                r = P##_calc(k, x, y, z);                                                                    \
                fesetround(FE_TONEAREST);                                                                    \
            }                                                                                                \
            tiny = fabs(r) < P##_f(P##_MINN) * P##_SCALE;                                                    \
        }                                                                                                    \
        feclearexcept(FE_UNDERFLOW);                                                                         \
        if (tiny)                                                                                            \
            raise_flags(c, FL_UF);                                                                           \
    }                                                                                                        \
    /* Writes the result of an arithmetic op: canonical NaN, underflow fix-up. */                            \
    static inline void P##_done(struct emu_cpu *c, const struct op *o, int k, P##_U a, P##_U b, P##_U d,     \
                                unsigned rm, P##_T r)                                                        \
    {                                                                                                        \
        P##_U rb = P##_b(r);                                                                                 \
        if (MAY_UF(k) && UNLIKELY((rb & ~P##_SIGN) <= P##_MINN) && tiny_before)                              \
            P##_uf_fix(c, k, a, b, d, rm, rb);                                                               \
        P##_put(c, o->rd, P##_nan(rb) ? P##_QNAN : rb);                                                      \
    }
UF_FIX(s)
UF_FIX(d)

/* Slow path of an arithmetic op: illegal rounding mode, NaN operands, or a mode other than RNE. */
#define ARITH_SLOW(P)                                                                                        \
    static const struct op *P##_slow(struct emu_cpu *c, const struct op *o, int k, P##_U a, P##_U b, P##_U d, \
                                     unsigned rm)                                                            \
    {                                                                                                        \
        if (rm > RMM)                                                                                        \
            return rv_illegal(c, o);                                                                         \
        if (P##_nan(a) | P##_nan(b) | P##_nan(d)) {                                                          \
            if (P##_snan(a) | P##_snan(b) | P##_snan(d) || (k == K_FMA && P##_infzero(a, b)))                \
                raise_flags(c, FL_NV);                                                                       \
            P##_put(c, o->rd, P##_QNAN);                                                                     \
            NEXT;                                                                                            \
        }                                                                                                    \
        volatile P##_T x = P##_f(a), y = P##_f(b), z = P##_f(d), r;                                          \
        if (rm == RMM) {                                                                                     \
            r = P##_rmm(k, x, y, z);                                                                         \
        } else {                                                                                             \
            fesetround(host_rm[rm]);                                                                         \
            r = P##_calc(k, x, y, z);                                                                        \
            fesetround(FE_TONEAREST);                                                                        \
        }                                                                                                    \
        P##_done(c, o, k, a, b, d, rm, r);                                                                   \
        NEXT;                                                                                                \
    }
ARITH_SLOW(s)
ARITH_SLOW(d)

/* An arithmetic op with na operands; sa/sb/sd flip operand signs (fsub, fmsub, fnmsub, fnmadd negate
   operands rather than results so that signed zeros and directed rounding come out right). */
#define ARITH(P, name, k, na, sa, sb, sd, expr)                                                              \
    OP(name)                                                                                                 \
    {                                                                                                        \
        P##_U a = P##_get(c, o->rs1) ^ (sa);                                                                 \
        P##_U b = (na) > 1 ? P##_get(c, o->rs2) ^ (sb) : 0;                                                  \
        P##_U d = (na) > 2 ? P##_get(c, o->rs3) ^ (sd) : 0;                                                  \
        unsigned rm = rmode(c, o);                                                                           \
        if (UNLIKELY(rm | (unsigned)(P##_nan(a) | P##_nan(b) | P##_nan(d))))                                 \
            return P##_slow(c, o, k, a, b, d, rm);                                                           \
        P##_T x = P##_f(a), y = P##_f(b), z = P##_f(d);                                                      \
        (void)y, (void)z;                                                                                    \
        P##_done(c, o, k, a, b, d, RNE, expr);                                                               \
        NEXT;                                                                                                \
    }

ARITH(s, op_fadd_s, K_ADD, 2, 0, 0, 0, x + y)
ARITH(s, op_fsub_s, K_ADD, 2, 0, s_SIGN, 0, x + y)
ARITH(s, op_fmul_s, K_MUL, 2, 0, 0, 0, x * y)
ARITH(s, op_fdiv_s, K_DIV, 2, 0, 0, 0, x / y)
ARITH(s, op_fsqrt_s, K_SQRT, 1, 0, 0, 0, sqrtf(x))
ARITH(s, op_fmadd_s, K_FMA, 3, 0, 0, 0, fmaf(x, y, z))
ARITH(s, op_fmsub_s, K_FMA, 3, 0, 0, s_SIGN, fmaf(x, y, z))
ARITH(s, op_fnmsub_s, K_FMA, 3, s_SIGN, 0, 0, fmaf(x, y, z))
ARITH(s, op_fnmadd_s, K_FMA, 3, s_SIGN, 0, s_SIGN, fmaf(x, y, z))
ARITH(d, op_fadd_d, K_ADD, 2, 0, 0, 0, x + y)
ARITH(d, op_fsub_d, K_ADD, 2, 0, d_SIGN, 0, x + y)
ARITH(d, op_fmul_d, K_MUL, 2, 0, 0, 0, x * y)
ARITH(d, op_fdiv_d, K_DIV, 2, 0, 0, 0, x / y)
ARITH(d, op_fsqrt_d, K_SQRT, 1, 0, 0, 0, sqrt(x))
ARITH(d, op_fmadd_d, K_FMA, 3, 0, 0, 0, fma(x, y, z))
ARITH(d, op_fmsub_d, K_FMA, 3, 0, 0, d_SIGN, fma(x, y, z))
ARITH(d, op_fnmsub_d, K_FMA, 3, d_SIGN, 0, 0, fma(x, y, z))
ARITH(d, op_fnmadd_d, K_FMA, 3, d_SIGN, 0, d_SIGN, fma(x, y, z))

/* ---- float <-> float ---- */

/* Bits of (float)x in any rounding mode. */
static s_U narrow(d_T x, unsigned rm)
{
    volatile d_T vx = x;
    volatile s_T r;
    if (rm == RMM) {
        r = (s_T)vx;
        fexcept_t fe;
        fegetexceptflag(&fe, FE_ALL_EXCEPT);
        if ((s_b(r) & ~s_SIGN) < s_INF)
            r = s_tie_away(r, vx);
        fesetexceptflag(&fe, FE_ALL_EXCEPT);
    } else {
        fesetround(host_rm[rm]);
        r = (s_T)vx;
        fesetround(FE_TONEAREST);
    }
    return s_b(r);
}

OP(op_fcvt_s_d)
{
    d_U a = d_get(c, o->rs1);
    unsigned rm = rmode(c, o);
    if (UNLIKELY(rm > RMM))
        return rv_illegal(c, o);
    if (UNLIKELY(d_nan(a))) {
        if (d_snan(a))
            raise_flags(c, FL_NV);
        s_put(c, o->rd, s_QNAN);
        NEXT;
    }
    s_U rb = rm == RNE ? s_b((s_T)d_f(a)) : narrow(d_f(a), rm);
    if (UNLIKELY((rb & ~s_SIGN) <= s_MINN) && tiny_before && fetestexcept(FE_UNDERFLOW)) {
        feclearexcept(FE_UNDERFLOW); /* see s_uf_fix */
        if ((rb & ~s_SIGN) != s_MINN || fabs(s_f(narrow(d_f(a) * 0x1p32, rm))) < 0x1p-94)
            raise_flags(c, FL_UF);
    }
    s_put(c, o->rd, rb);
    NEXT;
}

OP(op_fcvt_d_s)
{
    s_U a = s_get(c, o->rs1);
    if (UNLIKELY(rmode(c, o) > RMM))
        return rv_illegal(c, o);
    if (UNLIKELY(s_nan(a))) {
        if (s_snan(a))
            raise_flags(c, FL_NV);
        d_put(c, o->rd, d_QNAN);
        NEXT;
    }
    d_put(c, o->rd, d_b((d_T)s_f(a))); /* exact */
    NEXT;
}

/* ---- float -> integer (all in software: exact flags, no host flags) ---- */

/* |r| for an integral r below 2^64, from the bits (no host conversion: some hosts raise spurious flags). */
static uint64_t mag_of(double r)
{
    d_U b = d_b(r);
    int e = (int)((b >> 52) & 0x7ff) - 1023;
    uint64_t m = (b & 0xfffffffffffffull) | 1ull << 52;
    return e < 0 ? 0 : e >= 52 ? m << (e - 52) : m >> (52 - e);
}

/* x rounded to an integral value in mode rm, using only exact operations. */
static double round_int(double x, unsigned rm)
{
    d_U b = d_b(x);
    int e = (int)((b >> 52) & 0x7ff) - 1023;
    if (e >= 52)
        return x; /* already integral (or infinite) */
    double t = d_f(e < 0 ? b & d_SIGN : b & ~((1ull << (52 - e)) - 1)); /* trunc(x) */
    double f = x - t;                                                   /* exact fraction */
    if (f == 0)
        return x;
    double away = t + (x < 0 ? -1.0 : 1.0), af = fabs(f);
    switch (rm) {
    case RTZ: return t;
    case RDN: return x < 0 ? away : t;
    case RUP: return x > 0 ? away : t;
    case RMM: return af >= 0.5 ? away : t;
    default: return af > 0.5 || (af == 0.5 && (mag_of(t) & 1)) ? away : t;
    }
}

/* Destination kinds W, WU, L, LU: valid range [lo, hi) of the rounded value and saturation results. */
static const double cvt_lo[4] = {-0x1p31, 0, -0x1p63, 0};
static const double cvt_hi[4] = {0x1p31, 0x1p32, 0x1p63, 0x1p64};
static const uint64_t cvt_min[4] = {0xffffffff80000000ull, 0, 0x8000000000000000ull, 0};
static const uint64_t cvt_max[4] = {0x7fffffffull, ~0ull, 0x7fffffffffffffffull, ~0ull};

static inline const struct op *cvt_to_int(struct emu_cpu *c, const struct op *o, uint64_t bits, int sp, int k)
{
    unsigned rm = rmode(c, o);
    uint64_t v;
    if (UNLIKELY(rm > RMM))
        return rv_illegal(c, o);
    if (g_nan(bits, sp)) {
        raise_flags(c, FL_NV);
        v = cvt_max[k];
    } else {
        double x = g_val(bits, sp), r = round_int(x, rm);
        if (r < cvt_lo[k]) {
            raise_flags(c, FL_NV);
            v = cvt_min[k];
        } else if (r >= cvt_hi[k]) {
            raise_flags(c, FL_NV);
            v = cvt_max[k];
        } else {
            if (r != x)
                raise_flags(c, FL_NX);
            v = r < 0 ? 0 - mag_of(r) : mag_of(r);
            if (k < 2)
                v = SW(v);
        }
    }
    X(o->rd) = v;
    NEXT;
}

#define TO_INT(name, P, sp, k) OP(name) { return cvt_to_int(c, o, P##_get(c, o->rs1), sp, k); }
TO_INT(op_fcvt_w_s, s, 1, 0)
TO_INT(op_fcvt_wu_s, s, 1, 1)
TO_INT(op_fcvt_l_s, s, 1, 2)
TO_INT(op_fcvt_lu_s, s, 1, 3)
TO_INT(op_fcvt_w_d, d, 0, 0)
TO_INT(op_fcvt_wu_d, d, 0, 1)
TO_INT(op_fcvt_l_d, d, 0, 2)
TO_INT(op_fcvt_lu_d, d, 0, 3)

/* ---- integer -> float (built bit by bit: any rounding mode, no host flags) ---- */
static inline unsigned bitlen64(uint64_t v)
{
#if defined(__GNUC__)
    return 64u - (unsigned)__builtin_clzll(v);
#else
    unsigned n = 0;
    while (v)
        n++, v >>= 1;
    return n;
#endif
}

/* Bits of the single or double nearest (per rm) to the integer (neg ? -mag : mag). */
static uint64_t int_to_fp(struct emu_cpu *c, uint64_t mag, int neg, unsigned rm, int sp)
{
    if (!mag)
        return 0;
    int p = sp ? 24 : 53, sh = (int)bitlen64(mag) - p;
    uint64_t m;
    if (sh <= 0) {
        m = mag << -sh;
    } else {
        uint64_t drop = mag & ((1ull << sh) - 1), half = 1ull << (sh - 1);
        m = mag >> sh;
        if (drop) {
            raise_flags(c, FL_NX);
            int up = rm == RNE ? drop > half || (drop == half && (m & 1))
                   : rm == RMM ? drop >= half
                   : rm == RDN ? neg
                   : rm == RUP ? !neg : 0;
            m += (uint64_t)up;
            if (m >> p)
                m >>= 1, sh++;
        }
    }
    uint64_t e = (uint64_t)((sp ? 127 : 1023) + p - 1 + sh);
    return e << (p - 1) | (m & ((1ull << (p - 1)) - 1)) | (uint64_t)neg << (sp ? 31 : 63);
}

/* sgn: the source is signed; v is the source value sign-extended to 64 bits. */
#define FROM_INT(name, sp, sgn, val)                                                                         \
    OP(name)                                                                                                 \
    {                                                                                                        \
        unsigned rm = rmode(c, o);                                                                           \
        if (UNLIKELY(rm > RMM))                                                                              \
            return rv_illegal(c, o);                                                                         \
        uint64_t v = (val);                                                                                  \
        int neg = (sgn) && (v >> 63);                                                                        \
        g_put(c, o->rd, int_to_fp(c, neg ? 0 - v : v, neg, rm, sp), sp);                                     \
        NEXT;                                                                                                \
    }
FROM_INT(op_fcvt_s_w, 1, 1, SW(X(o->rs1)))
FROM_INT(op_fcvt_s_wu, 1, 0, (uint32_t)X(o->rs1))
FROM_INT(op_fcvt_s_l, 1, 1, X(o->rs1))
FROM_INT(op_fcvt_s_lu, 1, 0, X(o->rs1))
FROM_INT(op_fcvt_d_w, 0, 1, SW(X(o->rs1)))
FROM_INT(op_fcvt_d_wu, 0, 0, (uint32_t)X(o->rs1))
FROM_INT(op_fcvt_d_l, 0, 1, X(o->rs1))
FROM_INT(op_fcvt_d_lu, 0, 0, X(o->rs1))

/* ---- sign injection, min/max, compare, classify (no host FP flags) ---- */
#define SGNJ(name, sp, expr)                                                                                 \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint64_t a = g_get(c, o->rs1, sp), b = g_get(c, o->rs2, sp), m = (sp) ? s_SIGN : d_SIGN;             \
        g_put(c, o->rd, (a & ~m) | ((expr) & m), sp);                                                        \
        NEXT;                                                                                                \
    }
SGNJ(op_fsgnj_s, 1, b)
SGNJ(op_fsgnjn_s, 1, ~b)
SGNJ(op_fsgnjx_s, 1, a ^ b)
SGNJ(op_fsgnj_d, 0, b)
SGNJ(op_fsgnjn_d, 0, ~b)
SGNJ(op_fsgnjx_d, 0, a ^ b)

/* IEEE 754-2019 minimumNumber/maximumNumber with -0 < +0; signaling NaNs raise NV. */
static inline uint64_t fminmax(struct emu_cpu *c, uint64_t a, uint64_t b, int sp, int max)
{
    int an = g_nan(a, sp), bn = g_nan(b, sp);
    if (UNLIKELY(an | bn)) {
        if (g_snan(a, sp) | g_snan(b, sp))
            raise_flags(c, FL_NV);
        return an && bn ? (sp ? s_QNAN : d_QNAN) : an ? b : a;
    }
    double x = g_val(a, sp), y = g_val(b, sp);
    if (x == y) /* only +0/-0 differ in bits */
        return max ? a & b : a | b;
    return (x < y) != max ? a : b;
}
#define MINMAX(name, sp, max)                                                                                \
    OP(name) { g_put(c, o->rd, fminmax(c, g_get(c, o->rs1, sp), g_get(c, o->rs2, sp), sp, max), sp); NEXT; }
MINMAX(op_fmin_s, 1, 0)
MINMAX(op_fmax_s, 1, 1)
MINMAX(op_fmin_d, 0, 0)
MINMAX(op_fmax_d, 0, 1)

/* k: 0 fle, 1 flt, 2 feq (the funct3 values). feq raises NV only for signaling NaNs, flt/fle for any NaN. */
static inline uint64_t fcmp(struct emu_cpu *c, uint64_t a, uint64_t b, int sp, int k)
{
    if (UNLIKELY(g_nan(a, sp) | g_nan(b, sp))) {
        if (k != 2 || g_snan(a, sp) | g_snan(b, sp))
            raise_flags(c, FL_NV);
        return 0;
    }
    double x = g_val(a, sp), y = g_val(b, sp);
    return k == 2 ? x == y : k == 1 ? x < y : x <= y;
}
#define CMP(name, sp, k) OP(name) { X(o->rd) = fcmp(c, g_get(c, o->rs1, sp), g_get(c, o->rs2, sp), sp, k); NEXT; }
CMP(op_fle_s, 1, 0)
CMP(op_flt_s, 1, 1)
CMP(op_feq_s, 1, 2)
CMP(op_fle_d, 0, 0)
CMP(op_flt_d, 0, 1)
CMP(op_feq_d, 0, 2)

/* The fclass mask: bit 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0, 5 +subnormal, 6 +normal, 7 +inf,
   8 signaling NaN, 9 quiet NaN. */
static uint64_t fclass(uint64_t b, int sp)
{
    unsigned mb = sp ? 23 : 52, eb = sp ? 8 : 11;
    int neg = (int)(b >> (mb + eb)) & 1;
    uint64_t e = (b >> mb) & ((1u << eb) - 1), m = b & ((1ull << mb) - 1);
    if (e == (1u << eb) - 1)
        return m == 0 ? (neg ? 1u << 0 : 1u << 7) : (m >> (mb - 1)) ? 1u << 9 : 1u << 8;
    if (e == 0)
        return m == 0 ? (neg ? 1u << 3 : 1u << 4) : (neg ? 1u << 2 : 1u << 5);
    return neg ? 1u << 1 : 1u << 6;
}
OP(op_fclass_s) { X(o->rd) = fclass(s_get(c, o->rs1), 1); NEXT; }
OP(op_fclass_d) { X(o->rd) = fclass(d_get(c, o->rs1), 0); NEXT; }

/* ---- moves (raw bits: fmv.x.w sign-extends, fmv.w.x boxes) ---- */
OP(op_fmv_x_w) { X(o->rd) = SW(FR(o->rs1)); NEXT; }
OP(op_fmv_w_x) { s_put(c, o->rd, (s_U)X(o->rs1)); NEXT; }
OP(op_fmv_x_d) { X(o->rd) = FR(o->rs1); NEXT; }
OP(op_fmv_d_x) { FR(o->rd) = X(o->rs1); NEXT; }

/* ---- loads and stores (raw bits; flw boxes) ---- */
#define FLOAD(name, n, expr) OP(name) { uint64_t ea = X(o->rs1) + (uint64_t)o->imm; uint8_t *p = rv_addr(c, o, ea, n); \
    if (!p) { return rv_fault(c, o, ea); } FR(o->rd) = (expr); NEXT; }
#define FSTORE(name, n, st) OP(name) { uint64_t ea = X(o->rs1) + (uint64_t)o->imm; uint8_t *p = rv_addr(c, o, ea, n); \
    if (!p) { return rv_fault(c, o, ea); } st; NEXT; }
FLOAD(op_flw, 4, BOX | ld32(p))
FLOAD(op_fld, 8, ld64(p))
FSTORE(op_fsw, 4, st32(p, (uint32_t)FR(o->rs2)))
FSTORE(op_fsd, 8, st64(p, FR(o->rs2)))

/* ---- fflags / frm / fcsr ---- */
static uint32_t host_flags(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    return (e & FE_INVALID ? FL_NV : 0) | (e & FE_DIVBYZERO ? FL_DZ : 0) | (e & FE_OVERFLOW ? FL_OF : 0) |
           (e & FE_UNDERFLOW ? FL_UF : 0) | (e & FE_INEXACT ? FL_NX : 0);
}

int rv_fcsr_read(struct emu_cpu *c, unsigned csr, uint64_t *val)
{
    uint32_t fl = RV(c)->fflags | host_flags();
    switch (csr) {
    case 1: *val = fl; return 0;
    case 2: *val = RV(c)->frm; return 0;
    case 3: *val = (uint64_t)RV(c)->frm << 5 | fl; return 0;
    default: return -1;
    }
}

int rv_fcsr_write(struct emu_cpu *c, unsigned csr, uint64_t val)
{
    switch (csr) {
    case 1: RV(c)->fflags = (uint32_t)val & 31; break;
    case 2: RV(c)->frm = (uint32_t)val & 7; return 0;
    case 3: RV(c)->fflags = (uint32_t)val & 31; RV(c)->frm = (uint32_t)(val >> 5) & 7; break;
    default: return -1;
    }
    feclearexcept(FE_ALL_EXCEPT); /* the written value replaces what the host accumulated */
    return 0;
}

void rv_fp_init(struct emu_cpu *c)
{
    if (!tiny_probed) { /* the first thread runs this before any other exists */
        probe_tininess();
        tiny_probed = 1;
    }
    RV(c)->fflags = 0;
    RV(c)->frm = RNE;
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
}

/* Pattern masks. */
#define M_I   0x0000707fu  /* funct3 opcode */
#define M_RM  0xfe00007fu  /* funct7 opcode, rm free */
#define M_R   0xfe00707fu  /* funct7 funct3 opcode */
#define M_RM2 0xfff0007fu  /* funct7 rs2 opcode, rm free */
#define M_R2  0xfff0707fu  /* funct7 rs2 funct3 opcode */
#define M_R4  0x0600007fu  /* fmt opcode, rm free */
#define RDX RVF_RDX

const struct rv_insn rv_insn_fp[] = {
    {M_I, 0x00002007, op_flw, RV_I, 0, "flw"},
    {M_I, 0x00003007, op_fld, RV_I, 0, "fld"},
    {M_I, 0x00002027, op_fsw, RV_S, 0, "fsw"},
    {M_I, 0x00003027, op_fsd, RV_S, 0, "fsd"},
    {M_R4, 0x00000043, op_fmadd_s, RV_R4, 0, "fmadd.s"},
    {M_R4, 0x00000047, op_fmsub_s, RV_R4, 0, "fmsub.s"},
    {M_R4, 0x0000004b, op_fnmsub_s, RV_R4, 0, "fnmsub.s"},
    {M_R4, 0x0000004f, op_fnmadd_s, RV_R4, 0, "fnmadd.s"},
    {M_R4, 0x02000043, op_fmadd_d, RV_R4, 0, "fmadd.d"},
    {M_R4, 0x02000047, op_fmsub_d, RV_R4, 0, "fmsub.d"},
    {M_R4, 0x0200004b, op_fnmsub_d, RV_R4, 0, "fnmsub.d"},
    {M_R4, 0x0200004f, op_fnmadd_d, RV_R4, 0, "fnmadd.d"},
    {M_RM, 0x00000053, op_fadd_s, RV_RM, 0, "fadd.s"},
    {M_RM, 0x08000053, op_fsub_s, RV_RM, 0, "fsub.s"},
    {M_RM, 0x10000053, op_fmul_s, RV_RM, 0, "fmul.s"},
    {M_RM, 0x18000053, op_fdiv_s, RV_RM, 0, "fdiv.s"},
    {M_RM2, 0x58000053, op_fsqrt_s, RV_RM, 0, "fsqrt.s"},
    {M_RM, 0x02000053, op_fadd_d, RV_RM, 0, "fadd.d"},
    {M_RM, 0x0a000053, op_fsub_d, RV_RM, 0, "fsub.d"},
    {M_RM, 0x12000053, op_fmul_d, RV_RM, 0, "fmul.d"},
    {M_RM, 0x1a000053, op_fdiv_d, RV_RM, 0, "fdiv.d"},
    {M_RM2, 0x5a000053, op_fsqrt_d, RV_RM, 0, "fsqrt.d"},
    {M_R, 0x20000053, op_fsgnj_s, RV_R, 0, "fsgnj.s"},
    {M_R, 0x20001053, op_fsgnjn_s, RV_R, 0, "fsgnjn.s"},
    {M_R, 0x20002053, op_fsgnjx_s, RV_R, 0, "fsgnjx.s"},
    {M_R, 0x22000053, op_fsgnj_d, RV_R, 0, "fsgnj.d"},
    {M_R, 0x22001053, op_fsgnjn_d, RV_R, 0, "fsgnjn.d"},
    {M_R, 0x22002053, op_fsgnjx_d, RV_R, 0, "fsgnjx.d"},
    {M_R, 0x28000053, op_fmin_s, RV_R, 0, "fmin.s"},
    {M_R, 0x28001053, op_fmax_s, RV_R, 0, "fmax.s"},
    {M_R, 0x2a000053, op_fmin_d, RV_R, 0, "fmin.d"},
    {M_R, 0x2a001053, op_fmax_d, RV_R, 0, "fmax.d"},
    {M_RM2, 0x40100053, op_fcvt_s_d, RV_RM, 0, "fcvt.s.d"},
    {M_RM2, 0x42000053, op_fcvt_d_s, RV_RM, 0, "fcvt.d.s"},
    {M_R, 0xa0002053, op_feq_s, RV_R, RDX, "feq.s"},
    {M_R, 0xa0001053, op_flt_s, RV_R, RDX, "flt.s"},
    {M_R, 0xa0000053, op_fle_s, RV_R, RDX, "fle.s"},
    {M_R, 0xa2002053, op_feq_d, RV_R, RDX, "feq.d"},
    {M_R, 0xa2001053, op_flt_d, RV_R, RDX, "flt.d"},
    {M_R, 0xa2000053, op_fle_d, RV_R, RDX, "fle.d"},
    {M_R2, 0xe0001053, op_fclass_s, RV_R, RDX, "fclass.s"},
    {M_R2, 0xe2001053, op_fclass_d, RV_R, RDX, "fclass.d"},
    {M_RM2, 0xc0000053, op_fcvt_w_s, RV_RM, RDX, "fcvt.w.s"},
    {M_RM2, 0xc0100053, op_fcvt_wu_s, RV_RM, RDX, "fcvt.wu.s"},
    {M_RM2, 0xc0200053, op_fcvt_l_s, RV_RM, RDX, "fcvt.l.s"},
    {M_RM2, 0xc0300053, op_fcvt_lu_s, RV_RM, RDX, "fcvt.lu.s"},
    {M_RM2, 0xc2000053, op_fcvt_w_d, RV_RM, RDX, "fcvt.w.d"},
    {M_RM2, 0xc2100053, op_fcvt_wu_d, RV_RM, RDX, "fcvt.wu.d"},
    {M_RM2, 0xc2200053, op_fcvt_l_d, RV_RM, RDX, "fcvt.l.d"},
    {M_RM2, 0xc2300053, op_fcvt_lu_d, RV_RM, RDX, "fcvt.lu.d"},
    {M_RM2, 0xd0000053, op_fcvt_s_w, RV_RM, 0, "fcvt.s.w"},
    {M_RM2, 0xd0100053, op_fcvt_s_wu, RV_RM, 0, "fcvt.s.wu"},
    {M_RM2, 0xd0200053, op_fcvt_s_l, RV_RM, 0, "fcvt.s.l"},
    {M_RM2, 0xd0300053, op_fcvt_s_lu, RV_RM, 0, "fcvt.s.lu"},
    {M_RM2, 0xd2000053, op_fcvt_d_w, RV_RM, 0, "fcvt.d.w"},
    {M_RM2, 0xd2100053, op_fcvt_d_wu, RV_RM, 0, "fcvt.d.wu"},
    {M_RM2, 0xd2200053, op_fcvt_d_l, RV_RM, 0, "fcvt.d.l"},
    {M_RM2, 0xd2300053, op_fcvt_d_lu, RV_RM, 0, "fcvt.d.lu"},
    {M_R2, 0xe0000053, op_fmv_x_w, RV_R, RDX, "fmv.x.w"},
    {M_R2, 0xf0000053, op_fmv_w_x, RV_R, 0, "fmv.w.x"},
    {M_R2, 0xe2000053, op_fmv_x_d, RV_R, RDX, "fmv.x.d"},
    {M_R2, 0xf2000053, op_fmv_d_x, RV_R, 0, "fmv.d.x"},
    {0, 0, NULL, 0, 0, NULL},
};
