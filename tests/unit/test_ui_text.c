/* Unit test of the TUI's scrollback text: newlines, carriage returns, backspaces, tabs, escapes, ring overflow. */
#include <stdio.h>
#include <string.h>

#include "../../src/ui/ui_text.c"

static int fails;

static void expect(const struct ui_text *t, int i, const char *want)
{
    const char *got = ui_text_line(t, i);
    if (strcmp(got, want)) {
        printf("FAIL line %d: got \"%s\", want \"%s\"\n", i, got, want);
        fails++;
    }
}

int main(void)
{
    static struct ui_text t;
    ui_text_puts(&t, "hello\r\nworld\n");
    expect(&t, 0, "hello");
    expect(&t, 1, "world");
    ui_text_puts(&t, "abc\rX\n");            /* CR overwrites from the start */
    expect(&t, 2, "Xbc");
    ui_text_puts(&t, "ab\bc\n");             /* BS moves back one column */
    expect(&t, 3, "ac");
    ui_text_puts(&t, "a\tb\n");              /* tabs stop every 8 columns */
    expect(&t, 4, "a       b");
    ui_text_puts(&t, "\033[1;31mred\033[0m \033]0;title\007ok\n");
    expect(&t, 5, "red ok");
    ui_text_feed(&t, "split ", 6);           /* a line may arrive in pieces */
    ui_text_feed(&t, "line\n", 5);
    expect(&t, 6, "split line");
    if (t.total != 8 || t.n != 8) {
        printf("FAIL counts: total %lu n %d\n", t.total, t.n);
        fails++;
    }
    for (int i = 0; i < UI_TEXT_LINES + 10; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "line %d\n", i);
        ui_text_puts(&t, buf);
    }
    char want[32];
    snprintf(want, sizeof want, "line %d", UI_TEXT_LINES + 9);
    expect(&t, t.n - 2, want);               /* the newest full line is kept; the oldest ones went */
    if (t.n != UI_TEXT_LINES) {
        printf("FAIL ring holds %d lines\n", t.n);
        fails++;
    }
    printf("%s\n", fails ? "FAIL" : "ok");
    return fails != 0;
}
