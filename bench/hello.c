/* hello: benchmark — minimal dynamically linked program; run repeatedly to measure emulator + ld.so start-up. */
#include <stdio.h>

int main(void)
{
    printf("hello, world\n");
    return 0;
}
