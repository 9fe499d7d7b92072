/* signal: handlers (sigaction, SA_SIGINFO, SA_ONSTACK), raise/kill, sigprocmask blocking and pending, recovery from SIGSEGV/SIGILL via siglongjmp. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_usr2, info_code_ok, addr_ok;
static sigjmp_buf jb;
static void *fault_addr;

static void on_usr1(int sig) { got_usr1 += sig == SIGUSR1; }
static void on_usr2(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_usr2++;
    info_code_ok = sig == SIGUSR2 && si->si_signo == SIGUSR2 && si->si_pid == getpid();
}
static char *alt_lo, *alt_hi;
static volatile sig_atomic_t on_alt;
static void on_alt_handler(int sig)
{
    char local;
    on_alt = sig == SIGUSR2 && &local >= alt_lo && &local < alt_hi;
}
static void on_fault(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    addr_ok = si->si_addr == fault_addr;
    siglongjmp(jb, sig);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("raise(SIGUSR1) handled: %d\n", got_usr1);

    sa.sa_flags = SA_SIGINFO;
    sa.sa_sigaction = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    kill(getpid(), SIGUSR2);
    printf("kill(SIGUSR2) with siginfo: %d, info ok: %d\n", got_usr2, info_code_ok);

    sigset_t set, old, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1);
    sigpending(&pend);
    printf("blocked: handled=%d pending=%d\n", got_usr1, sigismember(&pend, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: handled=%d\n", got_usr1);

    struct sigaction cur;
    sigaction(SIGUSR1, NULL, &cur);
    printf("sigaction query returns handler: %s\n", cur.sa_handler == on_usr1 ? "yes" : "no");
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    printf("SIG_IGN: still %d\n", got_usr1);

    memset(&sa, 0, sizeof sa);
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sa.sa_sigaction = on_fault;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    fault_addr = (void *)16;
    int sig = sigsetjmp(jb, 1);
    if (sig == 0) {
        *(volatile int *)fault_addr = 1;
        printf("no fault?!\n");
    } else {
        printf("recovered from signal %d, si_addr ok: %d\n", sig, addr_ok);
    }

    char *page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    fault_addr = page + 100;
    sig = sigsetjmp(jb, 1);
    if (sig == 0) {
        page[100] = 1;
        printf("no fault?!\n");
    } else {
        printf("write to read-only page: signal %d, si_addr ok: %d\n", sig, addr_ok);
    }
    munmap(page, 4096);

    sig = sigsetjmp(jb, 1);
    if (sig == 0) {
        fault_addr = NULL;
#if defined(__arm__)
        __asm__ volatile("udf #0"); /* a zero word is a valid A32 instruction (andeq) */
#else
        __asm__ volatile(".word 0"); /* permanently undefined on riscv64 and aarch64 */
#endif
        printf("no fault?!\n");
    } else {
        printf("illegal instruction: signal %d\n", sig);
    }

    /* a handler that returns normally resumes the interrupted code */
    volatile int counter = 0;
    signal(SIGUSR1, on_usr1);
    for (int i = 0; i < 100; i++) {
        counter += i;
        if (i % 10 == 0)
            raise(SIGUSR1);
    }
    printf("after 10 more raises: handled=%d counter=%d\n", got_usr1, counter);

    stack_t ss;
    ss.ss_sp = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ss.ss_size = 65536;
    ss.ss_flags = 0;
    printf("sigaltstack: %d\n", sigaltstack(&ss, NULL));
    memset(&sa, 0, sizeof sa);
    alt_lo = ss.ss_sp;
    alt_hi = alt_lo + ss.ss_size;
    sa.sa_flags = SA_ONSTACK;
    sa.sa_handler = on_alt_handler;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("handler ran on the alternate stack: %d\n", on_alt);
    return 0;
}
