/* The info command family: registers, threads, breakpoints, frame, sharedlibrary, proc mappings, syscalls, display. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "ui_int.h"

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    return s;
}

static void print_reg(struct ui *u, int i)
{
    uint64_t v = ui_reg(u, i);
    char raw[32], nat[300], sym[256];
    snprintf(raw, sizeof raw, "0x%" PRIx64, v);
    switch (u->regs[i].type) {
    case 1:
        ui_symbolize(u, v, sym, sizeof sym);
        snprintf(nat, sizeof nat, "0x%" PRIx64 "%s%s", v, *sym ? " " : "", sym);
        break;
    case 2:
        snprintf(nat, sizeof nat, "0x%" PRIx64, v);
        break;
    case 3: {
        double d;
        memcpy(&d, &v, sizeof d);
        snprintf(nat, sizeof nat, "%g", d);
        break;
    }
    default:
        if (!ui_reg_flags(u, i, v, nat, sizeof nat))
            snprintf(nat, sizeof nat, "%" PRId64, u->regs[i].bits == 32 ? (int64_t)(int32_t)v : (int64_t)v);
    }
    ui_printf(u, "%-15s%-19s%s\n", u->regs[i].name, raw, nat);
}

int cmd_info_registers(struct ui *u, char *a, const char *name)
{
    if (!u->alive)
        return ui_error(u, "The program has no registers now.");
    a = trim(a);
    if (*a) {
        for (char *t = strtok(a, " "); t; t = strtok(NULL, " ")) {
            int r = ui_reg_num(u, t[0] == '$' ? t + 1 : t);
            if (r < 0)
                return ui_error(u, "Invalid register `%s'", t[0] == '$' ? t + 1 : t);
            print_reg(u, r);
        }
        return 0;
    }
    int n = !strcmp(name, "all-registers") ? u->nregs : u->ngeneral;
    for (int i = 0; i < n; i++)
        if (strcmp(u->regs[i].name, "zero") || n == u->nregs)
            print_reg(u, i);
    return 0;
}

int cmd_info_threads(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    if (!u->alive)
        return ui_error(u, "No threads.");
    int tids[256];
    int n = dbg_threads(u->d, tids, 256), save_tid = u->tid, save_frame = u->frame, cur = ui_cur_tid(u);
    for (int i = 0; i < n; i++)
        ui_thread_num(u, tids[i]);
    ui_printf(u, "  Id   Target Id         Frame \n");
    for (int k = 0; k < u->nthread_ids; k++) {
        int tid = u->thread_ids[k], live = 0;
        for (int i = 0; i < n; i++)
            live |= tids[i] == tid;
        if (!live)
            continue;
        u->tid = tid;
        u->frame = 0;
        struct ui_frame f[1];
        char line[512] = "";
        if (ui_unwind(u, f, 1) > 0)
            ui_frame_line(u, &f[0], 0, line, sizeof line);
        char target[32];
        snprintf(target, sizeof target, "LWP %d", tid);
        ui_printf(u, "%c %-4d %-17s %s\n", tid == cur ? '*' : ' ', k + 1, target, line);
    }
    u->tid = save_tid;
    u->frame = save_frame;
    return 0;
}

int cmd_info_breakpoints(struct ui *u, char *a, const char *name)
{
    (void)a;
    int watch_only = !strcmp(name, "watchpoints"), shown = 0;
    for (int i = 0; i < u->nbps; i++) {
        struct ui_bp *b = &u->bps[i];
        if (watch_only && b->kind != BP_WATCH)
            continue;
        if (!shown++)
            ui_printf(u, "Num     Type            Disp Enb Address            What\n");
        const char *type = b->kind == BP_BREAK ? (b->hw ? "hw breakpoint" : "breakpoint") : b->kind == BP_CATCH || b->kind == BP_EXEC ? "catchpoint"
                         : b->wtype == DBG_WATCH_READ ? "read watchpoint" : b->wtype == DBG_WATCH_ACCESS ? "acc watchpoint"
                         : "hw watchpoint";
        ui_printf(u, "%-7d %-15s %-4s %-3c ", b->num, type, b->temp ? "del" : "keep", b->enabled ? 'y' : 'n');
        if (b->kind == BP_BREAK && b->pending) {
            ui_printf(u, "%-*s %s\n", u->addr_digits + 2, "<PENDING>", b->what);
        } else if (b->kind == BP_EXEC) {
            ui_printf(u, "%*sexec\n", u->addr_digits + 3, "");
        } else if (b->kind == BP_BREAK) {
            char sym[256];
            uint64_t off = 0;
            const char *fn = symtab_lookup(u->p->syms, b->addr, &off);
            const struct ui_line *l = ui_line_at(u, b->addr);
            ui_symbolize(u, b->addr, sym, sizeof sym);
            ui_printf(u, "0x%0*" PRIx64 " ", u->addr_digits, b->addr);
            if (l)
                ui_printf(u, "in %s at %s:%d\n", fn ? fn : "??", l->file, l->line);
            else
                ui_printf(u, "%s\n", sym);
        } else if (b->kind == BP_WATCH) {
            ui_printf(u, "%*s%s\n", u->addr_digits + 3, "", b->what);
        } else {
            ui_printf(u, "%*s", u->addr_digits + 3, "");
            if (b->nsys < 0)
                ui_printf(u, "syscall \"<any syscall>\"");
            else
                ui_printf(u, "syscall%s \"", b->nsys > 1 ? "s" : "");
            for (int k = 0; k < b->nsys; k++)
                ui_printf(u, "%s%s", k ? ", " : "", ui_sysname(u, b->sysnos[k]));
            ui_printf(u, "%s\n", b->nsys < 0 ? "" : "\"");
        }
        if (b->cond)
            ui_printf(u, "\tstop only if %s\n", b->cond);
        if (b->hits)
            ui_printf(u, "\t%s already hit %d time%s\n", b->kind == BP_CATCH || b->kind == BP_EXEC ? "catchpoint" : "breakpoint", b->hits,
                      b->hits == 1 ? "" : "s");
    }
    if (!shown)
        ui_printf(u, watch_only ? "No watchpoints.\n" : "No breakpoints or watchpoints.\n");
    return 0;
}

int cmd_info_frame(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    if (!u->alive)
        return ui_error(u, "No stack.");
    struct ui_frame f[UI_MAX_FRAMES];
    int n = ui_unwind(u, f, UI_MAX_FRAMES), k = u->frame < n ? u->frame : 0;
    uint64_t off = 0;
    const char *fn = symtab_lookup(u->p->syms, f[k].pc, &off);
    const struct ui_line *l = ui_line_at(u, k ? f[k].pc - 1 : f[k].pc);
    ui_printf(u, "Stack level %d, frame at 0x%" PRIx64 ":\n pc = 0x%" PRIx64 " in %s", k, f[k].cfa, f[k].pc, fn ? fn : "??");
    if (l)
        ui_printf(u, " (%s:%d)", l->file, l->line);
    if (k + 1 < n)
        ui_printf(u, "; saved pc = 0x%" PRIx64, f[k + 1].pc);
    ui_printf(u, "\n");
    if (k + 1 < n)
        ui_printf(u, " called by frame at 0x%" PRIx64 "\n", f[k + 1].cfa);
    if (k > 0)
        ui_printf(u, " caller of frame at 0x%" PRIx64 "\n", f[k - 1].cfa);
    ui_printf(u, " Previous frame's sp is 0x%" PRIx64 "\n", f[k].cfa);
    if (f[k].ra_at || f[k].fp_at) {
        ui_printf(u, " Saved registers:\n ");
        if (f[k].ra_at && u->r_ra >= 0)
            ui_printf(u, " %s at 0x%" PRIx64 "%s", u->regs[u->r_ra].name, f[k].ra_at, f[k].fp_at ? "," : "");
        if (f[k].fp_at && u->r_fp >= 0)
            ui_printf(u, " %s at 0x%" PRIx64, u->regs[u->r_fp].name, f[k].fp_at);
        ui_printf(u, "\n");
    }
    return 0;
}

/* Reads a guest word of the target's pointer size. */
static int rdp(struct ui *u, uint64_t a, uint64_t *v)
{
    *v = 0;
    return ui_read(u, a, v, (size_t)u->addr_digits / 2);
}

static uint64_t auxv_get(struct ui *u, uint64_t type)
{
    unsigned w = (unsigned)u->addr_digits / 2;
    for (uint64_t a = u->p->auxv_addr; a && a + 2 * w <= u->p->auxv_addr + u->p->auxv_len; a += 2 * w) {
        uint64_t t, v;
        if (rdp(u, a, &t) < 0 || rdp(u, a + w, &v) < 0 || !t)
            break;
        if (t == type)
            return v;
    }
    return 0;
}

/* The mapping of a shared object: the executable vma whose file has the same base name (the guest's
   path may be under the sysroot on the host). */
static const struct vma *so_vma(struct ui *u, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    for (const struct vma *v = u->p->mem->vmas; v; v = v->next) {
        const char *vb = v->name ? strrchr(v->name, '/') : NULL;
        if (vb && !strcmp(vb + 1, base) && (v->prot & 4))
            return v;
    }
    return NULL;
}

/* Calls fn for every object on the dynamic linker's r_debug list (DT_DEBUG of the main image); returns how
   many there were, or -1 when the list does not exist (yet). */
static int walk_solibs(struct ui *u, void (*fn)(struct ui *u, const char *path, uint64_t laddr, void *ctx), void *ctx)
{
    unsigned w = (unsigned)u->addr_digits / 2;
    uint64_t phdr = auxv_get(u, 3), phnum = auxv_get(u, 5), dyn = 0, rdebug = 0, map = 0;
    unsigned phent = w == 8 ? 56 : 32;
    for (uint64_t i = 0; phdr && i < phnum && i < 64; i++) {
        uint32_t type = 0;
        uint64_t vaddr = 0;
        ui_read(u, phdr + i * phent, &type, 4);
        ui_read(u, phdr + i * phent + (w == 8 ? 16 : 8), &vaddr, w);
        if (type == 2)
            dyn = vaddr + u->p->load_bias;
    }
    for (uint64_t d = dyn, i = 0; d && i < 512; i++, d += 2 * w) {
        uint64_t tag, val;
        if (rdp(u, d, &tag) < 0 || rdp(u, d + w, &val) < 0 || !tag)
            break;
        if (tag == 21)
            rdebug = val;
    }
    if (rdebug)
        rdp(u, rdebug + w, &map);
    if (!map)
        return -1;
    int n = 0;
    for (int i = 0; map && i < 256; i++) {
        uint64_t laddr, lname, next;
        char path[512];
        if (rdp(u, map, &laddr) < 0 || rdp(u, map + w, &lname) < 0 || rdp(u, map + 3 * w, &next) < 0)
            break;
        if (lname && mem_read_str(u->p->mem, lname, path, sizeof path) > 0) {
            fn(u, path, laddr, ctx);
            n++;
        }
        map = next;
    }
    return n;
}

static void so_line(struct ui *u, const char *path, uint64_t laddr, void *ctx)
{
    (void)ctx;
    const struct vma *v = so_vma(u, path);
    ui_printf(u, "0x%0*" PRIx64 "  0x%0*" PRIx64 "  %-11s %s\n", u->addr_digits, v ? v->start : laddr,
              u->addr_digits, v ? v->end : 0, v ? "Yes" : "No", path);
}

static int info_shared(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    if (!u->p->interp_base) {
        ui_printf(u, "No shared libraries loaded at this time.\n");
        return 0;
    }
    ui_printf(u, "%-*s  %-*s  Syms Read   Shared Object Library\n", u->addr_digits + 2, "From", u->addr_digits + 2, "To");
    if (walk_solibs(u, so_line, NULL) < 0) { /* the dynamic linker has not announced anything yet: only itself */
        for (struct vma *v = u->p->mem->vmas; v; v = v->next)
            if (v->start <= u->p->interp_base && u->p->interp_base < v->end && v->name) {
                ui_printf(u, "0x%0*" PRIx64 "  0x%0*" PRIx64 "  %-11s %s\n", u->addr_digits, v->start,
                          u->addr_digits, v->end, "Yes", v->name);
                break;
            }
    }
    return 0;
}

static int info_mappings(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    if (strncmp(a, "mappings", 8) && *a)
        return ui_error(u, "only `info proc mappings' is supported");
    ui_printf(u, "process %d\nMapped address spaces:\n\n", (int)getpid());
    ui_printf(u, "%20s %20s %12s %12s  Perms  objfile\n", "Start Addr", "End Addr", "Size", "Offset");
    for (struct vma *v = u->p->mem->vmas; v; v = v->next) {
        char perms[5] = {v->prot & 1 ? 'r' : '-', v->prot & 2 ? 'w' : '-', v->prot & 4 ? 'x' : '-',
                         v->flags & 1 ? 's' : 'p', 0};
        char s[24], e[24], z[24], o[24];
        snprintf(s, sizeof s, "0x%" PRIx64, v->start);
        snprintf(e, sizeof e, "0x%" PRIx64, v->end);
        snprintf(z, sizeof z, "0x%" PRIx64, v->end - v->start);
        snprintf(o, sizeof o, "0x%" PRIx64, v->offset);
        ui_printf(u, "%20s %20s %12s %12s  %-5s  %s\n", s, e, z, o, perms, v->name ? v->name : "");
    }
    return 0;
}

static int info_syscalls(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    int shown = 0;
    for (int i = 0; i < u->nbps; i++) {
        struct ui_bp *b = &u->bps[i];
        if (b->kind != BP_CATCH)
            continue;
        shown++;
        ui_printf(u, "Catchpoint %d (%s): ", b->num, b->enabled ? "enabled" : "disabled");
        if (b->nsys < 0)
            ui_printf(u, "any syscall");
        for (int k = 0; k < b->nsys; k++)
            ui_printf(u, "%s%s [%d]", k ? ", " : "", ui_sysname(u, b->sysnos[k]), b->sysnos[k]);
        ui_printf(u, ", hit %d time%s\n", b->hits, b->hits == 1 ? "" : "s");
    }
    if (!shown)
        ui_printf(u, "No syscall catchpoints (set one with `catch syscall [NAME...]').\n");
    return 0;
}

static int info_display(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    if (!u->ndisp)
        return ui_printf(u, "There are no auto-display expressions now.\n"), 0;
    ui_printf(u, "Auto-display expressions now in effect:\nNum Enb Expression\n");
    for (int i = 0; i < u->ndisp; i++)
        if (u->disp[i].fmt)
            ui_printf(u, "%d:   y  /%c %s\n", u->disp[i].num, u->disp[i].fmt, u->disp[i].expr);
        else
            ui_printf(u, "%d:   y  %s\n", u->disp[i].num, u->disp[i].expr);
    return 0;
}

static int info_symbol(struct ui *u, char *a, const char *name)
{
    (void)name;
    struct ui_val v;
    if (ui_eval(u, trim(a), &v) < 0)
        return -1;
    uint64_t off = 0;
    const char *s = symtab_lookup(u->p->syms, v.v, &off);
    if (!s)
        return ui_printf(u, "No symbol matches %s.\n", trim(a)), 0;
    if (off)
        ui_printf(u, "%s + %" PRIu64 "\n", s, off);
    else
        ui_printf(u, "%s\n", s);
    return 0;
}

static int info_line(struct ui *u, char *a, const char *name)
{
    (void)name;
    uint64_t addr;
    if (ui_location(u, trim(a), &addr) < 0)
        return -1;
    const struct ui_line *l = ui_line_at(u, addr);
    if (!l)
        return ui_printf(u, "No line number information available for address 0x%" PRIx64 "\n", addr), 0;
    const struct ui_line *n = l + 1;
    char s1[256], s2[256];
    ui_symbolize(u, l->addr, s1, sizeof s1);
    ui_symbolize(u, n->addr, s2, sizeof s2);
    ui_printf(u, "Line %d of \"%s\" starts at address 0x%" PRIx64 " %s and ends at 0x%" PRIx64 " %s.\n", l->line,
              l->file, l->addr, s1, n->addr, s2);
    return 0;
}

static const struct ui_cmd info_cmds[] = {
    {"registers", "r reg", cmd_info_registers, "general registers (or the ones named)"},
    {"all-registers", NULL, cmd_info_registers, "every register of the ISA"},
    {"breakpoints", "b break", cmd_info_breakpoints, "breakpoints, watchpoints and catchpoints"},
    {"watchpoints", NULL, cmd_info_breakpoints, "watchpoints"},
    {"threads", NULL, cmd_info_threads, "threads and where they stand"},
    {"frame", "f", cmd_info_frame, "the selected frame"},
    {"sharedlibrary", "shared dll", info_shared, "loaded shared objects (from the dynamic linker's list)"},
    {"proc", NULL, info_mappings, "proc mappings: the guest's address space"},
    {"syscalls", "catchpoints", info_syscalls, "syscall catchpoints"},
    {"display", NULL, info_display, "auto-display expressions"},
    {"symbol", NULL, info_symbol, "the symbol at an address"},
    {"line", NULL, info_line, "the addresses of a source line"},
    {NULL, NULL, NULL, NULL},
};

int cmd_info(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    char sub[64];
    size_t k = 0;
    while (a[k] && !isspace((unsigned char)a[k]) && k + 1 < sizeof sub)
        sub[k] = a[k], k++;
    sub[k] = 0;
    const struct ui_cmd *hit = NULL;
    int nhit = 0;
    for (const struct ui_cmd *c = info_cmds; c->name && k; c++) {
        char al[64];
        snprintf(al, sizeof al, " %s ", c->alias ? c->alias : "");
        char key[70];
        snprintf(key, sizeof key, " %s ", sub);
        if (!strcmp(c->name, sub) || strstr(al, key)) {
            hit = c, nhit = 1;
            break;
        }
        if (!strncmp(c->name, sub, k))
            hit = c, nhit++;
    }
    if (nhit != 1) {
        ui_printf(u, "\"info\" must be followed by the name of an info command.\nList of info subcommands:\n\n");
        for (const struct ui_cmd *c = info_cmds; c->name; c++)
            ui_printf(u, "info %-14s -- %s\n", c->name, c->help);
        return 0;
    }
    return hit->fn(u, a + k, hit->name);
}
