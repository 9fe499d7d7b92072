/* uname: prints the sysname and machine fields of uname(2); the machine must be riscv64. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(void)
{
    struct utsname u;
    int rc = uname(&u);
    printf("uname rc=%d\n", rc);
    printf("sysname=%s\n", u.sysname);
    printf("machine=%s\n", u.machine);
    printf("release non-empty: %s\n", u.release[0] ? "yes" : "no");
    printf("nodename terminated: %s\n", memchr(u.nodename, 0, sizeof u.nodename) ? "yes" : "no");
    return 0;
}
