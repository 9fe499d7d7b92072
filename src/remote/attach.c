/* `xtrace attach` and `xtrace board`: connect the debugger front ends to a board emulator's gdbstub and UART. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board.h"
#include "remote.h"
#include "rview.h"
#include "trace.h"
#include "uart.h"
#include "ui/ui.h"

#include "attach.h"

#define MAX_SYMBOLS 16

struct attach_opts {
    int board;                   /* xtrace board: start the emulator */
    const char *gdb;             /* --gdb */
    const char *uart;            /* --uart */
    const char *uart_log;        /* --uart-log */
    const char *symbols[MAX_SYMBOLS]; /* --symbols ELF[@OFFSET] */
    int nsymbols;                /* count */
    int ui;                      /* UI_CLI or UI_TUI (0: TUI on a terminal, else line mode) */
    const char *script;          /* -x FILE */
    char **emu_argv;             /* after --: the emulator's command line */
};

/* Everything the session owns, for the close hook and the signal handler. */
struct session {
    struct remote r;             /* the gdbstub connection */
    struct uart uart;            /* the UART, when there is one */
    int has_uart;                /* uart is open */
    struct board board;          /* the emulator we started (board mode) */
    int has_board;               /* board runs */
    int dummy_wake[2];           /* a never-readable wake fd when there is no UART */
};

static struct session *sess;     /* for the termination signal handler only */

static void usage(FILE *f, const char *cmd)
{
    if (!strcmp(cmd, "board"))
        fprintf(f, "usage: xtrace board [--tui|--cli] [-x FILE] [--symbols ELF[@OFFSET]]... [--uart-log FILE] -- "
                   "qemu-system-ARCH ARGS...\n"
                   "Starts the board emulator halted, with its gdbstub and first serial port on free ports, and debugs\n"
                   "its CPU with the UART in the console panel; quitting shuts the emulator down.\n");
    else
        fprintf(f, "usage: xtrace attach --gdb HOST:PORT|unix:PATH [--uart tcp:HOST:PORT|unix:PATH|pty:/dev/pts/N]\n"
                   "                     [--uart-log FILE] [--symbols ELF[@OFFSET]]... [--tui|--cli] [-x FILE]\n"
                   "Debugs a running board emulator through its gdbstub (connecting halts it) with its UART in the\n"
                   "console panel; quitting detaches and lets it run on.\n");
    fprintf(f, "  --symbols ELF[@OFFSET]  symbols of a bare-metal program or of a relocated image (OFFSET is added,\n"
               "                          e.g. U-Boot's relocation address from `bdinfo' for an image linked at 0)\n"
               "  --uart-log FILE         every byte from the UART, each line with a timestamp\n"
               "  commands beyond gdb's:  uart send TEXT, uart expect REGEX [SECONDS], continue &, interrupt,\n"
               "                          hbreak LOCATION, monitor CMD (the emulator's monitor)\n");
}

static int die(const char *fmt, const char *a, const char *b)
{
    fputs("xtrace: ", stderr);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    return 1;
}

static int parse(int argc, char **argv, struct attach_opts *o)
{
    o->board = !strcmp(argv[0], "board");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--")) {
            o->emu_argv = argv + i + 1;
            break;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout, argv[0]);
            exit(0);
        } else if (!strcmp(a, "--tui")) {
            o->ui = UI_TUI;
        } else if (!strcmp(a, "--cli")) {
            o->ui = UI_CLI;
        } else if (!strcmp(a, "-x") || !strcmp(a, "--gdb") || !strcmp(a, "--uart") || !strcmp(a, "--uart-log") ||
                   !strcmp(a, "--symbols")) {
            if (!val)
                return die("option %s needs an argument%s", a, "");
            i++;
            if (a[1] == 'x')
                o->script = val;
            else if (!strcmp(a, "--gdb"))
                o->gdb = val;
            else if (!strcmp(a, "--uart"))
                o->uart = val;
            else if (!strcmp(a, "--uart-log"))
                o->uart_log = val;
            else if (o->nsymbols < MAX_SYMBOLS)
                o->symbols[o->nsymbols++] = val;
        } else if (o->board && a[0] != '-') { /* xtrace board qemu-system-arm ... without -- */
            o->emu_argv = argv + i;
            break;
        } else {
            usage(stderr, argv[0]);
            return die("unknown option '%s'%s", a, "");
        }
    }
    if (o->board && (!o->emu_argv || !o->emu_argv[0])) {
        usage(stderr, argv[0]);
        return die("board: the emulator's command line goes after -- (e.g. -- qemu-system-arm -M virt ...)%s%s", "", "");
    }
    if (o->board && (o->gdb || o->uart))
        return die("board: --gdb and --uart are chosen by xtrace (use `xtrace attach' for an emulator of yours)%s%s",
                   "", "");
    if (!o->board && !o->gdb) {
        usage(stderr, argv[0]);
        return die("attach: --gdb HOST:PORT is needed%s%s", "", "");
    }
    if (!o->ui)
        o->ui = isatty(0) && isatty(1) ? UI_TUI : UI_CLI;
    return 0;
}

/* ---- the front ends' view of the board ---- */

static size_t b_uart_read(void *ctx, uint64_t *pos, char *buf, size_t n)
{
    return uart_read(&((struct session *)ctx)->uart, pos, buf, n);
}

static int b_uart_wait(void *ctx, uint64_t pos, int timeout_ms)
{
    return uart_wait(&((struct session *)ctx)->uart, pos, timeout_ms);
}

static int b_uart_send(void *ctx, const char *s, size_t n)
{
    return uart_send(&((struct session *)ctx)->uart, s, n);
}

static uint64_t b_uart_total(void *ctx) { return uart_total(&((struct session *)ctx)->uart); }
static long b_uart_idle(void *ctx) { return uart_idle_ms(&((struct session *)ctx)->uart); }
static void b_uart_drain(void *ctx) { uart_drain_wake(&((struct session *)ctx)->uart); }

static int b_monitor(void *ctx, const char *cmd, char **out)
{
    return remote_monitor(&((struct session *)ctx)->r, cmd, out);
}

static void on_stop(void *ctx)
{
    struct session *s = ctx;
    if (s->has_uart && s->uart.echo)
        uart_settle(&s->uart, 50);
}

static void on_message(void *ctx, const char *text)
{
    (void)ctx;
    ui_notify(text);
}

/* The front end leaves: the UART first (the emulator's quit would close it under the reader), then the board. */
static void on_close(void *ctx)
{
    struct session *s = ctx;
    if (s->has_uart)
        uart_close(&s->uart), s->has_uart = 0;
    if (s->has_board)
        board_stop(&s->board), s->has_board = 0;
}

/* SIGTERM/SIGHUP/SIGINT before the front end runs: take the emulator along (async-signal-safe calls only). */
static void on_term(int sig)
{
    if (sess && sess->has_board && sess->board.pid > 0) {
        kill(sess->board.pid, SIGTERM);
        unlink(sess->board.qmp_path);
        unlink(sess->board.log_path);
        rmdir(sess->board.dir);
    }
    _exit(128 + sig);
}

int remote_main(int argc, char **argv)
{
    struct attach_opts o = {0};
    if (parse(argc, argv, &o))
        return 1;
    FILE *script = NULL;
    if (o.script && !(script = fopen(o.script, "re")))
        return die("cannot read command file '%s': %s", o.script, strerror(errno));
    static struct session s;
    sess = &s;
    s.dummy_wake[0] = s.dummy_wake[1] = -1;
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    char err[1024];
    const char *gdb = o.gdb, *uart = o.uart, *label = o.gdb;
    if (o.board) {
        if (board_start(&s.board, o.emu_argv, err, sizeof err) < 0)
            return die("%s%s", err, "");
        s.has_board = 1;
        gdb = s.board.gdb;
        uart = s.board.uart;
        label = s.board.label;
    }
    int rc = remote_open(&s.r, gdb, err, sizeof err);
    if (rc == -1) {
        on_close(&s);
        return die("%s%s", err, "");
    }
    if (rc == -2) /* connected, but without registers: the rest still works */
        fprintf(stderr, "xtrace: %s\nxtrace: going on without registers (memory, run control, uart and monitor work)\n",
                err);
    s.r.message = on_message;
    s.r.ctx = &s;
    if (o.board)
        s.r.on_close = on_close;
    struct rview *v = rview_new(&s.r, label);
    if (!v) {
        on_close(&s);
        return die("out of memory%s%s", "", "");
    }
    for (int i = 0; i < o.nsymbols; i++)
        if (rview_add_symbols(v, o.symbols[i], err, sizeof err) < 0)
            fprintf(stderr, "xtrace: %s\n", err);
    if (uart) {
        if (uart_open(&s.uart, uart, o.uart_log, err, sizeof err) < 0) {
            fprintf(stderr, "xtrace: %s\nxtrace: going on without the UART\n", err);
        } else {
            s.has_uart = 1;
            if (o.ui == UI_CLI) {
                s.uart.echo = stdout; /* line mode: the board's console is printed as it comes */
                s.r.on_stop = on_stop;
            }
        }
    }
    if (!s.has_uart && pipe(s.dummy_wake) < 0)
        s.dummy_wake[0] = -1;
    struct ui_board b = {
        .ctx = &s,
        .uart_name = s.has_uart ? s.uart.spec : NULL,
        .wake_fd = s.has_uart ? s.uart.wake[0] : s.dummy_wake[0],
        .echoes = s.has_uart && s.uart.echo != NULL,
        .uart_read = b_uart_read,
        .uart_wait = b_uart_wait,
        .uart_send = b_uart_send,
        .uart_total = b_uart_total,
        .uart_idle_ms = b_uart_idle,
        .uart_drain = b_uart_drain,
        .monitor = b_monitor,
    };
    if (!s.has_uart)
        b.uart_read = NULL, b.uart_drain = NULL, b.uart_send = NULL;
    ui_set_board(&b);
    struct dbg *d = dbg_new_backend(&v->p, &remote_backend, &s.r);
    if (!d) {
        on_close(&s);
        return die("out of memory%s%s", "", "");
    }
    if (o.ui == UI_TUI) { /* an empty syscall log (a board has none), without a complaint about its ABI */
        struct trace_opts to = {.out = ui_trace_file(NULL), .strsize = 32};
        v->p.trace = to.out ? trace_new(&to) : NULL;
    } else {
        uint64_t pc = 0;
        if (s.r.r_pc >= 0)
            remote_read_reg(&s.r, 0, s.r.r_pc, &pc);
        if (o.board)
            printf("xtrace: started %s: %s, %d registers, gdbstub %s%s%s; halted at 0x%llx\n", label, v->name,
                   s.r.td.nregs, gdb, s.has_uart ? ", UART " : "", s.has_uart ? s.uart.spec : "", (unsigned long long)pc);
        else
            printf("xtrace: attached to the gdbstub at %s: %s, %d registers%s%s; halted at 0x%llx\n", gdb, v->name,
                   s.r.td.nregs, s.has_uart ? ", UART " : "", s.has_uart ? s.uart.spec : "", (unsigned long long)pc);
        fflush(stdout);
    }
    sigaction(SIGINT, &sa, NULL); /* until the front end installs its own */
    return ui_run(d, o.ui, script);
}
