/* Struct printers of the syscall log: member tables over the generated per-ABI layouts, and the few structs that need code (sockaddr, sigaction, msghdr). */
#include <arpa/inet.h>
#include <string.h>

#include "trace_int.h"

/* How a member prints. */
enum {
    F_DEC,               /* signed decimal */
    F_UDEC,              /* unsigned decimal */
    F_HEX,               /* hex */
    F_PTR,               /* NULL or hex */
    F_MODE,              /* S_IFREG|0644 */
    F_DEV,               /* makedev(major, minor) of a dev_t */
    F_XLAT,              /* flags or enumeration of table x */
    F_CHARS,             /* NUL-terminated text in a char array */
    F_BYTES,             /* a byte array, quoted */
    F_STRUCT,            /* nested struct printer x */
    F_RLIM,              /* resource limit: x 0 for rlimit, 1 for rlimit64 */
    F_ULONGS,            /* array of longs */
    F_SIG,               /* signal number */
    F_EPOLLDATA,         /* epoll_data union */
    F_NSEC64,            /* tv_nsec of struct __kernel_timespec: 32-bit ABIs' kernels use only its low 32 bits */
};

/* When a member shows. */
enum {
    SF_V = 1,            /* only with -v; hiding one ends the struct with ", ..." */
    SF_DEV = 2,          /* only when the struct's mode is a character or block device */
    SF_NODEV = 4,        /* only when the struct's mode is not a device */
    SF_NZ = 8,           /* only when non-zero (without -v) */
};

struct sfield {
    uint16_t lf;         /* LF_* member */
    uint8_t fmt;         /* F_* */
    uint8_t x;           /* table / nested printer */
    uint8_t fl;          /* SF_* */
};

struct sdesc {
    uint16_t ls;         /* LS_* struct */
    uint8_t n;
    const struct sfield *f;
};

#define M(lf, fmt, x, fl) { LF_##lf, F_##fmt, x, fl }

static const struct sfield f_stat[] = {
    M(STAT_ST_DEV, DEV, 0, SF_V), M(STAT_ST_INO, UDEC, 0, SF_V), M(STAT_ST_MODE, MODE, 0, 0),
    M(STAT_ST_NLINK, UDEC, 0, SF_V), M(STAT_ST_UID, UDEC, 0, SF_V), M(STAT_ST_GID, UDEC, 0, SF_V),
    M(STAT_ST_BLKSIZE, DEC, 0, SF_V), M(STAT_ST_BLOCKS, DEC, 0, SF_V),
    M(STAT_ST_RDEV, DEV, 0, SF_DEV), M(STAT_ST_SIZE, DEC, 0, SF_NODEV),
    M(STAT_ST_ATIME, DEC, 0, SF_V), M(STAT_ST_ATIME_NSEC, UDEC, 0, SF_V),
    M(STAT_ST_MTIME, DEC, 0, SF_V), M(STAT_ST_MTIME_NSEC, UDEC, 0, SF_V),
    M(STAT_ST_CTIME, DEC, 0, SF_V), M(STAT_ST_CTIME_NSEC, UDEC, 0, SF_V),
};

/* the old stat/fstat/lstat calls' struct (asm/stat.h struct stat: 16-bit mode, ids and nlink on arm) */
static const struct sfield f_oldstat[] = {
    M(OLDSTAT_ST_DEV, DEV, 0, SF_V), M(OLDSTAT_ST_INO, UDEC, 0, SF_V), M(OLDSTAT_ST_MODE, MODE, 0, 0),
    M(OLDSTAT_ST_NLINK, UDEC, 0, SF_V), M(OLDSTAT_ST_UID, UDEC, 0, SF_V), M(OLDSTAT_ST_GID, UDEC, 0, SF_V),
    M(OLDSTAT_ST_BLKSIZE, DEC, 0, SF_V), M(OLDSTAT_ST_BLOCKS, DEC, 0, SF_V),
    M(OLDSTAT_ST_RDEV, DEV, 0, SF_DEV), M(OLDSTAT_ST_SIZE, DEC, 0, SF_NODEV),
    M(OLDSTAT_ST_ATIME, DEC, 0, SF_V), M(OLDSTAT_ST_ATIME_NSEC, UDEC, 0, SF_V),
    M(OLDSTAT_ST_MTIME, DEC, 0, SF_V), M(OLDSTAT_ST_MTIME_NSEC, UDEC, 0, SF_V),
    M(OLDSTAT_ST_CTIME, DEC, 0, SF_V), M(OLDSTAT_ST_CTIME_NSEC, UDEC, 0, SF_V),
};

static const struct sfield f_statx[] = {
    M(STATX_STX_MASK, XLAT, XT_STATX_MASK, 0), M(STATX_STX_BLKSIZE, UDEC, 0, SF_V),
    M(STATX_STX_ATTRIBUTES, XLAT, XT_STATX_ATTRS, SF_V), M(STATX_STX_NLINK, UDEC, 0, SF_V),
    M(STATX_STX_UID, UDEC, 0, SF_V), M(STATX_STX_GID, UDEC, 0, SF_V),
    M(STATX_STX_MODE, MODE, 0, 0), M(STATX_STX_INO, UDEC, 0, SF_V),
    M(STATX_STX_SIZE, UDEC, 0, SF_NODEV), M(STATX_STX_BLOCKS, UDEC, 0, SF_V),
    M(STATX_STX_ATTRIBUTES_MASK, XLAT, XT_STATX_ATTRS, SF_V),
    M(STATX_STX_ATIME, STRUCT, SD_STATX_TS, SF_V), M(STATX_STX_BTIME, STRUCT, SD_STATX_TS, SF_V),
    M(STATX_STX_CTIME, STRUCT, SD_STATX_TS, SF_V), M(STATX_STX_MTIME, STRUCT, SD_STATX_TS, SF_V),
    M(STATX_STX_RDEV_MAJOR, UDEC, 0, SF_DEV), M(STATX_STX_RDEV_MINOR, UDEC, 0, SF_DEV),
    M(STATX_STX_DEV_MAJOR, UDEC, 0, SF_V), M(STATX_STX_DEV_MINOR, UDEC, 0, SF_V),
    M(STATX_STX_MNT_ID, UDEC, 0, SF_V),
};

static const struct sfield f_statx_ts[] = {
    M(STATX_TS_TV_SEC, DEC, 0, 0), M(STATX_TS_TV_NSEC, UDEC, 0, 0),
};

static const struct sfield f_statfs64[] = {   /* statfs64/fstatfs64 of 32-bit ABIs */
    M(STATFS64_F_TYPE, HEX, 0, 0), M(STATFS64_F_BSIZE, UDEC, 0, 0), M(STATFS64_F_BLOCKS, UDEC, 0, 0),
    M(STATFS64_F_BFREE, UDEC, 0, 0), M(STATFS64_F_BAVAIL, UDEC, 0, 0), M(STATFS64_F_FILES, UDEC, 0, 0),
    M(STATFS64_F_FFREE, UDEC, 0, 0), M(STATFS64_F_FSID, BYTES, 0, SF_V),
    M(STATFS64_F_NAMELEN, UDEC, 0, 0), M(STATFS64_F_FRSIZE, UDEC, 0, 0), M(STATFS64_F_FLAGS, HEX, 0, 0),
};

static const struct sfield f_statfs[] = {
    M(STATFS_F_TYPE, HEX, 0, 0), M(STATFS_F_BSIZE, UDEC, 0, 0), M(STATFS_F_BLOCKS, UDEC, 0, 0),
    M(STATFS_F_BFREE, UDEC, 0, 0), M(STATFS_F_BAVAIL, UDEC, 0, 0), M(STATFS_F_FILES, UDEC, 0, 0),
    M(STATFS_F_FFREE, UDEC, 0, 0), M(STATFS_F_FSID, BYTES, 0, SF_V),
    M(STATFS_F_NAMELEN, UDEC, 0, 0), M(STATFS_F_FRSIZE, UDEC, 0, 0), M(STATFS_F_FLAGS, HEX, 0, 0),
};

static const struct sfield f_timespec[] = { M(TIMESPEC_TV_SEC, DEC, 0, 0), M(TIMESPEC_TV_NSEC, DEC, 0, 0) };
static const struct sfield f_timespec64[] = { M(TIMESPEC64_TV_SEC, DEC, 0, 0), M(TIMESPEC64_TV_NSEC, NSEC64, 0, 0) };
static const struct sfield f_timeval[] = { M(TIMEVAL_TV_SEC, DEC, 0, 0), M(TIMEVAL_TV_USEC, DEC, 0, 0) };
static const struct sfield f_timezone[] = {
    M(TIMEZONE_TZ_MINUTESWEST, DEC, 0, 0), M(TIMEZONE_TZ_DSTTIME, DEC, 0, 0),
};
static const struct sfield f_itimerspec[] = {
    M(ITIMERSPEC_IT_INTERVAL, STRUCT, SD_TIMESPEC, 0), M(ITIMERSPEC_IT_VALUE, STRUCT, SD_TIMESPEC, 0),
};
static const struct sfield f_itimerspec64[] = {
    M(ITIMERSPEC64_IT_INTERVAL, STRUCT, SD_TIMESPEC64, 0),
    M(ITIMERSPEC64_IT_VALUE, STRUCT, SD_TIMESPEC64, 0),
};
static const struct sfield f_itimerval[] = {
    M(ITIMERVAL_IT_INTERVAL, STRUCT, SD_TIMEVAL, 0), M(ITIMERVAL_IT_VALUE, STRUCT, SD_TIMEVAL, 0),
};

static const struct sfield f_utsname[] = {
    M(UTSNAME_SYSNAME, CHARS, 0, 0), M(UTSNAME_NODENAME, CHARS, 0, 0),
    M(UTSNAME_RELEASE, CHARS, 0, SF_V), M(UTSNAME_VERSION, CHARS, 0, SF_V),
    M(UTSNAME_MACHINE, CHARS, 0, SF_V), M(UTSNAME_DOMAINNAME, CHARS, 0, SF_V),
};

static const struct sfield f_rlimit[] = { M(RLIMIT_RLIM_CUR, RLIM, 0, 0), M(RLIMIT_RLIM_MAX, RLIM, 0, 0) };
static const struct sfield f_rlimit64[] = { M(RLIMIT64_RLIM_CUR, RLIM, 1, 0), M(RLIMIT64_RLIM_MAX, RLIM, 1, 0) };

static const struct sfield f_rusage[] = {
    M(RUSAGE_RU_UTIME, STRUCT, SD_TIMEVAL, 0), M(RUSAGE_RU_STIME, STRUCT, SD_TIMEVAL, 0),
    M(RUSAGE_RU_MAXRSS, DEC, 0, SF_V), M(RUSAGE_RU_IXRSS, DEC, 0, SF_V),
    M(RUSAGE_RU_IDRSS, DEC, 0, SF_V), M(RUSAGE_RU_ISRSS, DEC, 0, SF_V),
    M(RUSAGE_RU_MINFLT, DEC, 0, SF_V), M(RUSAGE_RU_MAJFLT, DEC, 0, SF_V),
    M(RUSAGE_RU_NSWAP, DEC, 0, SF_V), M(RUSAGE_RU_INBLOCK, DEC, 0, SF_V),
    M(RUSAGE_RU_OUBLOCK, DEC, 0, SF_V), M(RUSAGE_RU_MSGSND, DEC, 0, SF_V),
    M(RUSAGE_RU_MSGRCV, DEC, 0, SF_V), M(RUSAGE_RU_NSIGNALS, DEC, 0, SF_V),
    M(RUSAGE_RU_NVCSW, DEC, 0, SF_V), M(RUSAGE_RU_NIVCSW, DEC, 0, SF_V),
};

static const struct sfield f_sysinfo[] = {
    M(SYSINFO_UPTIME, DEC, 0, 0), M(SYSINFO_LOADS, ULONGS, 0, 0), M(SYSINFO_TOTALRAM, UDEC, 0, 0),
    M(SYSINFO_FREERAM, UDEC, 0, 0), M(SYSINFO_SHAREDRAM, UDEC, 0, SF_V),
    M(SYSINFO_BUFFERRAM, UDEC, 0, SF_V), M(SYSINFO_TOTALSWAP, UDEC, 0, SF_V),
    M(SYSINFO_FREESWAP, UDEC, 0, SF_V), M(SYSINFO_PROCS, UDEC, 0, SF_V),
    M(SYSINFO_TOTALHIGH, UDEC, 0, SF_V), M(SYSINFO_FREEHIGH, UDEC, 0, SF_V),
    M(SYSINFO_MEM_UNIT, UDEC, 0, SF_V),
};

static const struct sfield f_winsize[] = {
    M(WINSIZE_WS_ROW, UDEC, 0, 0), M(WINSIZE_WS_COL, UDEC, 0, 0),
    M(WINSIZE_WS_XPIXEL, UDEC, 0, 0), M(WINSIZE_WS_YPIXEL, UDEC, 0, 0),
};

static const struct sfield f_termios[] = {
    M(TERMIOS_C_IFLAG, XLAT, XT_TC_IFLAG, 0), M(TERMIOS_C_OFLAG, XLAT, XT_TC_OFLAG, 0),
    M(TERMIOS_C_CFLAG, XLAT, XT_TC_CFLAG, 0), M(TERMIOS_C_LFLAG, XLAT, XT_TC_LFLAG, 0),
    M(TERMIOS_C_LINE, UDEC, 0, SF_V), M(TERMIOS_C_CC, BYTES, 0, SF_V),
};

static const struct sfield f_stack[] = {
    M(STACK_SS_SP, PTR, 0, 0), M(STACK_SS_FLAGS, XLAT, XT_SS_FLAGS, 0), M(STACK_SS_SIZE, UDEC, 0, 0),
};

static const struct sfield f_flock[] = {
    M(FLOCK_L_TYPE, XLAT, XT_LOCK_TYPE, 0), M(FLOCK_L_WHENCE, XLAT, XT_SEEK_WHENCE, 0),
    M(FLOCK_L_START, DEC, 0, 0), M(FLOCK_L_LEN, DEC, 0, 0), M(FLOCK_L_PID, DEC, 0, SF_NZ),
};

static const struct sfield f_flock64[] = {   /* F_SETLK64 and friends of 32-bit ABIs */
    M(FLOCK64_L_TYPE, XLAT, XT_LOCK_TYPE, 0), M(FLOCK64_L_WHENCE, XLAT, XT_SEEK_WHENCE, 0),
    M(FLOCK64_L_START, DEC, 0, 0), M(FLOCK64_L_LEN, DEC, 0, 0), M(FLOCK64_L_PID, DEC, 0, SF_NZ),
};

static const struct sfield f_clone_args[] = {
    M(CLONE_ARGS_FLAGS, XLAT, XT_CLONE_FLAGS, 0), M(CLONE_ARGS_PIDFD, PTR, 0, SF_NZ),
    M(CLONE_ARGS_CHILD_TID, PTR, 0, 0), M(CLONE_ARGS_PARENT_TID, PTR, 0, 0),
    M(CLONE_ARGS_EXIT_SIGNAL, SIG, 0, 0), M(CLONE_ARGS_STACK, PTR, 0, 0),
    M(CLONE_ARGS_STACK_SIZE, HEX, 0, 0), M(CLONE_ARGS_TLS, PTR, 0, 0),
    M(CLONE_ARGS_SET_TID, PTR, 0, SF_NZ), M(CLONE_ARGS_SET_TID_SIZE, UDEC, 0, SF_NZ),
    M(CLONE_ARGS_CGROUP, UDEC, 0, SF_NZ),
};

static const struct sfield f_epoll_event[] = {
    M(EPOLL_EVENT_EVENTS, XLAT, XT_EPOLL_EVENTS, 0), M(EPOLL_EVENT_DATA, EPOLLDATA, 0, 0),
};

static const struct sfield f_pollfd[] = {
    M(POLLFD_FD, DEC, 0, 0), M(POLLFD_EVENTS, XLAT, XT_POLL_EVENTS, 0),
};

#define D(ls, arr) { LS_##ls, sizeof arr / sizeof arr[0], arr }

static const struct sdesc sdescs[SD_COUNT] = {
    [SD_STAT] = D(STAT, f_stat),
    [SD_STATX] = D(STATX, f_statx),
    [SD_STATX_TS] = D(STATX_TS, f_statx_ts),
    [SD_STATFS] = D(STATFS, f_statfs),
    [SD_STATFS64] = D(STATFS64, f_statfs64),
    [SD_TIMESPEC] = D(TIMESPEC, f_timespec),
    [SD_TIMESPEC64] = D(TIMESPEC64, f_timespec64),
    [SD_TIMEVAL] = D(TIMEVAL, f_timeval),
    [SD_TIMEZONE] = D(TIMEZONE, f_timezone),
    [SD_ITIMERSPEC] = D(ITIMERSPEC, f_itimerspec),
    [SD_ITIMERSPEC64] = D(ITIMERSPEC64, f_itimerspec64),
    [SD_ITIMERVAL] = D(ITIMERVAL, f_itimerval),
    [SD_UTSNAME] = D(UTSNAME, f_utsname),
    [SD_RLIMIT] = D(RLIMIT, f_rlimit),
    [SD_RLIMIT64] = D(RLIMIT64, f_rlimit64),
    [SD_RUSAGE] = D(RUSAGE, f_rusage),
    [SD_SYSINFO] = D(SYSINFO, f_sysinfo),
    [SD_WINSIZE] = D(WINSIZE, f_winsize),
    [SD_TERMIOS] = D(TERMIOS, f_termios),
    [SD_STACK] = D(STACK, f_stack),
    [SD_FLOCK] = D(FLOCK, f_flock),
    [SD_FLOCK64] = D(FLOCK64, f_flock64),
    [SD_CLONE_ARGS] = D(CLONE_ARGS, f_clone_args),
    [SD_EPOLL_EVENT] = D(EPOLL_EVENT, f_epoll_event),
    [SD_POLLFD] = D(POLLFD, f_pollfd),
    [SD_OLDSTAT] = D(OLDSTAT, f_oldstat),
};

#define STRUCT_MAX 512   /* largest struct copied for printing */

static void pr_rlim(struct sbuf *b, uint64_t v, unsigned size, int is64)
{
    uint64_t inf = (uint64_t)xlat_const(is64 ? XC_RLIM64_INFINITY : XC_RLIM_INFINITY);
    if (size < 8)
        inf &= (1ull << (size * 8)) - 1;
    if (v == inf)
        sb_puts(b, is64 ? "RLIM64_INFINITY" : "RLIM_INFINITY");
    else if (v && v % 1024 == 0)
        sb_printf(b, "%llu*1024", (unsigned long long)(v / 1024));
    else
        sb_printf(b, "%llu", (unsigned long long)v);
}

static void pr_member(struct pctx *c, struct sbuf *b, const struct sfield *sf, const unsigned char *p,
                      unsigned size)
{
    uint64_t v = rd_uint(p, size);
    switch (sf->fmt) {
    case F_DEC:
        sb_printf(b, "%lld", (long long)rd_int(p, size));
        break;
    case F_UDEC:
        sb_printf(b, "%llu", (unsigned long long)v);
        break;
    case F_HEX:
        sb_printf(b, "%#llx", (unsigned long long)v);
        break;
    case F_PTR:
        pr_ptr(b, v);
        break;
    case F_MODE:
        pr_mode(b, v, 1);
        break;
    case F_DEV:
        pr_dev(b, v);
        break;
    case F_XLAT:
        pr_xlat(b, sf->x, v);
        break;
    case F_CHARS: {
        size_t n = strnlen((const char *)p, size);
        pr_quote(b, p, n, 0);
        break;
    }
    case F_BYTES:
        pr_quote(b, p, size, 0);
        break;
    case F_STRUCT:
        pr_struct_buf(c, b, sf->x, p);
        break;
    case F_RLIM:
        pr_rlim(b, v, size, sf->x);
        break;
    case F_ULONGS: {
        unsigned w = guest_long();
        sb_putc(b, '[');
        for (unsigned i = 0; i + w <= size; i += w)
            sb_printf(b, i ? ", %llu" : "%llu", (unsigned long long)rd_uint(p + i, w));
        sb_putc(b, ']');
        break;
    }
    case F_SIG:
        pr_signame(b, (int)v, 1);
        break;
    case F_EPOLLDATA:
        sb_printf(b, "{u32=%u, u64=%llu}", (unsigned)rd_uint(p, 4), (unsigned long long)v);
        break;
    case F_NSEC64:   /* get_timespec64() under in_compat_syscall() drops the upper half (kernel/time/time.c) */
        sb_printf(b, "%lld", guest_long() == 4 ? (long long)(int32_t)v : (long long)rd_int(p, size));
        break;
    }
}

void pr_struct_buf(struct pctx *c, struct sbuf *b, int sd, const unsigned char *buf)
{
    const struct sdesc *d = &sdescs[sd];
    int verbose = c->t->verbose, hidden = 0, first = 1, is_dev = 0;
    for (unsigned i = 0; i < d->n; i++) {
        if (d->f[i].fmt == F_MODE) {
            uint64_t fmt = rd_field(buf, d->f[i].lf) & (uint64_t)xlat_const(XC_S_IFMT);
            is_dev = fmt == (uint64_t)xlat_const(XC_S_IFCHR) || fmt == (uint64_t)xlat_const(XC_S_IFBLK);
            break;
        }
    }
    sb_putc(b, '{');
    for (unsigned i = 0; i < d->n; i++) {
        const struct sfield *sf = &d->f[i];
        const struct xlat_field *f = xlat_field(sf->lf);
        if (!f->size)
            continue;
        if ((sf->fl & SF_DEV) && !is_dev)
            continue;
        if ((sf->fl & SF_NODEV) && is_dev)
            continue;
        if ((sf->fl & SF_NZ) && !verbose && rd_uint(buf + f->off, f->size) == 0)
            continue;
        if ((sf->fl & SF_V) && !verbose) {
            hidden = 1;
            continue;
        }
        if (!first)
            sb_puts(b, ", ");
        first = 0;
        sb_puts(b, f->name);
        sb_putc(b, '=');
        pr_member(c, b, sf, buf + f->off, f->size);
    }
    if (hidden)
        sb_puts(b, first ? "..." : ", ...");
    sb_putc(b, '}');
}

/* Copies struct ls at guest a into buf; returns its size, or 0 when it cannot be read. */
static unsigned read_struct(struct pctx *c, int ls, uint64_t a, unsigned char *buf)
{
    unsigned size = xlat_ssize(ls);
    if (!size || size > STRUCT_MAX || pr_read(c, a, buf, size) < 0)
        return 0;
    return size;
}

void pr_struct(struct pctx *c, struct sbuf *b, int sd, uint64_t a)
{
    unsigned char buf[STRUCT_MAX];
    if (!a)
        sb_puts(b, "NULL");
    else if (!read_struct(c, sdescs[sd].ls, a, buf))
        pr_ptr(b, a);
    else
        pr_struct_buf(c, b, sd, buf);
}

void pr_dev(struct sbuf *b, uint64_t v)
{
    /* Linux dev_t: minor in bits 0-7 and 20-31, major in bits 8-19 and 32-43 */
    unsigned long long maj = ((v >> 8) & 0xfff) | ((v >> 32) & ~0xfffull);
    unsigned long long min = (v & 0xff) | ((v >> 12) & ~0xffull);
    sb_printf(b, "makedev(%#llx, %#llx)", maj, min);
}

/* ---- structs printed by code ---- */

static unsigned foff(int lf)
{
    return xlat_field(lf)->off;
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

void pr_sockaddr(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t len)
{
    unsigned char s[128];
    size_t n = len < sizeof s ? (size_t)len : sizeof s;
    if (!a) {
        sb_puts(b, "NULL");
        return;
    }
    if (n < 2 || pr_read(c, a, s, n) < 0) {
        pr_ptr(b, a);
        return;
    }
    int fam = (int)rd_uint(s, 2);
    sb_puts(b, "{sa_family=");
    pr_xlat(b, XT_ADDRESS_FAMILY, (uint64_t)fam);
    if (fam == xlat_const(XC_AF_UNIX)) {
        size_t off = foff(LF_SOCKADDR_UN_SUN_PATH);
        if (n > off && s[off] == 0 && n > off + 1) {
            sb_puts(b, ", sun_path=@");
            pr_quote(b, s + off + 1, n - off - 1, 0);
        } else if (n > off) {
            sb_puts(b, ", sun_path=");
            pr_quote(b, s + off, strnlen((const char *)s + off, n - off), 0);
        }
    } else if (fam == xlat_const(XC_AF_INET) && n >= 8) {
        const unsigned char *ip = s + foff(LF_SOCKADDR_IN_SIN_ADDR);
        sb_printf(b, ", sin_port=htons(%u), sin_addr=inet_addr(\"%u.%u.%u.%u\")",
                  be16(s + foff(LF_SOCKADDR_IN_SIN_PORT)), ip[0], ip[1], ip[2], ip[3]);
    } else if (fam == xlat_const(XC_AF_INET6) && n >= 24) {
        const unsigned char *fl = s + foff(LF_SOCKADDR_IN6_SIN6_FLOWINFO);
        char txt[INET6_ADDRSTRLEN] = "?";
        inet_ntop(AF_INET6, s + foff(LF_SOCKADDR_IN6_SIN6_ADDR), txt, sizeof txt);
        sb_printf(b, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), inet_pton(AF_INET6, \"%s\", &sin6_addr)",
                  be16(s + foff(LF_SOCKADDR_IN6_SIN6_PORT)),
                  (unsigned)fl[0] << 24 | (unsigned)fl[1] << 16 | (unsigned)fl[2] << 8 | fl[3], txt);
        if (n >= 28)
            sb_printf(b, ", sin6_scope_id=%u",
                      (unsigned)rd_uint(s + foff(LF_SOCKADDR_IN6_SIN6_SCOPE_ID), 4));
    } else if (n > 2) {
        sb_puts(b, ", sa_data=");
        pr_quote(b, s + 2, n - 2, 0);
    }
    sb_putc(b, '}');
}

void pr_sigaction(struct pctx *c, struct sbuf *b, uint64_t a, int old)
{
    unsigned char s[STRUCT_MAX];
    if (!a) {
        sb_puts(b, "NULL");
        return;
    }
    if (!read_struct(c, old ? LS_OLD_SIGACTION : LS_SIGACTION, a, s)) {
        pr_ptr(b, a);
        return;
    }
    int lf_h = old ? LF_OLD_SIGACTION_SA_HANDLER : LF_SIGACTION_SA_HANDLER;
    int lf_fl = old ? LF_OLD_SIGACTION_SA_FLAGS : LF_SIGACTION_SA_FLAGS;
    int lf_m = old ? LF_OLD_SIGACTION_SA_MASK : LF_SIGACTION_SA_MASK;
    int lf_r = old ? LF_OLD_SIGACTION_SA_RESTORER : LF_SIGACTION_SA_RESTORER;
    uint64_t h = rd_field(s, lf_h), flags = rd_field(s, lf_fl);
    const char *hn = xlat_name(XT_SIG_HANDLER, h);
    sb_puts(b, "{sa_handler=");
    if (hn)
        sb_puts(b, hn);
    else
        sb_printf(b, "%#llx", (unsigned long long)h);
    const struct xlat_field *m = xlat_field(lf_m);
    sb_puts(b, ", sa_mask=");
    pr_sigset_bytes(b, s + m->off, m->size);
    sb_puts(b, ", sa_flags=");
    pr_xlat(b, XT_SA_FLAGS, flags);
    uint64_t restorer_flag = (uint64_t)xlat_const(XC_SA_RESTORER);
    if (xlat_field(lf_r)->size && restorer_flag && (flags & restorer_flag))
        sb_printf(b, ", sa_restorer=%#llx", (unsigned long long)rd_field(s, lf_r));
    sb_putc(b, '}');
}

void pr_msghdr(struct pctx *c, struct sbuf *b, uint64_t a, int64_t total)
{
    unsigned char s[STRUCT_MAX];
    if (!a) {
        sb_puts(b, "NULL");
        return;
    }
    if (!read_struct(c, LS_MSGHDR, a, s)) {
        pr_ptr(b, a);
        return;
    }
    uint64_t name = rd_field(s, LF_MSGHDR_MSG_NAME), namelen = rd_field(s, LF_MSGHDR_MSG_NAMELEN);
    uint64_t iov = rd_field(s, LF_MSGHDR_MSG_IOV), iovlen = rd_field(s, LF_MSGHDR_MSG_IOVLEN);
    uint64_t ctl = rd_field(s, LF_MSGHDR_MSG_CONTROL), ctllen = rd_field(s, LF_MSGHDR_MSG_CONTROLLEN);
    sb_puts(b, "{msg_name=");
    pr_sockaddr(c, b, name, namelen);
    sb_printf(b, ", msg_namelen=%u, msg_iov=", (unsigned)namelen);
    pr_iov(c, b, iov, iovlen, total);
    sb_printf(b, ", msg_iovlen=%llu", (unsigned long long)iovlen);
    if (ctllen) {
        sb_puts(b, ", msg_control=");
        pr_ptr(b, ctl);
    }
    sb_printf(b, ", msg_controllen=%llu, msg_flags=", (unsigned long long)ctllen);
    pr_xlat(b, XT_MSG_FLAGS, rd_field(s, LF_MSGHDR_MSG_FLAGS));
    sb_putc(b, '}');
}
