/* ELF loader: header and program-header validation, PT_LOAD mapping, PT_INTERP, stack with argv/envp/auxv. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu.h"
#include "loader.h"
#include "mem.h"
#include "symtab.h"

#define MAX_PHDRS 128
#define STACK_SIZE (8ull << 20)
#define PAGE_DOWN(a) ((a) & ~(MEM_PAGE - 1))
#define PAGE_UP(a) (((a) + MEM_PAGE - 1) & ~(MEM_PAGE - 1))

/* An ELF image's headers in class-independent form. */
struct image {
    int fd;
    uint64_t fsize;
    int cls;                     /* ELFCLASS32 / ELFCLASS64 */
    uint16_t type, machine;
    uint32_t flags;
    uint64_t entry, phoff;
    unsigned phnum;
    Elf64_Phdr ph[MAX_PHDRS];    /* program headers widened to 64 bits */
};

static int fail(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *machine_name(unsigned m)
{
    static const struct { unsigned m; const char *n; } t[] = {
        {EM_386, "i386"}, {EM_X86_64, "x86-64"}, {EM_ARM, "arm"}, {EM_AARCH64, "aarch64"},
        {EM_RISCV, "riscv"}, {EM_MIPS, "mips"}, {EM_PPC, "powerpc"}, {EM_PPC64, "powerpc64"},
        {EM_S390, "s390"}, {EM_SPARC, "sparc"}, {EM_SPARCV9, "sparc64"}, {EM_SH, "superh"},
        {EM_IA_64, "ia64"}, {EM_ALPHA, "alpha"}, {258 /* EM_LOONGARCH */, "loongarch"},
        {EM_68K, "m68k"}, {EM_PARISC, "hppa"}, {EM_XTENSA, "xtensa"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].m == m)
            return t[i].n;
    return NULL;
}

static void supported_list(char *buf, size_t n)
{
    buf[0] = 0;
    for (int i = 0; emu_isas[i]; i++)
        snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", i ? ", " : "", emu_isas[i]->name);
}

static int pread_full(int fd, void *buf, size_t n, uint64_t off)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, (char *)buf + got, n - got, (off_t)(off + got));
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

/* Opens path and reads and checks its headers. Returns 0 or -1 with err set. */
static int image_open(struct image *im, const char *path, const char *what, char *err, size_t n)
{
    memset(im, 0, sizeof *im);
    im->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (im->fd < 0)
        return fail(err, n, "cannot open %s '%s': %s", what, path, strerror(errno));
    struct stat st;
    if (fstat(im->fd, &st) < 0 || !S_ISREG(st.st_mode))
        return fail(err, n, "%s '%s' is not a regular file", what, path);
    im->fsize = (uint64_t)st.st_size;
    unsigned char id[EI_NIDENT];
    if (im->fsize < EI_NIDENT || pread_full(im->fd, id, EI_NIDENT, 0) < 0 || memcmp(id, ELFMAG, SELFMAG) != 0) {
        char head[3] = {0};
        if (im->fsize >= 2 && pread_full(im->fd, head, 2, 0) == 0 && head[0] == '#' && head[1] == '!')
            return fail(err, n, "%s '%s' is a script, not an ELF program; run its interpreter under xtrace instead", what, path);
        return fail(err, n, "%s '%s' is not an ELF file", what, path);
    }
    im->cls = id[EI_CLASS];
    if (im->cls != ELFCLASS32 && im->cls != ELFCLASS64)
        return fail(err, n, "%s '%s' has an invalid ELF class %d", what, path, id[EI_CLASS]);
    if (id[EI_DATA] != ELFDATA2LSB)
        return fail(err, n, "%s '%s' is big-endian; xtrace runs little-endian guests only", what, path);
    unsigned phentsize;
    if (im->cls == ELFCLASS64) {
        Elf64_Ehdr eh;
        if (im->fsize < sizeof eh || pread_full(im->fd, &eh, sizeof eh, 0) < 0)
            return fail(err, n, "%s '%s' is truncated (ELF header incomplete)", what, path);
        im->type = eh.e_type; im->machine = eh.e_machine; im->flags = eh.e_flags;
        im->entry = eh.e_entry; im->phoff = eh.e_phoff; im->phnum = eh.e_phnum; phentsize = eh.e_phentsize;
        if (phentsize != sizeof(Elf64_Phdr) && im->phnum)
            return fail(err, n, "%s '%s' is corrupt: e_phentsize %u", what, path, phentsize);
    } else {
        Elf32_Ehdr eh;
        if (im->fsize < sizeof eh || pread_full(im->fd, &eh, sizeof eh, 0) < 0)
            return fail(err, n, "%s '%s' is truncated (ELF header incomplete)", what, path);
        im->type = eh.e_type; im->machine = eh.e_machine; im->flags = eh.e_flags;
        im->entry = eh.e_entry; im->phoff = eh.e_phoff; im->phnum = eh.e_phnum; phentsize = eh.e_phentsize;
        if (phentsize != sizeof(Elf32_Phdr) && im->phnum)
            return fail(err, n, "%s '%s' is corrupt: e_phentsize %u", what, path, phentsize);
    }
    return 0;
}

/* Reads and validates program headers (after the machine check). */
static int image_phdrs(struct image *im, const char *path, char *err, size_t n)
{
    if (im->type != ET_EXEC && im->type != ET_DYN)
        return fail(err, n, "'%s' is not an executable (ELF type %u; relocatable objects and core files cannot run)", path, im->type);
    if (im->phnum == 0 || im->phnum > MAX_PHDRS)
        return fail(err, n, "'%s' is corrupt: %u program headers", path, im->phnum);
    size_t esz = im->cls == ELFCLASS64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
    if (im->phoff > im->fsize || im->phnum * esz > im->fsize - im->phoff)
        return fail(err, n, "'%s' is truncated or corrupt: program headers lie past the end of the file", path);
    for (unsigned i = 0; i < im->phnum; i++) {
        if (im->cls == ELFCLASS64) {
            if (pread_full(im->fd, &im->ph[i], sizeof im->ph[i], im->phoff + i * esz) < 0)
                return fail(err, n, "'%s': cannot read program headers", path);
        } else {
            Elf32_Phdr p;
            if (pread_full(im->fd, &p, sizeof p, im->phoff + i * esz) < 0)
                return fail(err, n, "'%s': cannot read program headers", path);
            im->ph[i] = (Elf64_Phdr){p.p_type, p.p_flags, p.p_offset, p.p_vaddr, p.p_paddr, p.p_filesz, p.p_memsz, p.p_align};
        }
        Elf64_Phdr *ph = &im->ph[i];
        if (ph->p_type != PT_LOAD && ph->p_type != PT_INTERP)
            continue;
        if (ph->p_filesz > ph->p_memsz && ph->p_type == PT_LOAD)
            return fail(err, n, "'%s' is corrupt: segment %u has p_filesz > p_memsz", path, i);
        if (ph->p_offset > im->fsize || ph->p_filesz > im->fsize - ph->p_offset)
            return fail(err, n, "'%s' is truncated: segment %u lies past the end of the file", path, i);
        if (ph->p_type == PT_LOAD && ((ph->p_vaddr - ph->p_offset) & (MEM_PAGE - 1)))
            return fail(err, n, "'%s' is corrupt: segment %u is misaligned (p_vaddr %% page != p_offset %% page)", path, i);
        if (ph->p_vaddr + ph->p_memsz < ph->p_vaddr)
            return fail(err, n, "'%s' is corrupt: segment %u wraps around the address space", path, i);
    }
    return 0;
}

static void image_close(struct image *im)
{
    if (im->fd >= 0)
        close(im->fd);
    im->fd = -1;
}

int loader_probe(const char *path, struct elf_probe *pr)
{
    struct image im;
    pr->isa = NULL;
    if (image_open(&im, path, "program", pr->err, sizeof pr->err) < 0) {
        image_close(&im);
        return -1;
    }
    image_close(&im);
    for (int i = 0; emu_isas[i]; i++) {
        const struct emu_isa *isa = emu_isas[i];
        if (isa->elf_machine != im.machine || isa->elf_class != im.cls)
            continue;
        const char *why = isa->check_elf(im.flags);
        if (why) {
            snprintf(pr->err, sizeof pr->err, "'%s' is a %s program xtrace cannot run: %s", path, isa->name, why);
            return -1;
        }
        pr->isa = isa;
        return 0;
    }
    char list[128];
    supported_list(list, sizeof list);
    const char *mn = machine_name(im.machine);
    snprintf(pr->err, sizeof pr->err, "'%s' is a %d-bit ELF for %s%s(e_machine %u); xtrace runs: %s", path,
             im.cls == ELFCLASS64 ? 64 : 32, mn ? mn : "an unknown machine ", mn ? " " : "", im.machine, list);
    return -1;
}

/* Maps every PT_LOAD of im at bias; returns 0 or -1. *hi receives the end of the highest segment. */
static int map_segments(struct emu_proc *p, struct image *im, uint64_t bias, const char *path,
                        uint64_t *hi, char *err, size_t n)
{
    struct mem *m = p->mem;
    *hi = 0;
    for (unsigned i = 0; i < im->phnum; i++) {
        Elf64_Phdr *ph = &im->ph[i];
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
            continue;
        int prot = (ph->p_flags & PF_R ? MEM_R : 0) | (ph->p_flags & PF_W ? MEM_W : 0) | (ph->p_flags & PF_X ? MEM_X : 0);
        uint64_t va = bias + ph->p_vaddr;
        uint64_t start = PAGE_DOWN(va), fend = va + ph->p_filesz, mend = PAGE_UP(va + ph->p_memsz);
        if (va < bias || !mem_in_range(m, start, mend - start) || mend < start)
            return fail(err, n, "'%s': segment %u at 0x%llx does not fit the guest address space", path, i, (unsigned long long)va);
        uint64_t off = PAGE_DOWN(ph->p_offset);
        int r;
        if (ph->p_filesz) {
            r = mem_map(m, start, PAGE_UP(fend) - start, prot | MEM_W, 0, im->fd, off, path);
            if (r < 0)
                return fail(err, n, "'%s': cannot map segment %u: %s", path, i, strerror(-r));
            /* Zero the tail of the last file page (bss start). */
            if (PAGE_UP(fend) > fend)
                memset(mem_host(m, fend), 0, PAGE_UP(fend) - fend);
        }
        uint64_t anon = PAGE_UP(fend);
        if (!ph->p_filesz)
            anon = start;
        if (mend > anon) {
            r = mem_map(m, anon, mend - anon, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, NULL);
            if (r < 0)
                return fail(err, n, "'%s': cannot map bss of segment %u: %s", path, i, strerror(-r));
        }
        if (ph->p_filesz && !(prot & MEM_W))
            mem_protect(m, start, PAGE_UP(fend) - start, prot);
        if (va + ph->p_memsz > *hi)
            *hi = va + ph->p_memsz;
    }
    return 0;
}

/* Extent of the PT_LOAD segments; returns -1 when there are none. */
static int image_extent(const struct image *im, uint64_t *lo, uint64_t *hi)
{
    *lo = UINT64_MAX;
    *hi = 0;
    for (unsigned i = 0; i < im->phnum; i++) {
        const Elf64_Phdr *ph = &im->ph[i];
        if (ph->p_type != PT_LOAD)
            continue;
        if (ph->p_vaddr < *lo)
            *lo = ph->p_vaddr;
        if (ph->p_vaddr + ph->p_memsz > *hi)
            *hi = ph->p_vaddr + ph->p_memsz;
    }
    return *lo == UINT64_MAX ? -1 : 0;
}

/* Picks a load bias for a position-independent image of the given extent. */
static uint64_t place(struct mem *m, uint64_t lo, uint64_t hi, uint64_t want)
{
    uint64_t len = PAGE_UP(hi) - PAGE_DOWN(lo);
    uint64_t at = mem_find_free(m, len, want);
    return at ? at - PAGE_DOWN(lo) : 0;
}

/* Stack writer: pushes bytes downward from sp. */
struct stk {
    struct mem *m;
    uint64_t sp;
    int wsize;                   /* guest word size */
};

static uint64_t push_bytes(struct stk *s, const void *data, size_t n)
{
    s->sp -= n;
    memcpy(mem_host(s->m, s->sp), data, n);
    return s->sp;
}

static void put_word(struct stk *s, uint64_t at, uint64_t v)
{
    if (s->wsize == 8)
        st64(mem_host(s->m, at), v);
    else
        st32(mem_host(s->m, at), (uint32_t)v);
}

int loader_load(struct emu_proc *p, const char *path, char *const argv[], char *const envp[],
                const char *execfn, uint64_t *sp_out, char *err, size_t n)
{
    const struct emu_isa *isa = p->isa;
    struct mem *m = p->mem;
    struct image im, in;
    in.fd = -1;
    int ret = -1;
    if (image_open(&im, path, "program", err, n) < 0 || image_phdrs(&im, path, err, n) < 0)
        goto out;
    uint64_t lo, hi;
    if (image_extent(&im, &lo, &hi) < 0) {
        fail(err, n, "'%s' has no loadable segments", path);
        goto out;
    }
    uint64_t bias = 0;
    if (im.type == ET_DYN) {
        bias = place(m, lo, hi, PAGE_DOWN(m->limit / 3 * 2 - (PAGE_UP(hi) - PAGE_DOWN(lo))));
        if (!bias && lo == 0) {
            fail(err, n, "'%s': no room for a %llu-byte image", path, (unsigned long long)(hi - lo));
            goto out;
        }
    }
    uint64_t end;
    if (map_segments(p, &im, bias, path, &end, err, n) < 0)
        goto out;
    p->load_bias = bias;
    p->entry = im.entry + bias;
    p->brk_start = p->brk_cur = PAGE_UP(end);
    symtab_add(p->syms, im.fd, bias, path);

    /* Program headers' guest address for AT_PHDR. */
    uint64_t phdr = 0;
    for (unsigned i = 0; i < im.phnum; i++)
        if (im.ph[i].p_type == PT_PHDR)
            phdr = im.ph[i].p_vaddr + bias;
    if (!phdr)
        for (unsigned i = 0; i < im.phnum; i++)
            if (im.ph[i].p_type == PT_LOAD && im.phoff >= im.ph[i].p_offset &&
                im.phoff < im.ph[i].p_offset + im.ph[i].p_filesz)
                phdr = im.ph[i].p_vaddr + (im.phoff - im.ph[i].p_offset) + bias;

    /* Interpreter. */
    uint64_t entry = p->entry;
    p->interp_base = 0;
    for (unsigned i = 0; i < im.phnum; i++) {
        if (im.ph[i].p_type != PT_INTERP)
            continue;
        char ipath[PATH_MAX], full[PATH_MAX * 2];
        uint64_t len = im.ph[i].p_filesz;
        if (len < 2 || len >= sizeof ipath || pread_full(im.fd, ipath, len, im.ph[i].p_offset) < 0 || ipath[len - 1] != 0 ||
            strlen(ipath) != len - 1) {
            fail(err, n, "'%s' is corrupt: bad PT_INTERP string", path);
            goto out;
        }
        snprintf(full, sizeof full, "%s%s", p->sysroot && ipath[0] == '/' ? p->sysroot : "", ipath);
        if (access(full, F_OK) < 0) {
            if (p->sysroot)
                fail(err, n, "interpreter '%s' of '%s' not found under sysroot %s (tried %s); check -L", ipath, path, p->sysroot, full);
            else
                fail(err, n, "interpreter '%s' of '%s' not found; give the guest's sysroot with -L (e.g. -L /usr/%s-linux-gnu)", ipath, path, isa->name);
            goto out;
        }
        struct elf_probe pr;
        if (loader_probe(full, &pr) < 0) {
            fail(err, n, "interpreter: %s", pr.err);
            goto out;
        }
        if (pr.isa != isa) {
            fail(err, n, "interpreter '%s' is for %s, the program for %s", full, pr.isa->name, isa->name);
            goto out;
        }
        if (image_open(&in, full, "interpreter", err, n) < 0 || image_phdrs(&in, full, err, n) < 0)
            goto out;
        uint64_t ilo, ihi, iend, ibias = 0;
        if (image_extent(&in, &ilo, &ihi) < 0) {
            fail(err, n, "interpreter '%s' has no loadable segments", full);
            goto out;
        }
        if (in.type == ET_DYN)
            ibias = place(m, ilo, ihi, 0);
        if (map_segments(p, &in, ibias, full, &iend, err, n) < 0)
            goto out;
        p->interp_base = ibias + ilo;
        entry = in.entry + ibias;
        symtab_add(p->syms, in.fd, ibias, full);
        break;
    }

    /* Stack: strings, random bytes, then the vectors, 16-byte aligned. */
    uint64_t top = PAGE_DOWN(m->limit - MEM_PAGE);
    if (isa->elf_class == ELFCLASS32 && top > 0xffff0000u)
        top = 0xffff0000u; /* 32-bit: the top 64 KiB hold arm's vectors page (arm64's compat STACK_TOP_32) */
    int r = mem_map(m, top - STACK_SIZE, STACK_SIZE, MEM_R | MEM_W, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, "[stack]");
    if (r < 0) {
        fail(err, n, "cannot map the guest stack: %s", strerror(-r));
        goto out;
    }
    struct stk s = {m, top, isa->elf_class == ELFCLASS64 ? 8 : 4};
    int argc = 0, envc = 0;
    while (argv[argc])
        argc++;
    while (envp[envc])
        envc++;
    uint64_t *aptr = calloc((size_t)argc + 1, 8), *eptr = calloc((size_t)envc + 1, 8);
    if (!aptr || !eptr)
        abort();
    uint64_t fnaddr = push_bytes(&s, execfn, strlen(execfn) + 1);
    p->env_end = s.sp;
    for (int i = envc - 1; i >= 0; i--)
        eptr[i] = push_bytes(&s, envp[i], strlen(envp[i]) + 1);
    p->env_start = p->arg_end = s.sp;
    for (int i = argc - 1; i >= 0; i--)
        aptr[i] = push_bytes(&s, argv[i], strlen(argv[i]) + 1);
    p->arg_start = s.sp;
    uint64_t plat = isa->platform ? push_bytes(&s, isa->platform, strlen(isa->platform) + 1) : 0;
    unsigned char rnd[16];
    if (getentropy(rnd, sizeof rnd) < 0)
        memset(rnd, 0x5a, sizeof rnd);
    s.sp &= ~15ull;
    uint64_t rndaddr = push_bytes(&s, rnd, sizeof rnd);
    uint64_t aux[][2] = {
        {AT_PHDR, phdr}, {AT_PHENT, im.cls == ELFCLASS64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr)},
        {AT_PHNUM, im.phnum}, {AT_PAGESZ, MEM_PAGE}, {AT_BASE, p->interp_base}, {AT_FLAGS, 0},
        {AT_ENTRY, p->entry}, {AT_UID, getuid()}, {AT_EUID, geteuid()}, {AT_GID, getgid()},
        {AT_EGID, getegid()}, {AT_SECURE, 0}, {AT_RANDOM, rndaddr}, {AT_HWCAP, isa->hwcap},
        {AT_CLKTCK, (uint64_t)sysconf(_SC_CLK_TCK)}, {AT_EXECFN, fnaddr}, {AT_PLATFORM, plat}, {AT_NULL, 0},
    };
    size_t naux = sizeof aux / sizeof aux[0];
    if (!plat) { /* drop AT_PLATFORM */
        aux[naux - 2][0] = AT_NULL;
        naux--;
    }
    size_t words = 1 + (size_t)argc + 1 + (size_t)envc + 1 + naux * 2;
    s.sp = (s.sp - words * (size_t)s.wsize) & ~15ull;
    uint64_t at = s.sp;
    put_word(&s, at, (uint64_t)argc), at += s.wsize;
    for (int i = 0; i < argc; i++)
        put_word(&s, at, aptr[i]), at += s.wsize;
    put_word(&s, at, 0), at += s.wsize;
    for (int i = 0; i < envc; i++)
        put_word(&s, at, eptr[i]), at += s.wsize;
    put_word(&s, at, 0), at += s.wsize;
    p->auxv_addr = at;
    for (size_t i = 0; i < naux; i++) {
        put_word(&s, at, aux[i][0]), at += s.wsize;
        put_word(&s, at, aux[i][1]), at += s.wsize;
    }
    p->auxv_len = at - p->auxv_addr;
    free(aptr);
    free(eptr);
    *sp_out = s.sp;
    p->start_pc = entry;
    ret = 0;
out:
    image_close(&im);
    image_close(&in);
    return ret;
}
