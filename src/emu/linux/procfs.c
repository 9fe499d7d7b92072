/* Emulated /proc files: the guest sees its own memory map, auxv, command line and environment, not xtrace's. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu.h"
#include "mem.h"
#include "procfs.h"

static int matches(const char *path, const char *what)
{
    char own[64];
    snprintf(own, sizeof own, "/proc/%d/%s", (int)getpid(), what);
    return !strcmp(path, own) || (!strncmp(path, "/proc/self/", 11) && !strcmp(path + 11, what)) ||
           (!strncmp(path, "/proc/thread-self/", 18) && !strcmp(path + 18, what));
}

static void write_maps(struct emu_proc *p, FILE *f)
{
    for (struct vma *v = p->mem->vmas; v; v = v->next) {
        struct stat st;
        uint64_t ino = 0;
        if (v->name && v->name[0] == '/' && stat(v->name, &st) == 0)
            ino = st.st_ino;
        fprintf(f, "%08" PRIx64 "-%08" PRIx64 " %c%c%c%c %08" PRIx64 " 00:00 %" PRIu64, v->start, v->end,
                v->prot & MEM_R ? 'r' : '-', v->prot & MEM_W ? 'w' : '-', v->prot & MEM_X ? 'x' : '-',
                v->flags & MAP_SHARED ? 's' : 'p', v->offset, ino);
        if (v->name)
            fprintf(f, "%*s%s", 10, "", v->name);
        else if (p->brk_cur > p->brk_start && v->start >= p->brk_start && v->end <= (p->brk_cur + MEM_PAGE - 1))
            fprintf(f, "%*s[heap]", 10, "");
        fputc('\n', f);
    }
}

/* The guest's CPUs as its own architecture describes them, one block per host CPU. */
static void write_cpuinfo(struct emu_proc *p, FILE *f)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    for (long i = 0; i < (n > 0 ? n : 1); i++)
        fprintf(f, p->isa->cpuinfo, (int)i, (int)i);
}

static void write_area(struct emu_proc *p, FILE *f, uint64_t lo, uint64_t hi)
{
    if (hi > lo && mem_check(p->mem, lo, hi - lo, MEM_R))
        fwrite(mem_host(p->mem, lo), 1, hi - lo, f);
}

int procfs_open(struct emu_proc *p, const char *path, int flags)
{
    int which = matches(path, "maps") ? 1 : matches(path, "auxv") ? 2 : matches(path, "cmdline") ? 4
              : matches(path, "environ") ? 5 : 0;
    if (!strcmp(path, "/proc/cpuinfo") && p->isa->cpuinfo)
        which = 3;
    if (!which)
        return -ENOENT;
    if ((flags & O_ACCMODE) != O_RDONLY)
        return -EACCES;
    int fd = memfd_create("xtrace-proc", (flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
    if (fd < 0)
        return -errno;
    FILE *f = fdopen(dup(fd), "w");
    if (!f) {
        close(fd);
        return -ENOMEM;
    }
    if (which == 1)
        write_maps(p, f);
    else if (which == 3)
        write_cpuinfo(p, f);
    else if (which == 2)
        fwrite(mem_host(p->mem, p->auxv_addr), 1, p->auxv_len, f);
    else /* the strings as they are now in guest memory, as the kernel reads them (setproctitle shows) */
        write_area(p, f, which == 4 ? p->arg_start : p->env_start, which == 4 ? p->arg_end : p->env_end);
    fclose(f);
    lseek(fd, 0, SEEK_SET);
    return fd;
}
