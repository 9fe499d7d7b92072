/* Advanced SIMD internals shared by the neon_*.c files: instruction fields, lane access on the D registers,
   saturation and the handler declarations the decoder picks from. Handlers re-read their fields from the
   A32-form instruction word kept in op->imm (T32 words are rewritten to that form when decoded). */
#ifndef XTRACE_ARM_NEON_H
#define XTRACE_ARM_NEON_H

#include <string.h>

#include "arm.h"

#define NF(w, hi, lo) (((w) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))
#define NA(c) (ARM(c))

/* Register numbers of the operands: D:Vd, N:Vn, M:Vm. */
static inline unsigned n_vd(uint32_t w) { return NF(w, 22, 22) << 4 | NF(w, 15, 12); }
static inline unsigned n_vn(uint32_t w) { return NF(w, 7, 7) << 4 | NF(w, 19, 16); }
static inline unsigned n_vm(uint32_t w) { return NF(w, 5, 5) << 4 | NF(w, 3, 0); }

static inline uint64_t n_mask(unsigned es) { return es >= 64 ? ~0ull : (1ull << es) - 1; }
static inline uint64_t n_el(uint64_t v, unsigned i, unsigned es) { return es >= 64 ? v : (v >> (i * es)) & n_mask(es); }
static inline uint64_t n_put(uint64_t v, unsigned i, unsigned es, uint64_t x)
{
    if (es >= 64)
        return x;
    uint64_t m = n_mask(es) << (i * es);
    return (v & ~m) | ((x << (i * es)) & m);
}
static inline int64_t n_sext(uint64_t v, unsigned es) { return es >= 64 ? (int64_t)v : (int64_t)(v << (64 - es)) >> (64 - es); }

/* Sets FPSCR.QC. */
static inline void n_qc(struct emu_cpu *c) { NA(c)->fp.fpsr |= FPSR_QC; }
/* Saturates a signed/unsigned value to es bits (es < 64), setting QC when it clips. */
static inline uint64_t n_sats(struct emu_cpu *c, int64_t v, unsigned es)
{
    int64_t hi = (int64_t)(n_mask(es - 1)), lo = -hi - 1;
    if (v > hi) { n_qc(c); v = hi; }
    else if (v < lo) { n_qc(c); v = lo; }
    return (uint64_t)v & n_mask(es);
}
static inline uint64_t n_satu(struct emu_cpu *c, int64_t v, unsigned es)
{
    int64_t hi = (int64_t)n_mask(es);
    if (v > hi) { n_qc(c); v = hi; }
    else if (v < 0) { n_qc(c); v = 0; }
    return (uint64_t)v;
}

/* Handlers (one per instruction group; each reads its fields from o->imm). */
OPFN(neon_op_3same);   /* integer 3 registers same length */
OPFN(neon_op_3samef);  /* floating-point 3 registers same length */
OPFN(neon_op_imm);     /* 1 register and modified immediate */
OPFN(neon_op_shift);   /* 2 registers and shift amount */
OPFN(neon_op_3diff);   /* 3 registers different lengths */
OPFN(neon_op_scalar);  /* 2 registers and a scalar */
OPFN(neon_op_2misc);   /* 2 registers miscellaneous */
OPFN(neon_op_ext);     /* VEXT */
OPFN(neon_op_tbl);     /* VTBL, VTBX */
OPFN(neon_op_dup);     /* VDUP scalar */
OPFN(neon_op_vldn);    /* VLDn/VSTn multiple structures */
OPFN(neon_op_vldl);    /* VLDn/VSTn single lane, VLDn all lanes */

/* Integer lane helpers shared by the groups (neon_int.c). */
uint64_t neon_shl_reg(struct emu_cpu *c, uint64_t x, int sh, unsigned es, int uns, int round, int sat);
uint64_t neon_qdmulh(struct emu_cpu *c, uint64_t a, uint64_t b, unsigned es, int round);

/* Decoder classification of the data-processing space; 0 when not implemented (neon_decode.c). */
op_fn neon_classify(uint32_t w);

#endif
