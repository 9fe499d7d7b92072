/* getrandom: getrandom(2) of 32 bytes (blocking and GRND_NONBLOCK), getentropy, and /dev/urandom; prints only properties. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

static int nonzero(const unsigned char *b, int n)
{
    for (int i = 0; i < n; i++)
        if (b[i])
            return 1;
    return 0;
}

int main(void)
{
    unsigned char a[32], b[32];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    ssize_t n1 = getrandom(a, sizeof a, 0);
    ssize_t n2 = getrandom(b, sizeof b, GRND_NONBLOCK);
    printf("getrandom got 32: %s\n", n1 == 32 ? "yes" : "no");
    printf("getrandom nonblock got 32: %s\n", n2 == 32 ? "yes" : "no");
    printf("not all zero: %s, two draws differ: %s\n", nonzero(a, 32) ? "yes" : "no",
           memcmp(a, b, 32) != 0 ? "yes" : "no");
    unsigned char c[64];
    printf("getentropy rc: %d\n", getentropy(c, sizeof c));
    int fd = open("/dev/urandom", O_RDONLY);
    ssize_t n3 = read(fd, c, 16);
    printf("/dev/urandom read 16: %s\n", n3 == 16 ? "yes" : "no");
    close(fd);
    return 0;
}
