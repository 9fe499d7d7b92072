/* The process view of a remote board for the front ends: ISA table from the target description, disassembler, symbols. */
#ifndef XTRACE_REMOTE_RVIEW_H
#define XTRACE_REMOTE_RVIEW_H

#include <stddef.h>

#include "emu.h"
#include "mem.h"

struct remote;

struct rview {
    struct emu_proc p;           /* what the front ends read (first member: the disassembler finds the view from it) */
    struct emu_isa isa;          /* name, register file, target XML, disassembler; no execution hooks */
    struct isa_reg *regs;        /* gdb_regs: the described registers, index = front-end register number */
    struct mem mem;              /* an empty address space: board memory is reached through the target */
    struct remote *r;            /* the target */
    int kind;                    /* which disassembler (rview.c) */
    size_t cs[2];                /* capstone handles: the main mode and Thumb */
    int ncs;                     /* handles opened */
    char name[32];               /* ISA name shown ("arm", "aarch64", "riscv64") */
    char label[160];             /* what the board is, for titles when no symbol file names it */
};

/* Builds the view of r (after remote_open); NULL when out of memory. */
struct rview *rview_new(struct remote *r, const char *label);
/* Adds the symbols of ELF[@OFFSET] (OFFSET added to every address, e.g. U-Boot's relocation address for
   an image linked at 0); the first file also gives source lines. Returns 0, or -1 with a message. */
int rview_add_symbols(struct rview *v, const char *spec, char *err, size_t errsz);

#endif
