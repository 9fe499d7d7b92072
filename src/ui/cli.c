/* Line mode: reads gdb-style commands from a script, stdin or readline and prints gdb-like output; ui_run. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "trace.h"
#include "ui.h"
#include "ui_int.h"

static struct ui *sig_ui; /* for the SIGINT handler; also the session ui_notify writes to */

void ui_notify(const char *text)
{
    if (sig_ui)
        ui_printf(sig_ui, "%s\n", text);
    else
        fprintf(stderr, "%s\n", text);
}

static void on_sigint(int sig)
{
    (void)sig;
    if (sig_ui)
        sig_ui->intr = 1;
}

static void cli_write(struct ui *u, const char *s, size_t n)
{
    (void)u;
    if (n)
        fwrite(s, 1, n, stdout);
    else
        fflush(stdout);
}

/* The history file: ~/.xtrace_history (XTRACE_HISTORY overrides; empty disables). */
const char *ui_history_path(void)
{
    static char path[4096];
    const char *h = getenv("XTRACE_HISTORY");
    if (h)
        return *h ? h : NULL;
    const char *home = getenv("HOME");
    if (!home || !*home)
        return NULL;
    snprintf(path, sizeof path, "%s/.xtrace_history", home);
    return path;
}

static void run_line(struct ui *u, char *line, int echo)
{
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = 0;
    if (echo)
        ui_printf(u, "(xtrace) %s\n", line);
    if (u->running) /* after continue &: report a stop that came meanwhile */
        ui_poll(u, 0);
    if (u->running && *line && !ui_cmd_while_running(line)) {
        ui_printf(u, "The program is running: `interrupt' (or Ctrl-C) stops it first.\n");
        fflush(stdout);
        return;
    }
    ui_execute(u, line);
    fflush(stdout);
}

static int cli_loop(struct ui *u, FILE *script)
{
    char line[4096];
    while (script && !u->quit && fgets(line, sizeof line, script))
        run_line(u, line, 1);
    int tty = isatty(0);
    u->interactive = tty;
    const char *hist = ui_history_path();
    if (tty && hist)
        read_history(hist);
    while (!u->quit) {
        if (tty) {
            char *l = readline("(xtrace) ");
            if (!l)
                break;
            if (*l)
                add_history(l);
            snprintf(line, sizeof line, "%s", l);
            free(l);
            run_line(u, line, 0);
        } else {
            if (!fgets(line, sizeof line, stdin))
                break;
            run_line(u, line, 1);
        }
    }
    if (tty && hist)
        write_history(hist), history_truncate_file(hist, 1000);
    return 0;
}

int ui_run(struct dbg *d, int mode, FILE *script)
{
    static struct ui session;
    struct ui *u = &session;
    if (mode == UI_TUI) {
        if (!isatty(ui_console_master() >= 0 ? ui_tty_in() : 0)) {
            fprintf(stderr, "xtrace: --tui needs a terminal (use --cli for scripts)\n");
            mode = UI_CLI;
        } else if (ui_console_master() < 0 && ui_prepare_console() < 0) {
            fprintf(stderr, "xtrace: cannot create a pseudo-terminal for the guest: %s\n", strerror(errno));
        }
    }
    u->write = cli_write;
    if (mode == UI_CLI && !isatty(0))
        setvbuf(stdin, NULL, _IONBF, 0); /* no read-ahead: an exec hands stdin on where the commands stopped */
    ui_session_init(u, d, mode);
    u->script = script;
    if (mode == UI_TUI && !u->p->trace) { /* the syscalls panel reads the log */
        FILE *f = ui_trace_file(NULL);
        if (f) {
            struct trace_opts to = {.out = f, .strsize = 32, .abi = u->isa->name};
            u->p->trace = trace_new(&to);
        }
    }
    sig_ui = u;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    if (mode == UI_CLI)
        sigaction(SIGINT, &sa, NULL);
    ui_wait_start(u);
    if (mode == UI_TUI) {
        ui_tui_run(u, script);
    } else {
        if (ui_resuming())
            script = ui_exec_resume(u, script);
        cli_loop(u, script);
    }
    ui_finish_process(u, 0);
}
