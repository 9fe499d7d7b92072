/* riscv64 integer execution: RV64I, M, A, Zicsr and Zifencei handlers and their pattern table. */
#include <signal.h>
#include <string.h>
#include <time.h>

#include "rv.h"

#define X(r) XR(c, r)
#define NEXT OP_NEXT(c, o)
#define OP(name) static const struct op *name(struct emu_cpu *c, const struct op *o)
#define S64(v) ((int64_t)(v))
#define SW(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))

const struct op *rv_fault(struct emu_cpu *c, const struct op *o, uint64_t a)
{
    c->pc = o->pc;
    emu_raise(c, SIGSEGV, 1 /* SEGV_MAPERR */, a);
    return NULL;
}

/* ---- ALU ---- */
#define ALU_R(name, expr) OP(name) { uint64_t a = X(o->rs1), b = X(o->rs2); (void)a; (void)b; X(o->rd) = (expr); NEXT; }
#define ALU_I(name, expr) OP(name) { uint64_t a = X(o->rs1), b = (uint64_t)o->imm; (void)a; (void)b; X(o->rd) = (expr); NEXT; }

ALU_R(op_add, a + b)
ALU_R(op_sub, a - b)
ALU_R(op_sll, a << (b & 63))
ALU_R(op_slt, S64(a) < S64(b))
ALU_R(op_sltu, a < b)
ALU_R(op_xor, a ^ b)
ALU_R(op_srl, a >> (b & 63))
ALU_R(op_sra, (uint64_t)(S64(a) >> (b & 63)))
ALU_R(op_or, a | b)
ALU_R(op_and, a & b)
ALU_R(op_addw, SW(a + b))
ALU_R(op_subw, SW(a - b))
ALU_R(op_sllw, SW((uint32_t)a << (b & 31)))
ALU_R(op_srlw, SW((uint32_t)a >> (b & 31)))
ALU_R(op_sraw, SW((int32_t)a >> (b & 31)))
ALU_I(op_addi, a + b)
ALU_I(op_slti, S64(a) < S64(b))
ALU_I(op_sltiu, a < b)
ALU_I(op_xori, a ^ b)
ALU_I(op_ori, a | b)
ALU_I(op_andi, a & b)
ALU_I(op_slli, a << b)
ALU_I(op_srli, a >> b)
ALU_I(op_srai, (uint64_t)(S64(a) >> b))
ALU_I(op_addiw, SW(a + b))
ALU_I(op_slliw, SW((uint32_t)a << (b & 31)))
ALU_I(op_srliw, SW((uint32_t)a >> (b & 31)))
ALU_I(op_sraiw, SW((int32_t)a >> (b & 31)))
OP(op_lui) { X(o->rd) = (uint64_t)o->imm; NEXT; }

/* ---- M ---- */
static uint64_t mulh(int64_t a, int64_t b) { return (uint64_t)(((__int128)a * b) >> 64); }
static uint64_t mulhu(uint64_t a, uint64_t b) { return (uint64_t)(((unsigned __int128)a * b) >> 64); }
static uint64_t mulhsu(int64_t a, uint64_t b) { return (uint64_t)(((__int128)a * (__int128)b) >> 64); }
static uint64_t div64(int64_t a, int64_t b) { return b == 0 ? ~0ull : (a == INT64_MIN && b == -1) ? (uint64_t)a : (uint64_t)(a / b); }
static uint64_t rem64(int64_t a, int64_t b) { return b == 0 ? (uint64_t)a : (a == INT64_MIN && b == -1) ? 0 : (uint64_t)(a % b); }
static uint64_t div32(int32_t a, int32_t b) { return b == 0 ? ~0ull : (a == INT32_MIN && b == -1) ? SW(a) : SW(a / b); }
static uint64_t rem32(int32_t a, int32_t b) { return b == 0 ? SW(a) : (a == INT32_MIN && b == -1) ? 0 : SW(a % b); }

ALU_R(op_mul, a * b)
ALU_R(op_mulh, mulh(S64(a), S64(b)))
ALU_R(op_mulhsu, mulhsu(S64(a), b))
ALU_R(op_mulhu, mulhu(a, b))
ALU_R(op_div, div64(S64(a), S64(b)))
ALU_R(op_divu, b ? a / b : ~0ull)
ALU_R(op_rem, rem64(S64(a), S64(b)))
ALU_R(op_remu, b ? a % b : a)
ALU_R(op_mulw, SW((uint32_t)a * (uint32_t)b))
ALU_R(op_divw, div32((int32_t)a, (int32_t)b))
ALU_R(op_divuw, (uint32_t)b ? SW((uint32_t)a / (uint32_t)b) : ~0ull)
ALU_R(op_remw, rem32((int32_t)a, (int32_t)b))
ALU_R(op_remuw, (uint32_t)b ? SW((uint32_t)a % (uint32_t)b) : SW(a))

/* ---- loads and stores ---- */
#define LOAD(name, n, expr) OP(name) { uint64_t ea = X(o->rs1) + (uint64_t)o->imm; uint8_t *p = rv_addr(c, o, ea, n); \
    if (!p) { return rv_fault(c, o, ea); } X(o->rd) = (expr); NEXT; }
#define STORE(name, n, st) OP(name) { uint64_t ea = X(o->rs1) + (uint64_t)o->imm; uint8_t *p = rv_addr(c, o, ea, n); \
    if (!p) { return rv_fault(c, o, ea); } st(p, X(o->rs2)); NEXT; }

LOAD(op_lb, 1, (uint64_t)(int8_t)ld8(p))
LOAD(op_lh, 2, (uint64_t)(int16_t)ld16(p))
LOAD(op_lw, 4, SW(ld32(p)))
LOAD(op_ld, 8, ld64(p))
LOAD(op_lbu, 1, ld8(p))
LOAD(op_lhu, 2, ld16(p))
LOAD(op_lwu, 4, ld32(p))
STORE(op_sb, 1, st8)
STORE(op_sh, 2, st16)
STORE(op_sw, 4, st32)
STORE(op_sd, 8, st64)

/* ---- control flow (always the last op of a block) ---- */
#define BR(name, cond) OP(name) { uint64_t a = X(o->rs1), b = X(o->rs2); \
    c->pc = (cond) ? (uint64_t)o->imm : o->pc + o->len; return NULL; }
BR(op_beq, a == b)
BR(op_bne, a != b)
BR(op_blt, S64(a) < S64(b))
BR(op_bge, S64(a) >= S64(b))
BR(op_bltu, a < b)
BR(op_bgeu, a >= b)
OP(op_jal) { X(o->rd) = o->pc + o->len; c->pc = (uint64_t)o->imm; return NULL; }
OP(op_jalr) { uint64_t t = (X(o->rs1) + (uint64_t)o->imm) & ~1ull; X(o->rd) = o->pc + o->len; c->pc = t; return NULL; }

/* ---- system ---- */
OP(op_ecall) { c->pc = o->pc + o->len; c->cur = o; emu_syscall(c); return NULL; }
OP(op_ebreak) { c->pc = o->pc; emu_raise(c, SIGTRAP, 1 /* TRAP_BRKPT */, o->pc); return NULL; }
OP(op_fence) { __atomic_thread_fence(__ATOMIC_SEQ_CST); NEXT; }
OP(op_fence_i) { c->pc = o->pc + o->len; return NULL; }

/* Zicsr: rs1 == x0 (or uimm == 0) means no write for csrrs/csrrc. */
static const struct op *csr_op(struct emu_cpu *c, const struct op *o, uint64_t src, int kind, int write)
{
    uint64_t old;
    if (rv_csr_read(c, o->aux, &old) < 0)
        return rv_illegal(c, o);
    if (write) {
        uint64_t nv = kind == 0 ? src : kind == 1 ? (old | src) : (old & ~src);
        if (rv_csr_write(c, o->aux, nv) < 0)
            return rv_illegal(c, o);
    }
    X(o->rd) = old;
    NEXT;
}
OP(op_csrrw) { return csr_op(c, o, X(o->rs1), 0, 1); }
OP(op_csrrs) { return csr_op(c, o, X(o->rs1), 1, o->rs1 != 0); }
OP(op_csrrc) { return csr_op(c, o, X(o->rs1), 2, o->rs1 != 0); }
OP(op_csrrwi) { return csr_op(c, o, o->rs1, 0, 1); }
OP(op_csrrsi) { return csr_op(c, o, o->rs1, 1, o->rs1 != 0); }
OP(op_csrrci) { return csr_op(c, o, o->rs1, 2, o->rs1 != 0); }

int rv_csr_read(struct emu_cpu *c, unsigned csr, uint64_t *val)
{
    switch (csr) {
    case 0xc00: case 0xc02: *val = c->instret; return 0;      /* cycle, instret */
    case 0xc01: {                                              /* time: 10 MHz like the kernel's timebase */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        *val = (uint64_t)ts.tv_sec * 10000000u + (uint64_t)ts.tv_nsec / 100;
        return 0;
    }
    case 1: case 2: case 3: return rv_fcsr_read(c, csr, val);
    default: return -1;
    }
}

int rv_csr_write(struct emu_cpu *c, unsigned csr, uint64_t val)
{
    if (csr >= 1 && csr <= 3)
        return rv_fcsr_write(c, csr, val);
    return -1; /* counters are read-only in user mode */
}

/* ---- A: LR/SC and AMOs. One emulator lock serialises guest threads, so plain accesses are atomic. ---- */
#define AMO_ADDR(n) uint64_t ea = X(o->rs1); uint8_t *p = rv_addr(c, o, ea, n); \
    if (!p) { return rv_fault(c, o, ea); } \
    if (ea & ((n) - 1)) { c->pc = o->pc; emu_raise(c, SIGBUS, 1 /* BUS_ADRALN */, ea); return NULL; }

OP(op_lr_w) { AMO_ADDR(4) RV(c)->res_addr = ea; RV(c)->res_val = SW(ld32(p)); X(o->rd) = RV(c)->res_val; NEXT; }
OP(op_lr_d) { AMO_ADDR(8) RV(c)->res_addr = ea; RV(c)->res_val = ld64(p); X(o->rd) = RV(c)->res_val; NEXT; }
OP(op_sc_w)
{
    AMO_ADDR(4)
    int ok = RV(c)->res_addr == ea && SW(ld32(p)) == RV(c)->res_val;
    if (ok)
        st32(p, (uint32_t)X(o->rs2));
    RV(c)->res_addr = ~0ull;
    X(o->rd) = !ok;
    NEXT;
}
OP(op_sc_d)
{
    AMO_ADDR(8)
    int ok = RV(c)->res_addr == ea && ld64(p) == RV(c)->res_val;
    if (ok)
        st64(p, X(o->rs2));
    RV(c)->res_addr = ~0ull;
    X(o->rd) = !ok;
    NEXT;
}

#define AMO_W(name, expr) OP(name) { AMO_ADDR(4) uint32_t a = ld32(p), b = (uint32_t)X(o->rs2); (void)b; \
    st32(p, (uint32_t)(expr)); X(o->rd) = SW(a); NEXT; }
#define AMO_D(name, expr) OP(name) { AMO_ADDR(8) uint64_t a = ld64(p), b = X(o->rs2); (void)b; \
    st64(p, (expr)); X(o->rd) = a; NEXT; }
AMO_W(op_amoswap_w, b)
AMO_W(op_amoadd_w, a + b)
AMO_W(op_amoxor_w, a ^ b)
AMO_W(op_amoand_w, a & b)
AMO_W(op_amoor_w, a | b)
AMO_W(op_amomin_w, (int32_t)a < (int32_t)b ? a : b)
AMO_W(op_amomax_w, (int32_t)a > (int32_t)b ? a : b)
AMO_W(op_amominu_w, a < b ? a : b)
AMO_W(op_amomaxu_w, a > b ? a : b)
AMO_D(op_amoswap_d, b)
AMO_D(op_amoadd_d, a + b)
AMO_D(op_amoxor_d, a ^ b)
AMO_D(op_amoand_d, a & b)
AMO_D(op_amoor_d, a | b)
AMO_D(op_amomin_d, S64(a) < S64(b) ? a : b)
AMO_D(op_amomax_d, S64(a) > S64(b) ? a : b)
AMO_D(op_amominu_d, a < b ? a : b)
AMO_D(op_amomaxu_d, a > b ? a : b)

/* Pattern masks. */
#define M_R   0xfe00707fu  /* funct7 funct3 opcode */
#define M_I   0x0000707fu  /* funct3 opcode */
#define M_SH6 0xfc00707fu  /* 64-bit shifts: funct6 */
#define M_U   0x0000007fu
#define M_AMO 0xf800707fu  /* funct5 (aq/rl ignored) */
#define M_LR  0xf9f0707fu  /* lr: rs2 must be 0 */
#define RDX RVF_RDX
#define END RVF_END

const struct rv_insn rv_insn_int[] = {
    {M_U, 0x00000037, op_lui, RV_U, RDX, "lui"},
    {M_U, 0x00000017, op_lui, RV_U, RDX | RVF_AUIPC, "auipc"},
    {M_U, 0x0000006f, op_jal, RV_J, RDX | END, "jal"},
    {M_I, 0x00000067, op_jalr, RV_I, RDX | END, "jalr"},
    {M_I, 0x00000063, op_beq, RV_B, END, "beq"},
    {M_I, 0x00001063, op_bne, RV_B, END, "bne"},
    {M_I, 0x00004063, op_blt, RV_B, END, "blt"},
    {M_I, 0x00005063, op_bge, RV_B, END, "bge"},
    {M_I, 0x00006063, op_bltu, RV_B, END, "bltu"},
    {M_I, 0x00007063, op_bgeu, RV_B, END, "bgeu"},
    {M_I, 0x00000003, op_lb, RV_I, RDX, "lb"},
    {M_I, 0x00001003, op_lh, RV_I, RDX, "lh"},
    {M_I, 0x00002003, op_lw, RV_I, RDX, "lw"},
    {M_I, 0x00003003, op_ld, RV_I, RDX, "ld"},
    {M_I, 0x00004003, op_lbu, RV_I, RDX, "lbu"},
    {M_I, 0x00005003, op_lhu, RV_I, RDX, "lhu"},
    {M_I, 0x00006003, op_lwu, RV_I, RDX, "lwu"},
    {M_I, 0x00000023, op_sb, RV_S, 0, "sb"},
    {M_I, 0x00001023, op_sh, RV_S, 0, "sh"},
    {M_I, 0x00002023, op_sw, RV_S, 0, "sw"},
    {M_I, 0x00003023, op_sd, RV_S, 0, "sd"},
    {M_I, 0x00000013, op_addi, RV_I, RDX, "addi"},
    {M_I, 0x00002013, op_slti, RV_I, RDX, "slti"},
    {M_I, 0x00003013, op_sltiu, RV_I, RDX, "sltiu"},
    {M_I, 0x00004013, op_xori, RV_I, RDX, "xori"},
    {M_I, 0x00006013, op_ori, RV_I, RDX, "ori"},
    {M_I, 0x00007013, op_andi, RV_I, RDX, "andi"},
    {M_SH6, 0x00001013, op_slli, RV_ISH, RDX, "slli"},
    {M_SH6, 0x00005013, op_srli, RV_ISH, RDX, "srli"},
    {M_SH6, 0x40005013, op_srai, RV_ISH, RDX, "srai"},
    {M_R, 0x00000033, op_add, RV_R, RDX, "add"},
    {M_R, 0x40000033, op_sub, RV_R, RDX, "sub"},
    {M_R, 0x00001033, op_sll, RV_R, RDX, "sll"},
    {M_R, 0x00002033, op_slt, RV_R, RDX, "slt"},
    {M_R, 0x00003033, op_sltu, RV_R, RDX, "sltu"},
    {M_R, 0x00004033, op_xor, RV_R, RDX, "xor"},
    {M_R, 0x00005033, op_srl, RV_R, RDX, "srl"},
    {M_R, 0x40005033, op_sra, RV_R, RDX, "sra"},
    {M_R, 0x00006033, op_or, RV_R, RDX, "or"},
    {M_R, 0x00007033, op_and, RV_R, RDX, "and"},
    {M_I, 0x0000001b, op_addiw, RV_I, RDX, "addiw"},
    {M_R, 0x0000101b, op_slliw, RV_ISH, RDX, "slliw"},
    {M_R, 0x0000501b, op_srliw, RV_ISH, RDX, "srliw"},
    {M_R, 0x4000501b, op_sraiw, RV_ISH, RDX, "sraiw"},
    {M_R, 0x0000003b, op_addw, RV_R, RDX, "addw"},
    {M_R, 0x4000003b, op_subw, RV_R, RDX, "subw"},
    {M_R, 0x0000103b, op_sllw, RV_R, RDX, "sllw"},
    {M_R, 0x0000503b, op_srlw, RV_R, RDX, "srlw"},
    {M_R, 0x4000503b, op_sraw, RV_R, RDX, "sraw"},
    {M_R, 0x02000033, op_mul, RV_R, RDX, "mul"},
    {M_R, 0x02001033, op_mulh, RV_R, RDX, "mulh"},
    {M_R, 0x02002033, op_mulhsu, RV_R, RDX, "mulhsu"},
    {M_R, 0x02003033, op_mulhu, RV_R, RDX, "mulhu"},
    {M_R, 0x02004033, op_div, RV_R, RDX, "div"},
    {M_R, 0x02005033, op_divu, RV_R, RDX, "divu"},
    {M_R, 0x02006033, op_rem, RV_R, RDX, "rem"},
    {M_R, 0x02007033, op_remu, RV_R, RDX, "remu"},
    {M_R, 0x0200003b, op_mulw, RV_R, RDX, "mulw"},
    {M_R, 0x0200403b, op_divw, RV_R, RDX, "divw"},
    {M_R, 0x0200503b, op_divuw, RV_R, RDX, "divuw"},
    {M_R, 0x0200603b, op_remw, RV_R, RDX, "remw"},
    {M_R, 0x0200703b, op_remuw, RV_R, RDX, "remuw"},
    {0xffffffffu, 0x00000073, op_ecall, RV_NONE, END, "ecall"},
    {0xffffffffu, 0x00100073, op_ebreak, RV_NONE, END, "ebreak"},
    {M_I, 0x0000000f, op_fence, RV_NONE, 0, "fence"},
    {M_I, 0x0000100f, op_fence_i, RV_NONE, END, "fence.i"},
    {M_I, 0x00001073, op_csrrw, RV_CSR, RDX, "csrrw"},
    {M_I, 0x00002073, op_csrrs, RV_CSR, RDX, "csrrs"},
    {M_I, 0x00003073, op_csrrc, RV_CSR, RDX, "csrrc"},
    {M_I, 0x00005073, op_csrrwi, RV_CSR, RDX, "csrrwi"},
    {M_I, 0x00006073, op_csrrsi, RV_CSR, RDX, "csrrsi"},
    {M_I, 0x00007073, op_csrrci, RV_CSR, RDX, "csrrci"},
    {M_LR, 0x1000202f, op_lr_w, RV_R, RDX, "lr.w"},
    {M_LR, 0x1000302f, op_lr_d, RV_R, RDX, "lr.d"},
    {M_AMO, 0x1800202f, op_sc_w, RV_R, RDX, "sc.w"},
    {M_AMO, 0x1800302f, op_sc_d, RV_R, RDX, "sc.d"},
    {M_AMO, 0x0800202f, op_amoswap_w, RV_R, RDX, "amoswap.w"},
    {M_AMO, 0x0000202f, op_amoadd_w, RV_R, RDX, "amoadd.w"},
    {M_AMO, 0x2000202f, op_amoxor_w, RV_R, RDX, "amoxor.w"},
    {M_AMO, 0x6000202f, op_amoand_w, RV_R, RDX, "amoand.w"},
    {M_AMO, 0x4000202f, op_amoor_w, RV_R, RDX, "amoor.w"},
    {M_AMO, 0x8000202f, op_amomin_w, RV_R, RDX, "amomin.w"},
    {M_AMO, 0xa000202f, op_amomax_w, RV_R, RDX, "amomax.w"},
    {M_AMO, 0xc000202f, op_amominu_w, RV_R, RDX, "amominu.w"},
    {M_AMO, 0xe000202f, op_amomaxu_w, RV_R, RDX, "amomaxu.w"},
    {M_AMO, 0x0800302f, op_amoswap_d, RV_R, RDX, "amoswap.d"},
    {M_AMO, 0x0000302f, op_amoadd_d, RV_R, RDX, "amoadd.d"},
    {M_AMO, 0x2000302f, op_amoxor_d, RV_R, RDX, "amoxor.d"},
    {M_AMO, 0x6000302f, op_amoand_d, RV_R, RDX, "amoand.d"},
    {M_AMO, 0x4000302f, op_amoor_d, RV_R, RDX, "amoor.d"},
    {M_AMO, 0x8000302f, op_amomin_d, RV_R, RDX, "amomin.d"},
    {M_AMO, 0xa000302f, op_amomax_d, RV_R, RDX, "amomax.d"},
    {M_AMO, 0xc000302f, op_amominu_d, RV_R, RDX, "amominu.d"},
    {M_AMO, 0xe000302f, op_amomaxu_d, RV_R, RDX, "amomaxu.d"},
    {0, 0, NULL, 0, 0, NULL},
};

/* Memory ops for watchpoints: kind (1 read, 2 write, 3 both) and size by handler, found once by mnemonic. */
static const struct { const char *name; uint8_t kind, size; } mem_ops[] = {
    {"lb", 1, 1}, {"lh", 1, 2}, {"lw", 1, 4}, {"ld", 1, 8}, {"lbu", 1, 1}, {"lhu", 1, 2}, {"lwu", 1, 4},
    {"sb", 2, 1}, {"sh", 2, 2}, {"sw", 2, 4}, {"sd", 2, 8}, {"flw", 1, 4}, {"fld", 1, 8}, {"fsw", 2, 4},
    {"fsd", 2, 8}, {"lr.w", 1, 4}, {"lr.d", 1, 8}, {"sc.w", 2, 4}, {"sc.d", 2, 8},
};
#define N_MEM_OPS (sizeof mem_ops / sizeof mem_ops[0])

static int mem_kind(op_fn fn, unsigned *size, int *amo)
{
    static op_fn fns[N_MEM_OPS];
    static int ready;
    if (!ready) {
        for (size_t i = 0; i < N_MEM_OPS; i++)
            for (const struct rv_insn *t = mem_ops[i].name[0] == 'f' ? rv_insn_fp : rv_insn_int; t->fn; t++)
                if (!strcmp(t->name, mem_ops[i].name)) {
                    fns[i] = t->fn;
                    break;
                }
        ready = 1;
    }
    for (size_t i = 0; i < N_MEM_OPS; i++)
        if (fns[i] == fn) {
            *size = mem_ops[i].size;
            *amo = mem_ops[i].name[1] == 'r' || mem_ops[i].name[1] == 'c';
            return mem_ops[i].kind;
        }
    for (const struct rv_insn *t = rv_insn_int; t->fn; t++) /* AMOs read and write */
        if (t->fn == fn && !strncmp(t->name, "amo", 3)) {
            *size = t->name[strlen(t->name) - 1] == 'd' ? 8 : 4;
            *amo = 1;
            return 3;
        }
    return 0;
}

int rv_mem_ref(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len)
{
    unsigned size = 0;
    int amo = 0;
    int kind = mem_kind(o->fn, &size, &amo);
    if (kind && c) {
        *addr = X(o->rs1) + (amo ? 0 : (uint64_t)o->imm);
        *len = size;
    }
    return kind;
}
