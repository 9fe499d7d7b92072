/* Core emulator types: the process, the per-thread CPU header, decoded ops and blocks, and the ISA backend interface. */
#ifndef XTRACE_EMU_H
#define XTRACE_EMU_H

#include <pthread.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct emu_cpu;
struct emu_proc;
struct op;
struct sys_ent;

/* A decoded guest instruction: a handler and its pre-extracted operands.
   A handler either continues with the next op (OP_NEXT: a tail call, so every handler ends in its own
   indirect jump, which the host predicts far better than one shared dispatch site), or returns NULL to
   leave the block with cpu->pc holding the next pc. Blocks are short, so the chain is bounded even
   where the compiler does not turn it into a jump. */
typedef const struct op *(*op_fn)(struct emu_cpu *cpu, const struct op *op);

#define OP_NEXT(c, o) return (o)[1].fn((c), (o) + 1)

struct op {
    op_fn fn;            /* handler */
    int64_t imm;         /* immediate, branch target or other constant */
    uint64_t pc;         /* guest address of this instruction */
    uint8_t rd, rs1, rs2, rs3; /* register operands (meaning is the ISA's) */
    uint8_t rm;          /* rounding mode / sub-op selector */
    uint8_t len;         /* instruction length in bytes */
    uint16_t aux;        /* ISA-specific extra operand (e.g. a CSR number) */
};

/* A run of decoded ops starting at one guest pc; the last op always leaves the block. */
struct block {
    uint64_t pc;         /* guest pc of the first instruction */
    uint64_t end;        /* guest address just past the last instruction */
    uint32_t ninsn;      /* number of guest instructions */
    uint32_t nops;       /* number of ops in ops[] */
    struct op ops[];     /* the decoded instructions */
};

/* Appends decoded ops while the ISA backend decodes a block. */
struct blk_builder {
    struct op *ops;      /* op buffer */
    uint32_t nops;       /* ops used */
    uint32_t cap;        /* ops available */
    int end;             /* set by the decoder when the block must end after this instruction */
};

/* A guest signal disposition (guest numbering and flag values). */
struct guest_sigaction {
    uint64_t handler;            /* guest SIG_DFL (0), SIG_IGN (1) or handler address */
    uint64_t flags;              /* guest SA_* */
    uint64_t restorer;           /* sa_restorer where the ABI has one */
    uint64_t mask;               /* blocked during the handler */
};

/* What a queued guest signal carries into its siginfo. */
struct sig_info {
    int code;                    /* si_code */
    int pid, uid;                /* sender for kill/tgkill (timer id and overrun for SI_TIMER) */
    uint64_t addr;               /* si_addr for faults */
    uint64_t value;              /* si_value for SI_QUEUE, SI_TIMER and SI_MESGQ */
};

/* Writes the generic siginfo (signo, errno, code, then the union at the first word-aligned offset) for a guest
   whose word is word bytes: si_addr for a kernel-raised fault, else sender (or timer) and si_value. */
void sig_fill_siginfo(uint8_t *si, unsigned word, int sig, const struct sig_info *info);

/* What an ISA backend says about one register for crash reports, gdb and the TUI. */
struct isa_reg {
    const char *name;    /* ABI name ("a0", "x1", "pc") */
    unsigned bits;       /* width in bits */
    size_t offset;       /* byte offset inside the ISA's cpu struct */
    uint64_t (*get)(struct emu_cpu *c);        /* accessor when the value is computed (else NULL) */
    void (*set)(struct emu_cpu *c, uint64_t v); /* setter when computed or read-only (else NULL) */
};

/* Syscall ABI and everything else a backend contributes; the core only calls through this table. */
struct emu_isa {
    const char *name;            /* "riscv64" */
    uint16_t elf_machine;        /* e_machine it runs */
    uint8_t elf_class;           /* ELFCLASS32 or ELFCLASS64 */
    const char *uname_machine;   /* utsname.machine the guest sees */
    const char *platform;        /* AT_PLATFORM string, or NULL */
    unsigned addr_bits;          /* guest virtual address width (user half) */
    size_t cpu_size;             /* sizeof the ISA's cpu struct (starts with struct emu_cpu) */
    const struct sys_ent *const *systab; /* syscall table indexed by number (built at start-up) */
    unsigned nsys;               /* entries in systab */
    const struct isa_reg *regs;  /* register file description, NULL-name terminated */
    const struct isa_reg *gdb_regs; /* registers in gdb's numbering (the target XML's order) */
    const char *const *gdb_xml;  /* target description files: {"target.xml", text, name, text, ..., NULL} */
    /* Classifies a memory op: 0 not one, 1 read, 2 write, 3 both; with c, also its address and length. */
    int (*mem_ref)(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len);
    /* Says why an ELF with these e_flags cannot run, or NULL when it can. */
    const char *(*check_elf)(uint32_t e_flags);
    /* Sets up a fresh thread at entry with stack pointer sp. */
    void (*cpu_init)(struct emu_cpu *cpu, uint64_t entry, uint64_t sp);
    /* Decodes one instruction at pc into b; returns its length, or 0 when pc is not readable. */
    int (*decode)(struct emu_proc *p, uint64_t pc, struct blk_builder *b);
    /* Reads the syscall number and its six arguments. */
    void (*sys_args)(struct emu_cpu *cpu, uint64_t *nr, uint64_t a[6]);
    /* Stores a syscall result (a negative guest errno on failure). */
    void (*sys_ret)(struct emu_cpu *cpu, int64_t ret);
    /* Disassembles the instruction at pc; returns its length (0 if unreadable). */
    int (*disasm)(struct emu_proc *p, uint64_t pc, char *out, size_t outsz);
    int has_sa_restorer;         /* struct sigaction carries sa_restorer */
    int pair_align;              /* 32-bit ABIs: a 64-bit argument starts at an even register (arm EABI, mips o32) */
    const char *cpuinfo;         /* one /proc/cpuinfo block; every %d is the processor number */
    /* Builds a signal frame for sig on the stack at sp (already chosen, alt stack applied) and points
       the thread at handler; returns 0 or -EFAULT when the frame cannot be written. */
    int (*sig_setup)(struct emu_cpu *cpu, int sig, const struct sig_info *info, const struct guest_sigaction *act,
                     uint64_t sp);
    /* Undoes the frame on rt_sigreturn; returns the value to leave in the result register, or -EFAULT. */
    int64_t (*sig_return)(struct emu_cpu *cpu);
    /* Return addresses of the guest's call stack, innermost first (pcs[0] = pc); returns how many. */
    int (*unwind)(struct emu_cpu *cpu, uint64_t *pcs, int max);
    /* Current stack pointer (for choosing the signal stack). */
    uint64_t (*get_sp)(struct emu_cpu *cpu);
    /* Prepares a clone/fork child copied from its parent: result register 0, new stack if nonzero,
       thread pointer when set_tls. */
    void (*clone_child)(struct emu_cpu *child, uint64_t stack, uint64_t tls, int set_tls);
    uint8_t clone_tls_arg;       /* which clone argument holds tls (3 on generic ABIs, 4 on x86-64) */
    uint8_t clone_ctid_arg;      /* which holds child_tidptr (4 on generic ABIs, 3 on x86-64) */
    /* Guest O_* bits that differ from the host's, {guest, host} pairs ending with {0, 0}; NULL when equal. */
    const uint32_t (*open_flags)[2];
    /* Value of AT_HWCAP for what the backend implements. */
    uint64_t hwcap;
};

/* Why the run loop left guest code. */
enum emu_stop {
    STOP_NONE = 0,
    STOP_EXIT,           /* the thread or process exited (cpu->exit_code) */
    STOP_SIGNAL,         /* a synchronous guest signal is pending (cpu->sig_*) */
    STOP_DEBUG,          /* leave the block for the debugger (single step, changed pc) */
};

/* Per-thread CPU state header; an ISA's cpu struct begins with this. */
struct emu_cpu {
    struct emu_proc *proc;       /* the process this thread belongs to */
    uint64_t pc;                 /* guest pc when outside a block */
    uint64_t instret;            /* guest instructions retired (block granularity) */
    const struct op *cur;        /* the op that may fault (set by memory ops before the access) */
    enum emu_stop stop;          /* set by an op to leave the run loop */
    int exit_code;               /* exit status with STOP_EXIT */
    int exit_group;              /* STOP_EXIT ends the process, not only this thread */
    int sig;                     /* guest signal number with STOP_SIGNAL */
    int sig_code;                /* si_code */
    uint64_t sig_addr;           /* si_addr */
    uint32_t sig_insn;           /* the raw faulting instruction for SIGILL reports */
    int tid;                     /* host thread id */
    struct emu_cpu *next_thread; /* next thread of the process */
    uint64_t sigmask;            /* blocked guest signals (bit n-1 for signal n) */
    uint64_t pending;            /* queued guest signals (bit n-1 for signal n) */
    struct sig_info pinfo[65];   /* what each pending signal carries */
    uint64_t saved_sigmask;      /* mask to restore after rt_sigsuspend's handler */
    int restore_sigmask;         /* saved_sigmask is valid */
    uint64_t altstack_sp;        /* sigaltstack base, 0 when none */
    uint64_t altstack_size;      /* sigaltstack size */
    int altstack_flags;          /* SS_DISABLE etc. */
    uint64_t clear_child_tid;    /* set_tid_address pointer */
    uint64_t robust_list;        /* set_robust_list head */
    uint64_t robust_len;         /* its length */
    sigjmp_buf fault_jmp;        /* where a host fault inside guest code lands */
    int host_tid;                /* the host thread running it (tid may be the pid instead), for wake-ups */
    int blocking;                /* in (or entering) a blocking host call: wake.c may interrupt it */
    unsigned block_seq;          /* counts blocking calls, so a waker knows it is still the same one */
};

/* Process-wide state: address space, loaded image, options, block cache. */
struct emu_proc {
    const struct emu_isa *isa;   /* the guest architecture */
    struct mem *mem;             /* the guest address space */
    struct bcache *bc;           /* decoded-block cache */
    uint64_t entry;              /* program entry (AT_ENTRY) */
    uint64_t start_pc;           /* first guest pc: the interpreter's entry, or entry when static */
    uint64_t interp_base;        /* interpreter load base (AT_BASE), 0 if static */
    uint64_t load_bias;          /* main image load bias */
    uint64_t brk_start, brk_cur; /* program break */
    uint64_t auxv_addr, auxv_len; /* guest auxv location (for /proc/self/auxv) */
    uint64_t arg_start, arg_end; /* the argument strings on the initial stack (/proc/self/cmdline) */
    uint64_t env_start, env_end; /* the environment strings (/proc/self/environ) */
    char *exe_path;              /* absolute host path of the guest program */
    const char *sysroot;         /* -L directory, or NULL */
    struct symtab *syms;         /* symbols of the main image and interpreter, for reports */
    struct trace *trace;         /* syscall log state, NULL when not tracing */
    int unknown_sys_seen[512];   /* unknown syscall numbers already reported */
    pthread_mutex_t lock;        /* the emulator lock: held while guest code runs */
    int nthreads;                /* live guest threads */
    struct emu_cpu *threads;     /* live guest threads, newest first */
    struct dbg *dbg;             /* attached debugger, or NULL */
    volatile int dbg_attention;  /* the debugger wants the run loop to look (interrupt, step) */
    volatile int waiters;        /* threads waiting for the lock */
    const char *self_exe;        /* xtrace's own binary, for re-executing foreign children */
    char **reexec_opts;          /* options a re-executed xtrace gets (NULL-terminated) */
    struct guest_sigaction sigact[65]; /* per guest signal number */
};

/* Runs guest code on cpu (with p->lock held) until the thread exits; the process exits or dies from here. */
void emu_run(struct emu_cpu *cpu) __attribute__((noreturn));
/* Runs the first guest thread on a new host thread (stopping first when a debugger is attached), so the
   calling thread can serve a front end; returns 0 or -errno. */
int emu_start_thread(struct emu_cpu *cpu);
/* Ends the process with a guest exit status, closing the log. */
void emu_exit_process(struct emu_proc *p, int status) __attribute__((noreturn));
/* Ends the process by guest signal sig (so a parent sees the same status). */
void emu_die_signal(struct emu_proc *p, int sig) __attribute__((noreturn));
/* The emulator lock, released around blocking syscalls. */
void emu_lock(struct emu_proc *p);
void emu_unlock(struct emu_proc *p);

/* Handles a syscall instruction (cpu->cur is its op, cpu->pc the next pc): reads arguments, dispatches,
   traces, writes the result; an interrupted SA_RESTART syscall is re-run after the handler. */
void emu_syscall(struct emu_cpu *cpu);

/* Raises a synchronous guest signal from inside an op; the op must return NULL afterwards. */
void emu_raise(struct emu_cpu *cpu, int sig, int code, uint64_t addr);

/* The guest thread running on the calling host thread, or NULL. */
struct emu_cpu *emu_current(void);

/* Prints a warning prefixed "xtrace: " to stderr. */
void emu_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
