/* select and pselect6 write the time left back into their timeout, as Linux does (a pipe gets data after ~50 ms). */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A child that writes one byte into fd after ms milliseconds. */
static pid_t writer(int fd, int ms)
{
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec d = { 0, ms * 1000000L };
        nanosleep(&d, NULL);
        if (write(fd, "x", 1) != 1)
            _exit(1);
        _exit(0);
    }
    return pid;
}

int main(void)
{
    int p[2];
    char c;
    if (pipe(p) < 0)
        return 1;

    /* select (glibc: pselect6, pselect6_time64 or _newselect, which all give the time left back) */
    pid_t pid = writer(p[1], 50);
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    struct timeval tv = { 2, 0 };
    int r = select(p[0] + 1, &rd, NULL, NULL, &tv);
    long left_us = tv.tv_sec * 1000000L + tv.tv_usec;
    printf("select: %d ready=%d\n", r, FD_ISSET(p[0], &rd) != 0);
    printf("select: time left decreased %s, > 0 %s, >= 1 s %s\n", left_us < 2000000 ? "yes" : "no",
           left_us > 0 ? "yes" : "no", left_us >= 1000000 ? "yes" : "no");
    waitpid(pid, NULL, 0);
    if (read(p[0], &c, 1) != 1)
        return 1;

    /* the raw pselect6 syscall with the kernel's timespec */
    pid = writer(p[1], 50);
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    struct timespec ts = { 2, 0 };
    r = (int)syscall(SYS_pselect6, p[0] + 1, &rd, NULL, NULL, &ts, NULL);   /* 32-bit ABIs: 32-bit timespec */
    long long left_ns = ts.tv_sec * 1000000000LL + ts.tv_nsec;
    printf("pselect6: %d ready=%d\n", r, FD_ISSET(p[0], &rd) != 0);
    printf("pselect6: time left decreased %s, > 0 %s\n", left_ns < 2000000000LL ? "yes" : "no",
           left_ns > 0 ? "yes" : "no");
    waitpid(pid, NULL, 0);
    if (read(p[0], &c, 1) != 1)
        return 1;

    /* a timeout that runs out leaves zero */
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    tv.tv_sec = 0, tv.tv_usec = 20000;
    r = select(p[0] + 1, &rd, NULL, NULL, &tv);
    printf("select timeout: %d left %ld.%06ld\n", r, (long)tv.tv_sec, (long)tv.tv_usec);
    return 0;
}
