/* riscv64 disassembler (RV64GC): table-driven decode of 32-bit words, RVC expansion, objdump-like text. */
#include "disasm.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------- */
/* Field helpers                                                             */
/* ------------------------------------------------------------------------- */

static uint32_t bits(uint32_t v, unsigned hi, unsigned lo)
{
    return (v >> lo) & ((1u << (hi - lo + 1)) - 1u);
}

/* Sign-extends the low `width` bits of v (width <= 32). */
static int64_t sext(uint64_t v, unsigned width)
{
    uint64_t m = 1ull << (width - 1);
    return (int64_t)(v & (m - 1u)) - (int64_t)(v & m);
}

static int64_t imm_i(uint32_t w) { return sext(w >> 20, 12); }
static int64_t imm_s(uint32_t w) { return sext((bits(w, 31, 25) << 5) | bits(w, 11, 7), 12); }

static int64_t imm_b(uint32_t w)
{
    uint32_t v = (bits(w, 31, 31) << 12) | (bits(w, 7, 7) << 11) |
                 (bits(w, 30, 25) << 5) | (bits(w, 11, 8) << 1);
    return sext(v, 13);
}

static int64_t imm_j(uint32_t w)
{
    uint32_t v = (bits(w, 31, 31) << 20) | (bits(w, 19, 12) << 12) |
                 (bits(w, 20, 20) << 11) | (bits(w, 30, 21) << 1);
    return sext(v, 21);
}

/* ------------------------------------------------------------------------- */
/* Instruction word builders (used by the RVC expander)                      */
/* ------------------------------------------------------------------------- */

enum {
    OPC_LOAD = 0x03, OPC_LOAD_FP = 0x07, OPC_OP_IMM = 0x13, OPC_OP_IMM32 = 0x1b,
    OPC_STORE = 0x23, OPC_STORE_FP = 0x27, OPC_OP = 0x33, OPC_LUI = 0x37,
    OPC_OP32 = 0x3b, OPC_BRANCH = 0x63, OPC_JALR = 0x67, OPC_JAL = 0x6f,
    OPC_SYSTEM = 0x73
};

static uint32_t mk_r(uint32_t op, uint32_t f3, uint32_t f7, uint32_t rd, uint32_t rs1, uint32_t rs2)
{
    return op | (rd << 7) | (f3 << 12) | (rs1 << 15) | (rs2 << 20) | (f7 << 25);
}

static uint32_t mk_i(uint32_t op, uint32_t f3, uint32_t rd, uint32_t rs1, int32_t imm)
{
    return op | (rd << 7) | (f3 << 12) | (rs1 << 15) | (((uint32_t)imm & 0xfffu) << 20);
}

static uint32_t mk_s(uint32_t op, uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return op | (bits(u, 4, 0) << 7) | (f3 << 12) | (rs1 << 15) | (rs2 << 20) | (bits(u, 11, 5) << 25);
}

static uint32_t mk_b(uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return OPC_BRANCH | (bits(u, 11, 11) << 7) | (bits(u, 4, 1) << 8) | (f3 << 12) |
           (rs1 << 15) | (rs2 << 20) | (bits(u, 10, 5) << 25) | (bits(u, 12, 12) << 31);
}

static uint32_t mk_j(uint32_t rd, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return OPC_JAL | (rd << 7) | (bits(u, 19, 12) << 12) | (bits(u, 11, 11) << 20) |
           (bits(u, 10, 1) << 21) | (bits(u, 20, 20) << 31);
}

/* ------------------------------------------------------------------------- */
/* RVC expansion                                                             */
/* ------------------------------------------------------------------------- */

enum cform {
    C_ADDI4SPN, C_FLD, C_LW, C_LD, C_FSD, C_SW, C_SD,
    C_ADDI, C_ADDIW, C_LI, C_ADDI16SP, C_LUI, C_SRLI, C_SRAI, C_ANDI,
    C_SUB, C_XOR, C_OR, C_AND, C_SUBW, C_ADDW, C_J, C_BEQZ, C_BNEZ,
    C_SLLI, C_FLDSP, C_LWSP, C_LDSP, C_JR, C_MV, C_EBREAK, C_JALR, C_ADD,
    C_FSDSP, C_SWSP, C_SDSP
};

struct crow { uint16_t mask, match; uint8_t form; };

/* First match wins, so the more specific patterns come first. */
static const struct crow ctab[] = {
    /* quadrant 0 */
    { 0xe003, 0x0000, C_ADDI4SPN }, { 0xe003, 0x2000, C_FLD }, { 0xe003, 0x4000, C_LW },
    { 0xe003, 0x6000, C_LD },       { 0xe003, 0xa000, C_FSD }, { 0xe003, 0xc000, C_SW },
    { 0xe003, 0xe000, C_SD },
    /* quadrant 1 */
    { 0xe003, 0x0001, C_ADDI },     { 0xe003, 0x2001, C_ADDIW }, { 0xe003, 0x4001, C_LI },
    { 0xef83, 0x6101, C_ADDI16SP }, { 0xe003, 0x6001, C_LUI },
    { 0xec03, 0x8001, C_SRLI },     { 0xec03, 0x8401, C_SRAI },  { 0xec03, 0x8801, C_ANDI },
    { 0xfc63, 0x8c01, C_SUB },      { 0xfc63, 0x8c21, C_XOR },   { 0xfc63, 0x8c41, C_OR },
    { 0xfc63, 0x8c61, C_AND },      { 0xfc63, 0x9c01, C_SUBW },  { 0xfc63, 0x9c21, C_ADDW },
    { 0xe003, 0xa001, C_J },        { 0xe003, 0xc001, C_BEQZ },  { 0xe003, 0xe001, C_BNEZ },
    /* quadrant 2 */
    { 0xe003, 0x0002, C_SLLI },     { 0xe003, 0x2002, C_FLDSP }, { 0xe003, 0x4002, C_LWSP },
    { 0xe003, 0x6002, C_LDSP },     { 0xffff, 0x9002, C_EBREAK },
    { 0xf07f, 0x8002, C_JR },       { 0xf003, 0x8002, C_MV },
    { 0xf07f, 0x9002, C_JALR },     { 0xf003, 0x9002, C_ADD },
    { 0xe003, 0xa002, C_FSDSP },    { 0xe003, 0xc002, C_SWSP },  { 0xe003, 0xe002, C_SDSP },
};

uint32_t rv_expand_compressed(uint16_t c)
{
    const struct crow *r = NULL;
    for (size_t i = 0; i < sizeof ctab / sizeof ctab[0]; i++) {
        if ((c & ctab[i].mask) == ctab[i].match) { r = &ctab[i]; break; }
    }
    if (!r) return 0;

    uint32_t w = c;
    uint32_t rd = bits(w, 11, 7);          /* full register fields (CI/CR/CSS) */
    uint32_t rs2 = bits(w, 6, 2);
    uint32_t rdp = 8 + bits(w, 4, 2);      /* rd'/rs2' in CIW/CL/CS */
    uint32_t rs1p = 8 + bits(w, 9, 7);     /* rs1'/rd' in CL/CS/CA/CB */
    int32_t imm6 = (int32_t)sext((bits(w, 12, 12) << 5) | bits(w, 6, 2), 6);
    uint32_t shamt = (bits(w, 12, 12) << 5) | bits(w, 6, 2);
    uint32_t uw = (bits(w, 12, 10) << 3) | (bits(w, 6, 6) << 2) | (bits(w, 5, 5) << 6);
    uint32_t ud = (bits(w, 12, 10) << 3) | (bits(w, 6, 5) << 6);
    uint32_t uimm;
    int32_t off;

    switch ((enum cform)r->form) {
    case C_ADDI4SPN:
        uimm = (bits(w, 10, 7) << 6) | (bits(w, 12, 11) << 4) | (bits(w, 5, 5) << 3) | (bits(w, 6, 6) << 2);
        return uimm ? mk_i(OPC_OP_IMM, 0, rdp, 2, (int32_t)uimm) : 0;
    case C_FLD: return mk_i(OPC_LOAD_FP, 3, rdp, rs1p, (int32_t)ud);
    case C_LW:  return mk_i(OPC_LOAD, 2, rdp, rs1p, (int32_t)uw);
    case C_LD:  return mk_i(OPC_LOAD, 3, rdp, rs1p, (int32_t)ud);
    case C_FSD: return mk_s(OPC_STORE_FP, 3, rs1p, rdp, (int32_t)ud);
    case C_SW:  return mk_s(OPC_STORE, 2, rs1p, rdp, (int32_t)uw);
    case C_SD:  return mk_s(OPC_STORE, 3, rs1p, rdp, (int32_t)ud);
    case C_ADDI: return mk_i(OPC_OP_IMM, 0, rd, rd, imm6);
    case C_ADDIW: return rd ? mk_i(OPC_OP_IMM32, 0, rd, rd, imm6) : 0;
    case C_LI:  return mk_i(OPC_OP_IMM, 0, rd, 0, imm6);
    case C_ADDI16SP:
        off = (int32_t)sext((bits(w, 12, 12) << 9) | (bits(w, 4, 3) << 7) | (bits(w, 5, 5) << 6) |
                            (bits(w, 2, 2) << 5) | (bits(w, 6, 6) << 4), 10);
        return off ? mk_i(OPC_OP_IMM, 0, 2, 2, off) : 0;
    case C_LUI:
        return imm6 ? (OPC_LUI | (rd << 7) | (((uint32_t)imm6 & 0xfffffu) << 12)) : 0;
    case C_SRLI: return mk_i(OPC_OP_IMM, 5, rs1p, rs1p, (int32_t)shamt);
    case C_SRAI: return mk_i(OPC_OP_IMM, 5, rs1p, rs1p, (int32_t)(shamt | 0x400));
    case C_ANDI: return mk_i(OPC_OP_IMM, 7, rs1p, rs1p, imm6);
    case C_SUB:  return mk_r(OPC_OP, 0, 0x20, rs1p, rs1p, rdp);
    case C_XOR:  return mk_r(OPC_OP, 4, 0, rs1p, rs1p, rdp);
    case C_OR:   return mk_r(OPC_OP, 6, 0, rs1p, rs1p, rdp);
    case C_AND:  return mk_r(OPC_OP, 7, 0, rs1p, rs1p, rdp);
    case C_SUBW: return mk_r(OPC_OP32, 0, 0x20, rs1p, rs1p, rdp);
    case C_ADDW: return mk_r(OPC_OP32, 0, 0, rs1p, rs1p, rdp);
    case C_J:
        off = (int32_t)sext((bits(w, 12, 12) << 11) | (bits(w, 8, 8) << 10) | (bits(w, 10, 9) << 8) |
                            (bits(w, 6, 6) << 7) | (bits(w, 7, 7) << 6) | (bits(w, 2, 2) << 5) |
                            (bits(w, 11, 11) << 4) | (bits(w, 5, 3) << 1), 12);
        return mk_j(0, off);
    case C_BEQZ:
    case C_BNEZ:
        off = (int32_t)sext((bits(w, 12, 12) << 8) | (bits(w, 6, 5) << 6) | (bits(w, 2, 2) << 5) |
                            (bits(w, 11, 10) << 3) | (bits(w, 4, 3) << 1), 9);
        return mk_b(r->form == C_BEQZ ? 0 : 1, rs1p, 0, off);
    case C_SLLI: return mk_i(OPC_OP_IMM, 1, rd, rd, (int32_t)shamt);
    case C_FLDSP:
    case C_LDSP:
        uimm = (bits(w, 12, 12) << 5) | (bits(w, 6, 5) << 3) | (bits(w, 4, 2) << 6);
        if (r->form == C_LDSP && rd == 0) return 0;
        return mk_i(r->form == C_LDSP ? OPC_LOAD : OPC_LOAD_FP, 3, rd, 2, (int32_t)uimm);
    case C_LWSP:
        uimm = (bits(w, 12, 12) << 5) | (bits(w, 6, 4) << 2) | (bits(w, 3, 2) << 6);
        return rd ? mk_i(OPC_LOAD, 2, rd, 2, (int32_t)uimm) : 0;
    case C_JR:   return rd ? mk_i(OPC_JALR, 0, 0, rd, 0) : 0;
    case C_MV:   return mk_r(OPC_OP, 0, 0, rd, 0, rs2);
    case C_EBREAK: return 0x00100073u;
    case C_JALR: return mk_i(OPC_JALR, 0, 1, rd, 0);
    case C_ADD:  return mk_r(OPC_OP, 0, 0, rd, rd, rs2);
    case C_FSDSP:
    case C_SDSP:
        uimm = (bits(w, 12, 10) << 3) | (bits(w, 9, 7) << 6);
        return mk_s(r->form == C_SDSP ? OPC_STORE : OPC_STORE_FP, 3, 2, rs2, (int32_t)uimm);
    case C_SWSP:
        uimm = (bits(w, 12, 9) << 2) | (bits(w, 8, 7) << 6);
        return mk_s(OPC_STORE, 2, 2, rs2, (int32_t)uimm);
    }
    return 0;
}

/* ------------------------------------------------------------------------- */
/* Operand kinds and formats                                                 */
/* ------------------------------------------------------------------------- */

enum opnd {
    O_END, O_XD, O_XS1, O_XS2, O_FD, O_FS1, O_FS2, O_FS3,
    O_IMM,      /* I-type immediate, signed decimal */
    O_SHAMT,    /* shift amount bits 25:20, hex */
    O_UPPER,    /* U-type 20-bit immediate, hex */
    O_MEM_I,    /* imm(rs1) with the I-type immediate */
    O_MEM_S,    /* imm(rs1) with the S-type immediate */
    O_MEM_0,    /* (rs1) */
    O_BTARGET,  /* pc + B-type offset */
    O_JTARGET,  /* pc + J-type offset */
    O_CSR,      /* csr number, by name when known */
    O_ZIMM,     /* 5-bit unsigned immediate in the rs1 field, decimal */
    O_RM,       /* rounding mode, omitted when dyn */
    O_RM_EXACT, /* rounding mode of an exact conversion, omitted when rne */
    O_PRED, O_SUCC
};

enum fmt {
    F_NONE, F_R, F_I, F_SH, F_U, F_LOAD, F_STORE, F_BR, F_BR_S1, F_BR_S2, F_JAL, F_J, F_MEM,
    F_S1, F_S1S2, F_D, F_DS1, F_DS2, F_DI, F_FENCE, F_CSR, F_CSRI, F_DCSR, F_CSRS1, F_CSRZ,
    F_DZ, F_AMO, F_LR, F_FLOAD, F_FSTORE, F_F3RM, F_F3, F_F2, F_F2RM, F_F2RMX, F_F4RM,
    F_XF, F_XFRM, F_FX, F_FXRM, F_FXRMX, F_XFF, F_COUNT
};

static const uint8_t fmt_ops[F_COUNT][6] = {
    [F_NONE]   = { O_END },
    [F_R]      = { O_XD, O_XS1, O_XS2 },
    [F_I]      = { O_XD, O_XS1, O_IMM },
    [F_SH]     = { O_XD, O_XS1, O_SHAMT },
    [F_U]      = { O_XD, O_UPPER },
    [F_LOAD]   = { O_XD, O_MEM_I },
    [F_STORE]  = { O_XS2, O_MEM_S },
    [F_BR]     = { O_XS1, O_XS2, O_BTARGET },
    [F_BR_S1]  = { O_XS1, O_BTARGET },
    [F_BR_S2]  = { O_XS2, O_BTARGET },
    [F_JAL]    = { O_XD, O_JTARGET },
    [F_J]      = { O_JTARGET },
    [F_MEM]    = { O_MEM_I },
    [F_S1]     = { O_XS1 },
    [F_S1S2]   = { O_XS1, O_XS2 },
    [F_D]      = { O_XD },
    [F_DS1]    = { O_XD, O_XS1 },
    [F_DS2]    = { O_XD, O_XS2 },
    [F_DI]     = { O_XD, O_IMM },
    [F_FENCE]  = { O_PRED, O_SUCC },
    [F_CSR]    = { O_XD, O_CSR, O_XS1 },
    [F_CSRI]   = { O_XD, O_CSR, O_ZIMM },
    [F_DCSR]   = { O_XD, O_CSR },
    [F_CSRS1]  = { O_CSR, O_XS1 },
    [F_CSRZ]   = { O_CSR, O_ZIMM },
    [F_DZ]     = { O_XD, O_ZIMM },
    [F_AMO]    = { O_XD, O_XS2, O_MEM_0 },
    [F_LR]     = { O_XD, O_MEM_0 },
    [F_FLOAD]  = { O_FD, O_MEM_I },
    [F_FSTORE] = { O_FS2, O_MEM_S },
    [F_F3RM]   = { O_FD, O_FS1, O_FS2, O_RM },
    [F_F3]     = { O_FD, O_FS1, O_FS2 },
    [F_F2]     = { O_FD, O_FS1 },
    [F_F2RM]   = { O_FD, O_FS1, O_RM },
    [F_F2RMX]  = { O_FD, O_FS1, O_RM_EXACT },
    [F_F4RM]   = { O_FD, O_FS1, O_FS2, O_FS3, O_RM },
    [F_XF]     = { O_XD, O_FS1 },
    [F_XFRM]   = { O_XD, O_FS1, O_RM },
    [F_FX]     = { O_FD, O_XS1 },
    [F_FXRM]   = { O_FD, O_XS1, O_RM },
    [F_FXRMX]  = { O_FD, O_XS1, O_RM_EXACT },
    [F_XFF]    = { O_XD, O_FS1, O_FS2 },
};

/* ------------------------------------------------------------------------- */
/* The 32-bit instruction table                                              */
/* ------------------------------------------------------------------------- */

/* Row flags. */
enum {
    R_AQRL = 1,   /* append .aq/.rl/.aqrl from bits 26:25 */
    R_SAME = 2,   /* only when rs1 == rs2 (fmv/fneg/fabs) */
    R_RVC = 4     /* only when the word came from a compressed instruction */
};

struct row { uint32_t mask, match; const char *name; uint8_t fmt, flags; };

/* Match/mask construction. */
#define F3(x)   ((uint32_t)(x) << 12)
#define F7(x)   ((uint32_t)(x) << 25)
#define RD(x)   ((uint32_t)(x) << 7)
#define RS1(x)  ((uint32_t)(x) << 15)
#define RS2(x)  ((uint32_t)(x) << 20)
#define IMM(x)  (((uint32_t)(x) & 0xfffu) << 20)
#define M_OP    0x0000007fu
#define M_RD    0x00000f80u
#define M_F3    0x0000707fu                 /* opcode + funct3 */
#define M_RS1   0x000f8000u
#define M_RS2   0x01f00000u
#define M_IMM   0xfff00000u
#define M_F7    (M_F3 | 0xfe000000u)        /* R-type: funct7 + funct3 + opcode */
#define M_F6    (M_F3 | 0xfc000000u)        /* RV64 immediate shifts */
#define M_AMO   (M_F3 | 0xf8000000u)        /* funct5 + funct3 + opcode, aq/rl free */
#define M_FP    (M_OP | 0xfe000000u)        /* funct7 + opcode, rm free */
#define M_R4    (M_OP | 0x06000000u)        /* fused multiply-add: fmt + opcode */
#define M_ALL   0xffffffffu

/* Generators for families sharing a layout. */
#define ALU(n, f7, f3)      { M_F7, F7(f7) | F3(f3) | 0x33, n, F_R, 0 }
#define ALUW(n, f7, f3)     { M_F7, F7(f7) | F3(f3) | 0x3b, n, F_R, 0 }
#define AMO(n, f5, f3)      { M_AMO, F7((f5) << 2) | F3(f3) | 0x2f, n, F_AMO, R_AQRL }
#define FP(n, f7, f, fl)    { M_FP, F7(f7) | 0x53, n, f, fl }
#define FPR2(n, f7, r2, f)  { M_FP | M_RS2, F7(f7) | RS2(r2) | 0x53, n, f, 0 }
#define FPF3(n, f7, f3, f, fl) { M_F7, F7(f7) | F3(f3) | 0x53, n, f, fl }
#define FPX(n, f7, r2, f3, f) { M_F7 | M_RS2, F7(f7) | RS2(r2) | F3(f3) | 0x53, n, f, 0 }
#define R4(n, op, fmt)      { M_R4, F7(fmt) | (op), n, F_F4RM, 0 }
#define CSRNAME(n, csr, f3, fm) { M_F3 | M_IMM | M_RS1, IMM(csr) | F3(f3) | 0x73, n, fm, 0 }

/* First match wins: aliases precede the instruction they rename. */
static const struct row itab[] = {
    /* --- SYSTEM (privileged, environment) --- */
    { M_ALL, 0x00000073, "ecall", F_NONE, 0 },
    { M_ALL, 0x00100073, "ebreak", F_NONE, 0 },
    { M_ALL, 0xc0001073, "unimp", F_NONE, 0 },
    { M_ALL, 0x10200073, "sret", F_NONE, 0 },
    { M_ALL, 0x30200073, "mret", F_NONE, 0 },
    { M_ALL, 0x10500073, "wfi", F_NONE, 0 },
    { M_ALL, 0x12000073, "sfence.vma", F_NONE, 0 },
    { M_F7 | M_RD | M_RS2, F7(0x09) | 0x73, "sfence.vma", F_S1, 0 },
    { M_F7 | M_RD, F7(0x09) | 0x73, "sfence.vma", F_S1S2, 0 },

    /* --- Zicsr --- */
    CSRNAME("frflags", 0x001, 2, F_D),
    CSRNAME("frrm", 0x002, 2, F_D),
    CSRNAME("frcsr", 0x003, 2, F_D),
    CSRNAME("rdcycle", 0xc00, 2, F_D),
    CSRNAME("rdtime", 0xc01, 2, F_D),
    CSRNAME("rdinstret", 0xc02, 2, F_D),
    { M_F3 | M_RS1, F3(2) | 0x73, "csrr", F_DCSR, 0 },
    { M_F3 | M_RD, F3(2) | 0x73, "csrs", F_CSRS1, 0 },
    { M_F3, F3(2) | 0x73, "csrrs", F_CSR, 0 },
    { M_F3 | M_IMM | M_RD, IMM(0x001) | F3(1) | 0x73, "fsflags", F_S1, 0 },
    { M_F3 | M_IMM | M_RD, IMM(0x002) | F3(1) | 0x73, "fsrm", F_S1, 0 },
    { M_F3 | M_IMM | M_RD, IMM(0x003) | F3(1) | 0x73, "fscsr", F_S1, 0 },
    { M_F3 | M_IMM, IMM(0x001) | F3(1) | 0x73, "fsflags", F_DS1, 0 },
    { M_F3 | M_IMM, IMM(0x002) | F3(1) | 0x73, "fsrm", F_DS1, 0 },
    { M_F3 | M_IMM, IMM(0x003) | F3(1) | 0x73, "fscsr", F_DS1, 0 },
    { M_F3 | M_RD, F3(1) | 0x73, "csrw", F_CSRS1, 0 },
    { M_F3, F3(1) | 0x73, "csrrw", F_CSR, 0 },
    { M_F3 | M_RD, F3(3) | 0x73, "csrc", F_CSRS1, 0 },
    { M_F3, F3(3) | 0x73, "csrrc", F_CSR, 0 },
    { M_F3 | M_IMM, IMM(0x001) | F3(5) | 0x73, "fsflagsi", F_DZ, 0 },
    { M_F3 | M_IMM, IMM(0x002) | F3(5) | 0x73, "fsrmi", F_DZ, 0 },
    { M_F3 | M_RD, F3(5) | 0x73, "csrwi", F_CSRZ, 0 },
    { M_F3, F3(5) | 0x73, "csrrwi", F_CSRI, 0 },
    { M_F3 | M_RD, F3(6) | 0x73, "csrsi", F_CSRZ, 0 },
    { M_F3, F3(6) | 0x73, "csrrsi", F_CSRI, 0 },
    { M_F3 | M_RD, F3(7) | 0x73, "csrci", F_CSRZ, 0 },
    { M_F3, F3(7) | 0x73, "csrrci", F_CSRI, 0 },

    /* --- MISC-MEM --- */
    { M_ALL, 0x8330000f, "fence.tso", F_NONE, 0 },
    { M_ALL, 0x0100000f, "pause", F_NONE, 0 },
    { M_ALL, 0x0ff0000f, "fence", F_NONE, 0 },
    { 0xf00fffffu, 0x0000000f, "fence", F_FENCE, 0 },
    { M_ALL, 0x0000100f, "fence.i", F_NONE, 0 },

    /* --- LUI / AUIPC / JAL / JALR --- */
    { M_OP, 0x37, "lui", F_U, 0 },
    { M_OP, 0x17, "auipc", F_U, 0 },
    { M_OP | M_RD, RD(0) | 0x6f, "j", F_J, 0 },
    { M_OP | M_RD, RD(1) | 0x6f, "jal", F_J, 0 },
    { M_OP, 0x6f, "jal", F_JAL, 0 },
    { M_ALL, 0x00008067, "ret", F_NONE, 0 },
    { M_F3 | M_RD | M_IMM, 0x67, "jr", F_S1, 0 },
    { M_F3 | M_RD | M_IMM, RD(1) | 0x67, "jalr", F_S1, 0 },
    { M_F3 | M_RD, 0x67, "jr", F_MEM, 0 },
    { M_F3 | M_RD, RD(1) | 0x67, "jalr", F_MEM, 0 },
    { M_F3 | M_IMM, 0x67, "jalr", F_DS1, 0 },
    { M_F3, 0x67, "jalr", F_LOAD, 0 },

    /* --- BRANCH --- */
    { M_F3 | M_RS2, F3(0) | 0x63, "beqz", F_BR_S1, 0 },
    { M_F3 | M_RS2, F3(1) | 0x63, "bnez", F_BR_S1, 0 },
    { M_F3 | M_RS1, F3(5) | 0x63, "blez", F_BR_S2, 0 },
    { M_F3 | M_RS2, F3(5) | 0x63, "bgez", F_BR_S1, 0 },
    { M_F3 | M_RS2, F3(4) | 0x63, "bltz", F_BR_S1, 0 },
    { M_F3 | M_RS1, F3(4) | 0x63, "bgtz", F_BR_S2, 0 },
    { M_F3, F3(0) | 0x63, "beq", F_BR, 0 },
    { M_F3, F3(1) | 0x63, "bne", F_BR, 0 },
    { M_F3, F3(4) | 0x63, "blt", F_BR, 0 },
    { M_F3, F3(5) | 0x63, "bge", F_BR, 0 },
    { M_F3, F3(6) | 0x63, "bltu", F_BR, 0 },
    { M_F3, F3(7) | 0x63, "bgeu", F_BR, 0 },

    /* --- LOAD / STORE --- */
    { M_F3, F3(0) | 0x03, "lb", F_LOAD, 0 },
    { M_F3, F3(1) | 0x03, "lh", F_LOAD, 0 },
    { M_F3, F3(2) | 0x03, "lw", F_LOAD, 0 },
    { M_F3, F3(3) | 0x03, "ld", F_LOAD, 0 },
    { M_F3, F3(4) | 0x03, "lbu", F_LOAD, 0 },
    { M_F3, F3(5) | 0x03, "lhu", F_LOAD, 0 },
    { M_F3, F3(6) | 0x03, "lwu", F_LOAD, 0 },
    { M_F3, F3(0) | 0x23, "sb", F_STORE, 0 },
    { M_F3, F3(1) | 0x23, "sh", F_STORE, 0 },
    { M_F3, F3(2) | 0x23, "sw", F_STORE, 0 },
    { M_F3, F3(3) | 0x23, "sd", F_STORE, 0 },

    /* --- OP-IMM --- */
    { M_ALL, 0x00000013, "nop", F_NONE, 0 },
    { M_F3 | M_RS1, F3(0) | 0x13, "li", F_DI, 0 },
    { M_F3 | M_IMM, F3(0) | 0x13, "mv", F_DS1, 0 },
    { M_F3, F3(0) | 0x13, "addi", F_I, 0 },
    { M_F3, F3(2) | 0x13, "slti", F_I, 0 },
    { M_F3 | M_IMM, IMM(1) | F3(3) | 0x13, "seqz", F_DS1, 0 },
    { M_F3, F3(3) | 0x13, "sltiu", F_I, 0 },
    { M_F3 | M_IMM, IMM(-1) | F3(4) | 0x13, "not", F_DS1, 0 },
    { M_F3, F3(4) | 0x13, "xori", F_I, 0 },
    { M_F3, F3(6) | 0x13, "ori", F_I, 0 },
    { M_F3 | M_IMM, IMM(0xff) | F3(7) | 0x13, "zext.b", F_DS1, 0 },
    { M_F3, F3(7) | 0x13, "andi", F_I, 0 },
    { M_F6, F3(1) | 0x13, "slli", F_SH, 0 },
    { M_F6, F3(5) | 0x13, "srli", F_SH, 0 },
    { M_F6, F7(0x20) | F3(5) | 0x13, "srai", F_SH, 0 },

    /* --- OP-IMM-32 --- */
    { M_F3 | M_IMM, F3(0) | 0x1b, "sext.w", F_DS1, 0 },
    { M_F3, F3(0) | 0x1b, "addiw", F_I, 0 },
    { M_F7, F3(1) | 0x1b, "slliw", F_SH, 0 },
    { M_F7, F3(5) | 0x1b, "srliw", F_SH, 0 },
    { M_F7, F7(0x20) | F3(5) | 0x1b, "sraiw", F_SH, 0 },

    /* --- OP (I and M) --- */
    { M_F7 | M_RS1, F7(0x20) | 0x33, "neg", F_DS2, 0 },
    { M_F7 | M_RS1, F3(3) | 0x33, "snez", F_DS2, 0 },
    { M_F7 | M_RS2, F3(2) | 0x33, "sltz", F_DS1, 0 },
    { M_F7 | M_RS1, F3(2) | 0x33, "sgtz", F_DS2, 0 },
    { M_F7 | M_RS1, 0x33, "mv", F_DS2, R_RVC },
    ALU("add", 0, 0), ALU("sub", 0x20, 0), ALU("sll", 0, 1), ALU("slt", 0, 2),
    ALU("sltu", 0, 3), ALU("xor", 0, 4), ALU("srl", 0, 5), ALU("sra", 0x20, 5),
    ALU("or", 0, 6), ALU("and", 0, 7),
    ALU("mul", 1, 0), ALU("mulh", 1, 1), ALU("mulhsu", 1, 2), ALU("mulhu", 1, 3),
    ALU("div", 1, 4), ALU("divu", 1, 5), ALU("rem", 1, 6), ALU("remu", 1, 7),

    /* --- OP-32 --- */
    { M_F7 | M_RS1, F7(0x20) | 0x3b, "negw", F_DS2, 0 },
    ALUW("addw", 0, 0), ALUW("subw", 0x20, 0), ALUW("sllw", 0, 1), ALUW("srlw", 0, 5),
    ALUW("sraw", 0x20, 5), ALUW("mulw", 1, 0), ALUW("divw", 1, 4), ALUW("divuw", 1, 5),
    ALUW("remw", 1, 6), ALUW("remuw", 1, 7),

    /* --- A --- */
    { M_AMO | M_RS2, F7(0x02 << 2) | F3(2) | 0x2f, "lr.w", F_LR, R_AQRL },
    { M_AMO | M_RS2, F7(0x02 << 2) | F3(3) | 0x2f, "lr.d", F_LR, R_AQRL },
    AMO("sc.w", 0x03, 2),       AMO("sc.d", 0x03, 3),
    AMO("amoswap.w", 0x01, 2),  AMO("amoswap.d", 0x01, 3),
    AMO("amoadd.w", 0x00, 2),   AMO("amoadd.d", 0x00, 3),
    AMO("amoxor.w", 0x04, 2),   AMO("amoxor.d", 0x04, 3),
    AMO("amoand.w", 0x0c, 2),   AMO("amoand.d", 0x0c, 3),
    AMO("amoor.w", 0x08, 2),    AMO("amoor.d", 0x08, 3),
    AMO("amomin.w", 0x10, 2),   AMO("amomin.d", 0x10, 3),
    AMO("amomax.w", 0x14, 2),   AMO("amomax.d", 0x14, 3),
    AMO("amominu.w", 0x18, 2),  AMO("amominu.d", 0x18, 3),
    AMO("amomaxu.w", 0x1c, 2),  AMO("amomaxu.d", 0x1c, 3),

    /* --- F / D loads and stores --- */
    { M_F3, F3(2) | 0x07, "flw", F_FLOAD, 0 },
    { M_F3, F3(3) | 0x07, "fld", F_FLOAD, 0 },
    { M_F3, F3(2) | 0x27, "fsw", F_FSTORE, 0 },
    { M_F3, F3(3) | 0x27, "fsd", F_FSTORE, 0 },

    /* --- fused multiply-add (fmt 0 = S, 1 = D) --- */
    R4("fmadd.s", 0x43, 0), R4("fmsub.s", 0x47, 0), R4("fnmsub.s", 0x4b, 0), R4("fnmadd.s", 0x4f, 0),
    R4("fmadd.d", 0x43, 1), R4("fmsub.d", 0x47, 1), R4("fnmsub.d", 0x4b, 1), R4("fnmadd.d", 0x4f, 1),

    /* --- OP-FP, single precision --- */
    FP("fadd.s", 0x00, F_F3RM, 0), FP("fsub.s", 0x04, F_F3RM, 0),
    FP("fmul.s", 0x08, F_F3RM, 0), FP("fdiv.s", 0x0c, F_F3RM, 0),
    FPR2("fsqrt.s", 0x2c, 0, F_F2RM),
    FPF3("fmv.s", 0x10, 0, F_F2, R_SAME), FPF3("fneg.s", 0x10, 1, F_F2, R_SAME),
    FPF3("fabs.s", 0x10, 2, F_F2, R_SAME),
    FPF3("fsgnj.s", 0x10, 0, F_F3, 0), FPF3("fsgnjn.s", 0x10, 1, F_F3, 0),
    FPF3("fsgnjx.s", 0x10, 2, F_F3, 0),
    FPF3("fmin.s", 0x14, 0, F_F3, 0), FPF3("fmax.s", 0x14, 1, F_F3, 0),
    FPR2("fcvt.w.s", 0x60, 0, F_XFRM), FPR2("fcvt.wu.s", 0x60, 1, F_XFRM),
    FPR2("fcvt.l.s", 0x60, 2, F_XFRM), FPR2("fcvt.lu.s", 0x60, 3, F_XFRM),
    FPX("fmv.x.w", 0x70, 0, 0, F_XF), FPX("fclass.s", 0x70, 0, 1, F_XF),
    FPF3("feq.s", 0x50, 2, F_XFF, 0), FPF3("flt.s", 0x50, 1, F_XFF, 0),
    FPF3("fle.s", 0x50, 0, F_XFF, 0),
    FPR2("fcvt.s.w", 0x68, 0, F_FXRM), FPR2("fcvt.s.wu", 0x68, 1, F_FXRM),
    FPR2("fcvt.s.l", 0x68, 2, F_FXRM), FPR2("fcvt.s.lu", 0x68, 3, F_FXRM),
    FPX("fmv.w.x", 0x78, 0, 0, F_FX),

    /* --- OP-FP, double precision --- */
    FP("fadd.d", 0x01, F_F3RM, 0), FP("fsub.d", 0x05, F_F3RM, 0),
    FP("fmul.d", 0x09, F_F3RM, 0), FP("fdiv.d", 0x0d, F_F3RM, 0),
    FPR2("fsqrt.d", 0x2d, 0, F_F2RM),
    FPF3("fmv.d", 0x11, 0, F_F2, R_SAME), FPF3("fneg.d", 0x11, 1, F_F2, R_SAME),
    FPF3("fabs.d", 0x11, 2, F_F2, R_SAME),
    FPF3("fsgnj.d", 0x11, 0, F_F3, 0), FPF3("fsgnjn.d", 0x11, 1, F_F3, 0),
    FPF3("fsgnjx.d", 0x11, 2, F_F3, 0),
    FPF3("fmin.d", 0x15, 0, F_F3, 0), FPF3("fmax.d", 0x15, 1, F_F3, 0),
    FPR2("fcvt.s.d", 0x20, 1, F_F2RM), FPR2("fcvt.d.s", 0x21, 0, F_F2RMX),
    FPF3("feq.d", 0x51, 2, F_XFF, 0), FPF3("flt.d", 0x51, 1, F_XFF, 0),
    FPF3("fle.d", 0x51, 0, F_XFF, 0),
    FPX("fclass.d", 0x71, 0, 1, F_XF),
    FPR2("fcvt.w.d", 0x61, 0, F_XFRM), FPR2("fcvt.wu.d", 0x61, 1, F_XFRM),
    FPR2("fcvt.l.d", 0x61, 2, F_XFRM), FPR2("fcvt.lu.d", 0x61, 3, F_XFRM),
    FPR2("fcvt.d.w", 0x69, 0, F_FXRMX), FPR2("fcvt.d.wu", 0x69, 1, F_FXRMX),
    FPR2("fcvt.d.l", 0x69, 2, F_FXRM), FPR2("fcvt.d.lu", 0x69, 3, F_FXRM),
    FPX("fmv.x.d", 0x71, 0, 0, F_XF), FPX("fmv.d.x", 0x79, 0, 0, F_FX),
};

/* ------------------------------------------------------------------------- */
/* Text output                                                               */
/* ------------------------------------------------------------------------- */

static const char *const xname[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"
};

static const char *const fname[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2", "fa3",
    "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11",
    "ft8", "ft9", "ft10", "ft11"
};

static const char *const rmname[8] = { "rne", "rtz", "rdn", "rup", "rmm", NULL, NULL, "dyn" };

struct csrname { uint16_t num; const char *name; };

static const struct csrname csrs[] = {
    { 0x001, "fflags" }, { 0x002, "frm" }, { 0x003, "fcsr" },
    { 0x008, "vstart" }, { 0x009, "vxsat" }, { 0x00a, "vxrm" }, { 0x00f, "vcsr" },
    { 0x015, "seed" }, { 0xc20, "vl" }, { 0xc21, "vtype" }, { 0xc22, "vlenb" },
    { 0xc00, "cycle" }, { 0xc01, "time" }, { 0xc02, "instret" },
    { 0xc80, "cycleh" }, { 0xc81, "timeh" }, { 0xc82, "instreth" },
    { 0x100, "sstatus" }, { 0x104, "sie" }, { 0x105, "stvec" }, { 0x106, "scounteren" },
    { 0x10a, "senvcfg" }, { 0x140, "sscratch" }, { 0x141, "sepc" }, { 0x142, "scause" },
    { 0x143, "stval" }, { 0x144, "sip" }, { 0x180, "satp" },
    { 0x300, "mstatus" }, { 0x301, "misa" }, { 0x302, "medeleg" }, { 0x303, "mideleg" },
    { 0x304, "mie" }, { 0x305, "mtvec" }, { 0x306, "mcounteren" }, { 0x30a, "menvcfg" },
    { 0x320, "mcountinhibit" }, { 0x340, "mscratch" }, { 0x341, "mepc" }, { 0x342, "mcause" },
    { 0x343, "mtval" }, { 0x344, "mip" }, { 0x34a, "mtinst" }, { 0x34b, "mtval2" },
    { 0x7a0, "tselect" }, { 0x7a1, "tdata1" }, { 0x7a2, "tdata2" }, { 0x7a3, "tdata3" },
    { 0x7b0, "dcsr" }, { 0x7b1, "dpc" }, { 0x7b2, "dscratch0" }, { 0x7b3, "dscratch1" },
    { 0xb00, "mcycle" }, { 0xb02, "minstret" }, { 0xb80, "mcycleh" }, { 0xb82, "minstreth" },
    { 0xf11, "mvendorid" }, { 0xf12, "marchid" }, { 0xf13, "mimpid" }, { 0xf14, "mhartid" },
    { 0xf15, "mconfigptr" },
};

/* Numbered CSR families: name is printf'd with (num - lo + first). */
struct csrrange { uint16_t lo, hi, first; const char *fmt; };

static const struct csrrange csr_ranges[] = {
    { 0xc03, 0xc1f, 3, "hpmcounter%u" }, { 0xc83, 0xc9f, 3, "hpmcounter%uh" },
    { 0xb03, 0xb1f, 3, "mhpmcounter%u" }, { 0xb83, 0xb9f, 3, "mhpmcounter%uh" },
    { 0x323, 0x33f, 3, "mhpmevent%u" }, { 0x3a0, 0x3af, 0, "pmpcfg%u" },
    { 0x3b0, 0x3ef, 0, "pmpaddr%u" },
};

/* Bounded string builder: never overflows, always NUL-terminated when cap > 0. */
struct sbuf { char *p; size_t cap, len; };

static void put(struct sbuf *b, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || b->cap == 0) return;
    for (const char *s = tmp; *s && b->len + 1 < b->cap; s++) b->p[b->len++] = *s;
    b->p[b->len] = '\0';
}

static void put_csr(struct sbuf *b, uint32_t num)
{
    for (size_t i = 0; i < sizeof csrs / sizeof csrs[0]; i++) {
        if (csrs[i].num == num) { put(b, "%s", csrs[i].name); return; }
    }
    for (size_t i = 0; i < sizeof csr_ranges / sizeof csr_ranges[0]; i++) {
        const struct csrrange *r = &csr_ranges[i];
        if (num >= r->lo && num <= r->hi) { put(b, r->fmt, num - r->lo + r->first); return; }
    }
    put(b, "0x%x", num);
}

static void put_fence_set(struct sbuf *b, uint32_t set)
{
    char s[5];
    int n = 0;
    if (set & 8) s[n++] = 'i';
    if (set & 4) s[n++] = 'o';
    if (set & 2) s[n++] = 'r';
    if (set & 1) s[n++] = 'w';
    if (n == 0) s[n++] = '0';
    s[n] = '\0';
    put(b, "%s", s);
}

/* Emits the operands of format f for word w; false if a field value is invalid (reserved rm). */
static bool put_operands(struct sbuf *b, uint8_t f, uint32_t w, uint64_t pc)
{
    const uint8_t *ops = fmt_ops[f];
    uint32_t rd = bits(w, 11, 7), rs1 = bits(w, 19, 15), rs2 = bits(w, 24, 20);
    uint32_t rm = bits(w, 14, 12);
    bool first = true;

    if (rm == 5 || rm == 6) {
        for (int i = 0; i < 6 && ops[i] != O_END; i++)
            if (ops[i] == O_RM || ops[i] == O_RM_EXACT) return false;
    }
    for (int i = 0; i < 6 && ops[i] != O_END; i++) {
        uint8_t o = ops[i];
        if ((o == O_RM && rm == 7) || (o == O_RM_EXACT && rm == 0)) continue;
        put(b, first ? " " : ", ");
        first = false;
        switch ((enum opnd)o) {
        case O_XD:  put(b, "%s", xname[rd]); break;
        case O_XS1: put(b, "%s", xname[rs1]); break;
        case O_XS2: put(b, "%s", xname[rs2]); break;
        case O_FD:  put(b, "%s", fname[rd]); break;
        case O_FS1: put(b, "%s", fname[rs1]); break;
        case O_FS2: put(b, "%s", fname[rs2]); break;
        case O_FS3: put(b, "%s", fname[bits(w, 31, 27)]); break;
        case O_IMM: put(b, "%" PRId64, imm_i(w)); break;
        case O_SHAMT: put(b, "0x%x", bits(w, 25, 20)); break;
        case O_UPPER: put(b, "0x%x", bits(w, 31, 12)); break;
        case O_MEM_I: put(b, "%" PRId64 "(%s)", imm_i(w), xname[rs1]); break;
        case O_MEM_S: put(b, "%" PRId64 "(%s)", imm_s(w), xname[rs1]); break;
        case O_MEM_0: put(b, "(%s)", xname[rs1]); break;
        case O_BTARGET: put(b, "0x%" PRIx64, pc + (uint64_t)imm_b(w)); break;
        case O_JTARGET: put(b, "0x%" PRIx64, pc + (uint64_t)imm_j(w)); break;
        case O_CSR: put_csr(b, bits(w, 31, 20)); break;
        case O_ZIMM: put(b, "%u", rs1); break;
        case O_RM:
        case O_RM_EXACT: put(b, "%s", rmname[rm]); break;
        case O_PRED: put_fence_set(b, bits(w, 27, 24)); break;
        case O_SUCC: put_fence_set(b, bits(w, 23, 20)); break;
        case O_END: break;
        }
    }
    return true;
}

/* Disassembles a 32-bit word; `from_rvc` enables compressed-only aliases. */
static bool decode32(uint64_t pc, uint32_t w, bool from_rvc, struct sbuf *b)
{
    for (size_t i = 0; i < sizeof itab / sizeof itab[0]; i++) {
        const struct row *r = &itab[i];
        if ((w & r->mask) != r->match) continue;
        if ((r->flags & R_RVC) && !from_rvc) continue;
        if ((r->flags & R_SAME) && bits(w, 19, 15) != bits(w, 24, 20)) continue;
        b->len = 0;
        put(b, "%s", r->name);
        if (r->flags & R_AQRL) {
            static const char *const sfx[4] = { "", ".rl", ".aq", ".aqrl" };
            put(b, "%s", sfx[bits(w, 26, 25)]);
        }
        if (put_operands(b, r->fmt, w, pc)) return true;
    }
    return false;
}

int rv_disasm(uint64_t pc, uint32_t insn, char *out, size_t outsz)
{
    struct sbuf b = { out, out ? outsz : 0, 0 };
    if (b.cap) out[0] = '\0';

    if ((insn & 3u) != 3u) {
        uint16_t c = (uint16_t)insn;
        uint32_t w = rv_expand_compressed(c);
        if (c == 0) {
            put(&b, "unimp");
        } else if (!w || !decode32(pc, w, true, &b)) {
            b.len = 0;
            put(&b, ".insn 0x%04x", c);
        }
        return 2;
    }
    if (!decode32(pc, insn, false, &b)) {
        b.len = 0;
        put(&b, ".insn 0x%08x", insn);
    }
    return 4;
}
