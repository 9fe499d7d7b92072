/* aarch64 Advanced SIMD helpers shared by the vector files: lane access on little-endian register bytes, loop macros, common formats. */
#ifndef XTRACE_A64_SIMD_H
#define XTRACE_A64_SIMD_H

#include "a64.h"

#define X(r) XR(c, r)
#define V(r) VR(c, r)
#define NEXT OP_NEXT(c, o)
#define OP(name) static const struct op *name(struct emu_cpu *c, const struct op *o)

/*
 * Operand conventions of the vector ops: rd, rs1 (Vn), rs2 (Vm), rs3 (extra) are V register numbers;
 * aux = element size (0 B, 1 H, 2 S, 3 D); rm = bytes of the vector (8 or 16; results beyond are zeroed);
 * imm = op-specific (shift, index, immediate).
 */

/* Lane n bytes wide at p (n constant after inlining). */
static inline uint64_t a64_ldl(const uint8_t *p, unsigned n)
{
    switch (n) {
    case 1: return *p;
    case 2: return ld16(p);
    case 4: return ld32(p);
    default: return ld64(p);
    }
}
static inline void a64_stl(uint8_t *p, unsigned n, uint64_t v)
{
    switch (n) {
    case 1: *p = (uint8_t)v; break;
    case 2: st16(p, (uint16_t)v); break;
    case 4: st32(p, (uint32_t)v); break;
    default: st64(p, v); break;
    }
}
/* Writes the first n (1, 2, 4, 8 or 16) bytes of r[16] to V[d] and zeroes the rest (fixed-size copies only). */
static inline void a64_vput(struct emu_cpu *c, unsigned d, const uint8_t *r, unsigned n)
{
    uint8_t *v = V(d);
    if (n == 16) {
        memcpy(v, r, 16);
    } else {
        uint64_t x = ld64(r);
        if (n < 8)
            x &= (1ull << (8 * n)) - 1;
        st64(v, x);
        st64(v + 8, 0);
    }
}
static inline uint64_t a64_sx(uint64_t v, unsigned size) { return size == 3 ? v : (uint64_t)a64_sext(v, 8u << size); }
static inline uint64_t a64_emask(unsigned size) { return size == 3 ? ~0ull : (1ull << (8u << size)) - 1; }

/* Per-size loop over every lane of 16 bytes: U/S are the unsigned/signed lane types, EB the lane bits;
   `body` reads lanes with LANE(p, i) and writes with SETLANE(p, i, v). */
#define LANE(p, i) ((U)a64_ldl((p) + (i) * sizeof(U), sizeof(U)))
#define SETLANE(p, i, v) a64_stl((p) + (i) * sizeof(U), sizeof(U), (uint64_t)(U)(v))
#define NLANES (16 / (unsigned)sizeof(U))
#define BY_SIZE(size, ...)                                                                                   \
    switch (size) {                                                                                          \
    case 0: { typedef uint8_t U; typedef int8_t S __attribute__((unused)); enum { EB = 8 }; __VA_ARGS__; break; }                     \
    case 1: { typedef uint16_t U; typedef int16_t S __attribute__((unused)); enum { EB = 16 }; __VA_ARGS__; break; }                  \
    case 2: { typedef uint32_t U; typedef int32_t S __attribute__((unused)); enum { EB = 32 }; __VA_ARGS__; break; }                  \
    default: { typedef uint64_t U; typedef int64_t S __attribute__((unused)); enum { EB = 64 }; __VA_ARGS__; break; }                 \
    }

/* Decoders shared by the SIMD files (simd_int.c). */
int a64_d_vec3(struct op *o, uint32_t w, const struct a64_insn *r);   /* Vd, Vn, Vm; arg: allowed sizes mask */
int a64_d_vec2(struct op *o, uint32_t w, const struct a64_insn *r);   /* Vd, Vn; arg: allowed sizes mask */
int a64_d_velem(struct op *o, uint32_t w, const struct a64_insn *r);  /* Vd, Vn, Vm[imm]: integer by element */

/* arg bits for a64_d_vec3/2: which (size, Q) combinations are valid. */
enum {
    SZ_B = 1, SZ_H = 2, SZ_S = 4, SZ_D = 8, /* sizes allowed */
    SZ_NO1D = 16,                           /* size 3 requires Q = 1 */
    SZ_ALL = SZ_B | SZ_H | SZ_S | SZ_D | SZ_NO1D,
    SZ_BHS = SZ_B | SZ_H | SZ_S,
    SZ_FP = 32,                             /* FP: bit 22 selects S/D (D needs Q), size field is sz */
    SZ_SCALAR = 64,                         /* scalar form: rm = element bytes */
};

#endif
