/* xtrace command line: qemu-user compatible options, loading the guest, running it, exiting as it did. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu/bcache.h"
#include "emu/debug.h"
#include "emu/emu.h"
#include "gdbstub/gdbstub.h"
#include "remote/attach.h"
#include "emu/linux/sys.h"
#include "emu/loader.h"
#include "emu/mem.h"
#include "emu/symtab.h"
#include "trace/trace.h"
#include "ui/ui.h"

#ifndef XTRACE_VERSION
#define XTRACE_VERSION "0.1"
#endif

extern struct emu_isa isa_riscv64, isa_aarch64, isa_arm;
const struct emu_isa *const emu_isas[] = {&isa_riscv64, &isa_aarch64, &isa_arm, NULL};

extern char **environ;

struct opts {
    const char *sysroot;         /* -L */
    const char *argv0;           /* -0 */
    int strace;                  /* -strace */
    int strsize;                 /* -s */
    const char *outfile;         /* -o */
    int log_append;              /* --log-append: a re-executed child adds to its parent's log */
    const char *gdb;             /* -g PORT | HOST:PORT | unix:PATH */
    int ui;                      /* --tui / --cli: UI_TUI or UI_CLI, 0 without a front end */
    const char *script;          /* -x FILE: debugger commands to run first */
    int ui_resume;               /* --ui-resume FD: a front end's session from before an exec, or -1 */
    struct trace_opts topts;     /* strace options (-f -e -y -T -c --json --ioctl= ...) */
    char **env;                  /* guest environment being built */
    size_t nenv;                 /* entries in env */
};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: xtrace [options] PROGRAM [ARGS...]\n"
            "       xtrace attach --gdb HOST:PORT [--uart SPEC] [--symbols ELF[@OFFSET]]... [--tui|--cli] [-x FILE]\n"
            "       xtrace board [--tui|--cli] [-x FILE] -- qemu-system-ARCH ARGS...   (see xtrace attach|board --help)\n"
            "Runs a Linux program built for another CPU in xtrace's own emulator, and shows what it does.\n"
            "\n"
            "options (qemu-user spellings where they exist):\n"
            "  -L DIR          sysroot for the ELF interpreter and absolute paths (env XTRACE_LD_PREFIX)\n"
            "  -E VAR=VALUE    set VAR in the guest's environment\n"
            "  -U VAR          remove VAR from the guest's environment\n"
            "  -0 ARGV0        pass ARGV0 as the guest's argv[0]\n"
            "  -strace         log syscalls strace-style on stderr (env XTRACE_STRACE=1)\n"
            "  -s N            longest string printed in the log (default 32)\n"
            "  -o FILE         write the syscall log to FILE instead of stderr (implies -strace)\n"
            "  strace's options: -f -e trace=SET|status=failed|signal=SET -y -yy -t -tt -ttt -r -T -x -xx\n"
            "                  -X raw|abbrev|verbose -v -c -C -k --json\n"
            "  --ioctl=auto|strict|pass  unknown ioctls: pass only when guest and host layouts agree (auto),\n"
            "                  refuse all (strict), pass everything raw (pass)\n"
            "  --ioctl-defs FILE  declare private ioctls and their argument structs (format in README.md);\n"
            "                  they are named in the log and translated between the guest's and the host's layout\n"
            "  --abi-report    at exit, a table of every ioctl and struct-carrying syscall: guest and host\n"
            "                  layouts and what xtrace did\n"
            "  -g PORT         wait for gdb on 127.0.0.1:PORT before the first instruction (also HOST:PORT,\n"
            "                  unix:PATH; env XTRACE_GDB); then: gdb-multiarch PROG -ex 'target remote :PORT'\n"
            "  --tui           debug in a full-screen terminal UI (code, registers, stack, memory, syscalls, console)\n"
            "  --cli           debug with gdb-style commands read from stdin (line mode, for scripts and lessons)\n"
            "  -x FILE         after --cli or --tui: run the debugger commands in FILE first\n"
            "  -h, --help      this text\n"
            "  --version       print the version\n"
            "\n"
            "guest architectures: ");
    for (int i = 0; emu_isas[i]; i++)
        fprintf(f, "%s%s", i ? ", " : "", emu_isas[i]->name);
    fprintf(f, "\nexample: xtrace -L /usr/riscv64-linux-gnu -strace ./hello\n");
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("xtrace: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void env_unset(struct opts *o, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < o->nenv; i++)
        if (!strncmp(o->env[i], name, n) && o->env[i][n] == '=') {
            memmove(&o->env[i], &o->env[i + 1], (o->nenv - i) * sizeof *o->env);
            o->nenv--;
            i--;
        }
}

static void env_set(struct opts *o, const char *kv)
{
    const char *eq = strchr(kv, '=');
    if (!eq)
        die("-E needs VAR=VALUE, got '%s'", kv);
    char *name = strndup(kv, (size_t)(eq - kv));
    env_unset(o, name);
    free(name);
    o->env = realloc(o->env, (o->nenv + 2) * sizeof *o->env);
    if (!o->env)
        die("out of memory");
    o->env[o->nenv++] = (char *)kv;
    o->env[o->nenv] = NULL;
}

static int parse(int argc, char **argv, struct opts *o)
{
    for (char **e = environ; *e; e++)
        o->nenv++;
    o->env = calloc(o->nenv + 1, sizeof *o->env);
    if (!o->env)
        die("out of memory");
    memcpy(o->env, environ, o->nenv * sizeof *o->env);
    o->strsize = 32;
    o->sysroot = getenv("XTRACE_LD_PREFIX");
    const char *st = getenv("XTRACE_STRACE");
    o->strace = st && *st && strcmp(st, "0");
    o->gdb = getenv("XTRACE_GDB");
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED(x) do { if (!val) die("option %s needs an argument (see xtrace --help)", a); x; i++; } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "-help")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--version") || !strcmp(a, "-version")) {
            printf("xtrace %s\n", XTRACE_VERSION);
            exit(0);
        } else if (!strcmp(a, "-L")) {
            NEED(o->sysroot = val);
        } else if (!strcmp(a, "-E")) {
            NEED(env_set(o, val));
        } else if (!strcmp(a, "-U")) {
            NEED(env_unset(o, val));
        } else if (!strcmp(a, "-0")) {
            NEED(o->argv0 = val);
        } else if (!strcmp(a, "-strace") || !strcmp(a, "--strace")) {
            o->strace = 1;
        } else if (!strcmp(a, "-s")) {
            char *end;
            NEED(o->strsize = (int)strtol(val, &end, 10); if (*end || o->strsize < 0) die("-s needs a number, got '%s'", val));
        } else if (!strcmp(a, "-o")) {
            NEED(o->outfile = val);
        } else if (!strcmp(a, "-g")) {
            NEED(o->gdb = val);
        } else if (!strcmp(a, "--tui")) {
            o->ui = UI_TUI;
        } else if (!strcmp(a, "--cli")) {
            o->ui = UI_CLI;
        } else if (!strcmp(a, "-x") && o->ui) { /* after --cli/--tui; alone, -x is strace's hex strings */
            NEED(o->script = val);
        } else if (!strcmp(a, "--ui-resume")) { /* internal: xtrace passes a debugger session across an exec */
            NEED(o->ui_resume = atoi(val));
        } else if (!strcmp(a, "--log-append")) {
            o->log_append = 1;
        } else {
            char terr[256];
            int n = trace_parse_opt(&o->topts, argc, argv, i, terr, sizeof terr);
            if (n < 0)
                die("%s", terr);
            if (n == 0)
                die("unknown option '%s' (see xtrace --help)", a);
            i += n - 1;
        }
#undef NEED
    }
    return i;
}

/* -k hooks for the syscall log: the guest's stack through the ISA, names through the guest's symbols. */
static struct emu_proc *log_proc;

static int log_unwind(struct emu_cpu *c, uint64_t *pcs, int max)
{
    return c->proc->isa->unwind ? c->proc->isa->unwind(c, pcs, max) : 0;
}

static const char *log_sym(uint64_t pc, uint64_t *off)
{
    return symtab_lookup(log_proc->syms, pc, off);
}

static const char *log_image(uint64_t pc)
{
    struct vma *v = mem_vma(log_proc->mem, pc);
    return v ? v->name : NULL;
}

/* The options a foreign child started by execve must run with, so it stays under the same xtrace set-up. */
static char **reexec_options(const struct opts *o)
{
    static char num[16];
    char **v = calloc(12 + (size_t)o->topts.nargv, sizeof *v);
    int n = 0;
    if (!v)
        die("out of memory");
    if (o->sysroot)
        v[n++] = "-L", v[n++] = (char *)o->sysroot;
    if (o->strace)
        v[n++] = "-strace";
    if (o->outfile)
        v[n++] = "-o", v[n++] = (char *)o->outfile, v[n++] = "--log-append";
    snprintf(num, sizeof num, "%d", o->strsize);
    v[n++] = "-s", v[n++] = num;
    for (int k = 0; k < o->topts.nargv; k++)
        v[n++] = o->topts.argv[k];
    v[n] = NULL;
    return v;
}

/* Finds the program: a path with '/', or a file in the current directory, or one on PATH. */
static char *find_program(const char *name)
{
    if (strchr(name, '/') || access(name, F_OK) == 0)
        return strdup(name);
    const char *path = getenv("PATH");
    if (path) {
        char *dup = strdup(path), *save = NULL;
        for (char *d = strtok_r(dup, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
            char full[PATH_MAX];
            snprintf(full, sizeof full, "%s/%s", d, name);
            if (access(full, F_OK) == 0) {
                free(dup);
                return strdup(full);
            }
        }
        free(dup);
    }
    return strdup(name);
}

int main(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "attach") || !strcmp(argv[1], "board")))
        return remote_main(argc - 1, argv + 1);
    struct opts o = {0};
    o.ui_resume = -1;
    int first = parse(argc, argv, &o);
    if (o.ui && o.ui_resume >= 0 && ui_resume_from(o.ui_resume) < 0)
        return 1;
    if (first >= argc) {
        usage(stderr);
        return 1;
    }
    char *prog = find_program(argv[first]);
    struct elf_probe pr;
    struct stat st;
    if (stat(prog, &st) < 0)
        die("cannot run '%s': %s", prog, strerror(errno));
    if (loader_probe(prog, &pr) < 0)
        die("%s", pr.err);
    if (o.sysroot) {
        struct stat sr;
        if (stat(o.sysroot, &sr) < 0 || !S_ISDIR(sr.st_mode))
            die("sysroot '%s' (-L) is not a directory", o.sysroot);
    }
    struct emu_isa *isa = (struct emu_isa *)pr.isa;
    if (!isa->systab && sys_init_isa(isa) < 0)
        die("no syscall table for %s", isa->name);

    struct emu_proc *p = calloc(1, sizeof *p);
    struct emu_cpu *c = calloc(1, isa->cpu_size);
    if (!p || !c)
        die("out of memory");
    p->isa = isa;
    p->sysroot = o.sysroot;
    pthread_mutex_init(&p->lock, NULL);
    p->nthreads = 1;
    p->self_exe = realpath("/proc/self/exe", NULL);
    p->mem = mem_new(isa->addr_bits);
    if (!p->mem)
        die("cannot reserve %u bits of guest address space: %s", isa->addr_bits, strerror(errno));
    p->bc = bcache_new(p);
    p->syms = symtab_new();
    char *abs = realpath(prog, NULL);
    p->exe_path = abs ? abs : prog;

    FILE *log = stderr;
    if (o.outfile && !(log = fopen(o.outfile, o.log_append ? "ae" : "we")))
        die("cannot open log file '%s': %s", o.outfile, strerror(errno));
    if (o.outfile) {
        char *abs_log = realpath(o.outfile, NULL);
        if (abs_log)
            o.outfile = abs_log;
    }
    p->reexec_opts = reexec_options(&o);
    if (o.strace || o.outfile || o.topts.enabled || o.ui == UI_TUI) {
        /* the TUI's syscalls panel reads the log; -o FILE still gets every line */
        o.topts.out = o.ui == UI_TUI ? ui_trace_file(o.outfile ? log : NULL) : log;
        if (!o.topts.out)
            die("out of memory");
        o.topts.strsize = o.strsize;
        o.topts.abi = isa->name;
        log_proc = p;
        o.topts.unwind = log_unwind;
        o.topts.sym = log_sym;
        o.topts.image = log_image;
        p->trace = trace_new(&o.topts);
        if (!p->trace)
            die("cannot set up the syscall log");
    }

    char **gargv = calloc((size_t)(argc - first) + 1, sizeof *gargv);
    if (!gargv)
        die("out of memory");
    for (int i = first; i < argc; i++)
        gargv[i - first] = argv[i];
    if (o.argv0)
        gargv[0] = (char *)o.argv0;
    uint64_t sp;
    char err[1024];
    if (loader_load(p, prog, gargv, o.env, argv[first], &sp, err, sizeof err) < 0)
        die("%s", err);
    c->proc = p;
    c->tid = (int)getpid();
    p->threads = c;
    isa->cpu_init(c, p->start_pc, sp);

    if (o.ui) {
        FILE *script = NULL;
        if (o.script && !(script = fopen(o.script, "re")))
            die("cannot read command file '%s': %s", o.script, strerror(errno));
        if (o.ui == UI_TUI && ui_prepare_console() < 0)
            die("cannot create a pseudo-terminal for the guest's console");
        if (!dbg_new(p))
            die("out of memory");
        if (emu_start_thread(c) < 0)
            die("cannot start the guest thread");
        return ui_run(p->dbg, o.ui, script);
    }
    if (o.gdb) {
        struct gdbstub *gs = gdbstub_listen(o.gdb, err, sizeof err);
        if (!gs)
            die("%s", err);
        if (!dbg_new(p))
            die("out of memory");
        if (emu_start_thread(c) < 0)
            die("cannot start the guest thread");
        gdbstub_serve(gs, p->dbg); /* returns only if the guest outlives every gdb session (detach) */
        for (;;)
            pause();
    }
    emu_lock(p);
    emu_run(c);
}
