/* Golden log of signals: a handled signal sent by the process itself, a blocked one, and death by SIGTERM. */
#define _GNU_SOURCE
#include <signal.h>

#include "expect.h"

static volatile int got;

static void on_sig(int sig)
{
    got = sig;
}

int main(void)
{
    int me = getpid();
    struct sigaction sa = { .sa_handler = on_sig };
    sigaction(SIGUSR2, &sa, NULL);
    long r = syscall(SYS_tgkill, me, me, SIGUSR2);
    EXPECT("tgkill(%d, %d, SIGUSR2) = %s", me, me, res(r));
    EXPECT("--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=%d, si_uid=%d} ---", me, (int)getuid());
    EXPECT("rt_sigreturn() = %s", res(0));
    r = syscall(SYS_kill, me, 0);
    EXPECT("kill(%d, 0) = %s", me, res(r));
    r = syscall(SYS_kill, 0x7ffffff0, SIGTERM);
    EXPECT("kill(%d, SIGTERM) = %s", 0x7ffffff0, res(r));
    /* the process dies in the next call: its lines are announced first */
    EXPECT("kill(%d, SIGTERM) = 0", me);
    EXPECT("--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=%d, si_uid=%d} ---", me, (int)getuid());
    EXPECT("+++ killed by SIGTERM +++");
    syscall(SYS_kill, me, SIGTERM);
    for (;;)
        pause();
}
