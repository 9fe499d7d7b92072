/* RSP framing: byte-fed packet parser with checksums, acks and 0x7d escapes, and the framed reply writer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsp.h"

enum { S_IDLE, S_DATA, S_ESC, S_CSUM1, S_CSUM2 };

static const char hexdigits[] = "0123456789abcdef";

void rsp_init(struct rsp *r, rsp_write_fn write, void *ctx)
{
    rsp_free(r);
    memset(r, 0, sizeof *r);
    r->write = write;
    r->ctx = ctx;
}

void rsp_free(struct rsp *r)
{
    free(r->out);
    free(r->last);
    r->out = r->last = NULL;
    r->out_len = r->out_cap = r->last_len = 0;
}

int rsp_hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int rsp_parse_hex(const char **s, const char *end, uint64_t *v)
{
    const char *p = *s;
    uint64_t x = 0;
    int n = 0;
    for (; p < end && rsp_hexval((unsigned char)*p) >= 0; p++, n++) {
        if (x >> 60)
            return -1;
        x = x << 4 | (uint64_t)rsp_hexval((unsigned char)*p);
    }
    *s = p;
    *v = x;
    return n;
}

int rsp_unhex(const char *s, void *out, size_t n)
{
    unsigned char *o = out;
    for (size_t i = 0; i < n; i++) {
        int hi = rsp_hexval((unsigned char)s[2 * i]), lo = hi < 0 ? -1 : rsp_hexval((unsigned char)s[2 * i + 1]);
        if (lo < 0)
            return -1;
        o[i] = (unsigned char)(hi << 4 | lo);
    }
    return 0;
}

static void send_raw(struct rsp *r, const void *buf, size_t len)
{
    if (!r->dead && r->write(r->ctx, buf, len) < 0)
        r->dead = 1;
}

static void ack(struct rsp *r, char c)
{
    if (!r->noack)
        send_raw(r, &c, 1);
}

enum rsp_event rsp_feed(struct rsp *r, uint8_t b)
{
    switch (r->state) {
    case S_IDLE:
        if (b == '$') {
            r->state = S_DATA;
            r->len = r->raw = 0;
            r->sum = 0;
            return RSP_NONE;
        }
        if (b == 0x03)
            return RSP_INTERRUPT;
        if (b == '+')
            return RSP_ACK;
        if (b == '-') {
            if (r->last && !r->noack)
                send_raw(r, r->last, r->last_len);
            return RSP_NAK;
        }
        r->garbage++;
        return RSP_NONE;
    case S_DATA:
    case S_ESC:
        if (b == '$') { /* a new packet start inside a packet: the old one was cut short */
            r->garbage += r->raw + 1;
            r->len = r->raw = 0;
            r->sum = 0;
            r->state = S_DATA;
            return RSP_NONE;
        }
        if (b == '#' && r->state == S_DATA) {
            r->state = S_CSUM1;
            return RSP_NONE;
        }
        r->sum = (uint8_t)(r->sum + b);
        r->raw++;
        if (r->state == S_DATA && b == '}') {
            r->state = S_ESC;
            return RSP_NONE;
        }
        if (r->state == S_ESC) {
            b ^= 0x20;
            r->state = S_DATA;
        }
        if (r->len < RSP_PACKET_SIZE)
            r->buf[r->len] = b;
        r->len++;
        return RSP_NONE;
    case S_CSUM1: {
        int v = rsp_hexval(b);
        if (v < 0) {
            r->state = S_IDLE;
            ack(r, '-');
            return RSP_BAD_CHECKSUM;
        }
        r->csum = (uint8_t)v;
        r->state = S_CSUM2;
        return RSP_NONE;
    }
    default: { /* S_CSUM2 */
        int v = rsp_hexval(b);
        r->state = S_IDLE;
        if (v < 0 || (uint8_t)(r->csum << 4 | v) != r->sum) {
            ack(r, '-');
            return RSP_BAD_CHECKSUM;
        }
        ack(r, '+');
        if (r->raw > RSP_PACKET_SIZE || r->len > RSP_PACKET_SIZE) {
            r->len = 0;
            r->buf[0] = 0;
            return RSP_OVERSIZE;
        }
        r->buf[r->len] = 0;
        return RSP_PACKET;
    }
    }
}

static void reserve(struct rsp *r, size_t more)
{
    if (r->out_len + more + 1 <= r->out_cap)
        return;
    size_t cap = r->out_cap ? r->out_cap : 1024;
    while (cap < r->out_len + more + 1)
        cap *= 2;
    char *n = realloc(r->out, cap);
    if (!n)
        abort(); /* a few kilobytes; nothing sensible to do without them */
    r->out = n;
    r->out_cap = cap;
}

void rsp_begin(struct rsp *r)
{
    r->out_len = 0;
}

void rsp_putn(struct rsp *r, const char *s, size_t n)
{
    reserve(r, n);
    memcpy(r->out + r->out_len, s, n);
    r->out_len += n;
}

void rsp_puts(struct rsp *r, const char *s)
{
    rsp_putn(r, s, strlen(s));
}

void rsp_hex(struct rsp *r, const void *bytes, size_t n)
{
    const unsigned char *b = bytes;
    reserve(r, 2 * n);
    for (size_t i = 0; i < n; i++) {
        r->out[r->out_len++] = hexdigits[b[i] >> 4];
        r->out[r->out_len++] = hexdigits[b[i] & 15];
    }
}

void rsp_bin(struct rsp *r, const void *bytes, size_t n)
{
    const unsigned char *b = bytes;
    reserve(r, 2 * n);
    for (size_t i = 0; i < n; i++) {
        if (b[i] == '$' || b[i] == '#' || b[i] == '}' || b[i] == '*') {
            r->out[r->out_len++] = '}';
            r->out[r->out_len++] = (char)(b[i] ^ 0x20);
        } else {
            r->out[r->out_len++] = (char)b[i];
        }
    }
}

void rsp_printf(struct rsp *r, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof tmp) {
        reserve(r, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(r->out + r->out_len, (size_t)n + 1, fmt, ap);
        va_end(ap);
        r->out_len += (size_t)n;
        return;
    }
    rsp_putn(r, tmp, (size_t)n);
}

int rsp_send(struct rsp *r)
{
    size_t n = r->out_len + 4;
    char *f = malloc(n);
    if (!f)
        return -1;
    uint8_t sum = 0;
    f[0] = '$';
    for (size_t i = 0; i < r->out_len; i++) {
        f[i + 1] = r->out[i];
        sum = (uint8_t)(sum + (uint8_t)r->out[i]);
    }
    f[n - 3] = '#';
    f[n - 2] = hexdigits[sum >> 4];
    f[n - 1] = hexdigits[sum & 15];
    send_raw(r, f, n);
    free(r->last);
    r->last = f;
    r->last_len = n;
    r->out_len = 0;
    return r->dead ? -1 : 0;
}

int rsp_reply(struct rsp *r, const char *text)
{
    rsp_begin(r);
    rsp_puts(r, text);
    return rsp_send(r);
}
