/* aarch64 decoder: buckets the group tables by the top-level op0 field, matches words against rows and fills ops. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "a64.h"

extern const struct a64_insn a64_simd_sat[]; /* Advanced SIMD saturating multiplies/shifts, polynomial (simd_sat.c) */
extern const struct a64_insn a64_simd_crypto[]; /* SHA-1 and SHA-256 (simd_crypto.c) */
extern const struct a64_insn a64_simd_est[]; /* reciprocal estimates, FCVTXN (simd_est.c) */

/* Every group table, in priority order (earlier rows win where patterns overlap). */
static const struct a64_insn *const tables[] = {a64_dp_imm, a64_br_sys, a64_ldst, a64_simd_ldst, a64_dp_reg,
                                                a64_fp, a64_simd2, a64_simd, a64_simd_fp, a64_simd_sat,
                                                a64_simd_crypto, a64_simd_est, NULL};

/* Rows bucketed by op0 = bits 28:25 (the A64 top-level encoding group). */
static const struct a64_insn **bucket[16];
static unsigned bucket_n[16];
static int built;

uint16_t a64_cmask[16];

static void build_buckets(void)
{
    for (unsigned i = 0; i < 16; i++)
        a64_cmask[i] = a64_cond_mask(i);
    for (int pass = 0; pass < 2; pass++) {
        unsigned cnt[16] = {0};
        for (int t = 0; tables[t]; t++)
            for (const struct a64_insn *r = tables[t]; r->dec; r++)
                for (uint32_t op0 = 0; op0 < 16; op0++) {
                    if (((op0 << 25) ^ r->match) & r->mask & (15u << 25))
                        continue;
                    if (pass)
                        bucket[op0][cnt[op0]] = r;
                    cnt[op0]++;
                }
        if (!pass) {
            for (int i = 0; i < 16; i++)
                if (!(bucket[i] = calloc(cnt[i] + 1, sizeof *bucket[i])))
                    abort();
        } else {
            memcpy(bucket_n, cnt, sizeof cnt);
        }
    }
    built = 1;
}

static const struct a64_insn *lookup(uint32_t w)
{
    unsigned op0 = (w >> 25) & 15;
    for (unsigned i = 0; i < bucket_n[op0]; i++)
        if ((w & bucket[op0][i]->mask) == bucket[op0][i]->match)
            return bucket[op0][i];
    return NULL;
}

/* The row for w, for tests and coverage tools (NULL when not implemented). */
const struct a64_insn *a64_lookup(uint32_t w)
{
    if (!built)
        build_buckets();
    return lookup(w);
}

int a64_decode(struct emu_proc *p, uint64_t pc, struct blk_builder *b)
{
    struct mem *m = p->mem;
    if ((pc & 3) || !mem_check(m, pc, 4, MEM_R | MEM_X))
        return 0;
    if (!built)
        build_buckets();
    uint32_t w = ld32(mem_host(m, pc));
    struct op *o = &b->ops[b->nops++];
    memset(o, 0, sizeof *o);
    o->pc = pc;
    o->len = 4;
    const struct a64_insn *r = lookup(w);
    if (r) {
        o->fn = r->fn;
        if (r->dec(o, w, r) == 0 && o->fn) {
            o->pc = pc;
            o->len = 4;
            if (r->flags & A64F_END)
                b->end = 1;
            return 4;
        }
        memset(o, 0, sizeof *o);
    }
    o->fn = a64_illegal;
    o->imm = w;
    o->pc = pc;
    o->len = 4;
    b->end = 1;
    return 4;
}

const struct op *a64_illegal(struct emu_cpu *c, const struct op *o)
{
    c->pc = o->pc;
    c->sig_insn = (uint32_t)o->imm;
    emu_raise(c, SIGILL, ILL_ILLOPC, o->pc);
    return NULL;
}

const struct op *a64_fault(struct emu_cpu *c, const struct op *o, uint64_t a)
{
    c->pc = o->pc;
    emu_raise(c, SIGSEGV, SEGV_MAPERR, a);
    return NULL;
}

const struct op *a64_misaligned(struct emu_cpu *c, const struct op *o, uint64_t a)
{
    c->pc = o->pc;
    emu_raise(c, SIGBUS, BUS_ADRALN, a);
    return NULL;
}

int a64_d_none(struct op *o, uint32_t w, const struct a64_insn *r)
{
    (void)o, (void)w, (void)r;
    return 0;
}

uint16_t a64_cond_mask(unsigned cond)
{
    uint16_t m = 0;
    for (unsigned f = 0; f < 16; f++) {
        int n = !!(f & A64_N), z = !!(f & A64_Z), cf = !!(f & A64_C), v = !!(f & A64_V), r;
        switch (cond >> 1) {
        case 0: r = z; break;               /* EQ / NE */
        case 1: r = cf; break;              /* CS / CC */
        case 2: r = n; break;               /* MI / PL */
        case 3: r = v; break;               /* VS / VC */
        case 4: r = cf && !z; break;        /* HI / LS */
        case 5: r = n == v; break;          /* GE / LT */
        case 6: r = !z && n == v; break;    /* GT / LE */
        default: r = 1; break;              /* AL / NV: always */
        }
        if ((cond & 1) && cond != 15)
            r = !r;
        m |= (uint16_t)(r << f);
    }
    return m;
}

/* Rotates the low esize bits of v right by r. */
static uint64_t ror_e(uint64_t v, unsigned r, unsigned esize)
{
    uint64_t m = esize == 64 ? ~0ull : (1ull << esize) - 1;
    v &= m;
    if (!r)
        return v;
    return ((v >> r) | (v << (esize - r))) & m;
}

static uint64_t ones(unsigned n) { return n >= 64 ? ~0ull : (1ull << n) - 1; }

int a64_bitmask(unsigned n, unsigned imms, unsigned immr, unsigned datasize, uint64_t *wmask)
{
    /* len = index of the highest set bit of N:NOT(imms) (7 bits) */
    unsigned v = (n << 6) | (~imms & 63);
    if (!v)
        return -1;
    int len = 31 - __builtin_clz(v);
    if (len < 1 || (1u << len) > datasize)
        return -1;
    unsigned levels = (1u << len) - 1;
    unsigned s = imms & levels, r = immr & levels, esize = 1u << len;
    if (s == levels) /* an all-ones element is reserved */
        return -1;
    uint64_t e = ror_e(ones(s + 1), r, esize), wm = 0;
    for (unsigned i = 0; i < datasize; i += esize)
        wm |= e << i;
    *wmask = wm;
    return 0;
}
