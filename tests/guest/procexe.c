/* procexe: readlink("/proc/self/exe") must name this program; prints the basename and compares it with argv[0]. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    (void)argc;
    char buf[PATH_MAX + 1];
    ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
    if (n < 0) {
        perror("readlink /proc/self/exe");
        return 1;
    }
    buf[n] = 0;
    const char *base = strrchr(buf, '/');
    base = base ? base + 1 : buf;
    printf("exe basename: %s\n", base);
    printf("absolute: %s\n", buf[0] == '/' ? "yes" : "no");
    const char *a0 = strrchr(argv[0], '/');
    a0 = a0 ? a0 + 1 : argv[0];
    printf("matches argv[0] basename: %s\n", strcmp(a0, base) == 0 ? "yes" : "no");
    char real[PATH_MAX];
    printf("same file as realpath(argv[0]): %s\n", realpath(argv[0], real) && strcmp(real, buf) == 0 ? "yes" : "no");
    return 0;
}
