/* Local debug target: stops guest threads in place (all-stop through the emulator lock), breakpoints as
   decode-time trap ops, watchpoints as decode-time checks before memory ops, exact single steps.
   A target created by dbg_new_backend (src/remote) sends every front-end call to its operations instead. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bcache.h"
#include "debug.h"
#include "emu.h"
#include "mem.h"
#include "sigdeliver.h"
#include "wake.h"

#define MAX_BP 256
#define MAX_WP 32
#define MAX_FE_FDS 4
#define MAX_FE_ARGS 8

struct watch {
    uint64_t addr;               /* first watched byte */
    unsigned len;                /* bytes watched */
    int type;                    /* enum dbg_watch */
};

struct dbg {
    struct emu_proc *p;          /* the debugged process */
    pthread_mutex_t mu;          /* protects everything below */
    pthread_cond_t cv;           /* stop/resume handshakes */
    uint64_t bp[MAX_BP];         /* breakpoint addresses */
    int nbp;                     /* breakpoints set */
    struct watch wp[MAX_WP];     /* watchpoints */
    int nwp;                     /* watchpoints set */
    int stopped;                 /* a guest thread is parked in dbg_report */
    int reported;                /* the front end has seen the current stop */
    struct dbg_stop stop;        /* the current stop */
    struct emu_cpu *stop_cpu;    /* the parked thread */
    unsigned long resume_gen;    /* bumped by every resume */
    enum dbg_mode mode;          /* how the target was resumed */
    int step_tid;                /* thread to single-step */
    int resume_sig;              /* signal to deliver on resume */
    int interrupt;               /* an interrupt was requested */
    int detached;                /* no front end any more */
    int catch_all;               /* stop at every syscall */
    uint64_t catch_set[8];       /* syscalls to stop at (bit per number < 512) */
    uint64_t pass_sigs;          /* signals not reported */
    int fe_fds[MAX_FE_FDS];      /* the front end's own fds (closed in forked children) */
    int nfe_fds;                 /* entries used */
    char *fe_args[MAX_FE_ARGS + 1]; /* options handing the front end over to a re-executed xtrace, or none */
    int hold_forks;              /* forked children wait for the front end's verdict */
    void (*follow)(void *, struct dbg *); /* starts a front end in a followed child */
    void *follow_ctx;            /* its argument */
    int verdict_fd;              /* parent: write end to the held child, or -1 */
    int verdict_rd;              /* between prepare and fork: the child's read end, or -1 */
    const struct dbg_backend *ops; /* a target outside the emulator, or NULL for the local one */
    void *ops_ctx;               /* its state */
};

/* Front-end calls on a backend target go to its operations (the local path pays one predictable branch). */
#define BACKEND(call) do { if (d->ops) return d->ops->call; } while (0)
#define BACKEND_VOID(call) do { if (d->ops) { d->ops->call; return; } } while (0)

struct dbg *dbg_new(struct emu_proc *p)
{
    struct dbg *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->p = p;
    pthread_mutex_init(&d->mu, NULL);
    pthread_cond_init(&d->cv, NULL);
    d->mode = DBG_CONTINUE;
    d->verdict_fd = d->verdict_rd = -1;
    p->dbg = d;
    return d;
}

struct dbg *dbg_new_backend(struct emu_proc *p, const struct dbg_backend *ops, void *ctx)
{
    struct dbg *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->p = p;
    d->ops = ops;
    d->ops_ctx = ctx;
    pthread_mutex_init(&d->mu, NULL);
    pthread_cond_init(&d->cv, NULL);
    p->dbg = d;
    return d;
}

int dbg_close(struct dbg *d)
{
    if (!d->ops)
        return 0;
    d->ops->close(d->ops_ctx);
    return 1;
}

struct emu_proc *dbg_proc(struct dbg *d) { return d->p; }

static void sync_attention(struct dbg *d)
{
    d->p->dbg_attention = d->interrupt || d->mode == DBG_STEP;
}

/* ---- guest side ---- */

int dbg_report(struct emu_cpu *c, struct dbg_stop *st)
{
    struct dbg *d = c->proc->dbg;
    if (!d || d->detached)
        return st->kind == DBG_STOP_SIGNAL ? st->sig : 0;
    pthread_mutex_lock(&d->mu);
    if (st->kind == DBG_STOP_SIGNAL && (d->pass_sigs >> (st->sig - 1) & 1)) {
        pthread_mutex_unlock(&d->mu);
        return st->sig;
    }
    st->tid = c->tid;
    st->pc = c->pc & ~1ull; /* the instruction address: bit 0 of an arm pc is the Thumb state */
    d->stop = *st;
    d->stop_cpu = c;
    d->stopped = 1;
    d->reported = 0;
    d->interrupt = 0;
    d->mode = DBG_CONTINUE;
    sync_attention(d);
    unsigned long gen = d->resume_gen;
    pthread_cond_broadcast(&d->cv);
    while (d->resume_gen == gen && !d->detached)
        pthread_cond_wait(&d->cv, &d->mu);
    d->stopped = 0;
    int sig = d->resume_sig;
    d->resume_sig = 0;
    pthread_mutex_unlock(&d->mu);
    return sig;
}

int dbg_is_bp(struct dbg *d, uint64_t pc)
{
    if (!d || d->detached)
        return 0;
    for (int i = 0; i < d->nbp; i++)
        if (d->bp[i] == pc)
            return 1;
    return 0;
}

int dbg_watching(struct dbg *d)
{
    return d && !d->detached && d->nwp > 0;
}

/* Leaves the block after a stop inside it: while stopped, the front end may have inserted or removed
   breakpoints and watchpoints or written code, so the rest of this block is stale; the run loop decodes afresh. */
static const struct op *leave_block(struct emu_cpu *c)
{
    if (c->stop == STOP_NONE)
        c->stop = STOP_DEBUG;
    return NULL;
}

const struct op *dbg_op_break(struct emu_cpu *c, const struct op *o)
{
    struct dbg *d = c->proc->dbg;
    c->pc = o->pc;
    struct dbg_stop st = {.kind = DBG_STOP_BREAK, .sig = SIGTRAP, .addr = o->pc};
    int sig = dbg_report(c, &st);
    if (sig) {
        struct sig_info si = {.code = 0, .pid = 0, .uid = 0, .addr = 0};
        sig_queue(c, sig, &si);
    }
    if (c->pc != o->pc || d->mode == DBG_STEP || c->stop != STOP_NONE || (c->pending & ~c->sigmask))
        return leave_block(c);
    /* Run this one instruction (with its watch check) without trapping again, then leave the block. */
    const struct op *insn = o + 1;
    struct op one[6];
    int n = 0;
    if (insn->fn == dbg_op_watch)
        one[n++] = *insn++;
    one[n++] = *insn;
    /* an instruction may decode to several ops (arm: a set-r15 op, then the instruction); o->aux counts the
       ops after the break op that belong to it */
    for (int k = n + 1; k <= o->aux && n < 5; k++)
        one[n++] = o[k];
    memset(&one[n], 0, sizeof one[n]);
    one[n].fn = bcache_op_goto;
    one[n].pc = insn->pc + insn->len;
    one[n].imm = (int64_t)one[n].pc;
    one[0].fn(c, one);
    return leave_block(c);
}

/* Runs the memory op at o alone (a two-op block with a terminator), for watch reporting after the access. */
static const struct op *op_end(struct emu_cpu *c, const struct op *o)
{
    (void)c, (void)o;
    return NULL;
}

static uint64_t peek(struct mem *m, uint64_t a, unsigned len)
{
    uint64_t v = 0;
    if (len > 8)
        len = 8;
    if (mem_check(m, a, len, MEM_R))
        memcpy(&v, mem_host(m, a), len);
    return v;
}

const struct op *dbg_op_watch(struct emu_cpu *c, const struct op *o)
{
    struct dbg *d = c->proc->dbg;
    const struct op *mop = o + 1;
    uint64_t addr;
    unsigned len;
    int kind = c->proc->isa->mem_ref(c, mop, &addr, &len);
    const struct watch *hit = NULL;
    for (int i = 0; d && i < d->nwp && kind; i++) {
        const struct watch *w = &d->wp[i];
        if (addr < w->addr + w->len && w->addr < addr + len && ((w->type & DBG_WATCH_WRITE && kind & 2) ||
                                                                 (w->type & DBG_WATCH_READ && kind & 1))) {
            hit = w;
            break;
        }
    }
    if (!hit)
        return mop->fn(c, mop);
    struct mem *m = c->proc->mem;
    uint64_t oldv = peek(m, hit->addr, hit->len);
    struct op one[2] = {*mop, {0}};
    one[1].fn = op_end;
    uint64_t pc_before = c->pc;
    one[0].fn(c, one);
    if (c->stop != STOP_NONE) /* the access faulted: the signal is reported instead */
        return NULL;
    uint64_t next_pc = mop->pc + mop->len;
    if (c->pc == pc_before || c->pc == mop->pc)
        c->pc = next_pc;
    else
        next_pc = c->pc; /* the memory op was also a jump (unlikely but possible on some ISAs) */
    struct dbg_stop st = {.kind = DBG_STOP_WATCH, .sig = SIGTRAP, .addr = hit->addr, .len = hit->len,
                          .watch = (kind & 2) && (hit->type & DBG_WATCH_WRITE) ? (hit->type == DBG_WATCH_ACCESS ? DBG_WATCH_ACCESS : DBG_WATCH_WRITE)
                                                                             : hit->type,
                          .old_val = oldv, .new_val = peek(m, hit->addr, hit->len), .insn_pc = mop->pc};
    dbg_report(c, &st);
    return leave_block(c);
}

int dbg_attention(struct emu_cpu *c)
{
    struct dbg *d = c->proc->dbg;
    if (!d)
        return 0;
    pthread_mutex_lock(&d->mu);
    int intr = d->interrupt, step = d->mode == DBG_STEP && (d->step_tid <= 0 || d->step_tid == c->tid);
    pthread_mutex_unlock(&d->mu);
    if (intr) {
        struct dbg_stop st = {.kind = DBG_STOP_INTERRUPT, .sig = SIGINT};
        dbg_report(c, &st);
        pthread_mutex_lock(&d->mu);
        step = d->mode == DBG_STEP && (d->step_tid <= 0 || d->step_tid == c->tid);
        pthread_mutex_unlock(&d->mu);
    }
    return step;
}

void dbg_step_done(struct emu_cpu *c)
{
    struct dbg_stop st = {.kind = DBG_STOP_STEP, .sig = SIGTRAP};
    int sig = dbg_report(c, &st);
    if (sig) {
        struct sig_info si = {.code = 0, .pid = 0, .uid = 0, .addr = 0};
        sig_queue(c, sig, &si);
    }
}

/* ---- front-end side ---- */

int dbg_wait(struct dbg *d, struct dbg_stop *st, int timeout_ms)
{
    BACKEND(wait(d->ops_ctx, st, timeout_ms));
    pthread_mutex_lock(&d->mu);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    if (timeout_ms >= 0) {
        until.tv_sec += timeout_ms / 1000;
        until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L)
            until.tv_sec++, until.tv_nsec -= 1000000000L;
    }
    while (!(d->stopped && !d->reported)) {
        if (timeout_ms < 0)
            pthread_cond_wait(&d->cv, &d->mu);
        else if (pthread_cond_timedwait(&d->cv, &d->mu, &until) == ETIMEDOUT)
            break;
    }
    int got = d->stopped && !d->reported;
    if (got) {
        d->reported = 1;
        *st = d->stop;
    }
    pthread_mutex_unlock(&d->mu);
    return got;
}

void dbg_resume(struct dbg *d, enum dbg_mode mode, int tid, int sig)
{
    BACKEND_VOID(resume(d->ops_ctx, mode, tid, sig));
    pthread_mutex_lock(&d->mu);
    d->mode = mode;
    d->step_tid = tid > 0 ? tid : d->stop_cpu ? d->stop_cpu->tid : 0;
    d->resume_sig = sig;
    d->resume_gen++;
    sync_attention(d);
    pthread_cond_broadcast(&d->cv);
    pthread_mutex_unlock(&d->mu);
}

void dbg_interrupt(struct dbg *d)
{
    BACKEND_VOID(interrupt(d->ops_ctx));
    pthread_mutex_lock(&d->mu);
    int wake = !d->stopped;
    if (wake)
        __atomic_store_n(&d->interrupt, 1, __ATOMIC_SEQ_CST);
    sync_attention(d);
    pthread_mutex_unlock(&d->mu);
    /* Threads blocked in host calls (read on a pipe, nanosleep, futex...) are kicked out of them: the call is
       restarted once resumed, and the stop is reported at the syscall instruction. The list is read without the
       emulator lock (a running thread holds it); cpus are never freed, so a racing thread exit is harmless. */
    for (struct emu_cpu *c = wake ? d->p->threads : NULL; c; c = c->next_thread)
        emu_wake(c);
}

void dbg_set_frontend(struct dbg *d, const int *fds, int nfds, const char *const *args)
{
    pthread_mutex_lock(&d->mu);
    d->nfe_fds = 0;
    for (int i = 0; i < nfds && i < MAX_FE_FDS; i++)
        if (fds[i] >= 0)
            d->fe_fds[d->nfe_fds++] = fds[i];
    for (int i = 0; d->fe_args[i]; i++) {
        free(d->fe_args[i]);
        d->fe_args[i] = NULL;
    }
    for (int i = 0; args && args[i] && i < MAX_FE_ARGS; i++)
        d->fe_args[i] = strdup(args[i]);
    pthread_mutex_unlock(&d->mu);
}

void dbg_hold_forks(struct dbg *d, int on, void (*follow)(void *ctx, struct dbg *d), void *ctx)
{
    if (d->ops)
        return;
    pthread_mutex_lock(&d->mu);
    d->hold_forks = on;
    d->follow = follow;
    d->follow_ctx = ctx;
    pthread_mutex_unlock(&d->mu);
}

void dbg_fork_release(struct dbg *d, int follow)
{
    if (d->ops)
        return;
    pthread_mutex_lock(&d->mu);
    int fd = d->verdict_fd;
    d->verdict_fd = -1;
    pthread_mutex_unlock(&d->mu);
    if (fd >= 0) {
        char v = follow ? 'f' : 'r';
        ssize_t w = write(fd, &v, 1);
        (void)w;
        close(fd);
    }
}

int dbg_fork_prepare(struct dbg *d)
{
    if (!d || d->ops || d->detached)
        return 0;
    dbg_fork_release(d, 0); /* a child still held from before runs on */
    pthread_mutex_lock(&d->mu);
    int hold = d->hold_forks && d->follow, fds[2];
    if (hold && pipe2(fds, O_CLOEXEC) == 0) {
        d->verdict_rd = fds[0];
        d->verdict_fd = fds[1];
    } else {
        hold = 0;
    }
    pthread_mutex_unlock(&d->mu);
    return hold;
}

void dbg_fork_parent(struct dbg *d, int pid)
{
    if (!d || d->verdict_rd < 0)
        return;
    close(d->verdict_rd);
    d->verdict_rd = -1;
    if (pid < 0) {
        close(d->verdict_fd);
        d->verdict_fd = -1;
    }
}

void dbg_fork_child(struct emu_cpu *c)
{
    struct emu_proc *p = c->proc;
    struct dbg *d = p->dbg;
    if (!d)
        return;
    /* The parent's front-end thread does not exist here and d->mu may have been held by it at the fork:
       the lock is not taken before it is made anew. */
    char v = 'r';
    if (d->verdict_rd >= 0) {
        close(d->verdict_fd);
        while (read(d->verdict_rd, &v, 1) < 0 && errno == EINTR)
            ;
        close(d->verdict_rd);
    }
    d->verdict_fd = d->verdict_rd = -1;
    if (v == 'f') { /* followed: this process keeps the breakpoints it inherited and gets its own front end */
        pthread_mutex_init(&d->mu, NULL);
        pthread_cond_init(&d->cv, NULL);
        d->stopped = d->reported = d->interrupt = 0;
        d->mode = DBG_CONTINUE;
        d->stop_cpu = NULL;
        sync_attention(d);
        c->proc->isa->sys_ret(c, 0); /* the child's fork result, as the front end will see it */
        d->follow(d->follow_ctx, d);
        struct dbg_stop st = {.kind = DBG_STOP_START, .sig = SIGTRAP};
        dbg_report(c, &st);
        return;
    }
    /* The sockets are closed (not shut down: the connection stays the parent's). */
    for (int i = 0; i < d->nfe_fds; i++)
        close(d->fe_fds[i]);
    p->dbg = NULL;
    p->dbg_attention = 0;
    bcache_invalidate(p->bc);
}

static void set_cloexec(struct dbg *d, int on)
{
    for (int i = 0; i < d->nfe_fds; i++) {
        int fl = fcntl(d->fe_fds[i], F_GETFD);
        if (fl >= 0)
            fcntl(d->fe_fds[i], F_SETFD, on ? fl | FD_CLOEXEC : fl & ~FD_CLOEXEC);
    }
}

const char *const *dbg_exec_prepare(struct dbg *d)
{
    if (!d || d->ops || d->detached || !d->fe_args[0])
        return NULL;
    set_cloexec(d, 0);
    return (const char *const *)d->fe_args;
}

void dbg_exec_failed(struct dbg *d)
{
    if (d && !d->ops && d->fe_args[0])
        set_cloexec(d, 1);
}

int dbg_interrupt_requested(struct dbg *d)
{
    return !d->ops && !d->detached && __atomic_load_n(&d->interrupt, __ATOMIC_SEQ_CST);
}

void dbg_detach(struct dbg *d)
{
    BACKEND_VOID(detach(d->ops_ctx));
    pthread_mutex_lock(&d->mu);
    d->nbp = d->nwp = 0;
    d->catch_all = 0;
    memset(d->catch_set, 0, sizeof d->catch_set);
    d->detached = 1;
    d->mode = DBG_CONTINUE;
    d->interrupt = 0;
    d->resume_gen++;
    sync_attention(d);
    bcache_invalidate(d->p->bc);
    pthread_cond_broadcast(&d->cv);
    pthread_mutex_unlock(&d->mu);
}

int dbg_insert_bp(struct dbg *d, uint64_t addr)
{
    BACKEND(insert_bp(d->ops_ctx, addr, 0));
    pthread_mutex_lock(&d->mu);
    int r = 0;
    if (!dbg_is_bp(d, addr)) {
        if (d->nbp == MAX_BP)
            r = -ENOSPC;
        else
            d->bp[d->nbp++] = addr;
    }
    pthread_mutex_unlock(&d->mu);
    bcache_invalidate(d->p->bc);
    return r;
}

int dbg_insert_hwbp(struct dbg *d, uint64_t addr)
{
    BACKEND(insert_bp(d->ops_ctx, addr, 1));
    return dbg_insert_bp(d, addr);
}

int dbg_remove_bp(struct dbg *d, uint64_t addr)
{
    BACKEND(remove_bp(d->ops_ctx, addr));
    pthread_mutex_lock(&d->mu);
    for (int i = 0; i < d->nbp; i++)
        if (d->bp[i] == addr) {
            d->bp[i] = d->bp[--d->nbp];
            break;
        }
    pthread_mutex_unlock(&d->mu);
    bcache_invalidate(d->p->bc);
    return 0;
}

int dbg_insert_wp(struct dbg *d, int type, uint64_t addr, unsigned len)
{
    BACKEND(insert_wp(d->ops_ctx, type, addr, len));
    if (!len || type < DBG_WATCH_WRITE || type > DBG_WATCH_ACCESS || !d->p->isa->mem_ref)
        return -EINVAL;
    pthread_mutex_lock(&d->mu);
    int r = 0;
    if (d->nwp == MAX_WP)
        r = -ENOSPC;
    else
        d->wp[d->nwp++] = (struct watch){addr, len, type};
    pthread_mutex_unlock(&d->mu);
    bcache_invalidate(d->p->bc);
    return r;
}

int dbg_remove_wp(struct dbg *d, int type, uint64_t addr, unsigned len)
{
    BACKEND(remove_wp(d->ops_ctx, type, addr, len));
    pthread_mutex_lock(&d->mu);
    int r = -ENOENT;
    for (int i = 0; i < d->nwp; i++)
        if (d->wp[i].addr == addr && d->wp[i].len == len && d->wp[i].type == type) {
            d->wp[i] = d->wp[--d->nwp];
            r = 0;
            break;
        }
    pthread_mutex_unlock(&d->mu);
    bcache_invalidate(d->p->bc);
    return r;
}

void dbg_catch_syscalls(struct dbg *d, const int *nos, int n)
{
    if (d->ops)
        return; /* a board has no syscalls to catch */
    pthread_mutex_lock(&d->mu);
    memset(d->catch_set, 0, sizeof d->catch_set);
    d->catch_all = n < 0;
    for (int i = 0; i < n; i++)
        if (nos[i] >= 0 && nos[i] < 512)
            d->catch_set[nos[i] / 64] |= 1ull << (nos[i] % 64);
    pthread_mutex_unlock(&d->mu);
}

int dbg_catching(struct dbg *d, int nr)
{
    if (!d || d->detached)
        return 0;
    return d->catch_all || (nr >= 0 && nr < 512 && (d->catch_set[nr / 64] >> (nr % 64) & 1));
}

void dbg_pass_signals(struct dbg *d, uint64_t set)
{
    if (d->ops)
        return;
    pthread_mutex_lock(&d->mu);
    d->pass_sigs = set;
    pthread_mutex_unlock(&d->mu);
}

struct emu_cpu *dbg_thread(struct dbg *d, int tid)
{
    BACKEND(thread(d->ops_ctx, tid));
    if (tid <= 0)
        return d->stop_cpu ? d->stop_cpu : d->p->threads;
    for (struct emu_cpu *c = d->p->threads; c; c = c->next_thread)
        if (c->tid == tid)
            return c;
    return NULL;
}

int dbg_threads(struct dbg *d, int *tids, int max)
{
    BACKEND(threads(d->ops_ctx, tids, max));
    int n = 0;
    for (struct emu_cpu *c = d->p->threads; c && n < max; c = c->next_thread)
        tids[n++] = c->tid;
    return n;
}

int dbg_read_mem(struct dbg *d, uint64_t addr, void *buf, size_t len)
{
    BACKEND(read_mem(d->ops_ctx, addr, buf, len));
    struct mem *m = d->p->mem;
    if (!mem_check(m, addr, len, MEM_R))
        return -EFAULT;
    memcpy(buf, mem_host(m, addr), len);
    return 0;
}

int dbg_write_mem(struct dbg *d, uint64_t addr, const void *buf, size_t len)
{
    BACKEND(write_mem(d->ops_ctx, addr, buf, len));
    int r = mem_poke(d->p->mem, addr, buf, len); /* may patch read-only text, like ptrace does */
    bcache_invalidate(d->p->bc);
    return r;
}

static const struct isa_reg *gdb_reg(struct dbg *d, int regno)
{
    const struct isa_reg *r = d->p->isa->gdb_regs;
    for (int i = 0; r && r[i].name; i++)
        if (i == regno)
            return &r[i];
    return NULL;
}

int dbg_read_reg(struct dbg *d, int tid, int regno, uint64_t *val)
{
    BACKEND(read_reg(d->ops_ctx, tid, regno, val));
    struct emu_cpu *c = dbg_thread(d, tid);
    const struct isa_reg *r = gdb_reg(d, regno);
    if (!c || !r)
        return -EINVAL;
    if (r->get) {
        *val = r->get(c);
    } else {
        *val = 0;
        memcpy(val, (const char *)c + r->offset, r->bits / 8 > 8 ? 8 : r->bits / 8);
    }
    return (int)(r->bits / 8);
}

int dbg_write_reg(struct dbg *d, int tid, int regno, uint64_t val)
{
    BACKEND(write_reg(d->ops_ctx, tid, regno, val));
    struct emu_cpu *c = dbg_thread(d, tid);
    const struct isa_reg *r = gdb_reg(d, regno);
    if (!c || !r)
        return -EINVAL;
    if (r->set)
        r->set(c, val);
    else if (!r->get)
        memcpy((char *)c + r->offset, &val, r->bits / 8 > 8 ? 8 : r->bits / 8);
    else
        return -EPERM;
    return 0;
}
