/* Decoded-block cache interface. */
#ifndef XTRACE_BCACHE_H
#define XTRACE_BCACHE_H

#include "emu.h"

#define BCACHE_MAX_INSNS 64
#define BCACHE_BITS 16
#define BCACHE_SLOT(pc) (((pc) >> 1) & ((1u << BCACHE_BITS) - 1))

struct bcache {
    struct block *table[1u << BCACHE_BITS]; /* direct-mapped by pc */
    uint8_t *arena;              /* block storage, reset on flush */
    size_t used;                 /* bytes of arena in use */
    volatile int flush_pending;  /* code changed: flush before the next lookup */
};

/* Fast lookup of an already decoded block; NULL when it must be decoded (or the cache flushed) first. */
static inline struct block *bcache_find(struct bcache *bc, uint64_t pc)
{
    struct block *b = bc->table[BCACHE_SLOT(pc)];
    return b && b->pc == pc && !bc->flush_pending ? b : NULL;
}

/* Creates the cache for p (after p->mem exists); hooks code-page invalidation. */
struct bcache *bcache_new(struct emu_proc *p);
/* The block at pc, decoding it if needed; at most max instructions (max < BCACHE_MAX_INSNS bypasses
   the cache, for stepping). NULL when pc is not executable. */
struct block *bcache_lookup(struct emu_proc *p, uint64_t pc, unsigned max);
/* Drops every block at the next lookup. */
void bcache_invalidate(struct bcache *bc);
/* Drops every block now (only outside block execution). */
void bcache_flush(struct bcache *bc);
/* Terminator op: continue at imm. */
const struct op *bcache_op_goto(struct emu_cpu *c, const struct op *o);

#endif
