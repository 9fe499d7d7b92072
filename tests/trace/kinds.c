/* Golden log of every argument kind: each syscall is made raw and the exact line the log must show is printed as EXPECT. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>

#include "expect.h"

#define S(...) syscall(__VA_ARGS__)

int main(void)
{
    long r;
    char buf[256];
    int p[2];

    /* K_INT, K_UINT, K_LONG, K_ULONG, K_HEX, K_PTR and the result kinds */
    r = S(SYS_getpriority, PRIO_PROCESS, 0);
    EXPECT("getpriority(PRIO_PROCESS, 0) = %s", res(r));
    r = S(SYS_umask, 022);
    EXPECT("umask(022) = %#03lo", r);
    S(SYS_umask, r);
    r = S(SYS_munmap, (void *)0x12345000, 4096);
    EXPECT("munmap(0x12345000, 4096) = %s", res(r));
    r = S(SYS_lseek, 999, -5L, SEEK_CUR);
    EXPECT("lseek(999, -5, SEEK_CUR) = %s", res(r));
    r = S(SYS_personality, 0xffffffffUL);
    EXPECT("personality(0xffffffff) = %s", res(r));

    /* K_PATH, K_STR, K_DIRFD, K_OPEN_MODE, K_XLAT flags with a multi-bit field, K_FD result */
    int fd = (int)S(SYS_openat, AT_FDCWD, "kinds.tmp", O_RDWR | O_CREAT | O_TRUNC, 0640);
    EXPECT("openat(AT_FDCWD, \"kinds.tmp\", O_RDWR|O_CREAT|O_TRUNC, 0640) = %s", res(fd));
    /* K_BUF_IN with its length argument, K_BUF_OUT with the result as length */
    r = S(SYS_write, fd, "0123456789", 10);
    EXPECT("write(%d, \"0123456789\", 10) = %s", fd, res(r));
    r = S(SYS_pread64, fd, buf, sizeof buf, 2L);
    EXPECT("pread64(%d, \"23456789\", 256, 2) = %s", fd, res(r));
    /* K_MODE, K_FMODE, K_STR_OUT */
    r = S(SYS_fchmod, fd, 0600);
    EXPECT("fchmod(%d, 0600) = %s", fd, res(r));
    r = S(SYS_mknodat, AT_FDCWD, "/proc/kinds-node", S_IFIFO | 0644, 0);
    EXPECT("mknodat(AT_FDCWD, \"/proc/kinds-node\", S_IFIFO|0644) = %s", res(r));
    char cwd[512];
    r = S(SYS_getcwd, cwd, sizeof cwd);
    EXPECT("getcwd(\"%s\", 512) = %s", cwd, res(r));
    /* K_TIMESPEC2_IN */
    struct timespec times[2] = { { 1, 2 }, { 3, UTIME_OMIT } };
    r = S(SYS_utimensat, fd, NULL, times, 0);
    EXPECT("utimensat(%d, NULL, [{tv_sec=1, tv_nsec=2}, UTIME_OMIT], 0) = %s", fd, res(r));
    /* K_STRUCT_OUT: fstat; failed calls show the address */
    struct stat st;
    r = S(SYS_fstat, fd, &st);
    EXPECT("fstat(%d, {st_mode=S_IFREG|0600, st_size=10, ...}) = %s", fd, res(r));
    r = S(SYS_fstat, 999, &st);
    EXPECT("fstat(999, %p) = %s", (void *)&st, res(r));
    /* K_IOV_IN, K_IOV_OUT (filled up to the result) */
    struct iovec iov[2] = { { "ab", 2 }, { "cd", 2 } };
    r = S(SYS_pwritev, fd, iov, 2, 0L);
    EXPECT("pwritev(%d, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cd\", iov_len=2}], 2, 0) = %s", fd, res(r));
    char b1[3], b2[20];
    struct iovec riov[2] = { { b1, 3 }, { b2, 20 } };
    r = S(SYS_preadv, fd, riov, 2, 0L);
    EXPECT("preadv(%d, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"d456789\", iov_len=20}], 2, 0) = %s", fd, res(r));
    /* K_FCNTL_ARG and R_FCNTL */
    r = S(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
    EXPECT("fcntl(%d, F_SETFD, FD_CLOEXEC) = %s", fd, res(r));
    r = S(SYS_fcntl, fd, F_GETFD);
    EXPECT("fcntl(%d, F_GETFD) = 0x1 (flags FD_CLOEXEC)", fd);
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 4 };
    r = S(SYS_fcntl, fd, F_SETLK, &fl);
    EXPECT("fcntl(%d, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=4}) = %s", fd, res(r));
    r = S(SYS_close, fd);
    EXPECT("close(%d) = %s", fd, res(r));
    r = S(SYS_unlinkat, AT_FDCWD, "kinds.tmp", 0);
    EXPECT("unlinkat(AT_FDCWD, \"kinds.tmp\", 0) = %s", res(r));
    r = S(SYS_unlinkat, AT_FDCWD, "kinds.tmp", AT_REMOVEDIR);
    EXPECT("unlinkat(AT_FDCWD, \"kinds.tmp\", AT_REMOVEDIR) = %s", res(r));

    /* K_FDPAIR_OUT, K_DIRENTS */
    r = S(SYS_pipe2, p, O_CLOEXEC);
    EXPECT("pipe2([%d, %d], O_CLOEXEC) = %s", p[0], p[1], res(r));
    int dfd = (int)S(SYS_openat, AT_FDCWD, "/", O_RDONLY | O_DIRECTORY);
    EXPECT("openat(AT_FDCWD, \"/\", O_RDONLY|O_DIRECTORY) = %s", res(dfd));
    static char dents[65536];
    r = S(SYS_getdents64, dfd, dents, sizeof dents);
    int n = 0;
    for (long off = 0; off < r; n++)
        off += ((struct dirent64 *)(dents + off))->d_reclen;
    EXPECT("getdents64(%d, %p /* %d entries */, 65536) = %s", dfd, (void *)dents, n, res(r));
    S(SYS_close, dfd);

    /* K_POLLFDS */
    struct pollfd pf[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
    struct timespec zero = { 0, 0 };
    r = S(SYS_ppoll, pf, 2, &zero, NULL, 8);
    EXPECT("ppoll([{fd=%d, events=POLLIN}, {fd=%d, events=POLLOUT}], 2, {tv_sec=0, tv_nsec=0}, NULL, 8) = %s ([{fd=%d, revents=POLLOUT}])", p[0], p[1], res(r), p[1]);
    /* K_EPOLL_EVENTS_OUT and K_STRUCT_IN of epoll_ctl */
    int ep = (int)S(SYS_epoll_create1, EPOLL_CLOEXEC);
    EXPECT("epoll_create1(EPOLL_CLOEXEC) = %s", res(ep));
    struct epoll_event ev = { .events = EPOLLOUT, .data.u64 = 7 };
    r = S(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], &ev);
    EXPECT("epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLOUT, data={u32=7, u64=7}}) = %s", ep, p[1], res(r));
    struct epoll_event out[4];
    r = S(SYS_epoll_pwait, ep, out, 4, 0, NULL, 8);
    EXPECT("epoll_pwait(%d, [{events=EPOLLOUT, data={u32=7, u64=7}}], 4, 0, NULL, 8) = %s", ep, res(r));
    S(SYS_close, ep);

    /* K_SIG, K_SIGSET_IN/OUT, K_SIGACTION_IN/OUT */
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGALRM);
    r = S(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8);
    EXPECT("rt_sigprocmask(SIG_BLOCK, [USR2 ALRM], [], 8) = %s", res(r));
    r = S(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, 8);
    EXPECT("rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = %s", res(r));
    struct { uintptr_t handler; unsigned long flags; uint64_t mask; } act = { 1, 0, 0 }, oact;
    r = S(SYS_rt_sigaction, SIGUSR2, &act, &oact, 8);
    EXPECT("rt_sigaction(SIGUSR2, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = %s", res(r));
    r = S(SYS_kill, getpid(), SIGUSR2);
    EXPECT("kill(%d, SIGUSR2) = %s", getpid(), res(r));

    /* K_STRUCT_IN/OUT of time, K_INT_PTR_OUT */
    struct timespec req = { 0, 1000 };
    r = S(SYS_nanosleep, &req, NULL);
    EXPECT("nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = %s", res(r));
    struct rlimit rl;
    r = S(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl);
    char cur[32], max[32];
    snprintf(cur, sizeof cur, rl.rlim_cur == RLIM_INFINITY ? "RLIM64_INFINITY" : rl.rlim_cur % 1024 ? "%llu" : "%llu*1024",
             (unsigned long long)(rl.rlim_cur % 1024 ? rl.rlim_cur : rl.rlim_cur / 1024));
    snprintf(max, sizeof max, rl.rlim_max == RLIM_INFINITY ? "RLIM64_INFINITY" : rl.rlim_max % 1024 ? "%llu" : "%llu*1024",
             (unsigned long long)(rl.rlim_max % 1024 ? rl.rlim_max : rl.rlim_max / 1024));
    EXPECT("prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=%s, rlim_max=%s}) = %s", cur, max, res(r));
    struct utsname u;
    r = S(SYS_uname, &u);
    EXPECT("uname({sysname=\"%s\", nodename=\"%s\", ...}) = %s", u.sysname, u.nodename, res(r));
    unsigned cpu_no, node;
    r = S(SYS_getcpu, &cpu_no, &node, NULL);
    EXPECT("getcpu([%u], [%u], NULL) = %s", cpu_no, node, res(r));

    /* K_PRCTL */
    r = S(SYS_prctl, PR_SET_NAME, "kinds-test", 0, 0, 0);
    EXPECT("prctl(PR_SET_NAME, \"kinds-test\") = %s", res(r));
    char name[16];
    r = S(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
    EXPECT("prctl(PR_GET_NAME, \"kinds-test\") = %s", res(r));

    /* sockets: K_SOCK_PROTO, K_SOCKADDR_IN/OUT, K_SOCKOPT_*, K_MSGHDR_IN/OUT */
    int s = (int)S(SYS_socket, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP);
    EXPECT("socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_UDP) = %s", res(s));
    int one = 1;
    r = S(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    EXPECT("setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4) = %s", s, res(r));
    struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    r = S(SYS_bind, s, &sin, sizeof sin);
    EXPECT("bind(%d, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = %s", s, res(r));
    socklen_t len = sizeof sin;
    r = S(SYS_getsockname, s, &sin, &len);
    EXPECT("getsockname(%d, {sa_family=AF_INET, sin_port=htons(%u), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = %s", s,
           ntohs(sin.sin_port), res(r));
    int type;
    len = sizeof type;
    r = S(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &type, &len);
    EXPECT("getsockopt(%d, SOL_SOCKET, SO_TYPE, [2], [4]) = %s", s, res(r));
    S(SYS_close, s);
    int sv[2];
    r = S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
    EXPECT("socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d]) = %s", sv[0], sv[1], res(r));
    struct iovec mi = { "hello", 5 };
    struct msghdr mh = { .msg_iov = &mi, .msg_iovlen = 1 };
    r = S(SYS_sendmsg, sv[0], &mh, MSG_NOSIGNAL);
    EXPECT("sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}], msg_iovlen=1, "
           "msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL) = %s", sv[0], res(r));
    char rb[16];
    struct iovec ri = { rb, sizeof rb };
    struct msghdr rh = { .msg_iov = &ri, .msg_iovlen = 1 };
    r = S(SYS_recvmsg, sv[1], &rh, 0);
    EXPECT("recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=16}], msg_iovlen=1, "
           "msg_controllen=0, msg_flags=0}, 0) = %s", sv[1], res(r));
    struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = "/nonexistent/socket" };
    int us = (int)S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    r = S(SYS_connect, us, &sun, sizeof sun);
    EXPECT("connect(%d, {sa_family=AF_UNIX, sun_path=\"/nonexistent/socket\"}, 110) = %s", us, res(r));

    /* K_FUTEX */
    int fw = 1;
    r = S(SYS_futex, &fw, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    EXPECT("futex(%p, FUTEX_WAKE_PRIVATE, 1) = %s", (void *)&fw, res(r));
    struct timespec tmo = { 0, 1000 };
    r = S(SYS_futex, &fw, FUTEX_WAIT_PRIVATE, 0, &tmo, NULL, 0);
    EXPECT("futex(%p, FUTEX_WAIT_PRIVATE, 0, {tv_sec=0, tv_nsec=1000}) = %s", (void *)&fw, res(r));

    /* K_CLONE (a fork), K_WSTATUS_OUT, K_STRUCT_OUT rusage as NULL */
    int ptid = 0;
    long pid = S(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, NULL, &ptid, NULL, NULL);
    if (pid == 0)
        _exit(3);
    EXPECT("clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[%d]) = %ld", (int)pid, pid);
    int ws;
    r = S(SYS_wait4, pid, &ws, 0, NULL);
    EXPECT("[pid %d] wait4(%ld, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = %s", getpid(), pid, res(r));

    /* K_ARGV, K_ENVP */
    char *av[] = { "prog", "arg one", NULL }, *ev2[] = { "A=1", NULL };
    r = S(SYS_execve, "/nonexistent/prog", av, ev2);
    EXPECT("[pid %d] execve(\"/nonexistent/prog\", [\"prog\", \"arg one\"], %p /* 1 var */) = %s", getpid(), (void *)ev2, res(r));

    /* K_BUF_OUT_HEX */
    unsigned char rnd[4];
    r = S(SYS_getrandom, rnd, 4, GRND_NONBLOCK);
    EXPECT("[pid %d] getrandom(\"\\x%02x\\x%02x\\x%02x\\x%02x\", 4, GRND_NONBLOCK) = %s", getpid(), rnd[0], rnd[1], rnd[2], rnd[3], res(r));

    EXPECT("[pid %d] exit_group(0) = ?", getpid());
    EXPECT("[pid %d] +++ exited with 0 +++", getpid());
    return 0;
}
