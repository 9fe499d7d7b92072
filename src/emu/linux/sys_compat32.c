/* Syscalls only 32-bit ABIs have: stat64 family, statfs64, ugetrlimit, 16-bit ids, and
   the pre-*at legacy forms arm keeps (dup2, pipe, poll, fork...) and the old one-word-mask signal calls, each
   rebuilt on a generic handler. */
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "sys.h"

/* struct stat64 as arm EABI lays it out (104 bytes); i386's 4-byte alignment of 64-bit fields gives another
   layout, which comes with that backend. */
static int64_t put_stat64(struct emu_cpu *c, uint64_t ga, const struct stat *s)
{
    uint8_t b[104];
    memset(b, 0, sizeof b);
    st64(b + 0, s->st_dev);
    st32(b + 12, (uint32_t)s->st_ino);
    st32(b + 16, s->st_mode);
    st32(b + 20, (uint32_t)s->st_nlink);
    st32(b + 24, s->st_uid);
    st32(b + 28, s->st_gid);
    st64(b + 32, s->st_rdev);
    st64(b + 48, (uint64_t)s->st_size);
    st32(b + 56, (uint32_t)s->st_blksize);
    st64(b + 64, (uint64_t)s->st_blocks);
    st32(b + 72, (uint32_t)s->st_atim.tv_sec);
    st32(b + 76, (uint32_t)s->st_atim.tv_nsec);
    st32(b + 80, (uint32_t)s->st_mtim.tv_sec);
    st32(b + 84, (uint32_t)s->st_mtim.tv_nsec);
    st32(b + 88, (uint32_t)s->st_ctim.tv_sec);
    st32(b + 92, (uint32_t)s->st_ctim.tv_nsec);
    st64(b + 96, s->st_ino);
    return mem_write(MEMP, ga, b, sizeof b);
}

SYS(sys_fstatat64) { return sys_stat_into(c, sys_dirfd(a[0]), a[1], (int)a[3], a[2], put_stat64); }
SYS(sys_fstat64) { return sys_stat_into(c, (int)a[0], 0, 0, a[1], put_stat64); }
SYS(sys_stat64) { return sys_stat_into(c, AT_FDCWD, a[0], 0, a[1], put_stat64); }
SYS(sys_lstat64) { return sys_stat_into(c, AT_FDCWD, a[0], AT_SYMLINK_NOFOLLOW, a[1], put_stat64); }

/* struct statfs64 (84 bytes on arm: packed to 4-byte alignment). */
static int put_statfs64(struct emu_cpu *c, uint64_t ga, uint64_t size, const struct statfs *s)
{
    uint8_t b[88];
    memset(b, 0, sizeof b);
    st32(b + 0, (uint32_t)s->f_type);
    st32(b + 4, (uint32_t)s->f_bsize);
    st64(b + 8, s->f_blocks);
    st64(b + 16, s->f_bfree);
    st64(b + 24, s->f_bavail);
    st64(b + 32, s->f_files);
    st64(b + 40, s->f_ffree);
    memcpy(b + 48, &s->f_fsid, 8);
    st32(b + 56, (uint32_t)s->f_namelen);
    st32(b + 60, (uint32_t)s->f_frsize);
    st32(b + 64, (uint32_t)s->f_flags);
    if (size < 84 || size > sizeof b)
        return -EINVAL;
    return mem_write(MEMP, ga, b, size);
}

SYS(sys_statfs64)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[0], path);
    if (r < 0)
        return r;
    struct statfs st;
    if (statfs(path, &st) < 0)
        return ERR();
    return put_statfs64(c, a[2], a[1], &st);
}

SYS(sys_fstatfs64)
{
    struct statfs st;
    if (fstatfs((int)a[0], &st) < 0)
        return ERR();
    return put_statfs64(c, a[2], a[1], &st);
}

/* getrlimit with 32-bit words: RLIM_INFINITY reads as 0xffffffff. */
SYS(sys_ugetrlimit)
{
    struct rlimit rl;
    if (getrlimit((int)a[0], &rl) < 0)
        return ERR();
    uint64_t w[2] = {rl.rlim_cur > 0xffffffffu ? 0xffffffffu : rl.rlim_cur,
                     rl.rlim_max > 0xffffffffu ? 0xffffffffu : rl.rlim_max};
    return sys_write_words(c, a[1], w, 2);
}

/* ---- 16-bit uid/gid calls (kernel/uid16.c): ids past 65535 read as 65534, 0xffff means "unchanged" ---- */

static uint64_t high2low(uint64_t id) { return id > 0xffff ? 65534 : id; }
static uint64_t low2high(uint64_t id) { return (id & 0xffff) == 0xffff ? 0xffffffffu : id & 0xffff; }

/* Calls the generic handler name with arguments a (zeroed past n). */
static int64_t call(struct emu_cpu *c, const char *name, const uint64_t *b)
{
    sys_fn fn = sys_find_impl(name);
    return fn ? fn(c, b) : -ENOSYS;
}

#define ID16_GET(fname, gen) SYS(fname) { (void)a; int64_t r = call(c, gen, a); return r < 0 ? r : (int64_t)high2low((uint64_t)r); }
ID16_GET(sys_getuid16, "getuid")
ID16_GET(sys_geteuid16, "geteuid")
ID16_GET(sys_getgid16, "getgid")
ID16_GET(sys_getegid16, "getegid")

/* Calls gen with the arguments whose bits are set in idmask widened from 16-bit ids. */
static int64_t id16_set(struct emu_cpu *c, const uint64_t a[6], const char *gen, unsigned idmask)
{
    uint64_t b[6];
    for (int i = 0; i < 6; i++)
        b[i] = idmask >> i & 1 ? low2high(a[i]) : a[i];
    return call(c, gen, b);
}
SYS(sys_setuid16) { return id16_set(c, a, "setuid", 1); }
SYS(sys_setgid16) { return id16_set(c, a, "setgid", 1); }
SYS(sys_setreuid16) { return id16_set(c, a, "setreuid", 3); }
SYS(sys_setregid16) { return id16_set(c, a, "setregid", 3); }
SYS(sys_setresuid16) { return id16_set(c, a, "setresuid", 7); }
SYS(sys_setresgid16) { return id16_set(c, a, "setresgid", 7); }
SYS(sys_fchown16) { return id16_set(c, a, "fchown", 6); }
SYS(sys_chown16)
{
    uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], low2high(a[1]), low2high(a[2]), 0, 0};
    return call(c, "fchownat", b);
}
SYS(sys_lchown16)
{
    uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], low2high(a[1]), low2high(a[2]), AT_SYMLINK_NOFOLLOW, 0};
    return call(c, "fchownat", b);
}

static int64_t getres16(struct emu_cpu *c, const uint64_t a[6], int gid)
{
    uid_t v[3];
    if ((gid ? getresgid(&v[0], &v[1], &v[2]) : getresuid(&v[0], &v[1], &v[2])) < 0)
        return ERR();
    for (int i = 0; i < 3; i++) {
        uint8_t b[2] = {(uint8_t)high2low(v[i]), (uint8_t)(high2low(v[i]) >> 8)};
        if (mem_write(MEMP, a[i], b, 2) < 0)
            return -EFAULT;
    }
    return 0;
}
SYS(sys_getresuid16) { return getres16(c, a, 0); }
SYS(sys_getresgid16) { return getres16(c, a, 1); }

SYS(sys_getgroups16)
{
    int n = (int)a[0];
    if (n < 0)
        return -EINVAL;
    gid_t *l = malloc(((size_t)n + 1) * sizeof *l);
    if (!l)
        return -ENOMEM;
    int r = getgroups(n, l);
    if (r < 0) {
        free(l);
        return ERR();
    }
    uint8_t *g = n ? gptr(c, a[1], (uint64_t)r * 2, MEM_W) : NULL;
    if (n && !g) {
        free(l);
        return -EFAULT;
    }
    for (int i = 0; n && i < r; i++)
        g[2 * i] = (uint8_t)high2low(l[i]), g[2 * i + 1] = (uint8_t)(high2low(l[i]) >> 8);
    free(l);
    return r;
}

SYS(sys_setgroups16)
{
    int n = (int)a[0];
    if (n < 0 || n > 65536)
        return -EINVAL;
    const uint8_t *g = gptr(c, a[1], (uint64_t)n * 2, MEM_R);
    gid_t *l = malloc(((size_t)n + 1) * sizeof *l);
    if (!g || !l) {
        free(l);
        return g ? -ENOMEM : -EFAULT;
    }
    for (int i = 0; i < n; i++)
        l[i] = (gid_t)low2high((uint64_t)(g[2 * i] | g[2 * i + 1] << 8));
    int64_t r = RET(syscall(SYS_setgroups, n, l));
    free(l);
    return r;
}

const struct sys_impl sys_uid16_impls[] = {
    {"getuid", sys_getuid16}, {"geteuid", sys_geteuid16}, {"getgid", sys_getgid16}, {"getegid", sys_getegid16},
    {"setuid", sys_setuid16}, {"setgid", sys_setgid16}, {"setreuid", sys_setreuid16}, {"setregid", sys_setregid16},
    {"setresuid", sys_setresuid16}, {"setresgid", sys_setresgid16}, {"getresuid", sys_getresuid16},
    {"getresgid", sys_getresgid16}, {"getgroups", sys_getgroups16}, {"setgroups", sys_setgroups16},
    {"chown", sys_chown16}, {"lchown", sys_lchown16}, {"fchown", sys_fchown16},
    {NULL, NULL},
};

/* ---- legacy forms, each the generic call it became (include/linux/syscalls.h documents the pairs) ---- */

#define LEGACY(fname, gen, ...) SYS(fname) { uint64_t b[6] = {__VA_ARGS__}; return call(c, gen, b); }
#define CWD ((uint64_t)(int64_t)AT_FDCWD)
LEGACY(sys_link, "linkat", CWD, a[0], CWD, a[1], 0, 0)
LEGACY(sys_creat, "openat", CWD, a[0], O_CREAT | O_WRONLY | O_TRUNC, a[1], 0, 0)
LEGACY(sys_mknod, "mknodat", CWD, a[0], a[1], a[2], 0, 0)
LEGACY(sys_chown32, "fchownat", CWD, a[0], a[1], a[2], 0, 0)
LEGACY(sys_lchown32, "fchownat", CWD, a[0], a[1], a[2], AT_SYMLINK_NOFOLLOW, 0)
LEGACY(sys_pipe, "pipe2", a[0], 0, 0, 0, 0, 0)
LEGACY(sys_send, "sendto", a[0], a[1], a[2], a[3], 0, 0)
LEGACY(sys_recv, "recvfrom", a[0], a[1], a[2], a[3], 0, 0)
LEGACY(sys_epoll_wait, "epoll_pwait", a[0], a[1], a[2], a[3], 0, 0)
LEGACY(sys_inotify_init, "inotify_init1", 0, 0, 0, 0, 0, 0)
LEGACY(sys_eventfd, "eventfd2", a[0], 0, 0, 0, 0, 0)
LEGACY(sys_getpgrp, "getpgid", 0, 0, 0, 0, 0, 0)
/* fork; vfork runs as fork too (the child gets a copy instead of borrowing the parent's memory, which POSIX
   permits and no correct vfork child can tell apart). */
LEGACY(sys_fork, "clone", SIGCHLD, 0, 0, 0, 0, 0)
LEGACY(sys_vfork, "clone", SIGCHLD, 0, 0, 0, 0, 0)
/* arm's fadvise64_64 puts advice second so the offsets land in register pairs. */
LEGACY(sys_arm_fadvise64_64, "fadvise64", a[0], a[2], a[3], a[1], 0, 0)

SYS(sys_epoll_create)
{
    if ((int32_t)a[0] <= 0)
        return -EINVAL;
    uint64_t b[6] = {0};
    return call(c, "epoll_create1", b);
}

SYS(sys_dup2)
{
    int oldfd = (int)a[0], newfd = (int)a[1];
    if (oldfd == newfd) /* dup3 refuses this; dup2 checks oldfd and returns it */
        return fcntl(oldfd, F_GETFD) < 0 ? ERR() : newfd;
    uint64_t b[6] = {a[0], a[1], 0, 0, 0, 0};
    return call(c, "dup3", b);
}

/* poll(fds, n, timeout_ms) as ppoll with a timespec built below the stack pointer. */
SYS(sys_poll)
{
    uint64_t b[6] = {a[0], a[1], 0, 0, 8, 0};
    int32_t ms = (int32_t)a[2];
    if (ms >= 0) {
        struct sys_scratch s;
        uint8_t ts[16];
        st64(ts, (uint64_t)(ms / 1000));
        st64(ts + 8, (uint64_t)(ms % 1000) * 1000000);
        if (sys_scratch_init(c, &s) < 0 || !(b[2] = sys_scratch_alloc(c, &s, 16)) || mem_write(MEMP, b[2], ts, 16) < 0)
            return -EFAULT;
    }
    return call(c, "ppoll", b);
}

/* Waits as rt_sigsuspend with mask blocked. pause and the old sigsuspend are not in the dispatcher's blocking
   list (which would restart them under SA_RESTART; they never restart), so this lets the other guest threads
   run itself. */
static int64_t suspend_with(struct emu_cpu *c, uint64_t mask)
{
    struct sys_scratch s;
    uint64_t b[6] = {0, 8, 0, 0, 0, 0};
    if (sys_scratch_init(c, &s) < 0 || !(b[0] = sys_scratch_alloc(c, &s, 8)) || mem_write(MEMP, b[0], &mask, 8) < 0)
        return -EFAULT;
    struct emu_proc *p = c->proc;
    int unlock = !__atomic_load_n(&c->blocking, __ATOMIC_SEQ_CST) && p->nthreads > 1;
    if (unlock)
        emu_unlock(p);
    int64_t r = call(c, "rt_sigsuspend", b);
    if (unlock)
        emu_lock(p);
    return r;
}

SYS(sys_pause)
{
    (void)a;
    return suspend_with(c, c->sigmask);
}

/* sched_rr_get_interval with a 32-bit timespec, and its _time64 form (a 64-bit one). */
static int64_t rr_interval(struct emu_cpu *c, const uint64_t a[6], int ts64)
{
    struct timespec ts;
    if (sched_rr_get_interval((pid_t)a[0], &ts) < 0)
        return ERR();
    uint8_t b[16] = {0};
    if (ts64) {
        st64(b, (uint64_t)ts.tv_sec);
        st64(b + 8, (uint64_t)ts.tv_nsec);
    } else {
        st32(b, (uint32_t)ts.tv_sec);
        st32(b + 4, (uint32_t)ts.tv_nsec);
    }
    return mem_write(MEMP, a[1], b, ts64 ? 16 : 8) < 0 ? -EFAULT : 0;
}
SYS(sys_sched_rr_get_interval32) { return rr_interval(c, a, 0); }
SYS(sys_sched_rr_get_interval_time64) { return rr_interval(c, a, 1); }

/* ---- the old signal calls (kernel/signal.c's sigaction, sigprocmask, sigpending, sigsuspend): a one-word
   mask of signals 1-32, built on the rt_ forms through a scratch copy of their 64-bit structures ---- */

/* struct old_sigaction as arm and i386 lay it out: handler, mask, flags, restorer (guest words). */
SYS(sys_sigaction)
{
    struct sys_scratch s;
    uint64_t b[6] = {a[0], 0, 0, 8, 0, 0}, w[4];
    unsigned ws = sys_word(c);
    if (sys_scratch_init(c, &s) < 0)
        return -EFAULT;
    if (a[1]) {
        if (sys_read_words(c, a[1], w, 4) < 0)
            return -EFAULT;
        uint64_t k[3] = {w[0], w[2], w[3]}, mask = (uint32_t)w[1]; /* the rt struct: handler, flags, restorer, mask */
        if (!(b[1] = sys_scratch_alloc(c, &s, 3 * ws + 8)) || sys_write_words(c, b[1], k, 3) < 0 ||
            mem_write(MEMP, b[1] + 3 * ws, &mask, 8) < 0)
            return -EFAULT;
    }
    if (a[2] && !(b[2] = sys_scratch_alloc(c, &s, 3 * ws + 8)))
        return -EFAULT;
    int64_t r = call(c, "rt_sigaction", b);
    if (r < 0 || !a[2])
        return r;
    uint64_t k[3], mask;
    if (sys_read_words(c, b[2], k, 3) < 0 || mem_read(MEMP, b[2] + 3 * ws, &mask, 8) < 0)
        return -EFAULT;
    w[0] = k[0], w[1] = (uint32_t)mask, w[2] = k[1], w[3] = k[2];
    return sys_write_words(c, a[2], w, 4) < 0 ? -EFAULT : 0;
}

/* SIG_SETMASK replaces signals 1-32 only; the realtime ones stay as they are. */
SYS(sys_sigprocmask)
{
    struct sys_scratch s;
    uint64_t b[6] = {a[0], 0, 0, 8, 0, 0};
    if (sys_scratch_init(c, &s) < 0 || !(b[2] = sys_scratch_alloc(c, &s, 8)))
        return -EFAULT;
    if (a[1]) {
        uint64_t w;
        if (sys_read_words(c, a[1], &w, 1) < 0)
            return -EFAULT;
        uint64_t set = (uint32_t)w;
        if (a[0] == SIG_SETMASK)
            set |= c->sigmask & ~0xffffffffull;
        if (!(b[1] = sys_scratch_alloc(c, &s, 8)) || mem_write(MEMP, b[1], &set, 8) < 0)
            return -EFAULT;
    }
    int64_t r = call(c, "rt_sigprocmask", b);
    uint64_t old;
    if (r < 0 || !a[2])
        return r;
    if (mem_read(MEMP, b[2], &old, 8) < 0)
        return -EFAULT;
    old = (uint32_t)old;
    return sys_write_words(c, a[2], &old, 1) < 0 ? -EFAULT : 0;
}

SYS(sys_sigpending)
{
    struct sys_scratch s;
    uint64_t b[6] = {0, 8, 0, 0, 0, 0}, set;
    if (sys_scratch_init(c, &s) < 0 || !(b[0] = sys_scratch_alloc(c, &s, 8)))
        return -EFAULT;
    int64_t r = call(c, "rt_sigpending", b);
    if (r < 0)
        return r;
    if (mem_read(MEMP, b[0], &set, 8) < 0)
        return -EFAULT;
    set = (uint32_t)set;
    return sys_write_words(c, a[0], &set, 1) < 0 ? -EFAULT : 0;
}

/* arm's and i386's form: sigsuspend(history0, history1, mask); the mask replaces the whole blocked set, like
   the kernel's siginitset. */
SYS(sys_sigsuspend) { return suspend_with(c, (uint32_t)a[2]); }

const struct sys_impl sys_compat32_impls[] = {
    {"fstatat64", sys_fstatat64}, {"fstat64", sys_fstat64}, {"stat64", sys_stat64}, {"lstat64", sys_lstat64},
    {"statfs64", sys_statfs64}, {"fstatfs64", sys_fstatfs64},
    {"ugetrlimit", sys_ugetrlimit},
    {"link", sys_link}, {"creat", sys_creat}, {"mknod", sys_mknod}, {"chown32", sys_chown32},
    {"lchown32", sys_lchown32}, {"pipe", sys_pipe}, {"send", sys_send}, {"recv", sys_recv},
    {"epoll_wait", sys_epoll_wait}, {"epoll_create", sys_epoll_create}, {"inotify_init", sys_inotify_init},
    {"eventfd", sys_eventfd}, {"getpgrp", sys_getpgrp}, {"fork", sys_fork}, {"vfork", sys_vfork},
    {"arm_fadvise64_64", sys_arm_fadvise64_64}, {"dup2", sys_dup2}, {"poll", sys_poll}, {"pause", sys_pause},
    {"sched_rr_get_interval_time64", sys_sched_rr_get_interval_time64},
    {"sigaction", sys_sigaction}, {"sigprocmask", sys_sigprocmask}, {"sigpending", sys_sigpending},
    {"sigsuspend", sys_sigsuspend},
    {NULL, NULL},
};

/* Calls whose plain names carry ILP32 layouts (bound on 32-bit ABIs only, before the generic handlers). */
const struct sys_impl sys_ilp32_impls[] = {
    {"sched_rr_get_interval", sys_sched_rr_get_interval32},
    {NULL, NULL},
};
