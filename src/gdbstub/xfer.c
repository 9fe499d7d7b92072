/* qXfer objects for gdb: target description files, auxv, the executable's path, the thread list, the loaded
   shared libraries (the dynamic linker's r_debug list, read from guest memory). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu.h"
#include "stub.h"

/* A growable text buffer for generated documents. */
struct text {
    char *s;                     /* contents */
    size_t len, cap;             /* length and capacity */
};

static void text_add(struct text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 512;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *ns = realloc(t->s, cap);
        if (!ns)
            return;
        t->s = ns;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = 0;
}

static void text_puts(struct text *t, const char *s)
{
    text_add(t, s, strlen(s));
}

static void text_xml(struct text *t, const char *s)
{
    for (; *s; s++) {
        const char *e = *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '&' ? "&amp;" : *s == '"' ? "&quot;" : NULL;
        if (e)
            text_puts(t, e);
        else if ((unsigned char)*s >= 0x20)
            text_add(t, s, 1);
    }
}

/* Sends the window [off, off+len) of an object of size total: 'm' when more follows, 'l' at the end. */
static int reply_window(struct gdbstub *gs, const void *obj, size_t total, uint64_t off, uint64_t len)
{
    if (len > RSP_PACKET_SIZE / 2)
        len = RSP_PACKET_SIZE / 2;
    rsp_begin(&gs->rsp);
    if (off >= total) {
        rsp_puts(&gs->rsp, "l");
        return 1;
    }
    size_t n = total - off < len ? total - off : (size_t)len;
    rsp_puts(&gs->rsp, off + n < total ? "m" : "l");
    rsp_bin(&gs->rsp, (const char *)obj + off, n);
    return 1;
}

/* The guest's name for a thread: its host thread's comm, unless that is just xtrace's own name. */
static void thread_name(struct gdbstub *gs, int tid, char *out, size_t outsz)
{
    char path[64], self[32] = "";
    snprintf(path, sizeof path, "/proc/self/task/%d/comm", tid);
    out[0] = 0;
    FILE *f = fopen(path, "re");
    if (f) {
        if (!fgets(out, (int)outsz, f))
            out[0] = 0;
        fclose(f);
    }
    f = fopen("/proc/self/comm", "re");
    if (f) {
        if (!fgets(self, sizeof self, f))
            self[0] = 0;
        fclose(f);
    }
    out[strcspn(out, "\n")] = 0;
    self[strcspn(self, "\n")] = 0;
    if (!out[0] || !strcmp(out, self)) { /* the kernel's comm is the basename cut to 15 bytes */
        const char *base = strrchr(gs->p->exe_path, '/');
        snprintf(out, outsz < 16 ? outsz : 16, "%s", base ? base + 1 : gs->p->exe_path);
    }
}

static void threads_xml(struct gdbstub *gs, struct text *t)
{
    int tids[1024];
    int n = dbg_threads(gs->d, tids, 1024);
    text_puts(t, "<?xml version=\"1.0\"?>\n<threads>\n");
    for (int i = n - 1; i >= 0; i--) { /* oldest first */
        char buf[128], name[64];
        if (gs->multiprocess)
            snprintf(buf, sizeof buf, "<thread id=\"p%x.%x\" name=\"", gs->pid, tids[i]);
        else
            snprintf(buf, sizeof buf, "<thread id=\"%x\" name=\"", tids[i]);
        text_puts(t, buf);
        thread_name(gs, tids[i], name, sizeof name);
        text_xml(t, name);
        text_puts(t, "\"/>\n");
    }
    text_puts(t, "</threads>\n");
}

/* A little-endian guest word of ws bytes at addr; 0 when unreadable. */
static uint64_t guest_word(struct gdbstub *gs, uint64_t addr, unsigned ws)
{
    uint64_t v = 0;
    if (dbg_read_mem(gs->d, addr, &v, ws) < 0)
        return 0;
    return v;
}

/* The dynamic linker's struct r_debug, found through the main program's DT_DEBUG: 0 while there is none (a
   static program, or before ld.so filled it in). Program headers from AT_PHDR/AT_PHNUM in the guest's auxv. */
static uint64_t r_debug_addr(struct gdbstub *gs, unsigned ws)
{
    uint64_t phdr = 0, phnum = 0;
    for (uint64_t a = gs->p->auxv_addr; a + 2 * ws <= gs->p->auxv_addr + gs->p->auxv_len; a += 2 * ws) {
        uint64_t tag = guest_word(gs, a, ws), val = guest_word(gs, a + ws, ws);
        if (tag == 3 /* AT_PHDR */)
            phdr = val;
        else if (tag == 5 /* AT_PHNUM */)
            phnum = val;
    }
    unsigned phent = ws == 8 ? 56 : 32, vaddr_off = ws == 8 ? 16 : 8;
    uint64_t bias = gs->p->load_bias, dyn = 0;
    for (uint64_t i = 0; phdr && i < phnum && i < 256; i++) {
        uint64_t ph = phdr + i * phent;
        uint32_t type = (uint32_t)guest_word(gs, ph, 4);
        if (type == 6 /* PT_PHDR */)
            bias = phdr - guest_word(gs, ph + vaddr_off, ws);
        else if (type == 2 /* PT_DYNAMIC */)
            dyn = guest_word(gs, ph + vaddr_off, ws);
    }
    if (!dyn)
        return 0;
    for (uint64_t d = bias + dyn, i = 0; i < 512; i++, d += 2 * ws) {
        uint64_t tag = guest_word(gs, d, ws);
        if (tag == 0 /* DT_NULL */)
            break;
        if (tag == 21 /* DT_DEBUG */)
            return guest_word(gs, d + ws, ws);
    }
    return 0;
}

/* <library-list-svr4>: the link_map chain {l_addr, l_name, l_ld, l_next, l_prev} after the main program's. */
static void libraries_xml(struct gdbstub *gs, struct text *t)
{
    unsigned ws = gs->p->isa->elf_class == 2 ? 8 : 4;
    uint64_t rd = r_debug_addr(gs, ws);
    uint64_t lm = rd ? guest_word(gs, rd + ws /* r_map, after int r_version */, ws) : 0;
    char buf[256];
    if (!lm) {
        text_puts(t, "<library-list-svr4 version=\"1.0\"/>\n");
        return;
    }
    snprintf(buf, sizeof buf, "<library-list-svr4 version=\"1.0\" main-lm=\"0x%llx\">\n", (unsigned long long)lm);
    text_puts(t, buf);
    for (int i = 0; (lm = guest_word(gs, lm + 3 * ws, ws)) && i < 1024; i++) {
        char name[4096];
        uint64_t np = guest_word(gs, lm + ws, ws);
        size_t k = 0;
        for (; np && k < sizeof name - 1; k++)
            if (dbg_read_mem(gs->d, np + k, &name[k], 1) < 0 || !name[k])
                break;
        name[k] = 0;
        if (!name[0])
            continue; /* the vDSO or an entry without a file */
        text_puts(t, "  <library name=\"");
        text_xml(t, name);
        snprintf(buf, sizeof buf, "\" lm=\"0x%llx\" l_addr=\"0x%llx\" l_ld=\"0x%llx\" lmid=\"0x0\"/>\n",
                 (unsigned long long)lm, (unsigned long long)guest_word(gs, lm, ws),
                 (unsigned long long)guest_word(gs, lm + 2 * ws, ws));
        text_puts(t, buf);
    }
    text_puts(t, "</library-list-svr4>\n");
}

/* qXfer:OBJECT:read:ANNEX:OFFSET,LENGTH */
int gdb_h_qxfer(struct gdbstub *gs, const char *a, size_t n)
{
    char obj[32], annex[256];
    const char *s = a, *end = a + n;
    if (s >= end || *s++ != ':')
        return gdb_error(gs, 22);
    const char *c = memchr(s, ':', (size_t)(end - s));
    if (!c || (size_t)(c - s) >= sizeof obj)
        return gdb_error(gs, 22);
    memcpy(obj, s, (size_t)(c - s));
    obj[c - s] = 0;
    s = c + 1;
    if ((size_t)(end - s) < 5 || memcmp(s, "read:", 5)) {
        rsp_begin(&gs->rsp); /* writes are not offered */
        return 1;
    }
    s += 5;
    c = memchr(s, ':', (size_t)(end - s));
    if (!c || (size_t)(c - s) >= sizeof annex)
        return gdb_error(gs, 22);
    memcpy(annex, s, (size_t)(c - s));
    annex[c - s] = 0;
    s = c + 1;
    uint64_t off, len;
    if (rsp_parse_hex(&s, end, &off) <= 0 || s >= end || *s++ != ',' || rsp_parse_hex(&s, end, &len) <= 0 || s != end)
        return gdb_error(gs, 22);

    if (!strcmp(obj, "features")) {
        const char *const *x = gs->p->isa->gdb_xml;
        for (int i = 0; x && x[i]; i += 2)
            if (!strcmp(x[i], annex))
                return reply_window(gs, x[i + 1], strlen(x[i + 1]), off, len);
        return gdb_error(gs, 0);
    }
    if (!strcmp(obj, "auxv")) {
        if (annex[0])
            return gdb_error(gs, 0);
        size_t total = (size_t)gs->p->auxv_len;
        unsigned char *buf = malloc(total ? total : 1);
        if (!buf || dbg_read_mem(gs->d, gs->p->auxv_addr, buf, total) < 0) {
            free(buf);
            return gdb_error(gs, 14);
        }
        reply_window(gs, buf, total, off, len);
        free(buf);
        return 1;
    }
    if (!strcmp(obj, "exec-file")) {
        uint64_t pid = 0;
        const char *as = annex;
        if (annex[0] && (rsp_parse_hex(&as, annex + strlen(annex), &pid) <= 0 || *as || (int)pid != gs->pid))
            return gdb_error(gs, 0);
        const char *path = gs->p->exe_path;
        return reply_window(gs, path, strlen(path), off, len);
    }
    if (!strcmp(obj, "libraries-svr4")) {
        struct text t = {0};
        libraries_xml(gs, &t);
        reply_window(gs, t.s ? t.s : "", t.len, off, len);
        free(t.s);
        return 1;
    }
    if (!strcmp(obj, "threads")) {
        struct text t = {0};
        threads_xml(gs, &t);
        reply_window(gs, t.s ? t.s : "", t.len, off, len);
        free(t.s);
        return 1;
    }
    rsp_begin(&gs->rsp); /* an object we do not offer */
    return 1;
}
