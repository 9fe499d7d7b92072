/* env: reads variables the harness sets (XTEST_VAR, XTEST_EMPTY), an unset one, and setenv/unsetenv round trips. */
#include <stdio.h>
#include <stdlib.h>

static void show(const char *name)
{
    const char *v = getenv(name);
    if (v)
        printf("%s=\"%s\"\n", name, v);
    else
        printf("%s is unset\n", name);
}

int main(void)
{
    show("XTEST_VAR");
    show("XTEST_EMPTY");
    show("XTEST_DEFINITELY_NOT_SET");
    if (setenv("XTEST_NEW", "created", 0) != 0)
        printf("setenv failed\n");
    show("XTEST_NEW");
    setenv("XTEST_VAR", "overwritten", 1);
    show("XTEST_VAR");
    setenv("XTEST_VAR", "ignored", 0);
    show("XTEST_VAR");
    unsetenv("XTEST_NEW");
    show("XTEST_NEW");
    return 0;
}
