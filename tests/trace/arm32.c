/* Golden log of a 32-bit arm guest's own calls: stat64 family, _llseek past 4 GiB, mmap2's page offset, fcntl64, 64- and 32-bit time, register-pair offsets, uid32 calls, arm's flag values. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <time.h>

#include "expect.h"

struct ts64 { long long tv_sec, tv_nsec; };

int main(void)
{
    char path[64];
    long r;
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
    return 0;
}
