/* rvgen: emits a seeded random RV64GC instruction-sequence test (riscv64 assembly) that dumps all registers at exit. */
/*
 * usage: rvgen SEED COUNT [OUT.S]
 *
 * The generated program (_start, no libc; build with -nostdlib -static -no-pie) sets every
 * integer and FP register and fcsr to seeded values (with special values: 0, -1, INT_MIN,
 * +-0.0, +-inf, NaNs, denormals, 1.0, ...), runs COUNT random instructions from RV64IMAFDC and
 * Zicsr (frm/fflags only), then writes a 520-byte record to stdout and calls exit_group(0):
 *
 *   quads 0..30   x1..x31           (x27 = s11 is the scratch base: reserved, never written)
 *   quads 31..62  f0..f31 raw bits  (NaN-boxing visible)
 *   quad  63      fcsr
 *   quad  64      checksum of the 4 KiB scratch buffer
 *
 * Memory accesses only touch the scratch buffer (s11 points at its middle) and are naturally
 * aligned. Control flow is limited to forward branches/jumps over exactly one instruction.
 * LR is always immediately followed by its SC; a lone SC never has a reservation (so it fails).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 27   /* s11: scratch base register */
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

static const char *xn(int r)
{
    static const char *names[32] = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
                                    "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5",
                                    "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
    return names[r];
}
static const char *fn(int r)
{
    static char names[32][5];
    snprintf(names[r], sizeof names[r], "f%d", r);
    return names[r];
}

/* destination: any register but s11; x0 now and then (writes must be discarded) */
static int rd_any(void)
{
    if (chance(3))
        return 0;
    int r;
    do
        r = 1 + below(31);
    while (r == BASE);
    return r;
}
static int rd_nonzero(void)
{
    int r;
    do
        r = 1 + below(31);
    while (r == BASE);
    return r;
}
static int rs_any(void) { return below(32); }
static int rc_reg(void) { return 8 + below(8); } /* x8..x15 for compressed forms (never s11) */
static int fr(void) { return below(32); }
static int frc(void) { return 8 + below(8); }

static const char *rm_static(void)
{
    static const char *rms[] = {"rne", "rtz", "rdn", "rup", "rmm", "dyn"};
    return rms[below(6)];
}

static uint64_t special_int(void)
{
    static const uint64_t v[] = {0, 1, 2, 0xffffffffffffffffull, 0x8000000000000000ull, 0x7fffffffffffffffull,
                                 0x80000000ull, 0xffffffff80000000ull, 0x7fffffffull, 0xffffffffull,
                                 0x100000000ull, 0xfffffffffffff800ull, 0x7ff, 31, 32, 63, 64};
    return v[below(sizeof v / sizeof v[0])];
}
static uint64_t rand_int(void)
{
    switch (below(6)) {
    case 0:
    case 1:
        return special_int();
    case 2:
        return (uint64_t)range(-100, 100);
    case 3:
        return (uint64_t)(int64_t)(int32_t)rnd();
    default:
        return rnd();
    }
}
static uint64_t rand_double_bits(void)
{
    static const uint64_t v[] = {
        0x0000000000000000ull, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x7ff8000000000000ull, 0xfff8000000000000ull, 0x7ff4000000000000ull, 0x7ff0000000000001ull,
        0x0000000000000001ull, 0x800fffffffffffffull, 0x0010000000000000ull, 0x3ff0000000000000ull,
        0xbff0000000000000ull, 0x7fefffffffffffffull, 0xffefffffffffffffull, 0x4000000000000000ull,
        0x3fe0000000000000ull, 0x43e0000000000000ull, 0xc3e0000000000000ull, 0x41e0000000000000ull,
        0xc1e0000000000000ull, 0x41dfffffffc00000ull, 0x4330000000000000ull, 0x3ff8000000000000ull,
        0xffffffff3f800000ull /* NaN-boxed 1.0f */};
    switch (below(5)) {
    case 0:
    case 1:
        return v[below(sizeof v / sizeof v[0])];
    case 2: { /* moderate magnitude */
        uint64_t e = 1023 - 40 + below(80);
        return (rnd() & 0x800fffffffffffffull) | (e << 52);
    }
    case 3: /* integral or half-integral value */
        return 0; /* replaced by caller */
    default:
        return rnd();
    }
}
static uint32_t rand_float_bits(void)
{
    static const uint32_t v[] = {0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
                                 0x7fa00000, 0x7f800001, 0x00000001, 0x807fffff, 0x00800000, 0x3f800000,
                                 0xbf800000, 0x7f7fffff, 0xff7fffff, 0x3f000000, 0x4f000000, 0xcf000000,
                                 0x5f000000, 0xdf000000, 0x4b000000, 0x3fc00000};
    switch (below(4)) {
    case 0:
    case 1:
        return v[below(sizeof v / sizeof v[0])];
    case 2: {
        uint32_t e = 127 - 20 + below(40);
        return ((uint32_t)rnd() & 0x807fffffu) | (e << 23);
    }
    default:
        return (uint32_t)rnd();
    }
}

/* ------------------------------------------------------------------ instruction classes */

static void load_special(int reg)
{
    if (reg != 0 && reg != BASE)
        emit("li %s, 0x%" PRIx64, xn(reg), special_int());
}

static void alu_rr(void)
{
    static const char *ops[] = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
                                "addw", "subw", "sllw", "srlw", "sraw"};
    emit("%s %s, %s, %s", ops[below(15)], xn(rd_any()), xn(rs_any()), xn(rs_any()));
}

static void alu_imm(void)
{
    int rd = rd_any(), rs = rs_any();
    switch (below(14)) {
    case 0: emit("addi %s, %s, %d", xn(rd), xn(rs), (int)range(-2048, 2047)); break;
    case 1: emit("slti %s, %s, %d", xn(rd), xn(rs), (int)range(-2048, 2047)); break;
    case 2: emit("sltiu %s, %s, %d", xn(rd), xn(rs), (int)range(-2048, 2047)); break;
    case 3: emit("xori %s, %s, %d", xn(rd), xn(rs), (int)range(-2048, 2047)); break;
    case 4: emit("ori %s, %s, %d", xn(rd), xn(rs), (int)range(-2048, 2047)); break;
    case 5: emit("andi %s, %s, %d", xn(rd), xn(rs), (int)range(-2048, 2047)); break;
    case 6: emit("slli %s, %s, %d", xn(rd), xn(rs), (int)below(64)); break;
    case 7: emit("srli %s, %s, %d", xn(rd), xn(rs), (int)below(64)); break;
    case 8: emit("srai %s, %s, %d", xn(rd), xn(rs), (int)below(64)); break;
    case 9: emit("addiw %s, %s, %d", xn(rd), xn(rs), (int)range(-2048, 2047)); break;
    case 10: emit("slliw %s, %s, %d", xn(rd), xn(rs), (int)below(32)); break;
    case 11: emit("srliw %s, %s, %d", xn(rd), xn(rs), (int)below(32)); break;
    case 12: emit("sraiw %s, %s, %d", xn(rd), xn(rs), (int)below(32)); break;
    default:
        if (chance(50))
            emit("lui %s, 0x%x", xn(rd), (unsigned)below(1u << 20));
        else
            emit("auipc %s, 0x%x", xn(rd), (unsigned)below(1u << 20));
        break;
    }
}

static void muldiv(int setup)
{
    static const char *ops[] = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
                                "mulw", "divw", "divuw", "remw", "remuw"};
    int rd = rd_any(), rs1 = rs_any(), rs2 = rs_any();
    if (setup && chance(40)) { /* edge cases: 0, -1, INT_MIN, ... */
        load_special(rs1);
        if (rs2 != rs1)
            load_special(rs2);
    }
    emit("%s %s, %s, %s", ops[below(13)], xn(rd), xn(rs1), xn(rs2));
}

static int mem_off(int size) /* aligned offset from s11, access stays within the buffer */
{
    return (int)((range(-2048, 2047 - size + 1) / size) * size);
}

static void loadstore(void)
{
    static const struct { const char *op; int size; int store; } ops[] = {
        {"lb", 1, 0}, {"lh", 2, 0}, {"lw", 4, 0}, {"ld", 8, 0}, {"lbu", 1, 0}, {"lhu", 2, 0}, {"lwu", 4, 0},
        {"sb", 1, 1}, {"sh", 2, 1}, {"sw", 4, 1}, {"sd", 8, 1}};
    int i = below(11);
    if (ops[i].store)
        emit("%s %s, %d(s11)", ops[i].op, xn(rs_any()), mem_off(ops[i].size));
    else
        emit("%s %s, %d(s11)", ops[i].op, xn(rd_any()), mem_off(ops[i].size));
}

static void fp_loadstore(void)
{
    switch (below(4)) {
    case 0: emit("flw %s, %d(s11)", fn(fr()), mem_off(4)); break;
    case 1: emit("fld %s, %d(s11)", fn(fr()), mem_off(8)); break;
    case 2: emit("fsw %s, %d(s11)", fn(fr()), mem_off(4)); break;
    default: emit("fsd %s, %d(s11)", fn(fr()), mem_off(8)); break;
    }
}

static void atomic(void)
{
    static const char *amos[] = {"amoswap", "amoadd", "amoxor", "amoand", "amoor",
                                 "amomin", "amomax", "amominu", "amomaxu"};
    static const char *ord[] = {"", ".aq", ".rl", ".aqrl"};
    int d = chance(50);
    int addr = rd_nonzero();
    emit("addi %s, s11, %d", xn(addr), mem_off(d ? 8 : 4));
    switch (below(6)) {
    case 0: { /* LR/SC pair on the same address */
        int rd;
        do
            rd = rd_any();
        while (rd == addr);
        emit("lr.%s%s %s, (%s)", d ? "d" : "w", ord[below(4)], xn(rd), xn(addr));
        emit("sc.%s%s %s, %s, (%s)", d ? "d" : "w", ord[below(4)], xn(rd_any()), xn(rs_any()), xn(addr));
        break;
    }
    case 1: /* SC without a reservation: must fail and not store */
        emit("sc.%s%s %s, %s, (%s)", d ? "d" : "w", ord[below(4)], xn(rd_any()), xn(rs_any()), xn(addr));
        break;
    default:
        emit("%s.%s%s %s, %s, (%s)", amos[below(9)], d ? "d" : "w", ord[below(4)], xn(rd_any()), xn(rs_any()),
             xn(addr));
        break;
    }
}

static void fp_arith(void)
{
    const char *p = chance(50) ? "d" : "s";
    switch (below(12)) {
    case 0: emit("fadd.%s %s, %s, %s, %s", p, fn(fr()), fn(fr()), fn(fr()), rm_static()); break;
    case 1: emit("fsub.%s %s, %s, %s, %s", p, fn(fr()), fn(fr()), fn(fr()), rm_static()); break;
    case 2: emit("fmul.%s %s, %s, %s, %s", p, fn(fr()), fn(fr()), fn(fr()), rm_static()); break;
    case 3: emit("fdiv.%s %s, %s, %s, %s", p, fn(fr()), fn(fr()), fn(fr()), rm_static()); break;
    case 4: emit("fsqrt.%s %s, %s, %s", p, fn(fr()), fn(fr()), rm_static()); break;
    case 5: emit("fmadd.%s %s, %s, %s, %s, %s", p, fn(fr()), fn(fr()), fn(fr()), fn(fr()), rm_static()); break;
    case 6: emit("fmsub.%s %s, %s, %s, %s, %s", p, fn(fr()), fn(fr()), fn(fr()), fn(fr()), rm_static()); break;
    case 7: emit("fnmadd.%s %s, %s, %s, %s, %s", p, fn(fr()), fn(fr()), fn(fr()), fn(fr()), rm_static()); break;
    case 8: emit("fnmsub.%s %s, %s, %s, %s, %s", p, fn(fr()), fn(fr()), fn(fr()), fn(fr()), rm_static()); break;
    case 9: emit("%s.%s %s, %s, %s", chance(50) ? "fmin" : "fmax", p, fn(fr()), fn(fr()), fn(fr())); break;
    case 10: {
        static const char *sg[] = {"fsgnj", "fsgnjn", "fsgnjx"};
        emit("%s.%s %s, %s, %s", sg[below(3)], p, fn(fr()), fn(fr()), fn(fr()));
        break;
    }
    default: {
        static const char *cmp[] = {"feq", "flt", "fle"};
        if (chance(25))
            emit("fclass.%s %s, %s", p, xn(rd_any()), fn(fr()));
        else
            emit("%s.%s %s, %s, %s", cmp[below(3)], p, xn(rd_any()), fn(fr()), fn(fr()));
        break;
    }
    }
}

static void fp_convert(void)
{
    static const char *ints[] = {"w", "wu", "l", "lu"};
    const char *p = chance(50) ? "d" : "s";
    const char *iw = ints[below(4)];
    switch (below(6)) {
    case 0:
    case 1: /* float -> int, all widths, static or dynamic rounding */
        emit("fcvt.%s.%s %s, %s, %s", iw, p, xn(rd_any()), fn(fr()), rm_static());
        break;
    case 2: /* int -> float (fcvt.d.w/wu are exact and take no rounding mode) */
        if (p[0] == 'd' && iw[0] == 'w')
            emit("fcvt.d.%s %s, %s", iw, fn(fr()), xn(rs_any()));
        else
            emit("fcvt.%s.%s %s, %s, %s", p, iw, fn(fr()), xn(rs_any()), rm_static());
        break;
    case 3:
        if (chance(50))
            emit("fcvt.s.d %s, %s, %s", fn(fr()), fn(fr()), rm_static());
        else
            emit("fcvt.d.s %s, %s", fn(fr()), fn(fr()));
        break;
    case 4: /* raw moves: fmv.w.x NaN-boxes, fmv.x.w sign-extends */
        switch (below(4)) {
        case 0: emit("fmv.x.w %s, %s", xn(rd_any()), fn(fr())); break;
        case 1: emit("fmv.x.d %s, %s", xn(rd_any()), fn(fr())); break;
        case 2: emit("fmv.w.x %s, %s", fn(fr()), xn(rs_any())); break;
        default: emit("fmv.d.x %s, %s", fn(fr()), xn(rs_any())); break;
        }
        break;
    default: /* fmv.w.x then use the boxed single as a double (it is a NaN) and vice versa */
    {
        int f = fr();
        emit("fmv.w.x %s, %s", fn(f), xn(rs_any()));
        if (chance(50))
            emit("fadd.d %s, %s, %s, %s", fn(fr()), fn(f), fn(fr()), rm_static());
        else
            emit("fmv.x.d %s, %s", xn(rd_any()), fn(f));
        break;
    }
    }
}

static void csr_op(void)
{
    switch (below(6)) {
    case 0:
    case 1: emit("csrwi frm, %d", (int)below(5)); break; /* only valid modes: dyn must not trap */
    case 2: emit("frflags %s", xn(rd_any())); break;
    case 3: emit("frcsr %s", xn(rd_any())); break;
    case 4: emit("csrwi fflags, %d", (int)below(32)); break;
    default: emit("csrrci %s, fflags, %d", xn(rd_any()), (int)below(32)); break;
    }
}

/* compressed forms: the assembler also compresses eligible base instructions by itself */
static void compressed(void)
{
    int r = rd_nonzero();
    switch (below(22)) {
    case 0: emit("c.addi %s, %d", xn(r), (int)(chance(50) ? range(1, 31) : range(-32, -1))); break;
    case 1: emit("c.li %s, %d", xn(r), (int)range(-32, 31)); break;
    case 2: {
        int rr;
        do
            rr = rd_nonzero();
        while (rr == 2);
        unsigned imm = chance(50) ? (unsigned)range(1, 31) : (unsigned)range(0xfffe0, 0xfffff);
        emit("c.lui %s, 0x%x", xn(rr), imm);
        break;
    }
    case 3: emit("c.addiw %s, %d", xn(r), (int)range(-32, 31)); break;
    case 4: emit("c.slli %s, %d", xn(r), (int)range(1, 63)); break;
    case 5: emit("c.srli %s, %d", xn(rc_reg()), (int)range(1, 63)); break;
    case 6: emit("c.srai %s, %d", xn(rc_reg()), (int)range(1, 63)); break;
    case 7: emit("c.andi %s, %d", xn(rc_reg()), (int)range(-32, 31)); break;
    case 8: emit("c.mv %s, %s", xn(r), xn(1 + below(31))); break;
    case 9: emit("c.add %s, %s", xn(r), xn(1 + below(31))); break;
    case 10: {
        static const char *ops[] = {"c.and", "c.or", "c.xor", "c.sub", "c.addw", "c.subw"};
        emit("%s %s, %s", ops[below(6)], xn(rc_reg()), xn(rc_reg()));
        break;
    }
    case 11: /* register-based loads/stores: point a compressible register into the buffer first */
    case 12:
    case 13: {
        int b = rc_reg();
        int d = chance(50), fp = chance(30), st = chance(50);
        int maxoff = d ? 248 : 124;
        emit("addi %s, s11, %d", xn(b), (int)(range(-2048, 2047 - maxoff - 8) / 8 * 8));
        int off = (int)(range(0, maxoff) / (d ? 8 : 4) * (d ? 8 : 4));
        if (fp && d)
            emit("%s %s, %d(%s)", st ? "c.fsd" : "c.fld", fn(frc()), off, xn(b));
        else if (st)
            emit("%s %s, %d(%s)", d ? "c.sd" : "c.sw", xn(rc_reg()), off, xn(b));
        else {
            emit("%s %s, %d(%s)", d ? "c.ld" : "c.lw", xn(rc_reg()), off, xn(b));
        }
        break;
    }
    case 14: /* sp-based loads/stores */
    case 15:
    case 16: {
        int d = chance(50), fp = chance(30), st = chance(50);
        int maxoff = d ? 504 : 252;
        emit("addi sp, s11, %d", (int)(range(-2048, 2047 - maxoff - 8) / 16 * 16));
        int off = (int)(range(0, maxoff) / (d ? 8 : 4) * (d ? 8 : 4));
        if (fp && d)
            emit("%s %s, %d(sp)", st ? "c.fsdsp" : "c.fldsp", fn(fr()), off);
        else if (st)
            emit("%s %s, %d(sp)", d ? "c.sdsp" : "c.swsp", xn(rs_any()), off);
        else
            emit("%s %s, %d(sp)", d ? "c.ldsp" : "c.lwsp", xn(rd_nonzero()), off);
        break;
    }
    case 17: emit("c.addi16sp sp, %d", (int)(chance(50) ? range(1, 31) : range(-32, -1)) * 16); break;
    case 18: emit("c.addi4spn %s, sp, %d", xn(rc_reg()), (int)range(1, 255) * 4); break;
    case 19: emit("c.nop"); break;
    default: /* plain instructions the assembler will compress */
        switch (below(4)) {
        case 0: emit("addi %s, %s, %d", xn(r), xn(r), (int)range(-32, 31)); break;
        case 1: emit("add %s, %s, %s", xn(r), xn(r), xn(1 + below(31))); break;
        case 2: emit("mv %s, %s", xn(r), xn(1 + below(31))); break;
        default: emit("li %s, %d", xn(r), (int)range(-32, 31)); break;
        }
        break;
    }
}

/* exactly one machine instruction (for the slot skipped by a forward branch) */
static void single(void)
{
    switch (below(5)) {
    case 0: alu_rr(); break;
    case 1: alu_imm(); break;
    case 2: muldiv(0); break;
    case 3: fp_arith(); break;
    default: loadstore(); break;
    }
}

static int label_no;
static void branch(void)
{
    static const char *ops[] = {"beq", "bne", "blt", "bge", "bltu", "bgeu"};
    int l = ++label_no;
    switch (below(8)) {
    case 0: emit("jal %s, .Lskip%d", xn(rd_any()), l); break;
    case 1: emit("c.j .Lskip%d", l); break;
    case 2: emit("%s %s, .Lskip%d", chance(50) ? "c.beqz" : "c.bnez", xn(rc_reg()), l); break;
    default: {
        int a = rs_any(), b = chance(20) ? a : rs_any();
        emit("%s %s, %s, .Lskip%d", ops[below(6)], xn(a), xn(b), l);
        break;
    }
    }
    single();
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

    fprintf(out, "# generated by tests/diff/rvgen %" PRIu64 " %ld: do not edit\n", seed, count);
    fprintf(out, "# build: riscv64-linux-gnu-gcc -nostdlib -static -no-pie -march=rv64gc -mabi=lp64d -o t t.S\n");
    /* norelax: gp is never set up, so the linker must not turn "la" into gp-relative code */
    fprintf(out, "\t.option rvc\n\t.option norelax\n\t.text\n\t.globl _start\n_start:\n");

    /* ---- initial state */
    emit("la s11, scratch_mid");
    emit("li t0, 0x%x", (unsigned)(below(5) << 5 | below(32)));
    emit("fscsr t0");
    for (int f = 0; f < 32; f++) {
        if (chance(40)) {
            emit("li t0, 0x%" PRIx32, rand_float_bits());
            emit("fmv.w.x f%d, t0", f);
        } else {
            uint64_t b = rand_double_bits();
            if (b == 0 && chance(70)) { /* integral or half-integral double */
                double d = (double)range(-1000, 1000) * 0.5;
                memcpy(&b, &d, 8);
            }
            emit("li t0, 0x%" PRIx64, b);
            emit("fmv.d.x f%d, t0", f);
        }
    }
    for (int r = 1; r < 32; r++)
        if (r != BASE)
            emit("li %s, 0x%" PRIx64, xn(r), rand_int());

    /* ---- body */
    fprintf(out, "# ---- %ld random instructions\n", count);
    for (long i = 0; i < count; i++) {
        unsigned k = below(100);
        if (k < 14) alu_rr();
        else if (k < 26) alu_imm();
        else if (k < 36) muldiv(1);
        else if (k < 45) loadstore();
        else if (k < 52) atomic();
        else if (k < 68) fp_arith();
        else if (k < 78) fp_convert();
        else if (k < 81) fp_loadstore();
        else if (k < 84) csr_op();
        else if (k < 94) compressed();
        else branch();
    }

    /* ---- dump: x1..x31, f0..f31, fcsr, scratch checksum; s11 moves to the dump area */
    fprintf(out, "# ---- dump\n");
    emit("addi s11, s11, 2047");
    emit("addi s11, s11, 1"); /* s11 = scratch end = dump area */
    for (int r = 1; r < 32; r++)
        if (r != BASE)
            emit("sd %s, %d(s11)", xn(r), (r - 1) * 8);
    emit("addi t0, s11, -2048"); /* original s11 value */
    emit("sd t0, %d(s11)", (BASE - 1) * 8);
    for (int f = 0; f < 32; f++)
        emit("fsd f%d, %d(s11)", f, (31 + f) * 8);
    emit("frcsr t0");
    emit("sd t0, %d(s11)", 63 * 8);
    emit("addi t1, s11, -%d", SCRATCH / 2);
    emit("addi t1, t1, -%d", SCRATCH / 2); /* t1 = scratch start */
    emit("li t0, 0xcbf29ce484222325");
    emit("li t2, 0x100000001b3");
    fprintf(out, "1:\n");
    emit("ld t3, 0(t1)");
    emit("xor t0, t0, t3");
    emit("mul t0, t0, t2");
    emit("addi t1, t1, 8");
    emit("bne t1, s11, 1b");
    emit("sd t0, %d(s11)", 64 * 8);
    emit("li a7, 64");   /* write(1, dump, 520) */
    emit("li a0, 1");
    emit("mv a1, s11");
    emit("li a2, %d", 65 * 8);
    emit("ecall");
    emit("li a7, 94");   /* exit_group(0) */
    emit("li a0, 0");
    emit("ecall");

    /* ---- data: scratch buffer (seeded) followed by the dump area */
    fprintf(out, "\t.data\n\t.balign 16\nscratch:\n");
    for (int i = 0; i < SCRATCH / 8; i++) {
        if (i == SCRATCH / 16)
            fprintf(out, "scratch_mid:\n");
        fprintf(out, "\t.quad 0x%016" PRIx64 "\n", chance(20) ? rand_double_bits() : rnd());
    }
    fprintf(out, "dump:\n\t.zero %d\n", 65 * 8);
    if (out != stdout && fclose(out) != 0) {
        perror("close");
        return 1;
    }
    return 0;
}
