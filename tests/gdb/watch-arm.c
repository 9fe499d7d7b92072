/* gdb watchpoint guest for arm: every kind of store xtrace classifies (STRB, STRH, STR, a conditional store
   that does not execute, STRD, STM, VSTR, VSTM, STREX) writes the watched 64-bit word, then a store next to
   it and loads (LDR, LDM, VLDR) that only an access watchpoint sees. */
#include <stdio.h>

struct area {
    unsigned long long target; /* watched */
    unsigned int neighbor;     /* stored to, not watched */
} area;
volatile unsigned int sink;

int main(void)
{
    unsigned long long *t = &area.target;
    __asm__ volatile("mov r2, #0x11\n\tstrb r2, [%0]" : : "r"(t) : "r2", "memory");
    __asm__ volatile("movw r2, #0x2222\n\tstrh r2, [%0, #2]" : : "r"(t) : "r2", "memory");
    __asm__ volatile("cmp r2, r2\n\tit ne\n\tstrne r2, [%0]" : : "r"(t) : "r2", "cc", "memory");
    __asm__ volatile("mov r2, #0x33\n\tstr r2, [%0, #4]" : : "r"(t) : "r2", "memory");
    __asm__ volatile("mov r2, #1\n\tmov r3, #2\n\tstrd r2, r3, [%0]" : : "r"(t) : "r2", "r3", "memory");
    __asm__ volatile("mov r2, #5\n\tmov r3, #6\n\tstm %0, {r2, r3}" : : "r"(t) : "r2", "r3", "memory");
    __asm__ volatile("mov r2, #7\n\tmov r3, #8\n\tvmov d0, r2, r3\n\tvstr d0, [%0]" : : "r"(t) : "r2", "r3", "d0", "memory");
    __asm__ volatile("mov r2, #9\n\tmov r3, #10\n\tvmov d1, r2, r3\n\tvstmia %0, {d1}" : : "r"(t) : "r2", "r3", "d1", "memory");
    __asm__ volatile("1: ldrex r2, [%0]\n\tmov r2, #11\n\tstrex r3, r2, [%0]\n\tcmp r3, #0\n\tbne 1b" : : "r"(t)
                     : "r2", "r3", "cc", "memory");
    area.neighbor = 99;
    unsigned int a, b;
    __asm__ volatile("ldr %0, [%1, #4]" : "=r"(a) : "r"(t) : "memory");
    __asm__ volatile("ldm %2, {%0, %1}" : "=r"(a), "=r"(b) : "r"(t) : "memory");
    __asm__ volatile("vldr d2, [%0]" : : "r"(t) : "d2", "memory");
    sink = a + b;
    printf("target=%llx neighbor=%u\n", area.target, area.neighbor);
    return 0;
}
