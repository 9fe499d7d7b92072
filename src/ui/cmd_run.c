/* Commands that set breakpoints and move the program: break, watch, catch, continue, step, finish, until, quit. */
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

/* In line mode a command that runs the program returns when it stops again (unless it was asked not to wait). */
static int run_bg(struct ui *u, const struct run_op *op, int bg)
{
    u->intr = 0; /* a Ctrl-C typed at the prompt is not meant for this run */
    if (u->running)
        return ui_error(u, "The program is already running (interrupt stops it).");
    if (ui_start(u, op) < 0)
        return -1;
    if (u->mode == UI_CLI && !bg)
        while (!ui_poll(u, 100))
            if (u->intr) {
                u->intr = 0;
                ui_interrupt(u);
            }
    return 0;
}

static int run(struct ui *u, const struct run_op *op)
{
    return run_bg(u, op, 0);
}

int cmd_break(struct ui *u, char *a, const char *name)
{
    a = trim(a);
    char *cond = strstr(a, " if ");
    if (!strncmp(a, "if ", 3))
        cond = a - 1;
    if (cond) {
        *cond = 0;
        cond = trim(cond + 4);
    }
    uint64_t addr = 0;
    int pending = 0;
    if (ui_location(u, a, &addr) < 0) {
        if (!u->pending_on || !*a || *a == '*')
            return -1;
        pending = 1; /* set breakpoint pending on: resolved when a program that has it is exec'd */
    }
    struct ui_bp *b = ui_bp_new(u, BP_BREAK);
    if (!b)
        return ui_error(u, "out of memory");
    b->addr = addr;
    b->temp = !strcmp(name, "tbreak") || !strcmp(name, "thbreak");
    b->hw = !strcmp(name, "hbreak") || !strcmp(name, "thbreak");
    b->what = strdup(*a ? a : "*pc");
    b->cond = cond && *cond ? strdup(cond) : NULL;
    b->pending = pending;
    ui_bp_enable(u, b, 1);
    if (pending) {
        ui_printf(u, "%s %d (%s) pending.\n", b->temp ? "Temporary breakpoint" : "Breakpoint", b->num, a);
        return 0;
    }
    const struct ui_line *l = ui_line_at(u, addr);
    ui_printf(u, "%s %d at 0x%" PRIx64, b->hw ? (b->temp ? "Temporary hardware assisted breakpoint" : "Hardware assisted breakpoint")
              : b->temp ? "Temporary breakpoint" : "Breakpoint", b->num, addr);
    if (l)
        ui_printf(u, ": file %s, line %d.", l->file, l->line);
    ui_printf(u, "\n");
    return 0;
}

/* Applies fn to the breakpoints numbered in a (all when a is empty). */
static int each_bp(struct ui *u, char *a, void (*fn)(struct ui *u, struct ui_bp *b, int arg), int arg)
{
    a = trim(a);
    if (!*a) {
        for (int i = u->nbps - 1; i >= 0; i--)
            fn(u, &u->bps[i], arg);
        return 0;
    }
    for (char *t = strtok(a, " "); t; t = strtok(NULL, " ")) {
        char *end;
        long n = strtol(t, &end, 10);
        struct ui_bp *b = *end ? NULL : ui_bp_get(u, (int)n);
        if (!b)
            ui_printf(u, *end ? "Convenience variable must have integer value.\nArgs must be numbers or '$' variables.\n"
                              : "No breakpoint number %s.\n", t);
        else
            fn(u, b, arg);
    }
    return 0;
}

static void del1(struct ui *u, struct ui_bp *b, int arg)
{
    (void)arg;
    ui_bp_delete(u, b);
}

static void en1(struct ui *u, struct ui_bp *b, int on)
{
    ui_bp_enable(u, b, on);
}

int cmd_delete(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    if (!strncmp(a, "display", 7))
        return cmd_undisplay(u, a + 7, "undisplay");
    if (!strncmp(a, "breakpoints", 11))
        a += 11;
    return each_bp(u, a, del1, 0);
}

int cmd_enable(struct ui *u, char *a, const char *name)
{
    a = trim(a);
    if (!strncmp(a, "once ", 5))
        a += 5;
    return each_bp(u, a, en1, !strcmp(name, "enable"));
}

int cmd_watch(struct ui *u, char *a, const char *name)
{
    a = trim(a);
    if (!strncmp(a, "-l ", 3) || !strncmp(a, "-location ", 10))
        a = trim(strchr(a, ' '));
    struct ui_val v;
    if (!*a)
        return ui_error(u, "Argument required (expression to compute).");
    if (ui_eval(u, a, &v) < 0)
        return -1;
    if (v.lval != 1)
        return ui_error(u, "Cannot watch constant value `%s'.", a);
    struct ui_bp *b = ui_bp_new(u, BP_WATCH);
    if (!b)
        return ui_error(u, "out of memory");
    b->addr = v.addr;
    b->len = v.t.ptr || v.t.kind == TY_CODE ? (unsigned)u->addr_digits / 2 : v.t.size;
    b->wtype = name[0] == 'r' ? DBG_WATCH_READ : name[0] == 'a' ? DBG_WATCH_ACCESS : DBG_WATCH_WRITE;
    b->wval = v.v;
    b->what = strdup(a);
    b->enabled = 1;
    if (dbg_insert_wp(u->d, b->wtype, b->addr, b->len) < 0) {
        ui_bp_delete(u, b);
        return ui_error(u, "Could not insert hardware watchpoint (too many?).");
    }
    ui_printf(u, "%s %d: %s\n",
              b->wtype == DBG_WATCH_READ ? "Hardware read watchpoint"
              : b->wtype == DBG_WATCH_ACCESS ? "Hardware access (read/write) watchpoint" : "Hardware watchpoint",
              b->num, a);
    return 0;
}

int cmd_catch(struct ui *u, char *a, const char *name)
{
    (void)name;
    a = trim(a);
    if (!strcmp(a, "exec")) { /* reported by the xtrace the exec of a foreign program starts (follow.c) */
        struct ui_bp *b = ui_bp_new(u, BP_EXEC);
        if (!b)
            return ui_error(u, "out of memory");
        b->enabled = 1;
        ui_printf(u, "Catchpoint %d (exec)\n", b->num);
        return 0;
    }
    if (strncmp(a, "syscall", 7))
        return ui_error(u, "only `catch syscall [NAME|NUMBER]...' and `catch exec' are supported");
    a = trim(a + 7);
    int nos[64], n = 0;
    for (char *t = strtok(a, " "); t && n < 64; t = strtok(NULL, " ")) {
        int nr = ui_sysno(u, t);
        if (nr < 0)
            return ui_error(u, "Unknown syscall name '%s'.", t);
        nos[n++] = nr;
    }
    struct ui_bp *b = ui_bp_new(u, BP_CATCH);
    if (!b)
        return ui_error(u, "out of memory");
    b->nsys = n ? n : -1;
    if (n) {
        b->sysnos = malloc((size_t)n * sizeof *b->sysnos);
        if (b->sysnos)
            memcpy(b->sysnos, nos, (size_t)n * sizeof *nos);
    }
    ui_bp_enable(u, b, 1);
    if (!n) {
        ui_printf(u, "Catchpoint %d (any syscall)\n", b->num);
        return 0;
    }
    ui_printf(u, "Catchpoint %d (syscall%s", b->num, n > 1 ? "s" : "");
    for (int i = 0; i < n; i++)
        ui_printf(u, " '%s' [%d]", ui_sysname(u, nos[i]), nos[i]);
    ui_printf(u, ")\n");
    return 0;
}

static long count_arg(char *a)
{
    a = trim(a);
    long n = *a ? strtol(a, NULL, 0) : 1;
    return n > 0 ? n : 1;
}

int cmd_continue(struct ui *u, char *a, const char *name)
{
    (void)name;
    if (!u->alive)
        return ui_error(u, "The program is not being run.");
    int bg = strchr(a, '&') != NULL; /* continue &: the prompt comes back while it runs */
    ui_printf(u, "Continuing.\n");
    return run_bg(u, &(struct run_op){.kind = OP_CONT}, bg);
}

int cmd_stepi(struct ui *u, char *a, const char *name)
{
    int next = name[0] == 'n';
    return run(u, &(struct run_op){.kind = next ? OP_NEXTI : OP_STEPI, .count = count_arg(a)});
}

int cmd_step(struct ui *u, char *a, const char *name)
{
    int next = name[0] == 'n';
    if (!u->nlines)
        return cmd_stepi(u, a, next ? "nexti" : "stepi");
    return run(u, &(struct run_op){.kind = next ? OP_NEXT : OP_STEP, .count = count_arg(a)});
}

int cmd_finish(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    if (!u->alive)
        return ui_error(u, "The program is not being run.");
    struct ui_frame f[UI_MAX_FRAMES];
    int n = ui_unwind(u, f, UI_MAX_FRAMES);
    if (u->frame + 1 >= n)
        return ui_error(u, "\"finish\" not meaningful in the outermost frame.");
    char line[512];
    ui_frame_line(u, &f[u->frame], u->frame, line, sizeof line);
    ui_printf(u, "Run till exit from #%d  %s\n", u->frame, line);
    return run(u, &(struct run_op){.kind = OP_FINISH, .tmp = f[u->frame + 1].pc, .sp = f[u->frame].cfa,
                                    .ret_fn = ui_func_at(u, f[u->frame].pc)});
}

void ui_print_return(struct ui *u, const struct ui_func *f)
{
    /* integer and boolean DW_ATE_* encodings; floating point comes back in fa0/d0/s0, not printed yet */
    static const uint8_t int_enc[] = {0x02, 0x05, 0x06, 0x07, 0x08, 0x10};
    int known = 0;
    for (size_t i = 0; i < sizeof int_enc; i++)
        known |= f->ret_enc == int_enc[i];
    unsigned sz = f->ret_size;
    if (!known || (sz != 1 && sz != 2 && sz != 4 && sz != 8))
        return;
    static const char *const ret_regs[] = {"a0", "x0", "r0"}; /* the ABI return register of riscv64, aarch64, arm */
    int r = -1;
    for (size_t i = 0; i < sizeof ret_regs / sizeof ret_regs[0] && r < 0; i++)
        r = ui_reg_num(u, ret_regs[i]);
    if (r < 0)
        return;
    uint64_t v = ui_reg(u, r);
    if (sz == 8 && u->regs[r].bits == 32) { /* a 64-bit value on a 32-bit ISA: the register pair r0:r1 */
        int r1 = ui_reg_num(u, "r1");
        if (r1 < 0)
            return;
        v = (v & 0xffffffffu) | ui_reg(u, r1) << 32;
    }
    int uns = f->ret_enc == 0x02 || f->ret_enc == 0x07 || f->ret_enc == 0x08 || f->ret_enc == 0x10;
    if (sz < 8) {
        uint64_t m = (1ull << (8 * sz)) - 1;
        v &= m;
        if (!uns && (v >> (8 * sz - 1)) & 1)
            v |= ~m;
    }
    struct ui_val val = {.v = v, .t = {TY_INT, (uint8_t)sz, (uint8_t)uns, 0}};
    char buf[256];
    if (f->ret_enc == 0x02) /* boolean */
        snprintf(buf, sizeof buf, "%s", v ? "true" : "false");
    else
        ui_format_val(u, &val, sz == 1 && (f->ret_enc == 0x06 || f->ret_enc == 0x08) ? 'c' : 0, buf, sizeof buf);
    ui_record_value(u, &val);
    ui_printf(u, "Value returned is $%d = %s\n", u->nhist, buf);
}

int cmd_until(struct ui *u, char *a, const char *name)
{
    a = trim(a);
    if (!*a) {
        if (!strcmp(name, "advance"))
            return ui_error(u, "Argument required (a location).");
        return cmd_step(u, a, "next");
    }
    uint64_t addr;
    if (ui_location(u, a, &addr) < 0)
        return -1;
    if (!u->alive)
        return ui_error(u, "The program is not being run.");
    return run(u, &(struct run_op){.kind = OP_UNTIL, .tmp = addr});
}

int cmd_run(struct ui *u, char *a, const char *name)
{
    (void)a;
    return ui_error(u, "not supported yet: `%s' (restart xtrace to run the program again)", name);
}

int cmd_quit(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    u->quit = 1;
    return 0;
}
