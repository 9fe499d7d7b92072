/* aarch64 Advanced SIMD structure loads and stores: LD1-LD4/ST1-ST4 (multiple and single structures), LD1R-LD4R, post-index forms, with their table. */
#include "simd.h"

/*
 * One handler for the whole family. rd = Vt, rs1 = Rn (31 = SP), rs2 = Rm for register post-index;
 * rm = size | Q << 2 | load << 3 | kind << 4 (0 multiple, 1 single, 2 replicate);
 * rs3 = structure elements (1-4); aux = registers (multiple LD1/ST1) or lane index (single),
 * | 0x100 write back, | 0x200 the increment is X[rs2] (else imm, the transfer size).
 */
enum { K_MULTI, K_SINGLE, K_REPL };
#define VT(s) V((o->rd + (s)) & 31)

OP(op_vldst)
{
    unsigned size = o->rm & 3, q = (o->rm >> 2) & 1, ld = (o->rm >> 3) & 1, kind = o->rm >> 4;
    unsigned selem = o->rs3, es = 1u << size, bpr = q ? 16 : 8, n = o->aux & 0xff;
    uint64_t base = X(o->rs1);
    unsigned total = kind == K_MULTI ? (selem == 1 ? n : selem) * bpr : selem * es;
    uint8_t *p = a64_addr(c, o, base, total);
    if (__builtin_expect(!p, 0))
        return a64_fault(c, o, base);
    if (kind == K_MULTI) {
        if (selem == 1) {
            for (unsigned r = 0; r < n; r++) {
                if (ld) {
                    memcpy(VT(r), p + r * bpr, bpr);
                    if (!q)
                        memset(VT(r) + 8, 0, 8);
                } else {
                    memcpy(p + r * bpr, VT(r), bpr);
                }
            }
        } else {
            uint8_t t[4][16];
            for (unsigned s = 0; s < selem; s++)
                memcpy(t[s], VT(s), 16);
            for (unsigned e = 0; e < bpr / es; e++)
                for (unsigned s = 0; s < selem; s++) {
                    uint8_t *m = p + (e * selem + s) * es;
                    if (ld)
                        memcpy(t[s] + e * es, m, es);
                    else
                        memcpy(m, t[s] + e * es, es);
                }
            if (ld)
                for (unsigned s = 0; s < selem; s++) {
                    if (!q)
                        memset(t[s] + 8, 0, 8);
                    memcpy(VT(s), t[s], 16);
                }
        }
    } else if (kind == K_SINGLE) {
        for (unsigned s = 0; s < selem; s++) {
            if (ld)
                memcpy(VT(s) + n * es, p + s * es, es);
            else
                memcpy(p + s * es, VT(s) + n * es, es);
        }
    } else {
        for (unsigned s = 0; s < selem; s++) {
            uint8_t r[16];
            for (unsigned i = 0; i < 16; i += es)
                memcpy(r + i, p + s * es, es);
            a64_vput(c, (o->rd + s) & 31, r, bpr);
        }
    }
    if (o->aux & 0x100)
        X(o->rs1) = base + (o->aux & 0x200 ? X(o->rs2) : (uint64_t)total);
    NEXT;
}

/* Watchpoint support: the access of a structure load/store (1 read, 2 write), 0 for other ops. */
int a64_vldst_ref(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len)
{
    if (o->fn != op_vldst)
        return 0;
    unsigned size = o->rm & 3, q = (o->rm >> 2) & 1, kind = o->rm >> 4, selem = o->rs3, n = o->aux & 0xff;
    if (c) {
        *addr = X(o->rs1);
        *len = kind == K_MULTI ? (selem == 1 ? n : selem) * (q ? 16u : 8u) : selem << size;
    }
    return (o->rm >> 3) & 1 ? 1 : 2;
}

/* Multiple structures: opcode -> (registers, elements per structure). */
static int d_vls_multi(struct op *o, uint32_t w, const struct a64_insn *r)
{
    static const signed char regs[16] = {4, -1, 4, -1, 3, -1, 3, 1, 2, -1, 2, -1, -1, -1, -1, -1};
    static const signed char sel[16] = {4, -1, 1, -1, 3, -1, 1, 1, 2, -1, 1, -1, -1, -1, -1, -1};
    unsigned opc = a64_bits(w, 15, 12), size = a64_bits(w, 11, 10), q = (w >> 30) & 1;
    if (regs[opc] < 0 || (size == 3 && !q && sel[opc] > 1))
        return -1;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs3 = (uint8_t)sel[opc];
    o->aux = (uint16_t)(sel[opc] == 1 ? regs[opc] : 0);
    o->rm = (uint8_t)(size | q << 2 | ((w >> 22) & 1) << 3 | K_MULTI << 4);
    if (r->arg) { /* post-index */
        unsigned m = a64_bits(w, 20, 16);
        o->aux |= 0x100 | (m != 31 ? 0x200 : 0);
        o->rs2 = (uint8_t)m;
    }
    return 0;
}

/* Single structure and replicate. */
static int d_vls_single(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned opc = a64_bits(w, 15, 13), s = (w >> 12) & 1, size = a64_bits(w, 11, 10), q = (w >> 30) & 1;
    unsigned rbit = (w >> 21) & 1, ld = (w >> 22) & 1, selem = ((opc & 1) << 1 | rbit) + 1, esz, index, kind = K_SINGLE;
    switch (opc >> 1) {
    case 0: esz = 0; index = q << 3 | s << 2 | size; break;
    case 1: if (size & 1) return -1; esz = 1; index = q << 2 | s << 1 | (size >> 1); break;
    case 2:
        if (size == 0) { esz = 2; index = q << 1 | s; }
        else if (size == 1 && !s) { esz = 3; index = q; }
        else return -1;
        break;
    default:
        if (!ld || s)
            return -1;
        esz = size, index = 0, kind = K_REPL;
        break;
    }
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs3 = (uint8_t)selem;
    o->aux = (uint16_t)index;
    o->rm = (uint8_t)(esz | q << 2 | ld << 3 | kind << 4);
    if (r->arg) {
        unsigned m = a64_bits(w, 20, 16);
        o->aux |= 0x100 | (m != 31 ? 0x200 : 0);
        o->rs2 = (uint8_t)m;
    }
    return 0;
}

const struct a64_insn a64_simd_ldst[] = {
    {0xbfbf0000, 0x0c000000, d_vls_multi, op_vldst, NULL, 0, 0, "ld1-4/st1-4 (multiple)"},
    {0xbfa00000, 0x0c800000, d_vls_multi, op_vldst, NULL, 1, 0, "ld1-4/st1-4 (multiple, post-index)"},
    {0xbf9f0000, 0x0d000000, d_vls_single, op_vldst, NULL, 0, 0, "ld1-4/st1-4 (single), ld1r-ld4r"},
    {0xbf800000, 0x0d800000, d_vls_single, op_vldst, NULL, 1, 0, "ld1-4/st1-4 (single, post-index), ld1r-ld4r"},
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
