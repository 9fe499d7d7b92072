/* Per-ABI value tables of the syscall log: row types, lookups and the process-wide guest ABI. */
#ifndef XTRACE_XLAT_H
#define XTRACE_XLAT_H

#include <stdint.h>

#include "gen/xlat-ids.h"

/* xlat_tab.flags */
enum {
    XF_FLAGS = 1,        /* a bit set (rows may also be values of multi-bit fields); else an enumeration */
    XF_DEC = 2,          /* unknown values print in decimal instead of hex */
};

/* One named value. mask == 0: a flag (all bits of val) or an enumerator; mask != 0: val is one
   value of the multi-bit field mask (O_ACCMODE, MAP_TYPE, ...). */
struct xlat_ent {
    uint64_t val;
    uint64_t mask;
    const char *name;
};

struct xlat_tab {
    const struct xlat_ent *ent;  /* rows in print order */
    uint16_t n;                  /* number of rows */
    uint8_t flags;               /* XF_* */
    uint8_t bits;                /* width of the values (32 or 64); wider input bits are ignored */
};

/* A guest errno with the host errno of the same name (for its message), -1 if the host lacks it. */
struct xlat_errno {
    int guest;
    int host;
    const char *name;
};

/* Where a struct member lives in the guest's layout; size 0 when this ABI has no such member. */
struct xlat_field {
    uint16_t off;
    uint16_t size;
    const char *name;
};

/* Everything generated for one guest ABI (src/trace/gen/xlat-ABI.c). */
struct xlat_abi {
    const char *name;                /* "riscv64" */
    const struct xlat_tab *tabs;     /* [XT_COUNT] */
    const int64_t *consts;           /* [XC_COUNT] */
    const struct xlat_errno *errnos; /* sorted by guest number */
    unsigned nerrnos;
    const struct xlat_field *fields; /* [LF_COUNT] */
    const uint16_t *ssizes;          /* [LS_COUNT] sizeof each struct */
};

/* The tables of ABI name, or NULL when there are none. */
const struct xlat_abi *xlat_find_abi(const char *name);
/* Makes abi the one all lookups use (process-wide; one guest ABI per process). */
void xlat_use(const struct xlat_abi *abi);
/* The ABI in use (the first known one until xlat_use is called). */
const struct xlat_abi *xlat_abi(void);

/* A table of the ABI in use. */
const struct xlat_tab *xlat_tab(int id);
/* Name of v in an enumeration table (exact match within the table's width), or NULL. */
const char *xlat_name(int tab, uint64_t v);
/* A generated constant of the ABI in use. */
int64_t xlat_const(int id);
/* Offset and size of a struct member in the ABI in use. */
const struct xlat_field *xlat_field(int id);
/* sizeof a struct in the ABI in use. */
unsigned xlat_ssize(int id);
/* The errno row of a guest errno number, or NULL. */
const struct xlat_errno *xlat_errno(int guest);

#endif
