#include <stdio.h>
int main(int argc, char **argv)
{
    printf("hello, world from %s (%d args) %d %u %x %ld\n", argc > 0 ? "arm" : "?", argc, -42, 3000000000u, 0xbeef, 123456789L);
    return 3;
}
