/* stop: SIGSTOP/SIGTSTP stop the whole process (default action), SIGCONT resumes it, and a parent's waitpid
   with WUNTRACED/WCONTINUED reports both; a stopped child's own raise(SIGTSTP) is seen the same way. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, int st)
{
    if (WIFSTOPPED(st))
        printf("%s: stopped by %d\n", what, WSTOPSIG(st));
    else if (WIFCONTINUED(st))
        printf("%s: continued\n", what);
    else if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by %d\n", what, WTERMSIG(st));
}

int main(void)
{
    int p[2], q[2];
    pipe(p);
    pipe(q);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        raise(SIGTSTP); /* default action: stop, until the parent's SIGCONT */
        write(p[1], "a", 1);
        char c;
        read(q[0], &c, 1); /* the parent has seen "continued" */
        kill(getpid(), SIGSTOP);
        write(p[1], "b", 1);
        _exit(5);
    }
    close(p[1]);
    int st;
    waitpid(pid, &st, WUNTRACED);
    show("after raise(SIGTSTP)", st);
    kill(pid, SIGCONT);
    waitpid(pid, &st, WCONTINUED);
    show("after SIGCONT", st);
    char c;
    read(p[0], &c, 1);
    printf("child ran on: %c\n", c);
    write(q[1], "g", 1);
    waitpid(pid, &st, WUNTRACED);
    show("after kill(self, SIGSTOP)", st);
    printf("nothing more while stopped: %d\n", waitpid(pid, &st, WNOHANG | WUNTRACED));
    kill(pid, SIGCONT);
    read(p[0], &c, 1);
    printf("child ran on: %c\n", c);
    waitpid(pid, &st, 0);
    show("at the end", st);

    /* Stopped from outside by SIGSTOP while it runs guest code. */
    pid = fork();
    if (pid == 0) {
        for (volatile unsigned long i = 0;; i++)
            ;
    }
    kill(pid, SIGSTOP);
    waitpid(pid, &st, WUNTRACED);
    show("spinning child after SIGSTOP", st);
    kill(pid, SIGCONT);
    waitpid(pid, &st, WCONTINUED);
    show("spinning child after SIGCONT", st);
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    show("spinning child at the end", st);
    return 0;
}
