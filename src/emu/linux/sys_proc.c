/* Process syscalls: identities, exit, signals sent to self, dispositions, time, limits, randomness, futex. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "sys.h"
#include "trace.h"

SYS(sys_getpid) { (void)c; (void)a; return getpid(); }
SYS(sys_gettid) { (void)a; return c->tid; }
SYS(sys_getppid) { (void)c; (void)a; return getppid(); }
SYS(sys_getuid) { (void)c; (void)a; return getuid(); }
SYS(sys_geteuid) { (void)c; (void)a; return geteuid(); }
SYS(sys_getgid) { (void)c; (void)a; return getgid(); }
SYS(sys_getegid) { (void)c; (void)a; return getegid(); }
SYS(sys_getpgid) { (void)c; return RET(getpgid((pid_t)a[0])); }
SYS(sys_setpgid) { (void)c; return RET(setpgid((pid_t)a[0], (pid_t)a[1])); }
SYS(sys_getsid) { (void)c; return RET(getsid((pid_t)a[0])); }
SYS(sys_setsid) { (void)c; (void)a; return RET(setsid()); }
SYS(sys_sched_yield) { (void)c; (void)a; sched_yield(); return 0; }

SYS(sys_exit_group)
{
    c->stop = STOP_EXIT;
    c->exit_code = (int)(a[0] & 0xff);
    return 0;
}

SYS(sys_set_tid_address)
{
    c->clear_child_tid = a[0];
    return c->tid;
}

SYS(sys_set_robust_list)
{
    if (a[1] != 24) /* sizeof(struct robust_list_head) on LP64 */
        return -EINVAL;
    c->robust_list = a[0];
    c->robust_len = a[1];
    return 0;
}

/* glibc probes rseq at start-up and copes with ENOSYS; saying so on every run would be noise. */
SYS(sys_rseq) { (void)c; (void)a; return -ENOSYS; }

SYS(sys_uname)
{
    struct utsname u;
    if (uname(&u) < 0)
        return ERR();
    snprintf(u.machine, sizeof u.machine, "%s", c->proc->isa->uname_machine);
    return mem_write(MEMP, a[0], &u, sizeof u); /* 6 x 65 chars on every Linux ABI */
}

/* ---- signals ---- */

static int valid_sig(uint64_t s) { return s >= 1 && s <= 64; }

/* A signal sent to this very process or thread: raised synchronously in the guest. */
static int64_t signal_self(struct emu_cpu *c, int sig, int code)
{
    if (!sig)
        return 0;
    struct guest_sigaction *act = &c->proc->sigact[sig];
    if (act->handler == 1 && sig != SIGKILL && sig != SIGSTOP)
        return 0; /* ignored */
    if (act->handler > 1)
        emu_warn("guest handler for %s at 0x%llx cannot be called yet (guest signal frames are not implemented); "
                 "taking the default action", trace_signal_name(sig) ? trace_signal_name(sig) : "signal",
                 (unsigned long long)act->handler);
    emu_raise(c, sig, code, 0);
    return 0;
}

SYS(sys_kill)
{
    pid_t pid = (pid_t)a[0];
    if (!valid_sig(a[1]) && a[1])
        return -EINVAL;
    if (pid == getpid() || pid == 0)
        return signal_self(c, (int)a[1], SI_USER);
    return RET(kill(pid, (int)a[1]));
}

SYS(sys_tgkill)
{
    if (!valid_sig(a[2]) && a[2])
        return -EINVAL;
    if ((pid_t)a[0] == getpid() && (pid_t)a[1] == c->tid)
        return signal_self(c, (int)a[2], SI_TKILL);
    return RET(syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], (int)a[2]));
}

SYS(sys_tkill)
{
    if (!valid_sig(a[1]) && a[1])
        return -EINVAL;
    if ((pid_t)a[0] == c->tid)
        return signal_self(c, (int)a[1], SI_TKILL);
    return RET(syscall(SYS_tkill, (pid_t)a[0], (int)a[1]));
}

SYS(sys_rt_sigaction)
{
    int sig = (int)a[0];
    if (!valid_sig(a[0]) || a[3] != 8)
        return -EINVAL;
    struct guest_sigaction *cur = &c->proc->sigact[sig];
    int rs = c->proc->isa->has_sa_restorer;
    uint64_t words = rs ? 4 : 3;
    if (a[2]) { /* old action: handler, flags, [restorer], mask */
        uint64_t o[4] = {cur->handler, cur->flags, rs ? cur->restorer : cur->mask, cur->mask};
        if (mem_write(MEMP, a[2], o, words * 8) < 0)
            return -EFAULT;
    }
    if (a[1]) {
        if (sig == SIGKILL || sig == SIGSTOP)
            return -EINVAL;
        uint64_t n[4];
        if (mem_read(MEMP, a[1], n, words * 8) < 0)
            return -EFAULT;
        cur->handler = n[0];
        cur->flags = n[1];
        cur->restorer = rs ? n[2] : 0;
        cur->mask = rs ? n[3] : n[2];
        /* Asynchronous signals the guest ignores or defaults are mirrored on the host; xtrace keeps its fault signals. */
        if (sig != SIGSEGV && sig != SIGBUS && sig != SIGILL && sig != SIGFPE && sig != SIGTRAP && cur->handler <= 1)
            signal(sig, cur->handler == 1 ? SIG_IGN : SIG_DFL);
    }
    return 0;
}

SYS(sys_rt_sigprocmask)
{
    if (a[3] != 8)
        return -EINVAL;
    uint64_t old = c->sigmask, set;
    if (a[1]) {
        if (mem_read(MEMP, a[1], &set, 8) < 0)
            return -EFAULT;
        set &= ~((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)));
        switch (a[0]) {
        case SIG_BLOCK: c->sigmask |= set; break;
        case SIG_UNBLOCK: c->sigmask &= ~set; break;
        case SIG_SETMASK: c->sigmask = set; break;
        default: return -EINVAL;
        }
    }
    if (a[2] && mem_write(MEMP, a[2], &old, 8) < 0)
        return -EFAULT;
    return 0;
}

/* ---- time (LP64 guests share the host's timespec/timeval layouts) ---- */

SYS(sys_clock_gettime)
{
    void *p = gptr(c, a[1], 16, MEM_W);
    return p ? RET(syscall(SYS_clock_gettime, (clockid_t)a[0], p)) : -EFAULT;
}

SYS(sys_clock_getres)
{
    void *p = a[1] ? gptr(c, a[1], 16, MEM_W) : NULL;
    if (a[1] && !p)
        return -EFAULT;
    return RET(syscall(SYS_clock_getres, (clockid_t)a[0], p));
}

SYS(sys_gettimeofday)
{
    void *tv = a[0] ? gptr(c, a[0], 16, MEM_W) : NULL, *tz = a[1] ? gptr(c, a[1], 8, MEM_W) : NULL;
    if ((a[0] && !tv) || (a[1] && !tz))
        return -EFAULT;
    return RET(syscall(SYS_gettimeofday, tv, tz));
}

SYS(sys_nanosleep)
{
    void *req = gptr(c, a[0], 16, MEM_R), *rem = a[1] ? gptr(c, a[1], 16, MEM_W) : NULL;
    if (!req || (a[1] && !rem))
        return -EFAULT;
    return RET(syscall(SYS_nanosleep, req, rem));
}

SYS(sys_clock_nanosleep)
{
    void *req = gptr(c, a[2], 16, MEM_R), *rem = a[3] ? gptr(c, a[3], 16, MEM_W) : NULL;
    if (!req || (a[3] && !rem))
        return -EFAULT;
    long r = syscall(SYS_clock_nanosleep, (clockid_t)a[0], (int)a[1], req, rem);
    return r < 0 ? ERR() : 0;
}

SYS(sys_times)
{
    void *p = a[0] ? gptr(c, a[0], sizeof(struct tms), MEM_W) : NULL;
    if (a[0] && !p)
        return -EFAULT;
    return RET(syscall(SYS_times, p));
}

/* ---- resources ---- */

SYS(sys_prlimit64)
{
    void *n = a[2] ? gptr(c, a[2], 16, MEM_R) : NULL, *o = a[3] ? gptr(c, a[3], 16, MEM_W) : NULL;
    if ((a[2] && !n) || (a[3] && !o))
        return -EFAULT;
    return RET(syscall(SYS_prlimit64, (pid_t)a[0], (int)a[1], n, o));
}

SYS(sys_getrlimit)
{
    void *o = gptr(c, a[1], 16, MEM_W);
    return o ? RET(syscall(SYS_getrlimit, (int)a[0], o)) : -EFAULT;
}

SYS(sys_setrlimit)
{
    void *n = gptr(c, a[1], 16, MEM_R);
    return n ? RET(syscall(SYS_setrlimit, (int)a[0], n)) : -EFAULT;
}

SYS(sys_getrusage)
{
    void *p = gptr(c, a[1], sizeof(struct rusage), MEM_W);
    return p ? RET(getrusage((int)a[0], p)) : -EFAULT;
}

SYS(sys_sysinfo)
{
    void *p = gptr(c, a[0], sizeof(struct sysinfo), MEM_W);
    return p ? RET(sysinfo(p)) : -EFAULT;
}

SYS(sys_getrandom)
{
    void *p = gptr(c, a[0], a[1], MEM_W);
    return p ? RET(getrandom(p, a[1], (unsigned)a[2])) : -EFAULT;
}

SYS(sys_sched_getaffinity)
{
    void *p = gptr(c, a[2], a[1], MEM_W);
    return p ? RET(syscall(SYS_sched_getaffinity, (pid_t)a[0], (size_t)a[1], p)) : -EFAULT;
}

SYS(sys_getcpu)
{
    unsigned cpu, node;
    if (syscall(SYS_getcpu, &cpu, &node, NULL) < 0)
        return ERR();
    if ((a[0] && mem_write(MEMP, a[0], &cpu, 4) < 0) || (a[1] && mem_write(MEMP, a[1], &node, 4) < 0))
        return -EFAULT;
    return 0;
}

/* Futexes live in guest memory, which is host memory: the host kernel does the waiting. */
SYS(sys_futex)
{
    void *uaddr = gptr(c, a[0], 4, MEM_R);
    if (!uaddr)
        return -EFAULT;
    int op = (int)a[1], cmd = op & 0x7f; /* FUTEX_CMD_MASK: without PRIVATE and CLOCK_REALTIME */
    void *ts = NULL, *uaddr2 = NULL;
    /* The fourth argument is a timeout for the waits, a count (val2) for requeue and wake_op. */
    if (cmd == 0 /* WAIT */ || cmd == 9 /* WAIT_BITSET */ || cmd == 6 /* LOCK_PI */ || cmd == 11 /* WAIT_REQUEUE_PI */ ||
        cmd == 13 /* LOCK_PI2 */) {
        if (a[3] && !(ts = gptr(c, a[3], 16, MEM_R)))
            return -EFAULT;
    } else {
        ts = (void *)(uintptr_t)a[3];
    }
    if (cmd == 3 || cmd == 4 || cmd == 5 || cmd == 11 || cmd == 12) {
        if (!(uaddr2 = gptr(c, a[4], 4, MEM_R)))
            return -EFAULT;
    }
    return RET(syscall(SYS_futex, uaddr, op, (int)a[2], ts, uaddr2, (int)a[5]));
}

const struct sys_impl sys_proc_impls[] = {
    {"getpid", sys_getpid}, {"gettid", sys_gettid}, {"getppid", sys_getppid}, {"getuid", sys_getuid},
    {"geteuid", sys_geteuid}, {"getgid", sys_getgid}, {"getegid", sys_getegid}, {"getpgid", sys_getpgid},
    {"setpgid", sys_setpgid}, {"getsid", sys_getsid}, {"setsid", sys_setsid}, {"sched_yield", sys_sched_yield},
    {"exit", sys_exit_group}, {"exit_group", sys_exit_group}, {"set_tid_address", sys_set_tid_address},
    {"set_robust_list", sys_set_robust_list}, {"rseq", sys_rseq}, {"uname", sys_uname}, {"kill", sys_kill},
    {"tgkill", sys_tgkill}, {"tkill", sys_tkill}, {"rt_sigaction", sys_rt_sigaction},
    {"rt_sigprocmask", sys_rt_sigprocmask}, {"clock_gettime", sys_clock_gettime},
    {"clock_getres", sys_clock_getres}, {"gettimeofday", sys_gettimeofday}, {"nanosleep", sys_nanosleep},
    {"clock_nanosleep", sys_clock_nanosleep}, {"times", sys_times}, {"prlimit64", sys_prlimit64},
    {"getrlimit", sys_getrlimit}, {"setrlimit", sys_setrlimit}, {"getrusage", sys_getrusage},
    {"sysinfo", sys_sysinfo}, {"getrandom", sys_getrandom}, {"sched_getaffinity", sys_sched_getaffinity},
    {"getcpu", sys_getcpu}, {"futex", sys_futex},
    {NULL, NULL},
};
