/* gdb test guest: blocks in rt_sigsuspend (until a forked child's SIGUSR1 a second later) or in a relative
   nanosleep of 1.2 s, so gdb's Ctrl-C must stop the blocked call; after continue, sigsuspend still waits for
   the signal (and its handler runs), and the restarted nanosleep ends at the original deadline. The "mt"
   variant has a second thread that blocks SIGUSR1: the process-directed signal must still reach the thread in
   sigsuspend, also when the host hands it to a thread of xtrace's own (the gdb stub's). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static void on_usr1(int sig) { handled = sig; }

static volatile int stop;
static void *napper(void *arg)
{
    (void)arg;
    while (!stop)
        usleep(20000);
    return NULL;
}

static void suspend(int mt)
{
    sigset_t usr1, none;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    signal(SIGUSR1, on_usr1);
    pthread_t th;
    if (mt)
        pthread_create(&th, NULL, napper, NULL);
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        sleep(1);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    printf("blocking\n");
    sigemptyset(&none);
    int r = sigsuspend(&none);
    int st = 0;
    waitpid(pid, &st, 0);
    if (mt) {
        stop = 1;
        pthread_join(th, NULL);
    }
    printf("sigsuspend returned %d, handler ran %d, child status %d\n", r, handled == SIGUSR1, st);
}

static void nap(void)
{
    struct timespec ts = {1, 200000000}, t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    printf("blocking\n");
    int r = nanosleep(&ts, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (long)(t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("nanosleep returned %d, slept the requested 1.2 s once (not again after the stop): %s\n", r,
           ms >= 1200 && ms < 1450 ? "yes" : "no");
}

int main(int argc, char **argv)
{
    (void)argc;
    setvbuf(stdout, NULL, _IONBF, 0);
    if (strstr(argv[0], "suspend"))
        suspend(strstr(argv[0], "mt") != NULL);
    else
        nap();
    return 0;
}
