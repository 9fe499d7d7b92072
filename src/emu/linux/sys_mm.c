/* Memory syscalls: mmap/munmap/mprotect/mremap/madvise/brk onto the guest's reserved region. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bcache.h"
#include "symtab.h"
#include "sys.h"

/* Guest MAP_* bits (generic numbering; ABIs with other values translate before this point). */
#define G_MAP_SHARED 0x01
#define G_MAP_PRIVATE 0x02
#define G_MAP_SHARED_VALIDATE 0x03
#define G_MAP_FIXED 0x10
#define G_MAP_ANONYMOUS 0x20
#define G_MAP_FIXED_NOREPLACE 0x100000
#define PAGE_UP(x) (((x) + MEM_PAGE - 1) & ~(MEM_PAGE - 1))

static int free_range(struct mem *m, uint64_t a, uint64_t len)
{
    for (uint64_t pg = a; pg < a + len; pg += MEM_PAGE)
        if (m->pflags[pg / MEM_PAGE] & MEM_MAPPED)
            return 0;
    return 1;
}

SYS(sys_mmap)
{
    struct mem *m = MEMP;
    uint64_t addr = a[0], len = a[1], off = a[5];
    int prot = (int)a[2] & 7, flags = (int)a[3], fd = (int)a[4];
    if (!len || (off & (MEM_PAGE - 1)))
        return -EINVAL;
    len = PAGE_UP(len);
    if (!len || (flags & 3) == 0)
        return -EINVAL;
    int anon = flags & G_MAP_ANONYMOUS;
    if (anon)
        fd = -1, off = 0;
    if (flags & (G_MAP_FIXED | G_MAP_FIXED_NOREPLACE)) {
        if ((addr & (MEM_PAGE - 1)) || !mem_in_range(m, addr, len))
            return -EINVAL;
        if ((flags & G_MAP_FIXED_NOREPLACE) && !(flags & G_MAP_FIXED) && !free_range(m, addr, len))
            return -EEXIST;
    } else {
        addr = mem_find_free(m, len, addr & ~(MEM_PAGE - 1));
        if (!addr)
            return -ENOMEM;
    }
    char name[PATH_MAX], link[64];
    const char *nm = NULL;
    if (fd >= 0) {
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(link, name, sizeof name - 1);
        if (n > 0) {
            name[n] = 0;
            nm = name;
        }
    }
    int hflags = ((flags & 3) == G_MAP_PRIVATE ? MAP_PRIVATE : MAP_SHARED) | (anon ? MAP_ANONYMOUS : 0);
    int r = mem_map(m, addr, len, prot, hflags, fd, off, nm);
    if (r < 0)
        return r;
    /* A library's first executable mapping (offset 0, as ld.so maps it): its symbols join crash reports. */
    if (fd >= 0 && off == 0 && (prot & MEM_X))
        symtab_add(c->proc->syms, fd, addr, nm);
    return (int64_t)addr;
}

SYS(sys_munmap)
{
    if (a[0] & (MEM_PAGE - 1))
        return -EINVAL;
    return mem_unmap(MEMP, a[0], a[1]);
}

SYS(sys_mprotect)
{
    if (a[0] & (MEM_PAGE - 1))
        return -EINVAL;
    return mem_protect(MEMP, a[0], a[1], (int)a[2] & 7);
}

SYS(sys_mremap)
{
    struct mem *m = MEMP;
    uint64_t old = a[0], olen = PAGE_UP(a[1]), nlen = PAGE_UP(a[2]), flags = a[3];
    if ((old & (MEM_PAGE - 1)) || !nlen || (flags & ~(uint64_t)(MREMAP_MAYMOVE | MREMAP_FIXED)))
        return -EINVAL;
    if (!mem_check(m, old, olen, 0))
        return -EFAULT;
    if (nlen <= olen && !(flags & MREMAP_FIXED)) {
        if (nlen < olen)
            mem_unmap(m, old + nlen, olen - nlen);
        return (int64_t)old;
    }
    uint64_t to;
    if (flags & MREMAP_FIXED) {
        to = a[4];
        if ((to & (MEM_PAGE - 1)) || !mem_in_range(m, to, nlen))
            return -EINVAL;
    } else if (mem_in_range(m, old + olen, nlen - olen) && free_range(m, old + olen, nlen - olen)) {
        to = old; /* grow in place */
    } else if (flags & MREMAP_MAYMOVE) {
        to = mem_find_free(m, nlen, 0);
        if (!to)
            return -ENOMEM;
    } else {
        return -ENOMEM;
    }
    return mem_remap(m, old, olen, to, nlen);
}

SYS(sys_madvise)
{
    void *p = mem_ptr(MEMP, a[0], a[1], 0);
    if (!p)
        return -ENOMEM;
    int adv = (int)a[2];
    if (adv == MADV_DONTNEED || adv == MADV_FREE || adv == MADV_WILLNEED || adv == MADV_NORMAL ||
        adv == MADV_SEQUENTIAL || adv == MADV_RANDOM || adv == MADV_HUGEPAGE || adv == MADV_NOHUGEPAGE ||
        adv == MADV_DONTDUMP || adv == MADV_DODUMP)
        return RET(madvise(p, a[1], adv));
    return -EINVAL;
}

SYS(sys_brk)
{
    struct emu_proc *p = c->proc;
    uint64_t want = a[0];
    if (want < p->brk_start)
        return (int64_t)p->brk_cur;
    uint64_t cur_top = PAGE_UP(p->brk_cur), new_top = PAGE_UP(want);
    if (new_top > cur_top) {
        if (!mem_in_range(MEMP, cur_top, new_top - cur_top) || !free_range(MEMP, cur_top, new_top - cur_top))
            return (int64_t)p->brk_cur;
        if (mem_map(MEMP, cur_top, new_top - cur_top, MEM_R | MEM_W, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, "[heap]") < 0)
            return (int64_t)p->brk_cur;
    } else if (new_top < cur_top) {
        mem_unmap(MEMP, new_top, cur_top - new_top);
    }
    p->brk_cur = want;
    return (int64_t)want;
}

/* riscv's icache flush: decoded blocks are dropped (stores to code pages already do that). */
SYS(sys_riscv_flush_icache)
{
    (void)a;
    bcache_invalidate(c->proc->bc);
    return 0;
}

SYS(sys_mlock)
{
    void *p = mem_ptr(MEMP, a[0] & ~(MEM_PAGE - 1), a[1] + (a[0] & (MEM_PAGE - 1)), 0);
    return p ? RET(mlock(p, a[1] + (a[0] & (MEM_PAGE - 1)))) : -ENOMEM;
}

SYS(sys_munlock)
{
    void *p = mem_ptr(MEMP, a[0] & ~(MEM_PAGE - 1), a[1] + (a[0] & (MEM_PAGE - 1)), 0);
    return p ? RET(munlock(p, a[1] + (a[0] & (MEM_PAGE - 1)))) : -ENOMEM;
}

SYS(sys_msync)
{
    if (a[0] & (MEM_PAGE - 1))
        return -EINVAL;
    void *p = mem_ptr(MEMP, a[0], a[1], 0);
    return p ? RET(msync(p, a[1], (int)a[2])) : -ENOMEM;
}

SYS(sys_mincore)
{
    if (a[0] & (MEM_PAGE - 1))
        return -EINVAL;
    void *p = mem_ptr(MEMP, a[0], a[1], 0);
    if (!p)
        return -ENOMEM;
    unsigned char *vec = gptr(c, a[2], (a[1] + MEM_PAGE - 1) / MEM_PAGE, MEM_W);
    return vec ? RET(mincore(p, a[1], vec)) : -EFAULT;
}

SYS(sys_fadvise64) { (void)c; return -posix_fadvise((int)a[0], (off_t)a[1], (off_t)a[2], (int)a[3]); }

/* mmap2: the offset counts 4096-byte units, so 32-bit guests reach files past 4 GiB. */
SYS(sys_mmap2)
{
    uint64_t b[6] = {a[0], a[1], a[2], a[3], a[4], a[5] * 4096};
    return sys_mmap(c, b);
}

const struct sys_impl sys_mm_impls[] = {
    {"mmap2", sys_mmap2},
    {"mlock", sys_mlock}, {"munlock", sys_munlock}, {"msync", sys_msync}, {"mincore", sys_mincore},
    {"fadvise64", sys_fadvise64},
    {"riscv_flush_icache", sys_riscv_flush_icache},
    {"mmap", sys_mmap}, {"munmap", sys_munmap}, {"mprotect", sys_mprotect}, {"mremap", sys_mremap},
    {"madvise", sys_madvise}, {"brk", sys_brk},
    {NULL, NULL},
};
