/* Advanced SIMD element and structure loads/stores: VLD1-4/VST1-4 of multiple structures, of a single lane,
   and VLD1-4 to all lanes, with post-index writeback; plus their decoding (A32 0xf4 space). */
#include <signal.h>

#include "neon.h"

#define NEXT OP_NEXT(c, o)
#define D (NA(c)->d)

static inline uint64_t ldn(const uint8_t *p, unsigned nb)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < nb; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}
static inline void stn(uint8_t *p, unsigned nb, uint64_t v)
{
    for (unsigned i = 0; i < nb; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* The alignment the instruction's align field demands (bytes, kept in imm bits 40+), 1 when none. */
static inline uint32_t align_of(const struct op *o) { return (uint32_t)((uint64_t)o->imm >> 40) & 0xff; }
static const struct op *misaligned(struct emu_cpu *c, const struct op *o, uint32_t ea)
{
    c->pc = o->pc;
    emu_raise(c, SIGBUS, 1 /* BUS_ADRALN */, ea);
    return NULL;
}

static inline void writeback(struct emu_cpu *c, uint32_t w, uint32_t total)
{
    unsigned rn = NF(w, 19, 16), rm = NF(w, 3, 0);
    if (rm == 15)
        return;
    AR(c, rn) += rm == 13 ? total : AR(c, rm);
}

/* Multiple structures: op rs2 n (elements per structure), rs3 registers per element, rm inc, rd Vd,
   rs1 size (bytes per element); imm the word. */
OPFN(neon_op_vldn)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned n = o->rs2, regs = o->rs3, inc = o->rm, vd = o->rd, eb = o->rs1, lanes = 8 / eb, ld = NF(w, 21, 21);
    uint32_t ea = AR(c, NF(w, 19, 16)), total = 8 * n * regs;
    if (ea & (align_of(o) - 1))
        return misaligned(c, o, ea);
    uint8_t *p = arm_addr(c, o, ea, total);
    if (!p)
        return arm_fault(c, o, ea);
    for (unsigned r = 0; r < regs; r++)
        for (unsigned e = 0; e < lanes; e++)
            for (unsigned i = 0; i < n; i++) {
                uint64_t *dr = &D[(vd + i * inc + r) & 31];
                if (ld) *dr = n_put(*dr, e, 8 * eb, ldn(p, eb));
                else stn(p, eb, n_el(*dr, e, 8 * eb));
                p += eb;
            }
    writeback(c, w, total);
    NEXT;
}

/* Single lane (rs3 lane index) or all lanes (rs3 0xff; rm inc, imm bit 32+ regs for VLD1): rs2 n, rs1 bytes. */
OPFN(neon_op_vldl)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned n = o->rs2, inc = o->rm, vd = o->rd, eb = o->rs1, ld = NF(w, 21, 21), es = 8 * eb;
    uint32_t ea = AR(c, NF(w, 19, 16)), total = n * eb;
    if (ea & (align_of(o) - 1))
        return misaligned(c, o, ea);
    uint8_t *p = arm_addr(c, o, ea, total);
    if (!p)
        return arm_fault(c, o, ea);
    if (o->rs3 == 0xff) { /* all lanes */
        unsigned regs = (unsigned)(o->imm >> 32) & 0xff;
        for (unsigned i = 0; i < n; i++) {
            uint64_t e = ldn(p + i * eb, eb), v = 0;
            for (unsigned l = 0; l < 64 / es; l++)
                v = n_put(v, l, es, e);
            for (unsigned r = 0; r < regs; r++)
                D[(vd + i * inc + r) & 31] = v;
        }
    } else {
        for (unsigned i = 0; i < n; i++) {
            uint64_t *dr = &D[(vd + i * inc) & 31];
            if (ld) *dr = n_put(*dr, o->rs3, es, ldn(p + i * eb, eb));
            else stn(p + i * eb, eb, n_el(*dr, o->rs3, es));
        }
    }
    writeback(c, w, total);
    NEXT;
}

int arm_decode_neon_ls(uint64_t pc, unsigned len, uint32_t w, unsigned cond, struct blk_builder *b, uint32_t pcval)
{
    struct op t;
    memset(&t, 0, sizeof t);
    t.pc = pc;
    t.len = (uint8_t)len;
    t.imm = w;
    unsigned vd = n_vd(w), rn = NF(w, 19, 16), l = NF(w, 21, 21), sz = NF(w, 7, 6), last, align = 1;
    t.rd = (uint8_t)vd;
    if (NF(w, 20, 20) || rn == 15)
        return 0;
    if (!NF(w, 23, 23)) {
        static const struct { signed char n, regs, inc; } ty[16] = {
            {4, 1, 1}, {4, 1, 2}, {1, 4, 1}, {2, 2, 2}, {3, 1, 1}, {3, 1, 2}, {1, 3, 1}, {1, 1, 1},
            {2, 1, 1}, {2, 1, 2}, {1, 2, 1}, {-1, 0, 0}, {-1, 0, 0}, {-1, 0, 0}, {-1, 0, 0}, {-1, 0, 0}};
        unsigned type = NF(w, 11, 8);
        if (ty[type].n < 0 || (sz == 3 && ty[type].n != 1))
            return 0;
        t.fn = neon_op_vldn;
        t.rs2 = (uint8_t)ty[type].n;
        t.rs3 = (uint8_t)ty[type].regs;
        t.rm = (uint8_t)ty[type].inc;
        t.rs1 = (uint8_t)(1u << sz);
        last = vd + (ty[type].n - 1) * ty[type].inc + ty[type].regs - 1;
        unsigned al = NF(w, 5, 4);
        if ((ty[type].n == 1 && ty[type].regs == 1 && (al & 2)) || (ty[type].n == 1 && ty[type].regs == 3 && (al & 2)) ||
            (ty[type].n == 2 && ty[type].regs == 1 && al == 3) || (ty[type].n == 3 && (al & 2)))
            return 0;
        align = al ? 4u << al : 1;
    } else if (NF(w, 11, 10) == 3) { /* all lanes */
        unsigned n = NF(w, 9, 8) + 1, tb = NF(w, 5, 5);
        if (!l || (sz == 3 && n != 4))
            return 0;
        t.fn = neon_op_vldl;
        t.rs2 = (uint8_t)n;
        t.rs3 = 0xff;
        t.rs1 = (uint8_t)(sz == 3 ? 4 : 1u << sz);
        t.rm = (uint8_t)(n == 1 ? 1 : tb + 1);
        unsigned regs = n == 1 ? tb + 1 : 1, a = NF(w, 4, 4), eb = t.rs1;
        t.imm |= (int64_t)regs << 32;
        if (a) {
            if (n == 3 || (n == 1 && sz == 3))
                return 0;
            align = n == 1 ? eb : n == 2 ? 2 * eb : sz == 0 ? 4 : sz == 3 ? 16 : 8;
        }
        last = vd + (n - 1) * t.rm + regs - 1;
    } else {
        unsigned size = NF(w, 11, 10), n = NF(w, 9, 8) + 1, ia = NF(w, 7, 4), idx, inc = 1;
        if (size == 0) idx = ia >> 1;
        else if (size == 1) { idx = ia >> 2; inc = (ia & 2) ? 2 : 1; }
        else { idx = ia >> 3; inc = (ia & 4) ? 2 : 1; }
        if (n == 1) inc = 1;
        unsigned eb = 1u << size;
        switch (n) { /* the alignment bits of index_align */
        case 1:
            if (size == 1 && (ia & 1)) align = 2;
            else if (size == 2 && (ia & 3) == 3) align = 4;
            else if ((size == 0 && (ia & 1)) || (size == 1 && (ia & 2)) || (size == 2 && (ia & 4)) || (size == 2 && (ia & 3) && (ia & 3) != 3))
                return 0;
            break;
        case 2:
            if (ia & 1) align = 2 * eb;
            if (size == 2 && (ia & 2)) return 0;
            break;
        case 3:
            if (ia & 1) return 0;
            if (size == 2 && (ia & 3)) return 0;
            break;
        default:
            if (size < 2 && (ia & 1)) align = 4 * eb;
            if (size == 2 && (ia & 3)) { if ((ia & 3) == 3) return 0; align = 4u << (ia & 3); }
            break;
        }
        t.fn = neon_op_vldl;
        t.rs2 = (uint8_t)n;
        t.rs3 = (uint8_t)idx;
        t.rs1 = (uint8_t)(1u << size);
        t.rm = (uint8_t)inc;
        last = vd + (n - 1) * inc;
    }
    if (last > 31)
        return 0;
    t.imm |= (int64_t)align << 40;
    arm_emit(b, &t, cond, 0, pcval);
    return 1;
}
