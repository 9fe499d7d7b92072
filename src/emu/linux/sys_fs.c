/* File-system syscalls: open, stat, directories, links, paths (with sysroot mapping and /proc/self views). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "procfs.h"
#include "sys.h"

static int is_proc_self(const char *path, const char *what)
{
    static const char *const prefixes[] = {"/proc/self/", "/proc/thread-self/"};
    for (int i = 0; i < 2; i++) {
        size_t n = strlen(prefixes[i]);
        if (!strncmp(path, prefixes[i], n) && !strcmp(path + n, what))
            return 1;
    }
    char own[64];
    snprintf(own, sizeof own, "/proc/%d/%s", (int)getpid(), what);
    return !strcmp(path, own);
}

int sys_path(struct emu_cpu *c, uint64_t a, char *out)
{
    char raw[PATH_MAX];
    int n = mem_read_str(MEMP, a, raw, sizeof raw);
    if (n < 0)
        return n;
    const char *root = c->proc->sysroot;
    if (is_proc_self(raw, "exe")) {
        snprintf(out, PATH_MAX, "%s", c->proc->exe_path);
        return 0;
    }
    if (root && raw[0] == '/' && strncmp(raw, "/proc/", 6) && strncmp(raw, "/dev/", 5) && strcmp(raw, "/")) {
        char full[PATH_MAX];
        if (snprintf(full, sizeof full, "%s%s", root, raw) < (int)sizeof full) {
            struct stat st;
            if (lstat(full, &st) == 0) {
                memcpy(out, full, strlen(full) + 1);
                return 0;
            }
        }
    }
    memcpy(out, raw, (size_t)n + 1);
    return 0;
}

SYS(sys_openat)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    if (r < 0)
        return r;
    int flags = (int)sys_oflags_in(c->proc->isa, (uint32_t)a[2]);
    int fd = procfs_open(c->proc, path, flags);
    if (fd != -ENOENT)
        return fd;
    return RET(openat(sys_dirfd(a[0]), path, flags, (mode_t)a[3]));
}

SYS(sys_close)
{
    return RET(close((int)a[0]));
}

static void to_gstat(const struct stat *s, struct gstat_generic *g)
{
    memset(g, 0, sizeof *g);
    g->st_dev = s->st_dev;
    g->st_ino = s->st_ino;
    g->st_mode = s->st_mode;
    g->st_nlink = (uint32_t)s->st_nlink;
    g->st_uid = s->st_uid;
    g->st_gid = s->st_gid;
    g->st_rdev = s->st_rdev;
    g->st_size = s->st_size;
    g->st_blksize = (int32_t)s->st_blksize;
    g->st_blocks = s->st_blocks;
    g->st_atime_ = s->st_atim.tv_sec;
    g->st_atime_nsec = s->st_atim.tv_nsec;
    g->st_mtime_ = s->st_mtim.tv_sec;
    g->st_mtime_nsec = s->st_mtim.tv_nsec;
    g->st_ctime_ = s->st_ctim.tv_sec;
    g->st_ctime_nsec = s->st_ctim.tv_nsec;
}

static int64_t put_stat(struct emu_cpu *c, uint64_t ga, const struct stat *st)
{
    struct gstat_generic g;
    to_gstat(st, &g);
    return mem_write(MEMP, ga, &g, sizeof g);
}

int64_t sys_stat_into(struct emu_cpu *c, int dirfd, uint64_t gpath, int flags, uint64_t gbuf, sys_stat_put put)
{
    struct stat st;
    if (gpath) {
        char path[PATH_MAX];
        int r = sys_path(c, gpath, path);
        if (r < 0)
            return r;
        if (fstatat(dirfd, path, &st, flags) < 0)
            return ERR();
    } else if (fstat(dirfd, &st) < 0) {
        return ERR();
    }
    return put(c, gbuf, &st);
}

SYS(sys_newfstatat) { return sys_stat_into(c, sys_dirfd(a[0]), a[1], (int)a[3], a[2], put_stat); }

SYS(sys_fstat) { return sys_stat_into(c, (int)a[0], 0, 0, a[1], put_stat); }

SYS(sys_statx)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    if (r < 0)
        return r;
    void *buf = gptr(c, a[4], 256, MEM_W); /* struct statx is 256 bytes on every ABI */
    if (!buf)
        return -EFAULT;
    return RET(syscall(SYS_statx, sys_dirfd(a[0]), path, (int)a[2], (unsigned)a[3], buf));
}

SYS(sys_getdents64)
{
    void *buf = gptr(c, a[1], a[2], MEM_W);
    if (!buf)
        return -EFAULT;
    return RET(syscall(SYS_getdents64, (int)a[0], buf, (unsigned)a[2]));
}

SYS(sys_readlinkat)
{
    char path[PATH_MAX], raw[PATH_MAX];
    int n = mem_read_str(MEMP, a[1], raw, sizeof raw);
    if (n < 0)
        return n;
    char *buf = gptr(c, a[2], a[3], MEM_W);
    if (!buf)
        return -EFAULT;
    if (is_proc_self(raw, "exe")) {
        size_t len = strlen(c->proc->exe_path);
        if (len > a[3])
            len = a[3];
        memcpy(buf, c->proc->exe_path, len);
        return (int64_t)len;
    }
    int r = sys_path(c, a[1], path);
    if (r < 0)
        return r;
    return RET(readlinkat(sys_dirfd(a[0]), path, buf, a[3]));
}

SYS(sys_faccessat)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    if (r < 0)
        return r;
    return RET(faccessat(sys_dirfd(a[0]), path, (int)a[2], 0));
}

SYS(sys_faccessat2)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    if (r < 0)
        return r;
    return RET(faccessat(sys_dirfd(a[0]), path, (int)a[2], (int)a[3]));
}

SYS(sys_getcwd)
{
    char *buf = gptr(c, a[0], a[1], MEM_W);
    if (!buf)
        return -EFAULT;
    if (!getcwd(buf, a[1]))
        return ERR();
    return (int64_t)strlen(buf) + 1;
}

SYS(sys_chdir)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[0], path);
    return r < 0 ? r : RET(chdir(path));
}

SYS(sys_fchdir) { return RET(fchdir((int)a[0])); }

SYS(sys_mkdirat)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    return r < 0 ? r : RET(mkdirat(sys_dirfd(a[0]), path, (mode_t)a[2]));
}

SYS(sys_unlinkat)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    return r < 0 ? r : RET(unlinkat(sys_dirfd(a[0]), path, (int)a[2]));
}

SYS(sys_renameat2)
{
    char p1[PATH_MAX], p2[PATH_MAX];
    int r = sys_path(c, a[1], p1);
    if (r < 0 || (r = sys_path(c, a[3], p2)) < 0)
        return r;
    return RET(syscall(SYS_renameat2, sys_dirfd(a[0]), p1, sys_dirfd(a[2]), p2, (unsigned)a[4]));
}

SYS(sys_symlinkat)
{
    char target[PATH_MAX], path[PATH_MAX];
    int r = mem_read_str(MEMP, a[0], target, sizeof target);
    if (r < 0 || (r = sys_path(c, a[2], path)) < 0)
        return r;
    return RET(symlinkat(target, sys_dirfd(a[1]), path));
}

SYS(sys_linkat)
{
    char p1[PATH_MAX], p2[PATH_MAX];
    int r = sys_path(c, a[1], p1);
    if (r < 0 || (r = sys_path(c, a[3], p2)) < 0)
        return r;
    return RET(linkat(sys_dirfd(a[0]), p1, sys_dirfd(a[2]), p2, (int)a[4]));
}

SYS(sys_fchmodat)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    return r < 0 ? r : RET(fchmodat(sys_dirfd(a[0]), path, (mode_t)a[2], 0));
}

SYS(sys_fchmod) { return RET(fchmod((int)a[0], (mode_t)a[1])); }

SYS(sys_fchownat)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[1], path);
    return r < 0 ? r : RET(fchownat(sys_dirfd(a[0]), path, (uid_t)a[2], (gid_t)a[3], (int)a[4]));
}

SYS(sys_fchown) { return RET(fchown((int)a[0], (uid_t)a[1], (gid_t)a[2])); }

SYS(sys_truncate)
{
    char path[PATH_MAX];
    int r = sys_path(c, a[0], path);
    return r < 0 ? r : RET(truncate(path, (off_t)a[1]));
}

SYS(sys_ftruncate) { return RET(ftruncate((int)a[0], (off_t)a[1])); }
SYS(sys_fsync) { return RET(fsync((int)a[0])); }
SYS(sys_fdatasync) { return RET(fdatasync((int)a[0])); }
SYS(sys_umask) { (void)c; return umask((mode_t)a[0]); }
SYS(sys_sync) { (void)c; (void)a; sync(); return 0; }

SYS(sys_utimensat)
{
    char path[PATH_MAX];
    const char *pp = NULL;
    if (a[1]) {
        int r = sys_path(c, a[1], path);
        if (r < 0)
            return r;
        pp = path;
    }
    struct timespec ts[2];
    if (a[2] && mem_read(MEMP, a[2], ts, sizeof ts) < 0) /* LP64 timespec == host timespec */
        return -EFAULT;
    return RET(syscall(SYS_utimensat, sys_dirfd(a[0]), pp, a[2] ? ts : NULL, (int)a[3]));
}

/* Legacy path calls (arm, i386, mips tables still have them): the *at form with AT_FDCWD in front. */
#define AT_FORM(name, at_fn) SYS(name) { uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], a[1], a[2], a[3], a[4]}; return at_fn(c, b); }
AT_FORM(sys_open, sys_openat)
AT_FORM(sys_readlink, sys_readlinkat)
AT_FORM(sys_mkdir, sys_mkdirat)
AT_FORM(sys_chmod, sys_fchmodat)
SYS(sys_access) { uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], a[1], 0, 0, 0}; return sys_faccessat(c, b); }
SYS(sys_unlink) { uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], 0, 0, 0, 0}; return sys_unlinkat(c, b); }
SYS(sys_rmdir) { uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], AT_REMOVEDIR, 0, 0, 0}; return sys_unlinkat(c, b); }
SYS(sys_rename)
{
    uint64_t b[6] = {(uint64_t)(int64_t)AT_FDCWD, a[0], (uint64_t)(int64_t)AT_FDCWD, a[1], 0, 0};
    return sys_renameat2(c, b);
}
SYS(sys_renameat) { uint64_t b[6] = {a[0], a[1], a[2], a[3], 0, 0}; return sys_renameat2(c, b); }
SYS(sys_symlink) { uint64_t b[6] = {a[0], (uint64_t)(int64_t)AT_FDCWD, a[1], 0, 0, 0}; return sys_symlinkat(c, b); }

const struct sys_impl sys_fs_impls[] = {
    {"open", sys_open}, {"readlink", sys_readlink}, {"mkdir", sys_mkdir}, {"chmod", sys_chmod},
    {"access", sys_access}, {"unlink", sys_unlink}, {"rmdir", sys_rmdir}, {"rename", sys_rename},
    {"symlink", sys_symlink}, {"renameat", sys_renameat},
    {"openat", sys_openat}, {"close", sys_close}, {"newfstatat", sys_newfstatat}, {"fstat", sys_fstat},
    {"statx", sys_statx}, {"getdents64", sys_getdents64}, {"readlinkat", sys_readlinkat},
    {"faccessat", sys_faccessat}, {"faccessat2", sys_faccessat2}, {"getcwd", sys_getcwd}, {"chdir", sys_chdir},
    {"fchdir", sys_fchdir}, {"mkdirat", sys_mkdirat}, {"unlinkat", sys_unlinkat}, {"renameat2", sys_renameat2},
    {"symlinkat", sys_symlinkat}, {"linkat", sys_linkat}, {"fchmodat", sys_fchmodat}, {"fchmod", sys_fchmod},
    {"fchownat", sys_fchownat}, {"fchown", sys_fchown}, {"truncate", sys_truncate}, {"ftruncate", sys_ftruncate},
    {"truncate64", sys_truncate}, {"ftruncate64", sys_ftruncate}, {"utimensat_time64", sys_utimensat},
    {"fsync", sys_fsync}, {"fdatasync", sys_fdatasync}, {"umask", sys_umask}, {"sync", sys_sync},
    {"utimensat", sys_utimensat},
    {NULL, NULL},
};
