/* A small DWARF 2-5 .debug_info reader: each unit's comp_dir and line program, and functions with their return base types. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

#include "dwarf_rd.h"

/* What one attribute value is, once its form has been read. */
enum { FV_NONE, FV_CONST, FV_ADDR, FV_ADDRX, FV_STR, FV_STRP, FV_LSTRP, FV_STRX, FV_REF, FV_SEC };

struct fv {
    int kind;                    /* FV_* */
    uint64_t u;                  /* number, offset, index or CU-relative reference */
    const char *s;               /* FV_STR */
};

/* The unit's reading parameters. */
struct unit {
    unsigned ver, asz;           /* version, address size */
    int off8;                    /* 64-bit DWARF */
    uint64_t str_base, addr_base; /* DW_AT_str_offsets_base, DW_AT_addr_base */
};

/* Reads one value of form; returns 0, or -1 for a form this reader does not know (the unit cannot be walked on). */
static int rd_value(struct rd *r, const struct unit *cu, uint64_t form, int64_t implicit, struct fv *v, int depth)
{
    unsigned off = cu->off8 ? 8 : 4;
    uint64_t n;
    v->kind = FV_NONE, v->u = 0, v->s = NULL;
    switch (form) {
    case 0x01: v->kind = FV_ADDR, v->u = rd_n(r, cu->asz); break;                    /* addr */
    case 0x0a: n = rd_n(r, 1); goto block;                                            /* block1 */
    case 0x03: n = rd_n(r, 2); goto block;                                            /* block2 */
    case 0x04: n = rd_n(r, 4); goto block;                                            /* block4 */
    case 0x09: case 0x18: n = rd_uleb(r); goto block;                                 /* block, exprloc */
    case 0x0b: case 0x11: case 0x0c: v->u = rd_n(r, 1); goto num;                     /* data1, ref1, flag */
    case 0x05: case 0x12: v->u = rd_n(r, 2); goto num;                                /* data2, ref2 */
    case 0x06: case 0x13: v->u = rd_n(r, 4); goto num;                                /* data4, ref4 */
    case 0x07: case 0x14: case 0x20: v->u = rd_n(r, 8); goto num;                     /* data8, ref8, ref_sig8 */
    case 0x0d: v->u = (uint64_t)rd_sleb(r); goto num;                                 /* sdata */
    case 0x0f: case 0x15: v->u = rd_uleb(r); goto num;                                /* udata, ref_udata */
    case 0x1e: rd_n(r, 8), rd_n(r, 8); break;                                         /* data16 */
    case 0x08: v->kind = FV_STR, v->s = rd_str(r); break;                             /* string */
    case 0x0e: v->kind = FV_STRP, v->u = rd_n(r, off); break;                         /* strp */
    case 0x1f: v->kind = FV_LSTRP, v->u = rd_n(r, off); break;                        /* line_strp */
    case 0x1d: case 0x1f21: case 0x1f20: case 0x17: v->kind = FV_SEC, v->u = rd_n(r, off); break; /* strp_sup, GNU alt, sec_offset */
    case 0x10: v->u = rd_n(r, cu->ver <= 2 ? cu->asz : off); break;                  /* ref_addr */
    case 0x19: v->kind = FV_CONST, v->u = 1; break;                                   /* flag_present */
    case 0x21: v->kind = FV_CONST, v->u = (uint64_t)implicit; break;                  /* implicit_const */
    case 0x1a: case 0x1f02: v->kind = FV_STRX, v->u = rd_uleb(r); break;              /* strx, GNU_str_index */
    case 0x25: case 0x26: case 0x27: case 0x28: v->kind = FV_STRX, v->u = rd_n(r, (unsigned)form - 0x24); break; /* strx1-4 */
    case 0x1b: case 0x1f01: v->kind = FV_ADDRX, v->u = rd_uleb(r); break;             /* addrx, GNU_addr_index */
    case 0x29: case 0x2a: case 0x2b: case 0x2c: v->kind = FV_ADDRX, v->u = rd_n(r, (unsigned)form - 0x28); break; /* addrx1-4 */
    case 0x1c: rd_n(r, 4); break;                                                     /* ref_sup4 */
    case 0x24: rd_n(r, 8); break;                                                     /* ref_sup8 */
    case 0x22: case 0x23: rd_uleb(r); break;                                          /* loclistx, rnglistx */
    case 0x16:                                                                        /* indirect */
        n = rd_uleb(r);
        return depth < 2 && n != 0x16 ? rd_value(r, cu, n, implicit, v, depth + 1) : -1;
    default:
        return -1;
    }
    return r->bad ? -1 : 0;
block:
    if (n > (uint64_t)(r->end - r->p))
        return -1;
    r->p += n;
    return 0;
num:
    v->kind = form >= 0x11 && form <= 0x15 ? FV_REF : FV_CONST;
    return r->bad ? -1 : 0;
}

static const char *fv_str(const struct dw_sects *s, const struct unit *cu, const struct fv *v)
{
    switch (v->kind) {
    case FV_STR: return v->s;
    case FV_STRP: return sect_str(&s->str, v->u);
    case FV_LSTRP: return sect_str(&s->line_str, v->u);
    case FV_STRX: {
        unsigned w = cu->off8 ? 8 : 4;
        uint64_t at = cu->str_base + v->u * w;
        if (v->u > s->str_offs.n / w || at > s->str_offs.n || s->str_offs.n - at < w)
            return "";
        struct rd r = {s->str_offs.p + at, s->str_offs.p + s->str_offs.n, 0};
        return sect_str(&s->str, rd_n(&r, w));
    }
    default: return "";
    }
}

static int fv_addr(const struct dw_sects *s, const struct unit *cu, const struct fv *v, uint64_t *out)
{
    if (v->kind == FV_ADDR) {
        *out = v->u;
        return 0;
    }
    if (v->kind != FV_ADDRX || !cu->asz || v->u > s->addr.n / cu->asz)
        return -1;
    uint64_t at = cu->addr_base + v->u * cu->asz;
    if (at > s->addr.n || s->addr.n - at < cu->asz)
        return -1;
    struct rd r = {s->addr.p + at, s->addr.p + s->addr.n, 0};
    *out = rd_n(&r, cu->asz);
    return 0;
}

/* One abbreviation: where its attribute specifications start. */
struct abbrev {
    uint64_t tag;                /* DW_TAG_* (0: code unused) */
    int children;                /* has children */
    const uint8_t *spec;         /* (attribute, form[, implicit const]) pairs up to (0, 0) */
};

/* Reads the abbreviation table at off into a table indexed by code; returns the number of slots or 0. */
static size_t rd_abbrevs(const struct sect *ab, uint64_t off, struct abbrev **tab)
{
    *tab = NULL;
    if (off >= ab->n)
        return 0;
    struct rd r = {ab->p + off, ab->p + ab->n, 0};
    size_t cap = 0;
    for (;;) {
        uint64_t code = rd_uleb(&r);
        if (!code || r.bad || code > 100000)
            break;
        uint64_t tag = rd_uleb(&r);
        int ch = (int)rd_n(&r, 1);
        const uint8_t *spec = r.p;
        for (;;) {
            uint64_t at = rd_uleb(&r), fm = rd_uleb(&r);
            if (fm == 0x21)
                rd_sleb(&r);
            if (r.bad || (!at && !fm))
                break;
        }
        if (r.bad)
            break;
        if (code >= cap) {
            size_t nc = cap ? cap : 64;
            while (nc <= code)
                nc *= 2;
            struct abbrev *nt = realloc(*tab, nc * sizeof *nt);
            if (!nt)
                break;
            memset(nt + cap, 0, (nc - cap) * sizeof *nt);
            *tab = nt, cap = nc;
        }
        (*tab)[code] = (struct abbrev){tag, ch, spec};
    }
    return cap;
}

/* A type DIE a return type may go through. */
struct tdie {
    uint64_t off;                /* section offset */
    uint64_t tag;                /* base_type, typedef, const, volatile */
    uint64_t target;             /* section offset of DW_AT_type (UINT64_MAX: none) */
    unsigned size;               /* DW_AT_byte_size */
    int enc;                     /* DW_AT_encoding */
};

struct fn {
    uint64_t lo, hi, type;       /* range, section offset of the return type (UINT64_MAX: void) */
};

static int tdie_cmp(const void *a, const void *b)
{
    const struct tdie *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

static int func_cmp(const void *a, const void *b)
{
    const struct ui_func *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

#define GROW(arr, n, cap)                                                                                              \
    ((n) < (cap) || ((cap) = (cap) ? (cap) * 2 : 64, (arr) = reallocf_((arr), (cap) * sizeof *(arr))) != NULL)

static void *reallocf_(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q)
        free(p);
    return q;
}

/* Walks the DIEs of one unit body [r.p, r.end); appends the unit, its functions and type DIEs. */
static int walk_unit(const struct dw_sects *s, struct rd *r, struct unit *cu, uint64_t unit_off,
                     const struct abbrev *ab, size_t nab, struct dw_cu *out, struct fn **fns, size_t *nfns,
                     size_t *cfns, struct tdie **ts, size_t *nts, size_t *cts)
{
    int first = 1;
    while (r->p < r->end && !r->bad) {
        uint64_t die_off = (uint64_t)(r->p - s->info.p);
        uint64_t code = rd_uleb(r);
        if (!code)
            continue;
        if (code >= nab || !ab[code].tag)
            return 0;
        const struct abbrev *a = &ab[code];
        struct rd sp = {a->spec, s->abbrev.p + s->abbrev.n, 0};
        struct fv comp_dir = {FV_NONE, 0, NULL}, lo = comp_dir;
        uint64_t stmt = UINT64_MAX, hi = 0, type = UINT64_MAX, size = 0, enc = 0;
        int hi_rel = 0, has_hi = 0, decl = 0;
        for (;;) {
            uint64_t at = rd_uleb(&sp), fm = rd_uleb(&sp);
            int64_t imp = fm == 0x21 ? rd_sleb(&sp) : 0;
            if (sp.bad)
                return 0;
            if (!at && !fm)
                break;
            struct fv v;
            if (rd_value(r, cu, fm, imp, &v, 0) < 0)
                return 0;
            switch (at) {
            case 0x1b: comp_dir = v; break;
            case 0x10: if (v.kind == FV_SEC || v.kind == FV_CONST) stmt = v.u; break;
            case 0x11: lo = v; break;
            case 0x12: has_hi = 1, hi = v.u, hi_rel = v.kind == FV_CONST; if (v.kind == FV_ADDRX) has_hi = 2; break;
            case 0x49: if (v.kind == FV_REF) type = unit_off + v.u; break;
            case 0x0b: size = v.u; break;
            case 0x3e: enc = v.u; break;
            case 0x3c: decl = 1; break;
            case 0x72: if (v.kind == FV_SEC || v.kind == FV_CONST) cu->str_base = v.u; break;
            case 0x73: if (v.kind == FV_SEC || v.kind == FV_CONST) cu->addr_base = v.u; break;
            }
        }
        if (first) {
            first = 0;
            out->stmt_list = stmt;
            out->comp_dir = fv_str(s, cu, &comp_dir);
        }
        if (a->tag == 0x2e && !decl && has_hi) {                                    /* subprogram */
            uint64_t l, h = hi;
            if (fv_addr(s, cu, &lo, &l) == 0 &&
                (has_hi != 2 || fv_addr(s, cu, &(struct fv){FV_ADDRX, hi, NULL}, &h) == 0)) {
                if (hi_rel)
                    h = l + hi;
                if (h > l) {
                    if (!GROW(*fns, *nfns, *cfns))
                        return -1;
                    (*fns)[(*nfns)++] = (struct fn){l, h, type};
                }
            }
        } else if (a->tag == 0x24 || a->tag == 0x16 || a->tag == 0x26 || a->tag == 0x35) { /* base, typedef, cv */
            if (!GROW(*ts, *nts, *cts))
                return -1;
            (*ts)[(*nts)++] = (struct tdie){die_off, a->tag, type, (unsigned)size, (int)enc};
        }
    }
    return 0;
}

int dw_info_read(const struct dw_sects *s, struct dw_cu **cus, size_t *ncus, struct ui_func **funcs, size_t *nfuncs)
{
    struct fn *fns = NULL;
    struct tdie *ts = NULL;
    size_t nfns = 0, cfns = 0, nts = 0, cts = 0, ccus = 0;
    int rc = 0;
    *cus = NULL, *ncus = 0, *funcs = NULL, *nfuncs = 0;
    struct rd top = {s->info.p, s->info.p + s->info.n, 0};
    while (top.p < top.end && !top.bad && !rc) {
        uint64_t unit_off = (uint64_t)(top.p - s->info.p);
        struct unit cu = {0, 0, 0, 8, 8};
        uint64_t len = rd_n(&top, 4);
        if (len == 0xffffffff)
            len = rd_n(&top, 8), cu.off8 = 1;
        if (top.bad || len > (uint64_t)(top.end - top.p) || len < 2)
            break;
        struct rd r = {top.p, top.p + len, 0};
        top.p += len;
        cu.ver = (unsigned)rd_n(&r, 2);
        unsigned utype = 1;
        uint64_t aoff;
        if (cu.ver >= 2 && cu.ver <= 4) {
            aoff = rd_n(&r, cu.off8 ? 8 : 4);
            cu.asz = (unsigned)rd_n(&r, 1);
        } else if (cu.ver == 5) {
            utype = (unsigned)rd_n(&r, 1);
            cu.asz = (unsigned)rd_n(&r, 1);
            aoff = rd_n(&r, cu.off8 ? 8 : 4);
            if (utype == 4 || utype == 5)
                rd_n(&r, 8);                                 /* dwo_id */
            else if (utype == 2 || utype == 6)
                continue;                                    /* type units hold no code */
        } else {
            continue;
        }
        if (r.bad || (utype != 1 && utype != 3 && utype != 4) || (cu.asz != 4 && cu.asz != 8))
            continue;
        struct abbrev *ab;
        size_t nab = rd_abbrevs(&s->abbrev, aoff, &ab);
        if (!nab)
            continue;
        if (!GROW(*cus, *ncus, ccus)) {
            free(ab);
            rc = -1;
            break;
        }
        struct dw_cu *out = &(*cus)[*ncus];
        *out = (struct dw_cu){UINT64_MAX, ""};
        rc = walk_unit(s, &r, &cu, unit_off, ab, nab, out, &fns, &nfns, &cfns, &ts, &nts, &cts);
        (*ncus)++;
        free(ab);
    }
    if (!*cus)
        *ncus = 0;
    if (!fns)
        nfns = 0;
    if (!ts)
        nts = 0;
    /* each function's return type: through typedefs and qualifiers (a few steps) to a base type */
    if (ts)
        qsort(ts, nts, sizeof *ts, tdie_cmp);
    if (nfns && (*funcs = calloc(nfns, sizeof **funcs))) {
        for (size_t i = 0; i < nfns; i++) {
            struct ui_func *f = &(*funcs)[(*nfuncs)++];
            f->lo = fns[i].lo, f->hi = fns[i].hi;
            uint64_t t = fns[i].type;
            for (int k = 0; k < 8 && t != UINT64_MAX && ts; k++) {
                const struct tdie *d = bsearch(&(struct tdie){.off = t}, ts, nts, sizeof *ts, tdie_cmp);
                if (!d)
                    break;
                if (d->tag == 0x24) {
                    f->ret_size = d->size, f->ret_enc = d->enc;
                    break;
                }
                t = d->target;
            }
        }
        qsort(*funcs, *nfuncs, sizeof **funcs, func_cmp);
    } else if (nfns) {
        rc = -1;
    }
    free(fns);
    free(ts);
    return rc;
}
