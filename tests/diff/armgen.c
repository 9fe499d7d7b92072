/* armgen: emits a seeded random A32 or T32 instruction-sequence test (arm assembly, VFP and NEON included) that dumps all registers, APSR and FPSCR at exit. */
/*
 * usage: armgen SEED COUNT [OUT.S]
 *
 * Odd seeds give T32 (Thumb-2, with IT blocks), even seeds A32. The program (_start, no libc; build with
 * arm-linux-gnueabihf-gcc -nostdlib -static -no-pie -mfpu=neon-vfpv4) sets r0-r12 and r14, d0-d31, APSR
 * and FPSCR (rounding mode, FZ, DN) to seeded values (special integers, +-0, +-inf, NaNs, denormals...),
 * runs COUNT random instructions (data processing with every operand form, multiplies and divides,
 * saturating and parallel arithmetic, bit-field and extend ops, loads/stores with every addressing mode,
 * VFP arithmetic, compares and conversions, and NEON integer, shift, permute, load/store and FP ops),
 * then writes a 408-byte record to stdout and calls exit_group(0):
 *
 *   quads 0..14  r0..r14 (r13 as 0: the stack differs between emulators; r10 is the scratch base)
 *   quad  15     APSR (NZCVQ and GE)     quad 16  FPSCR     quad 17  zero
 *   quads 18..49 d0..d31
 *   quad  50     checksum of the 4 KiB scratch buffer
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 10
#define SCRATCH 4096

static uint64_t rng_state;
static uint64_t rnd(void) /* splitmix64 */
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static unsigned below(unsigned n) { return (unsigned)(rnd() % n); }
static int chance(unsigned percent) { return below(100) < percent; }
#define PICK(a) (a)[below(sizeof(a) / sizeof((a)[0]))]

static FILE *out;
static int thumb;
static void emit(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("\t", out);
    vfprintf(out, fmt, ap);
    fputs("\n", out);
    va_end(ap);
}

/* A general register other than r10 (base), sp and pc; Thumb also avoids r13/r15 everywhere. */
static unsigned gr(void)
{
    static const unsigned r[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14};
    return PICK(r);
}
static const char *cc[] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"};

static uint32_t rand_int(void)
{
    static const uint32_t sp[] = {0, 1, 2, 0xffffffffu, 0x7fffffffu, 0x80000000u, 0x80000001u, 0xffff, 0x8000, 0x7fff,
                                  0xff, 0x80, 0x7f, 31, 32, 33, 0x10000, 0xfffffffe, 0x00ff00ff, 0x7f7f8080};
    if (chance(40)) return PICK(sp);
    if (chance(20)) return (uint32_t)(rnd() & 0xff);
    return (uint32_t)rnd();
}
static uint64_t rand_d(void)
{
    static const uint64_t sp[] = {0, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff8000000000000ull,
                                  0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
                                  0x7ff4000000000000ull, 0x0000000000000001ull, 0x000fffffffffffffull,
                                  0x0010000000000000ull, 0x7fefffffffffffffull, 0x41e0000000000000ull,
                                  0xc1e0000000000000ull, 0x41efffffffe00000ull, 0x3fe0000000000000ull};
    static const uint32_t ss[] = {0, 0x80000000u, 0x3f800000u, 0xbfc00000u, 0x7f800000u, 0xff800000u, 0x7fc00000u,
                                  0x7fa00000u, 0x00000001u, 0x007fffffu, 0x00800000u, 0x7f7fffffu, 0x4f000000u,
                                  0xcf000000u, 0x4effffffu, 0x3f000000u, 0x40490fdbu, 0x461c4000u};
    switch (below(5)) {
    case 0: return PICK(sp);
    case 1: return (uint64_t)PICK(ss) << 32 | PICK(ss);
    case 2: return (uint64_t)rand_int() << 32 | rand_int();
    case 3: { /* moderate floats */
        uint32_t a = 0x3c000000u + (uint32_t)(rnd() % 0x07000000u), b = 0x3c000000u + (uint32_t)(rnd() % 0x07000000u);
        return (uint64_t)(a | (chance(30) ? 0x80000000u : 0)) << 32 | b;
    }
    default: return 0x3f00000000000000ull + (rnd() % 0x0200000000000000ull) + (chance(30) ? 0x8000000000000000ull : 0);
    }
}

/* A32/T32 modified immediate that both encodings accept: a byte, or a byte shifted left by an even amount. */
static uint32_t mod_imm(void)
{
    uint32_t b = (uint32_t)(rnd() & 0xff);
    return chance(50) ? b : b << (2 * below(12));
}

static const char *sh[] = {"lsl", "lsr", "asr", "ror"};

static void gen_dp(void)
{
    static const char *ops[] = {"and", "eor", "sub", "rsb", "add", "adc", "sbc", "orr", "bic", "mov", "mvn", "cmp", "cmn", "tst", "teq"};
    const char *op = PICK(ops);
    int s = chance(50), two = !strcmp(op, "mov") || !strcmp(op, "mvn"), test = op[0] == 'c' || op[0] == 't';
    if (thumb && !strcmp(op, "rsb") && chance(50)) op = "sub";
    char o2[64];
    unsigned rm = gr();
    switch (below(thumb ? 2 : 3)) {
    case 0: snprintf(o2, sizeof o2, "#%u", mod_imm()); break;
    case 1: {
        unsigned t = below(5), amt = 1 + below(31);
        if (t == 4) snprintf(o2, sizeof o2, "r%u, rrx", rm);
        else if (chance(10)) snprintf(o2, sizeof o2, "r%u", rm);
        else snprintf(o2, sizeof o2, "r%u, %s #%u", rm, sh[t], t == 1 || t == 2 ? 1 + below(32) : amt);
        break;
    }
    default: snprintf(o2, sizeof o2, "r%u, %s r%u", rm, sh[below(4)], gr()); break;
    }
    const char *c = !thumb && chance(25) ? PICK(cc) : "";
    if (test) emit("%s%s r%u, %s", op, c, gr(), o2);
    else if (two) emit("%s%s%s r%u, %s", op, s ? "s" : "", c, gr(), o2);
    else emit("%s%s%s r%u, r%u, %s", op, s ? "s" : "", c, gr(), gr(), o2);
}

static void gen_shift_reg(void)
{
    emit("%s%s r%u, r%u, r%u", sh[below(4)], chance(50) ? "s" : "", gr(), gr(), gr());
}

static void gen_mul(void)
{
    unsigned a = gr(), b = gr(), d = gr(), e;
    do e = gr(); while (e == d);
    switch (below(12)) {
    case 0: emit("mul%s r%u, r%u, r%u", thumb ? "" : (chance(50) ? "s" : ""), d, a, b); break;
    case 1: emit("mla r%u, r%u, r%u, r%u", d, a, b, gr()); break;
    case 2: emit("mls r%u, r%u, r%u, r%u", d, a, b, gr()); break;
    case 3: emit("%s r%u, r%u, r%u, r%u", PICK(((const char *[]){"umull", "smull", "umlal", "smlal", "umaal"})), d, e, a, b); break;
    case 4: emit("%s r%u, r%u, r%u", PICK(((const char *[]){"smulbb", "smulbt", "smultb", "smultt", "smulwb", "smulwt", "smmul", "smmulr", "smuad", "smusd"})), d, a, b); break;
    case 5: emit("%s r%u, r%u, r%u, r%u", PICK(((const char *[]){"smlabb", "smlatt", "smlawb", "smmla", "smmls", "smlad", "smlsd", "usada8"})), d, a, b, gr()); break;
    case 6: emit("%s r%u, r%u, r%u", chance(50) ? "sdiv" : "udiv", d, a, b); break;
    case 7: emit("%s r%u, r%u, r%u, r%u", PICK(((const char *[]){"smlalbb", "smlaltt", "smlald", "smlsld"})), d, e, a, b); break;
    default: emit("mul r%u, r%u, r%u", d, a, b); break;
    }
}

static void gen_misc(void)
{
    unsigned d = gr(), a = gr(), b = gr();
    switch (below(14)) {
    case 0: emit("%s r%u, r%u", PICK(((const char *[]){"clz", "rev", "rev16", "revsh", "rbit"})), d, a); break;
    case 1: emit("%s r%u, r%u, ror #%u", PICK(((const char *[]){"uxtb", "uxth", "sxtb", "sxth", "uxtb16", "sxtb16"})), d, a, 8 * below(4)); break;
    case 2: emit("%s r%u, r%u, r%u, ror #%u", PICK(((const char *[]){"uxtab", "uxtah", "sxtab", "sxtah", "uxtab16", "sxtab16"})), d, a, b, 8 * below(4)); break;
    case 3: { unsigned lsb = below(32), w = 1 + below(32 - lsb); emit("%s r%u, r%u, #%u, #%u", chance(50) ? "ubfx" : "sbfx", d, a, lsb, w); break; }
    case 4: { unsigned lsb = below(32), w = 1 + below(32 - lsb); if (chance(30)) emit("bfc r%u, #%u, #%u", d, lsb, w); else emit("bfi r%u, r%u, #%u, #%u", d, a, lsb, w); break; }
    case 5: emit("%s r%u, #%u", chance(50) ? "movw" : "movt", d, (unsigned)(rnd() & 0xffff)); break;
    case 6: emit("%s r%u, #%u, r%u%s", chance(50) ? "ssat" : "usat", d, 1 + below(31), a, chance(50) ? "" : (chance(50) ? ", lsl #3" : ", asr #7")); break;
    case 7: emit("%s r%u, #%u, r%u", chance(50) ? "ssat16" : "usat16", d, 1 + below(15), a); break;
    case 8: emit("%s r%u, r%u, r%u", PICK(((const char *[]){"qadd", "qsub", "qdadd", "qdsub"})), d, a, b); break;
    case 9: case 10:
        emit("%s%s r%u, r%u, r%u", PICK(((const char *[]){"s", "u", "q", "uq", "sh", "uh"})),
             PICK(((const char *[]){"add8", "sub8", "add16", "sub16", "asx", "sax"})), d, a, b);
        break;
    case 11: emit("sel r%u, r%u, r%u", d, a, b); break;
    case 12: if (chance(50)) emit("pkhbt r%u, r%u, r%u, lsl #%u", d, a, b, below(32)); else emit("pkhtb r%u, r%u, r%u, asr #%u", d, a, b, 1 + below(31)); break;
    default: emit("usad8 r%u, r%u, r%u", d, a, b); break;
    }
}

/* Loads and stores relative to r10 (the scratch middle); writeback forms go through a temporary. */
static void gen_ls(void)
{
    static const char *ops[] = {"ldr", "str", "ldrb", "strb", "ldrh", "strh", "ldrsb", "ldrsh"};
    int k = (int)below(8);
    const char *op = ops[k];
    int big = k < 4, wide = !strcmp(op, "ldr") || !strcmp(op, "str");
    unsigned rt = gr(), tmp;
    do tmp = gr(); while (tmp == rt);
    int off = (int)below(big ? 256 : 200) - (big ? 128 : 100);
    if (wide) off &= ~3;
    switch (below(5)) {
    case 0: emit("%s r%u, [r%u, #%d]", op, rt, BASE, off); break;
    case 1:
        emit("add r%u, r%u, #%u", tmp, BASE, (unsigned)(below(64) * 4));
        emit("%s r%u, [r%u, #%d]!", op, rt, tmp, wide ? off & ~3 : off);
        break;
    case 2:
        emit("sub r%u, r%u, #%u", tmp, BASE, (unsigned)(below(64) * 4));
        emit("%s r%u, [r%u], #%d", op, rt, tmp, off);
        break;
    case 3:
        emit("mov r%u, #%u", tmp, (unsigned)(below(64) * 4));
        if (thumb) emit("%s r%u, [r%u, r%u, lsl #%u]", op, rt, BASE, tmp, below(2));
        else if (big && chance(30)) { /* pre-indexed register offset with writeback, on a copy of the base */
            unsigned t2;
            do t2 = gr(); while (t2 == rt || t2 == tmp);
            emit("mov r%u, r%u", t2, BASE);
            emit("%s r%u, [r%u, %sr%u, lsl #%u]!", op, rt, t2, chance(50) ? "-" : "", tmp, below(3));
        }
        else if (big) emit("%s r%u, [r%u, %sr%u, lsl #%u]", op, rt, BASE, chance(50) ? "-" : "", tmp, below(3));
        else emit("%s r%u, [r%u, %sr%u]", op, rt, BASE, chance(50) ? "-" : "", tmp);
        break;
    default: {
        unsigned a = 2 * below(5), b2 = a + 1; /* even pair for A32 */
        if (a == BASE || b2 == BASE) a = 0, b2 = 1;
        if (thumb) b2 = gr();
        if (b2 == a) b2 = a ^ 1;
        emit("%s r%u, r%u, [r%u, #%d]", chance(50) ? "ldrd" : "strd", a, b2, BASE, (int)(below(64) * 4) - 128);
        break;
    }
    }
}

static void gen_lsm(void)
{
    unsigned tmp = thumb ? 12 : 11, list = (unsigned)(rnd() & 0x53ff) & ~(1u << tmp) & ~(1u << BASE);
    if (!list) list = 1;
    char s[80] = "", *p = s;
    for (unsigned i = 0; i < 15; i++)
        if (list >> i & 1) p += sprintf(p, "%sr%u", p == s ? "" : ", ", i);
    emit("add r%u, r%u, #%u", tmp, BASE, 64 + below(32) * 4);
    static const char *m[] = {"ia", "db", "ib", "da"};
    const char *mode = m[below(thumb ? 2 : 4)];
    emit("%s%s r%u%s, {%s}", chance(50) ? "ldm" : "stm", mode, tmp, chance(50) ? "!" : "", s);
}

/* ---- VFP ---- */
static void gen_vfp(void)
{
    int dp = chance(50);
    char t = dp ? 'd' : 's', ty[5];
    strcpy(ty, dp ? "f64" : "f32");
    unsigned n = dp ? 32 : 32;
    unsigned d = below(n), a = below(n), b = below(n);
    switch (below(14)) {
    case 12: /* ARMv8 additions (unconditional; qemu-arm's default cpu "max" has them) */
        switch (below(5)) {
        case 0: emit("vrint%s.%s %c%u, %c%u", PICK(((const char *[]){"a", "n", "p", "m", "x", "z", "r"})), ty, t, d, t, a); break;
        case 1: emit("vcvt%s.%s.%s s%u, %c%u", PICK(((const char *[]){"a", "n", "p", "m"})), chance(50) ? "s32" : "u32", ty, below(32), t, a); break;
        case 2: emit("vsel%s.%s %c%u, %c%u, %c%u", PICK(((const char *[]){"eq", "vs", "ge", "gt"})), ty, t, d, t, a, t, b); break;
        case 3: emit("%s.%s %c%u, %c%u, %c%u", chance(50) ? "vmaxnm" : "vminnm", ty, t, d, t, a, t, b); break;
        default: {
            int q = chance(50);
            char x[8], y[8], z[8];
            if (q) { sprintf(x, "q%u", below(16)); sprintf(y, "q%u", below(16)); sprintf(z, "q%u", below(16)); }
            else { sprintf(x, "d%u", below(32)); sprintf(y, "d%u", below(32)); sprintf(z, "d%u", below(32)); }
            unsigned k = below(3);
            if (k == 0) emit("vrint%s.f32 %s, %s", PICK(((const char *[]){"a", "n", "p", "m", "x", "z"})), x, y);
            else if (k == 1) emit("vcvt%s.%s.f32 %s, %s", PICK(((const char *[]){"a", "n", "p", "m"})), chance(50) ? "s32" : "u32", x, y);
            else emit("%s.f32 %s, %s, %s", chance(50) ? "vmaxnm" : "vminnm", x, y, z);
            break;
        }
        }
        break;
    case 0: case 1:
        emit("%s.%s %c%u, %c%u, %c%u", PICK(((const char *[]){"vadd", "vsub", "vmul", "vdiv", "vnmul", "vmla", "vmls", "vnmla", "vnmls", "vfma", "vfms", "vfnma", "vfnms"})), ty, t, d, t, a, t, b);
        break;
    case 2: emit("%s.%s %c%u, %c%u", PICK(((const char *[]){"vabs", "vneg", "vsqrt", "vmov"})), ty, t, d, t, a); break;
    case 3:
        if (chance(50)) emit("%s.%s %c%u, %c%u", chance(50) ? "vcmp" : "vcmpe", ty, t, d, t, a);
        else emit("%s.%s %c%u, #0", chance(50) ? "vcmp" : "vcmpe", ty, t, d);
        emit("vmrs APSR_nzcv, fpscr");
        break;
    case 4: if (dp) emit("vcvt.f32.f64 s%u, d%u", below(32), a); else emit("vcvt.f64.f32 d%u, s%u", d, a); break;
    case 5: emit("vcvt%s.%s.%s s%u, %c%u", chance(50) ? "" : "r", chance(50) ? "s32" : "u32", ty, below(32), t, a); break;
    case 6: emit("vcvt.%s.%s %c%u, s%u", ty, chance(50) ? "s32" : "u32", t, d, below(32)); break;
    case 7: {
        int sz = chance(50) ? 32 : 16;
        emit("vcvt.%s.%s%d %c%u, %c%u, #%u", ty, chance(50) ? "s" : "u", sz, t, d, t, d, 1 + below(sz));
        if (chance(50)) emit("vcvt.%s%d.%s %c%u, %c%u, #%u", chance(50) ? "s" : "u", sz, ty, t, d, t, d, 1 + below(sz));
        break;
    }
    case 8: emit("vcvt%s.%s.f16 s%u, s%u", chance(50) ? "b" : "t", "f32", below(32), below(32));
        emit("vcvt%s.f16.f32 s%u, s%u", chance(50) ? "b" : "t", below(32), below(32));
        break;
    case 9: {
        static const char *imm[] = {"1.0", "-2.0", "0.5", "31.0", "0.125", "-1.5", "17.0", "0.1875"};
        emit("vmov.%s %c%u, #%s", ty, t, d, PICK(imm));
        break;
    }
    case 10:
        if (chance(50)) emit("vmov s%u, r%u", below(32), gr()); else emit("vmov r%u, s%u", gr(), below(32));
        if (chance(50)) { unsigned x = gr(), y; do y = gr(); while (y == x); emit("vmov r%u, r%u, d%u", x, y, d); }
        else emit("vmov d%u, r%u, r%u", d, gr(), gr());
        if (chance(30)) { unsigned x = gr(), y, sn = below(31); do y = gr(); while (y == x); emit("vmov r%u, r%u, s%u, s%u", x, y, sn, sn + 1); }
        else if (chance(30)) { unsigned sn = below(31); emit("vmov s%u, s%u, r%u, r%u", sn, sn + 1, gr(), gr()); }
        break;
    case 11:
        if (chance(30)) { /* VLDM/VSTM through a temporary, increment-after or decrement-before */
            unsigned tmp = thumb ? 12 : 11, cnt = 1 + below(dp ? 8 : 16), first = below((dp ? 32 : 32) - cnt + 1);
            int db = chance(50);
            emit("add r%u, r%u, #%u", tmp, BASE, 256 + 4 * below(64));
            char list[24];
            if (cnt == 1) snprintf(list, sizeof list, "%c%u", t, first);
            else snprintf(list, sizeof list, "%c%u-%c%u", t, first, t, first + cnt - 1);
            emit("%s%s r%u%s, {%s}", chance(50) ? "vldm" : "vstm", db ? "db" : "ia", tmp, db || chance(50) ? "!" : "", list);
            break;
        }
        if (dp) emit("%s d%u, [r%u, #%d]", chance(50) ? "vldr" : "vstr", d, BASE, 8 * (int)below(32) - 128);
        else emit("%s s%u, [r%u, #%d]", chance(50) ? "vldr" : "vstr", d, BASE, 4 * (int)below(64) - 128);
        break;
    default: emit("vmov.%s %c%u, %c%u", ty, t, d, t, a); break;
    }
}

/* ---- NEON ---- */
static char rb[8][12];
static unsigned rbi;
static const char *vr(int q) /* a random D or Q register */
{
    char *s = rb[rbi++ & 7];
    if (q) sprintf(s, "q%u", below(16)); else sprintf(s, "d%u", below(32));
    return s;
}
static const char *dr(void) { return vr(0); }
static const char *qr(void) { return vr(1); }

static void gen_neon(void)
{
    int q = chance(50);
    static const char *isz[] = {"8", "16", "32"}, *isz64[] = {"8", "16", "32", "64"};
    const char *s = PICK(isz), *su = chance(50) ? "s" : "u";
    switch (below(26)) {
    case 0: case 1:
        emit("%s.i%s %s, %s, %s", PICK(((const char *[]){"vadd", "vsub", "vceq", "vtst", "vmul", "vmla", "vmls"})), s, vr(q), vr(q), vr(q));
        break;
    case 2:
        emit("%s.%s%s %s, %s, %s", PICK(((const char *[]){"vhadd", "vrhadd", "vhsub", "vqadd", "vqsub", "vcgt", "vcge", "vmax", "vmin", "vabd", "vaba", "vshl", "vqshl", "vrshl", "vqrshl"})), su, s, vr(q), vr(q), vr(q));
        break;
    case 3: emit("%s.%s64 %s, %s, %s", PICK(((const char *[]){"vqadd", "vqsub", "vshl", "vqshl", "vrshl", "vqrshl"})), su, vr(q), vr(q), vr(q)); break;
    case 4:
        if (chance(15)) emit("vmul.p8 %s, %s, %s", vr(q), vr(q), vr(q));
        else emit("%s %s, %s, %s", PICK(((const char *[]){"vand", "vbic", "vorr", "vorn", "veor", "vbsl", "vbit", "vbif"})), vr(q), vr(q), vr(q));
        break;
    case 5: {
        const char *op = PICK(((const char *[]){"vpadd", "vpmax", "vpmin"}));
        emit("%s.%s%s %s, %s, %s", op, op[3] == 'd' ? "i" : su, s, dr(), dr(), dr());
        break;
    }
    case 6: {
        const char *s2 = chance(50) ? "16" : "32";
        emit("%s.s%s %s, %s, %s", chance(50) ? "vqdmulh" : "vqrdmulh", s2, vr(q), vr(q), vr(q));
        break;
    }
    case 7: {
        static const char *ops[] = {"vmov", "vmvn", "vorr", "vbic"};
        const char *op = PICK(ops);
        if (op[1] == 'o' && op[2] == 'r') emit("vorr.i%s %s, #0x%x", chance(50) ? "16" : "32", vr(q), (unsigned)(rnd() & 0xff) << (chance(50) ? 8 : 0));
        else if (op[1] == 'b') emit("vbic.i%s %s, #0x%x", chance(50) ? "16" : "32", vr(q), (unsigned)(rnd() & 0xff) << (chance(50) ? 8 : 0));
        else if (chance(30)) emit("vmov.i8 %s, #0x%x", vr(q), (unsigned)(rnd() & 0xff));
        else if (chance(30)) emit("vmov.i64 %s, #0xff00ff0000ffff00", vr(q));
        else if (chance(30)) emit("vmov.f32 %s, #%s", vr(q), chance(50) ? "1.5" : "-0.25");
        else emit("%s.i32 %s, #0x%x", op, vr(q), (unsigned)(rnd() & 0xff) << (8 * below(4)));
        break;
    }
    case 8: {
        int si = (int)below(4), es = 8 << si;
        static const char *r1[] = {"vshr", "vsra", "vrshr", "vrsra"};
        if (chance(50)) emit("%s.%s%d %s, %s, #%u", PICK(r1), su, es, vr(q), vr(q), 1 + below(es));
        else if (chance(50)) { int ri = chance(50); emit("%s.%d %s, %s, #%u", ri ? "vsri" : "vsli", es, vr(q), vr(q), below(es) + (unsigned)ri); }
        else if (chance(30)) emit("vqshlu.s%d %s, %s, #%u", es, vr(q), vr(q), below(es));
        else emit("vqshl.%s%d %s, %s, #%u", su, es, vr(q), vr(q), below(es));
        break;
    }
    case 9: emit("vshl.i%s %s, %s, #%u", PICK(isz64), vr(q), vr(q), below(8)); break;
    case 10: {
        const char *s2 = PICK(((const char *[]){"16", "32", "64"}));
        int es = atoi(s2);
        switch (below(4)) {
        case 0: emit("%s.i%s %s, %s, #%u", chance(50) ? "vshrn" : "vrshrn", s2, dr(), qr(), 1 + below(es / 2)); break;
        case 1: emit("%s.s%s %s, %s, #%u", chance(50) ? "vqshrun" : "vqrshrun", s2, dr(), qr(), 1 + below(es / 2)); break;
        case 2: emit("%s.%s%s %s, %s, #%u", chance(50) ? "vqshrn" : "vqrshrn", su, s2, dr(), qr(), 1 + below(es / 2)); break;
        default:
            if (chance(50)) emit("vqmovn.%s%s %s, %s", su, s2, dr(), qr());
            else emit("vqmovun.s%s %s, %s", s2, dr(), qr());
            break;
        }
        break;
    }
    case 11: {
        switch (below(4)) {
        case 0: emit("vshll.%s%s %s, %s, #%u", su, s, qr(), dr(), 1 + below(atoi(s) - 1)); break;
        case 1: emit("vmovl.%s%s %s, %s", su, s, qr(), dr()); break;
        case 2: emit("vmovn.i%s %s, %s", PICK(((const char *[]){"16", "32", "64"})), dr(), qr()); break;
        default: emit("vshll.i%s %s, %s, #%s", s, qr(), dr(), s); break;
        }
        break;
    }
    case 12: case 13: {
        static const char *l[] = {"vaddl", "vsubl", "vabal", "vabdl", "vmlal", "vmlsl", "vmull"};
        static const char *w[] = {"vaddw", "vsubw"};
        static const char *h[] = {"vaddhn", "vraddhn", "vsubhn", "vrsubhn"};
        switch (below(5)) {
        case 0: case 1: emit("%s.%s%s %s, %s, %s", PICK(l), su, s, qr(), dr(), dr()); break;
        case 2: emit("%s.%s%s %s, %s, %s", PICK(w), su, s, qr(), qr(), dr()); break;
        case 3: emit("%s.i%s %s, %s, %s", PICK(h), PICK(((const char *[]){"16", "32", "64"})), dr(), qr(), qr()); break;
        default:
            if (chance(30)) emit("vmull.p8 %s, %s, %s", qr(), dr(), dr());
            else emit("%s.s%s %s, %s, %s", PICK(((const char *[]){"vqdmlal", "vqdmlsl", "vqdmull"})), chance(50) ? "16" : "32", qr(), dr(), dr());
            break;
        }
        break;
    }
    case 14: {
        int s16 = chance(50);
        char sc[16];
        if (s16) sprintf(sc, "d%u[%u]", below(8), below(4)); else sprintf(sc, "d%u[%u]", below(16), below(2));
        switch (below(4)) {
        case 0: emit("%s.i%s %s, %s, %s", PICK(((const char *[]){"vmul", "vmla", "vmls"})), s16 ? "16" : "32", vr(q), vr(q), sc); break;
        case 1: emit("%s.%s%s %s, %s, %s", PICK(((const char *[]){"vmull", "vmlal", "vmlsl"})), su, s16 ? "16" : "32", qr(), dr(), sc); break;
        case 2: emit("%s.s%s %s, %s, %s", PICK(((const char *[]){"vqdmull", "vqdmlal", "vqdmlsl"})), s16 ? "16" : "32", qr(), dr(), sc); break;
        default: emit("%s.s%s %s, %s, %s", chance(50) ? "vqdmulh" : "vqrdmulh", s16 ? "16" : "32", vr(q), vr(q), sc); break;
        }
        break;
    }
    case 15: {
        unsigned lanes = below(3);
        switch (below(6)) {
        case 0: emit("vrev%s.%s %s, %s", PICK(((const char *[]){"64", "32", "16"})), "8", vr(q), vr(q)); break;
        case 1: emit("vrev64.%s %s, %s", PICK(((const char *[]){"16", "32"})), vr(q), vr(q)); break;
        case 2: emit("%s.%s%s %s, %s", chance(50) ? "vpaddl" : "vpadal", su, s, vr(q), vr(q)); break;
        case 3: emit("%s.%s%s %s, %s", PICK(((const char *[]){"vcls", "vqabs", "vqneg", "vabs", "vneg"})), "s", s, vr(q), vr(q)); break;
        case 4: emit("vclz.i%s %s, %s", s, vr(q), vr(q)); break;
        default: emit("%s %s, %s", chance(50) ? "vcnt.8" : "vmvn", vr(q), vr(q)); break;
        }
        (void)lanes;
        break;
    }
    case 16: emit("%s.s%s %s, %s, #0", PICK(((const char *[]){"vcgt", "vcge", "vceq", "vcle", "vclt"})), s, vr(q), vr(q)); break;
    case 17: {
        const char *op = PICK(((const char *[]){"vswp", "vtrn", "vuzp", "vzip"}));
        char a[12], b[12]; /* distinct registers: the same one twice is CONSTRAINED UNPREDICTABLE */
        strcpy(a, vr(q));
        do strcpy(b, vr(q)); while (!strcmp(a, b));
        if (op[1] == 's') emit("vswp %s, %s", a, b);
        else emit("%s.%s %s, %s", op, q ? s : PICK(((const char *[]){"8", "16"})), a, b);
        break;
    }
    case 18: emit("vext.8 %s, %s, %s, #%u", vr(q), vr(q), vr(q), below(q ? 16 : 8)); break;
    case 19: {
        unsigned n = 1 + below(4), base = below(33 - n);
        char list[40] = "", *p = list;
        for (unsigned i = 0; i < n; i++) p += sprintf(p, "%sd%u", i ? ", " : "", base + i);
        emit("%s.8 d%u, {%s}, d%u", chance(50) ? "vtbl" : "vtbx", below(32), list, below(32));
        break;
    }
    case 20:
        if (chance(50)) emit("vdup.%s %s, r%u", s, vr(q), gr());
        else emit("vdup.%s %s, d%u[%u]", s, vr(q), below(32), below(64 / atoi(s)));
        break;
    case 21: {
        int es = atoi(s), lane = (int)below(64 / es);
        if (chance(50)) emit("vmov.%s%s r%u, d%u[%d]", es == 32 ? "" : su, s, gr(), below(32), lane);
        else emit("vmov.%s d%u[%d], r%u", s, below(32), lane, gr());
        break;
    }
    case 22: case 23: { /* loads/stores through a temporary */
        unsigned t = thumb ? 12 : 11, n = 1 + below(4);
        const char *ld = chance(50) ? "vld" : "vst";
        emit("add r%u, r%u, #%u", t, BASE, 8 * below(64));
        switch (below(3)) {
        case 0: {
            unsigned regs = n == 1 ? 1 + below(4) : n == 2 ? 2 * (1 + below(2)) : n, inc = (n > 1 && n < 4 && chance(50) && regs == n) ? 2 : 1;
            if (n == 4) inc = chance(50) ? 2 : 1;
            unsigned span = (regs - 1) * inc + 1;
            if (n == 2 && regs == 4) inc = 1, span = 4;
            unsigned base = below(33 - span);
            char list[64] = "", *p = list;
            for (unsigned i = 0; i < regs; i++) p += sprintf(p, "%sd%u", i ? ", " : "", base + i * inc);
            char wb[8] = "";
            if (chance(30)) strcpy(wb, "!");
            else if (chance(30)) snprintf(wb, sizeof wb, ", r%u", below(10)); /* post-index by a register */
            emit("%s%u.%s {%s}, [r%u%s]%s", ld, n, n == 1 ? PICK(isz64) : s, list, t, chance(30) ? ":64" : "", wb);
            break;
        }
        case 1: {
            int es = atoi(s);
            unsigned inc = es > 8 && chance(50) ? 2 : 1, base = below(32 - (n - 1) * inc), lane = below(64 / es);
            char list[64] = "", *p = list;
            for (unsigned i = 0; i < n; i++) p += sprintf(p, "%sd%u[%u]", i ? ", " : "", base + i * inc, lane);
            emit("%s%u.%s {%s}, [r%u]%s", ld, n, s, list, t, chance(50) ? "!" : chance(50) ? ", r5" : "");
            break;
        }
        default: {
            unsigned inc = chance(50) ? 2 : 1, base = below(32 - (n - 1) * inc);
            char list[64] = "", *p = list;
            for (unsigned i = 0; i < n; i++) p += sprintf(p, "%sd%u[]", i ? ", " : "", base + i * inc);
            emit("vld%u.%s {%s}, [r%u]%s", n, s, list, t, chance(50) ? "!" : "");
            break;
        }
        }
        break;
    }
    case 24: case 25: { /* floating point vectors */
        switch (below(6)) {
        case 0: emit("%s.f32 %s, %s, %s", PICK(((const char *[]){"vadd", "vsub", "vmul", "vmla", "vmls", "vfma", "vfms", "vabd", "vmax", "vmin", "vceq", "vcge", "vcgt", "vacge", "vacgt", "vrecps", "vrsqrts"})), vr(q), vr(q), vr(q)); break;
        case 1: emit("%s.f32 %s, %s, %s", PICK(((const char *[]){"vpadd", "vpmax", "vpmin"})), dr(), dr(), dr()); break;
        case 2: emit("%s.f32 %s, %s", PICK(((const char *[]){"vrecpe", "vrsqrte", "vabs", "vneg"})), vr(q), vr(q)); break;
        case 3: emit("%s.u32 %s, %s", chance(50) ? "vrecpe" : "vrsqrte", vr(q), vr(q)); break;
        case 4: {
            const char *it = chance(50) ? "s32" : "u32";
            if (chance(50)) emit("vcvt.f32.%s %s, %s%s", it, vr(q), vr(q), chance(50) ? "" : ", #7");
            else emit("vcvt.%s.f32 %s, %s%s", it, vr(q), vr(q), chance(50) ? "" : ", #3");
            break;
        }
        default:
            if (chance(50)) emit("vcvt.f16.f32 %s, %s", dr(), qr());
            else emit("vcvt.f32.f16 %s, %s", qr(), dr());
            if (chance(50)) emit("%s.f32 %s, %s, #0", PICK(((const char *[]){"vcgt", "vcge", "vceq", "vcle", "vclt"})), vr(q), vr(q));
            else emit("%s.f32 %s, %s, d%u[%u]", PICK(((const char *[]){"vmul", "vmla", "vmls"})), vr(q), vr(q), below(16), below(2));
            break;
        }
        break;
    }
    }
}

static void gen_one(void)
{
    unsigned k = below(100);
    if (thumb && k < 6) { /* IT block of 1-4 conditional instructions */
        unsigned n = 1 + below(4);
        char mask[4] = "";
        for (unsigned i = 1; i < n; i++) mask[i - 1] = chance(50) ? 't' : 'e';
        unsigned ci = below(14);
        emit("it%s %s", mask, cc[ci]);
        for (unsigned i = 0; i < n; i++) {
            unsigned d = gr();
            const char *c = cc[i && mask[i - 1] == 'e' ? ci ^ 1 : ci];
            switch (below(5)) {
            case 0: emit("add%s r%u, r%u, #%u", c, d, gr(), below(256)); break;
            case 1: emit("mov%s r%u, r%u", c, d, gr()); break;
            case 2: emit("ldr%s r%u, [r%u, #%d]", c, d, BASE, 4 * (int)below(32)); break;
            case 3: if (chance(50)) { emit("vadd%s.i32 d%u, d%u, d%u", c, below(32), below(32), below(32)); break; }
                emit("adds%s r%u, r%u, r%u", c, d, gr(), gr()); break;
            default: emit("eor%s r%u, r%u, r%u", c, d, gr(), gr()); break;
            }
        }
        return;
    }
    if (k < 30) gen_dp();
    else if (k < 34) gen_shift_reg();
    else if (k < 40) gen_mul();
    else if (k < 50) gen_misc();
    else if (k < 58) gen_ls();
    else if (k < 60) gen_lsm();
    else if (k < 75) gen_vfp();
    else gen_neon();
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s SEED COUNT [OUT.S]\n", argv[0]);
        return 2;
    }
    uint64_t seed = strtoull(argv[1], NULL, 0);
    unsigned count = (unsigned)strtoul(argv[2], NULL, 0);
    out = argc > 3 ? fopen(argv[3], "w") : stdout;
    if (!out) { perror(argv[3]); return 1; }
    rng_state = seed * 0x2545f4914f6cdd1dull + 7;
    thumb = (int)(seed & 1);
    static uint32_t init_r[16], scratch[SCRATCH / 4];
    static uint64_t init_d[32];
    for (unsigned i = 0; i < 16; i++) init_r[i] = rand_int();
    for (unsigned i = 0; i < 32; i++) init_d[i] = rand_d();
    for (unsigned i = 0; i < SCRATCH / 4; i++) scratch[i] = chance(30) ? (uint32_t)rand_d() : rand_int();
    static const uint32_t modes[] = {0, 0, 0, 0x00400000u, 0x00800000u, 0x00c00000u, 0x01000000u, 0x02000000u, 0x03000000u, 0x03c00000u};
    uint32_t fpscr = PICK(modes), apsr = (uint32_t)(rnd() & 0xf80f0000u);

    fprintf(out, "\t.syntax unified\n\t.arch armv8-a\n\t.arch_extension idiv\n\t.fpu neon-fp-armv8\n\t.%s\n", thumb ? "thumb" : "arm");
    fprintf(out, "\t.text\n\t.global _start\n\t.type _start, %%function\n_start:\n");
    emit("ldr r0, =init_d");
    emit("vldmia r0!, {d0-d15}");
    emit("vldmia r0, {d16-d31}");
    emit("ldr r0, =0x%08x", fpscr);
    emit("vmsr fpscr, r0");
    emit("ldr r0, =0x%08x", apsr);
    emit("msr APSR_nzcvqg, r0");
    emit("ldr r0, =init_r");
    emit("ldm r0, {r0-r9, r11, r12, r14}");
    emit("ldr r10, =scratch_mid");
    for (unsigned i = 0; i < count; i++)
        gen_one();
    /* dump */
    emit("push {r0}");
    emit("ldr r0, =dump");
    for (unsigned i = 1; i < 15; i++)
        if (i != 13) emit("str r%u, [r0, #%u]", i, 8 * i);
    emit("mov r1, r0");
    emit("pop {r0}");
    emit("str r0, [r1]");
    emit("mrs r0, APSR");
    emit("ldr r2, =0xf80f0000");
    emit("and r0, r0, r2");
    emit("str r0, [r1, #120]");
    emit("vmrs r0, fpscr");
    emit("str r0, [r1, #128]");
    emit("add r0, r1, #144");
    emit("vstmia r0!, {d0-d15}");
    emit("vstmia r0!, {d16-d31}");
    /* checksum: rotate-xor-add over the scratch words */
    emit("ldr r2, =scratch");
    emit("mov r3, #0");
    emit("mov r4, #%u", SCRATCH / 4);
    fprintf(out, "1:\n");
    emit("ldr r5, [r2], #4");
    emit("ror r3, r3, #27");
    emit("eor r3, r3, r5");
    emit("add r3, r3, r4");
    emit("subs r4, r4, #1");
    emit("bne 1b");
    emit("str r3, [r1, #400]");
    emit("mov r0, #1");
    emit("mov r2, #408");
    emit("mov r7, #4");
    emit("svc 0");
    emit("mov r0, #0");
    emit("mov r7, #248");
    emit("svc 0");
    emit(".ltorg");
    fprintf(out, "\t.data\n\t.balign 8\ninit_d:\n");
    for (unsigned i = 0; i < 32; i++) fprintf(out, "\t.quad 0x%016" PRIx64 "\n", init_d[i]);
    fprintf(out, "init_r:\n");
    for (unsigned i = 0; i < 16; i++) fprintf(out, "\t.word 0x%08x\n", init_r[i]);
    fprintf(out, "\t.balign 4096\nscratch:\n");
    for (unsigned i = 0; i < SCRATCH / 4; i++) fprintf(out, "\t.word 0x%08x\n", scratch[i]);
    fprintf(out, "dump:\n\t.space 408\n");
    fprintf(out, "\t.set scratch_mid, scratch + %d\n", SCRATCH / 2);
    if (out != stdout) fclose(out);
    return 0;
}
