/* target extended-remote: after gdb's '!' the connection outlives the process. When the (last) process exits, or
   gdb kills it with vKill, the stop reply goes out and the stub keeps serving with no process: the exited
   guest stays parked at its final stop (its status still to be given to the host), a killed one stays stopped.
   gdb's `run` (vRun;PROGRAM;ARGS...) then re-executes xtrace on the program with the same options, handing it
   the listening and connected sockets ("-g fd:...", see handoff.c) so the new process answers vRun with its first
   stop. When gdb leaves or detaches with no process, the parked process ends (with the guest's exit status, or
   killed). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu.h"
#include "loader.h"
#include "stub.h"

extern char **environ;

int gdb_h_extended(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    gs->extended = 1;
    return gdb_ok(gs);
}

int gdb_extended_final(struct gdbstub *gs)
{
    if (!gs->extended || gs->fd < 0)
        return 0;
    gs->no_process = 1;
    gs->nbp = gs->nwp = 0; /* the process will not run again: nothing to take out */
    gs->fork_child = gs->g_child = 0;
    if (gs->debug)
        gdb_log(gs, "the process ended; extended-remote keeps the connection (gdb's run starts the program again)");
    return 1;
}

int gdb_h_vkill(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    if (!gs->extended || gs->running) { /* plain remote (or a running target): the process goes now */
        rsp_reply(&gs->rsp, "OK");
        gdb_kill_process(gs);
    }
    if (!gs->no_process) { /* all-stop: every guest thread is parked; they stay so until vRun or gdb leaves */
        gs->no_process = gs->killed = 1;
        gs->stop.kind = DBG_STOP_KILLED;
        gs->stop.sig = SIGKILL;
        gs->nbp = gs->nwp = 0;
        gs->fork_child = gs->g_child = 0;
    }
    return gdb_ok(gs);
}

int gdb_extended_detach(struct gdbstub *gs)
{
    if (!gs->extended || gs->fork_child)
        return 0;
    /* The program runs on in this process; the connection moves to a keeper: a fork of xtrace with only this
       (stub) thread, which serves gdb with no process until vRun re-executes it on a program. */
    pid_t pid = fork();
    if (pid == 0) {
        gs->no_process = gs->free_running = 1;
        gs->stop.kind = DBG_STOP_EXIT; /* '?' now: no process */
        gs->stop.status = 0;
        gs->pid = (int)getpid();
        gs->nbp = gs->nwp = 0;
        return 1;
    }
    if (pid < 0) {
        gdb_log(gs, "cannot keep the connection after detach (fork: %s): it closes", strerror(errno));
        return 0;
    }
    close(gs->fd); /* the keeper's now: no shutdown */
    gs->fd = -1;
    close(gs->lfd);
    gs->lfd = -1;
    free(gs->unix_path); /* the keeper removes the socket file */
    gs->unix_path = NULL;
    gs->nbp = gs->nwp = 0;
    dbg_detach(gs->d);
    gs->done = 1;
    if (gs->debug)
        gdb_log(gs, "detached; the connection stays with keeper process %d (extended-remote)", pid);
    return 1;
}

void gdb_end_no_process(struct gdbstub *gs)
{
    if (gs->free_running) { /* the keeper of a detached program's connection: nothing else to end */
        gdb_linger_close(gs);
        gdb_close_listener(gs);
        _exit(0);
    }
    gdb_linger_close(gs);
    gdb_close_listener(gs);
    gs->done = 1;
    if (gs->killed) {
        kill(getpid(), SIGKILL);
        _exit(137);
    }
    dbg_resume(gs->d, DBG_CONTINUE, 0, 0); /* the guest thread ends the process with the guest's status */
    for (;;)
        pause();
}

/* Packets that make sense with no process: the rest get an error. Returns 1 when the reply is built. */
int gdb_no_process_packet(struct gdbstub *gs, const char *pkt, size_t nl)
{
    static const char *const pass[] = {"?", "!", "vRun", "vKill", "k", "D", "qSupported", "QStartNoAckMode",
                                       "vCont?", "qAttached", "vFile", "vCtrlC", NULL};
    for (int i = 0; pass[i]; i++)
        if (strlen(pass[i]) == nl && !memcmp(pass[i], pkt, nl))
            return 0;
    const char *reply = NULL;
    if (nl == 12 && (!memcmp(pkt, "qfThreadInfo", 12) || !memcmp(pkt, "qsThreadInfo", 12)))
        reply = "l"; /* no threads */
    else if (nl == 5 && !strncmp(pkt, "qXfer:threads:", 14))
        reply = "l<?xml version=\"1.0\"?>\n<threads>\n</threads>\n";
    else if (nl == 9 && !memcmp(pkt, "qAttached", 9))
        reply = "0";
    else if (nl == 1 && pkt[0] == 'H') /* selects nothing, harmlessly */
        reply = "OK";
    else if (nl == 2 && !memcmp(pkt, "qC", 2))
        reply = "E03";
    if (reply) {
        rsp_begin(&gs->rsp);
        rsp_puts(&gs->rsp, reply);
        return 1;
    }
    if (pkt[0] == 'Q' || pkt[0] == 'q') /* settings and queries gdb sends before vRun */
        return 0;
    gdb_error(gs, 3); /* ESRCH: no process */
    return 1;
}

/* Decodes one hex field of vRun into a new string; NULL on bad hex or no memory. */
static char *unhex(const char *s, size_t n)
{
    if (n % 2)
        return NULL;
    char *out = malloc(n / 2 + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n / 2; i++) {
        char b[3] = {s[2 * i], s[2 * i + 1], 0}, *end;
        out[i] = (char)strtol(b, &end, 16);
        if (*end) {
            free(out);
            return NULL;
        }
    }
    out[n / 2] = 0;
    return out;
}

int gdb_h_vrun(struct gdbstub *gs, const char *a, size_t n)
{
    if (!gs->extended) { /* gdb sends vRun only to an extended-remote target */
        gdb_log(gs, "vRun refused: not in extended mode (gdb: target extended-remote)");
        return gdb_error(gs, 1);
    }
    if (gs->lfd < 0 || gs->fd < 0 || !gs->p || !gs->p->self_exe) {
        gdb_log(gs, "vRun refused: this connection cannot be handed to a new xtrace");
        return gdb_error(gs, 1);
    }
    enum { MAX_ARGS = 256 };
    char *args[MAX_ARGS];
    int nargs = 0;
    const char *s = a, *end = a + n;
    while (s < end && *s == ';' && nargs < MAX_ARGS) {
        s++;
        const char *e = memchr(s, ';', (size_t)(end - s));
        if (!e)
            e = end;
        args[nargs] = unhex(s, (size_t)(e - s));
        if (!args[nargs]) {
            for (int i = 0; i < nargs; i++)
                free(args[i]);
            return gdb_error(gs, 22);
        }
        nargs++;
        s = e;
    }
    const char *prog = nargs && args[0][0] ? args[0] : gs->p->exe_path;
    struct elf_probe pr;
    if (loader_probe(prog, &pr) < 0) { /* the new xtrace would fail to start, taking the connection with it */
        gdb_log(gs, "vRun refused: %s", pr.err);
        for (int i = 0; i < nargs; i++)
            free(args[i]);
        return gdb_error(gs, 8);
    }
    size_t nopts = 0;
    while (gs->p->reexec_opts && gs->p->reexec_opts[nopts])
        nopts++;
    char **nv = calloc(nopts + (size_t)nargs + 8, sizeof *nv);
    static char spec[PATH_MAX + 96];
    if (!nv) {
        for (int i = 0; i < nargs; i++)
            free(args[i]);
        return gdb_error(gs, 12);
    }
    size_t k = 0;
    nv[k++] = "xtrace";
    for (size_t i = 0; i < nopts; i++)
        nv[k++] = gs->p->reexec_opts[i];
    gdb_handoff_spec(gs, GDB_HO_RUN, spec, sizeof spec);
    nv[k++] = "-g";
    nv[k++] = spec;
    nv[k++] = "--";
    nv[k++] = (char *)prog;
    for (int i = 1; i < nargs; i++)
        nv[k++] = args[i];
    nv[k] = NULL;
    if (gs->debug)
        gdb_log(gs, "vRun: re-executing xtrace on %s with the connection", prog);
    int fds[2] = {gs->lfd, gs->fd};
    for (int i = 0; i < 2; i++)
        fcntl(fds[i], F_SETFD, 0);
    fflush(NULL);
    execve(gs->p->self_exe, nv, environ);
    int e = errno;
    for (int i = 0; i < 2; i++)
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    gdb_log(gs, "vRun: cannot re-execute xtrace (%s): %s", gs->p->self_exe, strerror(e));
    free(nv);
    for (int i = 0; i < nargs; i++)
        free(args[i]);
    return gdb_error(gs, e);
}
