/* Starting a board emulator (qemu-system) halted with a gdbstub, a serial socket and QMP, and shutting it down. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "board.h"

#define SERIAL_ID "ser0"

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The emulator's command line: the user's, minus what would fight ours, plus the gdbstub, serial and QMP. */
static char **build_argv(struct board *b, char *const *argv, char *err, size_t errsz)
{
    size_t n = 0;
    while (argv[n])
        n++;
    char **v = calloc(n + 24, sizeof *v);
    if (!v) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    static char serial_dev[64], qmp_arg[256];
    size_t k = 0;
    int display = 0, serial_taken = 0;
    v[k++] = argv[0];
    for (size_t i = 1; i < n; i++) {
        const char *a = argv[i], *next = i + 1 < n ? argv[i + 1] : "";
        const char *o = a[0] == '-' && a[1] == '-' ? a + 1 : a; /* qemu takes --opt as -opt */
        if (!strcmp(o, "-daemonize")) {
            snprintf(err, errsz, "%s: -daemonize cannot be used here (xtrace runs and stops the emulator)", a);
            free(v);
            return NULL;
        }
        if (!strcmp(o, "-S") || !strcmp(o, "-s"))
            continue; /* halted start and the gdbstub are ours */
        if (!strcmp(o, "-gdb")) {
            i++;
            continue;
        }
        if (!strcmp(o, "-nographic")) { /* its stdio serial and monitor would take our terminal */
            display = 1;
            v[k++] = "-display";
            v[k++] = "none";
            continue;
        }
        if (!strcmp(o, "-monitor") && strstr(next, "stdio")) {
            i++;
            continue;
        }
        if (!strcmp(o, "-serial") && !serial_taken) { /* the first serial port is the UART we attach to */
            serial_taken = 1;
            i++;
            continue;
        }
        if (!strcmp(o, "-display"))
            display = 1;
        v[k++] = argv[i];
    }
    if (!display)
        v[k++] = "-display", v[k++] = "none";
    v[k++] = "-monitor", v[k++] = "none";
    v[k++] = "-S";
    v[k++] = "-gdb", v[k++] = "tcp:127.0.0.1:0";
    v[k++] = "-chardev", v[k++] = "socket,id=" SERIAL_ID ",host=127.0.0.1,port=0,server=on,wait=off";
    snprintf(serial_dev, sizeof serial_dev, "chardev:%s", SERIAL_ID);
    v[k++] = "-serial", v[k++] = serial_dev;
    snprintf(qmp_arg, sizeof qmp_arg, "unix:%s,server=on,wait=off", b->qmp_path);
    v[k++] = "-qmp", v[k++] = qmp_arg;
    v[k] = NULL;
    return v;
}

/* The last lines the emulator wrote (its complaint when it failed). */
static void log_tail(struct board *b, char *out, size_t n)
{
    *out = 0;
    FILE *f = fopen(b->log_path, "re");
    if (!f)
        return;
    char buf[4096];
    size_t got = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[got] = 0;
    while (got && (buf[got - 1] == '\n' || buf[got - 1] == ' '))
        buf[--got] = 0;
    const char *s = got > n - 1 ? buf + got - (n - 1) : buf;
    size_t len = strlen(s) < n - 1 ? strlen(s) : n - 1;
    memcpy(out, s, len);
    out[len] = 0;
}

static int qmp_connect(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof sa.sun_path)
        return -1;
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0)
        return fd;
    if (fd >= 0)
        close(fd);
    return -1;
}

/* Reads one JSON line (QMP sends one message per line) into buf; returns its length or -1. */
static int qmp_line(int fd, char *buf, size_t n, int timeout_ms)
{
    size_t k = 0;
    long until = now_ms() + timeout_ms;
    while (k + 1 < n) {
        struct pollfd pf = {fd, POLLIN, 0};
        long left = until - now_ms();
        if (left <= 0 || poll(&pf, 1, (int)left) <= 0)
            return -1;
        char c;
        if (read(fd, &c, 1) != 1)
            return -1;
        if (c == '\n')
            break;
        buf[k++] = c;
    }
    buf[k] = 0;
    return (int)k;
}

/* Sends a command and returns its {"return": ...} line (events in between are skipped). */
static int qmp_cmd(int fd, const char *cmd, char *reply, size_t n)
{
    char msg[256];
    int len = snprintf(msg, sizeof msg, "{\"execute\":\"%s\"}\n", cmd);
    if (write(fd, msg, (size_t)len) != len)
        return -1;
    for (int i = 0; i < 64; i++) {
        if (qmp_line(fd, reply, n, 3000) < 0)
            return -1;
        if (strstr(reply, "\"return\"") || strstr(reply, "\"error\""))
            return strstr(reply, "\"return\"") ? 0 : -1;
    }
    return -1;
}

/* Scans a JSON string at *s (after the quote); copies it unescaped into out and advances past it. */
static void json_string(const char **s, char *out, size_t n)
{
    size_t k = 0;
    const char *p = *s;
    for (; *p && *p != '"'; p++) {
        char c = *p;
        if (c == '\\' && p[1])
            c = *++p == 'n' ? '\n' : *p;
        if (k + 1 < n)
            out[k++] = c;
    }
    out[k] = 0;
    *s = *p ? p + 1 : p;
}

/* query-chardev: the filename of the chardev with this label, in the flat objects of the return array. */
static int chardev_file(const char *json, const char *label, char *out, size_t n)
{
    char key[64] = "", val[256], lab[128] = "", file[256] = "";
    int expect_value = 0;
    for (const char *s = json; *s;) {
        char c = *s++;
        if (c == '{') {
            lab[0] = file[0] = 0;
        } else if (c == '}') {
            if (!strcmp(lab, label) && file[0]) {
                snprintf(out, n, "%s", file);
                return 0;
            }
        } else if (c == ':') {
            expect_value = 1;
        } else if (c == ',') {
            expect_value = 0;
        } else if (c == '"') {
            json_string(&s, expect_value ? val : key, expect_value ? sizeof val : sizeof key);
            if (expect_value) {
                if (!strcmp(key, "label"))
                    snprintf(lab, sizeof lab, "%.127s", val);
                else if (!strcmp(key, "filename"))
                    snprintf(file, sizeof file, "%s", val);
                expect_value = 0;
            }
        }
    }
    return -1;
}

/* "disconnected:tcp:127.0.0.1:41113,server=on" -> "127.0.0.1:41113" (with prefix "tcp:" when asked). */
static int chardev_addr(const char *file, const char *prefix, char *out, size_t n)
{
    const char *t = strstr(file, "tcp:"), *u = strstr(file, "unix:");
    if (t) {
        t += 4;
        size_t len = strcspn(t, ",");
        const char *sp = memchr(t, ' ', len); /* "tcp:127.0.0.1:1234,server=on <-> ..." */
        if (sp)
            len = (size_t)(sp - t);
        snprintf(out, n, "%s%.*s", prefix, (int)len, t);
        return 0;
    }
    if (u) {
        snprintf(out, n, "unix:%.*s", (int)strcspn(u + 5, ","), u + 5);
        return 0;
    }
    return -1;
}

int board_start(struct board *b, char *const *argv, char *err, size_t errsz)
{
    memset(b, 0, sizeof *b);
    b->qmp = -1;
    const char *tmp = getenv("TMPDIR");
    snprintf(b->dir, sizeof b->dir, "%s/xtrace-board-XXXXXX", tmp && *tmp && strlen(tmp) < 64 ? tmp : "/tmp");
    if (!mkdtemp(b->dir)) {
        snprintf(err, errsz, "cannot create a temporary directory: %s", strerror(errno));
        b->dir[0] = 0;
        return -1;
    }
    snprintf(b->qmp_path, sizeof b->qmp_path, "%s/qmp.sock", b->dir);
    snprintf(b->log_path, sizeof b->log_path, "%s/emulator.log", b->dir);
    const char *base = strrchr(argv[0], '/');
    snprintf(b->label, sizeof b->label, "%s", base ? base + 1 : argv[0]);
    for (int i = 1; argv[i] && strlen(b->label) < 100; i++)
        if ((!strcmp(argv[i], "-M") || !strcmp(argv[i], "-machine")) && argv[i + 1])
            snprintf(b->label + strlen(b->label), sizeof b->label - strlen(b->label), " -M %s", argv[i + 1]);
    char **v = build_argv(b, argv, err, errsz);
    if (!v) {
        board_stop(b);
        return -1;
    }
    int logfd = open(b->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, errsz, "cannot start %s: %s", argv[0], strerror(errno));
        free(v);
        board_stop(b);
        return -1;
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM); /* never outlive xtrace, even when it is killed */
        if (getppid() != parent)
            _exit(127);
        setpgid(0, 0); /* Ctrl-C at the terminal is for xtrace, not for the emulator */
        int nul = open("/dev/null", O_RDONLY);
        if (nul >= 0)
            dup2(nul, 0);
        if (logfd >= 0)
            dup2(logfd, 1), dup2(logfd, 2);
        signal(SIGPIPE, SIG_DFL);
        execvp(v[0], v);
        dprintf(2, "cannot run %s: %s\n", v[0], strerror(errno));
        _exit(127);
    }
    free(v);
    if (logfd >= 0)
        close(logfd);
    b->pid = pid;
    long until = now_ms() + 15000;
    while ((b->qmp = qmp_connect(b->qmp_path)) < 0) {
        int st;
        if (waitpid(pid, &st, WNOHANG) == pid) {
            b->pid = 0;
            char tail[600];
            log_tail(b, tail, sizeof tail);
            snprintf(err, errsz, "%s exited before it was ready%s%s", argv[0], *tail ? ": " : "", tail);
            board_stop(b);
            return -1;
        }
        if (now_ms() > until) {
            snprintf(err, errsz, "%s did not open its QMP socket within 15 s", argv[0]);
            board_stop(b);
            return -1;
        }
        usleep(20000);
    }
    char line[8192];
    if (qmp_line(b->qmp, line, sizeof line, 5000) < 0 || qmp_cmd(b->qmp, "qmp_capabilities", line, sizeof line) < 0 ||
        qmp_cmd(b->qmp, "query-chardev", line, sizeof line) < 0) {
        snprintf(err, errsz, "%s: no answer on its QMP socket", argv[0]);
        board_stop(b);
        return -1;
    }
    char file[256];
    if (chardev_file(line, "gdb", file, sizeof file) < 0 || chardev_addr(file, "", b->gdb, sizeof b->gdb) < 0 ||
        chardev_file(line, SERIAL_ID, file, sizeof file) < 0 || chardev_addr(file, "tcp:", b->uart, sizeof b->uart) < 0) {
        snprintf(err, errsz, "%s: query-chardev did not name the gdbstub and serial ports: %.300s", argv[0], line);
        board_stop(b);
        return -1;
    }
    return 0;
}

/* Waits up to ms for the emulator to end; 1 when it did. */
static int reap(struct board *b, int ms)
{
    long until = now_ms() + ms;
    for (;;) {
        int st;
        pid_t r = waitpid(b->pid, &st, WNOHANG);
        if (r == b->pid || (r < 0 && errno == ECHILD)) {
            b->pid = 0;
            return 1;
        }
        if (now_ms() >= until)
            return 0;
        usleep(10000);
    }
}

void board_stop(struct board *b)
{
    if (b->pid > 0) {
        char line[1024];
        if (b->qmp >= 0)
            qmp_cmd(b->qmp, "quit", line, sizeof line);
        if (!reap(b, 3000)) {
            kill(b->pid, SIGTERM);
            if (!reap(b, 3000)) {
                kill(b->pid, SIGKILL);
                reap(b, 3000);
            }
        }
    }
    if (b->qmp >= 0)
        close(b->qmp), b->qmp = -1;
    if (b->dir[0]) {
        unlink(b->qmp_path);
        unlink(b->log_path);
        rmdir(b->dir);
        b->dir[0] = 0;
    }
}
