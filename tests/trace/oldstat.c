/* Golden -v log of arm's old stat/fstat/lstat (asm/stat.h's struct stat: 16-bit mode, nlink and ids) and of stat64/fstatat64: every member as the guest received it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>

#include "expect.h"

/* arm's old struct stat (asm/stat.h) */
struct oldstat {
    unsigned long st_dev, st_ino;
    unsigned short st_mode, st_nlink, st_uid, st_gid;
    unsigned long st_rdev, st_size, st_blksize, st_blocks;
    unsigned long t[6], unused[2];   /* atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec */
};

/* The -v text of s (regular files and directories: st_size, no st_rdev). */
static const char *members(const struct oldstat *s, const char *type)
{
    static char buf[2][512];
    static int k;
    char *b = buf[k++ % 2];
    snprintf(b, sizeof buf[0],
             "{st_dev=makedev(%#lx, %#lx), st_ino=%lu, st_mode=%s|%#o, st_nlink=%u, st_uid=%u, st_gid=%u, "
             "st_blksize=%lu, st_blocks=%lu, st_size=%lu, st_atime=%lu, st_atime_nsec=%lu, st_mtime=%lu, "
             "st_mtime_nsec=%lu, st_ctime=%lu, st_ctime_nsec=%lu}",
             (s->st_dev >> 8) & 0xfff, (s->st_dev & 0xff) | ((s->st_dev >> 12) & ~0xfful), s->st_ino, type,
             s->st_mode & 07777, s->st_nlink, s->st_uid, s->st_gid, s->st_blksize, s->st_blocks, s->st_size,
             s->t[0], s->t[1], s->t[2], s->t[3], s->t[4], s->t[5]);
    return b;
}

/* The same for the kernel's struct stat64 (glibc's, with 32-bit time: the same layout). */
static const char *members64(const struct stat64 *s, const char *type)
{
    static char buf[2][512];
    static int k;
    char *b = buf[k++ % 2];
    unsigned long long d = s->st_dev;
    snprintf(b, sizeof buf[0],
             "{st_dev=makedev(%#llx, %#llx), st_ino=%llu, st_mode=%s|%#o, st_nlink=%u, st_uid=%u, st_gid=%u, "
             "st_blksize=%ld, st_blocks=%lld, st_size=%lld, st_atime=%ld, st_atime_nsec=%ld, st_mtime=%ld, "
             "st_mtime_nsec=%ld, st_ctime=%ld, st_ctime_nsec=%ld}",
             ((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffull), (d & 0xff) | ((d >> 12) & ~0xffull),
             (unsigned long long)s->st_ino, type, (unsigned)s->st_mode & 07777, (unsigned)s->st_nlink,
             (unsigned)s->st_uid, (unsigned)s->st_gid, (long)s->st_blksize, (long long)s->st_blocks,
             (long long)s->st_size, (long)s->st_atim.tv_sec, s->st_atim.tv_nsec, (long)s->st_mtim.tv_sec,
             s->st_mtim.tv_nsec, (long)s->st_ctim.tv_sec, s->st_ctim.tv_nsec);
    return b;
}

int main(void)
{
    struct oldstat s;
    char path[64];
    snprintf(path, sizeof path, "/tmp/xtrace-oldstat-%d", getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0640);
    if (fd < 0 || write(fd, "0123456789", 10) != 10)
        return 1;
    long r = syscall(SYS_stat, path, &s);
    EXPECT("stat(\"%s\", %s) = %s", path, members(&s, "S_IFREG"), res(r));
    r = syscall(SYS_fstat, fd, &s);
    EXPECT("fstat(%d, %s) = %s", fd, members(&s, "S_IFREG"), res(r));
    r = syscall(SYS_lstat, "/", &s);
    EXPECT("lstat(\"/\", %s) = %s", members(&s, "S_IFDIR"), res(r));
    struct stat64 s64;
    r = syscall(SYS_stat64, path, &s64);
    EXPECT("stat64(\"%s\", %s) = %s", path, members64(&s64, "S_IFREG"), res(r));
    r = syscall(SYS_fstatat64, AT_FDCWD, "/", &s64, AT_SYMLINK_NOFOLLOW);
    EXPECT("fstatat64(AT_FDCWD, \"/\", %s, AT_SYMLINK_NOFOLLOW) = %s", members64(&s64, "S_IFDIR"), res(r));
    close(fd);
    unlink(path);
    return 0;
}
