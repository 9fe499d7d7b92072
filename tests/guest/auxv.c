/* auxv: checks the auxiliary vector the loader provides (page size, phdrs, entry, random bytes, execfn, ids, hwcap). */
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char _start[];

int main(int argc, char **argv)
{
    (void)argc;
    printf("AT_PAGESZ: %lu\n", getauxval(AT_PAGESZ));
    const ElfW(Phdr) *ph = (const ElfW(Phdr) *)getauxval(AT_PHDR);
    unsigned long phnum = getauxval(AT_PHNUM);
    printf("AT_PHENT == sizeof(Phdr): %s\n", getauxval(AT_PHENT) == sizeof(ElfW(Phdr)) ? "yes" : "no");
    int loads = 0, self = 0;
    for (unsigned long i = 0; ph && i < phnum; i++) {
        loads += ph[i].p_type == PT_LOAD;
        self += ph[i].p_type == PT_PHDR || ph[i].p_type == PT_LOAD;
    }
    printf("AT_PHDR points at program headers with PT_LOAD: %s\n", loads > 0 ? "yes" : "no");
    printf("AT_ENTRY == _start: %s\n", getauxval(AT_ENTRY) == (unsigned long)_start ? "yes" : "no");
    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
    int nz = 0;
    for (int i = 0; rnd && i < 16; i++)
        nz |= rnd[i];
    printf("AT_RANDOM readable, not all zero: %s\n", rnd && nz ? "yes" : "no");
    const char *fn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN equals argv[0]: %s\n", fn && strcmp(fn, argv[0]) == 0 ? "yes" : "no");
    printf("AT_UID/EUID/GID/EGID match: %s\n",
           getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid() && getauxval(AT_GID) == getgid() &&
                   getauxval(AT_EGID) == getegid()
               ? "yes"
               : "no");
    printf("AT_SECURE: %lu\n", getauxval(AT_SECURE));
    unsigned long hw = getauxval(AT_HWCAP);
    /* the features every userland of the architecture relies on */
#if defined(__riscv)
    unsigned long base = 0; /* I M A F D C: one bit per extension letter */
    for (const char *e = "IMAFDC"; *e; e++)
        base |= 1ul << (*e - 'A');
#elif defined(__aarch64__)
    unsigned long base = 1 | 2; /* HWCAP_FP, HWCAP_ASIMD */
#elif defined(__arm__)
    unsigned long base = 2 | 4 | 16 | 128 | 32768; /* HWCAP_ARM_HALF, THUMB, FAST_MULT, EDSP, TLS */
#endif
    printf("AT_HWCAP has the base features: %s\n", (hw & base) == base ? "yes" : "no");
    printf("sysconf(_SC_PAGESIZE): %ld\n", sysconf(_SC_PAGESIZE));
    (void)self;
    return 0;
}
