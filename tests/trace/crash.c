/* Golden log of a guest crash: the signal line with decoded siginfo, then the killed line. */
#include <stdio.h>
#include <stdint.h>

int main(void)
{
    printf("EXPECT --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10} ---\n");
    printf("EXPECT +++ killed by SIGSEGV +++\n");
    fflush(stdout);
    *(volatile int *)(uintptr_t)0x10 = 1;
    return 0;
}
