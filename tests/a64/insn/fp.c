/* A64 floating-point corner cases with hand-computed results: NaN propagation and default NaN, FPCR rounding/FZ/DN, FPSR flags, conversions, tininess before rounding. */
#include "check.h"

static uint64_t fl; /* FPSR after the last op */

/* Each macro clears FPSR, runs one instruction on d0/d1/d2 (or s/h registers), and reads FPSR. */
#define D2(insn, a, b)                                                                                       \
    ({                                                                                                       \
        uint64_t r_;                                                                                         \
        __asm__ volatile("msr fpsr, xzr\n\tfmov d0, %2\n\tfmov d1, %3\n\t" insn " d2, d0, d1\n\t"            \
                         "fmov %0, d2\n\tmrs %1, fpsr"                                                       \
                         : "=r"(r_), "=r"(fl) : "r"((uint64_t)(a)), "r"((uint64_t)(b)) : "v0", "v1", "v2");  \
        r_;                                                                                                  \
    })
#define S2(insn, a, b)                                                                                       \
    ({                                                                                                       \
        uint64_t r_;                                                                                         \
        __asm__ volatile("msr fpsr, xzr\n\tfmov s0, %w2\n\tfmov s1, %w3\n\t" insn " s2, s0, s1\n\t"         \
                         "fmov %w0, s2\n\tmrs %1, fpsr"                                                      \
                         : "=r"(r_), "=r"(fl) : "r"((uint64_t)(a)), "r"((uint64_t)(b)) : "v0", "v1", "v2");  \
        r_;                                                                                                  \
    })
#define D3(insn, a, b, c)                                                                                    \
    ({                                                                                                       \
        uint64_t r_;                                                                                         \
        __asm__ volatile("msr fpsr, xzr\n\tfmov d0, %2\n\tfmov d1, %3\n\tfmov d2, %4\n\t" insn " d3, d0, d1, d2\n\t" \
                         "fmov %0, d3\n\tmrs %1, fpsr"                                                       \
                         : "=r"(r_), "=r"(fl) : "r"((uint64_t)(a)), "r"((uint64_t)(b)), "r"((uint64_t)(c))    \
                         : "v0", "v1", "v2", "v3");                                                          \
        r_;                                                                                                  \
    })
#define D1(insn, a)                                                                                          \
    ({                                                                                                       \
        uint64_t r_;                                                                                         \
        __asm__ volatile("msr fpsr, xzr\n\tfmov d0, %2\n\t" insn " d1, d0\n\tfmov %0, d1\n\tmrs %1, fpsr"   \
                         : "=r"(r_), "=r"(fl) : "r"((uint64_t)(a)) : "v0", "v1");                            \
        r_;                                                                                                  \
    })
/* conversions: "%0" is the destination as the instruction names it */
#define CV(insn, src_setup, a)                                                                               \
    ({                                                                                                       \
        uint64_t r_;                                                                                         \
        __asm__ volatile("msr fpsr, xzr\n\t" src_setup "\n\t" insn "\n\tmrs %1, fpsr"                        \
                         : "=r"(r_), "=r"(fl) : "r"((uint64_t)(a)) : "v0", "v1");                            \
        r_;                                                                                                  \
    })
#define FROM_D "fmov d0, %2"
#define FROM_S "fmov s0, %w2"
#define FROM_H "fmov s0, %w2"
#define FCMP(insn, a, b)                                                                                     \
    ({                                                                                                       \
        uint64_t r_;                                                                                         \
        __asm__ volatile("msr fpsr, xzr\n\tfmov d0, %2\n\tfmov d1, %3\n\t" insn "\n\tmrs %0, nzcv\n\t"       \
                         "lsr %0, %0, #28\n\tmrs %1, fpsr"                                                   \
                         : "=r"(r_), "=r"(fl) : "r"((uint64_t)(a)), "r"((uint64_t)(b)) : "v0", "v1", "cc");  \
        r_;                                                                                                  \
    })

#define D_1 0x3ff0000000000000ull
#define D_M1 0xbff0000000000000ull
#define D_2 0x4000000000000000ull
#define D_3 0x4008000000000000ull
#define D_HALF 0x3fe0000000000000ull
#define D_MHALF 0xbfe0000000000000ull
#define D_INF 0x7ff0000000000000ull
#define D_NINF 0xfff0000000000000ull
#define D_QN1 0x7ff8000000000001ull
#define D_QN2 0x7ff8000000000002ull
#define D_SN1 0x7ff0000000000001ull
#define D_SN2 0x7ff4000000000000ull
#define D_DNAN 0x7ff8000000000000ull
#define D_MZERO 0x8000000000000000ull
#define D_MINN 0x0010000000000000ull
#define D_2M60 0x3c30000000000000ull
#define D_2M53 0x3ca0000000000000ull

static void nans(void)
{
    EQ(D2("fadd", D_SN2, D_QN1), 0x7ffc000000000000ull);
    EQ(fl, IOC);
    EQ(D2("fadd", D_QN1, D_SN2), 0x7ffc000000000000ull); /* a signaling NaN wins over an earlier quiet one */
    EQ(fl, IOC);
    EQ(D2("fadd", D_QN1, D_QN2), D_QN1);
    EQ(fl, 0);
    EQ(D2("fmul", D_1, D_QN2), D_QN2);
    EQ(D2("fsub", D_1, 0xfff8000000000003ull), 0xfff8000000000003ull); /* FSUB does not flip a NaN */
    EQ(fl, 0);
    EQ(D2("fadd", D_INF, D_NINF), D_DNAN); /* the default NaN is positive */
    EQ(fl, IOC);
    EQ(D2("fmul", D_INF, 0), D_DNAN);
    EQ(fl, IOC);
    EQ(D2("fdiv", D_1, 0), D_INF);
    EQ(fl, DZC);
    EQ(D2("fdiv", 0, 0), D_DNAN);
    EQ(fl, IOC);
    EQ(D1("fsqrt", D_M1), D_DNAN);
    EQ(fl, IOC);
    EQ(D1("fsqrt", D_MZERO), D_MZERO);
    EQ(fl, 0);
    EQ(S2("fadd", 0x7f800001u, 0x3f800000u), 0x7fc00001u);
    EQ(fl, IOC);
    /* FNMUL negates its result, NaNs included; FMSUB/FNMADD negate operands before NaN selection */
    EQ(D2("fnmul", D_QN1, D_1), 0xfff8000000000001ull);
    EQ(D2("fnmul", D_INF, 0), 0xfff8000000000000ull);
    EQ(fl, IOC);
    EQ(D2("fnmul", D_2, D_3), 0xc018000000000000ull);
    EQ(D3("fmsub", D_QN1, D_1, D_1), 0xfff8000000000001ull);
    EQ(D3("fnmadd", D_1, D_1, D_QN2), 0xfff8000000000002ull);
    EQ(D3("fmadd", D_1, D_QN1, D_QN2), D_QN2); /* the addend is looked at first */
    EQ(D3("fmadd", D_INF, 0, D_QN1), D_DNAN);  /* inf * 0 with a quiet NaN addend: invalid */
    EQ(fl, IOC);
    EQ(D3("fmadd", 0, D_INF, D_1), D_DNAN);
    EQ(fl, IOC);
    /* min/max */
    EQ(D2("fmax", D_QN1, D_1), D_QN1);
    EQ(D2("fmaxnm", D_QN1, D_1), D_1);
    EQ(fl, 0);
    EQ(D2("fminnm", D_1, D_QN1), D_1);
    EQ(D2("fmaxnm", D_1, D_SN1), 0x7ff8000000000001ull);
    EQ(fl, IOC);
    EQ(D2("fminnm", D_QN1, D_QN2), D_QN1);
    EQ(D2("fmin", D_MZERO, 0), D_MZERO);
    EQ(D2("fmax", D_MZERO, 0), 0);
    EQ(D2("fminnm", D_1, D_NINF), D_NINF);
    /* DN: every NaN result is the default NaN */
    set_fpcr(DN);
    EQ(D2("fadd", D_QN1, D_1), D_DNAN);
    EQ(fl, 0);
    EQ(D2("fadd", D_SN1, D_1), D_DNAN);
    EQ(fl, IOC);
    EQ(D2("fnmul", D_QN1, D_1), 0xfff8000000000000ull);
    set_fpcr(0);
}

static void compares(void)
{
    EQ(FCMP("fcmp d0, d1", D_QN1, D_1), 0x3);
    EQ(fl, 0);
    EQ(FCMP("fcmpe d0, d1", D_QN1, D_1), 0x3);
    EQ(fl, IOC);
    EQ(FCMP("fcmp d0, d1", D_SN1, D_1), 0x3);
    EQ(fl, IOC);
    EQ(FCMP("fcmp d0, d1", D_1, D_2), 0x8);
    EQ(FCMP("fcmp d0, d1", D_2, D_1), 0x2);
    EQ(FCMP("fcmp d0, d1", 0, D_MZERO), 0x6);
    EQ(FCMP("fcmp d0, #0.0", D_MZERO, 0), 0x6);
    EQ(FCMP("fcmp d0, d1", D_NINF, D_INF), 0x8);
    /* FCCMP: condition fails -> the immediate */
    EQ(FCMP("msr nzcv, xzr\n\tfccmp d0, d1, #0x5, eq", D_1, D_1), 0x5);
    EQ(FCMP("cmn xzr, xzr\n\tfccmpe d0, d1, #0x5, eq", D_QN1, D_1), 0x3);
    EQ(fl, IOC);
}

static void rounding(void)
{
    set_fpcr(RP);
    EQ(D2("fadd", D_1, D_2M60), 0x3ff0000000000001ull);
    EQ(fl, IXC);
    set_fpcr(RM);
    EQ(D2("fadd", D_1, D_2M60), D_1);
    EQ(D2("fsub", D_M1, D_2M60), 0xbff0000000000001ull);
    EQ(D2("fsub", D_1, D_1), D_MZERO); /* an exact zero is -0 when rounding down */
    set_fpcr(RZ);
    EQ(D2("fsub", D_M1, D_2M60), D_M1);
    EQ(fl, IXC);
    set_fpcr(RN);
    EQ(D2("fsub", D_1, D_1), 0);
    EQ(D2("fadd", D_1, D_2M53), D_1); /* ties to even */
    EQ(fl, IXC);
    EQ(D2("fadd", 0x3ff0000000000001ull, D_2M53), 0x3ff0000000000002ull);
    /* overflow in each direction */
    set_fpcr(RZ);
    EQ(D2("fmul", 0x7fefffffffffffffull, D_2), 0x7fefffffffffffffull);
    EQ(fl, OFC | IXC);
    set_fpcr(RM);
    EQ(D2("fmul", 0x7fefffffffffffffull, D_2), 0x7fefffffffffffffull);
    EQ(D2("fmul", 0xffefffffffffffffull, D_2), D_NINF);
    set_fpcr(RN);
    EQ(D2("fmul", 0x7fefffffffffffffull, D_2), D_INF);
    EQ(fl, OFC | IXC);
    /* tininess is detected before rounding: results rounded up to the smallest normal raise UFC */
    EQ(S2("fmul", 0x3f7fffffu, 0x00800000u), 0x00800000u);
    EQ(fl, UFC | IXC);
    EQ(D2("fmul", 0x3fefffffffffffffull, D_MINN), D_MINN);
    EQ(fl, UFC | IXC);
    EQ(D2("fmul", D_MINN, D_HALF), 0x0008000000000000ull); /* exact tiny result: no UFC */
    EQ(fl, 0);
    /* FZ: denormal inputs become zero (IDC), tiny results become zero (UFC only) */
    set_fpcr(FZ);
    EQ(D2("fadd", 1, 0), 0);
    EQ(fl, IDC);
    EQ(D2("fmul", D_MINN, D_HALF), 0);
    EQ(fl, UFC);
    EQ(D2("fmul", 0x8010000000000000ull, D_HALF), D_MZERO);
    EQ(S2("fmul", 0x3f7fffffu, 0x00800000u), 0);
    EQ(fl, UFC);
    EQ(D2("fmax", 1, D_MZERO), 0);
    EQ(fl, IDC);
    set_fpcr(0);
    EQ(D2("fmulx", 0, D_INF), D_2);
    EQ(D2("fmulx", D_MZERO, D_INF), 0xc000000000000000ull);
    EQ(D2("frecps", D_2, D_HALF), D_1);
    EQ(D2("frecps", D_INF, 0), D_2);
    EQ(D2("frsqrts", D_1, D_1), D_1);
    EQ(S2("frsqrts", 0x7f7fffffu, 0xc0000000u), 0x7f7fffffu); /* (3 + 2*FLT_MAX) / 2, rounded once */
    EQ(fl, IXC);
}

static void conversions(void)
{
    EQ(CV("fcvtzs %0, d0", FROM_D, 0x46293e5939a08ceaull), 0x7fffffffffffffffull); /* 1e30 */
    EQ(fl, IOC);
    EQ(CV("fcvtzs %0, d0", FROM_D, 0xc6293e5939a08ceaull), 0x8000000000000000ull);
    EQ(fl, IOC);
    EQ(CV("fcvtzs %0, d0", FROM_D, D_QN1), 0);
    EQ(fl, IOC);
    EQ(CV("fcvtzs %0, d0", FROM_D, D_MHALF), 0);
    EQ(fl, IXC);
    EQ(CV("fcvtzs %0, d0", FROM_D, 0x43e0000000000000ull), 0x7fffffffffffffffull);
    EQ(fl, IOC);
    EQ(CV("fcvtzs %0, d0", FROM_D, 0xc3e0000000000000ull), 0x8000000000000000ull);
    EQ(fl, 0);
    EQ(CV("fcvtzu %0, d0", FROM_D, D_M1), 0);
    EQ(fl, IOC);
    EQ(CV("fcvtzu %0, d0", FROM_D, D_MHALF), 0);
    EQ(fl, IXC);
    EQ(CV("fcvtzu %w0, d0", FROM_D, 0x41f0000000000000ull), 0xffffffffull);
    EQ(fl, IOC);
    EQ(CV("fcvtzs %w0, d0", FROM_D, 0xc1e0000000100000ull), 0x80000000ull); /* -2147483648.5 */
    EQ(fl, IXC);
    EQ(CV("fcvtas %0, d0", FROM_D, 0x4004000000000000ull), 3);
    EQ(CV("fcvtas %0, d0", FROM_D, 0xc004000000000000ull), (uint64_t)-3);
    EQ(CV("fcvtns %0, d0", FROM_D, 0x4004000000000000ull), 2);
    EQ(CV("fcvtns %0, d0", FROM_D, 0x400c000000000000ull), 4);
    EQ(CV("fcvtms %0, d0", FROM_D, D_MHALF), (uint64_t)-1);
    EQ(CV("fcvtps %0, d0", FROM_D, 0x3fb999999999999aull), 1);
    EQ(CV("fcvtps %0, d0", FROM_D, 0xbfb999999999999aull), 0);
    EQ(fl, IXC);
    EQ(CV("fcvtzs %w0, d0, #4", FROM_D, 0x3ff8000000000000ull), 24);
    EQ(CV("scvtf d1, %2, #4\n\tfmov %0, d1", "", 24), 0x3ff8000000000000ull);
    EQ(CV("scvtf s1, %w2, #4\n\tfmov %w0, s1", "", 0x18), 0x3fc00000u);
    EQ(CV("scvtf d1, %2\n\tfmov %0, d1", "", 0x7fffffffffffffffull), 0x43e0000000000000ull);
    EQ(fl, IXC);
    EQ(CV("ucvtf d1, %2\n\tfmov %0, d1", "", ~0ull), 0x43f0000000000000ull);
    EQ(CV("ucvtf s1, %w2\n\tfmov %w0, s1", "", 0xffffffffu), 0x4f800000u);
    EQ(fl, IXC);
    EQ(CV("scvtf d1, %w2\n\tfmov %0, d1", "", 0xffffffffu), D_M1);
    EQ(fl, 0);
    /* round to integral */
    EQ(D1("frinta", 0x4004000000000000ull), D_3);
    EQ(fl, 0);
    EQ(D1("frintn", 0x4004000000000000ull), D_2);
    EQ(D1("frintn", D_MHALF), D_MZERO);
    EQ(D1("frintx", 0x3ff8000000000000ull), D_2);
    EQ(fl, IXC);
    EQ(D1("frintz", 0xbffb333333333333ull), D_M1);
    EQ(D1("frintp", 0xbfd3333333333333ull), D_MZERO);
    EQ(D1("frintm", D_MZERO), D_MZERO);
    set_fpcr(RP);
    EQ(D1("frinti", 0x3ff199999999999aull), D_2);
    set_fpcr(0);
    EQ(D1("frinti", 0x3ff199999999999aull), D_1);
    /* precision conversions */
    EQ(CV("fcvt s1, d0\n\tfmov %w0, s1", FROM_D, 0x3ff0000004000000ull), 0x3f800000u);
    EQ(fl, IXC);
    set_fpcr(RP);
    EQ(CV("fcvt s1, d0\n\tfmov %w0, s1", FROM_D, 0x3ff0000004000000ull), 0x3f800001u);
    set_fpcr(RZ);
    EQ(CV("fcvt s1, d0\n\tfmov %w0, s1", FROM_D, 0x7e37e43c8800759cull), 0x7f7fffffu); /* 1e300 */
    EQ(fl, OFC | IXC);
    set_fpcr(0);
    EQ(CV("fcvt s1, d0\n\tfmov %w0, s1", FROM_D, 0x7e37e43c8800759cull), 0x7f800000u);
    EQ(fl, OFC | IXC);
    EQ(CV("fcvt s1, d0\n\tfmov %w0, s1", FROM_D, D_SN2), 0x7fe00000u);
    EQ(fl, IOC);
    EQ(CV("fcvt d1, s0\n\tfmov %0, d1", FROM_S, 0x7fc00001u), 0x7ff8000020000000ull);
    EQ(CV("fcvt h1, s0\n\tfmov %w0, s1", FROM_S, 0x477ff000u), 0x7c00); /* 65520 -> inf */
    EQ(fl, OFC | IXC);
    EQ(CV("fcvt h1, s0\n\tfmov %w0, s1", FROM_S, 0x3eaaaaabu), 0x3555);
    EQ(fl, IXC);
    EQ(CV("fcvt h1, s0\n\tfmov %w0, s1", FROM_S, 0x33000000u), 0); /* 2^-25: half way to the smallest half subnormal */
    EQ(fl, UFC | IXC);
    EQ(CV("fcvt s1, h0\n\tfmov %w0, s1", FROM_H, 0x3c00), 0x3f800000u);
    EQ(CV("fcvt d1, h0\n\tfmov %0, d1", FROM_H, 0x0001), 0x3e70000000000000ull); /* 2^-24 */
    EQ(fl, 0);
}

int main(void)
{
    nans();
    compares();
    rounding();
    conversions();
    return finish("fp");
}
