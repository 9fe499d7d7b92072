/* Remote debug target: connection set-up, registers from the target description, memory, breakpoints, monitor. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "remote.h"

#define REQ_TIMEOUT_MS 5000

void remote_say(struct remote *r, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (r->quiet)
        return;
    if (r->message)
        r->message(r->ctx, buf);
    else
        fprintf(stderr, "%s\n", buf);
}

static void lost(struct remote *r)
{
    if (r->gone)
        return;
    r->gone = 1;
    r->running = 0;
    if (!r->exited)
        remote_say(r, "xtrace: the gdbstub at %s closed the connection (did the emulator exit?)", r->spec);
}

/* True for a stop reply ("T05...", "S02", "W00", "X09") as opposed to a command's answer. */
static int is_stop_reply(const char *p, size_t n)
{
    return n >= 3 && strchr("TSWX", p[0]) && strchr("0123456789abcdefABCDEF", p[1]) &&
           strchr("0123456789abcdefABCDEF", p[2]);
}

/* "O<hex>": output the stub sends (monitor replies, semihosting); shown as lines for the user. */
static void show_output(struct remote *r, const char *hex, size_t n)
{
    char text[2048];
    size_t k = rspc_fromhex(hex, n, text, sizeof text - 1);
    while (k && (text[k - 1] == '\n' || text[k - 1] == '\r'))
        k--;
    text[k] = 0;
    if (k)
        remote_say(r, "%s", text);
}

int remote_request(struct remote *r, const char *payload, size_t n, int timeout_ms)
{
    if (r->gone)
        return -1;
    if (rspc_send(&r->c, payload, n) < 0) {
        lost(r);
        return -1;
    }
    for (;;) {
        int got = rspc_recv(&r->c, timeout_ms);
        if (got < 0) {
            lost(r);
            return -1;
        }
        if (got == 0) {
            remote_say(r, "xtrace: the gdbstub did not answer \"%.*s\" within %d ms", (int)(n > 40 ? 40 : n), payload,
                       timeout_ms);
            return -1;
        }
        const char *p = r->c.pkt;
        size_t len = r->c.pkt_len;
        if (p[0] == 'O' && len > 1 && len % 2 == 1 && strcmp(p, "OK")) {
            show_output(r, p + 1, len - 1);
            continue;
        }
        if (is_stop_reply(p, len) && payload[0] != '?' && payload[0] != 's' && payload[0] != 'c' &&
            strncmp(payload, "vCont", 5)) {
            if (p[0] == 'W' || p[0] == 'X') { /* the board went away while we talked */
                free(r->raw_stop);
                r->raw_stop = strdup(p);
            }
            continue; /* an unsolicited stop (connecting halted a running guest): the target is stopped now */
        }
        return 1;
    }
}

static int request_s(struct remote *r, const char *payload)
{
    return remote_request(r, payload, strlen(payload), REQ_TIMEOUT_MS);
}

static int reply_ok(struct remote *r) { return !strcmp(r->c.pkt, "OK"); }
static int reply_empty(struct remote *r) { return r->c.pkt_len == 0; }
static int reply_err(struct remote *r) { return r->c.pkt[0] == 'E' && r->c.pkt_len == 3; }

void remote_invalidate(struct remote *r)
{
    r->g_valid = 0;
    if (r->p_valid)
        memset(r->p_valid, 0, (size_t)r->td.nregs);
    for (int i = 0; i < REMOTE_LINES; i++)
        r->line[i].valid = 0;
    r->ntids = 0;
}

/* ---- set-up ---- */

/* Reads one annex of qXfer:features:read in pieces. */
static int fetch_annex(void *ctx, const char *annex, char **text, char *err, size_t errsz)
{
    struct remote *r = ctx;
    size_t cap = 4096, len = 0, want = r->c.packet_size > 64 ? r->c.packet_size - 32 : 0x200;
    char *buf = malloc(cap);
    if (!buf) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    for (int guard = 0; guard < 4096; guard++) {
        char q[512];
        snprintf(q, sizeof q, "qXfer:features:read:%s:%zx,%zx", annex, len, want);
        if (request_s(r, q) < 0) {
            snprintf(err, errsz, "the stub did not answer qXfer:features:read");
            free(buf);
            return -1;
        }
        const char *p = r->c.pkt;
        size_t n = r->c.pkt_len;
        if (n == 0 || (p[0] != 'm' && p[0] != 'l')) {
            snprintf(err, errsz, n == 0 ? "the stub does not provide it (qXfer:features:read unsupported)"
                                        : "the stub refused to read it (%s)", p);
            free(buf);
            return -1;
        }
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *g = realloc(buf, cap);
            if (!g) {
                free(buf);
                snprintf(err, errsz, "out of memory");
                return -1;
            }
            buf = g;
        }
        memcpy(buf + len, p + 1, n - 1);
        len += n - 1;
        if (p[0] == 'l' || n == 1)
            break;
    }
    buf[len] = 0;
    *text = buf;
    return 0;
}

/* Lays out the g packet: described registers by increasing regnum from 0 while they are contiguous. */
static void layout_g(struct remote *r)
{
    int n = r->td.nregs;
    r->goff = malloc((size_t)n * sizeof *r->goff);
    r->pval = calloc((size_t)n, sizeof *r->pval);
    r->p_valid = calloc((size_t)n, 1);
    size_t off = 0;
    for (int i = 0; i < n; i++)
        r->goff[i] = -1;
    for (int num = 0;; num++) {
        int k = -1;
        for (int i = 0; i < n; i++)
            if (r->td.regs[i].regnum == num) {
                k = i;
                break;
            }
        if (k < 0)
            break;
        r->goff[k] = (int)off;
        off += (r->td.regs[k].bits + 7) / 8;
    }
    r->glen = off;
    r->gbuf = calloc(off ? off : 1, 1);
}

static int find_reg(const struct remote *r, const char *name)
{
    for (int i = 0; i < r->td.nregs; i++)
        if (!strcmp(r->td.regs[i].name, name))
            return i;
    return -1;
}

static int remote_connect(struct remote *r, const char *spec, char *err, size_t errsz);

int remote_open(struct remote *r, const char *spec, char *err, size_t errsz)
{
    snprintf(r->spec, sizeof r->spec, "%s", spec);
    r->pid = 1;
    r->little = 1;
    r->cur_tid = r->hg_tid = 1;
    if (rspc_connect(&r->c, spec, err, errsz) < 0)
        return -1;
    r->quiet = 1;
    int rc = remote_connect(r, spec, err, errsz);
    r->quiet = 0;
    return rc;
}

/* remote_open after the connection is made. */
static int remote_connect(struct remote *r, const char *spec, char *err, size_t errsz)
{
    const char *sup = "qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+;qXfer:features:read+";
    if (request_s(r, sup) < 0) {
        if (r->gone)
            snprintf(err, errsz, "the gdbstub at %s closed the connection at once (is another debugger attached?)",
                     spec);
        else
            snprintf(err, errsz, "%s did not answer qSupported within %d s (is it a gdbstub?)", spec,
                     REQ_TIMEOUT_MS / 1000);
        return -1;
    }
    char feats[1024];
    snprintf(feats, sizeof feats, ";%s;", r->c.pkt);
    const char *ps = strstr(feats, ";PacketSize=");
    r->c.packet_size = ps ? (size_t)strtoul(ps + 12, NULL, 16) : 0x400;
    if (r->c.packet_size < 64)
        r->c.packet_size = 64;
    r->mem_chunk = r->c.packet_size / 2 - 8;
    if (r->mem_chunk > 0x800)
        r->mem_chunk = 0x800; /* qemu answers E22 past 0x800 whatever PacketSize says */
    r->multiprocess = strstr(feats, ";multiprocess+;") != NULL;
    if (strstr(feats, ";QStartNoAckMode+;") && request_s(r, "QStartNoAckMode") > 0 && reply_ok(r))
        r->c.noack = 1;
    if (!strstr(feats, ";qXfer:features:read+;")) {
        snprintf(err, errsz, "the gdbstub at %s offers no target description (qXfer:features:read); xtrace needs "
                             "one to know the registers", spec);
        return -1;
    }
    char terr[512];
    int rc = 0;
    if (tdesc_load(&r->td, fetch_annex, r, terr, sizeof terr) < 0) {
        snprintf(err, errsz, "cannot use the target description of %s: %s", spec, terr);
        if (r->gone)
            return -1;
        tdesc_free(&r->td); /* go on without registers: memory, run control, the UART and monitor still work */
        r->no_regs = 1;
        rc = -2;
    }
    layout_g(r);
    r->r_pc = find_reg(r, "pc");
    r->r_sp = find_reg(r, "sp");
    r->r_cpsr = find_reg(r, "cpsr");
    if (r->r_cpsr < 0)
        r->r_cpsr = find_reg(r, "xpsr");
    if (request_s(r, "?") < 0) {
        snprintf(err, errsz, "the gdbstub at %s closed the connection", spec);
        return -1;
    }
    struct dbg_stop st;
    if (remote_parse_stop(r, r->c.pkt, &st) < 0) {
        snprintf(err, errsz, "the gdbstub at %s answered \"?\" with \"%.40s\"", spec, r->c.pkt);
        return -1;
    }
    st.kind = st.kind == DBG_STOP_EXIT || st.kind == DBG_STOP_KILLED ? st.kind : DBG_STOP_START;
    r->stop = st;
    r->has_stop = 1;
    return rc;
}

/* ---- threads ---- */

static const char *tid_text(struct remote *r, int tid, char *buf, size_t n)
{
    if (r->multiprocess)
        snprintf(buf, n, "p%x.%x", r->pid, tid);
    else
        snprintf(buf, n, "%x", tid);
    return buf;
}

int remote_select(struct remote *r, int tid)
{
    if (tid <= 0)
        tid = r->cur_tid;
    if (tid == r->hg_tid)
        return 0;
    char q[64], t[32];
    snprintf(q, sizeof q, "Hg%s", tid_text(r, tid, t, sizeof t));
    if (request_s(r, q) < 0 || !reply_ok(r))
        return -EINVAL;
    r->hg_tid = tid;
    remote_invalidate(r);
    return 0;
}

static void list_threads(struct remote *r)
{
    if (r->ntids || r->running || r->gone)
        return;
    const char *q = "qfThreadInfo";
    while (r->ntids < REMOTE_MAX_THREADS && request_s(r, q) > 0 && r->c.pkt[0] == 'm') {
        for (char *s = r->c.pkt + 1; *s && r->ntids < REMOTE_MAX_THREADS;) {
            char *dot = NULL;
            if (*s == 'p')
                dot = strchr(s, '.');
            long tid = strtol(dot ? dot + 1 : s, &s, 16);
            if (tid > 0)
                r->tids[r->ntids++] = (int)tid;
            while (*s && *s != ',')
                s++;
            if (*s == ',')
                s++;
        }
        q = "qsThreadInfo";
    }
    if (!r->ntids)
        r->tids[r->ntids++] = r->cur_tid;
}

static int r_threads(void *ctx, int *tids, int max)
{
    struct remote *r = ctx;
    list_threads(r);
    int n = r->ntids < max ? r->ntids : max;
    memcpy(tids, r->tids, (size_t)n * sizeof *tids);
    return n;
}

static struct emu_cpu *r_thread(void *ctx, int tid)
{
    struct remote *r = ctx;
    if (tid <= 0)
        tid = r->cur_tid;
    list_threads(r);
    int live = 0;
    for (int i = 0; i < r->ntids; i++)
        live |= r->tids[i] == tid;
    if (!live && !r->running)
        return NULL;
    for (int i = 0; i < r->ncpus; i++)
        if (r->cpus[i]->tid == tid)
            return r->cpus[i];
    if (r->ncpus == REMOTE_MAX_THREADS)
        return NULL;
    struct emu_cpu *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->tid = tid;
    r->cpus[r->ncpus++] = c;
    return c;
}

/* ---- registers ---- */

static uint64_t bytes_value(const struct remote *r, const uint8_t *b, unsigned nbytes)
{
    uint64_t v = 0;
    unsigned n = nbytes > 8 ? 8 : nbytes;
    for (unsigned i = 0; i < n; i++) {
        unsigned k = r->little ? i : nbytes - 1 - i;
        v |= (uint64_t)b[k] << (8 * i);
    }
    return v;
}

/* The bytes of register i at this stop, or NULL when the stub cannot give them. */
static const uint8_t *reg_bytes(struct remote *r, int i)
{
    unsigned nb = (r->td.regs[i].bits + 7) / 8;
    if (r->goff[i] >= 0) {
        if (!r->g_valid) {
            if (request_s(r, "g") < 0 || reply_err(r))
                return NULL;
            memset(r->gbuf, 0, r->glen);
            r->g_got = rspc_fromhex(r->c.pkt, r->c.pkt_len, r->gbuf, r->glen); /* "xx" (unavailable) stops it */
            r->g_valid = 1;
        }
        if ((size_t)r->goff[i] + nb <= r->g_got)
            return r->gbuf + r->goff[i];
    }
    if (nb > sizeof r->pval[0])
        return NULL;
    if (r->p_valid[i] == 2)
        return NULL;
    if (!r->p_valid[i]) {
        char q[32];
        snprintf(q, sizeof q, "p%x", r->td.regs[i].regnum);
        if (request_s(r, q) < 0)
            return NULL;
        if (reply_empty(r) || reply_err(r) || r->c.pkt[0] == 'x') {
            r->p_valid[i] = 2;
            return NULL;
        }
        memset(r->pval[i], 0, sizeof r->pval[i]);
        rspc_fromhex(r->c.pkt, r->c.pkt_len, r->pval[i], nb);
        r->p_valid[i] = 1;
    }
    return r->pval[i];
}

int remote_read_reg(struct remote *r, int tid, int i, uint64_t *val)
{
    if (i < 0 || i >= r->td.nregs)
        return -EINVAL;
    if (r->running || r->gone)
        return -EBUSY;
    if (remote_select(r, tid) < 0)
        return -EINVAL;
    const uint8_t *b = reg_bytes(r, i);
    if (!b)
        return -EIO;
    unsigned nb = (r->td.regs[i].bits + 7) / 8;
    *val = bytes_value(r, b, nb);
    return (int)nb;
}

static int r_read_reg(void *ctx, int tid, int regno, uint64_t *val)
{
    return remote_read_reg(ctx, tid, regno, val);
}

static int r_write_reg(void *ctx, int tid, int i, uint64_t val)
{
    struct remote *r = ctx;
    if (i < 0 || i >= r->td.nregs)
        return -EINVAL;
    if (r->running || r->gone)
        return -EBUSY;
    if (remote_select(r, tid) < 0)
        return -EINVAL;
    unsigned nb = (r->td.regs[i].bits + 7) / 8;
    uint8_t b[64] = {0};
    const uint8_t *cur = nb <= sizeof b ? reg_bytes(r, i) : NULL;
    if (!cur)
        return -EIO;
    memcpy(b, cur, nb);
    for (unsigned k = 0; k < nb && k < 8; k++)
        b[r->little ? k : nb - 1 - k] = (uint8_t)(val >> (8 * k));
    char q[200];
    int n = snprintf(q, sizeof q, "P%x=", r->td.regs[i].regnum);
    rspc_tohex(b, nb, q + n);
    int ok = 0;
    if (!r->no_P && request_s(r, q) > 0) {
        ok = reply_ok(r);
        r->no_P = reply_empty(r);
    }
    if (!ok && r->no_P && r->goff[i] >= 0 && r->g_valid) { /* the whole block with G */
        memcpy(r->gbuf + r->goff[i], b, nb);
        char *g = malloc(2 * r->glen + 2);
        if (!g)
            return -ENOMEM;
        g[0] = 'G';
        rspc_tohex(r->gbuf, r->glen, g + 1);
        ok = remote_request(r, g, 2 * r->glen + 1, REQ_TIMEOUT_MS) > 0 && reply_ok(r);
        free(g);
    }
    remote_invalidate(r);
    return ok ? 0 : -EIO;
}

/* ---- memory ---- */

void remote_add_ram(struct remote *r, uint64_t lo, uint64_t hi)
{
    if (r->nram < REMOTE_MAX_RAM && hi > lo)
        r->ram[r->nram].lo = lo, r->ram[r->nram++].hi = hi;
}

/* Reads [addr, addr+len) from the stub exactly, in pieces it accepts; 0 or -EFAULT. */
static int fetch(struct remote *r, uint64_t addr, uint8_t *buf, size_t len)
{
    while (len) {
        size_t n = len < r->mem_chunk ? len : r->mem_chunk;
        char q[64];
        snprintf(q, sizeof q, "m%" PRIx64 ",%zx", addr, n);
        if (request_s(r, q) < 0 || reply_err(r) || r->c.pkt_len < 2 * n)
            return -EFAULT;
        rspc_fromhex(r->c.pkt, r->c.pkt_len, buf, n);
        addr += n, buf += n, len -= n;
    }
    return 0;
}

/* True where a whole cache line may be read: near pc or sp, or inside a loaded segment (not a device). */
static int may_read_ahead(struct remote *r, uint64_t a)
{
    for (int i = 0; i < r->nram; i++)
        if (a >= r->ram[i].lo && a + REMOTE_LINE <= r->ram[i].hi)
            return 1;
    uint64_t v;
    int regs[2] = {r->r_pc, r->r_sp};
    for (int k = 0; k < 2; k++)
        if (regs[k] >= 0 && remote_read_reg(r, 0, regs[k], &v) > 0 && a + 0x10000 >= v && a <= v + 0x10000)
            return 1;
    return 0;
}

int remote_read_mem(struct remote *r, uint64_t addr, void *buf, size_t len)
{
    if (r->running || r->gone)
        return -EBUSY;
    if (remote_select(r, 0) < 0)
        return -EFAULT;
    uint8_t *out = buf;
    if (len > 2 * REMOTE_LINE)
        return fetch(r, addr, out, len);
    while (len) {
        uint64_t base = addr & ~(uint64_t)(REMOTE_LINE - 1);
        size_t off = (size_t)(addr - base), n = REMOTE_LINE - off < len ? REMOTE_LINE - off : len;
        int slot = (int)((base / REMOTE_LINE) % REMOTE_LINES);
        if (!(r->line[slot].valid && r->line[slot].addr == base)) {
            if (!may_read_ahead(r, base) || fetch(r, base, r->line[slot].b, REMOTE_LINE) < 0)
                return fetch(r, addr, out, len); /* exactly what was asked (devices, the end of memory) */
            r->line[slot].addr = base;
            r->line[slot].valid = 1;
        }
        memcpy(out, r->line[slot].b + off, n);
        out += n, addr += n, len -= n;
    }
    return 0;
}

static int r_read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
    return remote_read_mem(ctx, addr, buf, len);
}

static int r_write_mem(void *ctx, uint64_t addr, const void *buf, size_t len)
{
    struct remote *r = ctx;
    if (r->running || r->gone)
        return -EBUSY;
    if (remote_select(r, 0) < 0)
        return -EFAULT;
    const uint8_t *b = buf;
    size_t room = r->c.packet_size - 40, cap = 2 * room + 64;
    char *q = malloc(cap);
    if (!q)
        return -ENOMEM;
    int rc = 0;
    while (len && !rc) {
        size_t n = len, k = 0;
        if (!r->no_x) {
            if (n > room / 2)
                n = room / 2; /* escaping at most doubles it */
            k = (size_t)snprintf(q, cap, "X%" PRIx64 ",%zx:", addr, n);
            k += rspc_escape(b, n, q + k, cap - k);
            if (remote_request(r, q, k, REQ_TIMEOUT_MS) < 0) {
                rc = -EIO;
                break;
            }
            if (reply_empty(r)) {
                r->no_x = 1; /* qemu has no X: hex with M */
                continue;
            }
        } else {
            if (n > room / 2)
                n = room / 2;
            k = (size_t)snprintf(q, cap, "M%" PRIx64 ",%zx:", addr, n);
            rspc_tohex(b, n, q + k);
            k += 2 * n;
            if (remote_request(r, q, k, REQ_TIMEOUT_MS) < 0) {
                rc = -EIO;
                break;
            }
        }
        if (!reply_ok(r))
            rc = -EFAULT;
        addr += n, b += n, len -= n;
    }
    free(q);
    for (int i = 0; i < REMOTE_LINES; i++)
        r->line[i].valid = 0;
    return rc;
}

/* ---- breakpoints and watchpoints ---- */

/* The breakpoint kind the stub expects: instruction size at addr (Thumb 2, compressed RISC-V 2, else 4). */
static int bp_kind(struct remote *r, uint64_t addr)
{
    const char *arch = r->td.arch;
    if (!strncmp(arch, "riscv", 5)) {
        uint8_t b = 0;
        return remote_read_mem(r, addr, &b, 1) == 0 && (b & 3) != 3 ? 2 : 4;
    }
    uint64_t cpsr;
    if (!strncmp(arch, "arm", 3) && r->r_cpsr >= 0 && remote_read_reg(r, 0, r->r_cpsr, &cpsr) > 0 &&
        ((cpsr >> 5 & 1) || !strcmp(r->td.regs[r->r_cpsr].name, "xpsr")))
        return 2;
    return 4;
}

static int z_packet(struct remote *r, int insert, int type, uint64_t addr, unsigned kind)
{
    if (r->no_z[type])
        return -ENOSYS;
    char q[64];
    snprintf(q, sizeof q, "%c%d,%" PRIx64 ",%x", insert ? 'Z' : 'z', type, addr, kind);
    if (request_s(r, q) < 0)
        return -EIO;
    if (reply_empty(r)) {
        r->no_z[type] = 1;
        return -ENOSYS;
    }
    return reply_ok(r) ? 0 : -ENOSPC;
}

static int r_insert_bp(void *ctx, uint64_t addr, int hw)
{
    struct remote *r = ctx;
    if (r->running || r->gone)
        return -EBUSY;
    for (int i = 0; i < r->nbp; i++)
        if (r->bp[i].addr == addr)
            return 0;
    if (r->nbp == REMOTE_MAX_BP)
        return -ENOSPC;
    int kind = bp_kind(r, addr), type = hw ? 1 : 0;
    int rc = z_packet(r, 1, type, addr, (unsigned)kind);
    if (rc == -ENOSYS) { /* the stub has only the other kind */
        type = !type;
        rc = z_packet(r, 1, type, addr, (unsigned)kind);
    }
    if (rc < 0)
        return rc;
    r->bp[r->nbp].addr = addr;
    r->bp[r->nbp].type = type;
    r->bp[r->nbp++].kind = kind;
    return 0;
}

static int r_remove_bp(void *ctx, uint64_t addr)
{
    struct remote *r = ctx;
    if (r->running || r->gone)
        return r->gone ? 0 : -EBUSY;
    for (int i = 0; i < r->nbp; i++)
        if (r->bp[i].addr == addr) {
            z_packet(r, 0, r->bp[i].type, addr, (unsigned)r->bp[i].kind);
            r->bp[i] = r->bp[--r->nbp];
            return 0;
        }
    return 0;
}

static uint64_t peek(struct remote *r, uint64_t addr, unsigned len)
{
    uint8_t b[8] = {0};
    unsigned n = len > 8 ? 8 : len;
    if (remote_read_mem(r, addr, b, n) < 0)
        return 0;
    return bytes_value(r, b, n);
}

static int r_insert_wp(void *ctx, int type, uint64_t addr, unsigned len)
{
    struct remote *r = ctx;
    if (r->running || r->gone)
        return -EBUSY;
    if (!len || type < DBG_WATCH_WRITE || type > DBG_WATCH_ACCESS)
        return -EINVAL;
    if (r->nwp == REMOTE_MAX_WP)
        return -ENOSPC;
    int z = type == DBG_WATCH_WRITE ? 2 : type == DBG_WATCH_READ ? 3 : 4;
    int rc = z_packet(r, 1, z, addr, len);
    if (rc < 0)
        return rc == -ENOSYS ? -ENOSPC : rc;
    r->wp[r->nwp].addr = addr;
    r->wp[r->nwp].len = len;
    r->wp[r->nwp].type = type;
    r->wp[r->nwp++].val = peek(r, addr, len);
    return 0;
}

static int r_remove_wp(void *ctx, int type, uint64_t addr, unsigned len)
{
    struct remote *r = ctx;
    if (r->running)
        return -EBUSY;
    for (int i = 0; i < r->nwp; i++)
        if (r->wp[i].addr == addr && r->wp[i].len == len && r->wp[i].type == type) {
            if (!r->gone)
                z_packet(r, 0, type == DBG_WATCH_WRITE ? 2 : type == DBG_WATCH_READ ? 3 : 4, addr, len);
            r->wp[i] = r->wp[--r->nwp];
            return 0;
        }
    return -ENOENT;
}

/* ---- monitor, detach, close ---- */

int remote_monitor(struct remote *r, const char *cmd, char **out)
{
    *out = NULL;
    if (r->gone)
        return -ENOTCONN;
    if (r->running)
        return -EBUSY;
    size_t n = strlen(cmd);
    char *q = malloc(2 * n + 8);
    if (!q)
        return -ENOMEM;
    memcpy(q, "qRcmd,", 6);
    rspc_tohex(cmd, n, q + 6);
    int rc = rspc_send(&r->c, q, 6 + 2 * n);
    free(q);
    if (rc < 0) {
        lost(r);
        return -ENOTCONN;
    }
    size_t len = 0, cap = 256;
    char *text = malloc(cap);
    if (!text)
        return -ENOMEM;
    text[0] = 0;
    for (;;) {
        int got = rspc_recv(&r->c, 10000);
        if (got <= 0) {
            free(text);
            if (got < 0)
                lost(r);
            return got < 0 ? -ENOTCONN : -ETIMEDOUT;
        }
        const char *p = r->c.pkt;
        size_t pl = r->c.pkt_len;
        if (is_stop_reply(p, pl))
            continue;
        if (!strcmp(p, "OK") || pl == 0 || reply_err(r)) {
            rc = pl == 0 ? -ENOSYS : reply_err(r) ? -EINVAL : 0;
            break;
        }
        const char *hex = p[0] == 'O' ? p + 1 : p; /* output packets, or the whole answer as hex */
        size_t hl = p[0] == 'O' ? pl - 1 : pl;
        if (len + hl / 2 + 1 > cap) {
            cap = (len + hl / 2 + 1) * 2;
            char *g = realloc(text, cap);
            if (!g) {
                free(text);
                return -ENOMEM;
            }
            text = g;
        }
        len += rspc_fromhex(hex, hl, text + len, cap - len - 1);
        text[len] = 0;
        if (p[0] != 'O')
            break;
    }
    *out = text;
    return rc;
}

static void r_detach(void *ctx)
{
    struct remote *r = ctx;
    if (r->gone || r->detached || r->running)
        return;
    while (r->nbp)
        r_remove_bp(r, r->bp[r->nbp - 1].addr);
    while (r->nwp)
        r_remove_wp(r, r->wp[r->nwp - 1].type, r->wp[r->nwp - 1].addr, r->wp[r->nwp - 1].len);
    char q[32];
    snprintf(q, sizeof q, r->multiprocess ? "D;%x" : "D", r->pid);
    if (request_s(r, q) > 0 && reply_err(r) && !r->multiprocess) {
        snprintf(q, sizeof q, "D;%x", r->pid); /* a stub that wants the process id anyway */
        request_s(r, q);
    }
    r->detached = 1;
}

static void r_close(void *ctx)
{
    struct remote *r = ctx;
    if (r->on_close) {
        r->on_close(r->ctx); /* a board we started: its owner shuts it down */
    } else if (!r->gone && !r->exited) {
        if (r->running)
            remote_interrupt_and_wait(r);
        r_detach(r); /* a board someone else started runs on */
    }
    rspc_close(&r->c);
    r->gone = 1;
}

/* Defined in run.c. */
int remote_wait(void *ctx, struct dbg_stop *st, int timeout_ms);
void remote_resume(void *ctx, enum dbg_mode mode, int tid, int sig);
void remote_interrupt(void *ctx);

const struct dbg_backend remote_backend = {
    .wait = remote_wait,
    .resume = remote_resume,
    .interrupt = remote_interrupt,
    .detach = r_detach,
    .insert_bp = r_insert_bp,
    .remove_bp = r_remove_bp,
    .insert_wp = r_insert_wp,
    .remove_wp = r_remove_wp,
    .thread = r_thread,
    .threads = r_threads,
    .read_mem = r_read_mem,
    .write_mem = r_write_mem,
    .read_reg = r_read_reg,
    .write_reg = r_write_reg,
    .close = r_close,
};
