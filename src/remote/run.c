/* Remote debug target: resuming (stepping off breakpoints), interrupting, and turning stop replies into stop events. */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "remote.h"

#define STEP_TIMEOUT_MS 5000

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static uint64_t peek(struct remote *r, uint64_t addr, unsigned len)
{
    uint8_t b[8] = {0};
    unsigned n = len > 8 ? 8 : len;
    if (remote_read_mem(r, addr, b, n) < 0)
        return 0;
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)b[r->little ? i : n - 1 - i] << (8 * i);
    return v;
}

/* Fills st from a stop reply (T/S/W/X); returns 0, or -1 when pkt is not one. */
int remote_parse_stop(struct remote *r, const char *pkt, struct dbg_stop *st)
{
    memset(st, 0, sizeof *st);
    int h1 = hexval(pkt[0] ? pkt[1] : 0), h2 = h1 >= 0 ? hexval(pkt[2]) : -1;
    if (!strchr("TSWX", pkt[0]) || !pkt[0] || h1 < 0 || h2 < 0)
        return -1;
    int val = h1 << 4 | h2;
    st->tid = r->cur_tid;
    if (pkt[0] == 'W' || pkt[0] == 'X') {
        st->kind = pkt[0] == 'W' ? DBG_STOP_EXIT : DBG_STOP_KILLED;
        st->status = pkt[0] == 'W' ? val : 0;
        st->sig = pkt[0] == 'X' ? val : 0;
        r->exited = 1;
        r->running = 0;
        return 0;
    }
    int watch = 0, tid = 0;
    uint64_t waddr = 0;
    for (const char *s = pkt + 3; *s;) {
        const char *colon = strchr(s, ':'), *semi = strchr(s, ';');
        if (!semi)
            semi = s + strlen(s);
        if (colon && colon < semi) {
            size_t kl = (size_t)(colon - s);
            const char *v = colon + 1;
            if (kl == 6 && !strncmp(s, "thread", 6)) {
                const char *dot = *v == 'p' ? memchr(v, '.', (size_t)(semi - v)) : NULL;
                tid = (int)strtol(dot ? dot + 1 : v, NULL, 16);
            } else if ((kl == 5 && !strncmp(s, "watch", 5)) || (kl == 6 && !strncmp(s, "rwatch", 6)) ||
                       (kl == 6 && !strncmp(s, "awatch", 6))) {
                watch = s[0] == 'r' ? DBG_WATCH_READ : s[0] == 'a' ? DBG_WATCH_ACCESS : DBG_WATCH_WRITE;
                waddr = strtoull(v, NULL, 16);
            }
        }
        s = *semi ? semi + 1 : semi;
    }
    if (tid > 0)
        r->cur_tid = tid;
    r->hg_tid = r->cur_tid; /* a stub selects the thread that stopped */
    r->running = 0;
    remote_invalidate(r);
    st->tid = r->cur_tid;
    st->sig = val;
    uint64_t pc = 0;
    if (r->r_pc >= 0)
        remote_read_reg(r, 0, r->r_pc, &pc);
    st->pc = pc;
    st->insn_pc = pc;
    if (watch) {
        int k = -1, best = 0;
        for (int i = 0; i < r->nwp; i++) /* the watchpoint of the reported kind, else any at that address */
            if (waddr >= r->wp[i].addr && waddr < r->wp[i].addr + r->wp[i].len) {
                int score = r->wp[i].type == watch ? 3 : (r->wp[i].type & watch) ? 2 : 1;
                if (score > best)
                    k = i, best = score;
            }
        for (int i = 0; k < 0 && i < r->nwp; i++) /* a wide access that overlaps the watched bytes */
            if (waddr < r->wp[i].addr + r->wp[i].len && r->wp[i].addr < waddr + 8)
                k = i;
        st->kind = DBG_STOP_WATCH;
        if (k >= 0) {
            st->addr = r->wp[k].addr;
            st->len = r->wp[k].len;
            st->watch = r->wp[k].type == DBG_WATCH_ACCESS && watch == DBG_WATCH_WRITE ? DBG_WATCH_ACCESS : watch;
            st->old_val = r->wp[k].val;
            st->new_val = peek(r, r->wp[k].addr, r->wp[k].len);
            r->wp[k].val = st->new_val;
        } else {
            st->addr = waddr;
            st->watch = watch;
        }
        return 0;
    }
    for (int i = 0; i < r->nwp; i++) /* keep the old values current for the next report */
        r->wp[i].val = peek(r, r->wp[i].addr, r->wp[i].len);
    if (val == SIGINT) {
        st->kind = DBG_STOP_INTERRUPT;
    } else if (val == SIGTRAP) {
        int at_bp = 0;
        for (int i = 0; i < r->nbp; i++)
            at_bp |= r->bp[i].addr == pc;
        st->kind = r->stepping ? DBG_STOP_STEP : at_bp ? DBG_STOP_BREAK : DBG_STOP_SIGNAL;
        st->addr = pc;
    } else {
        st->kind = DBG_STOP_SIGNAL;
    }
    return 0;
}

/* A stop for a connection that is gone: the board cannot be resumed any more. */
static void gone_stop(struct remote *r, struct dbg_stop *st)
{
    memset(st, 0, sizeof *st);
    st->kind = DBG_STOP_KILLED;
    st->sig = SIGHUP;
    st->tid = r->cur_tid;
    r->exited = 1;
    r->running = 0;
}

static int read_stop(struct remote *r, struct dbg_stop *st, int timeout_ms);

/* Stubs for arm, aarch64, riscv and mips report a watchpoint before the access is done (pc at the load or
   store, the old value still in memory), like the hardware: step over the access with the watchpoints
   lifted, then report the values the access left and the pc after it. */
static void finish_watch(struct remote *r, struct dbg_stop *st)
{
    if (!strncmp(r->td.arch, "i386", 4) || r->gone)
        return;
    char q[64];
    for (int i = 0; i < r->nwp; i++) {
        int z = r->wp[i].type == DBG_WATCH_WRITE ? 2 : r->wp[i].type == DBG_WATCH_READ ? 3 : 4;
        snprintf(q, sizeof q, "z%d,%" PRIx64 ",%x", z, r->wp[i].addr, r->wp[i].len);
        remote_request(r, q, strlen(q), 5000);
    }
    struct dbg_stop after;
    int stepping = r->stepping;
    r->stepping = 1;
    r->running = 1;
    int got = rspc_sends(&r->c, "s") < 0 ? -1 : read_stop(r, &after, 5000);
    r->stepping = stepping;
    r->running = 0;
    for (int i = 0; i < r->nwp && !r->gone; i++) {
        int z = r->wp[i].type == DBG_WATCH_WRITE ? 2 : r->wp[i].type == DBG_WATCH_READ ? 3 : 4;
        snprintf(q, sizeof q, "Z%d,%" PRIx64 ",%x", z, r->wp[i].addr, r->wp[i].len);
        remote_request(r, q, strlen(q), 5000);
    }
    if (got != 1 || after.kind != DBG_STOP_STEP)
        return;
    st->insn_pc = st->pc;
    st->pc = after.pc;
    for (int i = 0; i < r->nwp; i++) {
        uint64_t v = peek(r, r->wp[i].addr, r->wp[i].len);
        if (r->wp[i].addr == st->addr && r->wp[i].len == st->len)
            st->new_val = v;
        r->wp[i].val = v;
    }
}

/* Reads packets until a stop reply; 1 with st, 0 on timeout, -1 when the connection closed. */
static int read_stop(struct remote *r, struct dbg_stop *st, int timeout_ms)
{
    if (r->raw_stop) {
        char *p = r->raw_stop;
        r->raw_stop = NULL;
        int ok = remote_parse_stop(r, p, st) == 0;
        free(p);
        if (ok)
            return 1;
    }
    for (;;) {
        int got = rspc_recv(&r->c, timeout_ms);
        if (got < 0) {
            if (!r->gone && !r->exited)
                remote_say(r, "xtrace: the gdbstub at %s closed the connection (did the emulator exit?)", r->spec);
            r->gone = 1;
            return -1;
        }
        if (got == 0)
            return 0;
        const char *p = r->c.pkt;
        if (p[0] == 'O' && r->c.pkt_len > 1 && strcmp(p, "OK")) {
            char text[1024];
            size_t n = rspc_fromhex(p + 1, r->c.pkt_len - 1, text, sizeof text - 1);
            while (n && (text[n - 1] == '\n' || text[n - 1] == '\r'))
                n--;
            text[n] = 0;
            if (n)
                remote_say(r, "%s", text);
            continue;
        }
        char *copy = strdup(p);
        if (!copy)
            continue;
        int ok = remote_parse_stop(r, copy, st) == 0;
        free(copy);
        if (ok && st->kind == DBG_STOP_WATCH)
            finish_watch(r, st);
        if (ok)
            return 1;
        /* anything else (a late answer) is not for us */
    }
}

int remote_wait(void *ctx, struct dbg_stop *st, int timeout_ms)
{
    struct remote *r = ctx;
    if (r->has_stop) {
        *st = r->stop;
        r->has_stop = 0;
        if (r->on_stop)
            r->on_stop(r->ctx);
        return 1;
    }
    if (!r->running)
        return 0;
    if (r->gone) {
        gone_stop(r, st);
        return 1;
    }
    int got = read_stop(r, st, timeout_ms);
    if (got < 0) {
        gone_stop(r, st);
        return 1;
    }
    if (got == 1) {
        r->stepping = 0;
        if (r->on_stop)
            r->on_stop(r->ctx);
    }
    return got;
}

static int at_breakpoint(struct remote *r, uint64_t pc)
{
    for (int i = 0; i < r->nbp; i++)
        if (r->bp[i].addr == pc)
            return i;
    return -1;
}

static void bp_packet(struct remote *r, int insert, int k)
{
    char q[64];
    snprintf(q, sizeof q, "%c%d,%" PRIx64 ",%x", insert ? 'Z' : 'z', r->bp[k].type, r->bp[k].addr,
             (unsigned)r->bp[k].kind);
    remote_request(r, q, strlen(q), 5000);
}

void remote_resume(void *ctx, enum dbg_mode mode, int tid, int sig)
{
    struct remote *r = ctx;
    (void)sig; /* a board has no signals to deliver */
    if (r->running)
        return;
    if (r->gone || r->exited) {
        gone_stop(r, &r->stop);
        r->has_stop = 1;
        return;
    }
    if (tid > 0 && tid != r->cur_tid && mode == DBG_STEP) {
        char q[64];
        if (r->multiprocess)
            snprintf(q, sizeof q, "Hcp%x.%x", (unsigned)r->pid, (unsigned)tid);
        else
            snprintf(q, sizeof q, "Hc%x", (unsigned)tid);
        remote_request(r, q, strlen(q), 5000);
    }
    uint64_t pc = 0;
    if (r->r_pc >= 0)
        remote_read_reg(r, 0, r->r_pc, &pc);
    int k = r->r_pc >= 0 ? at_breakpoint(r, pc) : -1;
    remote_invalidate(r);
    if (k >= 0) { /* step off the breakpoint with it lifted, then put it back */
        bp_packet(r, 0, k);
        r->stepping = 1;
        r->running = 1;
        struct dbg_stop st;
        int got = rspc_sends(&r->c, "s") < 0 ? -1 : read_stop(r, &st, STEP_TIMEOUT_MS);
        if (got <= 0) {
            if (got == 0)
                remote_say(r, "xtrace: the gdbstub did not finish a single step within %d ms", STEP_TIMEOUT_MS);
            gone_stop(r, &r->stop);
            r->has_stop = 1;
            return;
        }
        r->stepping = 0;
        if (!r->gone)
            bp_packet(r, 1, k);
        if (mode == DBG_STEP || st.kind != DBG_STOP_STEP) {
            r->stop = st;
            r->has_stop = 1;
            return;
        }
    }
    r->stepping = mode == DBG_STEP;
    if (rspc_sends(&r->c, mode == DBG_STEP ? "s" : "c") < 0) {
        gone_stop(r, &r->stop);
        r->has_stop = 1;
        return;
    }
    r->running = 1;
}

void remote_interrupt(void *ctx)
{
    struct remote *r = ctx;
    if (r->running && !r->gone)
        rspc_interrupt(&r->c);
}

void remote_interrupt_and_wait(struct remote *r)
{
    struct dbg_stop st;
    remote_interrupt(r);
    if (read_stop(r, &st, 2000) == 1) {
        r->stepping = 0;
        r->running = 0;
    }
}
