/* T32 IT state outside the decoder: a table of the instructions covered by IT blocks (address -> ITSTATE,
   checked against the IT instruction still being in memory) so that a block starting inside an IT block
   (after a fault, a signal or a block split) decodes with the right conditions and CPSR.IT can be shown and
   saved in signal frames; and a one-shot state that rt_sigreturn or a debugger's CPSR write asks for when it
   differs from the table (a handler that moved the pc or changed IT). Used under the emulator lock. */
#include <stdlib.h>

#include "arm.h"
#include "bcache.h"

/* Entries: key = instruction address | 1 (0 = empty); val = ITSTATE | distance back to the IT instruction << 8 |
   the IT halfword << 16. */
static uint32_t *keys, *vals;
static uint32_t cap, used;
static uint64_t pend_pc = ~0ull;
static unsigned pend_it;

static uint32_t slot_of(uint32_t k) { return (k * 0x9e3779b1u) >> 7; }

static void put(uint32_t k, uint32_t v)
{
    uint32_t i = slot_of(k) & (cap - 1);
    while (keys[i] && keys[i] != k)
        i = (i + 1) & (cap - 1);
    if (!keys[i])
        used++;
    keys[i] = k;
    vals[i] = v;
}

void arm_it_note(uint64_t pc, unsigned itstate, uint64_t it_insn, unsigned hw)
{
    if (2 * (used + 1) > cap) {
        uint32_t *ok = keys, *ov = vals, oc = cap;
        cap = cap ? 2 * cap : 1024;
        keys = calloc(cap, sizeof *keys);
        vals = calloc(cap, sizeof *vals);
        if (!keys || !vals) { /* out of memory: forget the table (blocks still decode IT blocks in one piece) */
            free(keys);
            free(vals);
            keys = ok;
            vals = ov;
            cap = oc;
            return;
        }
        used = 0;
        for (uint32_t i = 0; i < oc; i++)
            if (ok[i])
                put(ok[i], ov[i]);
        free(ok);
        free(ov);
    }
    put((uint32_t)pc | 1, (itstate & 0xff) | (uint32_t)(((pc & ~1ull) - it_insn) & 0xff) << 8 | (hw & 0xffff) << 16);
}

unsigned arm_it_at(struct emu_proc *p, uint64_t pc, uint64_t *it_insn)
{
    if (!(pc & 1) || !cap)
        return 0;
    uint32_t k = (uint32_t)pc, i = slot_of(k) & (cap - 1);
    while (keys[i] && keys[i] != k)
        i = (i + 1) & (cap - 1);
    if (!keys[i])
        return 0;
    uint64_t at = (pc & ~1ull) - ((vals[i] >> 8) & 0xff);
    if (!mem_check(p->mem, at, 2, MEM_R) || ld16(mem_host(p->mem, at)) != vals[i] >> 16)
        return 0; /* the code changed: no longer an IT block */
    if (it_insn)
        *it_insn = at;
    return vals[i] & 0xff;
}

int arm_it_take_pending(uint64_t pc, unsigned *itstate)
{
    if (pend_pc != pc)
        return 0;
    pend_pc = ~0ull;
    *itstate = pend_it;
    return 1;
}

unsigned arm_it_current(struct emu_cpu *c)
{
    if (!(c->pc & 1))
        return 0;
    return pend_pc == c->pc ? pend_it : arm_it_at(c->proc, c->pc, NULL);
}

void arm_it_set(struct emu_cpu *c, unsigned itstate)
{
    if (!(c->pc & 1))
        return;
    if (pend_pc == c->pc)
        pend_pc = ~0ull;
    if ((itstate & 0xff) == arm_it_at(c->proc, c->pc, NULL))
        return;
    /* Differs from what a block decoded at pc would assume: decode pc afresh with this state (rare). The
       cache is emptied now, not at the next miss, as a block already cached at pc would be found first;
       this runs from a syscall or a stopped debugger, with no block left to execute. */
    pend_pc = c->pc;
    pend_it = itstate & 0xff;
    bcache_flush(c->proc->bc);
}
