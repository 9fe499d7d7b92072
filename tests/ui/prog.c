/* UI test guest: a global the tests watch, a call chain for bt/finish, and one write for the syscalls panel. */
#include <string.h>
#include <unistd.h>

int counter = 1;
long big = 0x1122334455667788;
const char greeting[] = "hello from the guest\n";

static int add(int a, int b)
{
    return a + b;
}

void bump(void)
{
    counter = add(counter, 1);
}

int main(void)
{
    bump();
    bump();
    write(1, greeting, strlen(greeting));
    return counter;
}
