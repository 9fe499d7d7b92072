/* TUI panels: the layout for the screen size and one renderer per panel, drawing from the stop snapshot. */
#include <inttypes.h>
#include <string.h>

#include <ncurses.h>

#include "tui.h"

int tui_attr(struct tui *t, int c)
{
    if (t->color)
        return COLOR_PAIR(c) | (c == C_CHANGED || c == C_BREAK || c == C_FAIL ? A_BOLD : 0);
    switch (c) {
    case C_TITLE: case C_STATUS: case C_CUR: return A_REVERSE;
    case C_FOCUS: return A_REVERSE | A_BOLD;
    case C_CHANGED: case C_BREAK: case C_FAIL: return A_BOLD;
    case C_DIM: return A_DIM;
    case C_SOURCE: return A_UNDERLINE;
    default: return A_NORMAL;
    }
}

/* Writes text into content row i of p with attribute a, clipped and padded to the panel width. */
static void row(struct panel *p, int i, int a, const char *s)
{
    if (i < 0 || i >= p->h - 1)
        return;
    attrset(a);
    mvaddnstr(p->y + 1 + i, p->x, s, p->w);
    int n = (int)strlen(s);
    for (int k = n; k < p->w; k++)
        addch(' ');
    attrset(A_NORMAL);
}

/* ---- code ---- */

struct code_line {
    uint64_t addr;               /* instruction address (0 for a source row) */
    char text[160];              /* what to show after the markers */
};

static void draw_code(struct tui *t, struct panel *p)
{
    struct ui *u = t->u;
    if (!u->snap.valid || !u->alive) {
        row(p, 0, A_NORMAL, u->alive ? "" : " (the program is not running)");
        for (int i = 1; i < p->h - 1; i++)
            row(p, i, A_NORMAL, "");
        return;
    }
    uint64_t pc = u->snap.pc, focus_addr = t->focus == P_CODE && t->cursor ? t->cursor : pc, off = 0;
    const char *fn = symtab_lookup(u->p->syms, focus_addr, &off);
    uint64_t start = fn && off < 4096 ? focus_addr - off : focus_addr;
    if (t->cursor && t->cursor < start && start - t->cursor < 4096)
        start = t->cursor;
    static struct code_line lines[512];
    int n = 0, at = -1, last_line = -1;
    uint64_t a = start;
    while (n < 500) {
        const struct ui_line *l = t->mixed ? ui_line_at(u, a) : NULL;
        if (l && l->addr == a && l->line != last_line) {
            const char *src = ui_source_line(u, l->path, l->line);
            lines[n].addr = 0;
            snprintf(lines[n].text, sizeof lines[n].text, "   %4d  %s", l->line, src ? src : "");
            n++;
            last_line = l->line;
        }
        char text[128], sym[128];
        int len = u->isa->disasm(u->p, a, text, sizeof text);
        if (len <= 0) {
            if (n == 0 || at < 0) {
                lines[n].addr = a;
                snprintf(lines[n].text, sizeof lines[n].text, "0x%" PRIx64 "  <not readable>", a);
                if (a == focus_addr)
                    at = n;
                n++;
            }
            break;
        }
        uint64_t o2 = 0;
        const char *s = symtab_lookup(u->p->syms, a, &o2);
        if (s && o2)
            snprintf(sym, sizeof sym, "<%.20s+%" PRIu64 ">", s, o2);
        else if (s)
            snprintf(sym, sizeof sym, "<%.24s>", s);
        else
            sym[0] = 0;
        lines[n].addr = a;
        int lw = p->w >= 70 ? 18 : 11; /* narrow screens give the instruction the room */
        if ((int)strlen(sym) > lw)
            sym[lw - 1] = '>', sym[lw] = 0;
        snprintf(lines[n].text, sizeof lines[n].text, "0x%08" PRIx64 " %-*s %s", a, lw, sym, text);
        if (a == focus_addr)
            at = n;
        n++;
        if (at >= 0 && n - at > p->h)
            break;
        a += (uint64_t)len;
    }
    int first = at - (p->h - 1) / 3;
    if (first < 0)
        first = 0;
    for (int i = 0; i < p->h - 1; i++) {
        int k = first + i;
        if (k >= n) {
            row(p, i, A_NORMAL, "");
            continue;
        }
        char buf[200];
        const struct code_line *c = &lines[k];
        if (!c->addr) {
            row(p, i, tui_attr(t, C_SOURCE), c->text);
            continue;
        }
        int bp = ui_code_bp_at(u, c->addr);
        snprintf(buf, sizeof buf, "%c%c %s", bp ? 'B' : ' ', c->addr == pc ? '>' : ' ', c->text);
        int attr = c->addr == pc ? tui_attr(t, C_CUR) : bp ? tui_attr(t, C_BREAK) : (int)A_NORMAL;
        if (t->focus == P_CODE && c->addr == t->cursor && c->addr != pc)
            attr |= A_UNDERLINE | A_BOLD;
        row(p, i, attr, buf);
    }
}

/* ---- registers ---- */

/* The floating-point status decoded: rounding mode and accrued exception flags (riscv frm/fflags). */
static void fp_status(struct ui *u, char *buf, size_t n)
{
    static const char *const rm[8] = {"RNE", "RTZ", "RDN", "RUP", "RMM", "?5", "?6", "DYN"};
    static const char *const fl[5] = {"NX", "UF", "OF", "DZ", "NV"};
    int f = ui_reg_num(u, "fflags"), r = ui_reg_num(u, "frm");
    if (f < 0 || r < 0) {
        *buf = 0;
        return;
    }
    uint64_t fv = u->snap.regs[f], rv = u->snap.regs[r];
    size_t k = (size_t)snprintf(buf, n, "fp: round %s flags", rm[rv & 7]);
    for (int i = 4; i >= 0 && k < n; i--)
        if (fv >> i & 1)
            k += (size_t)snprintf(buf + k, n - k, " %s", fl[i]);
    if (!(fv & 31) && k < n)
        snprintf(buf + k, n - k, " -");
}

/* The status row under the registers: a flags register decoded (arm, aarch64 cpsr), else the FP status (riscv). */
static void status_row(struct ui *u, char *buf, size_t n)
{
    for (int i = 0; i < u->ngeneral; i++) {
        char f[160];
        if (ui_reg_flags(u, i, u->snap.regs[i], f, sizeof f)) {
            snprintf(buf, n, "%s %s", u->regs[i].name, f);
            return;
        }
    }
    fp_status(u, buf, n);
}

static void draw_regs(struct tui *t, struct panel *p)
{
    struct ui *u = t->u;
    int idx[UI_MAX_REGS], n = 0, digits = 0;
    for (int i = 0; i < u->ngeneral; i++)
        if (strcmp(u->regs[i].name, "zero")) {
            idx[n++] = i;
            int d = u->regs[i].bits >= 64 ? 16 : (int)(u->regs[i].bits + 3) / 4; /* 32-bit ISAs: 8 digits */
            digits = d > digits ? d : digits;
        }
    int cellw = 4 + 1 + digits, cols = p->w / (cellw + 1);
    if (cols < 1)
        cols = 1;
    int rows = (n + cols - 1) / cols + 1, first = p->scroll; /* + the FP status row */
    if (first > rows - (p->h - 1))
        first = rows - (p->h - 1);
    if (first < 0)
        first = 0;
    p->scroll = first;
    for (int r = 0; r < p->h - 1; r++) {
        move(p->y + 1 + r, p->x);
        attrset(A_NORMAL);
        int used = 0;
        for (int c = 0; c < cols; c++) {
            int k = (first + r) * cols + c;
            if (k >= n && c == 0 && first + r == rows - 1 && u->snap.valid && u->alive) {
                char fp[200];
                status_row(u, fp, sizeof fp);
                addnstr(fp, p->w);
                used += (int)strlen(fp) < p->w ? (int)strlen(fp) : p->w;
                break;
            }
            if (k >= n || !u->snap.valid || !u->alive)
                break;
            int i = idx[k];
            uint64_t v = u->snap.regs[i];
            int changed = u->prev.valid && u->prev.tid == u->snap.tid && u->prev.regs[i] != v;
            char cell[64];
            snprintf(cell, sizeof cell, "%-4.4s%c%0*" PRIx64 " ", u->regs[i].name, changed ? '*' : ' ', digits, v);
            attrset(changed ? tui_attr(t, C_CHANGED) : (int)A_NORMAL);
            addnstr(cell, p->w - used);
            used += (int)strlen(cell);
            if (used >= p->w)
                break;
        }
        attrset(A_NORMAL);
        for (; used < p->w; used++)
            addch(' ');
    }
}

/* ---- stack ---- */

static void draw_stack(struct tui *t, struct panel *p)
{
    struct ui *u = t->u;
    for (int i = 0; i < p->h - 1; i++) {
        int k = i + p->scroll;
        if (!u->alive || !u->snap.valid || k >= u->snap.nframes) {
            row(p, i, A_NORMAL, "");
            continue;
        }
        char line[512], buf[600];
        ui_frame_line(u, &u->snap.f[k], k, line, sizeof line);
        snprintf(buf, sizeof buf, "#%-2d %s", k, line);
        row(p, i, k == u->frame ? tui_attr(t, C_CUR) : (int)A_NORMAL, buf);
    }
}

/* ---- memory ---- */

static void draw_mem(struct tui *t, struct panel *p)
{
    struct ui *u = t->u;
    const struct ui_snap *s = &u->snap, *o = &u->prev;
    int adig = u->addr_digits == 8 ? 8 : 10, hw = adig + 1; /* address column: 32-bit ISAs need 8 digits */
    int bpr = p->w >= hw + 16 * 4 ? 16 : p->w >= hw + 8 * 4 ? 8 : 4;
    for (int r = 0; r < p->h - 1; r++) {
        size_t base = (size_t)(r + p->scroll) * (size_t)bpr;
        if (!u->alive || !s->valid || base + (size_t)bpr > sizeof s->mem) {
            row(p, r, A_NORMAL, "");
            continue;
        }
        move(p->y + 1 + r, p->x);
        attrset(A_NORMAL);
        char head[32], ascii[20];
        snprintf(head, sizeof head, "%0*" PRIx64 " ", adig, s->mem_addr + base);
        addnstr(head, p->w);
        int used = (int)strlen(head);
        for (int k = 0; k < bpr; k++) {
            size_t i = base + (size_t)k;
            int changed = o->valid && o->mem_addr == s->mem_addr && o->mem_ok[i] && s->mem_ok[i] && o->mem[i] != s->mem[i];
            char cell[8];
            if (s->mem_ok[i])
                snprintf(cell, sizeof cell, "%02x", s->mem[i]);
            else
                snprintf(cell, sizeof cell, "??");
            attrset(changed ? tui_attr(t, C_CHANGED) | A_REVERSE : A_NORMAL);
            if (used + 3 <= p->w)
                addstr(cell);
            attrset(A_NORMAL);
            if (used + 3 <= p->w)
                addch(k == bpr / 2 - 1 ? ' ' : ' ');
            used += 3;
            ascii[k] = s->mem_ok[i] && s->mem[i] >= 32 && s->mem[i] < 127 ? (char)s->mem[i] : '.';
        }
        ascii[bpr] = 0;
        if (used + bpr <= p->w) {
            addstr(ascii);
            used += bpr;
        }
        for (; used < p->w; used++)
            addch(' ');
    }
}

/* ---- text panels (syscalls, console, output) ---- */

static void draw_text(struct tui *t, struct panel *p, const struct ui_text *x, int fails)
{
    int h = p->h - 1, last = x->n - 1;
    while (last >= 0 && !*ui_text_line(x, last) && last == x->n - 1 && x->col == 0)
        last--; /* an empty line being started is not shown */
    if (p->scroll > last + 1 - h)
        p->scroll = last + 1 - h > 0 ? last + 1 - h : 0;
    int first = last + 1 - h - p->scroll;
    for (int i = 0; i < h; i++) {
        int k = first + i;
        const char *s = k >= 0 && k <= last ? ui_text_line(x, k) : "";
        int a = (int)A_NORMAL;
        if (fails && (strstr(s, " = -1 ") || strstr(s, "+++ killed") || strstr(s, "--- SIG")))
            a = tui_attr(t, C_FAIL);
        if (!fails && (!strncmp(s, "(xtrace) ", 9)))
            a = tui_attr(t, C_DIM) | A_BOLD;
        row(p, i, a, s);
    }
}

static void draw_syscalls(struct tui *t, struct panel *p)
{
    ui_syslog_lock(1);
    draw_text(t, p, ui_syslog_text(), 1);
    ui_syslog_lock(0);
}

static void draw_console(struct tui *t, struct panel *p)
{
    draw_text(t, p, ui_console_text(), 0);
}

static void draw_output(struct tui *t, struct panel *p)
{
    draw_text(t, p, &t->out, 0);
}

/* ---- threads and breakpoints ---- */

static void draw_threads(struct tui *t, struct panel *p)
{
    struct ui *u = t->u;
    int tids[64], n = u->alive ? dbg_threads(u->d, tids, 64) : 0;
    for (int i = 0; i < p->h - 1; i++) {
        char buf[128] = "";
        if (i + p->scroll < n) {
            int tid = tids[i + p->scroll];
            snprintf(buf, sizeof buf, "%c %d  LWP %d", tid == ui_cur_tid(u) ? '*' : ' ', ui_thread_num(u, tid), tid);
        }
        row(p, i, A_NORMAL, buf);
    }
}

static void draw_breaks(struct tui *t, struct panel *p)
{
    struct ui *u = t->u;
    for (int i = 0; i < p->h - 1; i++) {
        char buf[256] = "", sym[128];
        int k = i + p->scroll;
        if (k < u->nbps) {
            const struct ui_bp *b = &u->bps[k];
            if (b->kind == BP_BREAK && b->pending) {
                snprintf(buf, sizeof buf, "%-3d %c break <PENDING> %s", b->num, b->enabled ? 'y' : 'n', b->what);
            } else if (b->kind == BP_EXEC) {
                snprintf(buf, sizeof buf, "%-3d %c catch exec hits %d", b->num, b->enabled ? 'y' : 'n', b->hits);
            } else if (b->kind == BP_BREAK) {
                ui_symbolize(u, b->addr, sym, sizeof sym);
                snprintf(buf, sizeof buf, "%-3d %c break 0x%" PRIx64 " %s hits %d", b->num, b->enabled ? 'y' : 'n',
                         b->addr, sym, b->hits);
            } else if (b->kind == BP_WATCH) {
                snprintf(buf, sizeof buf, "%-3d %c %swatch %s = %" PRId64, b->num, b->enabled ? 'y' : 'n',
                         b->wtype == DBG_WATCH_READ ? "r" : b->wtype == DBG_WATCH_ACCESS ? "a" : "", b->what,
                         (int64_t)b->wval);
            } else {
                snprintf(buf, sizeof buf, "%-3d %c catch syscall %s", b->num, b->enabled ? 'y' : 'n',
                         b->nsys < 0 ? "(any)" : ui_sysname(u, b->sysnos[0]));
            }
        }
        row(p, i, A_NORMAL, buf);
    }
}

void tui_panels_init(struct tui *t)
{
    static const struct panel table[P_COUNT] = {
        [P_CODE] = {"Code", draw_code, 0, 0, 0, 0, 0, 1},
        [P_REGS] = {"Registers", draw_regs, 0, 0, 0, 0, 0, 1},
        [P_STACK] = {"Stack", draw_stack, 0, 0, 0, 0, 0, 1},
        [P_MEM] = {"Memory", draw_mem, 0, 0, 0, 0, 0, 1},
        [P_SYSCALLS] = {"Syscalls", draw_syscalls, 0, 0, 0, 0, 0, 1},
        [P_CONSOLE] = {"Console", draw_console, 0, 0, 0, 0, 0, 1},
        [P_THREADS] = {"Threads", draw_threads, 0, 0, 0, 0, 0, 1},
        [P_BREAKS] = {"Breakpoints", draw_breaks, 0, 0, 0, 0, 0, 1},
        [P_OUTPUT] = {"Output", draw_output, 0, 0, 0, 0, 0, 1},
    };
    memcpy(t->p, table, sizeof table);
}

static void place(struct panel *p, int y, int x, int h, int w)
{
    p->y = y, p->x = x, p->h = h > 1 ? h : 0, p->w = w;
}

void tui_layout(struct tui *t, int rows, int cols)
{
    struct ui *u = t->u;
    t->rows = rows, t->cols = cols;
    for (int i = 0; i < P_COUNT; i++)
        t->p[i].h = 0;
    int oh = rows >= 40 ? 9 : rows >= 30 ? 7 : 5;
    int mh = rows - 2 - oh;
    if (mh < 6) { /* tiny: code and output only */
        place(&t->p[P_CODE], 1, 0, rows - 2 - 3, cols);
        place(&t->p[P_OUTPUT], rows - 4, 0, 3, cols);
        return;
    }
    int rw = cols >= 140 ? 50 : cols >= 100 ? 46 : 34, lw = cols - rw - 1;
    place(&t->p[P_OUTPUT], 1 + mh, 0, oh, cols);
    int ch = mh * 3 / 5;
    if (ch < 6)
        ch = mh;
    place(&t->p[P_CODE], 1, 0, ch, lw);
    place(&t->p[P_CONSOLE], 1 + ch, 0, mh - ch, lw);
    ui_console_resize(mh - ch - 1, lw);
    int nregs = 0;
    for (int i = 0; i < u->ngeneral; i++)
        nregs += strcmp(u->regs[i].name, "zero") != 0;
    int rcols = rw / 22 > 0 ? rw / 22 : 1, rh = (nregs + rcols - 1) / rcols + 1;
    if (rh > mh / 2)
        rh = mh / 2;
    place(&t->p[P_REGS], 1, lw + 1, rh, rw);
    int tids[2], want[5] = {P_SYSCALLS, P_STACK, P_MEM, P_BREAKS, P_THREADS}, k = 0, list[5];
    for (int i = 0; i < 5; i++) {
        if (want[i] == P_BREAKS && !u->nbps)
            continue;
        if (want[i] == P_SYSCALLS && !u->isa->nsys) /* a board: no syscalls to log */
            continue;
        if (want[i] == P_THREADS && (!u->alive || dbg_threads(u->d, tids, 2) < 2))
            continue;
        list[k++] = want[i];
    }
    int rem = mh - rh;
    while (k > 0 && rem / k < 3)
        k--;
    int y = 1 + rh;
    for (int i = 0; i < k; i++) {
        int h = rem / k + (i == 0 ? rem % k : 0);
        place(&t->p[list[i]], y, lw + 1, h, rw);
        y += h;
    }
}

void tui_draw(struct tui *t)
{
    struct ui *u = t->u;
    for (int i = 0; i < P_COUNT; i++) {
        struct panel *p = &t->p[i];
        if (!p->h)
            continue;
        attrset(tui_attr(t, t->focus == i ? C_FOCUS : C_TITLE));
        move(p->y, p->x);
        char title[64];
        snprintf(title, sizeof title, " %s%s ", p->title, t->focus == i ? " *" : "");
        addnstr(title, p->w);
        for (int k = (int)strlen(title); k < p->w; k++)
            addch(t->color ? ' ' : '-');
        attrset(A_NORMAL);
        p->draw(t, p);
    }
    /* the column separator */
    if (t->p[P_REGS].h)
        for (int y = 1; y < t->p[P_OUTPUT].y; y++)
            mvaddch(y, t->p[P_REGS].x - 1, (chtype)'|');
    /* status line */
    char st[512], sym[128] = "";
    if (u->alive && u->snap.valid)
        ui_symbolize(u, u->snap.pc, sym, sizeof sym);
    snprintf(st, sizeof st, " xtrace %s | %s | pc 0x%" PRIx64 " %s | thread %d | F5 cont F10 next F11 step ? keys",
             u->isa->name, u->running ? "running" : t->status, u->alive ? u->snap.pc : 0, sym,
             u->alive ? ui_thread_num(u, ui_cur_tid(u)) : 0);
    attrset(tui_attr(t, C_STATUS));
    mvaddnstr(0, 0, st, t->cols);
    for (int k = (int)strlen(st); k < t->cols; k++)
        addch(' ');
    attrset(A_NORMAL);
    if (t->help)
        tui_draw_help(t);
}

void tui_draw_help(struct tui *t)
{
    static const char *const keys[] = {
        "Keys",
        "  F5          continue            F9   breakpoint at cursor/pc",
        "  F10         next (over calls)   F11  step (into calls)",
        "  Shift-F11   finish              F7/F8 stepi / nexti",
        "  F6          reverse-stepi (undo the last single step)",
        "  Tab         focus next panel    Esc  back to the command line",
        "  Up/Down PgUp/PgDn   scroll the focused panel (Code: move cursor)",
        "  Ctrl-C      interrupt the running program",
        "  m           (Code) toggle source/assembly mix",
        "  Console focused: keys go to the program",
        "  Command line: every line-mode command (help), history Up/Down",
        "  any key closes this",
    };
    int n = (int)(sizeof keys / sizeof keys[0]), w = 70, y0 = (t->rows - n) / 2, x0 = (t->cols - w) / 2;
    if (x0 < 0)
        x0 = 0;
    for (int i = 0; i < n; i++) {
        attrset(i == 0 ? tui_attr(t, C_TITLE) : tui_attr(t, C_STATUS));
        mvaddnstr(y0 + i, x0, keys[i], w);
        for (int k = (int)strlen(keys[i]); k < w && x0 + k < t->cols; k++)
            addch(' ');
    }
    attrset(A_NORMAL);
}
