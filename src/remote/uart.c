/* A board's UART: a socket or pty, read by a thread into a history buffer, logged with timestamps, echoed or polled. */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "uart.h"

static long ms_between(const struct timespec *a, const struct timespec *b)
{
    return (b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

static int open_tcp(const char *hostport, char *err, size_t errsz)
{
    char host[256] = "127.0.0.1", port[32];
    const char *colon = strrchr(hostport, ':');
    if (colon) {
        size_t hl = (size_t)(colon - hostport);
        if (hl && hl < sizeof host)
            memcpy(host, hostport, hl), host[hl] = 0;
        snprintf(port, sizeof port, "%s", colon + 1);
    } else {
        snprintf(port, sizeof port, "%s", hostport);
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
        if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) == 0)
            break;
        last = errno;
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0)
        snprintf(err, errsz, "cannot connect to the UART at %s:%s: %s", host, port, strerror(last));
    return fd;
}

static int open_unix(const char *path, char *err, size_t errsz)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof sa.sun_path) {
        snprintf(err, errsz, "UART socket path too long: %s", path);
        return -1;
    }
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        snprintf(err, errsz, "cannot connect to the UART at unix:%s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

static int open_pty(const char *path, char *err, size_t errsz)
{
    int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsz, "cannot open the UART at %s: %s", path, strerror(errno));
        return -1;
    }
    struct termios t;
    if (tcgetattr(fd, &t) == 0) { /* raw bytes both ways */
        cfmakeraw(&t);
        tcsetattr(fd, TCSANOW, &t);
    }
    return fd;
}

/* Appends received bytes to the log, a timestamp at the start of every line ("[   1.234567] "). */
static void log_bytes(struct uart *u, const char *s, size_t n, const struct timespec *now)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r')
            continue;
        if (u->log_bol) {
            long long us = (long long)(now->tv_sec - u->t0.tv_sec) * 1000000 + (now->tv_nsec - u->t0.tv_nsec) / 1000;
            fprintf(u->log, "[%5lld.%06lld] ", us / 1000000, us % 1000000);
            u->log_bol = 0;
        }
        fputc(s[i], u->log);
        if (s[i] == '\n')
            u->log_bol = 1;
    }
    fflush(u->log);
}

static void *reader(void *arg)
{
    struct uart *u = arg;
    char buf[4096];
    for (;;) {
        struct pollfd pf[2] = {{u->fd, POLLIN, 0}, {u->stop[0], POLLIN, 0}};
        if (poll(pf, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (pf[1].revents)
            break;
        u->busy = 1;
        ssize_t n = read(u->fd, buf, sizeof buf);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        pthread_mutex_lock(&u->mu);
        if (n > 0 && u->echo) { /* printed before anyone can see them in the ring: messages come after */
            fwrite(buf, 1, (size_t)n, u->echo);
            fflush(u->echo);
        }
        if (n <= 0) {
            u->closed = 1;
        } else {
            for (ssize_t i = 0; i < n; i++)
                u->ring[(u->total + (uint64_t)i) % UART_KEEP] = buf[i];
            u->total += (uint64_t)n;
            u->last = now;
            if (u->log)
                log_bytes(u, buf, (size_t)n, &now);
        }
        pthread_cond_broadcast(&u->cv);
        u->busy = 0;
        pthread_mutex_unlock(&u->mu);
        char one = 1;
        if (write(u->wake[1], &one, 1) < 0) { /* full: the reader of the pipe is behind, which is fine */
        }
        if (n <= 0)
            break;
    }
    return NULL;
}

int uart_open(struct uart *u, const char *spec, const char *logpath, char *err, size_t errsz)
{
    memset(u, 0, sizeof *u);
    u->fd = -1;
    u->stop[0] = u->stop[1] = u->wake[0] = u->wake[1] = -1;
    snprintf(u->spec, sizeof u->spec, "%s", spec);
    int fd;
    if (!strncmp(spec, "unix:", 5))
        fd = open_unix(spec + 5, err, errsz);
    else if (!strncmp(spec, "pty:", 4))
        fd = open_pty(spec + 4, err, errsz);
    else if (spec[0] == '/')
        fd = open_pty(spec, err, errsz);
    else
        fd = open_tcp(!strncmp(spec, "tcp:", 4) ? spec + 4 : spec, err, errsz);
    if (fd < 0)
        return -1;
    u->fd = fd;
    u->ring = malloc(UART_KEEP);
    if (!u->ring || pipe2(u->stop, O_CLOEXEC) < 0 || pipe2(u->wake, O_CLOEXEC | O_NONBLOCK) < 0) {
        snprintf(err, errsz, "out of memory or descriptors for the UART");
        uart_close(u);
        return -1;
    }
    if (logpath && !(u->log = fopen(logpath, "we"))) {
        snprintf(err, errsz, "cannot write the UART log %s: %s", logpath, strerror(errno));
        uart_close(u);
        return -1;
    }
    u->log_bol = 1;
    pthread_mutex_init(&u->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&u->cv, &ca);
    clock_gettime(CLOCK_MONOTONIC, &u->t0);
    u->last = u->t0;
    if (pthread_create(&u->th, NULL, reader, u) != 0) {
        snprintf(err, errsz, "cannot start the UART reader");
        uart_close(u);
        return -1;
    }
    u->started = 1;
    return 0;
}

int uart_send(struct uart *u, const void *buf, size_t n)
{
    const char *p = buf;
    while (n) {
        ssize_t w = u->fd >= 0 ? write(u->fd, p, n) : -1;
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w, n -= (size_t)w;
    }
    return 0;
}

size_t uart_read(struct uart *u, uint64_t *pos, char *buf, size_t n)
{
    pthread_mutex_lock(&u->mu);
    uint64_t oldest = u->total > UART_KEEP ? u->total - UART_KEEP : 0;
    if (*pos < oldest)
        *pos = oldest;
    size_t k = 0;
    while (*pos < u->total && k < n)
        buf[k++] = u->ring[(*pos)++ % UART_KEEP];
    pthread_mutex_unlock(&u->mu);
    return k;
}

int uart_wait(struct uart *u, uint64_t pos, int timeout_ms)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L)
        until.tv_sec++, until.tv_nsec -= 1000000000L;
    pthread_mutex_lock(&u->mu);
    int r = 0;
    for (;;) {
        if (u->total > pos) {
            r = 1;
            break;
        }
        if (u->closed) {
            r = -1;
            break;
        }
        if (pthread_cond_timedwait(&u->cv, &u->mu, &until) == ETIMEDOUT) {
            r = u->total > pos ? 1 : 0;
            break;
        }
    }
    pthread_mutex_unlock(&u->mu);
    return r;
}

uint64_t uart_total(struct uart *u)
{
    pthread_mutex_lock(&u->mu);
    uint64_t t = u->total;
    pthread_mutex_unlock(&u->mu);
    return t;
}

long uart_idle_ms(struct uart *u)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&u->mu);
    long ms = ms_between(&u->last, &now);
    pthread_mutex_unlock(&u->mu);
    return ms;
}

void uart_settle(struct uart *u, int max_ms)
{
    for (int i = 0; i < max_ms && u->fd >= 0; i++) {
        int pending = 0;
        if (ioctl(u->fd, FIONREAD, &pending) < 0)
            pending = 0;
        if (!pending && !u->busy)
            return;
        usleep(1000);
    }
}

void uart_drain_wake(struct uart *u)
{
    char buf[256];
    while (u->wake[0] >= 0 && read(u->wake[0], buf, sizeof buf) > 0)
        ;
}

void uart_close(struct uart *u)
{
    if (u->started) {
        char one = 1;
        if (write(u->stop[1], &one, 1) < 0) {
        }
        pthread_join(u->th, NULL);
        u->started = 0;
    }
    int *fds[] = {&u->fd, &u->stop[0], &u->stop[1], &u->wake[0], &u->wake[1]};
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        if (*fds[i] >= 0)
            close(*fds[i]), *fds[i] = -1;
    if (u->log)
        fclose(u->log), u->log = NULL;
    free(u->ring);
    u->ring = NULL;
}
