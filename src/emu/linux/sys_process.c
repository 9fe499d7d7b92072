/* Process-model syscalls: clone as host threads or host fork, execve (foreign children stay under xtrace), wait. */
#include <fcntl.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bcache.h"
#include "debug.h"
#include "loader.h"
#include "sys.h"
#include "trace.h"

/* Guest CLONE_* bits (identical on every Linux ABI). */
#define G_CLONE_VM 0x00000100
#define G_CLONE_FS 0x00000200
#define G_CLONE_FILES 0x00000400
#define G_CLONE_SIGHAND 0x00000800
#define G_CLONE_VFORK 0x00004000
#define G_CLONE_THREAD 0x00010000
#define G_CLONE_SETTLS 0x00080000
#define G_CLONE_PARENT_SETTID 0x00100000
#define G_CLONE_CHILD_CLEARTID 0x00200000
#define G_CLONE_CHILD_SETTID 0x01000000
#define MAX_ARGS 4096

struct thread_start {
    struct emu_cpu *child;       /* the new thread's cpu */
    sem_t started;               /* posted once child->tid is known */
};

static void *thread_main(void *arg)
{
    struct thread_start *ts = arg;
    struct emu_cpu *c = ts->child;
    c->tid = (int)syscall(SYS_gettid);
    sem_post(&ts->started);
    emu_lock(c->proc);
    emu_run(c);
}

static int64_t new_thread(struct emu_cpu *c, uint64_t flags, uint64_t stack, uint64_t ptid, uint64_t tls, uint64_t ctid)
{
    struct emu_proc *p = c->proc;
    if ((flags & (G_CLONE_VM | G_CLONE_SIGHAND | G_CLONE_THREAD)) != (G_CLONE_VM | G_CLONE_SIGHAND | G_CLONE_THREAD))
        return -EINVAL; /* shared memory without a shared process: not something glibc or musl do */
    struct emu_cpu *child = malloc(p->isa->cpu_size);
    if (!child)
        return -ENOMEM;
    memcpy(child, c, p->isa->cpu_size);
    child->stop = STOP_NONE;
    child->pending = 0;
    child->cur = NULL;
    child->altstack_sp = child->altstack_size = 0;
    child->clear_child_tid = (flags & G_CLONE_CHILD_CLEARTID) ? ctid : 0;
    child->robust_list = 0;
    p->isa->clone_child(child, stack, tls, (flags & G_CLONE_SETTLS) != 0);
    struct thread_start ts = {child, {{0}}};
    sem_init(&ts.started, 0, 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 1 << 20);
    pthread_t th;
    p->nthreads++;
    child->next_thread = p->threads;
    p->threads = child;
    int r = pthread_create(&th, &attr, thread_main, &ts);
    pthread_attr_destroy(&attr);
    if (r) {
        p->nthreads--;
        p->threads = child->next_thread;
        free(child);
        return -EAGAIN;
    }
    while (sem_wait(&ts.started) < 0)
        ;
    sem_destroy(&ts.started);
    uint32_t tid = (uint32_t)child->tid;
    if ((flags & G_CLONE_PARENT_SETTID) && mem_write(MEMP, ptid, &tid, 4) < 0)
        return -EFAULT;
    if (flags & G_CLONE_CHILD_SETTID)
        mem_write(MEMP, ctid, &tid, 4);
    return tid;
}

/* A new process: a host fork of xtrace with everything in it. vfork is served as fork (POSIX allows it). */
static int64_t new_process(struct emu_cpu *c, uint64_t flags, uint64_t stack, uint64_t ptid, uint64_t tls, uint64_t ctid)
{
    fflush(NULL);
    dbg_fork_prepare(c->proc->dbg); /* the debugger may hold the child until it decides whom it follows */
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        dbg_fork_parent(c->proc->dbg, -1);
        return -sys_errno(e);
    }
    if (pid == 0) {
        c->tid = (int)getpid();
        c->host_tid = c->tid;
        c->proc->nthreads = 1;
        c->next_thread = NULL;
        c->proc->threads = c;
        c->proc->isa->clone_child(c, stack, tls, (flags & G_CLONE_SETTLS) != 0);
        if (flags & G_CLONE_CHILD_SETTID) {
            uint32_t t = (uint32_t)c->tid;
            mem_write(MEMP, ctid, &t, 4);
        }
        c->clear_child_tid = (flags & G_CLONE_CHILD_CLEARTID) ? ctid : 0;
        dbg_fork_child(c); /* the debugger stays with the parent (the child runs free of its traps) or follows */
        return 0;
    }
    dbg_fork_parent(c->proc->dbg, pid);
    if (flags & G_CLONE_PARENT_SETTID) {
        uint32_t t = (uint32_t)pid;
        mem_write(MEMP, ptid, &t, 4);
    }
    if (c->proc->dbg) { /* a stop event; a vfork's parent goes on at once (served as a fork), so "done" follows */
        int vfork = (flags & G_CLONE_VFORK) != 0;
        struct dbg_stop st = {.kind = vfork ? DBG_STOP_VFORK : DBG_STOP_FORK, .sig = SIGTRAP, .child_pid = pid};
        dbg_report(c, &st);
        if (vfork) {
            struct dbg_stop done = {.kind = DBG_STOP_VFORK_DONE, .sig = SIGTRAP};
            dbg_report(c, &done);
        }
    }
    return pid;
}

SYS(sys_clone)
{
    const struct emu_isa *isa = c->proc->isa;
    uint64_t flags = a[0], stack = a[1], ptid = a[2], tls = a[isa->clone_tls_arg], ctid = a[isa->clone_ctid_arg];
    return (flags & G_CLONE_VM) && !(flags & G_CLONE_VFORK) ? new_thread(c, flags, stack, ptid, tls, ctid)
                                                            : new_process(c, flags, stack, ptid, tls, ctid);
}

/* clone3: struct clone_args {flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, ...}. */
SYS(sys_clone3)
{
    uint64_t ca[8];
    if (a[1] < 64)
        return -EINVAL;
    if (mem_read(MEMP, a[0], ca, sizeof ca) < 0)
        return -EFAULT;
    uint64_t flags = ca[0] | (ca[4] & 0xff), stack = ca[5] ? ca[5] + ca[6] : 0;
    if (ca[1] && (ca[0] & 0x00001000 /* CLONE_PIDFD */))
        return -EINVAL; /* pidfds for emulated children are not supported */
    return (flags & G_CLONE_VM) && !(flags & G_CLONE_VFORK) ? new_thread(c, flags, stack, ca[3], ca[7], ca[2])
                                                            : new_process(c, flags, stack, ca[3], ca[7], ca[2]);
}

/* Reads a NULL-terminated guest array of string pointers; returns a malloc'ed vector or NULL (*err set). */
static char **read_strv(struct emu_cpu *c, uint64_t ga, int *err)
{
    int ws = c->proc->isa->elf_class == 2 ? 8 : 4;
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    if (!v)
        return *err = -ENOMEM, NULL;
    for (; ga; n++) {
        uint64_t ptr = 0;
        if (n >= MAX_ARGS || mem_read(MEMP, ga + n * (uint64_t)ws, &ptr, (size_t)ws) < 0) {
            *err = n >= MAX_ARGS ? -E2BIG : -EFAULT;
            goto bad;
        }
        if (!ptr)
            break;
        if (n + 2 > cap) {
            char **nv = realloc(v, (cap *= 2) * sizeof *v);
            if (!nv) {
                *err = -ENOMEM;
                goto bad;
            }
            v = nv;
        }
        char buf[131072];
        int len = mem_read_str(MEMP, ptr, buf, sizeof buf);
        if (len < 0) {
            *err = len == -ENAMETOOLONG ? -E2BIG : len;
            goto bad;
        }
        v[n] = strdup(buf);
    }
    v[n] = NULL;
    return v;
bad:
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
    return NULL;
}

static void free_strv(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* Splits "#!interp [arg]" from the first line of a script; returns 0 when path is a script. */
static int script_interp(const char *path, char *interp, size_t n, char *arg, size_t an)
{
    char line[256];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t r = read(fd, line, sizeof line - 1);
    close(fd);
    if (r < 3 || line[0] != '#' || line[1] != '!')
        return -1;
    line[r] = 0;
    char *s = line + 2, *e = strchr(s, '\n');
    if (e)
        *e = 0;
    while (*s == ' ' || *s == '\t')
        s++;
    char *sp = s + strcspn(s, " \t");
    arg[0] = 0;
    if (*sp) {
        *sp++ = 0;
        while (*sp == ' ' || *sp == '\t')
            sp++;
        snprintf(arg, an, "%s", sp);
        size_t l = strlen(arg);
        while (l && (arg[l - 1] == ' ' || arg[l - 1] == '\t'))
            arg[--l] = 0;
    }
    snprintf(interp, n, "%s", s);
    return *interp ? 0 : -1;
}

static void trace_exec_ok(struct emu_cpu *c, const uint64_t a[6])
{
    struct emu_proc *p = c->proc;
    if (!p->trace)
        return;
    for (unsigned i = 0; i < p->isa->nsys; i++) {
        const struct sys_ent *e = p->isa->systab[i];
        if (e && (!strcmp(e->name, "execve") || !strcmp(e->name, "execveat")) && e->fn && e->nr == (int)i) {
            uint64_t nr, dummy[6];
            p->isa->sys_args(c, &nr, dummy);
            if (nr == i) {
                trace_leave(p->trace, c, e, a, 0);
                break;
            }
        }
    }
    fflush(NULL);
}

static int64_t do_exec(struct emu_cpu *c, const uint64_t a[6], uint64_t path_arg, uint64_t argv_arg, uint64_t envp_arg)
{
    char path[PATH_MAX];
    int r = sys_path(c, path_arg, path), err = 0;
    if (r < 0)
        return r;
    if (access(path, F_OK) < 0)
        return ERR();
    char **argv = read_strv(c, argv_arg, &err);
    if (!argv)
        return err;
    char **envp = read_strv(c, envp_arg, &err);
    if (!envp) {
        free_strv(argv);
        return err;
    }
    /* A script runs its interpreter (looked up in the sysroot first) with the script as argument. */
    char interp[PATH_MAX], iarg[256], target[PATH_MAX * 2 + 8];
    int nextra = 0;
    const char *extra[3];
    snprintf(target, sizeof target, "%s", path);
    if (script_interp(path, interp, sizeof interp, iarg, sizeof iarg) == 0) {
        char full[PATH_MAX * 2 + 8];
        snprintf(full, sizeof full, "%s%s", c->proc->sysroot && interp[0] == '/' ? c->proc->sysroot : "", interp);
        snprintf(target, sizeof target, "%s", access(full, X_OK) == 0 ? full : interp);
        extra[nextra++] = interp;
        if (iarg[0])
            extra[nextra++] = iarg;
        extra[nextra++] = path;
    }
    size_t argc = 0;
    while (argv[argc])
        argc++;
    struct elf_probe pr;
    int foreign = loader_probe(target, &pr) == 0;
    size_t nopts = 0;
    while (c->proc->reexec_opts[nopts])
        nopts++;
    if (c->proc->dbg) { /* a stop event before the image goes; a front end may hand itself over (below) */
        struct dbg_stop st = {.kind = DBG_STOP_EXEC, .sig = SIGTRAP, .path = target};
        dbg_report(c, &st);
    }
    const char *const *handoff = foreign ? dbg_exec_prepare(c->proc->dbg) : NULL;
    size_t nhand = 0;
    while (handoff && handoff[nhand])
        nhand++;
    char **nv = calloc(argc + nopts + nhand + 8, sizeof *nv);
    if (!nv) {
        if (handoff)
            dbg_exec_failed(c->proc->dbg);
        free_strv(argv);
        free_strv(envp);
        return -ENOMEM;
    }
    size_t k = 0;
    if (foreign) { /* xtrace [options] -0 argv0 -- target [extra...] argv[1..] */
        nv[k++] = "xtrace";
        for (size_t i = 0; i < nopts; i++)
            nv[k++] = c->proc->reexec_opts[i];
        for (size_t i = 0; i < nhand; i++)
            nv[k++] = (char *)handoff[i];
        nv[k++] = "-0";
        nv[k++] = nextra ? (char *)extra[0] : argc ? argv[0] : target;
        nv[k++] = "--";
        nv[k++] = target;
        for (int i = 1; i < nextra; i++)
            nv[k++] = (char *)extra[i];
    } else {
        for (int i = 0; i < nextra; i++)
            nv[k++] = (char *)extra[i];
        if (!nextra)
            nv[k++] = argc ? argv[0] : target;
    }
    for (size_t i = 1; i < argc; i++)
        nv[k++] = argv[i];
    nv[k] = NULL;
    trace_exec_ok(c, a);
    if (foreign)
        execve(c->proc->self_exe, nv, envp);
    else
        execve(target, nv, envp);
    int e = errno;
    if (handoff)
        dbg_exec_failed(c->proc->dbg);
    free(nv);
    free_strv(argv);
    free_strv(envp);
    return -sys_errno(e);
}

SYS(sys_execve) { return do_exec(c, a, a[0], a[1], a[2]); }

SYS(sys_execveat)
{
    if (sys_dirfd(a[0]) != AT_FDCWD || a[4])
        return -ENOSYS; /* only the execve-equivalent form so far */
    return do_exec(c, a, a[1], a[2], a[3]);
}

SYS(sys_wait4)
{
    int *st = a[1] ? gptr(c, a[1], 4, MEM_W) : NULL;
    void *ru = a[3] ? gptr(c, a[3], sizeof(struct rusage), MEM_W) : NULL; /* LP64 rusage == host's */
    if ((a[1] && !st) || (a[3] && !ru))
        return -EFAULT;
    return RET(wait4((pid_t)a[0], st, (int)a[2], ru));
}

SYS(sys_waitid)
{
    void *si = a[2] ? gptr(c, a[2], 128, MEM_W) : NULL; /* 64-bit siginfo == host's */
    void *ru = a[4] ? gptr(c, a[4], sizeof(struct rusage), MEM_W) : NULL;
    if ((a[2] && !si) || (a[4] && !ru))
        return -EFAULT;
    return RET(syscall(SYS_waitid, (int)a[0], (pid_t)a[1], si, (int)a[3], ru));
}

SYS(sys_prctl)
{
    int op = (int)a[0];
    switch (op) {
    case PR_SET_NAME: {
        char name[16];
        int n = mem_read_str(MEMP, a[1], name, sizeof name);
        if (n == -EFAULT)
            return -EFAULT;
        return RET(prctl(PR_SET_NAME, name));
    }
    case PR_GET_NAME: {
        char name[16];
        if (prctl(PR_GET_NAME, name) < 0)
            return ERR();
        return mem_write(MEMP, a[1], name, sizeof name);
    }
    case PR_SET_PDEATHSIG: case PR_SET_DUMPABLE: case PR_GET_DUMPABLE: case PR_SET_NO_NEW_PRIVS:
    case PR_GET_NO_NEW_PRIVS: case PR_SET_CHILD_SUBREAPER: case PR_GET_TIMERSLACK: case PR_SET_TIMERSLACK:
        return RET(prctl(op, a[1], a[2], a[3], a[4]));
    case PR_GET_PDEATHSIG: {
        int s;
        if (prctl(PR_GET_PDEATHSIG, &s) < 0)
            return ERR();
        return mem_write(MEMP, a[1], &s, 4);
    }
    default:
        return -EINVAL;
    }
}

const struct sys_impl sys_process_impls[] = {
    {"clone", sys_clone}, {"clone3", sys_clone3}, {"execve", sys_execve}, {"execveat", sys_execveat},
    {"wait4", sys_wait4}, {"waitid", sys_waitid}, {"prctl", sys_prctl},
    {NULL, NULL},
};
