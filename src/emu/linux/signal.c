/* Guest signals: dispositions, masks, queueing, delivery through the ISA's frame code, and their syscalls. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "crash.h"
#include "debug.h"
#include "sigdeliver.h"
#include "sys.h"
#include "trace.h"
#include "wake.h"

/* Guest SA_* and SS_* values (generic numbering). */
#define G_SA_SIGINFO 0x00000004u
#define G_SA_ONSTACK 0x08000000u
#define G_SA_RESTART 0x10000000u
#define G_SA_NODEFER 0x40000000u
#define G_SA_RESETHAND 0x80000000u
#define G_SS_ONSTACK 1
#define G_SS_DISABLE 2
#define BIT(s) (1ull << ((s) - 1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))

static int valid_sig(uint64_t s) { return s >= 1 && s <= 64; }

/* Default disposition: 0 ignore, 1 terminate, 2 terminate with core, 3 stop (SIGCONT's "continue" is
   the host kernel's job: it resumes the stopped host process). */
static int default_action(int sig)
{
    switch (sig) {
    case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
        return 0;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return 3;
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS: case SIGFPE:
    case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
        return 2;
    default:
        return 1;
    }
}

/* Signals whose guest mask is mirrored on the host thread, so that a signal the guest blocks stays pending
   in the host kernel (where signalfd and sigtimedwait find it, where it interrupts nothing, and where
   realtime signals keep every queued instance with its value): guest signal n is host signal n, for the
   classic signals except the synchronous faults xtrace takes itself and the unblockable ones, and for the
   realtime ones except three the host process owns and a guest therefore cannot hold there:
   32 and 33 (the host C library's cancellation and set*id broadcast signals, which its pthread_sigmask and
   sigaction refuse to touch) and EMU_WAKE_SIG, 62 (xtrace's own wake-up signal, wake.c). Those three work
   only through the emulator's queue: a guest that sends them to itself while blocked still finds them with
   sigtimedwait/sigpending, but a signalfd does not see them and a second instance is merged with the first. */
int sig_host_maskable(int sig)
{
    if (sig >= 32)
        return sig <= 64 && sig != 32 && sig != 33 && sig != EMU_WAKE_SIG;
    return sig >= 1 && sig != SIGSEGV && sig != SIGBUS && sig != SIGILL && sig != SIGFPE && sig != SIGTRAP &&
           sig != SIGKILL && sig != SIGSTOP;
}

void sig_host_mask(uint64_t guest_mask)
{
    sigset_t blk, unb;
    sigemptyset(&blk);
    sigemptyset(&unb);
    for (int s = 1; s <= 64; s++)
        if (sig_host_maskable(s))
            sigaddset(guest_mask & BIT(s) ? &blk : &unb, s);
    pthread_sigmask(SIG_BLOCK, &blk, NULL);
    pthread_sigmask(SIG_UNBLOCK, &unb, NULL);
}

/* The blocked mask survives execve: a re-executed xtrace starts with the host thread blocking what the guest
   blocked, and the guest takes that over at its first signal syscall (before it nothing can be delivered to
   it that the host mask would hold back). */
static int mask_adopted;

void sig_adopt_host_mask(struct emu_cpu *c)
{
    if (mask_adopted)
        return;
    mask_adopted = 1;
    sigset_t cur;
    if (pthread_sigmask(SIG_BLOCK, NULL, &cur) != 0)
        return;
    for (int s = 1; s <= 64; s++)
        if (sig_host_maskable(s) && sigismember(&cur, s))
            c->sigmask |= BIT(s);
}

/* Default action "stop": the whole host process stops by the same signal (so a parent's wait4 with
   WUNTRACED sees it) and this returns once SIGCONT resumes it. The guest state is consistent: this runs at
   a block boundary or a syscall return. */
static void stop_process(int sig)
{
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigset_t one, oldmask;
    sigemptyset(&one);
    sigaddset(&one, sig);
    if (sig != SIGSTOP)
        sigaction(sig, &dfl, &old);
    pthread_sigmask(SIG_UNBLOCK, &one, &oldmask);
    kill(getpid(), sig);
    pthread_sigmask(SIG_SETMASK, &oldmask, NULL);
    if (sig != SIGSTOP)
        sigaction(sig, &old, NULL);
}

static int on_altstack(struct emu_cpu *c, uint64_t sp)
{
    return c->altstack_size && sp > c->altstack_sp && sp - c->altstack_sp <= c->altstack_size;
}

/* Runs the guest handler for sig, or applies the default action. Returns 0 to continue, or -sig to die. */
static int deliver(struct emu_cpu *c, int sig, const struct sig_info *in, int sync)
{
    struct emu_proc *p = c->proc;
    struct sig_info local = *in;
    const struct sig_info *info = &local;
    if (p->dbg) { /* the debugger sees the signal first and may suppress or change it */
        struct dbg_stop st = {.kind = DBG_STOP_SIGNAL, .sig = sig, .addr = in->addr};
        int s = dbg_report(c, &st);
        if (!s)
            return 0;
        if (s != sig) {
            sig = s;
            local.code = SI_USER;
        }
    }
    struct guest_sigaction *act = &p->sigact[sig];
    /* A synchronous fault that is blocked or ignored cannot be survived: the kernel forces the default. */
    if (sync && (act->handler == 1 || (c->sigmask & BIT(sig))))
        act->handler = 0;
    if (p->trace && info->code <= 0 && !sync) /* sent by a process: kill, tgkill, sigqueue */
        trace_signal_sent(p->trace, sig, info->code, info->pid, (unsigned)info->uid);
    else if (p->trace)
        trace_signal(p->trace, sig, info->code, info->addr);
    if (act->handler == 1)
        return 0;
    if (act->handler == 0) {
        int d = default_action(sig);
        if (d == 0)
            return 0;
        if (d == 3) {
            stop_process(sig);
            return 0;
        }
        if (d == 2) {
            c->sig = sig, c->sig_code = info->code, c->sig_addr = info->addr;
            crash_report(c);
        }
        if (p->trace)
            trace_killed(p->trace, sig, 0);
        return -sig;
    }
    if (c->restore_sigmask) { /* rt_sigsuspend: the frame carries the mask from before the call */
        c->sigmask = c->saved_sigmask;
        c->restore_sigmask = 0;
    }
    uint64_t sp = p->isa->get_sp(c);
    if ((act->flags & G_SA_ONSTACK) && c->altstack_size && !(c->altstack_flags & G_SS_DISABLE) && !on_altstack(c, sp))
        sp = c->altstack_sp + c->altstack_size;
    struct guest_sigaction a = *act;
    if (p->isa->sig_setup(c, sig, info, &a, sp) < 0) {
        /* No room for the frame: the kernel kills with SIGSEGV. */
        emu_warn("cannot write the signal frame for signal %d at sp 0x%llx: killing the guest with SIGSEGV", sig,
                 (unsigned long long)sp);
        struct sig_info si = {.code = SI_KERNEL, .pid = 0, .uid = 0, .addr = 0};
        p->sigact[SIGSEGV].handler = 0;
        return deliver(c, SIGSEGV, &si, 1);
    }
    c->sigmask |= act->mask | ((act->flags & G_SA_NODEFER) ? 0 : BIT(sig));
    c->sigmask &= ~UNBLOCKABLE;
    if (act->flags & G_SA_RESETHAND)
        act->handler = 0;
    return 0;
}

int sig_deliver_sync(struct emu_cpu *c)
{
    struct sig_info si = {.code = c->sig_code, .pid = 0, .uid = 0, .addr = c->sig_addr};
    return deliver(c, c->sig, &si, 1);
}

int sig_deliver_pending(struct emu_cpu *c)
{
    uint64_t ready;
    while ((ready = c->pending & ~c->sigmask)) {
        int sig = __builtin_ctzll(ready) + 1;
        c->pending &= ~BIT(sig);
        int r = deliver(c, sig, &c->pinfo[sig], 0);
        if (r < 0)
            return r;
    }
    return 0;
}

void sig_queue(struct emu_cpu *c, int sig, const struct sig_info *info)
{
    if (c->proc->sigact[sig].handler == 1 || (c->proc->sigact[sig].handler == 0 && default_action(sig) == 0))
        return; /* discarded at generation, as the kernel does for ignored signals */
    c->pending |= BIT(sig);
    c->pinfo[sig] = *info;
}

/* ---- asynchronous signals from the host ---- */

static struct emu_proc *async_proc; /* the process whose guest threads take host signals */

/* A host signal for which the guest has a handler: queued on the guest thread it interrupted (or the first
   one); delivered at the next block boundary. A blocking syscall it interrupts returns EINTR. */
static void on_host_signal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    struct emu_cpu *c = emu_current();
    if (!c && async_proc) { /* a helper thread (the gdb stub's): as the kernel would, a thread not blocking it */
        for (struct emu_cpu *t = async_proc->threads; t && !c; t = t->next_thread)
            if (!(__atomic_load_n(&t->sigmask, __ATOMIC_RELAXED) & BIT(sig)))
                c = t;
        if (!c)
            c = async_proc->threads;
    }
    if (!c)
        return;
    struct sig_info info = {si->si_code, si->si_pid, (int)si->si_uid, (uint64_t)(uintptr_t)si->si_addr, 0};
    if (si->si_code == SI_QUEUE || si->si_code == SI_TIMER || si->si_code == SI_MESGQ)
        info.value = (uint64_t)(uintptr_t)si->si_value.sival_ptr;
    c->pinfo[sig] = info;
    __atomic_or_fetch(&c->pending, BIT(sig), __ATOMIC_SEQ_CST);
    emu_wake(c); /* also when it arrived just before c's blocking host call (wake.c) */
}

void sig_fill_siginfo(uint8_t *si, unsigned word, int sig, const struct sig_info *info)
{
    unsigned u = word == 8 ? 16 : 12; /* the union: after signo, errno, code (and padding to 8 on LP64) */
    st32(si + 0, (uint32_t)sig);
    st32(si + 8, (uint32_t)info->code);
    int fault = sig == SIGILL || sig == SIGFPE || sig == SIGSEGV || sig == SIGBUS || sig == SIGTRAP;
    if (fault && info->code > 0) { /* raised by the kernel (here: the emulated CPU) */
        if (word == 8)
            st64(si + u, info->addr);
        else
            st32(si + u, (uint32_t)info->addr);
        return;
    }
    st32(si + u, (uint32_t)info->pid);
    st32(si + u + 4, (uint32_t)info->uid);
    if (info->code == SI_QUEUE || info->code == SI_TIMER || info->code == SI_MESGQ) {
        if (word == 8)
            st64(si + u + 8, info->value);
        else
            st32(si + u + 8, (uint32_t)info->value);
    }
}

/* Mirrors the guest's disposition of an asynchronous signal on the host. */
static void mirror_on_host(struct emu_proc *p, int sig, const struct guest_sigaction *act)
{
    if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP || sig == SIGKILL ||
        sig == SIGSTOP || (sig >= 32 && !sig_host_maskable(sig))) /* 32, 33, 62: the host's own */
        return;
    async_proc = p;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigfillset(&sa.sa_mask);
    if (act->handler == 1) {
        sa.sa_handler = SIG_IGN;
    } else if (act->handler == 0) {
        sa.sa_handler = SIG_DFL;
    } else {
        sa.sa_sigaction = on_host_signal;
        sa.sa_flags = SA_SIGINFO; /* no SA_RESTART: blocking host calls return EINTR, the guest decides */
    }
    sigaction(sig, &sa, NULL);
}

int sig_restartable(struct emu_cpu *c)
{
    uint64_t ready = c->pending & ~c->sigmask;
    if (!ready)
        return 0;
    int sig = __builtin_ctzll(ready) + 1;
    const struct guest_sigaction *act = &c->proc->sigact[sig];
    return act->handler > 1 && (act->flags & G_SA_RESTART);
}

/* ---- syscalls ---- */

/* Queues a signal on the calling host thread with the given siginfo (kill's SI_USER included): a
   single-threaded guest's own process-directed signals go there, since a process-directed one could be taken
   by a helper host thread (wake.c's) in the moment before that thread blocks everything. The kernel lets a
   thread claim SI_USER only towards itself from the main thread; elsewhere it is a tgkill (SI_TKILL). */
static int64_t host_self_queue(int sig, const struct sig_info *in, const void *value)
{
    siginfo_t hi;
    memset(&hi, 0, sizeof hi);
    hi.si_signo = sig;
    hi.si_code = in->code;
    hi.si_pid = in->pid;
    hi.si_uid = (uid_t)in->uid;
    if (value)
        memcpy(&hi.si_value, value, sizeof hi.si_value);
    pid_t tid = (pid_t)syscall(SYS_gettid);
    if (syscall(SYS_rt_tgsigqueueinfo, (pid_t)getpid(), tid, sig, &hi) == 0)
        return 0;
    return RET(syscall(SYS_tgkill, (pid_t)getpid(), tid, sig));
}

static int64_t signal_self(struct emu_cpu *c, int sig, int code)
{
    if (!sig)
        return 0;
    struct sig_info si = {.code = code, .pid = (int)getpid(), .uid = (int)getuid(), .addr = 0};
    if ((c->sigmask & BIT(sig)) && sig_host_maskable(sig)) {
        /* Blocked: it waits in the host kernel like one from outside, for signalfd and sigtimedwait; the
           host mask mirrors the guest's, so it stays pending there until the guest unblocks it. */
        if (code == SI_TKILL)
            return RET(syscall(SYS_tgkill, (pid_t)getpid(), (pid_t)syscall(SYS_gettid), sig));
        if (c->proc->nthreads <= 1)
            return host_self_queue(sig, &si, NULL);
        return RET(kill(getpid(), sig));
    }
    sig_queue(c, sig, &si);
    return 0;
}

SYS(sys_kill)
{
    sig_adopt_host_mask(c);
    pid_t pid = (pid_t)a[0];
    if (!valid_sig(a[1]) && a[1])
        return -EINVAL;
    if (pid == getpid() || pid == 0)
        return signal_self(c, (int)a[1], SI_USER);
    return RET(kill(pid, (int)a[1]));
}

SYS(sys_tgkill)
{
    sig_adopt_host_mask(c);
    if (!valid_sig(a[2]) && a[2])
        return -EINVAL;
    if ((pid_t)a[0] == getpid() && (pid_t)a[1] == c->tid)
        return signal_self(c, (int)a[2], SI_TKILL);
    return RET(syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], (int)a[2]));
}

SYS(sys_tkill)
{
    sig_adopt_host_mask(c);
    if (!valid_sig(a[1]) && a[1])
        return -EINVAL;
    if ((pid_t)a[0] == c->tid)
        return signal_self(c, (int)a[1], SI_TKILL);
    return RET(syscall(SYS_tkill, (pid_t)a[0], (int)a[1]));
}

/* rt_sigqueueinfo / rt_tgsigqueueinfo: the guest's siginfo (code and the value sigqueue carries; the union
   starts at 16 on LP64, 12 on ILP32) sent through the host, so a receiver sees it as the kernel gives it. */
static int64_t sigqueue_common(struct emu_cpu *c, pid_t tgid, pid_t tid, uint64_t sig, uint64_t uinfo)
{
    sig_adopt_host_mask(c);
    if (!valid_sig(sig) && sig)
        return -EINVAL;
    unsigned ws = sys_word(c), u = ws == 8 ? 16 : 12;
    uint8_t b[32];
    if (mem_read(MEMP, uinfo, b, sizeof b) < 0)
        return -EFAULT;
    int code = (int)ld32(b + 8);
    int self = tgid == getpid() && (tid < 0 || tid == c->tid || tid == (pid_t)syscall(SYS_gettid));
    if ((code >= 0 || code == SI_TKILL) && !self)
        return -EPERM; /* only the kernel and a process itself may claim those codes */
    if (!sig)
        return RET(tid < 0 ? kill(tgid, 0) : (long)syscall(SYS_tgkill, tgid, tid, 0));
    siginfo_t hi;
    memset(&hi, 0, sizeof hi);
    hi.si_signo = (int)sig;
    hi.si_code = code;
    hi.si_pid = (pid_t)ld32(b + u);
    hi.si_uid = ld32(b + u + 4);
    hi.si_value.sival_ptr = (void *)(uintptr_t)(ws == 8 ? ld64(b + u + 8) : ld32(b + u + 8));
    if (self && !((c->sigmask & BIT(sig)) && sig_host_maskable((int)sig))) {
        struct sig_info si = {code, hi.si_pid, (int)hi.si_uid, 0, (uint64_t)(uintptr_t)hi.si_value.sival_ptr};
        sig_queue(c, (int)sig, &si); /* delivered on the way out of this syscall, as the kernel does */
        return 0;
    }
    if (self && tid < 0 && c->proc->nthreads <= 1) {
        struct sig_info si = {.code = code, .pid = hi.si_pid, .uid = (int)hi.si_uid, .addr = 0};
        return host_self_queue((int)sig, &si, &hi.si_value);
    }
    if (self && tid >= 0)
        tid = (pid_t)syscall(SYS_gettid);
    return RET(tid < 0 ? syscall(SYS_rt_sigqueueinfo, tgid, (int)sig, &hi)
                       : syscall(SYS_rt_tgsigqueueinfo, tgid, tid, (int)sig, &hi));
}

SYS(sys_rt_sigqueueinfo) { return sigqueue_common(c, (pid_t)a[0], -1, a[1], a[2]); }

SYS(sys_rt_tgsigqueueinfo) { return sigqueue_common(c, (pid_t)a[0], (pid_t)a[1], a[2], a[3]); }

SYS(sys_rt_sigaction)
{
    sig_adopt_host_mask(c);
    int sig = (int)a[0];
    if (!valid_sig(a[0]) || a[3] != 8)
        return -EINVAL;
    struct guest_sigaction *cur = &c->proc->sigact[sig];
    /* Kernel struct sigaction: handler, flags, [restorer] as guest words, then the 64-bit mask. */
    int rs = c->proc->isa->has_sa_restorer;
    unsigned words = rs ? 3 : 2, ws = sys_word(c);
    uint64_t n[4];
    if (a[1]) {
        if (sig == SIGKILL || sig == SIGSTOP)
            return -EINVAL;
        if (sys_read_words(c, a[1], n, words) < 0 || mem_read(MEMP, a[1] + words * ws, &n[3], 8) < 0)
            return -EFAULT;
        if (!rs)
            n[2] = n[3]; /* the later code reads the mask from n[2] without a restorer */
    }
    if (a[2]) {
        uint64_t o[3] = {cur->handler, cur->flags, cur->restorer};
        if (sys_write_words(c, a[2], o, words) < 0 || mem_write(MEMP, a[2] + words * ws, &cur->mask, 8) < 0)
            return -EFAULT;
    }
    if (a[1]) {
        cur->handler = n[0];
        cur->flags = n[1];
        cur->restorer = rs ? n[2] : 0;
        cur->mask = (rs ? n[3] : n[2]) & ~UNBLOCKABLE;
        mirror_on_host(c->proc, sig, cur);
        if (cur->handler == 1)
            c->pending &= ~BIT(sig);
    }
    return 0;
}

SYS(sys_rt_sigprocmask)
{
    sig_adopt_host_mask(c);
    if (a[3] != 8)
        return -EINVAL;
    uint64_t old = c->sigmask, set;
    if (a[1]) {
        if (mem_read(MEMP, a[1], &set, 8) < 0)
            return -EFAULT;
        switch (a[0]) {
        case SIG_BLOCK: c->sigmask |= set; break;
        case SIG_UNBLOCK: c->sigmask &= ~set; break;
        case SIG_SETMASK: c->sigmask = set; break;
        default: return -EINVAL;
        }
        c->sigmask &= ~UNBLOCKABLE;
        if (c->sigmask ^ old)
            sig_host_mask(c->sigmask);
    }
    if (a[2] && mem_write(MEMP, a[2], &old, 8) < 0)
        return -EFAULT;
    return 0;
}

SYS(sys_rt_sigpending)
{
    sig_adopt_host_mask(c);
    uint64_t set = c->pending & c->sigmask;
    sigset_t host; /* blocked signals wait in the host kernel too (see sig_host_mask) */
    if (sigpending(&host) == 0)
        for (int s = 1; s <= 64; s++)
            if (sig_host_maskable(s) && sigismember(&host, s))
                set |= BIT(s) & c->sigmask;
    if (a[1] != 8)
        return -EINVAL;
    return mem_write(MEMP, a[0], &set, 8);
}

/* A debugger interrupt while rt_sigsuspend waits: reported as SIGINT at the syscall instruction, as the
   dispatcher does for the other blocking calls (which it restarts); the wait then goes on transparently, since
   restarting would lose the temporary mask. The emulator lock is held during the stop when the dispatcher
   released it (relock), so that the other guest threads stay stopped too. A signal the debugger resumes with
   is queued and ends the wait. */
static void sigsuspend_stop(struct emu_cpu *c, int relock)
{
    struct emu_proc *p = c->proc;
    emu_block_end(c); /* not blocking while stopped: the waker stops kicking this thread */
    if (relock)
        emu_lock(p);
    if (dbg_interrupt_requested(p->dbg)) { /* still: another thread may have reported it while we waited */
        uint64_t next = c->pc;
        if (c->cur)
            c->pc = c->cur->pc;
        struct dbg_stop st = {.kind = DBG_STOP_INTERRUPT, .sig = SIGINT};
        int sig = dbg_report(c, &st);
        c->pc = next;
        if (sig) {
            struct sig_info si = {.code = SI_USER, .pid = 0, .uid = 0, .addr = 0};
            sig_queue(c, sig, &si);
        }
    }
    if (relock)
        emu_unlock(p);
    emu_block_begin(c); /* the loop looks at pending signals and interrupts itself */
}

SYS(sys_rt_sigsuspend)
{
    int relock = c->proc->nthreads > 1; /* the dispatcher released the lock around this blocking call */
    sig_adopt_host_mask(c);
    uint64_t set;
    if (a[1] != 8)
        return -EINVAL;
    if (mem_read(MEMP, a[0], &set, 8) < 0)
        return -EFAULT;
    c->saved_sigmask = c->sigmask;
    c->restore_sigmask = 1;
    c->sigmask = set & ~UNBLOCKABLE;
    /* Wait with host signals blocked between the check and the wait, so none is lost; the host handlers
       queue them as pending guest signals. */
    sigset_t all, old, during;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    during = old; /* with the guest's temporary mask mirrored, so host-pending signals it opens arrive */
    for (int s = 1; s <= 64; s++)
        if (sig_host_maskable(s)) {
            if (c->sigmask & BIT(s))
                sigaddset(&during, s);
            else
                sigdelset(&during, s);
        }
    struct dbg *d = c->proc->dbg;
    while (!(__atomic_load_n(&c->pending, __ATOMIC_SEQ_CST) & ~c->sigmask)) {
        if (d && dbg_interrupt_requested(d)) {
            pthread_sigmask(SIG_SETMASK, &old, NULL);
            sigsuspend_stop(c, relock);
            pthread_sigmask(SIG_BLOCK, &all, NULL);
            continue;
        }
        sigsuspend(&during);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return -EINTR;
}

SYS(sys_rt_sigreturn)
{
    (void)a;
    uint64_t before = c->sigmask;
    int64_t r = c->proc->isa->sig_return(c);
    if (c->sigmask ^ before)
        sig_host_mask(c->sigmask); /* the frame's mask may differ from the one the host thread has */
    return r;
}

SYS(sys_sigaltstack)
{
    uint64_t sp = c->proc->isa->get_sp(c);
    if (a[1]) { /* stack_t: ss_sp, ss_flags (int, padded to a word), ss_size */
        uint64_t old[3] = {c->altstack_sp, (uint64_t)(c->altstack_size ? (on_altstack(c, sp) ? G_SS_ONSTACK : 0) : G_SS_DISABLE),
                           c->altstack_size};
        if (sys_write_words(c, a[1], old, 3) < 0)
            return -EFAULT;
    }
    if (a[0]) {
        uint64_t n[3];
        if (sys_read_words(c, a[0], n, 3) < 0)
            return -EFAULT;
        if (on_altstack(c, sp))
            return -EPERM;
        int flags = (int)n[1];
        if (flags & ~(G_SS_DISABLE | (1 << 31) /* SS_AUTODISARM */))
            return -EINVAL;
        if (flags & G_SS_DISABLE) {
            c->altstack_sp = c->altstack_size = 0;
        } else {
            if (n[2] < 2048) /* MINSIGSTKSZ */
                return -ENOMEM;
            c->altstack_sp = n[0];
            c->altstack_size = n[2];
        }
        c->altstack_flags = flags & G_SS_DISABLE;
    }
    return 0;
}

const struct sys_impl sys_signal_impls[] = {
    {"kill", sys_kill}, {"tgkill", sys_tgkill}, {"tkill", sys_tkill}, {"rt_sigaction", sys_rt_sigaction},
    {"rt_sigprocmask", sys_rt_sigprocmask}, {"rt_sigpending", sys_rt_sigpending},
    {"rt_sigreturn", sys_rt_sigreturn}, {"sigreturn", sys_rt_sigreturn} /* arm: the backend tells the frames apart */,
    {"rt_sigsuspend", sys_rt_sigsuspend}, {"sigaltstack", sys_sigaltstack},
    {"rt_sigtimedwait", sys_rt_sigtimedwait}, {"rt_sigtimedwait_time64", sys_rt_sigtimedwait_time64},
    {"signalfd4", sys_signalfd4}, {"signalfd", sys_signalfd}, {"rt_sigqueueinfo", sys_rt_sigqueueinfo},
    {"rt_tgsigqueueinfo", sys_rt_tgsigqueueinfo}, {NULL, NULL},
};
