/* Golden syscall-log test: performs syscalls and prints, as "EXPECT <line>", the exact line the log must hold. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define EXPECT(...) (printf("EXPECT " __VA_ARGS__), putchar('\n'), fflush(stdout))

int main(int argc, char **argv)
{
    int small = argc > 1 && !strcmp(argv[1], "small"); /* run with -s 8 */
    char buf[64];

    long r = syscall(SYS_openat, AT_FDCWD, "/nonexistent/file", O_RDONLY);
    EXPECT("openat(AT_FDCWD, \"/nonexistent/file\", O_RDONLY) = %ld ENOENT (No such file or directory)", r);

    int fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY | O_CLOEXEC | O_APPEND);
    EXPECT("openat(AT_FDCWD, \"/dev/null\", O_WRONLY|O_APPEND|O_CLOEXEC) = %d", fd);

    r = syscall(SYS_write, fd, "tab\there \"quoted\" back\\slash\n\001", 30);
    if (small)
        EXPECT("write(%d, \"tab\\there\"..., 30) = %ld", fd, r);
    else
        EXPECT("write(%d, \"tab\\there \\\"quoted\\\" back\\\\slash\\n\\1\", 30) = %ld", fd, r);

    r = syscall(SYS_ioctl, fd, TCGETS, buf);
    EXPECT("ioctl(%d, TCGETS, %p) = %ld ENOTTY (Inappropriate ioctl for device) (translated)", fd, (void *)buf, r);

    r = syscall(SYS_lseek, fd, 0L, SEEK_END);
    EXPECT("lseek(%d, 0, SEEK_END) = %ld", fd, r);
    r = syscall(SYS_close, fd);
    EXPECT("close(%d) = %ld", fd, r);
    r = syscall(SYS_close, 999);
    EXPECT("close(999) = %ld EBADF (Bad file descriptor)", r);

    int p[2];
    if (pipe(p) == 0) {
        syscall(SYS_write, p[1], "pipe data", 9);
        r = syscall(SYS_read, p[0], buf, sizeof buf);
        EXPECT("read(%d, \"%s, 64) = %ld", p[0], small ? "pipe dat\"..." : "pipe data\"", r);
        struct iovec iov[2] = {{"ab", 2}, {"cde", 3}};
        r = syscall(SYS_writev, p[1], iov, 2);
        EXPECT("writev(%d, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cde\", iov_len=3}], 2) = %ld", p[1], r);
    }

    void *m = (void *)syscall(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    EXPECT("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = %p", m);
    r = syscall(SYS_mprotect, m, 4096, PROT_NONE);
    EXPECT("mprotect(%p, 4096, PROT_NONE) = %ld", m, r);
    r = syscall(SYS_munmap, m, 8192);
    EXPECT("munmap(%p, 8192) = %ld", m, r);

    r = syscall(SYS_mkdirat, AT_FDCWD, "/proc/nope", 0755);
    EXPECT("mkdirat(AT_FDCWD, \"/proc/nope\", 0755) = %ld ENOENT (No such file or directory)", r);

    struct timespec ts;
    r = syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
    EXPECT("clock_gettime(CLOCK_MONOTONIC, {tv_sec=%ld, tv_nsec=%ld}) = %ld", (long)ts.tv_sec, ts.tv_nsec, r);

    struct stat st;
    r = syscall(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, 0);
    EXPECT("newfstatat(AT_FDCWD, \"/dev/null\", {st_mode=S_IFCHR|0%o, st_rdev=makedev(0x%x, 0x%x), ...}, 0) = %ld",
           st.st_mode & 0777, major(st.st_rdev), minor(st.st_rdev), r);

    r = syscall(SYS_faccessat, AT_FDCWD, "/", R_OK | X_OK);
    EXPECT("faccessat(AT_FDCWD, \"/\", R_OK|X_OK) = %ld", r);

    signal(SIGUSR1, SIG_IGN);
    r = syscall(SYS_kill, getpid(), SIGUSR1);
    EXPECT("kill(%d, SIGUSR1) = %ld", getpid(), r);

    EXPECT("exit_group(5) = ?");
    EXPECT("+++ exited with 5 +++");
    syscall(SYS_exit_group, 5);
    return 1;
}
