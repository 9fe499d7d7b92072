/* ioctl lines and ABI diagnosis: request names, argument printers from the database and the layout engine, guest/host layout verdicts, the notes of what xtrace did. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "trace_int.h"
#include "xlat.h"

/* ---- diagnosis ---- */

static void appendf(char *buf, size_t size, const char *fmt, const char *arg)
{
    size_t len = strnlen(buf, size);
    if (len < size)
        snprintf(buf + len, size - len, fmt, arg);
}

/* "ILP32 (arm)", "i386 ILP32", "MIPS o32": the model, with the ABI when the model does not name it */
static const char *abi_desc(const struct lay_abi *a, char *buf, size_t size)
{
    if (strstr(a->model, a->name) || (strstr(a->model, "MIPS") && !strncmp(a->name, "mips", 4)))
        snprintf(buf, size, "%s", a->model);
    else
        snprintf(buf, size, "%s (%s)", a->model, a->name);
    return buf;
}

static int same_encoding(const struct lay_abi *g, const struct lay_abi *h)
{
    return g->ioc_sizebits == h->ioc_sizebits && g->ioc_none == h->ioc_none && g->ioc_read == h->ioc_read &&
           g->ioc_write == h->ioc_write;
}

int trace_ioctl_layout_differs(const char *guest_abi, const struct trace_ioctl *io, char *why, size_t whysz)
{
    int g = lay_abi_find(guest_abi), h = lay_host_abi();
    char d[200], what[64], gd[40];
    if (whysz)
        why[0] = 0;
    if (g < 0) {
        snprintf(why, whysz, "no layout model for guest ABI %s", guest_abi ? guest_abi : "?");
        return 1;
    }
    const struct lay_abi *ga = &lay_abis[g], *ha = &lay_abis[h];
    int differs = 0, compat = ga->long_size < ha->long_size;
    uint32_t host = trace_ioctl_host_req(guest_abi, io->req);
    unsigned gsize = io->type ? lay_type_size(io->type, g) : 0;
    int pointer_arg = (io->dir & (TRACE_IOC_READ | TRACE_IOC_WRITE)) != 0;
    snprintf(what, sizeof what, "%s", io->type ? io->type : "");
    if (!pointer_arg || (!io->size && !gsize && !io->type)) {
        if (io->dir & TRACE_IOC_UNKNOWN) {
            snprintf(why, whysz, "the argument of this request is not described");
            differs = 1;
        } else {
            snprintf(why, whysz, "%s", io->dir & TRACE_IOC_VALUE ? "integer argument, nothing to translate"
                                                                 : "no argument, nothing to translate");
        }
    } else if (io->type && gsize) {
        int r = lay_diff(io->type, g, h, d, sizeof d);
        struct lay_result lr;
        const struct lay_struct *s = lay_struct_find(io->type, g);
        unsigned hsize = lay_type_size(io->type, h);
        if (r == 1) {
            snprintf(why, whysz, "guest %s is %u bytes under %s; the host's %s layout is %u bytes and differs (%s)",
                     what, gsize, abi_desc(ga, gd, sizeof gd), ha->model, hsize, d);
            differs = 1;
        } else if (s && lay_compute(s, g, &lr) == 0 && lr.has_ptr) {
            snprintf(why, whysz, "%s holds a guest pointer (offset %d) the host cannot follow", what, lr.first_ptr);
            differs = 1;
        } else {
            snprintf(why, whysz, "identical layout, %s of %u bytes", what, gsize);
        }
    } else {
        unsigned size = io->size ? io->size : gsize;
        int rules = ga->long_size == ha->long_size && ga->i64_align == ha->i64_align;
        if (rules)
            snprintf(why, whysz, "same layout rules as the host, %s; the %u-byte argument's fields are unknown",
                     ga->model, size);
        else
            snprintf(why, whysz, "guest struct is %u bytes under %s; its fields are unknown and the host's %s layout rules differ",
                     size, abi_desc(ga, gd, sizeof gd), ha->model);
        differs = !rules;
    }
    if (!same_encoding(ga, ha) && host != io->req) {
        char num[48];
        snprintf(num, sizeof num, host ? "host number %#x" : "no host number", host);
        appendf(why, whysz, "; the request is encoded differently (%s)", num);
        differs |= host == 0;
    }
    if (ga->big_endian != ha->big_endian && pointer_arg) {
        appendf(why, whysz, "; %s", ga->big_endian ? "the guest is big-endian" : "the guest is little-endian");
        differs = 1;
    }
    if (differs && compat)
        appendf(why, whysz, "%s", "; no translation known \xe2\x80\x94 the host kernel would treat it as a compat ioctl");
    return differs;
}

/* ---- translation plans ---- */

/* Name of the first pointer field of s (not inside unions), or NULL. */
static const char *first_ptr_name(const struct lay_struct *s, int depth)
{
    if (!s || depth > 8 || (s->flags & LYF_UNION))
        return NULL;
    for (unsigned i = 0; i < s->n; i++) {
        if (s->f[i].type == LY_PTR)
            return s->f[i].name;
        if (s->f[i].type == LY_STRUCT && first_ptr_name(lay_struct_find(s->f[i].sub, LA_X86_64), depth + 1))
            return s->f[i].name;
    }
    return NULL;
}

int trace_ioctl_convert(const struct trace_ioctl_plan *p, int to_host, const void *src, void *dst,
                        uint64_t (*map)(void *ctx, uint64_t v), void *ctx)
{
    char why[200];
    if (p->action != TRACE_IOCTL_CONVERT)
        return -1;
    return lay_convert(p->s, to_host ? p->guest : p->host, to_host ? p->host : p->guest, src, dst, map, ctx,
                       p->member, why, sizeof why);
}

int trace_ioctl_convert_elem(const struct trace_ioctl_plan *p, int to_host, const void *src, void *dst,
                             uint64_t (*map)(void *ctx, uint64_t v), void *ctx)
{
    char why[200];
    if (p->action != TRACE_IOCTL_CONVERT || !p->elem)
        return -1;
    return lay_convert(p->elem, to_host ? p->guest : p->host, to_host ? p->host : p->guest, src, dst, map, ctx,
                       NULL, why, sizeof why);
}

/* A plan to convert io's argument, or 0 when the request is not one to convert (then the caller decides
   as for any untranslated request). */
static int plan_convert(const char *abi, const struct trace_ioctl *io, struct trace_ioctl_plan *p, int user,
                        char *note, size_t notesz)
{
    int g = ioctl_abi_lay(abi), h = lay_host_abi();
    if (!io->type || !(io->dir & (TRACE_IOC_READ | TRACE_IOC_WRITE)))
        return 0;
    size_t tl = strlen(io->type);
    if (tl && io->type[tl - 1] == '*' && strcmp(io->type, "void *")) {   /* void *: headers disagree on what it means */
        /* _IOW('$', 6, char *): the argument is the pointer itself; only the number carries its size */
        uint32_t hreq = trace_ioctl_host_req(abi, io->req);
        if (!hreq || hreq == io->req || lay_abis[g].big_endian != lay_abis[h].big_endian)
            return 0;
        p->action = TRACE_IOCTL_RAW;
        p->host_req = hreq;
        p->dir = io->dir;
        snprintf(note, notesz, "translated: the request number encodes the size of %s (%u bytes under %s, %u on the "
                 "host); host request %#x, the argument is the pointer itself", io->type, lay_abis[g].long_size,
                 lay_abis[g].model, lay_abis[h].long_size, hreq);
        return 1;
    }
    const struct lay_struct *s = lay_struct_find(io->type, g), *sh = lay_struct_find(io->type, h);
    if (!s && !sh)
        s = sh = lay_scalar_struct(io->type);
    struct lay_result gr, hr;
    if (!s || s != sh || lay_compute(s, g, &gr) < 0 || lay_compute(s, h, &hr) < 0)
        return 0;   /* per-ABI definitions (or none): not converted field by field */
    if (gr.size > 65536 || hr.size > 65536)
        return 0;
    char d[200], gd[40], what[80];
    int same = lay_diff(io->type, g, h, d, sizeof d) == 0;
    /* structs whose pointers are the caller's buffers (so the host gets their host addresses) */
    int ptr_ok = user || !strcmp(s->name, "ifreq") || !strcmp(s->name, "rtentry") || !strcmp(s->name, "fb_cmap") ||
                 !strcmp(s->name, "usbdevfs_ctrltransfer") || !strcmp(s->name, "usbdevfs_bulktransfer");
    const char *aptr, *alen, *aelem;
    int arr = ioctl_array_rule(io->name, &aptr, &alen, &aelem) == 0;
    const struct lay_struct *es = arr ? lay_struct_find(aelem, g) : NULL;
    struct lay_result egr, ehr;
    unsigned pgs = 0, phs = 0, lgs = 0, lhs = 0;
    if (arr && (!es || es != lay_struct_find(aelem, h) || lay_compute(es, g, &egr) < 0 || lay_compute(es, h, &ehr) < 0 ||
                lay_field_find(s, g, aptr, &p->ptr_goff, &pgs) < 0 || lay_field_find(s, h, aptr, &p->ptr_hoff, &phs) < 0 ||
                lay_field_find(s, g, alen, &p->len_goff, &lgs) < 0 || lay_field_find(s, h, alen, &p->len_hoff, &lhs) < 0 ||
                lgs != 4 || lhs != 4 || !egr.size || !ehr.size))
        return 0;
    if (same && (!gr.has_ptr || !(user || arr || ptr_ok)))
        return 0;   /* nothing to change (or the pointers are not ours to map): the usual verdicts */
    if (gr.has_ptr && !ptr_ok && !arr)
        return 0;
    if (lay_abis[g].big_endian != lay_abis[h].big_endian)
        return 0;
    uint32_t hreq = trace_ioctl_host_req(abi, io->req);
    if (!hreq)
        return 0;
    p->action = TRACE_IOCTL_CONVERT;
    p->host_req = hreq;
    p->dir = io->dir;
    p->gsize = gr.size, p->hsize = hr.size;
    p->s = s, p->guest = g, p->host = h;
    p->member = ioctl_union_member(io->name);
    if (arr) {
        p->elem = es;
        p->elem_gsize = egr.size, p->elem_hsize = ehr.size;
        p->ptr_gsize = pgs, p->ptr_hsize = phs;
    }
    snprintf(what, sizeof what, "%s", io->type);
    const char *pn = first_ptr_name(s, 0);
    if (same) {
        int n = snprintf(note, notesz, "passed through: identical layout, %s of %u bytes", what, gr.size);
        const char *mapped = arr ? aptr : ptr_ok ? pn : NULL;
        if (mapped && n > 0 && (size_t)n < notesz)
            snprintf(note + n, notesz - (size_t)n, "; pointer %s mapped to its host address", mapped);
        else if (p->member && n > 0 && (size_t)n < notesz)
            snprintf(note + n, notesz - (size_t)n, "; pointers in member %s mapped to their host addresses", p->member);
        return 1;
    }
    const struct lay_abi *ga = &lay_abis[g], *ha = &lay_abis[h];
    int n = snprintf(note, notesz, "translated: %s is %u bytes under %s, %u under the host's %s (%s)", what, gr.size,
                     abi_desc(ga, gd, sizeof gd), hr.size, ha->model, d);
    if (hreq != io->req && n > 0 && (size_t)n < notesz)
        n += snprintf(note + n, notesz - (size_t)n, "; host request %#x", hreq);
    if (pn && ptr_ok && n > 0 && (size_t)n < notesz)
        n += snprintf(note + n, notesz - (size_t)n, "; pointer %s mapped to its host address", pn);
    if (arr && n > 0 && (size_t)n < notesz)
        snprintf(note + n, notesz - (size_t)n, "; the %s array at %s converted too (%u-byte elements, the host's %u)",
                 aelem, aptr, egr.size, ehr.size);
    return 1;
}

int trace_ioctl_plan(const char *guest_abi, uint32_t req, int policy, struct trace_ioctl_plan *p, char *note,
                     size_t notesz)
{
    struct trace_ioctl io;
    memset(p, 0, sizeof *p);
    trace_ioctl_decode(guest_abi, req, &io);
    p->dir = io.dir;
    int user = ioctl_def_find(ioctl_abi_lay(guest_abi), req) != NULL;
    if (policy != TRACE_IOCTL_PASS && plan_convert(guest_abi, &io, p, user, note, notesz))
        return p->action;
    if (user && policy == TRACE_IOCTL_STRICT)
        policy = TRACE_IOCTL_AUTO;   /* a declared request is not an unknown one */
    int pass = trace_ioctl_unknown(guest_abi, req, policy, note, notesz);
    p->action = pass ? TRACE_IOCTL_RAW : TRACE_IOCTL_REFUSE;
    p->host_req = trace_ioctl_host_req(guest_abi, req);
    if (!p->host_req)
        p->host_req = req;
    return p->action;
}

int trace_ioctl_unknown(const char *guest_abi, uint32_t req, int policy, char *note, size_t notesz)
{
    struct trace_ioctl io;
    char why[400];
    trace_ioctl_decode(guest_abi, req, &io);
    int differs = trace_ioctl_layout_differs(guest_abi, &io, why, sizeof why);
    if (policy == TRACE_IOCTL_PASS) {
        snprintf(note, notesz, "passed through raw, --ioctl=pass%s%s", differs ? ": " : "", differs ? why : "");
        return 1;
    }
    if (policy == TRACE_IOCTL_STRICT) {
        snprintf(note, notesz, "refused: no translation for this request and --ioctl=strict");
        return 0;
    }
    snprintf(note, notesz, "%s: %s", differs ? "refused" : "passed through", why);
    if (differs && !io.name && (io.dir & (TRACE_IOC_READ | TRACE_IOC_WRITE)))
        appendf(note, notesz, "%s", "; unknown request: declare it with --ioctl-defs FILE or use --ioctl=pass");
    return !differs;
}

/* ---- what xtrace did, per thread ---- */

static _Thread_local char note_text[400];
static _Thread_local int note_set;

void trace_ioctl_note(struct trace *t, const char *what)
{
    if (!t || !what)
        return;
    snprintf(note_text, sizeof note_text, "%s", what);
    note_set = 1;
}

const char *ioctl_take_note(char *buf, size_t size)
{
    if (size)
        buf[0] = 0;
    if (note_set)
        snprintf(buf, size, "%s", note_text);
    note_set = 0;
    return buf;
}

/* Does s carry a struct whose layout is ABI-dependent? */
static int carries_struct(const struct trace_sig *s)
{
    for (int i = 0; i < s->nargs; i++) {
        switch (KIND(s->arg[i])) {
        case K_STRUCT_IN: case K_STRUCT_OUT: case K_TIMESPEC2_IN: case K_IOV_IN: case K_IOV_OUT:
        case K_SOCKADDR_IN: case K_SOCKADDR_OUT: case K_MSGHDR_IN: case K_MSGHDR_OUT: case K_POLLFDS:
        case K_EPOLL_EVENTS_OUT: case K_SIGACTION_IN: case K_SIGACTION_OUT: case K_OLDSIGACTION_IN:
        case K_OLDSIGACTION_OUT:
            return 1;
        }
    }
    return 0;
}

void abi_record(struct trace *t, const struct trace_sig *s, const uint64_t a[6], const char *note)
{
    if (!t->abi_report || !s)
        return;
    int is_ioctl = strcmp(s->name, "ioctl") == 0;
    if (!is_ioctl && !carries_struct(s))
        return;
    uint32_t key = is_ioctl ? (uint32_t)a[1] : (uint32_t)(s - trace_sigs);
    struct trace_abirow *r = NULL;
    for (unsigned i = 0; i < t->nabirows; i++)
        if (t->abirows[i].is_ioctl == is_ioctl && t->abirows[i].req == key)
            r = &t->abirows[i];
    if (!r) {
        if (t->nabirows == t->capabirows) {
            unsigned n = t->capabirows ? t->capabirows * 2 : 16;
            struct trace_abirow *p = realloc(t->abirows, n * sizeof *p);
            if (!p)
                return;
            t->abirows = p, t->capabirows = n;
        }
        r = &t->abirows[t->nabirows++];
        memset(r, 0, sizeof *r);
        r->req = key, r->is_ioctl = (uint8_t)is_ioctl;
    }
    r->count++;
    if (note && *note) {
        if (!r->what[0])
            snprintf(r->what, sizeof r->what, "%s", note);
        r->nwhat++;
    }
}

/* ---- printing ---- */

static const char *guest_abi(struct pctx *c)
{
    return c->t->abi_name ? c->t->abi_name : xlat_abi()->name;
}

static void pr_ioc_fields(struct sbuf *b, const struct trace_ioctl *io)
{
    sb_puts(b, "_IOC(");
    if (!(io->dir & (TRACE_IOC_READ | TRACE_IOC_WRITE)))
        sb_puts(b, "_IOC_NONE");
    else if ((io->dir & (TRACE_IOC_READ | TRACE_IOC_WRITE)) == (TRACE_IOC_READ | TRACE_IOC_WRITE))
        sb_puts(b, "_IOC_READ|_IOC_WRITE");
    else
        sb_puts(b, io->dir & TRACE_IOC_READ ? "_IOC_READ" : "_IOC_WRITE");
    sb_printf(b, ", %#x, %#x, %#x)", io->ioc_type, io->nr, io->size);
}

void pr_ioctl_req(struct pctx *c, struct sbuf *b, uint64_t v)
{
    char names[256];
    struct trace_ioctl io;
    uint32_t r = (uint32_t)v;
    if (v >> 32 && (v >> 32) != 0xffffffffu) {
        sb_printf(b, "%#llx", (unsigned long long)v);
        return;
    }
    trace_ioctl_decode(guest_abi(c), r, &io);
    trace_ioctl_names(guest_abi(c), r, names, sizeof names);
    struct sbuf text = { 0 };
    if (names[0]) {
        sb_puts(&text, names);
        if (io.sized)
            sb_printf(&text, "(%u)", io.size);
    } else if (io.ioc_type) {
        pr_ioc_fields(&text, &io);
    }
    if (text.p && text.p[0])
        pr_named(b, text.p, r, 0);
    else
        sb_printf(b, "%#x", r);
    sb_free(&text);
}

static void pr_lay_struct(struct pctx *c, struct sbuf *b, const struct lay_struct *s, int abi,
                          const unsigned char *buf, int depth);

/* One member of a described struct (count elements of type at p). */
static void pr_lay_member(struct pctx *c, struct sbuf *b, const struct lay_field *f, int abi,
                          const unsigned char *p, unsigned total, int depth)
{
    unsigned count = f->count ? f->count : 1, esize = total / count;
    if (f->type == LY_CHAR || f->type == LY_U8 || f->type == LY_S8) {
        if (count == 1) {
            sb_printf(b, "%u", p[0]);
            return;
        }
        size_t n = strnlen((const char *)p, count);
        size_t show = n < (size_t)c->t->strsize ? n : (size_t)c->t->strsize;
        pr_quote(b, p, show, 0);
        if (show < n)
            sb_puts(b, "...");
        return;
    }
    if (count > 1)
        sb_putc(b, '[');
    for (unsigned i = 0; i < count; i++) {
        const unsigned char *e = p + i * esize;
        if (i)
            sb_puts(b, ", ");
        if (i >= (unsigned)c->t->strsize) {
            sb_puts(b, "...");
            break;
        }
        switch (f->type) {
        case LY_S16: case LY_S32: case LY_INT: case LY_S64: case LY_LONG:
            sb_printf(b, "%lld", (long long)rd_int(e, esize));
            break;
        case LY_PTR:
            pr_ptr(b, rd_uint(e, esize));
            break;
        case LY_FD:
            pr_fd(c, b, (int)rd_int(e, esize));
            break;
        case LY_STRUCT: {
            const struct lay_struct *ss = lay_struct_find(f->sub, abi);
            if (ss && depth < 4)
                pr_lay_struct(c, b, ss, abi, e, depth + 1);
            else
                sb_puts(b, "{...}");
            break;
        }
        default:
            sb_printf(b, "%llu", (unsigned long long)rd_uint(e, esize));
            break;
        }
    }
    if (count > 1)
        sb_putc(b, ']');
}

/* {name=value, ...} of a struct described in the layout engine; a union shows its first member. */
static void pr_lay_struct(struct pctx *c, struct sbuf *b, const struct lay_struct *s, int abi,
                          const unsigned char *buf, int depth)
{
    struct lay_result r;
    if (lay_compute(s, abi, &r) < 0) {
        sb_puts(b, "{...}");
        return;
    }
    sb_putc(b, '{');
    int first = 1;
    for (unsigned i = 0; i < r.n; i++) {
        const struct lay_field *f = &s->f[i];
        if (!c->t->verbose && f->name[0] == '_' && f->name[1] == '_')
            continue;   /* padding and reserved words */
        if (!first)
            sb_puts(b, ", ");
        first = 0;
        sb_printf(b, "%s=", f->name);
        pr_lay_member(c, b, f, abi, buf + r.off[i], r.fsize[i], depth);
        if (s->flags & LYF_UNION)
            break;
    }
    sb_putc(b, '}');
}

/* struct ifreq as strace shows it: the name and the union member the request uses. */
static const struct { const char *req, *label; uint8_t kind; } ifreq_members[] = {
    { "SIOCGIFFLAGS", "ifr_flags", 'f' }, { "SIOCSIFFLAGS", "ifr_flags", 'f' }, { "SIOCGIFINDEX", "ifr_ifindex", 'i' },
    { "SIOCGIFMTU", "ifr_mtu", 'i' }, { "SIOCSIFMTU", "ifr_mtu", 'i' }, { "SIOCGIFMETRIC", "ifr_metric", 'i' },
    { "SIOCSIFMETRIC", "ifr_metric", 'i' }, { "SIOCGIFTXQLEN", "ifr_qlen", 'i' }, { "SIOCSIFTXQLEN", "ifr_qlen", 'i' },
    { "SIOCGIFADDR", "ifr_addr", 'a' }, { "SIOCSIFADDR", "ifr_addr", 'a' }, { "SIOCGIFDSTADDR", "ifr_dstaddr", 'a' },
    { "SIOCSIFDSTADDR", "ifr_dstaddr", 'a' }, { "SIOCGIFBRDADDR", "ifr_broadaddr", 'a' },
    { "SIOCSIFBRDADDR", "ifr_broadaddr", 'a' }, { "SIOCGIFNETMASK", "ifr_netmask", 'a' },
    { "SIOCSIFNETMASK", "ifr_netmask", 'a' }, { "SIOCGIFHWADDR", "ifr_hwaddr", 'a' }, { "SIOCSIFHWADDR", "ifr_hwaddr", 'a' },
    { "SIOCSIFNAME", "ifr_newname", 's' },
};

/* 1 when the request's ifreq was printed (then b holds it). */
static int pr_ifreq(struct pctx *c, struct sbuf *b, const struct trace_ioctl *io, uint64_t a)
{
    unsigned char r[32];
    if (!io->name || !io->type || strcmp(io->type, "struct ifreq") || pr_read(c, a, r, sizeof r) < 0)
        return 0;
    for (size_t i = 0; i < sizeof ifreq_members / sizeof ifreq_members[0]; i++) {
        if (strcmp(ifreq_members[i].req, io->name))
            continue;
        sb_puts(b, "{ifr_name=");
        pr_quote(b, r, strnlen((const char *)r, 16), 0);
        sb_printf(b, ", %s=", ifreq_members[i].label);
        switch (ifreq_members[i].kind) {
        case 'f': pr_xlat(b, XT_IFF_FLAGS, (uint16_t)rd_uint(r + 16, 2)); break;
        case 'i': sb_printf(b, "%d", (int)rd_int(r + 16, 4)); break;
        case 'a': pr_sockaddr(c, b, a + 16, 16); break;
        default: pr_quote(b, r + 16, strnlen((const char *)r + 16, 16), 0); break;
        }
        sb_putc(b, '}');
        return 1;
    }
    return 0;
}

/* Prints the argument of a request described by io at guest address a (known to be readable or not). */
static void pr_ioctl_value(struct pctx *c, struct sbuf *b, const struct trace_ioctl *io, uint64_t a)
{
    int abi = c->t->lay_guest;
    int is_ptr = 0;
    unsigned ssize = io->type && abi >= 0 ? lay_scalar_size(io->type, abi, &is_ptr) : 0;
    if (io->type && !strcmp(io->type, "struct termios")) {
        pr_struct(c, b, SD_TERMIOS, a);
        return;
    }
    if (io->type && !strcmp(io->type, "struct winsize")) {
        pr_struct(c, b, SD_WINSIZE, a);
        return;
    }
    const char *br = io->type ? strchr(io->type, '[') : NULL;
    unsigned count = br ? (unsigned)strtoul(br + 1, NULL, 10) : 1;
    if (ssize && !is_ptr && count && ssize / count <= 8 && ssize <= 256) {
        unsigned char v[256];
        unsigned es = ssize / count;
        if (pr_read(c, a, v, ssize) < 0) {
            pr_ptr(b, a);
            return;
        }
        int is_signed = strncmp(io->type, "unsigned", 8) && strncmp(io->type, "__u", 3) && strcmp(io->type, "size_t");
        sb_putc(b, '[');
        for (unsigned i = 0; i < count; i++) {   /* one value, or an array's ("[500, 33]") */
            if (i)
                sb_puts(b, ", ");
            if (i >= (unsigned)c->t->strsize) {
                sb_puts(b, "...");
                break;
            }
            if (is_signed)
                sb_printf(b, "%lld", (long long)rd_int(v + i * es, es));
            else
                sb_printf(b, "%llu", (unsigned long long)rd_uint(v + i * es, es));
        }
        sb_putc(b, ']');
        return;
    }
    if (pr_ifreq(c, b, io, a))
        return;
    const struct lay_struct *s = io->type && abi >= 0 ? lay_struct_find(io->type, abi) : NULL;
    struct lay_result r;
    if (s && lay_compute(s, abi, &r) == 0 && r.size <= 4096) {
        unsigned char *buf = pr_scratch(c, r.size);
        if (pr_read(c, a, buf, r.size) == 0) {
            pr_lay_struct(c, b, s, abi, buf, 0);
            return;
        }
    }
    pr_ptr(b, a);
    unsigned n = io->size ? io->size : 0;
    if (trace_xstyle == TRACE_X_VERBOSE && n && !s && n <= 4096) {
        unsigned char *buf = pr_scratch(c, n);
        if (pr_read(c, a, buf, n) == 0) {
            sb_puts(b, " /* ");
            pr_quote(b, buf, n, 1);
            sb_puts(b, " */");
        }
    }
}

int pr_ioctl_arg(struct pctx *c, struct sbuf *b, uint64_t req, uint64_t a)
{
    struct trace_ioctl io;
    trace_ioctl_decode(guest_abi(c), (uint32_t)req, &io);
    if (io.name && !io.encoded && io.dir == 0)
        return PR_OMIT;   /* a request without an argument (FIOCLEX) */
    if (io.dir & TRACE_IOC_VALUE) {
        if (io.encoded)
            sb_printf(b, "%#llx", (unsigned long long)a);
        else
            sb_printf(b, "%d", (int)a);
        return PR_DONE;
    }
    if (!(io.dir & (TRACE_IOC_READ | TRACE_IOC_WRITE)) || !a) {
        if (!io.name && io.encoded && io.ioc_type == 0)
            sb_printf(b, "%#llx", (unsigned long long)a);
        else if (!a && (io.dir & (TRACE_IOC_READ | TRACE_IOC_WRITE)))
            sb_puts(b, "NULL");
        else
            sb_printf(b, "%#llx", (unsigned long long)guest_ulong(a));
        return PR_DONE;
    }
    a = guest_ulong(a);
    if ((io.dir & TRACE_IOC_READ) && !c->exiting)
        return PR_LATER;   /* filled by the kernel: shown at exit */
    if (c->exiting && ret_is_error(c->ret) && (io.dir & TRACE_IOC_READ)) {
        pr_ptr(b, a);
        if (trace_xstyle == TRACE_X_VERBOSE && !io.name && io.size && (io.dir & TRACE_IOC_WRITE)) {
            unsigned char *buf = pr_scratch(c, io.size);
            if (io.size <= 4096 && pr_read(c, a, buf, io.size) == 0) {
                sb_puts(b, " /* ");
                pr_quote(b, buf, io.size, 1);
                sb_puts(b, " */");
            }
        }
        return PR_DONE;
    }
    pr_ioctl_value(c, b, &io, a);
    return PR_DONE;
}
