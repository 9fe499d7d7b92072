/* ILP32 twins of LP64-layout syscalls: each row names the generic handler and the struct arguments to
   convert between the 32-bit ABI's layout and the LP64 one (both described as field tables). */
#include <fcntl.h>
#include <string.h>

#include "sys.h"

/* The wide copies live below the guest's stack pointer, as the kernel's compat_alloc_user_space() did: the
   thread is inside the syscall, so nothing else uses that stack meanwhile. */
#define SCRATCH_GAP 256   /* bytes left untouched below sp */
#define SCRATCH_MAX 65536 /* most a twin may take */

int sys_scratch_init(struct emu_cpu *c, struct sys_scratch *s)
{
    uint64_t sp = c->proc->isa->get_sp(c) & ~15ull;
    if (sp < SCRATCH_GAP + 4096)
        return -EFAULT;
    s->next = sp - SCRATCH_GAP;
    s->low = s->next > SCRATCH_MAX ? s->next - SCRATCH_MAX : 0;
    return 0;
}

uint64_t sys_scratch_alloc(struct emu_cpu *c, struct sys_scratch *s, uint64_t size)
{
    uint64_t a = (s->next - size) & ~15ull;
    if (size > s->next || a < s->low || !mem_check(MEMP, a, size ? size : 1, MEM_R | MEM_W))
        return 0;
    s->next = a;
    return a;
}

/* ---- field conversion ---- */

static uint64_t ldn(const uint8_t *p, unsigned n)
{
    return n == 8 ? ld64(p) : n == 4 ? ld32(p) : n == 2 ? (uint64_t)(p[0] | p[1] << 8) : p[0];
}

static void stn(uint8_t *p, unsigned n, uint64_t v)
{
    if (n == 8)
        st64(p, v);
    else if (n == 4)
        st32(p, (uint32_t)v);
    else if (n == 2)
        p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8);
    else
        p[0] = (uint8_t)v;
}

/* 32-bit value -> 64-bit: sign- or zero-extended, scaled, infinity widened. */
static uint64_t widen(const struct sys_field *f, uint64_t v)
{
    if (f->fl & SF_SIGNED)
        v = f->gs == 4 ? (uint64_t)(int64_t)(int32_t)v : f->gs == 2 ? (uint64_t)(int64_t)(int16_t)v : v;
    if ((f->fl & SF_INF) && v == (f->gs == 4 ? 0xffffffffull : 0xffffull))
        v = ~0ull;
    if (f->fl & SF_USEC)
        v *= 1000; /* microseconds -> nanoseconds */
    return v;
}

/* 64-bit value -> 32-bit; -EOVERFLOW when the kernel would refuse it. */
static int narrow(const struct sys_field *f, uint64_t v, uint64_t *out)
{
    if (f->fl & SF_USEC)
        v = (uint64_t)((int64_t)v / 1000);
    uint64_t max = f->gs == 4 ? 0xffffffffull : f->gs == 2 ? 0xffffull : f->gs == 1 ? 0xff : ~0ull;
    if (f->ws > f->gs && (f->fl & (SF_CLAMP | SF_OVF | SF_ID16))) {
        int fits = (f->fl & SF_SIGNED) ? (int64_t)v >= -(int64_t)(max / 2) - 1 && (int64_t)v <= (int64_t)(max / 2)
                                      : v <= max;
        if (!fits) {
            if (f->fl & SF_OVF)
                return -EOVERFLOW;
            v = (f->fl & SF_ID16) ? 65534 /* overflowuid */ : max;
        }
    }
    *out = v & max;
    return 0;
}

int sys_layout_in(const struct sys_layout *l, const uint8_t *g, uint8_t *w)
{
    memset(w, 0, l->wsize);
    for (unsigned i = 0; i < l->nf; i++) {
        const struct sys_field *f = &l->f[i];
        stn(w + f->w, f->ws, widen(f, ldn(g + f->g, f->gs)));
    }
    return 0;
}

int sys_layout_out(const struct sys_layout *l, const uint8_t *w, uint8_t *g)
{
    memset(g, 0, l->gsize);
    if (l->out)
        return l->out(w, g);
    for (unsigned i = 0; i < l->nf; i++) {
        const struct sys_field *f = &l->f[i];
        uint64_t v;
        int r = narrow(f, ldn(w + f->w, f->ws), &v);
        if (r < 0)
            return r;
        stn(g + f->g, f->gs, v);
    }
    return 0;
}

/* ---- layouts (ILP32 offset, LP64 offset, sizes, flags) ---- */

#define N(x) (sizeof(x) / sizeof((x)[0]))
#define LAYOUT(name, gsz, wsz, fields) {name, gsz, wsz, fields, N(fields), NULL}
#define S SF_SIGNED

/* struct timespec / old_timespec32 and struct timeval / old_timeval32 (<linux/time_types.h>). */
static const struct sys_field f_ts[] = {{0, 0, 4, 8, S}, {4, 8, 4, 8, S}};
/* struct __kernel_timespec as 32-bit ABIs pass it to the *_time64 calls: the kernel reads only the low 32 bits
   of tv_nsec from them (get_timespec64 under in_compat_syscall), the rest is padding. */
static const struct sys_field f_ts64[] = {{0, 0, 8, 8, 0}, {8, 8, 4, 8, S}};
static const struct sys_field f_its64[] = {{0, 0, 8, 8, 0}, {8, 8, 4, 8, S}, {16, 16, 8, 8, 0}, {24, 24, 4, 8, S}};
/* A timeval read as a timespec (select's timeout into pselect6). */
static const struct sys_field f_tv_as_ts[] = {{0, 0, 4, 8, S}, {4, 8, 4, 8, S | SF_USEC}};
/* struct itimerspec, struct itimerval: two of the above. */
static const struct sys_field f_its[] = {{0, 0, 4, 8, S}, {4, 8, 4, 8, S}, {8, 16, 4, 8, S}, {12, 24, 4, 8, S}};
/* struct rusage: two timevals and fourteen longs. */
static const struct sys_field f_rusage[] = {
    {0, 0, 4, 8, S},    {4, 8, 4, 8, S},    {8, 16, 4, 8, S},   {12, 24, 4, 8, S},  {16, 32, 4, 8, S},
    {20, 40, 4, 8, S},  {24, 48, 4, 8, S},  {28, 56, 4, 8, S},  {32, 64, 4, 8, S},  {36, 72, 4, 8, S},
    {40, 80, 4, 8, S},  {44, 88, 4, 8, S},  {48, 96, 4, 8, S},  {52, 104, 4, 8, S}, {56, 112, 4, 8, S},
    {60, 120, 4, 8, S}, {64, 128, 4, 8, S}, {68, 136, 4, 8, S},
};
/* struct tms: four clock_t. */
static const struct sys_field f_tms[] = {{0, 0, 4, 8, S}, {4, 8, 4, 8, S}, {8, 16, 4, 8, S}, {12, 24, 4, 8, S}};
/* struct rlimit: unsigned longs, RLIM_INFINITY is ~0UL at either width (kernel/sys.c compat getrlimit). */
static const struct sys_field f_rlimit[] = {{0, 0, 4, 8, SF_INF | SF_CLAMP}, {4, 8, 4, 8, SF_INF | SF_CLAMP}};
/* {const sigset_t *ss; size_t ss_len}: pselect6's sixth argument. */
static const struct sys_field f_ptrpair[] = {{0, 0, 4, 8, 0}, {4, 8, 4, 8, 0}};
/* struct sigevent: sigval, signo, notify, then tid or {function, attribute}. */
static const struct sys_field f_sigevent[] = {{0, 0, 4, 8, 0}, {4, 8, 4, 4, 0}, {8, 12, 4, 4, 0}, {12, 16, 4, 8, 0},
                                              {16, 24, 4, 8, 0}};
/* struct statfs (asm-generic/statfs.h: __statfs_word is a long); the kernel refuses values past 32 bits. */
static const struct sys_field f_statfs[] = {
    {0, 0, 4, 8, SF_OVF},   {4, 8, 4, 8, SF_OVF},   {8, 16, 4, 8, SF_OVF},  {12, 24, 4, 8, SF_OVF},
    {16, 32, 4, 8, SF_OVF}, {20, 40, 4, 8, SF_CLAMP}, {24, 48, 4, 8, SF_CLAMP}, {28, 56, 4, 4, 0},
    {32, 60, 4, 4, 0},      {36, 64, 4, 8, 0},      {40, 72, 4, 8, 0},      {44, 80, 4, 8, 0},
};
/* arm's and i386's old struct stat (asm/stat.h) from asm-generic's: 16-bit mode, nlink and ids. */
static const struct sys_field f_oldstat[] = {
    {0, 0, 4, 8, SF_CLAMP},  {4, 8, 4, 8, SF_OVF},    {8, 16, 2, 4, 0},        {10, 20, 2, 4, SF_OVF},
    {12, 24, 2, 4, SF_ID16}, {14, 28, 2, 4, SF_ID16}, {16, 32, 4, 8, SF_CLAMP}, {20, 48, 4, 8, SF_OVF | S},
    {24, 56, 4, 4, 0},       {28, 64, 4, 8, SF_OVF},  {32, 72, 4, 8, S},        {36, 80, 4, 8, 0},
    {40, 88, 4, 8, S},       {44, 96, 4, 8, 0},       {48, 104, 4, 8, S},       {52, 112, 4, 8, 0},
};

/* struct sysinfo: when memory sizes pass 32 bits, they are shifted and mem_unit grows (kernel/sys.c
   do_compat_sysinfo). */
static int sysinfo_out(const uint8_t *w, uint8_t *g)
{
    static const uint8_t mem_w[] = {32, 40, 48, 56, 64, 72, 88, 96}, mem_g[] = {16, 20, 24, 28, 32, 36, 44, 48};
    uint64_t unit = ld32(w + 104), big = 0;
    for (unsigned i = 0; i < sizeof mem_w; i++)
        big |= ld64(w + mem_w[i]);
    unsigned shift = 0;
    while (unit < 4096 && (big >> shift) > 0xffffffffull)
        shift++, unit <<= 1;
    st32(g + 0, (uint32_t)ld64(w + 0));
    for (int i = 0; i < 3; i++)
        st32(g + 4 + 4 * i, (uint32_t)ld64(w + 8 + 8 * i));
    for (unsigned i = 0; i < sizeof mem_w; i++)
        st32(g + mem_g[i], (uint32_t)(ld64(w + mem_w[i]) >> shift));
    g[40] = w[80], g[41] = w[81]; /* procs */
    st32(g + 52, (uint32_t)unit);
    return 0;
}

/* siginfo_t: three ints, then a union whose members hold pointers and longs (asm-generic/siginfo.h). */
static int siginfo_out(const uint8_t *w, uint8_t *g)
{
    int32_t signo = (int32_t)ld32(w), code = (int32_t)ld32(w + 8);
    memcpy(g, w, 12);
    if (signo == SIGCHLD) { /* pid, uid, status, utime, stime */
        memcpy(g + 12, w + 16, 12);
        st32(g + 24, (uint32_t)ld64(w + 32));
        st32(g + 28, (uint32_t)ld64(w + 40));
    } else if (code > 0 && (signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE ||
                            signo == SIGTRAP)) { /* si_addr */
        st32(g + 12, (uint32_t)ld64(w + 16));
    } else if (signo == SIGPOLL) { /* band (long), fd */
        st32(g + 12, (uint32_t)ld64(w + 16));
        memcpy(g + 16, w + 24, 4);
    } else { /* pid/tid, uid/overrun, sigval */
        memcpy(g + 12, w + 16, 8);
        st32(g + 20, (uint32_t)ld64(w + 24));
    }
    return 0;
}

static const struct sys_layout l_ts = LAYOUT("timespec", 8, 16, f_ts);
static const struct sys_layout l_tv_as_ts = LAYOUT("timeval", 8, 16, f_tv_as_ts);
static const struct sys_layout l_its = LAYOUT("itimerspec", 16, 32, f_its);
static const struct sys_layout l_ts64 = LAYOUT("__kernel_timespec", 16, 16, f_ts64);
static const struct sys_layout l_its64 = LAYOUT("__kernel_itimerspec", 32, 32, f_its64);
static const struct sys_layout l_rusage = LAYOUT("rusage", 72, 144, f_rusage);
static const struct sys_layout l_tms = LAYOUT("tms", 16, 32, f_tms);
static const struct sys_layout l_rlimit = LAYOUT("rlimit", 8, 16, f_rlimit);
static const struct sys_layout l_ptrpair = LAYOUT("sigset_argpack", 8, 16, f_ptrpair);
static const struct sys_layout l_sigevent = {"sigevent", 64, 64, f_sigevent, N(f_sigevent), NULL};
static const struct sys_layout l_statfs = LAYOUT("statfs", 64, 120, f_statfs);
static const struct sys_layout l_oldstat = LAYOUT("stat", 64, sizeof(struct gstat_generic), f_oldstat);
static const struct sys_layout l_sysinfo = {"sysinfo", 64, 112, NULL, 0, sysinfo_out};
static const struct sys_layout l_siginfo = {"siginfo", 128, 128, NULL, 0, siginfo_out};
const struct sys_layout sys_layout_timespec32 = LAYOUT("timespec", 8, 16, f_ts);
/* fd_set bitmaps: the bytes are the same, only the rounding differs ((n + 31) / 32 words vs (n + 63) / 64). */
static const struct sys_layout l_fdset = {"fd_set", 0, 0, NULL, 0, NULL};

/* ---- twins ---- */

enum { IN = 1, OUT = 2, INOUT = 3 };
#define MAXCONV 5

struct conv {
    uint8_t arg;                         /* which argument points at the struct */
    uint8_t dir;                         /* IN, OUT or INOUT */
    uint8_t count;                       /* array length (0 = 1) */
    const struct sys_layout *l;          /* its layouts */
    int (*when)(const uint64_t a[6]);    /* converted only when this says so (NULL: always) */
};

struct twin {
    const char *name;                    /* the 32-bit ABI's syscall */
    const char *impl;                    /* the generic (LP64-layout) handler it runs */
    uint8_t nargs;                       /* arguments passed on (the rest read as 0) */
    void (*fix)(uint64_t a[6]);          /* rewrites the argument list for impl first, or NULL */
    struct conv cv[MAXCONV];             /* conversions, by argument position after fix */
};

/* Path calls rebuilt as their *at forms: (path, x) -> (AT_FDCWD, path, x, flags). */
static void at_cwd(uint64_t a[6], uint64_t flags)
{
    a[3] = flags, a[2] = a[1], a[1] = a[0], a[0] = (uint64_t)(int64_t)AT_FDCWD;
}
static void fix_stat(uint64_t a[6]) { at_cwd(a, 0); }
static void fix_lstat(uint64_t a[6]) { at_cwd(a, AT_SYMLINK_NOFOLLOW); }
static void fix_futimesat(uint64_t a[6]) { a[3] = 0; }

/* fcntl's record locks: struct flock with 32-bit off_t, struct flock64 through fcntl64 (arm EABI aligns its
   loff_t fields to 8, which gives the LP64 offsets; i386 packs them and needs its own rows). */
static const struct sys_field f_flock32[] = {{0, 0, 2, 2, 0}, {2, 2, 2, 2, 0}, {4, 8, 4, 8, S | SF_OVF},
                                             {8, 16, 4, 8, S | SF_OVF}, {12, 24, 4, 4, 0}};
static const struct sys_field f_flock64[] = {{0, 0, 2, 2, 0}, {2, 2, 2, 2, 0}, {8, 8, 8, 8, 0}, {16, 16, 8, 8, 0},
                                             {24, 24, 4, 4, 0}};
static const struct sys_field f_off32[] = {{0, 0, 4, 8, S | SF_OVF}};
static const struct sys_layout l_off32 = LAYOUT("off_t", 4, 8, f_off32);
static const struct sys_layout l_flock32 = LAYOUT("flock", 16, 32, f_flock32);
static const struct sys_layout l_flock64 = LAYOUT("flock64", 32, 32, f_flock64);
static int lk32(const uint64_t a[6]) { return a[1] >= 5 && a[1] <= 7; }                     /* F_GETLK.. */
static int lk64(const uint64_t a[6]) { return (a[1] >= 12 && a[1] <= 14) || (a[1] >= 36 && a[1] <= 38); }
static void fix_lk64(uint64_t a[6]) { if (a[1] >= 12 && a[1] <= 14) a[1] -= 7; } /* F_GETLK64 -> F_GETLK */

/* futex's fourth argument is a timeout only for the waiting operations. */
static int futex_timed(const uint64_t a[6])
{
    unsigned cmd = (unsigned)a[1] & 0x7f;
    return cmd == 0 || cmd == 9 || cmd == 6 || cmd == 11 || cmd == 13;
}

static const struct twin twins[] = {
    {"clock_gettime", "clock_gettime", 2, NULL, {{1, OUT, 0, &l_ts, NULL}}},
    {"clock_getres", "clock_getres", 2, NULL, {{1, OUT, 0, &l_ts, NULL}}},
    {"nanosleep", "nanosleep", 2, NULL, {{0, IN, 0, &l_ts, NULL}, {1, OUT, 0, &l_ts, NULL}}},
    {"clock_nanosleep", "clock_nanosleep", 4, NULL, {{2, IN, 0, &l_ts, NULL}, {3, OUT, 0, &l_ts, NULL}}},
    {"gettimeofday", "gettimeofday", 2, NULL, {{0, OUT, 0, &l_ts, NULL}}}, /* same fields, microseconds kept */
    {"futex", "futex", 6, NULL, {{3, IN, 0, &l_ts, futex_timed}}},
    {"ppoll", "ppoll", 5, NULL, {{2, INOUT, 0, &l_ts, NULL}}},
    {"pselect6", "pselect6", 6, NULL,
     {{1, INOUT, 0, &l_fdset, NULL}, {2, INOUT, 0, &l_fdset, NULL}, {3, INOUT, 0, &l_fdset, NULL},
      {4, INOUT, 0, &l_ts, NULL}, {5, IN, 0, &l_ptrpair, NULL}}},
    {"pselect6_time64", "pselect6", 6, NULL,
     {{1, INOUT, 0, &l_fdset, NULL}, {2, INOUT, 0, &l_fdset, NULL}, {3, INOUT, 0, &l_fdset, NULL},
      {4, INOUT, 0, &l_ts64, NULL}, {5, IN, 0, &l_ptrpair, NULL}}},
    /* the *_time64 calls: 64-bit seconds, nanoseconds in the low half of their 64-bit field */
    {"clock_nanosleep_time64", "clock_nanosleep", 4, NULL, {{2, IN, 0, &l_ts64, NULL}}},
    {"futex_time64", "futex", 6, NULL, {{3, IN, 0, &l_ts64, futex_timed}}},
    {"ppoll_time64", "ppoll", 5, NULL, {{2, INOUT, 0, &l_ts64, NULL}}},
    {"timer_settime64", "timer_settime", 4, NULL, {{2, IN, 0, &l_its64, NULL}}},
    {"timerfd_settime64", "timerfd_settime", 4, NULL, {{2, IN, 0, &l_its64, NULL}}},
    {"utimensat_time64", "utimensat", 4, NULL, {{2, IN, 2, &l_ts64, NULL}}},
    {"utimensat", "utimensat", 4, NULL, {{2, IN, 2, &l_ts, NULL}}},
    {"timerfd_settime", "timerfd_settime", 4, NULL, {{2, IN, 0, &l_its, NULL}, {3, OUT, 0, &l_its, NULL}}},
    {"timerfd_gettime", "timerfd_gettime", 2, NULL, {{1, OUT, 0, &l_its, NULL}}},
    {"timer_settime", "timer_settime", 4, NULL, {{2, IN, 0, &l_its, NULL}, {3, OUT, 0, &l_its, NULL}}},
    {"timer_gettime", "timer_gettime", 2, NULL, {{1, OUT, 0, &l_its, NULL}}},
    {"timer_create", "timer_create", 3, NULL, {{1, IN, 0, &l_sigevent, NULL}}},
    {"getitimer", "getitimer", 2, NULL, {{1, OUT, 0, &l_its, NULL}}},
    {"setitimer", "setitimer", 3, NULL, {{1, IN, 0, &l_its, NULL}, {2, OUT, 0, &l_its, NULL}}},
    {"getrusage", "getrusage", 2, NULL, {{1, OUT, 0, &l_rusage, NULL}}},
    {"wait4", "wait4", 4, NULL, {{3, OUT, 0, &l_rusage, NULL}}},
    {"waitid", "waitid", 5, NULL, {{2, OUT, 0, &l_siginfo, NULL}, {4, OUT, 0, &l_rusage, NULL}}},
    {"sysinfo", "sysinfo", 1, NULL, {{0, OUT, 0, &l_sysinfo, NULL}}},
    {"times", "times", 1, NULL, {{0, OUT, 0, &l_tms, NULL}}},
    {"getrlimit", "getrlimit", 2, NULL, {{1, OUT, 0, &l_rlimit, NULL}}},
    {"setrlimit", "setrlimit", 2, NULL, {{1, IN, 0, &l_rlimit, NULL}}},
    {"statfs", "statfs", 2, NULL, {{1, OUT, 0, &l_statfs, NULL}}},
    {"fstatfs", "fstatfs", 2, NULL, {{1, OUT, 0, &l_statfs, NULL}}},
    {"fstat", "fstat", 2, NULL, {{1, OUT, 0, &l_oldstat, NULL}}},
    {"stat", "newfstatat", 2, fix_stat, {{2, OUT, 0, &l_oldstat, NULL}}},
    {"lstat", "newfstatat", 2, fix_lstat, {{2, OUT, 0, &l_oldstat, NULL}}},
    {"utimes", "utimensat", 2, fix_stat, {{2, IN, 2, &l_tv_as_ts, NULL}}},
    {"futimesat", "utimensat", 3, fix_futimesat, {{2, IN, 2, &l_tv_as_ts, NULL}}},
    {"fcntl", "fcntl", 3, NULL, {{2, INOUT, 0, &l_flock32, lk32}}},
    {"fcntl64", "fcntl", 3, fix_lk64, {{2, INOUT, 0, &l_flock32, lk32}, {2, INOUT, 0, &l_flock64, lk64}}},
    {"sendfile", "sendfile", 4, NULL, {{2, INOUT, 0, &l_off32, NULL}}},
    {"_newselect", "pselect6", 5, NULL,
     {{1, INOUT, 0, &l_fdset, NULL}, {2, INOUT, 0, &l_fdset, NULL}, {3, INOUT, 0, &l_fdset, NULL},
      {4, INOUT, 0, &l_tv_as_ts, NULL}}},
};

/* Byte sizes of one converted argument at either width. */
static void conv_sizes(const struct conv *cv, const uint64_t a[6], uint64_t *gs, uint64_t *ws)
{
    unsigned n = cv->count ? cv->count : 1;
    if (cv->l == &l_fdset) {
        uint64_t nfds = (uint32_t)a[0] > 1024 ? 1024 : (uint32_t)a[0];
        *gs = (nfds + 31) / 32 * 4;
        *ws = (nfds + 63) / 64 * 8;
        return;
    }
    *gs = (uint64_t)cv->l->gsize * n;
    *ws = (uint64_t)cv->l->wsize * n;
}

static int64_t run_twin(struct emu_cpu *c, const uint64_t in[6], const struct twin *t)
{
    static sys_fn impls[N(twins)];
    size_t idx = (size_t)(t - twins);
    sys_fn fn = __atomic_load_n(&impls[idx], __ATOMIC_RELAXED);
    if (!fn) {
        if (!(fn = sys_find_impl(t->impl)))
            return -ENOSYS;
        __atomic_store_n(&impls[idx], fn, __ATOMIC_RELAXED);
    }
    uint64_t a[6] = {0};
    for (unsigned i = 0; i < t->nargs; i++)
        a[i] = in[i] & 0xffffffffu;
    if (t->fix)
        t->fix(a);
    struct sys_scratch s;
    if (sys_scratch_init(c, &s) < 0)
        return -EFAULT;
    uint64_t gaddr[MAXCONV] = {0};
    for (int k = 0; k < MAXCONV && t->cv[k].l; k++) {
        const struct conv *cv = &t->cv[k];
        if (!a[cv->arg] || (cv->when && !cv->when(in)))
            continue;
        uint64_t gs, ws;
        conv_sizes(cv, a, &gs, &ws);
        uint64_t wa = sys_scratch_alloc(c, &s, ws ? ws : 8);
        if (!wa)
            return -EFAULT;
        uint8_t *w = mem_ptr(MEMP, wa, ws ? ws : 8, MEM_W);
        const uint8_t *g = gptr(c, a[cv->arg], gs, cv->dir == OUT ? MEM_W : MEM_R);
        if (!w || !g)
            return -EFAULT;
        if (cv->l == &l_fdset) {
            memset(w, 0, ws);
            memcpy(w, g, gs);
        } else if (cv->l->f) {
            for (unsigned i = 0; i < (cv->count ? cv->count : 1u); i++)
                sys_layout_in(cv->l, g + i * cv->l->gsize, w + i * cv->l->wsize);
        } else {
            memset(w, 0, ws);
        }
        gaddr[k] = a[cv->arg];
        a[cv->arg] = wa;
    }
    int64_t ret = fn(c, a);
    if (ret < 0 && ret != -EINTR)
        return ret;
    for (int k = 0; k < MAXCONV && t->cv[k].l; k++) {
        const struct conv *cv = &t->cv[k];
        if (!gaddr[k] || !(cv->dir & OUT))
            continue;
        uint64_t gs, ws;
        conv_sizes(cv, a, &gs, &ws);
        const uint8_t *w = mem_ptr(MEMP, a[cv->arg], ws ? ws : 8, MEM_R);
        uint8_t *g = gptr(c, gaddr[k], gs, MEM_W);
        if (!w || !g)
            return -EFAULT;
        if (cv->l == &l_fdset) {
            memcpy(g, w, gs);
            continue;
        }
        for (unsigned i = 0; i < (cv->count ? cv->count : 1u); i++) {
            int r = sys_layout_out(cv->l, w + i * cv->l->wsize, g + i * cv->l->gsize);
            if (r < 0)
                return r;
        }
    }
    return ret;
}

#define TWIN(i) static int64_t twin_##i(struct emu_cpu *c, const uint64_t a[6]) { return run_twin(c, a, &twins[i]); }
TWIN(0) TWIN(1) TWIN(2) TWIN(3) TWIN(4) TWIN(5) TWIN(6) TWIN(7) TWIN(8) TWIN(9) TWIN(10) TWIN(11) TWIN(12)
TWIN(13) TWIN(14) TWIN(15) TWIN(16) TWIN(17) TWIN(18) TWIN(19) TWIN(20) TWIN(21) TWIN(22) TWIN(23) TWIN(24)
TWIN(25) TWIN(26) TWIN(27) TWIN(28) TWIN(29) TWIN(30) TWIN(31) TWIN(32) TWIN(33) TWIN(34) TWIN(35) TWIN(36) TWIN(37) TWIN(38)
TWIN(39) TWIN(40)
static const sys_fn twin_fns[] = {
    twin_0,  twin_1,  twin_2,  twin_3,  twin_4,  twin_5,  twin_6,  twin_7,  twin_8,  twin_9,  twin_10,
    twin_11, twin_12, twin_13, twin_14, twin_15, twin_16, twin_17, twin_18, twin_19, twin_20, twin_21,
    twin_22, twin_23, twin_24, twin_25, twin_26, twin_27, twin_28, twin_29, twin_30, twin_31, twin_32,
    twin_33, twin_34, twin_35, twin_36, twin_37, twin_38, twin_39, twin_40,
};
_Static_assert(N(twin_fns) == N(twins), "one handler per twin row");

sys_fn sys_twin32_find(const char *name)
{
    for (size_t i = 0; i < N(twins); i++)
        if (!strcmp(twins[i].name, name))
            return twin_fns[i];
    return NULL;
}
