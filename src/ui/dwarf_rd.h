/* A bounds-checked little-endian reader over DWARF sections, and the .debug_info summary (dwinfo.c) the symbol loader uses. */
#ifndef UI_DWARF_RD_H
#define UI_DWARF_RD_H

#include <stdint.h>
#include <string.h>

/* A bounds-checked reader over one section. */
struct rd {
    const uint8_t *p, *end;      /* cursor and limit */
    int bad;                     /* ran past the end */
};

static inline uint64_t rd_n(struct rd *r, unsigned n)
{
    if ((size_t)(r->end - r->p) < n) {
        r->bad = 1;
        r->p = r->end;
        return 0;
    }
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += n;
    return v;
}

static inline uint64_t rd_uleb(struct rd *r)
{
    uint64_t v = 0;
    for (unsigned sh = 0; r->p < r->end; sh += 7) {
        uint8_t b = *r->p++;
        if (sh < 64)
            v |= (uint64_t)(b & 0x7f) << sh;
        if (!(b & 0x80))
            return v;
    }
    r->bad = 1;
    return v;
}

static inline int64_t rd_sleb(struct rd *r)
{
    int64_t v = 0;
    unsigned sh = 0;
    uint8_t b = 0;
    while (r->p < r->end) {
        b = *r->p++;
        if (sh < 64)
            v |= (int64_t)((uint64_t)(b & 0x7f) << sh);
        sh += 7;
        if (!(b & 0x80)) {
            if (sh < 64 && (b & 0x40))
                v |= (int64_t)(~0ull << sh);
            return v;
        }
    }
    r->bad = 1;
    return v;
}

static inline const char *rd_str(struct rd *r)
{
    const char *s = (const char *)r->p;
    const uint8_t *z = memchr(r->p, 0, (size_t)(r->end - r->p));
    if (!z) {
        r->bad = 1;
        r->p = r->end;
        return "";
    }
    r->p = z + 1;
    return s;
}

struct sect {
    const uint8_t *p;            /* contents */
    size_t n;                    /* size */
};

static inline const char *sect_str(const struct sect *s, uint64_t off)
{
    if (!s->p || off >= s->n || !memchr(s->p + off, 0, s->n - off))
        return "";
    return (const char *)s->p + off;
}

/* The sections the .debug_info reader looks at (absent ones are empty). */
struct dw_sects {
    struct sect info, abbrev;    /* .debug_info, .debug_abbrev */
    struct sect str, line_str;   /* .debug_str, .debug_line_str */
    struct sect str_offs, addr;  /* .debug_str_offsets, .debug_addr (DWARF 5 indexed forms) */
};

/* One compilation unit: which line program is its own, and the directory relative paths start from. */
struct dw_cu {
    uint64_t stmt_list;          /* offset of its line program in .debug_line (UINT64_MAX: none) */
    const char *comp_dir;        /* DW_AT_comp_dir (points into the image), or "" */
};

struct ui_func;
/* Reads the CUs and the functions (with their return types) of .debug_info; a corrupt unit ends the walk of that
   unit only. Returns 0, or -1 when out of memory (what was read so far is kept). */
int dw_info_read(const struct dw_sects *s, struct dw_cu **cus, size_t *ncus, struct ui_func **fns, size_t *nfns);

#endif
