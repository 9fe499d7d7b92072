/* riscv64 backend internals: CPU state, decode-table rows, operand helpers shared by the exec files. */
#ifndef XTRACE_RV_H
#define XTRACE_RV_H

#include <stdint.h>

#include "emu.h"
#include "mem.h"

/* RV64GC hart state; x[32] is a write sink so that rd == x0 needs no check at run time. */
struct rv_cpu {
    struct emu_cpu base;         /* core header (must be first) */
    uint64_t x[33];              /* integer registers; x[0] stays 0, x[32] absorbs writes to x0 */
    uint64_t f[32];              /* FP registers, singles NaN-boxed */
    uint32_t fflags;             /* accrued exception flags not yet merged from the host */
    uint32_t frm;                /* dynamic rounding mode */
    uint64_t res_addr;           /* LR reservation address, or ~0 when none */
    uint64_t res_val;            /* value loaded by LR (SC succeeds only if memory still holds it) */
};

#define RV(c) ((struct rv_cpu *)(c))
#define XR(c, r) (RV(c)->x[(r)])

/* Operand layout of a decode-table row. */
enum rv_fmt {
    RV_R,        /* rd, rs1, rs2 */
    RV_I,        /* rd, rs1, imm[11:0] */
    RV_ISH,      /* rd, rs1, shamt[5:0] */
    RV_S,        /* rs1, rs2, store offset */
    RV_B,        /* rs1, rs2, branch target (imm = absolute target) */
    RV_U,        /* rd, imm[31:12] << 12 (for auipc imm already includes pc) */
    RV_J,        /* rd, jump target (imm = absolute target) */
    RV_R4,       /* rd, rs1, rs2, rs3, rm */
    RV_RM,       /* rd, rs1, rs2, rm (rm 5/6 illegal) */
    RV_CSR,      /* rd, rs1 or uimm5 in rs1, csr in aux */
    RV_NONE,     /* no operands */
};

/* Row flags. */
enum {
    RVF_RDX = 1,     /* rd is an integer register (x0 writes go to the sink) */
    RVF_END = 2,     /* instruction ends the block */
    RVF_AUIPC = 4,   /* U-type immediate is pc-relative */
};

/* One instruction pattern: (insn & mask) == match selects it. */
struct rv_insn {
    uint32_t mask, match;        /* bit pattern */
    op_fn fn;                    /* handler */
    uint8_t fmt;                 /* enum rv_fmt */
    uint8_t flags;               /* RVF_* */
    const char *name;            /* mnemonic (for coverage reports) */
};

extern const struct rv_insn rv_insn_int[];  /* I, M, A, Zicsr, Zifencei; ends with fn == NULL */
extern const struct rv_insn rv_insn_fp[];   /* F, D; ends with fn == NULL */

/* Reads a CSR for the Zicsr ops; returns 0 or -1 for an unknown/illegal CSR. */
int rv_csr_read(struct emu_cpu *c, unsigned csr, uint64_t *val);
/* Writes a CSR; returns 0 or -1. */
int rv_csr_write(struct emu_cpu *c, unsigned csr, uint64_t val);
/* FP CSRs (fflags 0x001, frm 0x002, fcsr 0x003), implemented with the FP ops. */
int rv_fcsr_read(struct emu_cpu *c, unsigned csr, uint64_t *val);
int rv_fcsr_write(struct emu_cpu *c, unsigned csr, uint64_t val);
/* Resets FP state for a new thread. */
void rv_fp_init(struct emu_cpu *c);

/* Raises SIGILL for the op's instruction and leaves the block. */
const struct op *rv_illegal(struct emu_cpu *c, const struct op *o);

/* Raises SIGSEGV (SEGV_MAPERR) at address a for the op and leaves the block. */
const struct op *rv_fault(struct emu_cpu *c, const struct op *o, uint64_t a);

/* Guest memory access for ops: records the op for fault reporting, then a plain host access. */
static inline uint8_t *rv_addr(struct emu_cpu *c, const struct op *o, uint64_t a, unsigned n)
{
    struct mem *m = c->proc->mem;
    c->cur = o;
    if (__builtin_expect(!mem_in_range(m, a, n), 0))
        return NULL;
    return m->base + a;
}

#endif
