/* gdb test guest: SIGUSR1 and SIGUSR2 to handlers (gdb numbers them 30 and 31, Linux 10 and 12), then SIGSEGV. */
#include <signal.h>
#include <stdio.h>

volatile int got;

void on_signal(int sig)
{
    got += sig;
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGUSR1, on_signal);
    signal(SIGUSR2, on_signal);
    raise(SIGUSR1);
    raise(SIGUSR2);
    printf("got=%d\n", got);
    *(volatile int *)16 = 1;
    return 0;
}
