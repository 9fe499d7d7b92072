/* upper: copies stdin to stdout with read/write, uppercasing ASCII letters, and reports the byte count on stderr. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    char buf[257];
    long total = 0;
    for (;;) {
        ssize_t n = read(0, buf, sizeof buf);
        if (n < 0) {
            perror("read");
            return 1;
        }
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            if (buf[i] >= 'a' && buf[i] <= 'z')
                buf[i] -= 'a' - 'A';
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(1, buf + off, n - off);
            if (w <= 0) {
                perror("write");
                return 1;
            }
            off += w;
        }
        total += n;
    }
    fprintf(stderr, "upper: %ld bytes\n", total);
    return 0;
}
