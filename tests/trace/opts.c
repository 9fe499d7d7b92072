/* Golden log of the strace options: one fixed set of syscalls, and per mode (argv[1]) the lines the option must produce or suppress. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "expect.h"

#define S(...) syscall(__VA_ARGS__)
#define IS(m) (strcmp(mode, m) == 0)
#define NUM "[0-9]+"
#define TIME "[0-9]+\\.[0-9]{6}"

static void on_usr1(int sig)
{
    (void)sig;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    int me = getpid();
    struct sigaction sa = { .sa_handler = on_usr1 };
    sigaction(SIGUSR1, &sa, NULL);

    int fd = (int)S(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
    long w = S(SYS_write, fd, "x\001\033y", 4);
    int z = (int)S(SYS_openat, AT_FDCWD, "/dev/zero", O_RDONLY);
    char buf[4];
    long rd = S(SYS_read, z, buf, 4);
    struct stat st;
    long fs = S(SYS_fstat, fd, &st);
    long c1 = S(SYS_close, z);
    long bad = S(SYS_close, 999);
    int e1 = errno;
    long nf = S(SYS_openat, AT_FDCWD, "/nonexistent", O_RDONLY | O_CLOEXEC);
    int e2 = errno;
    int sk = (int)S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    struct stat sst;
    fstat(sk, &sst);
    long k = S(SYS_kill, me, SIGUSR1);
    long c2 = S(SYS_close, fd);
    (void)w, (void)rd, (void)fs, (void)c1, (void)k, (void)c2;

    errno = e1;
    const char *rbad = res(bad);
    errno = e2;
    const char *rnf = res(nf);

    if (IS("file")) {            /* -e trace=%file: calls with a path, nothing else */
        EXPECT("openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = %d", fd);
        EXPECT("openat(AT_FDCWD, \"/nonexistent\", O_RDONLY|O_CLOEXEC) = %s", rnf);
        ABSENT_RE("(write|read|close|kill|socket)\\(.*");
    } else if (IS("names")) {    /* -e trace=close,kill */
        EXPECT("close(%d) = 0", z);
        EXPECT("close(999) = %s", rbad);
        EXPECT("kill(%d, SIGUSR1) = 0", me);
        EXPECT("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, si_uid=%d} ---", me, (int)getuid());
        ABSENT_RE("(write|read|openat|fstat)\\(.*");
    } else if (IS("negated")) {  /* -e trace=!write,read */
        EXPECT("openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = %d", fd);
        EXPECT("close(%d) = 0", fd);
        ABSENT_RE("(write|read)\\(.*");
    } else if (IS("failed")) {   /* -e status=failed and -Z */
        EXPECT("close(999) = %s", rbad);
        EXPECT("openat(AT_FDCWD, \"/nonexistent\", O_RDONLY|O_CLOEXEC) = %s", rnf);
        ABSENT_RE(".* = [0-9].*");
        ABSENT_RE("exit_group.*");
    } else if (IS("successful")) {
        EXPECT("close(%d) = 0", z);
        ABSENT_RE("(close|openat)\\(.* = -1 .*");
    } else if (IS("y")) {        /* -y: descriptor paths */
        EXPECT("openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = %d</dev/null>", fd);
        EXPECT("write(%d</dev/null>, \"x\\1\\33y\", 4) = 4", fd);
        EXPECT("read(%d</dev/zero>, \"\\0\\0\\0\\0\", 4) = 4", z);
        EXPECT("close(%d</dev/zero>) = 0", z);
        EXPECT("close(999) = %s", rbad);
        EXPECT("socket(AF_UNIX, SOCK_STREAM, 0) = %d<socket:[%lu]>", sk, (unsigned long)sst.st_ino);
        EXPECT("close(%d</dev/null>) = 0", fd);
    } else if (IS("yy")) {       /* -yy: socket endpoints */
        EXPECT("socket(AF_UNIX, SOCK_STREAM, 0) = %d<UNIX-STREAM:[%lu]>", sk, (unsigned long)sst.st_ino);
        EXPECT("close(%d</dev/null>) = 0", fd);
    } else if (IS("T")) {        /* -T: time spent */
        EXPECT_RE("close\\(%d\\) = 0 <" TIME ">", z);
        EXPECT_RE("close\\(999\\) = -1 EBADF \\(Bad file descriptor\\) <" TIME ">");
        ABSENT_RE("exit_group\\(0\\) = \\? <.*");
    } else if (IS("t")) {
        EXPECT_RE("[0-9]{2}:[0-9]{2}:[0-9]{2} close\\(%d\\) = 0", z);
        EXPECT_RE("[0-9]{2}:[0-9]{2}:[0-9]{2} \\+\\+\\+ exited with 0 \\+\\+\\+");
    } else if (IS("tt")) {
        EXPECT_RE("[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6} close\\(%d\\) = 0", z);
    } else if (IS("ttt")) {
        EXPECT_RE("[0-9]{10}\\.[0-9]{6} close\\(%d\\) = 0", z);
    } else if (IS("r")) {        /* -r: time since the previous line, in a 13-column field */
        EXPECT_RE(" {0,5}[0-9]+\\.[0-9]{6} close\\(%d\\) = 0", z);
        EXPECT_RE(" +0\\.[0-9]{6} close\\(999\\) = -1 EBADF \\(Bad file descriptor\\)");
    } else if (IS("c")) {        /* -c: the table alone */
        EXPECT("%% time     seconds  usecs/call     calls    errors syscall");
        EXPECT("------ ----------- ----------- --------- --------- ----------------");
        EXPECT_RE("[ 0-9]{3}\\.[0-9]{2} +" TIME " +" NUM " +3 +1 close");
        EXPECT_RE("[ 0-9]{3}\\.[0-9]{2} +" TIME " +" NUM " +1 +kill");
        EXPECT("------ ----------- ----------- --------- --------- ----------------");
        EXPECT_RE("100\\.00 +" TIME " +" NUM " +" NUM " +" NUM " total");
        ABSENT_RE("(close|write|exit_group)\\(.*");
        ABSENT_RE("(---|\\+\\+\\+) .*");
    } else if (IS("C")) {        /* -C: lines, then the table */
        EXPECT("close(999) = %s", rbad);
        EXPECT("+++ exited with 0 +++");
        EXPECT("%% time     seconds  usecs/call     calls    errors syscall");
        EXPECT_RE("100\\.00 +" TIME " +" NUM " +" NUM " +" NUM " total");
    } else if (IS("json")) {     /* --json: one object per event */
        EXPECT_JSON();
        EXPECT_RE("\\{\"type\":\"syscall\",\"pid\":%d,\"tid\":%d,\"time\":" TIME ",\"name\":\"close\",\"args\":\\[\"999\"\\],"
                  "\"raw\":\\[\"0x3e7\"\\],\"return\":-1,\"errno\":\"EBADF\",\"result\":\"-1 EBADF \\(Bad file descriptor\\)\","
                  "\"duration\":" TIME "\\}", me, me);
        EXPECT_RE("\\{\"type\":\"signal\",\"pid\":%d,\"tid\":%d,\"line\":\"--- SIGUSR1 \\{si_signo=SIGUSR1, .*\\} ---\"\\}", me, me);
        EXPECT_RE("\\{\"type\":\"exit\",\"pid\":%d,\"tid\":%d,\"line\":\"\\+\\+\\+ exited with 0 \\+\\+\\+\"\\}", me, me);
    } else if (IS("x")) {        /* -x: a string with non-ASCII bytes all in hex */
        EXPECT("write(%d, \"\\x78\\x01\\x1b\\x79\", 4) = 4", fd);
        EXPECT("openat(AT_FDCWD, \"/dev/zero\", O_RDONLY) = %d", z);
    } else if (IS("xx")) {       /* -xx: every string in hex */
        EXPECT("openat(AT_FDCWD, \"\\x2f\\x64\\x65\\x76\\x2f\\x7a\\x65\\x72\\x6f\", O_RDONLY) = %d", z);
    } else if (IS("raw")) {      /* -X raw */
        EXPECT("openat(-100, \"/nonexistent\", 0x80000) = %s", rnf);
        EXPECT("kill(%d, 10) = 0", me);
        EXPECT("--- SIGUSR1 {si_signo=10, si_code=0, si_pid=%d, si_uid=%d} ---", me, (int)getuid());
    } else if (IS("verbose")) {  /* -X verbose */
        EXPECT("openat(-100 /* AT_FDCWD */, \"/nonexistent\", 0x80000 /* O_RDONLY|O_CLOEXEC */) = %s", rnf);
        EXPECT("socket(0x1 /* AF_UNIX */, 0x1 /* SOCK_STREAM */, 0) = %d", sk);
        EXPECT("kill(%d, 10 /* SIGUSR1 */) = 0", me);
    } else if (IS("v")) {        /* -v: every struct member */
        EXPECT_RE("fstat\\(%d, \\{st_dev=makedev\\((0|0x[0-9a-f]+), (0|0x[0-9a-f]+)\\), st_ino=%lu, st_mode=S_IFCHR\\|0666, "
                  "st_nlink=" NUM ", st_uid=" NUM ", st_gid=" NUM ", st_blksize=" NUM ", st_blocks=" NUM ", "
                  "st_rdev=makedev\\(0x1, 0x3\\), st_atime=" NUM ", st_atime_nsec=" NUM ", .*\\}\\) = 0",
                  fd, (unsigned long)st.st_ino);
        ABSENT_RE("fstat\\(.*\\.\\.\\.\\}\\) = 0");
    } else if (IS("nosig")) {    /* -e signal=none */
        EXPECT("kill(%d, SIGUSR1) = 0", me);
        ABSENT_RE("--- .*");
    } else if (IS("sigusr2")) {  /* -e signal=SIGUSR2: SIGUSR1 not shown */
        ABSENT_RE("--- SIGUSR1 .*");
        EXPECT("kill(%d, SIGUSR1) = 0", me);
    }
    return 0;
}
