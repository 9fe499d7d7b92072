/* Internals of the syscall log shared by its files: line buffers, signature encoding, printer interfaces. */
#ifndef XTRACE_TRACE_INT_H
#define XTRACE_TRACE_INT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "trace.h"
#include "xlat.h"

struct mem;

/* ---- growable text buffer ---- */

struct sbuf {
    char *p;             /* text, always NUL-terminated once anything was added */
    size_t len;          /* bytes used, excluding the NUL */
    size_t cap;          /* bytes allocated */
};

void sb_reserve(struct sbuf *b, size_t more);
void sb_putc(struct sbuf *b, char c);
void sb_putn(struct sbuf *b, const char *s, size_t n);
void sb_puts(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_free(struct sbuf *b);
static inline void sb_reset(struct sbuf *b) { b->len = 0; if (b->p) b->p[0] = 0; }

/* ---- signatures ---- */

/* How an argument prints. KX(arg) is the kind's parameter: an xlat table (XT_*), a struct
   (SD_*), or the index of another argument (a length, a count, a flags word). */
enum trace_kind {
    K_SKIP = 0,          /* not printed at all */
    K_INT,               /* int, decimal */
    K_UINT,              /* unsigned int, decimal */
    K_LONG,              /* long / off_t, decimal */
    K_ULONG,             /* unsigned long / size_t, decimal */
    K_HEX,               /* unsigned long in hex */
    K_PTR,               /* address: NULL or hex */
    K_FD,                /* file descriptor */
    K_PID,               /* process or thread id */
    K_DIRFD,             /* directory fd or AT_FDCWD */
    K_PATH,              /* NUL-terminated path, printed whole */
    K_STR,               /* NUL-terminated string, cut at strsize */
    K_BUF_IN,            /* bytes written by the caller; length is argument KX */
    K_BUF_OUT,           /* bytes filled by the kernel; length is the return value */
    K_BUF_OUT_HEX,       /* like K_BUF_OUT, every byte as \xNN (getrandom) */
    K_STR_OUT,           /* NUL-terminated string filled by the kernel (getcwd) */
    K_XLAT,              /* flags or enumeration from table KX */
    K_MODE,              /* permission bits, octal */
    K_OPEN_MODE,         /* mode of open: only when flags (argument KX) create a file */
    K_FMODE,             /* file type and permission bits (mknod) */
    K_SIG,               /* signal number */
    K_SIGSET_IN,         /* sigset pointer read at entry; size is argument KX */
    K_SIGSET_OUT,        /* sigset pointer filled by the kernel; size is argument KX */
    K_STRUCT_IN,         /* pointer to struct KX (SD_*) read at entry */
    K_STRUCT_OUT,        /* pointer to struct KX filled by the kernel, printed on success */
    K_TIMESPEC2_IN,      /* pointer to two struct timespec (utimensat); KX 1: 64-bit time */
    K_IOV_IN,            /* iovec array, count is argument KX, read at entry */
    K_IOV_OUT,           /* iovec array, count is argument KX, filled up to the return value */
    K_ARGV,              /* NULL-terminated array of strings (execve argv) */
    K_ENVP,              /* NULL-terminated array shown as its count (execve envp) */
    K_IOCTL_REQ,         /* ioctl request */
    K_IOCTL_ARG,         /* ioctl argument, decoded by the request in argument KX */
    K_FCNTL_ARG,         /* fcntl argument, decoded by the command in argument KX */
    K_FUTEX,             /* futex argument slot KX&7 as the operation (argument 1) needs; KX&8: 64-bit time */
    K_CLONE,             /* clone's arguments, all printed from this one (tls before child_tid) */
    K_PRCTL,             /* prctl argument KX (2..5), shown as the option in argument 0 needs */
    K_INT_PTR_IN,        /* pointer to int read at entry: [N] */
    K_INT_PTR_OUT,       /* pointer to int filled by the kernel: [N] */
    K_FDPAIR_OUT,        /* int[2] filled by the kernel (pipe2, socketpair) */
    K_WSTATUS_OUT,       /* wait status filled by the kernel */
    K_SOCK_PROTO,        /* socket protocol, decoded by the domain in argument KX */
    K_SOCKADDR_IN,       /* sockaddr read at entry; length is argument KX */
    K_SOCKADDR_OUT,      /* sockaddr filled by the kernel; argument KX points to its length */
    K_SOCKOPT_NAME,      /* socket option name, decoded by the level in argument KX */
    K_SOCKOPT_IN,        /* setsockopt value; length is argument KX */
    K_SOCKOPT_OUT,       /* getsockopt value; argument KX points to its length */
    K_MSGHDR_IN,         /* struct msghdr read at entry (sendmsg) */
    K_MSGHDR_OUT,        /* struct msghdr filled by the kernel up to the return value (recvmsg) */
    K_POLLFDS,           /* struct pollfd array; count is argument KX */
    K_EPOLL_EVENTS_OUT,  /* struct epoll_event array filled by the kernel (count = return value) */
    K_DIRENTS,           /* getdents64 buffer: address and entry count; KX 1: old getdents */
    K_SIGACTION_IN,      /* struct sigaction read at entry */
    K_SIGACTION_OUT,     /* struct sigaction filled by the kernel */
    K_OLDSIGACTION_IN,   /* the old sigaction()'s struct (one-word mask before the flags) read at entry */
    K_OLDSIGACTION_OUT,  /* the same filled by the kernel */
    K_REM_OUT,           /* a sleep's remaining time, struct KX: printed when EINTR cut the sleep short, else the address */
    K_FDSET,             /* fd_set read at entry: "[3 4]"; argument KX is nfds */
    K_OLDSET,            /* one-word old_sigset_t: KX 0 pointer read at entry, 1 pointer filled by the kernel, 2 the value */
    K_DEV,               /* device number makedev(major, minor), shown when the mode in argument KX is a device */
    K_OFF_HI,            /* high half of a 64-bit offset whose low half is argument KX (_llseek), decimal */
    K_LOFF_OUT,          /* pointer to a 64-bit offset filled by the kernel: [N] */
    K_PGOFF,             /* offset in 4096-byte units (mmap2), shown in bytes */
    K_KIND_COUNT
};

/* How the result prints. */
enum trace_ret {
    R_INT = 0,           /* decimal; -1..-4095 are errors */
    R_FD,                /* like R_INT (a descriptor) */
    R_HEX,               /* address in hex (mmap, brk); errors decoded */
    R_OCT,               /* octal (umask) */
    R_FCNTL,             /* fcntl: F_GETFD/F_GETFL results decoded as flags */
    R_NORET,             /* never returns: printed at entry with "= ?" */
    R_POLL,              /* poll/ppoll: " (Timeout)" for 0, the ready descriptors' revents otherwise */
    R_SELECT,            /* select family: " (Timeout)" for 0, else the ready sets and the time left (argument 4) */
};

/* Syscall classes of -e trace=%CLASS. %file and %desc also follow from the argument kinds (a path;
   a descriptor taken or returned), see trace_sig_class. */
enum {
    TC_FILE = 1, TC_DESC = 2, TC_MEMORY = 4, TC_PROCESS = 8, TC_SIGNAL = 16, TC_NETWORK = 32, TC_IPC = 64,
};

struct trace_sig {
    const char *name;    /* kernel name */
    uint8_t ret;         /* enum trace_ret */
    uint8_t nargs;       /* arguments printed */
    uint16_t arg[6];     /* kind | param << 8 */
    uint8_t cls;         /* TC_* given by the table (see trace_sig_class for the whole set) */
};

/* Every class of s: the table's, plus %file for a path argument and %desc for a descriptor (or an fd_set). */
unsigned trace_sig_class(const struct trace_sig *s);

#define KIND(a) ((a) & 0xff)
#define KX(a) ((a) >> 8)

/* Struct printers for K_STRUCT_IN / K_STRUCT_OUT (parameter of the kind). */
enum trace_sdesc {
    SD_STAT, SD_STATX, SD_STATX_TS, SD_STATFS, SD_STATFS64, SD_TIMESPEC, SD_TIMESPEC64, SD_TIMEVAL, SD_TIMEZONE,
    SD_ITIMERSPEC, SD_ITIMERSPEC64, SD_ITIMERVAL, SD_UTSNAME, SD_RLIMIT, SD_RLIMIT64, SD_RUSAGE, SD_SYSINFO,
    SD_WINSIZE, SD_TERMIOS, SD_STACK, SD_FLOCK, SD_FLOCK64, SD_CLONE_ARGS, SD_EPOLL_EVENT, SD_POLLFD,
    SD_OLDSTAT,
    SD_COUNT
};

/* ---- log state ---- */

/* Argument text of one thread's syscall between trace_enter and trace_leave. */
enum { SEG_TEXT, SEG_OMIT, SEG_LATER };

struct trace_pend {
    struct emu_cpu *cpu;         /* owning thread; NULL when the slot is free */
    const struct sys_ent *e;     /* the syscall in progress */
    uint64_t a[6];               /* its raw arguments */
    struct sbuf args;            /* text of arguments printed at entry */
    uint32_t seg_off[6], seg_len[6];
    uint8_t seg[6];              /* SEG_* per argument */
    struct sbuf line;            /* the assembled line */
    char *scratch;               /* guest data being formatted */
    size_t scratch_cap;
    struct timespec t_wall;      /* entry time (CLOCK_REALTIME) for -t/-r */
    struct timespec t_mono;      /* entry time (CLOCK_MONOTONIC) for -T/-c */
};

/* -c counters of one syscall (shared by the processes a fork makes: MAP_SHARED). */
struct trace_count {
    uint64_t calls, errors, nsec;
};

/* One --abi-report row: an ioctl request or a struct-carrying syscall, and what was done with it. */
struct trace_abirow {
    uint32_t req;                /* ioctl request (is_ioctl), else the signature index */
    uint8_t is_ioctl;
    unsigned count;
    char what[120];              /* the first note seen ("translated", "refused: ...") */
    unsigned nwhat;              /* how many calls had a note */
};

struct trace {
    FILE *out;                   /* where lines go */
    int fd;                      /* its descriptor (one write(2) per line), -1 to use stdio */
    int strsize;                 /* longest string printed */
    const struct xlat_abi *abi;  /* the guest ABI's tables */
    const char *abi_name;        /* the guest ABI's name (ioctl database, layouts) */
    int lay_guest, lay_host;     /* layout models (LA_*), lay_guest -1 when unknown */
    int follow;                  /* -f: prefix each line with "[pid N] " */
    int fd_paths;                /* -y 1, -yy 2: print the path of each descriptor */
    int timestamps;              /* -t: 1, -tt: 2, -ttt: 3 */
    int relative;                /* -r */
    int syscall_times;           /* -T: time spent in each syscall */
    int verbose;                 /* -v: every struct member, no "..." */
    int json;                    /* --json: one JSON object per line */
    int summary;                 /* -c 1, -C 2 */
    int stack;                   /* -k */
    int abi_report;              /* --abi-report */
    int ioctl_policy;            /* --ioctl= */
    int status;                  /* -e status= (TRACE_ST_*; 0 all) */
    int align;                   /* column " = " is padded to (0: none; strace uses 40) */
    uint8_t *sel;                /* -e trace=: per signature index, 1 when shown; NULL for all */
    uint8_t sel_raw;             /* syscalls without a signature are shown */
    uint64_t sig_sel[2];         /* -e signal=: bit n-1 for signal n (all ones by default) */
    trace_unwind_fn unwind;      /* -k hooks */
    const char *(*sym)(uint64_t pc, uint64_t *off);
    const char *(*image)(uint64_t pc);
    int pid0;                    /* the host pid that created the log */
    int children;                /* this process forked a traced child */
    struct timespec t_last;      /* -r: the previous line's time */
    struct trace_count *counts;  /* -c: [trace_nsigs + 1] (last: no signature), shared memory */
    struct trace_abirow *abirows;/* --abi-report */
    unsigned nabirows, capabirows;
    struct trace_pend *pend;     /* per-thread syscalls in progress */
    unsigned npend;
};

/* What a printer is working on. */
struct pctx {
    struct trace *t;
    struct trace_pend *p;
    struct mem *mem;             /* guest memory */
    const uint64_t *a;           /* raw arguments */
    int64_t ret;                 /* result (valid when exiting) */
    int exiting;                 /* 0 at entry, 1 at exit */
};

/* Printer results. */
enum { PR_DONE, PR_OMIT, PR_LATER };

/* args.c: one argument of kind arg (argument number i) into b. At entry, a printer returns
   PR_LATER for what only the exit can show; it is called again at exit. */
int pr_arg(struct pctx *c, struct sbuf *b, int i, uint16_t arg);
/* print.c: the result. */
void pr_ret(struct pctx *c, struct sbuf *b, const struct trace_sig *s);

/* print.c helpers shared by the argument and struct printers */
int pr_read(struct pctx *c, uint64_t a, void *dst, size_t n);  /* guest bytes: 0, or -1 if unreadable */
int ret_is_error(int64_t ret);                                  /* -4095..-1 */
void pr_ptr(struct sbuf *b, uint64_t a);
void pr_xlat(struct sbuf *b, int tab, uint64_t v);
void pr_quote(struct sbuf *b, const unsigned char *s, size_t n, int hex);
void pr_signame(struct sbuf *b, int sig, int prefix);
void pr_sigset_bytes(struct sbuf *b, const unsigned char *set, size_t size);
void pr_mode(struct sbuf *b, uint64_t mode, int with_type);
int pr_guest_str(struct pctx *c, struct sbuf *b, uint64_t a, size_t max);
void pr_guest_buf(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t len, int hex);
/* The descriptors in the guest fd_set at a (nfds bits in guest longs): "[3 4]"; the address when unreadable.
   Returns how many were set, -1 when unreadable. */
int pr_fdset(struct pctx *c, struct sbuf *b, uint64_t a, int nfds);
void pr_iov(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t cnt, int64_t total);
unsigned char *pr_scratch(struct pctx *c, size_t n);

/* structs.c */
/* Reads and prints struct sd at guest address a; an unreadable one prints as its address. */
void pr_struct(struct pctx *c, struct sbuf *b, int sd, uint64_t a);
/* Prints struct sd from a copy at buf (which holds xlat_ssize of its layout). */
void pr_struct_buf(struct pctx *c, struct sbuf *b, int sd, const unsigned char *buf);
/* sockaddr of len bytes at a */
void pr_sockaddr(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t len);
/* struct sigaction of rt_sigaction (old 0), or the old sigaction()'s struct old_sigaction (old 1) */
void pr_sigaction(struct pctx *c, struct sbuf *b, uint64_t a, int old);
void pr_msghdr(struct pctx *c, struct sbuf *b, uint64_t a, int64_t total);
/* makedev(0x1, 0x3) of a Linux dev_t */
void pr_dev(struct sbuf *b, uint64_t v);

/* print.c: guest integers: size bytes at p, or a member of a struct copy, in the guest's byte
   order (rd_int/rd_sfield sign-extend). */
uint64_t rd_uint(const unsigned char *p, unsigned size);
int64_t rd_int(const unsigned char *p, unsigned size);
uint64_t rd_field(const unsigned char *buf, int lf);
int64_t rd_sfield(const unsigned char *buf, int lf);
/* print.c: the guest's long: its size in bytes, and a register value as unsigned/signed long. */
unsigned guest_long(void);
uint64_t guest_ulong(uint64_t v);
int64_t guest_slong(uint64_t v);
int guest_nsig(void);

/* sigs.c */
extern const struct trace_sig trace_sigs[];
extern const unsigned trace_nsigs;

/* print.c: -X and -x, process-wide like the guest ABI */
extern int trace_xstyle;         /* TRACE_X_* */
extern int trace_hexstr;         /* 0, 1 (-x), 2 (-xx) */
/* A named constant as -X asks: "NAME", "0x10", or "0x10 \/\* NAME \*\/" (raw_dec prints decimal). */
void pr_named(struct sbuf *b, const char *name, uint64_t raw, int raw_dec);

/* ioctl.c */
void pr_ioctl_req(struct pctx *c, struct sbuf *b, uint64_t req);
int pr_ioctl_arg(struct pctx *c, struct sbuf *b, uint64_t req, uint64_t a);
/* The note trace_ioctl_note left for this thread ("" when none); clears it. */
const char *ioctl_take_note(char *buf, size_t size);
/* Records an ioctl or struct-carrying syscall for --abi-report. */
void abi_record(struct trace *t, const struct trace_sig *s, const uint64_t a[6], const char *note);

/* ioctl_defs.c: the --ioctl-defs request numbered req under ABI lay (LA_*), or the one named name; NULL if none */
const struct trace_ioctl *ioctl_def_find(int lay, uint32_t req);
const struct trace_ioctl *ioctl_def_named(int lay, const char *name);
/* ioctl_db.c: the union member a request uses (for translation), or NULL */
const char *ioctl_union_member(const char *name);
/* ioctl_db.c: for a request whose struct points to an array of structs (SIOCGIFCONF): the pointer field,
   the int field holding the array's length in bytes, the element type; 0, or -1 when it has none */
int ioctl_array_rule(const char *name, const char **ptr, const char **len, const char **elem);
/* ioctl_db.c: the layout-engine ABI (LA_*) of a guest ABI name (the generic one when unknown) */
int ioctl_abi_lay(const char *abi);

/* trace.c: writes n bytes of finished lines with one write(2) (stdio when the log has no descriptor) */
void trace_write(struct trace *t, const char *p, size_t n);

/* report.c: -c and --abi-report tables, JSON text */
void summary_count(struct trace *t, const struct trace_sig *s, int64_t ret, uint64_t nsec);
void summary_print(struct trace *t);
void abi_report_print(struct trace *t);
void json_str(struct sbuf *b, const char *s, size_t n);

/* fdpath.c: -y/-yy decoration "<path>" of descriptor fd (nothing when it has none) */
void pr_fd(struct pctx *c, struct sbuf *b, int fd);

/* opts.c: compiles -e trace= and -e signal= into t (after the ABI is chosen); 0 or -1 */
int trace_compile_filters(struct trace *t, const struct trace_opts *o);

#endif
