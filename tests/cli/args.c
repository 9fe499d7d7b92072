/* CLI test guest: prints argv and the environment variables the CLI test sets, exits with status from argv[1]. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    const char *v = getenv("XT_SET");
    printf("XT_SET=%s\n", v ? v : "(unset)");
    v = getenv("XT_GONE");
    printf("XT_GONE=%s\n", v ? v : "(unset)");
    if (argc > 2 && !strcmp(argv[1], "crash"))
        *(volatile int *)(uintptr_t)strtoul(argv[2], NULL, 0) = 1;
    return argc > 1 ? atoi(argv[1]) : 0;
}
