/* Struct layout engine: ABI data models, size/alignment/offset computation, scalar type names, and guest/host comparison. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

/* name, model, long, i64 align, old dev_t, big endian, _IOC size bits, _IOC_NONE/READ/WRITE */
const struct lay_abi lay_abis[LA_COUNT] = {
    [LA_RISCV64] = { "riscv64", "LP64", 8, 8, 4, 0, 14, 0, 2, 1 },
    [LA_AARCH64] = { "aarch64", "LP64", 8, 8, 4, 0, 14, 0, 2, 1 },
    [LA_X86_64] = { "x86_64", "LP64", 8, 8, 8, 0, 14, 0, 2, 1 },
    [LA_ARM] = { "arm", "ILP32", 4, 8, 2, 0, 14, 0, 2, 1 },
    [LA_I386] = { "i386", "i386 ILP32", 4, 4, 2, 0, 14, 0, 2, 1 },
    [LA_MIPS] = { "mips", "MIPS o32", 4, 8, 4, 1, 13, 1, 2, 4 },
    [LA_MIPSN32] = { "mipsn32", "MIPS n32", 4, 8, 4, 1, 13, 1, 2, 4 },
    [LA_MIPS64] = { "mips64", "MIPS n64", 8, 8, 4, 1, 13, 1, 2, 4 },
};

int lay_abi_find(const char *name)
{
    static const struct { const char *alias; int id; } aliases[] = {
        { "riscv", LA_RISCV64 }, { "arm64", LA_AARCH64 }, { "x86-64", LA_X86_64 }, { "amd64", LA_X86_64 },
        { "armhf", LA_ARM }, { "armel", LA_ARM }, { "i686", LA_I386 }, { "x86", LA_I386 },
        { "mipso32", LA_MIPS }, { "mipsn64", LA_MIPS64 },
    };
    if (!name)
        return -1;
    for (int i = 0; i < LA_COUNT; i++)
        if (strcmp(lay_abis[i].name, name) == 0)
            return i;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].alias, name) == 0)
            return aliases[i].id;
    return -1;
}

int lay_host_abi(void)
{
#if defined(__x86_64__) && !defined(__ILP32__)
    return LA_X86_64;
#elif defined(__aarch64__)
    return LA_AARCH64;
#elif defined(__riscv) && __riscv_xlen == 64
    return LA_RISCV64;
#elif defined(__i386__)
    return LA_I386;
#elif defined(__arm__)
    return LA_ARM;
#elif defined(__mips__) && _MIPS_SIM == _MIPS_SIM_ABI64
    return LA_MIPS64;
#elif defined(__mips__) && _MIPS_SIM == _MIPS_SIM_NABI32
    return LA_MIPSN32;
#elif defined(__mips__)
    return LA_MIPS;
#else
    return sizeof(long) == 8 ? LA_RISCV64 : LA_ARM;  /* the generic models */
#endif
}

/* size and alignment of a scalar type */
static unsigned prim_size(int t, const struct lay_abi *a, unsigned *align)
{
    unsigned s;
    switch (t) {
    case LY_CHAR: case LY_U8: case LY_S8: s = 1; break;
    case LY_U16: case LY_S16: s = 2; break;
    case LY_U32: case LY_S32: case LY_INT: case LY_UINT: case LY_FD: s = 4; break;
    case LY_U64: case LY_S64:
        *align = a->i64_align;
        return 8;
    case LY_AU64: s = 8; break;
    case LY_LONG: case LY_ULONG: case LY_PTR: s = a->long_size; break;
    case LY_OLDDEV: s = a->olddev_size; break;
    default: s = 0; break;
    }
    *align = s ? s : 1;
    return s;
}

static const char *strip_struct(const char *name)
{
    if (strncmp(name, "struct ", 7) == 0)
        return name + 7;
    if (strncmp(name, "union ", 6) == 0)
        return name + 6;
    return name;
}

extern const struct lay_struct lay_structs[];
extern const unsigned lay_nstructs;

unsigned lay_count(void)
{
    return lay_nstructs;
}

const struct lay_struct *lay_at(unsigned i)
{
    return i < lay_nstructs ? &lay_structs[i] : NULL;
}

/* Structs added at run time (--ioctl-defs), searched first. */
static const struct lay_struct **added;
static unsigned nadded, capadded;

int lay_add_struct(const struct lay_struct *s)
{
    if (nadded == capadded) {
        unsigned n = capadded ? capadded * 2 : 16;
        const struct lay_struct **p = realloc(added, n * sizeof *p);
        if (!p)
            return -1;
        added = p, capadded = n;
    }
    added[nadded++] = s;
    return 0;
}

const struct lay_struct *lay_struct_find(const char *name, int abi)
{
    if (!name || abi < 0 || abi >= LA_COUNT)
        return NULL;
    name = strip_struct(name);
    for (unsigned i = nadded; i-- > 0;)
        if ((added[i]->abis == 0 || (added[i]->abis & LAB(abi))) && strcmp(added[i]->name, name) == 0)
            return added[i];
    for (unsigned i = 0; i < lay_nstructs; i++) {
        const struct lay_struct *s = &lay_structs[i];
        if ((s->abis == 0 || (s->abis & LAB(abi))) && strcmp(s->name, name) == 0)
            return s;
    }
    return NULL;
}

static unsigned round_up(unsigned v, unsigned a)
{
    return a > 1 ? (v + a - 1) / a * a : v;
}

static int compute(const struct lay_struct *s, int abi, struct lay_result *r, int depth)
{
    const struct lay_abi *a = &lay_abis[abi];
    int packed = (s->pack_abis & LAB(abi)) != 0;
    unsigned off = 0, size = 0, align = 1;
    memset(r, 0, sizeof *r);
    r->s = s;
    r->first_ptr = -1;
    if (depth > 8)
        return -1;
    for (unsigned i = 0; i < s->n && i < LAY_MAXF; i++) {
        const struct lay_field *f = &s->f[i];
        unsigned fs, fa;
        if (f->type == LY_STRUCT) {
            struct lay_result sub;
            const struct lay_struct *ss = lay_struct_find(f->sub, abi);
            if (!ss || compute(ss, abi, &sub, depth + 1) < 0)
                return -1;
            fs = sub.size, fa = sub.align;
            if (sub.has_ptr && !r->has_ptr) {
                r->has_ptr = 1;
                r->first_ptr = (int)(((s->flags & LYF_UNION) ? 0 : round_up(off, packed ? 1 : fa)) + (unsigned)sub.first_ptr);
            }
            r->has_long |= sub.has_long;
        } else {
            fs = prim_size(f->type, a, &fa);
            if (f->type == LY_PTR && !r->has_ptr) {
                r->has_ptr = 1;
                r->first_ptr = (int)((s->flags & LYF_UNION) ? 0 : round_up(off, packed ? 1 : fa));
            }
            if (f->type == LY_PTR || f->type == LY_LONG || f->type == LY_ULONG)
                r->has_long = 1;
        }
        if (packed)
            fa = 1;
        unsigned total = fs * (f->count ? f->count : 1);
        if (s->flags & LYF_UNION) {
            r->off[i] = 0;
            if (total > size)
                size = total;
        } else {
            off = round_up(off, fa);
            r->off[i] = off;
            off += total;
            size = off;
        }
        r->fsize[i] = total;
        if (fa > align)
            align = fa;
    }
    if (packed)
        align = s->pack_align ? s->pack_align : 1;
    r->n = s->n < LAY_MAXF ? s->n : LAY_MAXF;
    r->align = align;
    r->size = round_up(size, align);
    return 0;
}

int lay_compute(const struct lay_struct *s, int abi, struct lay_result *r)
{
    if (!s || abi < 0 || abi >= LA_COUNT)
        return -1;
    return compute(s, abi, r, 0);
}

int lay_field_find(const struct lay_struct *s, int abi, const char *path, unsigned *off, unsigned *size)
{
    struct lay_result r;
    unsigned base = 0;
    while (s && lay_compute(s, abi, &r) == 0) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        unsigned i;
        for (i = 0; i < r.n; i++)
            if (strlen(s->f[i].name) == n && strncmp(s->f[i].name, path, n) == 0)
                break;
        if (i == r.n)
            return -1;
        base += r.off[i];
        if (!dot) {
            *off = base;
            *size = r.fsize[i];
            return 0;
        }
        if (s->f[i].type != LY_STRUCT)
            return -1;
        s = lay_struct_find(s->f[i].sub, abi);
        path = dot + 1;
    }
    return -1;
}

/* C spellings of scalar types as they appear in ioctl definitions. */
static const struct { const char *name; uint8_t type; } scalars[] = {
    { "char", LY_CHAR }, { "unsigned char", LY_U8 }, { "signed char", LY_S8 }, { "__u8", LY_U8 },
    { "__s8", LY_S8 }, { "short", LY_S16 }, { "unsigned short", LY_U16 }, { "__u16", LY_U16 },
    { "__s16", LY_S16 }, { "__le16", LY_U16 }, { "__be16", LY_U16 }, { "int", LY_INT },
    { "unsigned int", LY_UINT }, { "unsigned", LY_UINT }, { "__u32", LY_U32 }, { "__s32", LY_S32 },
    { "__le32", LY_U32 }, { "__be32", LY_U32 }, { "uint32_t", LY_U32 }, { "int32_t", LY_S32 },
    { "pid_t", LY_INT }, { "__kernel_pid_t", LY_INT }, { "uid_t", LY_UINT }, { "gid_t", LY_UINT },
    { "long", LY_LONG }, { "unsigned long", LY_ULONG }, { "size_t", LY_ULONG }, { "__kernel_size_t", LY_ULONG },
    { "ssize_t", LY_LONG }, { "__kernel_long_t", LY_LONG }, { "__kernel_ulong_t", LY_ULONG },
    { "off_t", LY_LONG }, { "__kernel_off_t", LY_LONG }, { "long long", LY_S64 },
    { "unsigned long long", LY_U64 }, { "__u64", LY_U64 }, { "__s64", LY_S64 }, { "__le64", LY_U64 },
    { "__be64", LY_U64 }, { "uint64_t", LY_U64 }, { "int64_t", LY_S64 }, { "loff_t", LY_S64 },
    { "__kernel_loff_t", LY_S64 }, { "__aligned_u64", LY_AU64 }, { "void *", LY_PTR }, { "char *", LY_PTR },
    { "unsigned char *", LY_PTR }, { "int *", LY_PTR }, { "long *", LY_PTR },
};

unsigned lay_scalar_size(const char *type, int abi, int *is_ptr)
{
    unsigned al;
    if (is_ptr)
        *is_ptr = 0;
    if (!type || abi < 0 || abi >= LA_COUNT)
        return 0;
    size_t n = strlen(type);
    const char *br = strchr(type, '[');
    if (br && n > 2 && type[n - 1] == ']') {   /* "unsigned int[2]", "int [2]": an array of a scalar */
        char elem[40];
        size_t en = (size_t)(br - type);
        while (en && type[en - 1] == ' ')
            en--;
        char *end;
        unsigned long count = strtoul(br + 1, &end, 10);
        if (!en || en >= sizeof elem || *end != ']' || !count || count > 65536)
            return 0;
        memcpy(elem, type, en);
        elem[en] = 0;
        unsigned es = lay_scalar_size(elem, abi, is_ptr);
        return es ? es * (unsigned)count : 0;
    }
    if (n && type[n - 1] == '*') {
        if (is_ptr)
            *is_ptr = 1;
        return lay_abis[abi].long_size;
    }
    for (size_t i = 0; i < sizeof scalars / sizeof scalars[0]; i++)
        if (strcmp(scalars[i].name, type) == 0) {
            if (is_ptr)
                *is_ptr = scalars[i].type == LY_PTR;
            return prim_size(scalars[i].type, &lay_abis[abi], &al);
        }
    return 0;
}

#define ONE(t) [t] = { "value", t, 1, NULL }
static const struct lay_field one_field[LY_NTYPES] = {
    ONE(LY_CHAR), ONE(LY_U8), ONE(LY_S8), ONE(LY_U16), ONE(LY_S16), ONE(LY_U32), ONE(LY_S32), ONE(LY_INT),
    ONE(LY_UINT), ONE(LY_U64), ONE(LY_S64), ONE(LY_AU64), ONE(LY_LONG), ONE(LY_ULONG), ONE(LY_PTR),
    ONE(LY_OLDDEV), ONE(LY_FD),
};
#undef ONE
#define ONE(t) [t] = { "value", 0, 0, 0, 0, 1, &one_field[t] }
static const struct lay_struct one_struct[LY_NTYPES] = {
    ONE(LY_CHAR), ONE(LY_U8), ONE(LY_S8), ONE(LY_U16), ONE(LY_S16), ONE(LY_U32), ONE(LY_S32), ONE(LY_INT),
    ONE(LY_UINT), ONE(LY_U64), ONE(LY_S64), ONE(LY_AU64), ONE(LY_LONG), ONE(LY_ULONG), ONE(LY_PTR),
    ONE(LY_OLDDEV), ONE(LY_FD),
};
#undef ONE

const struct lay_struct *lay_scalar_struct(const char *type)
{
    size_t n = type ? strlen(type) : 0;
    if (n && type[n - 1] == '*')
        return &one_struct[LY_PTR];
    for (size_t i = 0; type && i < sizeof scalars / sizeof scalars[0]; i++)
        if (strcmp(scalars[i].name, type) == 0)
            return &one_struct[scalars[i].type];
    return NULL;
}

unsigned lay_type_size(const char *type, int abi)
{
    unsigned s = lay_scalar_size(type, abi, NULL);
    if (s)
        return s;
    struct lay_result r;
    if (lay_compute(lay_struct_find(type, abi), abi, &r) < 0)
        return 0;
    return r.size;
}

static const char *type_word(const struct lay_field *f)
{
    switch (f->type) {
    case LY_PTR: return "pointer";
    case LY_LONG: case LY_ULONG: return "long";
    case LY_U64: case LY_S64: case LY_AU64: return "64-bit integer";
    case LY_OLDDEV: return "old dev_t";
    case LY_STRUCT: return "struct";
    default: return "field";
    }
}

int lay_diff(const char *type, int guest, int host, char *why, size_t whysz)
{
    struct lay_result g, h;
    int isp;
    if (whysz)
        why[0] = 0;
    unsigned gs = lay_scalar_size(type, guest, &isp), hs = lay_scalar_size(type, host, NULL);
    if (gs) {
        if (gs == hs)
            return 0;
        snprintf(why, whysz, "%s is %u bytes, the host's %u", type, gs, hs);
        return 1;
    }
    const struct lay_struct *sg = lay_struct_find(type, guest), *sh = lay_struct_find(type, host);
    if (lay_compute(sg, guest, &g) < 0 || lay_compute(sh, host, &h) < 0)
        return -1;
    if (sg == sh) {
        for (unsigned i = 0; i < g.n; i++) {
            if (g.off[i] == h.off[i] && g.fsize[i] == h.fsize[i])
                continue;
            const struct lay_field *f = &sg->f[i];
            snprintf(why, whysz, "%s %s is %u bytes at offset %u, the host's %u bytes at offset %u",
                     type_word(f), f->name, g.fsize[i], g.off[i], h.fsize[i], h.off[i]);
            return 1;
        }
    } else {
        /* different definitions (per-architecture structs): compare the fields both name */
        for (unsigned i = 0; i < g.n; i++)
            for (unsigned j = 0; j < h.n; j++) {
                if (strcmp(sg->f[i].name, sh->f[j].name) != 0)
                    continue;
                if (g.off[i] != h.off[j] || g.fsize[i] != h.fsize[j]) {
                    snprintf(why, whysz, "%s %s is %u bytes at offset %u, the host's %u bytes at offset %u",
                             type_word(&sg->f[i]), sg->f[i].name, g.fsize[i], g.off[i], h.fsize[j], h.off[j]);
                    return 1;
                }
            }
    }
    if (g.size != h.size) {
        snprintf(why, whysz, "%u bytes, the host's %u", g.size, h.size);
        return 1;
    }
    return 0;
}
