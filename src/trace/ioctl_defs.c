/* --ioctl-defs: user-declared ioctl requests (name, _IOC macro, argument struct by field kinds) parsed from a text file, with their number and layout under every ABI. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "trace_int.h"

/* One declared request. */
struct idef {
    char name[64];                  /* MYDEV_XFER */
    char tname[80];                 /* "struct mydev_xfer" or a scalar's C name ("long") */
    char sname[72];                 /* mydev_xfer */
    struct lay_struct st;           /* the argument struct (st.n == 0: scalar or no argument) */
    struct lay_field *f;            /* its fields (names point into fnames) */
    char *fnames;
    struct trace_ioctl io[LA_COUNT];/* the request under each ABI (io.req 0: not encodable there) */
};

static struct idef **defs;
static unsigned ndefs;

/* Field kinds of the format: kind word, layout type, C spelling for a scalar argument. */
static const struct { const char *kind; uint8_t type; const char *ctype; } kinds[] = {
    { "u8", LY_U8, "__u8" }, { "u16", LY_U16, "__u16" }, { "u32", LY_U32, "__u32" }, { "u64", LY_U64, "__u64" },
    { "s8", LY_S8, "__s8" }, { "s16", LY_S16, "__s16" }, { "s32", LY_S32, "__s32" }, { "s64", LY_S64, "__s64" },
    { "int", LY_INT, "int" }, { "uint", LY_UINT, "unsigned int" }, { "long", LY_LONG, "long" },
    { "ulong", LY_ULONG, "unsigned long" }, { "size_t", LY_ULONG, "size_t" }, { "ssize_t", LY_LONG, "ssize_t" },
    { "ptr", LY_PTR, "void *" }, { "char", LY_CHAR, "char" }, { "fd", LY_FD, "int" },
    { "aligned_u64", LY_AU64, "__aligned_u64" },
};

/* ---- a small tokenizer over the file text ---- */

struct lex {
    const char *p, *origin;
    int line;
    char tok[80];
    char *err;
    size_t errsz;
};

static void skip_space(struct lex *x)
{
    for (;;) {
        while (*x->p && isspace((unsigned char)*x->p)) {
            if (*x->p == '\n')
                x->line++;
            x->p++;
        }
        if (*x->p != '#')
            return;
        while (*x->p && *x->p != '\n')
            x->p++;
    }
}

/* Next token: a word ([A-Za-z0-9_]+), a 'c' character literal, or one punctuation character. "" at the end. */
static const char *next(struct lex *x)
{
    skip_space(x);
    size_t n = 0;
    if (!*x->p) {
        x->tok[0] = 0;
        return x->tok;
    }
    if (*x->p == '\'') {
        if (x->p[1] && x->p[2] == '\'') {
            snprintf(x->tok, sizeof x->tok, "%d", (unsigned char)x->p[1]);
            x->p += 3;
            return x->tok;
        }
        x->tok[0] = '\'', x->tok[1] = 0;
        x->p++;
        return x->tok;
    }
    while (isalnum((unsigned char)x->p[n]) || x->p[n] == '_')
        n++;
    if (!n)
        n = 1;
    if (n >= sizeof x->tok)
        n = sizeof x->tok - 1;
    memcpy(x->tok, x->p, n);
    x->tok[n] = 0;
    x->p += n;
    return x->tok;
}

static int fail(struct lex *x, const char *what)
{
    snprintf(x->err, x->errsz, "%s:%d: %s (at '%s')", x->origin, x->line, what, x->tok);
    return -1;
}

static int expect(struct lex *x, const char *t, const char *what)
{
    return strcmp(next(x), t) ? fail(x, what) : 0;
}

static int number(struct lex *x, unsigned long max, unsigned long *v, const char *what)
{
    char *end;
    next(x);
    errno = 0;
    unsigned long n = strtoul(x->tok, &end, 0);
    if (!x->tok[0] || *end || errno || n > max)
        return fail(x, what);
    *v = n;
    return 0;
}

static int kind_of(const char *w)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(kinds[i].kind, w))
            return (int)i;
    return -1;
}

/* { KIND NAME[N]; ... } after the '{'; fills d's fields. */
static int parse_fields(struct lex *x, struct idef *d)
{
    struct lay_field f[LAY_MAXF];
    char names[LAY_MAXF][80];
    unsigned n = 0;
    for (;;) {
        next(x);
        if (!strcmp(x->tok, "}"))
            break;
        int k = kind_of(x->tok);
        if (k < 0)
            return fail(x, "expected a field kind (u8..u64, s8..s64, int, uint, long, ulong, size_t, ssize_t, ptr, char, fd, aligned_u64) or '}'");
        if (n == LAY_MAXF)
            return fail(x, "too many fields");
        next(x);
        if (!(isalpha((unsigned char)x->tok[0]) || x->tok[0] == '_'))
            return fail(x, "expected a field name");
        snprintf(names[n], sizeof names[n], "%s", x->tok);
        unsigned long count = 1;
        next(x);
        if (!strcmp(x->tok, "[")) {
            if (number(x, 4096, &count, "expected an array length (1..4096)") < 0 || !count)
                return fail(x, "expected an array length (1..4096)");
            if (expect(x, "]", "expected ']'") < 0)
                return -1;
            next(x);
        }
        if (strcmp(x->tok, ";"))
            return fail(x, "expected ';' after a field");
        f[n] = (struct lay_field){ NULL, kinds[k].type, (uint16_t)count, NULL };
        n++;
    }
    if (!n)
        return fail(x, "a struct needs at least one field");
    size_t total = 0;
    for (unsigned i = 0; i < n; i++)
        total += strlen(names[i]) + 1;
    d->f = calloc(n, sizeof *d->f);
    d->fnames = malloc(total);
    if (!d->f || !d->fnames)
        return fail(x, "out of memory");
    char *p = d->fnames;
    for (unsigned i = 0; i < n; i++) {
        size_t len = strlen(names[i]) + 1;
        memcpy(p, names[i], len);
        d->f[i] = f[i];
        d->f[i].name = p;
        p += len;
    }
    d->st = (struct lay_struct){ d->sname, 0, 0, 0, 0, (uint8_t)n, d->f };
    return 0;
}

/* The number of d under ABI a, from its direction, type, nr and the size there. */
static void encode(struct idef *d, unsigned dir, unsigned type, unsigned nr, int a)
{
    const struct lay_abi *ab = &lay_abis[a];
    struct trace_ioctl *io = &d->io[a];
    unsigned size = 0;
    if (d->st.n) {
        struct lay_result r;
        if (lay_compute(&d->st, a, &r) == 0)
            size = r.size;
    } else if (dir) {
        size = lay_type_size(d->tname, a);
    }
    memset(io, 0, sizeof *io);
    if (size >= (1u << ab->ioc_sizebits))
        return;
    unsigned d2 = (dir & TRACE_IOC_READ ? ab->ioc_read : 0) | (dir & TRACE_IOC_WRITE ? ab->ioc_write : 0);
    if (!dir)
        d2 = ab->ioc_none;
    io->req = d2 << (16 + ab->ioc_sizebits) | size << 16 | type << 8 | nr;
    io->name = d->name;
    io->type = dir ? d->tname : NULL;
    io->dir = dir ? dir : TRACE_IOC_VALUE;
    io->size = size;
    io->ioc_type = (uint8_t)type, io->nr = (uint8_t)nr;
    io->encoded = 1;
}

/* NAME _IOx('c', NR[, KIND]) [struct SNAME] [{ fields }] [;] */
static int parse_def(struct lex *x, struct idef *d)
{
    if (!(isalpha((unsigned char)x->tok[0]) || x->tok[0] == '_'))
        return fail(x, "expected a request name");
    snprintf(d->name, sizeof d->name, "%s", x->tok);
    next(x);
    unsigned dir;
    if (!strcmp(x->tok, "_IO"))
        dir = 0;
    else if (!strcmp(x->tok, "_IOR"))
        dir = TRACE_IOC_READ;
    else if (!strcmp(x->tok, "_IOW"))
        dir = TRACE_IOC_WRITE;
    else if (!strcmp(x->tok, "_IOWR"))
        dir = TRACE_IOC_READ | TRACE_IOC_WRITE;
    else
        return fail(x, "expected _IO, _IOR, _IOW or _IOWR");
    unsigned long type, nr;
    if (expect(x, "(", "expected '('") < 0 || number(x, 255, &type, "expected the type: a character 'M' or a number 0..255") < 0 ||
        expect(x, ",", "expected ','") < 0 || number(x, 255, &nr, "expected the number 0..255") < 0)
        return -1;
    next(x);
    int scalar = -1;
    if (!strcmp(x->tok, ",")) {
        next(x);
        scalar = kind_of(x->tok);
        if (scalar < 0 || !dir)
            return fail(x, dir ? "expected a field kind as the argument type" : "_IO takes no argument type");
        next(x);
    }
    if (strcmp(x->tok, ")"))
        return fail(x, "expected ')'");
    const char *save = x->p;
    int line = x->line;
    next(x);
    int named = 0;
    if (!strcmp(x->tok, "struct")) {
        next(x);
        if (!(isalpha((unsigned char)x->tok[0]) || x->tok[0] == '_'))
            return fail(x, "expected a struct name");
        snprintf(d->sname, sizeof d->sname, "%s", x->tok);
        named = 1;
        next(x);
    }
    if (!strcmp(x->tok, "{")) {
        if (scalar >= 0 || !dir)
            return fail(x, scalar >= 0 ? "an argument type and a struct body: give one" : "_IO takes no struct");
        if (!named)
            for (size_t i = 0; i <= strlen(d->name) && i < sizeof d->sname; i++)
                d->sname[i] = (char)tolower((unsigned char)d->name[i]);
        if (parse_fields(x, d) < 0)
            return -1;
        snprintf(d->tname, sizeof d->tname, "struct %s", d->sname);
    } else {
        if (named)
            return fail(x, "expected '{' after the struct name");
        if (dir && scalar < 0)
            return fail(x, "_IOR/_IOW/_IOWR need an argument: ', KIND' or a { struct }");
        if (scalar >= 0)
            snprintf(d->tname, sizeof d->tname, "%s", kinds[scalar].ctype);
        x->p = save, x->line = line;   /* not ours: the next definition's name */
    }
    skip_space(x);
    if (*x->p == ';')
        x->p++;
    for (int a = 0; a < LA_COUNT; a++)
        encode(d, dir, (unsigned)type, (unsigned)nr, a);
    return 0;
}

static void free_def(struct idef *d)
{
    if (d) {
        free(d->f);
        free(d->fnames);
        free(d);
    }
}

int trace_ioctl_defs_parse(const char *text, const char *origin, char *err, size_t errsz)
{
    struct lex x = { text, origin ? origin : "ioctl-defs", 1, "", err, errsz };
    int count = 0;
    if (errsz)
        err[0] = 0;
    for (;;) {
        next(&x);
        if (!x.tok[0])
            return count;
        struct idef *d = calloc(1, sizeof *d);
        struct idef **nd = realloc(defs, (ndefs + 1) * sizeof *nd);
        if (!d || !nd) {
            free(d);
            if (nd)
                defs = nd;
            return fail(&x, "out of memory");
        }
        defs = nd;
        if (parse_def(&x, d) < 0) {
            free_def(d);
            return -1;
        }
        if (d->st.n && lay_add_struct(&d->st) < 0) {
            free_def(d);
            return fail(&x, "out of memory");
        }
        defs[ndefs++] = d;   /* kept for the life of the process: the layout engine points into it */
        count++;
    }
}

int trace_ioctl_defs_load(const char *path, char *err, size_t errsz)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            char *p = cap < (1u << 24) ? realloc(buf, cap * 2) : NULL;
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p, cap *= 2;
        }
    }
    fclose(f);
    if (!buf) {
        snprintf(err, errsz, "%s: too large or out of memory", path);
        return -1;
    }
    buf[len] = 0;
    int r = trace_ioctl_defs_parse(buf, path, err, errsz);
    free(buf);
    return r;
}

const struct trace_ioctl *ioctl_def_find(int lay, uint32_t req)
{
    if (lay < 0 || lay >= LA_COUNT)
        return NULL;
    for (unsigned i = ndefs; i-- > 0;)
        if (defs[i]->io[lay].encoded && defs[i]->io[lay].req == req)
            return &defs[i]->io[lay];
    return NULL;
}

const struct trace_ioctl *ioctl_def_named(int lay, const char *name)
{
    if (lay < 0 || lay >= LA_COUNT || !name)
        return NULL;
    for (unsigned i = ndefs; i-- > 0;)
        if (defs[i]->io[lay].encoded && !strcmp(defs[i]->name, name))
            return &defs[i]->io[lay];
    return NULL;
}
