/* gdb test guest: says it spins, spins until a debugger changes `stop`, then says so. */
#include <stdio.h>

volatile int stop;
volatile unsigned long spins;

int main(void)
{
    printf("spinning\n");
    fflush(stdout);
    while (!stop)
        spins++;
    printf("stopped after spinning\n");
    return 0;
}
