/* Target descriptions: qXfer target.xml and its xi:includes parsed with expat into a register file. */
#ifndef XTRACE_REMOTE_TDESC_H
#define XTRACE_REMOTE_TDESC_H

#include <stddef.h>

/* One register the remote describes. */
struct tdesc_reg {
    char name[48];               /* gdb name ("r0", "cpsr", "mstatus") */
    unsigned bits;               /* bitsize */
    int regnum;                  /* the stub's register number (p/P packets, g order) */
    char type[32];               /* "int", "code_ptr", "data_ptr", "ieee_double", a vector or union id... */
    char group[24];              /* "general", "float", "vector", "system", "cp_regs"... or empty */
    int feature;                 /* index into tdesc.features */
};

struct tdesc {
    char arch[64];               /* <architecture> ("arm", "aarch64", "riscv:rv64"), empty when absent */
    struct tdesc_reg *regs;      /* registers in document order */
    int nregs;                   /* count */
    char features[32][64];       /* feature names in document order */
    int nfeatures;               /* count */
    char **docs;                 /* {"target.xml", text, "x.xml", text, ..., NULL}: what was read */
    int ndocs;                   /* documents (pairs) */
};

/* Reads one annex of the description (qXfer:features:read); returns 0 with a malloc'd NUL-terminated
   text, or -1 with a message in err. */
typedef int (*tdesc_fetch_fn)(void *ctx, const char *annex, char **text, char *err, size_t errsz);

/* Reads target.xml and every document it includes; returns 0, or -1 with a message naming the document
   and the place it could not be parsed. */
int tdesc_load(struct tdesc *t, tdesc_fetch_fn fetch, void *ctx, char *err, size_t errsz);
/* Frees what tdesc_load allocated. */
void tdesc_free(struct tdesc *t);
/* The register called name, or NULL. */
const struct tdesc_reg *tdesc_find(const struct tdesc *t, const char *name);

#endif
