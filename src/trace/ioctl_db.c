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
    /* block devices (linux/fs.h): several hold a long, which an ILP32 guest passes as 4 bytes */
    { "BLKROSET", "int", W }, { "BLKROGET", "int", R }, { "BLKRRPART", NULL, N },
    { "BLKGETSIZE", "unsigned long", R }, { "BLKFLSBUF", NULL, N }, { "BLKRASET", NULL, V },
    { "BLKRAGET", "long", R }, { "BLKFRASET", NULL, V }, { "BLKFRAGET", "long", R },
    { "BLKSECTSET", "unsigned short", W }, { "BLKSECTGET", "unsigned short", R }, { "BLKSSZGET", "int", R },
    { "BLKTRACESTART", NULL, N }, { "BLKTRACESTOP", NULL, N }, { "BLKTRACETEARDOWN", NULL, N },
    { "BLKDISCARD", "struct blk_range", W }, { "BLKSECDISCARD", "struct blk_range", W },
    { "BLKZEROOUT", "struct blk_range", W }, { "BLKIOMIN", "unsigned int", R }, { "BLKIOOPT", "unsigned int", R },
    { "BLKALIGNOFF", "int", R }, { "BLKPBSZGET", "unsigned int", R }, { "BLKDISCARDZEROES", "unsigned int", R },
    { "BLKROTATIONAL", "unsigned short", R }, { "FIBMAP", "int", RW }, { "FIGETBSZ", "int", R },
    /* IDE settings: the getters write a long */
    { "HDIO_GET_UNMASKINTR", "long", R }, { "HDIO_GET_MULTCOUNT", "long", R }, { "HDIO_GET_QDMA", "long", R },
    { "HDIO_GET_KEEPSETTINGS", "long", R }, { "HDIO_GET_32BIT", "long", R }, { "HDIO_GET_NOWERR", "long", R },
    { "HDIO_GET_DMA", "long", R }, { "HDIO_GET_NICE", "long", R }, { "HDIO_GET_WCACHE", "long", R },
    { "HDIO_GET_ACOUSTIC", "long", R }, { "HDIO_GET_ADDRESS", "long", R }, { "HDIO_GET_BUSSTATE", "long", R },
    { "HDIO_SET_MULTCOUNT", NULL, V }, { "HDIO_SET_UNMASKINTR", NULL, V }, { "HDIO_SET_KEEPSETTINGS", NULL, V },
    { "HDIO_SET_32BIT", NULL, V }, { "HDIO_SET_NOWERR", NULL, V }, { "HDIO_SET_DMA", NULL, V },
    { "HDIO_SET_PIO_MODE", NULL, V }, { "HDIO_SET_NICE", NULL, V }, { "HDIO_SET_WCACHE", NULL, V },
    { "HDIO_SET_ACOUSTIC", NULL, V }, { "HDIO_SET_BUSSTATE", NULL, V }, { "HDIO_SET_QDMA", NULL, V },
    { "HDIO_SET_ADDRESS", NULL, V }, { "HDIO_SET_XFER", NULL, V },
    /* floppies without an argument or with a value */
    { "FDCLRPRM", NULL, N }, { "FDMSGON", NULL, N }, { "FDMSGOFF", NULL, N }, { "FDFMTBEG", NULL, N },
    { "FDFMTEND", NULL, N }, { "FDSETEMSGTRESH", NULL, V }, { "FDFLUSH", NULL, N }, { "FDRESET", NULL, V },
    { "FDWERRORCLR", NULL, N }, { "FDTWADDLE", NULL, N }, { "FDEJECT", NULL, N },
    /* consoles, keyboards, serial lines */
    { "VT_GETMODE", "struct vt_mode", R }, { "VT_SETMODE", "struct vt_mode", W }, { "VT_RELDISP", NULL, V },
    { "VT_RESIZE", "struct vt_sizes", W }, { "VT_LOCKSWITCH", NULL, N }, { "VT_UNLOCKSWITCH", NULL, N },
    { "VT_GETHIFONTMASK", "unsigned short", R }, { "VT_SENDSIG", NULL, N },
    { "KIOCSOUND", NULL, V }, { "KDMKTONE", NULL, V }, { "KDGETLED", "char", R }, { "KDSETLED", NULL, V },
    { "KDGKBLED", "char", R }, { "KDSKBLED", NULL, V }, { "KDGKBMETA", "int", R }, { "KDSKBMETA", NULL, V },
    { "KDGKBENT", "struct kbentry", RW }, { "KDSKBENT", "struct kbentry", W }, { "KDSIGACCEPT", NULL, V },
    { "TIOCGICOUNT", "struct serial_icounter_struct", R }, { "TIOCGPTPEER", NULL, V },
    { "TIOCGLCKTRMIOS", "struct termios", R }, { "TIOCSLCKTRMIOS", "struct termios", W },
    { "TIOCSERCONFIG", NULL, N },
    /* frame buffers */
    { "FBIOGET_VSCREENINFO", "struct fb_var_screeninfo", R }, { "FBIOPUT_VSCREENINFO", "struct fb_var_screeninfo", RW },
    { "FBIOPAN_DISPLAY", "struct fb_var_screeninfo", RW }, { "FBIOGET_FSCREENINFO", "struct fb_fix_screeninfo", R },
    { "FBIOGETCMAP", "struct fb_cmap", W }, { "FBIOPUTCMAP", "struct fb_cmap", W }, { "FBIOBLANK", NULL, V },
    /* real-time clocks, perf events, the random device, CD-ROMs: no argument or a value */
    { "RTC_AIE_ON", NULL, N }, { "RTC_AIE_OFF", NULL, N }, { "RTC_UIE_ON", NULL, N }, { "RTC_UIE_OFF", NULL, N },
    { "RTC_PIE_ON", NULL, N }, { "RTC_PIE_OFF", NULL, N }, { "RTC_WIE_ON", NULL, N }, { "RTC_WIE_OFF", NULL, N },
    { "RTC_VL_CLR", NULL, N }, { "PERF_EVENT_IOC_ENABLE", NULL, V }, { "PERF_EVENT_IOC_DISABLE", NULL, V },
    { "PERF_EVENT_IOC_REFRESH", NULL, V }, { "PERF_EVENT_IOC_RESET", NULL, V }, { "PERF_EVENT_IOC_SET_OUTPUT", NULL, V },
    { "RNDZAPENTCNT", NULL, N }, { "RNDCLEARPOOL", NULL, N }, { "RNDRESEEDCRNG", NULL, N },
    { "CDROMPAUSE", NULL, N }, { "CDROMRESUME", NULL, N }, { "CDROMSTOP", NULL, N }, { "CDROMSTART", NULL, N },
    { "CDROMEJECT", NULL, N }, { "CDROMCLOSETRAY", NULL, N }, { "CDROMEJECT_SW", NULL, V }, { "CDROMRESET", NULL, N },
    { "CDROMREADTOCHDR", "struct cdrom_tochdr", R }, { "CDROM_SET_OPTIONS", NULL, V }, { "CDROM_CLEAR_OPTIONS", NULL, V },
    { "CDROM_SELECT_SPEED", NULL, V }, { "CDROM_SELECT_DISC", NULL, V }, { "CDROM_MEDIA_CHANGED", NULL, V },
    { "CDROM_DRIVE_STATUS", NULL, V }, { "CDROM_DISC_STATUS", NULL, N }, { "CDROM_CHANGER_NSLOTS", NULL, N },
    { "CDROM_LOCKDOOR", NULL, V }, { "CDROM_DEBUG", NULL, V }, { "CDROM_GET_CAPABILITY", NULL, N },
    /* network configuration */
    { "SIOCADDRT", "struct rtentry", W }, { "SIOCDELRT", "struct rtentry", W },
    { "SIOCADDMULTI", "struct ifreq", W }, { "SIOCDELMULTI", "struct ifreq", W }, { "SIOCDIFADDR", "struct ifreq", W },
    { "SIOCGMIIPHY", "struct ifreq", RW }, { "SIOCGMIIREG", "struct ifreq", RW }, { "SIOCSMIIREG", "struct ifreq", W },
    { "SIOCETHTOOL", "struct ifreq", RW }, { "SIOCWANDEV", "struct ifreq", RW }, { "SIOCOUTQNSD", "int", R },
    { "SIOCGARP", "struct arpreq", RW }, { "SIOCSARP", "struct arpreq", W }, { "SIOCDARP", "struct arpreq", W },
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
        long first = -1;
        for (unsigned i = lo; i < d->n && d->tab[i].req == key; i++) {
            if (pass == 1 && !d->tab[i].sized)
                continue;
            if (first < 0)
                first = (long)i;
            /* FS_IOC32_GETFLAGS is FS_IOC_GETFLAGS as an ILP32 guest spells it: the native name wins */
            if (!strstr(d->tab[i].name, "IOC32"))
                return (long)i;
        }
        if (first >= 0)
            return first;
    }
    return -1;
}

int ioctl_abi_lay(const char *abi)
{
    return abi_lay(abi);
}

/* The union member of struct ifreq a request uses, where it is not one of the ABI-independent ones. */
static const struct { const char *name, *member; } union_members[] = {
    { "SIOCGIFMAP", "ifru_map" }, { "SIOCSIFMAP", "ifru_map" }, { "SIOCETHTOOL", "ifru_data" },
    { "SIOCWANDEV", "ifru_settings" }, { "SIOCDEVPRIVATE", "ifru_data" },
};

/* Requests whose struct points to an array of structs, with the array's length in bytes. */
static const struct { const char *name, *ptr, *len, *elem; } array_rules[] = {
    { "SIOCGIFCONF", "ifc_buf", "ifc_len", "ifreq" },
};

int ioctl_array_rule(const char *name, const char **ptr, const char **len, const char **elem)
{
    for (size_t i = 0; name && i < sizeof array_rules / sizeof array_rules[0]; i++)
        if (!strcmp(array_rules[i].name, name)) {
            *ptr = array_rules[i].ptr, *len = array_rules[i].len, *elem = array_rules[i].elem;
            return 0;
        }
    return -1;
}

const char *ioctl_union_member(const char *name)
{
    for (size_t i = 0; name && i < sizeof union_members / sizeof union_members[0]; i++)
        if (!strcmp(union_members[i].name, name))
            return union_members[i].member;
    return NULL;
}

const struct trace_ioctl *trace_ioctl_find(const char *abi, uint32_t req)
{
    const struct trace_ioctl *u = ioctl_def_find(abi_lay(abi), req);
    if (u)
        return u;
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
    const struct trace_ioctl *u = ioctl_def_find(abi_lay(abi), req);
    if (u) {
        snprintf(buf, size, "%s", u->name);
        return buf;
    }
    if (i < 0)
        return buf;
    uint32_t key = d->tab[i].req;
    while (i > 0 && d->tab[i - 1].req == key)
        i--;
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
    const struct trace_ioctl *u = ioctl_def_find(gl, req);
    if (u) {
        const struct trace_ioctl *hu = ioctl_def_named(hl, u->name);
        return hu ? hu->req : 0;
    }
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
