/* /proc/self/cmdline and /proc/self/environ show the guest's own argv and environment (not the emulator's), and
   cmdline follows changes the program makes to its argument strings. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void show(const char *path, const char *only, int skip)
{
    char buf[8192];
    int fd = open(path, O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
    if (n < 0) {
        printf("%s: unreadable\n", path);
        return;
    }
    buf[n] = 0;
    printf("%s:", path);
    for (char *s = buf; s < buf + n; s += strlen(s) + 1)
        if (skip-- <= 0 && (!only || !strncmp(s, only, strlen(only)) || !strncmp(s, "HOME=", 5)))
            printf(" [%s]", s);
    printf("\n");
    close(fd);
}

int main(int argc, char **argv)
{
    setenv("XT_EXTRA", "later", 1); /* the environ file shows the initial environment, like the kernel's */
    show("/proc/self/cmdline", NULL, 1); /* argv[0] is the build path */
    show("/proc/self/environ", "XT_", 0);
    argv[1][0] = 'B';
    show("/proc/self/cmdline", NULL, 1); /* argv[0] is the build path */
    return argc == 3 ? 0 : 1;
}
