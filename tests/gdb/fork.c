/* gdb test guest: fork, or vfork + _exit when its name has "vfork", and a breakpoint on work() must stop only the
   parent while the child runs on (its output appears); when its name has "exec" it re-executes itself. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int work(int who)
{
    printf("%s works\n", who ? "parent" : "child");
    return who * 2;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 1 && !strcmp(argv[1], "again")) {
        printf("exec'ed image runs\n");
        return work(1) - 2;
    }
    if (strstr(argv[0], "exec")) {
        printf("about to exec\n");
        execl(argv[0], argv[0], "again", (char *)NULL);
        perror("execl");
        return 1;
    }
    pid_t pid = strstr(argv[0], "vfork") ? vfork() : fork();
    if (pid == 0) {
        work(0);
        _exit(7);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    int r = work(1);
    printf("parent: child exit status %d, work %d\n", WEXITSTATUS(st), r);
    return 0;
}
