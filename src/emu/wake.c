/* Waking guest threads out of blocking host calls, for debugger interrupts and guest signals (see wake.h).

   The race: a guest signal (or Ctrl-C) that arrives after a thread checked for pending signals but before its
   host call entered the kernel leaves the thread blocked until the call returns on its own. Only a few calls
   have an atomic "unmask and wait" form (ppoll, pselect, epoll_pwait, sigsuspend); read, futex, nanosleep,
   wait4, flock, semop... do not, and closing the window without one needs host-specific assembly (the pc of
   the syscall instruction). So the choice here is portable and bounded: a thread marks itself blocking (a
   sequentially consistent store) and only then checks for a reason not to block; whoever creates a reason makes
   it visible first and then asks the waker thread, which sends EMU_WAKE_SIG to the thread while it is still in
   that same blocking call (same sequence number), again every millisecond. Either the thread sees the reason
   before calling, or the waker sees it blocking; a kick lost in the window is repeated once the call sleeps.
   The interrupted call returns EINTR and the dispatcher restarts it transparently unless a guest handler runs. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "debug.h"
#include "emu.h"
#include "wake.h"

#define WAKE_RETRY_MS 1          /* how often a kick is repeated while the thread still blocks in the same call */
#define WAKE_MAX 256             /* threads being kicked at once */
#define WAKE_FD_MIN 900          /* the request pipe lives above the guest's usual fd numbers */

static int req_pipe[2] = {-1, -1}; /* requests: struct emu_cpu pointers, written from signal handlers too */
static volatile int waker_up;      /* this process has its waker (cleared in a forked child: it starts its own) */
static pthread_mutex_t start_mu = PTHREAD_MUTEX_INITIALIZER;

static void on_wake(int sig)
{
    (void)sig; /* only here to interrupt the host call */
}

static int high_fd(int fd)
{
    int n = fcntl(fd, F_DUPFD_CLOEXEC, WAKE_FD_MIN);
    if (n < 0)
        return fd;
    close(fd);
    return n;
}

static void kick(struct emu_cpu *c)
{
    syscall(SYS_tgkill, (pid_t)getpid(), (pid_t)c->host_tid, EMU_WAKE_SIG);
}

static void *waker(void *arg)
{
    (void)arg;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL); /* host signals for the guest go to guest threads */
    struct { struct emu_cpu *c; unsigned seq; } w[WAKE_MAX];
    int n = 0;
    for (;;) {
        struct pollfd pf = {req_pipe[0], POLLIN, 0};
        int r = poll(&pf, 1, n ? WAKE_RETRY_MS : -1);
        if (r > 0) {
            struct emu_cpu *reqs[64];
            ssize_t got = read(req_pipe[0], reqs, sizeof reqs);
            for (ssize_t i = 0; i < got / (ssize_t)sizeof reqs[0]; i++) {
                struct emu_cpu *c = reqs[i];
                if (!__atomic_load_n(&c->blocking, __ATOMIC_SEQ_CST))
                    continue; /* it will see the reason before its next blocking call */
                unsigned seq = __atomic_load_n(&c->block_seq, __ATOMIC_SEQ_CST);
                int k = 0;
                while (k < n && !(w[k].c == c && w[k].seq == seq))
                    k++;
                if (k == n && n < WAKE_MAX) {
                    w[n].c = c;
                    w[n].seq = seq;
                    n++;
                }
            }
        }
        for (int k = 0; k < n;) {
            struct emu_cpu *c = w[k].c;
            if (__atomic_load_n(&c->blocking, __ATOMIC_SEQ_CST) && __atomic_load_n(&c->block_seq, __ATOMIC_SEQ_CST) == w[k].seq) {
                kick(c);
                k++;
            } else {
                w[k] = w[--n];
            }
        }
    }
    return NULL;
}

static void after_fork_child(void)
{
    waker_up = 0; /* threads do not survive a fork; the pipe is the parent's */
    pthread_mutex_init(&start_mu, NULL);
}

/* Starts the waker in this process (again after a fork). */
static void start_waker(void)
{
    static int atfork_done;
    pthread_mutex_lock(&start_mu);
    if (!atfork_done) {
        pthread_atfork(NULL, NULL, after_fork_child);
        atfork_done = 1;
    }
    if (!waker_up) {
        if (req_pipe[0] >= 0) { /* the parent's pipe */
            close(req_pipe[0]);
            close(req_pipe[1]);
            req_pipe[0] = req_pipe[1] = -1;
        }
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_wake; /* no SA_RESTART: the blocking call returns EINTR */
        sigemptyset(&sa.sa_mask);
        sigaction(EMU_WAKE_SIG, &sa, NULL);
        int fds[2];
        if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
            fcntl(fds[0], F_SETFL, 0); /* the waker's end blocks in poll anyway */
            req_pipe[0] = high_fd(fds[0]);
            req_pipe[1] = high_fd(fds[1]);
            pthread_attr_t attr;
            pthread_attr_init(&attr);
            pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
            pthread_attr_setstacksize(&attr, 1 << 16);
            /* the waker is born with every signal blocked: a process-directed signal must never land on it */
            sigset_t all, old;
            sigfillset(&all);
            pthread_sigmask(SIG_SETMASK, &all, &old);
            pthread_t th;
            if (pthread_create(&th, &attr, waker, NULL) == 0)
                waker_up = 1;
            pthread_sigmask(SIG_SETMASK, &old, NULL);
            pthread_attr_destroy(&attr);
        }
    }
    pthread_mutex_unlock(&start_mu);
}

void emu_wake_init(void)
{
    if (!waker_up)
        start_waker();
}

int emu_block_begin(struct emu_cpu *c)
{
    if (!waker_up)
        start_waker();
    __atomic_add_fetch(&c->block_seq, 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&c->blocking, 1, __ATOMIC_SEQ_CST);
    struct dbg *d = c->proc->dbg;
    if ((__atomic_load_n(&c->pending, __ATOMIC_SEQ_CST) & ~c->sigmask) || (d && dbg_interrupt_requested(d))) {
        __atomic_store_n(&c->blocking, 0, __ATOMIC_SEQ_CST);
        return 1;
    }
    return 0;
}

void emu_block_end(struct emu_cpu *c)
{
    __atomic_store_n(&c->blocking, 0, __ATOMIC_SEQ_CST);
}

void emu_wake(struct emu_cpu *c)
{
    if (!c || !__atomic_load_n(&c->blocking, __ATOMIC_SEQ_CST) || !waker_up)
        return; /* not blocking: it checks before it blocks */
    int saved = errno; /* may run in a signal handler */
    ssize_t w = write(req_pipe[1], &c, sizeof c);
    (void)w;
    errno = saved;
}
