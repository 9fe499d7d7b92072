/* Arm floating point shared by the aarch64 and arm backends (scalar and vector ops): Arm NaN/FZ/DN/rounding rules over host arithmetic, and software conversions. */
#ifndef XTRACE_ARMFP_H
#define XTRACE_ARMFP_H

#include <fenv.h>
#include <math.h>
#include <string.h>

#include <stdint.h>

/* FPSR cumulative bits and FPCR control bits (the same positions in the AArch32 FPSCR). */
enum {
    FPSR_IOC = 1, FPSR_DZC = 2, FPSR_OFC = 4, FPSR_UFC = 8, FPSR_IXC = 16, FPSR_IDC = 128, FPSR_QC = 1u << 27,
    FPCR_FZ16 = 1u << 19, FPCR_RMODE = 3u << 22, FPCR_FZ = 1u << 24, FPCR_DN = 1u << 25, FPCR_AHP = 1u << 26,
};

/* The FP state an op works on: the guest backends embed it (aarch64 FPCR/FPSR, arm the FPSCR split in two). */
struct armfp {
    uint32_t fpcr;               /* control bits as written (supported bits only) */
    uint32_t fpsr;               /* cumulative bits not yet merged from the host's sticky flags */
    uint32_t fpslow;             /* fpcr asks for something other than round-to-nearest, no FZ, no DN */
};

/*
 * Exception flags are lazy, as in the riscv64 backend: host arithmetic runs with the host's sticky flags
 * accumulating, and FPSR = s->fpsr | (host flags) when the guest reads it. Whatever Arm defines
 * differently from the host's IEEE arithmetic is handled on the bits: NaN propagation (first NaN operand
 * quieted, default NaN on FPCR.DN or for invalid operations), FZ flushing with IDC/UFC, tininess detected
 * before rounding (a host that detects it after rounding misses UFC when a tiny result rounds to the
 * smallest normal: that case is recomputed). Conversions are done in integer code, so they are exact and
 * raise precisely the Arm flags on any host. Ops take the fast path only with FPCR = round-to-nearest,
 * no FZ, no DN and no NaN operand.
 */

enum { F_H, F_S, F_D };          /* formats: half, single, double */
enum { FK_ADD, FK_SUB, FK_MUL, FK_DIV, FK_SQRT, FK_FMA, FK_MULX, FK_ABD };
enum { RM_RN, RM_RP, RM_RM, RM_RZ, RM_RA }; /* FPCR.RMode order, then ties-away */

#define S_SIGN 0x80000000u
#define S_MINN 0x00800000u
#define S_DNAN 0x7fc00000u
#define D_SIGN 0x8000000000000000ull
#define D_MINN 0x0010000000000000ull
#define D_DNAN 0x7ff8000000000000ull
#define FP_UNLIKELY(x) __builtin_expect(!!(x), 0)

extern int armfp_tiny_before;      /* the host detects tininess before rounding, as Arm does */

static inline float armfp_f(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }
static inline double armfp_d(uint64_t b) { double f; memcpy(&f, &b, 8); return f; }
static inline uint32_t armfp_fb(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static inline uint64_t armfp_db(double f) { uint64_t b; memcpy(&b, &f, 8); return b; }
static inline int armfp_nan_s(uint32_t b) { return (b & 0x7fffffffu) > 0x7f800000u; }
static inline int armfp_nan_d(uint64_t b) { return (b & ~D_SIGN) > 0x7ff0000000000000ull; }

/* Current FPCR rounding mode (RM_RN..RM_RZ). */
static inline unsigned armfp_rmode(const struct armfp *s) { return (s->fpcr >> 22) & 3; }

uint64_t armfp_farith_slow(struct armfp *s, int k, uint64_t a, uint64_t b, uint64_t d, int dbl);
void armfp_uf_fix(struct armfp *s, int k, uint64_t a, uint64_t b, uint64_t d, int dbl);

/* a op b (FK_FMA: a * b + d; FK_SQRT: sqrt a) on single (dbl 0) or double bits. */
static inline uint64_t armfp_farith(struct armfp *s, int k, uint64_t a, uint64_t b, uint64_t d, int dbl)
{
    if (dbl) {
        if (!FP_UNLIKELY(s->fpslow | armfp_nan_d(a) | armfp_nan_d(b) | armfp_nan_d(d)) && k < FK_MULX) {
            double x = armfp_d(a), y = armfp_d(b), z = armfp_d(d), r;
            switch (k) {
            case FK_ADD: r = x + y; break;
            case FK_SUB: r = x - y; break;
            case FK_MUL: r = x * y; break;
            case FK_DIV: r = x / y; break;
            case FK_SQRT: r = sqrt(x); break;
            default: r = fma(x, y, z); break;
            }
            uint64_t rb = armfp_db(r);
            if (FP_UNLIKELY(armfp_nan_d(rb)))
                return D_DNAN;
            if (FP_UNLIKELY((rb & ~D_SIGN) == D_MINN) && !armfp_tiny_before)
                armfp_uf_fix(s, k, a, b, d, 1);
            return rb;
        }
    } else {
        uint32_t sa = (uint32_t)a, sb = (uint32_t)b, sd = (uint32_t)d;
        if (!FP_UNLIKELY(s->fpslow | armfp_nan_s(sa) | armfp_nan_s(sb) | armfp_nan_s(sd)) && k < FK_MULX) {
            float x = armfp_f(sa), y = armfp_f(sb), z = armfp_f(sd), r;
            switch (k) {
            case FK_ADD: r = x + y; break;
            case FK_SUB: r = x - y; break;
            case FK_MUL: r = x * y; break;
            case FK_DIV: r = x / y; break;
            case FK_SQRT: r = sqrtf(x); break;
            default: r = fmaf(x, y, z); break;
            }
            uint32_t rb = armfp_fb(r);
            if (FP_UNLIKELY(armfp_nan_s(rb)))
                return S_DNAN;
            if (FP_UNLIKELY((rb & ~S_SIGN) == S_MINN) && !armfp_tiny_before)
                armfp_uf_fix(s, k, a, b, d, 0);
            return rb;
        }
    }
    return armfp_farith_slow(s, k, a, b, d, dbl);
}

/* FMAX, FMIN, FMAXNM, FMINNM (kind 0-3) on format f (F_S or F_D). */
uint64_t armfp_fminmax(struct armfp *s, uint64_t a, uint64_t b, int f, int kind);
/* FCMP/FCMPE: the NZCV result (0-15); sig: every NaN raises IOC (FCMPE), else only signaling ones. */
unsigned armfp_fcmp(struct armfp *s, uint64_t a, uint64_t b, int f, int sig);
/* FCVT between formats. */
uint64_t armfp_fcvt(struct armfp *s, uint64_t a, int from, int to);
/* FP (format f) to a width-bit integer (unsigned when uns) after scaling by 2^fbits, rounding rm. */
uint64_t armfp_f2i(struct armfp *s, uint64_t a, int f, unsigned rm, unsigned fbits, int uns, unsigned width);
/* Integer v (sign-extended already when sgn) divided by 2^fbits to format f with rounding rm. */
uint64_t armfp_i2f(struct armfp *s, uint64_t v, int sgn, unsigned fbits, int f, unsigned rm);
/* Round to integral in format f; exact: raise IXC when the value changes (FRINTX). */
uint64_t armfp_frint(struct armfp *s, uint64_t a, int f, unsigned rm, int exact);
/* FP comparison for the SIMD compare ops: kind 0 EQ, 1 GE, 2 GT (all false on NaN). */
int armfp_fcmp_lane(struct armfp *s, uint64_t a, uint64_t b, int f, int kind);
/* FRECPS (2 - a*b) and FRSQRTS ((3 - a*b) / 2), fused (one rounding), with their inf * 0 results. */
uint64_t armfp_fstep(struct armfp *s, uint64_t a, uint64_t b, int f, int rsqrt);
/* Negation/abs on the bits of format f. */
static inline uint64_t armfp_fsign(int f) { return f == F_D ? D_SIGN : f == F_S ? S_SIGN : 0x8000u; }

/* State: cumulative flags read (merging the host's), written (clearing the host's), control written. */
uint32_t armfp_sr_read(struct armfp *s);
void armfp_sr_write(struct armfp *s, uint32_t v);
void armfp_cr_write(struct armfp *s, uint32_t v);
/* Resets s and the host's FP environment (round to nearest, no flags). */
void armfp_init(struct armfp *s);

#endif
