/* The TUI: curses screen on the real terminal, readline command line, function keys, a timer-driven refresh. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <ncurses.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "tui.h"

static struct tui tui_state;
static char keyq[64];            /* bytes waiting for readline */
static int keyq_n, keyq_pos;
static FILE *devnull;

static FILE *out_copy; /* $XTRACE_TUI_LOG: a copy of the command output (for tests and bug reports) */

static void tui_write(struct ui *u, const char *s, size_t n)
{
    (void)u;
    if (n)
        ui_text_feed(&tui_state.out, s, n);
    if (out_copy && n)
        fwrite(s, 1, n, out_copy), fflush(out_copy);
}

static int rl_getc_queue(FILE *f)
{
    (void)f;
    return keyq_pos < keyq_n ? (unsigned char)keyq[keyq_pos++] : EOF;
}

/* Typeahead is what the queue holds (readline would otherwise poll rl_instream). */
static int rl_queue_ready(void)
{
    return keyq_pos < keyq_n;
}

static void rl_redisplay_none(void) {}
static void rl_prep_none(int meta) { (void)meta; }
static void rl_deprep_none(void) {}

static void feed_readline(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        keyq_n = keyq_pos = 0;
        keyq[keyq_n++] = s[i];
        rl_callback_read_char();
    }
}

/* ---- completion: commands, then registers and symbols ---- */

static char *complete_gen(const char *text, int state)
{
    static int i, phase;
    static size_t len;
    struct ui *u = tui_state.u;
    if (!state)
        i = 0, phase = rl_point == (int)strlen(text) && !strchr(rl_line_buffer, ' ') ? 0 : 1, len = strlen(text);
    const char *name;
    if (phase == 0) {
        while ((name = ui_cmd_name(i++)))
            if (!strncmp(name, text, len))
                return strdup(name);
        return NULL;
    }
    if (text[0] == '$') {
        while (i < u->nregs) {
            const char *r = u->regs[i++].name;
            if (!strncmp(r, text + 1, len - 1)) {
                char *s = malloc(strlen(r) + 2);
                if (s)
                    sprintf(s, "$%s", r);
                return s;
            }
        }
        return NULL;
    }
    while ((size_t)i < u->nsyms) {
        name = u->syms[i++].name;
        if (!strncmp(name, text, len))
            return strdup(name);
    }
    return NULL;
}

static char **complete(const char *text, int start, int end)
{
    (void)start, (void)end;
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, complete_gen);
}

static void show_matches(char **m, int n, int maxlen)
{
    (void)maxlen;
    char line[1024];
    size_t k = 0;
    for (int i = 1; i <= n && k + 40 < sizeof line; i++)
        k += (size_t)snprintf(line + k, sizeof line - k, "%s  ", m[i]);
    ui_text_puts(&tui_state.out, line);
    ui_text_puts(&tui_state.out, "\n");
}

/* ---- commands ---- */

static FILE *script_in;          /* -x FILE lines still to run */
static int stop_reported = 1;    /* the last stop is in the status line */

static void set_status(struct tui *t)
{
    struct ui *u = t->u;
    const struct dbg_stop *st = &u->st;
    if (!u->alive) {
        snprintf(t->status, sizeof t->status, "%s", st->kind == DBG_STOP_EXIT ? "exited" : "killed");
        if (st->kind == DBG_STOP_EXIT)
            snprintf(t->status, sizeof t->status, "exited with code %d (quit to leave)", st->status);
        return;
    }
    static const char *const names[] = {"", "at entry", "breakpoint", "stepped", "watchpoint", "signal", "interrupted",
                                        "syscall entry", "syscall return", "fork", "exec", "exited", "killed",
                                        "vfork", "vfork done"};
    snprintf(t->status, sizeof t->status, "stopped: %s",
             st->kind >= 1 && st->kind < (int)(sizeof names / sizeof names[0]) ? names[st->kind] : "");
}

static void run_command(struct tui *t, char *line)
{
    struct ui *u = t->u;
    ui_printf(u, "(xtrace) %s\n", line);
    while (*line == ' ')
        line++;
    if (u->running && !ui_cmd_while_running(line)) {
        ui_printf(u, "The program is running: Ctrl-C (or `interrupt') stops it first.\n");
        return;
    }
    if (!strncmp(line, "interrupt", 9)) {
        ui_interrupt(u);
        return;
    }
    t->p[P_OUTPUT].scroll = 0;
    ui_execute(u, line);
    if (!u->running && u->stopped)
        ui_take_snapshot(u), u->prev = u->snap; /* state the user changed is not a change of the program */
    stop_reported = 0;
}

static void on_line(char *line)
{
    struct tui *t = &tui_state;
    if (!line) {
        t->u->quit = 1;
        return;
    }
    if (*line)
        add_history(line);
    run_command(t, line);
    free(line);
}

static void key_command(struct tui *t, const char *cmd)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", cmd);
    run_command(t, buf);
}

/* ---- screen ---- */

static void init_colors(struct tui *t)
{
    t->color = has_colors();
    if (!t->color)
        return;
    start_color();
    use_default_colors();
    init_pair(C_TITLE, COLOR_BLACK, COLOR_CYAN);
    init_pair(C_CUR, COLOR_BLACK, COLOR_YELLOW);
    init_pair(C_CHANGED, COLOR_RED, -1);
    init_pair(C_BREAK, COLOR_RED, -1);
    init_pair(C_FAIL, COLOR_RED, -1);
    init_pair(C_STATUS, COLOR_WHITE, COLOR_BLUE);
    init_pair(C_DIM, COLOR_CYAN, -1);
    init_pair(C_FOCUS, COLOR_BLACK, COLOR_GREEN);
    init_pair(C_SOURCE, COLOR_GREEN, -1);
}

static void draw_prompt(struct tui *t)
{
    int y = t->rows - 1;
    const char *prompt = t->focus < 0 ? "(xtrace) " : t->focus == P_CONSOLE ? "[keys go to the program; Esc returns] "
                                                                              : "[Esc returns to the command line] ";
    attrset(A_BOLD);
    mvaddnstr(y, 0, prompt, t->cols);
    attrset(A_NORMAL);
    int x = (int)strlen(prompt);
    const char *buf = t->focus < 0 && rl_line_buffer ? rl_line_buffer : "";
    int len = (int)strlen(buf), shift = 0, room = t->cols - x - 1;
    if (rl_point > room)
        shift = rl_point - room;
    if (x < t->cols)
        addnstr(buf + (shift < len ? shift : len), t->cols - x);
    clrtoeol();
    if (t->focus < 0)
        move(y, x + rl_point - shift < t->cols ? x + rl_point - shift : t->cols - 1);
    curs_set(t->focus < 0 ? 1 : 0);
}

static void redraw(struct tui *t)
{
    erase();
    tui_draw(t);
    draw_prompt(t);
    refresh();
}

static void check_size(struct tui *t)
{
    struct winsize ws;
    if (ioctl(ui_tty_out(), TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col && (ws.ws_row != LINES || ws.ws_col != COLS))
        resizeterm(ws.ws_row, ws.ws_col);
    if (LINES != t->rows || COLS != t->cols)
        tui_layout(t, LINES, COLS);
}

/* ---- keys ---- */

static void cycle_focus(struct tui *t)
{
    int k = t->focus; /* -1 is the command line */
    for (int i = 0; i <= P_COUNT; i++) {
        if (++k >= P_COUNT)
            k = -1;
        if (k < 0 || (t->p[k].h && t->p[k].focusable))
            break;
    }
    t->focus = k;
    if (t->focus == P_CODE && t->u->snap.valid)
        t->cursor = t->u->snap.pc;
}

/* Moves the code cursor by delta instructions. */
static void move_cursor(struct tui *t, int delta)
{
    struct ui *u = t->u;
    char text[128];
    uint64_t a = t->cursor ? t->cursor : u->snap.pc;
    if (delta > 0) {
        while (delta--) {
            int len = u->isa->disasm(u->p, a, text, sizeof text);
            if (len <= 0)
                break;
            a += (uint64_t)len;
        }
    } else {
        while (delta++) { /* walk from the function start to find the previous instruction */
            uint64_t off = 0, prev = a;
            symtab_lookup(u->p->syms, a, &off);
            uint64_t s = off && off < 4096 ? a - off : a > 4 ? a - 4 : a;
            for (uint64_t x = s; x < a;) {
                int len = u->isa->disasm(u->p, x, text, sizeof text);
                if (len <= 0)
                    break;
                prev = x;
                x += (uint64_t)len;
            }
            a = prev;
        }
    }
    t->cursor = a;
}

static void toggle_break(struct tui *t)
{
    struct ui *u = t->u;
    uint64_t a = t->focus == P_CODE && t->cursor ? t->cursor : u->snap.pc;
    int num = ui_code_bp_at(u, a);
    char cmd[64];
    if (num)
        snprintf(cmd, sizeof cmd, "delete %d", num);
    else
        snprintf(cmd, sizeof cmd, "break *0x%llx", (unsigned long long)a);
    key_command(t, cmd);
}

static void scroll_panel(struct tui *t, int delta)
{
    struct panel *p = &t->p[t->focus];
    int text = t->focus == P_SYSCALLS || t->focus == P_CONSOLE || t->focus == P_OUTPUT;
    p->scroll += text ? -delta : delta; /* text panels scroll back from the newest line */
    if (p->scroll < 0)
        p->scroll = 0;
}

static void on_key(struct tui *t, int ch)
{
    struct ui *u = t->u;
    if (t->help) {
        t->help = 0;
        return;
    }
    switch (ch) {
    case KEY_RESIZE: check_size(t); return;
    case KEY_F(5): key_command(t, "continue"); return;
    case KEY_F(6): key_command(t, "reverse-stepi"); return;
    case KEY_F(7): key_command(t, "stepi"); return;
    case KEY_F(8): key_command(t, "nexti"); return;
    case KEY_F(9): if (!u->running && u->alive) toggle_break(t); return;
    case KEY_F(10): key_command(t, "next"); return;
    case KEY_F(11): key_command(t, "step"); return;
    case KEY_F(23): key_command(t, "finish"); return; /* Shift-F11 */
    case '\t': cycle_focus(t); return;
    case 27: t->focus = -1; return;
    case 3: /* Ctrl-C */
        if (t->focus == P_CONSOLE)
            break;
        if (u->running)
            ui_interrupt(u);
        else
            rl_replace_line("", 0), rl_point = 0;
        return;
    default: break;
    }
    if (t->focus == P_CONSOLE) {
        char c[4];
        int n = 0;
        if (ch == KEY_ENTER || ch == '\n' || ch == '\r')
            c[n++] = '\r';
        else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8)
            c[n++] = 127;
        else if (ch == KEY_PPAGE || ch == KEY_NPAGE)
            return scroll_panel(t, ch == KEY_PPAGE ? -(t->p[P_CONSOLE].h - 1) : t->p[P_CONSOLE].h - 1);
        else if (ch >= 0 && ch < 256)
            c[n++] = (char)ch;
        ui_console_send(c, (size_t)n);
        return;
    }
    if (t->focus >= 0) {
        int page = t->p[t->focus].h - 2 > 1 ? t->p[t->focus].h - 2 : 1;
        int d = ch == KEY_UP ? -1 : ch == KEY_DOWN ? 1 : ch == KEY_PPAGE ? -page : ch == KEY_NPAGE ? page : 0;
        if (t->focus == P_CODE && d)
            move_cursor(t, d);
        else if (t->focus == P_STACK && d && !u->running) {
            int f = u->frame + d;
            if (f >= 0 && f < u->snap.nframes) {
                char cmd[32];
                snprintf(cmd, sizeof cmd, "frame %d", f);
                key_command(t, cmd);
            }
        } else if (d)
            scroll_panel(t, d);
        else if (t->focus == P_CODE && ch == 'm')
            t->mixed = !t->mixed;
        else if (ch == '?')
            t->help = 1;
        return;
    }
    /* the command line */
    if (ch == '?' && rl_end == 0) {
        t->help = 1;
        return;
    }
    static const struct { int key; const char *seq; } keys[] = {
        {KEY_UP, "\033[A"}, {KEY_DOWN, "\033[B"}, {KEY_RIGHT, "\033[C"}, {KEY_LEFT, "\033[D"}, {KEY_HOME, "\001"},
        {KEY_END, "\005"}, {KEY_DC, "\004"}, {KEY_BACKSPACE, "\177"}, {KEY_ENTER, "\r"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (keys[i].key == ch) {
            if (ch == KEY_DC && rl_end == 0)
                return;
            feed_readline(keys[i].seq, strlen(keys[i].seq));
            return;
        }
    if (ch == KEY_PPAGE || ch == KEY_NPAGE) {
        t->focus = P_OUTPUT;
        scroll_panel(t, ch == KEY_PPAGE ? -(t->p[P_OUTPUT].h - 1) : t->p[P_OUTPUT].h - 1);
        t->focus = -1;
        return;
    }
    if (ch == 4 && rl_end == 0)
        return; /* Ctrl-D on an empty line: use quit */
    if (ch >= 0 && ch < 256) {
        char c = (char)ch;
        feed_readline(&c, 1);
    }
}

/* ---- the loop ---- */

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void tui_leave(struct ui *u)
{
    (void)u;
    endwin();
}

int ui_tui_run(struct ui *u, FILE *script)
{
    struct tui *t = &tui_state;
    t->u = u;
    t->focus = -1;
    t->mixed = 1;
    u->tui = t;
    u->interactive = 1;
    script_in = script;
    tui_panels_init(t);
    FILE *tin = fdopen(dup(ui_tty_in()), "r"), *tout = fdopen(dup(ui_tty_out()), "w");
    SCREEN *scr = tin && tout ? newterm(NULL, tout, tin) : NULL;
    if (!scr) {
        fprintf(tout ? tout : stderr, "xtrace: cannot start curses on this terminal (TERM=%s)\n",
                getenv("TERM") ? getenv("TERM") : "");
        return -1;
    }
    set_term(scr);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(100); /* a function key's sequence may arrive late on a loaded machine */
    init_colors(t);
    const char *copy = getenv("XTRACE_TUI_LOG");
    if (copy && *copy)
        out_copy = fopen(copy, ui_resuming() ? "ae" : "we"); /* after an exec: the same log goes on */
    u->write = tui_write;
    u->leave = tui_leave;
    /* readline reads from our key queue and draws nothing itself */
    devnull = fopen("/dev/null", "w+");
    rl_instream = devnull;
    rl_outstream = devnull;
    rl_getc_function = rl_getc_queue;
    rl_input_available_hook = rl_queue_ready;
    rl_redisplay_function = rl_redisplay_none;
    rl_prep_term_function = rl_prep_none;
    rl_deprep_term_function = rl_deprep_none;
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_change_environment = 0;
    rl_readline_name = "xtrace";
    rl_attempted_completion_function = complete;
    rl_completion_display_matches_hook = show_matches;
    const char *hist = ui_history_path();
    if (hist)
        read_history(hist);
    rl_callback_handler_install("", on_line);
    tui_layout(t, LINES, COLS);
    set_status(t);
    ui_printf(u, "xtrace TUI: %s %s. Type help, or ? for keys; F5 runs.\n", u->p->exe_path,
              ui_get_board() ? "halted" : "stopped at its first instruction");
    if (ui_resuming()) /* this xtrace continues a session across the program's exec */
        script_in = ui_exec_resume(u, script_in);
    long last_draw = 0;
    unsigned long seen_con = 0, seen_sys = 0;
    int dirty = 1;
    while (!u->quit) {
        if (u->running && ui_poll(u, 0)) {
            set_status(t);
            if (t->focus == P_CODE)
                t->cursor = u->snap.pc;
            dirty = 1;
        }
        if (!u->running && script_in) { /* -x FILE: one command per stop */
            char line[1024];
            if (fgets(line, sizeof line, script_in)) {
                line[strcspn(line, "\r\n")] = 0;
                run_command(t, line);
            } else {
                script_in = NULL;
            }
            dirty = 1;
            continue;
        }
        if (!stop_reported && !u->running) {
            set_status(t);
            stop_reported = 1;
        }
        ui_console_pump();
        if (ui_console_text()->total != seen_con || ui_console_text()->col)
            seen_con = ui_console_text()->total, dirty = 1;
        ui_syslog_lock(1);
        unsigned long ns = ui_syslog_text()->total;
        ui_syslog_lock(0);
        if (ns != seen_sys)
            seen_sys = ns, dirty = 1;
        check_size(t);
        long now = now_ms();
        if (dirty || now - last_draw >= (u->running ? 250 : 1000)) {
            if (!u->running && t->p[P_BREAKS].h == 0 && u->nbps)
                tui_layout(t, LINES, COLS);
            else if (t->p[P_BREAKS].h && !u->nbps)
                tui_layout(t, LINES, COLS);
            redraw(t);
            last_draw = now;
            dirty = 0;
        }
        struct pollfd pf[2] = {{ui_tty_in(), POLLIN, 0}, {ui_console_master(), POLLIN, 0}};
        poll(pf, ui_console_master() >= 0 ? 2 : 1, u->running ? 50 : 100);
        int ch;
        while ((ch = getch()) != ERR) {
            on_key(t, ch);
            dirty = 1;
            if (u->quit)
                break;
        }
    }
    rl_callback_handler_remove();
    if (hist)
        write_history(hist), history_truncate_file(hist, 1000);
    erase();
    refresh();
    endwin();
    delscreen(scr);
    fflush(tout);
    return 0;
}
