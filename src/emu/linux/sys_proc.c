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

#include "sigdeliver.h"
#include "sys.h"

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
    c->exit_group = 1;
    return 0;
}

/* Ends only the calling thread (the process when it is the last one). */
SYS(sys_exit)
{
    c->stop = STOP_EXIT;
    c->exit_code = (int)(a[0] & 0xff);
    c->exit_group = 0;
    return 0;
}

SYS(sys_set_tid_address)
{
    c->clear_child_tid = a[0];
    return c->tid;
}

SYS(sys_set_robust_list)
{
    if (a[1] != 3 * sys_word(c)) /* sizeof(struct robust_list_head): three guest words */
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

/* Relative sleeps run to an absolute deadline, kept per thread as the kernel's restart_block does
   (kernel/time/hrtimer.c hrtimer_nanosleep_restart): when a sleep is cut short and then restarted without the
   guest seeing EINTR (a debugger interrupt, a signal without a handler, an SA_RESTART one), the restarted call
   - the same syscall instruction with the same arguments - sleeps only what was left. Guest threads are host
   threads, so the block is thread-local. */
static __thread struct {
    int valid;                   /* set when the last sleep of this thread was interrupted and will be restarted */
    uint64_t pc, args[4];        /* the syscall instruction and arguments it belongs to */
    int64_t req[2];              /* the request as it was read (sec, nsec) */
    clockid_t clk;               /* the clock the deadline is on */
    struct timespec deadline;
} sleep_restart;

/* Sleeps for the guest timespec at req (relative on clk), writing what is left to rem (0: none) when
   interrupted. Returns 0 or a negative errno. */
static int64_t sleep_rel(struct emu_cpu *c, const uint64_t a[4], clockid_t clk, uint64_t req, uint64_t rem)
{
    int64_t t[2];
    if (mem_read(MEMP, req, t, sizeof t) < 0)
        return -EFAULT;
    if (t[0] < 0 || t[1] < 0 || t[1] >= 1000000000L)
        return -EINVAL;
    /* Relative CLOCK_REALTIME/TAI sleeps do not follow clock changes: the kernel times them on the monotonic
       base. */
    clockid_t base = clk == CLOCK_BOOTTIME ? CLOCK_BOOTTIME : CLOCK_MONOTONIC;
    struct timespec dl;
    uint64_t pc = c->cur ? c->cur->pc : 0;
    if (sleep_restart.valid && sleep_restart.pc == pc && !memcmp(sleep_restart.args, a, sizeof sleep_restart.args) &&
        sleep_restart.req[0] == t[0] && sleep_restart.req[1] == t[1] && sleep_restart.clk == base) {
        dl = sleep_restart.deadline;
    } else {
        clock_gettime(base, &dl);
        dl.tv_sec += t[0] + (dl.tv_nsec + t[1]) / 1000000000L;
        dl.tv_nsec = (dl.tv_nsec + t[1]) % 1000000000L;
    }
    sleep_restart.valid = 0;
    long r = syscall(SYS_clock_nanosleep, base, TIMER_ABSTIME, &dl, NULL);
    if (r == 0)
        return 0;
    int err = errno;
    if (err != EINTR)
        return -(int64_t)sys_errno(err);
    if (rem) {
        struct timespec now;
        clock_gettime(base, &now);
        int64_t left = (int64_t)(dl.tv_sec - now.tv_sec) * 1000000000LL + (dl.tv_nsec - now.tv_nsec);
        if (left < 0)
            left = 0;
        int64_t o[2] = {left / 1000000000LL, left % 1000000000LL};
        if (mem_write(MEMP, rem, o, sizeof o) < 0)
            return -EFAULT;
    }
    /* The dispatcher restarts the call (instead of returning EINTR) exactly in these cases (syscall.c). */
    if (sig_restartable(c) || !(__atomic_load_n(&c->pending, __ATOMIC_SEQ_CST) & ~c->sigmask)) {
        sleep_restart.valid = 1;
        sleep_restart.pc = pc;
        memcpy(sleep_restart.args, a, sizeof sleep_restart.args);
        sleep_restart.req[0] = t[0], sleep_restart.req[1] = t[1];
        sleep_restart.clk = base;
        sleep_restart.deadline = dl;
    }
    return -EINTR;
}

SYS(sys_nanosleep)
{
    if (a[1] && !gptr(c, a[1], 16, MEM_W))
        return -EFAULT;
    return sleep_rel(c, (const uint64_t[4]){a[0], a[1], 0, 0}, CLOCK_MONOTONIC, a[0], a[1]);
}

SYS(sys_clock_nanosleep)
{
    clockid_t clk = (clockid_t)a[0];
    int rel_ok = clk == CLOCK_REALTIME || clk == CLOCK_MONOTONIC || clk == CLOCK_BOOTTIME || clk == CLOCK_TAI;
    if (!((int)a[1] & TIMER_ABSTIME) && rel_ok) {
        if (a[3] && !gptr(c, a[3], 16, MEM_W))
            return -EFAULT;
        return sleep_rel(c, a, clk, a[2], a[3]);
    }
    /* Absolute sleeps restart to the same deadline by themselves; CPU-time clocks are the host's. */
    void *req = gptr(c, a[2], 16, MEM_R), *rem = a[3] ? gptr(c, a[3], 16, MEM_W) : NULL;
    if (!req || (a[3] && !rem))
        return -EFAULT;
    long r = syscall(SYS_clock_nanosleep, clk, (int)a[1], req, rem);
    return r < 0 ? ERR() : 0;
}

SYS(sys_times)
{
    void *p = a[0] ? gptr(c, a[0], sizeof(struct tms), MEM_W) : NULL;
    if (a[0] && !p)
        return -EFAULT;
    return RET(syscall(SYS_times, p));
}

/* Interval timers and POSIX timers: the host's timers, whose signals reach the guest through its handlers. */
SYS(sys_setitimer)
{
    void *n = gptr(c, a[1], 32, MEM_R), *o = a[2] ? gptr(c, a[2], 32, MEM_W) : NULL; /* LP64 itimerval */
    if (!n || (a[2] && !o))
        return -EFAULT;
    return RET(syscall(SYS_setitimer, (int)a[0], n, o));
}

SYS(sys_getitimer)
{
    void *o = gptr(c, a[1], 32, MEM_W);
    return o ? RET(syscall(SYS_getitimer, (int)a[0], o)) : -EFAULT;
}

SYS(sys_timer_create)
{
    /* struct sigevent (64 bytes, LP64 layout == host); SIGEV_THREAD_ID names a guest tid == host tid. */
    void *ev = a[1] ? gptr(c, a[1], 64, MEM_R) : NULL, *id = gptr(c, a[2], 4, MEM_W);
    if ((a[1] && !ev) || !id)
        return -EFAULT;
    return RET(syscall(SYS_timer_create, (clockid_t)a[0], ev, id));
}

SYS(sys_timer_settime)
{
    void *n = gptr(c, a[2], 32, MEM_R), *o = a[3] ? gptr(c, a[3], 32, MEM_W) : NULL;
    if (!n || (a[3] && !o))
        return -EFAULT;
    return RET(syscall(SYS_timer_settime, (int)a[0], (int)a[1], n, o));
}

SYS(sys_timer_gettime)
{
    void *o = gptr(c, a[1], 32, MEM_W);
    return o ? RET(syscall(SYS_timer_gettime, (int)a[0], o)) : -EFAULT;
}

SYS(sys_timer_delete) { (void)c; return RET(syscall(SYS_timer_delete, (int)a[0])); }
SYS(sys_timer_getoverrun) { (void)c; return RET(syscall(SYS_timer_getoverrun, (int)a[0])); }

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
    struct rusage ru; /* LP64 layout == host's; filled first so a bad "who" is EINVAL as in the kernel */
    if (getrusage((int)a[0], &ru) < 0)
        return ERR();
    return mem_write(MEMP, a[1], &ru, sizeof ru);
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
    {"exit", sys_exit}, {"exit_group", sys_exit_group}, {"set_tid_address", sys_set_tid_address},
    {"set_robust_list", sys_set_robust_list}, {"rseq", sys_rseq}, {"uname", sys_uname},
    {"clock_gettime", sys_clock_gettime},
    {"clock_getres", sys_clock_getres}, {"gettimeofday", sys_gettimeofday}, {"nanosleep", sys_nanosleep},
    {"clock_nanosleep", sys_clock_nanosleep}, {"times", sys_times}, {"prlimit64", sys_prlimit64},
    {"getrlimit", sys_getrlimit}, {"setrlimit", sys_setrlimit}, {"getrusage", sys_getrusage},
    {"sysinfo", sys_sysinfo}, {"getrandom", sys_getrandom}, {"sched_getaffinity", sys_sched_getaffinity},
    {"getcpu", sys_getcpu}, {"futex", sys_futex},
    /* 32-bit ABIs' 64-bit-time calls take the LP64 layouts */
    {"clock_gettime64", sys_clock_gettime}, {"clock_getres_time64", sys_clock_getres},
    {"clock_nanosleep_time64", sys_clock_nanosleep}, {"futex_time64", sys_futex},
    {"timer_settime64", sys_timer_settime}, {"timer_gettime64", sys_timer_gettime}, {"setitimer", sys_setitimer}, {"getitimer", sys_getitimer},
    {"timer_create", sys_timer_create}, {"timer_settime", sys_timer_settime}, {"timer_gettime", sys_timer_gettime},
    {"timer_delete", sys_timer_delete}, {"timer_getoverrun", sys_timer_getoverrun},
    {NULL, NULL},
};
