/* Guest test: a signal that arrives just as the target is about to block in read() must interrupt that read
   (EINTR after the handler ran), never be left waiting. The sender is another process (so it is not held back
   by the emulator lock) told "about to read" through a pipe, with a varying delay. The handler writes the byte
   the read waits for, so a signal that comes before the read also ends the round; only a signal lost around the
   read hangs. Loops many times; the harness bounds it with a timeout. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS 3000

static int fds[2];               /* the pipe the target reads */
static int go[2];                /* the target says "about to read" through it */
static volatile int handled;     /* handler runs */

static void on_usr1(int sig)
{
    (void)sig;
    handled++;
    if (write(fds[1], "x", 1) != 1)
        _exit(2);
}

static void sender(pid_t target)
{
    for (int i = 1; i <= ROUNDS; i++) {
        char b;
        if (read(go[0], &b, 1) != 1)
            _exit(1);
        kill(target, SIGUSR1);
    }
    _exit(0);
}

int main(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1; /* no SA_RESTART: the read must fail with EINTR */
    sigaction(SIGUSR1, &sa, NULL);
    if (pipe(fds) < 0 || pipe(go) < 0)
        return 1;
    pid_t target = getpid(), pid = fork();
    if (pid == 0)
        sender(target);
    int eintr = 0;
    for (int i = 1; i <= ROUNDS; i++) {
        char c;
        while (handled != i - 1) /* the previous round's signal has been handled */
            ;
        if (write(go[1], "g", 1) != 1)
            return 4;
        for (volatile int k = 0; k < (i * 7919) % 20000; k++) /* the signal lands at different points around the read */
            ;
        ssize_t r = read(fds[0], &c, 1);
        if (r < 0 && errno == EINTR) { /* interrupted: the handler ran and wrote the byte */
            eintr++;
            r = read(fds[0], &c, 1);
        }
        if (r != 1)
            return 3;
    }
    int st;
    waitpid(pid, &st, 0);
    printf("rounds %d, handler runs %d, sender status %d\n", ROUNDS, handled, st);
    fprintf(stderr, "reads interrupted: %d\n", eintr);
    return 0;
}
