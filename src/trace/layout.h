/* Struct layouts per ABI: structs described once as fields (type, count), sizes, alignments and offsets computed for each ABI's rules. */
#ifndef XTRACE_LAYOUT_H
#define XTRACE_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* Field types. Fixed-width ones are the same size everywhere; the rest follow the ABI's model. */
enum lay_type {
    LY_CHAR, LY_U8, LY_S8,
    LY_U16, LY_S16,
    LY_U32, LY_S32, LY_INT, LY_UINT,
    LY_U64, LY_S64,      /* __u64 / long long: 4-byte aligned inside structs on i386 */
    LY_AU64,             /* __aligned_u64: 8-byte aligned everywhere */
    LY_LONG, LY_ULONG,   /* long, size_t, __kernel_long_t, off_t, old time_t */
    LY_PTR,              /* any pointer */
    LY_OLDDEV,           /* __kernel_old_dev_t */
    LY_STRUCT,           /* nested struct or union, by name */
    LY_FD,               /* int holding a file descriptor (printed as one) */
    LY_NTYPES
};

struct lay_field {
    const char *name;
    uint8_t type;        /* LY_* */
    uint16_t count;      /* array length (1 for a scalar) */
    const char *sub;     /* LY_STRUCT: the nested struct's name */
};

/* lay_struct.flags */
enum { LYF_UNION = 1 };

/* One struct definition; several may share a name when ABIs define it differently. */
struct lay_struct {
    const char *name;
    uint32_t abis;       /* LAB_* bits of the ABIs this definition serves (0: every ABI) */
    uint8_t flags;       /* LYF_* */
    uint32_t pack_abis;  /* ABIs where it is __attribute__((packed)) (members 1-aligned) */
    uint8_t pack_align;  /* its alignment there (1, or 4 for packed,aligned(4)) */
    uint8_t n;
    const struct lay_field *f;
};

/* ABIs with a layout model (index into lay_abis). */
enum lay_abi_id { LA_RISCV64, LA_AARCH64, LA_X86_64, LA_ARM, LA_I386, LA_MIPS, LA_MIPSN32, LA_MIPS64, LA_COUNT };
#define LAB(id) (1u << (id))

/* The C data model and the ioctl encoding of an ABI. */
struct lay_abi {
    const char *name;        /* "arm" */
    const char *model;       /* "LP64", "ILP32", "i386 ILP32", "MIPS o32", ... for messages */
    uint8_t long_size;       /* long and pointers */
    uint8_t i64_align;       /* alignment of long long / __u64 inside structs */
    uint8_t olddev_size;     /* __kernel_old_dev_t */
    uint8_t big_endian;
    uint8_t ioc_sizebits;    /* 14 (generic) or 13 (MIPS, PowerPC, SPARC) */
    uint8_t ioc_none, ioc_read, ioc_write;   /* _IOC_NONE/_IOC_READ/_IOC_WRITE values */
};

extern const struct lay_abi lay_abis[LA_COUNT];

/* A computed layout (fields of nested structs are not expanded). */
#define LAY_MAXF 48
struct lay_result {
    const struct lay_struct *s;
    unsigned size, align;
    unsigned n;
    unsigned off[LAY_MAXF], fsize[LAY_MAXF];  /* per field: offset and total size (count included) */
    int has_ptr;             /* a pointer anywhere inside (nested structs included) */
    int first_ptr;           /* offset of the first pointer (valid when has_ptr) */
    int has_long;            /* a long or pointer anywhere inside */
};

/* The ABI named name ("riscv64", "arm", "i386", "mips", "mipsn32", "mips64", "x86_64", "aarch64"), or -1. */
int lay_abi_find(const char *name);
/* The ABI xtrace itself was built for. */
int lay_host_abi(void);
/* The definition of struct name that serves ABI abi, or NULL ("struct " prefixes are ignored). */
const struct lay_struct *lay_struct_find(const char *name, int abi);
/* Computes the layout of s under ABI abi; 0, or -1 for an unknown nested struct. */
int lay_compute(const struct lay_struct *s, int abi, struct lay_result *r);
/* Size of a scalar type named by C text ("int", "unsigned long", "size_t", "__u64", "char *") under abi,
   or 0 when the text is not a known scalar. */
unsigned lay_scalar_size(const char *type, int abi, int *is_ptr);
/* Size of the named type (scalar or described struct) under abi; 0 when unknown. */
unsigned lay_type_size(const char *type, int abi);
/* Compares type's layout under guest and host ABIs. Returns 0 when identical (same size, offsets and
   field sizes), 1 when they differ, -1 when type is unknown; writes what differs first into why. */
int lay_diff(const char *type, int guest, int host, char *why, size_t whysz);

/* Adds a struct defined at run time (--ioctl-defs); it is found before the built-in ones. s and its
   fields must stay valid. 0, or -1 when out of memory. */
int lay_add_struct(const struct lay_struct *s);

/* Maps a pointer value while converting (guest address -> host address or back); ctx is the caller's. */
typedef uint64_t (*lay_ptr_fn)(void *ctx, uint64_t v);
/* Converts one value of s from ABI from (bytes at src, its size under from) to ABI to (dst, its size
   under to; zeroed first): fixed-size fields are copied, long/ulong/old dev_t sign- or zero-extended or
   truncated, pointers passed through map (NULL stays NULL), nested structs and arrays converted field by
   field. A union is converted through its member named member, else copied byte for byte over the
   common size (for requests whose members agree across ABIs). Byte order must be the same.
   0, or -1 with the reason in why. */
int lay_convert(const struct lay_struct *s, int from, int to, const void *src, void *dst, lay_ptr_fn map,
                void *ctx, const char *member, char *why, size_t whysz);
/* The built-in description of a scalar C type as a one-field struct (for lay_convert), or NULL. */
const struct lay_struct *lay_scalar_struct(const char *type);

/* Offset and size of member path ("a" or "a.b" through nested structs) of s under abi; 0, or -1 when absent. */
int lay_field_find(const struct lay_struct *s, int abi, const char *path, unsigned *off, unsigned *size);

/* Number of struct definitions, and each (for tests and the report). */
unsigned lay_count(void);
const struct lay_struct *lay_at(unsigned i);

#endif
