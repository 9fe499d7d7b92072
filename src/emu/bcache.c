/* Decoded-block cache: translates guest code into blocks of ops once and finds them again by pc. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "bcache.h"
#include "debug.h"
#include "mem.h"

#define BC_ARENA (64u << 20)
#define BLOCK_MAX BCACHE_MAX_INSNS

static void on_code_write(void *ctx, uint64_t page)
{
    (void)page;
    ((struct bcache *)ctx)->flush_pending = 1;
}

struct bcache *bcache_new(struct emu_proc *p)
{
    struct bcache *bc = calloc(1, sizeof *bc);
    if (!bc)
        return NULL;
    bc->arena = mmap(NULL, BC_ARENA, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (bc->arena == MAP_FAILED) {
        free(bc);
        return NULL;
    }
    p->mem->on_code_write = on_code_write;
    p->mem->ctx = bc;
    return bc;
}

void bcache_flush(struct bcache *bc)
{
    memset(bc->table, 0, sizeof bc->table);
    bc->used = 0;
    bc->flush_pending = 0;
}

void bcache_invalidate(struct bcache *bc)
{
    bc->flush_pending = 1;
}

/* Appends a debugger op in front of the op at index at (breakpoint trap or watch check). */
static void insert_before(struct blk_builder *b, uint32_t at, op_fn fn, uint64_t pc)
{
    memmove(&b->ops[at + 1], &b->ops[at], (b->nops - at) * sizeof(struct op));
    memset(&b->ops[at], 0, sizeof(struct op));
    b->ops[at].fn = fn;
    b->ops[at].pc = pc;
    b->nops++;
}

/* Decodes a block at pc; on an unreadable pc returns NULL. max == 1 builds a single-step block, which never
   traps on a breakpoint (stepping off one must execute the instruction). */
static struct block *translate(struct emu_proc *p, struct bcache *bc, uint64_t pc, unsigned max)
{
    struct op buf[BLOCK_MAX * 3 + 1]; /* instruction ops, debugger ops, the terminator */
    struct blk_builder b = {buf, 0, BLOCK_MAX, 0};
    uint64_t at = pc;
    unsigned n = 0;
    int watching = dbg_watching(p->dbg);
    while (n < max && !b.end) {
        uint32_t first = b.nops;
        int len = p->isa->decode(p, at, &b);
        if (len <= 0)
            break;
        if (watching && b.nops > first && p->isa->mem_ref(NULL, &b.ops[first], NULL, NULL))
            insert_before(&b, first, dbg_op_watch, at);
        if (max > 1 && dbg_is_bp(p->dbg, at & ~1ull)) { /* breakpoints are instruction addresses, without a mode bit */
            insert_before(&b, first, dbg_op_break, at);
            b.ops[first].aux = (uint16_t)(b.nops - first - 1); /* the ops of the instruction that follow */
        }
        /* Bit 0 of a block key may be a mode bit (Thumb); the instruction's bytes start at the even address. */
        mem_mark_code(p->mem, (at & ~1ull) & ~(MEM_PAGE - 1));
        mem_mark_code(p->mem, ((at & ~1ull) + (uint64_t)len - 1) & ~(MEM_PAGE - 1));
        at += (uint64_t)len;
        n++;
    }
    if (!n)
        return NULL;
    if (!b.end) { /* ran out of room or hit unreadable code: continue at the next pc */
        struct op *o = &buf[b.nops++];
        memset(o, 0, sizeof *o);
        o->fn = bcache_op_goto;
        o->imm = (int64_t)at;
        o->pc = at;
    }
    size_t sz = sizeof(struct block) + b.nops * sizeof(struct op);
    sz = (sz + 15) & ~(size_t)15;
    if (bc->used + sz > BC_ARENA)
        bcache_flush(bc);
    struct block *blk = (struct block *)(bc->arena + bc->used);
    bc->used += sz;
    blk->pc = pc;
    blk->end = at;
    blk->ninsn = n;
    blk->nops = b.nops;
    memcpy(blk->ops, buf, b.nops * sizeof(struct op));
    return blk;
}

const struct op *bcache_op_goto(struct emu_cpu *c, const struct op *o)
{
    c->pc = (uint64_t)o->imm;
    return NULL;
}

struct block *bcache_lookup(struct emu_proc *p, uint64_t pc, unsigned max)
{
    struct bcache *bc = p->bc;
    if (bc->flush_pending)
        bcache_flush(bc);
    if (max < BLOCK_MAX) /* single-step and similar: never cached */
        return translate(p, bc, pc, max);
    struct block **slot = &bc->table[BCACHE_SLOT(pc)];
    if (*slot && (*slot)->pc == pc)
        return *slot;
    struct block *b = translate(p, bc, pc, BLOCK_MAX);
    if (b)
        *slot = b;
    return b;
}
