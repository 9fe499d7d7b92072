/* Syscall log lines: per-thread entry/exit bookkeeping, line assembly and the process-end and signal lines. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "linux/syscall.h"
#include "trace_int.h"

/* ---- text buffers ---- */

void sb_reserve(struct sbuf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 128;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        fputs("xtrace: out of memory in the syscall log\n", stderr);
        abort();
    }
    b->p = p;
    b->cap = cap;
}

void sb_putn(struct sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void sb_putc(struct sbuf *b, char c)
{
    sb_putn(b, &c, 1);
}

void sb_puts(struct sbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (!b->p || b->len + (size_t)n + 1 > b->cap) {
        sb_reserve(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

void sb_free(struct sbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- log state ---- */

struct trace *trace_new(const struct trace_opts *opts)
{
    struct trace *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->out = opts && opts->out ? opts->out : stderr;
    t->strsize = opts && opts->strsize > 0 ? opts->strsize : 32;
    t->abi = xlat_find_abi(opts ? opts->abi : NULL);
    if (!t->abi) {
        t->abi = xlat_abi();
        if (opts && opts->abi)
            fprintf(stderr, "xtrace: no syscall log tables for ABI %s, using %s\n", opts->abi,
                    t->abi->name);
    }
    xlat_use(t->abi);
    return t;
}

void trace_free(struct trace *t)
{
    if (!t)
        return;
    for (unsigned i = 0; i < t->npend; i++) {
        sb_free(&t->pend[i].args);
        sb_free(&t->pend[i].line);
        free(t->pend[i].scratch);
    }
    free(t->pend);
    free(t);
}

int trace_set_abi(const char *abi)
{
    const struct xlat_abi *a = xlat_find_abi(abi);
    if (!a)
        return -1;
    xlat_use(a);
    return 0;
}

const struct trace_sig *trace_sig_find(const char *name)
{
    if (!name)
        return NULL;
    for (unsigned i = 0; i < trace_nsigs; i++)
        if (strcmp(trace_sigs[i].name, name) == 0)
            return &trace_sigs[i];
    return NULL;
}

unsigned trace_sig_count(void)
{
    return trace_nsigs;
}

const char *trace_errno_name(int guest_errno)
{
    const struct xlat_errno *e = xlat_errno(guest_errno);
    return e ? e->name : NULL;
}

const char *trace_signal_name(int sig)
{
    return xlat_name(XT_SIGNAL, (uint64_t)(int64_t)sig);
}

/* The slot of cpu's syscall in progress; a free or new one when create is set. */
static struct trace_pend *pend_slot(struct trace *t, struct emu_cpu *cpu, int create)
{
    struct trace_pend *free_slot = NULL;
    for (unsigned i = 0; i < t->npend; i++) {
        if (t->pend[i].cpu == cpu)
            return &t->pend[i];
        if (!t->pend[i].cpu && !free_slot)
            free_slot = &t->pend[i];
    }
    if (!create)
        return NULL;
    if (!free_slot) {
        unsigned n = t->npend ? t->npend * 2 : 4;
        struct trace_pend *p = realloc(t->pend, n * sizeof *p);
        if (!p) {
            fputs("xtrace: out of memory in the syscall log\n", stderr);
            abort();
        }
        memset(p + t->npend, 0, (n - t->npend) * sizeof *p);
        free_slot = p + t->npend;
        t->pend = p;
        t->npend = n;
    }
    free_slot->cpu = cpu;
    return free_slot;
}

static struct mem *cpu_mem(struct emu_cpu *cpu)
{
    return cpu && cpu->proc ? cpu->proc->mem : NULL;
}

/* Formats the arguments that can be shown before the syscall runs. */
static void format_entry(struct trace *t, struct trace_pend *p, struct emu_cpu *cpu,
                         const struct sys_ent *e, const uint64_t a[6])
{
    p->e = e;
    memcpy(p->a, a, sizeof p->a);
    sb_reset(&p->args);
    struct pctx c = { t, p, cpu_mem(cpu), p->a, 0, 0 };
    const struct trace_sig *s = e->sig;
    int n = s ? s->nargs : 6;
    for (int i = 0; i < 6; i++) {
        p->seg_off[i] = (uint32_t)p->args.len;
        p->seg[i] = SEG_OMIT;
        if (i < n) {
            int r;
            if (s) {
                r = pr_arg(&c, &p->args, i, s->arg[i]);
            } else {
                sb_printf(&p->args, "%#llx", (unsigned long long)a[i]);
                r = PR_DONE;
            }
            p->seg[i] = r == PR_DONE ? SEG_TEXT : r == PR_LATER ? SEG_LATER : SEG_OMIT;
        }
        p->seg_len[i] = (uint32_t)(p->args.len - p->seg_off[i]);
    }
}

/* Starts a line: the place for the -f "[pid N] " prefix and -t timestamps once they exist. */
static void line_start(struct trace *t, struct emu_cpu *cpu, struct sbuf *b)
{
    sb_reset(b);
    if (t->follow && cpu)
        sb_printf(b, "[pid %d] ", cpu->tid);
}

/* Ends a line and writes it with one call, so lines of several threads never mix. */
static void line_finish(struct trace *t, struct sbuf *b)
{
    sb_putc(b, '\n');
    fwrite(b->p, 1, b->len, t->out);
    fflush(t->out);
}

/* Assembles "name(args) = result" from the slot and writes it. */
static void emit_call(struct trace *t, struct emu_cpu *cpu, struct trace_pend *p, struct pctx *c)
{
    struct sbuf *b = &p->line;
    const struct trace_sig *s = p->e->sig;
    line_start(t, cpu, b);
    size_t start = b->len;
    if (p->e->name && strcmp(p->e->name, "syscall") != 0)
        sb_puts(b, p->e->name);
    else
        sb_printf(b, "syscall_%#x", (unsigned)p->e->nr); /* a number the guest ABI does not name */
    sb_putc(b, '(');
    int first = 1;
    for (int i = 0; i < 6; i++) {
        if (p->seg[i] != SEG_TEXT)
            continue;
        if (!first)
            sb_puts(b, ", ");
        first = 0;
        sb_putn(b, p->args.p + p->seg_off[i], p->seg_len[i]);
    }
    sb_putc(b, ')');
    if (t->align && b->len - start + 1 < (size_t)t->align) {
        size_t pad = (size_t)t->align - 1 - (b->len - start);
        while (pad--)
            sb_putc(b, ' ');
    }
    sb_puts(b, " = ");
    if (s) {
        pr_ret(c, b, s);
    } else {
        struct trace_sig raw = { NULL, R_INT, 0, { 0 } };
        pr_ret(c, b, &raw);
    }
    line_finish(t, b);
}

void trace_enter(struct trace *t, struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6])
{
    if (!t || !e)
        return;
    struct trace_pend *p = pend_slot(t, cpu, 1);
    format_entry(t, p, cpu, e, a);
    if (e->sig && e->sig->ret == R_NORET) {
        struct pctx c = { t, p, cpu_mem(cpu), p->a, 0, 0 };
        emit_call(t, cpu, p, &c);
        p->cpu = NULL;
    }
}

void trace_leave(struct trace *t, struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6], int64_t ret)
{
    if (!t || !e)
        return;
    if (e->sig && e->sig->ret == R_NORET)
        return; /* printed at entry */
    struct trace_pend *p = pend_slot(t, cpu, 0);
    if (!p || p->e != e) {
        /* No entry was seen (or it belonged to another syscall): show what is known now. */
        p = pend_slot(t, cpu, 1);
        format_entry(t, p, cpu, e, a);
    }
    struct pctx c = { t, p, cpu_mem(cpu), p->a, ret, 1 };
    const struct trace_sig *s = e->sig;
    for (int i = 0; s && i < s->nargs; i++) {
        if (p->seg[i] != SEG_LATER)
            continue;
        p->seg_off[i] = (uint32_t)p->args.len;
        int r = pr_arg(&c, &p->args, i, s->arg[i]);
        p->seg[i] = r == PR_OMIT ? SEG_OMIT : SEG_TEXT;
        p->seg_len[i] = (uint32_t)(p->args.len - p->seg_off[i]);
    }
    emit_call(t, cpu, p, &c);
    p->cpu = NULL;
}

/* ---- lines without a syscall ---- */

/* Writes a one-off line through a temporary buffer. */
static void emit_text(struct trace *t, struct sbuf *b)
{
    line_finish(t, b);
    sb_free(b);
}

void trace_exited(struct trace *t, int status)
{
    if (!t)
        return;
    struct sbuf b = { 0 };
    line_start(t, NULL, &b);
    sb_printf(&b, "+++ exited with %d +++", status);
    emit_text(t, &b);
}

void trace_killed(struct trace *t, int sig, int core)
{
    if (!t)
        return;
    struct sbuf b = { 0 };
    line_start(t, NULL, &b);
    sb_puts(&b, "+++ killed by ");
    pr_signame(&b, sig, 1);
    if (core)
        sb_puts(&b, " (core dumped)");
    sb_puts(&b, " +++");
    emit_text(t, &b);
}

/* The si_code table of sig for kernel-generated codes (> 0), or -1. */
static int si_code_table(int sig)
{
    static const struct { int sigc; int tab; } m[] = {
        { XC_SIGILL, XT_SI_ILL }, { XC_SIGFPE, XT_SI_FPE }, { XC_SIGSEGV, XT_SI_SEGV },
        { XC_SIGBUS, XT_SI_BUS }, { XC_SIGTRAP, XT_SI_TRAP }, { XC_SIGCHLD, XT_SI_CLD },
        { XC_SIGIO, XT_SI_POLL }, { XC_SIGSYS, XT_SI_SYS },
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (xlat_const(m[i].sigc) == sig)
            return m[i].tab;
    return -1;
}

/* True for signals whose siginfo carries a fault address. */
static int is_fault_signal(int sig)
{
    return sig == xlat_const(XC_SIGSEGV) || sig == xlat_const(XC_SIGBUS) ||
           sig == xlat_const(XC_SIGILL) || sig == xlat_const(XC_SIGFPE) ||
           sig == xlat_const(XC_SIGTRAP);
}

static void si_head(struct sbuf *b, int sig, int code)
{
    sb_puts(b, "--- ");
    pr_signame(b, sig, 1);
    sb_puts(b, " {si_signo=");
    pr_signame(b, sig, 1);
    sb_puts(b, ", si_code=");
    const char *name = NULL;
    int tab = si_code_table(sig);
    if (code > 0 && code != xlat_const(XC_SI_KERNEL) && tab >= 0)
        name = xlat_name(tab, (uint64_t)(int64_t)code);
    if (!name)
        name = xlat_name(XT_SI_CODE, (uint64_t)(int64_t)code);
    if (name)
        sb_puts(b, name);
    else
        sb_printf(b, "%d", code);
}

void trace_signal(struct trace *t, int sig, int code, uint64_t addr)
{
    if (!t)
        return;
    struct sbuf b = { 0 };
    line_start(t, NULL, &b);
    si_head(&b, sig, code);
    if (is_fault_signal(sig) && code > 0) {
        sb_puts(&b, ", si_addr=");
        pr_ptr(&b, addr);
    }
    sb_puts(&b, "} ---");
    emit_text(t, &b);
}

void trace_signal_sent(struct trace *t, int sig, int code, int pid, unsigned uid)
{
    if (!t)
        return;
    struct sbuf b = { 0 };
    line_start(t, NULL, &b);
    si_head(&b, sig, code);
    sb_printf(&b, ", si_pid=%d, si_uid=%u} ---", pid, uid);
    emit_text(t, &b);
}
