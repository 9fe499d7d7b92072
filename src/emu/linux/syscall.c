/* Syscall dispatcher: builds per-architecture tables from numbering + generic handlers, dispatches and traces. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "emu.h"
#include "sigdeliver.h"
#include <signal.h>
#include "sys.h"
#include "syscall.h"
#include "trace.h"
#include "wake.h"

#include "gen/sysnum-aarch64.h"
#include "gen/sysnum-arm.h"
#include "gen/sysnum-riscv64.h"

/* Every family's handlers, each a NULL-name-terminated array. */
static const struct sys_impl *const families[] = {sys_fs_impls, sys_io_impls, sys_mm_impls, sys_proc_impls, sys_signal_impls, sys_process_impls, sys_net_impls, sys_fd_impls, sys_compat32_impls, NULL};

/* Syscalls that may wait indefinitely; other guest threads run meanwhile. */
static const char *const blocking[] = {
    "read", "write", "readv", "writev", "pread64", "pwrite64", "preadv", "pwritev", "futex", "nanosleep",
    "clock_nanosleep", "ppoll", "pselect6", "wait4", "waitid", "epoll_pwait", "epoll_wait", "accept", "accept4",
    "connect", "recvfrom", "recvmsg", "sendto", "sendmsg", "rt_sigsuspend", "rt_sigtimedwait",
    "ppoll_time64", "futex_time64", "clock_nanosleep_time64", "pselect6_time64",
    "flock", "fcntl", "sendfile", "splice", "msgrcv", "semop", "semtimedop", "sched_yield",
    /* 32-bit ABIs' own forms of the above */
    "fcntl64", "poll", "_newselect", "send", "recv", "recvmmsg", "sendmmsg", "recvmmsg_time64",
    "socketcall", "sendfile64", NULL,
};

/* 64-bit arguments that 32-bit ABIs pass in register pairs (bit i: logical argument i), as data. WIDE_SPLIT:
   the pair is two explicit low/high arguments that never skip a register (preadv's pos_l, pos_h). */
#define WIDE_SPLIT 0x80
static const struct { const char *name; uint8_t wide; } wide_args[] = {
    {"pread64", 1 << 3}, {"pwrite64", 1 << 3}, {"truncate64", 1 << 1}, {"ftruncate64", 1 << 1},
    {"fallocate", 1 << 2 | 1 << 3}, {"arm_fadvise64_64", 1 << 2 | 1 << 3}, {"fadvise64_64", 1 << 1 | 1 << 2},
    {"sync_file_range2", 1 << 2 | 1 << 3}, {"sync_file_range", 1 << 1 | 1 << 2}, {"readahead", 1 << 1},
    {"preadv", 1 << 3 | WIDE_SPLIT}, {"pwritev", 1 << 3 | WIDE_SPLIT}, {"preadv2", 1 << 3 | WIDE_SPLIT},
    {"pwritev2", 1 << 3 | WIDE_SPLIT},
};

static uint8_t wide_mask(const char *name)
{
    for (size_t i = 0; i < sizeof wide_args / sizeof wide_args[0]; i++)
        if (!strcmp(wide_args[i].name, name))
            return wide_args[i].wide;
    return 0;
}

/* Rebuilds logical arguments from 32-bit registers: pairs (low word first) for the wide ones. */
static void unpack_wide(const struct emu_isa *isa, uint8_t wide, uint64_t a[6])
{
    uint64_t r[6];
    memcpy(r, a, sizeof r);
    unsigned reg = 0;
    for (int i = 0; i < 6; i++) {
        if (wide >> i & 1) {
            if (isa->pair_align && !(wide & WIDE_SPLIT) && (reg & 1))
                reg++;
            a[i] = reg + 1 < 6 ? (r[reg] & 0xffffffffu) | r[reg + 1] << 32 : 0;
            reg += 2;
        } else {
            a[i] = reg < 6 ? r[reg] & 0xffffffffu : 0;
            reg++;
        }
    }
}

/* Handlers written for LP64 layouts whose 32-bit-ABI twins carry other structs (32-bit time, longs, pointers);
   on ILP32 guests they stay unbound (ENOSYS, said once) unless sys_twin32.c or an ILP32 family has their
   twin. The *_time64 calls and the stat64 family are the 32-bit ABIs' own and are bound. */
static const char *const lp64_layout[] = {
    "clock_gettime", "clock_settime", "clock_getres", "clock_nanosleep", "nanosleep", "gettimeofday",
    "settimeofday", "futex", "ppoll", "pselect6", "utimensat", "timerfd_settime", "timerfd_gettime",
    "timer_settime", "timer_gettime", "timer_create", "getitimer", "setitimer", "fstat", "newfstatat", "statfs",
    "fstatfs", "getrusage", "wait4", "waitid", "sysinfo", "times", "getrlimit", "setrlimit",
    "recvmmsg", "sendmmsg", "sendmsg", "recvmsg", "select", "getdents", "mmap", "sched_rr_get_interval", "fcntl",
    "sendfile", NULL,
};

static int lp64_only(const char *name)
{
    for (int i = 0; lp64_layout[i]; i++)
        if (!strcmp(lp64_layout[i], name))
            return 1;
    return 0;
}

static int is_blocking(const char *name)
{
    for (int i = 0; blocking[i]; i++)
        if (!strcmp(blocking[i], name))
            return 1;
    return 0;
}

static sys_fn find_in(const struct sys_impl *const *fams, const char *name)
{
    for (int f = 0; fams[f]; f++)
        for (const struct sys_impl *i = fams[f]; i->name; i++)
            if (!strcmp(i->name, name))
                return i->fn;
    return NULL;
}

sys_fn sys_find_impl(const char *name) { return find_in(families, name); }

/* Names that are another generic handler under a second name on 32-bit ABIs (the *32 credential calls are
   the full-width ones where the plain names carry 16-bit ids). */
static const struct { const char *name, *impl; } renames[] = {
    {"getuid32", "getuid"}, {"geteuid32", "geteuid"}, {"getgid32", "getgid"}, {"getegid32", "getegid"},
    {"setuid32", "setuid"}, {"setgid32", "setgid"}, {"setreuid32", "setreuid"}, {"setregid32", "setregid"},
    {"setresuid32", "setresuid"}, {"setresgid32", "setresgid"}, {"getresuid32", "getresuid"},
    {"getresgid32", "getresgid"}, {"getgroups32", "getgroups"}, {"setgroups32", "setgroups"},
    {"fchown32", "fchown"}, {"sendfile64", "sendfile"},
};

/* 32-bit ABIs' twins of LP64-layout handlers and their own calls, looked up before the generic ones. */
static const struct sys_impl *const ilp32_families[] = {sys_net32_impls, sys_dir32_impls, sys_ilp32_impls, NULL};

/* Binds one name: the ABI's 16-bit-id forms, then ILP32 twins, then the generic handler (none for LP64 layouts
   on ILP32 guests: ENOSYS until a twin exists). */
static sys_fn bind(const char *name, int ilp32, int uid16)
{
    sys_fn fn;
    if (uid16 && (fn = find_in((const struct sys_impl *const[]){sys_uid16_impls, NULL}, name)))
        return fn;
    if (ilp32 && ((fn = sys_twin32_find(name)) || (fn = find_in(ilp32_families, name))))
        return fn;
    if (ilp32 && lp64_only(name))
        return NULL;
    for (size_t i = 0; i < sizeof renames / sizeof renames[0]; i++)
        if (!strcmp(renames[i].name, name))
            return sys_find_impl(renames[i].impl);
    return sys_find_impl(name);
}

static const struct sys_ent *const *sys_build_table_abi(const struct sys_num *nums, unsigned count, int ilp32,
                                                        int uid16, unsigned *n);

const struct sys_ent *const *sys_build_table(const struct sys_num *nums, unsigned count, int ilp32, unsigned *n)
{
    return sys_build_table_abi(nums, count, ilp32, 0, n);
}

static const struct sys_ent *const *sys_build_table_abi(const struct sys_num *nums, unsigned count, int ilp32,
                                                        int uid16, unsigned *n)
{
    unsigned max = 0;
    for (unsigned i = 0; i < count; i++)
        if ((unsigned)nums[i].nr + 1 > max)
            max = (unsigned)nums[i].nr + 1;
    const struct sys_ent **tab = calloc(max, sizeof *tab);
    struct sys_ent *rows = calloc(count, sizeof *rows);
    if (!tab || !rows)
        abort();
    for (unsigned i = 0; i < count; i++) {
        struct sys_ent *e = &rows[i];
        e->nr = nums[i].nr;
        e->name = nums[i].name;
        e->fn = bind(e->name, ilp32, uid16);
        e->sig = trace_sig_find(e->name);
        e->blocking = is_blocking(e->name);
        e->wide = wide_mask(e->name);
        if (!tab[e->nr] || (!tab[e->nr]->fn && e->fn))
            tab[e->nr] = e;
    }
    *n = max;
    return tab;
}

/* Numbering per backend name, with the ABI facts that go with it: 64-bit arguments in even/odd register pairs
   (arm EABI: arch/arm/kernel/entry-common.S passes them aligned), 16-bit uid/gid in the plain credential
   calls (arm, i386: kernel/uid16.c). */
/* The host kernel's O_LARGEFILE: glibc defines __O_LARGEFILE as 0 on 64-bit hosts (the kernel forces it there),
   yet F_GETFL reports the kernel's bit, which differs per host architecture (asm/fcntl.h of each). */
#if defined(__aarch64__) || defined(__arm__)
#define HOST_O_LARGEFILE 0400000
#elif defined(__powerpc__)
#define HOST_O_LARGEFILE 0200000
#elif defined(__mips__)
#define HOST_O_LARGEFILE 0x2000
#elif defined(__sparc__)
#define HOST_O_LARGEFILE 0x40000
#else
#define HOST_O_LARGEFILE 0100000
#endif
/* arm's and arm64's O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE (arch/arm{,64}/include/uapi/asm/fcntl.h)
   vs the host's. */
static const uint32_t oflags_arm[][2] = {
    {040000, O_DIRECTORY}, {0100000, O_NOFOLLOW}, {0200000, O_DIRECT}, {0400000, HOST_O_LARGEFILE}, {0, 0},
};

static const struct {
    const char *isa;
    const struct sys_num *nums;
    unsigned count;
    uint8_t pair_align;
    uint8_t uid16;
    const uint32_t (*open_flags)[2]; /* when the backend brings none */
} numberings[] = {
    {"riscv64", sysnum_riscv64, sizeof sysnum_riscv64 / sizeof sysnum_riscv64[0], 0, 0, NULL},
    {"aarch64", sysnum_aarch64, sizeof sysnum_aarch64 / sizeof sysnum_aarch64[0], 0, 0, oflags_arm},
    {"arm", sysnum_arm, sizeof sysnum_arm / sizeof sysnum_arm[0], 1, 1, oflags_arm},
};

int sys_init_isa(struct emu_isa *isa)
{
    for (size_t i = 0; i < sizeof numberings / sizeof numberings[0]; i++)
        if (!strcmp(numberings[i].isa, isa->name)) {
            if (numberings[i].pair_align)
                isa->pair_align = 1;
            if (!isa->open_flags)
                isa->open_flags = numberings[i].open_flags;
            isa->systab = sys_build_table_abi(numberings[i].nums, numberings[i].count, isa->elf_class == 1,
                                              numberings[i].uid16, &isa->nsys);
            return 0;
        }
    return -1;
}

uint32_t sys_oflags_in(const struct emu_isa *isa, uint32_t g)
{
    if (!isa->open_flags)
        return g;
    uint32_t h = g;
    for (int i = 0; isa->open_flags[i][0]; i++) /* clear every guest-specific bit first, then set host bits */
        h &= ~isa->open_flags[i][0];
    for (int i = 0; isa->open_flags[i][0]; i++)
        if (g & isa->open_flags[i][0])
            h |= isa->open_flags[i][1];
    return h;
}

uint32_t sys_oflags_out(const struct emu_isa *isa, uint32_t h)
{
    if (!isa->open_flags)
        return h;
    uint32_t g = h;
    for (int i = 0; isa->open_flags[i][0]; i++)
        g &= ~isa->open_flags[i][1];
    for (int i = 0; isa->open_flags[i][0]; i++)
        if (h & isa->open_flags[i][1])
            g |= isa->open_flags[i][0];
    return g;
}

int sys_errno(int host_errno)
{
    return host_errno; /* the generic numbering equals the host's; other ABIs translate here */
}

void emu_syscall(struct emu_cpu *c)
{
    struct emu_proc *p = c->proc;
    const struct emu_isa *isa = p->isa;
    uint64_t nr, a[6];
    isa->sys_args(c, &nr, a);
    const struct sys_ent *e = nr < isa->nsys ? isa->systab[nr] : NULL;
    int64_t ret;
    if (!e) {
        struct sys_ent tmp = {(int)nr, "syscall", NULL, NULL, 0, 0};
        if (nr >= sizeof p->unknown_sys_seen / sizeof p->unknown_sys_seen[0] || !p->unknown_sys_seen[nr]) {
            emu_warn("unknown %s syscall number %llu: returning ENOSYS", isa->name, (unsigned long long)nr);
            if (nr < sizeof p->unknown_sys_seen / sizeof p->unknown_sys_seen[0])
                p->unknown_sys_seen[nr] = 1;
        }
        if (p->trace) {
            trace_enter(p->trace, c, &tmp, a);
            trace_leave(p->trace, c, &tmp, a, -ENOSYS);
        }
        isa->sys_ret(c, -ENOSYS);
        return;
    }
    if (e->wide && isa->elf_class == 1 /* ELFCLASS32 */)
        unpack_wide(isa, e->wide, a);
    if (p->trace)
        trace_enter(p->trace, c, e, a);
    int caught = p->dbg && dbg_catching(p->dbg, (int)nr);
    if (caught) {
        struct dbg_stop st = {.kind = DBG_STOP_SYSCALL_ENTRY, .sig = SIGTRAP, .sysno = (int)nr};
        dbg_report(c, &st);
    }
    if (e->fn && e->blocking) {
        /* A blocking call can be interrupted by a guest signal or a debugger interrupt (wake.c), also one that
           comes just before the call; other guest threads run meanwhile. */
        /* An EINTR with no reason left (no guest signal for this thread, no debugger interrupt: a wake-up kick
           meant for an earlier call of this thread, a host signal the guest ignores) is retried here, so that
           neither the guest nor the log sees it. */
        for (;;) {
            if (emu_block_begin(c)) {
                ret = -EINTR;
                break;
            }
            int unlocked = p->nthreads > 1;
            if (unlocked)
                emu_unlock(p);
            ret = e->fn(c, a);
            emu_block_end(c);
            if (unlocked)
                emu_lock(p);
            if (ret != -EINTR || (__atomic_load_n(&c->pending, __ATOMIC_SEQ_CST) & ~c->sigmask) ||
                (p->dbg && dbg_interrupt_requested(p->dbg)))
                break;
        }
    } else if (e->fn) {
        ret = e->fn(c, a);
    } else {
        if ((unsigned)e->nr < sizeof p->unknown_sys_seen / sizeof p->unknown_sys_seen[0] && !p->unknown_sys_seen[e->nr]) {
            p->unknown_sys_seen[e->nr] = 1;
            emu_warn("syscall %s (%d) is not implemented: returning ENOSYS", e->name, e->nr);
        }
        ret = -ENOSYS;
    }
    if (c->stop == STOP_EXIT)
        return; /* exit/exit_group: no return value, the log line was printed at entry */
    /* Restarted, as the kernel does with ERESTARTSYS: under an SA_RESTART handler, and always when no guest
       handler is about to run (the call was interrupted for the debugger, or by a signal without a handler):
       the guest never sees that EINTR, and a debugger sees the thread at the syscall instruction. */
    if (ret == -EINTR && e->blocking && c->cur && strcmp(e->name, "rt_sigsuspend") &&
        (sig_restartable(c) || !(c->pending & ~c->sigmask))) {
        c->pc = c->cur->pc;
        if (p->trace)
            trace_leave(p->trace, c, e, a, -EINTR);
        return;
    }
    if (p->trace)
        trace_leave(p->trace, c, e, a, ret);
    isa->sys_ret(c, ret);
    if (caught) {
        struct dbg_stop st = {.kind = DBG_STOP_SYSCALL_RETURN, .sig = SIGTRAP, .sysno = (int)nr, .sysret = ret};
        dbg_report(c, &st);
    }
}
