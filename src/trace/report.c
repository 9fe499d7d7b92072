/* Tables printed at exit: the -c/-C syscall summary and the --abi-report of ioctls and struct-carrying syscalls; JSON string quoting. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout.h"
#include "trace_int.h"

/* ---- JSON ---- */

void json_str(struct sbuf *b, const char *s, size_t n)
{
    sb_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\')
            sb_printf(b, "\\%c", ch);
        else if (ch == '\n')
            sb_puts(b, "\\n");
        else if (ch == '\t')
            sb_puts(b, "\\t");
        else if (ch < 0x20 || ch == 0x7f)
            sb_printf(b, "\\u%04x", ch);
        else
            sb_putc(b, (char)ch);
    }
    sb_putc(b, '"');
}

/* ---- -c / -C ---- */

void summary_count(struct trace *t, const struct trace_sig *s, int64_t ret, uint64_t nsec)
{
    if (!t->counts)
        return;
    struct trace_count *k = &t->counts[s ? (unsigned)(s - trace_sigs) : trace_nsigs];
    __atomic_fetch_add(&k->calls, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&k->nsec, nsec, __ATOMIC_RELAXED);
    if (ret_is_error(ret))
        __atomic_fetch_add(&k->errors, 1, __ATOMIC_RELAXED);
}

struct srow { const char *name; uint64_t calls, errors, nsec; };

static int by_time(const void *x, const void *y)
{
    const struct srow *a = x, *b = y;
    if (a->nsec != b->nsec)
        return a->nsec < b->nsec ? 1 : -1;
    if (a->calls != b->calls)
        return a->calls < b->calls ? 1 : -1;
    return strcmp(a->name, b->name);
}

static void put_line(struct trace *t, struct sbuf *b)
{
    sb_putc(b, '\n');
    trace_write(t, b->p, b->len);
    sb_reset(b);
}

void summary_print(struct trace *t)
{
    if (!t->counts)
        return;
    struct srow *rows = calloc(trace_nsigs + 1, sizeof *rows);
    if (!rows)
        return;
    unsigned n = 0;
    uint64_t tc = 0, te = 0, tn = 0;
    for (unsigned i = 0; i <= trace_nsigs; i++) {
        const struct trace_count *k = &t->counts[i];
        if (!k->calls)
            continue;
        rows[n].name = i < trace_nsigs ? trace_sigs[i].name : "(other)";
        rows[n].calls = k->calls, rows[n].errors = k->errors, rows[n].nsec = k->nsec;
        tc += k->calls, te += k->errors, tn += k->nsec;
        n++;
    }
    qsort(rows, n, sizeof *rows, by_time);
    struct sbuf b = { 0 };
    if (t->json) {
        for (unsigned i = 0; i < n; i++) {
            sb_printf(&b, "{\"type\":\"summary\",\"syscall\":\"%s\",\"calls\":%llu,\"errors\":%llu,\"seconds\":%.6f}",
                      rows[i].name, (unsigned long long)rows[i].calls, (unsigned long long)rows[i].errors,
                      (double)rows[i].nsec / 1e9);
            put_line(t, &b);
        }
    } else {
        static const char rule[] = "------ ----------- ----------- --------- --------- ----------------";
        sb_puts(&b, "% time     seconds  usecs/call     calls    errors syscall");
        put_line(t, &b);
        sb_puts(&b, rule);
        put_line(t, &b);
        for (unsigned i = 0; i < n; i++) {
            char err[24] = "";
            if (rows[i].errors)
                snprintf(err, sizeof err, "%llu", (unsigned long long)rows[i].errors);
            sb_printf(&b, "%6.2f %11.6f %11llu %9llu %9s %s", tn ? 100.0 * (double)rows[i].nsec / (double)tn : 0.0,
                      (double)rows[i].nsec / 1e9, (unsigned long long)(rows[i].nsec / 1000 / rows[i].calls),
                      (unsigned long long)rows[i].calls, err, rows[i].name);
            put_line(t, &b);
        }
        sb_puts(&b, rule);
        put_line(t, &b);
        char err[24] = "";
        if (te)
            snprintf(err, sizeof err, "%llu", (unsigned long long)te);
        sb_printf(&b, "%6.2f %11.6f %11llu %9llu %9s total", 100.0, (double)tn / 1e9,
                  (unsigned long long)(tc ? tn / 1000 / tc : 0), (unsigned long long)tc, err);
        put_line(t, &b);
    }
    sb_free(&b);
    free(rows);
}

/* ---- --abi-report ---- */

/* Layout name of the struct a signature argument carries, or NULL. */
static const char *arg_struct(uint16_t arg)
{
    static const struct { uint8_t sd; const char *name; } sds[] = {
        { SD_STAT, "stat64" }, { SD_TIMESPEC, "timespec" }, { SD_TIMESPEC64, "__kernel_timespec" },
        { SD_TIMEVAL, "timeval" }, { SD_ITIMERSPEC, "itimerspec" }, { SD_ITIMERVAL, "itimerval" },
        { SD_UTSNAME, "new_utsname" }, { SD_RLIMIT, "rlimit" }, { SD_RLIMIT64, "rlimit64" },
        { SD_WINSIZE, "winsize" }, { SD_TERMIOS, "termios" }, { SD_STACK, "stack_t" }, { SD_FLOCK, "flock" },
        { SD_EPOLL_EVENT, "epoll_event" }, { SD_POLLFD, "pollfd" }, { SD_STATFS, "statfs" },
        { SD_STATX, "statx" }, { SD_RUSAGE, "rusage" }, { SD_SYSINFO, "sysinfo" }, { SD_TIMEZONE, "timezone" },
        { SD_CLONE_ARGS, "clone_args" }, { SD_ITIMERSPEC64, "__kernel_itimerspec" }, { SD_OLDSTAT, "stat" },
    };
    switch (KIND(arg)) {
    case K_STRUCT_IN: case K_STRUCT_OUT:
        for (size_t i = 0; i < sizeof sds / sizeof sds[0]; i++)
            if (sds[i].sd == KX(arg))
                return sds[i].name;
        return NULL;
    case K_TIMESPEC2_IN: return KX(arg) ? "__kernel_timespec" : "timespec";
    case K_IOV_IN: case K_IOV_OUT: return "iovec";
    case K_MSGHDR_IN: case K_MSGHDR_OUT: return "msghdr";
    case K_SOCKADDR_IN: case K_SOCKADDR_OUT: return "sockaddr";
    case K_POLLFDS: return "pollfd";
    case K_EPOLL_EVENTS_OUT: return "epoll_event";
    case K_SIGACTION_IN: case K_SIGACTION_OUT: return "sigaction";
    case K_OLDSIGACTION_IN: case K_OLDSIGACTION_OUT: return "old_sigaction";
    }
    return NULL;
}

/* "name N B" of type under ABI abi, or "-" when the layout engine does not know it. */
static void layout_cell(char *buf, size_t size, const char *type, int abi)
{
    unsigned n = abi >= 0 && type ? lay_type_size(type, abi) : 0;
    const char *shown = type && !strncmp(type, "struct ", 7) ? type + 7 : type;
    if (n)
        snprintf(buf, size, "%s %u B", shown, n);
    else
        snprintf(buf, size, "%s", shown ? shown : "-");
}

void abi_report_print(struct trace *t)
{
    if (!t->abi_report)
        return;
    struct sbuf b = { 0 };
    int g = t->lay_guest, h = t->lay_host;
    if (!t->json) {
        sb_printf(&b, "ABI report: guest %s (%s), host %s (%s); %u ioctl requests and struct-carrying syscalls seen",
                  t->abi_name ? t->abi_name : "?", g >= 0 ? lay_abis[g].model : "?", lay_abis[h].name, lay_abis[h].model,
                  t->nabirows);
        put_line(t, &b);
        sb_printf(&b, "%6s  %-40s %-26s %-26s %s", "calls", "call", "guest layout", "host layout", "what xtrace did");
        put_line(t, &b);
    }
    for (unsigned i = 0; i < t->nabirows; i++) {
        const struct trace_abirow *r = &t->abirows[i];
        char call[160], gl[64], hl[64], done[600], why[400];
        if (r->is_ioctl) {
            struct trace_ioctl io;
            char names[128];
            trace_ioctl_decode(t->abi_name, r->req, &io);
            trace_ioctl_names(t->abi_name, r->req, names, sizeof names);
            if (names[0] && io.sized)
                snprintf(call, sizeof call, "ioctl %s(%u)", names, io.size);
            else if (names[0])
                snprintf(call, sizeof call, "ioctl %s", names);
            else
                snprintf(call, sizeof call, "ioctl %#x", r->req);
            if (io.type) {
                layout_cell(gl, sizeof gl, io.type, g);
                layout_cell(hl, sizeof hl, io.type, h);
            } else {
                snprintf(gl, sizeof gl, io.size ? "%u B, fields unknown" : "-", io.size);
                snprintf(hl, sizeof hl, "-");
            }
            if (r->what[0]) {
                snprintf(done, sizeof done, "%s%s", r->what, r->nwhat < r->count ? " (some calls: no note)" : "");
            } else {
                trace_ioctl_layout_differs(t->abi_name, &io, why, sizeof why);
                snprintf(done, sizeof done, "no note from the emulator; %s", why);
            }
        } else {
            const struct trace_sig *s = &trace_sigs[r->req];
            const char *type = NULL;
            for (int k = 0; k < s->nargs && !type; k++)
                type = arg_struct(s->arg[k]);
            snprintf(call, sizeof call, "%s", s->name);
            layout_cell(gl, sizeof gl, type, g);
            layout_cell(hl, sizeof hl, type, h);
            int d = g >= 0 && type ? lay_diff(type, g, h, why, sizeof why) : -1;
            snprintf(done, sizeof done, "emulated%s%s%s", d == 1 ? "; layouts differ: " : d == 0 ? "; same layout" : "",
                     d == 1 ? why : "", r->what[0] ? "" : "");
        }
        if (t->json) {
            sb_puts(&b, "{\"type\":\"abi\",\"call\":");
            json_str(&b, call, strlen(call));
            sb_printf(&b, ",\"calls\":%u,\"guest\":", r->count);
            json_str(&b, gl, strlen(gl));
            sb_puts(&b, ",\"host\":");
            json_str(&b, hl, strlen(hl));
            sb_puts(&b, ",\"done\":");
            json_str(&b, done, strlen(done));
            sb_putc(&b, '}');
        } else {
            sb_printf(&b, "%6u  %-40s %-26s %-26s %s", r->count, call, gl, hl, done);
        }
        put_line(t, &b);
    }
    sb_free(&b);
}
