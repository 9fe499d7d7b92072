/* UI test guest: prints, then execs the foreign program ./exec-b (or argv[1]) with an argument. */
#include <stdio.h>
#include <unistd.h>

int stage = 1;

static int prepare(int n)
{
    return n * 2;
}

int main(int argc, char **argv)
{
    int k = prepare(21);
    printf("exec-a: stage %d, k %d\n", stage, k);
    fflush(stdout);
    char *args[] = {"exec-b", "from-a", NULL};
    execv(argc > 1 ? argv[1] : "./exec-b", args);
    perror(argv[0]);
    return 1;
}
