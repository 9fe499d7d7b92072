/* sigwait: rt_sigtimedwait (sigwaitinfo/sigtimedwait) takes blocked signals with their siginfo: sent to self
   with kill/tgkill/sigqueue, from a child, SIGCHLD, a timer; timeouts give EAGAIN, a handled signal EINTR. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr2;
static void on_usr2(int s) { (void)s; got_usr2++; }

static const char *code_name(int code)
{
    switch (code) {
    case SI_USER: return "SI_USER";
    case SI_TKILL: return "SI_TKILL";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_TIMER: return "SI_TIMER";
    case CLD_EXITED: return "CLD_EXITED";
    default: return "other";
    }
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGALRM);
    sigaddset(&set, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &set, NULL);
    pid_t me = getpid();
    siginfo_t si;

    kill(me, SIGUSR1);
    sigset_t pend;
    sigpending(&pend);
    printf("pending after kill: %d\n", sigismember(&pend, SIGUSR1));
    int s = sigwaitinfo(&set, &si);
    printf("kill: sig %d code %s pid ok %d\n", s, code_name(si.si_code), si.si_pid == me);
    sigpending(&pend);
    printf("pending after wait: %d\n", sigismember(&pend, SIGUSR1));

    syscall(SYS_tgkill, me, (pid_t)syscall(SYS_gettid), SIGUSR1);
    s = sigwaitinfo(&set, &si);
    printf("tgkill: sig %d code %d\n", s, si.si_code);

    union sigval v = {.sival_int = 1234};
    sigqueue(me, SIGUSR1, v);
    s = sigwaitinfo(&set, &si);
    printf("sigqueue: sig %d code %s value %d\n", s, code_name(si.si_code), si.si_value.sival_int);

    struct timespec ts = {0, 50 * 1000 * 1000};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    s = sigtimedwait(&set, &si, &ts);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("timeout: %d %s, waited >= 45 ms: %d\n", s, s < 0 && errno == EAGAIN ? "EAGAIN" : "?", ms >= 45);
    ts.tv_nsec = 0;
    s = sigtimedwait(&set, &si, &ts);
    printf("poll: %d %s\n", s, s < 0 && errno == EAGAIN ? "EAGAIN" : "?");
    ts.tv_nsec = 2000000000L;
    s = sigtimedwait(&set, &si, &ts);
    printf("bad timeout: %d %s\n", s, s < 0 && errno == EINVAL ? "EINVAL" : "?");

    pid_t pid = fork();
    if (pid == 0) {
        kill(getppid(), SIGUSR1);
        _exit(7);
    }
    int seen_usr = 0, seen_chld = 0;
    while (!seen_usr || !seen_chld) {
        s = sigwaitinfo(&set, &si);
        if (s == SIGUSR1)
            seen_usr = si.si_pid == pid && si.si_code == SI_USER;
        else if (s == SIGCHLD)
            seen_chld = si.si_pid == pid && si.si_code == CLD_EXITED && si.si_status == 7;
        else
            break;
    }
    printf("from child: SIGUSR1 %d, SIGCHLD with status %d\n", seen_usr, seen_chld);
    waitpid(pid, NULL, 0);

    struct itimerval it = {{0, 0}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    s = sigwaitinfo(&set, &si);
    printf("itimer: sig %d code %d\n", s, si.si_code == SI_KERNEL ? 0x80 : si.si_code);

    timer_t tm;
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGALRM;
    sev.sigev_value.sival_int = 77;
    if (timer_create(CLOCK_MONOTONIC, &sev, &tm) == 0) {
        struct itimerspec its = {{0, 0}, {0, 10000000}};
        timer_settime(tm, 0, &its, NULL);
        s = sigwaitinfo(&set, &si);
        printf("posix timer: sig %d code %s value %d\n", s, code_name(si.si_code), si.si_value.sival_int);
        timer_delete(tm);
    }

    /* An unblocked signal with a handler interrupts the wait: EINTR after the handler ran. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    pid = fork();
    if (pid == 0) {
        usleep(50000);
        kill(getppid(), SIGUSR2);
        _exit(0);
    }
    ts.tv_sec = 5, ts.tv_nsec = 0;
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    s = sigtimedwait(&usr1, &si, &ts); /* not SIGCHLD: the child's exit must not end the wait */
    printf("interrupted: %d %s, handler ran %d\n", s, s < 0 && errno == EINTR ? "EINTR" : "?", got_usr2);
    waitpid(pid, NULL, 0);
    while (sigtimedwait(&set, &si, &(struct timespec){0, 0}) > 0)
        ; /* the second child's SIGCHLD */
    sigpending(&pend);
    printf("nothing pending at the end: %d\n", !sigismember(&pend, SIGCHLD) && !sigismember(&pend, SIGUSR1));
    return 0;
}
