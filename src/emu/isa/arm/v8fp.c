/* ARMv8 AArch32 floating-point additions (unconditional encodings): VSEL, VMAXNM/VMINNM, VRINTA/N/P/M and
   VCVTA/N/P/M on VFP registers, and the Advanced SIMD VRINT{N,X,A,Z,M,P}, VCVT{A,N,P,M} and VMAXNM/VMINNM,
   decoding and execution over the shared Arm FP code (src/emu/armfp.c). */
#include <string.h>

#include "arm.h"

#define NEXT OP_NEXT(c, o)
#define OP(name) static OPFN(name)
#define A (ARM(c))
#define F(w, hi, lo) (((w) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))

/* The RM field (bits 17:16 of the scalar forms, 9:8 of the vector VCVT) as a rounding mode. */
static const uint8_t rm_field[4] = {RM_RA, RM_RN, RM_RP, RM_RM};

static inline uint64_t reg(struct emu_cpu *c, unsigned n, int dp)
{
    return dp ? A->d[n] : (uint32_t)(A->d[n >> 1] >> (32 * (n & 1)));
}
static inline void set_reg(struct emu_cpu *c, unsigned n, int dp, uint64_t v)
{
    if (dp) {
        A->d[n] = v;
        return;
    }
    unsigned sh = 32 * (n & 1);
    A->d[n >> 1] = (A->d[n >> 1] & ~(0xffffffffull << sh)) | ((v & 0xffffffffull) << sh);
}

/* VSEL<cc>: rd = cc ? rs1 : rs2; rm 1 double, rs3 cc 0 EQ 1 VS 2 GE 3 GT. */
OP(op_vsel)
{
    int t;
    switch (o->rs3) {
    case 0: t = A->zf; break;
    case 1: t = A->vf; break;
    case 2: t = A->nf == A->vf; break;
    default: t = !A->zf && A->nf == A->vf; break;
    }
    set_reg(c, o->rd, o->rm, reg(c, t ? o->rs1 : o->rs2, o->rm));
    NEXT;
}

/* VMAXNM/VMINNM (scalar, FPSCR): rd = rs1 op rs2; rm 1 double, rs3 1 min. */
OP(op_vmaxnm)
{
    int f = o->rm ? F_D : F_S;
    set_reg(c, o->rd, o->rm, armfp_fminmax(&A->fp, reg(c, o->rs1, o->rm), reg(c, o->rs2, o->rm), f, 2 + o->rs3));
    NEXT;
}

/* VRINT{A,N,P,M} (scalar): rd = round(rs2) in mode imm, not exact; rm 1 double. */
OP(op_vrint)
{
    int f = o->rm ? F_D : F_S;
    set_reg(c, o->rd, o->rm, armfp_frint(&A->fp, reg(c, o->rs2, o->rm), f, (unsigned)o->imm, 0));
    NEXT;
}

/* VCVT{A,N,P,M} (scalar): single rd = int(rs2) in mode imm; rm 1 double source, rs3 1 signed. */
OP(op_vcvt)
{
    int f = o->rm ? F_D : F_S;
    set_reg(c, o->rd, 0, armfp_f2i(&A->fp, reg(c, o->rs2, o->rm), f, (unsigned)o->imm, 0, !o->rs3, 32));
    NEXT;
}

/* Vector forms (standard FPSCR: round to nearest, FZ, DN): rd, rs2 Vm, rs1 D registers (1 or 2).
   VRINT: imm mode, rs3 1 exact (VRINTX). */
OP(op_nrint)
{
    struct armfp *s = &A->fpstd;
    for (unsigned k = 0; k < o->rs1; k++) {
        uint64_t x = A->d[o->rs2 + k], v = 0;
        for (unsigned i = 0; i < 2; i++)
            v |= armfp_frint(s, (uint32_t)(x >> (32 * i)), F_S, (unsigned)o->imm, o->rs3) << (32 * i);
        A->d[o->rd + k] = v;
    }
    NEXT;
}

/* VCVT{A,N,P,M}.{S,U}32.F32: imm mode, rs3 1 unsigned. */
OP(op_ncvt)
{
    struct armfp *s = &A->fpstd;
    for (unsigned k = 0; k < o->rs1; k++) {
        uint64_t x = A->d[o->rs2 + k], v = 0;
        for (unsigned i = 0; i < 2; i++)
            v |= (armfp_f2i(s, (uint32_t)(x >> (32 * i)), F_S, (unsigned)o->imm, 0, o->rs3, 32) & 0xffffffffull) << (32 * i);
        A->d[o->rd + k] = v;
    }
    NEXT;
}

/* VMAXNM/VMINNM.F32: rd = rm (Vn) op rs2 (Vm); rs3 1 min. */
OP(op_nmaxnm)
{
    struct armfp *s = &A->fpstd;
    uint64_t r[2];
    for (unsigned k = 0; k < o->rs1; k++) {
        uint64_t x = A->d[o->rm + k], y = A->d[o->rs2 + k], v = 0;
        for (unsigned i = 0; i < 2; i++)
            v |= armfp_fminmax(s, (uint32_t)(x >> (32 * i)), (uint32_t)(y >> (32 * i)), F_S, 2 + o->rs3) << (32 * i);
        r[k] = v;
    }
    for (unsigned k = 0; k < o->rs1; k++)
        A->d[o->rd + k] = r[k];
    NEXT;
}

/* Scalar forms: A32 1111 1110 ... 101x (T32 the same word). */
static int decode_scalar(uint32_t w, struct op *t)
{
    unsigned dp = F(w, 8, 8), vd = F(w, 15, 12), D = F(w, 22, 22), vn = F(w, 19, 16), N = F(w, 7, 7),
             vm = F(w, 3, 0), M = F(w, 5, 5);
    t->rd = (uint8_t)(dp ? D << 4 | vd : vd << 1 | D);
    t->rs1 = (uint8_t)(dp ? N << 4 | vn : vn << 1 | N);
    t->rs2 = (uint8_t)(dp ? M << 4 | vm : vm << 1 | M);
    t->rm = (uint8_t)dp;
    if ((w & 0xff800e50) == 0xfe000a00) { /* VSEL */
        t->fn = op_vsel;
        t->rs3 = (uint8_t)F(w, 21, 20);
        return 1;
    }
    if ((w & 0xffb00e10) == 0xfe800a00) { /* VMAXNM, VMINNM */
        t->fn = op_vmaxnm;
        t->rs3 = (uint8_t)F(w, 6, 6);
        return 1;
    }
    if ((w & 0xffbc0ed0) == 0xfeb80a40) { /* VRINTA/N/P/M */
        t->fn = op_vrint;
        t->imm = rm_field[F(w, 17, 16)];
        return 1;
    }
    if ((w & 0xffbc0e50) == 0xfebc0a40) { /* VCVTA/N/P/M to a 32-bit integer in a single */
        t->fn = op_vcvt;
        t->imm = rm_field[F(w, 17, 16)];
        t->rs3 = (uint8_t)F(w, 7, 7);
        t->rd = (uint8_t)(vd << 1 | D);
        return 1;
    }
    return 0;
}

/* Advanced SIMD forms (A32 1111 0011 ...). */
static int decode_vector(uint32_t w, struct op *t)
{
    unsigned q = F(w, 6, 6), vd = F(w, 22, 22) << 4 | F(w, 15, 12), vm = F(w, 5, 5) << 4 | F(w, 3, 0),
             vn = F(w, 7, 7) << 4 | F(w, 19, 16);
    t->rd = (uint8_t)vd;
    t->rs2 = (uint8_t)vm;
    t->rs1 = (uint8_t)(q ? 2 : 1);
    if (q && ((vd | vm) & 1))
        return 0;
    if ((w & 0xffbf0c10) == 0xf3ba0400) { /* VRINT{N,X,A,Z,M,P}.F32 */
        static const int8_t mode[8] = {RM_RN, RM_RN, RM_RA, RM_RZ, -1, RM_RM, -1, RM_RP};
        unsigned op = F(w, 9, 7);
        if (mode[op] < 0)
            return 0;
        t->fn = op_nrint;
        t->imm = mode[op];
        t->rs3 = op == 1;
        return 1;
    }
    if ((w & 0xffbf0c10) == 0xf3bb0000) { /* VCVT{A,N,P,M}.{S,U}32.F32 */
        t->fn = op_ncvt;
        t->imm = rm_field[F(w, 9, 8)];
        t->rs3 = (uint8_t)F(w, 7, 7);
        return 1;
    }
    if ((w & 0xff900f10) == 0xf3000f10) { /* VMAXNM, VMINNM .F32 */
        if (q && (vn & 1))
            return 0;
        t->fn = op_nmaxnm;
        t->rm = (uint8_t)vn;
        t->rs3 = (uint8_t)F(w, 21, 21);
        return 1;
    }
    return 0;
}

int arm_decode_v8fp(uint64_t pc, unsigned len, uint32_t w, struct blk_builder *b, uint32_t pcval)
{
    struct op t;
    memset(&t, 0, sizeof t);
    t.pc = pc;
    t.len = (uint8_t)len;
    int ok;
    if ((w & 0xff000e00) == 0xfe000a00)
        ok = decode_scalar(w, &t);
    else if ((w & 0xff000000) == 0xf3000000)
        ok = decode_vector(w, &t);
    else
        ok = 0;
    if (!ok)
        return 0;
    if (b)
        arm_emit(b, &t, 14, 0, pcval);
    return 1;
}
