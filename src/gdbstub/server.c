/* GDB stub server: listening socket, one gdb connection at a time, and the loop between socket and target. */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "emu.h"
#include "gdbstub.h"
#include "stub.h"

#define WAIT_MS_CONNECTED 10     /* how often the socket is looked at while the target runs */
#define WAIT_MS_IDLE 50          /* likewise while nobody is connected */
#define LINGER_MS 1000           /* how long gdb gets to close its end after the last reply */

void gdb_log(struct gdbstub *gs, const char *fmt, ...)
{
    (void)gs;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fprintf(stderr, "xtrace: gdb: %s\n", buf);
}

/* Keeps a socket out of the guest's way: close-on-exec, and moved high so the guest's own small fd numbers
   (dup2 onto 3, closing 3..N) do not hit it. */
static int move_high(int fd)
{
    struct rlimit rl;
    int want = 1000;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && (rlim_t)want + 16 > rl.rlim_cur)
        want = rl.rlim_cur > 64 ? (int)rl.rlim_cur - 16 : 3;
    int n = fcntl(fd, F_DUPFD_CLOEXEC, want);
    if (n < 0) {
        fcntl(fd, F_SETFD, FD_CLOEXEC);
        return fd;
    }
    close(fd);
    return n;
}

static int listen_unix(struct gdbstub *gs, const char *path, char *err, size_t errsz)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (!*path || strlen(path) >= sizeof sa.sun_path) {
        snprintf(err, errsz, "gdb socket path '%s' is empty or too long", path);
        return -1;
    }
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        snprintf(err, errsz, "cannot create a socket for gdb: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode)) { /* a stale socket is replaced, a live one is in use */
        if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0) {
            snprintf(err, errsz, "gdb socket %s is already in use", path);
            close(fd);
            return -1;
        }
        close(fd);
        unlink(path);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            snprintf(err, errsz, "cannot create a socket for gdb: %s", strerror(errno));
            return -1;
        }
    }
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, 1) < 0) {
        snprintf(err, errsz, "cannot listen for gdb on %s: %s", path,
                 errno == EADDRINUSE ? "the path exists and is not a socket" : strerror(errno));
        close(fd);
        return -1;
    }
    gs->unix_path = strdup(path);
    snprintf(gs->addr, sizeof gs->addr, "unix:%s", path);
    return fd;
}

static int listen_tcp(struct gdbstub *gs, const char *spec, char *err, size_t errsz)
{
    char host[128] = "127.0.0.1";
    const char *port = spec;
    const char *colon = strrchr(spec, ':');
    if (colon) {
        size_t hl = (size_t)(colon - spec);
        if (spec[0] == '[' && hl >= 2 && spec[hl - 1] == ']') /* [::1]:1234 */
            spec++, hl -= 2;
        if (hl >= sizeof host) {
            snprintf(err, errsz, "gdb host in '%s' is too long", spec);
            return -1;
        }
        if (hl) {
            memcpy(host, spec, hl);
            host[hl] = 0;
        }
        port = colon + 1;
    }
    char *end;
    long pn = strtol(port, &end, 10);
    if (!*port || *end || pn < 0 || pn > 65535) {
        snprintf(err, errsz, "bad gdb port '%s' (want PORT, HOST:PORT or unix:PATH)", port);
        return -1;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
    struct addrinfo *ai = NULL;
    int r = getaddrinfo(host, port, &hints, &ai);
    if (r) {
        snprintf(err, errsz, "cannot resolve gdb host '%s': %s", host, gai_strerror(r));
        return -1;
    }
    int fd = -1, saved = 0;
    for (struct addrinfo *a = ai; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            saved = errno;
            continue;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1) == 0)
            break;
        saved = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    if (fd < 0) {
        if (saved == EADDRINUSE)
            snprintf(err, errsz, "gdb port %s:%ld is already in use (pick another with -g PORT)", host, pn);
        else
            snprintf(err, errsz, "cannot listen for gdb on %s:%ld: %s", host, pn, strerror(saved));
        return -1;
    }
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    int real = (int)pn;
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0)
        real = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port : ((struct sockaddr_in *)&ss)->sin_port);
    snprintf(gs->addr, sizeof gs->addr, "%s:%d", host, real);
    if (pn == 0) /* an ephemeral port is only useful when it is told */
        fprintf(stderr, "xtrace: gdb: listening on %s\n", gs->addr);
    return fd;
}

static int sock_write(void *ctx, const void *buf, size_t len);

struct gdbstub *gdbstub_listen(const char *spec, char *err, size_t errsz)
{
    struct gdbstub *gs = calloc(1, sizeof *gs);
    if (!gs) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    gs->fd = -1;
    for (int i = 0; i < GDB_MAX_VFILES; i++)
        gs->vfd[i] = -1;
    const char *dbg = getenv("XTRACE_GDB_DEBUG");
    gs->debug = dbg && *dbg && strcmp(dbg, "0");
    if (!strncmp(spec, "fd:", 3)) { /* the connection, handed over by the xtrace that exec'ed this one */
        rsp_init(&gs->rsp, sock_write, gs);
        if (gdb_handoff_parse(gs, spec + 3, err, errsz) < 0) {
            rsp_free(&gs->rsp);
            free(gs);
            return NULL;
        }
        return gs;
    }
    gs->lfd = !strncmp(spec, "unix:", 5) ? listen_unix(gs, spec + 5, err, errsz) : listen_tcp(gs, spec, err, errsz);
    if (gs->lfd < 0) {
        free(gs);
        return NULL;
    }
    gs->lfd = move_high(gs->lfd);
    return gs;
}

static int sock_write(void *ctx, const void *buf, size_t len)
{
    struct gdbstub *gs = ctx;
    const char *b = buf;
    if (gs->debug)
        fprintf(stderr, "xtrace: gdb: <- %.*s\n", (int)(len > 300 ? 300 : len), b);
    while (len) {
        ssize_t n = send(gs->fd, b, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        b += n;
        len -= (size_t)n;
    }
    return 0;
}

static void accept_one(struct gdbstub *gs)
{
    int fd = accept4(gs->lfd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0)
        return;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); /* fails harmlessly on unix sockets */
    gs->fd = move_high(fd);
    rsp_init(&gs->rsp, sock_write, gs);
    gs->multiprocess = gs->fork_events = gs->vfork_events = gs->exec_events = 0;
    gs->fork_child = gs->g_child = 0;
    gs->pass_sigs = 0;
    gs->g_tid = gs->c_tid = 0;
    gs->watch_step_tid = 0;
    gdb_register_fds(gs);
    if (gs->debug)
        gdb_log(gs, "connected");
}

/* Forgets everything the connection set in the target, so a new gdb starts clean. */
static void drop_connection(struct gdbstub *gs)
{
    struct dbg *d = gs->d;
    if (gs->no_process) /* extended mode after the process ended: nobody is left to serve */
        gdb_end_no_process(gs);
    for (int i = 0; i < gs->nbp; i++)
        dbg_remove_bp(d, gs->bp[i].addr);
    for (int i = 0; i < gs->nwp; i++)
        dbg_remove_wp(d, gs->wp[i].type, gs->wp[i].addr, gs->wp[i].len);
    gs->nbp = gs->nwp = 0;
    dbg_catch_syscalls(d, NULL, 0);
    dbg_pass_signals(d, 0);
    gdb_vfile_close_all(gs);
    if (gs->fd >= 0)
        close(gs->fd);
    gs->fd = -1;
    rsp_free(&gs->rsp);
    gs->watch_step_tid = 0;
    if (gs->fork_child) /* a fork child gdb never decided on runs on */
        dbg_fork_release(d, 0);
    gs->fork_child = gs->g_child = 0;
    gdb_register_fds(gs);
    if (gs->running) /* a vanished gdb leaves the target stopped for the next one */
        dbg_interrupt(d);
    if (gs->debug)
        gdb_log(gs, "disconnected");
}

void gdb_linger_close(struct gdbstub *gs)
{
    if (gs->fd < 0)
        return;
    shutdown(gs->fd, SHUT_WR);
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) { /* reading to EOF keeps unread input from turning our close into a reset that eats the reply */
        clock_gettime(CLOCK_MONOTONIC, &t);
        long left = LINGER_MS - ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000);
        struct pollfd pf = {gs->fd, POLLIN, 0};
        if (left <= 0 || poll(&pf, 1, (int)left) <= 0)
            break;
        char buf[256];
        if (recv(gs->fd, buf, sizeof buf, 0) <= 0)
            break;
    }
    close(gs->fd);
    gs->fd = -1;
    rsp_free(&gs->rsp);
}

void gdb_close_listener(struct gdbstub *gs)
{
    if (gs->lfd >= 0)
        close(gs->lfd);
    gs->lfd = -1;
    if (gs->unix_path)
        unlink(gs->unix_path);
    free(gs->unix_path);
    gs->unix_path = NULL;
}

void gdb_kill_process(struct gdbstub *gs)
{
    gdb_linger_close(gs);
    gdb_close_listener(gs);
    kill(getpid(), SIGKILL);
    _exit(137);
}

/* Handles bytes from gdb. */
static void on_input(struct gdbstub *gs, const unsigned char *buf, size_t n)
{
    for (size_t i = 0; i < n && gs->fd >= 0 && !gs->done; i++) {
        enum rsp_event ev = rsp_feed(&gs->rsp, buf[i]);
        switch (ev) {
        case RSP_PACKET:
            if (gs->debug)
                fprintf(stderr, "xtrace: gdb: -> %.*s\n", (int)(gs->rsp.len > 300 ? 300 : gs->rsp.len), gs->rsp.buf);
            gdb_handle_packet(gs, (const char *)gs->rsp.buf, gs->rsp.len);
            break;
        case RSP_INTERRUPT:
            if (gs->running)
                dbg_interrupt(gs->d);
            break;
        case RSP_BAD_CHECKSUM:
            if (gs->debug)
                gdb_log(gs, "packet with a bad checksum%s", gs->rsp.noack ? " ignored" : ": asked again");
            break;
        case RSP_OVERSIZE:
            gdb_log(gs, "packet of %zu bytes is larger than PacketSize (%d): refused", gs->rsp.raw, RSP_PACKET_SIZE);
            rsp_reply(&gs->rsp, "E22");
            break;
        default:
            break;
        }
        if (gs->fd >= 0 && gs->rsp.dead)
            drop_connection(gs);
    }
}

void gdbstub_serve(struct gdbstub *gs, struct dbg *d)
{
    gs->d = d;
    gs->p = dbg_proc(d);
    gs->pid = (int)getpid();
    gs->running = 1; /* the first guest thread reports DBG_STOP_START */
    gs->nonsteppable_watch = -1;
    gdb_register_fds(gs);
    if (gs->after_exec)
        dbg_pass_signals(d, gs->pass_sigs);
    while (!gs->done) {
        if (gs->running) {
            struct dbg_stop st;
            /* (a followed fork child's first stop comes at once and must be taken before gdb's next packet) */
            if (dbg_wait(d, &st, gs->silent_stop ? -1 : gs->fd >= 0 ? WAIT_MS_CONNECTED : WAIT_MS_IDLE)) {
                gs->running = 0;
                gdb_on_stop(gs, &st);
                continue;
            }
        }
        struct pollfd pf = {gs->fd >= 0 ? gs->fd : gs->lfd, POLLIN, 0};
        int r = poll(&pf, 1, gs->running ? 0 : -1);
        if (r <= 0)
            continue;
        if (gs->fd < 0) {
            accept_one(gs);
            continue;
        }
        unsigned char buf[4096];
        ssize_t n = recv(gs->fd, buf, sizeof buf, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0) {
            drop_connection(gs);
            continue;
        }
        on_input(gs, buf, (size_t)n);
    }
    if (gs->fd >= 0)
        close(gs->fd);
    gs->fd = -1;
    rsp_free(&gs->rsp);
    gdb_close_listener(gs);
}
