/* strace's options for the syscall log: the command-line parser and the -e trace=/signal= filters compiled against the guest ABI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trace_int.h"

static int policy_parsed = TRACE_IOCTL_AUTO;   /* trace_ioctl_policy(NULL) */

/* -e trace=%CLASS names */
static const struct { const char *name; unsigned cls; } classes[] = {
    { "file", TC_FILE }, { "desc", TC_DESC }, { "memory", TC_MEMORY }, { "process", TC_PROCESS },
    { "signal", TC_SIGNAL }, { "network", TC_NETWORK }, { "net", TC_NETWORK }, { "ipc", TC_IPC },
};

static unsigned class_of(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strlen(classes[i].name) == n && strncmp(classes[i].name, name, n) == 0)
            return classes[i].cls;
    return 0;
}

/* Walks the comma-separated items of set (after an optional '!'); calls f on each. */
static int each_item(const char *set, int (*f)(const char *item, size_t n, void *ctx), void *ctx)
{
    if (*set == '!')
        set++;
    while (*set) {
        const char *end = strchr(set, ',');
        size_t n = end ? (size_t)(end - set) : strlen(set);
        if (n && f(set, n, ctx) < 0)
            return -1;
        set += n + (end != NULL);
    }
    return 0;
}

struct chk { char *err; size_t errsz; };

static int check_trace_item(const char *item, size_t n, void *ctx)
{
    struct chk *k = ctx;
    char name[64];
    if ((n == 3 && !strncmp(item, "all", 3)) || (n == 4 && !strncmp(item, "none", 4)))
        return 0;
    if (item[0] == '%' || item[0] == '?') {
        const char *c = item + 1 + (item[0] == '?' && item[1] == '%');
        if (class_of(c, n - (size_t)(c - item)))
            return 0;
    }
    snprintf(name, sizeof name, "%.*s", (int)n, item);
    if (trace_sig_find(name) || name[0] == '?')
        return 0;
    snprintf(k->err, k->errsz, "invalid system call '%s' in -e trace=", name);
    return -1;
}

/* Signal number of a name ("SIGINT", "INT", "2") under the ABI in use, or -1. */
static int signal_number(const char *item, size_t n)
{
    char name[32];
    if (n == 0 || n + 4 > sizeof name)
        return -1;
    if (item[0] >= '0' && item[0] <= '9') {
        int v = atoi(item);
        return v > 0 && v <= 128 ? v : -1;
    }
    snprintf(name, sizeof name, "%s%.*s", strncmp(item, "SIG", 3) ? "SIG" : "", (int)n, item);
    for (int s = 1; s <= 128; s++) {
        const char *sn = trace_signal_name(s);
        if (sn && strcmp(sn, name) == 0)
            return s;
    }
    return -1;
}

static int check_signal_item(const char *item, size_t n, void *ctx)
{
    struct chk *k = ctx;
    if ((n == 3 && !strncmp(item, "all", 3)) || (n == 4 && !strncmp(item, "none", 4)) || signal_number(item, n) > 0)
        return 0;
    snprintf(k->err, k->errsz, "invalid signal '%.*s' in -e signal=", (int)n, item);
    return -1;
}

static int set_status(struct trace_opts *o, const char *v, char *err, size_t errsz)
{
    int st = 0, neg = *v == '!';
    for (const char *p = v + neg; *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 10 && !strncmp(p, "successful", n))
            st |= TRACE_ST_SUCCESSFUL;
        else if (n == 6 && !strncmp(p, "failed", n))
            st |= TRACE_ST_FAILED;
        else if (n == 3 && !strncmp(p, "all", n))
            st |= TRACE_ST_SUCCESSFUL | TRACE_ST_FAILED;
        else if (n == 4 && !strncmp(p, "none", n))
            ;
        else if ((n == 10 && !strncmp(p, "unfinished", n)) || (n == 11 && !strncmp(p, "unavailable", n)) ||
                 (n == 8 && !strncmp(p, "detached", n)))
            ;  /* every call finishes under xtrace */
        else {
            snprintf(err, errsz, "invalid status '%.*s' in -e status= (successful, failed)", (int)n, p);
            return -1;
        }
        p += n + (end != NULL);
    }
    if (neg)
        st = ~st & (TRACE_ST_SUCCESSFUL | TRACE_ST_FAILED);
    o->status = st ? st : -1;  /* -1: nothing at all */
    return 0;
}

/* -e EXPR */
static int parse_expr(struct trace_opts *o, const char *e, char *err, size_t errsz)
{
    struct chk k = { err, errsz };
    const char *eq = strchr(e, '=');
    const char *qual = "trace", *v = e;
    size_t qn = 5;
    if (eq) {
        qual = e, qn = (size_t)(eq - e), v = eq + 1;
    }
    if ((qn == 5 && !strncmp(qual, "trace", 5)) || (qn == 1 && *qual == 't')) {
        if (o->ntrace_sel >= TRACE_MAX_SEL || each_item(v, check_trace_item, &k) < 0) {
            if (o->ntrace_sel >= TRACE_MAX_SEL)
                snprintf(err, errsz, "too many -e trace= options");
            return -1;
        }
        o->trace_sel[o->ntrace_sel++] = v;
        return 0;
    }
    if ((qn == 6 && !strncmp(qual, "signal", 6)) || (qn == 7 && !strncmp(qual, "signals", 7)) ||
        (qn == 1 && *qual == 's' && eq)) {
        if (o->nsignal_sel >= TRACE_MAX_SEL || each_item(v, check_signal_item, &k) < 0) {
            if (o->nsignal_sel >= TRACE_MAX_SEL)
                snprintf(err, errsz, "too many -e signal= options");
            return -1;
        }
        o->signal_sel[o->nsignal_sel++] = v;
        return 0;
    }
    if (qn == 6 && !strncmp(qual, "status", 6))
        return set_status(o, v, err, errsz);
    if ((qn == 7 && !strncmp(qual, "verbose", 7)) || (qn == 3 && !strncmp(qual, "raw", 3)) ||
        (qn == 6 && !strncmp(qual, "abbrev", 6)) || (qn == 4 && !strncmp(qual, "read", 4)) ||
        (qn == 5 && !strncmp(qual, "write", 5)))
        return 0;  /* accepted, not acted on */
    snprintf(err, errsz, "invalid -e qualifier '%.*s' (trace, status, signal)", (int)qn, qual);
    return -1;
}

static int set_xstyle(struct trace_opts *o, const char *v, char *err, size_t errsz)
{
    if (!strcmp(v, "raw"))
        o->xstyle = TRACE_X_RAW;
    else if (!strcmp(v, "abbrev"))
        o->xstyle = TRACE_X_ABBREV;
    else if (!strcmp(v, "verbose"))
        o->xstyle = TRACE_X_VERBOSE;
    else {
        snprintf(err, errsz, "invalid -X style '%s' (raw, abbrev, verbose)", v);
        return -1;
    }
    return 0;
}

static int set_policy(struct trace_opts *o, const char *v, char *err, size_t errsz)
{
    if (!strcmp(v, "auto"))
        o->ioctl_policy = TRACE_IOCTL_AUTO;
    else if (!strcmp(v, "strict"))
        o->ioctl_policy = TRACE_IOCTL_STRICT;
    else if (!strcmp(v, "pass"))
        o->ioctl_policy = TRACE_IOCTL_PASS;
    else {
        snprintf(err, errsz, "invalid --ioctl policy '%s' (auto, strict, pass)", v);
        return -1;
    }
    policy_parsed = o->ioctl_policy;
    return 0;
}

/* A bundle of flag letters ("-f", "-yy", "-ttT"); 1 when every letter is one, else 0 (nothing set). */
static int flag_bundle(struct trace_opts *o, const char *a)
{
    static const char letters[] = "fytrTxvcCkZz";
    if (a[0] != '-' || !a[1] || strspn(a + 1, letters) != strlen(a + 1))
        return 0;
    for (const char *p = a + 1; *p; p++) {
        switch (*p) {
        case 'f': o->follow = 1; break;
        case 'y': o->fd_paths++; break;
        case 't': o->timestamps++; break;
        case 'r': o->relative = 1; break;
        case 'T': o->syscall_times = 1; break;
        case 'x': o->hex_strings++; break;
        case 'v': o->verbose = 1; break;
        case 'c': o->summary = 1; break;
        case 'C': o->summary = 2; break;
        case 'k': o->stack = 1; break;
        case 'Z': o->status = TRACE_ST_FAILED; break;
        case 'z': o->status = TRACE_ST_SUCCESSFUL; break;
        }
    }
    if (o->fd_paths > 2)
        o->fd_paths = 2;
    if (o->timestamps > 3)
        o->timestamps = 3;
    if (o->hex_strings > 2)
        o->hex_strings = 2;
    return 1;
}

/* Adds the consumed entries to o->argv, keeping "--trace-root=PID" last. */
static void remember(struct trace_opts *o, char **argv, int i, int n)
{
    static char root[40];
    int cap = (int)(sizeof o->argv / sizeof o->argv[0]) - 2;
    if (!o->root_pid)
        o->root_pid = (int)getpid();
    if (o->nargv && o->argv[o->nargv - 1] == root)
        o->nargv--;
    for (int k = 0; k < n; k++)
        if (o->nargv < cap && strncmp(argv[i + k], "--trace-root=", 13) != 0)
            o->argv[o->nargv++] = argv[i + k];
    snprintf(root, sizeof root, "--trace-root=%d", o->root_pid);
    o->argv[o->nargv++] = root;
    o->argv[o->nargv] = NULL;
}

int trace_parse_opt(struct trace_opts *o, int argc, char **argv, int i, char *err, size_t errsz)
{
    const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
    int used = 0, r = 0;
    if (errsz)
        err[0] = 0;
    if (flag_bundle(o, a)) {
        used = 1;
    } else if (!strcmp(a, "-e") || !strcmp(a, "-X") || !strcmp(a, "--ioctl")) {
        if (!val) {
            snprintf(err, errsz, "option %s needs an argument", a);
            return -1;
        }
        used = 2;
        r = a[1] == 'e' ? parse_expr(o, val, err, errsz) : a[1] == 'X' ? set_xstyle(o, val, err, errsz)
                                                                      : set_policy(o, val, err, errsz);
    } else if (!strncmp(a, "-e", 2)) {
        used = 1, r = parse_expr(o, a + 2, err, errsz);
    } else if (!strncmp(a, "-X", 2)) {
        used = 1, r = set_xstyle(o, a + 2, err, errsz);
    } else if (!strncmp(a, "--const-print-style=", 20)) {
        used = 1, r = set_xstyle(o, a + 20, err, errsz);
    } else if (!strcmp(a, "--ioctl-defs") || !strncmp(a, "--ioctl-defs=", 13)) {
        const char *path = a[12] == '=' ? a + 13 : val;
        if (!path) {
            snprintf(err, errsz, "option %s needs a file", a);
            return -1;
        }
        if (trace_ioctl_defs_load(path, err, errsz) < 0)
            return -1;
        /* a re-executed child reads the same file, wherever its working directory is */
        char *abs = realpath(path, NULL), *arg = NULL;
        if (abs && asprintf(&arg, "--ioctl-defs=%s", abs) < 0)
            arg = NULL;
        free(abs);
        if (arg) {
            char *one[1] = { arg };
            remember(o, one, 0, 1);   /* kept for the life of the process, as argv is */
        }
        return a[12] == '=' ? 1 : 2;  /* the log stays off unless asked for: the declarations act without it */
    } else if (!strncmp(a, "--ioctl=", 8)) {
        used = 1, r = set_policy(o, a + 8, err, errsz);
    } else if (!strncmp(a, "--trace=", 8) || !strncmp(a, "--status=", 9) || !strncmp(a, "--signal=", 9)) {
        used = 1, r = parse_expr(o, a + 2, err, errsz);
    } else if (!strncmp(a, "--trace-root=", 13)) {
        used = 1, o->root_pid = atoi(a + 13);
    } else if (!strcmp(a, "--json")) {
        used = 1, o->json = 1;
    } else if (!strcmp(a, "--abi-report")) {
        used = 1, o->abi_report = 1;
    } else if (!strcmp(a, "--follow-forks")) {
        used = 1, o->follow = 1;
    } else if (!strcmp(a, "--summary-only")) {
        used = 1, o->summary = 1;
    } else if (!strcmp(a, "--summary")) {
        used = 1, o->summary = 2;
    } else if (!strcmp(a, "--stack-trace")) {
        used = 1, o->stack = 1;
    } else {
        return 0;
    }
    if (r < 0)
        return -1;
    o->enabled = 1;
    remember(o, argv, i, used);
    return used;
}

int trace_ioctl_policy(const struct trace *t)
{
    return t ? t->ioctl_policy : policy_parsed;
}

/* ---- filters, compiled once the ABI is known ---- */

struct selctx { struct trace *t; uint8_t on; };

static int apply_trace_item(const char *item, size_t n, void *ctx)
{
    struct selctx *k = ctx;
    struct trace *t = k->t;
    char name[64];
    int all = n == 3 && !strncmp(item, "all", 3), none = n == 4 && !strncmp(item, "none", 4);
    if (all || none) {
        memset(t->sel, all ? k->on : !k->on, trace_nsigs);
        t->sel_raw = all ? k->on : !k->on;
        return 0;
    }
    if (*item == '?') {      /* "?name": no error when unknown */
        item++, n--;
    }
    if (*item == '%') {
        unsigned cls = class_of(item + 1, n - 1);
        for (unsigned i = 0; i < trace_nsigs; i++)
            if (trace_sig_class(&trace_sigs[i]) & cls)
                t->sel[i] = k->on;
        return 0;
    }
    snprintf(name, sizeof name, "%.*s", (int)n, item);
    const struct trace_sig *s = trace_sig_find(name);
    if (s)
        t->sel[s - trace_sigs] = k->on;
    return 0;
}

static int apply_signal_item(const char *item, size_t n, void *ctx)
{
    struct selctx *k = ctx;
    uint64_t *set = k->t->sig_sel;
    if ((n == 3 && !strncmp(item, "all", 3)) || (n == 4 && !strncmp(item, "none", 4))) {
        uint64_t v = (item[0] == 'a') == (k->on != 0) ? ~0ull : 0;
        set[0] = set[1] = v;
        return 0;
    }
    int s = signal_number(item, n);
    if (s > 0) {
        uint64_t bit = 1ull << ((s - 1) % 64);
        if (k->on)
            set[(s - 1) / 64] |= bit;
        else
            set[(s - 1) / 64] &= ~bit;
    }
    return 0;
}

int trace_compile_filters(struct trace *t, const struct trace_opts *o)
{
    t->sig_sel[0] = t->sig_sel[1] = ~0ull;
    if (o->ntrace_sel) {
        t->sel = calloc(trace_nsigs ? trace_nsigs : 1, 1);
        if (!t->sel)
            return -1;
        /* The first set decides the start: "trace=open" starts from nothing, "trace=!open" from all. */
        int neg = o->trace_sel[0][0] == '!';
        memset(t->sel, neg, trace_nsigs);
        t->sel_raw = (uint8_t)neg;
        for (int i = 0; i < o->ntrace_sel; i++) {
            struct selctx k = { t, o->trace_sel[i][0] != '!' };
            each_item(o->trace_sel[i], apply_trace_item, &k);
        }
    }
    for (int i = 0; i < o->nsignal_sel; i++) {
        struct selctx k = { t, o->signal_sel[i][0] != '!' };
        if (i == 0 && k.on)
            t->sig_sel[0] = t->sig_sel[1] = 0;
        each_item(o->signal_sel[i], apply_signal_item, &k);
    }
    return 0;
}
