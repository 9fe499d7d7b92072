/* Main-image symbols with sizes and kinds, and source lines from DWARF .debug_line (versions 2-5), read defensively. */
#include <elf.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui_int.h"

#include "dwarf_rd.h"

static int sym_cmp(const void *a, const void *b)
{
    const struct ui_sym *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

struct row {
    struct ui_line l;            /* the row */
    size_t seq;                  /* order of appearance (end markers sort first) */
};

static int row_cmp(const void *a, const void *b)
{
    const struct row *x = a, *y = b;
    if (x->l.addr != y->l.addr)
        return x->l.addr < y->l.addr ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static char *join_path(const char *dir, const char *name)
{
    if (name[0] == '/' || !dir || !*dir)
        return strdup(name);
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* name under dir, with a relative dir taken under base (the unit's compilation directory). */
static char *join_dir(const char *base, const char *dir, const char *name)
{
    if (name[0] == '/' || !dir[0] || dir[0] == '/' || !base[0] || dir == base)
        return join_path(dir[0] ? dir : base, name);
    char *d = join_path(base, dir), *p = d ? join_path(d, name) : NULL;
    free(d);
    return p;
}

/* Reads one form of a v5 directory/file entry: a string (into *s) or a number (into *v). */
static void rd_form(struct rd *r, uint64_t form, int off8, const struct sect *str, const struct sect *lstr,
                    const char **s, uint64_t *v)
{
    switch (form) {
    case 0x08: *s = rd_str(r); break;                                   /* string */
    case 0x1f: *s = sect_str(lstr, rd_n(r, off8 ? 8 : 4)); break;       /* line_strp */
    case 0x0e: *s = sect_str(str, rd_n(r, off8 ? 8 : 4)); break;        /* strp */
    case 0x0b: *v = rd_n(r, 1); break;
    case 0x05: *v = rd_n(r, 2); break;
    case 0x06: *v = rd_n(r, 4); break;
    case 0x07: *v = rd_n(r, 8); break;
    case 0x0f: *v = rd_uleb(r); break;
    case 0x1e: rd_n(r, 8), rd_n(r, 8); break;                           /* data16 (MD5) */
    case 0x09: { uint64_t n = rd_uleb(r); r->p += n <= (uint64_t)(r->end - r->p) ? n : 0; break; }
    default: r->bad = 1; break;
    }
}

static int cu_cmp(const void *a, const void *b)
{
    const struct dw_cu *x = a, *y = b;
    return x->stmt_list < y->stmt_list ? -1 : x->stmt_list > y->stmt_list;
}

/* Parses every line program of .debug_line into rows. */
static void parse_lines(struct ui *u, const struct sect *dl, const struct sect *str, const struct sect *lstr,
                        uint64_t bias, const struct dw_cu *cus, size_t ncus)
{
    struct row *rows = NULL;
    size_t nrows = 0, cap = 0;
    struct rd top = {dl->p, dl->p + dl->n, 0};
    while (top.p < top.end && !top.bad) {
        uint64_t at = (uint64_t)(top.p - dl->p);
        const struct dw_cu *cu = ncus ? bsearch(&(struct dw_cu){at, ""}, cus, ncus, sizeof *cus, cu_cmp) : NULL;
        const char *comp_dir = cu ? cu->comp_dir : ""; /* where the relative names of this unit's program start */
        uint64_t len = rd_n(&top, 4);
        int off8 = 0;
        if (len == 0xffffffff)
            len = rd_n(&top, 8), off8 = 1;
        if (top.bad || len > (uint64_t)(top.end - top.p))
            break;
        struct rd r = {top.p, top.p + len, 0};
        top.p += len;
        unsigned ver = (unsigned)rd_n(&r, 2);
        if (ver < 2 || ver > 5)
            continue;
        unsigned asz = 8;
        if (ver >= 5)
            asz = (unsigned)rd_n(&r, 1), rd_n(&r, 1);
        uint64_t hlen = rd_n(&r, off8 ? 8 : 4);
        const uint8_t *prog = r.p + hlen;
        if (hlen > (uint64_t)(r.end - r.p))
            continue;
        unsigned min_len = (unsigned)rd_n(&r, 1);
        if (ver >= 4)
            rd_n(&r, 1);
        int def_stmt = (int)rd_n(&r, 1);
        int line_base = (int8_t)rd_n(&r, 1);
        unsigned line_range = (unsigned)rd_n(&r, 1), op_base = (unsigned)rd_n(&r, 1);
        if (!line_range || !op_base)
            continue;
        uint8_t oplen[256] = {0};
        for (unsigned i = 1; i < op_base; i++)
            oplen[i] = (uint8_t)rd_n(&r, 1);
        const char *dirs[256];
        unsigned ndirs = 0;
        size_t file0 = u->nfiles;
        if (ver < 5) {
            dirs[ndirs++] = comp_dir;
            for (const char *d; *(d = rd_str(&r)) && !r.bad;)
                if (ndirs < 256)
                    dirs[ndirs++] = d;
            char **nf = realloc(u->files, (u->nfiles + 1) * sizeof *nf);
            if (!nf)
                break;
            u->files = nf;
            u->files[u->nfiles++] = strdup("?"); /* file numbers start at 1 before DWARF 5 */
            for (const char *f; *(f = rd_str(&r)) && !r.bad;) {
                uint64_t di = rd_uleb(&r);
                rd_uleb(&r), rd_uleb(&r);
                if (!(nf = realloc(u->files, (u->nfiles + 1) * sizeof *nf)))
                    break;
                u->files = nf;
                u->files[u->nfiles++] = join_dir(comp_dir, di < ndirs ? dirs[di] : "", f);
            }
        } else {
            for (int pass = 0; pass < 2 && !r.bad; pass++) {
                unsigned nfmt = (unsigned)rd_n(&r, 1);
                uint64_t fmt[16][2];
                for (unsigned i = 0; i < nfmt; i++) {
                    uint64_t ct = rd_uleb(&r), fm = rd_uleb(&r);
                    if (i < 16)
                        fmt[i][0] = ct, fmt[i][1] = fm;
                }
                uint64_t cnt = rd_uleb(&r);
                for (uint64_t k = 0; k < cnt && !r.bad; k++) {
                    const char *path = "";
                    uint64_t di = 0;
                    for (unsigned i = 0; i < nfmt && i < 16; i++) {
                        const char *s = NULL;
                        uint64_t v = 0;
                        rd_form(&r, fmt[i][1], off8, str, lstr, &s, &v);
                        if (fmt[i][0] == 1 && s)
                            path = s;
                        if (fmt[i][0] == 2)
                            di = v;
                    }
                    if (pass == 0) {
                        if (ndirs < 256)
                            dirs[ndirs++] = path;
                    } else {
                        char **nf = realloc(u->files, (u->nfiles + 1) * sizeof *nf);
                        if (!nf)
                            break;
                        u->files = nf;
                        u->files[u->nfiles++] = join_dir(ndirs && dirs[0][0] == '/' ? dirs[0] : comp_dir,
                                                                 di < ndirs ? dirs[di] : "", path);
                    }
                }
            }
        }
        if (r.bad)
            continue;
        r.p = prog;
        uint64_t addr = 0;
        unsigned file = ver >= 5 ? 0 : 1;
        int line = 1, stmt = def_stmt;
        while (r.p < r.end && !r.bad) {
            unsigned op = (unsigned)rd_n(&r, 1);
            int emit = 0, end = 0;
            if (op >= op_base) {
                unsigned adj = op - op_base;
                addr += (adj / line_range) * min_len;
                line += line_base + (int)(adj % line_range);
                emit = 1;
            } else if (op == 0) {
                uint64_t n = rd_uleb(&r);
                const uint8_t *next = r.p + n;
                if (n > (uint64_t)(r.end - r.p))
                    break;
                unsigned sub = (unsigned)rd_n(&r, 1);
                if (sub == 1)
                    emit = end = 1;
                else if (sub == 2) /* the operand's size is the opcode's length (DWARF < 5 has no address_size) */
                    addr = rd_n(&r, n >= 2 && n <= 9 ? (unsigned)n - 1 : asz);
                r.p = next;
            } else {
                switch (op) {
                case 1: emit = 1; break;
                case 2: addr += rd_uleb(&r) * min_len; break;
                case 3: line += (int)rd_sleb(&r); break;
                case 4: file = (unsigned)rd_uleb(&r); break;
                case 6: stmt = !stmt; break;
                case 8: addr += ((255 - op_base) / line_range) * min_len; break;
                case 9: addr += rd_n(&r, 2); break;
                default:
                    for (unsigned i = 0; i < oplen[op]; i++)
                        rd_uleb(&r);
                }
            }
            if (emit && addr) {
                if (nrows == cap) {
                    cap = cap ? cap * 2 : 1024;
                    struct row *nr = realloc(rows, cap * sizeof *nr);
                    if (!nr)
                        break;
                    rows = nr;
                }
                size_t fi = file0 + file;
                const char *path = fi < u->nfiles ? u->files[fi] : "?";
                const char *base = strrchr(path, '/');
                rows[nrows] = (struct row){{addr + bias, base ? base + 1 : path, path, end ? 0 : line, end ? 0 : stmt},
                                           end ? 0 : nrows + 1};
                nrows++;
            }
            if (end)
                addr = 0, file = ver >= 5 ? 0 : 1, line = 1, stmt = def_stmt;
        }
    }
    if (!nrows) {
        free(rows);
        return;
    }
    qsort(rows, nrows, sizeof *rows, row_cmp);
    u->lines = malloc(nrows * sizeof *u->lines);
    if (u->lines)
        for (size_t i = 0; i < nrows; i++)
            u->lines[u->nlines++] = rows[i].l;
    free(rows);
}

void ui_syms_load(struct ui *u)
{
    int fd = open(u->p->exe_path, O_RDONLY | O_CLOEXEC);
    struct stat sb;
    if (fd < 0)
        return;
    if (fstat(fd, &sb) < 0 || sb.st_size < (off_t)sizeof(Elf64_Ehdr)) {
        close(fd);
        return;
    }
    size_t fsz = (size_t)sb.st_size;
    const uint8_t *img = mmap(NULL, fsz, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (img == MAP_FAILED)
        return;
    int is64 = img[EI_CLASS] == ELFCLASS64;
    uint64_t shoff, shnum, shent, shstr;
    if (is64) {
        const Elf64_Ehdr *e = (const void *)img;
        shoff = e->e_shoff, shnum = e->e_shnum, shent = e->e_shentsize, shstr = e->e_shstrndx;
    } else {
        const Elf32_Ehdr *e = (const void *)img;
        shoff = e->e_shoff, shnum = e->e_shnum, shent = e->e_shentsize, shstr = e->e_shstrndx;
    }
    if (shent != (is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)) || shoff > fsz || shnum > (fsz - shoff) / shent ||
        shstr >= shnum)
        goto out;
    struct { uint32_t name, type, link; uint64_t off, size; } sh[4096];
    if (shnum > 4096)
        goto out;
    for (uint64_t i = 0; i < shnum; i++) {
        const uint8_t *s = img + shoff + i * shent;
        if (is64) {
            const Elf64_Shdr *h = (const void *)s;
            sh[i].name = h->sh_name, sh[i].type = h->sh_type, sh[i].link = h->sh_link;
            sh[i].off = h->sh_offset, sh[i].size = h->sh_size;
        } else {
            const Elf32_Shdr *h = (const void *)s;
            sh[i].name = h->sh_name, sh[i].type = h->sh_type, sh[i].link = h->sh_link;
            sh[i].off = h->sh_offset, sh[i].size = h->sh_size;
        }
        if (sh[i].type != SHT_NOBITS && (sh[i].off > fsz || sh[i].size > fsz - sh[i].off))
            sh[i].size = 0;
    }
    struct sect names = {img + sh[shstr].off, sh[shstr].size}, dl = {0}, str = {0}, lstr = {0};
    struct dw_sects dw = {0};
    uint64_t bias = u->p->load_bias;
    for (uint64_t i = 0; i < shnum; i++) {
        const char *n = sect_str(&names, sh[i].name);
        struct sect s = {img + sh[i].off, sh[i].size};
        if (!strcmp(n, ".debug_line"))
            dl = s;
        else if (!strcmp(n, ".debug_str"))
            str = s;
        else if (!strcmp(n, ".debug_line_str"))
            lstr = s;
        else if (!strcmp(n, ".debug_info"))
            dw.info = s;
        else if (!strcmp(n, ".debug_abbrev"))
            dw.abbrev = s;
        else if (!strcmp(n, ".debug_str_offsets"))
            dw.str_offs = s;
        else if (!strcmp(n, ".debug_addr"))
            dw.addr = s;
        if (sh[i].type != SHT_SYMTAB || sh[i].link >= shnum)
            continue;
        struct sect strs = {img + sh[sh[i].link].off, sh[sh[i].link].size};
        size_t esz = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym), cnt = sh[i].size / esz;
        u->syms = calloc(cnt ? cnt : 1, sizeof *u->syms);
        for (size_t k = 1; u->syms && k < cnt; k++) {
            const uint8_t *e = img + sh[i].off + k * esz;
            uint64_t val, size;
            unsigned info, shndx;
            uint32_t nm;
            if (is64) {
                const Elf64_Sym *y = (const void *)e;
                val = y->st_value, size = y->st_size, info = y->st_info, shndx = y->st_shndx, nm = y->st_name;
            } else {
                const Elf32_Sym *y = (const void *)e;
                val = y->st_value, size = y->st_size, info = y->st_info, shndx = y->st_shndx, nm = y->st_name;
            }
            int type = ELF64_ST_TYPE(info);
            const char *name = sect_str(&strs, nm);
            if ((type != STT_FUNC && type != STT_OBJECT) || shndx == SHN_UNDEF || !*name)
                continue;
            if (type == STT_FUNC && !is64 && ((const Elf32_Ehdr *)img)->e_machine == EM_ARM)
                val &= ~1ull; /* arm: bit 0 marks a Thumb function, which starts at the even address */
            u->syms[u->nsyms++] = (struct ui_sym){val + bias, size, type == STT_FUNC, strdup(name)};
        }
    }
    if (u->nsyms)
        qsort(u->syms, u->nsyms, sizeof *u->syms, sym_cmp);
    struct dw_cu *cus = NULL;
    size_t ncus = 0;
    if (dw.info.p && dw.abbrev.p) {
        dw.str = str, dw.line_str = lstr;
        struct ui_func *fns = NULL;
        size_t nfns = 0;
        dw_info_read(&dw, &cus, &ncus, &fns, &nfns); /* on failure, what was read is still good */
        for (size_t i = 0; i < nfns; i++)
            fns[i].lo += bias, fns[i].hi += bias;
        u->funcs = fns, u->nfuncs = nfns;
    }
    if (ncus)
        qsort(cus, ncus, sizeof *cus, cu_cmp);
    if (dl.p)
        parse_lines(u, &dl, &str, &lstr, bias, cus, ncus);
    free(cus);
out:
    munmap((void *)img, fsz);
}

const struct ui_sym *ui_sym_find(struct ui *u, const char *name)
{
    for (size_t i = 0; i < u->nsyms; i++)
        if (!strcmp(u->syms[i].name, name))
            return &u->syms[i];
    return NULL;
}

const struct ui_line *ui_line_at(struct ui *u, uint64_t addr)
{
    size_t lo = 0, hi = u->nlines;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (u->lines[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo || !u->lines[lo - 1].line)
        return NULL;
    return &u->lines[lo - 1];
}

const struct ui_func *ui_func_at(struct ui *u, uint64_t addr)
{
    size_t lo = 0, hi = u->nfuncs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (u->funcs[mid].lo <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo && addr < u->funcs[lo - 1].hi ? &u->funcs[lo - 1] : NULL;
}

static int file_match(const struct ui_line *l, const char *file)
{
    if (!file)
        return 1;
    size_t a = strlen(l->path), b = strlen(file);
    return !strcmp(l->file, file) || (a >= b && !strcmp(l->path + a - b, file) && (a == b || l->path[a - b - 1] == '/'));
}

uint64_t ui_line_addr(struct ui *u, const char *file, int line)
{
    int best = 0;
    for (size_t i = 0; i < u->nlines; i++) {
        const struct ui_line *l = &u->lines[i];
        if (l->line >= line && l->stmt && file_match(l, file) && (!best || l->line < best))
            best = l->line;
    }
    if (!file && u->nlines) { /* a bare line number means the file of the current location */
        const struct ui_line *cur = ui_line_at(u, ui_reg(u, u->r_pc));
        if (cur && strcmp(cur->path, "?"))
            return ui_line_addr(u, cur->path, line);
    }
    for (size_t i = 0; best && i < u->nlines; i++) {
        const struct ui_line *l = &u->lines[i];
        if (l->line == best && l->stmt && file_match(l, file))
            return l->addr;
    }
    return 0;
}

uint64_t ui_skip_prologue(struct ui *u, uint64_t fn)
{
    const struct ui_line *l = ui_line_at(u, fn);
    if (!l || l->addr != fn)
        return fn;
    uint64_t off = 0;
    const char *name = symtab_lookup(u->p->syms, fn, &off);
    for (const struct ui_line *n = l + 1; n < u->lines + u->nlines && n->line; n++) {
        uint64_t o2 = 0;
        if (n->addr > fn && n->line != l->line && n->stmt)
            return symtab_lookup(u->p->syms, n->addr, &o2) == name ? n->addr : fn;
    }
    return fn;
}

const char *ui_source_line(struct ui *u, const char *path, int n)
{
    struct ui_srcfile *f = NULL;
    for (int i = 0; i < 8; i++)
        if (u->src[i].path && !strcmp(u->src[i].path, path))
            f = &u->src[i];
    if (!f) {
        f = &u->src[0];
        for (int i = 0; i < 8; i++)
            if (!u->src[i].path) {
                f = &u->src[i];
                break;
            }
        free(f->path), free(f->text), free(f->lines);
        memset(f, 0, sizeof *f);
        f->path = strdup(path);
        FILE *fp = fopen(path, "re");
        if (fp) {
            size_t cap = 0, len = 0;
            char buf[4096];
            size_t k;
            while ((k = fread(buf, 1, sizeof buf, fp)) > 0) {
                if (len + k + 1 > cap) {
                    cap = (len + k + 1) * 2;
                    char *nt = realloc(f->text, cap);
                    if (!nt)
                        break;
                    f->text = nt;
                }
                memcpy(f->text + len, buf, k);
                len += k;
            }
            fclose(fp);
            if (f->text) {
                f->text[len] = 0;
                for (char *s = f->text; *s; f->n++) {
                    char **nl = realloc(f->lines, (size_t)(f->n + 1) * sizeof *nl);
                    if (!nl)
                        break;
                    f->lines = nl;
                    f->lines[f->n] = s;
                    char *e = strchr(s, '\n');
                    if (!e)
                        { f->n++; break; }
                    *e = 0;
                    s = e + 1;
                }
            }
        }
    }
    return n >= 1 && n <= f->n ? f->lines[n - 1] : NULL;
}
