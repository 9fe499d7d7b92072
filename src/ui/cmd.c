/* The command table (gdb's names and abbreviations) and the interpreter that dispatches one line. */
#include <ctype.h>
#include <string.h>

#include "ui_int.h"

const struct ui_cmd ui_cmds[] = {
    {"break", "b br brea", cmd_break, "break [LOCATION] [if COND]: stop at *ADDR, FUNCTION, FILE:LINE or LINE"},
    {"tbreak", "tb", cmd_break, "tbreak LOCATION: a breakpoint deleted when it stops"},
    {"hbreak", NULL, cmd_break, "hbreak LOCATION: a breakpoint held by the target's debug unit (a board's ROM)"},
    {"thbreak", NULL, cmd_break, "thbreak LOCATION: a temporary hardware breakpoint"},
    {"delete", "d", cmd_delete, "delete [N...]: delete breakpoints (all without N); delete display N"},
    {"disable", "disa", cmd_enable, "disable [N...]: disable breakpoints"},
    {"enable", "en", cmd_enable, "enable [N...]: enable breakpoints"},
    {"watch", NULL, cmd_watch, "watch EXPR: stop when EXPR's memory changes (old and new values)"},
    {"rwatch", NULL, cmd_watch, "rwatch EXPR: stop when EXPR's memory is read"},
    {"awatch", NULL, cmd_watch, "awatch EXPR: stop when EXPR's memory is read or written"},
    {"catch", NULL, cmd_catch, "catch syscall [NAME|NUMBER...]: stop at syscall entry and return; catch exec: stop in a program exec'd"},
    {"continue", "c cont fg", cmd_continue, "continue [&]: run until something stops the program (& returns at once)"},
    {"interrupt", NULL, cmd_interrupt, "interrupt: stop the running program (a board: halt its CPU)"},
    {"stepi", "si", cmd_stepi, "stepi [N]: execute N instructions"},
    {"nexti", "ni", cmd_stepi, "nexti [N]: execute N instructions, running called functions to their return"},
    {"step", "s", cmd_step, "step [N]: run to the next source line, into calls (stepi without line info)"},
    {"next", "n", cmd_step, "next [N]: run to the next source line, over calls (nexti without line info)"},
    {"reverse-stepi", "rsi", cmd_reverse_stepi, "reverse-stepi [N]: undo N single steps (registers and memory)"},
    {"finish", "fin", cmd_finish, "finish: run until the selected frame returns"},
    {"until", "u", cmd_until, "until [LOCATION]: run to LOCATION (next without one)"},
    {"advance", NULL, cmd_until, "advance LOCATION: run to LOCATION"},
    {"x", NULL, cmd_x, "x/NFU ADDR: examine memory (F: x d u o t a c f s i; U: b h w g)"},
    {"print", "p inspect", cmd_print, "print[/F] EXPR: registers ($pc), symbols, C arithmetic, *, &, casts"},
    {"output", NULL, cmd_print, "output EXPR: print without history or newline"},
    {"display", NULL, cmd_display, "display[/F] EXPR: print EXPR at every stop"},
    {"undisplay", NULL, cmd_undisplay, "undisplay [N...]: stop displaying"},
    {"set", NULL, cmd_set, "set var X = V | set $reg = V | set {int}ADDR = V"},
    {"info", "i inf", cmd_info, "info registers|threads|breakpoints|frame|sharedlibrary|proc mappings|syscalls"},
    {"disassemble", "disas", cmd_disassemble, "disassemble [ADDR | START,END | START,+LEN]"},
    {"list", "l", cmd_list, "list [LOCATION]: source lines (needs -g)"},
    {"frame", "f", cmd_frame, "frame [N]: select and show a frame"},
    {"up", NULL, cmd_frame, "up [N]: select the caller's frame"},
    {"down", "do", cmd_frame, "down [N]: select the callee's frame"},
    {"backtrace", "bt where", cmd_bt, "backtrace [N]: the call stack"},
    {"thread", "t", cmd_thread, "thread [N]: show or select a thread"},
    {"run", "r start starti", cmd_run, "run: not supported yet (restart xtrace)"},
    {"kill", "k", cmd_run, "kill: not supported yet (quit instead)"},
    {"memory", "mem", cmd_memory, "memory [EXPR]: the TUI's memory panel shows EXPR (the stack pointer without)"},
    {"uart", NULL, cmd_uart, "uart send TEXT | uart expect REGEX [SECONDS] | uart: a board's serial console"},
    {"monitor", "mon", cmd_monitor, "monitor CMD: a command for the board emulator's monitor (qRcmd)"},
    {"help", "h ?", cmd_help, "help: this list"},
    {"quit", "q exit", cmd_quit, "quit: leave (the program ends with xtrace)"},
    {NULL, NULL, NULL, NULL},
};

const char *ui_cmd_name(int i)
{
    int n = (int)(sizeof ui_cmds / sizeof ui_cmds[0]) - 1;
    return i >= 0 && i < n ? ui_cmds[i].name : NULL;
}

int cmd_memory(struct ui *u, char *a, const char *name)
{
    (void)name;
    while (isspace((unsigned char)*a))
        a++;
    if (!*a) {
        u->mem_view = 0;
        ui_printf(u, "The memory panel follows the stack pointer.\n");
        return 0;
    }
    struct ui_val v;
    if (ui_eval(u, a, &v) < 0)
        return -1;
    u->mem_view = v.v & ~(uint64_t)15;
    ui_printf(u, "The memory panel shows 0x%llx.\n", (unsigned long long)u->mem_view);
    if (u->alive)
        ui_take_snapshot(u), u->prev = u->snap;
    return 0;
}

int cmd_help(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    ui_printf(u, "Commands (gdb's names and abbreviations):\n");
    for (const struct ui_cmd *c = ui_cmds; c->name; c++)
        ui_printf(u, "  %-12s %s\n", c->name, c->help);
    return 0;
}

static int has_alias(const struct ui_cmd *c, const char *w)
{
    if (!c->alias)
        return 0;
    size_t n = strlen(w);
    for (const char *s = c->alias; (s = strstr(s, w)); s++)
        if ((s == c->alias || s[-1] == ' ') && (s[n] == ' ' || !s[n]))
            return 1;
    return 0;
}

static const struct ui_cmd *lookup(const char *w)
{
    const struct ui_cmd *hit = NULL;
    int n = 0;
    for (const struct ui_cmd *c = ui_cmds; c->name; c++)
        if (!strcmp(c->name, w) || has_alias(c, w))
            return c;
    for (const struct ui_cmd *c = ui_cmds; c->name; c++)
        if (!strncmp(c->name, w, strlen(w)))
            hit = c, n++;
    return n == 1 ? hit : NULL;
}

int ui_cmd_while_running(const char *line)
{
    static const char *const ok[] = {"uart", "interrupt", "quit", "q", "exit", "help", "h", NULL};
    while (isspace((unsigned char)*line))
        line++;
    size_t n = strcspn(line, " \t");
    for (int i = 0; ok[i]; i++)
        if (strlen(ok[i]) == n && !strncmp(line, ok[i], n))
            return 1;
    return 0;
}

int ui_execute(struct ui *u, const char *line)
{
    char buf[1024];
    while (isspace((unsigned char)*line))
        line++;
    if (!*line) {
        if (!u->interactive || !u->last_cmd[0])
            return 0;
        line = u->last_cmd;
    }
    if (*line == '#')
        return 0;
    snprintf(buf, sizeof buf, "%s", line);
    size_t n = strlen(buf);
    while (n && isspace((unsigned char)buf[n - 1]))
        buf[--n] = 0;
    char word[64];
    size_t k = 0;
    while (buf[k] && (isalnum((unsigned char)buf[k]) || buf[k] == '-' || buf[k] == '_' || buf[k] == '?') &&
           k + 1 < sizeof word)
        word[k] = buf[k], k++;
    word[k] = 0;
    const struct ui_cmd *c = lookup(word);
    if (!c) {
        if (!*word)
            return ui_error(u, "A syntax error in command: \"%s\".", buf);
        return ui_error(u, "Undefined command: \"%s\".  Try \"help\".", word);
    }
    /* repeating makes sense for stepping and examining, like gdb */
    static const char *const rep[] = {"stepi", "nexti", "step", "next", "continue", "x", "list", "up", "down", NULL};
    u->last_cmd[0] = 0;
    for (int i = 0; rep[i]; i++)
        if (!strcmp(c->name, rep[i]))
            snprintf(u->last_cmd, sizeof u->last_cmd, "%s", c->name);
    c->fn(u, buf + k, c->name);
    return 0;
}
