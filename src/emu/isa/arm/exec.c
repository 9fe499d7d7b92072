/* arm integer execution: data processing with the shifter operand, multiplies, loads/stores of every
   addressing mode, load/store multiple, branches, exclusives, system and misc ops. Shared by A32 and T32. */
#include <signal.h>
#include <string.h>

#include "arm.h"
#include "bcache.h"
#include "trace.h"

#define NEXT OP_NEXT(c, o)
#define OP(name) static OPFN(name)
#define R(n) AR(c, n)
#define A (ARM(c))

const struct op *arm_fault(struct emu_cpu *c, const struct op *o, uint64_t a)
{
    c->pc = o->pc;
    emu_raise(c, SIGSEGV, 1 /* SEGV_MAPERR */, a);
    return NULL;
}

OPFN(arm_op_illegal)
{
    c->pc = o->pc;
    c->sig_insn = (uint32_t)o->imm;
    emu_raise(c, SIGILL, 1 /* ILL_ILLOPC */, o->pc & ~1ull);
    return NULL;
}

/* ---- conditions ---- */
op_fn arm_handlers[AUX_IDX + 1];
static unsigned nhandlers;

unsigned arm_handler_index(op_fn f)
{
    for (unsigned i = 0; i < nhandlers; i++)
        if (arm_handlers[i] == f)
            return i;
    if (nhandlers > AUX_IDX)
        return 0; /* cannot happen: there are far fewer handlers */
    arm_handlers[nhandlers] = f;
    return nhandlers++;
}

static inline int cond_pass(const struct arm_cpu *a, unsigned cond)
{
    switch (cond) {
    case 0: return a->zf;
    case 1: return !a->zf;
    case 2: return a->cf;
    case 3: return !a->cf;
    case 4: return a->nf;
    case 5: return !a->nf;
    case 6: return a->vf;
    case 7: return !a->vf;
    case 8: return a->cf && !a->zf;
    case 9: return !a->cf || a->zf;
    case 10: return a->nf == a->vf;
    case 11: return a->nf != a->vf;
    case 12: return !a->zf && a->nf == a->vf;
    case 13: return a->zf || a->nf != a->vf;
    default: return 1;
    }
}

#define CONDW(cc) OP(cond_##cc) { if (cond_pass(A, cc)) return arm_handlers[o->aux & AUX_IDX](c, o); \
    if (o->aux & AUX_END) { c->pc = o->pc + o->len; return NULL; } NEXT; }
CONDW(0) CONDW(1) CONDW(2) CONDW(3) CONDW(4) CONDW(5) CONDW(6) CONDW(7)
CONDW(8) CONDW(9) CONDW(10) CONDW(11) CONDW(12) CONDW(13)
const op_fn arm_cond_wrap[16] = {cond_0, cond_1, cond_2, cond_3, cond_4, cond_5, cond_6, cond_7,
                                 cond_8, cond_9, cond_10, cond_11, cond_12, cond_13, NULL, NULL};

/* Direct branches continue into the target's block when it is already decoded, instead of returning to the
   run loop, while nothing asks the loop to look (a stop, a deliverable signal, the debugger: a single step
   never chains) and at most ARM_CHAIN_MAX times in a row, so the loop still runs regularly (thread fairness,
   code invalidation). Retired-instruction counts are kept as the loop would. */
#define ARM_CHAIN_MAX 128
static inline const struct op *branch_to(struct emu_cpu *c, uint64_t target)
{
    c->pc = target;
    struct emu_proc *p = c->proc;
    if (A->chain < ARM_CHAIN_MAX && c->stop == STOP_NONE && !(c->pending & ~c->sigmask) && !p->dbg_attention) {
        struct block *b = bcache_find(p->bc, target);
        if (b) {
            A->chain++;
            c->instret += b->ninsn;
            return b->ops[0].fn(c, b->ops);
        }
    }
    A->chain = 0;
    return NULL;
}

/* Conditional B (the commonest conditional op) with its condition built in: no wrapper, no second dispatch. */
#define BCOND(cc) OP(bcond_##cc) { return branch_to(c, cond_pass(A, cc) ? (uint64_t)o->imm : o->pc + o->len); }
BCOND(0) BCOND(1) BCOND(2) BCOND(3) BCOND(4) BCOND(5) BCOND(6) BCOND(7)
BCOND(8) BCOND(9) BCOND(10) BCOND(11) BCOND(12) BCOND(13)
const op_fn arm_bcond[14] = {bcond_0, bcond_1, bcond_2, bcond_3, bcond_4, bcond_5, bcond_6, bcond_7,
                             bcond_8, bcond_9, bcond_10, bcond_11, bcond_12, bcond_13};

OPFN(arm_op_setpc) { R(15) = (uint32_t)o->imm; NEXT; }

/* CMP/CMN/TST followed by B<cond> in the same block: the compare (NZCV set exactly as alone) and, when the
   next op is still that conditional branch, the branch itself, without a dispatch between them. The decoder
   picks these (arm_cmp_fuse) when it emits the branch; anything the block builder puts between the two later
   (a breakpoint op) leaves o[1] something else, and the op then just continues as the plain compare. */
#define FZ_ARI(x_, y_, cin_) uint32_t x = (x_), y = (y_); uint64_t s = (uint64_t)x + y + (cin_); \
    uint32_t r = (uint32_t)s; A->nf = r >> 31; A->zf = r == 0; A->cf = (uint32_t)(s >> 32); \
    A->vf = ((x ^ r) & (y ^ r)) >> 31;
#define FZ_F_fz_cmpi FZ_ARI(R(o->rs1), ~(uint32_t)o->imm, 1)
#define FZ_F_fz_cmpr FZ_ARI(R(o->rs1), ~(R(o->rs2) << o->rs3), 1)
#define FZ_F_fz_cmni FZ_ARI(R(o->rs1), (uint32_t)o->imm, 0)
#define FZ_F_fz_tsti uint32_t r = R(o->rs1) & (uint32_t)o->imm; A->nf = r >> 31; A->zf = r == 0; \
    if (o->rs3 != 2) { A->cf = o->rs3; }
#define FZ(nm, cc) OP(nm##_##cc) { FZ_F_##nm; if (__builtin_expect(o[1].fn == bcond_##cc, 1)) \
    { return branch_to(c, cond_pass(A, cc) ? (uint64_t)o[1].imm : o[1].pc + o[1].len); } NEXT; }
#define FZ14(nm) FZ(nm, 0) FZ(nm, 1) FZ(nm, 2) FZ(nm, 3) FZ(nm, 4) FZ(nm, 5) FZ(nm, 6) FZ(nm, 7) FZ(nm, 8) \
    FZ(nm, 9) FZ(nm, 10) FZ(nm, 11) FZ(nm, 12) FZ(nm, 13)
#define FZROW(nm) {nm##_0, nm##_1, nm##_2, nm##_3, nm##_4, nm##_5, nm##_6, nm##_7, nm##_8, nm##_9, nm##_10, \
    nm##_11, nm##_12, nm##_13}
OPFN(arm_op_nop) { NEXT; }
OPFN(arm_op_fence) { __atomic_thread_fence(__ATOMIC_SEQ_CST); NEXT; }

/* ---- shifter ---- */
/* Shift with the register-shift rules (amount 0-255); the immediate forms are pre-converted to them. */
static inline uint32_t shift_c(uint32_t v, unsigned type, unsigned n, uint32_t cin, uint32_t *cout)
{
    switch (type) {
    case SH_LSL:
        if (n == 0) { *cout = cin; return v; }
        if (n < 32) { *cout = (v >> (32 - n)) & 1; return v << n; }
        *cout = n == 32 ? v & 1 : 0;
        return 0;
    case SH_LSR:
        if (n == 0) { *cout = cin; return v; }
        if (n < 32) { *cout = (v >> (n - 1)) & 1; return v >> n; }
        *cout = n == 32 ? v >> 31 : 0;
        return 0;
    case SH_ASR:
        if (n == 0) { *cout = cin; return v; }
        if (n < 32) { *cout = (v >> (n - 1)) & 1; return (uint32_t)((int32_t)v >> n); }
        *cout = v >> 31;
        return (uint32_t)((int32_t)v >> 31);
    case SH_ROR:
        if (n == 0) { *cout = cin; return v; }
        n &= 31;
        if (n == 0) { *cout = v >> 31; return v; }
        v = (v >> n) | (v << (32 - n));
        *cout = v >> 31;
        return v;
    default: /* RRX */
        *cout = v & 1;
        return (cin << 31) | (v >> 1);
    }
}

/* ALUWritePC: A32 interworks (ARMv7), T32 stays in Thumb. */
static inline const struct op *alu_write_pc(struct emu_cpu *c, const struct op *o, uint32_t v)
{
    if (o->pc & 1) {
        c->pc = v | 1;
        return NULL;
    }
    return arm_bx_to(c, v);
}

#define SETRD(v) do { uint32_t v_ = (v); if (__builtin_expect(o->rd == 15, 0)) return alu_write_pc(c, o, v_); \
    R(o->rd) = v_; } while (0)

#define OPND_0 uint32_t sc = o->rs3 == 2 ? A->cf : o->rs3; uint32_t b = (uint32_t)o->imm;
#define OPND_1 uint32_t sc; uint32_t b = shift_c(R(o->rs2), o->rm, o->rs3, A->cf, &sc);
#define OPND_2 uint32_t sc; uint32_t b = shift_c(R(o->rs2), o->rm, R(o->rs3) & 0xff, A->cf, &sc);

#define DP_LOG(name, K, expr, S, W) OP(name) { uint32_t a = R(o->rs1); OPND_##K; (void)a; (void)sc; \
    uint32_t r = (expr); if (S) { A->nf = r >> 31; A->zf = r == 0; A->cf = sc; } if (W) { SETRD(r); } NEXT; }
#define DP_ARI(name, K, X, Y, CIN, S, W) OP(name) { uint32_t a = R(o->rs1); OPND_##K; (void)sc; \
    uint32_t x = (X), y = (Y); uint64_t s = (uint64_t)x + y + (CIN); uint32_t r = (uint32_t)s; \
    if (S) { A->nf = r >> 31; A->zf = r == 0; A->cf = (uint32_t)(s >> 32); A->vf = ((x ^ r) & (y ^ r)) >> 31; } \
    if (W) { SETRD(r); } NEXT; }

#define LOG3(nm, expr, W) DP_LOG(nm##_0, 0, expr, 0, W) DP_LOG(nm##_0s, 0, expr, 1, W) \
    DP_LOG(nm##_1, 1, expr, 0, W) DP_LOG(nm##_1s, 1, expr, 1, W) DP_LOG(nm##_2, 2, expr, 0, W) DP_LOG(nm##_2s, 2, expr, 1, W)
#define ARI3(nm, X, Y, CIN, W) DP_ARI(nm##_0, 0, X, Y, CIN, 0, W) DP_ARI(nm##_0s, 0, X, Y, CIN, 1, W) \
    DP_ARI(nm##_1, 1, X, Y, CIN, 0, W) DP_ARI(nm##_1s, 1, X, Y, CIN, 1, W) \
    DP_ARI(nm##_2, 2, X, Y, CIN, 0, W) DP_ARI(nm##_2s, 2, X, Y, CIN, 1, W)

LOG3(dp_and, a & b, 1)
LOG3(dp_eor, a ^ b, 1)
ARI3(dp_sub, a, ~b, 1, 1)
ARI3(dp_rsb, b, ~a, 1, 1)
ARI3(dp_add, a, b, 0, 1)
ARI3(dp_adc, a, b, A->cf, 1)
ARI3(dp_sbc, a, ~b, A->cf, 1)
ARI3(dp_rsc, b, ~a, A->cf, 1)
LOG3(dp_tst, a & b, 0)
LOG3(dp_teq, a ^ b, 0)
ARI3(dp_cmp, a, ~b, 1, 0)
ARI3(dp_cmn, a, b, 0, 0)
LOG3(dp_orr, a | b, 1)
LOG3(dp_mov, b, 1)
LOG3(dp_bic, a & ~b, 1)
LOG3(dp_mvn, ~b, 1)
LOG3(dp_orn, a | ~b, 1)

#define ROW(nm) {{nm##_0, nm##_0s}, {nm##_1, nm##_1s}, {nm##_2, nm##_2s}}
const op_fn arm_dp[17][3][2] = {
    ROW(dp_and), ROW(dp_eor), ROW(dp_sub), ROW(dp_rsb), ROW(dp_add), ROW(dp_adc), ROW(dp_sbc), ROW(dp_rsc),
    ROW(dp_tst), ROW(dp_teq), ROW(dp_cmp), ROW(dp_cmn), ROW(dp_orr), ROW(dp_mov), ROW(dp_bic), ROW(dp_mvn),
    ROW(dp_orn),
};

/* Fast forms of kind 1 (register shifted by an immediate 0-31 of a fixed type; the decoder's imm_shift has
   turned LSR/ASR #32 and RRX into other cases): no shifter carry, so only for non-flag-setting logical ops and
   for arithmetic ops, whose carry comes from the sum. Picked by arm_dp_fast() when an op is emitted. */
#define SHF(T) ((T) == SH_LSL ? v << n : (T) == SH_LSR ? v >> n : (T) == SH_ASR ? (uint32_t)((int32_t)v >> n) \
                : (v >> n) | (v << ((32 - n) & 31)))
#define F_LOG(name, expr, T) OP(name) { uint32_t a = R(o->rs1), v = R(o->rs2); unsigned n = o->rs3; \
    uint32_t b = SHF(T); (void)a; SETRD(expr); NEXT; }
#define F_ARI(name, X, Y, CIN, T, S, W) OP(name) { uint32_t a = R(o->rs1), v = R(o->rs2); unsigned n = o->rs3; \
    uint32_t b = SHF(T); uint32_t x = (X), y = (Y); uint64_t s = (uint64_t)x + y + (CIN); uint32_t r = (uint32_t)s; \
    if (S) { A->nf = r >> 31; A->zf = r == 0; A->cf = (uint32_t)(s >> 32); A->vf = ((x ^ r) & (y ^ r)) >> 31; } \
    if (W) { SETRD(r); } NEXT; }
#define F_LOG4(nm, expr) F_LOG(nm##_f0, expr, SH_LSL) F_LOG(nm##_f1, expr, SH_LSR) F_LOG(nm##_f2, expr, SH_ASR) \
    F_LOG(nm##_f3, expr, SH_ROR)
#define F_ARI4(nm, X, Y, CIN, W) F_ARI(nm##_f0, X, Y, CIN, SH_LSL, 0, W) F_ARI(nm##_f1, X, Y, CIN, SH_LSR, 0, W) \
    F_ARI(nm##_f2, X, Y, CIN, SH_ASR, 0, W) F_ARI(nm##_f3, X, Y, CIN, SH_ROR, 0, W) \
    F_ARI(nm##_f0s, X, Y, CIN, SH_LSL, 1, W) F_ARI(nm##_f1s, X, Y, CIN, SH_LSR, 1, W) \
    F_ARI(nm##_f2s, X, Y, CIN, SH_ASR, 1, W) F_ARI(nm##_f3s, X, Y, CIN, SH_ROR, 1, W)
F_LOG4(dp_and, a & b)
F_LOG4(dp_eor, a ^ b)
F_LOG4(dp_orr, a | b)
F_LOG4(dp_mov, b)
F_LOG4(dp_bic, a & ~b)
F_LOG4(dp_mvn, ~b)
F_LOG4(dp_orn, a | ~b)
F_ARI4(dp_sub, a, ~b, 1, 1)
F_ARI4(dp_rsb, b, ~a, 1, 1)
F_ARI4(dp_add, a, b, 0, 1)
F_ARI4(dp_adc, a, b, A->cf, 1)
F_ARI4(dp_sbc, a, ~b, A->cf, 1)
F_ARI4(dp_rsc, b, ~a, A->cf, 1)
F_ARI4(dp_cmp, a, ~b, 1, 0)
F_ARI4(dp_cmn, a, b, 0, 0)

#define FL(nm) {{nm##_f0, NULL}, {nm##_f1, NULL}, {nm##_f2, NULL}, {nm##_f3, NULL}}
#define FA(nm) {{nm##_f0, nm##_f0s}, {nm##_f1, nm##_f1s}, {nm##_f2, nm##_f2s}, {nm##_f3, nm##_f3s}}
#define FN {{NULL, NULL}, {NULL, NULL}, {NULL, NULL}, {NULL, NULL}}
static const op_fn dp_fast[17][4][2] = {
    FL(dp_and), FL(dp_eor), FA(dp_sub), FA(dp_rsb), FA(dp_add), FA(dp_adc), FA(dp_sbc), FA(dp_rsc),
    FN, FN, FA(dp_cmp), FA(dp_cmn), FL(dp_orr), FL(dp_mov), FL(dp_bic), FL(dp_mvn), FL(dp_orn),
};

FZ14(fz_cmpi)
FZ14(fz_cmpr)
FZ14(fz_cmni)
FZ14(fz_tsti)
static const op_fn fz_tab[4][14] = {FZROW(fz_cmpi), FZROW(fz_cmpr), FZROW(fz_cmni), FZROW(fz_tsti)};

/* Two adjacent plain register ALU ops (no flags, Rd not the pc, a fixed shift of LSL or ROR: the bulk of hashing
   and checksum loops) run by one handler: the first op's fused handler does both when the next op is still the
   handler the decoder saw (arm_pair_fuse), else just its own. Each op writes its own Rd, as alone. */
#define PB(q, expr, T) { uint32_t a = R((q)->rs1), v = R((q)->rs2); unsigned n = (q)->rs3; uint32_t b = SHF(T); \
    (void)a; R((q)->rd) = (expr); }
#define PB_and_f0(q) PB(q, a & b, SH_LSL)
#define PB_and_f3(q) PB(q, a & b, SH_ROR)
#define PB_eor_f0(q) PB(q, a ^ b, SH_LSL)
#define PB_eor_f3(q) PB(q, a ^ b, SH_ROR)
#define PB_orr_f0(q) PB(q, a | b, SH_LSL)
#define PB_orr_f3(q) PB(q, a | b, SH_ROR)
#define PB_mov_f0(q) PB(q, b, SH_LSL)
#define PB_mov_f3(q) PB(q, b, SH_ROR)
#define PB_bic_f0(q) PB(q, a & ~b, SH_LSL)
#define PB_bic_f3(q) PB(q, a & ~b, SH_ROR)
#define PB_add_f0(q) PB(q, a + b, SH_LSL)
#define PB_add_f3(q) PB(q, a + b, SH_ROR)
#define PB_sub_f0(q) PB(q, a - b, SH_LSL)
#define PB_sub_f3(q) PB(q, a - b, SH_ROR)
#define PR(x, y) OP(pr_##x##__##y) { PB_##x(o); if (__builtin_expect(o[1].fn == dp_##y, 1)) { PB_##y(o + 1); \
    OP_NEXT(c, o + 1); } NEXT; }
#define PR_ALL(x) PR(x, and_f0) PR(x, and_f3) PR(x, eor_f0) PR(x, eor_f3) PR(x, orr_f0) PR(x, orr_f3) \
    PR(x, mov_f0) PR(x, mov_f3) PR(x, bic_f0) PR(x, bic_f3) PR(x, add_f0) PR(x, add_f3) PR(x, sub_f0) \
    PR(x, sub_f3)
#define PR_ROW(x) {pr_##x##__and_f0, pr_##x##__and_f3, pr_##x##__eor_f0, pr_##x##__eor_f3, pr_##x##__orr_f0, \
    pr_##x##__orr_f3, pr_##x##__mov_f0, pr_##x##__mov_f3, pr_##x##__bic_f0, pr_##x##__bic_f3, \
    pr_##x##__add_f0, pr_##x##__add_f3, pr_##x##__sub_f0, pr_##x##__sub_f3}
PR_ALL(and_f0)
PR_ALL(and_f3)
PR_ALL(eor_f0)
PR_ALL(eor_f3)
PR_ALL(orr_f0)
PR_ALL(orr_f3)
PR_ALL(mov_f0)
PR_ALL(mov_f3)
PR_ALL(bic_f0)
PR_ALL(bic_f3)
PR_ALL(add_f0)
PR_ALL(add_f3)
PR_ALL(sub_f0)
PR_ALL(sub_f3)
#define NPB 14
static const op_fn pr_base[NPB] = {dp_and_f0, dp_and_f3, dp_eor_f0, dp_eor_f3, dp_orr_f0, dp_orr_f3,
    dp_mov_f0, dp_mov_f3, dp_bic_f0, dp_bic_f3, dp_add_f0, dp_add_f3, dp_sub_f0, dp_sub_f3};
static const op_fn pr_tab[NPB][NPB] = {PR_ROW(and_f0), PR_ROW(and_f3), PR_ROW(eor_f0), PR_ROW(eor_f3),
    PR_ROW(orr_f0), PR_ROW(orr_f3), PR_ROW(mov_f0), PR_ROW(mov_f3), PR_ROW(bic_f0), PR_ROW(bic_f3),
    PR_ROW(add_f0), PR_ROW(add_f3), PR_ROW(sub_f0), PR_ROW(sub_f3)};

static int pr_index(op_fn f)
{
    for (int i = 0; i < NPB; i++)
        if (pr_base[i] == f)
            return i;
    return -1;
}

op_fn arm_pair_fuse(const struct op *first, const struct op *second)
{
    int i = pr_index(first->fn), j = pr_index(second->fn);
    if (i < 0 || j < 0 || first->rd == 15 || second->rd == 15 || first->aux || second->aux)
        return NULL;
    return pr_tab[i][j];
}

op_fn arm_pair_is_fused(op_fn f)
{
    for (int i = 0; i < NPB; i++)
        for (int j = 0; j < NPB; j++)
            if (pr_tab[i][j] == f)
                return f;
    return NULL;
}

op_fn arm_cmp_fuse(op_fn cmp, unsigned cond)
{
    const op_fn from[4] = {dp_cmp_0s, dp_cmp_f0s, dp_cmn_0s, dp_tst_0s};
    for (unsigned i = 0; i < 4 && cond < 14; i++)
        if (cmp == from[i])
            return fz_tab[i][cond];
    return NULL;
}

op_fn arm_dp_fast(const struct op *o)
{
    if (o->rm > SH_ROR || o->rs3 > 31 || (o->rs3 == 0 && o->rm != SH_LSL))
        return NULL;
    for (unsigned op = 0; op < 17; op++)
        for (unsigned s = 0; s < 2; s++)
            if (arm_dp[op][1][s] == o->fn)
                return dp_fast[op][o->rm][s];
    return NULL;
}

/* ---- multiply / divide ---- */
OPFN(arm_op_mul)
{
    uint32_t p = R(o->rs1) * R(o->rs2);
    uint32_t r = (o->rm & 3) == 0 ? p : (o->rm & 3) == 1 ? p + R(o->rs3) : R(o->rs3) - p;
    if (o->rm & 4) {
        A->nf = r >> 31;
        A->zf = r == 0;
    }
    R(o->rd) = r;
    NEXT;
}

OPFN(arm_op_mull)
{
    uint32_t a = R(o->rs1), b = R(o->rs2);
    uint64_t acc = ((uint64_t)R(o->rm) << 32) | R(o->rd), r;
    switch (o->rs3 & 7) {
    case 0: r = (uint64_t)a * b; break;
    case 1: r = (uint64_t)((int64_t)(int32_t)a * (int32_t)b); break;
    case 2: r = (uint64_t)a * b + acc; break;
    case 3: r = (uint64_t)((int64_t)(int32_t)a * (int32_t)b) + acc; break;
    default: r = (uint64_t)a * b + R(o->rd) + R(o->rm); break;
    }
    if (o->rs3 & 8) {
        A->nf = (uint32_t)(r >> 63);
        A->zf = r == 0;
    }
    R(o->rd) = (uint32_t)r;
    R(o->rm) = (uint32_t)(r >> 32);
    NEXT;
}

OPFN(arm_op_smulxy)
{
    int32_t a = (int16_t)((o->rm & 1) ? R(o->rs1) >> 16 : R(o->rs1));
    int32_t b = (int16_t)((o->rm & 2) ? R(o->rs2) >> 16 : R(o->rs2));
    int64_t r = (int64_t)a * b;
    if (o->rm & 4) {
        r += (int32_t)R(o->rs3);
        if (r != (int32_t)r)
            A->qf = 1;
    }
    R(o->rd) = (uint32_t)r;
    NEXT;
}

OPFN(arm_op_div)
{
    uint32_t a = R(o->rs1), b = R(o->rs2), r;
    if (b == 0)
        r = 0;
    else if (o->rm)
        r = (a == 0x80000000u && b == 0xffffffffu) ? a : (uint32_t)((int32_t)a / (int32_t)b);
    else
        r = a / b;
    R(o->rd) = r;
    NEXT;
}

/* ---- misc data ---- */
OPFN(arm_op_clz) { uint32_t v = R(o->rs2); R(o->rd) = v ? (uint32_t)__builtin_clz(v) : 32; NEXT; }

OPFN(arm_op_rev)
{
    uint32_t v = R(o->rs2), r;
    switch (o->rm) {
    case 0: r = __builtin_bswap32(v); break;
    case 1: r = ((v & 0x00ff00ffu) << 8) | ((v >> 8) & 0x00ff00ffu); break;
    case 2: r = (uint32_t)(int32_t)(int16_t)(uint16_t)(((v & 0xff) << 8) | ((v >> 8) & 0xff)); break;
    default:
        r = 0;
        for (int i = 0; i < 32; i++)
            r |= ((v >> i) & 1) << (31 - i);
        break;
    }
    R(o->rd) = r;
    NEXT;
}

OPFN(arm_op_ext)
{
    uint32_t v = R(o->rs2), n = o->rs3, r;
    if (n)
        v = (v >> n) | (v << (32 - n));
    if (o->rm & 8) { /* UXTB16 / SXTB16 */
        uint32_t lo = v & 0xff, hi = (v >> 16) & 0xff;
        if (o->rm & 2) {
            lo = (uint32_t)(int32_t)(int8_t)lo & 0xffff;
            hi = (uint32_t)(int32_t)(int8_t)hi & 0xffff;
        }
        if (o->rm & 4) {
            lo = (lo + R(o->rs1)) & 0xffff;
            hi = (hi + (R(o->rs1) >> 16)) & 0xffff;
        }
        R(o->rd) = lo | (hi << 16);
        NEXT;
    }
    switch (o->rm & 3) {
    case 0: r = v & 0xff; break;
    case 1: r = v & 0xffff; break;
    case 2: r = (uint32_t)(int32_t)(int8_t)v; break;
    default: r = (uint32_t)(int32_t)(int16_t)v; break;
    }
    if (o->rm & 4)
        r += R(o->rs1);
    R(o->rd) = r;
    NEXT;
}

OPFN(arm_op_bfx)
{
    uint32_t v = R(o->rs1) >> o->rs2, w = o->rs3;
    if (w < 32) {
        v &= (1u << w) - 1;
        if (o->rm && (v >> (w - 1)) & 1)
            v |= ~((1u << w) - 1);
    }
    R(o->rd) = v;
    NEXT;
}

OPFN(arm_op_bfi)
{
    unsigned lsb = o->rs2, msb = o->rs3;
    if (msb >= lsb) {
        uint32_t w = msb - lsb + 1;
        uint32_t mask = (w >= 32 ? 0xffffffffu : ((1u << w) - 1)) << lsb;
        uint32_t src = o->rs1 == 16 ? 0 : R(o->rs1) << lsb;
        R(o->rd) = (R(o->rd) & ~mask) | (src & mask);
    }
    NEXT;
}

OPFN(arm_op_movw) { R(o->rd) = (uint32_t)o->imm; NEXT; }
OPFN(arm_op_movt) { R(o->rd) = (R(o->rd) & 0xffff) | ((uint32_t)o->imm << 16); NEXT; }

OPFN(arm_op_sat)
{
    uint32_t sc;
    int64_t v = (int32_t)shift_c(R(o->rs1), o->rm, o->rs3, 0, &sc);
    unsigned n = (unsigned)o->imm;
    int64_t lo, hi;
    if (o->rs2) {
        lo = -(1ll << (n - 1));
        hi = (1ll << (n - 1)) - 1;
    } else {
        lo = 0;
        hi = (1ll << n) - 1;
    }
    if (v < lo) { v = lo; A->qf = 1; }
    if (v > hi) { v = hi; A->qf = 1; }
    R(o->rd) = (uint32_t)v;
    NEXT;
}

static int32_t ssat32(struct emu_cpu *c, int64_t v)
{
    if (v > INT32_MAX) { A->qf = 1; return INT32_MAX; }
    if (v < INT32_MIN) { A->qf = 1; return INT32_MIN; }
    return (int32_t)v;
}

OPFN(arm_op_qadd)
{
    int64_t n = (int32_t)R(o->rs1), m = (int32_t)R(o->rs2);
    if (o->rm & 2)
        n = ssat32(c, 2 * n);
    R(o->rd) = (uint32_t)ssat32(c, (o->rm & 1) ? m - n : m + n);
    NEXT;
}

OPFN(arm_op_sel)
{
    uint32_t n = R(o->rs1), m = R(o->rs2), r = 0;
    for (int i = 0; i < 4; i++)
        r |= (((A->ge >> i) & 1) ? n : m) & (0xffu << (8 * i));
    R(o->rd) = r;
    NEXT;
}

/* ---- status registers ---- */
OPFN(arm_op_mrs)
{
    R(o->rd) = A->nf << 31 | A->zf << 30 | A->cf << 29 | A->vf << 28 | A->qf << 27 | A->ge << 16 |
               ((o->pc & 1) ? 1u << 5 : 0) | 0x10;
    NEXT;
}

OPFN(arm_op_msr)
{
    uint32_t v = o->rs2 == 0xff ? (uint32_t)o->imm : R(o->rs2);
    if (o->rm & 2) {
        A->nf = v >> 31;
        A->zf = (v >> 30) & 1;
        A->cf = (v >> 29) & 1;
        A->vf = (v >> 28) & 1;
        A->qf = (v >> 27) & 1;
    }
    if (o->rm & 1)
        A->ge = (v >> 16) & 15;
    NEXT;
}

OPFN(arm_op_mrc_tls) { R(o->rd) = A->tpidruro; NEXT; }

/* ---- loads and stores ---- */
static inline uint32_t ls_off(struct emu_cpu *c, const struct op *o, int reg)
{
    if (!reg)
        return (uint32_t)o->imm;
    uint32_t sc, v = shift_c(R(o->rs2), o->rm & 7, o->rs3, A->cf, &sc);
    return (o->rm & 8) ? 0u - v : v;
}

#define LS_EA(REG, MODE) uint32_t base = R(o->rs1), off = ls_off(c, o, REG); \
    uint32_t ea = MODE == 2 ? base : base + off; uint32_t wb = base + off; (void)wb;
#define WB(MODE) if (MODE) { R(o->rs1) = wb; }

#define LOADX(name, REG, MODE, N, expr) OP(name) { LS_EA(REG, MODE) uint8_t *p = arm_addr(c, o, ea, N); \
    if (!p) { return arm_fault(c, o, ea); } uint32_t v = (expr); WB(MODE) \
    if (__builtin_expect(o->rd == 15, 0)) { return arm_bx_to(c, v); } R(o->rd) = v; NEXT; }
#define STOREX(name, REG, MODE, N, st) OP(name) { LS_EA(REG, MODE) uint8_t *p = arm_addr(c, o, ea, N); \
    if (!p) { return arm_fault(c, o, ea); } st(p, R(o->rd)); WB(MODE) NEXT; }
/* LDRD/STRD: rd Rt, rs3 Rt2 (register offset: rs2 Rm, rm 8 for subtract, no shift). */
#define LDRDX(name, REG, MODE) OP(name) { uint32_t base = R(o->rs1); \
    uint32_t off = REG ? ((o->rm & 8) ? 0u - R(o->rs2) : R(o->rs2)) : (uint32_t)o->imm; \
    uint32_t ea = MODE == 2 ? base : base + off; uint8_t *p = arm_addr(c, o, ea, 8); \
    if (!p) { return arm_fault(c, o, ea); } uint32_t v0 = ld32(p), v1 = ld32(p + 4); if (MODE) R(o->rs1) = base + off; \
    R(o->rd) = v0; R(o->rs3) = v1; NEXT; }
#define STRDX(name, REG, MODE) OP(name) { uint32_t base = R(o->rs1); \
    uint32_t off = REG ? ((o->rm & 8) ? 0u - R(o->rs2) : R(o->rs2)) : (uint32_t)o->imm; \
    uint32_t ea = MODE == 2 ? base : base + off; uint8_t *p = arm_addr(c, o, ea, 8); \
    if (!p) { return arm_fault(c, o, ea); } st32(p, R(o->rd)); st32(p + 4, R(o->rs3)); if (MODE) { R(o->rs1) = base + off; } NEXT; }

#define LS6(nm, MAC, ...) MAC(nm##_i0, 0, 0, __VA_ARGS__) MAC(nm##_i1, 0, 1, __VA_ARGS__) MAC(nm##_i2, 0, 2, __VA_ARGS__) \
    MAC(nm##_r0, 1, 0, __VA_ARGS__) MAC(nm##_r1, 1, 1, __VA_ARGS__) MAC(nm##_r2, 1, 2, __VA_ARGS__)
#define LSD6(nm, MAC) MAC(nm##_i0, 0, 0) MAC(nm##_i1, 0, 1) MAC(nm##_i2, 0, 2) MAC(nm##_r0, 1, 0) MAC(nm##_r1, 1, 1) MAC(nm##_r2, 1, 2)

LS6(ls_ldr, LOADX, 4, ld32(p))
LS6(ls_ldrb, LOADX, 1, ld8(p))
LS6(ls_ldrh, LOADX, 2, ld16(p))
LS6(ls_ldrsb, LOADX, 1, (uint32_t)(int32_t)(int8_t)ld8(p))
LS6(ls_ldrsh, LOADX, 2, (uint32_t)(int32_t)(int16_t)ld16(p))
LS6(ls_str, STOREX, 4, st32)
LS6(ls_strb, STOREX, 1, st8)
LS6(ls_strh, STOREX, 2, st16)
LSD6(ls_ldrd, LDRDX)
LSD6(ls_strd, STRDX)

#define LSROW(nm) {{nm##_i0, nm##_i1, nm##_i2}, {nm##_r0, nm##_r1, nm##_r2}}
const op_fn arm_ls[LS_N][2][3] = {
    LSROW(ls_ldr), LSROW(ls_ldrb), LSROW(ls_ldrh), LSROW(ls_ldrsb), LSROW(ls_ldrsh),
    LSROW(ls_str), LSROW(ls_strb), LSROW(ls_strh), LSROW(ls_ldrd), LSROW(ls_strd),
};

/* LDM/STM: mode 0 DA, 1 IA, 2 DB, 3 IB. */
static inline uint32_t lsm_start(uint32_t base, unsigned mode, unsigned n)
{
    switch (mode) {
    case 0: return base - 4 * n + 4;
    case 1: return base;
    case 2: return base - 4 * n;
    default: return base + 4;
    }
}

OPFN(arm_op_ldm)
{
    uint32_t list = (uint32_t)o->imm, n = (uint32_t)__builtin_popcount(list), base = R(o->rs1);
    uint32_t ea = lsm_start(base, o->rm, n);
    uint8_t *p = arm_addr(c, o, ea, 4 * n);
    if (!p)
        return arm_fault(c, o, ea);
    uint32_t v[16];
    for (int i = 0, k = 0; i < 16; i++)
        if (list >> i & 1)
            v[i] = ld32(p + 4 * k++);
    if (o->rs3)
        R(o->rs1) = (o->rm & 1) ? base + 4 * n : base - 4 * n;
    for (int i = 0; i < 15; i++)
        if (list >> i & 1)
            R(i) = v[i];
    if (list & 0x8000)
        return arm_bx_to(c, v[15]);
    NEXT;
}

OPFN(arm_op_stm)
{
    uint32_t list = (uint32_t)o->imm, n = (uint32_t)__builtin_popcount(list), base = R(o->rs1);
    uint32_t ea = lsm_start(base, o->rm, n);
    uint8_t *p = arm_addr(c, o, ea, 4 * n);
    if (!p)
        return arm_fault(c, o, ea);
    for (int i = 0, k = 0; i < 16; i++)
        if (list >> i & 1)
            st32(p + 4 * k++, R(i));
    if (o->rs3)
        R(o->rs1) = (o->rm & 1) ? base + 4 * n : base - 4 * n;
    NEXT;
}

/* ---- exclusives (guest threads run one at a time under the emulator lock; the value check catches
   plain stores by another thread in between) ---- */
/* Exclusive and acquire/release accesses must be aligned to their size: SIGBUS (BUS_ADRALN) at ea, as the
   kernel's alignment fault gives (it does not fix these up). */
static const struct op *align_fault(struct emu_cpu *c, const struct op *o, uint32_t ea)
{
    c->pc = o->pc;
    emu_raise(c, SIGBUS, 1 /* BUS_ADRALN */, ea);
    return NULL;
}

OPFN(arm_op_ldrex)
{
    uint32_t ea = R(o->rs1) + (uint32_t)o->imm;
    unsigned n = o->rm & 15;
    if (__builtin_expect(ea & (n - 1), 0))
        return align_fault(c, o, ea);
    uint8_t *p = arm_addr(c, o, ea, n);
    if (!p)
        return arm_fault(c, o, ea);
    uint64_t v = n == 1 ? ld8(p) : n == 2 ? ld16(p) : n == 4 ? ld32(p) : ld64(p);
    if (o->rm & ARM_EXCL_ACQREL)
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (o->rm & ARM_EXCL_PLAIN) { /* LDA, LDAB, LDAH */
        R(o->rd) = (uint32_t)v;
        NEXT;
    }
    A->excl_addr = ea;
    A->excl_val = v;
    A->excl_valid = 1;
    if (n == 8) {
        R(o->rd) = (uint32_t)v;
        R(o->rs3) = (uint32_t)(v >> 32);
    } else {
        R(o->rd) = (uint32_t)v;
    }
    NEXT;
}

OPFN(arm_op_strex)
{
    uint32_t ea = R(o->rs1) + (uint32_t)o->imm;
    unsigned n = o->rm & 15;
    if (__builtin_expect(ea & (n - 1), 0))
        return align_fault(c, o, ea);
    uint8_t *p = arm_addr(c, o, ea, n);
    if (!p)
        return arm_fault(c, o, ea);
    if (o->rm & ARM_EXCL_ACQREL)
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (o->rm & ARM_EXCL_PLAIN) { /* STL, STLB, STLH */
        if (n == 1) st8(p, (uint8_t)R(o->rs2));
        else if (n == 2) st16(p, (uint16_t)R(o->rs2));
        else st32(p, R(o->rs2));
        NEXT;
    }
    uint64_t nv = n == 8 ? ((uint64_t)R(o->rs3) << 32) | R(o->rs2) : R(o->rs2);
    int ok = 0;
    if (A->excl_valid && A->excl_addr == ea) {
        uint64_t cur = n == 1 ? ld8(p) : n == 2 ? ld16(p) : n == 4 ? ld32(p) : ld64(p);
        if (cur == A->excl_val) {
            if (n == 1) st8(p, (uint8_t)nv);
            else if (n == 2) st16(p, (uint16_t)nv);
            else if (n == 4) st32(p, (uint32_t)nv);
            else st64(p, nv);
            ok = 1;
        }
    }
    A->excl_valid = 0;
    R(o->rd) = !ok;
    NEXT;
}

OPFN(arm_op_clrex) { A->excl_valid = 0; NEXT; }

OPFN(arm_op_swp)
{
    uint32_t ea = R(o->rs1);
    uint8_t *p = arm_addr(c, o, ea, o->rm);
    if (!p)
        return arm_fault(c, o, ea);
    uint32_t nv = R(o->rs2), old;
    if (o->rm == 1) { old = ld8(p); st8(p, (uint8_t)nv); }
    else { old = ld32(p); st32(p, nv); }
    R(o->rd) = old;
    NEXT;
}

/* ---- branches (always the last op of a block) ---- */
OPFN(arm_op_b) { return branch_to(c, (uint64_t)o->imm); }
OPFN(arm_op_bl) { R(14) = (uint32_t)(o->pc + o->len); c->pc = (uint64_t)o->imm; return NULL; }
OPFN(arm_op_bx) { return arm_bx_to(c, R(o->rs2)); }
OPFN(arm_op_blx) { uint32_t t = R(o->rs2); R(14) = (uint32_t)(o->pc + o->len); return arm_bx_to(c, t); }
OPFN(arm_op_cbz)
{
    int zero = R(o->rs1) == 0;
    c->pc = (zero != (o->rm != 0)) ? (uint64_t)o->imm : o->pc + o->len;
    return NULL;
}

/* ---- system ---- */
OPFN(arm_op_svc)
{
    c->pc = o->pc + o->len;
    c->cur = o;
    uint32_t nr = R(7);
    if (nr >= 0xf0000 && nr < 0xf0800) { /* ARM private syscalls */
        static const char *const names[] = { NULL, "breakpoint", "cacheflush", "usr26", "usr32", "set_tls", "get_tls" };
        uint64_t args[6] = { R(0), R(1), R(2), R(3), R(4), R(5) };
        /* as arch/arm/kernel/traps.c answers them: no 26-bit mode (usr26/usr32 are bad syscalls), breakpoint is
           a SIGTRAP at the svc, cacheflush checks its range and flags, unknown numbers are ENOSYS */
        switch (nr) {
        case 0xf0001: /* breakpoint */
        case 0xf0003: /* usr26 */
        case 0xf0004: /* usr32 */
            trace_syscall_outside(c->proc->trace, c, (int)nr, names[nr - 0xf0000], args, 0);
            c->pc = o->pc;
            if (nr == 0xf0001)
                emu_raise(c, SIGTRAP, 1 /* TRAP_BRKPT */, o->pc & ~1ull);
            else
                emu_raise(c, SIGILL, 4 /* ILL_ILLTRP */, o->pc & ~1ull);
            return NULL;
        case 0xf0002: /* cacheflush(start, end, flags) */
            if (R(1) < R(0) || R(2)) {
                R(0) = (uint32_t)-22; /* EINVAL */
                break;
            }
            bcache_invalidate(c->proc->bc);
            R(0) = 0;
            break;
        case 0xf0005: A->tpidruro = R(0); R(0) = 0; break; /* set_tls */
        case 0xf0006: R(0) = A->tpidruro; break;           /* get_tls */
        default: R(0) = (uint32_t)-38; break;              /* ENOSYS */
        }
        trace_syscall_outside(c->proc->trace, c, (int)nr, nr - 0xf0000 < 7 ? names[nr - 0xf0000] : NULL, args,
                              (int32_t)R(0));
        return NULL;
    }
    emu_syscall(c);
    return NULL;
}

OPFN(arm_op_bkpt) { c->pc = o->pc; emu_raise(c, SIGTRAP, 1 /* TRAP_BRKPT */, o->pc & ~1ull); return NULL; }
OPFN(arm_op_udf) { return arm_op_illegal(c, o); }

/* Parallel add/subtract setting GE: rd = rs1 op rs2 lane-wise; rm bit0 subtract, bit1 bytes (else halves),
   bit2 signed. */
OPFN(arm_op_par)
{
    uint32_t n = R(o->rs1), m = R(o->rs2), r = 0, ge = 0;
    unsigned kind = o->rm & 3, bytes = (o->rm >> 2) & 1, sgn = (o->rm >> 3) & 1, mode = (o->rm >> 4) & 3;
    unsigned lanes = bytes ? 4 : 2, bits = 32 / lanes;
    uint32_t mask = (1u << bits) - 1;
    for (unsigned i = 0; i < lanes; i++) {
        unsigned j = kind == 1 || kind == 2 ? i ^ 1 : i; /* ASX/SAX pair a lane of n with the other lane of m */
        int32_t a, b;
        if (sgn) {
            a = (int32_t)((n >> (i * bits)) << (32 - bits)) >> (32 - bits);
            b = (int32_t)((m >> (j * bits)) << (32 - bits)) >> (32 - bits);
        } else {
            a = (int32_t)((n >> (i * bits)) & mask);
            b = (int32_t)((m >> (j * bits)) & mask);
        }
        int sub = kind == 3 || (kind == 1 && i == 0) || (kind == 2 && i == 1);
        int32_t s = sub ? a - b : a + b;
        if (mode == 1) { /* saturating: clamp to the lane's range, GE untouched */
            int32_t lo = sgn ? -(1 << (bits - 1)) : 0, hi = sgn ? (1 << (bits - 1)) - 1 : (int32_t)mask;
            s = s < lo ? lo : s > hi ? hi : s;
        } else if (mode == 2) { /* halving */
            s >>= 1;
        }
        int set = sgn ? s >= 0 : sub ? s >= 0 : s >= (int32_t)(1u << bits);
        r |= ((uint32_t)s & mask) << (i * bits);
        if (set)
            ge |= (bits == 8 ? 1u : 3u) << (i * (bits / 8));
    }
    if (mode == 0)
        A->ge = ge;
    R(o->rd) = r;
    NEXT;
}

/* PKHBT (rm 0): rd = rs1[15:0] | (rs2 << rs3)[31:16]; PKHTB (rm 1): rd = rs1[31:16] | (rs2 asr rs3)[15:0]. */
OPFN(arm_op_pkh)
{
    uint32_t n = R(o->rs1), m = R(o->rs2);
    if (o->rm)
        R(o->rd) = (n & 0xffff0000u) | ((uint32_t)((int32_t)m >> (o->rs3 > 31 ? 31 : o->rs3)) & 0xffffu);
    else
        R(o->rd) = (n & 0xffffu) | ((m << o->rs3) & 0xffff0000u);
    NEXT;
}

/* USAD8/USADA8: rd = sum of |rs1.b[i] - rs2.b[i]| (+ rs3 when rm = 1). */
OPFN(arm_op_usad8)
{
    uint32_t n = R(o->rs1), m = R(o->rs2), sum = o->rm ? R(o->rs3) : 0;
    for (unsigned i = 0; i < 32; i += 8) {
        int d = (int)((n >> i) & 0xff) - (int)((m >> i) & 0xff);
        sum += (uint32_t)(d < 0 ? -d : d);
    }
    R(o->rd) = sum;
    NEXT;
}

/* SMMUL/SMMLA/SMMLS: rd = high word of ([rs3:0] +/- rs1 * rs2 [+ 0x80000000]); rm bit0 round, bit1 accumulate,
   bit2 subtract. */
OPFN(arm_op_smmul)
{
    int64_t p = (int64_t)(int32_t)R(o->rs1) * (int32_t)R(o->rs2);
    uint64_t acc = (o->rm & 2) ? (uint64_t)R(o->rs3) << 32 : 0;
    uint64_t v = (o->rm & 4) ? acc - (uint64_t)p : acc + (uint64_t)p;
    if (o->rm & 1)
        v += 0x80000000u;
    R(o->rd) = (uint32_t)(v >> 32);
    NEXT;
}

/* Dual 16-bit multiplies: rm bit0 X (swap rs2's halves), bit1 subtract (SMUSD/SMLSD), bit2 accumulate rs3
   (Q on overflow), bit3 long (SMLALD/SMLSLD: rd low, rs3 high, both accumulated). */
OPFN(arm_op_smlad)
{
    uint32_t n = R(o->rs1), m = R(o->rs2);
    if (o->rm & 1)
        m = m >> 16 | m << 16;
    int64_t p1 = (int64_t)(int16_t)n * (int16_t)m, p2 = (int64_t)(int16_t)(n >> 16) * (int16_t)(m >> 16);
    int64_t s = (o->rm & 2) ? p1 - p2 : p1 + p2;
    if (o->rm & 8) {
        uint64_t acc = (uint64_t)R(o->rs3) << 32 | R(o->rd);
        acc += (uint64_t)s;
        R(o->rd) = (uint32_t)acc;
        R(o->rs3) = (uint32_t)(acc >> 32);
        NEXT;
    }
    if (o->rm & 4)
        s += (int32_t)R(o->rs3);
    if (s != (int32_t)s)
        A->qf = 1;
    R(o->rd) = (uint32_t)s;
    NEXT;
}

/* SMULWy/SMLAWy: rd = (rs1 * rs2 half (rm bit1 top)) >> 16 [+ rs3 when rm bit2, Q on overflow]. */
OPFN(arm_op_smulw)
{
    int64_t p = ((int64_t)(int32_t)R(o->rs1) * (int16_t)((o->rm & 2) ? R(o->rs2) >> 16 : R(o->rs2))) >> 16;
    if (o->rm & 4) {
        p += (int32_t)R(o->rs3);
        if (p != (int32_t)p)
            A->qf = 1;
    }
    R(o->rd) = (uint32_t)p;
    NEXT;
}

/* SMLALxy: [rs3:rd] += rs1 half (rm bit0 top) * rs2 half (rm bit1 top). */
OPFN(arm_op_smlalxy)
{
    int32_t a = (int16_t)((o->rm & 1) ? R(o->rs1) >> 16 : R(o->rs1));
    int32_t b = (int16_t)((o->rm & 2) ? R(o->rs2) >> 16 : R(o->rs2));
    uint64_t acc = ((uint64_t)R(o->rs3) << 32 | R(o->rd)) + (uint64_t)(int64_t)((int64_t)a * b);
    R(o->rd) = (uint32_t)acc;
    R(o->rs3) = (uint32_t)(acc >> 32);
    NEXT;
}

/* SSAT16/USAT16: each halfword of rs1 saturated to imm bits; rs2 1 signed. Sets Q when one clips. */
OPFN(arm_op_sat16)
{
    uint32_t v = R(o->rs1), r = 0;
    unsigned n = (unsigned)o->imm;
    for (unsigned i = 0; i < 2; i++) {
        int32_t x = (int16_t)(v >> (16 * i)), lo, hi;
        if (o->rs2) { hi = (1 << (n - 1)) - 1; lo = -hi - 1; }
        else { hi = (int32_t)((1u << n) - 1); lo = 0; }
        if (x > hi) { x = hi; A->qf = 1; }
        else if (x < lo) { x = lo; A->qf = 1; }
        r |= ((uint32_t)x & 0xffffu) << (16 * i);
    }
    R(o->rd) = r;
    NEXT;
}
