/* Unit test for the riscv64 F/D handlers (exec_fp.c): results and fflags bit for bit, checked against qemu-riscv64. */
#include <stdio.h>
#include <string.h>

#include "rv.h"

/* Stand-ins for the emulator functions the handlers call (the test links exec_fp.c alone). */
static int illegal_calls;
const struct op *rv_illegal(struct emu_cpu *c, const struct op *o)
{
    (void)c, (void)o;
    illegal_calls++;
    return NULL;
}
const struct op *rv_fault(struct emu_cpu *c, const struct op *o, uint64_t a)
{
    (void)c, (void)o, (void)a;
    return NULL;
}
void emu_raise(struct emu_cpu *c, int sig, int code, uint64_t addr)
{
    (void)c, (void)sig, (void)code, (void)addr;
}

enum { RNE, RTZ, RDN, RUP, RMM, DYN = 7 };
enum { NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16 };

#define S(h) (0xffffffff00000000ull | (uint64_t)(h)) /* a NaN-boxed single */

/* Singles (bits). */
#define S_1 0x3f800000u
#define S_M1 0xbf800000u
#define S_2 0x40000000u
#define S_3 0x40400000u
#define S_HALF 0x3f000000u
#define S_MHALF 0xbf000000u
#define S_1_5 0x3fc00000u
#define S_M1_5 0xbfc00000u
#define S_2_5 0x40200000u
#define S_M2_5 0xc0200000u
#define S_INF 0x7f800000u
#define S_MINF 0xff800000u
#define S_QNAN 0x7fc00000u
#define S_SNAN 0x7f800001u
#define S_MZERO 0x80000000u
#define S_2P24 0x4b800000u
/* Doubles (bits). */
#define D_1 0x3ff0000000000000ull
#define D_M1 0xbff0000000000000ull
#define D_2 0x4000000000000000ull
#define D_3 0x4008000000000000ull
#define D_HALF 0x3fe0000000000000ull
#define D_MHALF 0xbfe0000000000000ull
#define D_2_5 0x4004000000000000ull
#define D_M2_5 0xc004000000000000ull
#define D_0_1 0x3fb999999999999aull
#define D_M0_1 0xbfb999999999999aull
#define D_INF 0x7ff0000000000000ull
#define D_MINF 0xfff0000000000000ull
#define D_QNAN 0x7ff8000000000000ull
#define D_SNAN 0x7ff4000000000000ull
#define D_MZERO 0x8000000000000000ull
#define D_MAX 0x7fefffffffffffffull
#define D_MINN 0x0010000000000000ull
#define D_2P53 0x4340000000000000ull

/* One case: instruction name, static rm, rs1/rs2/rs3 contents (rs1 also goes to x1 for int sources),
   expected rd contents and fflags. */
struct tcase {
    const char *name;
    unsigned rm;
    uint64_t a, b, c, res;
    unsigned flags;
};
#define T(n, rm, a, b, c, r, f) {n, rm, a, b, c, r, f},

static const struct tcase cases[] = {
    /* NaN boxing */
    T("fadd.s", RNE, 0x000000003f800000ull, S(S_1), 0, S(S_QNAN), 0)
    T("fadd.s", RNE, 0xfffffffe3f800000ull, S(S_1), 0, S(S_QNAN), 0)
    T("fsgnj.s", RNE, 0x000000003f800000ull, S(S_M1), 0, S(0xffc00000u), 0)
    T("fsgnj.s", RNE, S(S_SNAN), S(S_M1), 0, S(0xff800001u), 0)
    T("fsgnjn.s", RNE, S(S_1), S(S_1), 0, S(S_M1), 0)
    T("fsgnjx.s", RNE, S(S_M1), S(S_M1), 0, S(S_1), 0)
    T("fsgnjn.d", RNE, 0x7ff0000000000001ull, D_1, 0, 0xfff0000000000001ull, 0)
    T("fsgnjx.d", RNE, D_M1, D_2, 0, D_M1, 0)
    T("fmv.x.w", RNE, 0x1234567889abcdefull, 0, 0, 0xffffffff89abcdefull, 0)
    T("fmv.x.w", RNE, S(S_1), 0, 0, S_1, 0)
    T("fmv.w.x", RNE, 0x1234567887654321ull, 0, 0, 0xffffffff87654321ull, 0)
    T("fmv.x.d", RNE, 0x7ff0000000000001ull, 0, 0, 0x7ff0000000000001ull, 0)
    T("fmv.d.x", RNE, 0xfff4000000000001ull, 0, 0, 0xfff4000000000001ull, 0)
    T("fcvt.d.s", RNE, 0x000000003f800000ull, 0, 0, D_QNAN, 0)
    T("fclass.s", RNE, 0x000000003f800000ull, 0, 0, 0x200, 0)
    T("feq.s", RNE, 0x000000007fc00000ull, S(S_QNAN), 0, 0, 0)
    T("fmin.s", RNE, 0x0000000000000000ull, S(S_2), 0, S(S_2), 0)
    /* canonical NaN results */
    T("fadd.d", RNE, 0x7ff8000000000123ull, D_1, 0, D_QNAN, 0)
    T("fadd.d", RNE, D_SNAN, D_1, 0, D_QNAN, NV)
    T("fadd.s", RNE, S(0xffc00001u), S(S_1), 0, S(S_QNAN), 0)
    T("fmul.s", RNE, S(S_INF), S(0), 0, S(S_QNAN), NV)
    T("fsub.d", RNE, D_INF, D_INF, 0, D_QNAN, NV)
    T("fdiv.s", RNE, S(0), S(0), 0, S(S_QNAN), NV)
    T("fdiv.d", RNE, D_1, 0, 0, D_INF, DZ)
    T("fdiv.s", RNE, S(S_M1), S(0), 0, S(S_MINF), DZ)
    T("fsqrt.s", RNE, S(S_M1), 0, 0, S(S_QNAN), NV)
    T("fsqrt.d", RNE, D_M1, 0, 0, D_QNAN, NV)
    T("fsqrt.d", RNE, D_MZERO, 0, 0, D_MZERO, 0)
    T("fsqrt.s", RNE, S(S_2), 0, 0, S(0x3fb504f3u), NX)
    T("fsqrt.d", RNE, D_MINF, 0, 0, D_QNAN, NV)
    /* arithmetic, rounding modes, flags */
    T("fadd.s", RNE, S(S_1), S(S_2), 0, S(S_3), 0)
    T("fdiv.s", RNE, S(S_1), S(S_3), 0, S(0x3eaaaaabu), NX)
    T("fdiv.s", RTZ, S(S_1), S(S_3), 0, S(0x3eaaaaaau), NX)
    T("fdiv.s", RDN, S(S_1), S(S_3), 0, S(0x3eaaaaaau), NX)
    T("fdiv.s", RUP, S(S_1), S(S_3), 0, S(0x3eaaaaabu), NX)
    T("fdiv.s", RMM, S(S_1), S(S_3), 0, S(0x3eaaaaabu), NX)
    T("fdiv.d", RNE, D_1, D_3, 0, 0x3fd5555555555555ull, NX)
    T("fdiv.d", RUP, D_1, D_3, 0, 0x3fd5555555555556ull, NX)
    T("fdiv.d", RDN, D_M1, D_3, 0, 0xbfd5555555555556ull, NX)
    T("fmul.d", RNE, D_MAX, D_2, 0, D_INF, OF | NX)
    T("fmul.d", RTZ, D_MAX, D_2, 0, D_MAX, OF | NX)
    T("fmul.d", RDN, D_MAX, D_2, 0, D_MAX, OF | NX)
    T("fmul.d", RNE, D_MINN, D_HALF, 0, 0x0008000000000000ull, 0)
    T("fdiv.d", RNE, D_MINN, D_3, 0, 0x0005555555555555ull, UF | NX)
    T("fsub.s", RNE, S(S_1), S(S_1), 0, S(0), 0)
    T("fsub.s", RDN, S(S_1), S(S_1), 0, S(S_MZERO), 0)
    T("fadd.d", RNE, D_MZERO, D_MZERO, 0, D_MZERO, 0)
    T("fadd.d", RNE, D_MZERO, 0, 0, 0, 0)
    T("fadd.d", RDN, D_MZERO, 0, 0, D_MZERO, 0)
    /* RMM (ties away from zero) in arithmetic */
    T("fadd.s", RNE, S(S_2P24), S(S_1), 0, S(S_2P24), NX)
    T("fadd.s", RMM, S(S_2P24), S(S_1), 0, S(0x4b800001u), NX)
    T("fsub.s", RMM, S(0xcb800000u), S(S_1), 0, S(0xcb800001u), NX)
    T("fdiv.s", RNE, S(5), S(S_2), 0, S(2), UF | NX)
    T("fdiv.s", RMM, S(5), S(S_2), 0, S(3), UF | NX)
    T("fdiv.d", RNE, 1, D_2, 0, 0, UF | NX)
    T("fdiv.d", RMM, 1, D_2, 0, 1, UF | NX)
    T("fmul.d", RNE, 0x4340000000000003ull, 0x3ff8000000000000ull, 0, 0x4348000000000004ull, NX)
    T("fmul.d", RMM, 0x4340000000000003ull, 0x3ff8000000000000ull, 0, 0x4348000000000005ull, NX)
    T("fmadd.d", RNE, D_2P53, D_1, D_1, D_2P53, NX)
    T("fmadd.d", RMM, D_2P53, D_1, D_1, 0x4340000000000001ull, NX)
    T("fmadd.s", RMM, S(S_2P24), S(S_1), S(S_1), S(0x4b800001u), NX)
    T("fsqrt.d", RMM, D_2, 0, 0, 0x3ff6a09e667f3bcdull, NX)
    /* fma: signed zeros, invalid cases, exactness */
    T("fmadd.s", RNE, S(S_1), S(S_MZERO), S(S_MZERO), S(S_MZERO), 0)
    T("fmadd.d", RNE, 0, D_1, D_MZERO, 0, 0)
    T("fmadd.d", RDN, 0, D_1, D_MZERO, D_MZERO, 0)
    T("fmsub.s", RNE, S(S_1), S(0), S(0), S(0), 0)
    T("fmsub.s", RDN, S(S_1), S(0), S(0), S(S_MZERO), 0)
    T("fnmadd.s", RNE, S(S_1), S(0), S(0), S(S_MZERO), 0)
    T("fnmsub.s", RNE, S(S_1), S(0), S(0), S(0), 0)
    T("fnmsub.s", RDN, S(S_1), S(0), S(0), S(S_MZERO), 0)
    T("fnmadd.d", RNE, 0, D_1, D_MZERO, 0, 0)
    T("fnmadd.d", RNE, 0, D_1, 0, D_MZERO, 0)
    T("fnmadd.d", RNE, D_1, D_2, D_3, 0xc014000000000000ull, 0)
    T("fnmsub.d", RNE, D_1, D_2, D_3, D_1, 0)
    T("fmsub.d", RNE, D_1, D_2, D_3, D_M1, 0)
    T("fmadd.d", RNE, 0x3ff0000000000001ull, 0x3fefffffffffffffull, D_M1, 0x3c9ffffffffffffeull, 0)
    T("fmadd.d", RNE, 0x3ff0000000000001ull, 0x3ff0000000000001ull, D_M1, 0x3cc0000000000000ull, NX)
    T("fmadd.d", RNE, 0x3ff0000001000000ull, 0x3ff0000001000000ull, D_M1, 0x3e40000000800000ull, 0)
    T("fmadd.s", RNE, S(S_INF), S(0), S(S_QNAN), S(S_QNAN), NV)
    T("fmadd.d", RNE, 0, D_INF, D_QNAN, D_QNAN, NV)
    T("fmadd.s", RNE, S(S_1), S(S_1), S(S_SNAN), S(S_QNAN), NV)
    T("fmadd.s", RNE, S(S_QNAN), S(S_1), S(S_1), S(S_QNAN), 0)
    T("fmadd.d", RNE, D_INF, D_1, D_MINF, D_QNAN, NV)
    /* fmin/fmax: -0 < +0, one NaN returns the other, sNaN raises NV */
    T("fmin.s", RNE, S(0), S(S_MZERO), 0, S(S_MZERO), 0)
    T("fmin.s", RNE, S(S_MZERO), S(0), 0, S(S_MZERO), 0)
    T("fmax.s", RNE, S(S_MZERO), S(0), 0, S(0), 0)
    T("fmax.d", RNE, 0, D_MZERO, 0, 0, 0)
    T("fmin.d", RNE, D_MZERO, 0, 0, D_MZERO, 0)
    T("fmin.s", RNE, S(S_QNAN), S(S_1), 0, S(S_1), 0)
    T("fmax.s", RNE, S(S_1), S(S_QNAN), 0, S(S_1), 0)
    T("fmin.s", RNE, S(S_SNAN), S(S_1), 0, S(S_1), NV)
    T("fmax.d", RNE, D_1, D_SNAN, 0, D_1, NV)
    T("fmin.s", RNE, S(0xffc00001u), S(S_QNAN), 0, S(S_QNAN), 0)
    T("fmax.d", RNE, D_SNAN, D_QNAN, 0, D_QNAN, NV)
    T("fmin.d", RNE, D_MINF, D_1, 0, D_MINF, 0)
    T("fmax.d", RNE, D_M1, 0xc000000000000000ull, 0, D_M1, 0)
    /* comparisons: feq is quiet, flt/fle signal on any NaN */
    T("feq.s", RNE, S(S_1), S(S_1), 0, 1, 0)
    T("feq.s", RNE, S(S_QNAN), S(S_1), 0, 0, 0)
    T("feq.s", RNE, S(S_SNAN), S(S_1), 0, 0, NV)
    T("feq.d", RNE, 0, D_MZERO, 0, 1, 0)
    T("feq.d", RNE, D_QNAN, D_QNAN, 0, 0, 0)
    T("flt.s", RNE, S(S_QNAN), S(S_1), 0, 0, NV)
    T("flt.d", RNE, D_1, D_2, 0, 1, 0)
    T("flt.d", RNE, D_MZERO, 0, 0, 0, 0)
    T("fle.d", RNE, D_MZERO, 0, 0, 1, 0)
    T("fle.s", RNE, S(S_1), S(S_QNAN), 0, 0, NV)
    T("fle.d", RNE, D_SNAN, D_SNAN, 0, 0, NV)
    T("flt.s", RNE, S(S_MINF), S(S_INF), 0, 1, 0)
    T("fle.s", RNE, S(S_2), S(S_1), 0, 0, 0)
    /* fclass: every class */
    T("fclass.s", RNE, S(S_MINF), 0, 0, 0x001, 0)
    T("fclass.s", RNE, S(S_M1), 0, 0, 0x002, 0)
    T("fclass.s", RNE, S(0x80000001u), 0, 0, 0x004, 0)
    T("fclass.s", RNE, S(S_MZERO), 0, 0, 0x008, 0)
    T("fclass.s", RNE, S(0), 0, 0, 0x010, 0)
    T("fclass.s", RNE, S(0x007fffffu), 0, 0, 0x020, 0)
    T("fclass.s", RNE, S(S_1), 0, 0, 0x040, 0)
    T("fclass.s", RNE, S(S_INF), 0, 0, 0x080, 0)
    T("fclass.s", RNE, S(S_SNAN), 0, 0, 0x100, 0)
    T("fclass.s", RNE, S(S_QNAN), 0, 0, 0x200, 0)
    T("fclass.d", RNE, D_MINF, 0, 0, 0x001, 0)
    T("fclass.d", RNE, 0xc000000000000000ull, 0, 0, 0x002, 0)
    T("fclass.d", RNE, 0x800fffffffffffffull, 0, 0, 0x004, 0)
    T("fclass.d", RNE, D_MZERO, 0, 0, 0x008, 0)
    T("fclass.d", RNE, 0, 0, 0, 0x010, 0)
    T("fclass.d", RNE, 1, 0, 0, 0x020, 0)
    T("fclass.d", RNE, D_MINN, 0, 0, 0x040, 0)
    T("fclass.d", RNE, D_INF, 0, 0, 0x080, 0)
    T("fclass.d", RNE, D_SNAN, 0, 0, 0x100, 0)
    T("fclass.d", RNE, 0xfff8000000000000ull, 0, 0, 0x200, 0)
    /* float -> integer: rounding in all five modes */
    T("fcvt.w.s", RNE, S(S_2_5), 0, 0, 2, NX)
    T("fcvt.w.s", RTZ, S(S_2_5), 0, 0, 2, NX)
    T("fcvt.w.s", RDN, S(S_2_5), 0, 0, 2, NX)
    T("fcvt.w.s", RUP, S(S_2_5), 0, 0, 3, NX)
    T("fcvt.w.s", RMM, S(S_2_5), 0, 0, 3, NX)
    T("fcvt.w.s", RNE, S(S_M2_5), 0, 0, (uint64_t)-2, NX)
    T("fcvt.w.s", RTZ, S(S_M2_5), 0, 0, (uint64_t)-2, NX)
    T("fcvt.w.s", RDN, S(S_M2_5), 0, 0, (uint64_t)-3, NX)
    T("fcvt.w.s", RUP, S(S_M2_5), 0, 0, (uint64_t)-2, NX)
    T("fcvt.w.s", RMM, S(S_M2_5), 0, 0, (uint64_t)-3, NX)
    T("fcvt.w.s", RNE, S(S_1_5), 0, 0, 2, NX)
    T("fcvt.w.s", RNE, S(S_M1_5), 0, 0, (uint64_t)-2, NX)
    T("fcvt.w.s", RNE, S(S_HALF), 0, 0, 0, NX)
    T("fcvt.w.s", RMM, S(S_HALF), 0, 0, 1, NX)
    T("fcvt.w.s", RMM, S(S_MHALF), 0, 0, (uint64_t)-1, NX)
    T("fcvt.w.s", RUP, S(S_MHALF), 0, 0, 0, NX)
    T("fcvt.l.d", RNE, D_2_5, 0, 0, 2, NX)
    T("fcvt.l.d", RMM, D_2_5, 0, 0, 3, NX)
    T("fcvt.l.d", RMM, D_M2_5, 0, 0, (uint64_t)-3, NX)
    T("fcvt.l.d", RDN, D_M2_5, 0, 0, (uint64_t)-3, NX)
    T("fcvt.l.d", RUP, D_0_1, 0, 0, 1, NX)
    T("fcvt.l.d", RDN, D_0_1, 0, 0, 0, NX)
    T("fcvt.l.d", RDN, D_M0_1, 0, 0, (uint64_t)-1, NX)
    T("fcvt.l.d", RUP, D_M0_1, 0, 0, 0, NX)
    T("fcvt.l.d", RNE, 0x4320000000000001ull, 0, 0, 0x8000000000000ull, NX)
    T("fcvt.l.d", RMM, 0x4320000000000001ull, 0, 0, 0x8000000000001ull, NX)
    T("fcvt.w.d", RTZ, 0xc00fffffffffffffull, 0, 0, (uint64_t)-3, NX)
    /* float -> integer: saturation (NV, never NX), NaN -> max, sign extension of W results */
    T("fcvt.w.d", RNE, 0x41dfffffffc00000ull, 0, 0, 0x7fffffff, 0)
    T("fcvt.w.d", RNE, 0x41e0000000000000ull, 0, 0, 0x7fffffff, NV)
    T("fcvt.w.d", RNE, 0xc1e0000000000000ull, 0, 0, 0xffffffff80000000ull, 0)
    T("fcvt.w.d", RNE, 0xc1e0000000200000ull, 0, 0, 0xffffffff80000000ull, NV)
    T("fcvt.w.d", RNE, 0x41dfffffffe00000ull, 0, 0, 0x7fffffff, NV)
    T("fcvt.w.d", RTZ, 0x41dfffffffe00000ull, 0, 0, 0x7fffffff, NX)
    T("fcvt.w.d", RNE, D_QNAN, 0, 0, 0x7fffffff, NV)
    T("fcvt.w.d", RNE, 0xfff8000000000000ull, 0, 0, 0x7fffffff, NV)
    T("fcvt.w.d", RNE, D_MINF, 0, 0, 0xffffffff80000000ull, NV)
    T("fcvt.w.d", RNE, D_INF, 0, 0, 0x7fffffff, NV)
    T("fcvt.w.s", RNE, S(0x4f000000u), 0, 0, 0x7fffffff, NV)
    T("fcvt.w.s", RNE, S(0xcf000000u), 0, 0, 0xffffffff80000000ull, 0)
    T("fcvt.wu.d", RNE, D_M1, 0, 0, 0, NV)
    T("fcvt.wu.d", RTZ, D_MHALF, 0, 0, 0, NX)
    T("fcvt.wu.d", RDN, D_MHALF, 0, 0, 0, NV)
    T("fcvt.wu.d", RNE, 0x41efffffffe00000ull, 0, 0, 0xffffffffffffffffull, 0)
    T("fcvt.wu.d", RNE, 0x41f0000000000000ull, 0, 0, 0xffffffffffffffffull, NV)
    T("fcvt.wu.d", RNE, 0x41e65a0bc0000000ull, 0, 0, 0xffffffffb2d05e00ull, 0)
    T("fcvt.wu.d", RNE, D_QNAN, 0, 0, 0xffffffffffffffffull, NV)
    T("fcvt.wu.s", RNE, S(S_SNAN), 0, 0, 0xffffffffffffffffull, NV)
    T("fcvt.wu.s", RNE, S(S_MINF), 0, 0, 0, NV)
    T("fcvt.l.d", RNE, 0x43e0000000000000ull, 0, 0, 0x7fffffffffffffffull, NV)
    T("fcvt.l.d", RNE, 0xc3e0000000000000ull, 0, 0, 0x8000000000000000ull, 0)
    T("fcvt.l.d", RNE, 0x43dfffffffffffffull, 0, 0, 0x7ffffffffffffc00ull, 0)
    T("fcvt.l.d", RNE, D_SNAN, 0, 0, 0x7fffffffffffffffull, NV)
    T("fcvt.l.s", RNE, S(0x5f000000u), 0, 0, 0x7fffffffffffffffull, NV)
    T("fcvt.l.s", RNE, S(0xdf000000u), 0, 0, 0x8000000000000000ull, 0)
    T("fcvt.lu.d", RNE, 0x43f0000000000000ull, 0, 0, 0xffffffffffffffffull, NV)
    T("fcvt.lu.d", RNE, 0x43efffffffffffffull, 0, 0, 0xfffffffffffff800ull, 0)
    T("fcvt.lu.d", RNE, D_M1, 0, 0, 0, NV)
    T("fcvt.lu.d", RNE, D_MINF, 0, 0, 0, NV)
    T("fcvt.lu.d", RNE, D_INF, 0, 0, 0xffffffffffffffffull, NV)
    T("fcvt.lu.d", RNE, D_QNAN, 0, 0, 0xffffffffffffffffull, NV)
    T("fcvt.lu.s", RNE, S(0x5f800000u), 0, 0, 0xffffffffffffffffull, NV)
    T("fcvt.lu.s", RNE, S(0x5f7fffffu), 0, 0, 0xffffff0000000000ull, 0)
    T("fcvt.lu.s", RTZ, S(S_MHALF), 0, 0, 0, NX)
    /* integer -> float */
    T("fcvt.s.w", RNE, 16777217, 0, 0, S(S_2P24), NX)
    T("fcvt.s.w", RTZ, 16777217, 0, 0, S(S_2P24), NX)
    T("fcvt.s.w", RDN, 16777217, 0, 0, S(S_2P24), NX)
    T("fcvt.s.w", RUP, 16777217, 0, 0, S(0x4b800001u), NX)
    T("fcvt.s.w", RMM, 16777217, 0, 0, S(0x4b800001u), NX)
    T("fcvt.s.w", RDN, (uint64_t)-16777217, 0, 0, S(0xcb800001u), NX)
    T("fcvt.s.w", RUP, (uint64_t)-16777217, 0, 0, S(0xcb800000u), NX)
    T("fcvt.s.w", RNE, 0x12345678ffffffffull, 0, 0, S(S_M1), 0)
    T("fcvt.s.wu", RNE, 0xffffffffull, 0, 0, S(0x4f800000u), NX)
    T("fcvt.s.wu", RTZ, 0xffffffffull, 0, 0, S(0x4f7fffffu), NX)
    T("fcvt.s.l", RNE, 0, 0, 0, S(0), 0)
    T("fcvt.s.l", RNE, 0x8000000000000000ull, 0, 0, S(0xdf000000u), 0)
    T("fcvt.s.lu", RNE, 0xffffffffffffffffull, 0, 0, S(0x5f800000u), NX)
    T("fcvt.d.w", RNE, (uint64_t)-5, 0, 0, 0xc014000000000000ull, 0)
    T("fcvt.d.wu", RNE, 0xffffffffull, 0, 0, 0x41efffffffe00000ull, 0)
    T("fcvt.d.l", RNE, 0x8000000000000000ull, 0, 0, 0xc3e0000000000000ull, 0)
    T("fcvt.d.l", RNE, 0x20000000000001ull, 0, 0, D_2P53, NX)
    T("fcvt.d.l", RMM, 0x20000000000001ull, 0, 0, 0x4340000000000001ull, NX)
    T("fcvt.d.lu", RNE, 0xffffffffffffffffull, 0, 0, 0x43f0000000000000ull, NX)
    T("fcvt.d.lu", RTZ, 0xffffffffffffffffull, 0, 0, 0x43efffffffffffffull, NX)
    /* float <-> float */
    T("fcvt.s.d", RNE, D_0_1, 0, 0, S(0x3dcccccdu), NX)
    T("fcvt.s.d", RTZ, D_0_1, 0, 0, S(0x3dccccccu), NX)
    T("fcvt.s.d", RNE, 0x4170000010000000ull, 0, 0, S(S_2P24), NX)
    T("fcvt.s.d", RMM, 0x4170000010000000ull, 0, 0, S(0x4b800001u), NX)
    T("fcvt.s.d", RMM, 0xc170000010000000ull, 0, 0, S(0xcb800001u), NX)
    T("fcvt.s.d", RUP, 0x4170000010000000ull, 0, 0, S(0x4b800001u), NX)
    T("fcvt.s.d", RNE, D_MAX, 0, 0, S(S_INF), OF | NX)
    T("fcvt.s.d", RTZ, D_MAX, 0, 0, S(0x7f7fffffu), OF | NX)
    T("fcvt.s.d", RNE, D_SNAN, 0, 0, S(S_QNAN), NV)
    T("fcvt.s.d", RNE, 0xfff8000000000123ull, 0, 0, S(S_QNAN), 0)
    T("fcvt.s.d", RNE, 0x358dee7a4ad4b81full, 0, 0, S(0), UF | NX)
    T("fcvt.s.d", RNE, 0x380fffffffe00000ull, 0, 0, S(0x00800000u), NX)
    T("fcvt.s.d", RNE, 0x380fffffe0000000ull, 0, 0, S(0x00800000u), UF | NX)
    T("fcvt.d.s", RNE, S(S_SNAN), 0, 0, D_QNAN, NV)
    T("fcvt.d.s", RNE, S(0x3dcccccdu), 0, 0, 0x3fb99999a0000000ull, 0)
    T("fcvt.d.s", RNE, S(1), 0, 0, 0x36a0000000000000ull, 0)
    /* underflow is detected after rounding */
    T("fmul.s", RNE, S(0x3f7ffffeu), S(0x00800001u), 0, S(0x00800000u), NX)
    T("fmul.s", RNE, S(0x3f7fffffu), S(0x00800000u), 0, S(0x00800000u), UF | NX)
    T("fmul.d", RUP, 0x3fefffffffffffffull, D_MINN, 0, D_MINN, UF | NX)
};

static struct rv_cpu cpu;
#define C (&cpu.base)

static const struct rv_insn *find(const char *name)
{
    for (const struct rv_insn *r = rv_insn_fp; r->fn; r++)
        if (!strcmp(r->name, name))
            return r;
    return NULL;
}

static unsigned get_fflags(void)
{
    uint64_t v = 0;
    rv_fcsr_read(C, 1, &v);
    return (unsigned)v;
}

/* Stands after the op under test: reaching it means the handler went on to the next op. */
static int reached_next;
static const struct op *op_sentinel(struct emu_cpu *c, const struct op *o)
{
    (void)c, (void)o;
    reached_next = 1;
    return NULL;
}

/* Runs one instruction with rs1 = 1, rs2 = 2, rs3 = 3, rd = 4; stores rd and the fflags it raised; returns 1
   when the handler went on to the next op, 0 when it left the block (illegal instruction). */
static int run(const struct rv_insn *r, unsigned rm, uint64_t a, uint64_t b, uint64_t c3, uint64_t *res,
                            unsigned *flags)
{
    struct op o[2];
    memset(o, 0, sizeof o);
    o[0].fn = r->fn, o[0].rs1 = 1, o[0].rs2 = 2, o[0].rs3 = 3, o[0].rd = 4, o[0].rm = (uint8_t)rm;
    o[1].fn = op_sentinel;
    reached_next = 0;
    cpu.x[1] = a, cpu.f[1] = a, cpu.f[2] = b, cpu.f[3] = c3;
    cpu.x[4] = cpu.f[4] = 0x5a5a5a5a5a5a5a5aull;
    rv_fcsr_write(C, 1, 0);
    r->fn(C, &o[0]);
    *res = (r->flags & RVF_RDX) ? cpu.x[4] : cpu.f[4];
    *flags = get_fflags();
    return reached_next;
}

static int fails, checks;
#define CHECK(cond, ...)                                                                                     \
    do {                                                                                                     \
        checks++;                                                                                            \
        if (!(cond)) {                                                                                       \
            fails++;                                                                                         \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                      \
            printf(__VA_ARGS__);                                                                             \
            printf("\n");                                                                                    \
        }                                                                                                    \
    } while (0)

static void test_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct tcase *t = &cases[i];
        const struct rv_insn *r = find(t->name);
        uint64_t res;
        unsigned fl;
        CHECK(r != NULL, "no row named %s", t->name);
        if (!r)
            continue;
        int next = run(r, t->rm, t->a, t->b, t->c, &res, &fl);
        CHECK(next && res == t->res && fl == t->flags,
              "case %zu: %s rm%u %016llx %016llx %016llx -> %016llx flags %02x, want %016llx flags %02x", i,
              t->name, t->rm, (unsigned long long)t->a, (unsigned long long)t->b, (unsigned long long)t->c,
              (unsigned long long)res, fl, (unsigned long long)t->res, t->flags);
    }
}

/* Dynamic rounding mode: rm 7 uses frm; frm 5..7 makes the instruction illegal. */
static void test_dynamic_rm(void)
{
    const struct rv_insn *div = find("fdiv.s"), *cvt = find("fcvt.w.d"), *from = find("fcvt.s.l");
    uint64_t res;
    unsigned fl;
    for (unsigned m = 0; m < 5; m++) {
        static const uint64_t want[5] = {2, 2, 2, 3, 3};
        rv_fcsr_write(C, 2, m);
        CHECK(run(cvt, DYN, D_2_5, 0, 0, &res, &fl) && res == want[m] && fl == NX, "fcvt.w.d dyn frm=%u -> %llu", m,
              (unsigned long long)res);
        CHECK(run(div, DYN, S(S_1), S(S_3), 0, &res, &fl) && res == S(m == RTZ || m == RDN ? 0x3eaaaaaau : 0x3eaaaaabu),
              "fdiv.s dyn frm=%u", m);
    }
    for (unsigned m = 5; m < 8; m++) {
        rv_fcsr_write(C, 2, m);
        const char *names[] = {"fdiv.s", "fadd.d", "fmadd.s", "fsqrt.d", "fcvt.w.d", "fcvt.s.l", "fcvt.s.d", "fcvt.d.s"};
        for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
            int before = illegal_calls;
            int next = run(find(names[i]), DYN, S(S_1), S(S_3), S(S_1), &res, &fl);
            CHECK(!next && illegal_calls == before + 1 && res == 0x5a5a5a5a5a5a5a5aull, "%s with frm=%u not illegal", names[i], m);
        }
        /* NaN operands do not bypass the check */
        int before = illegal_calls;
        CHECK(!run(div, DYN, S(S_SNAN), S(S_1), 0, &res, &fl) && illegal_calls == before + 1 && fl == 0,
              "illegal frm with sNaN operand");
        /* a static mode ignores frm */
        CHECK(run(div, RNE, S(S_1), S(S_3), 0, &res, &fl) && res == S(0x3eaaaaabu), "static rm with bad frm");
        CHECK(run(from, RUP, 16777217, 0, 0, &res, &fl) && res == S(0x4b800001u), "static rm with bad frm (cvt)");
    }
    rv_fcsr_write(C, 2, RNE);
}

/* fflags/frm/fcsr and the host-flag accumulation. */
static void test_csr(void)
{
    uint64_t v = 0, res;
    unsigned fl;
    CHECK(rv_fcsr_write(C, 3, 0xff) == 0 && rv_fcsr_read(C, 3, &v) == 0 && v == 0xff, "fcsr 0xff -> %llx",
          (unsigned long long)v);
    CHECK(rv_fcsr_read(C, 2, &v) == 0 && v == 7, "frm from fcsr");
    CHECK(rv_fcsr_read(C, 1, &v) == 0 && v == 0x1f, "fflags from fcsr");
    CHECK(rv_fcsr_write(C, 3, 0x1234) == 0 && rv_fcsr_read(C, 3, &v) == 0 && v == 0x34, "fcsr masks to 8 bits");
    CHECK(rv_fcsr_read(C, 4, &v) < 0 && rv_fcsr_write(C, 0, 0) < 0, "unknown FP CSR");
    rv_fcsr_write(C, 3, 0);
    /* flags accumulate across ops until written */
    run(find("fdiv.d"), RNE, D_1, 0, 0, &res, &fl);
    CHECK(fl == DZ, "DZ");
    const struct op o[2] = {{.fn = find("fdiv.d")->fn, .rd = 4, .rs1 = 1, .rs2 = 2}, {.fn = op_sentinel}};
    cpu.f[1] = D_1, cpu.f[2] = D_3;
    o[0].fn(C, &o[0]);
    cpu.f[1] = D_SNAN;
    o[0].fn(C, &o[0]);
    CHECK(get_fflags() == (DZ | NX | NV), "accumulated %02x", get_fflags());
    CHECK(rv_fcsr_write(C, 2, RUP) == 0 && get_fflags() == (DZ | NX | NV), "frm write keeps flags");
    CHECK(rv_fcsr_read(C, 3, &v) == 0 && v == (RUP << 5 | DZ | NX | NV), "fcsr = frm<<5 | fflags: %llx",
          (unsigned long long)v);
    CHECK(rv_fcsr_write(C, 1, OF) == 0 && get_fflags() == OF, "fflags write replaces");
    CHECK(rv_fcsr_write(C, 1, 0) == 0 && get_fflags() == 0, "fflags cleared");
    rv_fcsr_write(C, 2, RNE);
    /* pure bit moves raise nothing */
    const char *moves[] = {"fsgnj.d", "fsgnjn.s", "fsgnjx.d", "fmv.x.w", "fmv.w.x", "fmv.x.d", "fmv.d.x", "fclass.d"};
    for (unsigned i = 0; i < sizeof moves / sizeof moves[0]; i++) {
        run(find(moves[i]), RNE, D_SNAN, 0x7f800001ull, 0, &res, &fl);
        CHECK(fl == 0, "%s raised %02x", moves[i], fl);
    }
    rv_fp_init(C);
    CHECK(cpu.frm == RNE && get_fflags() == 0, "rv_fp_init");
}

/* Integer destinations: rd == x0 goes to the sink, not x0 (decode's job; here: the row flags). */
static void test_table(void)
{
    /* instruction words from riscv64-linux-gnu-as, one per F/D instruction */
    static const struct { uint32_t w; const char *name; } words[] = {
        {0x00852007, "flw"}, {0xff85b087, "fld"}, {0x00262627, "fsw"}, {0xfe36b827, "fsd"},
        {0x203100c3, "fmadd.s"}, {0x203110c7, "fmsub.s"}, {0x203120cb, "fnmsub.s"}, {0x203170cf, "fnmadd.s"},
        {0x223130c3, "fmadd.d"}, {0x223140c7, "fmsub.d"}, {0x223170cb, "fnmsub.d"}, {0xe3df7fcf, "fnmadd.d"},
        {0x003170d3, "fadd.s"}, {0x083110d3, "fsub.s"}, {0x103170d3, "fmul.s"}, {0x183170d3, "fdiv.s"},
        {0x580170d3, "fsqrt.s"}, {0x023170d3, "fadd.d"}, {0x0a3170d3, "fsub.d"}, {0x123170d3, "fmul.d"},
        {0x1a3170d3, "fdiv.d"}, {0x5a0140d3, "fsqrt.d"}, {0x203100d3, "fsgnj.s"}, {0x203110d3, "fsgnjn.s"},
        {0x203120d3, "fsgnjx.s"}, {0x223100d3, "fsgnj.d"}, {0x223110d3, "fsgnjn.d"}, {0x223120d3, "fsgnjx.d"},
        {0x283100d3, "fmin.s"}, {0x283110d3, "fmax.s"}, {0x2a3100d3, "fmin.d"}, {0x2a3110d3, "fmax.d"},
        {0x401170d3, "fcvt.s.d"}, {0x420100d3, "fcvt.d.s"}, {0xa0312553, "feq.s"}, {0xa0311553, "flt.s"},
        {0xa0310553, "fle.s"}, {0xa2312553, "feq.d"}, {0xa2311553, "flt.d"}, {0xa2310553, "fle.d"},
        {0xe0009553, "fclass.s"}, {0xe2009553, "fclass.d"}, {0xc0009553, "fcvt.w.s"}, {0xc010f553, "fcvt.wu.s"},
        {0xc020f553, "fcvt.l.s"}, {0xc030f553, "fcvt.lu.s"}, {0xc200f553, "fcvt.w.d"}, {0xc210f553, "fcvt.wu.d"},
        {0xc220c553, "fcvt.l.d"}, {0xc230f553, "fcvt.lu.d"}, {0xd00570d3, "fcvt.s.w"}, {0xd01570d3, "fcvt.s.wu"},
        {0xd02570d3, "fcvt.s.l"}, {0xd03570d3, "fcvt.s.lu"}, {0xd20500d3, "fcvt.d.w"}, {0xd21500d3, "fcvt.d.wu"},
        {0xd22570d3, "fcvt.d.l"}, {0xd23570d3, "fcvt.d.lu"}, {0xe0008553, "fmv.x.w"}, {0xf00500d3, "fmv.w.x"},
        {0xe2008553, "fmv.x.d"}, {0xf20500d3, "fmv.d.x"},
    };
    unsigned rows = 0;
    for (const struct rv_insn *r = rv_insn_fp; r->fn; r++)
        rows++;
    CHECK(rows == sizeof words / sizeof words[0], "%u rows", rows);
    for (unsigned i = 0; i < sizeof words / sizeof words[0]; i++) {
        const struct rv_insn *hit = NULL;
        unsigned n = 0;
        for (const struct rv_insn *r = rv_insn_fp; r->fn; r++)
            if ((words[i].w & r->mask) == r->match)
                hit = r, n++;
        CHECK(n == 1 && !strcmp(hit->name, words[i].name), "%08x (%s) matched %u rows", words[i].w, words[i].name, n);
    }
    /* unused fields must not match: fsqrt.s with rs2 != 0, fmt 2 (H) fmadd, fmin with funct3 2, fclass rs2 != 0 */
    static const uint32_t bad[] = {0x581170d3, 0x043100c3, 0x283120d3, 0xe0109553, 0x403170d3, 0xc040f553,
                                   0xe0002553, 0xa0313553, 0x00854007};
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        unsigned n = 0;
        for (const struct rv_insn *r = rv_insn_fp; r->fn; r++)
            n += (bad[i] & r->mask) == r->match;
        CHECK(n == 0, "%08x should not decode", bad[i]);
    }
    /* operand formats: rounding-mode ops carry rm, integer destinations are RDX */
    for (const struct rv_insn *r = rv_insn_fp; r->fn; r++) {
        int rm_field = (r->mask & 0x7000) == 0 && r->fmt != RV_I && r->fmt != RV_S;
        CHECK(rm_field == (r->fmt == RV_RM || r->fmt == RV_R4), "%s: rm field vs format", r->name);
        int xdst = !strncmp(r->name, "feq", 3) || !strncmp(r->name, "flt", 3) || !strncmp(r->name, "fle", 3) ||
                   !strncmp(r->name, "fclass", 6) || !strncmp(r->name, "fmv.x", 5) ||
                   (!strncmp(r->name, "fcvt.", 5) && strchr("wl", r->name[5]));
        CHECK(!!(r->flags & RVF_RDX) == xdst, "%s: RDX flag", r->name);
    }
}

int main(void)
{
    rv_fp_init(C);
    test_cases();
    test_dynamic_rm();
    test_csr();
    test_table();
    printf("test_rv_fp: %d checks (%zu value cases), %d failed\n", checks, sizeof cases / sizeof cases[0], fails);
    return fails != 0;
}
