/* F_GETFL reports the guest's O_* numbering: access mode and O_APPEND kept, no stray O_NOFOLLOW/O_DIRECT bits
   (the host's O_LARGEFILE bit means O_NOFOLLOW on arm and arm64). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    char path[] = "/tmp/xtrace-fcntlfl-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 1;
    close(fd);
    fd = open(path, O_RDWR | O_APPEND);
    int fl = fcntl(fd, F_GETFL);
    printf("accmode rdwr %d append %d nofollow %d direct %d\n", (fl & O_ACCMODE) == O_RDWR, !!(fl & O_APPEND),
           !!(fl & O_NOFOLLOW), !!(fl & O_DIRECT));
    fcntl(fd, F_SETFL, O_NONBLOCK);
    fl = fcntl(fd, F_GETFL);
    printf("after F_SETFL nonblock %d append %d nofollow %d\n", !!(fl & O_NONBLOCK), !!(fl & O_APPEND),
           !!(fl & O_NOFOLLOW));
    close(fd);
    unlink(path);
    return 0;
}
