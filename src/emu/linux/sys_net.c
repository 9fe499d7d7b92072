/* Socket syscalls: sockaddrs and message headers in guest memory handed to the host (LP64 layouts match). */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "sys.h"

#define MAX_IOV 1024

SYS(sys_socket) { (void)c; return RET(socket((int)a[0], (int)a[1], (int)a[2])); }

SYS(sys_socketpair)
{
    int sv[2];
    if (socketpair((int)a[0], (int)a[1], (int)a[2], sv) < 0)
        return ERR();
    int32_t g[2] = {sv[0], sv[1]};
    return mem_write(MEMP, a[3], g, sizeof g);
}

SYS(sys_bind)
{
    void *sa = gptr(c, a[1], a[2], MEM_R);
    return sa ? RET(bind((int)a[0], sa, (socklen_t)a[2])) : -EFAULT;
}

SYS(sys_connect)
{
    void *sa = gptr(c, a[1], a[2], MEM_R);
    return sa ? RET(connect((int)a[0], sa, (socklen_t)a[2])) : -EFAULT;
}

SYS(sys_listen) { (void)c; return RET(listen((int)a[0], (int)a[1])); }
SYS(sys_shutdown) { (void)c; return RET(shutdown((int)a[0], (int)a[1])); }

/* Calls that return an address: (fd, addr, addrlen*) with addrlen in/out. */
static int64_t addr_out(struct emu_cpu *c, uint64_t ga, uint64_t glen, socklen_t **lenp, void **sap)
{
    *lenp = NULL, *sap = NULL;
    if (!ga)
        return 0;
    socklen_t *len = gptr(c, glen, 4, MEM_R | MEM_W);
    if (!len)
        return -EFAULT;
    void *sa = gptr(c, ga, *len, MEM_W);
    if (!sa)
        return -EFAULT;
    *lenp = len, *sap = sa;
    return 0;
}

SYS(sys_accept4)
{
    socklen_t *len;
    void *sa;
    int64_t r = addr_out(c, a[1], a[2], &len, &sa);
    return r < 0 ? r : RET(accept4((int)a[0], sa, len, (int)a[3]));
}

SYS(sys_accept)
{
    socklen_t *len;
    void *sa;
    int64_t r = addr_out(c, a[1], a[2], &len, &sa);
    return r < 0 ? r : RET(accept((int)a[0], sa, len));
}

SYS(sys_getsockname)
{
    socklen_t *len;
    void *sa;
    int64_t r = addr_out(c, a[1], a[2], &len, &sa);
    return r < 0 ? r : RET(getsockname((int)a[0], sa, len));
}

SYS(sys_getpeername)
{
    socklen_t *len;
    void *sa;
    int64_t r = addr_out(c, a[1], a[2], &len, &sa);
    return r < 0 ? r : RET(getpeername((int)a[0], sa, len));
}

SYS(sys_sendto)
{
    void *buf = gptr(c, a[1], a[2], MEM_R), *sa = a[4] ? gptr(c, a[4], a[5], MEM_R) : NULL;
    if (!buf || (a[4] && !sa))
        return -EFAULT;
    return RET(sendto((int)a[0], buf, a[2], (int)a[3], sa, (socklen_t)a[5]));
}

SYS(sys_recvfrom)
{
    void *buf = gptr(c, a[1], a[2], MEM_W);
    socklen_t *len;
    void *sa;
    if (!buf)
        return -EFAULT;
    int64_t r = addr_out(c, a[4], a[5], &len, &sa);
    return r < 0 ? r : RET(recvfrom((int)a[0], buf, a[2], (int)a[3], sa, len));
}

SYS(sys_setsockopt)
{
    void *v = gptr(c, a[3], a[4], MEM_R); /* option values are ints or fixed structs: LP64 == host */
    return v ? RET(setsockopt((int)a[0], (int)a[1], (int)a[2], v, (socklen_t)a[4])) : -EFAULT;
}

SYS(sys_getsockopt)
{
    socklen_t *len = gptr(c, a[4], 4, MEM_R | MEM_W);
    if (!len) /* let the host order the errors (a bad fd is EBADF before the bad pointer) */
        return RET(getsockopt((int)a[0], (int)a[1], (int)a[2], NULL, NULL));
    void *v = gptr(c, a[3], *len, MEM_W);
    return v ? RET(getsockopt((int)a[0], (int)a[1], (int)a[2], v, len)) : -EFAULT;
}

/* The guest's struct msghdr (LP64): name, namelen, iov, iovlen, control, controllen, flags. Its pointers
   are guest addresses: build a host msghdr pointing into guest memory. */
struct gmsghdr {
    uint64_t name;
    uint32_t namelen, pad1;
    uint64_t iov, iovlen, control, controllen;
    int32_t flags, pad2;
};

static int64_t get_msg(struct emu_cpu *c, uint64_t ga, int out, struct msghdr *m, struct iovec **iovp, struct gmsghdr *g)
{
    if (mem_read(MEMP, ga, g, sizeof *g) < 0)
        return -EFAULT;
    if (g->iovlen > MAX_IOV)
        return -EMSGSIZE;
    int prot = out ? MEM_W : MEM_R;
    memset(m, 0, sizeof *m);
    struct iovec *iov = calloc(g->iovlen ? g->iovlen : 1, sizeof *iov);
    if (!iov)
        return -ENOMEM;
    for (uint64_t i = 0; i < g->iovlen; i++) {
        uint64_t e[2];
        if (mem_read(MEMP, g->iov + 16 * i, e, 16) < 0 || !(iov[i].iov_base = gptr(c, e[0], e[1], prot))) {
            free(iov);
            return -EFAULT;
        }
        iov[i].iov_len = e[1];
    }
    m->msg_iov = iov;
    m->msg_iovlen = g->iovlen;
    if (g->name && !(m->msg_name = gptr(c, g->name, g->namelen, prot))) {
        free(iov);
        return -EFAULT;
    }
    m->msg_namelen = g->name ? g->namelen : 0;
    if (g->control && !(m->msg_control = gptr(c, g->control, g->controllen, prot))) {
        free(iov);
        return -EFAULT;
    }
    m->msg_controllen = g->control ? g->controllen : 0;
    m->msg_flags = g->flags;
    *iovp = iov;
    return 0;
}

SYS(sys_sendmsg)
{
    struct msghdr m;
    struct iovec *iov;
    struct gmsghdr g;
    int64_t r = get_msg(c, a[1], 0, &m, &iov, &g);
    if (r < 0)
        return r;
    r = RET(sendmsg((int)a[0], &m, (int)a[2]));
    free(iov);
    return r;
}

SYS(sys_recvmsg)
{
    struct msghdr m;
    struct iovec *iov;
    struct gmsghdr g;
    int64_t r = get_msg(c, a[1], 1, &m, &iov, &g);
    if (r < 0)
        return r;
    r = RET(recvmsg((int)a[0], &m, (int)a[2]));
    free(iov);
    if (r >= 0) { /* lengths and flags come back to the guest's header */
        g.namelen = m.msg_namelen;
        g.controllen = m.msg_controllen;
        g.flags = m.msg_flags;
        if (mem_write(MEMP, a[1], &g, sizeof g) < 0)
            return -EFAULT;
    }
    return r;
}

const struct sys_impl sys_net_impls[] = {
    {"socket", sys_socket}, {"socketpair", sys_socketpair}, {"bind", sys_bind}, {"connect", sys_connect},
    {"listen", sys_listen}, {"shutdown", sys_shutdown}, {"accept4", sys_accept4}, {"accept", sys_accept}, {"getsockname", sys_getsockname},
    {"getpeername", sys_getpeername}, {"sendto", sys_sendto}, {"recvfrom", sys_recvfrom},
    {"setsockopt", sys_setsockopt}, {"getsockopt", sys_getsockopt}, {"sendmsg", sys_sendmsg},
    {"recvmsg", sys_recvmsg},
    {NULL, NULL},
};
