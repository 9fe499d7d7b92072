/* Directory offsets for 32-bit guests: host filesystems hand out 64-bit d_off cookies (ext4's hashes), which a
   32-bit C library's readdir refuses (EOVERFLOW) and a 32-bit kernel would never give it (ext4 uses 32-bit
   hashes for 32-bit callers). Large cookies are replaced by small tokens that lseek turns back. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sys.h"

#define TOKEN_BASE 0x40000000u   /* tokens: TOKEN_BASE + index into the directory's cookie list */
#define MAX_DIRS 64

/* One open directory whose cookies were replaced; the emulator lock guards the table. */
static struct dir32 {
    int fd;                      /* guest fd (== host fd), -1 when free */
    dev_t dev;                   /* identity of the directory, to notice a reused fd number */
    ino_t ino;
    uint64_t *cookie;            /* host d_off per token */
    unsigned n, cap;
} dirs[MAX_DIRS];
static int dirs_ready;

static struct dir32 *dir_find(int fd, int create)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return NULL;
    if (!dirs_ready) {
        for (int i = 0; i < MAX_DIRS; i++)
            dirs[i].fd = -1;
        dirs_ready = 1;
    }
    struct dir32 *freed = NULL;
    for (int i = 0; i < MAX_DIRS; i++) {
        struct dir32 *d = &dirs[i];
        if (d->fd == fd && d->dev == st.st_dev && d->ino == st.st_ino)
            return d;
        if (d->fd == fd || (!freed && d->fd < 0))
            freed = d;
    }
    if (!create)
        return NULL;
    struct dir32 *d = freed ? freed : &dirs[(unsigned)fd % MAX_DIRS]; /* full: recycle a slot */
    d->fd = fd, d->dev = st.st_dev, d->ino = st.st_ino, d->n = 0;
    return d;
}

static int64_t token_for(struct dir32 *d, uint64_t cookie)
{
    for (unsigned i = d->n; i-- > 0;) /* seekdir back and rereading meet the same cookies */
        if (d->cookie[i] == cookie)
            return TOKEN_BASE + i;
    if (d->n == d->cap) {
        unsigned cap = d->cap ? d->cap * 2 : 64;
        uint64_t *c = realloc(d->cookie, cap * sizeof *c);
        if (!c || TOKEN_BASE + cap > 0x7fffffffu)
            return -1;
        d->cookie = c, d->cap = cap;
    }
    d->cookie[d->n] = cookie;
    return TOKEN_BASE + d->n++;
}

/* getdents64 for ILP32 guests: the generic call, then cookies past 31 bits become tokens. */
SYS(sys_getdents64_32)
{
    sys_fn gen = sys_find_impl("getdents64");
    int64_t r = gen ? gen(c, a) : -ENOSYS;
    if (r <= 0)
        return r;
    uint8_t *b = gptr(c, a[1], (uint64_t)r, MEM_W);
    if (!b)
        return -EFAULT;
    struct dir32 *d = NULL;
    for (int64_t at = 0; at + 19 <= r;) {
        uint64_t off = ld64(b + at + 8);
        unsigned reclen = b[at + 16] | b[at + 17] << 8;
        if (off > 0x7fffffffu || (d && off >= TOKEN_BASE)) {
            if (!d && !(d = dir_find((int)a[0], 1)))
                return -EOVERFLOW;
            int64_t t = token_for(d, off);
            if (t < 0)
                return -EOVERFLOW;
            st64(b + at + 8, (uint64_t)t);
        }
        if (!reclen)
            break;
        at += reclen;
    }
    return r;
}

/* Old getdents: struct linux_dirent {ulong d_ino, d_off; u16 d_reclen; char d_name[]; ...; u8 d_type} built
   from the getdents64 records above (fs/readdir.c); a record never outgrows its dirent64 source. */
SYS(sys_getdents32)
{
    uint64_t count = a[2] & 0xffffffffu;
    uint8_t *g = gptr(c, a[1], count, MEM_W), *h = malloc(count ? count : 1);
    if (!g || !h) {
        free(h);
        return g ? -ENOMEM : -EFAULT;
    }
    struct sys_scratch s; /* the dirent64 records go through guest memory so sys_getdents64_32 sees them */
    uint64_t tmp = sys_scratch_init(c, &s) < 0 ? 0 : sys_scratch_alloc(c, &s, count);
    if (!tmp) {
        free(h);
        return -ENOMEM;
    }
    uint64_t b[6] = {a[0], tmp, count, 0, 0, 0};
    int64_t n = sys_getdents64_32(c, b);
    if (n > 0 && mem_read(MEMP, tmp, h, (uint64_t)n) < 0)
        n = -EFAULT;
    uint64_t out = 0;
    for (int64_t at = 0; n > 0 && at + 19 <= n;) {
        uint64_t ino = ld64(h + at);
        unsigned reclen = h[at + 16] | h[at + 17] << 8;
        const char *name = (const char *)h + at + 19;
        size_t len = strnlen(name, reclen > 19 ? reclen - 19 : 0);
        uint32_t rec = (uint32_t)((10 + len + 2 + 3) & ~3ul); /* ino, off, reclen, name, NUL, type */
        if (ino > 0xffffffffu) {
            n = out ? 0 : -EOVERFLOW;
            break;
        }
        uint8_t *e = g + out;
        memset(e, 0, rec);
        st32(e, (uint32_t)ino);
        st32(e + 4, (uint32_t)ld64(h + at + 8));
        e[8] = (uint8_t)rec, e[9] = (uint8_t)(rec >> 8);
        memcpy(e + 10, name, len);
        e[rec - 1] = h[at + 18];
        out += rec;
        if (!reclen)
            break;
        at += reclen;
    }
    free(h);
    return n < 0 ? n : (int64_t)out;
}

/* A guest seek offset to the host's: tokens name the cookies they replaced. */
static int64_t host_offset(int fd, uint64_t off, int whence)
{
    if (whence != SEEK_SET || off < TOKEN_BASE || off > 0x7fffffffu)
        return (int64_t)off;
    struct dir32 *d = dir_find(fd, 0);
    return d && off - TOKEN_BASE < d->n ? (int64_t)d->cookie[off - TOKEN_BASE] : (int64_t)off;
}

/* _llseek(fd, offset_high, offset_low, loff_t *result, whence) */
SYS(sys_llseek)
{
    int64_t want = host_offset((int)a[0], (a[1] << 32) | (a[2] & 0xffffffffu), (int)a[4]);
    off_t r = lseek((int)a[0], (off_t)want, (int)a[4]);
    if (r < 0)
        return ERR();
    uint8_t v[8];
    st64(v, (uint64_t)r);
    struct dir32 *d = (uint64_t)r > 0x7fffffffu ? dir_find((int)a[0], 0) : NULL;
    if (d) { /* a cookie handed out as a token reads back as that token */
        int64_t t = token_for(d, (uint64_t)r);
        if (t >= 0)
            st64(v, (uint64_t)t);
    }
    return mem_write(MEMP, a[3], v, 8) < 0 ? -EFAULT : 0;
}

/* lseek with a 32-bit off_t: offsets past 2 GiB - 1 are EOVERFLOW, as the kernel says to 32-bit callers. */
SYS(sys_lseek32)
{
    int64_t want = host_offset((int)a[0], (uint64_t)(int64_t)(int32_t)a[1], (int)a[2]);
    off_t r = lseek((int)a[0], (off_t)want, (int)a[2]);
    if (r < 0)
        return ERR();
    if ((uint64_t)r > 0x7fffffffu) {
        struct dir32 *d = dir_find((int)a[0], 0);
        int64_t t = d ? token_for(d, (uint64_t)r) : -1;
        return t >= 0 ? t : -EOVERFLOW;
    }
    return r;
}

const struct sys_impl sys_dir32_impls[] = {
    {"getdents64", sys_getdents64_32}, {"getdents", sys_getdents32}, {"_llseek", sys_llseek}, {"lseek", sys_lseek32}, {NULL, NULL},
};
