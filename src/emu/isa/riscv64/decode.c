/* riscv64 decoder: matches instruction words against the pattern tables and fills ops. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "disasm.h"
#include "rv.h"

/* Rows bucketed by major opcode (bits 6:2) so a lookup scans a handful of rows. */
static const struct rv_insn **bucket[32];
static unsigned bucket_n[32];

static void add_rows(const struct rv_insn *t, unsigned *cnt, int fill)
{
    for (; t->fn; t++) {
        unsigned op = (t->match >> 2) & 31;
        if (fill)
            bucket[op][cnt[op]] = t;
        cnt[op]++;
    }
}

static void build_buckets(void)
{
    unsigned cnt[32] = {0};
    add_rows(rv_insn_int, cnt, 0);
    add_rows(rv_insn_fp, cnt, 0);
    for (int i = 0; i < 32; i++) {
        bucket[i] = calloc(cnt[i] + 1, sizeof *bucket[i]);
        if (!bucket[i])
            abort();
    }
    memset(cnt, 0, sizeof cnt);
    add_rows(rv_insn_int, cnt, 1);
    add_rows(rv_insn_fp, cnt, 1);
    memcpy(bucket_n, cnt, sizeof cnt);
}

static const struct rv_insn *lookup(uint32_t w)
{
    if (!bucket[0] && !bucket[1])
        build_buckets();
    unsigned op = (w >> 2) & 31;
    for (unsigned i = 0; i < bucket_n[op]; i++)
        if ((w & bucket[op][i]->mask) == bucket[op][i]->match)
            return bucket[op][i];
    return NULL;
}

static int64_t sext(uint64_t v, unsigned bits)
{
    return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

static int64_t imm_i(uint32_t w) { return sext(w >> 20, 12); }
static int64_t imm_s(uint32_t w) { return sext(((w >> 25) << 5) | ((w >> 7) & 31), 12); }
static int64_t imm_b(uint32_t w)
{
    uint64_t v = ((w >> 31) & 1) << 12 | ((w >> 7) & 1) << 11 | ((w >> 25) & 63) << 5 | ((w >> 8) & 15) << 1;
    return sext(v, 13);
}
static int64_t imm_j(uint32_t w)
{
    uint64_t v = ((w >> 31) & 1) << 20 | ((w >> 12) & 255) << 12 | ((w >> 20) & 1) << 11 | ((w >> 21) & 1023) << 1;
    return sext(v, 21);
}

/* Fills o from the instruction word w at pc; returns 0, or -1 when the encoding is illegal. */
static int fill(struct op *o, const struct rv_insn *r, uint32_t w, uint64_t pc)
{
    o->fn = r->fn;
    o->rd = (w >> 7) & 31;
    o->rs1 = (w >> 15) & 31;
    o->rs2 = (w >> 20) & 31;
    o->rs3 = (w >> 27) & 31;
    o->rm = (w >> 12) & 7;
    o->imm = 0;
    switch (r->fmt) {
    case RV_I: o->imm = imm_i(w); break;
    case RV_ISH: o->imm = (w >> 20) & 63; break;
    case RV_S: o->imm = imm_s(w); break;
    case RV_B: o->imm = (int64_t)(pc + imm_b(w)); break;
    case RV_U: o->imm = sext(w & 0xfffff000u, 32); if (r->flags & RVF_AUIPC) o->imm += (int64_t)pc; break;
    case RV_J: o->imm = (int64_t)(pc + imm_j(w)); break;
    case RV_R4: case RV_RM: if (o->rm == 5 || o->rm == 6) return -1; break;
    case RV_CSR: o->aux = (uint16_t)(w >> 20); break;
    default: break;
    }
    if ((r->flags & RVF_RDX) && o->rd == 0)
        o->rd = 32;
    return 0;
}

int rv_decode(struct emu_proc *p, uint64_t pc, struct blk_builder *b)
{
    struct mem *m = p->mem;
    if (!mem_check(m, pc, 2, MEM_R | MEM_X))
        return 0;
    uint32_t w = ld16(mem_host(m, pc));
    int len = 2;
    if ((w & 3) == 3) {
        if (!mem_check(m, pc + 2, 2, MEM_R | MEM_X))
            return 0;
        w |= (uint32_t)ld16(mem_host(m, pc + 2)) << 16;
        len = 4;
    }
    uint32_t full = len == 4 ? w : rv_expand_compressed((uint16_t)w);
    struct op *o = &b->ops[b->nops++];
    memset(o, 0, sizeof *o);
    o->pc = pc;
    o->len = (uint8_t)len;
    const struct rv_insn *r = full ? lookup(full) : NULL;
    if (!r || fill(o, r, full, pc) < 0) {
        o->fn = rv_illegal;
        o->imm = w;
        o->pc = pc;
        o->len = (uint8_t)len;
        b->end = 1;
        return len;
    }
    o->pc = pc;
    o->len = (uint8_t)len;
    if (r->flags & RVF_END)
        b->end = 1;
    return len;
}

const struct op *rv_illegal(struct emu_cpu *c, const struct op *o)
{
    c->pc = o->pc;
    c->sig_insn = (uint32_t)o->imm;
    emu_raise(c, SIGILL, 1 /* ILL_ILLOPC */, o->pc);
    return NULL;
}
