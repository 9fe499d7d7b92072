/* I/O syscalls: read/write families, iovecs, seeking, descriptors, pipes, fcntl, poll and terminal ioctls. */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include "sys.h"
#include "trace.h"

#define IOV_MAX_GUEST 1024

SYS(sys_read)
{
    void *buf = gptr(c, a[1], a[2], MEM_W);
    return buf ? RET(read((int)a[0], buf, a[2])) : -EFAULT;
}

SYS(sys_write)
{
    void *buf = gptr(c, a[1], a[2], MEM_R);
    return buf ? RET(write((int)a[0], buf, a[2])) : -EFAULT;
}

SYS(sys_pread64)
{
    void *buf = gptr(c, a[1], a[2], MEM_W);
    return buf ? RET(pread((int)a[0], buf, a[2], (off_t)a[3])) : -EFAULT;
}

SYS(sys_pwrite64)
{
    void *buf = gptr(c, a[1], a[2], MEM_R);
    return buf ? RET(pwrite((int)a[0], buf, a[2], (off_t)a[3])) : -EFAULT;
}

/* Builds a host iovec array from a guest one (LP64 layout: base, len as 64-bit words). */
static int64_t get_iov(struct emu_cpu *c, uint64_t ga, uint64_t cnt, int prot, struct iovec **out)
{
    if (cnt > IOV_MAX_GUEST)
        return -EINVAL;
    struct iovec *v = calloc(cnt ? cnt : 1, sizeof *v);
    if (!v)
        return -ENOMEM;
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t g[2]; /* struct iovec: base, len as guest words */
        if (sys_read_words(c, ga + i * 2 * sys_word(c), g, 2) < 0) {
            free(v);
            return -EFAULT;
        }
        v[i].iov_len = g[1];
        v[i].iov_base = gptr(c, g[0], g[1], prot);
        if (!v[i].iov_base) {
            free(v);
            return -EFAULT;
        }
    }
    *out = v;
    return 0;
}

static int64_t do_iov(struct emu_cpu *c, const uint64_t a[6], int write_, int positional)
{
    struct iovec *v;
    int64_t r = get_iov(c, a[1], a[2], write_ ? MEM_R : MEM_W, &v);
    if (r < 0)
        return r;
    if (positional)
        r = write_ ? RET(pwritev((int)a[0], v, (int)a[2], (off_t)a[3])) : RET(preadv((int)a[0], v, (int)a[2], (off_t)a[3]));
    else
        r = write_ ? RET(writev((int)a[0], v, (int)a[2])) : RET(readv((int)a[0], v, (int)a[2]));
    free(v);
    return r;
}

SYS(sys_readv) { return do_iov(c, a, 0, 0); }
SYS(sys_writev) { return do_iov(c, a, 1, 0); }
SYS(sys_preadv) { return do_iov(c, a, 0, 1); }
SYS(sys_pwritev) { return do_iov(c, a, 1, 1); }

SYS(sys_lseek) { (void)c; return RET(lseek((int)a[0], (off_t)a[1], (int)a[2])); }
SYS(sys_dup) { (void)c; return RET(dup((int)a[0])); }
SYS(sys_dup3) { (void)c; return RET(dup3((int)a[0], (int)a[1], (int)a[2])); }

SYS(sys_pipe2)
{
    int fds[2];
    if (pipe2(fds, (int)sys_oflags_in(c->proc->isa, (uint32_t)a[1])) < 0)
        return ERR();
    int32_t g[2] = {fds[0], fds[1]};
    if (mem_write(MEMP, a[0], g, sizeof g) < 0) {
        close(fds[0]);
        close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

SYS(sys_fcntl)
{
    int fd = (int)a[0], cmd = (int)a[1];
    switch (cmd) {
    case F_GETLK: case F_SETLK: case F_SETLKW: case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW: {
        /* struct flock: LP64 generic layout equals the host's (short, short, off_t, off_t, pid_t). */
        void *p = gptr(c, a[2], sizeof(struct flock), MEM_R | MEM_W);
        return p ? RET(fcntl(fd, cmd, p)) : -EFAULT;
    }
    case F_GETOWN_EX: case F_SETOWN_EX: {
        void *p = gptr(c, a[2], sizeof(struct f_owner_ex), MEM_R | MEM_W);
        return p ? RET(fcntl(fd, cmd, p)) : -EFAULT;
    }
    case F_SETFL:
        return RET(fcntl(fd, cmd, (long)sys_oflags_in(c->proc->isa, (uint32_t)a[2])));
    case F_GETFL: {
        int r = fcntl(fd, cmd);
        return r < 0 ? ERR() : (int64_t)sys_oflags_out(c->proc->isa, (uint32_t)r);
    }
    default:
        return RET(fcntl(fd, cmd, (long)a[2]));
    }
}

/* Terminal ioctls go through the C library's termios so the guest's kernel layout is built here. */
struct gtermios {
    uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
    uint8_t c_line;
    uint8_t c_cc[19];
};

#define G_TCGETS 0x5401
#define G_TCSETS 0x5402
#define G_TCSETSW 0x5403
#define G_TCSETSF 0x5404
#define G_TIOCGWINSZ 0x5413
#define G_TIOCSWINSZ 0x5414
#define G_FIONREAD 0x541b
#define G_TIOCGPGRP 0x540f
#define G_TIOCSPGRP 0x5410
#define G_FIONBIO 0x5421
#define G_FIOCLEX 0x5451
#define G_FIONCLEX 0x5450

/* Pointer fields of a converted argument: guest address <-> host address of that guest memory. */
static uint64_t ioctl_ptr_to_host(void *ctx, uint64_t v)
{
    struct emu_cpu *c = ctx;
    return v < MEMP->limit ? (uint64_t)(uintptr_t)mem_host(MEMP, v) : ~0xfffull; /* outside: the host says EFAULT */
}

static uint64_t ioctl_ptr_to_guest(void *ctx, uint64_t v)
{
    struct emu_cpu *c = ctx;
    uintptr_t base = (uintptr_t)MEMP->base;
    return v >= base && v - base < MEMP->limit ? v - base : v;
}

static uint64_t ioctl_rd(const unsigned char *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n && i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static void ioctl_wr(unsigned char *p, unsigned n, uint64_t v)
{
    for (unsigned i = 0; i < n && i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* The array a converted struct points to (SIOCGIFCONF's ifreqs): the guest's elements into a host
   array, whose address and byte length replace the guest's in h. Returns the host array (NULL when
   the guest passed none: the kernel then reports the length it needs). */
static unsigned char *ioctl_array_in(struct emu_cpu *c, const struct trace_ioctl_plan *pl, const unsigned char *g,
                                     unsigned char *h, uint64_t *gptr, unsigned *n)
{
    int32_t glen = (int32_t)ioctl_rd(g + pl->len_goff, 4);
    *gptr = ioctl_rd(g + pl->ptr_goff, pl->ptr_gsize);
    *n = glen > 0 ? (unsigned)glen / pl->elem_gsize : 0;
    if (*n > 4096)
        *n = 4096;
    unsigned char *arr = *gptr && *n ? calloc(*n, pl->elem_hsize) : NULL;
    unsigned char *e = arr ? malloc(pl->elem_gsize) : NULL;
    for (unsigned i = 0; e && i < *n; i++)
        if (mem_read(MEMP, *gptr + (uint64_t)i * pl->elem_gsize, e, pl->elem_gsize) == 0)
            trace_ioctl_convert_elem(pl, 1, e, arr + (size_t)i * pl->elem_hsize, ioctl_ptr_to_host, c);
    free(e);
    ioctl_wr(h + pl->ptr_hoff, pl->ptr_hsize, (uint64_t)(uintptr_t)arr);
    ioctl_wr(h + pl->len_hoff, 4, arr ? (uint64_t)*n * pl->elem_hsize : 0);
    return arr;
}

/* The elements the kernel filled back into the guest's array, and the guest's pointer and length in g. */
static int ioctl_array_out(struct emu_cpu *c, const struct trace_ioctl_plan *pl, const unsigned char *h, unsigned char *g,
                           const unsigned char *arr, uint64_t gptr, unsigned n)
{
    int32_t hlen = (int32_t)ioctl_rd(h + pl->len_hoff, 4);
    unsigned out = hlen > 0 ? (unsigned)hlen / pl->elem_hsize : 0;
    if (arr && out > n)
        out = n;
    ioctl_wr(g + pl->ptr_goff, pl->ptr_gsize, gptr);
    ioctl_wr(g + pl->len_goff, 4, (uint64_t)out * pl->elem_gsize);
    unsigned char *e = arr ? malloc(pl->elem_gsize) : NULL;
    int r = 0;
    for (unsigned i = 0; e && i < out && r == 0; i++)
        if (trace_ioctl_convert_elem(pl, 0, arr + (size_t)i * pl->elem_hsize, e, ioctl_ptr_to_guest, c) < 0 ||
            mem_write(MEMP, gptr + (uint64_t)i * pl->elem_gsize, e, pl->elem_gsize) < 0)
            r = -EFAULT;
    free(e);
    return r;
}

/* A request whose argument the trace layer converts between the guest's and the host's layout. */
static int64_t ioctl_converted(struct emu_cpu *c, int fd, const struct trace_ioctl_plan *pl, uint64_t arg)
{
    if (!arg)
        return RET(ioctl(fd, pl->host_req, NULL));
    unsigned char *g = calloc(1, pl->gsize), *h = calloc(1, pl->hsize), *arr = NULL;
    uint64_t gptr = 0;
    unsigned n = 0;
    int64_t r = -ENOMEM;
    if (!g || !h)
        goto out;
    r = -EFAULT;
    if (mem_read(MEMP, arg, g, pl->gsize) < 0)
        goto out;
    if (trace_ioctl_convert(pl, 1, g, h, ioctl_ptr_to_host, c) < 0) {
        r = -ENOTTY;
        goto out;
    }
    if (pl->elem)
        arr = ioctl_array_in(c, pl, g, h, &gptr, &n);
    r = RET(ioctl(fd, pl->host_req, h));
    if (r >= 0 && (pl->dir & TRACE_IOC_READ)) {
        if (trace_ioctl_convert(pl, 0, h, g, ioctl_ptr_to_guest, c) < 0 ||
            (pl->elem && ioctl_array_out(c, pl, h, g, arr, gptr, n) < 0) || mem_write(MEMP, arg, g, pl->gsize) < 0)
            r = -EFAULT;
    }
out:
    free(arr);
    free(g);
    free(h);
    return r;
}

/* A request without a hand-written translation: converted field by field, passed through or refused by
   the --ioctl policy, with what was done and why in the log line. */
static int64_t ioctl_untranslated(struct emu_cpu *c, int fd, uint32_t req, uint64_t arg)
{
    struct trace *t = c->proc->trace;
    const char *abi = c->proc->isa->name;
    char note[512];
    struct trace_ioctl_plan pl;
    int act = trace_ioctl_plan(abi, req, trace_ioctl_policy(t), &pl, note, sizeof note);
    trace_ioctl_note(t, note);
    if (act == TRACE_IOCTL_REFUSE)
        return -ENOTTY;
    if (act == TRACE_IOCTL_CONVERT)
        return ioctl_converted(c, fd, &pl, arg);
    struct trace_ioctl io;
    trace_ioctl_decode(abi, req, &io);
    uint32_t hreq = pl.host_req;
    if (io.dir & (TRACE_IOC_READ | TRACE_IOC_WRITE)) {
        int prot = (io.dir & TRACE_IOC_READ ? MEM_W : 0) | (io.dir & TRACE_IOC_WRITE ? MEM_R : 0);
        void *p = gptr(c, arg, io.size ? io.size : 1, prot);
        return p ? RET(ioctl(fd, hreq, p)) : -EFAULT;
    }
    if ((io.dir & TRACE_IOC_UNKNOWN) && arg && mem_check(MEMP, arg, 1, MEM_R))
        return RET(ioctl(fd, hreq, mem_host(MEMP, arg))); /* --ioctl=pass: an address stays an address */
    return RET(ioctl(fd, hreq, (unsigned long)arg));
}

SYS(sys_ioctl)
{
    int fd = (int)a[0];
    unsigned req = (unsigned)a[1];
    if (req == G_TCGETS || req == G_TCSETS || req == G_TCSETSW || req == G_TCSETSF || req == G_TIOCGWINSZ ||
        req == G_TIOCSWINSZ || req == G_FIONREAD || req == G_TIOCGPGRP || req == G_TIOCSPGRP || req == G_FIONBIO ||
        req == G_FIOCLEX || req == G_FIONCLEX)
        trace_ioctl_note(c->proc->trace, "translated");
    switch (req) {
    case G_TCGETS: {
        struct termios t;
        if (tcgetattr(fd, &t) < 0)
            return ERR();
        struct gtermios g = {(uint32_t)t.c_iflag, (uint32_t)t.c_oflag, (uint32_t)t.c_cflag, (uint32_t)t.c_lflag, t.c_line, {0}};
        memcpy(g.c_cc, t.c_cc, sizeof g.c_cc < sizeof t.c_cc ? sizeof g.c_cc : sizeof t.c_cc);
        return mem_write(MEMP, a[2], &g, sizeof g);
    }
    case G_TCSETS: case G_TCSETSW: case G_TCSETSF: {
        struct gtermios g;
        struct termios t;
        if (mem_read(MEMP, a[2], &g, sizeof g) < 0)
            return -EFAULT;
        if (tcgetattr(fd, &t) < 0)
            return ERR();
        t.c_iflag = g.c_iflag, t.c_oflag = g.c_oflag, t.c_cflag = g.c_cflag, t.c_lflag = g.c_lflag, t.c_line = g.c_line;
        memcpy(t.c_cc, g.c_cc, sizeof g.c_cc);
        int when = req == G_TCSETS ? TCSANOW : req == G_TCSETSW ? TCSADRAIN : TCSAFLUSH;
        return RET(tcsetattr(fd, when, &t));
    }
    case G_TIOCGWINSZ: case G_TIOCSWINSZ: {
        void *p = gptr(c, a[2], sizeof(struct winsize), req == G_TIOCGWINSZ ? MEM_W : MEM_R);
        return p ? RET(ioctl(fd, req == G_TIOCGWINSZ ? TIOCGWINSZ : TIOCSWINSZ, p)) : -EFAULT;
    }
    case G_FIONREAD: case G_TIOCGPGRP: case G_TIOCSPGRP: case G_FIONBIO: {
        void *p = gptr(c, a[2], 4, req == G_FIONREAD || req == G_TIOCGPGRP ? MEM_W : MEM_R);
        unsigned long h = req == G_FIONREAD ? FIONREAD : req == G_TIOCGPGRP ? TIOCGPGRP : req == G_TIOCSPGRP ? TIOCSPGRP : FIONBIO;
        return p ? RET(ioctl(fd, h, p)) : -EFAULT;
    }
    case G_FIOCLEX: return RET(ioctl(fd, FIOCLEX));
    case G_FIONCLEX: return RET(ioctl(fd, FIONCLEX));
    default:
        return ioctl_untranslated(c, fd, req, a[2]);
    }
}

SYS(sys_ppoll)
{
    uint64_t n = a[1];
    if (n > 4096)
        return -EINVAL;
    struct pollfd *fds = gptr(c, a[0], n * sizeof(struct pollfd), MEM_R | MEM_W); /* same layout everywhere */
    if (!fds)
        return -EFAULT;
    struct timespec ts, *tp = NULL;
    if (a[2]) {
        if (mem_read(MEMP, a[2], &ts, sizeof ts) < 0)
            return -EFAULT;
        tp = &ts;
    }
    sigset_t set, *sp = NULL;
    if (a[3]) {
        uint64_t m;
        if (mem_read(MEMP, a[3], &m, 8) < 0)
            return -EFAULT;
        sys_host_sigset(m, &set);
        sp = &set;
    }
    int64_t r = RET(ppoll(fds, n, tp, sp));
    if (tp && r >= 0)
        mem_write(MEMP, a[2], &ts, sizeof ts);
    return r;
}

SYS(sys_sendfile)
{
    off_t off, *op = NULL;
    if (a[2]) {
        if (mem_read(MEMP, a[2], &off, 8) < 0)
            return -EFAULT;
        op = &off;
    }
    int64_t r = RET(sendfile((int)a[0], (int)a[1], op, a[3]));
    if (op && r >= 0 && mem_write(MEMP, a[2], &off, 8) < 0)
        return -EFAULT;
    return r;
}

const struct sys_impl sys_io_impls[] = {
    {"read", sys_read}, {"write", sys_write}, {"pread64", sys_pread64}, {"pwrite64", sys_pwrite64},
    {"readv", sys_readv}, {"writev", sys_writev}, {"preadv", sys_preadv}, {"pwritev", sys_pwritev},
    {"lseek", sys_lseek}, {"dup", sys_dup}, {"dup3", sys_dup3}, {"pipe2", sys_pipe2}, {"fcntl", sys_fcntl},
    {"ioctl", sys_ioctl}, {"ppoll", sys_ppoll}, {"ppoll_time64", sys_ppoll}, {"fcntl64", sys_fcntl}, {"sendfile", sys_sendfile},
    {NULL, NULL},
};
