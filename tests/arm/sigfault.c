/* Synchronous signals with SA_SIGINFO: SIGSEGV (unmapped and read-only pages) with si_addr and siglongjmp,
   SIGILL from UDF and SIGTRAP from BKPT resumed by editing the ucontext (pc past the instruction, r0 replaced);
   sigreturn and rt_sigreturn without a signal frame at sp kill with SIGSEGV. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile void *want;
static volatile int hits;

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    /* sigcontext.fault_address is left out: the kernel fills it, qemu-arm leaves it 0 */
    printf("SIGSEGV sig=%d code=%d addr_ok=%d usr_mode=%d\n", sig, si->si_code, si->si_addr == want,
           (int)(uc->uc_mcontext.arm_cpsr & 0x1f) == 0x10);
    hits++;
    siglongjmp(jb, 1);
}

/* Steps over the faulting instruction (2 bytes in Thumb state, 4 in ARM) and sets r0 to 42. */
static void on_trap(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    int thumb = (uc->uc_mcontext.arm_cpsr >> 5) & 1;
    /* SIGILL's si_code is left out: the kernel says ILL_ILLOPC for UDF, qemu-arm ILL_ILLOPN */
    printf("%s code=%d addr_is_pc=%d\n", sig == SIGILL ? "SIGILL" : "SIGTRAP", sig == SIGILL ? 0 : si->si_code,
           si->si_addr == (void *)uc->uc_mcontext.arm_pc);
    uc->uc_mcontext.arm_pc += thumb ? 2 : 4;
    uc->uc_mcontext.arm_r0 = 42;
    hits++;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p + 4096, 4096);
    want = p + 4096 + 12;
    if (!sigsetjmp(jb, 1))
        *(volatile int *)(p + 4096 + 12) = 1;
    printf("after unmapped write, hits=%d\n", hits);
    mprotect(p, 4096, PROT_READ);
    want = p + 100;
    if (!sigsetjmp(jb, 1))
        *(volatile char *)(p + 100) = 1;
    printf("after read-only write, hits=%d\n", hits);
    volatile int *volatile low = (volatile int *)16;
    want = (void *)low;
    if (!sigsetjmp(jb, 1))
        printf("%d\n", *low);
    /* the mask was restored by siglongjmp: a fourth fault is still caught */
    want = p + 4096;
    if (!sigsetjmp(jb, 1))
        printf("%d\n", *(volatile int *)(p + 4096));
    printf("after null and unmapped reads, hits=%d\n", hits);

    sa.sa_sigaction = on_trap;
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    int r;
    __asm__ volatile("mov r0, #5\n\tudf #0\n\tmov %0, r0" : "=r"(r) : : "r0", "memory");
    printf("after udf r0=%d\n", r);
    __asm__ volatile("mov r0, #6\n\tbkpt #0\n\tmov %0, r0" : "=r"(r) : : "r0", "memory");
    printf("after bkpt r0=%d hits=%d\n", r, hits);

    long nrs[2] = {SYS_sigreturn, SYS_rt_sigreturn};
    for (int i = 0; i < 2; i++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            signal(SIGSEGV, SIG_DFL);
            syscall(nrs[i]); /* the stack holds no frame */
            _exit(0);
        }
        int st;
        waitpid(pid, &st, 0);
        printf("%s without a frame: %s %d\n", i ? "rt_sigreturn" : "sigreturn",
               WIFSIGNALED(st) ? "killed by signal" : "exit", WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    }
    return 0;
}
