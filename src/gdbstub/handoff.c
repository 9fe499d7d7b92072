/* Fork, vfork and exec with gdb: their stop events, the fork child gdb detaches, and the connection handed
   over to the xtrace an exec of a foreign program re-executes.

   A fork is a host fork of xtrace: the child has only the forking guest thread, no stub thread, and shares the
   gdb socket with its parent. When gdb asked for fork events the child waits for gdb's choice. Following the
   parent (gdb's default, detach-on-fork on), gdb's `D;CHILD` lets the child close its copies of the stub's
   sockets and run on without traps. Following the child (follow-fork-mode child), gdb's `D;PARENT` makes the
   parent let go of the connection without a word on it (the socket is shared: no shutdown) and run on, while
   the child starts its own stub thread on the inherited connection, keeping the breakpoints it inherited, as
   gdb expects of a forked process. Keeping both (detach-on-fork off) needs one stub serving two processes: it
   is refused with a message and the child runs on. An exec re-executes xtrace: when gdb asked for exec events, the listening and
   connected sockets survive it (by number, in "-g fd:LFD,CFD,FLAGS,PASS[,UNIXPATH]") with the protocol state,
   and the new image's first stop is reported as gdb's exec event. gdb's vRun in extended mode (extended.c) uses
   the same hand-over to start a program again on the connection. */
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu.h"
#include "stub.h"

/* Protocol state carried across an exec (FLAGS). */
enum {
    HO_NOACK = 1, HO_MULTIPROCESS = 2, HO_FORK = 4, HO_VFORK = 8, HO_EXEC = 16,
};

static void *child_stub(void *arg)
{
    struct gdbstub *gs = arg;
    gdbstub_serve(gs, gs->d);
    return NULL;
}

/* In a followed fork child (its only thread): the stub's memory is the parent's at the fork; it serves gdb here
   now, the child being stopped where gdb saw the fork (that first stop is not reported: gdb knows of it). */
static void follow_child(void *ctx, struct dbg *d)
{
    struct gdbstub *gs = ctx;
    gs->d = d;
    /* gdb took its breakpoints out of the child (z packets for it, which the parent answered): so here too */
    for (int i = 0; i < gs->nbp; i++)
        dbg_remove_bp(d, gs->bp[i].addr);
    for (int i = 0; i < gs->nwp; i++)
        dbg_remove_wp(d, gs->wp[i].type, gs->wp[i].addr, gs->wp[i].len);
    gs->nbp = gs->nwp = 0;
    gs->fork_child = gs->g_child = 0;
    gs->g_tid = gs->c_tid = 0;
    gs->watch_step_tid = 0;
    gs->after_exec = 0;
    gs->silent_stop = 1;
    gs->done = 0;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    if (pthread_create(&th, &attr, child_stub, gs) != 0) {
        gdb_log(gs, "cannot start a stub thread in the fork child: it runs on without the debugger");
        dbg_detach(d);
    }
    pthread_attr_destroy(&attr);
}

int gdb_follow_fork_child(struct gdbstub *gs)
{
    if (gs->debug)
        gdb_log(gs, "following the fork child %d: this process %d runs on without the debugger", gs->fork_child, gs->pid);
    rsp_reply(&gs->rsp, "OK");
    dbg_fork_release(gs->d, 1);
    gs->fork_child = 0;
    close(gs->fd); /* the connection is the child's now: no shutdown, no linger */
    gs->fd = -1;
    free(gs->unix_path); /* the socket file is the child's to remove */
    gs->unix_path = NULL;
    gs->nbp = gs->nwp = 0;
    dbg_detach(gs->d);
    gs->done = 1;
    return 0;
}

void gdb_handoff_spec(struct gdbstub *gs, int extra, char *buf, size_t sz)
{
    int flags = (gs->rsp.noack ? HO_NOACK : 0) | (gs->multiprocess ? HO_MULTIPROCESS : 0) |
                (gs->fork_events ? HO_FORK : 0) | (gs->vfork_events ? HO_VFORK : 0) |
                (gs->exec_events ? HO_EXEC : 0) | (gs->extended ? GDB_HO_EXTENDED : 0) | extra;
    int n = snprintf(buf, sz, "fd:%d,%d,%x,%llx", gs->lfd, gs->fd, flags, (unsigned long long)gs->pass_sigs);
    if (gs->unix_path && n > 0 && (size_t)n < sz)
        snprintf(buf + n, sz - (size_t)n, ",%s", gs->unix_path);
}

void gdb_register_fds(struct gdbstub *gs)
{
    int fds[2] = {gs->lfd, gs->fd};
    static char spec[PATH_MAX + 96];
    const char *args[3] = {NULL, NULL, NULL};
    if (gs->fd >= 0 && gs->exec_events && gs->lfd >= 0) {
        gdb_handoff_spec(gs, 0, spec, sizeof spec);
        args[0] = "-g";
        args[1] = spec;
    }
    dbg_set_frontend(gs->d, fds, 2, args[0] ? args : NULL);
    dbg_hold_forks(gs->d, gs->fd >= 0 && (gs->fork_events || gs->vfork_events), follow_child, gs);
}

int gdb_handoff_parse(struct gdbstub *gs, const char *spec, char *err, size_t errsz)
{
    int lfd, cfd, used = 0;
    unsigned flags;
    unsigned long long pass;
    if (sscanf(spec, "%d,%d,%x,%llx%n", &lfd, &cfd, &flags, &pass, &used) != 4 || lfd < 0 || cfd < 0 ||
        fcntl(lfd, F_GETFD) < 0 || fcntl(cfd, F_GETFD) < 0) {
        snprintf(err, errsz, "bad gdb connection hand-over 'fd:%s' (xtrace passes it to itself across an exec)", spec);
        return -1;
    }
    fcntl(lfd, F_SETFD, FD_CLOEXEC);
    fcntl(cfd, F_SETFD, FD_CLOEXEC);
    gs->lfd = lfd;
    gs->fd = cfd;
    gs->rsp.noack = (flags & HO_NOACK) != 0;
    gs->multiprocess = (flags & HO_MULTIPROCESS) != 0;
    gs->fork_events = (flags & HO_FORK) != 0;
    gs->vfork_events = (flags & HO_VFORK) != 0;
    gs->exec_events = (flags & HO_EXEC) != 0;
    gs->extended = (flags & GDB_HO_EXTENDED) != 0;
    gs->pass_sigs = pass;
    gs->after_exec = !(flags & GDB_HO_RUN);
    gs->vrun = (flags & GDB_HO_RUN) != 0; /* after vRun the start is a plain stop: vRun's reply */
    if (spec[used] == ',' && spec[used + 1]) {
        gs->unix_path = strdup(spec + used + 1);
        snprintf(gs->addr, sizeof gs->addr, "unix:%s", spec + used + 1);
    } else {
        snprintf(gs->addr, sizeof gs->addr, "fd %d", lfd);
    }
    return 0;
}

int gdb_process_event(struct gdbstub *gs, const struct dbg_stop *st)
{
    int report = 0;
    switch (st->kind) {
    case DBG_STOP_FORK:
        report = gs->fork_events;
        break;
    case DBG_STOP_VFORK:
    case DBG_STOP_VFORK_DONE:
        report = gs->vfork_events;
        break;
    case DBG_STOP_EXEC: /* told by the new image when it keeps the connection */
        gdb_register_fds(gs);
        break;
    default:
        return 1;
    }
    if (report && gs->fd >= 0) {
        if (st->kind != DBG_STOP_VFORK_DONE) {
            gs->fork_child = st->child_pid;
            gs->g_child = 0;
        }
        return 1;
    }
    /* gdb did not ask for it: the child runs on, the target goes on as gdb last resumed it (a step stays one) */
    if (st->kind == DBG_STOP_FORK || st->kind == DBG_STOP_VFORK)
        dbg_fork_release(gs->d, 0);
    dbg_resume(gs->d, gs->resume_mode ? gs->resume_mode : DBG_CONTINUE, gs->resume_tid, 0);
    gs->running = 1;
    return 0;
}

void gdb_event_reply(struct gdbstub *gs, const struct dbg_stop *st)
{
    struct rsp *r = &gs->rsp;
    switch (st->kind) {
    case DBG_STOP_FORK:
    case DBG_STOP_VFORK:
        rsp_printf(r, "%s:p%x.%x;", st->kind == DBG_STOP_FORK ? "fork" : "vfork", st->child_pid, st->child_pid);
        break;
    case DBG_STOP_VFORK_DONE:
        rsp_puts(r, "vforkdone:;");
        break;
    case DBG_STOP_EXEC:
        rsp_puts(r, "exec:");
        if (st->path)
            rsp_hex(r, st->path, strlen(st->path));
        rsp_puts(r, ";");
        break;
    default:
        break;
    }
}
