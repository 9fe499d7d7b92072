/* arm memory-op classification for exact watchpoints: which decoded ops read or write guest memory, and
   (from the registers before the op runs) the address and length they touch. */
#include <string.h>

#include "arm.h"
#include "neon.h"

enum { K_NONE, K_LS, K_LSM, K_EXCL, K_SWP, K_VLDST, K_VLDSTM, K_VLDN, K_VLDL };

/* The VFP load/store handlers are private to vfp.c: they are learnt once by decoding one VLDR and one
   VLDM through the VFP decoder (both forms share a handler with their store twins). */
static op_fn vldst_fn, vldstm_fn;

static op_fn decoded_fn(uint32_t w)
{
    struct op buf[8];
    struct blk_builder b = {buf, 0, 8, 0};
    memset(buf, 0, sizeof buf);
    if (!arm_decode_vfp(0, 4, w, 14, &b, 0) || !b.nops)
        return NULL;
    return buf[b.nops - 1].fn;
}

static void learn(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    vldst_fn = decoded_fn(0xed900b00u);  /* vldr d0, [r0] */
    vldstm_fn = decoded_fn(0xec900b02u); /* vldmia r0, {d0} */
}

static int cond_pass(const struct arm_cpu *a, unsigned cond)
{
    int r;
    switch (cond >> 1) {
    case 0: r = a->zf; break;
    case 1: r = a->cf; break;
    case 2: r = a->nf; break;
    case 3: r = a->vf; break;
    case 4: r = a->cf && !a->zf; break;
    case 5: r = a->nf == a->vf; break;
    case 6: r = !a->zf && a->nf == a->vf; break;
    default: return 1;
    }
    return (cond & 1) ? !r : r;
}

/* The register offset of an LDR/STR (shift rules of exec.c: type 0-3 by 0-255, 4 = RRX). */
static uint32_t shifted(uint32_t v, unsigned type, unsigned n, uint32_t carry)
{
    switch (type) {
    case SH_LSL: return n >= 32 ? 0 : v << n;
    case SH_LSR: return n >= 32 ? 0 : n ? v >> n : v;
    case SH_ASR: return n >= 32 ? (uint32_t)((int32_t)v >> 31) : (uint32_t)((int32_t)v >> n);
    case SH_ROR: n &= 31; return n ? (v >> n) | (v << (32 - n)) : v;
    default: return (v >> 1) | (carry << 31);
    }
}

/* Finds the family of handler f: kind (K_*), access (1 read, 2 write, 3 both) and for K_LS the table row. */
static int classify(op_fn f, int *access, int *row, int *reg, int *mode)
{
    for (int t = 0; t < LS_N; t++)
        for (int r = 0; r < 2; r++)
            for (int m = 0; m < 3; m++)
                if (arm_ls[t][r][m] == f) {
                    *access = (t >= LS_STR && t <= LS_STRH) || t == LS_STRD ? 2 : 1;
                    *row = t, *reg = r, *mode = m;
                    return K_LS;
                }
    if (f == arm_op_ldm || f == arm_op_stm) {
        *access = f == arm_op_stm ? 2 : 1;
        return K_LSM;
    }
    if (f == arm_op_ldrex || f == arm_op_strex) {
        *access = f == arm_op_strex ? 2 : 1;
        return K_EXCL;
    }
    if (f == arm_op_swp) {
        *access = 3;
        return K_SWP;
    }
    if (f == neon_op_vldn || f == neon_op_vldl)
        return f == neon_op_vldn ? K_VLDN : K_VLDL; /* the direction is in the instruction word */
    learn();
    if (f && f == vldst_fn)
        return K_VLDST;
    if (f && f == vldstm_fn)
        return K_VLDSTM;
    return K_NONE;
}

static const unsigned ls_len[LS_N] = {4, 1, 2, 1, 2, 4, 1, 2, 8, 8};

int arm_mem_ref(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len)
{
    op_fn f = o->fn;
    unsigned cond = 14;
    for (unsigned i = 0; i < 14; i++)
        if (f == arm_cond_wrap[i]) { /* a conditional instruction: the real handler is in aux */
            cond = i;
            f = arm_handlers[o->aux & AUX_IDX];
            break;
        }
    int access = 0, row = 0, reg = 0, mode = 0;
    int kind = classify(f, &access, &row, &reg, &mode);
    if (kind == K_NONE)
        return 0;
    if (!c)
        return access ? access : 3; /* VFP: the direction is an operand */
    struct arm_cpu *a = ARM(c);
    if (!cond_pass(a, cond))
        return 0; /* it will not execute: no access */
    uint32_t base = a->r[o->rs1], ea = base;
    unsigned n = 4;
    switch (kind) {
    case K_LS: {
        uint32_t off = (uint32_t)o->imm;
        if (reg) {
            off = shifted(a->r[o->rs2], o->rm & 7, o->rs3, a->cf);
            if (o->rm & 8)
                off = 0u - off;
        }
        ea = mode == 2 ? base : base + off;
        n = ls_len[row];
        break;
    }
    case K_LSM: {
        uint32_t cnt = (uint32_t)__builtin_popcount((uint32_t)o->imm);
        ea = o->rm == 0 ? base - 4 * cnt + 4 : o->rm == 1 ? base : o->rm == 2 ? base - 4 * cnt : base + 4;
        n = 4 * cnt;
        break;
    }
    case K_EXCL: ea = base + (uint32_t)o->imm; n = o->rm & 15; break;
    case K_SWP: n = o->rm; break;
    case K_VLDST:
        ea = base + (uint32_t)o->imm;
        n = o->rm ? 8 : 4;
        access = o->rs3 ? 2 : 1;
        break;
    case K_VLDSTM:
        n = 4 * (uint32_t)o->imm;
        ea = (o->rm & 2) ? base - n : base;
        access = o->rs3 ? 2 : 1;
        break;
    case K_VLDN: /* VLDn/VSTn multiple structures: imm the A32 word, rs2 n, rs3 registers, rs1 element bytes */
    case K_VLDL: /* single lane or all lanes: n elements of rs1 bytes */
        ea = a->r[NF((uint32_t)o->imm, 19, 16)];
        n = kind == K_VLDN ? 8u * o->rs2 * o->rs3 : (unsigned)o->rs2 * o->rs1;
        access = NF((uint32_t)o->imm, 21, 21) ? 1 : 2;
        break;
    }
    *addr = ea;
    *len = n;
    return access;
}
