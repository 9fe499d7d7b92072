/* Guest address space: reservation, mappings with per-page protections, checked copies, code-page protection. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "mem.h"

#define PG(a) ((a) / MEM_PAGE)
#define PAGE_UP(a) (((a) + MEM_PAGE - 1) & ~(MEM_PAGE - 1))

static int host_prot(int prot)
{
    return (prot & MEM_R ? PROT_READ : 0) | (prot & MEM_W ? PROT_WRITE : 0);
}

struct mem *mem_new(unsigned addr_bits)
{
    struct mem *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->limit = 1ull << addr_bits;
    /* One guard page past the limit catches accesses that straddle the end. */
    void *base = mmap(NULL, m->limit + MEM_PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) {
        free(m);
        return NULL;
    }
    void *pf = mmap(NULL, PG(m->limit), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (pf == MAP_FAILED) {
        munmap(base, m->limit + MEM_PAGE);
        free(m);
        return NULL;
    }
    m->base = base;
    m->pflags = pf;
    m->mmap_top = m->limit / 3 * 2 & ~(MEM_PAGE - 1);
    return m;
}

/* ---- mapping list ---- */

static struct vma *vma_new(uint64_t s, uint64_t e, int prot, int flags, uint64_t off, const char *name)
{
    struct vma *v = calloc(1, sizeof *v);
    if (!v)
        abort();
    v->start = s;
    v->end = e;
    v->prot = prot;
    v->flags = flags;
    v->offset = off;
    v->name = name ? strdup(name) : NULL;
    return v;
}

/* Cuts [s, e) out of the mapping list, splitting mappings that straddle it. */
static void vma_remove(struct mem *m, uint64_t s, uint64_t e)
{
    struct vma **pp = &m->vmas;
    while (*pp) {
        struct vma *v = *pp;
        if (v->end <= s || v->start >= e) {
            pp = &v->next;
            continue;
        }
        if (v->start < s && v->end > e) { /* split in two */
            struct vma *t = vma_new(e, v->end, v->prot, v->flags, v->offset + (e - v->start), v->name);
            t->next = v->next;
            v->next = t;
            v->end = s;
            pp = &t->next;
        } else if (v->start < s) {
            v->end = s;
            pp = &v->next;
        } else if (v->end > e) {
            v->offset += e - v->start;
            v->start = e;
            pp = &v->next;
        } else {
            *pp = v->next;
            free(v->name);
            free(v);
        }
    }
}

static void vma_insert(struct mem *m, struct vma *n)
{
    struct vma **pp = &m->vmas;
    while (*pp && (*pp)->start < n->start)
        pp = &(*pp)->next;
    n->next = *pp;
    *pp = n;
}

struct vma *mem_vma(struct mem *m, uint64_t a)
{
    for (struct vma *v = m->vmas; v; v = v->next)
        if (a >= v->start && a < v->end)
            return v;
    return NULL;
}

static void set_pflags(struct mem *m, uint64_t s, uint64_t e, uint8_t f)
{
    memset(m->pflags + PG(s), f, PG(e) - PG(s));
}

int mem_map(struct mem *m, uint64_t a, uint64_t len, int prot, int flags, int fd, uint64_t off, const char *name)
{
    len = PAGE_UP(len);
    if ((a & (MEM_PAGE - 1)) || !len || !mem_in_range(m, a, len))
        return -EINVAL;
    int hflags = MAP_FIXED | (flags & MAP_SHARED ? MAP_SHARED : MAP_PRIVATE) | (fd < 0 ? MAP_ANONYMOUS : 0);
    void *p = mmap(m->base + a, len, host_prot(prot), hflags, fd, (off_t)off);
    if (p == MAP_FAILED)
        return -errno;
    vma_remove(m, a, a + len);
    vma_insert(m, vma_new(a, a + len, prot, flags, off, name));
    set_pflags(m, a, a + len, (uint8_t)(MEM_MAPPED | (prot & 7)));
    return 0;
}

int mem_unmap(struct mem *m, uint64_t a, uint64_t len)
{
    len = PAGE_UP(len);
    if ((a & (MEM_PAGE - 1)) || !len || !mem_in_range(m, a, len))
        return -EINVAL;
    for (uint64_t pg = a; pg < a + len; pg += MEM_PAGE)
        if ((m->pflags[PG(pg)] & MEM_CODE) && m->on_code_write)
            m->on_code_write(m->ctx, pg);
    /* Back to a reserved hole, never returning the range to the host. */
    void *p = mmap(m->base + a, len, PROT_NONE, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return -errno;
    vma_remove(m, a, a + len);
    set_pflags(m, a, a + len, 0);
    return 0;
}

int64_t mem_remap(struct mem *m, uint64_t old, uint64_t olen, uint64_t to, uint64_t nlen)
{
    struct vma *v = mem_vma(m, old);
    if (!v)
        return -EFAULT;
    int prot = v->prot, flags = v->flags;
    uint64_t off = v->offset + (old - v->start);
    char *name = v->name ? strdup(v->name) : NULL;
    int64_t ret = (int64_t)to;
    for (uint64_t pg = old; pg < old + olen; pg += MEM_PAGE)
        if ((m->pflags[PG(pg)] & MEM_CODE) && m->on_code_write)
            m->on_code_write(m->ctx, pg);
    if (to == old) { /* grow in place: only anonymous memory can be extended without a file */
        if (!(flags & MAP_ANONYMOUS))
            ret = -ENOMEM;
        else if ((ret = mem_map(m, old + olen, nlen - olen, prot, flags, -1, 0, name)) == 0)
            ret = (int64_t)to;
        free(name);
        return ret;
    }
    void *r = mremap(m->base + old, olen, nlen, MREMAP_MAYMOVE | MREMAP_FIXED, m->base + to);
    if (r == MAP_FAILED) {
        free(name);
        return -errno;
    }
    /* The old range left the host's map: reserve it again. */
    mmap(m->base + old, olen, PROT_NONE, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    vma_remove(m, old, old + olen);
    set_pflags(m, old, old + olen, 0);
    vma_remove(m, to, to + nlen);
    vma_insert(m, vma_new(to, to + nlen, prot, flags, off, name));
    set_pflags(m, to, to + nlen, (uint8_t)(MEM_MAPPED | (prot & 7)));
    free(name);
    return ret;
}

int mem_protect(struct mem *m, uint64_t a, uint64_t len, int prot)
{
    len = PAGE_UP(len);
    if ((a & (MEM_PAGE - 1)) || !mem_in_range(m, a, len))
        return -EINVAL;
    for (uint64_t pg = a; pg < a + len; pg += MEM_PAGE)
        if (!(m->pflags[PG(pg)] & MEM_MAPPED))
            return -ENOMEM;
    for (uint64_t pg = a; pg < a + len; pg += MEM_PAGE)
        if ((m->pflags[PG(pg)] & MEM_CODE) && m->on_code_write)
            m->on_code_write(m->ctx, pg);
    if (len && mprotect(m->base + a, len, host_prot(prot)) < 0)
        return -errno;
    /* Split the mappings at the edges, then relabel the middle. */
    for (struct vma *v = m->vmas; v; v = v->next) {
        if (v->end <= a || v->start >= a + len)
            continue;
        if (v->start < a) {
            struct vma *t = vma_new(a, v->end, v->prot, v->flags, v->offset + (a - v->start), v->name);
            t->next = v->next;
            v->next = t;
            v->end = a;
            continue;
        }
        if (v->end > a + len) {
            struct vma *t = vma_new(a + len, v->end, v->prot, v->flags, v->offset + (a + len - v->start), v->name);
            t->next = v->next;
            v->next = t;
            v->end = a + len;
        }
        v->prot = prot;
    }
    set_pflags(m, a, a + len, (uint8_t)(MEM_MAPPED | (prot & 7)));
    return 0;
}

uint64_t mem_find_free(struct mem *m, uint64_t len, uint64_t hint)
{
    len = PAGE_UP(len);
    if (hint && !(hint & (MEM_PAGE - 1)) && mem_in_range(m, hint, len)) {
        uint64_t pg;
        for (pg = hint; pg < hint + len; pg += MEM_PAGE)
            if (m->pflags[PG(pg)] & MEM_MAPPED)
                break;
        if (pg == hint + len)
            return hint;
    }
    /* Highest gap below mmap_top that fits, walking the sorted list. */
    uint64_t best = 0, prev_end = MEM_PAGE * 16;
    for (struct vma *v = m->vmas;; v = v->next) {
        uint64_t gap_end = v ? v->start : m->limit;
        if (gap_end > m->mmap_top)
            gap_end = m->mmap_top;
        if (gap_end > prev_end && gap_end - prev_end >= len)
            best = gap_end - len;
        if (!v)
            break;
        if (v->end > prev_end)
            prev_end = v->end;
    }
    return best;
}

int mem_check(struct mem *m, uint64_t a, uint64_t n, int prot)
{
    if (!mem_in_range(m, a, n))
        return 0;
    if (!n)
        return 1;
    uint8_t need = (uint8_t)(MEM_MAPPED | prot);
    for (uint64_t pg = PG(a); pg <= PG(a + n - 1); pg++)
        if ((m->pflags[pg] & need) != need)
            return 0;
    return 1;
}

void *mem_ptr(struct mem *m, uint64_t a, uint64_t n, int prot)
{
    if (!mem_check(m, a, n, prot))
        return NULL;
    if ((prot & MEM_W) && n)
        for (uint64_t pg = PG(a); pg <= PG(a + n - 1); pg++)
            if (m->pflags[pg] & MEM_CODE)
                mem_code_write_fault(m, pg * MEM_PAGE);
    return m->base + a;
}

int mem_read(struct mem *m, uint64_t a, void *dst, size_t n)
{
    void *p = mem_ptr(m, a, n, MEM_R);
    if (!p)
        return -EFAULT;
    memcpy(dst, p, n);
    return 0;
}

int mem_write(struct mem *m, uint64_t a, const void *src, size_t n)
{
    void *p = mem_ptr(m, a, n, MEM_W);
    if (!p)
        return -EFAULT;
    memcpy(p, src, n);
    return 0;
}

int mem_read_str(struct mem *m, uint64_t a, char *dst, size_t cap)
{
    size_t i = 0;
    if (!cap)
        return -ENAMETOOLONG;
    while (i + 1 < cap) {
        if (!mem_check(m, a + i, 1, MEM_R)) {
            dst[i] = 0;
            return -EFAULT;
        }
        /* Copy up to the end of this page in one go. */
        uint64_t room = MEM_PAGE - ((a + i) & (MEM_PAGE - 1));
        if (room > cap - 1 - i)
            room = cap - 1 - i;
        const char *src = (const char *)m->base + a + i;
        const char *z = memchr(src, 0, room);
        if (z) {
            memcpy(dst + i, src, (size_t)(z - src) + 1);
            return (int)(i + (size_t)(z - src));
        }
        memcpy(dst + i, src, room);
        i += room;
    }
    dst[i] = 0;
    return -ENAMETOOLONG;
}

void mem_mark_code(struct mem *m, uint64_t page)
{
    uint8_t *f = &m->pflags[PG(page)];
    if ((*f & MEM_CODE) || !(*f & MEM_MAPPED))
        return;
    if (*f & MEM_W)
        mprotect(m->base + page, MEM_PAGE, host_prot(*f & MEM_R));
    *f |= MEM_CODE;
}

int mem_code_write_fault(struct mem *m, uint64_t a)
{
    if (!mem_in_range(m, a, 1))
        return 0;
    uint64_t page = a & ~(MEM_PAGE - 1);
    uint8_t *f = &m->pflags[PG(page)];
    if (!(*f & MEM_CODE) || !(*f & MEM_W))
        return 0;
    if (m->on_code_write)
        m->on_code_write(m->ctx, page);
    *f &= (uint8_t)~MEM_CODE;
    mprotect(m->base + page, MEM_PAGE, host_prot(*f & 7));
    return 1;
}

int mem_poke(struct mem *m, uint64_t a, const void *src, size_t n)
{
    if (!mem_check(m, a, n, 0))
        return -EFAULT;
    for (size_t i = 0; i < n;) {
        uint64_t pg = (a + i) & ~(MEM_PAGE - 1);
        size_t chunk = MEM_PAGE - ((a + i) - pg);
        if (chunk > n - i)
            chunk = n - i;
        uint8_t *f = &m->pflags[PG(pg)];
        if ((*f & MEM_CODE) && m->on_code_write)
            m->on_code_write(m->ctx, pg);
        *f &= (uint8_t)~MEM_CODE;
        if (!(*f & MEM_W))
            mprotect(m->base + pg, MEM_PAGE, PROT_READ | PROT_WRITE);
        memcpy(m->base + a + i, (const uint8_t *)src + i, chunk);
        mprotect(m->base + pg, MEM_PAGE, host_prot(*f & 7));
        i += chunk;
    }
    return 0;
}
