/* a64gen: emits a seeded random A64 instruction-sequence test (aarch64 assembly) that dumps all registers, NZCV and FPSR at exit. */
/*
 * usage: a64gen SEED COUNT [OUT.S]
 *
 * The generated program (_start, no libc; build with aarch64-linux-gnu-gcc -nostdlib -static -no-pie) sets
 * X0-X30, V0-V31, NZCV, FPCR (rounding mode, FZ, DN) and FPSR to seeded values (special integers,
 * +-0, +-inf, NaNs, denormals, ...), runs COUNT random instructions (integer data processing, loads and
 * stores of every form, exclusives and LSE atomics, scalar FP, a SIMD subset, forward branches), then
 * writes an 808-byte record to stdout and calls exit_group(0):
 *
 *   quads 0..30   X0..X30 (X28 is the scratch base: reserved, holds its address)
 *   quad  31      SP          quad 32  NZCV          quad 33  FPSR       quad 34  FPCR   quad 35 zero
 *   quads 36..99  V0..V31 (low quad first)
 *   quad  100     checksum of the 4 KiB scratch buffer (which also holds SP's area)
 *
 * Memory accesses stay inside the scratch buffer (X28 points at its middle, SP at its top quarter);
 * exclusives and atomics are naturally aligned. Control flow is limited to forward branches over exactly
 * one instruction. FPCR is only given bits xtrace implements (no AHP); FPSR only cumulative bits and QC.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 28
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
static int64_t range(int64_t lo, int64_t hi) { return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1)); }
#define PICK(a) (a)[below(sizeof(a) / sizeof((a)[0]))]

static FILE *out;
static void emit(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("\t", out);
    vfprintf(out, fmt, ap);
    fputs("\n", out);
    va_end(ap);
}

/* ------------------------------------------------------------------ registers */
static char nb[16][8];
static unsigned nbi;
static const char *reg(int sf, int r) /* r 31 = zr */
{
    char *s = nb[nbi++ & 15];
    if (r == 31)
        snprintf(s, 8, "%szr", sf ? "x" : "w");
    else
        snprintf(s, 8, "%c%d", sf ? 'x' : 'w', r);
    return s;
}
static int rdata(void) /* any data register but the base */
{
    int r;
    do
        r = (int)below(31);
    while (r == BASE);
    return r;
}
static int rd_z(void) { return chance(4) ? 31 : rdata(); }  /* destination, sometimes zr */
static int rs_z(void) { return chance(6) ? 31 : rdata(); }  /* source, sometimes zr */
static const char *X(int r) { return reg(1, r); }
static const char *W(int r) { return reg(0, r); }
static const char *R(int sf, int r) { return reg(sf, r); }

static const char *cond_noal(void)
{
    static const char *c[] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"};
    return PICK(c);
}
static const char *cond(void)
{
    static const char *c[] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al"};
    return PICK(c);
}

/* ------------------------------------------------------------------ values */
static uint64_t special_int(void)
{
    static const uint64_t v[] = {0, 1, 2, ~0ull, 0x8000000000000000ull, 0x7fffffffffffffffull, 0x80000000ull,
                                 0xffffffff80000000ull, 0x7fffffffull, 0xffffffffull, 0x100000000ull, 63, 64, 31, 32,
                                 0xfffffffffffff800ull, 0x8000, 0xffff, 0x80, 0xff};
    return PICK(v);
}
static uint64_t rand_int(void)
{
    switch (below(6)) {
    case 0: case 1: return special_int();
    case 2: return (uint64_t)range(-100, 100);
    case 3: return (uint64_t)(int64_t)(int32_t)rnd();
    default: return rnd();
    }
}
static uint64_t rand_double_bits(void)
{
    static const uint64_t v[] = {
        0x0000000000000000ull, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x7ff8000000000000ull, 0xfff8000000000001ull, 0x7ff4000000000000ull, 0x7ff0000000000001ull,
        0x0000000000000001ull, 0x800fffffffffffffull, 0x0010000000000000ull, 0x3ff0000000000000ull,
        0xbff0000000000000ull, 0x7fefffffffffffffull, 0xffefffffffffffffull, 0x4000000000000000ull,
        0x3fe0000000000000ull, 0x43e0000000000000ull, 0xc3e0000000000000ull, 0x41e0000000000000ull,
        0xc1e0000000000000ull, 0x41dfffffffc00000ull, 0x4330000000000000ull, 0x3ff8000000000000ull,
        0x3810000000000000ull, 0x380fffffffffffffull, 0x47efffffe0000000ull, 0x3e70000000000000ull};
    switch (below(5)) {
    case 0: case 1: return PICK(v);
    case 2: return (rnd() & 0x800fffffffffffffull) | ((uint64_t)(1023 - 40 + below(80)) << 52);
    case 3: { double d = (double)range(-1000, 1000) * 0.5; uint64_t b; memcpy(&b, &d, 8); return b; }
    default: return rnd();
    }
}
static uint32_t rand_float_bits(void)
{
    static const uint32_t v[] = {0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001,
                                 0x7fa00000, 0x7f800001, 0x00000001, 0x807fffff, 0x00800000, 0x3f800000,
                                 0xbf800000, 0x7f7fffff, 0xff7fffff, 0x3f000000, 0x4f000000, 0xcf000000,
                                 0x5f000000, 0xdf000000, 0x4b000000, 0x3fc00000, 0x007fffff, 0x477fe000};
    switch (below(4)) {
    case 0: case 1: return PICK(v);
    case 2: return ((uint32_t)rnd() & 0x807fffffu) | ((127 - 20 + below(40)) << 23);
    default: { float f = (float)range(-300, 300) * 0.25f; uint32_t b; memcpy(&b, &f, 4); return b; }
    }
}
static uint64_t rand_vec_half(void) /* 64 bits of a vector register */
{
    switch (below(5)) {
    case 0: return rand_double_bits();
    case 1: return (uint64_t)rand_float_bits() << 32 | rand_float_bits();
    case 2: return rand_int();
    case 3: { uint64_t v = 0; for (int i = 0; i < 4; i++) v |= (uint64_t)(uint16_t)(chance(50) ? rnd() : special_int()) << (16 * i); return v; }
    default: return rnd();
    }
}

/* ------------------------------------------------------------------ immediates */
static uint64_t ror_e(uint64_t v, unsigned r, unsigned e)
{
    uint64_t m = e == 64 ? ~0ull : (1ull << e) - 1;
    v &= m;
    return r ? ((v >> r) | (v << (e - r))) & m : v;
}
/* A random valid logical immediate for datasize bits. */
static uint64_t logic_imm(unsigned bits)
{
    for (;;) {
        unsigned len = 1 + below(bits == 64 ? 6 : 5), e = 1u << len;
        unsigned s = below(e - 1), r = below(e); /* s + 1 ones, not all */
        uint64_t el = ror_e((1ull << (s + 1)) - 1, r, e), v = 0;
        for (unsigned i = 0; i < bits; i += e)
            v |= el << i;
        if (v)
            return v;
    }
}
/* The value of an 8-bit FP immediate (FMOV): (-1)^a * (16 + efgh) / 16 * 2^n, n = b ? cd - 3 : cd + 1. */
static double fp_imm8(unsigned imm8)
{
    int b6 = (imm8 >> 6) & 1, e2 = (imm8 >> 4) & 3, n = b6 ? e2 - 3 : e2 + 1;
    double v = (16 + (imm8 & 15)) / 16.0;
    for (int i = 0; i < n; i++)
        v *= 2;
    for (int i = 0; i < -n; i++)
        v /= 2;
    return imm8 & 0x80 ? -v : v;
}

/* ------------------------------------------------------------------ integer data processing */
static void alu_imm(void)
{
    int sf = chance(60), d = rd_z(), n = rdata();
    switch (below(9)) {
    case 0: case 1: {
        static const char *ops[] = {"add", "sub", "adds", "subs"};
        const char *op = PICK(ops);
        int sp = op[3] == 0 && chance(10); /* non-flag forms may name sp */
        if (sp)
            emit("%s %s, %s, #%u%s", op, X(rdata()), "sp", below(64) * 16, "");
        else
            emit("%s %s, %s, #%u%s", op, R(sf, op[3] ? d : rdata()), R(sf, n), below(4096), chance(25) ? ", lsl #12" : "");
        break;
    }
    case 2: emit("cmp %s, #%u", R(sf, n), below(4096)); break;
    case 3: emit("cmn %s, #%u", R(sf, n), below(4096)); break;
    case 4: case 5: {
        static const char *ops[] = {"and", "orr", "eor", "ands"};
        const char *op = PICK(ops);
        emit("%s %s, %s, #0x%" PRIx64, op, R(sf, op[3] ? d : rdata()), R(sf, rs_z()), logic_imm(sf ? 64 : 32));
        break;
    }
    case 6: emit("tst %s, #0x%" PRIx64, R(sf, n), logic_imm(sf ? 64 : 32)); break;
    case 7: {
        static const char *ops[] = {"movz", "movn", "movk"};
        emit("%s %s, #0x%x, lsl #%u", PICK(ops), R(sf, d), below(65536), 16 * below(sf ? 4 : 2));
        break;
    }
    default: emit("adr %s, .+%d", X(d), (int)range(-64, 64) * 4); break;
    }
}

static void bitfield(void)
{
    int sf = chance(60), bits = sf ? 64 : 32, d = rd_z(), n = rs_z();
    unsigned a = below((unsigned)bits), b = below((unsigned)bits);
    switch (below(10)) {
    case 0: emit("ubfm %s, %s, #%u, #%u", R(sf, d), R(sf, n), a, b); break;
    case 1: emit("sbfm %s, %s, #%u, #%u", R(sf, d), R(sf, n), a, b); break;
    case 2: emit("bfm %s, %s, #%u, #%u", R(sf, d), R(sf, n), a, b); break;
    case 3: emit("%s %s, %s, #%u", chance(50) ? "lsl" : chance(50) ? "lsr" : "asr", R(sf, d), R(sf, n), a); break;
    case 4: emit("ror %s, %s, #%u", R(sf, d), R(sf, n), a); break;
    case 5: emit("extr %s, %s, %s, #%u", R(sf, d), R(sf, n), R(sf, rs_z()), a); break;
    case 6: {
        static const char *ops[] = {"sxtb", "sxth", "uxtb", "uxth"};
        emit("%s %s, %s", PICK(ops), R(sf, d), W(n));
        break;
    }
    case 7: emit("sxtw %s, %s", X(d), W(n)); break;
    default: {
        unsigned lsb = below((unsigned)bits), w = 1 + below((unsigned)bits - lsb);
        static const char *ops[] = {"ubfx", "sbfx", "ubfiz", "sbfiz", "bfi", "bfxil"};
        emit("%s %s, %s, #%u, #%u", PICK(ops), R(sf, d), R(sf, n), lsb, w);
        break;
    }
    }
}

static void alu_reg(void)
{
    int sf = chance(60), bits = sf ? 64 : 32, d = rd_z(), n = rs_z(), m = rs_z();
    static const char *sh[] = {"lsl", "lsr", "asr", "ror"};
    switch (below(8)) {
    case 0: case 1: {
        static const char *ops[] = {"and", "bic", "orr", "orn", "eor", "eon", "ands", "bics"};
        if (chance(40))
            emit("%s %s, %s, %s", PICK(ops), R(sf, d), R(sf, n), R(sf, m));
        else
            emit("%s %s, %s, %s, %s #%u", PICK(ops), R(sf, d), R(sf, n), R(sf, m), PICK(sh), below((unsigned)bits));
        break;
    }
    case 2: case 3: {
        static const char *ops[] = {"add", "sub", "adds", "subs"};
        emit("%s %s, %s, %s, %s #%u", PICK(ops), R(sf, d), R(sf, n), R(sf, m), sh[below(3)], below((unsigned)bits));
        break;
    }
    case 4: { /* extended register; sp as base or destination for the non-flag forms */
        static const char *ext[] = {"uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"};
        static const char *ops[] = {"add", "sub", "adds", "subs", "cmp", "cmn"};
        const char *op = PICK(ops), *e = PICK(ext);
        int xm = sf && (e[3] == 'x');
        const char *base = chance(20) ? (sf ? "sp" : "wsp") : R(sf, rdata());
        if (op[0] == 'c')
            emit("%s %s, %s, %s #%u", op, base, R(xm, m), e, below(5));
        else
            emit("%s %s, %s, %s, %s #%u", op, R(sf, op[3] ? d : rdata()), base, R(xm, m), e, below(5));
        break;
    }
    case 5: {
        static const char *ops[] = {"adc", "adcs", "sbc", "sbcs", "ngc", "ngcs", "neg", "negs", "mvn"};
        const char *op = PICK(ops);
        if (op[0] == 'n' || op[0] == 'm')
            emit("%s %s, %s", op, R(sf, d), R(sf, m));
        else
            emit("%s %s, %s, %s", op, R(sf, d), R(sf, n), R(sf, m));
        break;
    }
    case 6: {
        static const char *ops[] = {"csel", "csinc", "csinv", "csneg"};
        if (chance(70))
            emit("%s %s, %s, %s, %s", PICK(ops), R(sf, d), R(sf, n), R(sf, m), cond());
        else if (chance(50))
            emit("%s %s, %s", chance(50) ? "cset" : "csetm", R(sf, d), cond_noal());
        else
            emit("%s %s, %s, %s", chance(50) ? "cinc" : chance(50) ? "cneg" : "cinv", R(sf, d), R(sf, n), cond_noal());
        break;
    }
    default:
        if (chance(50))
            emit("%s %s, %s, #%u, %s", chance(50) ? "ccmp" : "ccmn", R(sf, n), R(sf, m), below(16), cond());
        else
            emit("%s %s, #%u, #%u, %s", chance(50) ? "ccmp" : "ccmn", R(sf, n), below(32), below(16), cond());
        break;
    }
}

static void ccmp_reg(void)
{
    int sf = chance(60);
    emit("%s %s, %s, #%u, %s", chance(50) ? "ccmp" : "ccmn", R(sf, rs_z()), R(sf, rs_z()), below(16), cond());
}

static void muldiv(void)
{
    int sf = chance(60), d = rd_z(), n = rs_z(), m = rs_z(), a = rs_z();
    if (chance(30)) { /* edge cases */
        if (n != 31) emit("mov %s, #0x%" PRIx64, X(n), special_int() & 0xffff);
        if (chance(50) && m != 31) emit("movn %s, #0", X(m));
    }
    switch (below(9)) {
    case 0: emit("%s %s, %s, %s, %s", chance(50) ? "madd" : "msub", R(sf, d), R(sf, n), R(sf, m), R(sf, a)); break;
    case 1: emit("%s %s, %s, %s", chance(50) ? "mul" : "mneg", R(sf, d), R(sf, n), R(sf, m)); break;
    case 2: {
        static const char *ops[] = {"smaddl", "smsubl", "umaddl", "umsubl"};
        emit("%s %s, %s, %s, %s", PICK(ops), X(d), W(n), W(m), X(a));
        break;
    }
    case 3: emit("%s %s, %s, %s", chance(50) ? "smull" : "umull", X(d), W(n), W(m)); break;
    case 4: emit("%s %s, %s, %s", chance(50) ? "smulh" : "umulh", X(d), X(n), X(m)); break;
    case 5: case 6: emit("%s %s, %s, %s", chance(50) ? "sdiv" : "udiv", R(sf, d), R(sf, n), R(sf, m)); break;
    case 7: {
        static const char *ops[] = {"lslv", "lsrv", "asrv", "rorv"};
        emit("%s %s, %s, %s", PICK(ops), R(sf, d), R(sf, n), R(sf, m));
        break;
    }
    default: {
        static const char *ops[] = {"crc32b", "crc32h", "crc32w", "crc32cb", "crc32ch", "crc32cw"};
        if (chance(25))
            emit("%s %s, %s, %s", chance(50) ? "crc32x" : "crc32cx", W(d), W(n), X(m));
        else
            emit("%s %s, %s, %s", PICK(ops), W(d), W(n), W(m));
        break;
    }
    }
}

static void onesrc(void)
{
    int sf = chance(60);
    static const char *ops[] = {"rbit", "rev16", "rev", "clz", "cls"};
    if (sf && chance(20))
        emit("rev32 %s, %s", X(rd_z()), X(rs_z()));
    else
        emit("%s %s, %s", PICK(ops), R(sf, rd_z()), R(sf, rs_z()));
}

/* ------------------------------------------------------------------ loads and stores */
/* Points a temporary at scratch + off (off relative to the middle, -2048..2047). */
static int base_at(int off)
{
    int t = rdata();
    if (off >= 0)
        emit("add %s, %s, #%d", X(t), X(BASE), off);
    else
        emit("sub %s, %s, #%d", X(t), X(BASE), -off);
    return t;
}
static int other(int a, int b) /* a data register different from a and b */
{
    int r;
    do
        r = rdata();
    while (r == a || r == b);
    return r;
}
/* An offset from the middle, multiple of size, with room bytes of slack on both sides. */
static int aligned_off(int size, int room) { return (int)(range(-2048 + room, 2047 - room) / size * size); }

static void ldst(void)
{
    static const struct { const char *ld, *st; int size, sf; } k[] = {
        {"ldrb", "strb", 1, 0}, {"ldrh", "strh", 2, 0}, {"ldr", "str", 4, 0}, {"ldr", "str", 8, 1},
        {"ldrsb", NULL, 1, 1}, {"ldrsb", NULL, 1, 0}, {"ldrsh", NULL, 2, 1}, {"ldrsh", NULL, 2, 0},
        {"ldrsw", NULL, 4, 1}};
    int i = (int)below(9), store = k[i].st && chance(45);
    const char *op = store ? k[i].st : k[i].ld;
    int size = k[i].size, sf = k[i].sf;
    int off = aligned_off(1, 600), b = base_at(off), t;
    (void)off;
    t = store ? (chance(5) ? 31 : other(b, -1)) : other(b, -1);
    switch (below(6)) {
    case 0: emit("%s %s, [%s, #%d]", op, R(sf, t), X(b), (int)below(64) * size); break;
    case 1: emit("%s %s, [%s, #%d]!", op, R(sf, t), X(b), (int)range(-256, 255)); break;
    case 2: emit("%s %s, [%s], #%d", op, R(sf, t), X(b), (int)range(-256, 255)); break;
    case 3: emit("%s %s, [%s, #%d]", chance(50) ? (store ? (size == 1 ? "sturb" : size == 2 ? "sturh" : "stur")
                                                      : (op[3] == 's' ? (size == 1 ? "ldursb" : size == 2 ? "ldursh" : "ldursw")
                                                                      : size == 1 ? "ldurb" : size == 2 ? "ldurh" : "ldur"))
                                             : op, R(sf, t), X(b), (int)range(-256, 255)); break;
    case 4: { /* register offset */
        int m = other(b, t);
        static const char *ext[] = {"lsl", "uxtw", "sxtw", "sxtx"};
        const char *e = PICK(ext);
        int w32 = !strcmp(e, "uxtw") || !strcmp(e, "sxtw");
        emit("mov %s, #%d", X(m), (int)(e[0] == 'u' ? range(0, 64) : range(-64, 64)));
        if (chance(30))
            emit("%s %s, [%s, %s]", op, R(sf, t), X(b), X(m));
        else
            emit("%s %s, [%s, %s, %s #%d]", op, R(sf, t), X(b), w32 ? W(m) : X(m), e,
                 chance(50) ? 0 : __builtin_ctz((unsigned)size));
        break;
    }
    default: emit("%s %s, [sp, #%d]", op, R(sf, t), (int)below(64) * size); break;
    }
}

static void ldst_pair(void)
{
    static const struct { const char *op; int size, sf, load; } k[] = {
        {"ldp", 4, 0, 1}, {"ldp", 8, 1, 1}, {"stp", 4, 0, 0}, {"stp", 8, 1, 0}, {"ldpsw", 4, 1, 1},
        {"ldnp", 8, 1, 1}, {"stnp", 4, 0, 0}};
    int i = (int)below(7);
    int b = base_at(aligned_off(1, 600)), t = other(b, -1), t2 = other(b, t), sz = k[i].size;
    if (!k[i].load && chance(5))
        t = 31;
    int imm = (int)range(-64, 63) * sz;
    int mode = k[i].op[2] == 'n' ? 0 : (int)below(3);
    if (mode == 0)
        emit("%s %s, %s, [%s, #%d]", k[i].op, R(k[i].sf, t), R(k[i].sf, t2), X(b), imm);
    else if (mode == 1)
        emit("%s %s, %s, [%s, #%d]!", k[i].op, R(k[i].sf, t), R(k[i].sf, t2), X(b), imm);
    else
        emit("%s %s, %s, [%s], #%d", k[i].op, R(k[i].sf, t), R(k[i].sf, t2), X(b), imm);
}

static void ldst_fp(void)
{
    static const char pre[] = {'b', 'h', 's', 'd', 'q'};
    int z = (int)below(5), size = 1 << z, v = (int)below(32), v2;
    int b = base_at(aligned_off(16, 1100));
    const char *op = chance(50) ? "ldr" : "str";
    switch (below(6)) {
    case 0: emit("%s %c%d, [%s, #%d]", op, pre[z], v, X(b), (int)below(64) * size); break;
    case 1: emit("%s %c%d, [%s, #%d]!", op, pre[z], v, X(b), (int)range(-256, 255)); break;
    case 2: emit("%s %c%d, [%s], #%d", op, pre[z], v, X(b), (int)range(-256, 255)); break;
    case 3: emit("%s %c%d, [%s, #%d]", op[0] == 'l' ? "ldur" : "stur", pre[z], v, X(b), (int)range(-256, 255)); break;
    case 4: {
        int m = other(b, -1);
        emit("mov %s, #%d", X(m), (int)range(-32, 32));
        emit("%s %c%d, [%s, %s, lsl #%d]", op, pre[z], v, X(b), X(m), chance(50) ? 0 : z);
        break;
    }
    default:
        if (z < 2)
            z = 2 + (int)below(3);
        size = 1 << z;
        do
            v2 = (int)below(32);
        while (v2 == v);
        emit("%s %c%d, %c%d, [%s, #%d]%s", chance(50) ? "ldp" : "stp", pre[z], v, pre[z], v2, X(b),
             (int)range(-32, 31) * size, chance(30) ? "!" : "");
        break;
    }
}

static void exclusive(void)
{
    static const char *sfx[] = {"b", "h", "", ""};
    int z = (int)below(4), sf = z == 3;
    int b = base_at(aligned_off(16, 64)), t = other(b, -1), s = other(b, t), t2 = other(b, t);
    while (t2 == s)
        t2 = other(b, t);
    switch (below(8)) {
    case 0: case 1:
        emit("ld%sxr%s %s, [%s]", chance(50) ? "a" : "", sfx[z], R(sf, t), X(b));
        emit("st%sxr%s %s, %s, [%s]", chance(50) ? "l" : "", sfx[z], W(s), R(sf, chance(50) ? t : t2), X(b));
        break;
    case 2:
        emit("ld%sxp %s, %s, [%s]", chance(50) ? "a" : "", R(sf, t), R(sf, t2), X(b));
        emit("st%sxp %s, %s, %s, [%s]", chance(50) ? "l" : "", W(s), R(sf, t2), R(sf, t), X(b));
        break;
    case 3: emit("%s%s %s, [%s]", chance(50) ? "ldar" : "stlr", sfx[z], R(sf, t), X(b)); break;
    case 4: {
        static const char *o[] = {"cas", "casa", "casl", "casal"};
        if (chance(50))
            emit("ldr%s %s, [%s]", sfx[z], R(sf, s), X(b)); /* make the compare succeed */
        emit("%s%s %s, %s, [%s]", PICK(o), sfx[z], R(sf, s), R(sf, t), X(b));
        break;
    }
    case 5: { /* casp: even register pairs, none the base */
        int sp_, tp;
        do
            sp_ = 2 * (int)below(14);
        while (sp_ == b || sp_ + 1 == b || sp_ == BASE);
        do
            tp = 2 * (int)below(14);
        while (tp == b || tp + 1 == b || tp == sp_ || tp == BASE);
        int psf = chance(50);
        if (chance(50))
            emit("ldp %s, %s, [%s]", R(psf, sp_), R(psf, sp_ + 1), X(b));
        emit("casp%s %s, %s, %s, %s, [%s]", chance(50) ? "al" : "", R(psf, sp_), R(psf, sp_ + 1), R(psf, tp), R(psf, tp + 1), X(b));
        break;
    }
    default: {
        static const char *o[] = {"ldadd", "ldclr", "ldeor", "ldset", "ldsmax", "ldsmin", "ldumax", "ldumin", "swp"};
        static const char *ar[] = {"", "a", "l", "al"};
        emit("%s%s%s %s, %s, [%s]", PICK(o), PICK(ar), sfx[z], R(sf, s), R(sf, chance(10) ? 31 : t), X(b));
        break;
    }
    }
}

/* ------------------------------------------------------------------ scalar FP */
static char fpb[16][8];
static unsigned fpi;
static const char *F(char p, int r) { char *s = fpb[fpi++ & 15]; snprintf(s, 8, "%c%d", p, r); return s; }
static int vr(void) { return (int)below(32); }

static void fp_arith(void)
{
    char p = chance(50) ? 'd' : 's';
    switch (below(8)) {
    case 0: case 1: {
        static const char *ops[] = {"fadd", "fsub", "fmul", "fdiv", "fnmul", "fmax", "fmin", "fmaxnm", "fminnm"};
        emit("%s %s, %s, %s", PICK(ops), F(p, vr()), F(p, vr()), F(p, vr()));
        break;
    }
    case 2: {
        static const char *ops[] = {"fmadd", "fmsub", "fnmadd", "fnmsub"};
        emit("%s %s, %s, %s, %s", PICK(ops), F(p, vr()), F(p, vr()), F(p, vr()), F(p, vr()));
        break;
    }
    case 3: {
        static const char *ops[] = {"fabs", "fneg", "fsqrt", "fmov", "frintn", "frintp", "frintm", "frintz", "frinta", "frintx", "frinti"};
        emit("%s %s, %s", PICK(ops), F(p, vr()), F(p, vr()));
        break;
    }
    case 4:
        if (chance(70))
            emit("%s %s, %s", chance(50) ? "fcmp" : "fcmpe", F(p, vr()), chance(20) ? "#0.0" : F(p, vr()));
        else
            emit("%s %s, %s, #%u, %s", chance(50) ? "fccmp" : "fccmpe", F(p, vr()), F(p, vr()), below(16), cond());
        break;
    case 5: emit("fcsel %s, %s, %s, %s", F(p, vr()), F(p, vr()), F(p, vr()), cond()); break;
    case 6: {
        static const char pr[] = {'h', 's', 'd'};
        char a = PICK(pr), b;
        do
            b = PICK(pr);
        while (b == a);
        emit("fcvt %s, %s", F(a, vr()), F(b, vr()));
        break;
    }
    default: {
        unsigned imm8 = below(256);
        emit("fmov %s, #%.17g", F(p, vr()), fp_imm8(imm8));
        break;
    }
    }
}

static void fp_convert(void)
{
    char p = chance(50) ? 'd' : 's';
    int sf = chance(50);
    static const char *to[] = {"fcvtzs", "fcvtzu", "fcvtns", "fcvtnu", "fcvtas", "fcvtau", "fcvtms", "fcvtmu", "fcvtps", "fcvtpu"};
    switch (below(6)) {
    case 0: case 1: emit("%s %s, %s", PICK(to), R(sf, rd_z()), F(p, vr())); break;
    case 2: emit("%s %s, %s", chance(50) ? "scvtf" : "ucvtf", F(p, vr()), R(sf, rs_z())); break;
    case 3: /* fixed point */
        if (chance(50))
            emit("%s %s, %s, #%u", chance(50) ? "fcvtzs" : "fcvtzu", R(sf, rd_z()), F(p, vr()), 1 + below(sf ? 64 : 32));
        else
            emit("%s %s, %s, #%u", chance(50) ? "scvtf" : "ucvtf", F(p, vr()), R(sf, rs_z()), 1 + below(sf ? 64 : 32));
        break;
    case 4:
        switch (below(5)) {
        case 0: emit("fmov %s, %s", W(rd_z()), F('s', vr())); break;
        case 1: emit("fmov %s, %s", X(rd_z()), F('d', vr())); break;
        case 2: emit("fmov %s, %s", F('s', vr()), W(rs_z())); break;
        case 3: emit("fmov %s, %s", F('d', vr()), X(rs_z())); break;
        default:
            if (chance(50))
                emit("fmov %s, v%d.d[1]", X(rd_z()), vr());
            else
                emit("fmov v%d.d[1], %s", vr(), X(rs_z()));
            break;
        }
        break;
    default: /* SIMD scalar conversions and compares on V registers */
        if (chance(50))
            emit("%s %s, %s", PICK(to), F(p, vr()), F(p, vr()));
        else
            emit("%s %s, %s", chance(50) ? "scvtf" : "ucvtf", F(p, vr()), F(p, vr()));
        break;
    }
}

static void fp_control(void)
{
    int t = rdata();
    switch (below(4)) {
    case 0: { /* rounding mode, FZ, DN (and FZ16): bits xtrace implements */
        uint32_t v = below(4) << 22;
        if (chance(25)) v |= 1u << 24;
        if (chance(25)) v |= 1u << 25;
        if (chance(15)) v |= 1u << 19;
        emit("mov %s, #0x%x", X(t), v);
        emit("msr fpcr, %s", X(t));
        break;
    }
    case 1: emit("mrs %s, fpsr", X(t)); break;
    case 2:
        emit("mov %s, #0x%x", X(t), (unsigned)(rnd() & 0x9f));
        if (chance(30))
            emit("movk %s, #0x800, lsl #16", X(t)); /* QC */
        emit("msr fpsr, %s", X(t));
        break;
    default:
        if (chance(50))
            emit("mrs %s, nzcv", X(t));
        else {
            emit("mov %s, #0x%x", X(t), below(16) << 28);
            emit("msr nzcv, %s", X(t));
        }
        break;
    }
}

/* ------------------------------------------------------------------ SIMD */
static const char *arr_int(int *size, int allow1d)
{
    static const char *a[] = {"8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d"};
    int i;
    do
        i = (int)below(8);
    while (i == 6 && !allow1d);
    *size = i / 2;
    return a[i];
}

static void simd_int(void)
{
    int sz;
    const char *t;
    int d = vr(), n = vr(), m = vr();
    switch (below(14)) {
    case 0: case 1: {
        static const char *ops[] = {"add", "sub", "cmeq", "cmtst", "cmgt", "cmge", "cmhi", "cmhs", "sshl", "ushl",
                                    "srshl", "urshl", "sqadd", "uqadd", "sqsub", "uqsub", "addp"};
        static const char *bhs[] = {"mul", "mla", "mls", "smax", "smin", "umax", "umin", "sabd", "uabd", "saba",
                                    "uaba", "shadd", "uhadd", "srhadd", "urhadd", "shsub", "uhsub", "smaxp", "sminp",
                                    "umaxp", "uminp"};
        if (chance(50)) {
            do
                t = arr_int(&sz, 0);
            while (sz == 3);
            emit("%s v%d.%s, v%d.%s, v%d.%s", PICK(bhs), d, t, n, t, m, t);
        } else {
            t = arr_int(&sz, 0);
            emit("%s v%d.%s, v%d.%s, v%d.%s", PICK(ops), d, t, n, t, m, t);
        }
        break;
    }
    case 2: {
        static const char *ops[] = {"and", "bic", "orr", "orn", "eor", "bsl", "bit", "bif"};
        t = chance(50) ? "16b" : "8b";
        emit("%s v%d.%s, v%d.%s, v%d.%s", PICK(ops), d, t, n, t, chance(10) ? n : m, t);
        break;
    }
    case 3: {
        static const char *ops[] = {"abs", "neg", "cmgt", "cmge", "cmeq", "cmle", "cmlt", "sqabs", "sqneg"};
        t = arr_int(&sz, 0);
        int i = (int)below(9);
        if (i >= 2 && i <= 6)
            emit("%s v%d.%s, v%d.%s, #0", ops[i], d, t, n, t);
        else
            emit("%s v%d.%s, v%d.%s", ops[i], d, t, n, t);
        break;
    }
    case 4: {
        t = chance(50) ? "16b" : "8b";
        static const char *ops[] = {"cnt", "not", "rbit", "rev16", "rev32", "rev64", "clz", "cls"};
        emit("%s v%d.%s, v%d.%s", PICK(ops), d, t, n, t);
        break;
    }
    case 5: { /* across lanes */
        static const char *ops[] = {"addv", "umaxv", "uminv", "smaxv", "sminv", "uaddlv", "saddlv"};
        static const char *ar[] = {"8b", "16b", "4h", "8h", "4s"};
        static const char sc[] = {'b', 'b', 'h', 'h', 's'};
        int i = (int)below(5), k = (int)below(7);
        char s = sc[i];
        if (k >= 5)
            s = s == 'b' ? 'h' : s == 'h' ? 's' : 'd';
        emit("%s %c%d, v%d.%s", ops[k], s, d, n, ar[i]);
        break;
    }
    case 6: { /* shifts by immediate */
        static const char *r[] = {"ushr", "sshr", "usra", "ssra", "urshr", "srshr", "sri"};
        static const char *l[] = {"shl", "sli", "sqshl", "uqshl", "sqshlu"};
        t = arr_int(&sz, 0);
        int eb = 8 << sz;
        if (chance(50))
            emit("%s v%d.%s, v%d.%s, #%d", PICK(r), d, t, n, t, 1 + (int)below((unsigned)eb));
        else
            emit("%s v%d.%s, v%d.%s, #%d", PICK(l), d, t, n, t, (int)below((unsigned)eb));
        break;
    }
    case 7: { /* narrowing and widening */
        static const char *nar[] = {"8b", "16b", "4h", "8h", "2s", "4s"};
        static const char *wid[] = {"8h", "8h", "4s", "4s", "2d", "2d"};
        int i = (int)below(6), two = i & 1, eb = 8 << (i / 2);
        static const char *sh[] = {"shrn", "rshrn", "sqshrn", "uqshrn", "sqshrun", "sqrshrn", "uqrshrn", "sqrshrun"};
        static const char *xt[] = {"xtn", "sqxtn", "uqxtn", "sqxtun"};
        switch (below(3)) {
        case 0: emit("%s%s v%d.%s, v%d.%s, #%d", PICK(sh), two ? "2" : "", d, nar[i], n, wid[i], 1 + (int)below((unsigned)eb)); break;
        case 1: emit("%s%s v%d.%s, v%d.%s", PICK(xt), two ? "2" : "", d, nar[i], n, wid[i]); break;
        default: emit("%s%s v%d.%s, v%d.%s, #%d", chance(50) ? "ushll" : "sshll", two ? "2" : "", d, wid[i], n, nar[i], (int)below((unsigned)eb)); break;
        }
        break;
    }
    case 8: { /* long / wide */
        static const char *nar[] = {"8b", "16b", "4h", "8h", "2s", "4s"};
        static const char *wid[] = {"8h", "8h", "4s", "4s", "2d", "2d"};
        static const char *lo[] = {"saddl", "uaddl", "ssubl", "usubl", "sabdl", "uabdl", "sabal", "uabal", "smull",
                                   "umull", "smlal", "umlal", "smlsl", "umlsl"};
        static const char *wi[] = {"saddw", "uaddw", "ssubw", "usubw"};
        static const char *hn[] = {"addhn", "subhn", "raddhn", "rsubhn"};
        int i = (int)below(6), two = i & 1;
        switch (below(3)) {
        case 0: emit("%s%s v%d.%s, v%d.%s, v%d.%s", PICK(lo), two ? "2" : "", d, wid[i], n, nar[i], m, nar[i]); break;
        case 1: emit("%s%s v%d.%s, v%d.%s, v%d.%s", PICK(wi), two ? "2" : "", d, wid[i], n, wid[i], m, nar[i]); break;
        default: emit("%s%s v%d.%s, v%d.%s, v%d.%s", PICK(hn), two ? "2" : "", d, nar[i], n, wid[i], m, wid[i]); break;
        }
        break;
    }
    case 9: { /* by element */
        static const char *ops[] = {"mul", "mla", "mls"};
        int h = chance(50);
        int mm = h ? (int)below(16) : m, idx = (int)below(h ? 8 : 4);
        const char *ar = h ? (chance(50) ? "8h" : "4h") : (chance(50) ? "4s" : "2s");
        emit("%s v%d.%s, v%d.%s, v%d.%c[%d]", PICK(ops), d, ar, n, ar, mm, h ? 'h' : 's', idx);
        break;
    }
    case 10: { /* pairwise long */
        static const char *ops[] = {"saddlp", "uaddlp", "sadalp", "uadalp"};
        static const char *src[] = {"8b", "16b", "4h", "8h", "2s", "4s"};
        static const char *dst[] = {"4h", "8h", "2s", "4s", "1d", "2d"};
        int i = (int)below(6);
        emit("%s v%d.%s, v%d.%s", PICK(ops), d, dst[i], n, src[i]);
        break;
    }
    case 11: { /* scalar D forms */
        static const char *ops[] = {"add", "sub", "cmeq", "cmtst", "cmgt", "cmge", "cmhi", "cmhs", "ushl", "sshl"};
        if (chance(50))
            emit("%s d%d, d%d, d%d", PICK(ops), d, n, m);
        else if (chance(50))
            emit("%s d%d, d%d, #%d", chance(50) ? "ushr" : "sshr", d, n, 1 + (int)below(64));
        else
            emit("%s d%d, d%d, #%d", chance(50) ? "shl" : "sli", d, n, (int)below(64));
        break;
    }
    default: { /* long by element */
        static const char *ops[] = {"smull", "umull", "smlal", "umlal", "smlsl", "umlsl"};
        int two = chance(50), idx = (int)below(4);
        emit("%s%s v%d.2d, v%d.%s, v%d.s[%d]", PICK(ops), two ? "2" : "", d, n, two ? "4s" : "2s", m, idx);
        break;
    }
    }
}

static void simd_move(void)
{
    int d = vr(), n = vr(), m = vr(), sz;
    const char *t;
    static const char es[] = {'b', 'h', 's', 'd'};
    switch (below(11)) {
    case 0: { /* movi / mvni / orr / bic / fmov immediates */
        unsigned imm8 = below(256);
        switch (below(8)) {
        case 0: emit("movi v%d.%s, #0x%x", d, chance(50) ? "16b" : "8b", imm8); break;
        case 1: emit("%s v%d.%s, #0x%x, lsl #%d", chance(50) ? "movi" : "mvni", d, chance(50) ? "4s" : "2s", imm8, 8 * (int)below(4)); break;
        case 2: emit("%s v%d.%s, #0x%x, lsl #%d", chance(50) ? "movi" : "mvni", d, chance(50) ? "8h" : "4h", imm8, 8 * (int)below(2)); break;
        case 3: emit("%s v%d.%s, #0x%x, msl #%d", chance(50) ? "movi" : "mvni", d, chance(50) ? "4s" : "2s", imm8, 8 + 8 * (int)below(2)); break;
        case 4: {
            uint64_t v = 0;
            for (int i = 0; i < 8; i++)
                if (imm8 & (1u << i))
                    v |= 0xffull << (8 * i);
            if (chance(50))
                emit("movi v%d.2d, #0x%" PRIx64, d, v);
            else
                emit("movi d%d, #0x%" PRIx64, d, v);
            break;
        }
        case 5: emit("%s v%d.%s, #0x%x, lsl #%d", chance(50) ? "orr" : "bic", d, chance(50) ? "4s" : "2s", imm8, 8 * (int)below(4)); break;
        case 6: emit("%s v%d.%s, #0x%x, lsl #%d", chance(50) ? "orr" : "bic", d, chance(50) ? "8h" : "4h", imm8, 8 * (int)below(2)); break;
        default: emit("fmov v%d.%s, #%.17g", d, chance(30) ? "2d" : chance(50) ? "4s" : "2s", fp_imm8(imm8)); break;
        }
        break;
    }
    case 1: t = arr_int(&sz, 0); emit("dup v%d.%s, v%d.%c[%d]", d, t, n, es[sz], (int)below(16u >> sz)); break;
    case 2: t = arr_int(&sz, 0); emit("dup v%d.%s, %s", d, t, sz == 3 ? X(rs_z()) : W(rs_z())); break;
    case 3: sz = (int)below(4); emit("ins v%d.%c[%d], %s", d, es[sz], (int)below(16u >> sz), sz == 3 ? X(rs_z()) : W(rs_z())); break;
    case 4: sz = (int)below(4); emit("ins v%d.%c[%d], v%d.%c[%d]", d, es[sz], (int)below(16u >> sz), n, es[sz], (int)below(16u >> sz)); break;
    case 5:
        sz = (int)below(4);
        if (chance(50))
            emit("umov %s, v%d.%c[%d]", sz == 3 ? X(rd_z()) : W(rd_z()), n, es[sz], (int)below(16u >> sz));
        else if (sz < 3)
            emit("smov %s, v%d.%c[%d]", sz == 2 || chance(50) ? X(rd_z()) : W(rd_z()), n, es[sz], (int)below(16u >> sz));
        else
            emit("mov %c%d, v%d.%c[%d]", es[sz], d, n, es[sz], (int)below(16u >> sz));
        break;
    case 6: {
        int q = chance(50);
        emit("ext v%d.%s, v%d.%s, v%d.%s, #%d", d, q ? "16b" : "8b", n, q ? "16b" : "8b", m, q ? "16b" : "8b", (int)below(q ? 16 : 8));
        break;
    }
    case 7: { /* tbl/tbx with small indices mostly */
        int len = 1 + (int)below(4), q = chance(50);
        const char *tt = q ? "16b" : "8b";
        if (chance(60)) {
            emit("movi v%d.16b, #0x%x", m, below(16 * (unsigned)len + 4));
            if (chance(50))
                emit("ushr v%d.16b, v%d.16b, #%d", m, (m + 1) & 31, 3);
        }
        char list[64] = "";
        for (int i = 0; i < len; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%sv%d.16b", i ? ", " : "", (n + i) & 31);
        emit("%s v%d.%s, {%s}, v%d.%s", chance(50) ? "tbl" : "tbx", d, tt, list, m, tt);
        break;
    }
    case 8: {
        static const char *ops[] = {"zip1", "zip2", "uzp1", "uzp2", "trn1", "trn2"};
        t = arr_int(&sz, 0);
        emit("%s v%d.%s, v%d.%s, v%d.%s", PICK(ops), d, t, n, t, m, t);
        break;
    }
    case 9: emit("addp d%d, v%d.2d", d, n); break;
    default: emit("mov v%d.16b, v%d.16b", d, n); break;
    }
}

static void simd_fp(void)
{
    int d = vr(), n = vr(), m = vr();
    static const char *ar[] = {"2s", "4s", "2d"};
    const char *t = PICK(ar);
    char e = t[1] == 'd' ? 'd' : 's';
    switch (below(8)) {
    case 0: case 1: {
        static const char *ops[] = {"fadd", "fsub", "fmul", "fdiv", "fmulx", "fabd", "fmla", "fmls", "fmax", "fmin",
                                    "fmaxnm", "fminnm", "fcmeq", "fcmge", "fcmgt", "facge", "facgt", "faddp",
                                    "fmaxp", "fminp", "fmaxnmp", "fminnmp", "frecps", "frsqrts"};
        emit("%s v%d.%s, v%d.%s, v%d.%s", PICK(ops), d, t, n, t, m, t);
        break;
    }
    case 2: {
        static const char *ops[] = {"fabs", "fneg", "fsqrt", "frintn", "frintm", "frintp", "frintz", "frinta", "frintx",
                                    "frinti", "fcvtns", "fcvtms", "fcvtas", "fcvtps", "fcvtzs", "fcvtnu", "fcvtmu",
                                    "fcvtau", "fcvtpu", "fcvtzu", "scvtf", "ucvtf"};
        emit("%s v%d.%s, v%d.%s", PICK(ops), d, t, n, t);
        break;
    }
    case 3: {
        static const char *ops[] = {"fcmgt", "fcmge", "fcmeq", "fcmle", "fcmlt"};
        emit("%s v%d.%s, v%d.%s, #0.0", PICK(ops), d, t, n, t);
        break;
    }
    case 4: { /* by element */
        static const char *ops[] = {"fmul", "fmla", "fmls", "fmulx"};
        int idx = (int)below(e == 'd' ? 2 : 4);
        if (chance(70))
            emit("%s v%d.%s, v%d.%s, v%d.%c[%d]", PICK(ops), d, t, n, t, m, e, idx);
        else
            emit("%s %c%d, %c%d, v%d.%c[%d]", PICK(ops), e, d, e, n, m, e, idx);
        break;
    }
    case 5: { /* fixed point, conversions between widths */
        int eb = e == 'd' ? 64 : 32;
        static const char *ops[] = {"scvtf", "ucvtf", "fcvtzs", "fcvtzu"};
        switch (below(3)) {
        case 0: emit("%s v%d.%s, v%d.%s, #%d", PICK(ops), d, t, n, t, 1 + (int)below((unsigned)eb)); break;
        case 1: emit("%s %c%d, %c%d, #%d", PICK(ops), e, d, e, n, 1 + (int)below((unsigned)eb)); break;
        default:
            switch (below(4)) {
            case 0: emit("fcvtn v%d.2s, v%d.2d", d, n); break;
            case 1: emit("fcvtn2 v%d.4s, v%d.2d", d, n); break;
            case 2: emit("fcvtl v%d.2d, v%d.2s", d, n); break;
            default: emit("fcvtl2 v%d.2d, v%d.4s", d, n); break;
            }
        }
        break;
    }
    case 6: { /* scalar forms in V registers */
        char p = chance(50) ? 'd' : 's';
        static const char *ops[] = {"fabd", "fmulx", "fcmeq", "fcmge", "fcmgt", "facge", "facgt", "frecps", "frsqrts"};
        if (chance(70))
            emit("%s %c%d, %c%d, %c%d", PICK(ops), p, d, p, n, p, m);
        else {
            static const char *pw[] = {"faddp", "fmaxp", "fminp", "fmaxnmp", "fminnmp"};
            emit("%s %c%d, v%d.%s", PICK(pw), p, d, n, p == 'd' ? "2d" : "2s");
        }
        break;
    }
    default: {
        static const char *ops[] = {"fmaxv", "fminv", "fmaxnmv", "fminnmv"};
        emit("%s s%d, v%d.4s", PICK(ops), d, n);
        break;
    }
    }
}

static void simd_ldst(void)
{
    int b = base_at(aligned_off(16, 1100)), v = vr(), sz;
    const char *t = arr_int(&sz, 1);
    static const char es[] = {'b', 'h', 's', 'd'};
    int post = chance(40);
    char wb[32] = "";
    switch (below(4)) {
    case 0: { /* multiple, 1-4 registers */
        int n = 1 + (int)below(4);
        char list[96] = "";
        for (int i = 0; i < n; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%sv%d.%s", i ? ", " : "", (v + i) & 31, t);
        int q = !strcmp(t, "16b") || !strcmp(t, "8h") || !strcmp(t, "4s") || !strcmp(t, "2d");
        if (post)
            snprintf(wb, sizeof wb, ", #%d", n * (q ? 16 : 8));
        emit("%s {%s}, [%s]%s", chance(50) ? "ld1" : "st1", list, X(b), wb);
        break;
    }
    case 1: { /* ld2-4/st2-4 */
        int n = 2 + (int)below(3);
        if (!strcmp(t, "1d"))
            t = "2d";
        char list[96] = "";
        for (int i = 0; i < n; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%sv%d.%s", i ? ", " : "", (v + i) & 31, t);
        int q = !strcmp(t, "16b") || !strcmp(t, "8h") || !strcmp(t, "4s") || !strcmp(t, "2d");
        if (post) {
            int m = other(b, -1);
            if (chance(50))
                snprintf(wb, sizeof wb, ", #%d", n * (q ? 16 : 8));
            else {
                emit("mov %s, #%d", X(m), (int)range(-64, 64));
                snprintf(wb, sizeof wb, ", %s", X(m));
            }
        }
        emit("%s%d {%s}, [%s]%s", chance(50) ? "ld" : "st", n, list, X(b), wb);
        break;
    }
    case 2: { /* single lane */
        int n = 1 + (int)below(4), s = (int)below(4);
        char list[96] = "";
        for (int i = 0; i < n; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%sv%d.%c", i ? ", " : "", (v + i) & 31, es[s]);
        if (post)
            snprintf(wb, sizeof wb, ", #%d", n << s);
        emit("%s%d {%s}[%d], [%s]%s", chance(50) ? "ld" : "st", n, list, (int)below(16u >> s), X(b), wb);
        break;
    }
    default: { /* replicate */
        int n = 1 + (int)below(4);
        char list[96] = "";
        for (int i = 0; i < n; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%sv%d.%s", i ? ", " : "", (v + i) & 31, t);
        if (post)
            snprintf(wb, sizeof wb, ", #%d", n << sz);
        emit("ld%dr {%s}, [%s]%s", n, list, X(b), wb);
        break;
    }
    }
}

/* ------------------------------------------------------------------ control flow */
static int label_no;
static void branch(void)
{
    int l = ++label_no, r = rs_z();
    switch (below(6)) {
    case 0: emit("b .Lskip%d", l); break;
    case 1: emit("bl .Lskip%d", l); break;
    case 2: emit("%s %s, .Lskip%d", chance(50) ? "cbz" : "cbnz", R(chance(50), r), l); break;
    case 3: emit("%s %s, #%d, .Lskip%d", chance(50) ? "tbz" : "tbnz", X(r), (int)below(64), l); break;
    default: emit("b.%s .Lskip%d", cond(), l); break;
    }
    /* a single-instruction filler (some helpers emit set-up instructions: keep to those that do not) */
    int sf = chance(50);
    switch (below(3)) {
    case 0: emit("add %s, %s, #%u", R(sf, rdata()), R(sf, rdata()), below(4096)); break;
    case 1: emit("eor %s, %s, %s", R(sf, rdata()), R(sf, rs_z()), R(sf, rs_z())); break;
    default: emit("fadd d%d, d%d, d%d", vr(), vr(), vr()); break;
    }
    fprintf(out, ".Lskip%d:\n", l);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s SEED COUNT [OUT.S]\n", argv[0]);
        return 2;
    }
    uint64_t seed = strtoull(argv[1], NULL, 0);
    long count = strtol(argv[2], NULL, 0);
    out = stdout;
    if (argc == 4 && !(out = fopen(argv[3], "w"))) {
        perror(argv[3]);
        return 1;
    }
    rng_state = seed * 0x2545f4914f6cdd1dull + 0x1234567;
    /* initial values first, so that a shorter COUNT gives a prefix of the same program (for bisecting) */
    static uint64_t init_x[31], init_v[64], scratch[SCRATCH / 8];
    uint32_t fpcr0 = below(4) << 22;
    if (chance(15)) fpcr0 |= 1u << 24;
    if (chance(15)) fpcr0 |= 1u << 25;
    for (int i = 0; i < 31; i++)
        init_x[i] = i == 1 ? (uint64_t)below(16) << 28 : rand_int();
    for (int i = 0; i < 64; i++)
        init_v[i] = rand_vec_half();
    for (int i = 0; i < SCRATCH / 8; i++)
        scratch[i] = chance(30) ? rand_double_bits() : rand_int();

    fprintf(out, "// generated by tests/a64/a64gen %" PRIu64 " %ld: do not edit\n", seed, count);
    fprintf(out, "// build: aarch64-linux-gnu-gcc -nostdlib -static -no-pie -o t t.S\n");
    fprintf(out, "\t.arch armv8.1-a+crc\n\t.text\n\t.globl _start\n_start:\n");

    /* ---- initial state: FPCR, vector registers, integer registers, NZCV, FPSR */
    emit("adrp x28, scratch_mid");
    emit("add x28, x28, :lo12:scratch_mid");
    emit("add x0, x28, #1024");
    emit("mov sp, x0");
    emit("mov x0, #0x%x", fpcr0);
    emit("msr fpcr, x0");
    emit("adrp x0, init_v");
    emit("add x0, x0, :lo12:init_v");
    for (int i = 0; i < 32; i += 2)
        emit("ldp q%d, q%d, [x0, #%d]", i, i + 1, i * 16);
    emit("adrp x0, init_x");
    emit("add x0, x0, :lo12:init_x");
    emit("ldr x30, [x0, #240]");
    emit("ldp x26, x27, [x0, #208]");
    emit("ldr x29, [x0, #232]");
    for (int i = 24; i >= 0; i -= 2)
        emit("ldp x%d, x%d, [x0, #%d]", i, i + 1, i * 8);
    emit("msr nzcv, x1");
    emit("msr fpsr, xzr");
    emit("sub x1, x28, #%d", SCRATCH / 2); /* x1 held the flags: give it the scratch start's first quad */
    emit("ldr x1, [x1]");

    /* ---- random body */
    for (long i = 0; i < count; i++) {
        unsigned k = below(100);
        if (k < 10) alu_imm();
        else if (k < 17) alu_reg();
        else if (k < 22) bitfield();
        else if (k < 26) muldiv();
        else if (k < 28) onesrc();
        else if (k < 30) ccmp_reg();
        else if (k < 38) ldst();
        else if (k < 42) ldst_pair();
        else if (k < 46) ldst_fp();
        else if (k < 50) exclusive();
        else if (k < 60) fp_arith();
        else if (k < 65) fp_convert();
        else if (k < 67) fp_control();
        else if (k < 77) simd_int();
        else if (k < 84) simd_move();
        else if (k < 91) simd_fp();
        else if (k < 95) simd_ldst();
        else branch();
    }

    /* ---- dump: X0-X30, SP, NZCV, FPSR, FPCR, pad, V0-V31, checksum */
    emit("add x28, x28, #%d", SCRATCH / 2); /* dump area follows the scratch buffer */
    for (int i = 0; i < 28; i += 2)
        emit("stp x%d, x%d, [x28, #%d]", i, i + 1, i * 8);
    emit("stp x29, x30, [x28, #232]");
    emit("sub x0, x28, #%d", SCRATCH);
    emit("add x0, x0, #%d", SCRATCH / 2);
    emit("str x0, [x28, #224]"); /* x28 as it was (the scratch middle) */
    emit("mrs x1, nzcv");
    emit("mov x0, sp");
    emit("stp x0, x1, [x28, #248]");
    emit("mrs x0, fpsr");
    emit("mrs x1, fpcr");
    emit("stp x0, x1, [x28, #264]");
    emit("str xzr, [x28, #280]");
    for (int i = 0; i < 32; i += 2)
        emit("stp q%d, q%d, [x28, #%d]", i, i + 1, 288 + i * 16);
    /* checksum of the scratch buffer: rotate-xor-add over its quads */
    emit("sub x1, x28, #%d", SCRATCH);
    emit("mov x2, #%d", SCRATCH / 8);
    emit("mov x0, #0");
    fprintf(out, ".Lsum:\n");
    emit("ldr x3, [x1], #8");
    emit("ror x0, x0, #59");
    emit("eor x0, x0, x3");
    emit("add x0, x0, x2");
    emit("subs x2, x2, #1");
    emit("b.ne .Lsum");
    emit("str x0, [x28, #800]");
    emit("mov x0, #1");
    emit("mov x1, x28");
    emit("mov x2, #808");
    emit("mov x8, #64");
    emit("svc #0");
    emit("mov x0, #0");
    emit("mov x8, #94");
    emit("svc #0");

    /* ---- data */
    fprintf(out, "\t.data\n\t.balign 16\ninit_x:\n");
    for (int i = 0; i < 31; i++)
        fprintf(out, "\t.quad 0x%" PRIx64 "\n", init_x[i]);
    fprintf(out, "\t.quad 0\n\t.balign 16\ninit_v:\n");
    for (int i = 0; i < 64; i++)
        fprintf(out, "\t.quad 0x%" PRIx64 "\n", init_v[i]);
    fprintf(out, "\t.balign 4096\nscratch:\n");
    for (int i = 0; i < SCRATCH / 8; i++)
        fprintf(out, "\t.quad 0x%" PRIx64 "\n", scratch[i]);
    fprintf(out, "dump:\n\t.space 816\n");
    fprintf(out, "\t.set scratch_mid, scratch + %d\n", SCRATCH / 2);
    if (out != stdout)
        fclose(out);
    return 0;
}
