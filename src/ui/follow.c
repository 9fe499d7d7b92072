/* Following an exec: the session (breakpoints, catchpoints, displays, the rest of the command file, the console)
   handed to the xtrace that re-executes itself for a foreign program, and restored there.

   The front end lives in the xtrace process, which an execve of a foreign program replaces (it re-executes
   xtrace on the new program). At the exec stop the session writes its state into a memfd and registers it with
   the target (dbg_set_frontend), which passes "--cli|--tui --ui-resume FD" to the new xtrace and keeps FD (and,
   for the TUI, the console's pty master and the real terminal) open across the execve. The new xtrace reads it
   before it starts (ui_resume_from) and, at its first stop, re-resolves every breakpoint by the text the user
   gave (a function name finds the new program's function; one not found stays pending, as in gdb), re-evaluates
   watchpoints (dropped, with a note, when their expression means nothing there), re-applies catchpoints
   (syscalls by name: the new program may be another architecture) and displays, reports the exec
   ("process N is executing new program: PATH", or the `catch exec' stop) and resumes as the old session would
   have (a continue goes on). Not carried: the value history, convenience variables, the undo log and the TUI's
   syscall log panel (they belong to the old image). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <readline/history.h>

#include "loader.h"
#include "ui_int.h"

static char *resume_buf;   /* the state read by ui_resume_from, NUL-terminated */
static size_t resume_len;  /* its length */

int ui_resuming(void) { return resume_buf != NULL; }

/* Text fields are written up to the end of the line (tabs would split them). */
static void put_text(FILE *f, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == '\t' || *s == '\n' ? ' ' : *s, f);
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int ui_exec_follow(struct ui *u, const struct dbg_stop *st)
{
    struct elf_probe pr;
    if (!st->path || loader_probe(st->path, &pr) < 0)
        return 0; /* a host program runs natively: no debugger there */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return 0;
    fprintf(f, "xtrace-ui-state 1\nop %d\nnext %d %d\npending %d\n", u->op.kind, u->bp_next, u->disp_next,
            u->pending_on);
    for (int i = 0; i < u->nbps; i++) {
        const struct ui_bp *b = &u->bps[i];
        if (b->kind == BP_BREAK) {
            fprintf(f, "break %d %d %d %d %d\t", b->num, b->enabled, b->temp, b->hw, b->hits);
            put_text(f, b->what);
            fputc('\t', f);
            put_text(f, b->cond);
        } else if (b->kind == BP_WATCH) {
            fprintf(f, "watch %d %d %d %d\t", b->num, b->enabled, b->wtype, b->hits);
            put_text(f, b->what);
        } else if (b->kind == BP_CATCH) {
            fprintf(f, "catch %d %d %d %d", b->num, b->enabled, b->hits, b->nsys);
            for (int k = 0; k < b->nsys; k++)
                fprintf(f, " %s", ui_sysname(u, b->sysnos[k]));
        } else if (b->kind == BP_EXEC) {
            fprintf(f, "catchexec %d %d %d", b->num, b->enabled, b->hits);
        }
        fputc('\n', f);
    }
    for (int i = 0; i < u->ndisp; i++) {
        fprintf(f, "display %d %d\t", u->disp[i].num, u->disp[i].fmt);
        put_text(f, u->disp[i].expr);
        fputc('\n', f);
    }
    int fds[4], nfds = 0;
    if (u->mode == UI_TUI && ui_console_master() >= 0 && !ui_get_board()) {
        fprintf(f, "console %d %d %d\n", ui_console_master(), ui_tty_in(), ui_tty_out());
        fds[1] = ui_console_master(), fds[2] = ui_tty_in(), fds[3] = ui_tty_out();
        nfds = 3;
    }
    fputs("script\n", f);
    if (u->script) { /* the rest of the -x file: the new session reads on from there */
        char chunk[4096];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, u->script)) > 0)
            fwrite(chunk, 1, n, f);
    }
    if (fclose(f) != 0) {
        free(buf);
        return 0;
    }
    int fd = memfd_create("xtrace-ui-state", MFD_CLOEXEC);
    if (fd < 0 || write_all(fd, buf, len) < 0 || lseek(fd, 0, SEEK_SET) < 0) {
        if (fd >= 0)
            close(fd);
        free(buf);
        return 0;
    }
    free(buf);
    fds[0] = fd;
    static char num[16];
    snprintf(num, sizeof num, "%d", fd);
    const char *args[] = {u->mode == UI_TUI ? "--tui" : "--cli", "--ui-resume", num, NULL};
    dbg_set_frontend(u->d, fds, nfds + 1, args);
    u->handoff_fd = fd;
    const char *hist = ui_history_path();
    if (u->interactive && hist)
        write_history(hist); /* the new session reads it back */
    fflush(NULL);
    return 1;
}

void ui_exec_abandon(struct ui *u)
{
    if (u->handoff_fd < 0)
        return;
    dbg_set_frontend(u->d, NULL, 0, NULL);
    close(u->handoff_fd);
    u->handoff_fd = -1;
}

int ui_resume_from(int fd)
{
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    for (;;) {
        if (!b)
            break;
        if (n + 1 >= cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
        }
        ssize_t r = read(fd, b + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(b);
            b = NULL;
        }
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (!b || strncmp(b, "xtrace-ui-state 1\n", 18)) {
        free(b);
        fprintf(stderr, "xtrace: bad debugger session hand-over on fd %d (xtrace passes it to itself across an exec)\n",
                fd);
        return -1;
    }
    b[n] = 0;
    resume_buf = b;
    resume_len = n;
    int m, ti, to;
    const char *c = strstr(b, "\nconsole ");
    const char *s = strstr(b, "\nscript\n");
    if (c && (!s || c < s) && sscanf(c + 9, "%d %d %d", &m, &ti, &to) == 3 && fcntl(m, F_GETFD) >= 0 &&
        fcntl(ti, F_GETFD) >= 0 && fcntl(to, F_GETFD) >= 0) {
        fcntl(m, F_SETFD, FD_CLOEXEC);
        fcntl(ti, F_SETFD, FD_CLOEXEC);
        fcntl(to, F_SETFD, FD_CLOEXEC);
        ui_console_adopt(m, ti, to);
    }
    return 0;
}

static void write_none(struct ui *u, const char *s, size_t n)
{
    (void)u, (void)s, (void)n;
}

/* The text after the first tab of line (up to the next tab when upto_tab), copied; NULL when empty. */
static char *field(const char *line, int nth)
{
    const char *p = line;
    for (int i = 0; i < nth && p; i++) {
        p = strchr(p, '\t');
        if (p)
            p++;
    }
    if (!p)
        return NULL;
    size_t n = strcspn(p, "\t");
    return n ? strndup(p, n) : NULL;
}

/* One line of state; notes collects what could not be carried over. */
static void restore_line(struct ui *u, char *line, char *notes, size_t nsz)
{
    int num, en, a, b2, c;
    struct ui_bp *b;
    if (sscanf(line, "break %d %d %d %d %d", &num, &en, &a, &b2, &c) == 5 && (b = ui_bp_new(u, BP_BREAK))) {
        b->num = num, b->temp = a, b->hw = b2, b->hits = c;
        b->what = field(line, 1);
        b->cond = field(line, 2);
        uint64_t addr;
        if (b->what && ui_location(u, b->what, &addr) == 0)
            b->addr = addr;
        else
            b->pending = 1;
        ui_bp_enable(u, b, en);
    } else if (sscanf(line, "watch %d %d %d %d", &num, &en, &a, &c) == 4) {
        char *what = field(line, 1);
        struct ui_val v;
        if (what && ui_eval(u, what, &v) == 0 && v.lval == 1 && (b = ui_bp_new(u, BP_WATCH))) {
            b->num = num, b->wtype = a, b->hits = c, b->what = what;
            b->addr = v.addr;
            b->len = v.t.ptr || v.t.kind == TY_CODE ? (unsigned)u->addr_digits / 2 : v.t.size;
            b->wval = v.v;
            ui_bp_enable(u, b, en);
        } else {
            size_t k = strlen(notes);
            snprintf(notes + k, nsz - k, "Watchpoint %d deleted: `%s' means nothing in the new program.\n", num,
                     what ? what : "");
            free(what);
        }
    } else if (sscanf(line, "catch %d %d %d %d%n", &num, &en, &c, &a, &b2) == 4 && (b = ui_bp_new(u, BP_CATCH))) {
        b->num = num, b->hits = c, b->nsys = a < 0 ? -1 : 0;
        if (a > 0)
            b->sysnos = calloc((size_t)a, sizeof *b->sysnos);
        char *save = NULL;
        for (char *t = strtok_r(line + b2, " ", &save); t && b->sysnos && b->nsys < a; t = strtok_r(NULL, " ", &save)) {
            int nr = ui_sysno(u, t);
            if (nr >= 0)
                b->sysnos[b->nsys++] = nr;
        }
        if (a > 0 && !b->nsys) { /* none of its syscalls exists here: it could never stop */
            size_t k = strlen(notes);
            snprintf(notes + k, nsz - k, "Catchpoint %d deleted: its syscalls do not exist in the new program.\n", num);
            ui_bp_delete(u, b);
            return;
        }
        ui_bp_enable(u, b, en);
    } else if (sscanf(line, "catchexec %d %d %d", &num, &en, &c) == 3 && (b = ui_bp_new(u, BP_EXEC))) {
        b->num = num, b->hits = c, b->enabled = en;
    } else if (sscanf(line, "display %d %d", &num, &a) == 2 && u->ndisp < 32) {
        char *e = field(line, 1);
        if (e)
            u->disp[u->ndisp++] = (struct ui_display){num, (char)a, e};
    }
}

FILE *ui_exec_resume(struct ui *u, FILE *script)
{
    if (!resume_buf)
        return script;
    char *s = resume_buf, *rest = strstr(s, "\nscript\n");
    size_t state_len = rest ? (size_t)(rest - s) + 1 : resume_len;
    int op = 0, bpn = 0, dpn = 0;
    static char notes[4096];
    notes[0] = 0;
    void (*w)(struct ui *, const char *, size_t) = u->write;
    u->write = write_none; /* re-resolving says nothing; the pending ones show in info breakpoints */
    for (char *line = s, *nl; line < s + state_len && (nl = strchr(line, '\n')); line = nl + 1) {
        *nl = 0;
        if (sscanf(line, "op %d", &op) == 1 || sscanf(line, "next %d %d", &bpn, &dpn) == 2 ||
            sscanf(line, "pending %d", &u->pending_on) == 1)
            continue;
        restore_line(u, line, notes, sizeof notes);
    }
    u->write = w;
    if (bpn > u->bp_next)
        u->bp_next = bpn;
    if (dpn > u->disp_next)
        u->disp_next = dpn;
    FILE *f = script;
    if (rest && rest[8]) {
        size_t n = strlen(rest + 8);
        char *copy = malloc(n);
        if (copy) {
            memcpy(copy, rest + 8, n);
            f = fmemopen(copy, n, "r"); /* the copy lives as long as the process */
        }
    }
    u->script = f;
    ui_printf(u, "process %d is executing new program: %s\n%s", (int)getpid(), u->p->exe_path, notes);
    for (int i = 0; i < u->nbps; i++) {
        struct ui_bp *b = &u->bps[i];
        if (b->kind == BP_EXEC && b->enabled) {
            b->hits++;
            ui_printf(u, "\nCatchpoint %d (exec'd %s), ", b->num, u->p->exe_path);
            ui_take_snapshot(u);
            ui_print_location(u, 1);
            ui_do_displays(u);
            return f;
        }
    }
    if (op == OP_CONT || op == OP_FINISH || op == OP_UNTIL) { /* the old program's continue goes on here */
        struct run_op ro = {.kind = OP_CONT};
        if (ui_start(u, &ro) == 0 && u->mode == UI_CLI)
            while (!ui_poll(u, 100))
                if (u->intr) {
                    u->intr = 0;
                    ui_interrupt(u);
                }
        return f;
    }
    ui_take_snapshot(u); /* a step ends at the new program's first instruction */
    ui_print_location(u, 1);
    ui_do_displays(u);
    return f;
}
