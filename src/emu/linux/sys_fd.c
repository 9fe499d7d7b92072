/* Descriptor-producing and fd-level syscalls: epoll (layout translated), eventfd, timerfd, inotify, pselect,
   statfs, fallocate, splice and friends, flock, memfd; plus credentials and scheduling that need no translation. */
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "sys.h"

#define MAX_EVENTS 4096

/* Generic ABIs lay struct epoll_event out as {u32 events; pad; u64 data} (16 bytes); x86-64 packs it (12). */
struct gepoll_event {
    uint32_t events, pad;
    uint64_t data;
};

SYS(sys_epoll_create1) { (void)c; return RET(epoll_create1((int)sys_oflags_in(c->proc->isa, (uint32_t)a[0]))); }

SYS(sys_epoll_ctl)
{
    struct epoll_event ev = {0};
    if (a[3]) {
        struct gepoll_event g;
        if (mem_read(MEMP, a[3], &g, sizeof g) < 0)
            return -EFAULT;
        ev.events = g.events;
        ev.data.u64 = g.data;
    }
    return RET(epoll_ctl((int)a[0], (int)a[1], (int)a[2], a[3] ? &ev : NULL));
}

SYS(sys_epoll_pwait)
{
    int max = (int)a[2];
    if (max <= 0 || max > MAX_EVENTS)
        return -EINVAL;
    if (!gptr(c, a[1], (uint64_t)max * sizeof(struct gepoll_event), MEM_W))
        return -EFAULT;
    struct epoll_event *ev = calloc((size_t)max, sizeof *ev);
    if (!ev)
        return -ENOMEM;
    sigset_t set, *sp = NULL;
    if (a[4]) {
        uint64_t m;
        if (mem_read(MEMP, a[4], &m, 8) < 0) {
            free(ev);
            return -EFAULT;
        }
        sys_host_sigset(m, &set);
        sp = &set;
    }
    int64_t r = RET(epoll_pwait((int)a[0], ev, max, (int)a[3], sp));
    for (int64_t i = 0; i < r; i++) {
        struct gepoll_event g = {ev[i].events, 0, ev[i].data.u64};
        mem_write(MEMP, a[1] + (uint64_t)i * sizeof g, &g, sizeof g);
    }
    free(ev);
    return r;
}

SYS(sys_eventfd2) { (void)c; return RET(eventfd((unsigned)a[0], (int)sys_oflags_in(c->proc->isa, (uint32_t)a[1]))); }

SYS(sys_timerfd_create) { return RET(timerfd_create((int)a[0], (int)sys_oflags_in(c->proc->isa, (uint32_t)a[1]))); }

SYS(sys_timerfd_settime)
{
    void *n = gptr(c, a[2], 32, MEM_R), *o = a[3] ? gptr(c, a[3], 32, MEM_W) : NULL; /* LP64 itimerspec */
    if (!n || (a[3] && !o))
        return -EFAULT;
    return RET(timerfd_settime((int)a[0], (int)a[1], n, o));
}

SYS(sys_timerfd_gettime)
{
    void *o = gptr(c, a[1], 32, MEM_W);
    return o ? RET(timerfd_gettime((int)a[0], o)) : -EFAULT;
}

SYS(sys_inotify_init1) { return RET(inotify_init1((int)sys_oflags_in(c->proc->isa, (uint32_t)a[0]))); }

SYS(sys_inotify_add_watch)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    return r < 0 ? r : RET(inotify_add_watch((int)a[0], path, (uint32_t)a[2]));
}

SYS(sys_inotify_rm_watch) { (void)c; return RET(inotify_rm_watch((int)a[0], (int)a[1])); }

SYS(sys_pselect6)
{
    int n = (int)a[0];
    if (n < 0 || n > FD_SETSIZE)
        return -EINVAL;
    size_t bytes = (size_t)(n + 63) / 64 * 8;
    fd_set *sets[3];
    for (int i = 0; i < 3; i++) {
        sets[i] = NULL;
        if (a[1 + i] && bytes && !(sets[i] = gptr(c, a[1 + i], bytes, MEM_R | MEM_W)))
            return -EFAULT;
    }
    struct timespec ts, *tp = NULL;
    if (a[4]) {
        if (mem_read(MEMP, a[4], &ts, sizeof ts) < 0)
            return -EFAULT;
        tp = &ts;
    }
    sigset_t set, *sp = NULL;
    if (a[5]) { /* {const sigset_t *ss; size_t ss_len} */
        uint64_t d[2], m;
        if (mem_read(MEMP, a[5], d, sizeof d) < 0)
            return -EFAULT;
        if (d[0]) {
            if (mem_read(MEMP, d[0], &m, 8) < 0)
                return -EFAULT;
            sys_host_sigset(m, &set);
            sp = &set;
        }
    }
    struct timespec t0;
    if (tp)
        clock_gettime(CLOCK_MONOTONIC, &t0);
    /* The guest's fd_set bitmaps are host-compatible (arrays of 64-bit words, little-endian bit order). */
    int64_t r = RET(pselect(n, sets[0], sets[1], sets[2], tp, sp));
    /* Linux writes the time left back into the timeout (fs/select.c poll_select_finish), also when a signal
       interrupted the wait; glibc's pselect passes a copy and leaves ours as it was, so compute it. A zero
       timeout is not written. */
    if (tp && (r >= 0 || r == -EINTR) && (ts.tv_sec || ts.tv_nsec)) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        time_t sec = t1.tv_sec - t0.tv_sec;
        long nsec = t1.tv_nsec - t0.tv_nsec;
        if (nsec < 0)
            sec--, nsec += 1000000000L;
        ts.tv_sec -= sec, ts.tv_nsec -= nsec;
        if (ts.tv_nsec < 0)
            ts.tv_sec--, ts.tv_nsec += 1000000000L;
        if (ts.tv_sec < 0)
            ts.tv_sec = 0, ts.tv_nsec = 0;
        mem_write(MEMP, a[4], &ts, sizeof ts);
    }
    return r;
}

SYS(sys_statfs)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[0], path);
    if (r < 0)
        return r;
    struct statfs st; /* generic 64-bit statfs == host's */
    if (statfs(path, &st) < 0)
        return ERR();
    return mem_write(MEMP, a[1], &st, sizeof st);
}

SYS(sys_fstatfs)
{
    struct statfs st;
    if (fstatfs((int)a[0], &st) < 0)
        return ERR();
    return mem_write(MEMP, a[1], &st, sizeof st);
}

SYS(sys_fallocate) { (void)c; return RET(fallocate((int)a[0], (int)a[1], (off_t)a[2], (off_t)a[3])); }
SYS(sys_flock) { (void)c; return RET(flock((int)a[0], (int)a[1])); }
SYS(sys_syncfs) { (void)c; return RET(syncfs((int)a[0])); }
SYS(sys_tee) { (void)c; return RET(tee((int)a[0], (int)a[1], a[2], (unsigned)a[3])); }

/* (fd_in, off_in*, fd_out, off_out*, len, flags) with optional 64-bit offsets in guest memory. */
static int64_t two_offsets(struct emu_cpu *c, const uint64_t a[6], int copy)
{
    loff_t *in = a[1] ? gptr(c, a[1], 8, MEM_R | MEM_W) : NULL, *out = a[3] ? gptr(c, a[3], 8, MEM_R | MEM_W) : NULL;
    if ((a[1] && !in) || (a[3] && !out))
        return -EFAULT;
    return copy ? RET(copy_file_range((int)a[0], in, (int)a[2], out, a[4], (unsigned)a[5]))
                : RET(splice((int)a[0], in, (int)a[2], out, a[4], (unsigned)a[5]));
}

SYS(sys_splice) { return two_offsets(c, a, 0); }
SYS(sys_copy_file_range) { return two_offsets(c, a, 1); }

SYS(sys_memfd_create)
{
    char name[256];
    int r = mem_read_str(MEMP, a[0], name, sizeof name);
    if (r < 0)
        return r == -ENAMETOOLONG ? -EINVAL : r;
    return RET(memfd_create(name, (unsigned)a[1]));
}

SYS(sys_membarrier)
{
    /* Guest threads run one at a time under the emulator lock: every barrier is already implied. */
    (void)c;
    if (a[0] == 0) /* MEMBARRIER_CMD_QUERY: advertise the commands that are no-ops here */
        return 1 | 8 | 16; /* GLOBAL, PRIVATE_EXPEDITED, REGISTER_PRIVATE_EXPEDITED */
    return a[0] == 1 || a[0] == 8 || a[0] == 16 ? 0 : -EINVAL;
}

SYS(sys_mknodat)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    return r < 0 ? r : RET(mknodat(sys_dirfd(a[0]), path, (mode_t)a[2], (dev_t)a[3]));
}

SYS(sys_chroot) { (void)c; (void)a; return -EPERM; /* a chroot would escape the sysroot mapping */ }

/* ---- credentials and scheduling: plain values ---- */
SYS(sys_setuid) { (void)c; return RET(syscall(SYS_setuid, (uid_t)a[0])); }
SYS(sys_setgid) { (void)c; return RET(syscall(SYS_setgid, (gid_t)a[0])); }
SYS(sys_setreuid) { (void)c; return RET(syscall(SYS_setreuid, (uid_t)a[0], (uid_t)a[1])); }
SYS(sys_setregid) { (void)c; return RET(syscall(SYS_setregid, (gid_t)a[0], (gid_t)a[1])); }
SYS(sys_setresuid) { (void)c; return RET(syscall(SYS_setresuid, (uid_t)a[0], (uid_t)a[1], (uid_t)a[2])); }
SYS(sys_setresgid) { (void)c; return RET(syscall(SYS_setresgid, (gid_t)a[0], (gid_t)a[1], (gid_t)a[2])); }
SYS(sys_getresuid)
{
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) < 0)
        return ERR();
    uint32_t v[3] = {r, e, s};
    for (int i = 0; i < 3; i++)
        if (mem_write(MEMP, a[i], &v[i], 4) < 0)
            return -EFAULT;
    return 0;
}
SYS(sys_getresgid)
{
    gid_t r, e, s;
    if (getresgid(&r, &e, &s) < 0)
        return ERR();
    uint32_t v[3] = {r, e, s};
    for (int i = 0; i < 3; i++)
        if (mem_write(MEMP, a[i], &v[i], 4) < 0)
            return -EFAULT;
    return 0;
}
SYS(sys_getgroups)
{
    int n = (int)a[0];
    if (n < 0)
        return -EINVAL;
    void *p = n ? gptr(c, a[1], (uint64_t)n * 4, MEM_W) : NULL;
    if (n && !p)
        return -EFAULT;
    return RET(getgroups(n, p));
}
SYS(sys_setgroups)
{
    void *p = gptr(c, a[1], a[0] * 4, MEM_R);
    return p ? RET(setgroups(a[0], p)) : -EFAULT;
}
SYS(sys_getpriority) { (void)c; errno = 0; int r = getpriority((int)a[0], (id_t)a[1]); return errno ? ERR() : 20 - r; }
SYS(sys_setpriority) { (void)c; return RET(setpriority((int)a[0], (id_t)a[1], (int)a[2])); }
SYS(sys_sched_getscheduler) { (void)c; return RET(sched_getscheduler((pid_t)a[0])); }
SYS(sys_sched_get_priority_max) { (void)c; return RET(sched_get_priority_max((int)a[0])); }
SYS(sys_sched_get_priority_min) { (void)c; return RET(sched_get_priority_min((int)a[0])); }
SYS(sys_sched_getparam)
{
    void *p = gptr(c, a[1], 4, MEM_W);
    return p ? RET(sched_getparam((pid_t)a[0], p)) : -EFAULT;
}
SYS(sys_sched_setscheduler)
{
    void *p = gptr(c, a[2], 4, MEM_R);
    return p ? RET(sched_setscheduler((pid_t)a[0], (int)a[1], p)) : -EFAULT;
}
SYS(sys_sched_setaffinity)
{
    void *p = gptr(c, a[2], a[1], MEM_R);
    return p ? RET(syscall(SYS_sched_setaffinity, (pid_t)a[0], (size_t)a[1], p)) : -EFAULT;
}

const struct sys_impl sys_fd_impls[] = {
    {"epoll_create1", sys_epoll_create1}, {"epoll_ctl", sys_epoll_ctl}, {"epoll_pwait", sys_epoll_pwait},
    {"eventfd2", sys_eventfd2}, {"timerfd_create", sys_timerfd_create}, {"timerfd_settime", sys_timerfd_settime},
    {"timerfd_gettime", sys_timerfd_gettime}, {"inotify_init1", sys_inotify_init1},
    {"inotify_add_watch", sys_inotify_add_watch}, {"inotify_rm_watch", sys_inotify_rm_watch},
    {"pselect6", sys_pselect6}, {"timerfd_settime64", sys_timerfd_settime}, {"timerfd_gettime64", sys_timerfd_gettime}, {"statfs", sys_statfs}, {"fstatfs", sys_fstatfs}, {"fallocate", sys_fallocate},
    {"flock", sys_flock}, {"syncfs", sys_syncfs}, {"tee", sys_tee}, {"splice", sys_splice},
    {"copy_file_range", sys_copy_file_range}, {"memfd_create", sys_memfd_create}, {"membarrier", sys_membarrier},
    {"mknodat", sys_mknodat}, {"chroot", sys_chroot}, {"setuid", sys_setuid}, {"setgid", sys_setgid},
    {"setreuid", sys_setreuid}, {"setregid", sys_setregid}, {"setresuid", sys_setresuid},
    {"setresgid", sys_setresgid}, {"getresuid", sys_getresuid}, {"getresgid", sys_getresgid},
    {"getgroups", sys_getgroups}, {"setgroups", sys_setgroups}, {"getpriority", sys_getpriority},
    {"setpriority", sys_setpriority}, {"sched_getscheduler", sys_sched_getscheduler},
    {"sched_get_priority_max", sys_sched_get_priority_max}, {"sched_get_priority_min", sys_sched_get_priority_min},
    {"sched_getparam", sys_sched_getparam}, {"sched_setscheduler", sys_sched_setscheduler},
    {"sched_setaffinity", sys_sched_setaffinity},
    {NULL, NULL},
};
