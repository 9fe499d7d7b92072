/* gdb bench guest: mode 0 a CPU-bound loop over a hot global, mode 1 a loop calling tick() (breakpoint target). */
#include <stdio.h>
#include <stdlib.h>

volatile long hot;   /* written every iteration */
volatile long cold;  /* never touched by the loop (a watchpoint here costs only the checks) */

__attribute__((noipa)) long tick(long x)
{
    return x + 1;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    int mode = argc > 2 ? atoi(argv[2]) : 0;
    long x = 0;
    if (mode == 0)
        for (long i = 0; i < n; i++)
            hot += i;
    else
        for (long i = 0; i < n; i++)
            x = tick(x);
    printf("hot=%ld x=%ld cold=%ld\n", hot, x, cold);
    return 0;
}
