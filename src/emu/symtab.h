/* Guest symbols from ELF .symtab/.dynsym, for crash reports and the debugger. */
#ifndef XTRACE_SYMTAB_H
#define XTRACE_SYMTAB_H

#include <stdint.h>

struct symtab;

/* An empty symbol table. */
struct symtab *symtab_new(void);
/* Adds the function and object symbols of the ELF open on fd, relocated by bias; malformed input is ignored. */
void symtab_add(struct symtab *st, int fd, uint64_t bias, const char *path);
/* Name of the symbol containing addr (or the nearest below it in the same image), NULL if none; *off gets the offset. */
const char *symtab_lookup(const struct symtab *st, uint64_t addr, uint64_t *off);
/* arm: 1 when addr lies in a Thumb function, 0 in an ARM function, -1 when no function symbol says. */
int symtab_thumb(const struct symtab *st, uint64_t addr);
/* Address of a symbol by name; returns 0 and sets *addr, or -1. */
int symtab_find(const struct symtab *st, const char *name, uint64_t *addr);

#endif
