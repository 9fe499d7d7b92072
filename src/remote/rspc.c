/* RSP client transport: connects to a gdbstub, frames and acks packets, decodes escapes and run-length encoding. */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "rspc.h"

#define ACK_TIMEOUT_MS 5000

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Splits HOST:PORT (HOST may be empty or [v6]) and connects; returns the fd or -1 with err. */
static int connect_tcp(const char *spec, char *err, size_t errsz)
{
    char host[256] = "127.0.0.1", port[32];
    const char *colon = strrchr(spec, ':');
    if (!colon) {
        snprintf(port, sizeof port, "%s", spec);
    } else {
        size_t hl = (size_t)(colon - spec);
        if (hl && spec[0] == '[' && spec[hl - 1] == ']')
            spec++, hl -= 2;
        if (hl >= sizeof host)
            hl = sizeof host - 1;
        if (hl) {
            memcpy(host, spec, hl);
            host[hl] = 0;
        }
        snprintf(port, sizeof port, "%s", colon + 1);
    }
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_socktype = SOCK_STREAM;
    int e = getaddrinfo(host, port, &hints, &res);
    if (e) {
        snprintf(err, errsz, "cannot resolve %s:%s: %s", host, port, gai_strerror(e));
        return -1;
    }
    int fd = -1, last = 0;
    for (struct addrinfo *a = res; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            last = errno;
            continue;
        }
        if (connect(fd, a->ai_addr, a->ai_addrlen) == 0)
            break;
        last = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        snprintf(err, errsz, "cannot connect to %s:%s: %s", host, port, strerror(last));
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static int connect_unix(const char *path, char *err, size_t errsz)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof sa.sun_path) {
        snprintf(err, errsz, "socket path too long: %s", path);
        return -1;
    }
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        snprintf(err, errsz, "cannot connect to unix:%s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

int rspc_connect(struct rspc *c, const char *spec, char *err, size_t errsz)
{
    memset(c, 0, sizeof *c);
    c->fd = -1;
    c->packet_size = 0x400;
    int fd = !strncmp(spec, "unix:", 5) ? connect_unix(spec + 5, err, errsz)
           : connect_tcp(!strncmp(spec, "tcp:", 4) ? spec + 4 : spec, err, errsz);
    if (fd < 0)
        return -1;
    c->fd = fd;
    const char *log = getenv("XTRACE_RSP_LOG");
    if (log && *log)
        c->log = fopen(log, "ae");
    return 0;
}

void rspc_close(struct rspc *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    c->dead = 1;
    for (int i = 0; i < c->qn; i++)
        free(c->q[(c->qhead + i) % RSPC_QUEUE]);
    c->qn = 0;
    free(c->in);
    free(c->pkt);
    free(c->last);
    if (c->log)
        fclose(c->log);
    c->log = NULL;
    c->in = NULL, c->pkt = NULL, c->last = NULL;
    c->in_len = c->in_cap = 0;
}

static int write_all(struct rspc *c, const void *buf, size_t n)
{
    const char *p = buf;
    while (n && !c->dead) {
        ssize_t w = send(c->fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            c->dead = 1;
            return -1;
        }
        p += w, n -= (size_t)w;
    }
    return c->dead ? -1 : 0;
}

static int hexval(int ch)
{
    return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
         : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* Decodes the raw payload p[0..n) (escapes, run lengths) and queues it. */
static void queue_packet(struct rspc *c, const unsigned char *p, size_t n)
{
    size_t cap = n + 1, len = 0;
    char *out = malloc(cap);
    if (!out)
        return;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = p[i];
        if (ch == '}' && i + 1 < n) {
            ch = p[++i] ^ 0x20;
        } else if (ch == '*' && i + 1 < n && len > 0) { /* run length: repeat the previous byte */
            int rep = p[++i] - 29;
            if (rep > 0) {
                if (len + (size_t)rep + 1 > cap) {
                    cap = (len + (size_t)rep + 1) * 2;
                    char *g = realloc(out, cap);
                    if (!g) {
                        free(out);
                        return;
                    }
                    out = g;
                }
                memset(out + len, out[len - 1], (size_t)rep);
                len += (size_t)rep;
            }
            continue;
        }
        if (len + 2 > cap) {
            cap *= 2;
            char *g = realloc(out, cap);
            if (!g) {
                free(out);
                return;
            }
            out = g;
        }
        out[len++] = (char)ch;
    }
    out[len] = 0;
    if (c->log)
        fprintf(c->log, "<- %.*s\n", (int)(len > 300 ? 300 : len), out), fflush(c->log);
    if (c->qn == RSPC_QUEUE) { /* nobody is reading: drop the oldest */
        free(c->q[c->qhead]);
        c->qhead = (c->qhead + 1) % RSPC_QUEUE;
        c->qn--;
    }
    int k = (c->qhead + c->qn) % RSPC_QUEUE;
    c->q[k] = out;
    c->qlen[k] = len;
    c->qn++;
}

/* Parses complete packets, acks and naks out of the input buffer. */
static void parse_input(struct rspc *c)
{
    size_t i = 0;
    while (i < c->in_len) {
        unsigned char ch = c->in[i];
        if (ch == '+') {
            c->acks++, i++;
            continue;
        }
        if (ch == '-') {
            c->naks++, i++;
            continue;
        }
        if (ch != '$' && ch != '%') { /* noise between packets */
            i++;
            continue;
        }
        unsigned char *hash = memchr(c->in + i + 1, '#', c->in_len - i - 1);
        if (!hash || (size_t)(hash - c->in) + 2 >= c->in_len)
            break; /* incomplete */
        size_t start = i + 1, end = (size_t)(hash - c->in);
        uint8_t sum = 0;
        for (size_t k = start; k < end; k++)
            sum = (uint8_t)(sum + c->in[k]);
        int h1 = hexval(hash[1]), h2 = hexval(hash[2]);
        int ok = h1 >= 0 && h2 >= 0 && (uint8_t)(h1 << 4 | h2) == sum;
        if (ch == '%') { /* a notification (non-stop mode): never acked, not used */
            i = end + 3;
            continue;
        }
        if (!c->noack)
            write_all(c, ok ? "+" : "-", 1);
        if (ok)
            queue_packet(c, c->in + start, end - start);
        else
            c->bad++;
        i = end + 3;
    }
    memmove(c->in, c->in + i, c->in_len - i);
    c->in_len -= i;
}

/* Reads what is there after waiting up to timeout_ms; returns 1 read, 0 timeout, -1 closed. */
static int fill(struct rspc *c, int timeout_ms)
{
    if (c->dead || c->fd < 0)
        return -1;
    struct pollfd pf = {c->fd, POLLIN, 0};
    int r = poll(&pf, 1, timeout_ms);
    if (r < 0)
        return errno == EINTR ? 0 : -1;
    if (r == 0)
        return 0;
    if (c->in_cap - c->in_len < 4096) {
        size_t cap = c->in_cap ? c->in_cap * 2 : 16384;
        unsigned char *g = realloc(c->in, cap);
        if (!g)
            return -1;
        c->in = g;
        c->in_cap = cap;
    }
    ssize_t n = recv(c->fd, c->in + c->in_len, c->in_cap - c->in_len, 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return 0;
    if (n <= 0) {
        c->dead = 1;
        return -1;
    }
    c->in_len += (size_t)n;
    parse_input(c);
    return 1;
}

int rspc_pump(struct rspc *c)
{
    int r;
    while ((r = fill(c, 0)) > 0)
        ;
    return r < 0 ? -1 : 0;
}

int rspc_send(struct rspc *c, const char *payload, size_t n)
{
    if (c->dead)
        return -1;
    free(c->last);
    c->last = malloc(n + 5);
    if (!c->last)
        return -1;
    uint8_t sum = 0;
    c->last[0] = '$';
    for (size_t i = 0; i < n; i++)
        sum = (uint8_t)(sum + (uint8_t)payload[i]);
    memcpy(c->last + 1, payload, n);
    snprintf(c->last + 1 + n, 4, "#%02x", sum);
    c->last_len = n + 4;
    if (c->log)
        fprintf(c->log, "-> %.*s\n", (int)(n > 300 ? 300 : n), payload), fflush(c->log);
    for (int tries = 0; tries < 4; tries++) {
        c->acks = c->naks = 0;
        if (write_all(c, c->last, c->last_len) < 0)
            return -1;
        if (c->noack)
            return 0;
        long until = now_ms() + ACK_TIMEOUT_MS;
        while (!c->acks && !c->naks) {
            long left = until - now_ms();
            if (left <= 0)
                return -1;
            if (fill(c, (int)left) < 0)
                return -1;
        }
        if (c->acks)
            return 0;
    }
    return -1;
}

int rspc_sends(struct rspc *c, const char *payload)
{
    return rspc_send(c, payload, strlen(payload));
}

int rspc_recv(struct rspc *c, int timeout_ms)
{
    long until = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    for (;;) {
        if (c->qn) {
            free(c->pkt);
            c->pkt = c->q[c->qhead];
            c->pkt_len = c->qlen[c->qhead];
            c->qhead = (c->qhead + 1) % RSPC_QUEUE;
            c->qn--;
            return 1;
        }
        int left = -1;
        if (timeout_ms >= 0) {
            long l = until - now_ms();
            if (l < 0)
                return 0;
            left = (int)l;
        }
        int r = fill(c, left);
        if (r < 0)
            return c->qn ? 0 : -1; /* deliver what arrived before the close first */
        if (r == 0 && timeout_ms >= 0 && now_ms() >= until && !c->qn)
            return 0;
    }
}

int rspc_interrupt(struct rspc *c)
{
    if (c->log)
        fprintf(c->log, "-> ^C\n"), fflush(c->log);
    return write_all(c, "\x03", 1);
}

size_t rspc_escape(const void *src, size_t n, char *out, size_t cap)
{
    const unsigned char *s = src;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = s[i];
        if (ch == '#' || ch == '$' || ch == '}' || ch == '*') {
            if (k + 2 > cap)
                return 0;
            out[k++] = '}';
            out[k++] = (char)(ch ^ 0x20);
        } else {
            if (k + 1 > cap)
                return 0;
            out[k++] = (char)ch;
        }
    }
    return k;
}

void rspc_tohex(const void *src, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    const unsigned char *s = src;
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[s[i] >> 4];
        out[2 * i + 1] = digits[s[i] & 15];
    }
    out[2 * n] = 0;
}

size_t rspc_fromhex(const char *s, size_t slen, void *dst, size_t cap)
{
    unsigned char *d = dst;
    size_t k = 0;
    for (size_t i = 0; i + 1 < slen && k < cap; i += 2) {
        int a = hexval(s[i]), b = hexval(s[i + 1]);
        if (a < 0 || b < 0)
            break;
        d[k++] = (unsigned char)(a << 4 | b);
    }
    return k;
}
