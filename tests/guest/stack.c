/* stack: deep recursion using ~1.5 MB of stack (1 KiB frames) plus a large alloca; prints checksums. */
#include <alloca.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static uint64_t recurse(int depth, uint64_t acc)
{
    volatile unsigned char frame[1024];
    for (int i = 0; i < (int)sizeof frame; i += 64)
        frame[i] = (unsigned char)(depth + i);
    if (depth == 0)
        return acc;
    uint64_t r = recurse(depth - 1, acc * 31 + depth);
    /* use the frame after the call so it cannot be a tail call */
    return r + frame[depth % 16 * 64];
}

int main(void)
{
    printf("recursion 1500 x 1KiB: %llu\n", (unsigned long long)recurse(1500, 1));
    size_t n = 2 * 1024 * 1024;
    unsigned char *p = alloca(n);
    memset(p, 0x5a, n);
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i += 4096)
        sum += p[i] + i;
    printf("alloca 2MiB sum: %llu\n", (unsigned long long)sum);
    /* the ABI's promise: 16 bytes on riscv64 and aarch64, 8 under arm's AAPCS */
    uintptr_t align = sizeof(void *) == 4 ? 8 : 16;
    printf("stack aligned as the ABI promises: %s\n", ((uintptr_t)p & (align - 1)) == 0 ? "yes" : "no");
    return 0;
}
