/* malloc: stdio formatting (ints, strings, %f %e %g %a, long double) and heavy malloc/realloc/calloc/free with qsort. */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int cmpint(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int failures;
#define CHECK(c) do { if (!(c)) { printf("CHECK FAILED line %d: %s\n", __LINE__, #c); failures++; } } while (0)

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed * 31 + i * 7);
}
static int verify(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed * 31 + i * 7))
            return 0;
    return 1;
}

static void formats(void)
{
    printf("[%d] [%i] [%u] [%x] [%X] [%o] [%#x] [%#o]\n", -42, 123, 4000000000u, 0xbeefu, 0xbeefu, 8u, 255u, 8u);
    printf("[%lld] [%lld] [%llu] [%hhd] [%hd] [%zu] [%jd]\n", -1234567890123LL, (long long)INT64_MIN,
           (unsigned long long)UINT64_MAX, (signed char)200, (short)70000, (size_t)12345, (intmax_t)INT64_MAX);
    printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%*d] [%-*d]\n", 42, 42, 42, 42, 42, 7, 6, 9, 4, 9);
    printf("[%c] [%s] [%.3s] [%10s] [%-10s] [%%] [%p]\n", 'Z', "string", "truncate", "right", "left", (void *)0);
    printf("[%" PRIx64 "] [%" PRId32 "] [%" PRIu16 "]\n", UINT64_C(0x0123456789abcdef), INT32_MIN, (uint16_t)65535);
    double vals[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1.0 / 3.0, 2.0 / 3.0, 123456789.125, 1e-5, 1e21, 1e300,
                     5e-324, 2.2250738585072014e-308, DBL_MAX, M_PI, -M_E, 0.5, 2.5, 1e15 + 0.3, 9.999999e-5};
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double v = vals[i];
        printf("%u: f=%f e=%e g=%g a=%a | .0f=%.0f .3e=%.3e .10g=%.10g G=%G E=%.2E A=%A\n", i, v, v, v, v, v, v, v, v,
               v, v);
    }
    printf("inf: %f %e %g %a %F\n", INFINITY, -INFINITY, INFINITY, -INFINITY, INFINITY);
    printf("nan: %f %e %g %a %F\n", NAN, NAN, -NAN, NAN, NAN);
    printf("width: [%12.4f] [%-12.2e] [%+.1f] [%012.3f] [%#.0f] [%#g]\n", M_PI, M_PI, 2.25, -M_PI, 3.0, 1.0);
    printf("%.60f\n", 0.1);
    printf("%.20e\n", DBL_MIN);
    printf("float args: %f %a %g\n", 1.1f, 1.1f, 16777217.0f);
    long double ld = 1.0L / 3.0L;
    printf("long double: %Lf %.30Le %La %Lg\n", ld, ld, ld, (long double)LDBL_MAX);
    printf("long double sum: %.30Lf\n", 0.1L + 0.2L);
    char small[8];
    volatile size_t smallsz = sizeof small;
    int n = snprintf(small, smallsz, "%s-%d", "abcdef", 12345);
    printf("snprintf ret=%d buf=\"%s\"\n", n, small);
    double d1 = strtod("0x1.8p3", NULL), d2 = strtod("1e-320", NULL), d3 = strtod("  -12.5e2xyz", NULL);
    printf("strtod: %g %a %g\n", d1, d2, d3);
    long l = strtol("-0x7fff", NULL, 16);
    unsigned long long ull = strtoull("18446744073709551615", NULL, 10);
    printf("strtol: %ld strtoull: %llu\n", l, ull);
    int a, b;
    char word[16];
    double f;
    int k = sscanf("17 0x1f word 2.75", "%d %i %15s %lf", &a, &b, word, &f);
    printf("sscanf: %d -> %d %d %s %g\n", k, a, b, word, f);
}

static void heap(void)
{
    /* many small allocations */
    enum { NSMALL = 8000 };
    unsigned char **ptrs = malloc(NSMALL * sizeof *ptrs);
    size_t *sizes = malloc(NSMALL * sizeof *sizes);
    CHECK(ptrs && sizes);
    size_t total = 0;
    for (int i = 0; i < NSMALL; i++) {
        sizes[i] = 1 + next() % 200;
        ptrs[i] = malloc(sizes[i]);
        CHECK(ptrs[i] != NULL);
        CHECK(((uintptr_t)ptrs[i] & (2 * sizeof(size_t) - 1)) == 0); /* glibc's MALLOC_ALIGNMENT */
        fill(ptrs[i], sizes[i], i);
        total += sizes[i];
    }
    for (int i = 0; i < NSMALL; i += 2) {
        free(ptrs[i]);
        ptrs[i] = NULL;
    }
    int bad = 0;
    for (int i = 1; i < NSMALL; i += 2)
        bad += !verify(ptrs[i], sizes[i], i);
    for (int i = 0; i < NSMALL; i += 2) {
        sizes[i] = 1 + next() % 500;
        ptrs[i] = malloc(sizes[i]);
        fill(ptrs[i], sizes[i], i);
    }
    for (int i = 0; i < NSMALL; i++)
        bad += !verify(ptrs[i], sizes[i], i);
    printf("small: %d allocations, %zu bytes first round, %d corrupt\n", NSMALL, total, bad);

    /* realloc chains keep content */
    bad = 0;
    for (int i = 0; i < NSMALL; i += 7) {
        size_t ns = sizes[i] * 3 + 100;
        unsigned char *q = realloc(ptrs[i], ns);
        CHECK(q != NULL);
        bad += !verify(q, sizes[i], i);
        fill(q, ns, i);
        ptrs[i] = q;
        sizes[i] = ns;
    }
    for (int i = 0; i < NSMALL; i++)
        bad += !verify(ptrs[i], sizes[i], i);
    printf("realloc: %d corrupt\n", bad);
    for (int i = 0; i < NSMALL; i++)
        free(ptrs[i]);
    free(ptrs);
    free(sizes);

    /* large (mmap-threshold) allocations */
    size_t big_sizes[] = {128 * 1024 + 1, 200000, 1 << 20, 5 << 20, 300000, 12 << 20};
    unsigned char *big[6];
    bad = 0;
    for (int i = 0; i < 6; i++) {
        big[i] = malloc(big_sizes[i]);
        CHECK(big[i] != NULL);
        fill(big[i], big_sizes[i], 100 + i);
    }
    for (int i = 0; i < 6; i++)
        bad += !verify(big[i], big_sizes[i], 100 + i);
    big[2] = realloc(big[2], 3 << 20);
    bad += !verify(big[2], 1 << 20, 102);
    big[3] = realloc(big[3], 100);
    bad += !verify(big[3], 100, 103);
    for (int i = 0; i < 6; i++)
        free(big[i]);
    printf("large: %d corrupt\n", bad);

    unsigned char *z = calloc(1000, 1000);
    CHECK(z != NULL);
    size_t nz = 0;
    for (size_t i = 0; i < 1000000; i++)
        nz += z[i] != 0;
    printf("calloc nonzero bytes: %zu\n", nz);
    free(z);
    volatile size_t hugesz = SIZE_MAX - 65536;
    void *huge = malloc(hugesz);
    printf("malloc(SIZE_MAX - 64 KiB) fails: %s\n", huge == NULL ? "yes" : "no");
    void *zero = malloc(0);
    printf("malloc(0) usable: %s\n", zero != NULL ? "yes" : "no");
    free(zero);
    free(NULL);
    void *al = aligned_alloc(4096, 8192);
    printf("aligned_alloc 4096: %s\n", ((uintptr_t)al & 4095) == 0 ? "aligned" : "misaligned");
    free(al);

    /* qsort */
    enum { NSORT = 20000 };
    int *arr = malloc(NSORT * sizeof *arr);
    uint64_t sum = 0;
    for (int i = 0; i < NSORT; i++) {
        arr[i] = (int)(next() % 2000001) - 1000000;
        sum += (uint64_t)(int64_t)arr[i];
    }
    qsort(arr, NSORT, sizeof *arr, cmpint);
    int sorted = 1;
    uint64_t sum2 = 0, hash = 0;
    for (int i = 0; i < NSORT; i++) {
        if (i && arr[i - 1] > arr[i])
            sorted = 0;
        sum2 += (uint64_t)(int64_t)arr[i];
        hash = hash * 1000003 + (uint32_t)arr[i];
    }
    printf("qsort: sorted=%d sum_kept=%d min=%d max=%d median=%d hash=%016" PRIx64 "\n", sorted, sum == sum2, arr[0],
           arr[NSORT - 1], arr[NSORT / 2], hash);
    free(arr);
}

int main(void)
{
    formats();
    heap();
    printf("failures: %d\n", failures);
    return failures != 0;
}
