/* Dies of SIGSEGV three calls deep (main -> middle -> crash_here, a store to address 0x20), with middle in
   the other instruction set: the crash report test (crash.sh) reads xtrace's report of it in ARM and Thumb
   code; run.sh compares the death. */
#include <stdio.h>

__attribute__((noinline)) int crash_here(volatile int *p, int v)
{
    p[8] = v; /* address 0x20 */
    return v + 1;
}

#ifdef __thumb__
#define OTHER_SET __attribute__((target("arm")))
#else
#define OTHER_SET __attribute__((target("thumb")))
#endif

OTHER_SET __attribute__((noinline)) int middle(volatile int *p, int v)
{
    int r = crash_here(p, v * 3);
    return r * 2 + 1;
}

int main(int argc, char **argv)
{
    (void)argv;
    printf("about to crash\n");
    fflush(stdout);
    return middle((volatile int *)0, argc);
}
