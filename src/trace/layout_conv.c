/* Struct conversion between ABIs: one value of a described struct re-laid out field by field (longs widened or narrowed, pointers mapped). */
#include <stdio.h>
#include <string.h>

#include "layout.h"

static uint64_t rd(const unsigned char *p, unsigned n, int be)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)p[be ? n - 1 - i : i] << (8 * i);
    return v;
}

static void wr(unsigned char *p, unsigned n, uint64_t v, int be)
{
    for (unsigned i = 0; i < n; i++)
        p[be ? n - 1 - i : i] = (unsigned char)(v >> (8 * i));
}

static int is_signed(int t)
{
    return t == LY_S8 || t == LY_S16 || t == LY_S32 || t == LY_INT || t == LY_S64 || t == LY_LONG ||
           t == LY_FD || t == LY_CHAR;
}

struct conv {
    int from, to, be;
    lay_ptr_fn map;
    void *ctx;
    const char *member;
    char *why;
    size_t whysz;
};

static int conv_struct(struct conv *k, const struct lay_struct *s, const unsigned char *src, unsigned char *dst, int depth);

/* count elements of field f: esf bytes each at src, est bytes each at dst */
static int conv_field(struct conv *k, const struct lay_field *f, unsigned count, const unsigned char *src, unsigned esf,
                      unsigned char *dst, unsigned est, int depth)
{
    for (unsigned e = 0; e < count; e++) {
        const unsigned char *sp = src + e * esf;
        unsigned char *dp = dst + e * est;
        if (f->type == LY_STRUCT) {
            const struct lay_struct *sub = lay_struct_find(f->sub, k->from);
            if (!sub) {
                snprintf(k->why, k->whysz, "struct %s is not described", f->sub);
                return -1;
            }
            if (conv_struct(k, sub, sp, dp, depth + 1) < 0)
                return -1;
            continue;
        }
        uint64_t v = rd(sp, esf, k->be);
        if (f->type == LY_PTR) {
            v = v && k->map ? k->map(k->ctx, v) : v;
        } else if (is_signed(f->type) && esf < 8 && est > esf) {
            unsigned sh = 64 - 8 * esf;
            v = (uint64_t)((int64_t)(v << sh) >> sh);
        }
        wr(dp, est, v, k->be);
    }
    return 0;
}

static int conv_struct(struct conv *k, const struct lay_struct *s, const unsigned char *src, unsigned char *dst, int depth)
{
    struct lay_result a, b;
    if (depth > 8 || lay_compute(s, k->from, &a) < 0 || lay_compute(s, k->to, &b) < 0) {
        snprintf(k->why, k->whysz, "struct %s has an undescribed member", s->name);
        return -1;
    }
    if (s->flags & LYF_UNION) {
        /* the member the request names is converted; without one, the request uses members that agree
           across ABIs (the ioctl table lists the exceptions), copied over the common size */
        for (unsigned i = 0; k->member && i < a.n; i++) {
            const struct lay_field *f = &s->f[i];
            if (strcmp(f->name, k->member) == 0) {
                unsigned n = f->count ? f->count : 1;
                return conv_field(k, f, n, src, a.fsize[i] / n, dst, b.fsize[i] / n, depth);
            }
        }
        memcpy(dst, src, a.size < b.size ? a.size : b.size);
        return 0;
    }
    for (unsigned i = 0; i < a.n; i++) {
        const struct lay_field *f = &s->f[i];
        unsigned n = f->count ? f->count : 1;
        if (f->type == LY_CHAR || f->type == LY_U8 || f->type == LY_S8 || (f->type != LY_STRUCT && f->type != LY_PTR &&
                                                                          a.fsize[i] == b.fsize[i] && n > 1)) {
            memcpy(dst + b.off[i], src + a.off[i], a.fsize[i] < b.fsize[i] ? a.fsize[i] : b.fsize[i]);
            continue;
        }
        if (conv_field(k, f, n, src + a.off[i], a.fsize[i] / n, dst + b.off[i], b.fsize[i] / n, depth) < 0)
            return -1;
    }
    return 0;
}

int lay_convert(const struct lay_struct *s, int from, int to, const void *src, void *dst, lay_ptr_fn map,
                void *ctx, const char *member, char *why, size_t whysz)
{
    struct lay_result b;
    if (whysz)
        why[0] = 0;
    if (!s || from < 0 || to < 0 || from >= LA_COUNT || to >= LA_COUNT || lay_compute(s, to, &b) < 0) {
        snprintf(why, whysz, "no layout for this type");
        return -1;
    }
    if (lay_abis[from].big_endian != lay_abis[to].big_endian) {
        snprintf(why, whysz, "the byte orders differ");
        return -1;
    }
    memset(dst, 0, b.size);
    struct conv k = { from, to, lay_abis[from].big_endian, map, ctx, member, why, whysz };
    return conv_struct(&k, s, src, dst, 0);
}
