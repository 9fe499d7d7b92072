/* sigill: executes a permanently undefined instruction (an all-zero word on riscv64 and aarch64, UDF #0 on arm,
   where a zero word is a valid instruction); the process must die by SIGILL. */
#include <stdio.h>

int main(void)
{
    printf("about to execute an undefined instruction\n");
    fflush(stdout);
#if defined(__arm__)
    __asm__ volatile("udf #0");
#else
    __asm__ volatile(".word 0");
#endif
    printf("still alive?!\n");
    return 0;
}
