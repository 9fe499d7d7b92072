/* arm's private syscalls as the kernel answers them: set_tls/get_tls round trip, cacheflush argument checks,
   breakpoint raising SIGTRAP (TRAP_BRKPT) at the svc, usr26/usr32 refused with SIGILL (no 26-bit mode), and
   ENOSYS for an unallocated private number. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static sigjmp_buf env;
static void on_sig(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    printf("  signal %s si_code %d\n", sig == SIGTRAP ? "SIGTRAP" : sig == SIGILL ? "SIGILL" : "other", si->si_code);
    siglongjmp(env, 1);
}

static char code[64];

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sig;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);

    void *tp = __builtin_thread_pointer();
    long r = syscall(0xf0006);
    printf("get_tls equals the thread pointer: %d\n", r == (long)tp);
    printf("set_tls: %ld\n", syscall(0xf0005, tp));
    printf("cacheflush: %ld\n", syscall(0xf0002, code, code + sizeof code, 0));
    r = syscall(0xf0002, code + 8, code, 0);
    printf("cacheflush end < start: %ld %s\n", r, r < 0 && errno == EINVAL ? "EINVAL" : "?");
    r = syscall(0xf0002, code, code + 8, 1);
    printf("cacheflush flags 1: %ld %s\n", r, r < 0 && errno == EINVAL ? "EINVAL" : "?");
    r = syscall(0xf07ff);
    printf("0xf07ff: %ld %s\n", r, r < 0 && errno == ENOSYS ? "ENOSYS" : "?");
    static const struct { const char *name; long nr; } traps[] = {
        {"breakpoint", 0xf0001}, {"usr26", 0xf0003}, {"usr32", 0xf0004}};
    for (unsigned i = 0; i < sizeof traps / sizeof traps[0]; i++) {
        printf("%s:\n", traps[i].name);
        if (!sigsetjmp(env, 1)) {
            syscall(traps[i].nr);
            printf("  returned\n");
        }
    }
    return 0;
}
