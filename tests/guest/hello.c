/* hello: prints a greeting, argc, every argv[i] (argv[0] as basename) and the sorted XTEST_* environment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv, char **envp)
{
    printf("hello, world\n");
    printf("argc=%d\n", argc);
    const char *base = strrchr(argv[0], '/');
    printf("argv[0]=%s\n", base ? base + 1 : argv[0]);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=\"%s\" (len %zu)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc]==NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
    printf("envp==environ: %s\n", envp == environ ? "yes" : "no");

    char *vars[64];
    int n = 0;
    for (char **e = envp; *e; e++)
        if (strncmp(*e, "XTEST_", 6) == 0 && n < 64)
            vars[n++] = *e;
    qsort(vars, n, sizeof vars[0], cmp);
    printf("XTEST_ vars: %d\n", n);
    for (int i = 0; i < n; i++)
        printf("env: %s\n", vars[i]);
    return 0;
}
