/* NEON corners: structure loads/stores (multiple, lane, all-lanes), permutes, table lookups, saturating,
   rounding, narrowing and widening shifts, pairwise and across-lane reductions, estimates, FP vector ops and
   their standard-FPSCR behaviour, plus GCC -O3 auto-vectorised loops checked against scalar versions. */
#include <arm_neon.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>

#include "check.h"

static uint64_t d64(uint8x8_t v) { return vget_lane_u64(vreinterpret_u64_u8(v), 0); }
#define U64(v) d64(vreinterpret_u8_##v)

static void structures(void)
{
    uint8_t src[64], dst[64];
    for (int i = 0; i < 64; i++) src[i] = (uint8_t)i;
    uint8x8x3_t t3 = vld3_u8(src);
    EQ(d64(t3.val[0]), 0x15120f0c09060300ull);
    EQ(d64(t3.val[2]), 0x1714110e0b080502ull);
    uint16x4x4_t t4 = vld4_u16((const uint16_t *)src);
    EQ(U64(u16(t4.val[1])), 0x1b1a13120b0a0302ull);
    memset(dst, 0, sizeof dst);
    vst2_u8(dst, (uint8x8x2_t){{vdup_n_u8(0xaa), vcreate_u8(0x0706050403020100ull)}});
    EQ(dst[0], 0xaa); EQ(dst[1], 0); EQ(dst[3], 1); EQ(dst[15], 7); EQ(dst[16], 0);
    uint32x2_t l = vld1_lane_u32((const uint32_t *)(src + 4), vdup_n_u32(0xffffffffu), 1);
    EQ(U64(u32(l)), 0x07060504ffffffffull);
    uint16x4_t all = vld1_dup_u16((const uint16_t *)(src + 10));
    EQ(U64(u16(all)), 0x0b0a0b0a0b0a0b0aull);
    uint8x8x2_t ld2 = vld2_dup_u8(src + 20);
    EQ(d64(ld2.val[1]), 0x1515151515151515ull);
    uint32_t out[4] = {0};
    vst1q_lane_u32(out + 2, vld1q_u32((const uint32_t *)src), 3);
    EQ(out[2], 0x0f0e0d0cu);
    uint8x16_t q = vld1q_u8(src + 3);
    vst1q_u8(dst, q);
    EQ(dst[15], 18);
}

static void permutes(void)
{
    uint8x8_t a = vcreate_u8(0x0706050403020100ull), b = vcreate_u8(0x0f0e0d0c0b0a0908ull);
    uint8x8x2_t z = vzip_u8(a, b);
    EQ(d64(z.val[0]), 0x0b030a0209010800ull);
    EQ(d64(z.val[1]), 0x0f070e060d050c04ull);
    uint8x8x2_t u = vuzp_u8(a, b);
    EQ(d64(u.val[0]), 0x0e0c0a0806040200ull);
    uint16x4x2_t t = vtrn_u16(vreinterpret_u16_u8(a), vreinterpret_u16_u8(b));
    EQ(U64(u16(t.val[0])), 0x0d0c050409080100ull);
    EQ(d64(vext_u8(a, b, 3)), 0x0a09080706050403ull);
    EQ(d64(vrev64_u8(a)), 0x0001020304050607ull);
    EQ(U64(u16(vrev32_u16(vreinterpret_u16_u8(a)))), 0x0504070601000302ull);
    uint8x8_t idx = vcreate_u8(0xff0f100800070102ull);
    EQ(d64(vtbl2_u8((uint8x8x2_t){{a, b}}, idx)), 0x000f000800070102ull);
    EQ(d64(vtbx1_u8(vdup_n_u8(0xee), a, idx)), 0xeeeeeeee00070102ull);
    EQ(U64(u32(vdup_lane_u32(vreinterpret_u32_u8(b), 1))), 0x0f0e0d0c0f0e0d0cull);
    EQ(vgetq_lane_u16(vmovq_n_u16(0x1234), 7), 0x1234);
}

static void integer(void)
{
    set_fpscr(0);
    int8x8_t a = vcreate_s8(0x7f80017f00ff10f0ull), b = vcreate_s8(0x0101ff7f80017010ull);
    EQ(U64(s8(vqadd_s8(a, b))), 0x7f81007f80007f00ull);
    EQ(get_fpscr() >> 27 & 1, 1); /* QC */
    set_fpscr(0);
    EQ(U64(s8(vhadd_s8(a, b))), 0x40c0007fc0004000ull);
    EQ(U64(s8(vadd_s8(a, b))), 0x808100fe80008000ull);
    EQ(d64(vabd_u8(vreinterpret_u8_s8(a), vreinterpret_u8_s8(b))), 0x7e7ffe0080fe60e0ull);
    EQ(d64(vceq_s8(a, a)), ~0ull);
    EQ(d64(vcgt_s8(a, b)), 0xff00ff00ff000000ull);
    EQ(d64(vtst_s8(a, b)), 0xff00ffff00ffffffull);
    EQ(d64(vcnt_u8(vcreate_u8(0xff7f010300000080ull))), 0x0807010200000001ull);
    EQ(d64(vclz_u8(vcreate_u8(0xff7f010300000080ull))), 0x0001070608080800ull);
    EQ(U64(s8(vcls_s8(vcreate_s8(0xff7f010300000080ull)))), 0x0700060507070700ull);
    EQ(U64(s16(vqdmulh_s16(vdup_n_s16(-32768), vdup_n_s16(-32768)))), 0x7fff7fff7fff7fffull);
    EQ(U64(s16(vqrdmulh_s16(vdup_n_s16(16384), vdup_n_s16(3)))), 0x0002000200020002ull);
    EQ(U64(u16(vpadd_u16(vcreate_u16(0x0004000300020001ull), vcreate_u16(0x0040003000200010ull)))), 0x0070003000070003ull);
    EQ(U64(u32(vpaddl_u16(vcreate_u16(0xffff0003ffff0001ull)))), 0x0001000200010000ull);
    EQ(U64(s16(vpmax_s16(vcreate_s16(0x8000000100020003ull), vcreate_s16(0x7fff0000ffffffffull)))), 0x7fffffff00010003ull);
    EQ(vgetq_lane_u64(vmull_u32(vdup_n_u32(0xffffffffu), vdup_n_u32(0xffffffffu)), 1), 0xfffffffe00000001ull);
    EQ((uint32_t)vgetq_lane_s32(vmlal_s16(vdupq_n_s32(10), vdup_n_s16(-3), vdup_n_s16(7)), 2), (uint32_t)(10 - 21));
    EQ(vgetq_lane_s64(vqdmull_s32(vdup_n_s32(INT32_MIN), vdup_n_s32(INT32_MIN)), 0), 0x7fffffffffffffffull);
    EQ(U64(u16(vmovn_u32(vdupq_n_u32(0x12345678u)))), 0x5678567856785678ull);
    EQ(d64(vqmovun_s16(vcombine_s16(vcreate_s16(0x7fff8000012c0010ull), vdup_n_s16(0)))), 0x00000000ff00ff10ull);
    EQ(vgetq_lane_u16(vmovl_u8(vdup_n_u8(200)), 5), 200);
    EQ((uint16_t)vgetq_lane_s16(vmovl_s8(vdup_n_s8(-56)), 5), (uint16_t)-56);
    EQ(d64(vbsl_u8(vcreate_u8(0xff00ff00f0f00f0full), vdup_n_u8(0xaa), vdup_n_u8(0x55))), 0xaa55aa55a5a55a5aull);
    EQ(vgetq_lane_u8(vmvnq_u8(vdupq_n_u8(0x0f)), 9), 0xf0);
    EQ(U64(u16(vorr_u16(vdup_n_u16(0x00f0), vdup_n_u16(0x0f00)))), 0x0ff00ff00ff00ff0ull);
    EQ(U64(u32(vbic_u32(vdup_n_u32(0xffu), vdup_n_u32(0x0fu)))), 0x000000f0000000f0ull);
    EQ(U64(s8(vqabs_s8(vcreate_s8(0x80ff017f00000000ull)))), 0x7f01017f00000000ull);
    EQ(U64(s8(vqneg_s8(vcreate_s8(0x80ff017f00000000ull)))), 0x7f01ff8100000000ull);
}

static void shifts(void)
{
    set_fpscr(0);
    uint8x8_t a = vcreate_u8(0xff80400201000000ull);
    EQ(d64(vshr_n_u8(a, 7)), 0x0101000000000000ull);
    EQ(U64(s8(vshr_n_s8(vreinterpret_s8_u8(a), 7))), 0xffff000000000000ull);
    EQ(d64(vrshr_n_u8(a, 2)), 0x4020100100000000ull);
    EQ(d64(vsra_n_u8(vdup_n_u8(1), a, 6)), 0x0403020101010101ull);
    EQ(d64(vshl_n_u8(a, 1)), 0xfe00800402000000ull);
    EQ(d64(vqshl_n_u8(a, 1)), 0xffff800402000000ull);
    EQ(get_fpscr() >> 27 & 1, 1);
    set_fpscr(0);
    EQ(d64(vsli_n_u8(vdup_n_u8(0x0f), a, 4)), 0xff0f0f2f1f0f0f0full);
    EQ(d64(vsri_n_u8(vdup_n_u8(0xf0), a, 4)), 0xfff8f4f0f0f0f0f0ull);
    int16x4_t sh = vcreate_s16(0xfff0002000100001ull); /* shift counts -16, 32, 16, 1 */
    EQ(U64(u16(vshl_u16(vdup_n_u16(0x8001), sh))), 0x0000000000000002ull);
    EQ(U64(s16(vshl_s16(vdup_n_s16(-2), vcreate_s16(0xffff00fffff00002ull)))), 0xfffffffffffffff8ull); /* shifts 2, -16, -1 (low byte), -1 */
    EQ(U64(u16(vrshl_u16(vdup_n_u16(0x8001), vcreate_s16(0xfff0fff1ffffffffull)))), 0x0001000140014001ull);
    EQ(U64(s16(vqrshl_s16(vdup_n_s16(0x4000), vdup_n_s16(1)))), 0x7fff7fff7fff7fffull);
    EQ(d64(vqshrn_n_u16(vdupq_n_u16(0x1234), 4)), 0xffffffffffffffffull);
    EQ(d64(vrshrn_n_u16(vdupq_n_u16(0x0128), 4)), 0x1313131313131313ull);
    EQ(d64(vqrshrun_n_s16(vdupq_n_s16(-100), 2)), 0);
    EQ(vgetq_lane_u16(vshll_n_u8(vdup_n_u8(0xff), 8), 3), 0xff00);
    EQ(vgetq_lane_u64(vshlq_n_u64(vdupq_n_u64(1), 63), 1), 0x8000000000000000ull);
    EQ(d64(vqshlu_n_s8(vcreate_s8(0x80017f0000000000ull), 1)), 0x0002fe0000000000ull);
    EQ(d64(vqshlu_n_s8(vcreate_s8(0x80017f0000000000ull), 2)), 0x0004ff0000000000ull);
}

static void floating(void)
{
    float32x4_t x = {1.0f, -2.0f, 3.5f, 0.0f}, y = {0.5f, 0.5f, -1.0f, 0.0f};
    EQ(fbits(vgetq_lane_f32(vaddq_f32(x, y), 2)), 0x40200000u);
    EQ(fbits(vgetq_lane_f32(vmlaq_f32(x, x, y), 1)), 0xc0400000u);
    EQ(fbits(vgetq_lane_f32(vfmaq_f32(x, x, y), 0)), 0x3fc00000u);
    EQ(fbits(vgetq_lane_f32(vmaxq_f32(x, y), 1)), 0x3f000000u);
    EQ(vgetq_lane_u32(vcgtq_f32(x, y), 0), 0xffffffffu);
    EQ(vgetq_lane_u32(vcageq_f32(x, y), 1), 0xffffffffu);
    EQ(vgetq_lane_s32(vcvtq_s32_f32(x), 2), 3);
    EQ(vgetq_lane_u32(vcvtq_n_u32_f32(x, 4), 2), 56);
    EQ(fbits(vgetq_lane_f32(vcvtq_f32_s32(vdupq_n_s32(-7)), 0)), 0xc0e00000u);
    EQ(fbits(vget_lane_f32(vpadd_f32(vget_low_f32(x), vget_high_f32(x)), 1)), 0x40600000u);
    EQ(fbits(vget_lane_f32(vrecpe_f32(vdup_n_f32(1.0f)), 0)), 0x3f7f8000u);
    EQ(fbits(vget_lane_f32(vrsqrte_f32(vdup_n_f32(4.0f)), 0)), 0x3eff8000u); /* 511/256 * 2^-2 */
    EQ(fbits(vget_lane_f32(vrecps_f32(vdup_n_f32(2.0f), vdup_n_f32(0.5f)), 0)), 0x3f800000u);
    EQ(fbits(vget_lane_f32(vrsqrts_f32(vdup_n_f32(1.0f), vdup_n_f32(1.0f)), 0)), 0x3f800000u);
    EQ(vget_lane_u32(vrecpe_u32(vdup_n_u32(0x80000000u)), 0), 0xff800000u);
    /* NEON arithmetic uses the standard FPSCR: denormals flush, NaNs are the default one, round to nearest */
    set_fpscr(RZ);
    float32x2_t dn = vreinterpret_f32_u32(vdup_n_u32(1)), two = vdup_n_f32(2.0f);
    EQ(vget_lane_u32(vreinterpret_u32_f32(vmul_f32(dn, two)), 0), 0);
    EQ(get_fpscr() & 0x9f, IDC);
    EQ(vget_lane_u32(vreinterpret_u32_f32(vadd_f32(vreinterpret_f32_u32(vdup_n_u32(0x7fc12345u)), two)), 0), 0x7fc00000u);
    EQ(vget_lane_u32(vreinterpret_u32_f32(vadd_f32(vdup_n_f32(1.0f), vreinterpret_f32_u32(vdup_n_u32(0x33800001u)))), 0), 0x3f800001u);
    set_fpscr(0);
    float16x4_t h = vcvt_f16_f32(x);
    EQ(vget_lane_u64(vreinterpret_u64_f16(h), 0), 0x00004300c0003c00ull);
    EQ(fbits(vgetq_lane_f32(vcvt_f32_f16(h), 1)), 0xc0000000u);
    EQ(fbits(vgetq_lane_f32(vmulq_lane_f32(x, vget_low_f32(y), 1), 2)), 0x3fe00000u);
}

/* Auto-vectorised loops (built with -O3) against the same loops with vectorisation off. */
#define LOOPS(sfx, attr)                                                                                       \
    attr static void saxpy_##sfx(float *r, const float *a, const float *b, float k, int n)                     \
    { for (int i = 0; i < n; i++) r[i] = a[i] * k + b[i]; }                                                    \
    attr static uint32_t bytes_##sfx(const uint8_t *p, const uint8_t *q, int n)                                \
    { uint32_t s = 0; for (int i = 0; i < n; i++) s += (uint32_t)(p[i] > q[i] ? p[i] - q[i] : q[i] - p[i]); return s; } \
    attr static void mix_##sfx(int16_t *r, const int16_t *a, const int8_t *b, int n)                           \
    { for (int i = 0; i < n; i++) { int v = a[i] * b[i] >> 3; r[i] = (int16_t)(v > 2000 ? 2000 : v < -2000 ? -2000 : v); } } \
    attr static int32_t dot_##sfx(const int16_t *a, const int16_t *b, int n)                                   \
    { int32_t s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }                                 \
    attr static void deint_##sfx(uint8_t *r, uint8_t *g, const uint8_t *rgb, int n)                            \
    { for (int i = 0; i < n; i++) { r[i] = rgb[3 * i]; g[i] = (uint8_t)(rgb[3 * i + 1] + rgb[3 * i + 2]); } }
LOOPS(vec, )
LOOPS(ref, __attribute__((optimize("no-tree-vectorize", "no-tree-slp-vectorize"))))

static void autovec(void)
{
    enum { N = 301 };
    static float fa[N], fb[N], r1[N], r2[N];
    static uint8_t p[3 * N], q[N], o1[N], o2[N], o3[N], o4[N];
    static int16_t sa[N], m1[N], m2[N];
    static int8_t sb[N];
    uint32_t seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        fa[i] = (float)(int)(seed >> 16) / 1000.0f;
        fb[i] = (float)(int)(seed & 0xffff) / 3.0f;
        sa[i] = (int16_t)seed;
        sb[i] = (int8_t)(seed >> 8);
        q[i] = (uint8_t)(seed >> 24);
    }
    for (int i = 0; i < 3 * N; i++) p[i] = (uint8_t)(i * 37 + (i >> 3));
    saxpy_vec(r1, fa, fb, 1.75f, N);
    saxpy_ref(r2, fa, fb, 1.75f, N);
    EQ(memcmp(r1, r2, sizeof r1), 0);
    EQ(bytes_vec(p, q, N), bytes_ref(p, q, N));
    mix_vec(m1, sa, sb, N);
    mix_ref(m2, sa, sb, N);
    EQ(memcmp(m1, m2, sizeof m1), 0);
    EQ(dot_vec(sa, sa + 1, N - 1), dot_ref(sa, sa + 1, N - 1));
    deint_vec(o1, o2, p, N);
    deint_ref(o3, o4, p, N);
    EQ(memcmp(o1, o3, N) | memcmp(o2, o4, N), 0);
}

static sigjmp_buf bus_jmp;
static void on_bus(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    siglongjmp(bus_jmp, sig == SIGBUS && si->si_code == BUS_ADRALN ? 1 : 2);
}

/* An alignment qualifier the address does not meet raises SIGBUS (BUS_ADRALN); without one it loads. */
static void alignment(void)
{
    static uint64_t buf[4] = {0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull, 0, 0};
    const uint8_t *p = (const uint8_t *)buf + 4;
    struct sigaction sa = {0};
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    uint64_t v = 0;
    int r = sigsetjmp(bus_jmp, 1);
    if (!r)
        __asm__ volatile("vld1.8 {d16}, [%1]\n\tvmov %Q0, %R0, d16" : "=r"(v) : "r"(p) : "d16", "memory");
    EQ(r, 0);
    EQ(v, 0x0b0a090807060504ull);
    r = sigsetjmp(bus_jmp, 1);
    if (!r)
        __asm__ volatile("vld1.8 {d16}, [%0 :64]" : : "r"(p) : "d16", "memory");
    EQ(r, 1);
    r = sigsetjmp(bus_jmp, 1);
    if (!r)
        __asm__ volatile("vld1.32 {d16[]}, [%0 :32]" : : "r"(p + 2) : "d16", "memory");
    EQ(r, 1);
    r = sigsetjmp(bus_jmp, 1);
    if (!r)
        __asm__ volatile("vld1.32 {d16[1]}, [%0 :32]\n\tvst1.8 {d16}, [%0 :64]" : : "r"(buf) : "d16", "memory");
    EQ(r, 0);
    signal(SIGBUS, SIG_DFL);
}

int main(void)
{
    alignment();
    structures();
    permutes();
    integer();
    shifts();
    floating();
    autovec();
    return finish("neon");
}
