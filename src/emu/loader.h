/* ELF loader: validates a guest program, maps it and its interpreter, builds the initial stack. */
#ifndef XTRACE_LOADER_H
#define XTRACE_LOADER_H

#include <stddef.h>
#include <stdint.h>

struct emu_isa;
struct emu_proc;

/* Result of probing a file: which ISA runs it, or why none does. */
struct elf_probe {
    const struct emu_isa *isa;   /* backend that runs it, NULL on error */
    char err[512];               /* one-line reason when isa is NULL */
};

/* Reads the ELF header of path and picks the backend; returns 0 or -1 with probe->err filled. */
int loader_probe(const char *path, struct elf_probe *probe);

/* Loads path (and its interpreter) into p's address space and builds the initial stack from argv/envp.
   Returns 0, or -1 with a one-line message in err. *sp receives the initial stack pointer. */
int loader_load(struct emu_proc *p, const char *path, char *const argv[], char *const envp[],
                const char *execfn, uint64_t *sp, char *err, size_t errsz);

/* Registered backends, NULL-terminated. */
extern const struct emu_isa *const emu_isas[];

#endif
