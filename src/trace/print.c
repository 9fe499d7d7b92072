/* Value printers of the syscall log: guest integers, pointers, flags, quoted strings and buffers, signals, results. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "trace_int.h"

int trace_xstyle = TRACE_X_ABBREV;
int trace_hexstr;

/* ---- guest data ---- */

unsigned guest_long(void)
{
    return (unsigned)xlat_const(XC_LONG_SIZE);
}

uint64_t guest_ulong(uint64_t v)
{
    return guest_long() >= 8 ? v : (uint32_t)v;
}

int64_t guest_slong(uint64_t v)
{
    return guest_long() >= 8 ? (int64_t)v : (int64_t)(int32_t)v;
}

uint64_t rd_uint(const unsigned char *p, unsigned size)
{
    uint64_t v = 0;
    if (size > 8)
        size = 8;
    if (xlat_const(XC_BIG_ENDIAN)) {
        for (unsigned i = 0; i < size; i++)
            v = v << 8 | p[i];
    } else {
        for (unsigned i = size; i-- > 0;)
            v = v << 8 | p[i];
    }
    return v;
}

int64_t rd_int(const unsigned char *p, unsigned size)
{
    uint64_t v = rd_uint(p, size);
    if (size && size < 8 && (v >> (size * 8 - 1)) & 1)
        v |= ~0ull << (size * 8);
    return (int64_t)v;
}

uint64_t rd_field(const unsigned char *buf, int lf)
{
    const struct xlat_field *f = xlat_field(lf);
    return f->size ? rd_uint(buf + f->off, f->size) : 0;
}

int64_t rd_sfield(const unsigned char *buf, int lf)
{
    const struct xlat_field *f = xlat_field(lf);
    return f->size ? rd_int(buf + f->off, f->size) : 0;
}

int pr_read(struct pctx *c, uint64_t a, void *dst, size_t n)
{
    if (!c->mem)
        return -1;
    return mem_read(c->mem, a, dst, n) == 0 ? 0 : -1;
}

unsigned char *pr_scratch(struct pctx *c, size_t n)
{
    struct trace_pend *p = c->p;
    if (p->scratch_cap < n) {
        size_t cap = p->scratch_cap ? p->scratch_cap : 256;
        while (cap < n)
            cap *= 2;
        char *s = realloc(p->scratch, cap);
        if (!s) {
            fputs("xtrace: out of memory in the syscall log\n", stderr);
            abort();
        }
        p->scratch = s;
        p->scratch_cap = cap;
    }
    return (unsigned char *)p->scratch;
}

/* ---- numbers and flags ---- */

void pr_ptr(struct sbuf *b, uint64_t a)
{
    if (a == 0)
        sb_puts(b, "NULL");
    else
        sb_printf(b, "%#llx", (unsigned long long)a);
}

/* Bit-set printing: field values (in row order) and single flags joined with '|', a flag left out
   when a longer row covering it also matches; unnamed bits in hex at the end. */
static void pr_flags(struct sbuf *b, const struct xlat_tab *t, uint64_t v, uint64_t wm)
{
    uint64_t rest = v, done = 0;
    int any = 0;
    for (unsigned i = 0; i < t->n; i++) {
        const struct xlat_ent *e = &t->ent[i];
        uint64_t ev = e->val & wm;
        if (e->mask) {
            uint64_t m = e->mask & wm;
            if ((done & m) || (v & m) != ev)
                continue;
            done |= m;
            rest &= ~m;
        } else {
            if (!ev || (v & ev) != ev || (rest & ev) != ev)
                continue;
            int covered = 0;
            for (unsigned j = 0; j < t->n && !covered; j++) {
                uint64_t fv = t->ent[j].val & wm;
                covered = !t->ent[j].mask && fv != ev && (fv & ev) == ev && (v & fv) == fv;
            }
            if (covered)
                continue;
            rest &= ~ev;
        }
        if (any)
            sb_putc(b, '|');
        sb_puts(b, e->name);
        any = 1;
    }
    if (rest) {
        if (any)
            sb_putc(b, '|');
        sb_printf(b, "%#llx", (unsigned long long)rest);
        return;
    }
    if (any)
        return;
    for (unsigned i = 0; i < t->n; i++) {
        if (!t->ent[i].mask && (t->ent[i].val & wm) == 0) {
            sb_puts(b, t->ent[i].name);
            return;
        }
    }
    sb_putc(b, '0');
}

void pr_named(struct sbuf *b, const char *name, uint64_t raw, int raw_dec)
{
    if (name && trace_xstyle == TRACE_X_ABBREV) {
        sb_puts(b, name);
        return;
    }
    if (raw_dec)
        sb_printf(b, "%lld", (long long)raw);
    else
        sb_printf(b, "%#llx", (unsigned long long)raw);
    if (name && trace_xstyle == TRACE_X_VERBOSE)
        sb_printf(b, " /* %s */", name);
}

void pr_xlat(struct sbuf *b, int tab, uint64_t v)
{
    const struct xlat_tab *t = xlat_tab(tab);
    uint64_t wm = t->bits >= 64 ? ~0ull : (1ull << t->bits) - 1;
    v &= wm;
    if (trace_xstyle != TRACE_X_ABBREV) {
        struct sbuf text = { 0 };
        int saved = trace_xstyle;
        trace_xstyle = TRACE_X_ABBREV;
        pr_xlat(&text, tab, v);
        trace_xstyle = saved;
        /* a name is known when the abbreviated text holds one (names are upper case, numbers not) */
        int named = text.p && strpbrk(text.p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != NULL;
        pr_named(b, named ? text.p : NULL, v, v == 0);
        sb_free(&text);
        return;
    }
    if (t->flags & XF_FLAGS) {
        pr_flags(b, t, v, wm);
        return;
    }
    const char *name = xlat_name(tab, v);
    size_t plen = t->n > 1 ? strlen(t->ent[0].name) : 0;
    for (unsigned i = 1; i < t->n && plen; i++)   /* the names' common prefix ("RUSAGE_") */
        while (plen && strncmp(t->ent[0].name, t->ent[i].name, plen) != 0)
            plen--;
    while (plen && t->ent[0].name[plen - 1] != '_')
        plen--;
    if (name)
        sb_puts(b, name);
    else if (plen > 1)
        sb_printf(b, "%#llx /* %.*s??? */", (unsigned long long)v, (int)plen, t->ent[0].name);
    else if (t->flags & XF_DEC)
        sb_printf(b, "%lld", t->bits >= 64 ? (long long)v : (long long)(int32_t)v);
    else
        sb_printf(b, "%#llx", (unsigned long long)v);
}

void pr_mode(struct sbuf *b, uint64_t mode, int with_type)
{
    uint64_t fmt = (uint64_t)xlat_const(XC_S_IFMT);
    if (with_type && (mode & fmt)) {
        const char *type = xlat_name(XT_FILE_TYPE, mode & fmt);
        if (!type) {
            sb_printf(b, "%#llo", (unsigned long long)mode);
            return;
        }
        sb_puts(b, type);
        sb_putc(b, '|');
        mode &= ~fmt;
    }
    sb_printf(b, "%#03llo", (unsigned long long)mode);
}

/* ---- signals ---- */

void pr_signame(struct sbuf *b, int sig, int prefix)
{
    const char *name = xlat_name(XT_SIGNAL, (uint64_t)(int64_t)sig);
    int rtmin = (int)xlat_const(XC_SIGRTMIN), nsig = guest_nsig();
    if (prefix && trace_xstyle != TRACE_X_ABBREV) {
        struct sbuf text = { 0 };
        int saved = trace_xstyle;
        trace_xstyle = TRACE_X_ABBREV;
        pr_signame(&text, sig, 1);
        trace_xstyle = saved;
        pr_named(b, text.p && (text.p[0] < '0' || text.p[0] > '9') && text.p[0] != '-' ? text.p : NULL,
                 (uint64_t)(int64_t)sig, 1);
        sb_free(&text);
        return;
    }
    if (name) {
        sb_puts(b, prefix ? name : name + 3);
    } else if (sig >= rtmin && sig <= nsig) {
        sb_puts(b, prefix ? "SIG" : "");
        if (sig == rtmin)
            sb_puts(b, "RTMIN");
        else
            sb_printf(b, "RT_%d", sig - rtmin);
    } else {
        sb_printf(b, "%d", sig);
    }
}

/* The kernel's _NSIG; the uapi headers of a few ABIs (i386) do not have it, and there it is 64. */
int guest_nsig(void)
{
    int n = (int)xlat_const(XC_NSIG);
    return n > 0 ? n : 64;
}

/* Is signal sig (1-based) in the guest sigset at set (an array of guest longs)? */
static int sigset_has(const unsigned char *set, int sig)
{
    unsigned wb = guest_long() * 8, bit = (unsigned)sig - 1;
    uint64_t w = rd_uint(set + (bit / wb) * guest_long(), guest_long());
    return (int)((w >> (bit % wb)) & 1);
}

void pr_sigset_bytes(struct sbuf *b, const unsigned char *set, size_t size)
{
    int nbits = (int)(size * 8);
    if (nbits > guest_nsig())
        nbits = guest_nsig();
    int count = 0;
    for (int s = 1; s <= nbits; s++)
        count += sigset_has(set, s);
    int inv = count * 2 > nbits;
    sb_puts(b, inv ? "~[" : "[");
    int first = 1;
    for (int s = 1; s <= nbits; s++) {
        if (sigset_has(set, s) == inv)
            continue;
        if (!first)
            sb_putc(b, ' ');
        first = 0;
        pr_signame(b, s, 0);
    }
    sb_putc(b, ']');
}

/* ---- strings ---- */

/* Is c shown as itself or a short escape (the bytes -x leaves alone)? */
static int plain_byte(unsigned c)
{
    return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

void pr_quote(struct sbuf *b, const unsigned char *s, size_t n, int hex)
{
    if (!hex && trace_hexstr == 2)
        hex = 1;
    for (size_t i = 0; !hex && trace_hexstr == 1 && i < n; i++)
        if (!plain_byte(s[i]))
            hex = 1;
    sb_reserve(b, n * 4 + 2);
    sb_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (hex) {
            sb_printf(b, "\\x%02x", c);
            continue;
        }
        switch (c) {
        case '"': sb_puts(b, "\\\""); continue;
        case '\\': sb_puts(b, "\\\\"); continue;
        case '\t': sb_puts(b, "\\t"); continue;
        case '\n': sb_puts(b, "\\n"); continue;
        case '\v': sb_puts(b, "\\v"); continue;
        case '\f': sb_puts(b, "\\f"); continue;
        case '\r': sb_puts(b, "\\r"); continue;
        }
        if (c >= 0x20 && c < 0x7f) {
            sb_putc(b, (char)c);
        } else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7') {
            /* a following octal digit would extend a short escape: use all three digits */
            sb_printf(b, "\\%03o", c);
        } else {
            sb_printf(b, "\\%o", c);
        }
    }
    sb_putc(b, '"');
}

int pr_guest_str(struct pctx *c, struct sbuf *b, uint64_t a, size_t max)
{
    if (!c->mem)
        return -1;
    char *s = (char *)pr_scratch(c, max + 1);
    int r = mem_read_str(c->mem, a, s, max + 1);
    size_t n;
    int cut = 0;
    if (r == -ENAMETOOLONG) {
        n = max;
        cut = 1;
    } else if (r < 0) {
        return -1;
    } else {
        n = (size_t)r;
    }
    pr_quote(b, (const unsigned char *)s, n, 0);
    if (cut)
        sb_puts(b, "...");
    return 0;
}

void pr_guest_buf(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t len, int hex)
{
    uint64_t n = len < (uint64_t)c->t->strsize ? len : (uint64_t)c->t->strsize;
    unsigned char *s = pr_scratch(c, (size_t)n + 1);
    if (n && pr_read(c, a, s, (size_t)n) < 0) {
        pr_ptr(b, a);
        return;
    }
    pr_quote(b, s, (size_t)n, hex);
    if (len > n)
        sb_puts(b, "...");
}

/* iovec array of cnt elements; total < 0 shows each whole buffer, else only the first total bytes. */
void pr_iov(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t cnt, int64_t total)
{
    unsigned sz = xlat_ssize(LS_IOVEC);
    unsigned char iov[32];
    if (sz > sizeof iov || (cnt && pr_read(c, a, iov, sz) < 0)) {
        pr_ptr(b, a);
        return;
    }
    sb_putc(b, '[');
    for (uint64_t i = 0; i < cnt; i++) {
        if (i)
            sb_puts(b, ", ");
        if (i >= (uint64_t)c->t->strsize) {
            sb_puts(b, "...");
            break;
        }
        if (pr_read(c, a + i * sz, iov, sz) < 0) {
            sb_puts(b, "...");
            break;
        }
        uint64_t base = rd_field(iov, LF_IOVEC_IOV_BASE), len = rd_field(iov, LF_IOVEC_IOV_LEN);
        uint64_t show = len;
        if (total >= 0) {
            show = len < (uint64_t)total ? len : (uint64_t)total;
            total -= (int64_t)show;
        }
        sb_puts(b, "{iov_base=");
        pr_guest_buf(c, b, base, show, 0);
        sb_printf(b, ", iov_len=%llu}", (unsigned long long)len);
    }
    sb_putc(b, ']');
}

/* ---- results ---- */

/* " ([{fd=3, revents=POLLIN}])": the descriptors poll found ready. */
static void pr_poll_revents(struct pctx *c, struct sbuf *b, uint64_t a, uint64_t n)
{
    unsigned sz = xlat_ssize(LS_POLLFD);
    unsigned char e[16];
    int any = 0;
    if (sz > sizeof e)
        return;
    for (uint64_t i = 0; i < n && i < 1024; i++) {
        if (pr_read(c, a + i * sz, e, sz) < 0)
            break;
        uint64_t rev = rd_field(e, LF_POLLFD_REVENTS);
        if (!rev)
            continue;
        sb_puts(b, any ? ", " : " ([");
        any = 1;
        sb_printf(b, "{fd=%d, revents=", (int)rd_sfield(e, LF_POLLFD_FD));
        pr_xlat(b, XT_POLL_EVENTS, rev);
        sb_putc(b, '}');
    }
    if (any)
        sb_puts(b, "])");
}

int pr_fdset(struct pctx *c, struct sbuf *b, uint64_t a, int nfds)
{
    unsigned char set[128];   /* FD_SETSIZE bits */
    unsigned w = guest_long(), wbits = 8 * w;
    if (nfds < 0)
        nfds = 0;
    if (nfds > 1024)
        nfds = 1024;
    size_t bytes = (size_t)(nfds + wbits - 1) / wbits * w;
    if (!a) {
        sb_puts(b, "NULL");
        return 0;
    }
    if (bytes && pr_read(c, a, set, bytes) < 0) {
        pr_ptr(b, a);
        return -1;
    }
    int n = 0;
    sb_putc(b, '[');
    for (int fd = 0; fd < nfds; fd++) {
        if (!((rd_uint(set + (unsigned)fd / wbits * w, w) >> ((unsigned)fd % wbits)) & 1))
            continue;
        sb_printf(b, n++ ? " %d" : "%d", fd);
    }
    sb_putc(b, ']');
    return n;
}

/* select's result: " (in [3], out [4], left {...})", the sets as the kernel left them. */
static void pr_select_ret(struct pctx *c, struct sbuf *b, const struct trace_sig *s)
{
    static const char *const names[3] = { "in", "out", "except" };
    struct sbuf one = { 0 };
    int any = 0;
    for (int i = 0; i < 3; i++) {
        if (!c->a[1 + i])
            continue;
        sb_reset(&one);
        if (pr_fdset(c, &one, c->a[1 + i], (int)c->a[0]) <= 0)
            continue;
        sb_printf(b, "%s%s %s", any++ ? ", " : " (", names[i], one.p);
    }
    sb_free(&one);
    if (c->a[4] && s->nargs > 4 && KIND(s->arg[4]) == K_STRUCT_IN) {
        sb_puts(b, any++ ? ", left " : " (left ");
        pr_struct(c, b, KX(s->arg[4]), c->a[4]);
    }
    if (any)
        sb_putc(b, ')');
}

int ret_is_error(int64_t ret)
{
    return ret < 0 && ret >= -4095;
}

void pr_ret(struct pctx *c, struct sbuf *b, const struct trace_sig *s)
{
    int64_t r = c->ret;
    if (s->ret == R_NORET) {
        sb_putc(b, '?');
        return;
    }
    if (ret_is_error(r)) {
        const struct xlat_errno *e = xlat_errno((int)-r);
        if (!e)
            sb_printf(b, "-1 (errno %d)", (int)-r);
        else if (e->host < 0)
            sb_printf(b, "-1 %s", e->name);
        else
            sb_printf(b, "-1 %s (%s)", e->name, strerror(e->host));
        return;
    }
    switch (s->ret) {
    case R_POLL:
        sb_printf(b, "%lld", (long long)r);
        if (r == 0)
            sb_puts(b, " (Timeout)");
        else
            pr_poll_revents(c, b, c->a[0], (uint32_t)c->a[1]);
        break;
    case R_SELECT:
        sb_printf(b, "%lld", (long long)r);
        if (r == 0)
            sb_puts(b, " (Timeout)");
        else
            pr_select_ret(c, b, s);
        break;
    case R_FD:
        pr_fd(c, b, (int)r);
        break;
    case R_HEX:
        sb_printf(b, "%#llx", (unsigned long long)r);
        break;
    case R_OCT:
        sb_printf(b, "%#03llo", (unsigned long long)r);
        break;
    case R_FCNTL: {
        int cmd = (int)c->a[1];
        if (cmd == xlat_const(XC_F_GETFL)) {
            sb_printf(b, "%#llx (flags ", (unsigned long long)r);
            pr_xlat(b, XT_OPEN_FLAGS, (uint64_t)r);
            sb_putc(b, ')');
        } else if (cmd == xlat_const(XC_F_GETFD) && r > 0) {
            sb_printf(b, "%#llx (flags ", (unsigned long long)r);
            pr_xlat(b, XT_FD_FLAGS, (uint64_t)r);
            sb_putc(b, ')');
        } else {
            sb_printf(b, "%lld", (long long)r);
        }
        break;
    }
    default:
        sb_printf(b, "%lld", (long long)r);
        break;
    }
}
