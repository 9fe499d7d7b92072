/* Waiting for signals instead of handling them: rt_sigtimedwait (siginfo in the guest's layout) and signalfd. */
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>

#include "sigdeliver.h"
#include "sys.h"

#define BIT(s) (1ull << ((s) - 1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))

/* Guest SFD_* flags are the guest's O_CLOEXEC and O_NONBLOCK. */
#define G_O_NONBLOCK 04000u
#define G_O_CLOEXEC 02000000u

/* Writes the guest's 128-byte siginfo for sig at addr, from a host siginfo (hs) or a queued one (qi).
   The union starts after three ints, aligned to the guest's word: offset 16 on LP64, 12 on ILP32. */
static int put_siginfo(struct emu_cpu *c, uint64_t addr, int sig, const siginfo_t *hs, const struct sig_info *qi)
{
    uint8_t b[128];
    memset(b, 0, sizeof b);
    unsigned ws = sys_word(c), u = ws == 8 ? 16 : 12;
    int code = hs ? hs->si_code : qi->code;
    st32(b, (uint32_t)sig);
    st32(b + 4, hs ? (uint32_t)hs->si_errno : 0);
    st32(b + 8, (uint32_t)code);
    int fault = sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
    if (fault && code > 0) { /* _sigfault: si_addr */
        uint64_t a = hs ? (uint64_t)(uintptr_t)hs->si_addr : qi->addr;
        if (ws == 8)
            st64(b + u, a);
        else
            st32(b + u, (uint32_t)a);
    } else if (hs && sig == SIGCHLD && code > 0) { /* _sigchld: pid, uid, status, utime, stime (clock_t) */
        st32(b + u, (uint32_t)hs->si_pid);
        st32(b + u + 4, hs->si_uid);
        st32(b + u + 8, (uint32_t)hs->si_status);
        unsigned t = ws == 8 ? u + 16 : u + 12;
        if (ws == 8) {
            st64(b + t, (uint64_t)hs->si_utime);
            st64(b + t + 8, (uint64_t)hs->si_stime);
        } else {
            st32(b + t, (uint32_t)hs->si_utime);
            st32(b + t + 4, (uint32_t)hs->si_stime);
        }
    } else if (hs && code == SI_TIMER) { /* _timer: tid, overrun, sigval */
        st32(b + u, (uint32_t)hs->si_timerid);
        st32(b + u + 4, (uint32_t)hs->si_overrun);
        uint64_t v = (uint64_t)(uintptr_t)hs->si_value.sival_ptr;
        ws == 8 ? st64(b + u + 8, v) : st32(b + u + 8, (uint32_t)v);
    } else if (hs && (sig == SIGIO || sig == SIGPOLL) && code > 0) { /* _sigpoll: band (long), fd */
        ws == 8 ? st64(b + u, (uint64_t)hs->si_band) : st32(b + u, (uint32_t)hs->si_band);
        st32(b + u + ws, (uint32_t)hs->si_fd);
    } else { /* _kill / _rt: pid, uid, and the value sigqueue carries */
        st32(b + u, (uint32_t)(hs ? hs->si_pid : qi->pid));
        st32(b + u + 4, hs ? hs->si_uid : (uint32_t)qi->uid);
        if (code == SI_QUEUE || code == SI_MESGQ || code == SI_TIMER) {
            uint64_t v = hs ? (uint64_t)(uintptr_t)hs->si_value.sival_ptr : qi->value;
            ws == 8 ? st64(b + u + 8, v) : st32(b + u + 8, (uint32_t)v);
        }
    }
    return mem_write(c->proc->mem, addr, b, sizeof b);
}

/* Takes the lowest signal of set from the thread's emulator queue; returns it, or 0 when none is queued. */
static int take_queued(struct emu_cpu *c, uint64_t set, struct sig_info *out)
{
    uint64_t q = __atomic_load_n(&c->pending, __ATOMIC_SEQ_CST) & set;
    if (!q)
        return 0;
    int sig = __builtin_ctzll(q) + 1;
    *out = c->pinfo[sig];
    __atomic_and_fetch(&c->pending, ~BIT(sig), __ATOMIC_SEQ_CST);
    return sig;
}

/* rt_sigtimedwait with the timeout's layout: 64-bit fields (LP64 and *_time64) or two 32-bit ones.
   Signals wait in two places: the emulator's queue (sent by this thread's own guest code before it blocked
   them, or by xtrace) and the host kernel (everything the guest blocks reaches the host thread blocked, see
   sig_host_mask). The host wait is interrupted when the emulator queue gains a signal (wake.c). */
static int64_t sigtimedwait_common(struct emu_cpu *c, const uint64_t a[6], int ts64)
{
    sig_adopt_host_mask(c);
    if (a[3] != 8)
        return -EINVAL;
    uint64_t set;
    if (mem_read(MEMP, a[0], &set, 8) < 0)
        return -EFAULT;
    set &= ~UNBLOCKABLE;
    struct timespec ts, *tsp = NULL;
    if (a[2]) {
        if (ts64) {
            int64_t v[2];
            if (mem_read(MEMP, a[2], v, 16) < 0)
                return -EFAULT;
            ts.tv_sec = v[0], ts.tv_nsec = ts64 == 2 ? (int32_t)v[1] : v[1]; /* time64 on ILP32: 32-bit nsec */
        } else {
            int32_t v[2];
            if (mem_read(MEMP, a[2], v, 8) < 0)
                return -EFAULT;
            ts.tv_sec = v[0], ts.tv_nsec = v[1];
        }
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
            return -EINVAL;
        tsp = &ts;
    }
    struct sig_info qi;
    int sig = take_queued(c, set, &qi);
    if (sig)
        return a[1] && put_siginfo(c, a[1], sig, NULL, &qi) < 0 ? -EFAULT : sig;
    sigset_t hset;
    sigemptyset(&hset);
    for (int s = 1; s <= 64; s++)
        if ((set & BIT(s)) && (s < 32 || sig_host_maskable(s))) /* not 32, 33, 62: the host's own */
            sigaddset(&hset, s);
    /* A call the dispatcher does not treat as blocking (rt_sigtimedwait_time64) drops the lock itself. */
    struct emu_proc *p = c->proc;
    int unlock = !__atomic_load_n(&c->blocking, __ATOMIC_SEQ_CST) && p->nthreads > 1;
    if (unlock)
        emu_unlock(p);
    siginfo_t hs;
    memset(&hs, 0, sizeof hs);
    int r = sigtimedwait(&hset, &hs, tsp);
    int err = errno;
    if (unlock)
        emu_lock(p);
    if (r > 0)
        return a[1] && put_siginfo(c, a[1], r, &hs, NULL) < 0 ? -EFAULT : r;
    if (err == EINTR && (sig = take_queued(c, set, &qi))) /* queued by a host handler meanwhile */
        return a[1] && put_siginfo(c, a[1], sig, NULL, &qi) < 0 ? -EFAULT : sig;
    return -(int64_t)sys_errno(err); /* EAGAIN on timeout, EINTR when a handler is to run */
}

int64_t sys_rt_sigtimedwait(struct emu_cpu *c, const uint64_t a[6])
{
    return sigtimedwait_common(c, a, sys_word(c) == 8);
}

int64_t sys_rt_sigtimedwait_time64(struct emu_cpu *c, const uint64_t a[6])
{
    return sigtimedwait_common(c, a, sys_word(c) == 8 ? 1 : 2);
}

/* A host signalfd over the same set: the guest blocks those signals, so (mirrored on the host thread) they
   stay pending there, including the ones the guest sends itself while they are blocked. Its reads return
   struct signalfd_siginfo, whose 128-byte layout is the same on every architecture. */
static int64_t signalfd_common(struct emu_cpu *c, uint64_t fd, uint64_t mask, uint64_t size, uint64_t flags)
{
    sig_adopt_host_mask(c);
    if (size != 8)
        return -EINVAL;
    if (flags & ~(uint64_t)(G_O_NONBLOCK | G_O_CLOEXEC))
        return -EINVAL;
    uint64_t set;
    if (mem_read(MEMP, mask, &set, 8) < 0)
        return -EFAULT;
    sigset_t hset;
    sys_host_sigset(set & ~UNBLOCKABLE, &hset);
    for (int s = 32; s <= 64; s++) /* 32, 33 and 62 never wait on the host (sig_host_maskable) */
        if (!sig_host_maskable(s))
            sigdelset(&hset, s);
    int hflags = (flags & G_O_NONBLOCK ? SFD_NONBLOCK : 0) | (flags & G_O_CLOEXEC ? SFD_CLOEXEC : 0);
    return RET(signalfd((int)(int32_t)fd, &hset, hflags));
}

int64_t sys_signalfd4(struct emu_cpu *c, const uint64_t a[6])
{
    return signalfd_common(c, a[0], a[1], a[2], a[3]);
}

int64_t sys_signalfd(struct emu_cpu *c, const uint64_t a[6])
{
    return signalfd_common(c, a[0], a[1], a[2], 0);
}
