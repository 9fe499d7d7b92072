/* sigill (arm): executes a permanently undefined instruction (UDF #0 in A32 or T32); the process must die by SIGILL. */
#include <stdio.h>

int main(void)
{
    printf("about to execute udf #0\n");
    fflush(stdout);
    __asm__ volatile("udf #0");
    printf("still alive?!\n");
    return 0;
}
