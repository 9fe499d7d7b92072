/* Scrollback text: a ring of lines fed with terminal output, keeping only what a line panel can show. */
#include <stdlib.h>
#include <string.h>

#include "ui_text.h"

static void new_line(struct ui_text *t)
{
    if (t->n == UI_TEXT_LINES) {
        free(t->line[t->first]);
        t->line[t->first] = NULL;
        t->first = (t->first + 1) % UI_TEXT_LINES;
        t->n--;
    }
    int k = (t->first + t->n) % UI_TEXT_LINES;
    t->line[k] = calloc(1, 1);
    t->len[k] = 0;
    t->n++;
    t->col = 0;
    t->total++;
}

static void put(struct ui_text *t, char c)
{
    if (!t->n)
        new_line(t);
    int k = (t->first + t->n - 1) % UI_TEXT_LINES;
    if (!t->line[k] || t->col >= 4096)
        return;
    if (t->col >= t->len[k]) {
        char *nl = realloc(t->line[k], t->col + 2);
        if (!nl)
            return;
        memset(nl + t->len[k], ' ', t->col - t->len[k]);
        t->line[k] = nl;
        t->len[k] = t->col + 1;
        nl[t->len[k]] = 0;
    }
    t->line[k][t->col++] = c;
}

void ui_text_feed(struct ui_text *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (t->esc == 1) {
            t->esc = c == '[' ? 2 : c == ']' ? 3 : 0;
            continue;
        }
        if (t->esc == 2) {
            if (c >= 0x40 && c <= 0x7e)
                t->esc = 0;
            continue;
        }
        if (t->esc == 3) {
            if (c == 7 || c == '\\')
                t->esc = 0;
            continue;
        }
        if (c == 27)
            t->esc = 1;
        else if (c == '\n')
            new_line(t);
        else if (c == '\r')
            t->col = 0;
        else if (c == '\b')
            t->col -= t->col > 0;
        else if (c == '\t')
            do
                put(t, ' ');
            while (t->col % 8);
        else if (c >= 32 || c >= 0x80)
            put(t, (char)c);
    }
}

void ui_text_puts(struct ui_text *t, const char *s)
{
    ui_text_feed(t, s, strlen(s));
}

const char *ui_text_line(const struct ui_text *t, int i)
{
    if (i < 0 || i >= t->n)
        return "";
    const char *l = t->line[(t->first + i) % UI_TEXT_LINES];
    return l ? l : "";
}
