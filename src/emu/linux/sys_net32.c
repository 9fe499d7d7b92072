/* Socket calls whose structs carry pointers and lengths (msghdr, mmsghdr, cmsg) with ILP32 layouts, and the
   socketcall multiplexer of the ABIs that route sockets through one syscall. */
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "sys.h"

/* struct msghdr: name, namelen, iov, iovlen, control, controllen, flags (ILP32 28 bytes, LP64 56). */
#define M32 28
#define M64 56
/* struct cmsghdr: len (size_t), level, type; data aligned to the word (ILP32 12 bytes, LP64 16). */
#define C32 12
#define C64 16
#define ALIGN32(n) (((n) + 3) & ~(uint64_t)3)
#define ALIGN64(n) (((n) + 7) & ~(uint64_t)7)

/* Builds an LP64 msghdr (with its iovec array and control buffer) in scratch from the guest's at ga.
   *ctl32 gets the guest's control buffer address and length for the way back. */
static int64_t msg_in(struct emu_cpu *c, struct sys_scratch *s, uint64_t ga, uint64_t *wa, int recv)
{
    uint8_t g[M32], w[M64];
    if (mem_read(MEMP, ga, g, M32) < 0)
        return -EFAULT;
    uint64_t iov = ld32(g + 8), iovlen = ld32(g + 12), ctl = ld32(g + 16), ctllen = ld32(g + 20);
    if (iovlen > 1024)
        return -EMSGSIZE;
    memset(w, 0, sizeof w);
    st64(w + 0, ld32(g + 0));
    st32(w + 8, ld32(g + 4));
    st64(w + 24, iovlen);
    st32(w + 48, ld32(g + 24));
    uint64_t wiov = sys_scratch_alloc(c, s, iovlen * 16 + 16);
    if (!wiov)
        return -ENOMEM;
    for (uint64_t i = 0; i < iovlen; i++) {
        uint8_t e[8], f[16];
        if (mem_read(MEMP, iov + 8 * i, e, 8) < 0)
            return -EFAULT;
        st64(f, ld32(e));
        st64(f + 8, ld32(e + 4));
        if (mem_write(MEMP, wiov + 16 * i, f, 16) < 0)
            return -EFAULT;
    }
    st64(w + 16, wiov);
    if (ctl && ctllen) {
        /* each header grows by 4 and each payload may grow by its alignment: twice the size is room enough */
        uint64_t wlen = ctllen * 2 + 16, wctl = sys_scratch_alloc(c, s, wlen);
        uint8_t *src = gptr(c, ctl, ctllen, MEM_R), *dst = wctl ? mem_ptr(MEMP, wctl, wlen, MEM_W) : NULL;
        if (!src || !dst)
            return dst ? -EFAULT : -ENOMEM;
        memset(dst, 0, wlen);
        uint64_t out = 0;
        if (recv) {
            out = wlen;
        } else {
            for (uint64_t at = 0; at + C32 <= ctllen;) {
                uint64_t len = ld32(src + at);
                if (len < C32 || at + len > ctllen)
                    return -EINVAL;
                uint64_t data = len - C32;
                st64(dst + out, data + C64);
                memcpy(dst + out + 8, src + at + 4, 8);
                memcpy(dst + out + C64, src + at + C32, data);
                out += ALIGN64(data + C64);
                at += ALIGN32(len);
            }
        }
        st64(w + 32, wctl);
        st64(w + 40, out);
    }
    uint64_t m = sys_scratch_alloc(c, s, M64);
    if (!m || mem_write(MEMP, m, w, M64) < 0)
        return -ENOMEM;
    *wa = m;
    return 0;
}

/* Copies a received LP64 msghdr's results (namelen, control messages, flags) back to the guest's at ga. */
static int64_t msg_out(struct emu_cpu *c, uint64_t wa, uint64_t ga)
{
    uint8_t g[M32], w[M64];
    if (mem_read(MEMP, ga, g, M32) < 0 || mem_read(MEMP, wa, w, M64) < 0)
        return -EFAULT;
    st32(g + 4, ld32(w + 8));
    uint32_t flags = ld32(w + 48);
    uint64_t ctl = ld32(g + 16), room = ld32(g + 20), wctl = ld64(w + 32), wlen = ld64(w + 40), out = 0;
    if (ctl && room && wctl) {
        uint8_t *src = mem_ptr(MEMP, wctl, wlen ? wlen : 1, MEM_R), *dst = gptr(c, ctl, room, MEM_W);
        if (!src || !dst)
            return -EFAULT;
        for (uint64_t at = 0; at + C64 <= wlen;) {
            uint64_t len = ld64(src + at);
            if (len < C64 || at + len > wlen)
                break;
            uint64_t data = len - C64;
            if (out + C32 + data > room) {
                flags |= MSG_CTRUNC;
                break;
            }
            st32(dst + out, (uint32_t)(data + C32));
            memcpy(dst + out + 4, src + at + 8, 8);
            memcpy(dst + out + C32, src + at + C64, data);
            out = ALIGN32(out + C32 + data) < room ? ALIGN32(out + C32 + data) : out + C32 + data;
            at += ALIGN64(len);
        }
    }
    st32(g + 20, (uint32_t)out);
    st32(g + 24, flags);
    return mem_write(MEMP, ga, g, M32);
}

static int64_t call(struct emu_cpu *c, const char *name, const uint64_t *b)
{
    sys_fn fn = sys_find_impl(name);
    return fn ? fn(c, b) : -ENOSYS;
}

static int64_t msg_call(struct emu_cpu *c, const uint64_t a[6], int recv)
{
    struct sys_scratch s;
    uint64_t wa;
    int64_t r = sys_scratch_init(c, &s);
    if (r < 0 || (r = msg_in(c, &s, a[1], &wa, recv)) < 0)
        return r;
    uint64_t b[6] = {a[0], wa, a[2], 0, 0, 0};
    r = call(c, recv ? "recvmsg" : "sendmsg", b);
    if (r >= 0 && recv) {
        int64_t e = msg_out(c, wa, a[1]);
        if (e < 0)
            return e;
    }
    return r;
}

SYS(sys_sendmsg32) { return msg_call(c, a, 0); }
SYS(sys_recvmsg32) { return msg_call(c, a, 1); }

/* sendmmsg/recvmmsg: struct mmsghdr is a msghdr and an unsigned count (32 bytes at ILP32); one message at a
   time through the single-message calls, as the kernel's own loop does. recvmmsg's timeout is checked after
   each datagram, which is what the kernel does too (recvmmsg(2), BUGS). */
static int64_t mmsg_call(struct emu_cpu *c, const uint64_t a[6], int recv, int ts64)
{
    unsigned n = (unsigned)a[2] > 1024 ? 1024 : (unsigned)a[2];
    int flags = (int)a[3];
    int64_t done = 0, limit_ns = -1;
    struct timespec t0;
    if (recv && a[4]) {
        uint8_t t[16];
        if (mem_read(MEMP, a[4], t, ts64 ? 16 : 8) < 0)
            return -EFAULT;
        int64_t sec = ts64 ? (int64_t)ld64(t) : (int32_t)ld32(t), nsec = ts64 ? (int32_t)ld32(t + 8) : (int32_t)ld32(t + 4);
        if (sec < 0 || nsec < 0 || nsec >= 1000000000)
            return -EINVAL;
        limit_ns = sec * 1000000000 + nsec;
        clock_gettime(CLOCK_MONOTONIC, &t0);
    }
    for (unsigned i = 0; i < n; i++) {
        uint64_t ga = a[1] + 32 * (uint64_t)i, b[6] = {a[0], ga, (uint64_t)(uint32_t)flags, 0, 0, 0};
        int64_t r = msg_call(c, b, recv);
        if (r < 0)
            return done ? done : r;
        uint32_t len = (uint32_t)r;
        if (mem_write(MEMP, ga + M32, &len, 4) < 0)
            return done ? done : -EFAULT;
        done++;
        if (recv && (flags & MSG_WAITFORONE))
            flags |= MSG_DONTWAIT;
        if (limit_ns >= 0) {
            struct timespec t1;
            clock_gettime(CLOCK_MONOTONIC, &t1);
            if ((t1.tv_sec - t0.tv_sec) * 1000000000 + (t1.tv_nsec - t0.tv_nsec) >= limit_ns)
                break;
        }
    }
    return done;
}

SYS(sys_sendmmsg32) { return mmsg_call(c, a, 0, 0); }
SYS(sys_recvmmsg32) { return mmsg_call(c, a, 1, 0); }
SYS(sys_recvmmsg_time64) { return mmsg_call(c, a, 1, 1); }

/* socketcall(call, args): the multiplexer's call numbers (linux/net.h SYS_SOCKET..) and how many words each
   reads from the argument block. arm EABI does not route through it; i386 and mips o32 do. */
static const struct { const char *name; uint8_t nargs; } socketcalls[] = {
    {NULL, 0},         {"socket", 3},     {"bind", 3},        {"connect", 3},    {"listen", 2},
    {"accept", 3},     {"getsockname", 3}, {"getpeername", 3}, {"socketpair", 4}, {"send", 4},
    {"recv", 4},       {"sendto", 6},     {"recvfrom", 6},    {"shutdown", 2},   {"setsockopt", 5},
    {"getsockopt", 5}, {"sendmsg", 3},    {"recvmsg", 3},     {"accept4", 4},    {"recvmmsg", 5},
    {"sendmmsg", 4},
};

SYS(sys_socketcall)
{
    unsigned call_nr = (unsigned)a[0];
    if (call_nr == 0 || call_nr >= sizeof socketcalls / sizeof socketcalls[0])
        return -EINVAL;
    uint64_t b[6] = {0};
    if (sys_read_words(c, a[1], b, socketcalls[call_nr].nargs) < 0)
        return -EFAULT;
    const char *name = socketcalls[call_nr].name;
    sys_fn fn = sys_twin32_find(name);
    for (const struct sys_impl *i = sys_net32_impls; !fn && i->name; i++)
        if (!strcmp(i->name, name))
            fn = i->fn;
    if (!fn && !strcmp(name, "send")) /* send/recv are sendto/recvfrom without an address */
        name = "sendto";
    else if (!fn && !strcmp(name, "recv"))
        name = "recvfrom";
    if (!fn && !(fn = sys_find_impl(name)))
        return -ENOSYS;
    return fn(c, b);
}

const struct sys_impl sys_net32_impls[] = {
    {"sendmsg", sys_sendmsg32}, {"recvmsg", sys_recvmsg32}, {"sendmmsg", sys_sendmmsg32},
    {"recvmmsg", sys_recvmmsg32}, {"recvmmsg_time64", sys_recvmmsg_time64}, {"socketcall", sys_socketcall},
    {NULL, NULL},
};
