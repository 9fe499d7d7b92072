/* Resuming the target for gdb (c, s, C, S, vCont), stop replies, and Linux <-> gdb signal numbering. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "stub.h"

/* gdb's remote protocol numbers signals its own way (include/gdb/signals.def, GDB_SIGNAL_*); they agree with
   Linux's generic numbering only for 1-6, 8, 9, 11 and 13-15. Index: Linux signal number. 143 is
   GDB_SIGNAL_UNKNOWN (SIGSTKFLT has no gdb number). */
static const unsigned char linux_to_gdb[65] = {
    0,                                  /* 0 */
    1, 2, 3, 4, 5, 6,                   /* HUP INT QUIT ILL TRAP ABRT */
    10,                                 /* 7 BUS */
    8, 9,                               /* FPE KILL */
    30,                                 /* 10 USR1 */
    11,                                 /* SEGV */
    31,                                 /* 12 USR2 */
    13, 14, 15,                         /* PIPE ALRM TERM */
    143,                                /* 16 STKFLT */
    20, 19, 17, 18,                     /* 17 CHLD, 18 CONT, 19 STOP, 20 TSTP */
    21, 22,                             /* TTIN TTOU */
    16,                                 /* 23 URG */
    24, 25, 26, 27, 28,                 /* XCPU XFSZ VTALRM PROF WINCH */
    23,                                 /* 29 IO */
    32,                                 /* 30 PWR */
    12,                                 /* 31 SYS */
    77,                                 /* 32: GDB_SIGNAL_REALTIME_32 */
    45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, /* 33..48: REALTIME_33.. = 45.. */
    61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75,     /* 49..63 */
    78,                                 /* 64: GDB_SIGNAL_REALTIME_64 */
};

int gdb_signal_from_linux(int sig)
{
    return sig >= 0 && sig <= 64 ? linux_to_gdb[sig] : 143;
}

int gdb_signal_to_linux(int gsig)
{
    if (gsig == 33) /* GDB_SIGNAL_POLL is SIGIO on Linux */
        return 29;
    for (int s = 1; s <= 64; s++)
        if (linux_to_gdb[s] == gsig && gsig != 143)
            return s;
    return 0;
}

/* Whether gdb, for this architecture, expects a watchpoint stop before the access and steps over it itself
   (gdbarch have_nonsteppable_watchpoint: true for aarch64, arm, riscv, mips, ...; false for x86). The core
   reports after the access, so the first resume gdb then asks for is answered without running anything
   (otherwise the stop would land one instruction late). */
static int nonsteppable_watch(const struct emu_isa *isa)
{
    static const char *const steppable[] = {"x86_64", "i386", "i686", "x86-64", NULL};
    for (int i = 0; steppable[i]; i++)
        if (!strcmp(isa->name, steppable[i]))
            return 0;
    return 1;
}

static int stop_tid(struct gdbstub *gs)
{
    return gs->stop.tid;
}

static int is_hw_bp(struct gdbstub *gs, uint64_t addr)
{
    for (int i = 0; i < gs->nbp; i++)
        if (gs->bp[i].addr == addr)
            return gs->bp[i].hw > 0 && gs->bp[i].sw == 0;
    return 0;
}

void gdb_stop_reply(struct gdbstub *gs)
{
    struct rsp *r = &gs->rsp;
    const struct dbg_stop *st = &gs->stop;
    rsp_begin(r);
    if (st->kind == DBG_STOP_EXIT || st->kind == DBG_STOP_KILLED) {
        if (st->kind == DBG_STOP_EXIT)
            rsp_printf(r, "W%02x", st->status & 0xff);
        else
            rsp_printf(r, "X%02x", gdb_signal_from_linux(st->sig));
        if (gs->multiprocess)
            rsp_printf(r, ";process:%x", gs->pid);
        return;
    }
    int sig = 5; /* breakpoints, steps, watchpoints, syscalls and the start are SIGTRAP stops */
    if (st->kind == DBG_STOP_INTERRUPT)
        sig = 2;
    else if (st->kind == DBG_STOP_SIGNAL)
        sig = gdb_signal_from_linux(st->sig);
    rsp_printf(r, "T%02xthread:", sig);
    gdb_put_tid(gs, st->tid);
    rsp_puts(r, ";");
    switch (st->kind) {
    case DBG_STOP_BREAK:
        rsp_puts(r, is_hw_bp(gs, st->addr) ? "hwbreak:;" : "swbreak:;");
        break;
    case DBG_STOP_WATCH:
        rsp_printf(r, "%s:%llx;", st->watch == DBG_WATCH_READ ? "rwatch" : st->watch == DBG_WATCH_ACCESS ? "awatch" : "watch",
                   (unsigned long long)st->addr);
        break;
    case DBG_STOP_SYSCALL_ENTRY:
        rsp_printf(r, "syscall_entry:%x;", st->sysno);
        break;
    case DBG_STOP_SYSCALL_RETURN:
        rsp_printf(r, "syscall_return:%x;", st->sysno);
        break;
    case DBG_STOP_FORK:
    case DBG_STOP_VFORK:
    case DBG_STOP_VFORK_DONE:
    case DBG_STOP_EXEC:
        gdb_event_reply(gs, st);
        break;
    default:
        break;
    }
}

void gdb_on_stop(struct gdbstub *gs, const struct dbg_stop *st)
{
    if (!gdb_process_event(gs, st)) /* a fork/vfork/exec event gdb did not ask for: resumed */
        return;
    gs->stop = *st;
    if (gs->silent_stop) { /* a followed fork child stands where gdb saw the fork */
        gs->silent_stop = 0;
        return;
    }
    if (st->kind == DBG_STOP_START && gs->after_exec) { /* re-executed with the connection: gdb's exec event */
        gs->after_exec = 0;
        gs->stop.kind = DBG_STOP_EXEC;
        gs->stop.path = gs->p->exe_path;
    }
    int final = st->kind == DBG_STOP_EXIT || st->kind == DBG_STOP_KILLED;
    if (gs->fd < 0) {
        if (final) { /* nobody to tell: let the process end */
            gdb_close_listener(gs);
            dbg_resume(gs->d, DBG_CONTINUE, 0, 0);
            gs->done = 1;
        }
        return;
    }
    if (gs->nonsteppable_watch < 0)
        gs->nonsteppable_watch = nonsteppable_watch(gs->p->isa);
    gs->watch_step_tid = st->kind == DBG_STOP_WATCH && gs->nonsteppable_watch ? st->tid : 0;
    gdb_stop_reply(gs);
    rsp_send(&gs->rsp);
    if (final && gdb_extended_final(gs))
        return; /* extended-remote: the connection stays for gdb's next run (vRun) */
    if (final) { /* W/X first, then the process really ends */
        gdb_linger_close(gs);
        gdb_close_listener(gs);
        dbg_resume(gs->d, DBG_CONTINUE, 0, 0);
        gs->done = 1;
    }
}

void gdb_resume(struct gdbstub *gs, enum dbg_mode mode, int tid, int sig)
{
    if (tid <= 0)
        tid = stop_tid(gs);
    if (gs->watch_step_tid && (tid == gs->watch_step_tid || mode == DBG_CONTINUE) && !sig) {
        /* gdb's step over the access that fired the watchpoint (a hardware step, or on riscv a software step:
           a breakpoint after the next instruction and a continue): the core already executed the access, so
           the step ends where the thread stands */
        gs->watch_step_tid = 0;
        gs->stop.kind = DBG_STOP_STEP;
        gs->stop.sig = SIGTRAP;
        gdb_stop_reply(gs);
        rsp_send(&gs->rsp);
        return;
    }
    gs->watch_step_tid = 0;
    if (gs->fork_child) { /* gdb kept the fork child (detach-on-fork off): it cannot be held here */
        dbg_fork_release(gs->d, 0);
        char msg[200];
        int n = snprintf(msg, sizeof msg, "xtrace: the fork child %d runs on without the debugger (detach-on-fork "
                         "off is not supported)\n", gs->fork_child);
        gdb_log(gs, "%.*s", n - 9, msg + 8);
        rsp_begin(&gs->rsp);
        rsp_puts(&gs->rsp, "O");
        rsp_hex(&gs->rsp, msg, (size_t)n);
        rsp_send(&gs->rsp);
        gs->fork_child = 0;
        gs->g_child = 0;
    }
    gs->resume_mode = mode;
    gs->resume_tid = mode == DBG_STEP ? tid : 0;
    dbg_resume(gs->d, mode, gs->resume_tid, sig);
    gs->running = 1;
}

/* c [addr] / s [addr]: resume at addr when given. */
static int resume_at(struct gdbstub *gs, const char *a, size_t n, enum dbg_mode mode, int sig)
{
    int tid = gs->c_tid > 0 ? gs->c_tid : 0;
    if (n) {
        uint64_t addr;
        const char *s = a, *end = a + n;
        if (rsp_parse_hex(&s, end, &addr) <= 0 || s != end)
            return gdb_error(gs, 22);
        struct emu_cpu *c = dbg_thread(gs->d, tid);
        if (!c)
            return gdb_error(gs, 3);
        c->pc = addr;
    }
    gdb_resume(gs, mode, tid, sig);
    return 0;
}

int gdb_h_continue(struct gdbstub *gs, const char *a, size_t n)
{
    return resume_at(gs, a, n, DBG_CONTINUE, 0);
}

int gdb_h_step(struct gdbstub *gs, const char *a, size_t n)
{
    return resume_at(gs, a, n, DBG_STEP, 0);
}

/* C sig[;addr] / S sig[;addr] */
static int resume_sig(struct gdbstub *gs, const char *a, size_t n, enum dbg_mode mode)
{
    const char *s = a, *end = a + n;
    uint64_t gsig;
    if (rsp_parse_hex(&s, end, &gsig) <= 0 || gsig > 255)
        return gdb_error(gs, 22);
    if (s < end && *s != ';')
        return gdb_error(gs, 22);
    if (s < end)
        s++;
    return resume_at(gs, s, (size_t)(end - s), mode, gdb_signal_to_linux((int)gsig));
}

int gdb_h_continue_sig(struct gdbstub *gs, const char *a, size_t n)
{
    return resume_sig(gs, a, n, DBG_CONTINUE);
}

int gdb_h_step_sig(struct gdbstub *gs, const char *a, size_t n)
{
    return resume_sig(gs, a, n, DBG_STEP);
}

int gdb_h_vcont_query(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    rsp_begin(&gs->rsp);
    rsp_puts(&gs->rsp, "vCont;c;C;s;S");
    return 1;
}

/* vCont;ACTION[:TID]... The core is all-stop: one thread steps (the others run only while it lets them),
   and a signal goes to the thread that reported the stop. */
int gdb_h_vcont(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    int step_tid = -2, sig = -1, stopped = stop_tid(gs);
    while (s < end) {
        if (*s != ';')
            return gdb_error(gs, 22);
        s++;
        if (s >= end)
            return gdb_error(gs, 22);
        char act = *s++;
        uint64_t gsig = 0;
        if (act == 'C' || act == 'S') {
            if (rsp_parse_hex(&s, end, &gsig) <= 0 || gsig > 255)
                return gdb_error(gs, 22);
        } else if (act != 'c' && act != 's' && act != 't') {
            return gdb_error(gs, 22); /* 'r' (range stepping) is not offered */
        }
        int tid = -1;
        if (s < end && *s == ':') {
            s++;
            tid = gdb_parse_tid(gs, &s, end);
            if (tid == -2)
                return gdb_error(gs, 22);
        }
        if (s < end && *s != ';')
            return gdb_error(gs, 22);
        if (act == 't')
            continue;
        if ((act == 's' || act == 'S') && step_tid == -2)
            step_tid = tid > 0 ? tid : stopped;
        /* the leftmost action that applies to the stopped thread decides its signal */
        if (sig < 0 && (tid <= 0 || tid == stopped))
            sig = (act == 'C' || act == 'S') ? gdb_signal_to_linux((int)gsig) : 0;
    }
    if (step_tid == -2 && sig < 0) /* only 't' actions: nothing to resume */
        return gdb_ok(gs);
    if (step_tid != -2)
        gdb_resume(gs, DBG_STEP, step_tid, sig > 0 ? sig : 0);
    else
        gdb_resume(gs, DBG_CONTINUE, 0, sig > 0 ? sig : 0);
    return 0;
}

/* QPassSignals:sig;sig... (gdb numbers, hex): these reach the guest without a stop. */
int gdb_h_pass_signals(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    uint64_t set = 0;
    if (s < end && *s == ':')
        s++;
    while (s < end) {
        uint64_t g;
        if (rsp_parse_hex(&s, end, &g) <= 0)
            return gdb_error(gs, 22);
        int sig = g < 256 ? gdb_signal_to_linux((int)g) : 0;
        if (sig > 0 && sig <= 64)
            set |= 1ull << (sig - 1);
        if (s < end && *s++ != ';')
            return gdb_error(gs, 22);
    }
    gs->pass_sigs = set;
    dbg_pass_signals(gs->d, set);
    return gdb_ok(gs);
}
