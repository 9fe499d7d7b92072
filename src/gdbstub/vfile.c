/* vFile packets: gdb reads files as the guest sees them (sysroot applied, emulated /proc/PID/maps and auxv, the
   guest's own command line). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu.h"
#include "procfs.h"
#include "stub.h"

/* Host errno to the File-I/O protocol's numbers (they are Linux's except ENAMETOOLONG; the rest is EUNKNOWN). */
static int fio_errno(int e)
{
    switch (e) {
    case EPERM: case ENOENT: case EINTR: case EBADF: case EACCES: case EFAULT: case EBUSY: case EEXIST:
    case ENODEV: case ENOTDIR: case EISDIR: case EINVAL: case ENFILE: case EMFILE: case EFBIG: case ENOSPC:
    case ESPIPE: case EROFS:
        return e;
    case ENAMETOOLONG:
        return 91;
    default:
        return 9999;
    }
}

static int fail(struct gdbstub *gs, int e)
{
    rsp_begin(&gs->rsp);
    rsp_printf(&gs->rsp, "F-1,%x", fio_errno(e));
    return 1;
}

/* If path is /proc/PID/... (or /proc/self/...) for the guest's own pid, returns what follows, else NULL. */
static const char *own_proc_file(struct gdbstub *gs, const char *path)
{
    char own[32];
    int n = snprintf(own, sizeof own, "/proc/%d/", gs->pid);
    if (!strncmp(path, own, (size_t)n))
        return path + n;
    return !strncmp(path, "/proc/self/", 11) ? path + 11 : NULL;
}

static int own_proc(struct gdbstub *gs, const char *path, const char *what)
{
    const char *f = own_proc_file(gs, path);
    return f && !strcmp(f, what);
}

/* /proc/PID/cmdline as the guest sees it (the host's names xtrace and its options): its argv strings, found
   through the initial stack (argc, argv[], NULL, envp[], NULL, auxv): back from auxv over envp to argv's NULL,
   then back over argv until the word that counts the pointers passed. A memfd, or -errno. */
static int guest_cmdline(struct gdbstub *gs)
{
    unsigned ws = gs->p->isa->elf_class == 2 ? 8 : 4;
    uint64_t a = gs->p->auxv_addr, w = 1;
    if (!a)
        return -ENOENT;
    a -= ws; /* envp's NULL */
    do {
        a -= ws;
        w = 0;
        if (dbg_read_mem(gs->d, a, &w, ws) < 0)
            return -ENOENT;
    } while (w && a > ws);
    uint64_t n = 0; /* a: argv's NULL */
    for (;;) {
        a -= ws;
        w = 0;
        if (dbg_read_mem(gs->d, a, &w, ws) < 0 || n > 100000)
            return -ENOENT;
        if (w == n)
            break; /* argc */
        n++;
    }
    int fd = memfd_create("xtrace-cmdline", MFD_CLOEXEC);
    if (fd < 0)
        return -errno;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t ptr = 0;
        char c;
        dbg_read_mem(gs->d, a + ws * (i + 1), &ptr, ws);
        for (uint64_t k = 0; ptr && k < 131072 && dbg_read_mem(gs->d, ptr + k, &c, 1) == 0; k++) {
            if (write(fd, &c, 1) != 1 || !c)
                break;
        }
    }
    lseek(fd, 0, SEEK_SET);
    return fd;
}

/* The host path for an absolute guest path: inside the sysroot when it exists there. */
static const char *host_path(struct gdbstub *gs, const char *path, char *buf, size_t bufsz)
{
    const char *root = gs->p->sysroot;
    if (!root || path[0] != '/' || !strncmp(path, "/proc/", 6))
        return path;
    if ((size_t)snprintf(buf, bufsz, "%s%s", root, path) >= bufsz || access(buf, F_OK) < 0)
        return path;
    return buf;
}

/* Decodes a hex-encoded file name of the given digit count. */
static int unhex_name(const char *s, size_t digits, char *out, size_t outsz)
{
    if (digits % 2 || digits / 2 >= outsz || rsp_unhex(s, out, digits / 2) < 0)
        return -1;
    out[digits / 2] = 0;
    return strlen(out) == digits / 2 ? 0 : -1; /* no NUL inside */
}

static int slot_fd(struct gdbstub *gs, uint64_t slot)
{
    return slot < GDB_MAX_VFILES ? gs->vfd[slot] : -1;
}

static int v_open(struct gdbstub *gs, const char *s, const char *end)
{
    const char *comma = memchr(s, ',', (size_t)(end - s));
    char name[PATH_MAX], buf[PATH_MAX];
    if (!comma || unhex_name(s, (size_t)(comma - s), name, sizeof name) < 0)
        return fail(gs, EINVAL);
    s = comma + 1;
    uint64_t flags, mode;
    if (rsp_parse_hex(&s, end, &flags) <= 0 || s >= end || *s++ != ',' || rsp_parse_hex(&s, end, &mode) <= 0)
        return fail(gs, EINVAL);
    if ((flags & 3) != 0) /* O_WRONLY/O_RDWR: gdb gets to read the guest's files, not to change them */
        return fail(gs, EACCES);
    int slot = 0;
    while (slot < GDB_MAX_VFILES && gs->vfd[slot] >= 0)
        slot++;
    if (slot == GDB_MAX_VFILES)
        return fail(gs, EMFILE);
    int fd = -ENOENT;
    const char *pf = own_proc_file(gs, name);
    if (pf && !strcmp(pf, "cmdline")) {
        fd = guest_cmdline(gs);
    } else if (pf) { /* the guest's view where the core emulates the file (maps, auxv, ...), else the host's */
        snprintf(buf, sizeof buf, "/proc/self/%s", pf);
        fd = procfs_open(gs->p, buf, O_RDONLY | O_CLOEXEC);
        if (fd < 0 && fd != -ENOENT)
            return fail(gs, -fd);
    }
    if (fd < 0) {
        fd = open(host_path(gs, name, buf, sizeof buf), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return fail(gs, errno);
    }
    gs->vfd[slot] = fd;
    rsp_begin(&gs->rsp);
    rsp_printf(&gs->rsp, "F%x", slot);
    return 1;
}

static int v_pread(struct gdbstub *gs, const char *s, const char *end)
{
    uint64_t slot, count, off;
    if (rsp_parse_hex(&s, end, &slot) <= 0 || s >= end || *s++ != ',' || rsp_parse_hex(&s, end, &count) <= 0 ||
        s >= end || *s++ != ',' || rsp_parse_hex(&s, end, &off) <= 0 || s != end)
        return fail(gs, EINVAL);
    int fd = slot_fd(gs, slot);
    if (fd < 0)
        return fail(gs, EBADF);
    if (count > RSP_PACKET_SIZE / 2)
        count = RSP_PACKET_SIZE / 2;
    char buf[RSP_PACKET_SIZE / 2];
    ssize_t n = pread(fd, buf, count, (off_t)off);
    if (n < 0)
        return fail(gs, errno);
    rsp_begin(&gs->rsp);
    rsp_printf(&gs->rsp, "F%zx;", (size_t)n);
    rsp_bin(&gs->rsp, buf, (size_t)n);
    return 1;
}

static void be32(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (24 - 8 * i));
}

static void be64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (56 - 8 * i));
}

/* The File-I/O protocol's struct stat: 64 bytes, big-endian. */
static int v_fstat(struct gdbstub *gs, const char *s, const char *end)
{
    uint64_t slot;
    if (rsp_parse_hex(&s, end, &slot) <= 0 || s != end)
        return fail(gs, EINVAL);
    int fd = slot_fd(gs, slot);
    struct stat st;
    if (fd < 0)
        return fail(gs, EBADF);
    if (fstat(fd, &st) < 0)
        return fail(gs, errno);
    unsigned char b[64];
    unsigned mode = (unsigned)(st.st_mode & 0777);
    if (S_ISREG(st.st_mode))
        mode |= 0100000;
    else if (S_ISDIR(st.st_mode))
        mode |= 040000;
    else if (S_ISCHR(st.st_mode))
        mode |= 020000;
    be32(b + 0, st.st_dev);
    be32(b + 4, st.st_ino);
    be32(b + 8, mode);
    be32(b + 12, st.st_nlink);
    be32(b + 16, st.st_uid);
    be32(b + 20, st.st_gid);
    be32(b + 24, st.st_rdev);
    be64(b + 28, (uint64_t)st.st_size);
    be64(b + 36, (uint64_t)st.st_blksize);
    be64(b + 44, (uint64_t)st.st_blocks);
    be32(b + 52, (uint64_t)st.st_atime);
    be32(b + 56, (uint64_t)st.st_mtime);
    be32(b + 60, (uint64_t)st.st_ctime);
    rsp_begin(&gs->rsp);
    rsp_printf(&gs->rsp, "F%x;", (unsigned)sizeof b);
    rsp_bin(&gs->rsp, b, sizeof b);
    return 1;
}

static int v_close(struct gdbstub *gs, const char *s, const char *end)
{
    uint64_t slot;
    if (rsp_parse_hex(&s, end, &slot) <= 0 || s != end)
        return fail(gs, EINVAL);
    int fd = slot_fd(gs, slot);
    if (fd < 0)
        return fail(gs, EBADF);
    close(fd);
    gs->vfd[slot] = -1;
    rsp_begin(&gs->rsp);
    rsp_puts(&gs->rsp, "F0");
    return 1;
}

static int v_readlink(struct gdbstub *gs, const char *s, const char *end)
{
    char name[PATH_MAX], buf[PATH_MAX], target[PATH_MAX];
    if (unhex_name(s, (size_t)(end - s), name, sizeof name) < 0)
        return fail(gs, EINVAL);
    ssize_t n;
    if (own_proc(gs, name, "exe")) {
        n = (ssize_t)strlen(gs->p->exe_path);
        if ((size_t)n >= sizeof target)
            return fail(gs, ENAMETOOLONG);
        memcpy(target, gs->p->exe_path, (size_t)n);
    } else if ((n = readlink(host_path(gs, name, buf, sizeof buf), target, sizeof target)) < 0) {
        return fail(gs, errno);
    }
    rsp_begin(&gs->rsp);
    rsp_printf(&gs->rsp, "F%zx;", (size_t)n);
    rsp_bin(&gs->rsp, target, (size_t)n);
    return 1;
}

void gdb_vfile_close_all(struct gdbstub *gs)
{
    for (int i = 0; i < GDB_MAX_VFILES; i++)
        if (gs->vfd[i] >= 0) {
            close(gs->vfd[i]);
            gs->vfd[i] = -1;
        }
}

/* vFile:OP:ARGS */
int gdb_h_vfile(struct gdbstub *gs, const char *a, size_t n)
{
    static const struct {
        const char *op;
        int (*fn)(struct gdbstub *gs, const char *s, const char *end);
    } ops[] = {
        {"open", v_open}, {"pread", v_pread}, {"close", v_close}, {"fstat", v_fstat}, {"readlink", v_readlink},
    };
    const char *end = a + n;
    if (n < 2 || a[0] != ':')
        return gdb_error(gs, 22);
    const char *op = a + 1, *colon = memchr(op, ':', (size_t)(end - op));
    if (!colon) {
        rsp_begin(&gs->rsp);
        return 1;
    }
    size_t ol = (size_t)(colon - op);
    if (ol == 5 && !memcmp(op, "setfs", 5)) { /* every process of ours sees the same files */
        rsp_begin(&gs->rsp);
        rsp_puts(&gs->rsp, "F0");
        return 1;
    }
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strlen(ops[i].op) == ol && !memcmp(ops[i].op, op, ol))
            return ops[i].fn(gs, colon + 1, end);
    rsp_begin(&gs->rsp); /* pwrite, unlink, ...: not offered */
    return 1;
}
