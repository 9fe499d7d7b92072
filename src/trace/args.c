/* Argument printers of the syscall log: one case per argument kind, with the syscall-specific decoders (fcntl, futex, clone, prctl, sockets). */
#include <string.h>

#include "trace_int.h"

#define PATH_SHOWN 4096  /* paths print whole, up to PATH_MAX */

static int fits32(int64_t v, int64_t c)
{
    return (uint32_t)v == (uint32_t)c;
}

/* Prints the int at guest address a as "[N]", or the address when unreadable. */
static void pr_int_at(struct pctx *c, struct sbuf *b, uint64_t a)
{
    unsigned char v[4];
    if (!a) {
        sb_puts(b, "NULL");
    } else if (pr_read(c, a, v, 4) < 0) {
        pr_ptr(b, a);
    } else {
        sb_printf(b, "[%d]", (int)rd_int(v, 4));
    }
}

static void pr_path(struct pctx *c, struct sbuf *b, uint64_t a, size_t max)
{
    if (!a)
        sb_puts(b, "NULL");
    else if (pr_guest_str(c, b, a, max) < 0)
        pr_ptr(b, a);
}

static void pr_sigset_at(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t size)
{
    unsigned char set[128];
    if (!a)
        sb_puts(b, "NULL");
    else if (size == 0 || size > sizeof set || pr_read(c, a, set, (size_t)size) < 0)
        pr_ptr(b, a);
    else
        pr_sigset_bytes(b, set, (size_t)size);
}

/* "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]" for a wait status (the generic Linux encoding). */
static void pr_wstatus(struct sbuf *b, int s)
{
    sb_puts(b, "[{");
    if ((s & 0x7f) == 0) {
        sb_printf(b, "WIFEXITED(s) && WEXITSTATUS(s) == %d", (s >> 8) & 0xff);
    } else if ((s & 0xff) == 0x7f) {
        sb_puts(b, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
        pr_signame(b, (s >> 8) & 0xff, 1);
        if (s >> 16)
            sb_printf(b, " && s >> 16 == %d", (s >> 16) & 0xffff);
    } else if (s == 0xffff) {
        sb_puts(b, "WIFCONTINUED(s)");
    } else {
        sb_puts(b, "WIFSIGNALED(s) && WTERMSIG(s) == ");
        pr_signame(b, s & 0x7f, 1);
        if (s & 0x80)
            sb_puts(b, " && WCOREDUMP(s)");
    }
    sb_puts(b, "}]");
}

static int cmd_is(int cmd, int id)
{
    int64_t v = xlat_const(id);
    return cmd == v && !(v == 0 && id != XC_F_DUPFD);
}

/* fcntl's third argument as the command needs it. */
static int pr_fcntl_arg(struct pctx *c, struct sbuf *b, int cmd, uint64_t a)
{
    if (cmd_is(cmd, XC_F_GETFD) || cmd_is(cmd, XC_F_GETFL) || cmd_is(cmd, XC_F_GETOWN) ||
        cmd_is(cmd, XC_F_GETSIG) || cmd_is(cmd, XC_F_GETLEASE) || cmd_is(cmd, XC_F_GETPIPE_SZ) ||
        cmd_is(cmd, XC_F_GET_SEALS))
        return PR_OMIT;
    if (cmd_is(cmd, XC_F_SETFD)) {
        pr_xlat(b, XT_FD_FLAGS, a);
    } else if (cmd_is(cmd, XC_F_SETFL)) {
        pr_xlat(b, XT_OPEN_FLAGS, a);
    } else if (cmd_is(cmd, XC_F_ADD_SEALS)) {
        pr_xlat(b, XT_SEALS, a);
    } else if (cmd_is(cmd, XC_F_SETLEASE)) {
        pr_xlat(b, XT_LOCK_TYPE, a);
    } else if (cmd_is(cmd, XC_F_SETLK) || cmd_is(cmd, XC_F_SETLKW)) {
        pr_struct(c, b, SD_FLOCK, a);
    } else if (cmd_is(cmd, XC_F_OFD_SETLK) || cmd_is(cmd, XC_F_OFD_SETLKW) || cmd_is(cmd, XC_F_SETLK64) ||
               cmd_is(cmd, XC_F_SETLKW64)) {
        pr_struct(c, b, SD_FLOCK64, a);   /* the OFD and *64 commands take struct flock64 */
    } else if (cmd_is(cmd, XC_F_GETLK) || cmd_is(cmd, XC_F_OFD_GETLK) || cmd_is(cmd, XC_F_GETLK64)) {
        if (!c->exiting)
            return PR_LATER;
        if (ret_is_error(c->ret))
            pr_ptr(b, a);
        else
            pr_struct(c, b, cmd_is(cmd, XC_F_GETLK) ? SD_FLOCK : SD_FLOCK64, a);
    } else if (cmd_is(cmd, XC_F_DUPFD) || cmd_is(cmd, XC_F_DUPFD_CLOEXEC) || cmd_is(cmd, XC_F_SETOWN) ||
               cmd_is(cmd, XC_F_SETSIG) || cmd_is(cmd, XC_F_SETPIPE_SZ) || cmd_is(cmd, XC_F_NOTIFY)) {
        sb_printf(b, "%d", (int)a);
    } else {
        sb_printf(b, "%#llx", (unsigned long long)a);
    }
    return PR_DONE;
}

/* Which futex argument slots (2..5) an operation uses, and how slot 3 reads. */
enum { FS_VAL = 1 << 2, FS_TIME = 1 << 3, FS_VAL2 = 1 << 4, FS_ADDR2 = 1 << 5, FS_VAL3 = 1 << 6,
       FS_BITSET = 1 << 7, FS_ALL = 1 << 8 };

static unsigned futex_slots(int op)
{
    static const struct { int id; unsigned slots; } m[] = {
        { XC_FUTEX_WAIT, FS_VAL | FS_TIME },
        { XC_FUTEX_WAKE, FS_VAL },
        { XC_FUTEX_REQUEUE, FS_VAL | FS_VAL2 | FS_ADDR2 },
        { XC_FUTEX_CMP_REQUEUE, FS_VAL | FS_VAL2 | FS_ADDR2 | FS_VAL3 },
        { XC_FUTEX_WAKE_OP, FS_VAL | FS_VAL2 | FS_ADDR2 | FS_VAL3 },
        { XC_FUTEX_LOCK_PI, FS_TIME },
        { XC_FUTEX_LOCK_PI2, FS_TIME },
        { XC_FUTEX_UNLOCK_PI, 0 },
        { XC_FUTEX_TRYLOCK_PI, 0 },
        { XC_FUTEX_WAIT_BITSET, FS_VAL | FS_TIME | FS_BITSET },
        { XC_FUTEX_WAKE_BITSET, FS_VAL | FS_BITSET },
        { XC_FUTEX_WAIT_REQUEUE_PI, FS_VAL | FS_TIME | FS_ADDR2 },
        { XC_FUTEX_CMP_REQUEUE_PI, FS_VAL | FS_VAL2 | FS_ADDR2 | FS_VAL3 },
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (op == xlat_const(m[i].id))
            return m[i].slots;
    return FS_ALL;
}

static int pr_futex(struct pctx *c, struct sbuf *b, int slot, int time64)
{
    int op = (int)c->a[1] & (int)xlat_const(XC_FUTEX_CMD_MASK);
    unsigned s = futex_slots(op);
    uint64_t v = c->a[slot];
    if (s & FS_ALL) {
        sb_printf(b, "%#llx", (unsigned long long)v);
        return PR_DONE;
    }
    switch (slot) {
    case 2:
        if (!(s & FS_VAL))
            return PR_OMIT;
        sb_printf(b, "%d", (int)v);
        return PR_DONE;
    case 3:
        if (s & FS_TIME)
            pr_struct(c, b, time64 ? SD_TIMESPEC64 : SD_TIMESPEC, v);
        else if (s & FS_VAL2)
            sb_printf(b, "%u", (unsigned)v);
        else
            return PR_OMIT;
        return PR_DONE;
    case 4:
        if (!(s & FS_ADDR2))
            return PR_OMIT;
        pr_ptr(b, v);
        return PR_DONE;
    default:
        if (s & FS_BITSET) {
            if ((uint32_t)v == 0xffffffffu)
                sb_puts(b, "FUTEX_BITSET_MATCH_ANY");
            else
                sb_printf(b, "%#x", (unsigned)v);
        } else if (s & FS_VAL3) {
            sb_printf(b, (op == xlat_const(XC_FUTEX_WAKE_OP)) ? "%#x" : "%u", (unsigned)v);
        } else {
            return PR_OMIT;
        }
        return PR_DONE;
    }
}

/* clone(flags, stack, parent_tid, tls, child_tid): the argument order of riscv64, arm, mips and i386
   (the kernel's CLONE_BACKWARDS; x86_64 swaps the last two and will need a per-ABI switch).
   Printed at exit so parent_tid shows the id the kernel stored. */
static int pr_clone(struct pctx *c, struct sbuf *b)
{
    if (!c->exiting)
        return PR_LATER;
    uint64_t flags = c->a[0], csig = (uint64_t)xlat_const(XC_CSIGNAL);
    sb_puts(b, "child_stack=");
    pr_ptr(b, c->a[1]);
    sb_puts(b, ", flags=");
    if (flags & ~csig) {
        pr_xlat(b, XT_CLONE_FLAGS, flags & ~csig);
        if (flags & csig)
            sb_putc(b, '|');
    }
    if (flags & csig)
        pr_signame(b, (int)(flags & csig), 1);
    else if (!(flags & ~csig))
        sb_putc(b, '0');
    if (flags & (uint64_t)xlat_const(XC_CLONE_PARENT_SETTID)) {
        sb_puts(b, ", parent_tid=");
        if (ret_is_error(c->ret))
            pr_ptr(b, c->a[2]);
        else
            pr_int_at(c, b, c->a[2]);
    }
    if (flags & (uint64_t)xlat_const(XC_CLONE_SETTLS))
        sb_printf(b, ", tls=%#llx", (unsigned long long)c->a[3]);
    if (flags & (uint64_t)(xlat_const(XC_CLONE_CHILD_SETTID) | xlat_const(XC_CLONE_CHILD_CLEARTID))) {
        sb_puts(b, ", child_tidptr=");
        pr_ptr(b, c->a[4]);
    }
    return PR_DONE;
}

static int pr_prctl(struct pctx *c, struct sbuf *b, int slot)
{
    int opt = (int)c->a[0];
    uint64_t v = c->a[slot];
    if (opt == xlat_const(XC_PR_SET_NAME) || opt == xlat_const(XC_PR_GET_NAME)) {
        if (slot != 1)
            return PR_OMIT;
        if (opt == xlat_const(XC_PR_GET_NAME)) {
            if (!c->exiting)
                return PR_LATER;
            if (ret_is_error(c->ret)) {
                pr_ptr(b, v);
                return PR_DONE;
            }
        }
        pr_path(c, b, v, 16);
        return PR_DONE;
    }
    sb_printf(b, "%#llx", (unsigned long long)v);
    return PR_DONE;
}

/* Array of pollfd (at entry: fd and events). */
static void pr_pollfds(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t n)
{
    unsigned sz = xlat_ssize(LS_POLLFD);
    unsigned char e[16];
    if (!a) {
        sb_puts(b, "NULL");
        return;
    }
    if (sz > sizeof e || (n && pr_read(c, a, e, sz) < 0)) {
        pr_ptr(b, a);
        return;
    }
    sb_putc(b, '[');
    for (uint64_t i = 0; i < n; i++) {
        if (i)
            sb_puts(b, ", ");
        if (i >= (uint64_t)c->t->strsize || pr_read(c, a + i * sz, e, sz) < 0) {
            sb_puts(b, "...");
            break;
        }
        pr_struct_buf(c, b, SD_POLLFD, e);
    }
    sb_putc(b, ']');
}

static void pr_epoll_events(struct pctx *c, struct sbuf *b, uint64_t a, int64_t n)
{
    unsigned sz = xlat_ssize(LS_EPOLL_EVENT);
    unsigned char e[16];
    if (sz > sizeof e || (n > 0 && pr_read(c, a, e, sz) < 0)) {
        pr_ptr(b, a);
        return;
    }
    sb_putc(b, '[');
    for (int64_t i = 0; i < n; i++) {
        if (i)
            sb_puts(b, ", ");
        if (i >= c->t->strsize || pr_read(c, a + (uint64_t)i * sz, e, sz) < 0) {
            sb_puts(b, "...");
            break;
        }
        pr_struct_buf(c, b, SD_EPOLL_EVENT, e);
    }
    sb_putc(b, ']');
}

/* execve argv: the strings (each cut at strsize), at most strsize of them. */
static void pr_argv(struct pctx *c, struct sbuf *b, uint64_t a)
{
    unsigned w = guest_long();
    unsigned char p[8];
    if (!a) {
        sb_puts(b, "NULL");
        return;
    }
    if (pr_read(c, a, p, w) < 0) {
        pr_ptr(b, a);
        return;
    }
    sb_putc(b, '[');
    for (unsigned i = 0;; i++) {
        if (pr_read(c, a + (uint64_t)i * w, p, w) < 0) {
            sb_puts(b, i ? ", ..." : "...");
            break;
        }
        uint64_t s = rd_uint(p, w);
        if (!s)
            break;
        if (i)
            sb_puts(b, ", ");
        if (i >= (unsigned)c->t->strsize) {
            sb_puts(b, "...");
            break;
        }
        if (pr_guest_str(c, b, s, (size_t)c->t->strsize) < 0)
            pr_ptr(b, s);
    }
    sb_putc(b, ']');
}

static void pr_envp(struct pctx *c, struct sbuf *b, uint64_t a)
{
    unsigned w = guest_long();
    unsigned char p[8];
    pr_ptr(b, a);
    if (!a || pr_read(c, a, p, w) < 0)
        return;
    unsigned n = 0;
    while (n < 65536 && pr_read(c, a + (uint64_t)n * w, p, w) == 0 && rd_uint(p, w))
        n++;
    sb_printf(b, " /* %u var%s */", n, n == 1 ? "" : "s");
}

/* getdents buffer: its address and how many entries the kernel put in it. */
static void pr_dirents(struct pctx *c, struct sbuf *b, uint64_t a, int old)
{
    pr_ptr(b, a);
    unsigned off = old ? 2 * guest_long() : 16;  /* where d_reclen sits */
    uint64_t pos = 0, total = (uint64_t)c->ret;
    unsigned n = 0;
    unsigned char r[2];
    while (pos + off + 2 <= total && pr_read(c, a + pos + off, r, 2) == 0) {
        unsigned len = (unsigned)rd_uint(r, 2);
        if (!len)
            break;
        n++;
        pos += len;
    }
    sb_printf(b, " /* %u entries */", n);
}

/* One utimensat time: UTIME_NOW and UTIME_OMIT by name. */
static void pr_utime(struct pctx *c, struct sbuf *b, int sd, const unsigned char *ts, int time64)
{
    int64_t nsec = rd_sfield(ts, time64 ? LF_TIMESPEC64_TV_NSEC : LF_TIMESPEC_TV_NSEC);
    if (time64 && guest_long() == 4)   /* 32-bit callers: the kernel reads only the low half of tv_nsec */
        nsec = (int32_t)nsec;
    if (nsec == (1 << 30) - 1)
        sb_puts(b, "UTIME_NOW");
    else if (nsec == (1 << 30) - 2)
        sb_puts(b, "UTIME_OMIT");
    else
        pr_struct_buf(c, b, sd, ts);
}

static void pr_timespec2(struct pctx *c, struct sbuf *b, uint64_t a, int time64)
{
    int sd = time64 ? SD_TIMESPEC64 : SD_TIMESPEC;
    unsigned sz = xlat_ssize(time64 ? LS_TIMESPEC64 : LS_TIMESPEC);
    unsigned char buf[64];
    if (!a) {
        sb_puts(b, "NULL");
        return;
    }
    if (2 * sz > sizeof buf || pr_read(c, a, buf, 2 * sz) < 0) {
        pr_ptr(b, a);
        return;
    }
    sb_putc(b, '[');
    pr_utime(c, b, sd, buf, time64);
    sb_puts(b, ", ");
    pr_utime(c, b, sd, buf + sz, time64);
    sb_putc(b, ']');
}

/* Reads the socklen_t that guest address a points to (after the call), or -1. */
static int64_t socklen_at(struct pctx *c, uint64_t a)
{
    unsigned char v[4];
    if (!a || pr_read(c, a, v, 4) < 0)
        return -1;
    return (int64_t)rd_uint(v, 4);
}

int pr_arg(struct pctx *c, struct sbuf *b, int i, uint16_t arg)
{
    const uint64_t *a = c->a;
    uint64_t v = a[i];
    unsigned x = KX(arg);
    int exiting = c->exiting, failed = exiting && ret_is_error(c->ret);
    switch (KIND(arg)) {
    case K_SKIP:
        return PR_OMIT;
    case K_INT:
    case K_PID:
        sb_printf(b, "%d", (int)v);
        break;
    case K_FD:
        pr_fd(c, b, (int)v);
        break;
    case K_UINT:
        sb_printf(b, "%u", (unsigned)v);
        break;
    case K_LONG:
        sb_printf(b, "%lld", (long long)guest_slong(v));
        break;
    case K_ULONG:
        sb_printf(b, "%llu", (unsigned long long)guest_ulong(v));
        break;
    case K_HEX:
        sb_printf(b, "%#llx", (unsigned long long)guest_ulong(v));
        break;
    case K_PTR:
        pr_ptr(b, guest_ulong(v));
        break;
    case K_DIRFD:
        if (fits32((int64_t)v, xlat_const(XC_AT_FDCWD)))
            pr_named(b, "AT_FDCWD", (uint64_t)(int64_t)(int)v, 1);
        else
            pr_fd(c, b, (int)v);
        break;
    case K_PATH:
        pr_path(c, b, v, PATH_SHOWN);
        break;
    case K_STR:
        pr_path(c, b, v, (size_t)c->t->strsize);
        break;
    case K_BUF_IN:
        pr_guest_buf(c, b, v, guest_ulong(a[x]), 0);
        break;
    case K_BUF_OUT:
    case K_BUF_OUT_HEX:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_guest_buf(c, b, v, (uint64_t)c->ret, KIND(arg) == K_BUF_OUT_HEX);
        break;
    case K_STR_OUT:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_path(c, b, v, PATH_SHOWN);
        break;
    case K_XLAT:
        pr_xlat(b, (int)x, v);
        break;
    case K_MODE:
        pr_mode(b, (uint32_t)v, 0);
        break;
    case K_OPEN_MODE: {
        uint64_t fl = a[x], tmp = (uint64_t)xlat_const(XC_O_TMPFILE);
        if (!(fl & (uint64_t)xlat_const(XC_O_CREAT)) && (fl & tmp) != tmp)
            return PR_OMIT;
        pr_mode(b, (uint32_t)v, 0);
        break;
    }
    case K_FMODE:
        pr_mode(b, (uint32_t)v, 1);
        break;
    case K_SIG:
        pr_signame(b, (int)v, 1);
        break;
    case K_SIGSET_IN:
        pr_sigset_at(c, b, v, a[x]);
        break;
    case K_SIGSET_OUT:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_sigset_at(c, b, v, a[x]);
        break;
    case K_STRUCT_IN:
        pr_struct(c, b, (int)x, v);
        break;
    case K_STRUCT_OUT:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_struct(c, b, (int)x, v);
        break;
    case K_TIMESPEC2_IN:
        pr_timespec2(c, b, v, (int)x);
        break;
    case K_IOV_IN:
        pr_iov(c, b, v, guest_ulong(a[x]), -1);
        break;
    case K_IOV_OUT:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_iov(c, b, v, guest_ulong(a[x]), c->ret);
        break;
    case K_ARGV:
        pr_argv(c, b, v);
        break;
    case K_ENVP:
        pr_envp(c, b, v);
        break;
    case K_IOCTL_REQ:
        pr_ioctl_req(c, b, v);
        break;
    case K_IOCTL_ARG:
        return pr_ioctl_arg(c, b, a[x], v);
    case K_FCNTL_ARG:
        return pr_fcntl_arg(c, b, (int)a[x], v);
    case K_FUTEX:
        return pr_futex(c, b, (int)(x & 7), (x & 8) != 0);
    case K_CLONE:
        return pr_clone(c, b);
    case K_PRCTL:
        return pr_prctl(c, b, (int)x);
    case K_INT_PTR_IN:
        pr_int_at(c, b, v);
        break;
    case K_OFF_HI:
        sb_printf(b, "%lld", (long long)((uint64_t)(uint32_t)v << 32 | (uint32_t)a[x % 6]));
        break;
    case K_LOFF_OUT: {
        unsigned char off[8];
        if (!exiting)
            return PR_LATER;
        if (failed || pr_read(c, v, off, 8) < 0)
            pr_ptr(b, guest_ulong(v));
        else
            sb_printf(b, "[%lld]", (long long)rd_int(off, 8));
        break;
    }
    case K_PGOFF:
        sb_printf(b, "%#llx", (unsigned long long)guest_ulong(v) << 12);   /* the kernel's unit is 4096 bytes on arm */
        break;
    case K_INT_PTR_OUT:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_int_at(c, b, v);
        break;
    case K_FDPAIR_OUT: {
        unsigned char fds[8];
        if (!exiting)
            return PR_LATER;
        if (failed || pr_read(c, v, fds, 8) < 0)
            pr_ptr(b, v);
        else
            sb_printf(b, "[%d, %d]", (int)rd_int(fds, 4), (int)rd_int(fds + 4, 4));
        break;
    }
    case K_WSTATUS_OUT: {
        unsigned char st[4];
        if (!exiting)
            return PR_LATER;
        if (!v)
            sb_puts(b, "NULL");
        else if (failed || c->ret == 0 || pr_read(c, v, st, 4) < 0)
            pr_ptr(b, v);
        else
            pr_wstatus(b, (int)rd_int(st, 4));
        break;
    }
    case K_SOCK_PROTO: {
        int dom = (int)a[x];
        if (dom == xlat_const(XC_AF_INET) || dom == xlat_const(XC_AF_INET6))
            pr_xlat(b, XT_IPPROTO, v);
        else
            sb_printf(b, "%d", (int)v);
        break;
    }
    case K_SOCKADDR_IN:
        pr_sockaddr(c, b, v, (uint32_t)a[x]);
        break;
    case K_SOCKADDR_OUT: {
        if (!exiting)
            return PR_LATER;
        int64_t len = socklen_at(c, a[x]);
        if (!v)
            sb_puts(b, "NULL");
        else if (failed || len < 0)
            pr_ptr(b, v);
        else
            pr_sockaddr(c, b, v, (uint64_t)len);
        break;
    }
    case K_SOCKOPT_NAME: {
        int lvl = (int)a[x];
        if (lvl == xlat_const(XC_SOL_SOCKET))
            pr_xlat(b, XT_SOCKOPT_SOCKET, v);
        else if (lvl == xlat_const(XC_SOL_TCP))
            pr_xlat(b, XT_SOCKOPT_TCP, v);
        else
            sb_printf(b, "%d", (int)v);
        break;
    }
    case K_SOCKOPT_IN:
        if ((uint32_t)a[x] == 4)
            pr_int_at(c, b, v);
        else
            pr_guest_buf(c, b, v, (uint32_t)a[x], 0);
        break;
    case K_SOCKOPT_OUT: {
        if (!exiting)
            return PR_LATER;
        int64_t len = socklen_at(c, a[x]);
        if (failed || len < 0)
            pr_ptr(b, v);
        else if (len == 4)
            pr_int_at(c, b, v);
        else
            pr_guest_buf(c, b, v, (uint64_t)len, 0);
        break;
    }
    case K_MSGHDR_IN:
        pr_msghdr(c, b, v, -1);
        break;
    case K_MSGHDR_OUT:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_msghdr(c, b, v, c->ret);
        break;
    case K_POLLFDS:
        pr_pollfds(c, b, v, (uint32_t)a[x]);
        break;
    case K_EPOLL_EVENTS_OUT:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_epoll_events(c, b, v, c->ret);
        break;
    case K_DIRENTS:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_dirents(c, b, v, (int)x);
        break;
    case K_SIGACTION_IN:
    case K_OLDSIGACTION_IN:
        pr_sigaction(c, b, v, KIND(arg) == K_OLDSIGACTION_IN);
        break;
    case K_DEV: {   /* only for device nodes, as the mode in argument KX says */
        uint64_t fmt = a[x] & (uint64_t)xlat_const(XC_S_IFMT);
        if (fmt != (uint64_t)xlat_const(XC_S_IFCHR) && fmt != (uint64_t)xlat_const(XC_S_IFBLK))
            return PR_OMIT;
        pr_dev(b, v);
        break;
    }
    case K_SIGACTION_OUT:
    case K_OLDSIGACTION_OUT:
        if (!exiting)
            return PR_LATER;
        if (failed)
            pr_ptr(b, v);
        else
            pr_sigaction(c, b, v, KIND(arg) == K_OLDSIGACTION_OUT);
        break;
    case K_REM_OUT:
        if (!exiting)
            return PR_LATER;
        if (c->ret == -4)   /* EINTR (asm-generic/errno-base.h, the same on every Linux ABI) */
            pr_struct(c, b, (int)x, v);
        else if (v)
            pr_ptr(b, v);
        else
            sb_puts(b, "NULL");
        break;
    case K_FDSET:
        pr_fdset(c, b, v, (int)a[x]);
        break;
    case K_OLDSET: {   /* old_sigset_t: one unsigned long */
        unsigned char set[8];
        unsigned w = guest_long();
        if (x == 2) {
            for (unsigned k = 0; k < w; k++)   /* the register value laid out as the guest stores it */
                set[k] = (unsigned char)(v >> 8 * (xlat_const(XC_BIG_ENDIAN) ? w - 1 - k : k));
            pr_sigset_bytes(b, set, w);
            break;
        }
        if (x == 1 && !exiting)
            return PR_LATER;
        if (x == 1 && failed)
            pr_ptr(b, v);
        else
            pr_sigset_at(c, b, v, w);
        break;
    }
    default:
        sb_printf(b, "%#llx", (unsigned long long)v);
        break;
    }
    return PR_DONE;
}
