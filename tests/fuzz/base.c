/* base: tiny libc-free riscv64 guest (writes "ok\n", exits 0) used as the seed ELF for loader fuzzing. */
static long sys3(long n, long a, long b, long c)
{
    register long a7 __asm__("a7") = n;
    register long a0 __asm__("a0") = a;
    register long a1 __asm__("a1") = b;
    register long a2 __asm__("a2") = c;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
    return a0;
}

static char msg[] = "ok\n";           /* writable data: a second PT_LOAD */
static volatile char bss[8192];        /* and a bss part (memsz > filesz) */

void _start(void)
{
    bss[100] = msg[0];
    sys3(64, 1, (long)msg, bss[100] == 'o' ? 3 : 0); /* write */
    sys3(94, 0, 0, 0);                                  /* exit_group */
    for (;;)
        ;
}
