/* gdb test guest: blocks in a host call (nanosleep, or read on a pipe that a forked child fills after a
   second) so gdb's Ctrl-C must interrupt the blocked call; the call completes normally after continue. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap(void)
{
    struct timespec ts = {1, 200000000};
    int r = nanosleep(&ts, NULL);
    printf("nanosleep returned %d\n", r);
}

static void wait_for_data(void)
{
    int p[2];
    if (pipe(p) < 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {
        sleep(1);
        if (write(p[1], "hello", 5) != 5)
            _exit(1);
        _exit(0);
    }
    char buf[16] = {0};
    ssize_t n = read(p[0], buf, sizeof buf - 1);
    int st = 0;
    waitpid(pid, &st, 0);
    printf("read %zd: %s (child status %d)\n", n, buf, st);
}

int main(int argc, char **argv)
{
    (void)argc;
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("blocking\n");
    if (strstr(argv[0], "read"))
        wait_for_data();
    else
        nap();
    return 0;
}
