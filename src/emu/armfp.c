/* Arm floating point shared by the aarch64 and arm backends: FPSR/FPCR (FPSCR) state with lazy host flags, Arm NaN/FZ/DN/rounding slow paths, min/max/compare, and exact software conversions. */
#include "armfp.h"

#include "hostfenv.h"

int armfp_tiny_before;
static int tiny_probed;
static const int host_rm[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO}; /* FPCR.RMode order */

#define FPSR_MASK (FPSR_IOC | FPSR_DZC | FPSR_OFC | FPSR_UFC | FPSR_IXC | FPSR_IDC | FPSR_QC)
#define FPCR_MASK (FPCR_AHP | FPCR_DN | FPCR_FZ | FPCR_RMODE | FPCR_FZ16)

static uint32_t flags_of(int e)
{
    return (e & FE_INVALID ? FPSR_IOC : 0) | (e & FE_DIVBYZERO ? FPSR_DZC : 0) | (e & FE_OVERFLOW ? FPSR_OFC : 0) |
           (e & FE_UNDERFLOW ? FPSR_UFC : 0) | (e & FE_INEXACT ? FPSR_IXC : 0);
}

uint32_t armfp_sr_read(struct armfp *s)
{
    return s->fpsr | flags_of(fetestexcept(FE_ALL_EXCEPT));
}

void armfp_sr_write(struct armfp *s, uint32_t v)
{
    s->fpsr = v & FPSR_MASK;
    feclearexcept(FE_ALL_EXCEPT); /* the written value replaces what the host accumulated */
}

void armfp_cr_write(struct armfp *s, uint32_t v)
{
    s->fpcr = v & FPCR_MASK;
    s->fpslow = s->fpcr & (FPCR_RMODE | FPCR_FZ | FPCR_DN);
}

static void probe_tininess(void)
{
    fexcept_t fe;
    fegetexceptflag(&fe, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double d = 0x1.fffffffp-127; /* rounds to the float min-normal: tiny only before rounding */
    volatile float f = (float)d;
    (void)f;
    armfp_tiny_before = fetestexcept(FE_UNDERFLOW) != 0;
    fesetexceptflag(&fe, FE_ALL_EXCEPT);
}

void armfp_init(struct armfp *s)
{
    if (!tiny_probed) { /* the first thread runs this before any other exists */
        probe_tininess();
        tiny_probed = 1;
    }
    s->fpsr = 0;
    armfp_cr_write(s, 0);
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
}

/* ---- format descriptions and NaN rules ---- */
static const struct { unsigned eb, mb, bias; } fmt[3] = {{5, 10, 15}, {8, 23, 127}, {11, 52, 1023}};
#define MB(f) fmt[f].mb
#define EB(f) fmt[f].eb
static inline uint64_t sign_of(int f) { return 1ull << (MB(f) + EB(f)); }
static inline uint64_t expmask(int f) { return ((1ull << EB(f)) - 1) << MB(f); }
static inline uint64_t fracmask(int f) { return (1ull << MB(f)) - 1; }
static inline uint64_t qbit(int f) { return 1ull << (MB(f) - 1); }
static inline uint64_t dnan(int f) { return expmask(f) | qbit(f); }
static inline uint64_t minn(int f) { return 1ull << MB(f); }
static inline int is_nan(uint64_t b, int f) { return (b & ~sign_of(f)) > expmask(f); }
static inline int is_snan(uint64_t b, int f) { return is_nan(b, f) && !(b & qbit(f)); }
static inline int is_inf(uint64_t b, int f) { return (b & ~sign_of(f)) == expmask(f); }
static inline int is_zero(uint64_t b, int f) { return !(b & ~sign_of(f)); }
static inline void raise(struct armfp *s, uint32_t fl) { s->fpsr |= fl; }
static inline int fz_on(const struct armfp *s, int f) { return f != F_H && (s->fpcr & FPCR_FZ); }

/* FPProcessNaN: quiets (IOC for a signaling NaN), default NaN under DN. */
static uint64_t proc_nan(struct armfp *s, uint64_t b, int f)
{
    if (is_snan(b, f))
        raise(s, FPSR_IOC);
    return s->fpcr & FPCR_DN ? dnan(f) : b | qbit(f);
}
/* FPProcessNaNs(3): signaling NaNs first in operand order, then quiet ones. *r gets the result. */
static int proc_nans(struct armfp *s, const uint64_t *ops, int n, int f, uint64_t *r)
{
    for (int i = 0; i < n; i++)
        if (is_snan(ops[i], f)) {
            *r = proc_nan(s, ops[i], f);
            return 1;
        }
    for (int i = 0; i < n; i++)
        if (is_nan(ops[i], f)) {
            *r = proc_nan(s, ops[i], f);
            return 1;
        }
    return 0;
}
/* Flushes a denormal input to a signed zero under FZ (IDC). */
static inline uint64_t flush_in(struct armfp *s, uint64_t b, int f)
{
    if (fz_on(s, f) && !(b & expmask(f)) && (b & fracmask(f))) {
        raise(s, FPSR_IDC);
        return b & sign_of(f);
    }
    return b;
}

/* ---- arithmetic slow path ---- */
static double calc_d(int k, double x, double y, double z)
{
    switch (k) {
    case FK_ADD: return x + y;
    case FK_SUB: return x - y;
    case FK_ABD: return fabs(x - y);
    case FK_DIV: return x / y;
    case FK_SQRT: return sqrt(x);
    case FK_FMA: return fma(x, y, z);
    default: return x * y;
    }
}
static float calc_s(int k, float x, float y, float z)
{
    switch (k) {
    case FK_ADD: return x + y;
    case FK_SUB: return x - y;
    case FK_ABD: return fabsf(x - y);
    case FK_DIV: return x / y;
    case FK_SQRT: return sqrtf(x);
    case FK_FMA: return fmaf(x, y, z);
    default: return x * y;
    }
}
static uint64_t calc(int k, uint64_t a, uint64_t b, uint64_t d, int dbl)
{
    if (dbl)
        return armfp_db(calc_d(k, armfp_d(a), armfp_d(b), armfp_d(d)));
    return armfp_fb(calc_s(k, armfp_f((uint32_t)a), armfp_f((uint32_t)b), armfp_f((uint32_t)d)));
}
#define MAY_UF(k) ((k) == FK_MUL || (k) == FK_DIV || (k) == FK_FMA || (k) == FK_MULX)

/* For a host result of magnitude min-normal: is the exact result below min-normal? Recomputes with the
   operands scaled up by 2^S (no underflow then) rounding toward zero, with the host flags preserved. */
static int exact_tiny(int k, uint64_t a, uint64_t b, uint64_t d, int dbl)
{
    if (!MAY_UF(k))
        return 0; /* a tiny sum or difference is exact: it never lands on min-normal from below */
    int f = dbl ? F_D : F_S;
    double sc = dbl ? 0x1p64 : 0x1p32;
    fexcept_t fe;
    fegetexceptflag(&fe, FE_ALL_EXCEPT);
    fesetround(FE_TOWARDZERO);
    uint64_t sgn = sign_of(f), r;
    if (dbl) {
        volatile double x = armfp_d(a), y = armfp_d(b), z = armfp_d(d) * sc;
        if (k == FK_DIV) {
            if (fabs(x) < 1)
                x = x * sc;
            else
                y = y / sc;
        } else if (fabs(x) <= fabs(y)) {
            x = x * sc;
        } else {
            y = y * sc;
        }
        r = armfp_db(calc_d(k, x, y, z));
    } else {
        volatile float x = armfp_f((uint32_t)a), y = armfp_f((uint32_t)b), z = armfp_f((uint32_t)d) * (float)sc;
        if (k == FK_DIV) {
            if (fabsf(x) < 1)
                x = x * (float)sc;
            else
                y = y / (float)sc;
        } else if (fabsf(x) <= fabsf(y)) {
            x = x * (float)sc;
        } else {
            y = y * (float)sc;
        }
        r = armfp_fb(calc_s(k, x, y, z));
    }
    fesetround(FE_TONEAREST);
    fesetexceptflag(&fe, FE_ALL_EXCEPT);
    /* scaled min-normal: exponent field + log2(sc) */
    uint64_t lim = minn(f) + ((uint64_t)(dbl ? 64 : 32) << MB(f));
    return (r & ~sgn) < lim;
}

void armfp_uf_fix(struct armfp *s, int k, uint64_t a, uint64_t b, uint64_t d, int dbl)
{
    if (exact_tiny(k, a, b, d, dbl))
        raise(s, FPSR_UFC);
}

/* Unbiased exponent of a normal value (flushed operands are normal, zero or special). */
static inline int exp_of(uint64_t b, int f) { return (int)((b & expmask(f)) >> MB(f)) - (int)fmt[f].bias; }

/* Under FZ with round-to-nearest and no NaN operand, can the result be tiny (so that the host's sticky
   flags for it would differ from Arm's flush)? Sums and differences of normals are exact when tiny, so
   only products, quotients and fused products are looked at, by their operands' exponents. */
static int may_be_tiny(int k, uint64_t a, uint64_t b, uint64_t d, int f)
{
    int emin = 1 - (int)fmt[f].bias, mb = (int)MB(f);
    uint64_t ea = a & expmask(f), eb = b & expmask(f);
    if (k == FK_ADD || k == FK_SUB || k == FK_SQRT)
        return 0;
    if (!ea || !eb || ea == expmask(f) || eb == expmask(f)) /* zero or infinity: no rounding */
        return k == FK_FMA && (d & expmask(f)) && exp_of(d, f) - mb < emin + 1;
    if (k == FK_MUL)
        return exp_of(a, f) + exp_of(b, f) < emin + 1;
    if (k == FK_DIV)
        return exp_of(a, f) - exp_of(b, f) < emin + 2;
    /* FMA: a nonzero exact result is a multiple of the smaller of the product's and d's ulps */
    return exp_of(a, f) + exp_of(b, f) - 2 * mb < emin + 1 || ((d & expmask(f)) && exp_of(d, f) - mb < emin + 1);
}

uint64_t armfp_farith_slow(struct armfp *s, int k, uint64_t a, uint64_t b, uint64_t d, int dbl)
{
    int f = dbl ? F_D : F_S;
    uint64_t sgn = sign_of(f), r;
    int fz = fz_on(s, f);
    if (fz) { /* FPUnpack flushes (IDC) every operand before NaNs are looked at */
        a = flush_in(s, a, f);
        if (k != FK_SQRT)
            b = flush_in(s, b, f);
        if (k == FK_FMA)
            d = flush_in(s, d, f);
        /* FZ alone (round to nearest): host arithmetic with its lazy flags is exact enough unless the result
           can be tiny; a tiny sum is exact (no host flag), so flushing it only adds UFC. */
        if (armfp_rmode(s) == RM_RN && k <= FK_FMA && !is_nan(a, f) && (k == FK_SQRT || !is_nan(b, f)) &&
            (k != FK_FMA || !is_nan(d, f)) && !may_be_tiny(k, a, b, d, f)) {
            r = calc(k, a, b, d, dbl);
            if (is_nan(r, f))
                return dnan(f);
            if ((r & ~sgn) < minn(f) && (r & ~sgn)) {
                raise(s, FPSR_UFC);
                r &= sgn;
            }
            return r;
        }
    }
    if (k == FK_FMA) {
        uint64_t ops[3] = {d, a, b};
        int done = proc_nans(s, ops, 3, f, &r);
        int infzero = (is_inf(a, f) && is_zero(b, f)) || (is_zero(a, f) && is_inf(b, f));
        if (is_nan(d, f) && !is_snan(d, f) && infzero) {
            raise(s, FPSR_IOC);
            return dnan(f);
        }
        if (done)
            return r;
    } else {
        uint64_t ops[2] = {a, b};
        if (proc_nans(s, ops, k == FK_SQRT ? 1 : 2, f, &r))
            return r;
    }
    if (k == FK_MULX && ((is_inf(a, f) && is_zero(b, f)) || (is_zero(a, f) && is_inf(b, f))))
        return ((a ^ b) & sgn) | (dbl ? 0x4000000000000000ull : 0x40000000u); /* +-2.0 */
    fexcept_t saved;
    if (fz) {
        fegetexceptflag(&saved, FE_ALL_EXCEPT);
        feclearexcept(FE_ALL_EXCEPT);
    }
    unsigned rm = armfp_rmode(s);
    if (rm)
        fesetround(host_rm[rm]);
    r = calc(k, a, b, d, dbl);
    if (rm)
        fesetround(FE_TONEAREST);
    if (is_nan(r, f))
        r = dnan(f);
    uint64_t mag = r & ~sgn;
    if (fz) {
        int now = fetestexcept(FE_ALL_EXCEPT);
        int tiny = !is_nan(r, f) && (mag < minn(f) ? (mag != 0 || (now & FE_UNDERFLOW))
                                                    : mag == minn(f) && exact_tiny(k, a, b, d, dbl));
        fesetexceptflag(&saved, FE_ALL_EXCEPT);
        if (tiny) {
            r &= sgn;
            raise(s, FPSR_UFC);
        } else {
            raise(s, flags_of(now));
        }
    } else if (mag == minn(f) && !armfp_tiny_before && exact_tiny(k, a, b, d, dbl)) {
        raise(s, FPSR_UFC);
    }
    return r;
}

/* ---- min/max and compares ---- */
static inline int f_less(uint64_t a, uint64_t b, int f) /* both non-NaN, compared by value */
{
    if (f == F_D)
        return armfp_d(a) < armfp_d(b);
    return armfp_f((uint32_t)a) < armfp_f((uint32_t)b);
}

uint64_t armfp_fminmax(struct armfp *s, uint64_t a, uint64_t b, int f, int kind)
{
    int max = !(kind & 1);
    uint64_t r;
    if (kind >= 2) { /* FMAXNM/FMINNM: a quiet NaN against a number loses */
        int an = is_nan(a, f) && !is_snan(a, f), bn = is_nan(b, f) && !is_snan(b, f);
        uint64_t inf = expmask(f) | (max ? sign_of(f) : 0);
        if (an && !is_nan(b, f))
            a = inf;
        else if (bn && !is_nan(a, f))
            b = inf;
    }
    a = flush_in(s, a, f);
    b = flush_in(s, b, f);
    uint64_t ops[2] = {a, b};
    if (proc_nans(s, ops, 2, f, &r))
        return r;
    if (is_zero(a, f) && is_zero(b, f))
        return max ? a & b : a | b;
    return f_less(a, b, f) == max ? b : a;
}

unsigned armfp_fcmp(struct armfp *s, uint64_t a, uint64_t b, int f, int sig)
{
    a = flush_in(s, a, f);
    b = flush_in(s, b, f);
    if (is_nan(a, f) || is_nan(b, f)) {
        if (sig || is_snan(a, f) || is_snan(b, f))
            raise(s, FPSR_IOC);
        return 2 | 1;
    }
    if ((is_zero(a, f) && is_zero(b, f)) || a == b)
        return 4 | 2;
    return f_less(a, b, f) ? 8 : 2;
}

int armfp_fcmp_lane(struct armfp *s, uint64_t a, uint64_t b, int f, int kind)
{
    a = flush_in(s, a, f);
    b = flush_in(s, b, f);
    if (is_nan(a, f) || is_nan(b, f)) {
        if (kind || is_snan(a, f) || is_snan(b, f))
            raise(s, FPSR_IOC);
        return 0;
    }
    int eq = (is_zero(a, f) && is_zero(b, f)) || a == b;
    if (kind == 0)
        return eq;
    return kind == 1 ? eq || f_less(b, a, f) : !eq && f_less(b, a, f);
}

uint64_t armfp_fstep(struct armfp *s, uint64_t a, uint64_t b, int f, int rsqrt)
{
    int dbl = f == F_D;
    uint64_t sgn = sign_of(f), r;
    uint64_t two = dbl ? 0x4000000000000000ull : 0x40000000u, three = dbl ? 0x4008000000000000ull : 0x40400000u;
    uint64_t onep5 = dbl ? 0x3ff8000000000000ull : 0x3fc00000u, half = dbl ? 0x3fe0000000000000ull : 0x3f000000u;
    a = flush_in(s, a, f) ^ sgn; /* op1 is negated before anything else, NaNs included */
    b = flush_in(s, b, f);
    uint64_t ops[2] = {a, b};
    if (proc_nans(s, ops, 2, f, &r))
        return r;
    if ((is_inf(a, f) && is_zero(b, f)) || (is_zero(a, f) && is_inf(b, f)))
        return rsqrt ? onep5 : two;
    if (!rsqrt)
        return armfp_farith(s, FK_FMA, a, b, two, dbl);
    /* (3 + a*b) / 2 = a' * b' + 1.5 with the larger-magnitude factor halved exactly (exponent - 1) */
    uint64_t ma = a & ~sgn, mb = b & ~sgn, *big = ma >= mb ? &a : &b;
    if (((*big & expmask(f)) >> MB(f)) >= 2 && !is_inf(*big, f)) {
        *big -= minn(f);
        return armfp_farith(s, FK_FMA, a, b, onep5, dbl);
    }
    /* both tiny or an infinity: 3 + a*b is exact enough that halving it loses nothing */
    r = armfp_farith(s, FK_FMA, a, b, three, dbl);
    return is_inf(r, f) ? r : armfp_farith(s, FK_MUL, r, half, 0, dbl);
}

/* ---- software rounding ---- */

/* Rounds (-1)^sign * sig * 2^e (sig != 0; sticky: nonzero bits below sig) to format f under rm; raises
   IXC, OFC, and UFC on tininess before rounding; fz flushes tiny results to zero (UFC only). */
static uint64_t round_pack(struct armfp *s, int sign, int e, uint64_t sig, int sticky, int f, unsigned rm, int fz)
{
    int sh = __builtin_clzll(sig);
    sig <<= sh;
    e -= sh;                                   /* value = sig * 2^e, sig's top bit set */
    int E = e + 63, emin = 1 - (int)fmt[f].bias, emax = (int)fmt[f].bias, mb = (int)MB(f);
    uint64_t sbit = sign ? sign_of(f) : 0;
    int tiny = E < emin;
    if (tiny && fz) {
        raise(s, FPSR_UFC);
        return sbit;
    }
    int keep = tiny ? mb + 1 - (emin - E) : mb + 1; /* significant bits kept */
    int drop = 64 - keep;
    uint64_t kept, rem, half;
    if (drop >= 65) {
        kept = 0, rem = 1, half = 2; /* below half an ulp */
        sticky = 1;
    } else if (drop == 64) {
        kept = 0, half = 1ull << 63, rem = sig;
    } else {
        kept = sig >> drop, half = 1ull << (drop - 1), rem = sig & ((half << 1) - 1);
    }
    int inexact = rem || sticky;
    int up;
    switch (rm) {
    case RM_RN: up = rem > half || (rem == half && (sticky || (kept & 1))); break;
    case RM_RA: up = rem >= half; break;
    case RM_RP: up = inexact && !sign; break;
    case RM_RM: up = inexact && sign; break;
    default: up = 0; break;
    }
    kept += (uint64_t)up;
    if (inexact) {
        raise(s, FPSR_IXC);
        if (tiny)
            raise(s, FPSR_UFC);
    }
    if (tiny) /* denormal (a carry into bit mb makes it the min normal, which the encoding gives for free) */
        return sbit | kept;
    if (kept >> (mb + 1)) {
        kept >>= 1;
        E++;
    }
    if (E > emax) {
        raise(s, FPSR_OFC | FPSR_IXC);
        int to_inf = rm == RM_RN || rm == RM_RA || (rm == RM_RP && !sign) || (rm == RM_RM && sign);
        return sbit | (to_inf ? expmask(f) : expmask(f) - 1);
    }
    return sbit | (((uint64_t)(E + emax - 1) << mb) + kept);
}

/* Unpacks a finite nonzero value as sig * 2^e. */
static void unpack(uint64_t b, int f, uint64_t *sig, int *e)
{
    uint64_t ex = (b & expmask(f)) >> MB(f), fr = b & fracmask(f);
    if (ex) {
        *sig = fr | minn(f);
        *e = (int)ex - (int)fmt[f].bias - (int)MB(f);
    } else {
        *sig = fr;
        *e = 1 - (int)fmt[f].bias - (int)MB(f);
    }
}

uint64_t armfp_fcvt(struct armfp *s, uint64_t a, int from, int to)
{
    uint64_t sf = sign_of(from), st = sign_of(to);
    uint64_t sbit = a & sf ? st : 0;
    if (is_nan(a, from)) {
        if (is_snan(a, from))
            raise(s, FPSR_IOC);
        if (s->fpcr & FPCR_DN)
            return dnan(to);
        uint64_t fr = a & fracmask(from);
        fr = MB(to) >= MB(from) ? fr << (MB(to) - MB(from)) : fr >> (MB(from) - MB(to));
        return sbit | expmask(to) | qbit(to) | fr;
    }
    a = flush_in(s, a, from);
    if (is_inf(a, from))
        return sbit | expmask(to);
    if (is_zero(a, from))
        return sbit;
    uint64_t sig;
    int e;
    unpack(a, from, &sig, &e);
    return round_pack(s, !!sbit, e, sig, 0, to, armfp_rmode(s), fz_on(s, to));
}

uint64_t armfp_i2f(struct armfp *s, uint64_t v, int sgn, unsigned fbits, int f, unsigned rm)
{
    if (!v)
        return 0;
    int neg = sgn && (v >> 63);
    return round_pack(s, neg, -(int)fbits, neg ? 0 - v : v, 0, f, rm, 0);
}

/* Rounds sig * 2^e (e < 0) to an integer magnitude; *inexact set when bits were dropped. */
static uint64_t round_mag(uint64_t sig, int e, int sign, unsigned rm, int *inexact)
{
    unsigned n = (unsigned)-e;
    uint64_t kept, rem, half;
    if (n >= 65) {
        kept = 0, rem = sig ? 1 : 0, half = 2;
    } else if (n == 64) {
        kept = 0, rem = sig, half = 1ull << 63;
    } else {
        kept = sig >> n, half = 1ull << (n - 1), rem = sig & ((half << 1) - 1);
    }
    *inexact = rem != 0;
    int up;
    switch (rm) {
    case RM_RN: up = rem > half || (rem == half && (kept & 1)); break;
    case RM_RA: up = rem >= half; break;
    case RM_RP: up = rem && !sign; break;
    case RM_RM: up = rem && sign; break;
    default: up = 0; break;
    }
    return kept + (uint64_t)up;
}

uint64_t armfp_f2i(struct armfp *s, uint64_t a, int f, unsigned rm, unsigned fbits, int uns, unsigned width)
{
    uint64_t wmask = width == 64 ? ~0ull : (1ull << width) - 1;
    uint64_t umax = wmask, smax = wmask >> 1, smin = ~smax & wmask;
    if (is_nan(a, f)) {
        raise(s, FPSR_IOC);
        return 0;
    }
    a = flush_in(s, a, f);
    int sign = (a & sign_of(f)) != 0;
    uint64_t mag;
    int inexact = 0, over = 0;
    if (is_inf(a, f)) {
        over = 1;
        mag = ~0ull;
    } else if (is_zero(a, f)) {
        mag = 0;
    } else {
        uint64_t sig;
        int e;
        unpack(a, f, &sig, &e);
        e += (int)fbits;
        if (e >= 0) {
            if (e >= 64 || (e > 0 && (sig >> (64 - e)) != 0))
                over = 1, mag = ~0ull;
            else
                mag = sig << e;
        } else {
            mag = round_mag(sig, e, sign, rm, &inexact);
        }
    }
    uint64_t r;
    if (uns) {
        if (sign && mag) {
            over = 1;
            r = 0;
        } else if (over || mag > umax) {
            over = 1;
            r = umax;
        } else {
            r = mag;
        }
    } else if (sign) {
        if (over || mag > smin) {
            over = 1;
            r = smin;
        } else {
            r = (0 - mag) & wmask;
        }
    } else if (over || mag > smax) {
        over = 1;
        r = smax;
    } else {
        r = mag;
    }
    if (over)
        raise(s, FPSR_IOC);
    else if (inexact)
        raise(s, FPSR_IXC);
    return r;
}

uint64_t armfp_frint(struct armfp *s, uint64_t a, int f, unsigned rm, int exact)
{
    if (is_nan(a, f))
        return proc_nan(s, a, f);
    a = flush_in(s, a, f);
    if (is_inf(a, f) || is_zero(a, f))
        return a;
    uint64_t sbit = a & sign_of(f), mag = a & ~sign_of(f);
    int sign = sbit != 0;
    int ue = (int)(mag >> MB(f)) - (int)fmt[f].bias;
    if (ue >= (int)MB(f))
        return a;
    uint64_t r;
    if (ue < 0) { /* |a| < 1: 0 or 1 */
        uint64_t one = (uint64_t)fmt[f].bias << MB(f), halfv = (uint64_t)(fmt[f].bias - 1) << MB(f);
        int up;
        switch (rm) {
        case RM_RN: up = mag > halfv; break;
        case RM_RA: up = mag >= halfv; break;
        case RM_RP: up = !sign; break;
        case RM_RM: up = sign; break;
        default: up = 0; break;
        }
        r = sbit | (up ? one : 0);
    } else {
        unsigned fb = MB(f) - (unsigned)ue;
        uint64_t m = (1ull << fb) - 1, frac = mag & m, half = 1ull << (fb - 1), in = mag & ~m;
        int up;
        switch (rm) {
        case RM_RN: up = frac > half || (frac == half && ((in >> fb) & 1)); break;
        case RM_RA: up = frac >= half; break;
        case RM_RP: up = frac && !sign; break;
        case RM_RM: up = frac && sign; break;
        default: up = 0; break;
        }
        r = sbit | (in + (up ? 1ull << fb : 0));
    }
    if (exact && r != a)
        raise(s, FPSR_IXC);
    return r;
}
