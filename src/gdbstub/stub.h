/* GDB stub internals shared by the server loop, the packet handlers, qXfer objects and vFile. */
#ifndef XTRACE_GDBSTUB_STUB_H
#define XTRACE_GDBSTUB_STUB_H

#include <stddef.h>
#include <stdint.h>

#include "debug.h"
#include "rsp.h"
#include "gdbstub.h"

#define GDB_MAX_BP 256           /* breakpoints this connection keeps track of */
#define GDB_MAX_WP 32            /* watchpoints likewise */
#define GDB_MAX_VFILES 16        /* vFile descriptors open at once */

/* A breakpoint address gdb inserted, counted per kind so Z0 and Z1 at one address coexist. */
struct gdb_bp {
    uint64_t addr;               /* where */
    int sw, hw;                  /* Z0 / Z1 insertions outstanding */
};

/* A watchpoint gdb inserted (removed again when gdb goes away). */
struct gdb_wp {
    uint64_t addr;               /* first byte */
    unsigned len;                /* bytes */
    int type;                    /* enum dbg_watch */
};

struct gdbstub {
    int lfd;                     /* listening socket */
    char *unix_path;             /* socket file to remove at exit (unix:PATH), else NULL */
    char addr[160];              /* what we listen on, for messages */
    int fd;                      /* connected gdb, -1 while none */
    struct rsp rsp;              /* framing state of that connection */
    struct dbg *d;               /* the target */
    struct emu_proc *p;          /* its process */
    int pid;                     /* the process id gdb sees (the guest's getpid()) */
    int running;                 /* resumed: a stop is awaited */
    struct dbg_stop stop;        /* where the target stands while stopped */
    int multiprocess;            /* gdb agreed to pPID.TID thread ids */
    int fork_events;             /* gdb asked for fork stop events (fork-events+) */
    int vfork_events;            /* ... vfork and vforkdone events */
    int exec_events;             /* ... exec events: the connection then follows an exec (handoff.c) */
    int fork_child;              /* pid of the child of the last fork event gdb has not detached yet, or 0 */
    int g_child;                 /* Hg selected that fork child: Z/z for it are no-ops (it has no traps) */
    int parsed_pid;              /* the pid gdb_parse_tid last read (0 when none was given) */
    int after_exec;              /* this xtrace was re-executed with the connection: its start is gdb's exec event */
    int silent_stop;             /* a followed fork child: its first stop is not reported (gdb knows it) */
    uint64_t pass_sigs;          /* QPassSignals set, handed over across an exec */
    enum dbg_mode resume_mode;   /* how gdb last resumed the target (0 before any resume) */
    int resume_tid;              /* and which thread it stepped */
    int g_tid;                   /* Hg thread (0 or -1: the stopped one) */
    int c_tid;                   /* Hc thread */
    int watch_step_tid;          /* after a watch stop where gdb steps over the access itself: that thread */
    int nonsteppable_watch;      /* gdb's architecture reports watchpoints before the access (see resume.c) */
    int done;                    /* gdb detached: serving ends */
    int extended;                /* gdb sent '!' (target extended-remote): the connection outlives the process */
    int no_process;              /* extended: the process exited (its final stop parked) or was killed (vKill) */
    int killed;                  /* extended: vKill ended the process (its threads stay parked until vRun) */
    int free_running;            /* extended: the keeper of the connection after gdb detached (no program here) */
    int vrun;                    /* this process was started by gdb's vRun (qAttached: 0, gdb kills it at quit) */
    struct gdb_bp bp[GDB_MAX_BP];/* breakpoints gdb inserted */
    int nbp;                     /* entries used */
    struct gdb_wp wp[GDB_MAX_WP];/* watchpoints gdb inserted */
    int nwp;                     /* entries used */
    int vfd[GDB_MAX_VFILES];     /* vFile descriptors, -1 when free */
    int debug;                   /* XTRACE_GDB_DEBUG: log packets on stderr */
};

/* A packet handler: arg/n is the packet after its name. Returns 1 when the reply was built in gs->rsp and
   must be sent, 0 when it was sent already or comes later (the target was resumed). */
typedef int (*gdb_handler)(struct gdbstub *gs, const char *arg, size_t n);

/* packets.c: dispatches one received packet. */
void gdb_handle_packet(struct gdbstub *gs, const char *pkt, size_t n);
/* Reply helpers. */
int gdb_ok(struct gdbstub *gs);
int gdb_error(struct gdbstub *gs, int err);
/* Parses a thread id ("p PID.TID", "TID", "-1", "0") at *s; returns the tid (-1 all, 0 any). */
int gdb_parse_tid(struct gdbstub *gs, const char **s, const char *end);
/* Appends a thread id as gdb expects it. */
void gdb_put_tid(struct gdbstub *gs, int tid);

/* resume.c: resuming, stop replies and signal numbering. */
void gdb_resume(struct gdbstub *gs, enum dbg_mode mode, int tid, int sig);
/* Called when the target stopped; sends the stop reply when connected. */
void gdb_on_stop(struct gdbstub *gs, const struct dbg_stop *st);
/* Builds the stop reply for the current stop into gs->rsp. */
void gdb_stop_reply(struct gdbstub *gs);
int gdb_h_vcont(struct gdbstub *gs, const char *a, size_t n);
int gdb_h_vcont_query(struct gdbstub *gs, const char *a, size_t n);
int gdb_h_continue(struct gdbstub *gs, const char *a, size_t n);
int gdb_h_step(struct gdbstub *gs, const char *a, size_t n);
int gdb_h_continue_sig(struct gdbstub *gs, const char *a, size_t n);
int gdb_h_step_sig(struct gdbstub *gs, const char *a, size_t n);
int gdb_h_pass_signals(struct gdbstub *gs, const char *a, size_t n);
/* Linux signal number to gdb's (GDB_SIGNAL_*) and back; 0 maps to 0. */
int gdb_signal_from_linux(int sig);
int gdb_signal_to_linux(int gsig);

/* handoff.c: following fork and exec with the gdb connection. */
/* Tells the core which fds are the stub's (a forked child closes them) and how to hand them over at an exec. */
void gdb_register_fds(struct gdbstub *gs);
/* Parses "fd:LFD,CFD,FLAGS,PASS[,UNIXPATH]" (the connection handed over by an exec); 0 or -1 with err. */
int gdb_handoff_parse(struct gdbstub *gs, const char *spec, char *err, size_t errsz);
/* D;PARENT after a fork event: the child takes the connection over, this process runs on (reply sent). */
int gdb_follow_fork_child(struct gdbstub *gs);
/* A fork/vfork/exec stop: returns 1 when it is reported to gdb, 0 when the target was resumed silently. */
int gdb_process_event(struct gdbstub *gs, const struct dbg_stop *st);
/* Appends the fork-event fields of a stop reply (fork:, vfork:, vforkdone:, exec:). */
void gdb_event_reply(struct gdbstub *gs, const struct dbg_stop *st);

/* Builds "fd:LFD,CFD,FLAGS,PASS[,UNIXPATH]" (the connection for a re-executed xtrace) with extra HO_* flags. */
void gdb_handoff_spec(struct gdbstub *gs, int extra, char *buf, size_t n);
enum { GDB_HO_EXTENDED = 32, GDB_HO_RUN = 64 }; /* extended mode; started by vRun (its start is vRun's reply) */

/* extended.c: target extended-remote: '!', vRun, vKill and a connection kept once the process is gone. */
int gdb_h_extended(struct gdbstub *gs, const char *a, size_t n);
int gdb_h_vrun(struct gdbstub *gs, const char *a, size_t n);
int gdb_h_vkill(struct gdbstub *gs, const char *a, size_t n);
/* The process exited or was killed (stop reply sent): 1 when extended mode keeps the connection. */
int gdb_extended_final(struct gdbstub *gs);
/* With no process: answers packets that need one (returns 1 when it did). */
int gdb_no_process_packet(struct gdbstub *gs, const char *pkt, size_t nl);
/* D in extended mode (reply sent): the program runs on without traps, the connection stays; 1 when so. */
int gdb_extended_detach(struct gdbstub *gs);
/* gdb left or detached with no process: the parked process ends (does not return to serving). */
void gdb_end_no_process(struct gdbstub *gs);

/* xfer.c: qXfer objects. */
int gdb_h_qxfer(struct gdbstub *gs, const char *a, size_t n);

/* vfile.c: host file access for gdb (vFile packets). */
int gdb_h_vfile(struct gdbstub *gs, const char *a, size_t n);
void gdb_vfile_close_all(struct gdbstub *gs);

/* server.c: leaving the connection or the process. */
void gdb_log(struct gdbstub *gs, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sends what is pending, waits briefly for gdb to close its end, then closes the connection. */
void gdb_linger_close(struct gdbstub *gs);
/* Stops listening (and removes a unix socket file) before the process ends. */
void gdb_close_listener(struct gdbstub *gs);
/* Kills the whole process (k, vKill). */
void gdb_kill_process(struct gdbstub *gs) __attribute__((noreturn));

#endif
