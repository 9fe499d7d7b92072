/* Syscalls only 32-bit ABIs have: stat64 family, _llseek, statfs64, fcntl64, ugetrlimit (ILP32 layouts). */
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "sys.h"

/* struct stat64 as arm EABI lays it out (104 bytes); i386's 4-byte alignment of 64-bit fields gives another
   layout, which comes with that backend. */
static int put_stat64(struct emu_cpu *c, uint64_t ga, const struct stat *s)
{
    uint8_t b[104];
    memset(b, 0, sizeof b);
    st64(b + 0, s->st_dev);
    st32(b + 12, (uint32_t)s->st_ino);
    st32(b + 16, s->st_mode);
    st32(b + 20, (uint32_t)s->st_nlink);
    st32(b + 24, s->st_uid);
    st32(b + 28, s->st_gid);
    st64(b + 32, s->st_rdev);
    st64(b + 48, (uint64_t)s->st_size);
    st32(b + 56, (uint32_t)s->st_blksize);
    st64(b + 64, (uint64_t)s->st_blocks);
    st32(b + 72, (uint32_t)s->st_atim.tv_sec);
    st32(b + 76, (uint32_t)s->st_atim.tv_nsec);
    st32(b + 80, (uint32_t)s->st_mtim.tv_sec);
    st32(b + 84, (uint32_t)s->st_mtim.tv_nsec);
    st32(b + 88, (uint32_t)s->st_ctim.tv_sec);
    st32(b + 92, (uint32_t)s->st_ctim.tv_nsec);
    st64(b + 96, s->st_ino);
    return mem_write(MEMP, ga, b, sizeof b);
}

SYS(sys_fstatat64)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    if (r < 0)
        return r;
    struct stat st;
    if (fstatat(sys_dirfd(a[0]), path, &st, (int)a[3]) < 0)
        return ERR();
    return put_stat64(c, a[2], &st);
}

SYS(sys_fstat64)
{
    struct stat st;
    if (fstat((int)a[0], &st) < 0)
        return ERR();
    return put_stat64(c, a[1], &st);
}

static int64_t stat_path(struct emu_cpu *c, uint64_t gpath, uint64_t gbuf, int flags)
{
    char path[PATH_MAX];
    int r = sys_path(c, gpath, path);
    if (r < 0)
        return r;
    struct stat st;
    if (fstatat(AT_FDCWD, path, &st, flags) < 0)
        return ERR();
    return put_stat64(c, gbuf, &st);
}

SYS(sys_stat64) { return stat_path(c, a[0], a[1], 0); }
SYS(sys_lstat64) { return stat_path(c, a[0], a[1], AT_SYMLINK_NOFOLLOW); }

/* _llseek(fd, offset_high, offset_low, loff_t *result, whence) */
SYS(sys_llseek)
{
    off_t r = lseek((int)a[0], (off_t)((a[1] << 32) | (a[2] & 0xffffffffu)), (int)a[4]);
    if (r < 0)
        return ERR();
    uint64_t v = (uint64_t)r;
    return mem_write(MEMP, a[3], &v, 8) < 0 ? -EFAULT : 0;
}

/* struct statfs64 (84 bytes on arm: packed to 4-byte alignment). */
static int put_statfs64(struct emu_cpu *c, uint64_t ga, uint64_t size, const struct statfs *s)
{
    uint8_t b[88];
    memset(b, 0, sizeof b);
    st32(b + 0, (uint32_t)s->f_type);
    st32(b + 4, (uint32_t)s->f_bsize);
    st64(b + 8, s->f_blocks);
    st64(b + 16, s->f_bfree);
    st64(b + 24, s->f_bavail);
    st64(b + 32, s->f_files);
    st64(b + 40, s->f_ffree);
    memcpy(b + 48, &s->f_fsid, 8);
    st32(b + 56, (uint32_t)s->f_namelen);
    st32(b + 60, (uint32_t)s->f_frsize);
    st32(b + 64, (uint32_t)s->f_flags);
    if (size < 84 || size > sizeof b)
        return -EINVAL;
    return mem_write(MEMP, ga, b, size);
}

SYS(sys_statfs64)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[0], path);
    if (r < 0)
        return r;
    struct statfs st;
    if (statfs(path, &st) < 0)
        return ERR();
    return put_statfs64(c, a[2], a[1], &st);
}

SYS(sys_fstatfs64)
{
    struct statfs st;
    if (fstatfs((int)a[0], &st) < 0)
        return ERR();
    return put_statfs64(c, a[2], a[1], &st);
}

/* getrlimit with 32-bit words: RLIM_INFINITY reads as 0xffffffff. */
SYS(sys_ugetrlimit)
{
    struct rlimit rl;
    if (getrlimit((int)a[0], &rl) < 0)
        return ERR();
    uint64_t w[2] = {rl.rlim_cur > 0xffffffffu ? 0xffffffffu : rl.rlim_cur,
                     rl.rlim_max > 0xffffffffu ? 0xffffffffu : rl.rlim_max};
    return sys_write_words(c, a[1], w, 2);
}

const struct sys_impl sys_compat32_impls[] = {
    {"fstatat64", sys_fstatat64}, {"fstat64", sys_fstat64}, {"stat64", sys_stat64}, {"lstat64", sys_lstat64},
    {"_llseek", sys_llseek}, {"statfs64", sys_statfs64}, {"fstatfs64", sys_fstatfs64},
    {"ugetrlimit", sys_ugetrlimit},
    {NULL, NULL},
};
