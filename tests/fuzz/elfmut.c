/* elfmut: writes a seeded, mutated copy of a riscv64 ELF executable (corrupt headers, phdrs, PT_INTERP, truncation) for loader fuzzing. */
/*
 * usage: elfmut INPUT.elf SEED OUTPUT.elf
 * Prints a one-line description of the applied mutations to stdout. Seeds are deterministic:
 * the same INPUT and SEED always give the same OUTPUT. The program headers are located from the
 * unmodified input, so later mutations still aim at the right bytes after earlier ones.
 */
#include <elf.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t state;
static uint64_t rnd(void) /* splitmix64 */
{
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static uint64_t below(uint64_t n) { return n ? rnd() % n : 0; }

static unsigned char *buf;
static size_t len;
static char desc[1024];
static Elf64_Ehdr orig; /* header of the unmodified input */

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note(const char *fmt, ...)
{
    size_t used = strlen(desc);
    if (used && used < sizeof desc - 2) {
        desc[used++] = ';';
        desc[used++] = ' ';
        desc[used] = 0;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(desc + used, sizeof desc - used, fmt, ap);
    va_end(ap);
}

static void put(uint64_t off, const void *src, size_t n)
{
    if (off <= len && n <= len - off)
        memcpy(buf + off, src, n);
}
static void put64(uint64_t off, uint64_t v) { put(off, &v, 8); }
static void put32(uint64_t off, uint32_t v) { put(off, &v, 4); }
static void put16(uint64_t off, uint16_t v) { put(off, &v, 2); }

static int have_phdrs(void)
{
    return orig.e_phentsize == sizeof(Elf64_Phdr) && orig.e_phnum > 0 &&
           orig.e_phoff + (uint64_t)orig.e_phnum * sizeof(Elf64_Phdr) <= len;
}
static uint64_t ph_off(unsigned i) { return orig.e_phoff + (uint64_t)i * sizeof(Elf64_Phdr); }
static Elf64_Phdr ph_get(unsigned i)
{
    Elf64_Phdr p;
    memcpy(&p, buf + ph_off(i), sizeof p);
    return p;
}
static int find_ph(uint32_t type, int nth) /* index of the nth phdr of a type, or -1 */
{
    if (!have_phdrs())
        return -1;
    for (unsigned i = 0; i < orig.e_phnum; i++) {
        Elf64_Phdr p;
        memcpy(&p, buf + ph_off(i), sizeof p);
        if (p.p_type == type && nth-- == 0)
            return (int)i;
    }
    return -1;
}

static uint64_t extreme64(void)
{
    const uint64_t v[] = {0, 1, 7, 0xfff, 0x1000, len - 1, len, len + 1, len + 0x1000, 0x7fffffffffffffffull,
                          0x8000000000000000ull, 0xffffffffffffffffull, 0xfffffffffffff000ull, 0xffffffffull,
                          0x100000000ull, 1ull << 47, (1ull << 47) - 0x1000, 1ull << 56, 0xffffffff80000000ull,
                          0x10000, 0x10001, 0x400000};
    if (below(6) == 0)
        return rnd();
    return v[below(sizeof v / sizeof v[0])];
}

/* ---------------------------------------------------------------- mutations */

static void flip_bytes(uint64_t start, uint64_t n, int count, const char *what)
{
    if (n == 0 || start >= len)
        return;
    if (start + n > len)
        n = len - start;
    for (int i = 0; i < count; i++) {
        uint64_t o = start + below(n);
        unsigned char x = (unsigned char)(1 + below(255));
        buf[o] ^= x;
        note("%s: byte 0x%" PRIx64 " ^= 0x%02x", what, o, x);
    }
}

static void m_truncate(void)
{
    uint64_t hdr_end = have_phdrs() ? ph_off(orig.e_phnum) : sizeof(Elf64_Ehdr);
    uint64_t n = below(2) ? below(hdr_end + 16) : below(len);
    if (n > len)
        n = len;
    len = n;
    note("truncate to %" PRIu64 " bytes", n);
}

static void m_phoff(void)
{
    uint64_t v = extreme64();
    if (below(4) == 0)
        v = orig.e_phoff + 1 + below(8); /* slightly misaligned */
    put64(offsetof(Elf64_Ehdr, e_phoff), v);
    note("e_phoff = 0x%" PRIx64, v);
}

static void m_phnum(void)
{
    const uint16_t v[] = {0, 1, (uint16_t)(orig.e_phnum + 1), (uint16_t)(orig.e_phnum + 7), 0xffff, 0x7fff, 100, PN_XNUM};
    uint16_t x = v[below(sizeof v / sizeof v[0])];
    put16(offsetof(Elf64_Ehdr, e_phnum), x);
    note("e_phnum = %u", x);
}

static void m_phentsize(void)
{
    const uint16_t v[] = {0, 1, 32, 55, 57, 64, 0xffff, 112};
    uint16_t x = v[below(sizeof v / sizeof v[0])];
    put16(offsetof(Elf64_Ehdr, e_phentsize), x);
    note("e_phentsize = %u", x);
}

static void m_ident(void)
{
    switch (below(6)) {
    case 0: {
        const unsigned char v[] = {ELFCLASSNONE, ELFCLASS32, 3, 0xff};
        buf[EI_CLASS] = v[below(4)];
        note("EI_CLASS = %u", buf[EI_CLASS]);
        break;
    }
    case 1: {
        const unsigned char v[] = {ELFDATANONE, ELFDATA2MSB, 3};
        buf[EI_DATA] = v[below(3)];
        note("EI_DATA = %u", buf[EI_DATA]);
        break;
    }
    case 2:
        buf[EI_VERSION] = below(2) ? 0 : 2;
        note("EI_VERSION = %u", buf[EI_VERSION]);
        break;
    case 3: {
        unsigned i = (unsigned)below(4);
        buf[i] ^= (unsigned char)(1 + below(255));
        note("magic byte %u = 0x%02x", i, buf[i]);
        break;
    }
    case 4:
        buf[EI_OSABI] = (unsigned char)below(256);
        buf[EI_ABIVERSION] = (unsigned char)below(256);
        note("EI_OSABI/ABIVERSION = %u/%u", buf[EI_OSABI], buf[EI_ABIVERSION]);
        break;
    default:
        for (unsigned i = EI_PAD; i < EI_NIDENT; i++)
            buf[i] = (unsigned char)rnd();
        note("EI_PAD garbage");
        break;
    }
}

static void m_machine_type(void)
{
    switch (below(5)) {
    case 0: {
        const uint16_t v[] = {EM_NONE, EM_386, EM_X86_64, EM_AARCH64, 0xffff, EM_RISCV + 1};
        uint16_t x = v[below(sizeof v / sizeof v[0])];
        put16(offsetof(Elf64_Ehdr, e_machine), x);
        note("e_machine = %u", x);
        break;
    }
    case 1: {
        const uint16_t v[] = {ET_NONE, ET_REL, ET_DYN, ET_CORE, 0xffff, 0xfe00};
        uint16_t x = v[below(sizeof v / sizeof v[0])];
        put16(offsetof(Elf64_Ehdr, e_type), x);
        note("e_type = 0x%x", x);
        break;
    }
    case 2: {
        uint32_t x = below(2) ? 0 : (uint32_t)rnd();
        put32(offsetof(Elf64_Ehdr, e_version), x);
        note("e_version = 0x%x", x);
        break;
    }
    case 3: {
        uint32_t x = (uint32_t)below(2) ? (uint32_t)below(16) : (uint32_t)rnd();
        put32(offsetof(Elf64_Ehdr, e_flags), x);
        note("e_flags = 0x%x", x);
        break;
    }
    default: {
        uint16_t x = (uint16_t)(below(2) ? below(128) : rnd());
        put16(offsetof(Elf64_Ehdr, e_ehsize), x);
        note("e_ehsize = %u", x);
        break;
    }
    }
}

static void m_entry(void)
{
    uint64_t v;
    int load = find_ph(PT_LOAD, (int)below(2));
    if (load >= 0 && below(2)) {
        Elf64_Phdr p = ph_get((unsigned)load);
        const uint64_t cand[] = {p.p_vaddr + p.p_memsz, p.p_vaddr + p.p_memsz + 0x1000, p.p_vaddr - 2,
                                 orig.e_entry + 1, orig.e_entry + 2, p.p_vaddr};
        v = cand[below(sizeof cand / sizeof cand[0])];
    } else {
        v = extreme64();
    }
    put64(offsetof(Elf64_Ehdr, e_entry), v);
    note("e_entry = 0x%" PRIx64, v);
}

static void m_phdr_field(void)
{
    if (!have_phdrs()) {
        m_phoff();
        return;
    }
    int i = find_ph(PT_LOAD, (int)below(2));
    if (i < 0 || below(3) == 0)
        i = (int)below(orig.e_phnum);
    uint64_t base = ph_off((unsigned)i);
    switch (below(8)) {
    case 0: {
        const uint32_t v[] = {PT_NULL, PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE, PT_SHLIB, PT_PHDR, PT_TLS,
                              PT_GNU_EH_FRAME, PT_GNU_STACK, PT_GNU_RELRO, 0x70000003 /* RISCV_ATTRIBUTES */, 0xffffffff};
        uint32_t x = v[below(sizeof v / sizeof v[0])];
        put32(base + offsetof(Elf64_Phdr, p_type), x);
        note("phdr[%d].p_type = 0x%x", i, x);
        break;
    }
    case 1: {
        uint32_t x = below(3) ? (uint32_t)below(8) : (uint32_t)rnd();
        put32(base + offsetof(Elf64_Phdr, p_flags), x);
        note("phdr[%d].p_flags = 0x%x", i, x);
        break;
    }
    case 2: {
        uint64_t x = extreme64();
        put64(base + offsetof(Elf64_Phdr, p_offset), x);
        note("phdr[%d].p_offset = 0x%" PRIx64, i, x);
        break;
    }
    case 3: {
        uint64_t x = extreme64();
        put64(base + offsetof(Elf64_Phdr, p_vaddr), x);
        if (below(2))
            put64(base + offsetof(Elf64_Phdr, p_paddr), x);
        note("phdr[%d].p_vaddr = 0x%" PRIx64, i, x);
        break;
    }
    case 4: {
        uint64_t x = extreme64();
        put64(base + offsetof(Elf64_Phdr, p_filesz), x);
        note("phdr[%d].p_filesz = 0x%" PRIx64, i, x);
        break;
    }
    case 5: {
        uint64_t x = extreme64();
        put64(base + offsetof(Elf64_Phdr, p_memsz), x);
        note("phdr[%d].p_memsz = 0x%" PRIx64, i, x);
        break;
    }
    case 6: {
        const uint64_t v[] = {0, 1, 2, 3, 0x1001, 0x800, 1ull << 63, 0xffffffffffffffffull, 1ull << 40, 0x10000};
        uint64_t x = v[below(sizeof v / sizeof v[0])];
        put64(base + offsetof(Elf64_Phdr, p_align), x);
        note("phdr[%d].p_align = 0x%" PRIx64, i, x);
        break;
    }
    default: {
        uint64_t x = extreme64();
        put64(base + offsetof(Elf64_Phdr, p_paddr), x);
        note("phdr[%d].p_paddr = 0x%" PRIx64, i, x);
        break;
    }
    }
}

/* structurally nasty PT_LOAD combinations */
static void m_load_combo(void)
{
    int a = find_ph(PT_LOAD, 0), b = find_ph(PT_LOAD, 1);
    if (a < 0) {
        m_phdr_field();
        return;
    }
    uint64_t pa = ph_off((unsigned)a);
    Elf64_Phdr p = ph_get((unsigned)a);
    switch (below(8)) {
    case 0: /* filesz > memsz */
        put64(pa + offsetof(Elf64_Phdr, p_memsz), p.p_filesz / 2);
        note("load[%d] memsz < filesz", a);
        break;
    case 1: /* vaddr + memsz wraps around */
        put64(pa + offsetof(Elf64_Phdr, p_vaddr), 0xfffffffffffff000ull);
        put64(pa + offsetof(Elf64_Phdr, p_memsz), 0x3000);
        note("load[%d] vaddr+memsz wraps", a);
        break;
    case 2: /* offset and vaddr not congruent modulo the page size */
        put64(pa + offsetof(Elf64_Phdr, p_offset), p.p_offset + 0x10);
        note("load[%d] offset %% align != vaddr %% align", a);
        break;
    case 3: /* map at address 0 */
        put64(pa + offsetof(Elf64_Phdr, p_vaddr), 0);
        note("load[%d] vaddr 0", a);
        break;
    case 4: /* overlapping segments */
        if (b >= 0) {
            put64(ph_off((unsigned)b) + offsetof(Elf64_Phdr, p_vaddr), p.p_vaddr + below(2) * 0x800);
            note("load[%d] overlaps load[%d]", b, a);
        } else {
            note("no second PT_LOAD");
        }
        break;
    case 5: /* huge bss */
        put64(pa + offsetof(Elf64_Phdr, p_memsz), below(2) ? (1ull << 40) : 0x7ffffffff000ull);
        note("load[%d] huge memsz", a);
        break;
    case 6: /* segment in the kernel half / beyond 47 bits */
        put64(pa + offsetof(Elf64_Phdr, p_vaddr), below(2) ? 0xffffffff80000000ull : (1ull << 47) - 0x1000);
        note("load[%d] vaddr at the top of the address space", a);
        break;
    default: /* file range beyond EOF */
        put64(pa + offsetof(Elf64_Phdr, p_filesz), len + 0x10000);
        put64(pa + offsetof(Elf64_Phdr, p_memsz), len + 0x10000);
        note("load[%d] file range past EOF", a);
        break;
    }
}

static void m_interp(void)
{
    int i = find_ph(PT_INTERP, 0);
    if (i < 0) {
        /* static input: turn some other program header into a PT_INTERP */
        if (!have_phdrs()) {
            m_phoff();
            return;
        }
        i = find_ph(PT_GNU_STACK, 0);
        if (i < 0)
            i = (int)orig.e_phnum - 1;
        uint64_t base = ph_off((unsigned)i);
        uint64_t off = below(2) ? below(len) : extreme64();
        uint64_t sz = below(2) ? 1 + below(64) : extreme64();
        put32(base + offsetof(Elf64_Phdr, p_type), PT_INTERP);
        put64(base + offsetof(Elf64_Phdr, p_offset), off);
        put64(base + offsetof(Elf64_Phdr, p_filesz), sz);
        note("phdr[%d] -> PT_INTERP offset 0x%" PRIx64 " size 0x%" PRIx64, i, off, sz);
        return;
    }
    uint64_t base = ph_off((unsigned)i);
    Elf64_Phdr p = ph_get((unsigned)i);
    switch (below(8)) {
    case 0: {
        uint64_t x = extreme64();
        put64(base + offsetof(Elf64_Phdr, p_offset), x);
        note("PT_INTERP offset 0x%" PRIx64, x);
        break;
    }
    case 1: {
        const uint64_t v[] = {0, 1, 2, 4096, 4097, 0x7fffffffffffffffull, 0xffffffffffffffffull, 1u << 20};
        uint64_t x = v[below(sizeof v / sizeof v[0])];
        put64(base + offsetof(Elf64_Phdr, p_filesz), x);
        note("PT_INTERP filesz 0x%" PRIx64, x);
        break;
    }
    case 2: /* unterminated string */
        if (p.p_filesz > 0 && p.p_offset + p.p_filesz <= len) {
            buf[p.p_offset + p.p_filesz - 1] = 'A';
            note("PT_INTERP unterminated");
        }
        break;
    case 3: /* string runs to the end of the file */
        put64(base + offsetof(Elf64_Phdr, p_offset), len - 3);
        put64(base + offsetof(Elf64_Phdr, p_filesz), 3 + below(2) * 100);
        note("PT_INTERP at EOF");
        break;
    case 4: /* random garbage path */
        if (p.p_filesz > 1 && p.p_offset + p.p_filesz <= len) {
            for (uint64_t k = 0; k + 1 < p.p_filesz; k++)
                buf[p.p_offset + k] = (unsigned char)(1 + below(255));
            buf[p.p_offset + p.p_filesz - 1] = 0;
            note("PT_INTERP garbage bytes");
        }
        break;
    default: { /* a real path that is not a usable interpreter */
        const char *paths[] = {"/nonexistent/ld.so", "/", "/etc/passwd", "/dev/zero", "/proc/self/exe",
                               "relative/ld.so", ""};
        const char *s = paths[below(sizeof paths / sizeof paths[0])];
        size_t n = strlen(s) + 1;
        if (p.p_filesz >= n && p.p_offset + n <= len) {
            memcpy(buf + p.p_offset, s, n);
            put64(base + offsetof(Elf64_Phdr, p_filesz), below(2) ? n : p.p_filesz);
            note("PT_INTERP = \"%s\"", s);
        }
        break;
    }
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s INPUT.elf SEED OUTPUT.elf\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (n < (long)sizeof(Elf64_Ehdr) || !(buf = malloc((size_t)n)) || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "%s: not a usable ELF input\n", argv[1]);
        return 1;
    }
    fclose(f);
    len = (size_t)n;
    memcpy(&orig, buf, sizeof orig);
    if (memcmp(orig.e_ident, ELFMAG, SELFMAG) != 0 || orig.e_ident[EI_CLASS] != ELFCLASS64) {
        fprintf(stderr, "%s: not an ELF64 file\n", argv[1]);
        return 1;
    }

    uint64_t seed = strtoull(argv[2], NULL, 0);
    state = seed * 0x9e3779b97f4a7c15ull ^ 0x5eed;
    int count = 1 + (int)below(3);
    for (int k = 0; k < count; k++) {
        switch (below(13)) {
        case 0: flip_bytes(0, sizeof(Elf64_Ehdr), 1 + (int)below(4), "ehdr"); break;
        case 1:
        case 2:
            if (have_phdrs())
                flip_bytes(orig.e_phoff, (uint64_t)orig.e_phnum * sizeof(Elf64_Phdr), 1 + (int)below(6), "phdr");
            break;
        case 3: m_truncate(); break;
        case 4: m_phoff(); break;
        case 5: below(2) ? m_phnum() : m_phentsize(); break;
        case 6:
        case 7: m_phdr_field(); break;
        case 8: m_load_combo(); break;
        case 9: m_ident(); break;
        case 10: m_machine_type(); break;
        case 11: m_entry(); break;
        default: m_interp(); break;
        }
    }
    if (!desc[0])
        note("no effective change");

    FILE *o = fopen(argv[3], "wb");
    if (!o || fwrite(buf, 1, len, o) != len || fclose(o) != 0) {
        perror(argv[3]);
        return 1;
    }
    chmod(argv[3], 0755);
    printf("%s\n", desc);
    return 0;
}
