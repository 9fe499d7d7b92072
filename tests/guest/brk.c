/* brk: grows and shrinks the heap with sbrk and the raw brk syscall, touching the new memory. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    printf("brk test\n"); /* let stdio allocate its buffer before measuring */
    char *start = sbrk(0);
    printf("initial break non-null: %s\n", start != (char *)-1 && start != NULL ? "yes" : "no");
    char *old = sbrk(1 << 20);
    char *now = sbrk(0);
    printf("sbrk(1MiB) returned old break: %s, grew by %ld\n", old == start ? "yes" : "no", (long)(now - start));
    memset(old, 0xab, 1 << 20);
    unsigned long sum = 0;
    for (int i = 0; i < (1 << 20); i += 4096)
        sum += (unsigned char)old[i];
    printf("touched: %lu\n", sum);
    for (int i = 0; i < 8; i++)
        sbrk(100000);
    now = sbrk(0);
    printf("after 8 x 100000: grew by %ld\n", (long)(now - start));
    ((volatile char *)now)[-1] = 1;
    sbrk(-(intptr_t)(now - start) + 4096);
    printf("shrunk to +4096: %s\n", (char *)sbrk(0) == start + 4096 ? "yes" : "no");
    long cur = syscall(SYS_brk, 0);
    printf("raw brk(0) == sbrk(0): %s\n", (char *)cur == (char *)sbrk(0) ? "yes" : "no");
    long want = cur + 3 * 4096 + 100;
    long got = syscall(SYS_brk, want);
    printf("raw brk grow returns request: %s\n", got == want ? "yes" : "no");
    memset((char *)cur, 1, 3 * 4096 + 100);
    long huge = syscall(SYS_brk, cur + (1L << 46));
    printf("absurd brk refused (returns old): %s\n", huge == want ? "yes" : "no");
    long low = syscall(SYS_brk, 4096);
    printf("brk below start refused: %s\n", low == want ? "yes" : "no");
    return 0;
}
