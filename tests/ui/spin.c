/* CPU-bound UI test guest: a long integer loop for measuring the TUI's overhead while the guest runs. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 200000000ul, x = 1;
    for (unsigned long i = 0; i < n; i++)
        x = x * 6364136223846793005ul + i;
    printf("spin %lu\n", x & 0xffff);
    return 0;
}
