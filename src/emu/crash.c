/* Guest crash report: what a person needs to start on a crash, instead of "uncaught target signal 11". */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "crash.h"
#include "emu.h"
#include "mem.h"
#include "symtab.h"
#include "trace.h"

static const char *code_name(int sig, int code)
{
    static const struct { int sig, code; const char *name, *what; } t[] = {
        {SIGSEGV, SEGV_MAPERR, "SEGV_MAPERR", "address not mapped"},
        {SIGSEGV, SEGV_ACCERR, "SEGV_ACCERR", "invalid permissions for mapped object"},
        {SIGBUS, BUS_ADRALN, "BUS_ADRALN", "misaligned address"},
        {SIGBUS, BUS_ADRERR, "BUS_ADRERR", "nonexistent physical address (past end of file?)"},
        {SIGILL, ILL_ILLOPC, "ILL_ILLOPC", "illegal opcode"},
        {SIGTRAP, TRAP_BRKPT, "TRAP_BRKPT", "breakpoint instruction"},
        {SIGFPE, FPE_INTDIV, "FPE_INTDIV", "integer divide by zero"},
    };
    static char buf[96];
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].sig == sig && t[i].code == code) {
            snprintf(buf, sizeof buf, "%s (%s)", t[i].name, t[i].what);
            return buf;
        }
    if (code == SI_KERNEL)
        return "SI_KERNEL (sent by the kernel, e.g. for a bad signal frame)";
    if (code == SI_USER || code == SI_TKILL)
        return code == SI_USER ? "SI_USER (sent by kill)" : "SI_TKILL (sent by tkill/tgkill)";
    snprintf(buf, sizeof buf, "%d", code);
    return buf;
}

static void print_sym(FILE *f, const struct emu_proc *p, uint64_t a)
{
    uint64_t off;
    const char *s = symtab_lookup(p->syms, a, &off);
    if (s)
        fprintf(f, " <%s+0x%" PRIx64 ">", s, off);
    struct vma *v = mem_vma(p->mem, a);
    if (v && v->name) {
        const char *base = strrchr(v->name, '/');
        fprintf(f, " in %s", base ? base + 1 : v->name);
    }
}

void crash_report(struct emu_cpu *c)
{
    struct emu_proc *p = c->proc;
    const struct emu_isa *isa = p->isa;
    FILE *f = stderr;
    const char *sn = trace_signal_name(c->sig);
    fprintf(f, "\nxtrace: guest %s crashed: %s (signal %d), si_code %s\n", isa->name, sn ? sn : "signal", c->sig,
            code_name(c->sig, c->sig_code));
    if ((c->sig == SIGSEGV || c->sig == SIGBUS) && c->sig_code > 0 && c->sig_code != SI_KERNEL) {
        fprintf(f, "  fault address 0x%" PRIx64, c->sig_addr);
        struct vma *v = mem_vma(p->mem, c->sig_addr);
        if (v)
            fprintf(f, " (inside %s%s%s mapping %s)", v->prot & MEM_R ? "r" : "-", v->prot & MEM_W ? "w" : "-",
                    v->prot & MEM_X ? "x" : "-", v->name ? v->name : "[anon]");
        else
            fprintf(f, " (not mapped)");
        fputc('\n', f);
    }
    /* Instructions start at even addresses on every ISA; an odd pc is an arm interworking address whose bit 0
       says Thumb state. The instruction address is shown and symbolized, the state named, and the
       disassembler gets the pc with its mode bit. */
    uint64_t pc = c->pc & ~1ull;
    fprintf(f, "  pc 0x%" PRIx64, pc);
    print_sym(f, p, pc);
    if (c->pc & 1)
        fprintf(f, " (Thumb state)");
    fputc('\n', f);
    char dis[128];
    if (isa->disasm && isa->disasm(p, c->pc, dis, sizeof dis) > 0)
        fprintf(f, "  instruction%s: %s\n", (c->pc & 1) ? " (Thumb)" : "", dis);
    else if (c->sig == SIGILL)
        fprintf(f, "  instruction: 0x%08x (cannot be decoded)\n", c->sig_insn);
    if (c->sig == SIGILL)
        fprintf(f, "  encoding 0x%08x is not implemented by xtrace's %s backend or is not a valid instruction\n",
                c->sig_insn, isa->name);
    fprintf(f, "  registers:\n");
    int col = 0;
    for (const struct isa_reg *r = isa->regs; r && r->name; r++) {
        uint64_t v = 0;
        if (r->get)
            v = r->get(c);
        else
            memcpy(&v, (const char *)c + r->offset, r->bits / 8 > 8 ? 8 : r->bits / 8);
        fprintf(f, "%s%-4s %0*" PRIx64, col ? "  " : "    ", r->name, r->bits >= 64 ? 16 : 8, v);
        if (++col == 4) {
            fputc('\n', f);
            col = 0;
        }
    }
    if (col)
        fputc('\n', f);
    uint64_t pcs[16];
    int n = isa->unwind ? isa->unwind(c, pcs, 16) : 0;
    if (n > 0)
        fprintf(f, "  backtrace (innermost first):\n");
    for (int i = 0; i < n; i++) {
        fprintf(f, "    #%-2d 0x%" PRIx64, i, pcs[i]);
        print_sym(f, p, pcs[i]);
        fputc('\n', f);
    }
    fprintf(f, "  memory map:\n");
    for (struct vma *v = p->mem->vmas; v; v = v->next)
        fprintf(f, "    %012" PRIx64 "-%012" PRIx64 " %c%c%c %s\n", v->start, v->end, v->prot & MEM_R ? 'r' : '-',
                v->prot & MEM_W ? 'w' : '-', v->prot & MEM_X ? 'x' : '-', v->name ? v->name : "");
}
