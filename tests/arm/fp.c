#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
    volatile double a = 1.5, b = 2.25;
    volatile float f = 3.25f;
    long long x = 1234567890123LL;
    char *s = malloc(64);
    strcpy(s, "heap");
    printf("%s %.3f %.2f %g %lld %d\n", s, a * b + 1, (double)f / 2, a / 3, x / 7, (int)(b * 10));
    free(s);
    return 0;
}
