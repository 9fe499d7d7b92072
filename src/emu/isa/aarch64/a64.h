/* aarch64 backend internals: CPU state, decode-table rows, operand conventions and helpers shared by the exec files. */
#ifndef XTRACE_A64_H
#define XTRACE_A64_H

#include <stdint.h>
#include <string.h>

#include "emu.h"
#include "mem.h"
#include "armfp.h"

/*
 * Integer registers: x[0..30] are X0-X30, x[31] is SP, x[32] always reads 0 (XZR as a source) and x[33]
 * absorbs writes (XZR as a destination). Whether encoding 31 means SP or XZR is settled at decode time,
 * so handlers index x[] without checks.
 */
enum { A64_SP = 31, A64_ZR = 32, A64_SINK = 33 };

/*
 * NZCV is computed eagerly by every flag-setting op, as a 4-bit number N<<3 | Z<<2 | C<<1 | V; a condition
 * is a 16-bit mask over it (bit n set when the condition holds for NZCV value n). Measured against lazy
 * flags (recording a compare's operands and testing them in B.cond, 2e8-instruction loops, host user time):
 * CMP+B.cond 0.83 s lazy vs 0.86 s eager, CMP+CSEL 0.70 vs 0.43, CMP+CSET 0.62 vs 0.40: eager wins.
 */
enum { A64_N = 8, A64_Z = 4, A64_C = 2, A64_V = 1 };


struct a64_cpu {
    struct emu_cpu base;         /* core header (must be first) */
    uint64_t x[34];              /* X0-X30, SP, zero source, write sink */
    uint64_t nzcv;               /* flags as N<<3|Z<<2|C<<1|V */
    uint64_t tpidr;              /* TPIDR_EL0 */
    union {                      /* FP state as the shared Arm FP code (armfp.h) takes it, or by field */
        struct armfp fp;
        struct {
            uint32_t fpcr;       /* FPCR as written (supported bits only) */
            uint32_t fpsr;       /* FPSR bits not yet merged from the host's sticky flags */
            uint32_t fpslow;     /* FPCR asks for something other than round-to-nearest, no FZ, no DN */
        };
    };
    uint32_t excl_size;          /* exclusive monitor: access size in bytes, 0 when open */
    uint64_t excl_addr;          /* address of the last load-exclusive */
    uint64_t excl_val[2];        /* value it loaded (a store-exclusive succeeds if memory still holds it) */
    uint8_t *mem_base;           /* copies of proc->mem->base and ->limit (fixed for the process's life) */
    uint64_t mem_limit;
    _Alignas(16) uint8_t v[32][16]; /* V0-V31, little-endian byte order whatever the host */
};

#define A64(c) ((struct a64_cpu *)(c))
#define XR(c, r) (A64(c)->x[(r)])
#define VR(c, r) (A64(c)->v[(r)])

/* Register numbers as decoded from a 5-bit field: source/destination with 31 = XZR, or 31 = SP. */
static inline uint8_t a64_rzs(uint32_t n) { return (uint8_t)(n == 31 ? A64_ZR : n); }
static inline uint8_t a64_rzd(uint32_t n) { return (uint8_t)(n == 31 ? A64_SINK : n); }

/* Decode-table row: (insn & mask) == match selects it; dec fills the operands. */
struct a64_insn;
typedef int (*a64_dec_fn)(struct op *o, uint32_t w, const struct a64_insn *r);
struct a64_insn {
    uint32_t mask, match;        /* bit pattern */
    a64_dec_fn dec;              /* operand format: fills o (o->fn preset to fn); returns -1 if unallocated */
    op_fn fn;                    /* handler */
    const op_fn *fns;            /* handler variants for formats that choose one by a field (or NULL) */
    uint32_t arg;                /* format argument */
    uint8_t flags;               /* A64F_* */
    const char *name;            /* mnemonic (for coverage reports) */
};
enum { A64F_END = 1 };           /* the instruction ends the block */

/* Tables by A64 top-level group, each ending with dec == NULL. */
extern const struct a64_insn a64_dp_imm[];    /* data processing - immediate */
extern const struct a64_insn a64_dp_reg[];    /* data processing - register */
extern const struct a64_insn a64_br_sys[];    /* branches, exception generation, system */
extern const struct a64_insn a64_ldst[];      /* loads and stores (integer, FP, atomics) */
extern const struct a64_insn a64_simd_ldst[]; /* Advanced SIMD structure loads and stores */
extern const struct a64_insn a64_fp[];        /* scalar floating point */
extern const struct a64_insn a64_simd[];      /* Advanced SIMD integer (vector and scalar forms) */
extern const struct a64_insn a64_simd2[];     /* Advanced SIMD: copies, modified immediates, table lookups, permutes */
extern const struct a64_insn a64_simd_fp[];   /* Advanced SIMD floating point (vector and scalar forms) */

/* Common formats. */
int a64_d_none(struct op *o, uint32_t w, const struct a64_insn *r);

/* Bit field of w. */
static inline uint32_t a64_bits(uint32_t w, unsigned hi, unsigned lo) { return (w >> lo) & ((2u << (hi - lo)) - 1); }
static inline int64_t a64_sext(uint64_t v, unsigned bits) { return (int64_t)(v << (64 - bits)) >> (64 - bits); }

/* The 16-bit mask of NZCV values for which condition cond (0-15) holds. */
uint16_t a64_cond_mask(unsigned cond);
extern uint16_t a64_cmask[16];   /* a64_cond_mask() of every condition (filled before decoding starts) */

/* NZCV and setting it. */
static inline unsigned a64_nzcv(const struct emu_cpu *c) { return (unsigned)A64(c)->nzcv; }
static inline void a64_set_nzcv(struct emu_cpu *c, unsigned v) { A64(c)->nzcv = v & 15; }

/* Whether condition cond (0-15) holds. */
static inline int a64_cond(const struct emu_cpu *c, unsigned cond) { return (a64_cmask[cond] >> A64(c)->nzcv) & 1; }

/* Decodes a logical-immediate bitmask (N:immr:imms) for a datasize of 32 or 64; returns -1 when reserved. */
int a64_bitmask(unsigned n, unsigned imms, unsigned immr, unsigned datasize, uint64_t *wmask);

/* Raises SIGILL for the op's instruction (o->imm holds the word) and leaves the block. */
const struct op *a64_illegal(struct emu_cpu *c, const struct op *o);
/* Raises SIGSEGV (SEGV_MAPERR) at address a for the op and leaves the block. */
const struct op *a64_fault(struct emu_cpu *c, const struct op *o, uint64_t a);
/* Raises SIGBUS (BUS_ADRALN) at address a. */
const struct op *a64_misaligned(struct emu_cpu *c, const struct op *o, uint64_t a);

/* Guest memory access for ops: records the op for fault reporting, then a plain host access. */
static inline int a64_in_range(const struct emu_cpu *c, uint64_t a, uint64_t n)
{
    uint64_t lim = A64(c)->mem_limit;
    return a < lim && n <= lim - a;
}
static inline uint8_t *a64_addr(struct emu_cpu *c, const struct op *o, uint64_t a, unsigned n)
{
    c->cur = o;
    if (__builtin_expect(!a64_in_range(c, a, n), 0))
        return NULL;
    return A64(c)->mem_base + a;
}
/* The same as a statement: declares p, or leaves the op with SIGSEGV. */
#define A64_MEM(c, o, ea, n, p)                                                                              \
    (c)->cur = (o);                                                                                          \
    if (__builtin_expect(!a64_in_range((c), (ea), (n)), 0))                                                  \
        return a64_fault((c), (o), (ea));                                                                    \
    uint8_t *p = A64(c)->mem_base + (ea);

/* FP state: FPCR/FPSR access (merging the host's sticky flags), reset. */
uint32_t a64_fpsr_read(struct emu_cpu *c);
void a64_fpsr_write(struct emu_cpu *c, uint32_t v);
void a64_fpcr_write(struct emu_cpu *c, uint32_t v);
void a64_fp_init(struct emu_cpu *c);

/* Vector register lanes (little-endian storage). */
static inline uint64_t a64_vd(const struct emu_cpu *c, unsigned r, unsigned i) { return ld64(&A64(c)->v[r][8 * i]); }
static inline void a64_set_vd(struct emu_cpu *c, unsigned r, unsigned i, uint64_t v) { st64(&A64(c)->v[r][8 * i], v); }
/* Writes a scalar of n bytes (1, 2, 4, 8) to V[r] and zeroes the rest of the register. */
static inline void a64_set_scalar(struct emu_cpu *c, unsigned r, uint64_t v, unsigned n)
{
    uint8_t *p = A64(c)->v[r];
    st64(p, n == 8 ? v : v & ((1ull << (8 * n)) - 1));
    st64(p + 8, 0);
}

#endif
