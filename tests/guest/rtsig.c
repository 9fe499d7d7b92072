/* rtsig: blocked realtime signals (SIGRTMIN+1..+3) sent with sigqueue wait in order (lowest number first,
   each instance with its value, in sending order), for sigpending, signalfd and sigtimedwait, also when sent
   by another process; an unblocked realtime signal with a handler runs it. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int got_sig, got_code, got_value;

static void handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_code = si->si_code;
    got_value = si->si_value.sival_int;
    got_sig = sig;
}

static const char *code_name(int code)
{
    return code == SI_QUEUE ? "SI_QUEUE" : code == SI_TIMER ? "SI_TIMER" : "?";
}

static void send(int off, int val)
{
    union sigval v = {.sival_int = val};
    if (sigqueue(getpid(), SIGRTMIN + off, v) != 0)
        printf("sigqueue +%d: %s\n", off, strerror(errno));
}

static void pending(const char *when)
{
    sigset_t p;
    sigpending(&p);
    printf("pending %s:", when);
    for (int i = 1; i <= 3; i++)
        printf(" +%d=%d", i, sigismember(&p, SIGRTMIN + i));
    printf("\n");
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    for (int i = 1; i <= 3; i++)
        sigaddset(&set, SIGRTMIN + i);
    sigprocmask(SIG_BLOCK, &set, NULL);
    pending("before");

    /* signalfd: five instances over three signals */
    send(3, 30), send(1, 10), send(2, 20), send(1, 11), send(3, 31);
    pending("after sigqueue");
    int fd = signalfd(-1, &set, SFD_NONBLOCK);
    struct signalfd_siginfo si;
    ssize_t n;
    while ((n = read(fd, &si, sizeof si)) == (ssize_t)sizeof si)
        printf("signalfd: +%d code %s value %d pid ok %d\n", (int)si.ssi_signo - SIGRTMIN,
               si.ssi_code == SI_QUEUE ? "SI_QUEUE" : "?", si.ssi_int, si.ssi_pid == (unsigned)getpid());
    printf("signalfd drained: %s\n", n < 0 && errno == EAGAIN ? "EAGAIN" : "?");
    pending("after signalfd");
    close(fd);

    /* sigtimedwait: the same order; then a timeout */
    send(2, 200), send(3, 300), send(2, 201), send(1, 100);
    struct timespec ts = {0, 0};
    siginfo_t info;
    int s;
    while ((s = sigtimedwait(&set, &info, &ts)) > 0)
        printf("sigtimedwait: +%d code %s value %d\n", s - SIGRTMIN, info.si_code == SI_QUEUE ? "SI_QUEUE" : "?",
               info.si_value.sival_int);
    printf("sigtimedwait empty: %s\n", s < 0 && errno == EAGAIN ? "EAGAIN" : "?");

    /* from another process */
    pid_t parent = getpid(), child = fork();
    if (child == 0) {
        union sigval v = {.sival_int = 77};
        sigqueue(parent, SIGRTMIN + 2, v);
        v.sival_int = 78;
        sigqueue(parent, SIGRTMIN + 2, v);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    ts.tv_sec = 5;
    for (int i = 0; i < 2; i++) {
        s = sigtimedwait(&set, &info, &ts);
        printf("from child: +%d value %d pid ok %d\n", s - SIGRTMIN, info.si_value.sival_int, info.si_pid == child);
    }

    /* unblocked, with a handler */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN + 3, &sa, NULL);
    send(3, 333);
    printf("handler while blocked: %d\n", got_sig);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, SIGRTMIN + 3);
    sigprocmask(SIG_UNBLOCK, &one, NULL);
    printf("handler after unblock: +%d code %s value %d\n", got_sig ? got_sig - SIGRTMIN : -1, code_name(got_code),
           got_value);
    /* a POSIX timer's notification carries its sigev_value to the handler */
    sigaction(SIGRTMIN + 4, &sa, NULL);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGRTMIN + 4;
    ev.sigev_value.sival_int = 4242;
    timer_t tm;
    got_sig = 0;
    if (timer_create(CLOCK_MONOTONIC, &ev, &tm) == 0) {
        struct itimerspec its = {{0, 0}, {0, 10 * 1000 * 1000}};
        timer_settime(tm, 0, &its, NULL);
        for (int i = 0; i < 200 && !got_sig; i++)
            usleep(5000);
        printf("timer handler: +%d code %s value %d\n", got_sig ? got_sig - SIGRTMIN : -1, code_name(got_code),
               got_value);
    }
    return 0;
}
