/* The guest's view of /proc/self files that describe the emulated process (maps, auxv, cmdline, environ, cpuinfo). */
#ifndef XTRACE_PROCFS_H
#define XTRACE_PROCFS_H

struct emu_proc;

/* Opens an emulated /proc file as a read-only memory file; -ENOENT when path is not one we emulate. */
int procfs_open(struct emu_proc *p, const char *path, int flags);

#endif
