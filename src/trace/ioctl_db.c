/* ioctl database: the generated per-ABI request tables, argument descriptions of plain-number requests, _IOC decoding per ABI, host numbers. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "trace_int.h"

/* A generated row (tools/gen-ioctl.sh). */
struct ioctl_ent {
    uint32_t req;
    uint8_t sized;       /* the size is a parameter: NAME(len) */
    const char *name;
    const char *type;    /* third argument of _IOR/_IOW/_IOWR as written, "" otherwise */
};

#include "gen/ioctl-aarch64.h"
#include "gen/ioctl-arm.h"
#include "gen/ioctl-i386.h"
#include "gen/ioctl-mips.h"
#include "gen/ioctl-riscv64.h"
#include "gen/ioctl-x86_64.h"

#define DB(abi, lay) { #abi, lay, ioctl_tab_##abi, sizeof ioctl_tab_##abi / sizeof ioctl_tab_##abi[0] }
static const struct db {
    const char *abi;
    int lay;                     /* LA_* */
    const struct ioctl_ent *tab;
    unsigned n;
} dbs[] = {
    DB(riscv64, LA_RISCV64), DB(aarch64, LA_AARCH64), DB(x86_64, LA_X86_64), DB(arm, LA_ARM),
    DB(i386, LA_I386), DB(mips, LA_MIPS),
};
#define NDB (sizeof dbs / sizeof dbs[0])

/* Requests defined as plain numbers: what their argument is. R: the kernel fills it, W: reads it,
   V: an integer value, N: no argument. */
enum { R = TRACE_IOC_READ, W = TRACE_IOC_WRITE, RW = R | W, V = TRACE_IOC_VALUE, N = 0 };
static const struct { const char *name; const char *type; uint8_t dir; } plain[] = {
    { "TCGETS", "struct termios", R }, { "TCSETS", "struct termios", W }, { "TCSETSW", "struct termios", W },
    { "TCSETSF", "struct termios", W }, { "TCGETA", "struct termio", R }, { "TCSETA", "struct termio", W },
    { "TCSETAW", "struct termio", W }, { "TCSETAF", "struct termio", W }, { "TCSBRK", NULL, V },
    { "TCXONC", NULL, V }, { "TCFLSH", NULL, V }, { "TIOCEXCL", NULL, N }, { "TIOCNXCL", NULL, N },
    { "TIOCSCTTY", NULL, V }, { "TIOCGPGRP", "pid_t", R }, { "TIOCSPGRP", "pid_t", W },
    { "TIOCOUTQ", "int", R }, { "TIOCSTI", "char", W }, { "TIOCGWINSZ", "struct winsize", R },
    { "TIOCSWINSZ", "struct winsize", W }, { "TIOCMGET", "int", R }, { "TIOCMBIS", "int", W },
    { "TIOCMBIC", "int", W }, { "TIOCMSET", "int", W }, { "TIOCGSOFTCAR", "int", R },
    { "TIOCSSOFTCAR", "int", W }, { "FIONREAD", "int", R }, { "TIOCLINUX", "char", W },
    { "TIOCCONS", NULL, N }, { "TIOCGSERIAL", "struct serial_struct", R },
    { "TIOCSSERIAL", "struct serial_struct", W }, { "TIOCPKT", "int", W }, { "FIONBIO", "int", W },
    { "TIOCNOTTY", NULL, N }, { "TIOCSETD", "int", W }, { "TIOCGETD", "int", R }, { "TCSBRKP", NULL, V },
    { "TIOCSBRK", NULL, N }, { "TIOCCBRK", NULL, N }, { "TIOCGSID", "pid_t", R }, { "FIONCLEX", NULL, N },
    { "FIOCLEX", NULL, N }, { "FIOASYNC", "int", W }, { "TIOCSERGETLSR", "unsigned int", R },
    { "FIOQSIZE", "loff_t", R }, { "TIOCMIWAIT", NULL, V }, { "TIOCVHANGUP", NULL, N },
    { "FIOSETOWN", "int", W }, { "FIOGETOWN", "int", R }, { "SIOCSPGRP", "int", W },
    { "SIOCGPGRP", "int", R }, { "SIOCATMARK", "int", R }, { "SIOCGSTAMP_OLD", "struct timeval", R },
    { "SIOCGSTAMPNS_OLD", "struct timespec", R }, { "SIOCGIFCONF", "struct ifconf", RW },
    { "SIOCINQ", "int", R }, { "SIOCOUTQ", "int", R },
    { "LOOP_SET_FD", NULL, V }, { "LOOP_CLR_FD", NULL, N }, { "LOOP_SET_STATUS", "struct loop_info", W },
    { "LOOP_GET_STATUS", "struct loop_info", R }, { "LOOP_SET_STATUS64", "struct loop_info64", W },
    { "LOOP_GET_STATUS64", "struct loop_info64", R }, { "LOOP_CHANGE_FD", NULL, V },
    { "LOOP_SET_CAPACITY", NULL, N }, { "LOOP_SET_DIRECT_IO", NULL, V }, { "LOOP_SET_BLOCK_SIZE", NULL, V },
    { "LOOP_CONFIGURE", "struct loop_config", W }, { "LOOP_CTL_ADD", NULL, V },
    { "LOOP_CTL_REMOVE", NULL, V }, { "LOOP_CTL_GET_FREE", NULL, N },
    { "VT_GETSTATE", "struct vt_stat", R }, { "VT_ACTIVATE", NULL, V }, { "VT_WAITACTIVE", NULL, V },
    { "VT_OPENQRY", "int", R }, { "VT_DISALLOCATE", NULL, V }, { "KDGETMODE", "int", R },
    { "KDSETMODE", NULL, V }, { "KDGKBTYPE", "char", R }, { "KDGKBMODE", "int", R }, { "KDSKBMODE", NULL, V },
    { "HDIO_GETGEO", "struct hd_geometry", R },
};

static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;
static struct trace_ioctl *built[NDB];   /* per database: its rows decoded once */

static const struct db *db_find(const char *abi)
{
    if (!abi)
        return NULL;
    for (size_t i = 0; i < NDB; i++)
        if (strcmp(dbs[i].abi, abi) == 0)
            return &dbs[i];
    int lay = lay_abi_find(abi);
    for (size_t i = 0; i < NDB; i++)
        if (dbs[i].lay == lay)
            return &dbs[i];
    return NULL;
}

static int abi_lay(const char *abi)
{
    const struct db *d = db_find(abi);
    int lay = d ? d->lay : lay_abi_find(abi);
    return lay >= 0 ? lay : LA_RISCV64;  /* the generic encoding */
}

/* Splits req into its _IOC fields under ABI lay; returns 1 when the number carries a direction or size. */
static int ioc_split(int lay, uint32_t req, unsigned *dir, unsigned *type, unsigned *nr, unsigned *size)
{
    const struct lay_abi *a = &lay_abis[lay];
    unsigned sb = a->ioc_sizebits;
    *nr = req & 0xff;
    *type = (req >> 8) & 0xff;
    *size = (req >> 16) & ((1u << sb) - 1);
    unsigned d = req >> (16 + sb), out = 0;
    if (d & a->ioc_read)
        out |= TRACE_IOC_READ;
    if (d & a->ioc_write)
        out |= TRACE_IOC_WRITE;
    *dir = out;
    return (d && d != a->ioc_none) || *size;
}

/* Fills io from a generated row (or from the number alone when e is NULL). */
static void describe(int lay, uint32_t req, const struct ioctl_ent *e, struct trace_ioctl *io)
{
    unsigned dir, type, nr, size;
    memset(io, 0, sizeof *io);
    io->req = req;
    io->encoded = (uint8_t)ioc_split(lay, req, &dir, &type, &nr, &size);
    io->ioc_type = (uint8_t)type, io->nr = (uint8_t)nr;
    if (e) {
        io->name = e->name;
        io->sized = e->sized;
        io->type = e->type[0] ? e->type : NULL;
    }
    if (io->encoded) {
        io->dir = dir;
        io->size = size;
        if (!dir && !size)
            io->dir = TRACE_IOC_VALUE;
        return;
    }
    io->dir = TRACE_IOC_UNKNOWN;
    if (!e)
        return;
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (strcmp(plain[i].name, e->name) == 0) {
            io->type = plain[i].type;
            io->dir = plain[i].dir;
            break;
        }
    if (io->dir == TRACE_IOC_UNKNOWN && !strncmp(e->name, "SIOCGIF", 7))
        io->type = "struct ifreq", io->dir = RW;
    else if (io->dir == TRACE_IOC_UNKNOWN && !strncmp(e->name, "SIOCSIF", 7))
        io->type = "struct ifreq", io->dir = W;
    if (io->type && (io->dir & RW))
        io->size = lay_type_size(io->type, lay);
}

/* Index of the first row of d with number req (or of its size-less form for sized rows), or -1. */
static long db_lookup(const struct db *d, uint32_t req)
{
    for (int pass = 0; pass < 2; pass++) {
        uint32_t key = req;
        if (pass == 1) {   /* NAME(len): the size field is the parameter */
            unsigned sb = lay_abis[d->lay].ioc_sizebits;
            key = req & ~(((1u << sb) - 1) << 16);
            if (key == req)
                break;
        }
        unsigned lo = 0, hi = d->n;
        while (lo < hi) {
            unsigned mid = lo + (hi - lo) / 2;
            if (d->tab[mid].req < key)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (unsigned i = lo; i < d->n && d->tab[i].req == key; i++)
            if (pass == 0 || d->tab[i].sized)
                return (long)i;
    }
    return -1;
}

const struct trace_ioctl *trace_ioctl_find(const char *abi, uint32_t req)
{
    const struct db *d = db_find(abi);
    if (!d)
        return NULL;
    long i = db_lookup(d, req);
    if (i < 0)
        return NULL;
    size_t k = (size_t)(d - dbs);
    pthread_mutex_lock(&build_lock);
    if (!built[k]) {
        struct trace_ioctl *v = calloc(d->n, sizeof *v);
        for (unsigned j = 0; v && j < d->n; j++)
            describe(d->lay, d->tab[j].req, &d->tab[j], &v[j]);
        built[k] = v;
    }
    pthread_mutex_unlock(&build_lock);
    return built[k] ? &built[k][i] : NULL;
}

void trace_ioctl_decode(const char *abi, uint32_t req, struct trace_ioctl *out)
{
    const struct trace_ioctl *io = trace_ioctl_find(abi, req);
    if (io) {
        *out = *io;
        if (io->sized) {   /* this call's size */
            unsigned dir, type, nr, size;
            ioc_split(abi_lay(abi), req, &dir, &type, &nr, &size);
            out->req = req, out->size = size;
        }
        return;
    }
    describe(abi_lay(abi), req, NULL, out);
}

const char *trace_ioctl_names(const char *abi, uint32_t req, char *buf, size_t size)
{
    const struct db *d = db_find(abi);
    long i = d ? db_lookup(d, req) : -1;
    size_t len = 0;
    if (size)
        buf[0] = 0;
    if (i < 0)
        return buf;
    uint32_t key = d->tab[i].req;
    for (; (unsigned long)i < d->n && d->tab[i].req == key; i++) {
        if (key != req && !d->tab[i].sized)
            continue;
        int n = snprintf(buf + len, size > len ? size - len : 0, "%s%s", len ? " or " : "", d->tab[i].name);
        if (n > 0)
            len += (size_t)n;
        if (len >= size)
            break;
    }
    return buf;
}

uint32_t trace_ioctl_host_req(const char *guest_abi, uint32_t req)
{
    const struct db *g = db_find(guest_abi), *h = db_find(lay_abis[lay_host_abi()].name);
    int gl = abi_lay(guest_abi), hl = lay_host_abi();
    long i = g ? db_lookup(g, req) : -1;
    if (i >= 0 && h) {
        const struct ioctl_ent *e = &g->tab[i];
        for (unsigned j = 0; j < h->n; j++)
            if (strcmp(h->tab[j].name, e->name) == 0) {
                if (!e->sized)
                    return h->tab[j].req;
                unsigned dir, type, nr, size;
                ioc_split(gl, req, &dir, &type, &nr, &size);
                return h->tab[j].req | size << 16;
            }
    }
    const struct lay_abi *ga = &lay_abis[gl], *ha = &lay_abis[hl];
    if (ga->ioc_sizebits == ha->ioc_sizebits && ga->ioc_none == ha->ioc_none && ga->ioc_read == ha->ioc_read &&
        ga->ioc_write == ha->ioc_write)
        return i >= 0 ? 0 : req;   /* a name the host lacks has no host number */
    unsigned dir, type, nr, size;
    if (!ioc_split(gl, req, &dir, &type, &nr, &size) || size >= (1u << ha->ioc_sizebits))
        return 0;
    unsigned hd = (dir & TRACE_IOC_READ ? ha->ioc_read : 0) | (dir & TRACE_IOC_WRITE ? ha->ioc_write : 0);
    if (!dir)
        hd = ha->ioc_none;
    return hd << (16 + ha->ioc_sizebits) | size << 16 | type << 8 | nr;
}
