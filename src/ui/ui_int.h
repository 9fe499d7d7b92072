/* Front-end internals shared by the line mode and the TUI: session state, breakpoints, frames, expressions. */
#ifndef XTRACE_UI_INT_H
#define XTRACE_UI_INT_H

#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "debug.h"
#include "emu.h"
#include "symtab.h"
#include "ui.h"

struct ui;
struct ui_func;

#define UI_MAX_REGS 512          /* registers a target may describe (a board's system registers included) */

/* ---- expressions (expr.c) ---- */

/* A C-like type: integer of size 1/2/4/8, signedness, pointer depth, code or floating point. */
enum { TY_VOID = 0, TY_INT, TY_CODE, TY_FLOAT };
struct ui_type {
    uint8_t kind;        /* TY_* of the base type */
    uint8_t size;        /* base size in bytes (1, 2, 4, 8) */
    uint8_t uns;         /* unsigned base */
    uint8_t ptr;         /* pointer depth */
};

/* A value: its bits, type, and where it lives when it is an lvalue. */
struct ui_val {
    uint64_t v;          /* the value (zero/sign extended to 64 bits) */
    struct ui_type t;    /* its type */
    int lval;            /* 0 none, 1 memory at addr, 2 register reg, 3 convenience variable */
    uint64_t addr;       /* memory address */
    int reg;             /* gdb register number, or convenience slot */
    int notype;          /* a symbol without type information (a cast reinterprets its memory) */
    const char *sym;     /* function symbol name for {<text variable>} printing */
};

/* Evaluates s; returns 0 with *out, or -1 with a message printed. */
int ui_eval(struct ui *u, const char *s, struct ui_val *out);
/* Parses a type name ("int", "unsigned long", "char *") at *s; returns 0 and advances, or -1. */
int ui_parse_type(const char **s, struct ui_type *t);
/* Prints v in gdb's style with format fmt (0, 'x', 'd', 'u', 'o', 't', 'c', 'a') into buf. */
void ui_format_val(struct ui *u, const struct ui_val *v, int fmt, char *buf, size_t n);
/* Appends v to the value history ($N). */
void ui_record_value(struct ui *u, const struct ui_val *v);
/* After finish out of f: "Value returned is $N = V" when f returns an integer base type. */
void ui_print_return(struct ui *u, const struct ui_func *f);
/* Stores x into the lvalue v; returns 0 or -1 with a message. */
int ui_assign(struct ui *u, const struct ui_val *v, uint64_t x);

/* ---- breakpoints (session.c) ---- */

enum { BP_BREAK = 1, BP_WATCH, BP_CATCH, BP_EXEC };

struct ui_bp {
    int num;             /* user-visible number */
    int kind;            /* BP_* */
    int enabled;         /* inserted into the target when set */
    int temp;            /* tbreak: deleted at its first stop */
    int hw;              /* hbreak: held by the target's debug unit */
    int hits;            /* times it stopped the program */
    uint64_t addr;       /* code address or watched address */
    unsigned len;        /* watched bytes */
    int wtype;           /* enum dbg_watch */
    uint64_t wval;       /* last known watched value */
    char *what;          /* the text the user gave (location or expression) */
    char *cond;          /* "if" condition, or NULL */
    int *sysnos;         /* caught syscalls (catch), NULL with nsys < 0 for all */
    int nsys;            /* entries in sysnos, -1 for every syscall */
    int pending;         /* a location not found in this program (set later, or after an exec): not inserted */
};

/* ---- frames (frames.c) ---- */

struct ui_frame {
    uint64_t pc;         /* where this frame executes (a return address for outer frames) */
    uint64_t sp;         /* stack pointer in this frame */
    uint64_t fp;         /* frame pointer register value in this frame */
    uint64_t cfa;        /* the caller's sp (the frame's base) */
    uint64_t ra_at;      /* where the return address is saved, 0 when in a register */
    uint64_t fp_at;      /* where the caller's frame pointer is saved, 0 when not saved */
};

#define UI_MAX_FRAMES 64

/* Walks the stack of the selected thread from its registers; returns the number of frames. */
int ui_unwind(struct ui *u, struct ui_frame *f, int max);
/* True when the instruction text is a call that returns to the next instruction. */
int ui_is_call(struct ui *u, const char *insn);

/* ---- ELF symbols of the main image (syms.c) ---- */

struct ui_sym {
    uint64_t addr, size; /* relocated address and size */
    int func;            /* function (else data object) */
    char *name;          /* symbol name */
};

/* Reads the main image's symbols (for sizes, kinds and completion); keeps the result in u. */
void ui_syms_load(struct ui *u);
/* The symbol named name, or NULL. */
const struct ui_sym *ui_sym_find(struct ui *u, const char *name);
/* Source line info from DWARF .debug_line, when the image has it. */
struct ui_line {
    uint64_t addr;       /* first address of the row */
    const char *file;    /* file name (no directory) */
    const char *path;    /* full path of the file as compiled */
    int line;            /* line number */
    int stmt;            /* is_stmt */
};
/* The line row covering addr, or NULL. */
const struct ui_line *ui_line_at(struct ui *u, uint64_t addr);
/* The first statement address of file:line (file may be NULL for "any"), 0 if none. */
uint64_t ui_line_addr(struct ui *u, const char *file, int line);
/* The address after the prologue of the function starting at fn, from line rows; fn itself when unknown. */
uint64_t ui_skip_prologue(struct ui *u, uint64_t fn);
/* Text of line n of the source file path (without the newline), or NULL. */
const char *ui_source_line(struct ui *u, const char *path, int n);
/* A function from DWARF .debug_info: its code range and the base type it returns. */
struct ui_func {
    uint64_t lo, hi;     /* relocated [lo, hi) */
    unsigned ret_size;   /* byte size of the returned base type (0: void or not a base type) */
    int ret_enc;         /* its DW_ATE_* encoding */
};
/* The DWARF function whose code holds addr, or NULL. */
const struct ui_func *ui_func_at(struct ui *u, uint64_t addr);

/* ---- session ---- */

/* What a resume is for; the stop handler decides from this when the command is done. */
enum { OP_NONE = 0, OP_CONT, OP_STEPI, OP_NEXTI, OP_FINISH, OP_UNTIL, OP_STEP, OP_NEXT };

struct run_op {
    int kind;            /* OP_* */
    long count;          /* steps left */
    uint64_t tmp;        /* internal temporary breakpoint, or 0 */
    uint64_t sp;         /* frame check for nexti/finish: stop only when sp >= this */
    uint64_t start_pc;   /* pc when a source step started */
    int start_line;      /* line when a source step started */
    uint64_t fn_lo;      /* function of a source step */
    uint64_t step_sp;    /* sp when a source step started (a larger one means the function returned) */
    uint64_t stepover_bp; /* a breakpoint lifted to step off it (reinserted at the next stop) */
    int last_step;      /* the last resume was a single step */
    const struct ui_func *ret_fn; /* finish: the DWARF function returning (its value is printed), or NULL */
};

struct ui_display {
    int num;             /* display number */
    char fmt;            /* 0, or 'i'/'x'/... */
    char *expr;          /* expression text */
};

/* One named value of the ISA's gdb register file. */
struct ui_reg {
    const char *name;    /* gdb name */
    unsigned bits;       /* width */
    int type;            /* 0 int, 1 code_ptr, 2 data_ptr, 3 float */
};

/* A picture of the target at a stop: what the panels draw and what the next stop is compared with. */
struct ui_snap {
    int valid;           /* taken at a stop */
    int tid;             /* thread */
    uint64_t pc;         /* its pc */
    uint64_t regs[UI_MAX_REGS]; /* gdb registers (low 64 bits) */
    int nframes;         /* frames in f */
    struct ui_frame f[UI_MAX_FRAMES];
    uint64_t mem_addr;   /* memory window start */
    uint8_t mem[512];    /* memory window bytes */
    uint8_t mem_ok[512]; /* byte was readable */
};

struct ui {
    struct dbg *d;               /* the target */
    struct emu_proc *p;          /* its process (for symbols, mappings, the ISA) */
    const struct emu_isa *isa;   /* guest ISA */
    int mode;                    /* UI_CLI or UI_TUI */
    void (*write)(struct ui *u, const char *s, size_t n); /* where command output goes */
    int addr_digits;             /* 16 or 8: width of padded addresses */
    /* target state */
    int alive;                   /* the process exists and can be resumed */
    int stopped;                 /* the target is parked in a stop */
    int exited;                  /* stopped at EXIT or KILLED: resuming ends the process */
    struct dbg_stop st;          /* the last stop */
    int step_inflight;           /* a step was interrupted by another stop: its STEP report is still due */
    int tid;                     /* selected thread (0: the stopped one) */
    int frame;                   /* selected frame */
    int thread_ids[256];         /* host tid of gdb thread number i+1 */
    int nthread_ids;             /* numbers given out */
    struct run_op op;            /* the command being executed while running */
    int running;                 /* the target runs for op */
    volatile sig_atomic_t intr;  /* Ctrl-C seen (line mode) */
    int quit;                    /* the user asked to quit */
    /* breakpoints */
    struct ui_bp *bps;           /* user breakpoints, watchpoints, catchpoints */
    int nbps;                    /* entries used */
    int bp_next;                 /* next number */
    struct { uint64_t addr; int refs; int hw; } ins[512]; /* code addresses inserted into the target, refcounted */
    int nins;                    /* entries used */
    /* printing */
    struct ui_val *hist;         /* value history $1.. */
    int nhist;                   /* values kept */
    struct { char name[32]; uint64_t v; } conv[32]; /* convenience variables */
    int nconv;                   /* used */
    struct ui_display disp[32];  /* display list */
    int ndisp;                   /* used */
    int disp_next;               /* next display number */
    char xfmt, xsize;            /* last x/FMT */
    uint64_t xnext;              /* address after the last x */
    /* registers */
    struct ui_reg regs[UI_MAX_REGS]; /* gdb register file */
    int nregs;                   /* registers */
    int ngeneral;                /* registers "info registers" shows */
    int r_pc, r_sp, r_fp, r_ra;  /* well-known registers (-1 when none) */
    /* symbols and lines */
    struct ui_sym *syms;         /* main image symbols sorted by address */
    size_t nsyms;                /* count */
    struct ui_line *lines;       /* line table sorted by address */
    size_t nlines;               /* count */
    char **files;                /* source paths by file index */
    size_t nfiles;               /* count */
    struct ui_func *funcs;       /* DWARF functions sorted by lo */
    size_t nfuncs;               /* count */
    struct ui_srcfile { char *path; char *text; char **lines; int n; } src[8]; /* cached sources */
    /* snapshots for the TUI */
    struct ui_snap snap, prev;   /* the current stop and the one before */
    uint64_t mem_view;           /* memory panel address (0: follow sp) */
    char last_cmd[256];          /* for repeating with an empty line */
    int interactive;             /* commands come from a person (an empty line repeats the last one) */
    char list_path[512];         /* file the last list showed */
    int list_line;               /* next line list shows */
    void *tui;                   /* TUI state */
    void (*leave)(struct ui *u); /* gives the terminal back before the process image goes away (exec) */
    FILE *script;                /* -x FILE being read (its rest goes with the front end across an exec) */
    int pending_on;              /* set breakpoint pending on: an unknown location makes a pending breakpoint */
    int handoff_fd;              /* state written for the xtrace an exec starts, -1 when none (exec failed) */
};

/* Command output. */
void ui_printf(struct ui *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "Breakpoint 1, " style errors end the current command: prints and returns -1. */
int ui_error(struct ui *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Sets up u for d (registers, symbols); returns 0 or -1. */
int ui_session_init(struct ui *u, struct dbg *d, int mode);
/* Waits for the first stop (DBG_STOP_START). */
void ui_wait_start(struct ui *u);
/* Executes one command line; returns 0 (also on command errors). */
int ui_execute(struct ui *u, const char *line);
/* Starts the target for op (continue, step...). Returns 0, or -1 with a message when it cannot run. */
int ui_start(struct ui *u, const struct run_op *op);
/* While running: waits up to timeout_ms for a stop and handles it; returns 1 when the command finished. */
int ui_poll(struct ui *u, int timeout_ms);
/* Asks the running target to stop. */
void ui_interrupt(struct ui *u);
/* Lets the process end (after an exit stop) or leaves it; does not return. */
void ui_finish_process(struct ui *u, int status) __attribute__((noreturn));
/* Takes a snapshot of the stopped target into u->snap (the previous one moves to u->prev). */
void ui_take_snapshot(struct ui *u);

/* Thread in use (host tid), and the gdb number of a host tid. */
int ui_cur_tid(struct ui *u);
int ui_thread_num(struct ui *u, int tid);
/* Register value by gdb number in the selected frame (frame 0 values except pc/sp/fp/ra). */
uint64_t ui_reg(struct ui *u, int regno);
/* A flags register's value decoded as "[ M=usr T C Z ]" (regflags.c); returns 0 when regno has no field table. */
int ui_reg_flags(struct ui *u, int regno, uint64_t v, char *buf, size_t n);
/* Register number by name ("a0", "pc", "fp"/"s0"), -1 if none. */
int ui_reg_num(struct ui *u, const char *name);
/* Reads/writes guest memory; returns 0 or -1. */
int ui_read(struct ui *u, uint64_t addr, void *buf, size_t n);
int ui_write_mem(struct ui *u, uint64_t addr, const void *buf, size_t n);
/* "<main+4>" for addr (empty when no symbol). */
void ui_symbolize(struct ui *u, uint64_t addr, char *buf, size_t n);
/* "0x0000000000010470 in main ()" / "main () at f.c:5" for a frame line. */
void ui_frame_line(struct ui *u, const struct ui_frame *f, int level, char *buf, size_t n);
/* Prints the stop location: the frame line and, with line info, the source line. */
void ui_print_location(struct ui *u, int with_addr);
/* Syscall number from a name, -1 if none; and the name of a number. */
int ui_sysno(struct ui *u, const char *name);
const char *ui_sysname(struct ui *u, int nr);
/* Breakpoints. */
struct ui_bp *ui_bp_new(struct ui *u, int kind);
void ui_bp_delete(struct ui *u, struct ui_bp *b);
void ui_bp_enable(struct ui *u, struct ui_bp *b, int on);
struct ui_bp *ui_bp_get(struct ui *u, int num);
int ui_code_bp_at(struct ui *u, uint64_t addr); /* a user breakpoint is set and enabled there */
/* Resolves a location ("*0x10470", "main", "f.c:12", "12"); returns 0 and the address, or -1 with a message. */
int ui_location(struct ui *u, const char *spec, uint64_t *addr);
/* The step-back log: record before a single step, forget on a free run. */
void ui_undo_record(struct ui *u);
void ui_undo_clear(struct ui *u);
int ui_undo_depth(void);
/* ---- following an exec (follow.c) ---- */

/* At an exec stop: when the new program is foreign, writes the session's state for the re-executed xtrace and
   registers it with the target (dbg_set_frontend); returns 1 then (resume and the exec proceeds), else 0. */
int ui_exec_follow(struct ui *u, const struct dbg_stop *st);
/* After an exec that did not happen (execve failed): forgets the hand-over. */
void ui_exec_abandon(struct ui *u);
/* In the re-executed xtrace, after the first stop: restores the state, reports the exec and resumes as the old
   session would have. Returns the rest of the -x script (or NULL). */
FILE *ui_exec_resume(struct ui *u, FILE *script);
/* True when this xtrace continues a session from before an exec (ui_resume_from succeeded). */
int ui_resuming(void);

/* Re-applies catchpoints to the target. */
void ui_sync_catch(struct ui *u);
/* Prints the active displays. */
void ui_do_displays(struct ui *u);
/* Prints n instructions from addr as x/i does (marking pc). */
void ui_print_insns(struct ui *u, uint64_t addr, int n);

/* ---- commands (cmd.c, cmd_run.c, cmd_data.c) ---- */

struct ui_cmd {
    const char *name;    /* full name */
    const char *alias;   /* gdb abbreviations ("c", "si"), space separated, or NULL */
    int (*fn)(struct ui *u, char *args, const char *name);
    const char *help;    /* one line */
};
extern const struct ui_cmd ui_cmds[];
/* Every command name, NULL terminated (completion). */
const char *ui_cmd_name(int i);

int cmd_break(struct ui *u, char *a, const char *n);
int cmd_delete(struct ui *u, char *a, const char *n);
int cmd_enable(struct ui *u, char *a, const char *n);
int cmd_watch(struct ui *u, char *a, const char *n);
int cmd_catch(struct ui *u, char *a, const char *n);
int cmd_continue(struct ui *u, char *a, const char *n);
int cmd_stepi(struct ui *u, char *a, const char *n);
int cmd_step(struct ui *u, char *a, const char *n);
int cmd_finish(struct ui *u, char *a, const char *n);
int cmd_until(struct ui *u, char *a, const char *n);
int cmd_run(struct ui *u, char *a, const char *n);
int cmd_quit(struct ui *u, char *a, const char *n);
int cmd_x(struct ui *u, char *a, const char *n);
int cmd_print(struct ui *u, char *a, const char *n);
int cmd_display(struct ui *u, char *a, const char *n);
int cmd_undisplay(struct ui *u, char *a, const char *n);
int cmd_set(struct ui *u, char *a, const char *n);
int cmd_info(struct ui *u, char *a, const char *n);
int cmd_disassemble(struct ui *u, char *a, const char *n);
int cmd_frame(struct ui *u, char *a, const char *n);
int cmd_bt(struct ui *u, char *a, const char *n);
int cmd_thread(struct ui *u, char *a, const char *n);
int cmd_list(struct ui *u, char *a, const char *n);
int cmd_help(struct ui *u, char *a, const char *n);
int cmd_memory(struct ui *u, char *a, const char *n);
int cmd_reverse_stepi(struct ui *u, char *a, const char *n);
int cmd_info_breakpoints(struct ui *u, char *a, const char *n);
int cmd_info_registers(struct ui *u, char *a, const char *n);
int cmd_info_frame(struct ui *u, char *a, const char *n);
int cmd_info_threads(struct ui *u, char *a, const char *n);
int cmd_uart(struct ui *u, char *a, const char *n);
int cmd_monitor(struct ui *u, char *a, const char *n);
int cmd_interrupt(struct ui *u, char *a, const char *n);
/* True when the command line may run while the target runs (uart, interrupt, quit, help). */
int ui_cmd_while_running(const char *line);

/* ---- the TUI and the console (tui.c, console.c) ---- */

int ui_tui_run(struct ui *u, FILE *script);
/* Console pty master fd (-1 when none) and the saved terminal fds. */
int ui_console_master(void);
int ui_tty_in(void);
int ui_tty_out(void);
/* Takes over the console of a session from before an exec: the pty master and the real terminal's fds. */
void ui_console_adopt(int master, int tin, int tout);
struct ui_text;
/* Reads what the guest printed into the console text; the text; sends keys to the guest. */
void ui_console_pump(void);
struct ui_text *ui_console_text(void);
void ui_console_send(const char *s, size_t n);
/* Tells the guest's terminal its size (the console panel's). */
void ui_console_resize(int rows, int cols);
/* The syscall log text (lock it while reading: guest threads append). */
struct ui_text *ui_syslog_text(void);
void ui_syslog_lock(int on);
/* ~/.xtrace_history or $XTRACE_HISTORY, NULL for none. */
const char *ui_history_path(void);

#endif
