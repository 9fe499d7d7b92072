/* arm (AArch32) backend internals: CPU state, op field conventions, helpers shared by the decoders and handlers.

   Mode: the guest pc carries the instruction set in bit 0, as interworking addresses do: an A32 block is keyed
   at pc, a T32 block at pc|1, and every op's pc field keeps that bit, so "o->pc + o->len" is the next pc in the
   same state.
   Op fields: rd/rs1/rs2/rs3/rm are operands (their meaning per handler is given there), imm an immediate or
   a packed constant. aux is reserved for the decoder: a conditional instruction's fn is the wrapper for its
   condition and aux holds the index of the real handler (AUX_IDX), plus AUX_END when the instruction ends
   the block. r15 is never architectural state: when an instruction reads the pc, the decoder emits a
   set-r15 op in front of it holding the value the read must see (insn+8 in A32, insn+4 or Align(insn+4, 4)
   in T32). */
#ifndef XTRACE_ARM_H
#define XTRACE_ARM_H

#include <stdint.h>

#include "armfp.h"
#include "emu.h"
#include "mem.h"

struct arm_cpu {
    struct emu_cpu base;         /* core header (must be first) */
    uint32_t r[16];              /* r0-r14; r[15] is scratch holding the pc value an op reads */
    uint32_t nf, zf, cf, vf;     /* CPSR N, Z, C, V, each 0 or 1 */
    uint32_t qf;                 /* CPSR Q (sticky saturation) */
    uint32_t ge;                 /* CPSR GE[3:0] */
    uint32_t tpidruro;           /* TLS register (set_tls), read by MRC p15, 0, rX, c13, c0, 3 */
    uint32_t fpscr;              /* FPSCR as last written or read (NZCV 31:28 are live here; the control bits and
                                    the cumulative flags live in fp, with host flags pending: read it with
                                    arm_fpscr_read, write it with arm_fpscr_write) */
    struct armfp fp;             /* FPSCR control bits (RMode, FZ, DN, AHP) and cumulative flags for VFP ops */
    struct armfp fpstd;          /* the "standard FPSCR" NEON FP arithmetic uses (RN, FZ, DN); flags merge into fp */
    uint64_t d[32];              /* VFP/NEON d0-d31; s(2n) is the low half of d(n) */
    uint32_t excl_addr;          /* LDREX monitor address */
    uint32_t excl_valid;         /* the monitor is armed */
    uint64_t excl_val;           /* value LDREX read (STREX also requires memory to still hold it) */
    uint32_t chain;              /* blocks entered directly from a branch since the run loop last ran (exec.c) */
    uint8_t *mem_base;           /* copies of proc->mem->base and ->limit (fixed for the process's life), set by */
    uint64_t mem_limit;          /* arm_fp_init when the CPU is set up, copied with it into new threads */
};

#define ARM(c) ((struct arm_cpu *)(c))
#define AR(c, n) (ARM(c)->r[(n)])

#define AUX_IDX 0x0fffu
#define AUX_END 0x8000u

#define OPFN(name) const struct op *name(struct emu_cpu *c, const struct op *o)

/* Decoder output helpers (decode.c). */
enum { EMIT_END = 1, EMIT_PC = 2 };
/* Appends t (fn, operands filled) for the instruction at pc/len; cond 14 = always; with EMIT_PC a set-r15 op
   holding pcval goes first; EMIT_END ends the block. Returns the emitted op. */
struct op *arm_emit(struct blk_builder *b, const struct op *t, unsigned cond, unsigned flags, uint32_t pcval);
/* Appends a SIGILL op for the raw instruction word. */
void arm_emit_illegal(struct blk_builder *b, uint64_t pc, unsigned len, uint32_t insn);

/* Instruction-set decoders: fill b for one instruction and return its length. */
int arm_decode_a32(struct emu_proc *p, uint64_t pc, uint32_t w, struct blk_builder *b);
int arm_decode_t32(struct emu_proc *p, uint64_t pc, struct blk_builder *b);
/* VFP (coprocessor 10/11) instructions; the word has its cond bits as given. Returns 0 when not handled. */
int arm_decode_vfp(uint64_t pc, unsigned len, uint32_t w, unsigned cond, struct blk_builder *b, uint32_t pcval);

/* Handlers shared by both decoders (exec.c). Data processing: [op][kind][S]; op is the A32 opcode 0-15,
   16 = ORN; kind 0 = immediate (imm value, rs3 carry-out 0/1 or 2 = unchanged), 1 = register shifted by
   immediate (rs2 Rm, rm type 0-3 or 4 = RRX, rs3 amount 1-32), 2 = register shifted by register (rs3 Rs). */
extern const op_fn arm_dp[17][3][2];
/* A faster handler for a kind-1 data-processing op with a fixed shift type and amount 0-31, or NULL. */
op_fn arm_dp_fast(const struct op *o);
/* The fused form of a plain flag-setting compare (CMP/CMN/TST imm, CMP reg LSL #n) followed by B<cond>, or NULL. */
op_fn arm_cmp_fuse(op_fn cmp, unsigned cond);
/* The fused handler running first and then second (adjacent plain register ALU ops), or NULL; and whether f is one. */
op_fn arm_pair_fuse(const struct op *first, const struct op *second);
op_fn arm_pair_is_fused(op_fn f);
enum { SH_LSL, SH_LSR, SH_ASR, SH_ROR, SH_RRX };
/* Loads/stores: [type][addr][mode]: type LS_*; addr 0 immediate (imm signed offset), 1 register
   (rs2 Rm, rm shift type | 8 for subtract, rs3 amount); mode 0 offset, 1 pre-indexed with writeback, 2 post. */
enum { LS_LDR, LS_LDRB, LS_LDRH, LS_LDRSB, LS_LDRSH, LS_STR, LS_STRB, LS_STRH, LS_LDRD, LS_STRD, LS_N };
extern const op_fn arm_ls[LS_N][2][3];
OPFN(arm_op_setpc);   /* r15 = imm */
OPFN(arm_op_ldm);     /* rs1 Rn, imm list, rm mode 0 DA 1 IA 2 DB 3 IB, rs3 writeback */
OPFN(arm_op_stm);
OPFN(arm_op_b);       /* pc = imm */
OPFN(arm_op_bl);      /* lr = next pc, pc = imm */
OPFN(arm_op_bx);      /* pc = rs2 (interworking) */
OPFN(arm_op_blx);     /* lr = next, pc = rs2 (interworking) */
OPFN(arm_op_cbz);     /* rs1 == 0 ? pc = imm : next; rm = 1 for CBNZ */
OPFN(arm_op_svc);
OPFN(arm_op_nop);
OPFN(arm_op_fence);
OPFN(arm_op_bkpt);
OPFN(arm_op_udf);
OPFN(arm_op_mrc_tls); /* rd = TPIDRURO */
OPFN(arm_op_mrs);     /* rd = APSR */
OPFN(arm_op_msr);     /* APSR from rs2 (imm: rs2 = 0xff, value in imm); rm mask bit 1 nzcvq, bit 0 g */
OPFN(arm_op_mul);     /* rd = rs1 * rs2 [+ rs3]; rm: 0 MUL, 1 MLA, 2 MLS; | 4 sets NZ */
OPFN(arm_op_mull);    /* rd lo, rm hi = rs1 * rs2; rs3: 0 UMULL 1 SMULL 2 UMLAL 3 SMLAL 4 UMAAL; | 8 sets NZ */
OPFN(arm_op_smulxy);  /* signed 16x16: rm bit0 top of rs1, bit1 top of rs2, bit2 accumulate rs3 */
OPFN(arm_op_div);     /* rd = rs1 / rs2; rm 1 signed */
OPFN(arm_op_clz);
OPFN(arm_op_rev);     /* rm 0 REV, 1 REV16, 2 REVSH, 3 RBIT */
OPFN(arm_op_ext);     /* extend: rd = [rs1 +] ext(ror(rs2, rs3)); rm 0 UXTB 1 UXTH 2 SXTB 3 SXTH, | 4 add rs1, | 8 16-bit pair */
OPFN(arm_op_bfx);     /* rd = field of rs1 at lsb rs2 width rs3; rm 1 signed */
OPFN(arm_op_bfi);     /* rd[lsb rs2 .. msb rs3] = rs1 (rs1 = 16 means BFC) */
OPFN(arm_op_movw);    /* rd = imm */
OPFN(arm_op_movt);    /* rd[31:16] = imm */
OPFN(arm_op_sat);     /* rd = sat(shift(rs1 by rm type/rs3 amount), imm bits); rs2 1 signed */
OPFN(arm_op_qadd);    /* rm 0 QADD 1 QSUB 2 QDADD 3 QDSUB: rd = sat(rs2 op rs1) */
OPFN(arm_op_sel);
OPFN(arm_op_par);     /* parallel add/sub: rm bits 1:0 0 add 1 ASX 2 SAX 3 sub, bit2 bytes, bit3 signed,
                         bits 5:4 0 GE-setting, 1 saturating, 2 halving */
OPFN(arm_op_pkh);     /* rm 0 PKHBT (rs2 lsl rs3), 1 PKHTB (rs2 asr rs3) */
OPFN(arm_op_usad8);   /* rm 1 accumulate rs3 */
OPFN(arm_op_smmul);   /* rm bit0 round, bit1 accumulate rs3, bit2 subtract */
OPFN(arm_op_smlad);   /* rm bit0 X, bit1 subtract, bit2 accumulate rs3, bit3 long (rd low, rs3 high) */
OPFN(arm_op_smulw);   /* rm bit1 top of rs2, bit2 accumulate rs3 */
OPFN(arm_op_smlalxy); /* rd low, rs3 high; rm bit0 top of rs1, bit1 top of rs2 */
OPFN(arm_op_sat16);   /* rd = sat16(rs1, imm bits); rs2 1 signed */
OPFN(arm_op_ldrex);   /* rd = [rs1 + imm]; rm size 1/2/4/8 (8: rd, rd+1 -> rs3) | ARM_EXCL_* */
OPFN(arm_op_strex);   /* rd = status, store rs2 [rs3 second word] to [rs1 + imm]; rm size | ARM_EXCL_* */
/* ldrex/strex rm flags: acquire/release ordering (LDA*, STL*), and no monitor or status (LDA, STL). */
enum { ARM_EXCL_ACQREL = 16, ARM_EXCL_PLAIN = 32 };
OPFN(arm_op_clrex);
OPFN(arm_op_swp);     /* rd = [rs1], [rs1] = rs2; rm size */
OPFN(arm_op_illegal);

/* Index of a handler for conditional wrappers. */
unsigned arm_handler_index(op_fn f);
extern op_fn arm_handlers[AUX_IDX + 1];
extern const op_fn arm_cond_wrap[16];
/* B<cond> as one handler per condition (imm target); arm_emit uses them instead of wrapping arm_op_b. */
extern const op_fn arm_bcond[14];

/* Raises SIGSEGV at a (the op is the faulting instruction) and leaves the block. */
const struct op *arm_fault(struct emu_cpu *c, const struct op *o, uint64_t a);

static inline uint8_t *arm_addr(struct emu_cpu *c, const struct op *o, uint32_t a, unsigned n)
{
    uint64_t lim = ARM(c)->mem_limit;
    c->cur = o;
    if (__builtin_expect(!(a < lim && n <= lim - a), 0))
        return NULL;
    return ARM(c)->mem_base + a;
}

/* BXWritePC: bit 0 selects Thumb. */
static inline const struct op *arm_bx_to(struct emu_cpu *c, uint32_t v)
{
    c->pc = (v & 1) ? v : (v & ~3u);
    return NULL;
}

/* VFP helpers (vfp.c). arm_fp_init resets the FP state and caches the memory window (mem_base, mem_limit). */
void arm_fp_init(struct emu_cpu *c);
/* The whole FPSCR with the cumulative flags merged (also refreshes the fpscr field); and its write. */
uint32_t arm_fpscr_read(struct emu_cpu *c);
void arm_fpscr_write(struct emu_cpu *c, uint32_t v);

/* ARMv8 FP additions (v8fp.c): VSEL, VMAXNM/VMINNM, VRINT{A,N,P,M}, VCVT{A,N,P,M} (scalar 1111 1110 ... 101x)
   and the Advanced SIMD VRINT*, VCVT{A,N,P,M}, VMAXNM/VMINNM; w is the A32 form (T32 scalar words are the
   same). Returns 0 when w is none of them; with b NULL it only says whether it is one. */
int arm_decode_v8fp(uint64_t pc, unsigned len, uint32_t w, struct blk_builder *b, uint32_t pcval);

/* Backend entry points shared across files: the decoder (decode.c), signal frames (signal.c), memory operand
   of an op (memref.c), stack unwinding (unwind.c), gdb's register numbering and target description (gdb.c),
   and the guest-visible CPSR (isa.c). */
int arm_decode(struct emu_proc *p, uint64_t pc, struct blk_builder *b);
int arm_sig_setup(struct emu_cpu *c, int sig, const struct sig_info *info, const struct guest_sigaction *act,
                  uint64_t sp);
int64_t arm_sig_return(struct emu_cpu *c);
int arm_mem_ref(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len);
int arm_unwind(struct emu_cpu *c, uint64_t *pcs, int max);
extern const struct isa_reg arm_gdb_regs[];
extern const char *const arm_gdb_xml[];
uint64_t arm_get_cpsr(struct emu_cpu *c);
void arm_set_cpsr(struct emu_cpu *c, uint64_t v);

/* IT state (itstate.c). ITSTATE is CPSR.IT[7:0]: base condition in 7:5, the rest of the mask in 4:0.
   arm_it_note records the state of an instruction inside an IT block (it_insn/hw: the IT instruction);
   arm_it_at gives it back for a T32 pc (bit 0 set), 0 when pc is not in an IT block (or the code changed),
   with the IT instruction's address in *it_insn (when not NULL);
   arm_it_take_pending gives the one-shot state arm_it_set asked for at pc. arm_it_current is the state at the
   cpu's pc (CPSR.IT); arm_it_set makes the next block at the cpu's pc start with itstate. */
void arm_it_note(uint64_t pc, unsigned itstate, uint64_t it_insn, unsigned hw);
unsigned arm_it_at(struct emu_proc *p, uint64_t pc, uint64_t *it_insn);
int arm_it_take_pending(uint64_t pc, unsigned *itstate);
unsigned arm_it_current(struct emu_cpu *c);
void arm_it_set(struct emu_cpu *c, unsigned itstate);

/* Advanced SIMD (neon_*.c): decodes the A32 form of a NEON instruction (data processing 0xf2/0xf3, element
   and structure loads/stores 0xf4; T32 words are rewritten to that form by the caller). Returns 0 when the
   encoding is not handled (the caller raises SIGILL). */
int arm_decode_neon(uint64_t pc, unsigned len, uint32_t w, unsigned cond, struct blk_builder *b, uint32_t pcval);
int arm_decode_neon_ls(uint64_t pc, unsigned len, uint32_t w, unsigned cond, struct blk_builder *b, uint32_t pcval);

#endif
