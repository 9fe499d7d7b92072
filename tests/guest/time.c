/* time: clock_gettime (monotonic non-decreasing, realtime plausible), gettimeofday, nanosleep 10ms, time(); prints properties only. */
/* (time() may read a coarse clock, so comparisons with CLOCK_REALTIME allow a second of slack) */
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

static double ts_sec(struct timespec t) { return t.tv_sec + t.tv_nsec / 1e9; }

int main(void)
{
    struct timespec a, b, r, res;
    int rc1 = clock_gettime(CLOCK_MONOTONIC, &a);
    int rc2 = clock_gettime(CLOCK_MONOTONIC, &b);
    printf("clock_gettime monotonic rc: %d %d\n", rc1, rc2);
    printf("monotonic non-decreasing: %s\n",
           (b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec)) ? "yes" : "no");
    printf("tv_nsec in range: %s\n", a.tv_nsec >= 0 && a.tv_nsec < 1000000000 && b.tv_nsec < 1000000000 ? "yes" : "no");
    int rcr = clock_getres(CLOCK_MONOTONIC, &res);
    printf("clock_getres monotonic: rc=%d <=1ms=%s\n", rcr,
           res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000 ? "yes" : "no");

    clock_gettime(CLOCK_REALTIME, &r);
    printf("realtime after 2020: %s\n", r.tv_sec > 1577836800 ? "yes" : "no");
    struct timeval tv;
    int rc3 = gettimeofday(&tv, NULL);
    printf("gettimeofday rc=%d usec in range=%s close to realtime=%s\n", rc3,
           tv.tv_usec >= 0 && tv.tv_usec < 1000000 ? "yes" : "no",
           (tv.tv_sec - r.tv_sec) >= -1 && (tv.tv_sec - r.tv_sec) <= 5 ? "yes" : "no");
    time_t t = time(NULL);
    time_t t2;
    time(&t2);
    printf("time() close to realtime: %s, time(&t) consistent: %s\n",
           t - r.tv_sec >= -1 && t - r.tv_sec <= 5 ? "yes" : "no", t2 >= t ? "yes" : "no");

    struct timespec before, after, req = {0, 10 * 1000 * 1000}, rem = {7, 7};
    clock_gettime(CLOCK_MONOTONIC, &before);
    int rc4 = nanosleep(&req, &rem);
    clock_gettime(CLOCK_MONOTONIC, &after);
    double slept = ts_sec(after) - ts_sec(before);
    printf("nanosleep 10ms rc=%d slept>=10ms=%s slept<2s=%s\n", rc4, slept >= 0.010 ? "yes" : "no",
           slept < 2.0 ? "yes" : "no");
    clock_gettime(CLOCK_MONOTONIC, &before);
    req.tv_nsec = 5 * 1000 * 1000;
    int rc5 = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &after);
    printf("clock_nanosleep 5ms rc=%d slept>=5ms=%s\n", rc5, ts_sec(after) - ts_sec(before) >= 0.005 ? "yes" : "no");

    struct timespec c1, c2;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    volatile unsigned long spin = 0;
    for (int i = 0; i < 2000000; i++)
        spin += i;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c2);
    printf("process cputime advances: %s\n", ts_sec(c2) > ts_sec(c1) ? "yes" : "no");
    struct tm tm;
    time_t fixed = 1700000000;
    gmtime_r(&fixed, &tm);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a", &tm);
    printf("gmtime(1700000000): %s\n", buf);
    return 0;
}
