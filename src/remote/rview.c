/* The process view of a remote board for the front ends: ISA table from the target description, disassembler, symbols. */
#ifdef XTRACE_HAVE_CAPSTONE
#include <capstone/capstone.h>
#endif
#include <elf.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isa/riscv64/disasm.h"
#include "remote.h"
#include "rview.h"
#include "symtab.h"

enum { K_NONE, K_ARM, K_A64, K_RV, K_MIPS, K_X86 };

/* Reads up to n instruction bytes at pc (fewer at the end of readable memory); returns how many. */
static size_t code_bytes(struct rview *v, uint64_t pc, uint8_t *b, size_t n)
{
    for (size_t k = n; k >= 2; k /= 2)
        if (remote_read_mem(v->r, pc, b, k) == 0)
            return k;
    return 0;
}

static int thumb_mode(struct rview *v)
{
    struct remote *r = v->r;
    if (r->r_cpsr < 0)
        return 0;
    if (!strcmp(r->td.regs[r->r_cpsr].name, "xpsr"))
        return 1; /* M profile: Thumb only */
    uint64_t cpsr = 0;
    return remote_read_reg(r, 0, r->r_cpsr, &cpsr) > 0 && (cpsr >> 5 & 1);
}

static int disasm(struct emu_proc *p, uint64_t pc, char *out, size_t outsz)
{
    struct rview *v = (struct rview *)p; /* p is the first member of the view */
    uint8_t b[16];
    if (v->kind == K_RV) {
        size_t n = code_bytes(v, pc, b, 4);
        if (n < 2)
            return 0;
        uint32_t w = (uint32_t)b[0] | (uint32_t)b[1] << 8;
        if ((w & 3) == 3) {
            if (n < 4)
                return 0;
            w |= (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
        }
        return rv_disasm(pc, w, out, outsz);
    }
    if (!v->ncs) {
        size_t n = code_bytes(v, pc, b, 4);
        if (n < 4)
            return 0;
        snprintf(out, outsz, ".word 0x%02x%02x%02x%02x", b[3], b[2], b[1], b[0]);
        return 4;
    }
#ifdef XTRACE_HAVE_CAPSTONE
    int thumb = v->kind == K_ARM && v->ncs > 1 && thumb_mode(v);
    size_t n = code_bytes(v, pc, b, v->kind == K_X86 ? 16 : 4);
    if (n < 2 || (!thumb && v->kind != K_X86 && n < 4))
        return 0;
    csh h = (csh)v->cs[thumb];
    cs_insn *insn = NULL;
    size_t got = cs_disasm(h, b, n, pc, 1, &insn);
    if (!got) {
        int len = thumb ? 2 : 4;
        if (thumb)
            snprintf(out, outsz, ".short 0x%02x%02x", b[1], b[0]);
        else
            snprintf(out, outsz, ".word 0x%02x%02x%02x%02x", b[3], b[2], b[1], b[0]);
        return len;
    }
    if (insn[0].op_str[0])
        snprintf(out, outsz, "%s %s", insn[0].mnemonic, insn[0].op_str);
    else
        snprintf(out, outsz, "%s", insn[0].mnemonic);
    int len = insn[0].size;
    cs_free(insn, got);
    return len;
#else
    (void)thumb_mode;
    return 0;
#endif
}

/* The ISA name the front ends know, from <architecture> and the width of pc. */
static void isa_name(struct rview *v, const char *arch, unsigned pcbits)
{
    static const struct { const char *prefix; const char *name; int kind; } map[] = {
        {"aarch64", "aarch64", K_A64}, {"arm", "arm", K_ARM}, {"riscv:rv64", "riscv64", K_RV},
        {"riscv:rv32", "riscv32", K_RV}, {"riscv", "riscv64", K_RV}, {"mips:isa64", "mips64", K_MIPS},
        {"mips", "mips", K_MIPS}, {"i386:x86-64", "x86_64", K_X86}, {"i386", "i386", K_X86},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(arch, map[i].prefix, strlen(map[i].prefix))) {
            snprintf(v->name, sizeof v->name, "%s", map[i].name);
            v->kind = map[i].kind;
            if (v->kind == K_MIPS && pcbits == 64)
                snprintf(v->name, sizeof v->name, "mips64");
            return;
        }
    snprintf(v->name, sizeof v->name, "%.31s", *arch ? arch : "unknown");
    v->kind = K_NONE;
}

static void open_capstone(struct rview *v, unsigned pcbits)
{
#ifndef XTRACE_HAVE_CAPSTONE
    (void)v, (void)pcbits; /* without capstone: arm, aarch64, mips and x86 code shows as .word */
#else
    cs_arch arch;
    cs_mode mode[2];
    int n = 1;
    switch (v->kind) {
    case K_ARM: arch = CS_ARCH_ARM, mode[0] = CS_MODE_ARM, mode[1] = CS_MODE_THUMB, n = 2; break;
    case K_A64: arch = CS_ARCH_ARM64, mode[0] = CS_MODE_ARM; break;
    case K_MIPS: arch = CS_ARCH_MIPS, mode[0] = pcbits == 64 ? CS_MODE_MIPS64 : CS_MODE_MIPS32; break;
    case K_X86: arch = CS_ARCH_X86, mode[0] = pcbits == 64 ? CS_MODE_64 : CS_MODE_32; break;
    default: return;
    }
    for (int i = 0; i < n; i++) {
        csh h;
        if (cs_open(arch, mode[i], &h) != CS_ERR_OK)
            return;
        v->cs[i] = (size_t)h;
        v->ncs = i + 1;
    }
#endif
}

struct rview *rview_new(struct remote *r, const char *label)
{
    struct rview *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->r = r;
    r->view = v;
    snprintf(v->label, sizeof v->label, "%s", label);
    const struct tdesc *td = &r->td;
    v->regs = calloc((size_t)td->nregs + 1, sizeof *v->regs);
    if (!v->regs) {
        free(v);
        return NULL;
    }
    for (int i = 0; i < td->nregs; i++) /* values come through the debug interface (the RSP cache) */
        v->regs[i] = (struct isa_reg){td->regs[i].name, td->regs[i].bits, (size_t)i, NULL, NULL};
    unsigned pcbits = r->r_pc >= 0 ? td->regs[r->r_pc].bits : 32;
    isa_name(v, td->arch, pcbits);
    open_capstone(v, pcbits);
    v->isa.name = v->name;
    v->isa.elf_class = pcbits == 64 ? ELFCLASS64 : ELFCLASS32;
    v->isa.uname_machine = v->name;
    v->isa.addr_bits = pcbits;
    v->isa.regs = v->regs;
    v->isa.gdb_regs = v->regs;
    v->isa.gdb_xml = (const char *const *)td->docs;
    v->isa.disasm = disasm;
    v->p.isa = &v->isa;
    v->p.mem = &v->mem; /* no mappings, no pages: nothing in the front ends mistakes it for guest memory */
    v->p.syms = symtab_new();
    v->p.exe_path = v->label;
    pthread_mutex_init(&v->p.lock, NULL);
    return v;
}

/* Adds the PT_LOAD ranges of the ELF on fd (relocated by bias) as plain memory of r. */
static void add_segments(struct remote *r, int fd, uint64_t bias)
{
    unsigned char id[EI_NIDENT];
    if (pread(fd, id, sizeof id, 0) != (ssize_t)sizeof id || memcmp(id, ELFMAG, SELFMAG))
        return;
    if (id[EI_CLASS] == ELFCLASS64) {
        Elf64_Ehdr e;
        if (pread(fd, &e, sizeof e, 0) != (ssize_t)sizeof e || e.e_phentsize != sizeof(Elf64_Phdr))
            return;
        for (unsigned i = 0; i < e.e_phnum && i < 64; i++) {
            Elf64_Phdr ph;
            if (pread(fd, &ph, sizeof ph, (off_t)(e.e_phoff + i * sizeof ph)) != (ssize_t)sizeof ph)
                return;
            if (ph.p_type == PT_LOAD)
                remote_add_ram(r, ph.p_vaddr + bias, ph.p_vaddr + bias + ph.p_memsz);
        }
    } else {
        Elf32_Ehdr e;
        if (pread(fd, &e, sizeof e, 0) != (ssize_t)sizeof e || e.e_phentsize != sizeof(Elf32_Phdr))
            return;
        for (unsigned i = 0; i < e.e_phnum && i < 64; i++) {
            Elf32_Phdr ph;
            if (pread(fd, &ph, sizeof ph, (off_t)(e.e_phoff + i * sizeof ph)) != (ssize_t)sizeof ph)
                return;
            if (ph.p_type == PT_LOAD)
                remote_add_ram(r, (uint64_t)ph.p_vaddr + bias, (uint64_t)ph.p_vaddr + bias + ph.p_memsz);
        }
    }
}

int rview_add_symbols(struct rview *v, const char *spec, char *err, size_t errsz)
{
    char path[PATH_MAX];
    uint64_t bias = 0;
    const char *at = strrchr(spec, '@');
    if (at && at != spec) {
        char *end;
        bias = strtoull(at + 1, &end, 0);
        if (*end || end == at + 1) {
            snprintf(err, errsz, "--symbols %s: the offset after '@' is not a number", spec);
            return -1;
        }
        snprintf(path, sizeof path, "%.*s", (int)(at - spec), spec);
    } else {
        snprintf(path, sizeof path, "%s", spec);
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsz, "--symbols %s: cannot open it", path);
        return -1;
    }
    unsigned char id[EI_NIDENT];
    if (pread(fd, id, sizeof id, 0) != (ssize_t)sizeof id || memcmp(id, ELFMAG, SELFMAG)) {
        close(fd);
        snprintf(err, errsz, "--symbols %s: not an ELF file", path);
        return -1;
    }
    symtab_add(v->p.syms, fd, bias, path);
    add_segments(v->r, fd, bias);
    close(fd);
    if (v->p.exe_path == v->label) { /* the first file: the front ends read its sizes and line table */
        char *abs = realpath(path, NULL);
        v->p.exe_path = abs ? abs : strdup(path);
        v->p.load_bias = bias;
    }
    return 0;
}
