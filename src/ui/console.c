/* The guest's console on a pseudo-terminal (or a board's UART) and the syscall log kept for the TUI's panels. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ui.h"
#include "ui_int.h"
#include "ui_text.h"

static int pty_master = -1;      /* our side of the guest's terminal */
static int tty_in = -1, tty_out = -1; /* the real terminal, saved before fds 0-2 moved to the pty */
static struct ui_board board;    /* a board's UART in place of the pty (ctx != NULL) */
static uint64_t board_pos;       /* UART bytes the console text has */

int ui_console_master(void) { return board.ctx ? board.wake_fd : pty_master; }

/* Keeps descriptors of the real terminal for curses even when 0 or 1 is redirected. */
static void save_terminal(void)
{
    tty_in = fcntl(0, F_DUPFD_CLOEXEC, 3);
    tty_out = fcntl(1, F_DUPFD_CLOEXEC, 3);
    if (!isatty(tty_out) || !isatty(tty_in)) {
        int t = open("/dev/tty", O_RDWR | O_CLOEXEC);
        if (t >= 0) {
            if (!isatty(tty_in))
                close(tty_in), tty_in = fcntl(t, F_DUPFD_CLOEXEC, 3);
            if (!isatty(tty_out))
                close(tty_out), tty_out = fcntl(t, F_DUPFD_CLOEXEC, 3);
            close(t);
        }
    }
}

void ui_set_board(const struct ui_board *b)
{
    board = *b;
    if (tty_in < 0)
        save_terminal();
}

const struct ui_board *ui_get_board(void) { return board.ctx ? &board : NULL; }
int ui_tty_in(void) { return tty_in; }
int ui_tty_out(void) { return tty_out; }

void ui_console_adopt(int master, int tin, int tout)
{
    pty_master = master;
    tty_in = tin;
    tty_out = tout;
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
}

int ui_prepare_console(void)
{
    if (pty_master >= 0)
        return 0;
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0) {
        int e = errno;
        if (m >= 0)
            close(m);
        return -e;
    }
    const char *name = ptsname(m);
    int s = name ? open(name, O_RDWR | O_NOCTTY) : -1;
    if (s < 0) {
        int e = errno;
        close(m);
        return -e;
    }
    save_terminal();
    struct winsize ws = {10, 80, 0, 0};
    ioctl(s, TIOCSWINSZ, &ws);
    fflush(NULL);
    dup2(s, 0);
    dup2(s, 1);
    dup2(s, 2);
    if (s > 2)
        close(s);
    fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK);
    pty_master = m;
    return 0;
}

void ui_console_resize(int rows, int cols)
{
    if (pty_master < 0 || rows < 1 || cols < 1)
        return;
    struct winsize ws = {(unsigned short)rows, (unsigned short)cols, 0, 0};
    ioctl(pty_master, TIOCSWINSZ, &ws);
}

/* ---- console text: what the guest printed, as lines (a small subset of a terminal) ---- */

static struct ui_text console;

void ui_console_pump(void)
{
    char buf[4096];
    ssize_t n;
    if (board.ctx) {
        size_t k;
        if (board.uart_drain)
            board.uart_drain(board.ctx);
        while (board.uart_read && (k = board.uart_read(board.ctx, &board_pos, buf, sizeof buf)) > 0)
            ui_text_feed(&console, buf, k);
        return;
    }
    while (pty_master >= 0 && (n = read(pty_master, buf, sizeof buf)) > 0)
        ui_text_feed(&console, buf, (size_t)n);
}

struct ui_text *ui_console_text(void) { return &console; }

void ui_console_send(const char *s, size_t n)
{
    if (board.ctx) {
        if (board.uart_send)
            board.uart_send(board.ctx, s, n);
        return;
    }
    while (pty_master >= 0 && n) {
        ssize_t w = write(pty_master, s, n);
        if (w <= 0)
            break;
        s += w, n -= (size_t)w;
    }
}

/* ---- the syscall log: lines from the trace layer, via a FILE the guest threads write ---- */

static struct ui_text syslog;
static pthread_mutex_t syslog_mu = PTHREAD_MUTEX_INITIALIZER;
static FILE *syslog_tee;

static ssize_t log_write(void *cookie, const char *buf, size_t n)
{
    (void)cookie;
    pthread_mutex_lock(&syslog_mu);
    ui_text_feed(&syslog, buf, n);
    pthread_mutex_unlock(&syslog_mu);
    if (syslog_tee) {
        fwrite(buf, 1, n, syslog_tee);
        fflush(syslog_tee);
    }
    return (ssize_t)n;
}

FILE *ui_trace_file(FILE *tee)
{
    syslog_tee = tee;
    cookie_io_functions_t io = {NULL, log_write, NULL, NULL};
    FILE *f = fopencookie(NULL, "w", io);
    if (f)
        setvbuf(f, NULL, _IOFBF, 1 << 16);
    return f;
}

void ui_syslog_lock(int on)
{
    on ? pthread_mutex_lock(&syslog_mu) : pthread_mutex_unlock(&syslog_mu);
}

struct ui_text *ui_syslog_text(void) { return &syslog; }
