/* Guest symbols: reads ELF symbol tables defensively (any file may be corrupt) and answers address lookups. */
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "symtab.h"

struct sym {
    uint64_t addr, size;         /* relocated address and size */
    uint64_t img_lo, img_hi;     /* extent of the image it came from (nearest-below lookups stay inside) */
    char *name;                  /* symbol name */
    int8_t thumb;                /* arm functions: 1 Thumb, 0 ARM; -1 for everything else */
};

struct symtab {
    struct sym *v;               /* sorted by addr once lookups start */
    size_t n, cap;               /* used, allocated */
    int sorted;                  /* v is sorted */
};

struct symtab *symtab_new(void)
{
    return calloc(1, sizeof(struct symtab));
}

static int rd(int fd, void *buf, uint64_t n, uint64_t off, uint64_t fsize)
{
    if (off > fsize || n > fsize - off)
        return -1;
    return pread(fd, buf, n, (off_t)off) == (ssize_t)n ? 0 : -1;
}

static void push(struct symtab *st, uint64_t addr, uint64_t size, const char *name, uint64_t lo, uint64_t hi,
                 int thumb)
{
    if (st->n == st->cap) {
        size_t nc = st->cap ? st->cap * 2 : 256;
        struct sym *nv = realloc(st->v, nc * sizeof *nv);
        if (!nv)
            return;
        st->v = nv;
        st->cap = nc;
    }
    st->v[st->n++] = (struct sym){addr, size, lo, hi, strdup(name), (int8_t)thumb};
    st->sorted = 0;
}

/* Reads the 64-bit or 32-bit section headers into a common form. */
struct shdr {
    uint32_t type, link;
    uint64_t off, size, entsize, addr;
};

void symtab_add(struct symtab *st, int fd, uint64_t bias, const char *path)
{
    (void)path;
    struct stat sb;
    if (!st || fstat(fd, &sb) < 0)
        return;
    uint64_t fsize = (uint64_t)sb.st_size;
    unsigned char id[EI_NIDENT];
    if (rd(fd, id, EI_NIDENT, 0, fsize) < 0)
        return;
    int is64 = id[EI_CLASS] == ELFCLASS64;
    /* arm ELF: bit 0 of a function symbol's value marks Thumb code, the function starts at the even address. */
    int thumb_bit = 0;
    uint64_t shoff;
    unsigned shnum, shentsize;
    if (is64) {
        Elf64_Ehdr e;
        if (rd(fd, &e, sizeof e, 0, fsize) < 0)
            return;
        shoff = e.e_shoff, shnum = e.e_shnum, shentsize = e.e_shentsize;
        if (shentsize != sizeof(Elf64_Shdr))
            return;
    } else {
        Elf32_Ehdr e;
        if (rd(fd, &e, sizeof e, 0, fsize) < 0)
            return;
        shoff = e.e_shoff, shnum = e.e_shnum, shentsize = e.e_shentsize;
        thumb_bit = e.e_machine == EM_ARM;
        if (shentsize != sizeof(Elf32_Shdr))
            return;
    }
    if (!shnum || shnum > 4096)
        return;
    struct shdr *sh = calloc(shnum, sizeof *sh);
    if (!sh)
        return;
    uint64_t lo = UINT64_MAX, hi = 0;
    for (unsigned i = 0; i < shnum; i++) {
        if (is64) {
            Elf64_Shdr s;
            if (rd(fd, &s, sizeof s, shoff + (uint64_t)i * shentsize, fsize) < 0)
                goto out;
            sh[i] = (struct shdr){s.sh_type, s.sh_link, s.sh_offset, s.sh_size, s.sh_entsize, s.sh_addr};
            if (s.sh_flags & SHF_ALLOC) {
                if (s.sh_addr < lo) lo = s.sh_addr;
                if (s.sh_addr + s.sh_size > hi) hi = s.sh_addr + s.sh_size;
            }
        } else {
            Elf32_Shdr s;
            if (rd(fd, &s, sizeof s, shoff + (uint64_t)i * shentsize, fsize) < 0)
                goto out;
            sh[i] = (struct shdr){s.sh_type, s.sh_link, s.sh_offset, s.sh_size, s.sh_entsize, s.sh_addr};
            if (s.sh_flags & SHF_ALLOC) {
                if (s.sh_addr < lo) lo = s.sh_addr;
                if (s.sh_addr + s.sh_size > hi) hi = s.sh_addr + s.sh_size;
            }
        }
    }
    /* Prefer the full symbol table; fall back to the dynamic one. */
    int want = SHT_SYMTAB;
    for (int pass = 0; pass < 2; pass++, want = SHT_DYNSYM) {
        int found = 0;
        for (unsigned i = 0; i < shnum; i++) {
            if (sh[i].type != (uint32_t)want || sh[i].link >= shnum)
                continue;
            struct shdr *strs = &sh[sh[i].link];
            if (strs->size == 0 || strs->size > (64u << 20))
                continue;
            char *str = malloc(strs->size + 1);
            if (!str || rd(fd, str, strs->size, strs->off, fsize) < 0) {
                free(str);
                continue;
            }
            str[strs->size] = 0;
            size_t esz = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
            uint64_t cnt = sh[i].size / esz;
            for (uint64_t k = 1; k < cnt && k < (1u << 22); k++) {
                uint64_t value, size;
                uint32_t name;
                unsigned char info;
                uint16_t shndx;
                if (is64) {
                    Elf64_Sym s;
                    if (rd(fd, &s, sizeof s, sh[i].off + k * esz, fsize) < 0)
                        break;
                    value = s.st_value, size = s.st_size, name = s.st_name, info = s.st_info, shndx = s.st_shndx;
                } else {
                    Elf32_Sym s;
                    if (rd(fd, &s, sizeof s, sh[i].off + k * esz, fsize) < 0)
                        break;
                    value = s.st_value, size = s.st_size, name = s.st_name, info = s.st_info, shndx = s.st_shndx;
                }
                int type = ELF64_ST_TYPE(info);
                if ((type != STT_FUNC && type != STT_OBJECT) || shndx == SHN_UNDEF || name >= strs->size || !str[name])
                    continue;
                int thumb = thumb_bit && type == STT_FUNC ? (int)(value & 1) : -1;
                if (thumb > 0)
                    value &= ~1ull;
                push(st, value + bias, size, str + name, lo + bias, hi + bias, thumb);
            }
            free(str);
            found = 1;
        }
        if (found)
            break;
    }
out:
    free(sh);
}

static int cmp(const void *a, const void *b)
{
    const struct sym *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr ? 1 : (x->size < y->size) - (x->size > y->size);
}

/* The symbol containing addr, or the nearest one below it in the same image; NULL if none. */
static const struct sym *find(const struct symtab *cst, uint64_t addr)
{
    struct symtab *st = (struct symtab *)cst;
    if (!st || !st->n)
        return NULL;
    if (!st->sorted) {
        qsort(st->v, st->n, sizeof *st->v, cmp);
        st->sorted = 1;
    }
    size_t lo = 0, hi = st->n;
    while (lo < hi) { /* first symbol with addr > target */
        size_t mid = (lo + hi) / 2;
        if (st->v[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return NULL;
    /* Prefer a sized symbol that contains addr; else the nearest one below in the same image. */
    for (size_t i = lo; i-- > 0 && lo - i < 64;) {
        const struct sym *s = &st->v[i];
        if (addr < s->addr + (s->size ? s->size : 1))
            return s;
    }
    const struct sym *s = &st->v[lo - 1];
    if (addr >= s->img_hi || s->size) /* a sized symbol that does not contain addr says nothing about it */
        return NULL;
    return s;
}

const char *symtab_lookup(const struct symtab *st, uint64_t addr, uint64_t *off)
{
    const struct sym *s = find(st, addr);
    if (!s)
        return NULL;
    *off = addr - s->addr;
    return s->name;
}

int symtab_thumb(const struct symtab *st, uint64_t addr)
{
    const struct sym *s = find(st, addr);
    return s ? s->thumb : -1;
}

int symtab_find(const struct symtab *st, const char *name, uint64_t *addr)
{
    for (size_t i = 0; st && i < st->n; i++)
        if (!strcmp(st->v[i].name, name)) {
            *addr = st->v[i].addr;
            return 0;
        }
    return -1;
}
