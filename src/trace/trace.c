/* Syscall log lines: per-thread entry/exit bookkeeping, filters, line assembly (prefixes, times, notes, stacks, JSON) and the process-end and signal lines. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "emu.h"
#include "layout.h"
#include "linux/syscall.h"
#include "mem.h"
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
    t->abi_name = opts && opts->abi ? opts->abi : t->abi->name;
    t->lay_guest = lay_abi_find(t->abi_name);
    t->lay_host = lay_host_abi();
    t->pid0 = opts && opts->root_pid ? opts->root_pid : (int)getpid();
    /* One write(2) per line on the descriptor; a shared log file gets O_APPEND so the lines of
       forked and re-executed children land after each other's instead of over them. */
    t->fd = fileno(t->out);
    struct stat st;
    if (t->fd >= 0 && t->out != stderr && fstat(t->fd, &st) == 0 && S_ISREG(st.st_mode)) {
        int fl = fcntl(t->fd, F_GETFL);
        if (fl >= 0 && !(fl & O_APPEND))
            fcntl(t->fd, F_SETFL, fl | O_APPEND);
    }
    if (t->fd >= 0)
        fflush(t->out);
    /* The guest's descriptors should number as in a native run: the log leaves the low numbers
       (the caller's FILE keeps its closed number; nothing may write through it from here on). */
    if (t->fd > 2 && t->out != stderr && t->out != stdout) {
        static const int spots[] = { 1000, 200 };
        for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
            int hi = fcntl(t->fd, F_DUPFD_CLOEXEC, spots[i]);
            if (hi >= 0) {
                close(t->fd);
                t->fd = hi;
                break;
            }
        }
    }
    t->sig_sel[0] = t->sig_sel[1] = ~0ull;
    if (opts) {
        t->follow = opts->follow;
        t->fd_paths = opts->fd_paths;
        t->timestamps = opts->timestamps;
        t->relative = opts->relative;
        t->syscall_times = opts->syscall_times;
        t->verbose = opts->verbose;
        t->json = opts->json;
        t->summary = opts->summary;
        t->stack = opts->stack;
        t->abi_report = opts->abi_report;
        t->ioctl_policy = opts->ioctl_policy;
        t->status = opts->status;
        t->unwind = opts->unwind;
        t->sym = opts->sym;
        t->image = opts->image;
        trace_xstyle = opts->xstyle;
        trace_hexstr = opts->hex_strings;
        if (trace_compile_filters(t, opts) < 0) {
            trace_free(t);
            return NULL;
        }
    }
    if (t->summary) {
        size_t n = (trace_nsigs + 1) * sizeof *t->counts;
        void *m = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        t->counts = m == MAP_FAILED ? NULL : m;
    }
    clock_gettime(CLOCK_REALTIME, &t->t_last);
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
    if (t->counts)
        munmap(t->counts, (trace_nsigs + 1) * sizeof *t->counts);
    if (t->fd > 2 && t->fd != fileno(t->out))
        close(t->fd);   /* the descriptor trace_new moved out of the guest's way */
    free(t->pend);
    free(t->sel);
    free(t->abirows);
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

/* ---- line assembly ---- */

static int host_tid(void)
{
    return (int)syscall(SYS_gettid);
}

static int is_root(const struct trace *t)
{
    return (int)getpid() == t->pid0;
}

/* "[pid N] " with -f, and whenever more than one thread or process is being traced. */
static int want_prefix(const struct trace *t, struct emu_cpu *cpu)
{
    if (t->follow || t->children || !is_root(t))
        return 1;
    return cpu && cpu->proc && cpu->proc->nthreads > 1;
}

/* Starts a line: the pid prefix, then the -t/-tt/-ttt or -r time of ts (now when NULL). */
static void line_start(struct trace *t, struct emu_cpu *cpu, struct sbuf *b, const struct timespec *ts)
{
    struct timespec now;
    sb_reset(b);
    if (want_prefix(t, cpu))
        sb_printf(b, "[pid %d] ", cpu ? cpu->tid : host_tid());
    if (!t->relative && !t->timestamps)
        return;
    if (!ts) {
        clock_gettime(CLOCK_REALTIME, &now);
        ts = &now;
    }
    if (t->relative) {
        long long sec = (long long)ts->tv_sec - t->t_last.tv_sec;
        long nsec = ts->tv_nsec - t->t_last.tv_nsec;
        if (nsec < 0)
            sec--, nsec += 1000000000L;
        if (sec < 0)
            sec = 0, nsec = 0;
        sb_printf(b, "%6lld.%06ld ", sec, nsec / 1000);
        t->t_last = *ts;
    } else if (t->timestamps == 3) {
        sb_printf(b, "%lld.%06ld ", (long long)ts->tv_sec, ts->tv_nsec / 1000);
    } else {
        struct tm tm;
        time_t sec = ts->tv_sec;
        localtime_r(&sec, &tm);
        sb_printf(b, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
        if (t->timestamps == 2)
            sb_printf(b, ".%06ld", ts->tv_nsec / 1000);
        sb_putc(b, ' ');
    }
}

void trace_write(struct trace *t, const char *p, size_t n)
{
    if (t->fd < 0) {
        fwrite(p, 1, n, t->out);
        fflush(t->out);
        return;
    }
    while (n) {
        ssize_t w = write(t->fd, p, n);
        if (w <= 0)
            break;
        p += w, n -= (size_t)w;
    }
}

/* Ends a line and writes it with one write(2), so lines of threads and processes never mix. */
static void line_finish(struct trace *t, struct sbuf *b)
{
    sb_putc(b, '\n');
    trace_write(t, b->p, b->len);
}

static uint64_t ts_nsec(const struct timespec *a, const struct timespec *b)
{
    int64_t d = ((int64_t)b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
    return d > 0 ? (uint64_t)d : 0;
}

/* -k: the guest's stack after the line, one " > symbol+0xoff (image)" line per frame. */
static void add_stack(struct trace *t, struct emu_cpu *cpu, struct sbuf *b)
{
    uint64_t pcs[64];
    if (!t->stack || !t->unwind || !cpu)
        return;
    int n = t->unwind(cpu, pcs, 64);
    for (int i = 0; i < n; i++) {
        uint64_t off = 0;
        const char *sym = t->sym ? t->sym(pcs[i], &off) : NULL;
        const char *img = t->image ? t->image(pcs[i]) : NULL;
        if (t->json) {
            sb_printf(b, "%s{\"pc\":\"%#llx\"", i ? "," : "", (unsigned long long)pcs[i]);
            if (sym) {
                sb_puts(b, ",\"symbol\":");
                json_str(b, sym, strlen(sym));
                sb_printf(b, ",\"offset\":%llu", (unsigned long long)off);
            }
            if (img) {
                sb_puts(b, ",\"image\":");
                json_str(b, img, strlen(img));
            }
            sb_putc(b, '}');
            continue;
        }
        sb_puts(b, "\n > ");
        if (sym)
            sb_printf(b, "%s+%#llx", sym, (unsigned long long)off);
        else
            sb_printf(b, "%#llx", (unsigned long long)pcs[i]);
        if (img)
            sb_printf(b, " (%s)", img);
    }
}

static const char *call_name(const struct sys_ent *e, char *buf, size_t size)
{
    if (e->name && strcmp(e->name, "syscall") != 0)
        return e->name;
    snprintf(buf, size, "syscall_%#x", (unsigned)e->nr); /* a number the guest ABI does not name */
    return buf;
}

/* The line of a syscall as one JSON object. */
static void emit_json(struct trace *t, struct emu_cpu *cpu, struct trace_pend *p, struct pctx *c,
                      const char *note, uint64_t dur, int noret)
{
    struct sbuf *b = &p->line;
    char nb[32];
    const char *name = call_name(p->e, nb, sizeof nb);
    const struct trace_sig *s = p->e->sig;
    struct trace_sig raw = { NULL, R_INT, 0, { 0 }, 0 };
    sb_reset(b);
    sb_printf(b, "{\"type\":\"syscall\",\"pid\":%d,\"tid\":%d,\"time\":%lld.%06ld,\"name\":", (int)getpid(),
              cpu ? cpu->tid : host_tid(), (long long)p->t_wall.tv_sec, p->t_wall.tv_nsec / 1000);
    json_str(b, name, strlen(name));
    sb_puts(b, ",\"args\":[");
    int first = 1, n = s ? s->nargs : 6;
    for (int i = 0; i < 6; i++) {
        if (p->seg[i] != SEG_TEXT)
            continue;
        if (!first)
            sb_putc(b, ',');
        first = 0;
        json_str(b, p->args.p + p->seg_off[i], p->seg_len[i]);
    }
    sb_puts(b, "],\"raw\":[");
    for (int i = 0; i < n; i++)
        sb_printf(b, "%s\"%#llx\"", i ? "," : "", (unsigned long long)p->a[i]);
    sb_putc(b, ']');
    if (noret) {
        sb_puts(b, ",\"return\":null,\"errno\":null");
    } else {
        struct sbuf r = { 0 };
        pr_ret(c, &r, s ? s : &raw);
        sb_printf(b, ",\"return\":%lld,\"errno\":", ret_is_error(c->ret) ? -1LL : (long long)c->ret);
        const struct xlat_errno *en = ret_is_error(c->ret) ? xlat_errno((int)-c->ret) : NULL;
        if (en)
            json_str(b, en->name, strlen(en->name));
        else if (ret_is_error(c->ret))
            sb_printf(b, "%d", (int)-c->ret);
        else
            sb_puts(b, "null");
        sb_puts(b, ",\"result\":");
        json_str(b, r.p ? r.p : "", r.len);
        sb_free(&r);
        sb_printf(b, ",\"duration\":%llu.%06llu", (unsigned long long)(dur / 1000000000ull),
                  (unsigned long long)(dur % 1000000000ull / 1000));
    }
    if (note && *note) {
        sb_puts(b, ",\"note\":");
        json_str(b, note, strlen(note));
    }
    if (t->stack && t->unwind && cpu) {
        sb_puts(b, ",\"stack\":[");
        add_stack(t, cpu, b);
        sb_putc(b, ']');
    }
    sb_putc(b, '}');
    line_finish(t, b);
}

/* Assembles "name(args) = result" from the slot and writes it. */
static void emit_call(struct trace *t, struct emu_cpu *cpu, struct trace_pend *p, struct pctx *c,
                      const char *note, uint64_t dur, int noret)
{
    if (t->json) {
        emit_json(t, cpu, p, c, note, dur, noret);
        return;
    }
    struct sbuf *b = &p->line;
    const struct trace_sig *s = p->e->sig;
    char nb[32];
    line_start(t, cpu, b, &p->t_wall);
    size_t start = b->len;
    sb_puts(b, call_name(p->e, nb, sizeof nb));
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
        struct trace_sig raw = { NULL, R_INT, 0, { 0 }, 0 };
        pr_ret(c, b, &raw);
    }
    if (note && *note)
        sb_printf(b, " (%s)", note);
    if (t->syscall_times && !noret)
        sb_printf(b, " <%llu.%06llu>", (unsigned long long)(dur / 1000000000ull),
                  (unsigned long long)(dur % 1000000000ull / 1000));
    add_stack(t, cpu, b);
    line_finish(t, b);
}

/* Is the syscall selected by -e trace=? */
static int shown(const struct trace *t, const struct sys_ent *e)
{
    if (!t->sel)
        return 1;
    const struct trace_sig *s = e->sig;
    if (s && s >= trace_sigs && s < trace_sigs + trace_nsigs)
        return t->sel[s - trace_sigs];
    return t->sel_raw;
}

/* 1 for a call that made a new process (not a thread), read from its flags. */
static int makes_process(struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6])
{
    const char *n = e->name ? e->name : "";
    if (!strcmp(n, "fork") || !strcmp(n, "vfork"))
        return 1;
    if (!strcmp(n, "clone"))
        return !(a[0] & 0x00010000); /* CLONE_THREAD, the same on every Linux ABI */
    if (!strcmp(n, "clone3")) {
        uint64_t fl = 0;
        struct mem *m = cpu_mem(cpu);
        if (m && mem_read(m, a[0], &fl, sizeof fl) == 0)
            return !(rd_uint((const unsigned char *)&fl, 8) & 0x00010000);
    }
    return 0;
}

static int is_spawn(const struct sys_ent *e)
{
    const char *n = e->name ? e->name : "";
    return !strcmp(n, "fork") || !strcmp(n, "vfork") || !strcmp(n, "clone") || !strcmp(n, "clone3");
}

void trace_enter(struct trace *t, struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6])
{
    if (!t || !e || !shown(t, e))
        return;
    struct trace_pend *p = pend_slot(t, cpu, 1);
    clock_gettime(CLOCK_REALTIME, &p->t_wall);
    clock_gettime(CLOCK_MONOTONIC, &p->t_mono);
    if (t->summary == 1 && !t->abi_report) {
        p->e = e;
        memcpy(p->a, a, sizeof p->a);
        if (e->sig && e->sig->ret == R_NORET)
            p->cpu = NULL;
        return;
    }
    format_entry(t, p, cpu, e, a);
    if (e->sig && e->sig->ret == R_NORET) {
        if (t->summary != 1 && t->status == 0) {
            struct pctx c = { t, p, cpu_mem(cpu), p->a, 0, 0 };
            emit_call(t, cpu, p, &c, NULL, 0, 1);
        }
        p->cpu = NULL;
    }
}

void trace_leave(struct trace *t, struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6], int64_t ret)
{
    char note[400];
    if (!t || !e)
        return;
    ioctl_take_note(note, sizeof note);
    if (e->sig && e->sig->ret == R_NORET)
        return; /* printed at entry */
    int spawned = ret > 0 && makes_process(cpu, e, a);  /* prefixes start after this line */
    struct trace_pend *p = pend_slot(t, cpu, 0);
    if (!shown(t, e) || (ret == 0 && is_spawn(e))) {
        if (p)
            p->cpu = NULL;   /* not selected, or the child's side of a fork: strace shows neither */
        t->children |= spawned;
        return;
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!p || p->e != e) {
        /* No entry was seen (or it belonged to another syscall): show what is known now. */
        p = pend_slot(t, cpu, 1);
        clock_gettime(CLOCK_REALTIME, &p->t_wall);
        p->t_mono = now;
        format_entry(t, p, cpu, e, a);
    }
    uint64_t dur = ts_nsec(&p->t_mono, &now);
    summary_count(t, e->sig, ret, dur);
    abi_record(t, e->sig, p->a, note);
    int failed = ret_is_error(ret);
    if (t->summary == 1 || t->status < 0 ||
        (t->status && !(t->status & (failed ? TRACE_ST_FAILED : TRACE_ST_SUCCESSFUL)))) {
        p->cpu = NULL;
        t->children |= spawned;
        return;
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
    emit_call(t, cpu, p, &c, note, dur, 0);
    p->cpu = NULL;
    t->children |= spawned;
}

void trace_syscall_outside(struct trace *t, struct emu_cpu *cpu, int nr, const char *name, const uint64_t a[6],
                           int64_t ret)
{
    if (!t)
        return;
    struct sys_ent e = { nr, name, NULL, trace_sig_find(name), 0, 0 };
    trace_enter(t, cpu, &e, a);
    trace_leave(t, cpu, &e, a, ret);
}

/* ---- lines without a syscall ---- */

/* Writes a one-off line (as {"type": kind, "line": text} with --json) and frees the buffer. */
static void emit_text(struct trace *t, struct sbuf *b, const char *kind, size_t text_at)
{
    if (t->json) {
        struct sbuf j = { 0 };
        sb_printf(&j, "{\"type\":\"%s\",\"pid\":%d,\"tid\":%d,\"line\":", kind, (int)getpid(), host_tid());
        json_str(&j, b->p + text_at, b->len - text_at);
        sb_putc(&j, '}');
        line_finish(t, &j);
        sb_free(&j);
    } else {
        line_finish(t, b);
    }
    sb_free(b);
}

static void process_end_tables(struct trace *t)
{
    if (!is_root(t))
        return;
    if (t->summary)
        summary_print(t);
    abi_report_print(t);
}

void trace_exited(struct trace *t, int status)
{
    if (!t)
        return;
    if (t->summary != 1) {
        struct sbuf b = { 0 };
        line_start(t, NULL, &b, NULL);
        size_t at = b.len;
        sb_printf(&b, "+++ exited with %d +++", status);
        emit_text(t, &b, "exit", at);
    }
    process_end_tables(t);
}

void trace_thread_exited(struct trace *t, struct emu_cpu *cpu, int status)
{
    if (!t || t->summary == 1)
        return;
    struct sbuf b = { 0 };
    line_start(t, cpu, &b, NULL);
    size_t at = b.len;
    sb_printf(&b, "+++ exited with %d +++", status);
    emit_text(t, &b, "exit", at);
}

void trace_killed(struct trace *t, int sig, int core)
{
    if (!t)
        return;
    if (t->summary != 1) {
        struct sbuf b = { 0 };
        line_start(t, NULL, &b, NULL);
        size_t at = b.len;
        int style = trace_xstyle;
        sb_puts(&b, "+++ killed by ");
        trace_xstyle = TRACE_X_ABBREV;
        pr_signame(&b, sig, 1);
        trace_xstyle = style;
        if (core)
            sb_puts(&b, " (core dumped)");
        sb_puts(&b, " +++");
        emit_text(t, &b, "killed", at);
    }
    process_end_tables(t);
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

/* Is signal sig shown (-e signal=, and not -c)? */
static int signal_shown(const struct trace *t, int sig)
{
    if (t->summary == 1 || sig < 1 || sig > 128)
        return 0;
    return (int)((t->sig_sel[(sig - 1) / 64] >> ((sig - 1) % 64)) & 1);
}

static void si_head(struct sbuf *b, int sig, int code)
{
    int style = trace_xstyle;
    sb_puts(b, "--- ");
    trace_xstyle = TRACE_X_ABBREV;   /* the heading names the signal whatever -X says */
    pr_signame(b, sig, 1);
    trace_xstyle = style;
    sb_puts(b, " {si_signo=");
    pr_signame(b, sig, 1);
    sb_puts(b, ", si_code=");
    const char *name = NULL;
    int tab = si_code_table(sig);
    if (code > 0 && code != xlat_const(XC_SI_KERNEL) && tab >= 0)
        name = xlat_name(tab, (uint64_t)(int64_t)code);
    if (!name)
        name = xlat_name(XT_SI_CODE, (uint64_t)(int64_t)code);
    pr_named(b, name, (uint64_t)(int64_t)code, 1);
}

void trace_signal(struct trace *t, int sig, int code, uint64_t addr)
{
    if (!t || !signal_shown(t, sig))
        return;
    struct sbuf b = { 0 };
    line_start(t, NULL, &b, NULL);
    size_t at = b.len;
    si_head(&b, sig, code);
    if (is_fault_signal(sig) && code > 0) {
        sb_puts(&b, ", si_addr=");
        pr_ptr(&b, addr);
    }
    sb_puts(&b, "} ---");
    emit_text(t, &b, "signal", at);
}

void trace_signal_sent(struct trace *t, int sig, int code, int pid, unsigned uid)
{
    if (!t || !signal_shown(t, sig))
        return;
    struct sbuf b = { 0 };
    line_start(t, NULL, &b, NULL);
    size_t at = b.len;
    si_head(&b, sig, code);
    sb_printf(&b, ", si_pid=%d, si_uid=%u} ---", pid, uid);
    emit_text(t, &b, "signal", at);
}
