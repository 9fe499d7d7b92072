/* syscall: benchmark — syscall-heavy loop: 600k small writes to /dev/null plus fstat, stat, lseek and getpid calls. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 600000;
    int fd = open("/dev/null", O_WRONLY);
    if (fd < 0) {
        perror("/dev/null");
        return 1;
    }
    long written = 0, stats = 0, other = 0;
    struct stat st;
    char msg[16] = "0123456789abcde";
    for (long i = 0; i < n; i++) {
        written += write(fd, msg, 1 + i % 15);
        if (i % 4 == 0)
            stats += fstat(fd, &st) == 0;
        if (i % 8 == 0)
            stats += stat("/dev/null", &st) == 0;
        if (i % 16 == 0) {
            other += lseek(fd, 0, SEEK_CUR) >= 0;
            other += syscall(SYS_getpid) > 0;
        }
    }
    close(fd);
    printf("syscall: %ld writes (%ld bytes), %ld stats, %ld other\n", n, written, stats, other);
    return 0;
}
