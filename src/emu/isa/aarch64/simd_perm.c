/* aarch64 Advanced SIMD data movement: DUP/INS/UMOV/SMOV, modified immediates, TBL/TBX, ZIP/UZP/TRN, EXT, scalar ADDP, with their table. */
#include "simd.h"

uint64_t a64_fp_imm8(unsigned imm8, int f);

/* ---- copy: aux = element size, imm = index (INS element: rs3 = source index) ---- */
OP(op_dup_elem)
{
    uint8_t r[16];
    unsigned es = 1u << o->aux;
    const uint8_t *src = V(o->rs1) + es * (unsigned)o->imm;
    for (unsigned i = 0; i < 16; i += es)
        memcpy(r + i, src, es);
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}
OP(op_dup_gen)
{
    uint8_t r[16];
    unsigned es = 1u << o->aux;
    uint64_t v = X(o->rs1);
    for (unsigned i = 0; i < 16; i += es)
        a64_stl(r + i, es, v);
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}
OP(op_ins_gen)
{
    unsigned es = 1u << o->aux;
    a64_stl(V(o->rd) + es * (unsigned)o->imm, es, X(o->rs1));
    NEXT;
}
OP(op_ins_elem)
{
    unsigned es = 1u << o->aux;
    uint8_t t[8];
    memcpy(t, V(o->rs1) + es * o->rs3, es);
    memcpy(V(o->rd) + es * (unsigned)o->imm, t, es);
    NEXT;
}
OP(op_umov)
{
    unsigned es = 1u << o->aux;
    X(o->rd) = a64_ldl(V(o->rs1) + es * (unsigned)o->imm, es);
    NEXT;
}
OP(op_smov) /* rm = 4 or 8: destination width */
{
    unsigned es = 1u << o->aux;
    uint64_t v = a64_sx(a64_ldl(V(o->rs1) + es * (unsigned)o->imm, es), o->aux);
    X(o->rd) = o->rm == 4 ? (uint32_t)v : v;
    NEXT;
}
OP(op_dup_scalar) /* DUP (MOV) Bd/Hd/Sd/Dd, Vn.T[index] */
{
    unsigned es = 1u << o->aux;
    a64_set_scalar(c, o->rd, a64_ldl(V(o->rs1) + es * (unsigned)o->imm, es), es);
    NEXT;
}

static int d_copy(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned imm5 = a64_bits(w, 20, 16), q = (w >> 30) & 1;
    if (!(imm5 & 15))
        return -1;
    unsigned size = (unsigned)__builtin_ctz(imm5);
    o->aux = (uint16_t)size;
    o->imm = imm5 >> (size + 1);
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rm = q ? 16 : 8;
    if (o->fn == op_dup_elem || o->fn == op_dup_gen) {
        if (size == 3 && !q)
            return -1;
        if (o->fn == op_dup_gen)
            o->rs1 = a64_rzs(a64_bits(w, 9, 5));
    } else if (o->fn == op_ins_gen) {
        o->rs1 = a64_rzs(a64_bits(w, 9, 5));
    } else if (o->fn == op_ins_elem) {
        o->rs3 = (uint8_t)(a64_bits(w, 14, 11) >> size);
    } else if (o->fn == op_umov) {
        if ((q && size != 3) || (!q && size == 3))
            return -1;
        o->rd = a64_rzd(w & 31);
    } else if (o->fn == op_smov) {
        if (size == 3 || (!q && size == 2))
            return -1;
        o->rd = a64_rzd(w & 31);
        o->rm = q ? 8 : 4;
    } else if (o->fn == op_dup_scalar) {
        if (size > 3)
            return -1;
    }
    return 0;
}

/* ---- modified immediate: imm = the 64-bit pattern ---- */
OP(op_v_movi)
{
    uint8_t r[16];
    st64(r, (uint64_t)o->imm);
    st64(r + 8, (uint64_t)o->imm);
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}
OP(op_v_orri)
{
    uint8_t r[16];
    for (unsigned i = 0; i < 2; i++)
        st64(r + 8 * i, a64_vd(c, o->rd, i) | (uint64_t)o->imm);
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}
OP(op_v_bici)
{
    uint8_t r[16];
    for (unsigned i = 0; i < 2; i++)
        st64(r + 8 * i, a64_vd(c, o->rd, i) & ~(uint64_t)o->imm);
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}

static uint64_t rep32(uint64_t v) { return v << 32 | (v & 0xffffffffull); }
static uint64_t rep16(uint64_t v) { v &= 0xffff; return v * 0x0001000100010001ull; }

static int d_modimm(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned q = (w >> 30) & 1, op = (w >> 29) & 1, cmode = a64_bits(w, 15, 12), o2 = (w >> 11) & 1;
    uint64_t imm8 = a64_bits(w, 18, 16) << 5 | a64_bits(w, 9, 5), v;
    if (o2)
        return -1;
    o->rd = (uint8_t)(w & 31);
    o->rm = q ? 16 : 8;
    int logic = 0; /* 1 = ORR/BIC forms */
    switch (cmode >> 1) {
    case 0: case 1: case 2: case 3:
        v = rep32(imm8 << (8 * (cmode >> 1)));
        logic = cmode & 1;
        break;
    case 4: case 5:
        v = rep16(imm8 << (8 * ((cmode >> 1) & 1)));
        logic = cmode & 1;
        break;
    case 6:
        v = rep32(cmode & 1 ? (imm8 << 16) | 0xffff : (imm8 << 8) | 0xff);
        break;
    default:
        if (cmode == 14) {
            if (!op) {
                v = imm8 * 0x0101010101010101ull;
            } else {
                v = 0;
                for (int i = 0; i < 8; i++)
                    if (imm8 & (1u << i))
                        v |= 0xffull << (8 * i);
                o->imm = (int64_t)v;
                o->fn = op_v_movi;
                return 0;
            }
        } else if (!op) {
            v = rep32(a64_fp_imm8((unsigned)imm8, 1));
        } else {
            if (!q)
                return -1;
            v = a64_fp_imm8((unsigned)imm8, 2);
        }
        o->imm = (int64_t)v;
        o->fn = op_v_movi;
        return 0;
    }
    if (logic) {
        o->fn = op ? op_v_bici : op_v_orri;
    } else {
        o->fn = op_v_movi;
        if (op)
            v = ~v;
    }
    o->imm = (int64_t)v;
    return 0;
}

/* ---- TBL/TBX: rs2 = Vm (indices), rs3 = number of table registers, imm = 1 for TBX ---- */
OP(op_tbl)
{
    uint8_t tab[64], r[16], idx[16];
    unsigned n = o->rs3;
    for (unsigned i = 0; i < n; i++)
        memcpy(tab + 16 * i, V((o->rs1 + i) & 31), 16);
    memcpy(idx, V(o->rs2), 16);
    memcpy(r, V(o->rd), 16);
    for (unsigned i = 0; i < o->rm; i++)
        if (idx[i] < 16 * n)
            r[i] = tab[idx[i]];
        else if (!o->imm)
            r[i] = 0;
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}
static int d_tbl(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    o->rs3 = (uint8_t)(a64_bits(w, 14, 13) + 1);
    o->imm = (w >> 12) & 1;
    o->rm = (w >> 30) & 1 ? 16 : 8;
    return 0;
}

/* ---- permutes: aux = size, rm = bytes, imm = part (1 or 2) ---- */
#define PERM(name, body)                                                                                     \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0}, n_[16], m_[16];                                                                 \
        memcpy(n_, V(o->rs1), 16);                                                                           \
        memcpy(m_, V(o->rs2), 16);                                                                           \
        unsigned es = 1u << o->aux, ne = o->rm / es, part = (unsigned)o->imm;                                \
        (void)part;                                                                                          \
        body;                                                                                                \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
#define EL(p, i) ((p) + es * (i))
PERM(op_zip, for (unsigned i = 0; i < ne / 2; i++) {
    unsigned s = i + (part - 1) * ne / 2;
    memcpy(EL(r, 2 * i), EL(n_, s), es);
    memcpy(EL(r, 2 * i + 1), EL(m_, s), es);
})
PERM(op_uzp, for (unsigned i = 0; i < ne; i++) {
    unsigned s = 2 * i + (part - 1);
    memcpy(EL(r, i), s < ne ? EL(n_, s) : EL(m_, s - ne), es);
})
PERM(op_trn, for (unsigned i = 0; i < ne / 2; i++) {
    memcpy(EL(r, 2 * i), EL(n_, 2 * i + part - 1), es);
    memcpy(EL(r, 2 * i + 1), EL(m_, 2 * i + part - 1), es);
})
static int d_perm(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned size = a64_bits(w, 23, 22), q = (w >> 30) & 1;
    if (size == 3 && !q)
        return -1;
    o->aux = (uint16_t)size;
    o->rm = q ? 16 : 8;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    o->imm = r->arg;
    return 0;
}

/* EXT: bytes imm.. of Vm:Vn (Vn low). */
OP(op_ext)
{
    uint8_t cat[32], r[16];
    unsigned n = o->rm;
    memcpy(cat, V(o->rs1), n);
    memcpy(cat + n, V(o->rs2), n);
    memcpy(r, cat + o->imm, n);
    a64_vput(c, o->rd, r, n);
    NEXT;
}
static int d_ext(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned q = (w >> 30) & 1, imm4 = a64_bits(w, 14, 11);
    if (!q && imm4 >= 8)
        return -1;
    o->rm = q ? 16 : 8;
    o->imm = imm4;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    return 0;
}

/* ADDP Dd, Vn.2D */
OP(op_addp_scalar)
{
    a64_set_scalar(c, o->rd, a64_vd(c, o->rs1, 0) + a64_vd(c, o->rs1, 1), 8);
    NEXT;
}
static int d_rr(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    return 0;
}

#define ROW(m, t, dec, fn, arg, name) {m, t, dec, fn, NULL, arg, 0, name}
const struct a64_insn a64_simd2[] = {
    ROW(0x9ff80400, 0x0f000400, d_modimm, op_v_movi, 0, "movi/mvni/orr/bic/fmov (vector, immediate)"),
    ROW(0xbfe0fc00, 0x0e000400, d_copy, op_dup_elem, 0, "dup"),
    ROW(0xbfe0fc00, 0x0e000c00, d_copy, op_dup_gen, 0, "dup"),
    ROW(0xffe0fc00, 0x4e001c00, d_copy, op_ins_gen, 0, "ins"),
    ROW(0xbfe0fc00, 0x0e002c00, d_copy, op_smov, 0, "smov"),
    ROW(0xbfe0fc00, 0x0e003c00, d_copy, op_umov, 0, "umov"),
    ROW(0xffe08400, 0x6e000400, d_copy, op_ins_elem, 0, "ins"),
    ROW(0xffe0fc00, 0x5e000400, d_copy, op_dup_scalar, 0, "dup"),
    ROW(0xbfe08c00, 0x0e000000, d_tbl, op_tbl, 0, "tbl/tbx"),
    ROW(0xbf20fc00, 0x0e001800, d_perm, op_uzp, 1, "uzp1"),
    ROW(0xbf20fc00, 0x0e005800, d_perm, op_uzp, 2, "uzp2"),
    ROW(0xbf20fc00, 0x0e002800, d_perm, op_trn, 1, "trn1"),
    ROW(0xbf20fc00, 0x0e006800, d_perm, op_trn, 2, "trn2"),
    ROW(0xbf20fc00, 0x0e003800, d_perm, op_zip, 1, "zip1"),
    ROW(0xbf20fc00, 0x0e007800, d_perm, op_zip, 2, "zip2"),
    ROW(0xbfe08400, 0x2e000000, d_ext, op_ext, 0, "ext"),
    ROW(0xfffffc00, 0x5ef1b800, d_rr, op_addp_scalar, 0, "addp"),
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
