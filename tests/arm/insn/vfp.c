/* VFP corners: FPSCR rounding modes on arithmetic and conversions, flush-to-zero, default NaN, cumulative
   exception flags, fused vs chained multiply-add, square root, half precision, fixed point, compares. */
#include "check.h"

static uint32_t adds(uint32_t a, uint32_t b) { float r; __asm__ volatile("vadd.f32 %0, %1, %2" : "=t"(r) : "t"(bitsf(a)), "t"(bitsf(b))); return fbits(r); }
static uint32_t muls(uint32_t a, uint32_t b) { float r; __asm__ volatile("vmul.f32 %0, %1, %2" : "=t"(r) : "t"(bitsf(a)), "t"(bitsf(b))); return fbits(r); }
static uint32_t divs(uint32_t a, uint32_t b) { float r; __asm__ volatile("vdiv.f32 %0, %1, %2" : "=t"(r) : "t"(bitsf(a)), "t"(bitsf(b))); return fbits(r); }
static uint32_t cvt_s32(uint32_t a) { float r; __asm__ volatile("vcvt.s32.f32 %0, %1" : "=t"(r) : "t"(bitsf(a))); return fbits(r); }
static uint32_t cvtr_s32(uint32_t a) { float r; __asm__ volatile("vcvtr.s32.f32 %0, %1" : "=t"(r) : "t"(bitsf(a))); return fbits(r); }
static uint32_t cvt_u32(uint32_t a) { float r; __asm__ volatile("vcvt.u32.f32 %0, %1" : "=t"(r) : "t"(bitsf(a))); return fbits(r); }
static uint32_t d2s(uint64_t a) { float r; __asm__ volatile("vcvt.f32.f64 %0, %P1" : "=t"(r) : "w"(bitsd(a))); return fbits(r); }

/* Runs with FPSCR = mode and flags cleared; *fl gets the cumulative flags afterwards. */
#define WITH(mode, expr, fl) ({ set_fpscr(mode); uint64_t v_ = (expr); *(fl) = get_fpscr() & 0x9f; set_fpscr(0); v_; })

static void rounding(void)
{
    uint32_t f;
    const uint32_t one = 0x3f800000u, tiny = 0x33800000u; /* 2^-24: half an ulp of 1.0 */
    EQ(WITH(RN, adds(one, tiny), &f), one); EQ(f, IXC);
    EQ(WITH(RP, adds(one, tiny), &f), 0x3f800001u); EQ(f, IXC);
    EQ(WITH(RM, adds(one, tiny), &f), one);
    EQ(WITH(RZ, adds(one, tiny), &f), one);
    EQ(WITH(RM, adds(0xbf800000u, 0xb3800000u), &f), 0xbf800001u);
    EQ(WITH(RP, adds(0xbf800000u, 0xb3800000u), &f), 0xbf800000u);
    EQ(WITH(RN, adds(one, 0xbf800000u), &f), 0); EQ(f, 0);
    EQ(WITH(RM, adds(one, 0xbf800000u), &f), 0x80000000u); /* x - x is -0 rounding down */
    /* overflow: to infinity, or to the largest finite toward zero */
    EQ(WITH(RN, muls(0x7f7fffffu, 0x40000000u), &f), 0x7f800000u); EQ(f, OFC | IXC);
    EQ(WITH(RZ, muls(0x7f7fffffu, 0x40000000u), &f), 0x7f7fffffu);
    EQ(WITH(RM, muls(0x7f7fffffu, 0x40000000u), &f), 0x7f7fffffu);
    EQ(WITH(RN, divs(one, 0), &f), 0x7f800000u); EQ(f, DZC);
    EQ(WITH(RN, divs(0, 0), &f), 0x7fc00000u); EQ(f, IOC);
    /* double -> single follows the mode */
    EQ(WITH(RZ, d2s(0x3ff0000010000000ull), &f), one); EQ(f, IXC);
    EQ(WITH(RP, d2s(0x3ff0000010000000ull), &f), 0x3f800001u);
    /* VCVT rounds toward zero whatever the mode; VCVTR uses the mode */
    EQ(WITH(RP, cvt_s32(0x40200000u), &f), 2);            /* 2.5 */
    EQ(WITH(RN, cvt_s32(0xc0200000u), &f), (uint32_t)-2);
    EQ(WITH(RN, cvtr_s32(0x40200000u), &f), 2);           /* ties to even */
    EQ(WITH(RN, cvtr_s32(0x40600000u), &f), 4);           /* 3.5 */
    EQ(WITH(RP, cvtr_s32(0x40200000u), &f), 3); EQ(f, IXC);
    EQ(WITH(RM, cvtr_s32(0xc0200000u), &f), (uint32_t)-3);
    EQ(WITH(RN, cvt_u32(0xbf800000u), &f), 0); EQ(f, IOC);  /* -1.0 to unsigned */
    EQ(WITH(RN, cvt_s32(0x4f400000u), &f), 0x7fffffffu); EQ(f, IOC); /* 3e9 */
    EQ(WITH(RN, cvt_s32(0x7fc00000u), &f), 0); EQ(f, IOC);
    EQ(WITH(RN, cvt_u32(0x4f7fffffu), &f), 0xffffff00u); EQ(f, 0);
}

static void fz_dn(void)
{
    uint32_t f;
    EQ(WITH(RN, muls(1, 0x40000000u), &f), 2); EQ(f, 0);              /* denormal in, denormal out */
    EQ(WITH(FZ, muls(1, 0x40000000u), &f), 0); EQ(f, IDC);            /* flushed input */
    EQ(WITH(RN, muls(0x0d800000u, 0x30800000u), &f), 0x00080000u); EQ(f, 0); /* 2^-100 * 2^-30, exact */
    EQ(WITH(FZ, muls(0x0d800000u, 0x30800000u), &f), 0); EQ(f, UFC);  /* flushed result */
    EQ(WITH(RN, muls(0x0d800001u, 0x30800000u), &f) != 0, 1); EQ(f, UFC | IXC);
    EQ(WITH(FZ, muls(0x1f800001u, 0x1f800001u), &f), 0); EQ(f, UFC);          /* inexact tiny product: UFC only */
    EQ(WITH(FZ, adds(0x00800001u, 0x80800000u), &f), 0); EQ(f, UFC);          /* exact tiny difference */
    EQ(WITH(RN, adds(0x00800001u, 0x80800000u), &f), 1); EQ(f, 0);
    EQ(WITH(FZ, muls(0x3fc00000u, 0x40000000u), &f), 0x40400000u); EQ(f, 0);   /* 1.5 * 2 */
    EQ(WITH(FZ, divs(0x3f800000u, 0x40400000u), &f), 0x3eaaaaabu); EQ(f, IXC); /* 1/3 */
    EQ(WITH(FZ | DN, divs(0, 0), &f), 0x7fc00000u); EQ(f, IOC);
    EQ(WITH(RN, adds(0x7fc12345u, 0x3f800000u), &f), 0x7fc12345u); EQ(f, 0);
    EQ(WITH(DN, adds(0x7fc12345u, 0x3f800000u), &f), 0x7fc00000u);
    EQ(WITH(RN, adds(0x3f800000u, 0x7f812345u), &f), 0x7fc12345u); EQ(f, IOC); /* signaling: quieted */
    EQ(WITH(RN, adds(0xffc00001u, 0x7f800001u), &f), 0x7fc00001u);   /* the signaling one wins */
    /* the flags are cumulative and survive until written */
    set_fpscr(0);
    muls(0x7f7fffffu, 0x40000000u);
    divs(0x3f800000u, 0);
    EQ(get_fpscr() & 0x9f, OFC | IXC | DZC);
    set_fpscr(RZ | FZ | DN | IOC);
    EQ(get_fpscr(), RZ | FZ | DN | IOC);
    set_fpscr(0);
}

static void fma_sqrt_half(void)
{
    float a = bitsf(0x3f800800u), c = bitsf(0xbf801000u), r1 = c, r2 = c; /* (1+2^-12)^2 - (1+2^-11) = 2^-24 */
    __asm__ volatile("vfma.f32 %0, %1, %1" : "+t"(r1) : "t"(a));
    __asm__ volatile("vmla.f32 %0, %1, %1" : "+t"(r2) : "t"(a));
    EQ(fbits(r1), 0x33800000u);
    EQ(fbits(r2), 0);
    float r3 = bitsf(0x40000000u), r4 = r3;
    __asm__ volatile("vfms.f32 %0, %1, %1" : "+t"(r3) : "t"(bitsf(0x3fc00000u)));  /* 2 - 1.5*1.5 */
    __asm__ volatile("vfnma.f32 %0, %1, %1" : "+t"(r4) : "t"(bitsf(0x3fc00000u))); /* -2 - 2.25 */
    EQ(fbits(r3), 0xbe800000u);
    EQ(fbits(r4), 0xc0880000u);
    double d = 2.0;
    __asm__ volatile("vsqrt.f64 %P0, %P0" : "+w"(d));
    EQ(dbits(d), 0x3ff6a09e667f3bcdull);
    uint32_t f;
    float s = bitsf(0xbf800000u);
    set_fpscr(0);
    __asm__ volatile("vsqrt.f32 %0, %0" : "+t"(s));
    f = get_fpscr() & 0x9f;
    EQ(fbits(s), 0x7fc00000u); EQ(f, IOC);
    /* half precision: VCVTB/VCVTT write one half and keep the other */
    float h = bitsf(0x12345678u);
    __asm__ volatile("vcvtb.f16.f32 %0, %1" : "+t"(h) : "t"(1.0f));
    EQ(fbits(h), 0x12343c00u);
    __asm__ volatile("vcvtt.f16.f32 %0, %1" : "+t"(h) : "t"(-2.0f));
    EQ(fbits(h), 0xc0003c00u);
    float back;
    __asm__ volatile("vcvtt.f32.f16 %0, %1" : "=t"(back) : "t"(h));
    EQ(fbits(back), 0xc0000000u);
    set_fpscr(0);
    __asm__ volatile("vcvtb.f16.f32 %0, %1" : "+t"(h) : "t"(65520.0f));
    EQ(fbits(h) & 0xffff, 0x7c00); EQ(get_fpscr() & 0x9f, OFC | IXC);
    set_fpscr(0);
}

static void fixed_cmp_imm(void)
{
    float x = 1.5f;
    __asm__ volatile("vcvt.s32.f32 %0, %0, #16" : "+t"(x));
    EQ(fbits(x), 0x18000);
    __asm__ volatile("vcvt.f32.u32 %0, %0, #16" : "+t"(x));
    EQ(fbits(x), 0x3fc00000u);
    x = -1.75f;
    __asm__ volatile("vcvt.s16.f32 %0, %0, #4" : "+t"(x));
    EQ(fbits(x), 0xffffffe4u); /* -28, sign-extended from 16 bits */
    double dx = -3.0;
    __asm__ volatile("vcvt.s32.f64 %P0, %P0, #1" : "+w"(dx));
    EQ(dbits(dx), 0xfffffffffffffffaull);
    uint32_t fl;
    __asm__ volatile("vcmp.f32 %1, %2\n\tvmrs APSR_nzcv, fpscr\n\tmrs %0, APSR" : "=r"(fl) : "t"(1.0f), "t"(2.0f) : "cc");
    EQ(fl >> 28, 8);
    __asm__ volatile("vcmp.f32 %1, %2\n\tvmrs APSR_nzcv, fpscr\n\tmrs %0, APSR" : "=r"(fl) : "t"(2.0f), "t"(2.0f) : "cc");
    EQ(fl >> 28, 6);
    __asm__ volatile("vcmp.f32 %1, #0\n\tvmrs APSR_nzcv, fpscr\n\tmrs %0, APSR" : "=r"(fl) : "t"(bitsf(0x7fc00000u)) : "cc");
    EQ(fl >> 28, 3);
    set_fpscr(0);
    __asm__ volatile("vcmpe.f32 %0, %1" : : "t"(bitsf(0x7fc00000u)), "t"(1.0f));
    EQ(get_fpscr() & 0x9f, IOC);
    set_fpscr(0);
    float im;
    double dm;
    __asm__ volatile("vmov.f32 %0, #0.5" : "=t"(im));
    __asm__ volatile("vmov.f64 %P0, #-2.0" : "=w"(dm));
    uint32_t m0, m1; /* two core registers <-> two consecutive singles, an odd pair among them */
    __asm__ volatile("vmov s13, s14, %2, %3\n\tvmov %0, %1, s14, s15\n\tvmov s15, s16, %0, %0\n\tvmov %1, s16"
                     : "=&r"(m0), "=&r"(m1) : "r"(0x11111111u), "r"(0x22222222u) : "s13", "s14", "s15", "s16");
    EQ(m0, 0x22222222u);
    EQ(m1, 0x22222222u);
    EQ(fbits(im), 0x3f000000u);
    EQ(dbits(dm), 0xc000000000000000ull);
}

int main(void)
{
    rounding();
    fz_dn();
    fma_sqrt_half();
    fixed_cmp_imm();
    return finish("vfp");
}
