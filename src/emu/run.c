/* Run loop: executes blocks, turns host faults inside guest code into guest signals, applies default actions. */
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bcache.h"
#include "debug.h"
#include "emu.h"
#include "mem.h"
#include "sigdeliver.h"
#include "trace.h"
#include "wake.h"

static __thread struct emu_cpu *cur_cpu;     /* the guest thread running on this host thread */
static __thread volatile int in_guest;        /* set while ops execute */

struct emu_cpu *emu_current(void)
{
    return cur_cpu;
}

void emu_warn(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n > sizeof buf - 2)
        n = (int)sizeof buf - 2;
    buf[n++] = '\n';
    fputs("xtrace: ", stderr);
    fwrite(buf, 1, (size_t)n, stderr);
}

void emu_raise(struct emu_cpu *c, int sig, int code, uint64_t addr)
{
    c->stop = STOP_SIGNAL;
    c->sig = sig;
    c->sig_code = code;
    c->sig_addr = addr;
}

/* Host SIGSEGV/SIGBUS: a guest access hit an unmapped, protected or code page. */
static void on_host_fault(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    struct emu_cpu *c = cur_cpu;
    if (c && in_guest) {
        struct mem *m = c->proc->mem;
        uint8_t *a = si->si_addr;
        if (a >= m->base && a < m->base + m->limit + MEM_PAGE) {
            uint64_t ga = (uint64_t)(a - m->base);
            if (sig == SIGSEGV && mem_code_write_fault(m, ga))
                return; /* the store is retried on a now-writable page */
            in_guest = 0;
            if (c->cur)
                c->pc = c->cur->pc;
            /* The host sees the PROT_NONE reservation; the guest must see "not mapped" there. */
            int code = si->si_code;
            if (sig == SIGSEGV)
                code = ga < m->limit && (m->pflags[ga / MEM_PAGE] & MEM_MAPPED) ? SEGV_ACCERR : SEGV_MAPERR;
            emu_raise(c, sig, code, ga);
            siglongjmp(c->fault_jmp, 1);
        }
    }
    /* A fault in xtrace itself: say so and die by the same signal. */
    static const char msg[] = "xtrace: internal error: host fault outside guest code (this is a bug in xtrace)\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_fault_handlers(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_host_fault;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

void emu_lock(struct emu_proc *p)
{
    if (pthread_mutex_trylock(&p->lock) == 0)
        return;
    __atomic_add_fetch(&p->waiters, 1, __ATOMIC_RELAXED);
    pthread_mutex_lock(&p->lock);
    __atomic_sub_fetch(&p->waiters, 1, __ATOMIC_RELAXED);
}

void emu_unlock(struct emu_proc *p)
{
    pthread_mutex_unlock(&p->lock);
}

void emu_exit_process(struct emu_proc *p, int status)
{
    if (p->dbg && cur_cpu) {
        struct dbg_stop st = {.kind = DBG_STOP_EXIT, .status = status};
        dbg_report(cur_cpu, &st);
    }
    fflush(stdout);
    if (p->trace)
        trace_exited(p->trace, status);
    fflush(NULL);
    _exit(status);
}

void emu_die_signal(struct emu_proc *p, int sig)
{
    if (p->dbg && cur_cpu) {
        struct dbg_stop st = {.kind = DBG_STOP_KILLED, .sig = sig};
        dbg_report(cur_cpu, &st);
    }
    struct rlimit rl = {0, 0};
    setrlimit(RLIMIT_CORE, &rl); /* the crash report replaces a core file of xtrace itself */
    fflush(NULL);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}

/* A thread leaves: clear_child_tid is zeroed and its futex woken, as the kernel does at thread exit. */
static void thread_exit(struct emu_cpu *c)
{
    struct emu_proc *p = c->proc;
    if (c->clear_child_tid) {
        uint32_t *w = mem_ptr(p->mem, c->clear_child_tid, 4, MEM_W);
        if (w) {
            __atomic_store_n(w, 0, __ATOMIC_SEQ_CST);
            syscall(SYS_futex, w, FUTEX_WAKE, 1, NULL, NULL, 0);
        }
    }
    p->nthreads--;
    for (struct emu_cpu **pp = &p->threads; *pp; pp = &(*pp)->next_thread)
        if (*pp == c) {
            *pp = c->next_thread;
            break;
        }
    emu_unlock(p);
    pthread_exit(NULL);
}

void emu_run(struct emu_cpu *c)
{
    struct emu_proc *p = c->proc;
    install_fault_handlers();
    emu_wake_init();
    cur_cpu = c;
    c->host_tid = (int)syscall(SYS_gettid);
    volatile unsigned slice = 0;
    sigsetjmp(c->fault_jmp, 0);
    for (;;) {
        if (__builtin_expect(c->stop != STOP_NONE || (c->pending & ~c->sigmask), 0)) {
            if (c->stop == STOP_EXIT) {
                if (c->exit_group || p->nthreads <= 1)
                    emu_exit_process(p, c->exit_code);
                thread_exit(c);
            }
            int r = 0;
            if (c->stop == STOP_DEBUG) {
                c->stop = STOP_NONE;
                continue;
            }
            if (c->stop == STOP_SIGNAL) {
                c->stop = STOP_NONE;
                r = sig_deliver_sync(c);
            }
            if (!r)
                r = sig_deliver_pending(c);
            if (r < 0)
                emu_die_signal(p, -r);
            continue;
        }
        /* The debugger asked for attention: an interrupt, or a single step of exactly one instruction. */
        if (__builtin_expect(p->dbg_attention, 0) && dbg_attention(c)) {
            struct block *b = bcache_lookup(p, c->pc, 1);
            if (!b) {
                int mapped = mem_check(p->mem, c->pc, 1, MEM_R);
                emu_raise(c, SIGSEGV, mapped ? SEGV_ACCERR : SEGV_MAPERR, c->pc);
                continue;
            }
            in_guest = 1;
            b->ops[0].fn(c, b->ops);
            in_guest = 0;
            c->instret++;
            if (c->stop == STOP_NONE || c->stop == STOP_DEBUG) {
                c->stop = STOP_NONE;
                dbg_step_done(c);
            }
            continue;
        }
        /* Other guest threads get the lock every few thousand blocks. */
        if (__builtin_expect(p->waiters != 0, 0) && ++slice >= 256) {
            slice = 0;
            emu_unlock(p);
            sched_yield();
            emu_lock(p);
        }
        /* Fast path: run blocks back to back until an op asks to stop or a signal becomes deliverable. */
        in_guest = 1;
        unsigned n = 0;
        do {
            struct block *b = bcache_find(p->bc, c->pc);
            if (__builtin_expect(!b, 0) && !(b = bcache_lookup(p, c->pc, BCACHE_MAX_INSNS))) {
                in_guest = 0;
                int mapped = mem_check(p->mem, c->pc, 1, MEM_R);
                emu_raise(c, SIGSEGV, mapped ? SEGV_ACCERR : SEGV_MAPERR, c->pc);
                c->cur = NULL;
                break;
            }
            b->ops[0].fn(c, b->ops);
            c->instret += b->ninsn;
        } while (__builtin_expect(c->stop == STOP_NONE && !(c->pending & ~c->sigmask) && !p->dbg_attention &&
                                      (++n & 4095), 1));
        in_guest = 0;
    }
}

static void *guest_thread(void *arg)
{
    struct emu_cpu *c = arg;
    struct emu_proc *p = c->proc;
    /* The first guest thread keeps tid == pid, as a main thread has, though a front end holds the host's main
       thread; the guest's view of itself (gettid, tgkill, gdb's thread ids) stays the kernel's. */
    c->tid = (int)getpid();
    emu_lock(p);
    cur_cpu = c;
    if (p->dbg) {
        struct dbg_stop st = {.kind = DBG_STOP_START, .sig = SIGTRAP};
        dbg_report(c, &st);
    }
    emu_run(c);
}

int emu_start_thread(struct emu_cpu *c)
{
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int r = pthread_create(&th, &attr, guest_thread, c);
    pthread_attr_destroy(&attr);
    return -r;
}
