/* signalfd: blocked signals are read from the fd as struct signalfd_siginfo: sent to self, from a child,
   SIGCHLD, a timer; poll sees it readable; a nonblocking empty read gives EAGAIN; the mask can be changed. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static int rd(int fd, struct signalfd_siginfo *si)
{
    ssize_t n = read(fd, si, sizeof *si);
    return n == (ssize_t)sizeof *si ? (int)si->ssi_signo : n < 0 ? -errno : -1000;
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    printf("signalfd: %s\n", fd >= 0 ? "ok" : strerror(errno));
    struct signalfd_siginfo si;
    printf("empty read: %s\n", rd(fd, &si) == -EAGAIN ? "EAGAIN" : "?");
    struct pollfd pf = {fd, POLLIN, 0};
    printf("poll empty: %d\n", poll(&pf, 1, 0));

    pid_t me = getpid();
    kill(me, SIGUSR1);
    int n = poll(&pf, 1, 1000);
    printf("poll after kill: %d revents %s\n", n, pf.revents & POLLIN ? "POLLIN" : "-");
    int s = rd(fd, &si);
    printf("kill: sig %d code %d pid ok %d\n", s, si.ssi_code, si.ssi_pid == (unsigned)me);

    syscall(SYS_tgkill, me, (pid_t)syscall(SYS_gettid), SIGUSR1);
    s = rd(fd, &si);
    printf("tgkill: sig %d code %d\n", s, si.ssi_code);

    union sigval v = {.sival_int = 99};
    sigqueue(me, SIGUSR1, v);
    s = rd(fd, &si);
    printf("sigqueue: sig %d code %d int %d\n", s, si.ssi_code, si.ssi_int);

    pid_t pid = fork();
    if (pid == 0) {
        kill(getppid(), SIGUSR1);
        _exit(3);
    }
    int seen_usr = 0, seen_chld = 0;
    while (!seen_usr || !seen_chld) {
        pf.revents = 0;
        if (poll(&pf, 1, 5000) != 1)
            break;
        s = rd(fd, &si);
        if (s == SIGUSR1)
            seen_usr = si.ssi_pid == (unsigned)pid;
        else if (s == SIGCHLD)
            seen_chld = si.ssi_pid == (unsigned)pid && si.ssi_code == CLD_EXITED && si.ssi_status == 3;
    }
    printf("from child: SIGUSR1 %d, SIGCHLD with status %d\n", seen_usr, seen_chld);
    waitpid(pid, NULL, 0);

    struct itimerval it = {{0, 0}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    poll(&pf, 1, 5000);
    s = rd(fd, &si);
    printf("itimer: sig %d\n", s);

    /* Blocking read on a blocking fd; SIGUSR1 leaves the mask: it is not read any more. */
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, SIGALRM);
    int fd2 = signalfd(fd, &only, 0);
    printf("mask changed on the same fd: %d\n", fd2 == fd);
    int bfd = signalfd(-1, &only, 0);
    setitimer(ITIMER_REAL, &it, NULL);
    s = rd(bfd, &si);
    printf("blocking read: sig %d\n", s);
    kill(me, SIGUSR1);
    printf("SIGUSR1 outside the mask: %s\n", rd(fd, &si) == -EAGAIN ? "not read" : "read");
    sigset_t pend;
    sigpending(&pend);
    printf("still pending: %d\n", sigismember(&pend, SIGUSR1));
    printf("bad size: %s\n", syscall(SYS_signalfd4, -1, &set, 4, 0) < 0 && errno == EINVAL ? "EINVAL" : "?");
    close(bfd);
    close(fd);
    return 0;
}
