/* Signal frames from the handler's side: sigaltstack (SA_ONSTACK, SS_ONSTACK inside), handlers in Thumb and
   ARM code called from either, the kernel's return trampolines when there is no SA_RESTORER (raw
   rt_sigaction), nested signals, sa_mask and the mask sigreturn restores (also one edited in the ucontext). */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

static char altstack[65536] __attribute__((aligned(16)));
static volatile int order[16], norder;

static int blocked(int sig)
{
    sigset_t s;
    sigprocmask(SIG_BLOCK, NULL, &s);
    return sigismember(&s, sig);
}

static void on_alt(int sig)
{
    int local;
    stack_t ss;
    sigaltstack(NULL, &ss);
    printf("alt: sig %d on altstack %d, SS_ONSTACK %d, 8-aligned sp %d\n", sig,
           (char *)&local >= altstack && (char *)&local < altstack + sizeof altstack, (ss.ss_flags & SS_ONSTACK) != 0,
           ((uintptr_t)__builtin_frame_address(0) & 7) == 0);
}

__attribute__((target("thumb"), noinline)) static void thumb_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    printf("thumb handler: sig %d, si_signo %d, user mode %d, uc mask ok %d, USR1 blocked %d\n", sig, si->si_signo,
           (uc->uc_mcontext.arm_cpsr & 0x1f) == 0x10, uc->uc_sigmask.__val[0] == 0, blocked(SIGUSR1));
}

__attribute__((target("arm"), noinline)) static void arm_handler(int sig)
{
    uint32_t cpsr;
    __asm__ volatile("mrs %0, apsr" : "=r"(cpsr));
    printf("arm handler: sig %d, T bit %d, USR2 blocked %d\n", sig, (int)(cpsr >> 5) & 1, blocked(SIGUSR2));
}

static void on_usr2_inner(int sig) { order[norder++] = sig; }
static void on_usr1_outer(int sig)
{
    order[norder++] = sig;
    raise(SIGUSR2); /* not in sa_mask: runs nested, right now */
    order[norder++] = -sig;
    raise(SIGHUP); /* in sa_mask: waits until this handler returns */
    order[norder++] = -100;
}
static void on_hup(int sig) { order[norder++] = sig * 100; }

static volatile int depth, maxdepth;
static void on_recurse(int sig)
{
    if (++depth > maxdepth)
        maxdepth = depth;
    if (depth < 5)
        raise(sig); /* SA_NODEFER: re-enters */
    depth--;
}

static void add_mask(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    (void)si;
    sigaddset(&uc->uc_sigmask, SIGUSR2); /* blocked from the sigreturn on */
    printf("add_mask handler for %d\n", sig);
}

/* A handler without SA_SIGINFO finds the non-rt struct sigframe at its sp: a ucontext (sigcontext with
   oldmask, uc_sigmask, the VFP record in uc_regspace). Its uc_flags is not printed: the kernel marks it
   0x5ac3c35a (as xtrace does), qemu-arm leaves it 0. */
__attribute__((used)) void sigframe_at_sp(int sig, const ucontext_t *uc)
{
    const unsigned long *vfp = uc->uc_regspace;
    printf("sigframe at sp: sig %d, r0 %lu r7 %lu, user mode %d, oldmask %d, vfp 0x%lx size %lu, end 0x%lx\n", sig,
           uc->uc_mcontext.arm_r0, uc->uc_mcontext.arm_r7,
           (uc->uc_mcontext.arm_cpsr & 0x1f) == 0x10, uc->uc_mcontext.oldmask == uc->uc_sigmask.__val[0], vfp[0],
           vfp[1], vfp[72]);
}
__attribute__((naked, target("arm"))) static void sp_handler(int sig)
{
    (void)sig;
    __asm__ volatile("mov r1, sp\n\tb sigframe_at_sp");
}

/* Stack overflow caught on the alternate stack. si_code is not printed: past the stack the kernel (and
   xtrace) find nothing mapped, SEGV_MAPERR; qemu-arm has a guard page there and says SEGV_ACCERR. */
static sigjmp_buf overflow_jb;
static volatile int depth_reached, keep_going = 1;
static char *main_sp;
static void on_overflow(int sig, siginfo_t *si, void *ctx)
{
    int local;
    (void)ctx;
    printf("overflow: sig %d, addr below main's frame %d, on altstack %d\n", sig, (char *)si->si_addr < main_sp,
           (char *)&local >= altstack && (char *)&local < altstack + sizeof altstack);
    siglongjmp(overflow_jb, 1);
}
__attribute__((noinline)) static int recurse(int n)
{
    volatile char buf[512];
    buf[0] = (char)n;
    depth_reached++;
    return keep_going ? recurse(n + 1) + buf[0] : 0;
}

/* The kernel's struct sigaction for rt_sigaction, with no SA_RESTORER: the return goes through the
   kernel-provided trampoline. */
struct ksigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    unsigned long mask[2]; /* at offset 12 */
};
static void raw_action(int sig, void *h, unsigned long flags)
{
    struct ksigaction k = {h, flags, NULL, {0, 0}};
    long r = syscall(SYS_rt_sigaction, sig, &k, NULL, 8);
    if (r)
        printf("rt_sigaction failed\n");
}

int main(void)
{
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alt;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sp_handler;
    sigaddset(&sa.sa_mask, SIGINT);
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = thumb_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = arm_handler;
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("after handlers: USR1 blocked %d, USR2 blocked %d\n", blocked(SIGUSR1), blocked(SIGUSR2));

    /* no SA_RESTORER: ARM and Thumb handlers, sigreturn and rt_sigreturn trampolines */
    raw_action(SIGUSR1, (void *)arm_handler, 0);
    raise(SIGUSR1);
    raw_action(SIGUSR1, (void *)thumb_handler, SA_SIGINFO);
    raise(SIGUSR1);
    raw_action(SIGUSR1, (void *)((uintptr_t)arm_handler), SA_SIGINFO);
    raise(SIGUSR1);
    raw_action(SIGUSR1, (void *)thumb_handler, SA_SIGINFO | SA_NODEFER);
    raise(SIGUSR1);
    printf("after trampolines: USR1 blocked %d\n", blocked(SIGUSR1));

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1_outer;
    sigaddset(&sa.sa_mask, SIGHUP);
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = on_usr2_inner;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR2, &sa, NULL);
    sa.sa_handler = on_hup;
    sigaction(SIGHUP, &sa, NULL);
    raise(SIGUSR1);
    printf("nested order:");
    for (int i = 0; i < norder; i++)
        printf(" %d", order[i]);
    printf("\n");

    sa.sa_handler = on_recurse;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("SA_NODEFER depth %d\n", maxdepth);

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = add_mask;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("after add_mask: USR1 blocked %d, USR2 blocked %d\n", blocked(SIGUSR1), blocked(SIGUSR2));
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &sa);
    printf("SA_RESETHAND: now default %d\n", sa.sa_handler == SIG_DFL);

    char here;
    main_sp = &here;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_overflow;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    if (!sigsetjmp(overflow_jb, 1))
        recurse(0);
    printf("recovered from the overflow after more than 1000 calls: %d\n", depth_reached > 1000);
    return 0;
}
