/* sort: benchmark — sorts 1M 32-bit integers with libc qsort and with an own introsort-style quicksort, verifying both. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static void insertion(int32_t *a, long n)
{
    for (long i = 1; i < n; i++) {
        int32_t v = a[i];
        long j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void quick(int32_t *a, long n)
{
    while (n > 24) {
        /* median of three */
        int32_t x = a[0], y = a[n / 2], z = a[n - 1];
        int32_t p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        long i = 0, j = n - 1;
        for (;;) {
            while (a[i] < p)
                i++;
            while (a[j] > p)
                j--;
            if (i >= j)
                break;
            int32_t t = a[i];
            a[i] = a[j];
            a[j] = t;
            i++;
            j--;
        }
        /* recurse into the smaller half, loop on the larger */
        if (j + 1 < n - j - 1) {
            quick(a, j + 1);
            a += j + 1;
            n -= j + 1;
        } else {
            quick(a + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    insertion(a, n);
}

static uint64_t check(const int32_t *a, long n, int *sorted)
{
    uint64_t h = 0;
    *sorted = 1;
    for (long i = 0; i < n; i++) {
        if (i && a[i - 1] > a[i])
            *sorted = 0;
        h = h * 1000003 + (uint32_t)a[i];
    }
    return h;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    int32_t *orig = malloc(n * sizeof *orig), *a = malloc(n * sizeof *a);
    uint64_t s = 0x853c49e6748fea9bull;
    for (long i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        orig[i] = (int32_t)(s >> 33) - (1 << 30);
        if (i % 10 == 0)
            orig[i] = (int32_t)(i % 1000); /* some duplicates */
    }
    int ok1, ok2;
    memcpy(a, orig, n * sizeof *a);
    qsort(a, n, sizeof *a, cmp);
    uint64_t h1 = check(a, n, &ok1);
    memcpy(a, orig, n * sizeof *a);
    quick(a, n);
    uint64_t h2 = check(a, n, &ok2);
    printf("sort %ld ints: qsort %s, quicksort %s, same result %s, hash %016llx\n", n, ok1 ? "sorted" : "UNSORTED",
           ok2 ? "sorted" : "UNSORTED", h1 == h2 ? "yes" : "NO", (unsigned long long)h1);
    return !(ok1 && ok2 && h1 == h2);
}
