/* Guest address space: one reserved host region, guest address a at base + a, per-page guest protections. */
#ifndef XTRACE_MEM_H
#define XTRACE_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define MEM_PAGE 4096ull

/* Page flag bits kept per guest page (low three bits are PROT_READ/WRITE/EXEC). */
enum {
    MEM_R = 1, MEM_W = 2, MEM_X = 4,
    MEM_MAPPED = 8,      /* page belongs to a guest mapping */
    MEM_CODE = 16,       /* blocks were decoded from this page; host copy is write-protected */
};

/* One guest mapping, for /proc/self/maps, placement and crash reports. */
struct vma {
    uint64_t start, end; /* [start, end) page aligned */
    int prot;            /* guest PROT_* */
    int flags;           /* guest MAP_* (private/shared/anonymous) */
    uint64_t offset;     /* file offset */
    char *name;          /* file path, "[stack]", "[heap]", or NULL */
    struct vma *next;    /* next mapping by address */
};

struct mem {
    uint8_t *base;       /* host address of guest address 0 */
    uint64_t limit;      /* first guest address past the usable space */
    uint8_t *pflags;     /* one byte of MEM_* per guest page */
    struct vma *vmas;    /* mappings sorted by address */
    uint64_t mmap_top;   /* mmap placement searches downward from here */
    void (*on_code_write)(void *ctx, uint64_t page); /* called when a code page becomes writable again */
    void *ctx;           /* argument for on_code_write */
};

/* Reserves a guest space of 2^addr_bits bytes; returns NULL with errno set on failure. */
struct mem *mem_new(unsigned addr_bits);

/* Guest address to host pointer, unchecked. */
static inline void *mem_host(const struct mem *m, uint64_t a) { return m->base + a; }

/* True when [a, a+n) lies inside the guest space. */
static inline int mem_in_range(const struct mem *m, uint64_t a, uint64_t n)
{
    return a < m->limit && n <= m->limit - a;
}

/* Maps [a, a+len) with guest prot (fixed address); fd < 0 for anonymous. Returns 0 or -errno (host). */
int mem_map(struct mem *m, uint64_t a, uint64_t len, int prot, int flags, int fd, uint64_t off, const char *name);
/* Finds a free range of len bytes (searching down from hint or mmap_top); returns 0 when none. */
uint64_t mem_find_free(struct mem *m, uint64_t len, uint64_t hint);
/* Unmaps [a, a+len); returns 0 or -errno. */
int mem_unmap(struct mem *m, uint64_t a, uint64_t len);
/* Moves or resizes the mapping at [old, old+olen) to [to, to+nlen) (to == old grows in place);
   returns to, or -errno. */
int64_t mem_remap(struct mem *m, uint64_t old, uint64_t olen, uint64_t to, uint64_t nlen);
/* Changes guest protections of [a, a+len); returns 0 or -errno. */
int mem_protect(struct mem *m, uint64_t a, uint64_t len, int prot);
/* The mapping containing a, or NULL. */
struct vma *mem_vma(struct mem *m, uint64_t a);
/* True when every page of [a, a+n) is mapped with all bits of prot. */
int mem_check(struct mem *m, uint64_t a, uint64_t n, int prot);

/* Host pointer for a guest buffer usable with prot (MEM_R/MEM_W), or NULL if any page lacks it.
   Asking for MEM_W makes write-protected code pages writable again (invalidating their blocks). */
void *mem_ptr(struct mem *m, uint64_t a, uint64_t n, int prot);
/* Copies guest memory out; returns 0 or -EFAULT. */
int mem_read(struct mem *m, uint64_t a, void *dst, size_t n);
/* Copies into guest memory; returns 0 or -EFAULT. */
int mem_write(struct mem *m, uint64_t a, const void *src, size_t n);
/* Copies a NUL-terminated guest string into dst[cap]; returns its length, -ENAMETOOLONG when
   cap-1 bytes held no NUL (dst then holds those bytes, terminated), or -EFAULT. */
int mem_read_str(struct mem *m, uint64_t a, char *dst, size_t cap);

/* Writes into guest memory whatever the guest protection (debugger patches); returns 0 or -EFAULT. */
int mem_poke(struct mem *m, uint64_t a, const void *src, size_t n);
/* Write-protects the host copy of a guest-writable page that blocks were decoded from. */
void mem_mark_code(struct mem *m, uint64_t page);
/* Called from the host fault handler: a write hit a write-protected code page. Unprotects it and
   returns 1 when the fault is handled (the store can be retried), 0 when it is a real guest fault. */
int mem_code_write_fault(struct mem *m, uint64_t a);

/* Little-endian guest accessors that compile to plain loads and stores on little-endian hosts. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define MEM_BSWAP16(x) __builtin_bswap16(x)
#define MEM_BSWAP32(x) __builtin_bswap32(x)
#define MEM_BSWAP64(x) __builtin_bswap64(x)
#else
#define MEM_BSWAP16(x) (x)
#define MEM_BSWAP32(x) (x)
#define MEM_BSWAP64(x) (x)
#endif
static inline uint8_t  ld8(const void *p)  { return *(const uint8_t *)p; }
static inline uint16_t ld16(const void *p) { uint16_t v; memcpy(&v, p, 2); return MEM_BSWAP16(v); }
static inline uint32_t ld32(const void *p) { uint32_t v; memcpy(&v, p, 4); return MEM_BSWAP32(v); }
static inline uint64_t ld64(const void *p) { uint64_t v; memcpy(&v, p, 8); return MEM_BSWAP64(v); }
static inline void st8(void *p, uint8_t v)   { *(uint8_t *)p = v; }
static inline void st16(void *p, uint16_t v) { v = MEM_BSWAP16(v); memcpy(p, &v, 2); }
static inline void st32(void *p, uint32_t v) { v = MEM_BSWAP32(v); memcpy(p, &v, 4); }
static inline void st64(void *p, uint64_t v) { v = MEM_BSWAP64(v); memcpy(p, &v, 8); }

#endif
