/* VFP state across signal handlers: d0-d31 and FPSCR (rounding mode, flags) hold their values through a
   handler that clobbers them all, whether the signal comes from kill, an interval timer or alarm; the
   handler itself starts with the interrupted code's FP registers visible in its ucontext's VFP record. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int handled;
static volatile uint64_t seen_d9;
static volatile uint32_t seen_magic, seen_size, seen_fpscr;

static void clobber(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    (void)si;
    const uint32_t *vfp = (const uint32_t *)uc->uc_regspace; /* magic, size, d0-d31, fpscr */
    seen_magic = vfp[0];
    seen_size = vfp[1];
    memcpy((void *)&seen_d9, vfp + 2 + 2 * 9, 8);
    seen_fpscr = vfp[2 + 64];
    static const uint64_t junk[32] = {[0 ... 31] = 0x7ff8dead0000beefull};
    uint32_t fpscr = 0x00c00000u; /* round towards zero */
    __asm__ volatile(".fpu vfpv3\n\tvldmia %0, {d0-d15}\n\tvldmia %1, {d16-d31}\n\tvmsr fpscr, %2"
                     : : "r"(junk), "r"(junk + 16), "r"(fpscr)
                     : "memory", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", "d12",
                       "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21", "d22", "d23", "d24", "d25",
                       "d26", "d27", "d28", "d29", "d30", "d31");
    handled = sig;
}

static uint64_t in[32], out[32];

/* Loads d0-d31 and FPSCR, runs the syscall (kill(pid, sig), or a spin until the handler ran), stores them. */
static uint32_t run(int sig)
{
    uint32_t fpscr_in = 0x00400000u | 0x10u, fpscr_out; /* round towards +inf, IXC set */
    int pid = getpid();
    if (sig) {
        __asm__ volatile(".fpu vfpv3\n\tvmsr fpscr, %[f]\n\tvldmia %[a], {d0-d15}\n\tvldmia %[b], {d16-d31}\n\t"
                         "push {r7}\n\tmov r0, %[pid]\n\tmov r1, %[sig]\n\tmov r7, #37\n\tsvc #0\n\tpop {r7}\n\t"
                         "vstmia %[c], {d0-d15}\n\tvstmia %[d], {d16-d31}\n\tvmrs %[o], fpscr"
                         : [o] "=r"(fpscr_out)
                         : [f] "r"(fpscr_in), [a] "r"(in), [b] "r"(in + 16), [c] "r"(out), [d] "r"(out + 16),
                           [pid] "r"(pid), [sig] "r"(sig)
                         : "r0", "r1", "memory", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10",
                           "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21", "d22", "d23",
                           "d24", "d25", "d26", "d27", "d28", "d29", "d30", "d31");
    } else {
        __asm__ volatile(".fpu vfpv3\n\tvmsr fpscr, %[f]\n\tvldmia %[a], {d0-d15}\n\tvldmia %[b], {d16-d31}\n\t"
                         "1: ldr r0, [%[h]]\n\tcmp r0, #0\n\tbeq 1b\n\t"
                         "vstmia %[c], {d0-d15}\n\tvstmia %[d], {d16-d31}\n\tvmrs %[o], fpscr"
                         : [o] "=r"(fpscr_out)
                         : [f] "r"(fpscr_in), [a] "r"(in), [b] "r"(in + 16), [c] "r"(out), [d] "r"(out + 16),
                           [h] "r"(&handled)
                         : "r0", "cc", "memory", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10",
                           "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21", "d22", "d23",
                           "d24", "d25", "d26", "d27", "d28", "d29", "d30", "d31");
    }
    return fpscr_out;
}

static void report(const char *what, uint32_t fpscr)
{
    int same = 0;
    for (int i = 0; i < 32; i++)
        same += in[i] == out[i];
    printf("%s: handler ran for %d, %d of 32 d registers kept, fpscr 0x%08x, frame magic 0x%08x size %u "
           "d9 %s fpscr %s\n", what, handled, same, fpscr & 0x0fc0009fu, seen_magic, seen_size,
           seen_d9 == in[9] ? "ok" : "wrong", (seen_fpscr & 0x00c00000u) == 0x00400000u ? "ok" : "wrong");
}

int main(void)
{
    for (int i = 0; i < 32; i++)
        in[i] = 0x3ff0000000000000ull + ((uint64_t)i << 40) + (uint64_t)i * 0x1111;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = clobber;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGALRM, &sa, NULL);
    report("kill", run(SIGUSR1));
    handled = 0;
    struct itimerval it = {{0, 0}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    report("setitimer", run(0));
    handled = 0;
    alarm(1);
    report("alarm", run(0));
    return 0;
}
