/* smc: self-modifying code, as JITs do: write code into RWX memory, run it, rewrite it, flush, run it again (riscv64, aarch64, arm encodings). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef long (*fn_t)(void);

static void emit(uint32_t *code, int value)
{
#if defined(__riscv)
    code[0] = 0x00000513u | ((uint32_t)value << 20); /* addi a0, zero, value */
    code[1] = 0x00008067u;                           /* jalr zero, 0(ra) */
#elif defined(__aarch64__)
    code[0] = 0x52800000u | ((uint32_t)value << 5); /* movz w0, #value */
    code[1] = 0xd65f03c0u;                          /* ret */
#elif defined(__arm__)
    code[0] = 0xe3a00000u | (uint32_t)value; /* mov r0, #value (A32: the call through a pointer with bit 0 clear enters ARM state) */
    code[1] = 0xe12fff1eu;                   /* bx lr */
#else
#error "smc.c: no instruction encodings for this architecture"
#endif
    __builtin___clear_cache((char *)code, (char *)(code + 2));
}

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return 1;
    fn_t f = (fn_t)(uintptr_t)code;
    long sum = 0;
    for (int i = 1; i <= 50; i++) {
        emit(code, i);
        long r = f();
        if (r != i)
            printf("stale code: wanted %d, got %ld\n", i, r);
        sum += r;
    }
    printf("sum of 50 regenerated functions: %ld\n", sum);
    /* W^X style: write while not executable, then flip to executable. */
    mprotect(code, 4096, PROT_READ | PROT_WRITE);
    emit(code, 77);
    mprotect(code, 4096, PROT_READ | PROT_EXEC);
    printf("after mprotect flip: %ld\n", f());
    return 0;
}
