/* Golden log of -f: "[pid N] " lines of a second thread (pthread) and of a forked child, with the parent's wait. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/wait.h>

#include "expect.h"

static int pipefd[2];

static void *worker(void *arg)
{
    (void)arg;
    int tid = (int)syscall(SYS_gettid);
    long r = syscall(SYS_write, pipefd[1], "from thread", 11);
    EXPECT("[pid %d] write(%d, \"from thread\", 11) = %s", tid, pipefd[1], res(r));
    r = syscall(SYS_close, -7);
    EXPECT("[pid %d] close(-7) = %s", tid, res(r));
    return NULL;
}

int main(void)
{
    int me = getpid();
    long r = syscall(SYS_pipe2, pipefd, 0);
    EXPECT("[pid %d] pipe2([%d, %d], 0) = %s", me, pipefd[0], pipefd[1], res(r));
    pthread_t th;
    pthread_create(&th, NULL, worker, NULL);
    pthread_join(th, NULL);
    char buf[32];
    r = syscall(SYS_read, pipefd[0], buf, sizeof buf);
    EXPECT("[pid %d] read(%d, \"from thread\", 32) = %s", me, pipefd[0], res(r));

    pid_t child = fork();
    if (child == 0) {
        int c = getpid();
        r = syscall(SYS_write, pipefd[1], "from child", 10);
        EXPECT("[pid %d] write(%d, \"from child\", 10) = %s", c, pipefd[1], res(r));
        EXPECT("[pid %d] exit_group(7) = ?", c);
        EXPECT("[pid %d] +++ exited with 7 +++", c);
        fflush(stdout);
        _exit(7);
    }
    int st;
    r = syscall(SYS_wait4, child, &st, 0, NULL);
    EXPECT("[pid %d] wait4(%d, [{WIFEXITED(s) && WEXITSTATUS(s) == 7}], 0, NULL) = %s", me, child, res(r));
    r = syscall(SYS_read, pipefd[0], buf, sizeof buf);
    EXPECT("[pid %d] read(%d, \"from child\", 32) = %s", me, pipefd[0], res(r));
    EXPECT("[pid %d] exit_group(0) = ?", me);
    EXPECT("[pid %d] +++ exited with 0 +++", me);
    return 0;
}
