/* Remote debug target: an RSP client to a board emulator's gdbstub behind the debug target interface. */
#ifndef XTRACE_REMOTE_H
#define XTRACE_REMOTE_H

#include <stddef.h>
#include <stdint.h>

#include "debug.h"
#include "rspc.h"
#include "tdesc.h"

struct emu_cpu;
struct rview;

#define REMOTE_MAX_BP 64
#define REMOTE_MAX_WP 16
#define REMOTE_MAX_THREADS 64
#define REMOTE_LINES 64          /* memory cache lines */
#define REMOTE_LINE 64           /* bytes per line */
#define REMOTE_MAX_RAM 16        /* ranges where reading ahead is harmless (loaded ELF segments) */

struct remote {
    struct rspc c;               /* the connection */
    char spec[256];              /* where it goes (HOST:PORT, unix:PATH) */
    struct tdesc td;             /* the register file the stub described */
    /* what the stub offers */
    int multiprocess;            /* thread ids are pPID.TID */
    int no_x;                    /* X was refused: memory writes use M */
    int no_P;                    /* P was refused: register writes go through G */
    int no_z[5];                 /* Z<type> was refused */
    size_t mem_chunk;            /* longest m read (0x800 on qemu) */
    int pid;                     /* process id in thread ids (1) */
    /* registers: index i is td.regs[i] (the gdb numbering the front ends see) */
    int *goff;                   /* byte offset of register i in the g packet, -1 when not in it */
    size_t glen;                 /* bytes the g packet carries */
    uint8_t *gbuf;               /* its contents */
    int g_valid;                 /* gbuf holds the registers of this stop */
    size_t g_got;                /* bytes the last g reply carried */
    uint8_t (*pval)[64];         /* per-register values read with p (up to 512 bits) */
    uint8_t *p_valid;            /* pval[i] is current: 1, unavailable: 2 */
    int r_pc, r_sp, r_cpsr;      /* indexes of pc, sp and cpsr/xpsr (-1 when absent) */
    int little;                  /* target byte order is little-endian */
    int no_regs;                 /* the description could not be used: no registers */
    /* run state */
    int running;                 /* resumed and no stop seen yet */
    int stepping;                /* the running resume was a single step */
    int has_stop;                /* stop is waiting for dbg_wait */
    struct dbg_stop stop;        /* that stop */
    char *raw_stop;              /* a stop reply received while waiting for something else */
    int exited;                  /* the board powered off (W/X) */
    int gone;                    /* the connection is closed */
    int detached;                /* D was sent */
    int cur_tid;                 /* the thread of the last stop */
    int hg_tid;                  /* the thread Hg selected (register and memory accesses) */
    int tids[REMOTE_MAX_THREADS];/* threads at this stop */
    int ntids;                   /* count (0: not asked yet) */
    struct emu_cpu *cpus[REMOTE_MAX_THREADS]; /* per-thread headers handed out by dbg_thread */
    int ncpus;                   /* headers allocated */
    /* breakpoints and watchpoints */
    struct { uint64_t addr; int type; int kind; } bp[REMOTE_MAX_BP]; /* type: 0 software (Z0), 1 hardware (Z1) */
    int nbp;                     /* count */
    struct { uint64_t addr; unsigned len; int type; uint64_t val; } wp[REMOTE_MAX_WP]; /* type: enum dbg_watch */
    int nwp;                     /* count */
    /* memory cache (cleared at every resume and write) */
    struct { uint64_t addr; int valid; uint8_t b[REMOTE_LINE]; } line[REMOTE_LINES];
    struct { uint64_t lo, hi; } ram[REMOTE_MAX_RAM]; /* where reading ahead cannot touch a device */
    int nram;                    /* count */
    /* what the front end and the owner hook in */
    struct rview *view;          /* the process view (ISA, symbols) */
    void (*message)(void *ctx, const char *text); /* a line for the user (connection lost, O output) */
    void (*on_close)(void *ctx); /* the front end leaves: shuts a started board down */
    void (*on_stop)(void *ctx);  /* a stop is about to be reported (lets the UART output before it settle) */
    void *ctx;                   /* argument of both */
    int quiet;                   /* while connecting: failures become remote_open's one message */
};

/* Connects to a gdbstub, reads its target description and the current stop; returns 0, or -1 with a
   message (refused connection, a stub that closes, a description that does not parse). */
int remote_open(struct remote *r, const char *spec, char *err, size_t errsz);
/* The debug target interface over r (dbg_new_backend). */
extern const struct dbg_backend remote_backend;
/* Runs a monitor command (qRcmd) and returns its output (malloc'd) in *out; 0 or -errno. */
int remote_monitor(struct remote *r, const char *cmd, char **out);
/* Marks [lo, hi) as memory (a loaded ELF segment): reads there may fetch whole cache lines. */
void remote_add_ram(struct remote *r, uint64_t lo, uint64_t hi);
/* Register value by front-end index (low 64 bits); returns its size in bytes or -errno. */
int remote_read_reg(struct remote *r, int tid, int i, uint64_t *val);
/* Reads target memory (split into reads the stub takes, cached per stop); 0 or -EFAULT. */
int remote_read_mem(struct remote *r, uint64_t addr, void *buf, size_t len);

/* Internals shared by target.c and run.c. */
int remote_request(struct remote *r, const char *payload, size_t n, int timeout_ms);
void remote_invalidate(struct remote *r);
int remote_select(struct remote *r, int tid);
void remote_say(struct remote *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int remote_parse_stop(struct remote *r, const char *pkt, struct dbg_stop *st);
void remote_interrupt_and_wait(struct remote *r);

#endif
