/* abi32: the 32-bit ABI's own syscall forms, called raw with their ILP32 structs (32-bit time_t, long and
   pointers), which glibc's *_time64/LFS wrappers would otherwise bypass: time, timers, waits, resources,
   old stat/getdents, 16-bit ids, select/poll, record locks, directory offsets. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct ts32 { int32_t sec, nsec; };
struct tv32 { int32_t sec, usec; };
struct its32 { struct ts32 interval, value; };
struct itv32 { struct tv32 interval, value; };
struct rusage32 { struct tv32 utime, stime; int32_t rest[14]; };
struct rlimit32 { uint32_t cur, max; };
struct flock32 { int16_t type, whence; int32_t start, len, pid; };
struct oldstat { uint32_t dev, ino; uint16_t mode, nlink, uid, gid; uint32_t rdev, size, blksize, blocks;
                 uint32_t atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns, pad[2]; };
struct sysinfo32 { int32_t uptime; uint32_t loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap;
                   uint16_t procs, pad; uint32_t totalhigh, freehigh, mem_unit; char f[8]; };
struct siginfo32 { int32_t signo, errno_, code, pid, uid, status, utime, stime, pad[24]; };
struct sigevent32 { uint32_t value; int32_t signo, notify; int32_t tid; int32_t pad[12]; };

static int failures;
#define CHECK(c) do { if (!(c)) { printf("CHECK FAILED line %d: %s (errno %d)\n", __LINE__, #c, errno); failures++; } } while (0)

static int64_t ms_between(struct ts32 a, struct ts32 b) { return (b.sec - a.sec) * 1000LL + (b.nsec - a.nsec) / 1000000; }

static void times32(void)
{
    struct ts32 t, m0, m1, res;
    struct tv32 tv;
    CHECK(syscall(__NR_clock_gettime, CLOCK_REALTIME, &t) == 0);
    long now = (long)time(NULL);
    printf("clock_gettime32 realtime matches time(): %s\n", t.sec >= now - 2 && t.sec <= now + 2 && t.nsec >= 0 && t.nsec < 1000000000 ? "yes" : "no");
    CHECK(syscall(__NR_gettimeofday, &tv, NULL) == 0);
    printf("gettimeofday32 matches: %s\n", tv.sec >= now - 2 && tv.sec <= now + 2 && tv.usec >= 0 && tv.usec < 1000000 ? "yes" : "no");
    CHECK(syscall(__NR_clock_getres, CLOCK_MONOTONIC, &res) == 0);
    printf("clock_getres32 monotonic: sec=%d ns>0=%d\n", res.sec, res.nsec > 0);
    struct ts32 req = {0, 30 * 1000000}, rem = {7, 7};
    syscall(__NR_clock_gettime, CLOCK_MONOTONIC, &m0);
    CHECK(syscall(__NR_nanosleep, &req, &rem) == 0);
    syscall(__NR_clock_gettime, CLOCK_MONOTONIC, &m1);
    printf("nanosleep32 30ms: slept>=30ms %d\n", ms_between(m0, m1) >= 30);
    CHECK(syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, NULL) == 0);
    struct itv32 it = {{0, 0}, {100, 0}}, old, cur;
    CHECK(syscall(__NR_setitimer, ITIMER_REAL, &it, &old) == 0);
    CHECK(syscall(__NR_getitimer, ITIMER_REAL, &cur) == 0);
    printf("itimer32: old zero %d, remaining in (98,100] s: %d\n", old.value.sec == 0 && old.value.usec == 0,
           cur.value.sec >= 98 && cur.value.sec <= 100);
    memset(&it, 0, sizeof it);
    CHECK(syscall(__NR_setitimer, ITIMER_REAL, &it, NULL) == 0);
    int tid = -1;
    struct sigevent32 ev = {0, 0, 1 /* SIGEV_NONE */, 0, {0}};
    CHECK(syscall(__NR_timer_create, CLOCK_MONOTONIC, &ev, &tid) == 0);
    struct its32 its = {{0, 0}, {50, 5}}, got;
    CHECK(syscall(__NR_timer_settime, tid, 0, &its, NULL) == 0);
    CHECK(syscall(__NR_timer_gettime, tid, &got) == 0);
    printf("timer32: remaining in (48,50] s: %d\n", got.value.sec >= 48 && got.value.sec <= 50);
    /* *_time64: nanoseconds are the low half of a 64-bit field whose high half 32-bit callers leave as junk */
    struct { int64_t sec; int32_t nsec, pad; } its64[2] = {{0, 0, -1}, {30, 7, 0x5a5a5a5a}}, req64 = {0, 1000, -1};
    printf("timer_settime64 with junk padding: %ld\n", syscall(__NR_timer_settime64, tid, 0, its64, NULL));
    printf("clock_nanosleep_time64 with junk padding: %ld\n",
           syscall(__NR_clock_nanosleep_time64, CLOCK_MONOTONIC, 0, &req64, NULL));
    CHECK(syscall(__NR_timer_delete, tid) == 0);
    int tfd = (int)syscall(__NR_timerfd_create, CLOCK_MONOTONIC, 0);
    CHECK(tfd >= 0);
    struct its32 tits = {{1, 0}, {20, 0}};
    CHECK(syscall(__NR_timerfd_settime, tfd, 0, &tits, NULL) == 0);
    CHECK(syscall(__NR_timerfd_gettime, tfd, &got) == 0);
    printf("timerfd32: interval %d s, remaining in (18,20]: %d\n", got.interval.sec, got.value.sec >= 18 && got.value.sec <= 20);
    close(tfd);
    struct ts32 rr = {-1, -1};
    long rrr = syscall(__NR_sched_rr_get_interval, 0, &rr);
    printf("sched_rr_get_interval32: %ld, sane %d\n", rrr, rr.sec >= 0 && rr.nsec >= 0 && rr.nsec < 1000000000);
    int word = 5;
    struct ts32 to = {0, 20 * 1000000};
    long r = syscall(__NR_futex, &word, 0 /* FUTEX_WAIT */, 5, &to, NULL, 0);
    printf("futex32 wait with 20ms timeout: %ld %s\n", r, r < 0 && errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
}

static void resources32(void)
{
    struct rusage32 ru;
    memset(&ru, 0xff, sizeof ru);
    CHECK(syscall(__NR_getrusage, RUSAGE_SELF, &ru) == 0);
    printf("getrusage32: maxrss>0 %d, usec<1e6 %d\n", ru.rest[0] > 0, ru.utime.usec >= 0 && ru.utime.usec < 1000000);
    int32_t tms[4];
    CHECK(syscall(__NR_times, tms) != -1);
    struct sysinfo32 si;
    CHECK(syscall(__NR_sysinfo, &si) == 0);
    printf("sysinfo32: uptime>0 %d, ram>0 %d, unit>=1 %d, procs>0 %d\n", si.uptime > 0, si.totalram > 0,
           si.mem_unit >= 1, si.procs > 0);
    struct rlimit32 rl, rl2;
    CHECK(syscall(__NR_ugetrlimit, RLIMIT_NOFILE, &rl) == 0);
    rl2 = rl;
    rl2.cur = 100;
    CHECK(syscall(__NR_setrlimit, RLIMIT_NOFILE, &rl2) == 0);
    CHECK(syscall(__NR_ugetrlimit, RLIMIT_NOFILE, &rl2) == 0);
    printf("setrlimit32 NOFILE 100 -> %u\n", rl2.cur);
    CHECK(syscall(__NR_setrlimit, RLIMIT_NOFILE, &rl) == 0);
    struct rlimit32 inf = {0xffffffffu, 0xffffffffu}, back;
    CHECK(syscall(__NR_ugetrlimit, RLIMIT_CORE, &back) == 0);
    long sr = syscall(__NR_setrlimit, RLIMIT_CORE, &inf); /* raising the hard limit may be refused */
    CHECK(syscall(__NR_ugetrlimit, RLIMIT_CORE, &rl) == 0);
    printf("RLIM_INFINITY round trip: %s\n", sr != 0 || (rl.cur == 0xffffffffu && rl.max == 0xffffffffu) ? "ok" : "no");
    unsigned u16 = (unsigned)syscall(__NR_getuid), u32 = (unsigned)syscall(__NR_getuid32);
    printf("getuid (16-bit) agrees with getuid32: %s\n", u16 == (u32 > 65535 ? 65534 : u32) ? "yes" : "no");
}

static void files32(void)
{
    int fd = open("abi32.tmp", O_RDWR | O_CREAT | O_TRUNC, 0640);
    CHECK(fd >= 0);
    char buf[1234];
    memset(buf, 'x', sizeof buf);
    CHECK(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf);
    struct oldstat os;
    CHECK(syscall(__NR_fstat, fd, &os) == 0);
    printf("fstat (old struct stat): size=%u reg=%d mode=%o nlink=%u\n", os.size, S_ISREG(os.mode), os.mode & 0777, os.nlink);
    CHECK(symlink("abi32.tmp", "abi32.lnk") == 0);
    CHECK(syscall(__NR_lstat, "abi32.lnk", &os) == 0);
    printf("lstat: link=%d size=%u\n", S_ISLNK(os.mode), os.size);
    CHECK(syscall(__NR_stat, "abi32.lnk", &os) == 0);
    printf("stat: reg=%d size=%u\n", S_ISREG(os.mode), os.size);
    struct ts32 tms[2] = {{1000000000, 5}, {1000000001, 6}};
    CHECK(syscall(__NR_utimensat, AT_FDCWD, "abi32.tmp", tms, 0) == 0);
    struct stat st;
    CHECK(stat("abi32.tmp", &st) == 0);
    printf("utimensat32: atime %ld.%09ld mtime %ld.%09ld\n", (long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    struct tv32 tvs[2] = {{1500000000, 250000}, {1600000000, 500000}};
    CHECK(syscall(__NR_utimes, "abi32.tmp", tvs) == 0);
    CHECK(stat("abi32.tmp", &st) == 0);
    printf("utimes: atime %ld.%09ld mtime %ld.%09ld\n", (long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    /* record locks with the 32-bit struct flock: a child sees the parent's lock */
    struct flock32 fl = {F_WRLCK, SEEK_SET, 10, 20, 0};
    CHECK(syscall(__NR_fcntl64, fd, F_SETLK, &fl) == 0);
    pid_t child = fork();
    if (child == 0) {
        struct flock32 q = {F_WRLCK, SEEK_SET, 0, 0, 0};
        int ok = syscall(__NR_fcntl64, fd, F_GETLK, &q) == 0 && q.type == F_WRLCK && q.start == 10 && q.len == 20 &&
                 q.pid == getppid();
        _exit(ok ? 7 : 1);
    }
    struct rusage32 ru;
    int status = 0;
    CHECK(syscall(__NR_wait4, child, &status, 0, &ru) == child);
    printf("F_GETLK (struct flock) in child, wait4 with rusage32: exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    close(fd);
    child = fork();
    if (child == 0)
        _exit(5);
    struct siginfo32 si;
    memset(&si, 0, sizeof si);
    CHECK(syscall(__NR_waitid, P_PID, child, &si, WEXITED, NULL) == 0);
    printf("waitid siginfo32: signo=%d code=%d pid ok %d status=%d\n", si.signo, si.code, si.pid == child, si.status);
    unlink("abi32.lnk");
    unlink("abi32.tmp");
}

static void dirs32(void)
{
    CHECK(mkdir("abi32.d", 0755) == 0);
    const char *names[] = {"one", "two", "three", "four", "five"};
    for (int i = 0; i < 5; i++) {
        char p[64];
        snprintf(p, sizeof p, "abi32.d/%s", names[i]);
        close(open(p, O_CREAT | O_WRONLY, 0644));
    }
    /* old getdents: struct linux_dirent with d_type in the record's last byte */
    int fd = open("abi32.d", O_RDONLY | O_DIRECTORY);
    char buf[4096];
    long n = syscall(__NR_getdents, fd, buf, sizeof buf);
    int count = 0, regs = 0;
    for (long at = 0; at < n;) {
        unsigned short rec = *(unsigned short *)(buf + at + 8);
        count++;
        regs += buf[at + rec - 1] == DT_REG;
        at += rec;
    }
    printf("getdents (old dirent): %d entries, %d regular\n", count, regs);
    close(fd);
    /* telldir/seekdir: the offsets a 32-bit readdir sees must seek back */
    DIR *d = opendir("abi32.d");
    CHECK(d != NULL);
    readdir(d);
    readdir(d);
    long pos = telldir(d);
    struct dirent *e = readdir(d);
    char third[256] = "";
    if (e)
        snprintf(third, sizeof third, "%s", e->d_name);
    while (readdir(d))
        ;
    seekdir(d, pos);
    e = readdir(d);
    printf("seekdir back to telldir: %s\n", e && !strcmp(e->d_name, third) ? "same entry" : "different entry");
    closedir(d);
    for (int i = 0; i < 5; i++) {
        char p[64];
        snprintf(p, sizeof p, "abi32.d/%s", names[i]);
        unlink(p);
    }
    CHECK(rmdir("abi32.d") == 0);
}

static void select32(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    fd_set r;
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    struct tv32 tv = {0, 20000};
    long n = syscall(__NR__newselect, p[0] + 1, &r, NULL, NULL, &tv);
    printf("_newselect empty pipe, 20ms: %ld\n", n);
    struct ts32 t20 = {0, 20000000};
    FD_SET(p[0], &r);
    printf("pselect6 (32-bit timespec) empty pipe, 20ms: %ld\n", syscall(__NR_pselect6, p[0] + 1, &r, NULL, NULL, &t20, NULL));
    struct { int64_t sec; int32_t nsec, pad; } t64 = {0, 20000000, -1};
    FD_SET(p[0], &r);
    printf("pselect6_time64 empty pipe, 20ms, junk padding: %ld\n",
           syscall(__NR_pselect6_time64, p[0] + 1, &r, NULL, NULL, &t64, NULL));
    CHECK(write(p[1], "x", 1) == 1);
    FD_SET(p[0], &r);
    struct ts32 ts = {1, 0};
    n = syscall(__NR_pselect6, p[0] + 1, &r, NULL, NULL, &ts, NULL);
    printf("pselect6 (32-bit timespec) with data: %ld, set %d\n", n, FD_ISSET(p[0], &r) != 0);
    struct pollfd { int fd; short events, revents; } pf = {p[0], 1 /* POLLIN */, 0};
    n = syscall(__NR_poll, &pf, 1, 100);
    printf("poll: %ld revents=%d\n", n, pf.revents);
    close(p[0]);
    close(p[1]);
}

/* sendmmsg/recvmmsg with the ILP32 struct mmsghdr, and an fd passed in SCM_RIGHTS through recvmmsg */
static void mmsg32(void)
{
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    char out[3][8] = {"first", "second", "third"}, in[3][16];
    struct iovec oiov[3], iiov[3];
    struct mmsghdr om[3], im[3];
    memset(om, 0, sizeof om);
    memset(im, 0, sizeof im);
    for (int i = 0; i < 3; i++) {
        oiov[i] = (struct iovec){out[i], strlen(out[i])};
        iiov[i] = (struct iovec){in[i], sizeof in[i]};
        om[i].msg_hdr.msg_iov = &oiov[i], om[i].msg_hdr.msg_iovlen = 1;
        im[i].msg_hdr.msg_iov = &iiov[i], im[i].msg_hdr.msg_iovlen = 1;
    }
    int pfd[2];
    CHECK(pipe(pfd) == 0);
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } octl, ictl;
    memset(&octl, 0, sizeof octl);
    om[2].msg_hdr.msg_control = octl.buf, om[2].msg_hdr.msg_controllen = sizeof octl.buf;
    struct cmsghdr *cm = CMSG_FIRSTHDR(&om[2].msg_hdr);
    cm->cmsg_level = SOL_SOCKET, cm->cmsg_type = SCM_RIGHTS, cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &pfd[1], sizeof(int));
    im[2].msg_hdr.msg_control = ictl.buf, im[2].msg_hdr.msg_controllen = sizeof ictl.buf;
    long n = syscall(__NR_sendmmsg, sv[0], om, 3, 0);
    printf("sendmmsg32: %ld\n", n);
    struct ts32 to = {1, 0};
    n = syscall(__NR_recvmmsg, sv[1], im, 3, 0, &to);
    printf("recvmmsg32: %ld:", n);
    for (int i = 0; i < n; i++)
        printf(" %.*s(%u)", (int)im[i].msg_len, in[i], im[i].msg_len);
    struct cmsghdr *rc = CMSG_FIRSTHDR(&im[2].msg_hdr);
    int passed = -1;
    if (rc && rc->cmsg_type == SCM_RIGHTS)
        memcpy(&passed, CMSG_DATA(rc), sizeof passed);
    int works = passed >= 0 && write(passed, "z", 1) == 1;
    char z = 0;
    works = works && read(pfd[0], &z, 1) == 1 && z == 'z';
    printf("; fd in SCM_RIGHTS works: %s, controllen %u\n", works ? "yes" : "no", (unsigned)im[2].msg_hdr.msg_controllen);
    close(sv[0]);
    close(sv[1]);
    close(pfd[0]);
    close(pfd[1]);
    if (passed >= 0)
        close(passed);
}

/* pause: another thread (which must get to run meanwhile) interrupts it with a handled signal */
static volatile int woke;
static void on_usr1(int s) { (void)s; woke = 1; }
static void *poker(void *arg)
{
    pid_t tid = *(pid_t *)arg;
    usleep(20000);
    syscall(__NR_tgkill, getpid(), tid, SIGUSR1);
    return NULL;
}

static void pause32(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART; /* pause returns EINTR all the same */
    sigaction(SIGUSR1, &sa, NULL);
    pid_t me = (pid_t)syscall(__NR_gettid);
    pthread_t t;
    CHECK(pthread_create(&t, NULL, poker, &me) == 0);
    long r = syscall(__NR_pause);
    int e = errno;
    pthread_join(t, NULL);
    printf("pause, woken by another thread: %ld %s, handler ran %d\n", r, e == EINTR ? "EINTR" : "?", woke);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    times32();
    resources32();
    files32();
    dirs32();
    select32();
    mmsg32();
    pause32();
    printf("failures: %d\n", failures);
    return failures != 0;
}
