/* Shared helpers for syscall handler families: guest pointers, paths under the sysroot, guest struct layouts. */
#ifndef XTRACE_SYS_H
#define XTRACE_SYS_H

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>

#include "emu.h"
#include "mem.h"
#include "syscall.h"

/* A generic handler bound to syscall names. */
struct sys_impl {
    const char *name;            /* kernel syscall name */
    sys_fn fn;                   /* handler */
};

extern const struct sys_impl sys_fs_impls[];   /* files, directories, paths */
extern const struct sys_impl sys_io_impls[];   /* read/write family, ioctl, pipes, fcntl */
extern const struct sys_impl sys_mm_impls[];   /* mmap, brk, mprotect */
extern const struct sys_impl sys_proc_impls[]; /* ids, time, exit, limits */
extern const struct sys_impl sys_process_impls[]; /* clone, execve, wait */
extern const struct sys_impl sys_net_impls[];  /* sockets */
extern const struct sys_impl sys_fd_impls[];   /* epoll, eventfd, timerfd, inotify, statfs, credentials */
extern const struct sys_impl sys_compat32_impls[]; /* stat64, _llseek, statfs64: 32-bit-only calls */
extern const struct sys_impl sys_signal_impls[]; /* dispositions, masks, kill, sigreturn */

extern const struct sys_impl sys_uid16_impls[]; /* 16-bit uid/gid forms of the credential calls (arm, i386) */
extern const struct sys_impl sys_net32_impls[];  /* msghdr-carrying socket calls with ILP32 layouts */
extern const struct sys_impl sys_dir32_impls[];  /* getdents64/lseek with 31-bit directory offsets */
extern const struct sys_impl sys_ilp32_impls[];  /* other plain-named calls with ILP32 layouts */

/* The generic handler bound to a kernel name, or NULL. */
sys_fn sys_find_impl(const char *name);
/* The ILP32 twin of an LP64-layout handler (sys_twin32.c), or NULL. */
sys_fn sys_twin32_find(const char *name);

/* Guest memory for a syscall's wide copies of 32-bit structs, carved below the guest's stack pointer. */
struct sys_scratch {
    uint64_t next;               /* lowest address handed out so far */
    uint64_t low;                /* the most that may be used */
};
/* Starts an empty scratch area for this syscall; returns 0 or -EFAULT. */
int sys_scratch_init(struct emu_cpu *c, struct sys_scratch *s);
/* A 16-byte-aligned writable block of size bytes, or 0 when there is no room. */
uint64_t sys_scratch_alloc(struct emu_cpu *c, struct sys_scratch *s, uint64_t size);

/* One field of a struct that differs between a 32-bit ABI and LP64: offsets and sizes at both widths. */
struct sys_field {
    uint16_t g, w;               /* offset in the ILP32 layout, in the LP64 layout */
    uint8_t gs, ws;              /* sizes in bytes */
    uint8_t fl;                  /* SF_* */
};
#define SF_SIGNED 0x01           /* sign-extend when widening */
#define SF_OVF 0x02              /* narrowing a value that does not fit fails with EOVERFLOW */
#define SF_CLAMP 0x04            /* narrowing saturates (RLIM_INFINITY, counts) */
#define SF_INF 0x08              /* all-ones widens to all-ones (RLIM_INFINITY) */
#define SF_USEC 0x10             /* microseconds at 32 bits, nanoseconds at 64 (a timeval read as a timespec) */
#define SF_ID16 0x20             /* a 16-bit uid/gid: too big reads as the overflow id 65534 */

/* A struct described at both widths; out, when set, replaces the field walk for narrowing. */
struct sys_layout {
    const char *name;            /* C struct name */
    uint16_t gsize, wsize;       /* sizes at 32 and 64 bits */
    const struct sys_field *f;   /* fields to convert (others read as 0) */
    unsigned nf;                 /* how many */
    int (*out)(const uint8_t *w, uint8_t *g); /* custom LP64 -> ILP32 conversion, or NULL */
};
/* ILP32 bytes to LP64 bytes (never fails). */
int sys_layout_in(const struct sys_layout *l, const uint8_t *g, uint8_t *w);
/* LP64 bytes to ILP32 bytes; returns 0 or -EOVERFLOW. */
int sys_layout_out(const struct sys_layout *l, const uint8_t *w, uint8_t *g);
extern const struct sys_layout sys_layout_timespec32; /* struct old_timespec32 */

/* Fills isa->systab from the numbering for isa->name; returns -1 when xtrace has none. */
int sys_init_isa(struct emu_isa *isa);

#define SYS(name) static int64_t name(struct emu_cpu *c, const uint64_t a[6])
#define MEMP (c->proc->mem)
/* -errno of the host's errno in the guest's numbering. */
#define ERR() (-(int64_t)sys_errno(errno))
/* Result of a host call returning -1/errno. */
#define RET(expr) ({ int64_t r_ = (int64_t)(expr); r_ < 0 ? ERR() : r_; })

/* Host pointer for a guest buffer, or NULL (then return -EFAULT). len 0 is always fine. */
static inline void *gptr(struct emu_cpu *c, uint64_t a, uint64_t len, int prot)
{
    static char empty;
    if (!len)
        return &empty;
    return mem_ptr(c->proc->mem, a, len, prot);
}

/* Reads a guest path and maps absolute paths into the sysroot when they exist there; also handles
   /proc/self/exe. Returns 0 or -EFAULT/-ENAMETOOLONG. out must hold PATH_MAX bytes. */
int sys_path(struct emu_cpu *c, uint64_t a, char *out);
struct stat;
/* Writes a host struct stat into guest memory in one ABI's layout. */
typedef int64_t (*sys_stat_put)(struct emu_cpu *c, uint64_t ga, const struct stat *st);
/* stat of guest path gpath relative to dirfd with AT_* flags (fstat of dirfd when gpath is 0), written by put. */
int64_t sys_stat_into(struct emu_cpu *c, int dirfd, uint64_t gpath, int flags, uint64_t gbuf, sys_stat_put put);

/* A guest signal mask (bit n-1 for signal n, generic numbering) as a host sigset. */
static inline void sys_host_sigset(uint64_t m, sigset_t *set)
{
    sigemptyset(set);
    for (int s = 1; s <= 64; s++)
        if ((m >> (s - 1)) & 1)
            sigaddset(set, s);
}

/* The guest's word (long, pointer) size in bytes: 8 on LP64 ABIs, 4 on ILP32 ones. */
static inline unsigned sys_word(const struct emu_cpu *c) { return c->proc->isa->elf_class == 2 ? 8 : 4; }

/* Reads n guest words (little-endian, zero-extended) at a; returns 0 or -EFAULT. */
static inline int sys_read_words(struct emu_cpu *c, uint64_t a, uint64_t *w, unsigned n)
{
    unsigned ws = sys_word(c);
    uint8_t buf[64];
    if (n * ws > sizeof buf || mem_read(c->proc->mem, a, buf, n * ws) < 0)
        return -EFAULT;
    for (unsigned i = 0; i < n; i++)
        w[i] = ws == 8 ? ld64(buf + 8 * i) : ld32(buf + 4 * i);
    return 0;
}

/* Writes n guest words at a; returns 0 or -EFAULT. */
static inline int sys_write_words(struct emu_cpu *c, uint64_t a, const uint64_t *w, unsigned n)
{
    unsigned ws = sys_word(c);
    uint8_t buf[64];
    if (n * ws > sizeof buf)
        return -EFAULT;
    for (unsigned i = 0; i < n; i++) {
        if (ws == 8)
            st64(buf + 8 * i, w[i]);
        else
            st32(buf + 4 * i, (uint32_t)w[i]);
    }
    return mem_write(c->proc->mem, a, buf, n * ws);
}

/* Guest dirfd to host dirfd (AT_FDCWD passes through). */
static inline int sys_dirfd(uint64_t fd) { return (int)(int32_t)fd; }

/* asm-generic struct stat (riscv64, aarch64 and other generic-numbering 64-bit guests). */
struct gstat_generic {
    uint64_t st_dev, st_ino;
    uint32_t st_mode, st_nlink, st_uid, st_gid;
    uint64_t st_rdev, pad1;
    int64_t st_size;
    int32_t st_blksize, pad2;
    int64_t st_blocks;
    int64_t st_atime_, st_atime_nsec, st_mtime_, st_mtime_nsec, st_ctime_, st_ctime_nsec;
    uint32_t unused4, unused5;
};

#endif
