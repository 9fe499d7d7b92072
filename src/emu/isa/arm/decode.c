/* arm decoder entry and the A32 decoder: mask/match rows select a family, whose decode function extracts
   the operands into an op and picks the handler. */
#include <string.h>

#include "arm.h"
#include "bcache.h"

struct op *arm_emit(struct blk_builder *b, const struct op *t, unsigned cond, unsigned flags, uint32_t pcval)
{
    uint64_t pc = t->pc;
    if (flags & EMIT_PC) {
        struct op *s = &b->ops[b->nops++];
        memset(s, 0, sizeof *s);
        s->fn = arm_op_setpc;
        s->imm = pcval;
        s->pc = pc;
        s->len = t->len;
    }
    struct op *o = &b->ops[b->nops++];
    *o = *t;
    o->aux = 0;
    op_fn fast = arm_dp_fast(o);
    if (fast)
        o->fn = fast;
    if (cond < 14 && o->fn == arm_op_b && (flags & EMIT_END)) {
        o->fn = arm_bcond[cond];
        struct op *prev = b->nops >= 2 ? o - 1 : NULL; /* the compare just before, when adjacent and plain */
        op_fn fz = prev && !prev->aux && prev->pc + prev->len == pc ? arm_cmp_fuse(prev->fn, cond) : NULL;
        if (fz)
            prev->fn = fz;
    } else if (cond < 14) {
        o->aux = (uint16_t)arm_handler_index(o->fn);
        o->fn = arm_cond_wrap[cond];
    }
    /* Pair with the op before when both are plain register ALU ops of adjacent instructions, and that op is
       not already the second of a pair (its handler must stay the one its partner checks for). */
    if (cond == 14 && !(flags & (EMIT_END | EMIT_PC)) && b->nops >= 2) {
        struct op *prev = o - 1;
        op_fn pf = prev->pc + prev->len == pc ? arm_pair_fuse(prev, o) : NULL;
        if (pf && !(b->nops >= 3 && arm_pair_is_fused(prev[-1].fn)))
            prev->fn = pf;
    }
    if (flags & EMIT_END) {
        o->aux |= AUX_END;
        b->end = 1;
    }
    /* Room for the debugger's ops and the terminator: end blocks well before the buffer can fill, with a
       jump to the next instruction (the buffer has room past cap for it). */
    if (!b->end && b->nops + 2 >= b->cap) {
        struct op *g = &b->ops[b->nops++];
        memset(g, 0, sizeof *g);
        g->fn = bcache_op_goto;
        g->imm = (int64_t)(pc + t->len);
        g->pc = pc + t->len;
        b->end = 1;
    }
    return o;
}

void arm_emit_illegal(struct blk_builder *b, uint64_t pc, unsigned len, uint32_t insn)
{
    struct op t = {.fn = arm_op_illegal, .imm = insn, .pc = pc, .len = (uint8_t)len};
    arm_emit(b, &t, 14, EMIT_END, 0);
}

#define F(w, hi, lo) (((w) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))

/* A32 modified immediate: value and carry-out (2 = unchanged). */
static uint32_t a32_imm(uint32_t w, uint8_t *carry)
{
    uint32_t v = w & 0xff, rot = 2 * F(w, 11, 8);
    if (rot)
        v = (v >> rot) | (v << (32 - rot));
    *carry = rot ? (uint8_t)(v >> 31) : 2;
    return v;
}

typedef int (*a32_fam)(uint64_t pc, uint32_t w, struct op *t, unsigned *flags);

/* Shared operand conversion for an immediate shift: LSR/ASR #0 mean 32, ROR #0 is RRX. */
static void imm_shift(struct op *t, unsigned type, unsigned amt)
{
    t->rm = (uint8_t)type;
    t->rs3 = (uint8_t)amt;
    if (amt == 0 && (type == SH_LSR || type == SH_ASR))
        t->rs3 = 32;
    if (amt == 0 && type == SH_ROR)
        t->rm = SH_RRX;
}

static int dp(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    unsigned opc = F(w, 24, 21), s = F(w, 20, 20), rn = F(w, 19, 16), rd = F(w, 15, 12);
    int test = opc >= 8 && opc <= 11;
    if (test && !s)
        return -1;
    t->rd = (uint8_t)rd;
    t->rs1 = (uint8_t)rn;
    unsigned kind;
    int uses15 = rn == 15 && opc != 13 && opc != 15;
    if (F(w, 25, 25)) {
        kind = 0;
        t->imm = a32_imm(w, &t->rs3);
    } else {
        t->rs2 = (uint8_t)F(w, 3, 0);
        uses15 |= t->rs2 == 15;
        if (F(w, 4, 4)) {
            kind = 2;
            t->rm = (uint8_t)F(w, 6, 5);
            t->rs3 = (uint8_t)F(w, 11, 8);
            if (t->rs3 == 15 || rd == 15 || rn == 15 || t->rs2 == 15)
                return -1;
        } else {
            kind = 1;
            imm_shift(t, F(w, 6, 5), F(w, 11, 7));
        }
    }
    t->fn = arm_dp[opc][kind][s];
    if (!test && rd == 15)
        *flags |= EMIT_END;
    if (uses15)
        *flags |= EMIT_PC;
    return 0;
}

static int mul(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    unsigned op = F(w, 23, 20);
    t->rs1 = (uint8_t)F(w, 3, 0);
    t->rs2 = (uint8_t)F(w, 11, 8);
    if (op <= 3 || op == 6) { /* MUL, MLA, MLS */
        t->fn = arm_op_mul;
        t->rd = (uint8_t)F(w, 19, 16);
        t->rs3 = (uint8_t)F(w, 15, 12);
        t->rm = (uint8_t)(op == 6 ? 2 : (op >> 1)) | (op < 4 && (op & 1) ? 4 : 0);
        return 0;
    }
    if (op == 4 || op >= 8) { /* UMAAL, UMULL, UMLAL, SMULL, SMLAL */
        t->fn = arm_op_mull;
        t->rd = (uint8_t)F(w, 15, 12);
        t->rm = (uint8_t)F(w, 19, 16);
        unsigned kind = op == 4 ? 4 : (F(w, 22, 22) | F(w, 21, 21) << 1);
        t->rs3 = (uint8_t)(kind | (op >= 8 && (op & 1) ? 8 : 0));
        return 0;
    }
    return -1;
}

/* LDRH/STRH/LDRSB/LDRSH/LDRD/STRD. */
static int extra_ls(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    unsigned p = F(w, 24, 24), u = F(w, 23, 23), i = F(w, 22, 22), wb = F(w, 21, 21), l = F(w, 20, 20);
    unsigned op2 = F(w, 6, 5), type;
    if (op2 == 1) type = l ? LS_LDRH : LS_STRH;
    else if (op2 == 2) type = l ? LS_LDRSB : LS_LDRD;
    else type = l ? LS_LDRSH : LS_STRD;
    unsigned mode = !p ? 2 : wb ? 1 : 0;
    if ((!p && wb) || op2 == 0)
        return -1; /* LDRHT and friends */
    t->rd = (uint8_t)F(w, 15, 12);
    t->rs1 = (uint8_t)F(w, 19, 16);
    if (i) {
        uint32_t off = (F(w, 11, 8) << 4) | F(w, 3, 0);
        t->imm = u ? off : -(int64_t)off;
    } else {
        t->rs2 = (uint8_t)F(w, 3, 0);
        t->rm = u ? 0 : 8;
    }
    if (type == LS_LDRD || type == LS_STRD) {
        if (t->rd & 1 || t->rd == 14)
            return -1;
        t->rs3 = t->rd + 1;
    }
    t->fn = arm_ls[type][!i][mode];
    if (t->rs1 == 15 || (!i && t->rs2 == 15) || (type == LS_STRH && t->rd == 15))
        *flags |= EMIT_PC;
    return 0;
}

static int ls(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    unsigned reg = F(w, 25, 25), p = F(w, 24, 24), u = F(w, 23, 23), bb = F(w, 22, 22), wb = F(w, 21, 21),
             l = F(w, 20, 20);
    unsigned type = l ? (bb ? LS_LDRB : LS_LDR) : (bb ? LS_STRB : LS_STR);
    unsigned mode = !p ? 2 : wb ? 1 : 0;
    /* LDRT/STRT/LDRBT/STRBT (P 0, W 1): post-indexed with an unprivileged access, which is a plain one at PL0 */
    if (!p && wb && (F(w, 15, 12) == 15 || F(w, 19, 16) == 15 || F(w, 19, 16) == F(w, 15, 12)))
        return -1;
    t->rd = (uint8_t)F(w, 15, 12);
    t->rs1 = (uint8_t)F(w, 19, 16);
    if (!reg) {
        t->imm = u ? (int64_t)F(w, 11, 0) : -(int64_t)F(w, 11, 0);
    } else {
        t->rs2 = (uint8_t)F(w, 3, 0);
        imm_shift(t, F(w, 6, 5), F(w, 11, 7));
        t->rm |= u ? 0 : 8;
    }
    t->fn = arm_ls[type][reg][mode];
    if (t->rs1 == 15 || (reg && t->rs2 == 15) || (!l && t->rd == 15))
        *flags |= EMIT_PC;
    if (l && t->rd == 15)
        *flags |= EMIT_END;
    return 0;
}

static int lsm(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    if (F(w, 22, 22))
        return -1; /* user-bank / exception-return forms */
    t->fn = F(w, 20, 20) ? arm_op_ldm : arm_op_stm;
    t->rs1 = (uint8_t)F(w, 19, 16);
    t->imm = F(w, 15, 0);
    t->rm = (uint8_t)F(w, 24, 23);
    t->rs3 = (uint8_t)F(w, 21, 21);
    if (!t->imm || t->rs1 == 15)
        return -1;
    if (F(w, 20, 20) && (w & 0x8000))
        *flags |= EMIT_END;
    if (!F(w, 20, 20) && (w & 0x8000))
        *flags |= EMIT_PC;
    return 0;
}

static int branch(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    int32_t off = (int32_t)(w << 8) >> 6;
    t->fn = F(w, 24, 24) ? arm_op_bl : arm_op_b;
    t->imm = (uint32_t)(pc + 8 + (uint32_t)off);
    *flags |= EMIT_END;
    return 0;
}

static int media(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    t->rd = (uint8_t)F(w, 15, 12);
    if ((w & 0x0f8003f0) == 0x06800070) { /* extends */
        static const int8_t kinds[8] = {2 | 8, -1, 2, 3, 0 | 8, -1, 0, 1};
        int k = kinds[F(w, 22, 20)];
        if (k < 0)
            return -1;
        t->fn = arm_op_ext;
        t->rs1 = (uint8_t)F(w, 19, 16);
        t->rs2 = (uint8_t)F(w, 3, 0);
        t->rs3 = (uint8_t)(8 * F(w, 11, 10));
        t->rm = (uint8_t)k | (t->rs1 != 15 ? 4 : 0);
        return 0;
    }
    if ((w & 0x0fbf0f70) == 0x06bf0f30) { /* REV, REV16 / RBIT, REVSH */
        static const uint8_t kind[4] = {0, 1, 3, 2};
        t->fn = arm_op_rev;
        t->rs2 = (uint8_t)F(w, 3, 0);
        t->rm = kind[F(w, 22, 22) << 1 | F(w, 7, 7)];
        return 0;
    }
    if ((w & 0x0fa00070) == 0x07a00050) { /* SBFX/UBFX */
        t->fn = arm_op_bfx;
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = (uint8_t)F(w, 11, 7);
        t->rs3 = (uint8_t)(F(w, 20, 16) + 1);
        t->rm = !F(w, 22, 22);
        return t->rs2 + t->rs3 > 32 ? -1 : 0;
    }
    if ((w & 0x0fe00070) == 0x07c00010) { /* BFI/BFC */
        t->fn = arm_op_bfi;
        t->rs1 = (uint8_t)F(w, 3, 0);
        if (t->rs1 == 15)
            t->rs1 = 16;
        t->rs2 = (uint8_t)F(w, 11, 7);
        t->rs3 = (uint8_t)F(w, 20, 16);
        return 0;
    }
    if ((w & 0x0fa00030) == 0x06a00010) { /* SSAT/USAT */
        t->fn = arm_op_sat;
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = !F(w, 22, 22);
        t->imm = F(w, 20, 16) + (t->rs2 ? 1 : 0);
        imm_shift(t, F(w, 6, 6) ? SH_ASR : SH_LSL, F(w, 11, 7));
        return 0;
    }
    if ((w & 0x0f800f10) == 0x06000f10) { /* parallel add/sub: S, Q, SH, U, UQ, UH x ADD16 ASX SAX SUB16 ADD8 SUB8 */
        static const int8_t k[8] = {0, 1, 2, 3, 4, -1, -1, 7};
        int kk = k[F(w, 7, 5)];
        if (kk < 0 || F(w, 21, 20) == 0)
            return -1;
        t->fn = arm_op_par;
        t->rs1 = (uint8_t)F(w, 19, 16);
        t->rs2 = (uint8_t)F(w, 3, 0);
        t->rm = (uint8_t)((unsigned)kk | (F(w, 22, 22) ? 0 : 8) | (F(w, 21, 20) - 1) << 4);
        return 0;
    }
    if ((w & 0x0ff00030) == 0x06800010) { /* PKHBT, PKHTB */
        t->fn = arm_op_pkh;
        t->rs1 = (uint8_t)F(w, 19, 16);
        t->rs2 = (uint8_t)F(w, 3, 0);
        t->rm = (uint8_t)F(w, 6, 6);
        t->rs3 = (uint8_t)F(w, 11, 7);
        if (t->rm && !t->rs3)
            t->rs3 = 32;
        return 0;
    }
    if ((w & 0x0fb00ff0) == 0x06a00f30) { /* SSAT16, USAT16 */
        t->fn = arm_op_sat16;
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = !F(w, 22, 22);
        t->imm = F(w, 19, 16) + (t->rs2 ? 1 : 0);
        return 0;
    }
    if ((w & 0x0ff000f0) == 0x07800010) { /* USAD8, USADA8 */
        t->fn = arm_op_usad8;
        t->rd = (uint8_t)F(w, 19, 16);
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = (uint8_t)F(w, 11, 8);
        t->rs3 = (uint8_t)F(w, 15, 12);
        t->rm = t->rs3 != 15;
        return 0;
    }
    if ((w & 0x0ff000d0) == 0x07500010 || (w & 0x0ff000d0) == 0x075000d0) { /* SMMUL, SMMLA, SMMLS */
        t->fn = arm_op_smmul;
        t->rd = (uint8_t)F(w, 19, 16);
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = (uint8_t)F(w, 11, 8);
        t->rs3 = (uint8_t)F(w, 15, 12);
        t->rm = (uint8_t)(F(w, 5, 5) | (t->rs3 != 15 ? 2 : 0) | (F(w, 7, 6) == 3 ? 4 : 0));
        return F(w, 7, 6) == 3 && t->rs3 == 15 ? -1 : 0;
    }
    if ((w & 0x0fb00090) == 0x07000010) { /* SMLAD, SMUAD, SMLSD, SMUSD, SMLALD, SMLSLD */
        t->fn = arm_op_smlad;
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = (uint8_t)F(w, 11, 8);
        if (F(w, 22, 22)) {
            t->rd = (uint8_t)F(w, 15, 12);
            t->rs3 = (uint8_t)F(w, 19, 16);
            t->rm = (uint8_t)(F(w, 5, 5) | F(w, 6, 6) << 1 | 8);
        } else {
            t->rd = (uint8_t)F(w, 19, 16);
            t->rs3 = (uint8_t)F(w, 15, 12);
            t->rm = (uint8_t)(F(w, 5, 5) | F(w, 6, 6) << 1 | (t->rs3 != 15 ? 4 : 0));
        }
        return F(w, 7, 7) ? -1 : 0;
    }
    if ((w & 0x0ff00ff0) == 0x06800fb0) {
        t->fn = arm_op_sel;
        t->rs1 = (uint8_t)F(w, 19, 16);
        t->rs2 = (uint8_t)F(w, 3, 0);
        return 0;
    }
    if ((w & 0x0fd0f0f0) == 0x0710f010) { /* SDIV/UDIV */
        t->fn = arm_op_div;
        t->rd = (uint8_t)F(w, 19, 16);
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = (uint8_t)F(w, 11, 8);
        t->rm = !F(w, 21, 21);
        return 0;
    }
    return -1;
}

static int misc(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    t->rd = (uint8_t)F(w, 15, 12);
    t->rs2 = (uint8_t)F(w, 3, 0);
    if ((w & 0x0ffffff0) == 0x012fff10) { t->fn = arm_op_bx; *flags |= EMIT_END; return 0; }
    if ((w & 0x0ffffff0) == 0x012fff30) { t->fn = arm_op_blx; *flags |= EMIT_END; return 0; }
    if ((w & 0x0fff0ff0) == 0x016f0f10) { t->fn = arm_op_clz; return 0; }
    if ((w & 0x0fff0fff) == 0x010f0000) { t->fn = arm_op_mrs; return 0; }
    if ((w & 0x0ff3fff0) == 0x0120f000) { t->fn = arm_op_msr; t->rm = (uint8_t)F(w, 19, 18); return 0; }
    if ((w & 0x0ff000f0) == 0x01200070) { t->fn = arm_op_bkpt; *flags |= EMIT_END; return 0; }
    if ((w & 0x0f9000f0) == 0x01000050) {
        t->fn = arm_op_qadd;
        t->rs1 = (uint8_t)F(w, 19, 16);
        t->rm = (uint8_t)F(w, 22, 21);
        return 0;
    }
    if ((w & 0x0ff00090) == 0x01200080) { /* SMLAWy, SMULWy */
        t->fn = arm_op_smulw;
        t->rd = (uint8_t)F(w, 19, 16);
        t->rs3 = (uint8_t)F(w, 15, 12);
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = (uint8_t)F(w, 11, 8);
        t->rm = (uint8_t)(F(w, 6, 6) << 1 | (F(w, 5, 5) ? 0 : 4));
        return 0;
    }
    if ((w & 0x0ff00090) == 0x01400080) { /* SMLALxy */
        t->fn = arm_op_smlalxy;
        t->rd = (uint8_t)F(w, 15, 12);
        t->rs3 = (uint8_t)F(w, 19, 16);
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = (uint8_t)F(w, 11, 8);
        t->rm = (uint8_t)(F(w, 5, 5) | F(w, 6, 6) << 1);
        return 0;
    }
    if ((w & 0x0ff00090) == 0x01600080 || (w & 0x0ff00090) == 0x01000080) { /* SMULxy, SMLAxy */
        t->fn = arm_op_smulxy;
        t->rd = (uint8_t)F(w, 19, 16);
        t->rs1 = (uint8_t)F(w, 3, 0);
        t->rs2 = (uint8_t)F(w, 11, 8);
        t->rs3 = (uint8_t)F(w, 15, 12);
        t->rm = (uint8_t)(F(w, 5, 5) | F(w, 6, 6) << 1 | (F(w, 22, 21) == 0 ? 4 : 0));
        return 0;
    }
    return -1;
}

/* LDREX/STREX (bits 9:8 = 3), LDAEX/STLEX (2), LDA/STL (0); bits 22:21 the size. */
static int excl(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    static const uint8_t size[4] = {4, 8, 1, 2};
    unsigned kind = F(w, 9, 8);
    t->rm = size[F(w, 22, 21)];
    t->rs1 = (uint8_t)F(w, 19, 16);
    if (kind == 1 || F(w, 11, 10) != 3 || (kind == 0 && t->rm == 8))
        return -1;
    if (kind != 3)
        t->rm |= ARM_EXCL_ACQREL | (kind == 0 ? ARM_EXCL_PLAIN : 0);
    if (F(w, 20, 20)) {
        t->fn = arm_op_ldrex;
        t->rd = (uint8_t)F(w, 15, 12);
        t->rs3 = t->rd + 1;
    } else {
        t->fn = arm_op_strex;
        t->rd = (uint8_t)F(w, 15, 12);
        t->rs2 = (uint8_t)F(w, 3, 0);
        t->rs3 = t->rs2 + 1;
    }
    return 0;
}

static int swp(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    t->fn = arm_op_swp;
    t->rd = (uint8_t)F(w, 15, 12);
    t->rs1 = (uint8_t)F(w, 19, 16);
    t->rs2 = (uint8_t)F(w, 3, 0);
    t->rm = F(w, 22, 22) ? 1 : 4;
    return 0;
}

static int movwt(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    t->fn = F(w, 22, 22) ? arm_op_movt : arm_op_movw;
    t->rd = (uint8_t)F(w, 15, 12);
    t->imm = F(w, 19, 16) << 12 | F(w, 11, 0);
    return t->rd == 15 ? -1 : 0;
}

static int msr_imm(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    if (F(w, 19, 16) == 0) { /* hints: NOP, YIELD, WFE, WFI, SEV, DBG */
        t->fn = arm_op_nop;
        return 0;
    }
    if (F(w, 22, 22) || F(w, 17, 16))
        return -1;
    t->fn = arm_op_msr;
    t->rs2 = 0xff;
    uint8_t cy;
    t->imm = a32_imm(w, &cy);
    t->rm = (uint8_t)F(w, 19, 18);
    return 0;
}

static int sys(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    if (F(w, 24, 24)) {
        t->fn = arm_op_svc;
        *flags |= EMIT_END;
        return 0;
    }
    if ((w & 0x0fff0fff) == 0x0e1d0f70) { /* MRC p15, 0, Rt, c13, c0, 3 (TPIDRURO) */
        t->fn = arm_op_mrc_tls;
        t->rd = (uint8_t)F(w, 15, 12);
        return t->rd == 15 ? -1 : 0;
    }
    return -1;
}

static int udf(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    return -1;
}

/* Rows are tried in order; the first match decides (cond != 0b1111). */
static const struct a32_row {
    uint32_t mask, match;
    a32_fam fn;
    const char *name;
} a32_rows[] = {
    {0x0f0000f0, 0x00000090, mul, "multiply"},
    {0x0fb00ff0, 0x01000090, swp, "swp"},
    {0x0f8000f0, 0x01800090, excl, "ldrex/strex"},
    {0x0e000090, 0x00000090, extra_ls, "extra load/store"},
    {0x0f900010, 0x01000000, misc, "misc"},
    {0x0f900090, 0x01000010, misc, "misc"},
    {0x0e000000, 0x00000000, dp, "data processing (register)"},
    {0x0fb00000, 0x03000000, movwt, "movw/movt"},
    {0x0fb00000, 0x03200000, msr_imm, "msr imm/hints"},
    {0x0e000000, 0x02000000, dp, "data processing (immediate)"},
    {0x0ff000f0, 0x07f000f0, udf, "udf"},
    {0x0e000010, 0x06000010, media, "media"},
    {0x0c000000, 0x04000000, ls, "load/store word/byte"},
    {0x0e000000, 0x08000000, lsm, "load/store multiple"},
    {0x0e000000, 0x0a000000, branch, "b/bl"},
    {0x0f000000, 0x0f000000, sys, "svc"},
    {0x0f000010, 0x0e000010, sys, "mrc"},
    {0, 0, NULL, NULL},
};

/* cond == 0b1111: BLX imm, barriers, CLREX, PLD/PLI. */
static int uncond(uint64_t pc, uint32_t w, struct op *t, unsigned *flags)
{
    if ((w & 0xfe000000) == 0xfa000000) {
        int32_t off = (int32_t)(w << 8) >> 6;
        t->fn = arm_op_bl;
        t->imm = (uint32_t)(pc + 8 + (uint32_t)off + (F(w, 24, 24) << 1)) | 1;
        *flags |= EMIT_END;
        return 0;
    }
    if ((w & 0xffffff00) == 0xf57ff000) {
        unsigned op = F(w, 7, 4);
        if (op == 1) { t->fn = arm_op_clrex; return 0; }
        if (op == 4 || op == 5) { t->fn = arm_op_fence; return 0; }
        if (op == 6) { t->fn = arm_op_fence; *flags |= EMIT_END; return 0; } /* ISB */
        return -1;
    }
    if ((w & 0xfd30f000) == 0xf510f000 || (w & 0xff10f010) == 0xf710f000 || (w & 0xff70f000) == 0xf450f000 ||
        (w & 0xff70f010) == 0xf650f000)
        { t->fn = arm_op_nop; return 0; } /* PLD, PLDW, PLI */
    return -1;
}

int arm_decode_a32(struct emu_proc *p, uint64_t pc, uint32_t w, struct blk_builder *b)
{
    unsigned cond = w >> 28, flags = 0;
    struct op t;
    memset(&t, 0, sizeof t);
    t.pc = pc;
    t.len = 4;
    int r = -1;
    if (cond == 15) {
        if (arm_decode_v8fp(pc, 4, w, b, (uint32_t)pc + 8))
            return 4;
        if ((w & 0xfe000000u) == 0xf2000000u && arm_decode_neon(pc, 4, w, 14, b, (uint32_t)pc + 8))
            return 4;
        if ((w & 0xff100000u) == 0xf4000000u && arm_decode_neon_ls(pc, 4, w, 14, b, (uint32_t)pc + 8))
            return 4;
        r = uncond(pc, w, &t, &flags);
        cond = 14;
    } else if ((w & 0x0c000e00) == 0x0c000a00) {
        if (arm_decode_vfp(pc, 4, w, cond, b, (uint32_t)pc + 8))
            return 4;
    } else {
        for (const struct a32_row *row = a32_rows; row->fn; row++)
            if ((w & row->mask) == row->match) {
                r = row->fn(pc, w, &t, &flags);
                break;
            }
    }
    if (r < 0) {
        arm_emit_illegal(b, pc, 4, w);
        return 4;
    }
    arm_emit(b, &t, cond, flags, (uint32_t)pc + 8);
    return 4;
}

int arm_decode(struct emu_proc *p, uint64_t pc, struct blk_builder *b)
{
    if (pc & 1)
        return arm_decode_t32(p, pc, b);
    if (pc & 2) {
        arm_emit_illegal(b, pc, 4, 0);
        return 4;
    }
    struct mem *m = p->mem;
    if (!mem_check(m, pc, 4, MEM_R | MEM_X))
        return 0;
    return arm_decode_a32(p, pc, ld32(mem_host(m, pc)), b);
}
