/* Helpers of the golden syscall-log tests: the EXPECT/EXPECT_RE/ABSENT_RE/JSON lines and the log's spelling of results. */
#ifndef XTRACE_TEST_EXPECT_H
#define XTRACE_TEST_EXPECT_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define EXPECT(...) (printf("EXPECT " __VA_ARGS__), putchar('\n'), fflush(stdout))
#define EXPECT_RE(...) (printf("EXPECT_RE " __VA_ARGS__), putchar('\n'), fflush(stdout))
#define ABSENT_RE(...) (printf("ABSENT_RE " __VA_ARGS__), putchar('\n'), fflush(stdout))
#define EXPECT_JSON() (puts("JSON"), fflush(stdout))

/* How the log shows the result r of syscall() (errno set when r is -1): "3", or "-1 ENOENT (No such ...)". */
static inline const char *res(long r)
{
    static char buf[8][160];
    static int k;
    static const struct { int e; const char *name; } names[] = {
        { EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { EBADF, "EBADF" }, { ECHILD, "ECHILD" },
        { EAGAIN, "EAGAIN" }, { EACCES, "EACCES" }, { EFAULT, "EFAULT" }, { EEXIST, "EEXIST" },
        { ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" }, { EINVAL, "EINVAL" }, { ENOTTY, "ENOTTY" },
        { ESPIPE, "ESPIPE" }, { ENOSYS, "ENOSYS" }, { ENOTSOCK, "ENOTSOCK" }, { ECONNREFUSED, "ECONNREFUSED" },
        { EINTR, "EINTR" }, { ETIMEDOUT, "ETIMEDOUT" }, { EOPNOTSUPP, "EOPNOTSUPP" }, { ENAMETOOLONG, "ENAMETOOLONG" },
        { ESRCH, "ESRCH" }, { ENXIO, "ENXIO" }, { ENODEV, "ENODEV" }, { EIO, "EIO" },
    };
    char *b = buf[k++ % 8];
    if (r != -1) {
        snprintf(b, sizeof buf[0], "%ld", r);
        return b;
    }
    int e = errno;
    const char *n = "E?";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].e == e)
            n = names[i].name;
    snprintf(b, sizeof buf[0], "-1 %s (%s)", n, strerror(e));
    errno = e;
    return b;
}

#endif
