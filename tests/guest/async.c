/* async: asynchronous signals from the host reach guest handlers: alarm, setitimer, SIGCHLD, sigsuspend, and
   an SA_RESTART read that survives a signal. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t alarms, chld, usr;
static void on_alarm(int s) { (void)s; alarms++; }
static void on_chld(int s) { (void)s; chld++; }
static void on_usr(int s) { (void)s; usr++; }

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    alarm(1);
    while (!alarms)
        ; /* spin: delivered at a block boundary */
    printf("alarm while spinning: %d\n", alarms);

    struct itimerval it = {{0, 20000}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    while (alarms < 4)
        pause();
    it.it_value.tv_usec = it.it_interval.tv_usec = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    printf("itimer ticks seen through pause: %s\n", alarms >= 4 ? "yes" : "no");

    sa.sa_handler = on_chld;
    sigaction(SIGCHLD, &sa, NULL);
    pid_t pid = fork();
    if (pid == 0)
        _exit(4);
    sigset_t none;
    sigemptyset(&none);
    while (!chld)
        sigsuspend(&none);
    int st;
    waitpid(pid, &st, 0);
    printf("SIGCHLD handled: %d, child status %d\n", chld, WEXITSTATUS(st));

    /* A read on a pipe is interrupted by a signal from a child; SA_RESTART resumes it. */
    sa.sa_handler = on_usr;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);
    int p[2];
    pipe(p);
    pid = fork();
    if (pid == 0) {
        usleep(100000);
        kill(getppid(), SIGUSR1);
        usleep(100000);
        write(p[1], "late", 4);
        _exit(0);
    }
    char buf[8] = {0};
    ssize_t n = read(p[0], buf, 4);
    waitpid(pid, &st, 0);
    printf("restarted read: %zd '%s', handler ran: %d\n", n, buf, usr);
    return 0;
}
