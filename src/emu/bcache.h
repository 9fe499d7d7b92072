/* Decoded-block cache interface. */
#ifndef XTRACE_BCACHE_H
#define XTRACE_BCACHE_H

#include "emu.h"

#define BCACHE_MAX_INSNS 64

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
