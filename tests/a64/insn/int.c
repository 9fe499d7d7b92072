/* A64 integer corner cases with hand-computed results: logical immediates, ADDS/SUBS/ADCS/SBCS flags, CCMP/CCMN, bitfield aliases, EXTR, CLS/RBIT, division. */
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <sys/mman.h>

#include "check.h"

#define M64 0x8000000000000000ull
#define P64 0x7fffffffffffffffull

/* r = insn(a, b) on X registers, f = NZCV afterwards */
/* (the flags in are set inside the asm from fin: the compiler may emit flag-setting code between statements) */
static uint64_t fin;
#define XOP(insn, a, b, r, f)                                                                                \
    __asm__ volatile("msr nzcv, %4\n\t" insn " %0, %2, %3\n\tmrs %1, nzcv\n\tlsr %1, %1, #28"           \
                     : "=&r"(r), "=&r"(f)                                                                    \
                     : "r"((uint64_t)(a)), "r"((uint64_t)(b)), "r"(fin << 28)                                \
                     : "cc")
#define WOP(insn, a, b, r, f)                                                                                \
    __asm__ volatile("msr nzcv, %4\n\t" insn " %w0, %w2, %w3\n\tmrs %1, nzcv\n\tlsr %1, %1, #28"        \
                     : "=&r"(r), "=&r"(f)                                                                    \
                     : "r"((uint64_t)(a)), "r"((uint64_t)(b)), "r"(fin << 28)                                \
                     : "cc")
#define CHK(insn, a, b, want_r, want_f)                                                                      \
    do {                                                                                                     \
        uint64_t r_, f_;                                                                                     \
        XOP(insn, a, b, r_, f_);                                                                             \
        EQ(r_, want_r);                                                                                      \
        EQ(f_, want_f);                                                                                      \
    } while (0)
#define CHKW(insn, a, b, want_r, want_f)                                                                     \
    do {                                                                                                     \
        uint64_t r_, f_;                                                                                     \
        WOP(insn, a, b, r_, f_);                                                                             \
        EQ(r_, want_r);                                                                                      \
        EQ(f_, want_f);                                                                                      \
    } while (0)

static void logical_immediates(void)
{
    uint64_t r;
#define LIMM(imm)                                                                                            \
    __asm__ volatile("mov %0, #" #imm : "=r"(r));                                                           \
    EQ(r, imm##ull)
    LIMM(0x5555555555555555);
    LIMM(0xaaaaaaaaaaaaaaaa);
    LIMM(0x0f0f0f0f0f0f0f0f);
    LIMM(0x00ff00ff00ff00ff);
    LIMM(0x0000ffff0000ffff);
    LIMM(0xffffffff00000000);
    LIMM(0x7ffffffffffffffe);
    LIMM(0x8000000000000001);
    LIMM(0x3c3c3c3c3c3c3c3c);
    LIMM(0xfffffffffffff000);
    LIMM(0x00000000000ffff0);
    LIMM(0xe00000000000003f);
#undef LIMM
    /* 32-bit forms zero the upper half; ORR/EOR with a rotated pattern */
    __asm__ volatile("mov x0, #-1\n\torr w0, w0, #0x80000001\n\tmov %0, x0" : "=r"(r) : : "x0");
    EQ(r, 0xffffffffull);
    __asm__ volatile("mov x0, #0x1234\n\teor w0, w0, #0xffff0000\n\tmov %0, x0" : "=r"(r) : : "x0");
    EQ(r, 0xffff1234ull);
    __asm__ volatile("mov x0, #-1\n\tand w0, w0, #0x7ffffffe\n\tmov %0, x0" : "=r"(r) : : "x0");
    EQ(r, 0x7ffffffeull);
    /* raw encodings: AND X0, X1, #0x5555555555555555 (N=0 immr=0 imms=111100) */
    __asm__ volatile("mov x1, #-1\n\t.inst 0x92000020 | (0 << 22) | (0 << 16) | (0x3c << 10)\n\tmov %0, x0"
                     : "=r"(r) : : "x0", "x1");
    EQ(r, 0x5555555555555555ull);
    /* N=1 immr=63 imms=0: a single one rotated right by 63 = bit 1 */
    __asm__ volatile("mov x1, #-1\n\t.inst 0x92400020 | (63 << 16) | (0 << 10)\n\tmov %0, x0"
                     : "=r"(r) : : "x0", "x1");
    EQ(r, 2);
    /* ANDS sets N and Z, clears C and V */
    uint64_t f;
    __asm__ volatile("mov x1, #0xf0000000\n\tmsr nzcv, x1\n\tmov x1, #-1\n\tands x0, x1, #0x8000000000000000\n\tmrs %0, nzcv" : "=r"(f) : : "x0", "x1", "cc");
    EQ(f >> 28, 0x8);
    __asm__ volatile("mov x1, #0x30000000\n\tmsr nzcv, x1\n\tmov x1, #0xff\n\ttst w1, #0xff00\n\tmrs %0, nzcv" : "=r"(f) : : "x1", "cc");
    EQ(f >> 28, 0x4);
}

static void add_sub_flags(void)
{
    /* ADDS: signed overflow into INT64_MIN, unsigned carry out to zero, both */
    CHK("adds", P64, 1, M64, 0x9);
    CHK("adds", M64, M64, 0, 0x7);
    CHK("adds", ~0ull, 1, 0, 0x6);
    CHK("adds", 1, 1, 2, 0x0);
    CHK("adds", ~0ull, ~0ull, ~1ull, 0xa);
    CHK("adds", M64, ~0ull, P64, 0x3);
    /* SUBS: C is NOT borrow */
    CHK("subs", 0, 1, ~0ull, 0x8);
    CHK("subs", M64, 1, P64, 0x3);
    CHK("subs", 5, 5, 0, 0x6);
    CHK("subs", P64, ~0ull, M64, 0x9);
    CHK("subs", 0, M64, M64, 0x9);
    CHK("subs", M64, M64, 0, 0x6);
    CHK("subs", 1, 0, 1, 0x2);
    /* 32-bit forms: flags from bit 31, results zero-extended */
    CHKW("adds", 0x7fffffff, 1, 0x80000000ull, 0x9);
    CHKW("adds", 0xffffffff, 1, 0, 0x6);
    CHKW("subs", 0x80000000, 1, 0x7fffffff, 0x3);
    CHKW("subs", 0, 1, 0xffffffffull, 0x8);
    CHKW("adds", 0xffffffff00000001ull, 0xffffffff, 0, 0x6); /* upper halves ignored */
    /* ADCS/SBCS with the carry in */
    uint64_t r, f;
    fin = 0x2;
    XOP("adcs", ~0ull, 0, r, f);
    EQ(r, 0);
    EQ(f, 0x6);
    fin = 0x2;
    XOP("adcs", P64, 0, r, f);
    EQ(r, M64);
    EQ(f, 0x9);
    fin = 0x0;
    XOP("adcs", P64, 0, r, f);
    EQ(r, P64);
    EQ(f, 0x0);
    fin = 0x0;
    XOP("sbcs", 5, 3, r, f);
    EQ(r, 1);
    EQ(f, 0x2);
    fin = 0x0;
    XOP("sbcs", 0, 0, r, f);
    EQ(r, ~0ull);
    EQ(f, 0x8);
    fin = 0x2;
    XOP("sbcs", 0, 0, r, f);
    EQ(r, 0);
    EQ(f, 0x6);
    fin = 0x0;
    WOP("sbcs", 0x80000000, 0, r, f);
    EQ(r, 0x7fffffff);
    EQ(f, 0x3);
    __asm__ volatile("mov x1, #0x20000000\n\tmsr nzcv, x1\n\tmov x1, #5\n\tmov x2, #7\n\tadc %0, x1, x2" : "=r"(r) : : "x1", "x2", "cc");
    EQ(r, 13);
    /* NEGS / CMN / CMP aliases */
    __asm__ volatile("mov x1, #0x8000000000000000\n\tnegs %0, x1\n\tmrs %1, nzcv" : "=r"(r), "=r"(f) : : "x1", "cc");
    EQ(r, M64);
    EQ(f >> 28, 0x9);
    __asm__ volatile("negs %0, xzr\n\tmrs %1, nzcv" : "=r"(r), "=r"(f) : : "cc");
    EQ(r, 0);
    EQ(f >> 28, 0x6);
    __asm__ volatile("mov x1, #-1\n\tcmn x1, #1\n\tmrs %0, nzcv" : "=r"(f) : : "x1", "cc");
    EQ(f >> 28, 0x6);
    __asm__ volatile("mov x1, #0x1000\n\tcmp x1, #1, lsl #12\n\tmrs %0, nzcv" : "=r"(f) : : "x1", "cc");
    EQ(f >> 28, 0x6);
    /* extended register with SP-relative base and sign extension */
    __asm__ volatile("mov x1, #-3\n\tmov x2, #100\n\tadd %0, x2, w1, sxtw #2" : "=r"(r) : : "x1", "x2");
    EQ(r, 88);
    __asm__ volatile("mov x1, #-3\n\tmov x2, #100\n\tadd %0, x2, w1, uxtw" : "=r"(r) : : "x1", "x2");
    EQ(r, 100 + 0xfffffffdull);
    __asm__ volatile("mov x1, #0x1ff\n\tmov x2, #0\n\tsubs %0, x2, w1, uxtb #1\n\tmrs %1, nzcv" : "=r"(r), "=r"(f) : : "x1", "x2", "cc");
    EQ(r, (uint64_t)-510);
    EQ(f >> 28, 0x8);
    /* shifted register: ASR of a negative, ROR in logical ops */
    __asm__ volatile("mov x1, #0x8000000000000000\n\tmov x2, #1\n\tadd %0, x2, x1, asr #63" : "=r"(r) : : "x1", "x2");
    EQ(r, 0);
    __asm__ volatile("mov x1, #1\n\tmov x2, #0\n\torr %0, x2, x1, ror #1" : "=r"(r) : : "x1", "x2");
    EQ(r, M64);
    __asm__ volatile("mov x1, #1\n\tmov x2, #0\n\torn %w0, w2, w1, ror #1" : "=r"(r) : : "x1", "x2");
    EQ(r, 0x7fffffffull);
}

static void cond_ops(void)
{
    uint64_t f, r;
    /* CCMP: condition true -> compare; false -> the immediate flags */
    __asm__ volatile("cmp xzr, xzr\n\tmov x1, #1\n\tmov x2, #2\n\tccmp x1, x2, #0x2, eq\n\tmrs %0, nzcv" : "=r"(f) : : "x1", "x2", "cc");
    EQ(f >> 28, 0x8);
    __asm__ volatile("cmp xzr, xzr\n\tmov x1, #1\n\tmov x2, #2\n\tccmp x1, x2, #0x2, ne\n\tmrs %0, nzcv" : "=r"(f) : : "x1", "x2", "cc");
    EQ(f >> 28, 0x2);
    __asm__ volatile("cmp xzr, xzr\n\tmov x1, #-1\n\tccmn x1, #1, #0x0, eq\n\tmrs %0, nzcv" : "=r"(f) : : "x1", "cc");
    EQ(f >> 28, 0x6);
    __asm__ volatile("mov x1, #0x7fffffff\n\tcmp x1, x1\n\tccmn w1, #1, #0x0, ge\n\tmrs %0, nzcv" : "=r"(f) : : "x1", "cc");
    EQ(f >> 28, 0x9);
    /* condition codes over every NZCV value: GT = !Z && N == V, HI = C && !Z, LS, GE, LT, LE */
    static const char *names[] = {"gt", "hi", "ls", "ge", "lt", "le"};
    uint16_t masks[6] = {0};
    for (unsigned v = 0; v < 16; v++) {
        int n = v >> 3 & 1, z = v >> 2 & 1, c = v >> 1 & 1, ov = v & 1;
        uint64_t got[6];
        set_nzcv(v);
        __asm__ volatile("cset %0, gt\n\tcset %1, hi\n\tcset %2, ls\n\tcset %3, ge\n\tcset %4, lt\n\tcset %5, le"
                         : "=r"(got[0]), "=r"(got[1]), "=r"(got[2]), "=r"(got[3]), "=r"(got[4]), "=r"(got[5]));
        int want[6] = {!z && n == ov, c && !z, !(c && !z), n == ov, n != ov, !(!z && n == ov)};
        for (int i = 0; i < 6; i++)
            if ((int)got[i] != want[i])
                masks[i] |= (uint16_t)(1u << v);
    }
    for (int i = 0; i < 6; i++) {
        if (masks[i])
            printf("condition %s wrong for NZCV mask 0x%x\n", names[i], masks[i]);
        EQ(masks[i], 0);
    }
    /* CSINC/CSINV/CSNEG and aliases */
    /* (flags set inside each asm: the compiler may put flag-setting code between statements) */
#define Z_SET "mov x9, #0x40000000\n\tmsr nzcv, x9\n\t"
    __asm__ volatile(Z_SET "mov x1, #10\n\tmov x2, #20\n\tcsneg %0, x1, x2, ne" : "=r"(r) : : "x1", "x2", "x9", "cc");
    EQ(r, (uint64_t)-20);
    __asm__ volatile(Z_SET "mov x1, #10\n\tcinc %w0, w1, eq" : "=r"(r) : : "x1", "x9", "cc");
    EQ(r, 11);
    __asm__ volatile(Z_SET "csetm %w0, eq" : "=r"(r) : : "x9", "cc");
    EQ(r, 0xffffffffull);
    __asm__ volatile(Z_SET "mov x2, #0\n\tcsinv %0, x2, x2, ne" : "=r"(r) : : "x2", "x9", "cc");
    EQ(r, ~0ull);
}

static void bitfields(void)
{
    uint64_t r, x = 0x123456789abcdef0ull;
#define BF(insn, src, want)                                                                                  \
    __asm__ volatile(insn : "=r"(r) : "r"((uint64_t)(src)));                                                \
    EQ(r, want)
    BF("lsl %0, %1, #4", x, 0x23456789abcdef00ull);
    BF("lsr %0, %1, #60", x, 0x1);
    BF("asr %0, %1, #63", M64, ~0ull);
    BF("ubfx %0, %1, #8, #12", x, 0xcde);
    BF("sbfx %0, %1, #4, #8", x, 0xffffffffffffffefull);
    BF("ubfiz %0, %1, #16, #8", x, 0xf00000);
    BF("sbfiz %0, %1, #60, #4", 0xf, 0xf000000000000000ull);
    BF("sbfiz %0, %1, #1, #63", M64, 0);
    BF("sxtb %0, %w1", 0x80, 0xffffffffffffff80ull);
    BF("sxtb %w0, %w1", 0x80, 0xffffff80ull);
    BF("sxth %0, %w1", 0x8000, 0xffffffffffff8000ull);
    BF("sxtw %0, %w1", 0x80000000, 0xffffffff80000000ull);
    BF("uxtb %w0, %w1", 0x1ff, 0xff);
    BF("uxth %w0, %w1", 0x1ffff, 0xffff);
    BF("lsr %w0, %w1, #31", 0xffffffff80000000ull, 1);
    BF("asr %w0, %w1, #31", 0x80000000, 0xffffffffull);
    BF("lsl %w0, %w1, #31", 3, 0x80000000ull);
    BF("ubfm %w0, %w1, #28, #3", 0xab, 0xb0);
    BF("ubfm %0, %1, #0, #63", x, x);
    BF("sbfm %0, %1, #0, #0", 1, ~0ull);
    BF("sbfm %0, %1, #63, #63", M64, ~0ull);
    BF("ror %0, %1, #4", x, 0x0123456789abcdefull);
    BF("ror %w0, %w1, #8", 0x11223344, 0x44112233);
    BF("extr %0, %1, %1, #0", x, x);
    __asm__ volatile("mov x0, #-1\n\tmov x1, #0x12\n\tbfi x0, x1, #8, #8\n\tmov %0, x0" : "=r"(r) : : "x0", "x1");
    EQ(r, 0xffffffffffff12ffull);
    __asm__ volatile("mov x0, #0\n\tmov x1, #0xabc\n\tbfxil x0, x1, #4, #8\n\tmov %0, x0" : "=r"(r) : : "x0", "x1");
    EQ(r, 0xab);
    __asm__ volatile("mov x0, #-1\n\tmov x1, #0\n\tbfi w0, w1, #28, #4\n\tmov %0, x0" : "=r"(r) : : "x0", "x1");
    EQ(r, 0x0fffffffull); /* 32-bit BFM zeroes the upper half */
    __asm__ volatile("mov x1, #0x11\n\tmov x2, #0x8899\n\tmovk x2, #0x6677, lsl #16\n\tmovk x2, #0x4455, lsl #32\n\t"
                     "movk x2, #0x2233, lsl #48\n\textr %0, x1, x2, #8" : "=r"(r) : : "x1", "x2");
    EQ(r, 0x1122334455667788ull);
    __asm__ volatile("mov w1, #0xaaaa\n\tmovk w1, #0x1111, lsl #16\n\tmov w2, #0xbbbb\n\tmovk w2, #0x2222, lsl #16\n\t"
                     "extr %w0, w1, w2, #16" : "=r"(r) : : "x1", "x2");
    EQ(r, 0xaaaa2222ull);
    /* move wide */
    __asm__ volatile("movn %w0, #0x1234, lsl #16" : "=r"(r));
    EQ(r, 0xedcbffffull);
    __asm__ volatile("movn %0, #0x1234, lsl #48" : "=r"(r));
    EQ(r, 0xedcbffffffffffffull);
    __asm__ volatile("mov x0, #-1\n\tmovk w0, #0x5555, lsl #16\n\tmov %0, x0" : "=r"(r) : : "x0");
    EQ(r, 0x5555ffffull);
#undef BF
}

static void misc_ops(void)
{
    uint64_t r;
#define ONE(insn, src, want)                                                                                 \
    __asm__ volatile(insn : "=r"(r) : "r"((uint64_t)(src)));                                                \
    EQ(r, want)
    ONE("cls %0, %1", 0, 63);
    ONE("cls %0, %1", ~0ull, 63);
    ONE("cls %0, %1", 1, 62);
    ONE("cls %w0, %w1", 0xffff0000, 15);
    ONE("clz %0, %1", 0, 64);
    ONE("clz %w0, %w1", 0, 32);
    ONE("clz %0, %1", 1, 63);
    ONE("rbit %0, %1", 1, M64);
    ONE("rbit %w0, %w1", 0x3, 0xc0000000ull);
    ONE("rev %0, %1", 0x0102030405060708ull, 0x0807060504030201ull);
    ONE("rev32 %0, %1", 0x0102030405060708ull, 0x0403020108070605ull);
    ONE("rev16 %0, %1", 0x0102030405060708ull, 0x0201040306050807ull);
    ONE("rev %w0, %w1", 0xaabbccdd11223344ull, 0x44332211ull);
#undef ONE
    /* division: by zero gives 0, INT_MIN / -1 gives INT_MIN */
    __asm__ volatile("mov x1, #7\n\tudiv %0, x1, xzr" : "=r"(r) : : "x1");
    EQ(r, 0);
    __asm__ volatile("mov x1, #0x8000000000000000\n\tmov x2, #-1\n\tsdiv %0, x1, x2" : "=r"(r) : : "x1", "x2");
    EQ(r, M64);
    __asm__ volatile("mov w1, #0x80000000\n\tmov w2, #-1\n\tsdiv %w0, w1, w2" : "=r"(r) : : "x1", "x2");
    EQ(r, 0x80000000ull);
    __asm__ volatile("mov x1, #-7\n\tmov x2, #2\n\tsdiv %0, x1, x2" : "=r"(r) : : "x1", "x2");
    EQ(r, (uint64_t)-3);
    __asm__ volatile("mov x1, #-1\n\tmov x2, #-1\n\tsmulh %0, x1, x2" : "=r"(r) : : "x1", "x2");
    EQ(r, 0);
    __asm__ volatile("mov x1, #-1\n\tmov x2, #-1\n\tumulh %0, x1, x2" : "=r"(r) : : "x1", "x2");
    EQ(r, ~1ull);
    __asm__ volatile("mov w1, #-2\n\tmov w2, #3\n\tmov x3, #1\n\tsmaddl %0, w1, w2, x3" : "=r"(r) : : "x1", "x2", "x3");
    EQ(r, (uint64_t)-5);
    __asm__ volatile("mov w1, #-2\n\tmov w2, #3\n\tumull %0, w1, w2" : "=r"(r) : : "x1", "x2");
    EQ(r, 0x2fffffffaull);
    __asm__ volatile("mov x1, #65\n\tmov x2, #1\n\tlsl %0, x2, x1" : "=r"(r) : : "x1", "x2"); /* amount mod 64 */
    EQ(r, 2);
    __asm__ volatile("mov w1, #33\n\tmov w2, #-1\n\tasr %w0, w2, w1" : "=r"(r) : : "x1", "x2");
    EQ(r, 0xffffffffull);
    /* CRC32: the standard check value of "123456789" is 0xcbf43926 with pre/post inversion */
    const char *s = "123456789";
    uint32_t crc = 0xffffffff, crcc = 0xffffffff;
    for (int i = 0; i < 9; i++) {
        __asm__ volatile("crc32b %w0, %w0, %w1" : "+r"(crc) : "r"((uint32_t)s[i]));
        __asm__ volatile("crc32cb %w0, %w0, %w1" : "+r"(crcc) : "r"((uint32_t)s[i]));
    }
    EQ(~crc, 0xcbf43926u);
    EQ(~crcc, 0xe3069283u);
}

static sigjmp_buf jb;
static volatile int got_sig;
static void on_sig(int sig)
{
    got_sig = sig;
    siglongjmp(jb, 1);
}

static void reserved_encodings(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sig;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGILL, &sa, NULL);
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    /* AND W0, W1 with N=1 (32-bit); an all-ones element (N=1 imms=111111); N:NOT(imms) == 0; UDF #0;
       EXTR W with imms >= 32; UBFM W with immr >= 32; ADD (shifted) with ROR; MOVZ W with hw >= 2 */
    static const uint32_t bad[] = {0x12400020, 0x9240fc20, 0x9200fc20, 0x00000000, 0x13818020,
                                   0x53200020, 0x8bc00020, 0x52c00000};
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        code[0] = bad[i];
        code[1] = 0xd65f03c0; /* ret */
        __builtin___clear_cache((char *)code, (char *)(code + 2));
        got_sig = 0;
        if (!sigsetjmp(jb, 1))
            ((void (*)(void))code)();
        if (got_sig != SIGILL)
            printf("encoding 0x%08x did not raise SIGILL\n", bad[i]);
        EQ(got_sig, SIGILL);
    }
    munmap(code, 4096);
}

int main(void)
{
    logical_immediates();
    add_sub_flags();
    cond_ops();
    bitfields();
    misc_ops();
    reserved_encodings();
    return finish("int");
}
