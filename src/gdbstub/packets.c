/* GDB packet handlers: a table {packet name, handler} for queries, registers, memory, breakpoints, threads. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu.h"
#include "stub.h"

int gdb_ok(struct gdbstub *gs)
{
    rsp_begin(&gs->rsp);
    rsp_puts(&gs->rsp, "OK");
    return 1;
}

int gdb_error(struct gdbstub *gs, int err)
{
    rsp_begin(&gs->rsp);
    rsp_printf(&gs->rsp, "E%02x", err & 0xff);
    return 1;
}

/* Returns -2 when malformed. */
static int parse_one_id(const char **s, const char *end)
{
    if (*s < end && **s == '-') {
        if (*s + 1 < end && (*s)[1] == '1') {
            *s += 2;
            return -1;
        }
        return -2;
    }
    uint64_t v;
    if (rsp_parse_hex(s, end, &v) <= 0 || v > 0x7fffffff)
        return -2;
    return (int)v;
}

int gdb_parse_tid(struct gdbstub *gs, const char **s, const char *end)
{
    gs->parsed_pid = 0;
    if (*s < end && **s == 'p') {
        (*s)++;
        int pid = parse_one_id(s, end);
        if (pid == -2 || (pid > 0 && pid != gs->pid && pid != gs->fork_child))
            return -2;
        gs->parsed_pid = pid;
        if (pid > 0 && pid == gs->fork_child) { /* the fork child gdb is detaching: only its own ids */
            if (*s < end && **s == '.') {
                (*s)++;
                if (parse_one_id(s, end) == -2)
                    return -2;
            }
            return 0;
        }
        if (*s >= end || **s != '.')
            return -1; /* every thread of the process */
        (*s)++;
    }
    return parse_one_id(s, end);
}

void gdb_put_tid(struct gdbstub *gs, int tid)
{
    if (gs->multiprocess)
        rsp_printf(&gs->rsp, "p%x.%x", gs->pid, tid);
    else
        rsp_printf(&gs->rsp, "%x", tid);
}

/* The thread an Hg selection means now (0: the stopped one). */
static int g_thread(struct gdbstub *gs)
{
    return gs->g_tid > 0 ? gs->g_tid : 0;
}

/* ---- registers ---- */

static int nregs(struct gdbstub *gs)
{
    int n = 0;
    for (const struct isa_reg *r = gs->p->isa->gdb_regs; r && r[n].name; n++)
        ;
    return n;
}

/* Appends register regno of thread tid as little-endian hex of its width; -1 when it cannot be read. */
static int put_reg(struct gdbstub *gs, int tid, int regno)
{
    const struct isa_reg *r = &gs->p->isa->gdb_regs[regno];
    unsigned bytes = r->bits / 8;
    if (bytes > 8 && !r->get) { /* wider than the uint64_t interface: read it where it lives */
        struct emu_cpu *c = dbg_thread(gs->d, tid);
        if (!c)
            return -1;
        rsp_hex(&gs->rsp, (const char *)c + r->offset, bytes);
        return 0;
    }
    uint64_t v;
    int sz = dbg_read_reg(gs->d, tid, regno, &v);
    if (sz < 0)
        return -1;
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    rsp_hex(&gs->rsp, b, bytes < 8 ? bytes : 8);
    for (unsigned i = 8; i < bytes; i++)
        rsp_puts(&gs->rsp, "00");
    return 0;
}

/* Sets register regno from bytes hex digits at hex; -1 on failure. */
static int set_reg(struct gdbstub *gs, int tid, int regno, const char *hex)
{
    const struct isa_reg *r = &gs->p->isa->gdb_regs[regno];
    unsigned bytes = r->bits / 8;
    unsigned char b[64];
    if (bytes > sizeof b || rsp_unhex(hex, b, bytes) < 0)
        return -1;
    if (bytes > 8 && !r->get && !r->set) {
        struct emu_cpu *c = dbg_thread(gs->d, tid);
        if (!c)
            return -1;
        memcpy((char *)c + r->offset, b, bytes);
        return 0;
    }
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes && i < 8; i++)
        v |= (uint64_t)b[i] << (8 * i);
    return dbg_write_reg(gs->d, tid, regno, v) < 0 ? -1 : 0;
}

static int h_read_regs(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    int tid = g_thread(gs), nr = nregs(gs);
    rsp_begin(&gs->rsp);
    for (int i = 0; i < nr; i++)
        if (put_reg(gs, tid, i) < 0)
            return gdb_error(gs, 1);
    return 1;
}

static int h_write_regs(struct gdbstub *gs, const char *a, size_t n)
{
    int tid = g_thread(gs), nr = nregs(gs);
    size_t at = 0;
    for (int i = 0; i < nr && at < n; i++) {
        size_t w = 2 * (gs->p->isa->gdb_regs[i].bits / 8);
        if (at + w > n)
            return gdb_error(gs, 22);
        set_reg(gs, tid, i, a + at); /* read-only registers keep their value */
        at += w;
    }
    return gdb_ok(gs);
}

static int h_read_reg(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    uint64_t regno;
    if (rsp_parse_hex(&s, end, &regno) <= 0 || s != end)
        return gdb_error(gs, 22);
    if (regno >= (uint64_t)nregs(gs))
        return gdb_error(gs, 1);
    rsp_begin(&gs->rsp);
    if (put_reg(gs, g_thread(gs), (int)regno) < 0)
        return gdb_error(gs, 1);
    return 1;
}

static int h_write_reg(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    uint64_t regno;
    if (rsp_parse_hex(&s, end, &regno) <= 0 || s >= end || *s != '=')
        return gdb_error(gs, 22);
    s++;
    if (regno >= (uint64_t)nregs(gs))
        return gdb_error(gs, 1);
    if ((size_t)(end - s) != 2 * (gs->p->isa->gdb_regs[regno].bits / 8))
        return gdb_error(gs, 22);
    if (set_reg(gs, g_thread(gs), (int)regno, s) < 0)
        return gdb_error(gs, 1);
    return gdb_ok(gs);
}

/* ---- memory ---- */

/* "ADDR,LEN" then *s at what follows. */
static int parse_addr_len(const char **s, const char *end, uint64_t *addr, uint64_t *len)
{
    if (rsp_parse_hex(s, end, addr) <= 0 || *s >= end || **s != ',')
        return -1;
    (*s)++;
    if (rsp_parse_hex(s, end, len) <= 0)
        return -1;
    return 0;
}

static int h_read_mem(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    uint64_t addr, len;
    if (parse_addr_len(&s, end, &addr, &len) < 0 || s != end)
        return gdb_error(gs, 22);
    if (len > RSP_PACKET_SIZE / 2)
        len = RSP_PACKET_SIZE / 2; /* gdb takes a short read and asks for the rest */
    unsigned char buf[RSP_PACKET_SIZE / 2];
    size_t got = 0;
    if (dbg_read_mem(gs->d, addr, buf, len) == 0) {
        got = len;
    } else { /* stop at the first unreadable page */
        while (got < len) {
            uint64_t at = addr + got;
            size_t chunk = 4096 - (at & 4095);
            if (chunk > len - got)
                chunk = len - got;
            if (dbg_read_mem(gs->d, at, buf + got, chunk) < 0)
                break;
            got += chunk;
        }
    }
    if (!got && len)
        return gdb_error(gs, 14);
    rsp_begin(&gs->rsp);
    rsp_hex(&gs->rsp, buf, got);
    return 1;
}

static int h_write_mem_hex(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    uint64_t addr, len;
    if (parse_addr_len(&s, end, &addr, &len) < 0 || s >= end || *s != ':')
        return gdb_error(gs, 22);
    s++;
    if ((uint64_t)(end - s) != 2 * len || len > RSP_PACKET_SIZE / 2)
        return gdb_error(gs, 22);
    unsigned char buf[RSP_PACKET_SIZE / 2 + 1];
    if (rsp_unhex(s, buf, len) < 0)
        return gdb_error(gs, 22);
    if (len && dbg_write_mem(gs->d, addr, buf, len) < 0)
        return gdb_error(gs, 14);
    return gdb_ok(gs);
}

static int h_write_mem_bin(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    uint64_t addr, len;
    if (parse_addr_len(&s, end, &addr, &len) < 0 || s >= end || *s != ':')
        return gdb_error(gs, 22);
    s++;
    if ((uint64_t)(end - s) != len)
        return gdb_error(gs, 22);
    if (len && dbg_write_mem(gs->d, addr, s, len) < 0)
        return gdb_error(gs, 14);
    return gdb_ok(gs);
}

/* ---- breakpoints and watchpoints ---- */

static struct gdb_bp *find_bp(struct gdbstub *gs, uint64_t addr)
{
    for (int i = 0; i < gs->nbp; i++)
        if (gs->bp[i].addr == addr)
            return &gs->bp[i];
    return NULL;
}

static int point(struct gdbstub *gs, const char *a, size_t n, int insert)
{
    const char *s = a, *end = a + n;
    if (s >= end || *s < '0' || *s > '4' || s + 1 >= end || s[1] != ',') {
        rsp_begin(&gs->rsp); /* an unknown kind: not supported */
        return 1;
    }
    int type = *s - '0';
    s += 2;
    uint64_t addr, kind;
    if (parse_addr_len(&s, end, &addr, &kind) < 0 || (s < end && *s != ';'))
        return gdb_error(gs, 22);
    if (gs->g_child) /* the fork child runs without traps: nothing to insert or remove there */
        return gdb_ok(gs);
    if (type <= 1) {
        struct gdb_bp *b = find_bp(gs, addr);
        if (insert) {
            if (!b) {
                if (gs->nbp == GDB_MAX_BP || dbg_insert_bp(gs->d, addr) < 0)
                    return gdb_error(gs, 28);
                b = &gs->bp[gs->nbp++];
                *b = (struct gdb_bp){addr, 0, 0};
            }
            if (type == 0)
                b->sw++;
            else
                b->hw++;
            return gdb_ok(gs);
        }
        if (b) {
            int *cnt = type == 0 ? &b->sw : &b->hw;
            if (*cnt > 0)
                (*cnt)--;
            if (!b->sw && !b->hw) {
                dbg_remove_bp(gs->d, addr);
                *b = gs->bp[--gs->nbp];
            }
        }
        return gdb_ok(gs);
    }
    int wtype = type == 2 ? DBG_WATCH_WRITE : type == 3 ? DBG_WATCH_READ : DBG_WATCH_ACCESS;
    if (!kind || kind > 0x10000)
        return gdb_error(gs, 22);
    if (insert) {
        if (gs->nwp == GDB_MAX_WP || dbg_insert_wp(gs->d, wtype, addr, (unsigned)kind) < 0)
            return gdb_error(gs, 28);
        gs->wp[gs->nwp++] = (struct gdb_wp){addr, (unsigned)kind, wtype};
        return gdb_ok(gs);
    }
    for (int i = 0; i < gs->nwp; i++)
        if (gs->wp[i].addr == addr && gs->wp[i].len == kind && gs->wp[i].type == wtype) {
            dbg_remove_wp(gs->d, wtype, addr, (unsigned)kind);
            gs->wp[i] = gs->wp[--gs->nwp];
            break;
        }
    return gdb_ok(gs);
}

static int h_insert(struct gdbstub *gs, const char *a, size_t n) { return point(gs, a, n, 1); }
static int h_remove(struct gdbstub *gs, const char *a, size_t n) { return point(gs, a, n, 0); }

/* ---- threads ---- */

static int thread_exists(struct gdbstub *gs, int tid)
{
    return tid <= 0 || dbg_thread(gs->d, tid) != NULL;
}

static int h_set_thread(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a + 1, *end = a + n;
    if (n < 2 || (a[0] != 'g' && a[0] != 'c'))
        return gdb_error(gs, 22);
    int tid = gdb_parse_tid(gs, &s, end);
    if (tid == -2 || s != end)
        return gdb_error(gs, 22);
    int child = gs->fork_child && gs->parsed_pid == gs->fork_child;
    if (!child && !thread_exists(gs, tid))
        return gdb_error(gs, 3);
    if (a[0] == 'g')
        gs->g_child = child;
    if (child)
        return gdb_ok(gs); /* gdb detaches the fork child's breakpoints through this selection */
    if (a[0] == 'g')
        gs->g_tid = tid;
    else
        gs->c_tid = tid;
    return gdb_ok(gs);
}

static int h_thread_alive(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    int tid = gdb_parse_tid(gs, &s, end);
    if (tid <= 0 || s != end || !dbg_thread(gs->d, tid))
        return gdb_error(gs, 3);
    return gdb_ok(gs);
}

/* Thread ids oldest first, so the main thread comes first. */
static int thread_list(struct gdbstub *gs, int *tids, int max)
{
    int n = dbg_threads(gs->d, tids, max);
    for (int i = 0; i < n / 2; i++) {
        int t = tids[i];
        tids[i] = tids[n - 1 - i];
        tids[n - 1 - i] = t;
    }
    return n;
}

static int h_first_thread(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    int tids[1024];
    int nt = thread_list(gs, tids, 1024);
    rsp_begin(&gs->rsp);
    rsp_puts(&gs->rsp, "m");
    for (int i = 0; i < nt; i++) {
        if (i)
            rsp_puts(&gs->rsp, ",");
        gdb_put_tid(gs, tids[i]);
    }
    return 1;
}

static int h_next_thread(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    rsp_begin(&gs->rsp);
    rsp_puts(&gs->rsp, "l");
    return 1;
}

static int h_current_thread(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    rsp_begin(&gs->rsp);
    rsp_puts(&gs->rsp, "QC");
    gdb_put_tid(gs, gs->stop.tid);
    return 1;
}

static int h_attached(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    rsp_begin(&gs->rsp);
    rsp_puts(&gs->rsp, gs->vrun ? "0" : "1"); /* xtrace started its program before gdb came: as if attached */
    return 1;
}

static int h_status(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    if (gs->running)
        return 0; /* the stop reply follows when the target stops */
    gdb_stop_reply(gs);
    return 1;
}

/* ---- connection-level packets ---- */

static int h_supported(struct gdbstub *gs, const char *a, size_t n)
{
    gs->multiprocess = memmem(a, n, "multiprocess+", 13) != NULL;
    /* fork/vfork/exec events need pPID.TID ids to name the child */
    gs->fork_events = gs->multiprocess && memmem(a, n, "fork-events+", 12) != NULL &&
                      (memmem(a, n, ";fork-events+", 13) || memmem(a, n, ":fork-events+", 13));
    gs->vfork_events = gs->multiprocess && memmem(a, n, "vfork-events+", 13) != NULL;
    gs->exec_events = gs->multiprocess && memmem(a, n, "exec-events+", 12) != NULL;
    rsp_begin(&gs->rsp);
    rsp_printf(&gs->rsp,
               "PacketSize=%x;QStartNoAckMode+;qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+;"
               "qXfer:threads:read+;qXfer:libraries-svr4:read+;swbreak+;hwbreak+;vContSupported+;QCatchSyscalls+;QPassSignals+;multiprocess%c",
               RSP_PACKET_SIZE, gs->multiprocess ? '+' : '-');
    if (gs->fork_events)
        rsp_puts(&gs->rsp, ";fork-events+");
    if (gs->vfork_events)
        rsp_puts(&gs->rsp, ";vfork-events+");
    if (gs->exec_events)
        rsp_puts(&gs->rsp, ";exec-events+");
    gdb_register_fds(gs); /* fork children are now held for gdb's choice */
    return 1;
}

static int h_noack(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    rsp_reply(&gs->rsp, "OK"); /* acked: the switch happens after this reply */
    gs->rsp.noack = 1;
    return 0;
}

static int h_catch_syscalls(struct gdbstub *gs, const char *a, size_t n)
{
    const char *s = a, *end = a + n;
    if (s < end && *s == ':')
        s++;
    if (s >= end || (*s != '0' && *s != '1'))
        return gdb_error(gs, 22);
    if (*s++ == '0') {
        dbg_catch_syscalls(gs->d, NULL, 0);
        return gdb_ok(gs);
    }
    if (s == end) {
        dbg_catch_syscalls(gs->d, NULL, -1);
        return gdb_ok(gs);
    }
    int nos[512], nn = 0;
    while (s < end) {
        uint64_t v;
        if (*s++ != ';' || rsp_parse_hex(&s, end, &v) <= 0)
            return gdb_error(gs, 22);
        if (nn < 512 && v < 512)
            nos[nn++] = (int)v;
    }
    dbg_catch_syscalls(gs->d, nos, nn);
    return gdb_ok(gs);
}

static int h_symbol(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    return gdb_ok(gs);
}

/* monitor commands: qRcmd,HEX */
static int h_rcmd(struct gdbstub *gs, const char *a, size_t n)
{
    if (n < 1 || a[0] != ',' || (n - 1) % 2 || (n - 1) / 2 > 255)
        return gdb_error(gs, 22);
    char cmd[256];
    size_t len = (n - 1) / 2;
    if (rsp_unhex(a + 1, cmd, len) < 0)
        return gdb_error(gs, 22);
    cmd[len] = 0;
    char text[512];
    if (!strcmp(cmd, "help") || !*cmd) {
        snprintf(text, sizeof text,
                 "xtrace gdb stub, %s guest, pid %d. Monitor commands:\n"
                 "  help   this text\n"
                 "Also served: watch/rwatch/awatch, catch syscall, info proc mappings, info sharedlibrary,\n"
                 "Ctrl-C; set XTRACE_GDB_DEBUG=1 to log the packets on xtrace's stderr.\n",
                 gs->p->isa->name, gs->pid);
    } else {
        snprintf(text, sizeof text, "unknown monitor command '%s' (try 'monitor help')\n", cmd);
    }
    rsp_begin(&gs->rsp);
    rsp_puts(&gs->rsp, "O");
    rsp_hex(&gs->rsp, text, strlen(text));
    rsp_send(&gs->rsp);
    return gdb_ok(gs);
}

static int h_detach(struct gdbstub *gs, const char *a, size_t n)
{
    if (n) { /* D;PID (multiprocess) */
        const char *s = a + 1, *end = a + n;
        uint64_t pid;
        if (a[0] != ';' || rsp_parse_hex(&s, end, &pid) <= 0 || s != end)
            return gdb_error(gs, 22);
        if (gs->fork_child && (int)pid == gs->fork_child) { /* follow-fork-mode parent: the child runs on */
            dbg_fork_release(gs->d, 0);
            gs->fork_child = 0;
            gs->g_child = 0;
            return gdb_ok(gs);
        }
        if ((int)pid != gs->pid)
            return gdb_error(gs, 3);
        if (gs->fork_child) /* follow-fork-mode child: the parent is detached, the child takes over */
            return gdb_follow_fork_child(gs);
    }
    rsp_reply(&gs->rsp, "OK");
    if (gs->no_process) /* extended mode, nothing left to detach from: the parked process ends */
        gdb_end_no_process(gs);
    gs->nbp = gs->nwp = 0; /* dbg_detach drops them all */
    if (gdb_extended_detach(gs))
        return 0; /* extended-remote: the program runs on, the connection stays for gdb's run */
    gdb_linger_close(gs);
    dbg_detach(gs->d);
    gs->done = 1;
    return 0;
}

static int h_kill(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    gdb_kill_process(gs);
}


static int h_restart(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    gdb_log(gs, "R (restart) refused: xtrace runs one program per stub; start it again with xtrace -g");
    return 0; /* R has no reply */
}

static int h_ctrlc(struct gdbstub *gs, const char *a, size_t n)
{
    (void)a, (void)n;
    if (gs->running)
        dbg_interrupt(gs->d);
    return gdb_ok(gs);
}

static const struct {
    const char *name;            /* packet name: one letter, or the text up to ':', ';' or ',' */
    gdb_handler fn;              /* handler */
    int when_running;            /* may run while the target runs */
} packets[] = {
    {"?", h_status, 1},
    {"g", h_read_regs, 0},
    {"G", h_write_regs, 0},
    {"p", h_read_reg, 0},
    {"P", h_write_reg, 0},
    {"m", h_read_mem, 0},
    {"M", h_write_mem_hex, 0},
    {"X", h_write_mem_bin, 0},
    {"Z", h_insert, 0},
    {"z", h_remove, 0},
    {"H", h_set_thread, 0},
    {"T", h_thread_alive, 0},
    {"c", gdb_h_continue, 0},
    {"s", gdb_h_step, 0},
    {"C", gdb_h_continue_sig, 0},
    {"S", gdb_h_step_sig, 0},
    {"D", h_detach, 0},
    {"k", h_kill, 1},
    {"!", gdb_h_extended, 1},
    {"vRun", gdb_h_vrun, 1},
    {"R", h_restart, 1},
    {"qSupported", h_supported, 1},
    {"qfThreadInfo", h_first_thread, 0},
    {"qsThreadInfo", h_next_thread, 0},
    {"qC", h_current_thread, 0},
    {"qAttached", h_attached, 1},
    {"qSymbol", h_symbol, 0},
    {"qRcmd", h_rcmd, 0},
    {"qXfer", gdb_h_qxfer, 0},
    {"QStartNoAckMode", h_noack, 1},
    {"QCatchSyscalls", h_catch_syscalls, 0},
    {"QPassSignals", gdb_h_pass_signals, 0},
    {"vCont?", gdb_h_vcont_query, 1},
    {"vCont", gdb_h_vcont, 0},
    {"vKill", gdb_h_vkill, 1},
    {"vCtrlC", h_ctrlc, 1},
    {"vFile", gdb_h_vfile, 0},
};

void gdb_handle_packet(struct gdbstub *gs, const char *pkt, size_t n)
{
    size_t nl = 1;
    if (n && (pkt[0] == 'q' || pkt[0] == 'Q' || pkt[0] == 'v'))
        while (nl < n && pkt[nl] != ':' && pkt[nl] != ';' && pkt[nl] != ',')
            nl++;
    if (!n) {
        rsp_reply(&gs->rsp, "");
        return;
    }
    if (gs->no_process && gdb_no_process_packet(gs, pkt, nl)) {
        if (gs->fd >= 0)
            rsp_send(&gs->rsp);
        return;
    }
    for (size_t i = 0; i < sizeof packets / sizeof packets[0]; i++) {
        if (strlen(packets[i].name) != nl || memcmp(packets[i].name, pkt, nl))
            continue;
        if (gs->running && !packets[i].when_running) { /* all-stop: gdb waits for the stop first */
            gdb_error(gs, 16);
        } else if (!packets[i].fn(gs, pkt + nl, n - nl)) {
            return;
        }
        if (gs->fd >= 0)
            rsp_send(&gs->rsp);
        return;
    }
    rsp_reply(&gs->rsp, ""); /* unknown packet: not supported */
}
