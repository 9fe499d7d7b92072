/* Syscall log: strace-format decoding of guest syscalls from signatures and xlat tables. */
#ifndef XTRACE_TRACE_H
#define XTRACE_TRACE_H

#include <stdint.h>
#include <stdio.h>

#include <stddef.h>

struct emu_cpu;
struct sys_ent;
struct trace_sig;
struct trace;

/* -k: fills pcs[0..max) with the guest's return addresses, innermost first (pcs[0] is the syscall's
   pc); returns how many. Filled in by the core. */
typedef int (*trace_unwind_fn)(struct emu_cpu *c, uint64_t *pcs, int max);

enum { TRACE_IOCTL_AUTO, TRACE_IOCTL_STRICT, TRACE_IOCTL_PASS };  /* --ioctl= */
enum { TRACE_X_ABBREV, TRACE_X_RAW, TRACE_X_VERBOSE };          /* -X */
enum { TRACE_ST_SUCCESSFUL = 1, TRACE_ST_FAILED = 2 };           /* -e status= */

#define TRACE_MAX_SEL 16

/* Options of the syscall log. All zero means strace's defaults (the caller sets out, strsize, abi). */
struct trace_opts {
    FILE *out;           /* where lines go (stderr or -o FILE) */
    int strsize;         /* -s: longest string printed (default 32) */
    const char *abi;     /* guest ABI name selecting xlat tables ("riscv64") */
    /* set by trace_parse_opt */
    int enabled;         /* some log option was given: the caller turns the log on */
    int follow;          /* -f: "[pid N] " on every line */
    int fd_paths;        /* -y 1, -yy 2 */
    int timestamps;      /* -t 1, -tt 2, -ttt 3 */
    int relative;        /* -r */
    int syscall_times;   /* -T */
    int hex_strings;     /* -x 1 (non-ASCII strings in hex), -xx 2 (all strings) */
    int xstyle;          /* -X: TRACE_X_* */
    int verbose;         /* -v */
    int summary;         /* -c 1 (table only), -C 2 (lines and table) */
    int json;            /* --json */
    int stack;           /* -k */
    int abi_report;      /* --abi-report */
    int ioctl_policy;    /* --ioctl=: TRACE_IOCTL_* */
    int status;          /* -e status=: TRACE_ST_* bits, 0 for all */
    const char *trace_sel[TRACE_MAX_SEL];   /* -e trace= sets, in order */
    int ntrace_sel;
    const char *signal_sel[TRACE_MAX_SEL];  /* -e signal= sets, in order */
    int nsignal_sel;
    /* -k hooks, filled by the core: the unwinder, the symbol (and its offset) of a pc, and the
       image (ELF file) holding a pc; any may be NULL */
    trace_unwind_fn unwind;
    const char *(*sym)(uint64_t pc, uint64_t *off);
    const char *(*image)(uint64_t pc);
    /* the argv entries trace_parse_opt consumed, so a re-executed child gets the same options; the
       list ends with "--trace-root=PID" (the process whose exit prints the -c and --abi-report tables) */
    char *argv[2 * TRACE_MAX_SEL + 24];
    int nargv;
    int root_pid;        /* --trace-root=PID, else the pid that parsed the first option */
};

/* Parses one strace option at argv[i]: returns how many entries it used (1 or 2), 0 when argv[i] is
   not a log option, or -1 with a message in err. Recognises -f -ff -y -yy -t -tt -ttt -r -T -x -xx -v
   -c -C -k -Z -z (and bundles such as -ttT), -e [trace=|status=|signal=]SET, -X raw|abbrev|verbose,
   --json, --abi-report, --ioctl=auto|strict|pass, --trace= --status= --signal=. Not -s or -o. */
int trace_parse_opt(struct trace_opts *o, int argc, char **argv, int i, char *err, size_t errsz);

/* Creates the log state; the caller keeps opts->out open. */
struct trace *trace_new(const struct trace_opts *opts);
/* Signature of a syscall by kernel name, or NULL (then arguments print as raw hex). */
const struct trace_sig *trace_sig_find(const char *name);
/* Frees the log state (not opts->out). */
void trace_free(struct trace *t);
/* Selects the guest ABI for trace_errno_name/trace_signal_name without a log; 0, or -1 if unknown. */
int trace_set_abi(const char *abi);
/* Number of syscalls with signatures. */
unsigned trace_sig_count(void);
/* Called before the handler runs; prints syscalls that never return (exit, exit_group) at once.
   Other syscalls print at trace_leave with the arguments read here, so an emulated execve that
   succeeds must still call trace_leave (with 0) before the old image is gone for good. */
void trace_enter(struct trace *t, struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6]);
/* Called after the handler with its result (negative guest errno on failure); prints the line. */
void trace_leave(struct trace *t, struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6], int64_t ret);
/* A whole line for a syscall a backend serves itself, outside the syscall table (arm's private
   cacheflush and set_tls, numbered from 0xf0000): its signature found by name, ret as the handler's. */
void trace_syscall_outside(struct trace *t, struct emu_cpu *cpu, int nr, const char *name, const uint64_t a[6],
                           int64_t ret);
/* "+++ exited with N +++"; then, in the process that started the log, the -c table and the
   --abi-report table. */
void trace_exited(struct trace *t, int status);
/* "+++ killed by SIGSEGV +++" (with " (core dumped)" when core is set); then the tables as above. */
void trace_killed(struct trace *t, int sig, int core);
/* "+++ exited with N +++" of one thread of several (strace -f shows it for each thread). */
void trace_thread_exited(struct trace *t, struct emu_cpu *cpu, int status);
/* "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10} ---" */
void trace_signal(struct trace *t, int sig, int code, uint64_t addr);
/* "--- SIGABRT {si_signo=SIGABRT, si_code=SI_TKILL, si_pid=12, si_uid=1000} ---" for signals sent by a process */
void trace_signal_sent(struct trace *t, int sig, int code, int pid, unsigned uid);
/* Name of a guest errno ("ENOENT"), or NULL. */
const char *trace_errno_name(int guest_errno);
/* Name of a guest signal ("SIGSEGV"), or NULL. */
const char *trace_signal_name(int sig);

/* ---- the ioctl database and ABI diagnosis ---- */

/* trace_ioctl.dir */
enum {
    TRACE_IOC_WRITE = 1,   /* the kernel reads the argument (_IOC_WRITE) */
    TRACE_IOC_READ = 2,    /* the kernel fills the argument (_IOC_READ) */
    TRACE_IOC_VALUE = 4,   /* the argument is an integer, not a pointer */
    TRACE_IOC_UNKNOWN = 8, /* a plain-number request whose argument is not described */
};

/* A request as the guest ABI encodes it. */
struct trace_ioctl {
    uint32_t req;          /* the number */
    const char *name;      /* its first name ("TCGETS"), NULL when unknown */
    const char *type;      /* C type of what the argument points to ("struct termios", "int"), or NULL */
    unsigned dir;          /* TRACE_IOC_* */
    unsigned size;         /* bytes the argument points to (the _IOC size, or the type's size), 0 if none/unknown */
    uint8_t ioc_type, nr;  /* _IOC_TYPE and _IOC_NR */
    uint8_t encoded;       /* the number carries an _IOC direction and size */
    uint8_t sized;         /* the size is a parameter of the name (EVIOCGNAME(len)) */
};

/* The database row of req under guest ABI abi ("riscv64", "arm", "i386", "mips", ...), or NULL when
   the number is not named (then trace_ioctl_decode still tells what its encoding says). */
const struct trace_ioctl *trace_ioctl_find(const char *abi, uint32_t req);
/* Fills out for any number: the database row when known, else what the guest's _IOC encoding says. */
void trace_ioctl_decode(const char *abi, uint32_t req, struct trace_ioctl *out);
/* Every name of req joined with " or " (a number may have several); "" when unknown. */
const char *trace_ioctl_names(const char *abi, uint32_t req, char *buf, size_t size);
/* The host's number for the guest's request (same name, or the same _IOC fields in the host's encoding);
   0 when there is none. */
uint32_t trace_ioctl_host_req(const char *guest_abi, uint32_t req);
/* Compares the guest's and the host's view of a request: layout of its argument under both ABIs,
   request encoding, byte order, guest pointers inside. Returns 0 when it can be passed to the host
   as is (and says why in why), 1 when not (why explains: "guest struct serial_struct is 60 bytes under
   ILP32 (arm); the host's LP64 layout is 72 bytes and differs (pointer iomem_base ...); no translation
   known — the host kernel would treat it as a compat ioctl"). */
int trace_ioctl_layout_differs(const char *guest_abi, const struct trace_ioctl *io, char *why, size_t whysz);
/* The policy for requests without a translation: --ioctl= as parsed; with t NULL, the one most recently
   parsed by trace_parse_opt in this process (TRACE_IOCTL_AUTO by default). */
int trace_ioctl_policy(const struct trace *t);
/* Decides a request the handler has no translation for, under policy: returns 1 to pass it to the host
   as is, 0 to refuse it (ENOTTY); writes the note for the log line ("passed through: identical layout",
   "refused: ..."). */
int trace_ioctl_unknown(const char *guest_abi, uint32_t req, int policy, char *note, size_t notesz);
/* --ioctl-defs: declares requests from text in the format README.md describes ("MYDEV_XFER _IOWR('M', 1)
   { ptr buf; long len; u32 flags; }"); origin names the text in messages. Returns how many were
   declared, or -1 with "ORIGIN:LINE: what" in err. Declarations last for the process. */
int trace_ioctl_defs_parse(const char *text, const char *origin, char *err, size_t errsz);
/* The same for the file at path. */
int trace_ioctl_defs_load(const char *path, char *err, size_t errsz);

/* What to do with a request (trace_ioctl_plan). */
enum { TRACE_IOCTL_REFUSE, TRACE_IOCTL_RAW, TRACE_IOCTL_CONVERT };
struct lay_struct;
struct trace_ioctl_plan {
    int action;                      /* TRACE_IOCTL_REFUSE/RAW/CONVERT */
    uint32_t host_req;               /* the number to give the host (0: the guest's) */
    unsigned dir;                    /* TRACE_IOC_* of the argument */
    unsigned gsize, hsize;           /* CONVERT: bytes of the argument under the guest ABI and the host's */
    const struct lay_struct *s;      /* CONVERT: its description */
    int guest, host;                 /* CONVERT: layout-engine ABIs */
    const char *member;              /* CONVERT: the union member the request uses, or NULL */
    /* CONVERT of a request whose struct points to an array of structs with its length in bytes in an
       int field (SIOCGIFCONF): the element, and where the pointer and the length are */
    const struct lay_struct *elem;   /* NULL when there is no such array */
    unsigned elem_gsize, elem_hsize; /* bytes of one element, guest and host */
    unsigned ptr_goff, ptr_hoff, ptr_gsize, ptr_hsize;   /* the pointer field */
    unsigned len_goff, len_hoff;     /* the int holding the array's length in bytes */
};
/* Decides how to run a request the handler has no hand-written translation for, under policy: passed
   through as is (RAW), converted between the guest's and the host's layout (CONVERT: known requests
   whose argument is described, and --ioctl-defs declarations), or refused (ENOTTY). Writes the note
   for the log line ("translated: ...", "passed through: ...", "refused: ..."). */
int trace_ioctl_plan(const char *guest_abi, uint32_t req, int policy, struct trace_ioctl_plan *p, char *note,
                     size_t notesz);
/* Converts the argument of a CONVERT plan: to_host 1 from the guest's layout (src, gsize bytes) to the
   host's (dst, hsize bytes), 0 back; map turns each pointer field's value (guest address <-> host
   address). 0, or -1 when the value cannot be converted. */
int trace_ioctl_convert(const struct trace_ioctl_plan *p, int to_host, const void *src, void *dst,
                        uint64_t (*map)(void *ctx, uint64_t v), void *ctx);
/* The same for one array element of a plan with elem set. */
int trace_ioctl_convert_elem(const struct trace_ioctl_plan *p, int to_host, const void *src, void *dst,
                             uint64_t (*map)(void *ctx, uint64_t v), void *ctx);
/* Says what xtrace did with the ioctl this thread is executing ("translated", "passed through: identical
   layout", "refused: ..."); called before trace_leave, it ends the line as " (WHAT)". t may be NULL. */
void trace_ioctl_note(struct trace *t, const char *what);

#endif
