/* UI test guest: functions returning base types through typedefs and qualifiers, for finish's "Value returned". */
#include <stdbool.h>

typedef unsigned long ulong_t;

static char ch(void) { return 'A'; }
static bool yes(void) { return true; }
static const ulong_t big(void) { return (ulong_t)-1 / 3; }
static long long neg(void) { return -5000000000ll; }
static short sh(void) { return -7; }
static void nothing(void) { }

int main(void)
{
    nothing();
    return ch() + yes() + (int)big() + (int)neg() + sh();
}
