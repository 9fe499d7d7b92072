/* Commands that show and change program state: x, print, display, set, disassemble, list, frame, bt, thread. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

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

/* Parses "/NFU" at *a (after the command name); fills what is present. */
static void parse_fmt(char **a, long *count, char *fmt, char *size)
{
    char *s = *a;
    while (isspace((unsigned char)*s))
        s++;
    if (*s != '/')
        return;
    s++;
    if (isdigit((unsigned char)*s))
        *count = strtol(s, &s, 10);
    for (; *s && !isspace((unsigned char)*s); s++) {
        if (strchr("bhwg", *s))
            *size = *s;
        else if (strchr("xduotacfsi", *s))
            *fmt = *s;
    }
    *a = s;
}

void ui_print_insns(struct ui *u, uint64_t addr, int n)
{
    uint64_t pc = ui_reg(u, u->r_pc);
    for (int i = 0; i < n; i++) {
        char text[128], sym[256];
        int len = u->isa->disasm(u->p, addr, text, sizeof text);
        ui_symbolize(u, addr, sym, sizeof sym);
        if (len <= 0) {
            ui_printf(u, "   0x%" PRIx64 ":\tCannot access memory at address 0x%" PRIx64 "\n", addr, addr);
            return;
        }
        ui_printf(u, "%s0x%" PRIx64 "%s%s:\t%s\n", addr == pc ? "=> " : "   ", addr, *sym ? " " : "", sym, text);
        addr += (uint64_t)len;
    }
    u->xnext = addr;
}

static void x_strings(struct ui *u, uint64_t addr, long count)
{
    for (long i = 0; i < count; i++) {
        char sym[256], buf[1024];
        size_t k = 0;
        uint8_t c;
        uint64_t a = addr;
        ui_symbolize(u, addr, sym, sizeof sym);
        buf[k++] = '"';
        while (ui_read(u, a, &c, 1) == 0 && c && k < sizeof buf - 8) {
            if (c == '\n')
                k += (size_t)snprintf(buf + k, sizeof buf - k, "\\n");
            else if (c == '"' || c == '\\')
                k += (size_t)snprintf(buf + k, sizeof buf - k, "\\%c", c);
            else if (c < 32 || c >= 127)
                k += (size_t)snprintf(buf + k, sizeof buf - k, "\\%03o", c);
            else
                buf[k++] = (char)c;
            a++;
        }
        buf[k++] = '"';
        buf[k] = 0;
        ui_printf(u, "0x%" PRIx64 "%s%s:\t%s\n", addr, *sym ? " " : "", sym, buf);
        addr = a + 1;
    }
    u->xnext = addr;
}

int cmd_x(struct ui *u, char *a, const char *name)
{
    (void)name;
    long count = 1;
    char fmt = u->xfmt, size = u->xsize;
    char *f = a;
    int explicit_size = 0;
    {
        char s0 = size;
        parse_fmt(&f, &count, &fmt, &size);
        explicit_size = size != s0;
    }
    f = trim(f);
    uint64_t addr = u->xnext;
    if (*f) {
        struct ui_val v;
        if (ui_eval(u, f, &v) < 0)
            return -1;
        addr = v.v;
    }
    u->xfmt = fmt;
    if (fmt == 'i')
        return ui_print_insns(u, addr, (int)count), 0;
    if (fmt == 's')
        return x_strings(u, addr, count), 0;
    if (fmt == 'a')
        size = u->addr_digits == 16 ? 'g' : 'w';
    else if (fmt == 'c' && !explicit_size)
        size = 'b';
    u->xsize = size;
    unsigned sz = size == 'b' ? 1 : size == 'h' ? 2 : size == 'w' ? 4 : 8;
    int per = fmt == 'c' ? 8 : sz == 8 ? 2 : sz == 4 ? 4 : 8;
    for (long i = 0; i < count; i++) {
        if (i % per == 0) {
            char sym[256];
            ui_symbolize(u, addr, sym, sizeof sym);
            ui_printf(u, "%s0x%" PRIx64 "%s%s:", i ? "\n" : "", addr, *sym ? " " : "", sym);
        }
        uint64_t v = 0;
        if (ui_read(u, addr, &v, sz) < 0) {
            ui_printf(u, "\tCannot access memory at address 0x%" PRIx64 "\n", addr);
            u->xnext = addr;
            return -1;
        }
        char buf[256];
        if (fmt == 'x') {
            snprintf(buf, sizeof buf, "0x%0*" PRIx64, (int)sz * 2, v);
        } else if (fmt == 'f' && (sz == 4 || sz == 8)) {
            double d;
            float fl;
            if (sz == 4)
                memcpy(&fl, &v, 4), d = fl;
            else
                memcpy(&d, &v, 8);
            snprintf(buf, sizeof buf, "%g", d);
        } else {
            struct ui_val val = {.v = v, .t = {TY_INT, (uint8_t)sz, fmt == 'u' || fmt == 'x', 0}};
            ui_format_val(u, &val, fmt == 'f' ? 'd' : fmt, buf, sizeof buf);
        }
        ui_printf(u, "\t%s", buf);
        addr += sz;
    }
    ui_printf(u, "\n");
    u->xnext = addr;
    return 0;
}

void ui_record_value(struct ui *u, const struct ui_val *v)
{
    struct ui_val *nh = realloc(u->hist, (size_t)(u->nhist + 1) * sizeof *nh);
    if (!nh)
        return;
    u->hist = nh;
    u->hist[u->nhist++] = *v;
}

int cmd_print(struct ui *u, char *a, const char *name)
{
    (void)name;
    long count = 1;
    char fmt = 0, size = 0;
    parse_fmt(&a, &count, &fmt, &size);
    a = trim(a);
    struct ui_val v;
    if (!*a) {
        if (!u->nhist)
            return ui_error(u, "$1 = <error: History is empty.>");
        v = u->hist[u->nhist - 1];
    } else if (ui_eval(u, a, &v) < 0) {
        return -1;
    }
    char buf[1024];
    ui_format_val(u, &v, fmt, buf, sizeof buf);
    if (!strcmp(name, "output")) {
        ui_printf(u, "%s", buf);
        return 0;
    }
    ui_record_value(u, &v);
    ui_printf(u, "$%d = %s\n", u->nhist, buf);
    return 0;
}

static void show_display(struct ui *u, const struct ui_display *d)
{
    if (d->fmt == 'i' || d->fmt == 's') {
        struct ui_val v;
        ui_printf(u, "%d: x/%c %s\n", d->num, d->fmt, d->expr);
        if (ui_eval(u, d->expr, &v) == 0) {
            if (d->fmt == 'i')
                ui_print_insns(u, v.v, 1);
            else
                x_strings(u, v.v, 1);
        }
        return;
    }
    struct ui_val v;
    char buf[1024];
    if (ui_eval(u, d->expr, &v) < 0)
        return;
    ui_format_val(u, &v, d->fmt, buf, sizeof buf);
    if (d->fmt)
        ui_printf(u, "%d: /%c %s = %s\n", d->num, d->fmt, d->expr, buf);
    else
        ui_printf(u, "%d: %s = %s\n", d->num, d->expr, buf);
}

void ui_do_displays(struct ui *u)
{
    if (!u->alive)
        return;
    for (int i = 0; i < u->ndisp; i++)
        show_display(u, &u->disp[i]);
}

int cmd_display(struct ui *u, char *a, const char *name)
{
    (void)name;
    long count = 1;
    char fmt = 0, size = 0;
    parse_fmt(&a, &count, &fmt, &size);
    a = trim(a);
    if (!*a) {
        ui_do_displays(u);
        return 0;
    }
    if (u->ndisp == 32)
        return ui_error(u, "Too many displays.");
    struct ui_display *d = &u->disp[u->ndisp++];
    d->num = ++u->disp_next;
    d->fmt = fmt;
    d->expr = strdup(a);
    if (u->alive)
        show_display(u, d);
    return 0;
}

int cmd_undisplay(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    if (!*a) {
        for (int i = 0; i < u->ndisp; i++)
            free(u->disp[i].expr);
        u->ndisp = 0;
        return 0;
    }
    for (char *t = strtok(a, " "); t; t = strtok(NULL, " ")) {
        int n = atoi(t), found = 0;
        for (int i = 0; i < u->ndisp; i++)
            if (u->disp[i].num == n) {
                free(u->disp[i].expr);
                memmove(&u->disp[i], &u->disp[i + 1], (size_t)(u->ndisp - i - 1) * sizeof u->disp[0]);
                u->ndisp--;
                found = 1;
                break;
            }
        if (!found)
            ui_printf(u, "No display number %d.\n", n);
    }
    return 0;
}

int cmd_set(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    static const char *const quiet[] = {"confirm", "pagination", "height", "width", "print", "logging", "listsize",
                                        "verbose", "style", "disassembly-flavor", NULL};
    for (int i = 0; quiet[i]; i++)
        if (!strncmp(a, quiet[i], strlen(quiet[i])) && !isalnum((unsigned char)a[strlen(quiet[i])]))
            return 0; /* gdb settings that mean nothing here */
    if (!strncmp(a, "breakpoint pending", 18)) { /* on: an unknown location makes a pending breakpoint */
        const char *v = trim(a + 18);
        u->pending_on = !strcmp(v, "on");
        return 0;
    }
    if (!strncmp(a, "var ", 4))
        a += 4;
    else if (!strncmp(a, "variable ", 9))
        a += 9;
    if (!strchr(a, '='))
        return ui_error(u, "A syntax error in expression, near `'.");
    struct ui_val v;
    if (ui_eval(u, a, &v) < 0)
        return -1;
    if (u->alive)
        ui_take_snapshot(u), u->prev = u->snap; /* a change the user made is not news at the next stop */
    return 0;
}

/* The function around addr from the symbol table: [lo, hi). */
static const char *func_range(struct ui *u, uint64_t addr, uint64_t *lo, uint64_t *hi)
{
    for (size_t i = 0; i < u->nsyms; i++) {
        const struct ui_sym *s = &u->syms[i];
        if (s->func && addr >= s->addr && addr < s->addr + s->size) {
            *lo = s->addr, *hi = s->addr + s->size;
            return s->name;
        }
    }
    uint64_t off = 0;
    const char *n = symtab_lookup(u->p->syms, addr, &off);
    if (!n)
        return NULL;
    *lo = addr - off;
    uint64_t a = addr, o2;
    char text[128];
    for (int i = 0; i < 4096; i++) {
        int len = u->isa->disasm(u->p, a, text, sizeof text);
        if (len <= 0 || symtab_lookup(u->p->syms, a, &o2) != n)
            break;
        a += (uint64_t)len;
    }
    *hi = a;
    return n;
}

int cmd_disassemble(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    while (*a == '/')
        a = trim(strchr(a, ' ') ? strchr(a, ' ') : a + strlen(a));
    uint64_t lo, hi, pc = ui_reg(u, u->r_pc);
    const char *fn = NULL;
    char *comma = strchr(a, ',');
    if (comma) {
        *comma = 0;
        struct ui_val v1, v2;
        char *second = trim(comma + 1);
        int plus = *second == '+';
        if (ui_eval(u, a, &v1) < 0 || ui_eval(u, second + plus, &v2) < 0)
            return -1;
        lo = v1.v, hi = plus ? v1.v + v2.v : v2.v;
        ui_printf(u, "Dump of assembler code from 0x%" PRIx64 " to 0x%" PRIx64 ":\n", lo, hi);
    } else {
        uint64_t at = pc;
        if (*a) {
            struct ui_val v;
            if (ui_eval(u, a, &v) < 0)
                return -1;
            at = v.v;
        }
        fn = func_range(u, at, &lo, &hi);
        if (!fn)
            return ui_error(u, "No function contains specified address.");
        ui_printf(u, "Dump of assembler code for function %s:\n", fn);
    }
    for (uint64_t at = lo; at < hi;) {
        char text[128], sym[256];
        int len = u->isa->disasm(u->p, at, text, sizeof text);
        if (len <= 0)
            break;
        if (fn)
            snprintf(sym, sizeof sym, "<+%" PRIu64 ">", at - lo);
        else
            ui_symbolize(u, at, sym, sizeof sym);
        ui_printf(u, "%s0x%0*" PRIx64 " %s:\t%s\n", at == pc ? "=> " : "   ", u->addr_digits, at, sym, text);
        at += (uint64_t)len;
    }
    ui_printf(u, "End of assembler dump.\n");
    return 0;
}

static void print_frame(struct ui *u, const struct ui_frame *f, int level, int src)
{
    char line[512];
    ui_frame_line(u, f, level, line, sizeof line);
    ui_printf(u, "#%-2d %s\n", level, line);
    const struct ui_line *l = ui_line_at(u, level ? f->pc - 1 : f->pc);
    const char *text = src && l ? ui_source_line(u, l->path, l->line) : NULL;
    if (text)
        ui_printf(u, "%d\t%s\n", l->line, text);
}

int cmd_frame(struct ui *u, char *a, const char *name)
{
    if (!u->alive)
        return ui_error(u, "No stack.");
    a = trim(a);
    struct ui_frame f[UI_MAX_FRAMES];
    int n = ui_unwind(u, f, UI_MAX_FRAMES), want = u->frame;
    long k = *a ? strtol(a, NULL, 0) : !strcmp(name, "frame") ? -1 : 1;
    if (!strcmp(name, "up"))
        want += (int)k;
    else if (!strcmp(name, "down"))
        want -= (int)k;
    else if (k >= 0)
        want = (int)k;
    if (want < 0)
        return ui_error(u, "Bottom (innermost) frame selected; you cannot go down.");
    if (want >= n)
        return ui_error(u, !strcmp(name, "up") ? "Initial frame selected; you cannot go up." : "No frame at level %s.", a);
    u->frame = want;
    print_frame(u, &f[want], want, 1);
    return 0;
}

int cmd_bt(struct ui *u, char *a, const char *name)
{
    (void)name;
    if (!u->alive)
        return ui_error(u, "No stack.");
    a = trim(a);
    long max = *a ? strtol(a, NULL, 0) : UI_MAX_FRAMES;
    struct ui_frame f[UI_MAX_FRAMES];
    int n = ui_unwind(u, f, UI_MAX_FRAMES);
    for (int i = 0; i < n && i < max; i++)
        print_frame(u, &f[i], i, 0);
    if (max < n)
        ui_printf(u, "(More stack frames follow...)\n");
    return 0;
}

int cmd_thread(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    if (!u->alive)
        return ui_error(u, "No thread selected.");
    if (!*a) {
        ui_printf(u, "[Current thread is %d (LWP %d)]\n", ui_thread_num(u, ui_cur_tid(u)), ui_cur_tid(u));
        return 0;
    }
    int num = atoi(a);
    if (num < 1 || num > u->nthread_ids || !dbg_thread(u->d, u->thread_ids[num - 1]))
        return ui_error(u, "Invalid thread ID: %s", a);
    u->tid = u->thread_ids[num - 1];
    u->frame = 0;
    ui_printf(u, "[Switching to thread %d (LWP %d)]\n", num, u->tid);
    struct ui_frame f[1];
    if (ui_unwind(u, f, 1) > 0)
        print_frame(u, &f[0], 0, 1);
    return 0;
}

int cmd_list(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    if (!u->nlines)
        return ui_error(u, "No line number information available (build the program with -g).");
    int center = 0, count = 10;
    char *comma = strchr(a, ',');
    if (comma) { /* list FIRST,LAST */
        *comma = 0;
        int last = atoi(comma + 1);
        uint64_t addr;
        if (ui_location(u, a, &addr) < 0)
            return -1;
        const struct ui_line *l = ui_line_at(u, addr);
        if (!l)
            return ui_error(u, "No line number known for %s.", a);
        snprintf(u->list_path, sizeof u->list_path, "%s", l->path);
        u->list_line = atoi(a) > 0 ? atoi(a) : l->line;
        count = last >= u->list_line ? last - u->list_line + 1 : 10;
    } else if (*a) {
        uint64_t addr;
        if (ui_location(u, a, &addr) < 0)
            return -1;
        const struct ui_line *l = ui_line_at(u, addr);
        if (!l)
            return ui_error(u, "No line number known for %s.", a);
        snprintf(u->list_path, sizeof u->list_path, "%s", l->path);
        center = l->line;
    } else if (!u->list_line) {
        const struct ui_line *l = ui_line_at(u, ui_reg(u, u->r_pc));
        if (!l)
            return ui_error(u, "No line number known for the current location.");
        snprintf(u->list_path, sizeof u->list_path, "%s", l->path);
        center = l->line;
    }
    int first = center ? (center > 5 ? center - 5 : 1) : u->list_line;
    int shown = 0;
    for (int i = first; i < first + count; i++) {
        const char *t = ui_source_line(u, u->list_path, i);
        if (!t)
            break;
        ui_printf(u, "%d\t%s\n", i, t);
        shown++;
    }
    if (!shown)
        ui_printf(u, "Line number %d out of range; \"%s\" has fewer lines.\n", first, u->list_path);
    u->list_line = first + count;
    return 0;
}
