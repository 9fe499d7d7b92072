/* A tiny scripted RSP client for the stub tests: sends packets or raw bytes and checks replies against globs.
   usage: rspclient HOST:PORT|unix:PATH SCRIPT
   script lines:  send PAYLOAD      framed packet (\xNN escapes); in ack mode the '+' is awaited
                  raw BYTES         bytes as they are (\xNN escapes)
                  big N             one well-formed packet with an N-byte payload
                  expect GLOB       next reply (a packet payload, or a lone '+'/'-') must match GLOB
                  noack             stop sending and expecting acks (after QStartNoAckMode)
                  sleep MS          pause
                  close             reset the connection abruptly and end (exit 0)
                  # comment                                                                  */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fnmatch.h>
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

static int fd = -1, noack;
static char inbuf[1 << 16];
static size_t inlen;

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "rspclient: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static size_t unescape(const char *s, char *out)
{
    size_t n = 0;
    for (; *s; s++) {
        unsigned v;
        if (s[0] == '\\' && s[1] == 'x' && sscanf(s + 2, "%2x", &v) == 1) {
            out[n++] = (char)v;
            s += 3;
        } else {
            out[n++] = *s;
        }
    }
    return n;
}

static void put(const void *b, size_t n)
{
    if (send(fd, b, n, MSG_NOSIGNAL) != (ssize_t)n)
        die("send failed: %s", strerror(errno));
}

static void frame(const char *payload, size_t n)
{
    char *f = malloc(n + 4);
    unsigned char sum = 0;
    f[0] = '$';
    memcpy(f + 1, payload, n);
    for (size_t i = 0; i < n; i++)
        sum = (unsigned char)(sum + (unsigned char)payload[i]);
    sprintf(f + 1 + n, "#%02x", sum);
    put(f, n + 4);
    free(f);
}

/* Reads more input (5 s at most). */
static void fill(void)
{
    struct pollfd pf = {fd, POLLIN, 0};
    if (poll(&pf, 1, 5000) <= 0)
        die("no reply within 5 s%s", "");
    ssize_t n = recv(fd, inbuf + inlen, sizeof inbuf - inlen, 0);
    if (n <= 0)
        die("connection closed by the stub%s", "");
    inlen += (size_t)n;
}

/* Next reply: "+", "-", or a packet payload (acked in ack mode). */
static char *next_item(void)
{
    static char item[1 << 16];
    for (;;) {
        size_t i = 0;
        while (i < inlen && inbuf[i] != '$' && inbuf[i] != '+' && inbuf[i] != '-')
            i++;
        if (i < inlen && inbuf[i] != '$') {
            item[0] = inbuf[i];
            item[1] = 0;
            memmove(inbuf, inbuf + i + 1, inlen - i - 1);
            inlen -= i + 1;
            return item;
        }
        if (i < inlen) {
            char *h = memchr(inbuf + i, '#', inlen - i);
            if (h && (size_t)(h - inbuf) + 3 <= inlen) {
                size_t n = (size_t)(h - inbuf) - i - 1;
                memcpy(item, inbuf + i + 1, n);
                item[n] = 0;
                size_t used = (size_t)(h - inbuf) + 3;
                memmove(inbuf, inbuf + used, inlen - used);
                inlen -= used;
                if (!noack)
                    put("+", 1);
                return item;
            }
        }
        fill();
    }
}

static void connect_to(const char *spec)
{
    if (!strncmp(spec, "unix:", 5)) {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        snprintf(sa.sun_path, sizeof sa.sun_path, "%s", spec + 5);
        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0)
            die("cannot connect to %s", spec);
        return;
    }
    const char *colon = strrchr(spec, ':');
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(colon ? colon + 1 : spec))};
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0)
        die("cannot connect to %s", spec);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); /* as gdb does: acks and packets go out at once */
}

int main(int argc, char **argv)
{
    if (argc != 3)
        die("usage: rspclient HOST:PORT|unix:PATH SCRIPT%s", "");
    FILE *f = fopen(argv[2], "r");
    if (!f)
        die("cannot open %s", argv[2]);
    connect_to(argv[1]);
    char line[1 << 16], buf[1 << 16];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        char *arg = strchr(line, ' ');
        if (arg)
            *arg++ = 0;
        else
            arg = line + strlen(line);
        if (!line[0] || line[0] == '#')
            continue;
        if (!strcmp(line, "send")) {
            frame(buf, unescape(arg, buf));
            if (!noack) {
                char *a = next_item();
                if (strcmp(a, "+")) {
                    fprintf(stderr, "rspclient: line %d: wanted an ack for '%s', got '%s'\n", lineno, arg, a);
                    return 1;
                }
            }
        } else if (!strcmp(line, "raw")) {
            put(buf, unescape(arg, buf));
        } else if (!strcmp(line, "big")) {
            size_t n = (size_t)atol(arg);
            char *p = malloc(n);
            memset(p, 'a', n);
            frame(p, n);
            free(p);
        } else if (!strcmp(line, "expect")) {
            char *got = next_item();
            buf[unescape(arg, buf)] = 0;
            if (fnmatch(buf, got, 0)) {
                fprintf(stderr, "rspclient: line %d: wanted '%s', got '%.300s'\n", lineno, arg, got);
                return 1;
            }
        } else if (!strcmp(line, "noack")) {
            noack = 1;
        } else if (!strcmp(line, "sleep")) {
            struct timespec ts = {atol(arg) / 1000, (atol(arg) % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        } else if (!strcmp(line, "close")) {
            struct linger lg = {1, 0};
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
            close(fd);
            return 0;
        } else {
            fprintf(stderr, "rspclient: line %d: unknown command '%s'\n", lineno, line);
            return 1;
        }
    }
    close(fd);
    return 0;
}
