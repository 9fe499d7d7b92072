/* segv: stores through a null pointer; the process must die by SIGSEGV. */
#include <stdio.h>

int main(void)
{
    printf("about to store through NULL\n");
    fflush(stdout);
    *(volatile int *)0 = 42;
    printf("still alive?!\n");
    return 0;
}
