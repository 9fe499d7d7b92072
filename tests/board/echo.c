/* Bare-metal test program for qemu's virt board: echoes the PL011 UART and counts the characters in a global.
   Built -O0 (every line keeps its code), ARM, Thumb or AArch64, linked at the virt RAM base 0x40000000. */
#define UART_BASE 0x09000000ul
#define UART_DR (*(volatile unsigned int *)(UART_BASE + 0x00))
#define UART_FR (*(volatile unsigned int *)(UART_BASE + 0x18))
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)

volatile unsigned int count; /* characters echoed so far (the test watches it) */

#if defined(__aarch64__)
__asm__(".text\n.global _start\n_start:\n\tldr x0, =0x40100000\n\tmov sp, x0\n\tbl main\n1:\tb 1b\n");
#else
__asm__(".text\n.arm\n.global _start\n_start:\n\tldr sp, =0x40100000\n\tbl main\n1:\tb 1b\n");
#endif

static void put(char c)
{
    while (UART_FR & FR_TXFF)
        ;
    UART_DR = (unsigned char)c;
}

static void puts_uart(const char *s)
{
    while (*s)
        put(*s++);
}

static int get(void)
{
    while (UART_FR & FR_RXFE)
        ;
    return (int)(UART_DR & 0xff);
}

/* Called once per received character: the test breaks here by name. */
__attribute__((noinline)) void echo(int c)
{
    count = count + 1;
    put((char)c);
}

int main(void)
{
    puts_uart("echo ready\n");
    for (;;)
        echo(get());
}
