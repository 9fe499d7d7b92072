/* sigexec: the blocked mask and a blocked pending signal survive execve of a foreign program, as the kernel
   keeps them: the new image sees SIGUSR1 blocked and takes the pending one with sigwaitinfo. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    sigset_t set, cur, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    if (argc > 1 && !strcmp(argv[1], "after")) {
        sigprocmask(SIG_BLOCK, NULL, &cur);
        printf("after exec: SIGUSR1 blocked %d, SIGUSR2 blocked %d\n", sigismember(&cur, SIGUSR1),
               sigismember(&cur, SIGUSR2));
        sigpending(&pend);
        printf("after exec: SIGUSR1 pending %d\n", sigismember(&pend, SIGUSR1));
        siginfo_t si;
        struct timespec ts = {2, 0};
        int s = sigtimedwait(&set, &si, &ts);
        printf("after exec: took %d from pid %s\n", s, si.si_pid == getpid() ? "self" : "other");
        return 0;
    }
    sigprocmask(SIG_BLOCK, &set, NULL);
    kill(getpid(), SIGUSR1);
    printf("before exec: blocked and pending\n");
    fflush(stdout);
    execl("/proc/self/exe", argv[0], "after", (char *)NULL);
    perror("execl");
    return 1;
}
