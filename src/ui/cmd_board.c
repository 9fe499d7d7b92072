/* Board commands: uart send/expect (a board's serial console in scripts), monitor (qRcmd) and interrupt. */
#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_int.h"

#define EXPECT_WINDOW 65536      /* the text uart expect searches: at most the last 64 KiB not yet matched */

static uint64_t expect_pos;      /* UART bytes before this were consumed by a match */

static char *skip(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return s;
}

/* Reads one argument at *s: "quoted" or a bare word (the rest of the line when rest is set). \n \r \t \e
   \xHH and an escaped quote are decoded; \\ too unless it is a regex (which keeps its own escapes).
   Returns the decoded length, -1 on a missing closing quote. */
static int take_arg(char **s, char *out, size_t n, int rest, int regex)
{
    char *p = skip(*s);
    size_t k = 0;
    int quoted = *p == '"' || *p == '\'';
    char q = quoted ? *p++ : 0;
    while (*p && (quoted ? *p != q : rest || !isspace((unsigned char)*p))) {
        char c = *p++;
        if (c == '\\' && *p) {
            char e = *p++;
            if (e == 'n')
                c = '\n';
            else if (e == 'r')
                c = '\r';
            else if (e == 't')
                c = '\t';
            else if (e == 'e')
                c = 27;
            else if (e == 'x' && isxdigit((unsigned char)p[0]) && isxdigit((unsigned char)p[1])) {
                char h[3] = {p[0], p[1], 0};
                c = (char)strtol(h, NULL, 16);
                p += 2;
            } else if ((quoted && e == q) || (e == '\\' && !regex)) {
                c = e;
            } else { /* kept for the regex: \. \[ \\ ... */
                if (k + 1 < n)
                    out[k++] = '\\';
                c = e;
            }
        }
        if (k + 1 < n)
            out[k++] = c;
    }
    if (quoted) {
        if (*p != q)
            return -1;
        p++;
    }
    out[k] = 0;
    *s = p;
    return (int)k;
}

/* Text for a message: control characters shown as escapes. */
static void printable(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 5 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            out[k++] = '\\', out[k++] = 'n';
        else if (c == '\r')
            out[k++] = '\\', out[k++] = 'r';
        else if (c < 32 || c == 127)
            k += (size_t)snprintf(out + k, cap - k, "\\x%02x", c);
        else
            out[k++] = (char)c;
    }
    out[k] = 0;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int uart_expect(struct ui *u, const struct ui_board *b, char *a)
{
    char re_text[1024];
    if (take_arg(&a, re_text, sizeof re_text, 0, 1) <= 0)
        return ui_error(u, "usage: uart expect REGEX [SECONDS] (quote a REGEX with spaces: \"=> \")");
    char *end;
    double secs = strtod(skip(a), &end);
    if (end == skip(a))
        secs = 10;
    regex_t re;
    int rc = regcomp(&re, re_text, REG_EXTENDED | REG_NEWLINE);
    if (rc) {
        char msg[256];
        regerror(rc, &re, msg, sizeof msg);
        return ui_error(u, "uart expect: bad regular expression /%s/: %s", re_text, msg);
    }
    char *buf = malloc(EXPECT_WINDOW + 1);
    if (!buf) {
        regfree(&re);
        return ui_error(u, "out of memory");
    }
    long until = now_ms() + (long)(secs * 1000);
    int result = -1, closed = 0;
    for (;;) {
        uint64_t total = b->uart_total(b->ctx);
        if (total - expect_pos > EXPECT_WINDOW)
            expect_pos = total - EXPECT_WINDOW;
        uint64_t pos = expect_pos;
        size_t n = b->uart_read(b->ctx, &pos, buf, EXPECT_WINDOW);
        for (size_t i = 0; i < n; i++)
            if (!buf[i])
                buf[i] = ' '; /* a NUL would end the search early */
        buf[n] = 0;
        regmatch_t m;
        if (n && regexec(&re, buf, 1, &m, 0) == 0) {
            char shown[512];
            printable(buf + m.rm_so, (size_t)(m.rm_eo - m.rm_so), shown, sizeof shown);
            char last = 0;
            uint64_t at = b->uart_total(b->ctx) - 1;
            int mid = b->echoes && b->uart_read(b->ctx, &at, &last, 1) == 1 && last != '\n';
            ui_printf(u, "%suart: matched \"%s\"\n", mid ? "\n" : "", shown); /* mid: the echoed console's line */
            expect_pos = pos - n + (uint64_t)m.rm_eo;
            result = 0;
            break;
        }
        if (u->running)
            ui_poll(u, 0); /* a stop while waiting is reported as it comes */
        long left = until - now_ms();
        if (left <= 0 || closed || u->intr)
            break;
        int w = b->uart_wait(b->ctx, expect_pos + n, left < 100 ? (int)left : 100);
        if (w < 0)
            closed = 1; /* look at what is left once more, then give up */
    }
    free(buf);
    regfree(&re);
    if (!result)
        return 0;
    if (u->intr) {
        u->intr = 0;
        return ui_error(u, "uart expect: interrupted");
    }
    long idle = b->uart_idle_ms(b->ctx);
    if (closed)
        return ui_error(u, "uart expect: the UART (%s) closed before /%s/ appeared", b->uart_name, re_text);
    if (!u->running)
        return ui_error(u, "uart expect: no /%s/ within %g s: the CPU is halted, so the board prints nothing "
                           "(`continue &' first)", re_text, secs);
    if (idle >= (long)(secs * 1000))
        return ui_error(u, "uart expect: no /%s/ within %g s: the UART has been silent for %.1f s", re_text, secs,
                        idle / 1000.0);
    return ui_error(u, "uart expect: no /%s/ within %g s (the board printed, but nothing matched)", re_text, secs);
}

int cmd_uart(struct ui *u, char *a, const char *name)
{
    (void)name;
    const struct ui_board *b = ui_get_board();
    if (!b || !b->uart_name)
        return ui_error(u, "No UART: it is there with `xtrace board', or `xtrace attach --uart ...'.");
    a = skip(a);
    if (!*a || !strncmp(a, "show", 4)) {
        ui_printf(u, "UART %s: %llu bytes received, the last %.1f s ago.\n", b->uart_name,
                  (unsigned long long)b->uart_total(b->ctx), b->uart_idle_ms(b->ctx) / 1000.0);
        return 0;
    }
    if (!strncmp(a, "send", 4) && (isspace((unsigned char)a[4]) || !a[4])) {
        char text[4096];
        a += 4;
        int n = take_arg(&a, text, sizeof text, 1, 0);
        if (n < 0)
            return ui_error(u, "uart send: missing closing quote");
        if (b->uart_send(b->ctx, text, (size_t)n) < 0)
            return ui_error(u, "uart send: the UART (%s) is closed", b->uart_name);
        return 0;
    }
    if (!strncmp(a, "expect", 6) && (isspace((unsigned char)a[6]) || !a[6]))
        return uart_expect(u, b, a + 6);
    return ui_error(u, "usage: uart send TEXT | uart expect REGEX [SECONDS] | uart");
}

int cmd_monitor(struct ui *u, char *a, const char *name)
{
    (void)name;
    const struct ui_board *b = ui_get_board();
    if (!b || !b->monitor)
        return ui_error(u, "\"monitor\" command not supported by this target.");
    if (u->running)
        return ui_error(u, "The board is running: `interrupt' it first (its gdbstub takes commands only while halted).");
    char *out = NULL;
    int rc = b->monitor(b->ctx, skip(a), &out);
    if (out && *out)
        ui_printf(u, "%s%s", out, out[strlen(out) - 1] == '\n' ? "" : "\n");
    free(out);
    if (rc == -ENOSYS)
        return ui_error(u, "\"monitor\" command not supported by this target.");
    if (rc < 0)
        return ui_error(u, "monitor: %s", rc == -EINVAL ? "the emulator refused the command" : strerror(-rc));
    return 0;
}

int cmd_interrupt(struct ui *u, char *a, const char *name)
{
    (void)a, (void)name;
    if (!u->running)
        return ui_error(u, "The program is not running.");
    ui_interrupt(u);
    if (u->mode != UI_CLI)
        return 0; /* the TUI reports the stop when it comes */
    long until = now_ms() + 5000;
    while (!ui_poll(u, 100))
        if (now_ms() > until)
            return ui_error(u, "The target did not stop within 5 s.");
    return 0;
}
