/* The old one-word-mask signal calls arm keeps (sigaction, sigprocmask, sigpending, sigsuspend), called raw:
   actions read back, masks of signals 1-32 only (realtime ones untouched), a pending signal seen, sigsuspend
   running the handler and restoring the mask. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

struct old_sa { void *handler; unsigned long mask, flags; void *restorer; };
static volatile int got;
static void on_sig(int s) { got = s; }

int main(void)
{
    unsigned long usr1 = 1ul << (SIGUSR1 - 1), usr2 = 1ul << (SIGUSR2 - 1);
    struct old_sa act = { (void *)on_sig, usr2, 0, NULL }, oact = { 0 };
    printf("sigaction set: %ld\n", syscall(SYS_sigaction, SIGUSR1, &act, NULL));
    printf("sigaction get: %ld handler ok %d mask %#lx\n", syscall(SYS_sigaction, SIGUSR1, NULL, &oact),
           oact.handler == (void *)on_sig, oact.mask);
    struct sigaction rt;
    sigaction(SIGUSR1, NULL, &rt);
    printf("seen by rt_sigaction: handler ok %d USR2 in mask %d\n", rt.sa_handler == on_sig,
           sigismember(&rt.sa_mask, SIGUSR2));
    /* a realtime signal blocked through the rt_ call survives the old SIG_SETMASK */
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGRTMIN + 2);
    sigprocmask(SIG_BLOCK, &s, NULL);
    unsigned long old = 0;
    printf("sigprocmask: %ld old %#lx\n", syscall(SYS_sigprocmask, SIG_SETMASK, &usr1, &old), old);
    sigprocmask(SIG_BLOCK, NULL, &s);
    printf("after SETMASK: USR1 %d RTMIN+2 %d\n", sigismember(&s, SIGUSR1), sigismember(&s, SIGRTMIN + 2));
    kill(getpid(), SIGUSR1);
    unsigned long pend = 0;
    printf("sigpending: %ld set %#lx got %d\n", syscall(SYS_sigpending, &pend), pend, got);
    long r = syscall(SYS_sigsuspend, 0, 0, 0ul);
    printf("sigsuspend: %ld got %d\n", r, got);
    old = 0;
    syscall(SYS_sigprocmask, SIG_BLOCK, NULL, &old);
    printf("mask after sigsuspend %#lx\n", old);
    return 0;
}
