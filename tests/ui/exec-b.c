/* UI test guest: the program exec-a execs; a breakpoint in second_func must stop there. */
#include <stdio.h>

int stage = 2;

int second_func(int x)
{
    int y = x + stage;
    return y * 3;
}

int main(int argc, char **argv)
{
    int r = second_func(argc);
    printf("exec-b: %s r %d\n", argc > 1 ? argv[1] : "-", r);
    return 0;
}
