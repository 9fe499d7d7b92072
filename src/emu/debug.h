/* Debug target interface: registers, memory, breakpoints, watchpoints, resume and stop events.
   The GDB stub, the TUI and the command line drive this; a remote (RSP client) target implements the same. */
#ifndef XTRACE_DEBUG_H
#define XTRACE_DEBUG_H

#include <stddef.h>
#include <stdint.h>

struct emu_cpu;
struct emu_proc;
struct op;

/* Why the target stopped. */
enum dbg_stop_kind {
    DBG_STOP_START = 1,      /* before the first instruction */
    DBG_STOP_BREAK,          /* software or hardware breakpoint at addr */
    DBG_STOP_STEP,           /* a single step finished */
    DBG_STOP_WATCH,          /* a watchpoint fired: addr, watch type, old/new value */
    DBG_STOP_SIGNAL,         /* a signal is about to be delivered (sig) */
    DBG_STOP_INTERRUPT,      /* stopped on request (Ctrl-C) */
    DBG_STOP_SYSCALL_ENTRY,  /* about to run syscall sysno */
    DBG_STOP_SYSCALL_RETURN, /* syscall sysno returned */
    DBG_STOP_FORK,           /* forked child_pid (a host process that runs on without the debugger) */
    DBG_STOP_EXEC,           /* about to exec path (the image is replaced when resumed) */
    DBG_STOP_EXIT,           /* the process exited with status (resuming lets it go) */
    DBG_STOP_KILLED,         /* the process dies by sig (resuming lets it go) */
    DBG_STOP_VFORK,          /* vforked child_pid (served as a fork: the parent does not wait for it) */
    DBG_STOP_VFORK_DONE,     /* the parent of a vfork resumes (right after DBG_STOP_VFORK is resumed) */
};

/* Watchpoint kinds (gdb's Z2/Z3/Z4). */
enum dbg_watch { DBG_WATCH_WRITE = 1, DBG_WATCH_READ = 2, DBG_WATCH_ACCESS = 3 };

/* A stop event as reported to a front end. */
struct dbg_stop {
    enum dbg_stop_kind kind; /* why */
    int tid;                 /* the thread that stopped */
    int sig;                 /* signal (SIGNAL, KILLED; SIGTRAP/SIGINT for the others) */
    int status;              /* exit status (EXIT) */
    uint64_t pc;             /* where the thread stands now */
    uint64_t addr;           /* breakpoint or watched address */
    int watch;               /* enum dbg_watch that fired */
    unsigned len;            /* watched length */
    uint64_t old_val;        /* value before the access (WATCH) */
    uint64_t new_val;        /* value after the access (WATCH) */
    uint64_t insn_pc;        /* the instruction that did the access (WATCH) */
    int sysno;               /* syscall number (SYSCALL_*) */
    int64_t sysret;          /* its result (SYSCALL_RETURN) */
    int child_pid;           /* FORK, VFORK */
    const char *path;        /* EXEC: the program (valid while stopped) */
};

/* How to resume. */
enum dbg_mode { DBG_CONTINUE = 1, DBG_STEP };

/* Attaches a debugger to p before it runs; the first thread reports DBG_STOP_START. */
struct dbg *dbg_new(struct emu_proc *p);
/* Front end: waits up to timeout_ms (-1 = forever) for a stop; returns 1 with *st filled, 0 on timeout. */
int dbg_wait(struct dbg *d, struct dbg_stop *st, int timeout_ms);
/* Front end: resumes the stopped target. sig != 0 delivers that signal to the stopped thread (0 suppresses a
   reported one); DBG_STEP steps thread tid (or the stopped thread when tid <= 0) one instruction. */
void dbg_resume(struct dbg *d, enum dbg_mode mode, int tid, int sig);
/* Front end: asks a running target to stop (reported as DBG_STOP_INTERRUPT at the next block boundary). */
void dbg_interrupt(struct dbg *d);
/* Engine: true while an interrupt is requested and not yet reported (a thread must not start blocking). */
int dbg_interrupt_requested(struct dbg *d);
/* Front end: lets the target run on without a debugger (removes every breakpoint and watchpoint). */
void dbg_detach(struct dbg *d);

/* Breakpoints and watchpoints; return 0 or -errno. A hardware breakpoint uses the target's debug unit
   (the local target treats it as a software one); dbg_remove_bp removes either kind. */
int dbg_insert_bp(struct dbg *d, uint64_t addr);
int dbg_insert_hwbp(struct dbg *d, uint64_t addr);
int dbg_remove_bp(struct dbg *d, uint64_t addr);
int dbg_insert_wp(struct dbg *d, int type, uint64_t addr, unsigned len);
int dbg_remove_wp(struct dbg *d, int type, uint64_t addr, unsigned len);
/* Front end: host fds it owns (its sockets) and, when it follows an exec, the options the re-executed xtrace
   gets to take them over (NULL: the new image runs without this front end). A forked child closes the fds;
   an exec of a foreign program hands them over when args is set (fds kept open across it). Copied. */
void dbg_set_frontend(struct dbg *d, const int *fds, int nfds, const char *const *args);

/* Front end: whether forked children wait for its verdict (dbg_fork_release) before they run; follow, when
   a child is followed, runs in that child (a host fork of xtrace with only the forking guest thread) to start
   a front end there for the same dbg, whose first stop the child then reports as DBG_STOP_START. */
void dbg_hold_forks(struct dbg *d, int on, void (*follow)(void *ctx, struct dbg *d), void *ctx);
/* Front end, after a FORK/VFORK stop: the held child runs free (follow 0), or is followed (1). No-op when
   no child is held. */
void dbg_fork_release(struct dbg *d, int follow);

/* Syscall catching: all (nos == NULL, n < 0), none (n == 0), or a list. */
void dbg_catch_syscalls(struct dbg *d, const int *nos, int n);
/* True when syscall nr must stop the target (entry and return). */
int dbg_catching(struct dbg *d, int nr);
/* Signals passed to the guest without a stop (QPassSignals); bit n-1 for signal n. */
void dbg_pass_signals(struct dbg *d, uint64_t set);

/* State access while stopped. Thread ids are host tids; tid <= 0 means the stopped thread. */
struct emu_cpu *dbg_thread(struct dbg *d, int tid);
int dbg_threads(struct dbg *d, int *tids, int max);
int dbg_read_mem(struct dbg *d, uint64_t addr, void *buf, size_t len);
int dbg_write_mem(struct dbg *d, uint64_t addr, const void *buf, size_t len);
/* Register by index in the ISA's gdb numbering (isa->gdb_regs); returns its size in bytes, or -errno. */
int dbg_read_reg(struct dbg *d, int tid, int regno, uint64_t *val);
int dbg_write_reg(struct dbg *d, int tid, int regno, uint64_t val);
struct emu_proc *dbg_proc(struct dbg *d);

/* ---- a target outside the emulator (src/remote: an RSP client to a board emulator's gdbstub) ---- */

/* The front-end operations of such a target, same meaning as the dbg_* calls; ctx is its state. */
struct dbg_backend {
    int (*wait)(void *ctx, struct dbg_stop *st, int timeout_ms);
    void (*resume)(void *ctx, enum dbg_mode mode, int tid, int sig);
    void (*interrupt)(void *ctx);
    void (*detach)(void *ctx);
    int (*insert_bp)(void *ctx, uint64_t addr, int hw);
    int (*remove_bp)(void *ctx, uint64_t addr);
    int (*insert_wp)(void *ctx, int type, uint64_t addr, unsigned len);
    int (*remove_wp)(void *ctx, int type, uint64_t addr, unsigned len);
    struct emu_cpu *(*thread)(void *ctx, int tid);
    int (*threads)(void *ctx, int *tids, int max);
    int (*read_mem)(void *ctx, uint64_t addr, void *buf, size_t len);
    int (*write_mem)(void *ctx, uint64_t addr, const void *buf, size_t len);
    int (*read_reg)(void *ctx, int tid, int regno, uint64_t *val);
    int (*write_reg)(void *ctx, int tid, int regno, uint64_t val);
    void (*close)(void *ctx);   /* the front end leaves: detach or shut the target down */
};
/* A debug target whose front-end calls all go to ops; p is the process view the front ends read (ISA with
   the register file and disassembler, symbols). NULL when out of memory. */
struct dbg *dbg_new_backend(struct emu_proc *p, const struct dbg_backend *ops, void *ctx);
/* The front end is leaving: a backend target detaches or shuts down and 1 is returned (the caller exits
   at once); 0 for the local target. */
int dbg_close(struct dbg *d);

/* ---- hooks the engine calls on guest threads (no-ops without a debugger) ---- */

/* Reports a stop from the current guest thread and waits, holding the emulator lock, until resumed.
   Returns the signal the front end wants delivered (for DBG_STOP_SIGNAL), else 0. */
int dbg_report(struct emu_cpu *c, struct dbg_stop *st);
/* Around a host fork of the process: prepare (1 when the child will be held), then in the parent
   (pid, or -1 when the fork failed) and in the child. Unless the front end follows it, the child's debugger
   stays with the parent: the child closes the front end's fds (dbg_set_frontend), detaches and forgets the
   decoded blocks with their traps. A followed child reports its first stop before returning. */
int dbg_fork_prepare(struct dbg *d);
void dbg_fork_parent(struct dbg *d, int pid);
void dbg_fork_child(struct emu_cpu *c);
/* Before execve of a foreign program: the extra options for the new xtrace (NULL when none), with the
   front end's fds made inheritable; dbg_exec_failed undoes that when execve returned. */
const char *const *dbg_exec_prepare(struct dbg *d);
void dbg_exec_failed(struct dbg *d);
/* True when the decoder must put a breakpoint trap before the instruction at pc. */
int dbg_is_bp(struct dbg *d, uint64_t pc);
/* True when memory ops must be decoded behind a watch check. */
int dbg_watching(struct dbg *d);
/* Op inserted before a breakpointed instruction. */
const struct op *dbg_op_break(struct emu_cpu *c, const struct op *o);
/* Op inserted before a memory op while watchpoints exist. */
const struct op *dbg_op_watch(struct emu_cpu *c, const struct op *o);
/* Run-loop check at block boundaries when p->dbg_attention is set: interrupts and stepping.
   Returns 1 when the thread must run exactly one instruction next (single step). */
int dbg_attention(struct emu_cpu *c);
/* After a single-stepped instruction. */
void dbg_step_done(struct emu_cpu *c);

#endif
