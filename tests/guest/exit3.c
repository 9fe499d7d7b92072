/* exit3: prints a line through stdio (flushed by exit) and exits with status 3. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("exiting with 3\n");
    exit(3);
}
