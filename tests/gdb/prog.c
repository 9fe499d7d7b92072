/* gdb test guest: a loop over a global counter, a function returning a value, a struct and locals, a write(). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct point {
    int x;
    int y;
    const char *name;
};

int counter;
volatile int sink;

int square(int v)
{
    int r = v * v;
    return r;
}

int sum_to(int n)
{
    int s = 0;
    for (int i = 1; i <= n; i++) {
        s += i;
        counter++;
    }
    return s;
}

void show(struct point *p)
{
    int local = p->x * 10 + p->y;
    sink = local;
    printf("%s: %d,%d local=%d\n", p->name, p->x, p->y, local);
}

int main(void)
{
    struct point pt = {3, 4, "origin"};
    int total = sum_to(5);
    int sq = square(7);
    sink = counter;
    show(&pt);
    write(1, "written\n", 8);
    printf("total=%d sq=%d counter=%d\n", total, sq, counter);
    return 0;
}
