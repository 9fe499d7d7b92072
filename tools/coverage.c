/* Decoder coverage: lists encodings capstone decodes that our aarch64/arm backends do not implement (walk or real binaries). */
#include <capstone/capstone.h>
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu.h"
#include "mem.h"

/* The backends under test; the core's loader refers to this list. */
extern struct emu_isa isa_riscv64, isa_aarch64, isa_arm;
const struct emu_isa *const emu_isas[] = {&isa_riscv64, &isa_aarch64, &isa_arm, NULL};

/* The op handlers each backend emits for an encoding it does not implement (guest SIGILL naming it). */
const struct op *a64_illegal(struct emu_cpu *c, const struct op *o);
const struct op *arm_op_illegal(struct emu_cpu *c, const struct op *o);

enum cov_mode { M_A64, M_A32, M_T32, M_NMODES };

/* One instruction set as the tool drives it: the backend, the marker handler, capstone's arch and mode. */
struct cov_set {
    const char *name;            /* "aarch64", "arm-a32", "arm-t32" */
    const struct emu_isa *isa;   /* backend whose decode hook is asked */
    op_fn illegal;               /* handler meaning "not implemented" */
    cs_arch arch;                /* capstone architecture */
    int mode;                    /* capstone mode */
    uint64_t pcbit;              /* added to the decode pc (1 selects T32) */
};

static const struct cov_set sets[M_NMODES] = {
    [M_A64] = {"aarch64", &isa_aarch64, a64_illegal, CS_ARCH_ARM64, CS_MODE_ARM, 0},
    [M_A32] = {"arm-a32", &isa_arm, arm_op_illegal, CS_ARCH_ARM, CS_MODE_ARM | CS_MODE_V8, 0},
    [M_T32] = {"arm-t32", &isa_arm, arm_op_illegal, CS_ARCH_ARM, CS_MODE_THUMB | CS_MODE_V8, 1},
};

/* What is missing, by capstone mnemonic. */
struct miss {
    char name[48];               /* capstone's instruction name (condition suffix dropped) */
    unsigned long count;         /* encodings (walk) or occurrences (binaries) */
    uint32_t example;            /* one encoding */
    unsigned len;                /* its length in bytes */
    char text[192];              /* its disassembly */
    const char *where;           /* file it came from (binaries), or the set name */
};

/* Per instruction set: capstone handle, scratch address space, tallies. */
struct cov {
    const struct cov_set *set;
    csh cs;                      /* capstone handle */
    cs_insn *insn;               /* capstone's scratch instruction */
    struct emu_proc proc;        /* stand-in process holding one code page */
    struct op ops[16];           /* decode output */
    unsigned long tried, known, missing; /* words tried, decoded by capstone, not implemented by us */
    struct miss *miss;           /* missing mnemonics */
    unsigned nmiss, capmiss;
};

#define CODE_PAGE 0x10000ull

static void die(const char *what)
{
    perror(what);
    exit(2);
}

static void cov_open(struct cov *c, const struct cov_set *set)
{
    memset(c, 0, sizeof *c);
    c->set = set;
    if (cs_open(set->arch, (cs_mode)set->mode, &c->cs) != CS_ERR_OK)
        die("cs_open");
    c->insn = cs_malloc(c->cs);
    c->proc.isa = set->isa;
    if (!(c->proc.mem = mem_new(32)))
        die("mem_new");
    if (mem_map(c->proc.mem, CODE_PAGE, MEM_PAGE, MEM_R | MEM_W | MEM_X, 0, -1, 0, "code") < 0)
        die("mem_map");
}

/* Asks the backend's decode hook about the len bytes at code; 1 when it implements them. */
static int ours(struct cov *c, const uint8_t *code, unsigned len)
{
    memcpy(mem_host(c->proc.mem, CODE_PAGE), code, len);
    struct blk_builder b = {c->ops, 0, 16, 0};
    if (c->set->isa->decode(&c->proc, CODE_PAGE | c->set->pcbit, &b) <= 0)
        return 1;
    for (uint32_t i = 0; i < b.nops; i++)
        if (c->ops[i].fn == c->set->illegal)
            return 0;
    return 1;
}

/* A64 encodings that trap from EL0 on hardware as well (SIGILL is the right answer): system-register and
   SYS accesses with op1 other than 3 (EL1 and up), TLB maintenance and address translation, and the
   exception-generating HVC/SMC/DCPSn/HLT. */
static int a64_el1_only(const char *name, uint32_t w)
{
    static const char *const always[] = {"hvc", "smc", "dcps1", "dcps2", "dcps3", "hlt", "tlbi", "at", NULL};
    for (int i = 0; always[i]; i++)
        if (!strcmp(name, always[i]))
            return 1;
    return (!strcmp(name, "mrs") || !strcmp(name, "msr") || !strcmp(name, "sys") || !strcmp(name, "sysl")) &&
           ((w >> 16) & 7) != 3 && (w & 0xfff8f01f) != 0xd500401f; /* not MSR (immediate) */
}

static char **allow;             /* allowlist entries: mnemonics or exact encodings (hex) */

static int allowed(const char *name)
{
    for (char **a = allow; a && *a; a++)
        if (!strcmp(*a, name))
            return 1;
    return 0;
}

static void note(struct cov *c, const cs_insn *in, const char *where)
{
    const char *name = cs_insn_name(c->cs, in->id);
    if (!name)
        name = in->mnemonic;
    uint32_t w = 0;
    for (unsigned i = 0; i < in->size && i < 4; i++)
        w |= (uint32_t)in->bytes[i] << (8 * i);
    if (c->set->pcbit && in->size == 4)
        w = w << 16 | w >> 16;
    char key[48], hex[12];
    snprintf(hex, sizeof hex, "%0*x", in->size * 2, w);
    if (c->set->arch == CS_ARCH_ARM64 && a64_el1_only(name, w))
        snprintf(key, sizeof key, "%s[EL1]", name); /* correct as SIGILL: listed apart */
    else if (c->set->arch == CS_ARCH_ARM64 && (!strcmp(name, "mrs") || !strcmp(name, "msr")) &&
             strstr(in->op_str, "s3_"))
        snprintf(key, sizeof key, "%s[EL1]", name); /* no such EL0 register (capstone has no name for it) */
    else if (allowed(hex))
        snprintf(key, sizeof key, "%s@%s", name, hex); /* one allowlisted encoding */
    else
        snprintf(key, sizeof key, "%s", name);
    name = key;
    struct miss *m = NULL;
    for (unsigned i = 0; i < c->nmiss; i++)
        if (!strcmp(c->miss[i].name, name)) {
            m = &c->miss[i];
            break;
        }
    if (!m) {
        if (c->nmiss == c->capmiss) {
            c->capmiss = c->capmiss ? 2 * c->capmiss : 64;
            if (!(c->miss = realloc(c->miss, c->capmiss * sizeof *c->miss)))
                die("realloc");
        }
        m = &c->miss[c->nmiss++];
        memset(m, 0, sizeof *m);
        snprintf(m->name, sizeof m->name, "%s", name);
        m->len = in->size;
        m->example = w; /* T32: hw1:hw2 */
        snprintf(m->text, sizeof m->text, "%s %s", in->mnemonic, in->op_str);
        m->where = where;
    }
    m->count++;
    c->missing++;
}

/* Tries the bytes at code (len available); returns capstone's length, 0 when capstone does not decode them. */
static unsigned try_one(struct cov *c, const uint8_t *code, size_t len, const char *where)
{
    const uint8_t *p = code;
    size_t n = len;
    uint64_t addr = CODE_PAGE;
    c->tried++;
    if (!cs_disasm_iter(c->cs, &p, &n, &addr, c->insn))
        return 0;
    c->known++;
    if (!ours(c, code, (unsigned)c->insn->size))
        note(c, c->insn, where);
    return c->insn->size;
}

static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

static void put32(uint8_t *b, uint32_t w) { b[0] = (uint8_t)w, b[1] = (uint8_t)(w >> 8), b[2] = (uint8_t)(w >> 16), b[3] = (uint8_t)(w >> 24); }

/* Walks the encoding space: every value of the top 16 bits (A64; A32 bits 27:16 with cond AL and NV) with
   `samples` pseudo-random low halves each; T32: every halfword, and every 32-bit first halfword with
   random second halfwords. */
static void walk(struct cov *c, unsigned samples)
{
    uint8_t b[4];
    switch (c->set - sets) {
    case M_A64:
        for (uint32_t hi = 0; hi < 0x10000; hi++)
            for (unsigned s = 0; s < samples; s++)
                put32(b, hi << 16 | (rnd() & 0xffff)), try_one(c, b, 4, c->set->name);
        break;
    case M_A32:
        for (uint32_t cond = 14; cond < 16; cond++)
            for (uint32_t hi = 0; hi < 0x1000; hi++)
                for (unsigned s = 0; s < 2 * samples; s++)
                    put32(b, cond << 28 | hi << 16 | (rnd() & 0xffff)), try_one(c, b, 4, c->set->name);
        break;
    case M_T32:
        for (uint32_t h = 0; h < 0x10000; h++) {
            if ((h >> 11) >= 0x1d) {
                for (unsigned s = 0; s < samples; s++) {
                    uint32_t h2 = rnd() & 0xffff;
                    b[0] = (uint8_t)h, b[1] = (uint8_t)(h >> 8), b[2] = (uint8_t)h2, b[3] = (uint8_t)(h2 >> 8);
                    try_one(c, b, 4, c->set->name);
                }
            } else {
                b[0] = (uint8_t)h, b[1] = (uint8_t)(h >> 8);
                try_one(c, b, 2, c->set->name);
            }
        }
        break;
    }
}

/* An ELF file mapped for reading. */
struct elf {
    const uint8_t *p;            /* the file */
    size_t size;
    int is64;
    uint16_t machine;
};

struct sec {
    uint64_t addr, off, size;
    uint32_t type, flags, link;
    uint64_t entsize;
    const char *name;
};

static int elf_open(struct elf *e, const char *path)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0)
        return -1;
    e->size = (size_t)st.st_size;
    e->p = mmap(NULL, e->size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (e->p == MAP_FAILED || e->size < sizeof(Elf32_Ehdr) || memcmp(e->p, ELFMAG, SELFMAG) ||
        e->p[EI_DATA] != ELFDATA2LSB)
        return -1;
    e->is64 = e->p[EI_CLASS] == ELFCLASS64;
    e->machine = ((const Elf32_Ehdr *)e->p)->e_machine;
    return 0;
}

static unsigned elf_nsec(const struct elf *e)
{
    return e->is64 ? ((const Elf64_Ehdr *)e->p)->e_shnum : ((const Elf32_Ehdr *)e->p)->e_shnum;
}

static struct sec elf_sec(const struct elf *e, unsigned i)
{
    struct sec s;
    unsigned strndx;
    if (e->is64) {
        const Elf64_Ehdr *h = (const void *)e->p;
        const Elf64_Shdr *sh = (const void *)(e->p + h->e_shoff);
        s = (struct sec){sh[i].sh_addr, sh[i].sh_offset, sh[i].sh_size, sh[i].sh_type, (uint32_t)sh[i].sh_flags,
                         sh[i].sh_link, sh[i].sh_entsize, NULL};
        strndx = h->e_shstrndx;
        s.name = (const char *)e->p + sh[strndx].sh_offset + sh[i].sh_name;
    } else {
        const Elf32_Ehdr *h = (const void *)e->p;
        const Elf32_Shdr *sh = (const void *)(e->p + h->e_shoff);
        s = (struct sec){sh[i].sh_addr, sh[i].sh_offset, sh[i].sh_size, sh[i].sh_type, sh[i].sh_flags,
                         sh[i].sh_link, sh[i].sh_entsize, NULL};
        strndx = h->e_shstrndx;
        s.name = (const char *)e->p + sh[strndx].sh_offset + sh[i].sh_name;
    }
    return s;
}

/* Where one arm code region starts and in which instruction set (from mapping or function symbols). */
struct mark {
    uint64_t addr;
    int mode;                    /* M_A32, M_T32, or -1 for data */
};

static int mark_cmp(const void *a, const void *b)
{
    const struct mark *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Collects arm instruction-set marks: $a/$t/$d mapping symbols from .symtab, else function symbols
   (bit 0 = Thumb) from .symtab or .dynsym. */
static struct mark *arm_marks(const struct elf *e, size_t *n)
{
    struct mark *mk = NULL;
    size_t cnt = 0, cap = 0;
    for (int want_map = 1; want_map >= 0 && !cnt; want_map--)
        for (unsigned i = 0; i < elf_nsec(e); i++) {
            struct sec s = elf_sec(e, i);
            if (s.type != SHT_SYMTAB && s.type != SHT_DYNSYM)
                continue;
            const char *str = (const char *)e->p + elf_sec(e, s.link).off;
            const Elf32_Sym *sym = (const void *)(e->p + s.off);
            for (size_t j = 0; j < s.size / sizeof *sym; j++) {
                const char *nm = str + sym[j].st_name;
                int mode;
                uint64_t a = sym[j].st_value;
                if (want_map) {
                    if (nm[0] != '$' || !strchr("atd", nm[1]) || (nm[2] && nm[2] != '.'))
                        continue;
                    mode = nm[1] == 'a' ? M_A32 : nm[1] == 't' ? M_T32 : -1;
                } else {
                    if (ELF32_ST_TYPE(sym[j].st_info) != STT_FUNC || !sym[j].st_shndx)
                        continue;
                    mode = a & 1 ? M_T32 : M_A32;
                    a &= ~1ull;
                }
                if (cnt == cap && !(mk = realloc(mk, (cap = cap ? 2 * cap : 1024) * sizeof *mk)))
                    die("realloc");
                mk[cnt++] = (struct mark){a, mode};
            }
        }
    qsort(mk, cnt, sizeof *mk, mark_cmp);
    *n = cnt;
    return mk;
}

/* Disassembles the executable sections of one binary with the matching sets, noting what we miss. */
static int scan_file(struct cov *covs, const char *path, int want_a64)
{
    struct elf e;
    if (elf_open(&e, path) < 0) {
        fprintf(stderr, "coverage: %s: not a readable little-endian ELF\n", path);
        return -1;
    }
    if (want_a64 != (e.machine == EM_AARCH64) || (!want_a64 && e.machine != EM_ARM)) {
        fprintf(stderr, "coverage: %s: wrong machine %u\n", path, e.machine);
        return -1;
    }
    size_t nmk = 0;
    struct mark *mk = want_a64 ? NULL : arm_marks(&e, &nmk);
    for (unsigned i = 0; i < elf_nsec(&e); i++) {
        struct sec s = elf_sec(&e, i);
        if (s.type != SHT_PROGBITS || !(s.flags & SHF_EXECINSTR) || s.off + s.size > e.size)
            continue;
        const uint8_t *code = e.p + s.off;
        size_t k = 0;
        int mode = want_a64 ? M_A64 : M_T32; /* armhf userlands are Thumb-2 unless a symbol says otherwise */
        for (uint64_t o = 0; o < s.size;) {
            uint64_t a = s.addr + o;
            while (k < nmk && mk[k].addr <= a)
                mode = mk[k++].mode;
            uint64_t end = k < nmk && mk[k].addr < s.addr + s.size ? mk[k].addr - s.addr : s.size;
            if (mode < 0) {
                o = end;
                continue;
            }
            unsigned step = mode == M_T32 ? 2 : 4;
            if (o + step > s.size)
                break;
            unsigned got = try_one(&covs[mode], code + o, (size_t)(s.size - o < 4 ? s.size - o : 4), path);
            o += got ? got : step;
        }
    }
    free(mk);
    munmap((void *)e.p, e.size);
    return 0;
}

static int miss_cmp(const void *a, const void *b)
{
    const struct miss *x = a, *y = b;
    return x->count != y->count ? (x->count < y->count ? 1 : -1) : strcmp(x->name, y->name);
}

/* Reads an allowlist: one "mnemonic  reason" a line, '#' comments; returns the names (NULL-terminated). */
static char **read_allow(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die(path);
    char **v = calloc(1, sizeof *v), line[512];
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        char name[64], reason[256];
        if (line[0] == '#' || sscanf(line, "%63s %255[^\n]", name, reason) < 1)
            continue;
        if (sscanf(line, "%63s %255[^\n]", name, reason) < 2) {
            fprintf(stderr, "coverage: %s: entry '%s' has no reason\n", path, name);
            exit(2);
        }
        v = realloc(v, (n + 2) * sizeof *v);
        v[n++] = strdup(name);
        v[n] = NULL;
    }
    fclose(f);
    return v;
}

/* Prints one set's tally; returns how many missing mnemonics the allowlist does not cover. */
static unsigned report(struct cov *c, const char *what)
{
    unsigned bad = 0;
    printf("%s %s: %lu tried, %lu decoded by capstone, %lu not implemented in %u mnemonics\n", c->set->name, what,
           c->tried, c->known, c->missing, c->nmiss);
    qsort(c->miss, c->nmiss, sizeof *c->miss, miss_cmp);
    for (unsigned i = 0; i < c->nmiss; i++) {
        struct miss *m = &c->miss[i];
        int ok = strstr(m->name, "[EL1]") || strchr(m->name, '@') || allowed(m->name);
        bad += !ok;
        printf("  %-12s %8lu  %0*x  %-40s %s%s\n", m->name, m->count, m->len * 2, m->example, m->text,
               strcmp(m->where, c->set->name) ? m->where : "",
               strstr(m->name, "[EL1]") ? "  (traps at EL0 on hardware too)" : allow && ok ? "  (allowed)" : "");
    }
    return bad;
}

static void usage(void)
{
    fprintf(stderr, "usage: coverage walk ARCH [--seed N] [--samples N]\n"
                    "       coverage bin ARCH [--allow FILE] ELF...    (ARCH: aarch64 or arm)\n"
                    "walk samples the encoding space; bin disassembles executable sections of real binaries.\n"
                    "With --allow, exits 1 when a missing mnemonic is not in FILE (\"mnemonic reason\" lines).\n");
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc < 3)
        usage();
    int is_walk = !strcmp(argv[1], "walk"), a64 = !strcmp(argv[2], "aarch64");
    if ((!is_walk && strcmp(argv[1], "bin")) || (!a64 && strcmp(argv[2], "arm")))
        usage();
    unsigned long seed = 1, samples = 32;
    int first = argc;
    for (int i = 3; i < argc; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoul(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--samples") && i + 1 < argc)
            samples = strtoul(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--allow") && i + 1 < argc)
            allow = read_allow(argv[++i]);
        else if (argv[i][0] == '-')
            usage();
        else {
            first = i;
            break;
        }
    }
    rng_state = seed * 0x9e3779b97f4a7c15ull + 1;
    static struct cov covs[M_NMODES];
    int lo = a64 ? M_A64 : M_A32, hi = a64 ? M_A64 : M_T32;
    for (int m = lo; m <= hi; m++)
        cov_open(&covs[m], &sets[m]);
    unsigned bad = 0;
    if (is_walk) {
        for (int m = lo; m <= hi; m++) {
            walk(&covs[m], (unsigned)samples);
            char what[64];
            snprintf(what, sizeof what, "walk (seed %lu, %lu samples)", seed, samples);
            bad += report(&covs[m], what);
        }
    } else {
        if (first >= argc)
            usage();
        for (int i = first; i < argc; i++)
            if (scan_file(covs, argv[i], a64) < 0)
                return 2;
        for (int m = lo; m <= hi; m++)
            bad += report(&covs[m], "binaries");
    }
    if (allow && bad)
        printf("%u missing mnemonic(s) not in the allowlist\n", bad);
    return allow && bad ? 1 : 0;
}
