/* sigtw32: the plain (32-bit time_t) rt_sigtimedwait called raw with an old_timespec32 timeout and the ILP32
   siginfo: a queued signal with its value, a zero timeout (EAGAIN), a short timeout that really waits, a bad
   timeout (EINVAL), a NULL timeout with a signal already pending. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct ts32 { int32_t sec, nsec; };
/* ILP32 siginfo for _rt: signo, errno, code, pid, uid, sigval (4 bytes) at 12..24. */
struct siginfo32 { int32_t signo, errno_, code, pid, uid, value, pad[26]; };

static long tw(const sigset_t *set, struct siginfo32 *si, const struct ts32 *ts)
{
    long r = syscall(__NR_rt_sigtimedwait, set, si, ts, 8);
    return r < 0 ? -errno : r;
}

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN + 2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct siginfo32 si;
    struct ts32 zero = {0, 0}, short_ts = {0, 50000000}, bad = {0, 1000000000};

    union sigval v = {.sival_int = 4242};
    sigqueue(getpid(), SIGRTMIN + 2, v);
    memset(&si, 0, sizeof si);
    long r = tw(&set, &si, &zero);
    printf("queued: +%ld code %s pid ok %d value %d\n", r - SIGRTMIN, si.code == SI_QUEUE ? "SI_QUEUE" : "?",
           si.pid == getpid(), si.value);

    printf("zero timeout: %s\n", tw(&set, &si, &zero) == -EAGAIN ? "EAGAIN" : "?");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    r = tw(&set, &si, &short_ts);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("50ms timeout: %s waited >= 40ms %d\n", r == -EAGAIN ? "EAGAIN" : "?", ms >= 40);
    printf("bad timeout: %s\n", tw(&set, &si, &bad) == -EINVAL ? "EINVAL" : "?");

    kill(getpid(), SIGUSR1);
    memset(&si, 0, sizeof si);
    r = tw(&set, &si, NULL);
    printf("no timeout: sig %s code %s\n", r == SIGUSR1 ? "SIGUSR1" : "?", si.code == SI_USER ? "SI_USER" : "?");
    return 0;
}
