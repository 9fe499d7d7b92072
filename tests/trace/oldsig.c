/* Golden log of arm's old signal calls: sigaction's struct old_sigaction, the one-word masks of sigprocmask, sigpending and sigsuspend. */
#define _GNU_SOURCE
#include <signal.h>

#include "expect.h"

/* the kernel's struct old_sigaction (arm's UAPI struct sigaction): the mask before the flags */
struct old_sa {
    void *handler;
    unsigned long mask, flags;
    void *restorer;
};

static volatile int got;

static void on_sig(int sig)
{
    got = sig;
}

int main(void)
{
    long r;
    unsigned long usr1 = 1ul << (SIGUSR1 - 1), usr2 = 1ul << (SIGUSR2 - 1);
    struct old_sa act = { (void *)1 /* SIG_IGN */, usr1, 0x10000000 /* SA_RESTART */, NULL }, oact;
    r = syscall(SYS_sigaction, SIGUSR2, &act, NULL);
    EXPECT("sigaction(SIGUSR2, {sa_handler=SIG_IGN, sa_mask=[USR1], sa_flags=SA_RESTART}, NULL) = %s", res(r));
    r = syscall(SYS_sigaction, SIGUSR2, NULL, &oact);
    EXPECT("sigaction(SIGUSR2, NULL, {sa_handler=SIG_IGN, sa_mask=[USR1], sa_flags=SA_RESTART}) = %s", res(r));
    /* SA_RESTORER shows the restorer; the mask a whole word of signals */
    struct old_sa act2 = { (void *)0 /* SIG_DFL */, ~0ul, 0x04000000 /* SA_RESTORER */, (void *)0x1230 };
    r = syscall(SYS_sigaction, SIGUSR2, &act2, NULL);
    EXPECT("sigaction(SIGUSR2, {sa_handler=SIG_DFL, sa_mask=~[], sa_flags=SA_RESTORER, sa_restorer=0x1230}, NULL) = %s",
           res(r));

    /* a pending SIGUSR1, blocked through the rt_ calls */
    struct sigaction sa = { .sa_handler = on_sig };
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t blk;
    sigemptyset(&blk);
    sigaddset(&blk, SIGUSR1);
    sigprocmask(SIG_BLOCK, &blk, NULL);
    kill(getpid(), SIGUSR1);

    unsigned long old = 0;
    r = syscall(SYS_sigprocmask, SIG_BLOCK, &usr2, &old);
    EXPECT("sigprocmask(SIG_BLOCK, [USR2], [USR1]) = %s", res(r));
    r = syscall(SYS_sigprocmask, SIG_SETMASK, NULL, &old);
    EXPECT("sigprocmask(SIG_SETMASK, NULL, [USR1 USR2]) = %s", res(r));
    unsigned long pend = 0;
    r = syscall(SYS_sigpending, &pend);
    EXPECT("sigpending([USR1]) = %s", res(r));
    /* the mask is the third argument (the first two are unused); SIGUSR1 is pending, so it returns at once */
    r = syscall(SYS_sigsuspend, 0, 0, usr2);
    EXPECT("sigsuspend([USR2]) = %s", res(r));
    EXPECT("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, si_uid=%d} ---", getpid(), (int)getuid());
    return 0;
}
