/* A fault inside a T32 IT block: the SIGSEGV handler sees the IT state in uc_mcontext.arm_cpsr, fixes the
   address register and returns, and the rest of the block must still obey its conditions; a handler that
   skips the faulting instruction resumes with the IT state it was given (as hardware does); after a
   siglongjmp out of a block, plain code runs unconditioned. The IT blocks are Thumb code called from either
   instruction set. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

unsigned out[4];
int good = 1234;
static int mode; /* 0: fix r2 and return, 1: skip the instruction, 2: siglongjmp */
static sigjmp_buf jb;

/* it_a(a, b, p): cmp a, b; itete eq: ldreq r3, [p]; movne r4, #1; addeq r5, #7; movne r6, #9; nop.
   it_b(a, b, p): cmp a, b; ittee ne: movne r4, #1; ldrne r3, [p]; moveq r5, #5; moveq r6, #6; nop.
   (A handler that skips an instruction leaves the IT state unadvanced, so the conditions shift by one and
   the last one falls on the nop.) */
__asm__(".text\n\t.syntax unified\n\t.thumb\n\t.p2align 2\n"
        "\t.global it_a\n\t.thumb_func\n\t.type it_a, %function\nit_a:\n"
        "\tpush {r4-r7, lr}\n\tmovs r3, #0\n\tmovs r4, #0\n\tmovs r5, #0\n\tmovs r6, #0\n\tcmp r0, r1\n"
        "\titete eq\n\tldreq r3, [r2]\n\tmovne r4, #1\n\taddeq r5, r5, #7\n\tmovne r6, #9\n\tnop\n"
        "\tldr r7, =out\n\tstm r7, {r3-r6}\n\tpop {r4-r7, pc}\n\t.ltorg\n"
        "\t.global it_b\n\t.thumb_func\n\t.type it_b, %function\nit_b:\n"
        "\tpush {r4-r7, lr}\n\tmovs r3, #0\n\tmovs r4, #0\n\tmovs r5, #0\n\tmovs r6, #0\n\tcmp r0, r1\n"
        "\tittee ne\n\tmovne r4, #1\n\tldrne r3, [r2]\n\tmoveq r5, #5\n\tmoveq r6, #6\n\tnop\n"
        "\tldr r7, =out\n\tstm r7, {r3-r6}\n\tpop {r4-r7, pc}\n\t.ltorg\n");
void it_a(int a, int b, int *p);
void it_b(int a, int b, int *p);

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    unsigned long cpsr = uc->uc_mcontext.arm_cpsr;
    unsigned it = (unsigned)((cpsr >> 25) & 3) | (unsigned)((cpsr >> 10) & 0x3f) << 2;
    printf("  SIGSEGV %d: thumb=%lu IT=%#04x addr_ok=%d\n", sig, (cpsr >> 5) & 1, it, si->si_addr == (void *)16);
    if (mode == 2)
        siglongjmp(jb, 1);
    if (mode == 1)
        uc->uc_mcontext.arm_pc += 2; /* a 16-bit load */
    else
        uc->uc_mcontext.arm_r2 = (unsigned long)&good;
}

static void show(const char *what)
{
    printf("%s: r3=%u r4=%u r5=%u r6=%u\n", what, out[0], out[1], out[2], out[3]);
    memset(out, 0, sizeof out);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    int *bad = (int *)16;
    for (int round = 0; round < 2; round++) { /* the second round runs the cached blocks */
        printf("round %d\n", round);
        it_a(1, 1, &good); show("a, no fault");
        mode = 0; it_a(1, 1, bad); show("a, fault at the 1st, fixed");
        it_a(1, 2, bad); show("a, not taken");
        it_b(1, 2, &good); show("b, no fault");
        mode = 0; it_b(1, 2, bad); show("b, fault at the 2nd, fixed");
        mode = 1; it_b(1, 2, bad); show("b, fault at the 2nd, skipped");
        mode = 1; it_a(1, 1, bad); show("a, fault at the 1st, skipped");
        mode = 2;
        if (!sigsetjmp(jb, 1))
            it_b(3, 4, bad);
        it_b(3, 3, bad); show("b after siglongjmp, not taken");
    }
    return 0;
}
