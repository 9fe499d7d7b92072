/* A first guest program: prints its arguments, reads a file, and reports the machine it thinks it runs on. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
    struct utsname u;
    uname(&u);
    printf("hello from a %s program", u.machine);
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
    FILE *f = fopen("/etc/hostname", "r");
    char line[128] = "";
    if (f && fgets(line, sizeof line, f))
        printf("this machine is called %s", line);
    if (f)
        fclose(f);
    if (!fopen("/no/such/file", "r"))
        printf("and /no/such/file does not exist, as the syscall log shows\n");
    return 0;
}
