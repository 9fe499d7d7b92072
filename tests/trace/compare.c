/* Program run both under real strace (built for x86-64) and under xtrace (riscv64): syscalls whose lines must read the same. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/file.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define S(...) syscall(__VA_ARGS__)

int main(void)
{
    char buf[256];
    int p[2];
    S(SYS_write, -1, "compare-begin", 13);

    int fd = (int)S(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY | O_CLOEXEC);
    S(SYS_read, fd, buf, 16);
    S(SYS_pread64, fd, buf, 8, 4L);
    S(SYS_lseek, fd, 0L, SEEK_END);
    S(SYS_lseek, fd, 3L, SEEK_SET);
    struct stat st;
    S(SYS_newfstatat, AT_FDCWD, "/dev/null", &st, 0);
    S(SYS_newfstatat, AT_FDCWD, "/nonexistent", &st, AT_SYMLINK_NOFOLLOW);
    S(SYS_fcntl, fd, F_GETFD);
    S(SYS_fcntl, fd, F_GETFL);
    S(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
    S(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20);
    S(SYS_close, 20);
    S(SYS_close, fd);
    S(SYS_close, 999);
    S(SYS_openat, AT_FDCWD, "/nonexistent/x", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    S(SYS_faccessat, AT_FDCWD, "/", R_OK | W_OK);
    S(SYS_faccessat, AT_FDCWD, "/nonexistent", F_OK);
    S(SYS_mkdirat, AT_FDCWD, "/proc/nope", 0755);
    S(SYS_unlinkat, AT_FDCWD, "/nonexistent", 0);
    S(SYS_unlinkat, AT_FDCWD, "/nonexistent", AT_REMOVEDIR);
    S(SYS_readlinkat, AT_FDCWD, "/nonexistent", buf, sizeof buf);
    S(SYS_chdir, "/");
    S(SYS_getcwd, buf, sizeof buf);
    S(SYS_umask, 022);
    S(SYS_umask, 022);

    S(SYS_pipe2, p, O_CLOEXEC);
    S(SYS_write, p[1], "hello\tworld\n", 12);
    S(SYS_read, p[0], buf, sizeof buf);
    struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };
    S(SYS_writev, p[1], iov, 2);
    char r1[2], r2[8];
    struct iovec riov[2] = { { r1, 2 }, { r2, 8 } };
    S(SYS_readv, p[0], riov, 2);
    S(SYS_write, p[1], "\0\1\2\377", 4);
    S(SYS_read, p[0], buf, 4);
    S(SYS_dup3, p[0], 30, O_CLOEXEC);
    S(SYS_close, 30);
    struct pollfd pf = { p[0], POLLIN, 0 };
    struct timespec zero = { 0, 0 };
    S(SYS_ppoll, &pf, 1, &zero, NULL, 8);
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);

    void *m = (void *)S(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    S(SYS_mprotect, m, 4096, PROT_READ);
    S(SYS_madvise, m, 4096, MADV_DONTNEED);
    S(SYS_munmap, m, 8192);
    S(SYS_mmap, NULL, 4096, PROT_READ, MAP_SHARED, 999, 0);

    int n = (int)S(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR);
    struct termios t;
    S(SYS_ioctl, n, TCGETS, &t);
    struct winsize ws;
    S(SYS_ioctl, n, TIOCGWINSZ, &ws);
    S(SYS_ioctl, n, FIONBIO, &(int){1});
    S(SYS_close, n);

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGTERM);
    S(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8);
    S(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, 8);
    S(SYS_kill, getpid(), 0);
    S(SYS_kill, 0x7ffffff0, SIGTERM);
    S(SYS_getpid);
    S(SYS_getuid);
    S(SYS_getppid);

    int s = (int)S(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(1), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    S(SYS_connect, s, &sin, sizeof sin);
    int one = 1;
    S(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    S(SYS_close, s);
    int u = (int)S(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = "/nonexistent/sock" };
    S(SYS_connect, u, &sun, sizeof sun);
    S(SYS_close, u);
    int sv[2];
    S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
    S(SYS_sendto, sv[0], "ping", 4, MSG_DONTWAIT, NULL, 0);
    S(SYS_recvfrom, sv[1], buf, sizeof buf, 0, NULL, NULL);
    S(SYS_shutdown, sv[0], SHUT_RDWR);
    S(SYS_close, sv[0]);
    S(SYS_close, sv[1]);

    struct timespec req = { 0, 1000 };
    S(SYS_nanosleep, &req, NULL);
    S(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, NULL);
    /* the select family: descriptor sets in, the ready ones out, "(Timeout)" */
    int q[2];
    if (S(SYS_pipe2, q, 0) == 0) {
        S(SYS_write, q[1], "x", 1);
        fd_set rs, ws;
        FD_ZERO(&rs);
        FD_ZERO(&ws);
        FD_SET(q[0], &rs);
        FD_SET(q[1], &ws);
        FD_SET(q[1], &rs);
        S(SYS_pselect6, q[1] + 1, &rs, &ws, NULL, NULL, NULL);
        S(SYS_pselect6, 0, NULL, NULL, NULL, &req, NULL);
        S(SYS_close, q[0]);
        S(SYS_close, q[1]);
    }
    struct utsname un;
    S(SYS_uname, &un);
    S(SYS_sched_yield);
    S(SYS_getrandom, buf, 0, GRND_NONBLOCK);

    /* descriptors of other kinds */
    int ev = (int)S(SYS_eventfd2, 3, EFD_CLOEXEC | EFD_NONBLOCK);
    uint64_t cnt;
    S(SYS_read, ev, &cnt, 8);
    S(SYS_close, ev);
    int tf = (int)S(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC);
    struct itimerspec its = { { 0, 0 }, { 100, 0 } }, oits;
    S(SYS_timerfd_settime, tf, 0, &its, &oits);
    S(SYS_close, tf);
    int in = (int)S(SYS_inotify_init1, IN_CLOEXEC);
    S(SYS_inotify_add_watch, in, "/nonexistent", IN_MODIFY | IN_CREATE);
    S(SYS_close, in);
    int ep = (int)S(SYS_epoll_create1, EPOLL_CLOEXEC);
    struct epoll_event eev = { .events = EPOLLIN | EPOLLET, .data.fd = 0 };
    S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, 999, &eev);
    S(SYS_epoll_pwait, ep, &eev, 1, 0, NULL, 8);
    S(SYS_close, ep);
    struct rlimit rl;
    S(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &rl);
    S(SYS_getrusage, RUSAGE_SELF + 77, NULL);
    S(SYS_sched_getaffinity, 0, 0, NULL);
    S(SYS_setpriority, PRIO_PROCESS, 0, 0);
    S(SYS_getpriority, PRIO_PROCESS, 0);
    S(SYS_flock, 999, LOCK_SH | LOCK_NB);
    S(SYS_fchmod, 999, 0644);
    S(SYS_fchownat, AT_FDCWD, "/nonexistent", 0, 0, AT_SYMLINK_NOFOLLOW);
    S(SYS_renameat2, AT_FDCWD, "/nonexistent/a", AT_FDCWD, "/nonexistent/b", RENAME_NOREPLACE);
    S(SYS_linkat, AT_FDCWD, "/nonexistent/a", AT_FDCWD, "/nonexistent/b", 0);
    S(SYS_symlinkat, "target", AT_FDCWD, "/nonexistent/b");
    S(SYS_truncate, "/nonexistent", 10L);
    S(SYS_ftruncate, 999, 10L);
    S(SYS_fsync, 999);
    S(SYS_statfs, "/nonexistent", NULL);
    S(SYS_mknodat, AT_FDCWD, "/nonexistent/n", S_IFCHR | 0600, 0x103);
    struct timespec ts2[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };
    S(SYS_utimensat, AT_FDCWD, "/nonexistent", ts2, 0);
    S(SYS_memfd_create, "cmp", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    S(SYS_close, 3);
    S(SYS_wait4, -1, NULL, WNOHANG, NULL);
    S(SYS_execve, "/nonexistent/prog", (char *[]){ "prog", "-x", NULL }, (char *[]){ NULL });
    S(SYS_setitimer, ITIMER_REAL, &(struct itimerval){ { 0, 0 }, { 0, 0 } }, NULL);
    S(SYS_rt_sigaction, SIGUSR2, NULL, &(char[64]){ 0 }, 8);
    S(SYS_rt_sigpending, &set, 8);
    S(SYS_tgkill, getpid(), 0x7ffffff0, SIGUSR1);
    S(SYS_madvise, NULL, 0, MADV_NORMAL);
    S(SYS_mlock, NULL, 0);
    S(SYS_msync, NULL, 0, MS_ASYNC);
    S(SYS_mincore, NULL, 0, NULL);
    S(SYS_fadvise64, 999, 0L, 0L, POSIX_FADV_SEQUENTIAL);
    S(SYS_fallocate, 999, FALLOC_FL_KEEP_SIZE, 0L, 10L);
    S(SYS_copy_file_range, 999, NULL, 998, NULL, 10, 0);
    S(SYS_splice, 999, NULL, 998, NULL, 10, 0);
    S(SYS_getsockopt, 999, SOL_SOCKET, SO_ERROR, NULL, NULL);
    S(SYS_listen, 999, 5);
    S(SYS_accept4, 999, NULL, NULL, SOCK_CLOEXEC);
    S(SYS_getpgid, 0);
    S(SYS_getsid, 0);
    S(SYS_setpgid, 0, 0);
    S(SYS_write, -1, "compare-end", 11);
    return 0;
}
