/* mmap: anonymous and file mmap, mprotect, partial munmap, mremap grow/move/shrink, MAP_FIXED, with content checks. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PG 4096

static int check(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i / PG))
            return 0;
    return 1;
}

int main(void)
{
    printf("page size: %ld\n", sysconf(_SC_PAGESIZE));
    unsigned char *p = mmap(NULL, 16 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap anon 16 pages: %s, aligned: %s\n", p != MAP_FAILED ? "ok" : "failed", ((uintptr_t)p % PG) == 0 ? "yes" : "no");
    int zero = 1;
    for (size_t i = 0; i < 16 * PG; i++)
        zero &= p[i] == 0;
    printf("zero-filled: %s\n", zero ? "yes" : "no");
    for (size_t i = 0; i < 16 * PG; i++)
        p[i] = (unsigned char)(7 + i / PG);
    printf("mprotect read-only: %d\n", mprotect(p, 16 * PG, PROT_READ));
    printf("readable after mprotect: %s\n", check(p, 16 * PG, 7) ? "yes" : "no");
    printf("mprotect rw again: %d\n", mprotect(p + 4 * PG, 4 * PG, PROT_READ | PROT_WRITE));
    p[4 * PG] = 99;
    p[4 * PG] = 11;
    errno = 0;
    int rc = mprotect(p + 1, PG, PROT_READ);
    printf("mprotect unaligned: %d EINVAL=%d\n", rc, errno == EINVAL);

    printf("munmap middle 4 pages: %d\n", munmap(p + 8 * PG, 4 * PG));
    printf("tail still intact: %s\n", check(p + 12 * PG, 4 * PG, 7 + 12) ? "yes" : "no");
    unsigned char *q = mmap(p + 8 * PG, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED into hole: %s, zeroed: %s\n", q == p + 8 * PG ? "same address" : "other", q[0] == 0 && q[4 * PG - 1] == 0 ? "yes" : "no");
    munmap(p, 16 * PG);

    /* mremap: grow in place or move, contents kept */
    unsigned char *r = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (size_t i = 0; i < 4 * PG; i++)
        r[i] = (unsigned char)(40 + i / PG);
    /* make sure the pages right after r are taken (if they already are, NOREPLACE just fails) */
    unsigned char *blocker = mmap(r + 4 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    errno = 0;
    unsigned char *r2 = mremap(r, 4 * PG, 64 * PG, 0);
    printf("mremap grow without MAYMOVE blocked: %s\n", r2 == MAP_FAILED ? "failed as expected" : "unexpected");
    r2 = mremap(r, 4 * PG, 64 * PG, MREMAP_MAYMOVE);
    printf("mremap MAYMOVE: %s, contents kept: %s\n", r2 != MAP_FAILED ? "ok" : "failed", check(r2, 4 * PG, 40) ? "yes" : "no");
    r2[64 * PG - 1] = 1;
    printf("new tail zero then writable: %s\n", r2[63 * PG] == 0 ? "yes" : "no");
    unsigned char *r3 = mremap(r2, 64 * PG, 2 * PG, 0);
    printf("mremap shrink in place: %s, contents kept: %s\n", r3 == r2 ? "yes" : "no", check(r3, 2 * PG, 40) ? "yes" : "no");
    munmap(r3, 2 * PG);
    if (blocker != MAP_FAILED)
        munmap(blocker, PG);

    /* file-backed mapping, shared and private */
    char path[] = "/tmp/xtest-mmap.XXXXXX";
    int fd = mkstemp(path);
    char data[3 * PG];
    for (int i = 0; i < (int)sizeof data; i++)
        data[i] = (char)('a' + i % 26);
    if (write(fd, data, sizeof data) != (ssize_t)sizeof data)
        printf("write failed\n");
    char *m = mmap(NULL, 2 * PG, PROT_READ, MAP_PRIVATE, fd, PG);
    printf("file map at offset PG: %s first=%c\n", m != MAP_FAILED && memcmp(m, data + PG, 2 * PG) == 0 ? "matches" : "differs", m[0]);
    munmap(m, 2 * PG);
    char *s = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    memcpy(s, "SHARED", 6);
    msync(s, PG, MS_SYNC);
    char back[7] = {0};
    pread(fd, back, 6, 0);
    printf("MAP_SHARED write visible via pread: %s\n", back);
    munmap(s, PG);
    char *pv = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    memcpy(pv, "PRIVAT", 6);
    pread(fd, back, 6, 0);
    printf("MAP_PRIVATE write not in file: %s\n", back);
    munmap(pv, PG);
    char *beyond = mmap(NULL, 2 * PG, PROT_READ, MAP_PRIVATE, fd, 2 * PG);
    printf("map straddling EOF, last byte of file page: %c\n", beyond[PG - 1]);
    munmap(beyond, 2 * PG);
    close(fd);
    unlink(path);

    errno = 0;
    void *bad = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap length 0: %s EINVAL=%d\n", bad == MAP_FAILED ? "fails" : "succeeds", errno == EINVAL);
    errno = 0;
    bad = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 12345, 0);
    printf("mmap bad fd: %s EBADF=%d\n", bad == MAP_FAILED ? "fails" : "succeeds", errno == EBADF);
    void *big = mmap(NULL, 1UL << 32, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    printf("4 GiB PROT_NONE reservation: %s\n", big != MAP_FAILED ? "ok" : "failed");
    printf("munmap it: %d\n", munmap(big, 1UL << 32));
    return 0;
}
