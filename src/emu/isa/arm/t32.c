/* T32 (Thumb/Thumb-2) decoder: 16-bit and 32-bit encodings onto the shared handlers; IT blocks are turned
   into per-instruction conditions while the block is decoded. */
#include <string.h>

#include "arm.h"

#define F(w, hi, lo) (((w) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))

/* IT state carried from an IT instruction to the ones it covers (decoding runs under the emulator lock).
   it_pc is the pc where the state applies. Each covered instruction is also recorded with its ITSTATE
   (itstate.c), so a block that starts inside an IT block (resuming after a signal, a debugger step, the
   continuation of a block cut by the size limit) gets its state back. */
static uint64_t it_pc = ~0ull;
static unsigned it_state;
static uint64_t it_insn_pc; /* the IT instruction of the current IT block and its halfword (itstate.c checks) */
static unsigned it_insn_hw;

/* TBB/TBH: rs1 Rn, rs2 Rm, rm 1 for halfwords; pc = insn+4 + 2 * table entry. */
static OPFN(op_tbb)
{
    uint32_t ea = AR(c, o->rs1) + (o->rm ? AR(c, o->rs2) * 2 : AR(c, o->rs2));
    uint8_t *p = arm_addr(c, o, ea, o->rm ? 2 : 1);
    if (!p)
        return arm_fault(c, o, ea);
    uint32_t e = o->rm ? ld16(p) : ld8(p);
    c->pc = (uint64_t)o->imm + 2 * e;
    return NULL;
}

/* T32 modified immediate (i:imm3:imm8) with carry-out (2 = unchanged). */
static uint32_t t32_imm(uint32_t i12, uint8_t *carry)
{
    uint32_t b = i12 & 0xff;
    *carry = 2;
    switch (i12 >> 8) {
    case 0: return b;
    case 1: return b << 16 | b;
    case 2: return b << 24 | b << 8;
    case 3: return b << 24 | b << 16 | b << 8 | b;
    default: {
        unsigned rot = i12 >> 7;
        uint32_t v = (0x80 | (i12 & 0x7f));
        v = (v >> rot) | (v << (32 - rot));
        *carry = (uint8_t)(v >> 31);
        return v;
    }
    }
}

static void imm_shift(struct op *t, unsigned type, unsigned amt)
{
    t->rm = (uint8_t)type;
    t->rs3 = (uint8_t)amt;
    if (amt == 0 && (type == SH_LSR || type == SH_ASR))
        t->rs3 = 32;
    if (amt == 0 && type == SH_ROR)
        t->rm = SH_RRX;
}

/* T32 data-processing opcode to the A32 table's; -1 when unallocated. */
static int t32_dp_op(unsigned op, unsigned rn, unsigned rd, unsigned s, unsigned *rd_out)
{
    static const int8_t map[16] = {0, 14, 12, 16, 1, -1, -1, -1, 4, -1, 5, 6, -1, 2, 3, -1};
    int a = map[op];
    if (a < 0)
        return -1;
    if (rd == 15 && s) { /* compare forms */
        if (a == 0) a = 8;
        else if (a == 1) a = 9;
        else if (a == 4) a = 11;
        else if (a == 2) a = 10;
    }
    if (rn == 15) {
        if (a == 12) a = 13;
        else if (a == 16) a = 15;
    }
    *rd_out = rd;
    return a;
}

/* 16-bit encodings; in_it says the instruction is inside an IT block (no flag setting). */
static int t16(uint64_t pc, uint32_t h, int in_it, struct op *t, unsigned *flags, uint32_t *pcval)
{
    unsigned s = !in_it;
    uint32_t pc4 = (uint32_t)(pc & ~1ull) + 4;
    *pcval = pc4;
    switch (h >> 11) {
    case 0: case 1: case 2: /* LSL/LSR/ASR imm */
        t->fn = arm_dp[13][1][s];
        t->rd = h & 7;
        t->rs2 = F(h, 5, 3);
        imm_shift(t, h >> 11, F(h, 10, 6));
        return 0;
    case 3: { /* ADD/SUB reg / imm3 */
        unsigned sub = F(h, 9, 9);
        t->rd = h & 7;
        t->rs1 = F(h, 5, 3);
        if (F(h, 10, 10)) {
            t->fn = arm_dp[sub ? 2 : 4][0][s];
            t->imm = F(h, 8, 6);
            t->rs3 = 2;
        } else {
            t->fn = arm_dp[sub ? 2 : 4][1][s];
            t->rs2 = F(h, 8, 6);
        }
        return 0;
    }
    case 4: case 5: case 6: case 7: { /* MOV/CMP/ADD/SUB imm8 */
        static const int ops[4] = {13, 10, 4, 2};
        unsigned op = F(h, 12, 11);
        t->fn = arm_dp[ops[op]][0][op == 1 ? 1 : s];
        t->rd = F(h, 10, 8);
        t->rs1 = t->rd;
        t->imm = h & 0xff;
        t->rs3 = 2;
        return 0;
    }
    case 8:
        if (!F(h, 10, 10)) { /* data processing */
            unsigned op = F(h, 9, 6), rdn = h & 7, rm = F(h, 5, 3);
            t->rd = rdn;
            t->rs1 = rdn;
            t->rs2 = rm;
            switch (op) {
            case 2: case 3: case 4: case 7: { /* LSL, LSR, ASR, ROR by register */
                static const uint8_t ty[8] = {0, 0, SH_LSL, SH_LSR, SH_ASR, 0, 0, SH_ROR};
                t->fn = arm_dp[13][2][s];
                t->rs2 = rdn;
                t->rs3 = rm;
                t->rm = ty[op];
                return 0;
            }
            case 9: /* RSB #0 */
                t->fn = arm_dp[3][0][s];
                t->rs1 = rm;
                t->imm = 0;
                t->rs3 = 2;
                return 0;
            case 13: /* MUL */
                t->fn = arm_op_mul;
                t->rs1 = rm;
                t->rs2 = rdn;
                t->rm = s ? 4 : 0;
                return 0;
            default: {
                static const int8_t map[16] = {0, 1, -1, -1, -1, 5, 6, -1, 8, -1, 10, 11, 12, -1, 14, 15};
                int a = map[op];
                t->fn = arm_dp[a][1][(a >= 8 && a <= 11) ? 1 : s];
                return 0;
            }
            }
        }
        if (F(h, 9, 8) == 3) { /* BX, BLX */
            if (h & 7)
                return -1;
            t->rs2 = F(h, 6, 3);
            t->fn = F(h, 7, 7) ? arm_op_blx : arm_op_bx;
            *flags |= EMIT_END;
            if (t->rs2 == 15)
                *flags |= EMIT_PC;
            return 0;
        } else { /* ADD, CMP, MOV with high registers */
            unsigned op = F(h, 9, 8), rd = (F(h, 7, 7) << 3) | (h & 7), rm = F(h, 6, 3);
            t->rd = rd;
            t->rs1 = rd;
            t->rs2 = rm;
            t->fn = op == 0 ? arm_dp[4][1][0] : op == 1 ? arm_dp[10][1][1] : arm_dp[13][1][0];
            if (rm == 15 || (op != 2 && rd == 15))
                *flags |= EMIT_PC;
            if (op != 1 && rd == 15)
                *flags |= EMIT_END;
            return 0;
        }
    case 9: /* LDR literal */
        t->fn = arm_ls[LS_LDR][0][0];
        t->rd = F(h, 10, 8);
        t->rs1 = 15;
        t->imm = (h & 0xff) * 4;
        *pcval = pc4 & ~3u;
        *flags |= EMIT_PC;
        return 0;
    case 10: case 11: { /* load/store register offset */
        static const uint8_t ty[8] = {LS_STR, LS_STRH, LS_STRB, LS_LDRSB, LS_LDR, LS_LDRH, LS_LDRB, LS_LDRSH};
        t->fn = arm_ls[ty[F(h, 11, 9)]][1][0];
        t->rd = h & 7;
        t->rs1 = F(h, 5, 3);
        t->rs2 = F(h, 8, 6);
        return 0;
    }
    case 12: case 13: case 14: case 15: case 16: case 17: { /* load/store immediate */
        unsigned l = F(h, 11, 11), type, sc;
        unsigned grp = h >> 12;
        if (grp == 6) { type = l ? LS_LDR : LS_STR; sc = 4; }
        else if (grp == 7) { type = l ? LS_LDRB : LS_STRB; sc = 1; }
        else { type = l ? LS_LDRH : LS_STRH; sc = 2; }
        t->fn = arm_ls[type][0][0];
        t->rd = h & 7;
        t->rs1 = F(h, 5, 3);
        t->imm = F(h, 10, 6) * sc;
        return 0;
    }
    case 18: case 19: /* SP-relative */
        t->fn = arm_ls[F(h, 11, 11) ? LS_LDR : LS_STR][0][0];
        t->rd = F(h, 10, 8);
        t->rs1 = 13;
        t->imm = (h & 0xff) * 4;
        return 0;
    case 20: case 21: /* ADR, ADD rd, sp, imm */
        t->fn = arm_dp[4][0][0];
        t->rd = F(h, 10, 8);
        t->rs1 = F(h, 11, 11) ? 13 : 15;
        t->imm = (h & 0xff) * 4;
        t->rs3 = 2;
        if (t->rs1 == 15) {
            *pcval = pc4 & ~3u;
            *flags |= EMIT_PC;
        }
        return 0;
    case 22: case 23: /* misc */
        if ((h & 0xff00) == 0xb000) {
            t->fn = arm_dp[F(h, 7, 7) ? 2 : 4][0][0];
            t->rd = t->rs1 = 13;
            t->imm = (h & 0x7f) * 4;
            t->rs3 = 2;
            return 0;
        }
        if ((h & 0xf500) == 0xb100) { /* CBZ, CBNZ */
            t->fn = arm_op_cbz;
            t->rs1 = h & 7;
            t->rm = F(h, 11, 11);
            t->imm = (int64_t)((pc4 + (F(h, 9, 9) << 6 | F(h, 7, 3) << 1)) | 1);
            *flags |= EMIT_END;
            return in_it ? -1 : 0;
        }
        if ((h & 0xff00) == 0xb200) { /* SXTH, SXTB, UXTH, UXTB */
            static const uint8_t k[4] = {3, 2, 1, 0};
            t->fn = arm_op_ext;
            t->rd = h & 7;
            t->rs2 = F(h, 5, 3);
            t->rm = k[F(h, 7, 6)];
            return 0;
        }
        if ((h & 0xfe00) == 0xb400) { /* PUSH */
            t->fn = arm_op_stm;
            t->rs1 = 13;
            t->imm = (h & 0xff) | (F(h, 8, 8) << 14);
            t->rm = 2;
            t->rs3 = 1;
            return t->imm ? 0 : -1;
        }
        if ((h & 0xfe00) == 0xbc00) { /* POP */
            t->fn = arm_op_ldm;
            t->rs1 = 13;
            t->imm = (h & 0xff) | (F(h, 8, 8) << 15);
            t->rm = 1;
            t->rs3 = 1;
            if (h & 0x100)
                *flags |= EMIT_END;
            return t->imm ? 0 : -1;
        }
        if ((h & 0xff00) == 0xba00 && F(h, 7, 6) != 2) {
            static const uint8_t k[4] = {0, 1, 0, 2};
            t->fn = arm_op_rev;
            t->rd = h & 7;
            t->rs2 = F(h, 5, 3);
            t->rm = k[F(h, 7, 6)];
            return 0;
        }
        if ((h & 0xff00) == 0xbe00) {
            t->fn = arm_op_bkpt;
            *flags |= EMIT_END;
            return 0;
        }
        if ((h & 0xff0f) == 0xbf00) { /* hints */
            t->fn = arm_op_nop;
            return 0;
        }
        return -1;
    case 24: case 25: { /* STM/LDM IA */
        unsigned l = F(h, 11, 11), rn = F(h, 10, 8);
        t->fn = l ? arm_op_ldm : arm_op_stm;
        t->rs1 = rn;
        t->imm = h & 0xff;
        t->rm = 1;
        t->rs3 = !(l && (t->imm >> rn & 1));
        return t->imm ? 0 : -1;
    }
    case 26: case 27: { /* B<cond>, UDF, SVC */
        unsigned cond = F(h, 11, 8);
        if (cond == 15) {
            t->fn = arm_op_svc;
            *flags |= EMIT_END;
            return 0;
        }
        if (cond == 14 || in_it)
            return -1;
        t->fn = arm_op_b;
        t->imm = (int64_t)((pc4 + (uint32_t)((int32_t)(int8_t)(h & 0xff) * 2)) | 1);
        *flags |= EMIT_END;
        return (int)cond + 100; /* the caller applies this condition */
    }
    case 28: /* B */
        t->fn = arm_op_b;
        t->imm = (int64_t)((pc4 + (uint32_t)(((int32_t)(h << 21)) >> 20)) | 1);
        *flags |= EMIT_END;
        return 0;
    }
    return -1;
}

/* 32-bit encodings; w = hw1 << 16 | hw2. Returns 0, -1 illegal, 1 when emitted already (VFP). */
static int t32(uint64_t pc, uint32_t w, int in_it, unsigned cond, struct op *t, unsigned *flags, uint32_t *pcval,
               struct blk_builder *b)
{
    uint32_t h1 = w >> 16, h2 = w & 0xffff;
    uint32_t pc4 = (uint32_t)(pc & ~1ull) + 4;
    *pcval = pc4;
    unsigned rn = h1 & 15, rd = F(h2, 11, 8), rt = F(h2, 15, 12), rm = h2 & 15;

    if ((h1 & 0xef00) == 0xef00) { /* Advanced SIMD data processing: 111U 1111 -> A32 1111 001U */
        uint32_t a32 = 0xf2000000u | ((h1 >> 12) & 1) << 24 | (w & 0x00ffffffu);
        if (arm_decode_v8fp(pc, 4, a32, NULL, 0)) /* the v8 additions are UNPREDICTABLE in an IT block */
            return in_it ? -1 : (arm_decode_v8fp(pc, 4, a32, b, pc4), 1);
        return arm_decode_neon(pc, 4, a32, cond, b, pc4) ? 1 : -1;
    }
    if ((h1 & 0xff00) == 0xfe00 && (h2 & 0x0e00) == 0x0a00) /* v8 VFP additions (unconditional encodings) */
        return !in_it && arm_decode_v8fp(pc, 4, w, b, pc4) ? 1 : -1;
    if ((h1 & 0xfc00) == 0xfc00 && (h2 & 0x0e00) == 0x0a00) /* other T=1 VFP-space encodings (v8.x): none here */
        return -1;
    if ((h1 & 0xff10) == 0xf900) /* Advanced SIMD element/structure load/store -> A32 0xf4 */
        return arm_decode_neon_ls(pc, 4, 0xf4000000u | (w & 0x00ffffffu), cond, b, pc4) ? 1 : -1;
    if ((h1 & 0xec00) == 0xec00) { /* coprocessor / VFP */
        if ((w & 0x0e000e00) == 0x0c000a00 || (w & 0x0f000e10) == 0x0e000a00 || (w & 0x0f000e10) == 0x0e000a10) {
            if (arm_decode_vfp(pc, 4, (w & 0x0fffffff) | 0xe0000000u, cond, b, pc4 & ~3u))
                return 1;
            return -1;
        }
        if ((w & 0xffff0fff) == 0xee1d0f70) {
            t->fn = arm_op_mrc_tls;
            t->rd = (uint8_t)rt;
            return rt == 15 ? -1 : 0;
        }
        return -1;
    }
    if ((h1 & 0xfe40) == 0xe800) { /* LDM/STM (IA: 01, DB: 10) */
        unsigned op = F(h1, 8, 7), l = F(h1, 4, 4);
        if (op != 1 && op != 2)
            return -1;
        t->fn = l ? arm_op_ldm : arm_op_stm;
        t->rs1 = (uint8_t)rn;
        t->imm = h2;
        t->rm = op == 1 ? 1 : 2;
        t->rs3 = (uint8_t)F(h1, 5, 5);
        if (l && (h2 & 0x8000))
            *flags |= EMIT_END;
        return rn == 15 || !h2 ? -1 : 0;
    }
    if ((h1 & 0xfe40) == 0xe840) { /* LDRD/STRD (imm), exclusives, TBB/TBH */
        unsigned p = F(h1, 8, 8), u = F(h1, 7, 7), wb = F(h1, 5, 5), l = F(h1, 4, 4);
        if (p || wb) {
            t->fn = arm_ls[l ? LS_LDRD : LS_STRD][0][!p ? 2 : wb ? 1 : 0];
            t->rd = (uint8_t)rt;
            t->rs3 = (uint8_t)rd;
            t->rs1 = (uint8_t)rn;
            t->imm = (u ? 1 : -1) * (int64_t)((h2 & 0xff) * 4);
            if (rn == 15) {
                *pcval = pc4 & ~3u;
                *flags |= EMIT_PC;
            }
            return 0;
        }
        if (h1 == (0xe840 | rn) || h1 == (0xe850 | rn)) { /* STREX / LDREX with imm8*4 */
            if (rn == 15)
                return -1;
            t->rs1 = (uint8_t)rn;
            t->imm = (h2 & 0xff) * 4;
            t->rm = 4;
            if (l) {
                t->fn = arm_op_ldrex;
                t->rd = (uint8_t)rt;
            } else {
                t->fn = arm_op_strex;
                t->rd = (uint8_t)rd;
                t->rs2 = (uint8_t)rt;
            }
            return 0;
        }
        if ((h1 & 0xffe0) == 0xe8c0) {
            unsigned op = F(h2, 7, 4);
            if (l && (op == 0 || op == 1)) { /* TBB/TBH */
                t->fn = op_tbb;
                t->rs1 = (uint8_t)rn;
                t->rs2 = (uint8_t)rm;
                t->rm = (uint8_t)op;
                t->imm = pc4 | 1;
                *flags |= EMIT_END;
                if (rn == 15)
                    *flags |= EMIT_PC;
                return 0;
            }
            /* op 4-7: LDREXB/H/-/D, 8-10: LDA B/H/word (Rd field 1111), 12-15: LDAEX B/H/word/D */
            static const uint8_t sz[4] = {1, 2, 4, 8};
            if (op < 4 || op == 6 || op == 11 || (op >= 8 && op <= 10 && rd != 15))
                return -1;
            t->rs1 = (uint8_t)rn;
            t->rm = (uint8_t)(sz[op & 3] | (op >= 8 ? ARM_EXCL_ACQREL : 0) | (op >= 8 && op <= 10 ? ARM_EXCL_PLAIN : 0));
            if (l) {
                t->fn = arm_op_ldrex;
                t->rd = (uint8_t)rt;
                t->rs3 = (uint8_t)rd;
            } else {
                t->fn = arm_op_strex;
                t->rd = (uint8_t)rm;
                t->rs2 = (uint8_t)rt;
                t->rs3 = (uint8_t)rd;
            }
            return 0;
        }
        return -1;
    }
    if ((h1 & 0xfff0) == 0xeac0 && !(h2 & 0x8000)) { /* PKHBT, PKHTB */
        t->fn = arm_op_pkh;
        t->rd = (uint8_t)rd;
        t->rs1 = (uint8_t)rn;
        t->rs2 = (uint8_t)rm;
        t->rm = (uint8_t)F(h2, 5, 5);
        t->rs3 = (uint8_t)(F(h2, 14, 12) << 2 | F(h2, 7, 6));
        if (t->rm && !t->rs3)
            t->rs3 = 32;
        return F(h2, 4, 4) ? -1 : 0;
    }
    if ((h1 & 0xfe00) == 0xea00) { /* data processing, shifted register */
        unsigned op = F(h1, 8, 5), s = F(h1, 4, 4), rdo;
        if (op == 6 || op == 15) /* PKH etc. */
            return -1;
        int a = t32_dp_op(op, rn, rd, s, &rdo);
        if (a < 0)
            return -1;
        t->fn = arm_dp[a][1][s];
        t->rd = (uint8_t)rdo;
        t->rs1 = (uint8_t)rn;
        t->rs2 = (uint8_t)rm;
        imm_shift(t, F(h2, 5, 4), F(h2, 14, 12) << 2 | F(h2, 7, 6));
        if (rd == 15 && !(a >= 8 && a <= 11))
            return -1;
        return 0;
    }
    if ((h1 & 0xf800) == 0xf000 && !(h2 & 0x8000)) {
        uint32_t i12 = F(h1, 10, 10) << 11 | F(h2, 14, 12) << 8 | (h2 & 0xff);
        if (!F(h1, 9, 9)) { /* modified immediate */
            unsigned op = F(h1, 8, 5), s = F(h1, 4, 4), rdo;
            int a = t32_dp_op(op, rn, rd, s, &rdo);
            if (a < 0)
                return -1;
            t->fn = arm_dp[a][0][s];
            t->rd = (uint8_t)rdo;
            t->rs1 = (uint8_t)rn;
            t->imm = t32_imm(i12, &t->rs3);
            if (rd == 15 && !(a >= 8 && a <= 11))
                return -1;
            return 0;
        }
        unsigned op = F(h1, 8, 4);
        t->rd = (uint8_t)rd;
        t->rs1 = (uint8_t)rn;
        switch (op) {
        case 0: case 10: /* ADDW, SUBW, ADR */
            t->fn = arm_dp[op ? 2 : 4][0][0];
            t->imm = i12;
            t->rs3 = 2;
            if (rn == 15) {
                *pcval = pc4 & ~3u;
                *flags |= EMIT_PC;
            }
            return 0;
        case 4: case 12: /* MOVW, MOVT */
            t->fn = op == 4 ? arm_op_movw : arm_op_movt;
            t->imm = rn << 12 | i12;
            return 0;
        case 16: case 18: case 24: case 26: /* SSAT, USAT */
            t->fn = arm_op_sat;
            t->rs2 = op < 24;
            t->imm = (h2 & 31) + (t->rs2 ? 1 : 0);
            if (F(h1, 5, 5) && !(F(h2, 14, 12) << 2 | F(h2, 7, 6))) { /* SSAT16, USAT16 */
                t->fn = arm_op_sat16;
                t->imm = (h2 & 15) + (t->rs2 ? 1 : 0);
                return F(h2, 5, 4) ? -1 : 0;
            }
            imm_shift(t, F(h1, 5, 5) ? SH_ASR : SH_LSL, F(h2, 14, 12) << 2 | F(h2, 7, 6));
            return 0;
        case 20: case 28: /* SBFX, UBFX */
            t->fn = arm_op_bfx;
            t->rs2 = (uint8_t)(F(h2, 14, 12) << 2 | F(h2, 7, 6));
            t->rs3 = (uint8_t)((h2 & 31) + 1);
            t->rm = op == 20;
            return t->rs2 + t->rs3 > 32 ? -1 : 0;
        case 22: /* BFI, BFC */
            t->fn = arm_op_bfi;
            t->rs1 = rn == 15 ? 16 : (uint8_t)rn;
            t->rs2 = (uint8_t)(F(h2, 14, 12) << 2 | F(h2, 7, 6));
            t->rs3 = (uint8_t)(h2 & 31);
            return 0;
        }
        return -1;
    }
    if ((h1 & 0xf800) == 0xf000) { /* branches and misc control */
        unsigned op1 = F(h2, 14, 12);
        uint32_t s = F(h1, 10, 10), j1 = F(h2, 13, 13), j2 = F(h2, 11, 11);
        if ((op1 & 5) == 0) {
            unsigned op = F(h1, 10, 4);
            if ((op & 0x38) != 0x38) { /* B<cond>.W */
                if (in_it)
                    return -1;
                int32_t off = (int32_t)((s << 20 | j2 << 19 | j1 << 18 | (h1 & 63) << 12 | (h2 & 0x7ff) << 1) << 11) >> 11;
                t->fn = arm_op_b;
                t->imm = (int64_t)((pc4 + (uint32_t)off) | 1);
                *flags |= EMIT_END;
                return 100 + (int)F(h1, 9, 6);
            }
            if (h1 == 0xf3bf && (h2 & 0xff00) == 0x8f00) {
                unsigned o2 = F(h2, 7, 4);
                if (o2 == 2) { t->fn = arm_op_clrex; return 0; }
                if (o2 == 4 || o2 == 5) { t->fn = arm_op_fence; return 0; }
                if (o2 == 6) { t->fn = arm_op_fence; *flags |= EMIT_END; return 0; }
                return -1;
            }
            if (h1 == 0xf3af && (h2 & 0xff00) == 0x8000) {
                t->fn = arm_op_nop;
                return 0;
            }
            if ((h1 & 0xffff) == 0xf3ef && (h2 & 0xf0ff) == 0x8000) {
                t->fn = arm_op_mrs;
                t->rd = (uint8_t)rd;
                return 0;
            }
            if ((h1 & 0xfff0) == 0xf380 && (h2 & 0xf3ff) == 0x8000) {
                t->fn = arm_op_msr;
                t->rs2 = (uint8_t)rn;
                t->rm = (uint8_t)F(h2, 11, 10);
                return 0;
            }
            return -1;
        }
        uint32_t i1 = !(j1 ^ s), i2 = !(j2 ^ s);
        int32_t off = (int32_t)((s << 24 | i1 << 23 | i2 << 22 | (h1 & 0x3ff) << 12 | (h2 & 0x7ff) << 1) << 7) >> 7;
        uint32_t target = pc4 + (uint32_t)off;
        *flags |= EMIT_END;
        if (op1 & 1) { /* B.W, BL */
            t->fn = (op1 & 4) ? arm_op_bl : arm_op_b;
            t->imm = target | 1;
            return 0;
        }
        if (op1 & 4) { /* BLX imm: to A32 */
            if (h2 & 1)
                return -1;
            t->fn = arm_op_bl;
            t->imm = (pc4 & ~3u) + (uint32_t)off;
            return 0;
        }
        return -1;
    }
    if ((h1 & 0xfe00) == 0xf800) { /* load/store single */
        unsigned sgn = F(h1, 8, 8), size = F(h1, 6, 5), l = F(h1, 4, 4), type;
        if (size == 3)
            return -1;
        if (l) {
            static const uint8_t u[3] = {LS_LDRB, LS_LDRH, LS_LDR}, sg[3] = {LS_LDRSB, LS_LDRSH, 0};
            if (sgn && size == 2)
                return -1;
            type = sgn ? sg[size] : u[size];
            if (rt == 15 && size < 2) { /* PLD, PLI */
                t->fn = arm_op_nop;
                return 0;
            }
        } else {
            static const uint8_t st[3] = {LS_STRB, LS_STRH, LS_STR};
            if (sgn)
                return -1;
            type = st[size];
        }
        t->rd = (uint8_t)rt;
        t->rs1 = (uint8_t)rn;
        if (rn == 15) { /* literal */
            if (!l)
                return -1;
            t->fn = arm_ls[type][0][0];
            t->imm = F(h1, 7, 7) ? (int64_t)(h2 & 0xfff) : -(int64_t)(h2 & 0xfff);
            *pcval = pc4 & ~3u;
            *flags |= EMIT_PC;
        } else if (F(h1, 7, 7)) {
            t->fn = arm_ls[type][0][0];
            t->imm = h2 & 0xfff;
        } else if (F(h2, 11, 11)) {
            unsigned p = F(h2, 10, 10), u = F(h2, 9, 9), wb = F(h2, 8, 8);
            if (!p && !wb)
                return -1;
            /* LDRT and friends (P U W = 1 1 0): unprivileged access, the same as a plain one at PL0 */
            t->fn = arm_ls[type][0][(p && u && !wb) ? 0 : !p ? 2 : wb ? 1 : 0];
            if (p && u && !wb && (rn == 15 || rt == 15))
                return -1;
            t->imm = u ? (int64_t)(h2 & 0xff) : -(int64_t)(h2 & 0xff);
        } else if (F(h2, 11, 6) == 0) {
            t->fn = arm_ls[type][1][0];
            t->rs2 = (uint8_t)rm;
            t->rm = SH_LSL;
            t->rs3 = (uint8_t)F(h2, 5, 4);
        } else {
            return -1;
        }
        if (l && rt == 15)
            *flags |= EMIT_END;
        return 0;
    }
    if ((h1 & 0xff00) == 0xfa00) { /* data processing, register */
        if ((h2 & 0xf0f0) == 0xf000 && F(h1, 7, 7) == 0) { /* shifts by register */
            t->fn = arm_dp[13][2][F(h1, 4, 4)];
            t->rd = (uint8_t)rd;
            t->rs2 = (uint8_t)rn;
            t->rs3 = (uint8_t)rm;
            t->rm = (uint8_t)F(h1, 6, 5);
            return 0;
        }
        if ((h2 & 0xf0c0) == 0xf080 && F(h1, 7, 7) == 0) { /* extends */
            static const int8_t k[8] = {3, 1, 2 | 8, 0 | 8, 2, 0, -1, -1};
            int kk = k[F(h1, 6, 4)];
            if (kk < 0)
                return -1;
            t->fn = arm_op_ext;
            t->rd = (uint8_t)rd;
            t->rs1 = (uint8_t)rn;
            t->rs2 = (uint8_t)rm;
            t->rs3 = (uint8_t)(8 * F(h2, 5, 4));
            t->rm = (uint8_t)kk | (rn != 15 ? 4 : 0);
            return 0;
        }
        if ((h2 & 0xf080) == 0xf000 && F(h1, 7, 7) == 1) { /* parallel add/sub: S, Q, SH, U, UQ, UH */
            unsigned op1 = F(h1, 6, 4), op2 = F(h2, 5, 4);
            static const int8_t k[8] = {4, 0, 1, -1, 7, 3, 2, -1};
            if (k[op1] < 0 || op2 == 3)
                return -1;
            t->fn = arm_op_par;
            t->rd = (uint8_t)rd;
            t->rs1 = (uint8_t)rn;
            t->rs2 = (uint8_t)rm;
            t->rm = (uint8_t)((unsigned)k[op1] | (F(h2, 6, 6) ? 0 : 8) | op2 << 4);
            return 0;
        }
        if ((h2 & 0xf0c0) == 0xf080 && F(h1, 7, 6) == 2) { /* misc */
            unsigned op1 = F(h1, 5, 4), op2 = F(h2, 5, 4);
            t->rd = (uint8_t)rd;
            t->rs2 = (uint8_t)rm;
            if (op1 == 1) {
                static const uint8_t k[4] = {0, 1, 3, 2};
                t->fn = arm_op_rev;
                t->rm = k[op2];
                return 0;
            }
            if (op1 == 3 && op2 == 0) {
                t->fn = arm_op_clz;
                return 0;
            }
            if (op1 == 2 && op2 == 0) {
                t->fn = arm_op_sel;
                t->rs1 = (uint8_t)rn;
                return 0;
            }
            if (op1 == 0) {
                static const uint8_t q[4] = {0, 2, 1, 3};
                t->fn = arm_op_qadd;
                t->rs1 = (uint8_t)rn;
                t->rm = q[op2];
                return 0;
            }
        }
        return -1;
    }
    if ((h1 & 0xff80) == 0xfb00) { /* multiply, multiply-accumulate */
        unsigned op1 = F(h1, 6, 4), op2 = F(h2, 5, 4);
        t->rd = (uint8_t)rd;
        t->rs1 = (uint8_t)rn;
        t->rs2 = (uint8_t)rm;
        t->rs3 = (uint8_t)rt;
        if (op1 == 0 && op2 < 2) {
            t->fn = arm_op_mul;
            t->rm = op2 ? 2 : rt == 15 ? 0 : 1;
            return 0;
        }
        if (op1 == 1) {
            t->fn = arm_op_smulxy;
            t->rm = (uint8_t)((op2 >> 1) | (op2 & 1) << 1 | (rt != 15 ? 4 : 0)); /* N (bit 5): Rn top, M: Rm top */
            return 0;
        }
        if (op1 == 3 && op2 < 2) { /* SMLAWy, SMULWy */
            t->fn = arm_op_smulw;
            t->rm = (uint8_t)(op2 << 1 | (rt != 15 ? 4 : 0));
            return 0;
        }
        if ((op1 == 2 || op1 == 4) && op2 < 2) { /* SMLAD, SMUAD, SMLSD, SMUSD */
            t->fn = arm_op_smlad;
            t->rm = (uint8_t)(op2 | (op1 == 4 ? 2 : 0) | (rt != 15 ? 4 : 0));
            return 0;
        }
        if ((op1 == 5 || op1 == 6) && op2 < 2) { /* SMMUL, SMMLA, SMMLS */
            t->fn = arm_op_smmul;
            t->rm = (uint8_t)(op2 | (rt != 15 ? 2 : 0) | (op1 == 6 ? 4 : 0));
            return op1 == 6 && rt == 15 ? -1 : 0;
        }
        if (op1 == 7 && op2 == 0) { /* USAD8, USADA8 */
            t->fn = arm_op_usad8;
            t->rm = rt != 15;
            return 0;
        }
        return -1;
    }
    if ((h1 & 0xff80) == 0xfb80) { /* long multiply, divide */
        unsigned op1 = F(h1, 6, 4), op2 = F(h2, 7, 4);
        t->rs1 = (uint8_t)rn;
        t->rs2 = (uint8_t)rm;
        if ((op1 == 1 || op1 == 3) && op2 == 15) {
            t->fn = arm_op_div;
            t->rd = (uint8_t)rd;
            t->rm = op1 == 1;
            return 0;
        }
        t->fn = arm_op_mull;
        t->rd = (uint8_t)rt;
        t->rm = (uint8_t)rd;
        if (op2 == 0) {
            static const int8_t k[8] = {1, -1, 0, -1, 3, -1, 2, -1};
            if (k[op1] < 0)
                return -1;
            t->rs3 = (uint8_t)k[op1];
            return 0;
        }
        if (op1 == 6 && op2 == 6) {
            t->rs3 = 4;
            return 0;
        }
        if (op1 == 4 && op2 >= 8 && op2 <= 11) { /* SMLALxy */
            t->fn = arm_op_smlalxy;
            t->rd = (uint8_t)rt;
            t->rs3 = (uint8_t)rd;
            t->rm = (uint8_t)(F(op2, 1, 1) | F(op2, 0, 0) << 1);
            return 0;
        }
        if ((op1 == 4 || op1 == 5) && (op2 == 12 || op2 == 13)) { /* SMLALD, SMLSLD */
            t->fn = arm_op_smlad;
            t->rd = (uint8_t)rt;
            t->rs3 = (uint8_t)rd;
            t->rm = (uint8_t)((op2 & 1) | (op1 == 5 ? 2 : 0) | 8);
            return 0;
        }
        return -1;
    }
    return -1;
}

int arm_decode_t32(struct emu_proc *p, uint64_t pc, struct blk_builder *b)
{
    struct mem *m = p->mem;
    uint64_t a = pc & ~1ull;
    if (!mem_check(m, a, 2, MEM_R | MEM_X))
        return 0;
    uint32_t h = ld16(mem_host(m, a));
    int len = 2;
    uint32_t w = h;
    if ((h >> 11) >= 0x1d) {
        if (!mem_check(m, a + 2, 2, MEM_R | MEM_X))
            return 0;
        w = h << 16 | ld16(mem_host(m, a + 2));
        len = 4;
    }
    /* IT state for this instruction. A block may start inside an IT block (after a fault or a signal, or
       when a block was split, or a debugger steps): the state then comes from rt_sigreturn / the debugger,
       else from the block decoded just before (it ended at this pc inside an IT block), else from the table
       of covered instructions. */
    if (b->nops == 0) {
        unsigned st;
        uint64_t at;
        if (arm_it_take_pending(pc, &st)) {
            it_pc = st ? pc : ~0ull; /* not a state of the code itself: kept out of the table */
            it_state = st;
            it_insn_pc = ~0ull;
        } else if (!(it_pc == pc && (it_state & 15)) && (st = arm_it_at(p, pc, &at)) != 0) {
            it_pc = pc;
            it_state = st;
            it_insn_pc = at;
            it_insn_hw = ld16(mem_host(m, at));
        }
    }
    unsigned cond = 14;
    int in_it = 0;
    if (it_pc == pc && (it_state & 15)) {
        if (it_insn_pc != ~0ull)
            arm_it_note(pc, it_state, it_insn_pc, it_insn_hw);
        in_it = 1;
        cond = it_state >> 4;
        unsigned next = (it_state & 7) ? ((it_state & 0xe0) | ((it_state << 1) & 0x1f)) : 0;
        it_state = next;
        it_pc = next ? pc + (uint64_t)len : ~0ull;
    } else {
        it_pc = ~0ull;
    }
    int last_in_it = in_it && it_pc == ~0ull;
    if (len == 2 && (h & 0xff00) == 0xbf00 && (h & 15)) { /* IT */
        if (in_it || (h >> 4 & 15) == 15 || ((h >> 4 & 15) == 14 && __builtin_popcount(h & 15) != 1)) {
            arm_emit_illegal(b, pc, 2, h);
            return 2;
        }
        it_state = h & 0xff;
        it_pc = pc + 2;
        it_insn_pc = a;
        it_insn_hw = h;
        struct op t = {.fn = arm_op_nop, .pc = pc, .len = 2};
        arm_emit(b, &t, 14, 0, 0);
        return 2;
    }
    struct op t;
    memset(&t, 0, sizeof t);
    t.pc = pc;
    t.len = (uint8_t)len;
    unsigned flags = 0;
    uint32_t pcval = 0;
    int r = len == 2 ? t16(pc, h, in_it, &t, &flags, &pcval) : t32(pc, w, in_it, cond, &t, &flags, &pcval, b);
    if (r == 1)
        return len;
    if (r >= 100) { /* B<cond> */
        cond = (unsigned)r - 100;
        r = 0;
    }
    if (r < 0 || ((flags & EMIT_END) && in_it && !last_in_it)) {
        it_pc = ~0ull;
        arm_emit_illegal(b, pc, (unsigned)len, w);
        return len;
    }
    if (!(flags & EMIT_PC) && (t.rs1 == 15 || t.rs2 == 15) && t.fn != arm_op_b && t.fn != arm_op_bl) {
        /* Register operands reading the pc in forms the decoder did not mark: give them insn+4. */
        flags |= EMIT_PC;
        pcval = (uint32_t)(pc & ~1ull) + 4;
    }
    arm_emit(b, &t, cond, flags, pcval);
    return len;
}
