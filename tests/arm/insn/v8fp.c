/* ARMv8 AArch32 FP additions (built for armv8-a + neon-fp-armv8): VSEL, VMAXNM/VMINNM, VRINTA/N/P/M/X/Z/R,
   VCVTA/N/P/M, scalar and vector, with hand-checked edge cases (NaN, signed zeros, ties, infinities,
   out-of-range conversions, FZ/DN) and exact FPSCR flags, then a random sweep whose digest is compared with
   qemu-arm's output by insn.sh. */
#include "check.h"

/* Scalar single/double ops: r = op(a[, b]). */
#define S1(name, insn) static uint32_t name(uint32_t a) { float r; __asm__ volatile(insn " %0, %1" : "=t"(r) : "t"(bitsf(a))); return fbits(r); }
#define D1(name, insn) static uint64_t name(uint64_t a) { double r; __asm__ volatile(insn " %P0, %P1" : "=w"(r) : "w"(bitsd(a))); return dbits(r); }
#define S2(name, insn) static uint32_t name(uint32_t a, uint32_t b) { float r; __asm__ volatile(insn " %0, %1, %2" : "=t"(r) : "t"(bitsf(a)), "t"(bitsf(b))); return fbits(r); }
#define D2(name, insn) static uint64_t name(uint64_t a, uint64_t b) { double r; __asm__ volatile(insn " %P0, %P1, %P2" : "=w"(r) : "w"(bitsd(a)), "w"(bitsd(b))); return dbits(r); }
#define SCVT(name, insn) static uint32_t name(uint32_t a) { float r; __asm__ volatile(insn " %0, %1" : "=t"(r) : "t"(bitsf(a))); return fbits(r); }
#define DCVT(name, insn) static uint32_t name(uint64_t a) { float r; __asm__ volatile(insn " %0, %P1" : "=t"(r) : "w"(bitsd(a))); return fbits(r); }

S1(rinta_s, "vrinta.f32") S1(rintn_s, "vrintn.f32") S1(rintp_s, "vrintp.f32") S1(rintm_s, "vrintm.f32")
S1(rintx_s, "vrintx.f32") S1(rintz_s, "vrintz.f32") S1(rintr_s, "vrintr.f32")
D1(rinta_d, "vrinta.f64") D1(rintn_d, "vrintn.f64") D1(rintp_d, "vrintp.f64") D1(rintm_d, "vrintm.f64")
D1(rintx_d, "vrintx.f64") D1(rintz_d, "vrintz.f64") D1(rintr_d, "vrintr.f64")
S2(maxnm_s, "vmaxnm.f32") S2(minnm_s, "vminnm.f32") D2(maxnm_d, "vmaxnm.f64") D2(minnm_d, "vminnm.f64")
SCVT(cvta_s32, "vcvta.s32.f32") SCVT(cvtn_s32, "vcvtn.s32.f32") SCVT(cvtp_s32, "vcvtp.s32.f32") SCVT(cvtm_s32, "vcvtm.s32.f32")
SCVT(cvta_u32, "vcvta.u32.f32") SCVT(cvtn_u32, "vcvtn.u32.f32") SCVT(cvtp_u32, "vcvtp.u32.f32") SCVT(cvtm_u32, "vcvtm.u32.f32")
DCVT(cvta_s32d, "vcvta.s32.f64") DCVT(cvtn_s32d, "vcvtn.s32.f64") DCVT(cvtp_u32d, "vcvtp.u32.f64") DCVT(cvtm_u32d, "vcvtm.u32.f64")
DCVT(cvtp_s32d, "vcvtp.s32.f64") DCVT(cvtm_s32d, "vcvtm.s32.f64") DCVT(cvta_u32d, "vcvta.u32.f64") DCVT(cvtn_u32d, "vcvtn.u32.f64")

/* VSEL with APSR = nzcv (bits 31:28): kind 0 EQ 1 VS 2 GE 3 GT. */
static uint32_t vsel_s(unsigned kind, uint32_t nzcv, uint32_t a, uint32_t b)
{
    float r, x = bitsf(a), y = bitsf(b);
    set_apsr(nzcv);
    switch (kind) {
    case 0: __asm__ volatile("vseleq.f32 %0, %1, %2" : "=t"(r) : "t"(x), "t"(y)); break;
    case 1: __asm__ volatile("vselvs.f32 %0, %1, %2" : "=t"(r) : "t"(x), "t"(y)); break;
    case 2: __asm__ volatile("vselge.f32 %0, %1, %2" : "=t"(r) : "t"(x), "t"(y)); break;
    default: __asm__ volatile("vselgt.f32 %0, %1, %2" : "=t"(r) : "t"(x), "t"(y)); break;
    }
    return fbits(r);
}
static uint64_t vsel_d(unsigned kind, uint32_t nzcv, uint64_t a, uint64_t b)
{
    double r, x = bitsd(a), y = bitsd(b);
    set_apsr(nzcv);
    switch (kind) {
    case 0: __asm__ volatile("vseleq.f64 %P0, %P1, %P2" : "=w"(r) : "w"(x), "w"(y)); break;
    case 1: __asm__ volatile("vselvs.f64 %P0, %P1, %P2" : "=w"(r) : "w"(x), "w"(y)); break;
    case 2: __asm__ volatile("vselge.f64 %P0, %P1, %P2" : "=w"(r) : "w"(x), "w"(y)); break;
    default: __asm__ volatile("vselgt.f64 %P0, %P1, %P2" : "=w"(r) : "w"(x), "w"(y)); break;
    }
    return dbits(r);
}

/* Vector ops on 4 lanes (q registers) and 2 lanes (d registers). */
typedef struct { uint32_t v[4]; } v4;
#define VQ1(name, insn) static v4 name(v4 a) { v4 r; __asm__ volatile("vld1.32 {d16-d17}, [%1]\n\t" insn " q9, q8\n\tvst1.32 {d18-d19}, [%0]" :: "r"(r.v), "r"(a.v) : "d16", "d17", "d18", "d19", "memory"); return r; }
#define VQ2(name, insn) static v4 name(v4 a, v4 b) { v4 r; __asm__ volatile("vld1.32 {d16-d17}, [%1]\n\tvld1.32 {d20-d21}, [%2]\n\t" insn " q9, q8, q10\n\tvst1.32 {d18-d19}, [%0]" :: "r"(r.v), "r"(a.v), "r"(b.v) : "d16", "d17", "d18", "d19", "d20", "d21", "memory"); return r; }
#define VD1(name, insn) static v4 name(v4 a) { v4 r = {{0, 0, 0, 0}}; __asm__ volatile("vld1.32 {d16}, [%1]\n\t" insn " d18, d16\n\tvst1.32 {d18}, [%0]" :: "r"(r.v), "r"(a.v) : "d16", "d18", "memory"); return r; }
#define VD2(name, insn) static v4 name(v4 a, v4 b) { v4 r = {{0, 0, 0, 0}}; __asm__ volatile("vld1.32 {d16}, [%1]\n\tvld1.32 {d20}, [%2]\n\t" insn " d18, d16, d20\n\tvst1.32 {d18}, [%0]" :: "r"(r.v), "r"(a.v), "r"(b.v) : "d16", "d18", "d20", "memory"); return r; }
VQ1(vrinta_q, "vrinta.f32") VQ1(vrintn_q, "vrintn.f32") VQ1(vrintp_q, "vrintp.f32") VQ1(vrintm_q, "vrintm.f32")
VQ1(vrintx_q, "vrintx.f32") VQ1(vrintz_q, "vrintz.f32")
VQ1(vcvta_sq, "vcvta.s32.f32") VQ1(vcvtn_sq, "vcvtn.s32.f32") VQ1(vcvtp_sq, "vcvtp.s32.f32") VQ1(vcvtm_sq, "vcvtm.s32.f32")
VQ1(vcvta_uq, "vcvta.u32.f32") VQ1(vcvtn_uq, "vcvtn.u32.f32") VQ1(vcvtp_uq, "vcvtp.u32.f32") VQ1(vcvtm_uq, "vcvtm.u32.f32")
VQ2(vmaxnm_q, "vmaxnm.f32") VQ2(vminnm_q, "vminnm.f32")
VD1(vrinta_d, "vrinta.f32") VD1(vcvtp_sd, "vcvtp.s32.f32") VD2(vminnm_dd, "vminnm.f32") VD2(vmaxnm_dd, "vmaxnm.f32")

/* Runs with FPSCR = mode and flags cleared; *fl gets the cumulative flags afterwards. */
#define WITH(mode, expr, fl) ({ set_fpscr(mode); __typeof__(expr) v_ = (expr); *(fl) = get_fpscr() & 0x9f; set_fpscr(0); v_; })

static void rint_scalar(void)
{
    uint32_t f;
    /* 2.5, -2.5, 0.5, -0.5, 1.5 */
    EQ(WITH(RN, rinta_s(0x40200000u), &f), 0x40400000u); EQ(f, 0);       /* ties away: 3, not exact-flagged */
    EQ(WITH(RN, rinta_s(0xc0200000u), &f), 0xc0400000u); EQ(f, 0);
    EQ(WITH(RN, rintn_s(0x40200000u), &f), 0x40000000u); EQ(f, 0);       /* ties even: 2 */
    EQ(WITH(RP, rintn_s(0x3fc00000u), &f), 0x40000000u);                  /* mode ignored: 1.5 -> 2 */
    EQ(WITH(RN, rintp_s(0x3f000001u), &f), 0x3f800000u);
    EQ(WITH(RN, rintm_s(0xbf000000u), &f), 0xbf800000u);
    EQ(WITH(RN, rintp_s(0xbf000000u), &f), 0x80000000u);                  /* -0.5 up: -0 */
    EQ(WITH(RN, rinta_s(0xbe800000u), &f), 0x80000000u);                  /* -0.25 away: -0 */
    EQ(WITH(RN, rintm_s(0x00000000u), &f), 0); EQ(f, 0);
    EQ(WITH(RN, rintm_s(0x80000000u), &f), 0x80000000u);
    EQ(WITH(RN, rinta_s(0x7f800000u), &f), 0x7f800000u); EQ(f, 0);
    EQ(WITH(RN, rinta_s(0x7f800001u), &f), 0x7fc00001u); EQ(f, IOC);     /* sNaN quieted */
    EQ(WITH(DN, rinta_s(0x7fc00123u), &f), 0x7fc00000u); EQ(f, 0);
    EQ(WITH(FZ, rintp_s(0x00000001u), &f), 0); EQ(f, IDC);               /* denormal flushed */
    EQ(WITH(RN, rintp_s(0x00000001u), &f), 0x3f800000u); EQ(f, 0);
    EQ(WITH(RN, rinta_s(0x4b000001u), &f), 0x4b000001u);                  /* already integral */
    EQ(WITH(RN, rintx_s(0x40200000u), &f), 0x40000000u); EQ(f, IXC);     /* VRINTX: mode, exact */
    EQ(WITH(RP, rintx_s(0x40200000u), &f), 0x40400000u); EQ(f, IXC);
    EQ(WITH(RP, rintz_s(0xc0600000u), &f), 0xc0400000u); EQ(f, 0);       /* VRINTZ: -3.5 toward zero */
    EQ(WITH(RM, rintr_s(0x40600000u), &f), 0x40400000u); EQ(f, 0);       /* VRINTR: mode, not exact */
    EQ(WITH(RN, rinta_d(0x4004000000000000ull), &f), 0x4008000000000000ull); EQ(f, 0); /* 2.5 */
    EQ(WITH(RN, rintn_d(0x4004000000000000ull), &f), 0x4000000000000000ull);
    EQ(WITH(RN, rintp_d(0xbfe0000000000000ull), &f), 0x8000000000000000ull);
    EQ(WITH(RN, rintm_d(0x3fefffffffffffffull), &f), 0);
    EQ(WITH(RN, rintx_d(0x3ff8000000000000ull), &f), 0x4000000000000000ull); EQ(f, IXC);
    EQ(WITH(RN, rintz_d(0xbff8000000000000ull), &f), 0xbff0000000000000ull); EQ(f, 0);
    EQ(WITH(RP, rintr_d(0x3ff8000000000000ull), &f), 0x4000000000000000ull); EQ(f, 0);
}

static void cvt_scalar(void)
{
    uint32_t f;
    EQ(WITH(RZ, cvta_s32(0x40200000u), &f), 3); EQ(f, IXC);             /* 2.5 away, mode ignored */
    EQ(WITH(RN, cvta_s32(0xc0200000u), &f), (uint32_t)-3); EQ(f, IXC);
    EQ(WITH(RN, cvtn_s32(0x40200000u), &f), 2); EQ(f, IXC);
    EQ(WITH(RN, cvtn_s32(0x40600000u), &f), 4);
    EQ(WITH(RN, cvtp_s32(0x3f000001u), &f), 1);
    EQ(WITH(RN, cvtp_s32(0xbf400000u), &f), 0); EQ(f, IXC);
    EQ(WITH(RN, cvtm_s32(0xbe800000u), &f), (uint32_t)-1);
    EQ(WITH(RN, cvtm_s32(0x40000000u), &f), 2); EQ(f, 0);
    EQ(WITH(RN, cvta_s32(0x4f000000u), &f), 0x7fffffffu); EQ(f, IOC);  /* 2^31 */
    EQ(WITH(RN, cvta_s32(0xcf000000u), &f), 0x80000000u); EQ(f, 0);    /* -2^31 fits */
    EQ(WITH(RN, cvtm_s32(0xcf000001u), &f), 0x80000000u); EQ(f, IOC);
    EQ(WITH(RN, cvtp_s32(0xff800000u), &f), 0x80000000u); EQ(f, IOC);  /* -inf */
    EQ(WITH(RN, cvtn_s32(0x7fc00000u), &f), 0); EQ(f, IOC);
    EQ(WITH(RN, cvta_u32(0xbf000000u), &f), 0); EQ(f, IOC);            /* -0.5 away = -1: out of range */
    EQ(WITH(RN, cvtn_u32(0xbf000000u), &f), 0); EQ(f, IXC);            /* -0.5 even = -0: fits */
    EQ(WITH(RN, cvtp_u32(0xbf000000u), &f), 0); EQ(f, IXC);
    EQ(WITH(RN, cvtm_u32(0xbf000000u), &f), 0); EQ(f, IOC);
    EQ(WITH(RN, cvtp_u32(0x4f7fffffu), &f), 0xffffff00u); EQ(f, 0);
    EQ(WITH(RN, cvta_u32(0x4f800000u), &f), 0xffffffffu); EQ(f, IOC);  /* 2^32 */
    EQ(WITH(FZ, cvtp_u32(0x00000001u), &f), 0); EQ(f, IDC);            /* flushed: no IXC */
    EQ(WITH(RN, cvtp_u32(0x00000001u), &f), 1); EQ(f, IXC);
    EQ(WITH(RN, cvta_s32d(0x4004000000000000ull), &f), 3); EQ(f, IXC);
    EQ(WITH(RN, cvtn_s32d(0xc004000000000000ull), &f), (uint32_t)-2);
    EQ(WITH(RN, cvtp_u32d(0x41efffffffdfffffull), &f), 0xffffffffu); EQ(f, IXC); /* just below 2^32 - 1 */
    EQ(WITH(RN, cvtp_u32d(0x41efffffffe00001ull), &f), 0xffffffffu); EQ(f, IOC); /* just above: out of range */
    EQ(WITH(RN, cvtm_u32d(0x41f0000000000000ull), &f), 0xffffffffu); EQ(f, IOC);
    EQ(WITH(RN, cvtp_s32d(0x41dfffffffc00001ull), &f), 0x7fffffffu); EQ(f, IOC); /* rounds up past 2^31 - 1 */
    EQ(WITH(RN, cvtm_s32d(0xc1e0000000100000ull), &f), 0x80000000u); EQ(f, IOC);
    EQ(WITH(RN, cvta_u32d(0x7ff0000000000001ull), &f), 0); EQ(f, IOC);
    EQ(WITH(RN, cvtn_u32d(0x3ff8000000000000ull), &f), 2); EQ(f, IXC);
}

static void minmax_sel(void)
{
    uint32_t f;
    const uint32_t one = 0x3f800000u, qn = 0x7fc00001u, sn = 0x7f800001u;
    EQ(WITH(RN, maxnm_s(one, qn), &f), one); EQ(f, 0);                  /* quiet NaN loses */
    EQ(WITH(RN, minnm_s(qn, one), &f), one); EQ(f, 0);
    EQ(WITH(RN, maxnm_s(qn, 0x7fc00002u), &f), qn); EQ(f, 0);           /* both: first */
    EQ(WITH(RN, maxnm_s(one, sn), &f), 0x7fc00001u); EQ(f, IOC);        /* signaling: quieted, IOC */
    EQ(WITH(DN, minnm_s(sn, one), &f), 0x7fc00000u); EQ(f, IOC);
    EQ(WITH(RN, maxnm_s(0x80000000u, 0), &f), 0);                        /* +0 > -0 */
    EQ(WITH(RN, minnm_s(0, 0x80000000u), &f), 0x80000000u);
    EQ(WITH(RN, maxnm_s(0xff800000u, qn), &f), 0xff800000u);
    EQ(WITH(FZ, minnm_s(0x00000001u, 0x80000002u), &f), 0x80000000u); EQ(f, IDC); /* both flushed to zeros */
    EQ(WITH(RN, minnm_s(0x00000001u, 0x80000002u), &f), 0x80000002u); EQ(f, 0);
    EQ(WITH(RN, maxnm_d(0x3ff0000000000000ull, 0x7ff8000000000000ull), &f), 0x3ff0000000000000ull);
    EQ(WITH(RN, minnm_d(0xbff0000000000000ull, 0x3ff0000000000000ull), &f), 0xbff0000000000000ull);
    EQ(WITH(RN, minnm_d(0x7ff0000000000001ull, 0), &f), 0x7ff8000000000001ull); EQ(f, IOC);
    /* VSEL: nzcv in bits 31:28 */
    const uint32_t N = 8u << 28, Z = 4u << 28, V = 1u << 28;
    EQ(vsel_s(0, Z, 1, 2), 1); EQ(vsel_s(0, 0, 1, 2), 2);
    EQ(vsel_s(1, V, 1, 2), 1); EQ(vsel_s(1, N | Z, 1, 2), 2);
    EQ(vsel_s(2, N | V, 1, 2), 1); EQ(vsel_s(2, N, 1, 2), 2); EQ(vsel_s(2, 0, 1, 2), 1);
    EQ(vsel_s(3, 0, 1, 2), 1); EQ(vsel_s(3, Z, 1, 2), 2); EQ(vsel_s(3, V, 1, 2), 2);
    EQ(vsel_d(0, Z, 0x7ff0000000000001ull, 2), 0x7ff0000000000001ull);   /* a plain copy, even of a sNaN */
    EQ(vsel_d(3, N | V, 1, 2), 1); EQ(vsel_d(2, V, 1, 2), 2); EQ(vsel_d(1, 0, 1, 2), 2);
    set_fpscr(0);
    vsel_s(0, Z, 0x7f800001u, 2);
    EQ(get_fpscr() & 0x9f, 0);
}

static void vector(void)
{
    uint32_t f;
    v4 a = {{0x40200000u, 0xbf000000u, 0x00000001u, 0x7f800001u}};          /* 2.5, -0.5, denormal, sNaN */
    v4 r = WITH(RP, vrinta_q(a), &f);
    EQ(r.v[0], 0x40400000u); EQ(r.v[1], 0xbf800000u); EQ(r.v[2], 0); EQ(r.v[3], 0x7fc00000u); /* FZ, DN */
    EQ(f, IOC | IDC);
    r = WITH(RM, vrintn_q(a), &f); EQ(r.v[0], 0x40000000u); EQ(r.v[1], 0x80000000u);
    r = WITH(RN, vrintp_q(a), &f); EQ(r.v[0], 0x40400000u); EQ(r.v[1], 0x80000000u); EQ(r.v[2], 0);
    r = WITH(RN, vrintm_q(a), &f); EQ(r.v[0], 0x40000000u); EQ(r.v[1], 0xbf800000u);
    r = WITH(RP, vrintx_q(a), &f); EQ(r.v[0], 0x40000000u); EQ(r.v[1], 0x80000000u); EQ(f, IOC | IDC | IXC); /* RN always */
    r = WITH(RN, vrintz_q(a), &f); EQ(r.v[0], 0x40000000u); EQ(r.v[1], 0x80000000u); EQ(f, IOC | IDC);
    v4 b = {{0x40200000u, 0xcf000001u, 0x4f800000u, 0x7fc00000u}};          /* 2.5, < -2^31, 2^32, qNaN */
    r = WITH(RN, vcvta_sq(b), &f); EQ(r.v[0], 3); EQ(r.v[1], 0x80000000u); EQ(r.v[2], 0x7fffffffu); EQ(r.v[3], 0);
    EQ(f, IOC | IXC);
    r = WITH(RN, vcvtn_sq(b), &f); EQ(r.v[0], 2);
    r = WITH(RN, vcvtp_sq(b), &f); EQ(r.v[0], 3);
    r = WITH(RN, vcvtm_sq(b), &f); EQ(r.v[0], 2);
    r = WITH(RN, vcvta_uq(b), &f); EQ(r.v[0], 3); EQ(r.v[1], 0); EQ(r.v[2], 0xffffffffu); EQ(r.v[3], 0); EQ(f, IOC | IXC);
    v4 c = {{0xbf000000u, 0x3f000000u, 0x00000003u, 0x4effffffu}};
    r = WITH(RN, vcvtn_uq(c), &f); EQ(r.v[0], 0); EQ(r.v[1], 0); EQ(r.v[2], 0); EQ(r.v[3], 0x7fffff80u); EQ(f, IXC | IDC);
    r = WITH(RN, vcvtp_uq(c), &f); EQ(r.v[0], 0); EQ(r.v[1], 1); EQ(r.v[2], 0);
    r = WITH(RN, vcvtm_uq(c), &f); EQ(r.v[0], 0); EQ(f, IOC | IXC | IDC);
    v4 x = {{0x3f800000u, 0x7fc00000u, 0x80000000u, 0x00000001u}}, y = {{0x7fc00000u, 0x40000000u, 0, 0x80000000u}};
    r = WITH(RN, vmaxnm_q(x, y), &f); EQ(r.v[0], 0x3f800000u); EQ(r.v[1], 0x40000000u); EQ(r.v[2], 0); EQ(r.v[3], 0);
    EQ(f, IDC);
    r = WITH(RN, vminnm_q(x, y), &f); EQ(r.v[0], 0x3f800000u); EQ(r.v[1], 0x40000000u); EQ(r.v[2], 0x80000000u); EQ(r.v[3], 0x80000000u);
    v4 sn = {{0x7f800001u, 0, 0, 0}};
    r = WITH(RN, vmaxnm_q(sn, x), &f); EQ(r.v[0], 0x7fc00000u); EQ(f, IOC | IDC); /* DN; x[3] is denormal */
    r = WITH(RN, vrinta_d(a), &f); EQ(r.v[0], 0x40400000u); EQ(r.v[1], 0xbf800000u); EQ(r.v[2], 0);
    r = WITH(RN, vcvtp_sd(b), &f); EQ(r.v[0], 3); EQ(r.v[1], 0x80000000u); EQ(r.v[2], 0);
    r = WITH(RN, vminnm_dd(x, y), &f); EQ(r.v[0], 0x3f800000u); EQ(r.v[1], 0x40000000u); EQ(r.v[3], 0);
    r = WITH(RN, vmaxnm_dd(y, x), &f); EQ(r.v[1], 0x40000000u);
}

/* Random sweep: operands from interesting values and random bits; the digest of results and flags is
   printed (insn.sh compares it with qemu-arm's). */
static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static uint32_t rs(void)
{
    static const uint32_t pool[] = {0, 0x80000000u, 0x3f000000u, 0xbf000000u, 0x3fc00000u, 0x40200000u, 0x7f800000u,
                                    0xff800000u, 0x7fc00000u, 0x7f800001u, 0xffc12345u, 0x00000001u, 0x807fffffu,
                                    0x4f000000u, 0xcf000000u, 0x4f800000u, 0x4effffffu, 0x4b000001u, 0xcb7fffffu};
    uint64_t x = rnd();
    switch (x & 3) {
    case 0: return pool[(x >> 8) % (sizeof pool / sizeof pool[0])];
    case 1: return (uint32_t)(x >> 32);
    default: { /* near an integer: exponent 126..158 */
        uint32_t e = 126 + (uint32_t)(x >> 8) % 33;
        return (uint32_t)(x >> 40) << 31 | e << 23 | ((uint32_t)(x >> 16) & 0x7fffff & -(uint32_t)((x >> 60) & 1)) | ((x >> 61) & 1) << 22;
    }
    }
}
static uint64_t rd(void)
{
    uint64_t x = rnd();
    if (x & 1) { /* a single's pattern widened on the bits (denormals stay denormal) */
        uint64_t s = rs(), e = (s >> 23) & 0xff;
        return (s >> 31) << 63 | (e == 0 ? 0 : e == 255 ? 0x7ffull : e + 896) << 52 | (s & 0x7fffff) << 29;
    }
    uint64_t e = 1022 + (x >> 8) % 34;
    return (x >> 63) << 63 | e << 52 | ((x >> 12) & 0xfffffffffffffull & -((x >> 5) & 1)) | ((x >> 6) & 1) << 51;
}

static uint64_t digest = 0xcbf29ce484222325ull;
static void mix(uint64_t v) { digest = (digest ^ v) * 0x100000001b3ull; }
static uint32_t rmode(void)
{
    uint64_t x = rnd();
    return (uint32_t)(x & 3) << 22 | ((x & 4) ? FZ : 0) | ((x & 8) ? DN : 0);
}
#define MIXS(expr) do { uint32_t m_ = rmode(), f_; uint64_t v_ = WITH(m_, expr, &f_); mix(v_); mix(f_); } while (0)

static void sweep(int verbose)
{
    static uint32_t (*const s1[])(uint32_t) = {rinta_s, rintn_s, rintp_s, rintm_s, rintx_s, rintz_s, rintr_s,
                                                cvta_s32, cvtn_s32, cvtp_s32, cvtm_s32, cvta_u32, cvtn_u32, cvtp_u32, cvtm_u32};
    static uint64_t (*const d1[])(uint64_t) = {rinta_d, rintn_d, rintp_d, rintm_d, rintx_d, rintz_d, rintr_d};
    static uint32_t (*const dc[])(uint64_t) = {cvta_s32d, cvtn_s32d, cvtp_s32d, cvtm_s32d, cvta_u32d, cvtn_u32d, cvtp_u32d, cvtm_u32d};
    static uint32_t (*const s2[])(uint32_t, uint32_t) = {maxnm_s, minnm_s};
    static uint64_t (*const d2[])(uint64_t, uint64_t) = {maxnm_d, minnm_d};
    static v4 (*const q1[])(v4) = {vrinta_q, vrintn_q, vrintp_q, vrintm_q, vrintx_q, vrintz_q, vcvta_sq, vcvtn_sq, vcvtp_sq,
                                   vcvtm_sq, vcvta_uq, vcvtn_uq, vcvtp_uq, vcvtm_uq, vrinta_d, vcvtp_sd};
    static v4 (*const q2[])(v4, v4) = {vmaxnm_q, vminnm_q, vminnm_dd, vmaxnm_dd};
    for (int i = 0; i < 3000; i++) {
        uint64_t before = digest;
        unsigned k = i % 7;
        uint64_t a = 0, b = 0;
        switch (k) {
        case 0: a = rs(); MIXS(s1[i / 7 % 15]((uint32_t)a)); break;
        case 1: a = rd(); MIXS(d1[i / 7 % 7](a)); break;
        case 2: a = rd(); MIXS(dc[i / 7 % 8](a)); break;
        case 3: a = rs(); b = rs(); MIXS(s2[i / 7 % 2]((uint32_t)a, (uint32_t)b)); break;
        case 4: a = rd(); b = rd(); MIXS(d2[i / 7 % 2](a, b)); break;
        case 5: {
            v4 x = {{rs(), rs(), rs(), rs()}}, y = {{rs(), rs(), rs(), rs()}};
            uint32_t m = rmode(), f;
            v4 r = (i / 7) & 1 ? WITH(m, q1[i / 14 % 16](x), &f) : WITH(m, q2[i / 14 % 4](x, y), &f);
            for (int j = 0; j < 4; j++) mix(r.v[j]);
            mix(f);
            a = x.v[0];
            break;
        }
        default: {
            uint32_t nz = (uint32_t)rnd() & 0xf0000000u;
            a = rd(); b = rd();
            mix(vsel_d(i / 7 % 4, nz, a, b));
            mix(vsel_s(i / 7 % 4, nz, (uint32_t)a, (uint32_t)b));
            break;
        }
        }
        if (verbose)
            printf("%d k%u %016llx %016llx -> %016llx\n", i, k, (unsigned long long)a, (unsigned long long)b, (unsigned long long)(digest ^ before));
    }
    printf("sweep digest %016llx\n", (unsigned long long)digest);
}

int main(int argc, char **argv)
{
    rint_scalar();
    cvt_scalar();
    minmax_sel();
    vector();
    sweep(argc > 1);
    return finish("v8fp");
}
