/* Golden log of a 32-bit arm guest's own calls: old stat and stat64 families, _llseek past 4 GiB, mmap2's page offset, fcntl64, 64- and 32-bit time, register-pair offsets, uid32 calls, arm's flag values. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>

#include "expect.h"

struct ts64 { long long tv_sec, tv_nsec; };
struct its64 { struct ts64 it_interval, it_value; };
/* arm's old stat/fstat/lstat buffer (asm/stat.h struct stat): 16-bit mode, nlink and ids */
struct oldstat {
    unsigned long st_dev, st_ino;
    unsigned short st_mode, st_nlink, st_uid, st_gid;
    unsigned long st_rdev, st_size, st_blksize, st_blocks, times[6], unused[2];
};
/* a 32-bit caller's tv_nsec: the kernel reads only the low half, the high one is garbage the log must ignore */
#define NSEC(n) (0x5a5a5a5a00000000LL | (n))

static void on_alarm(int sig)
{
    (void)sig;
}

int main(void)
{
    char path[64];
    long r;
    /* arm's private calls, which the CPU backend serves itself: glibc's start-up set the thread pointer */
    EXPECT_RE("set_tls\\(0x[0-9a-f]+\\) = 0");
    r = syscall(0xf0002 /* __ARM_NR_cacheflush */, (void *)main, (char *)main + 64, 0);
    EXPECT("cacheflush(%p, %p, 0) = %s", (void *)main, (void *)((char *)main + 64), res(r));
    r = syscall(0xf07ff);   /* unnamed in the private range: ENOSYS, not SIGILL */
    EXPECT_RE("syscall_0xf07ff\\([0-9a-fx, ]*\\) = %s", r == -1 && errno == ENOSYS ? "-1 ENOSYS .*" : "BAD");
    snprintf(path, sizeof path, "/tmp/xtrace-arm32-%d", getpid());
    int fd = (int)syscall(SYS_openat, AT_FDCWD, path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    EXPECT("openat(AT_FDCWD, \"%s\", O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0644) = %d", path, fd);
    static char data[1234];
    memcpy(data, "0123456789abcdef", 16);
    r = syscall(SYS_write, fd, data, sizeof data);
    syscall(SYS_fchmod, fd, 0644);

    struct stat64 st;
    r = syscall(SYS_stat64, path, &st);
    EXPECT("stat64(\"%s\", {st_mode=S_IFREG|0644, st_size=1234, ...}) = %s", path, res(r));
    r = syscall(SYS_fstat64, fd, &st);
    EXPECT("fstat64(%d, {st_mode=S_IFREG|0644, st_size=1234, ...}) = %s", fd, res(r));
    r = syscall(SYS_fstatat64, AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW);
    EXPECT("fstatat64(AT_FDCWD, \"%s\", {st_mode=S_IFREG|0644, st_size=1234, ...}, AT_SYMLINK_NOFOLLOW) = %s", path, res(r));

    /* the old calls fill asm/stat.h's struct stat, not stat64 */
    struct oldstat ost;
    r = syscall(SYS_stat, path, &ost);
    EXPECT("stat(\"%s\", {st_mode=S_IFREG|0644, st_size=1234, ...}) = %s", path, res(r));
    r = syscall(SYS_lstat, path, &ost);
    EXPECT("lstat(\"%s\", {st_mode=S_IFREG|0644, st_size=1234, ...}) = %s", path, res(r));
    r = syscall(SYS_fstat, fd, &ost);
    EXPECT("fstat(%d, {st_mode=S_IFREG|0644, st_size=1234, ...}) = %s", fd, res(r));

    struct statfs64 sf;
    r = syscall(SYS_statfs64, "/", sizeof sf, &sf);
    if (r == 0)
        EXPECT("statfs64(\"/\", %u, {f_type=%#lx, f_bsize=%lu, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, f_files=%llu, "
               "f_ffree=%llu, f_namelen=%lu, f_frsize=%lu, f_flags=%#lx, ...}) = 0", (unsigned)sizeof sf,
               (unsigned long)sf.f_type, (unsigned long)sf.f_bsize, (unsigned long long)sf.f_blocks,
               (unsigned long long)sf.f_bfree, (unsigned long long)sf.f_bavail, (unsigned long long)sf.f_files,
               (unsigned long long)sf.f_ffree, (unsigned long)sf.f_namelen, (unsigned long)sf.f_frsize,
               (unsigned long)sf.f_flags);

    /* _llseek: the offset in two words, the result through a pointer */
    long long pos = 0;
    r = syscall(SYS__llseek, fd, 1, 16, &pos, SEEK_SET);
    EXPECT("_llseek(%d, 4294967312, [4294967312], SEEK_SET) = %s", fd, res(r));

    /* mmap2: the offset is in pages */
    r = syscall(SYS_mmap2, 0, 4096, PROT_READ, MAP_PRIVATE, fd, 1);
    EXPECT("mmap2(NULL, 4096, PROT_READ, MAP_PRIVATE, %d, 0x1000) = %#lx", fd, (unsigned long)r);

    r = syscall(SYS_fcntl64, fd, F_GETFD);
    EXPECT("fcntl64(%d, F_GETFD) = %#lx (flags FD_CLOEXEC)", fd, (unsigned long)r);
    r = syscall(SYS_fcntl64, fd, F_SETFL, O_NONBLOCK | O_APPEND);
    EXPECT("fcntl64(%d, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = %s", fd, res(r));   /* as strace spells it */

    /* the *64 lock commands take struct flock64 (64-bit offsets at arm's 8-byte alignment) */
    struct flock64 lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 5000000000LL, .l_len = 10 };
    r = syscall(SYS_fcntl64, fd, F_SETLK64, &lk);
    EXPECT("fcntl64(%d, F_SETLK64, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=5000000000, l_len=10}) = %s", fd, res(r));

    /* 64-bit arguments in aligned register pairs (low word first): pread64's offset skips r3 */
    char buf[10];
    r = syscall(SYS_pread64, fd, buf, 10, 0, 5, 0);
    EXPECT("pread64(%d, \"56789abcde\", 10, 5) = %s", fd, res(r));
    r = syscall(SYS_truncate64, "/nonexistent/x", 0, 4096, 0);
    EXPECT("truncate64(\"/nonexistent/x\", 4096) = %s", res(r));
    r = syscall(SYS_ftruncate64, fd, 0, 2048, 0);
    EXPECT("ftruncate64(%d, 2048) = %s", fd, res(r));

    /* time: the 64-bit calls and their 32-bit twins */
    struct ts64 t64;
    r = syscall(SYS_clock_gettime64, CLOCK_MONOTONIC, &t64);
    EXPECT("clock_gettime64(CLOCK_MONOTONIC, {tv_sec=%lld, tv_nsec=%lld}) = %s", t64.tv_sec, t64.tv_nsec, res(r));
    struct timespec ts;
    r = syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
    if (r == 0)
        EXPECT("clock_gettime(CLOCK_REALTIME, {tv_sec=%ld, tv_nsec=%ld}) = 0", (long)ts.tv_sec, ts.tv_nsec);
    else
        EXPECT("clock_gettime(CLOCK_REALTIME, %p) = %s", (void *)&ts, res(r));

    /* the *_time64 calls: struct __kernel_timespec / __kernel_itimerspec, tv_nsec as the kernel reads it */
    struct ts64 d64 = { 0, NSEC(1000000) };
    r = syscall(SYS_clock_nanosleep_time64, CLOCK_MONOTONIC, 0, &d64, NULL);
    EXPECT("clock_nanosleep_time64(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000000}, NULL) = %s", res(r));
    r = syscall(SYS_clock_getres_time64, CLOCK_MONOTONIC, &t64);
    EXPECT("clock_getres_time64(CLOCK_MONOTONIC, {tv_sec=%lld, tv_nsec=%lld}) = %s", t64.tv_sec, t64.tv_nsec, res(r));
    int tfd = (int)syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC);
    struct its64 it = { { 0, NSEC(0) }, { 100, NSEC(7) } }, oit;
    r = syscall(SYS_timerfd_settime64, tfd, 0, &it, &oit);
    EXPECT("timerfd_settime64(%d, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, tv_nsec=7}}, "
           "{it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = %s", tfd, res(r));
    r = syscall(SYS_timerfd_gettime64, tfd, &oit);
    EXPECT("timerfd_gettime64(%d, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=%lld, tv_nsec=%lld}}) = %s", tfd,
           oit.it_value.tv_sec, oit.it_value.tv_nsec, res(r));
    syscall(SYS_close, tfd);
    int fw = 1;
    struct ts64 w64 = { 1, NSEC(5) };
    r = syscall(SYS_futex_time64, &fw, 0 /* FUTEX_WAIT */, 2, &w64);   /* the word is not 2: EAGAIN at once */
    EXPECT("futex_time64(%p, FUTEX_WAIT, 2, {tv_sec=1, tv_nsec=5}) = %s", (void *)&fw, res(r));
    struct ts64 z64 = { 0, NSEC(1000) };
    r = syscall(SYS_ppoll_time64, NULL, 0, &z64, NULL, 8);
    EXPECT("ppoll_time64(NULL, 0, {tv_sec=0, tv_nsec=1000}, NULL, 8) = %s (Timeout)", res(r));
    z64.tv_nsec = NSEC(2000);
    r = syscall(SYS_pselect6_time64, 0, NULL, NULL, NULL, &z64, NULL);
    EXPECT("pselect6_time64(0, NULL, NULL, NULL, {tv_sec=0, tv_nsec=2000}, NULL) = %s (Timeout)", res(r));
    z64.tv_nsec = NSEC(3000);
    unsigned long usr2 = 1ul << (SIGUSR2 - 1), mask2[2] = { usr2, 0 };
    r = syscall(SYS_rt_sigtimedwait_time64, mask2, NULL, &z64, 8);
    EXPECT("rt_sigtimedwait_time64([USR2], NULL, {tv_sec=0, tv_nsec=3000}, 8) = %s", res(r));
    struct ts64 ut[2] = { { 1, NSEC(2) }, { 3, NSEC((1 << 30) - 2) /* UTIME_OMIT */ } };
    r = syscall(SYS_utimensat_time64, AT_FDCWD, path, ut, 0);
    EXPECT("utimensat_time64(AT_FDCWD, \"%s\", [{tv_sec=1, tv_nsec=2}, UTIME_OMIT], 0) = %s", path, res(r));
    r = syscall(SYS_sched_rr_get_interval_time64, 0, &t64);
    EXPECT("sched_rr_get_interval_time64(0, {tv_sec=%lld, tv_nsec=%lld}) = %s", t64.tv_sec, t64.tv_nsec, res(r));

    /* their 32-bit twins: struct timespec / timeval of 32-bit longs */
    struct timespec d32 = { 0, 1000 };
    r = syscall(SYS_nanosleep, &d32, NULL);
    EXPECT("nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = %s", res(r));
    r = syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &d32, NULL);
    EXPECT("clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, NULL) = %s", res(r));
    r = syscall(SYS_clock_getres, CLOCK_REALTIME, &ts);
    EXPECT("clock_getres(CLOCK_REALTIME, {tv_sec=%ld, tv_nsec=%ld}) = %s", (long)ts.tv_sec, ts.tv_nsec, res(r));
    struct timeval tv;
    r = syscall(SYS_gettimeofday, &tv, NULL);
    EXPECT("gettimeofday({tv_sec=%ld, tv_usec=%ld}, NULL) = %s", (long)tv.tv_sec, (long)tv.tv_usec, res(r));
    tv.tv_sec = 0, tv.tv_usec = 1500;
    r = syscall(SYS__newselect, 0, NULL, NULL, NULL, &tv);
    EXPECT("_newselect(0, NULL, NULL, NULL, {tv_sec=0, tv_usec=1500}) = %s (Timeout)", res(r));
    /* ready sets and the time left, which the kernel writes back */
    int pfd[2];
    if (pipe(pfd) == 0 && write(pfd[1], "x", 1) == 1) {
        fd_set rs, ws;
        FD_ZERO(&rs);
        FD_ZERO(&ws);
        FD_SET(pfd[0], &rs);
        FD_SET(pfd[1], &ws);
        tv.tv_sec = 5, tv.tv_usec = 0;
        r = syscall(SYS__newselect, pfd[1] + 1, &rs, &ws, NULL, &tv);
        EXPECT("_newselect(%d, [%d], [%d], NULL, {tv_sec=5, tv_usec=0}) = %s (in [%d], out [%d], left {tv_sec=%ld, tv_usec=%ld})",
               pfd[1] + 1, pfd[0], pfd[1], res(r), pfd[0], pfd[1], (long)tv.tv_sec, (long)tv.tv_usec);
        struct timespec ts5 = { 5, 0 };
        FD_ZERO(&rs);
        FD_SET(pfd[0], &rs);
        r = syscall(SYS_pselect6, pfd[0] + 1, &rs, NULL, NULL, &ts5, NULL);
        EXPECT("pselect6(%d, [%d], NULL, NULL, {tv_sec=5, tv_nsec=0}, NULL) = %s (in [%d], left {tv_sec=%ld, tv_nsec=%ld})",
               pfd[0] + 1, pfd[0], res(r), pfd[0], (long)ts5.tv_sec, ts5.tv_nsec);
        syscall(SYS_close, pfd[0]), syscall(SYS_close, pfd[1]);
    }
    struct itimerval iv = { { 0, 0 }, { 50, 250 } }, oiv;
    r = syscall(SYS_setitimer, ITIMER_VIRTUAL, &iv, &oiv);
    EXPECT("setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=50, tv_usec=250}}, "
           "{it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = %s", res(r));
    iv.it_value.tv_sec = 0, iv.it_value.tv_usec = 0;
    r = syscall(SYS_setitimer, ITIMER_VIRTUAL, &iv, NULL);
    EXPECT("setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, NULL) = %s",
           res(r));

    struct rlimit rl;
    r = syscall(SYS_ugetrlimit, RLIMIT_NOFILE, &rl);
    EXPECT_RE("ugetrlimit\\(RLIMIT_NOFILE, \\{rlim_cur=[0-9*]+, rlim_max=[0-9*]+\\}\\) = %s", res(r));
    r = syscall(SYS_getuid32);
    EXPECT("getuid32() = %ld", r);
    r = syscall(SYS_arm_fadvise64_64, fd, POSIX_FADV_SEQUENTIAL, 0, 0, 4096, 0);
    EXPECT("arm_fadvise64_64(%d, POSIX_FADV_SEQUENTIAL, 0, 4096) = %s", fd, res(r));

    syscall(SYS_close, fd);
    r = syscall(SYS_unlink, path);
    EXPECT("unlink(\"%s\") = %s", path, res(r));
    /* rt_sigaction's struct is the kernel's (handler, flags, restorer, 8-byte mask), not the UAPI header's old form */
    struct { void *h; unsigned long flags; void *restorer; unsigned long mask[2]; } ksa = {
        (void *)1 /* SIG_IGN */, 0x10000000 /* SA_RESTART */, NULL, { 1ul << (SIGUSR2 - 1), 0 } };
    r = syscall(SYS_rt_sigaction, SIGUSR1, &ksa, NULL, 8);
    EXPECT("rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[USR2], sa_flags=SA_RESTART}, NULL, 8) = %s", res(r));
    /* a sleep a signal cuts short shows the time left */
    struct sigaction alrm = { .sa_handler = on_alarm };
    sigaction(SIGALRM, &alrm, NULL);
    struct itimerval once = { { 0, 0 }, { 0, 20000 } };
    setitimer(ITIMER_REAL, &once, NULL);
    struct timespec d2 = { 5, 0 }, rem = { 0, 0 };
    r = syscall(SYS_nanosleep, &d2, &rem);
    if (r == -1 && errno == EINTR)
        EXPECT("nanosleep({tv_sec=5, tv_nsec=0}, {tv_sec=%ld, tv_nsec=%ld}) = %s", (long)rem.tv_sec, rem.tv_nsec, res(r));
    else
        EXPECT("nanosleep({tv_sec=5, tv_nsec=0}, %p) = %s (not interrupted)", (void *)&rem, res(r));
    /* the next blocking calls are not interrupted by anything: they must be logged once each, with no EINTR
       (run.sh counts them; a stale wake-up kick once showed as a spurious EINTR and a second line) */
    for (int i = 0; i < 20; i++) {
        struct timeval tv = { 0, 2000 };
        syscall(SYS__newselect, 0, NULL, NULL, NULL, &tv);
    }
    return 0;
}
