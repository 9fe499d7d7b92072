/* Golden log of ioctls: a pty (posix_openpt), /dev/null (ENOTTY), known requests without translation, a private _IOWR, and what xtrace did with each. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/input.h>
#include <linux/loop.h>
#include <linux/rtc.h>
#include <net/if.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>

#include "expect.h"

#define IOCTL(fd, req, arg) syscall(SYS_ioctl, fd, (unsigned long)(req), arg)
#define IS(m) (strcmp(mode, m) == 0)
#define EXPECTP(...) do { if (plain) EXPECT(__VA_ARGS__); } while (0)        /* the lines of abbreviated text modes */
#define EXPECTP_RE(...) do { if (plain) EXPECT_RE(__VA_ARGS__); } while (0)
#define PRIVATE_REQ _IOWR('M', 1, struct private_arg)

struct private_arg { unsigned char b[276]; };

static const char *same_rules = "passed through: same layout rules as the host, LP64";

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    int strict = IS("strict"), pass = IS("pass"), plain = !IS("verbose") && !IS("json");
    long r;

    /* a pty: the master's requests go to the host as is, the slave's termios is translated */
    int m = (int)syscall(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
    EXPECTP("openat(AT_FDCWD, \"/dev/ptmx\", O_RDWR|O_NOCTTY) = %s", res(m));
    unsigned ptn = 0;
    r = IOCTL(m, TIOCGPTN, &ptn);
    if (strict)
        EXPECTP("ioctl(%d, TIOCGPTN, %p) = %s (refused: no translation for this request and --ioctl=strict)", m, (void *)&ptn, res(r));
    else if (pass)
        EXPECTP("ioctl(%d, TIOCGPTN, [%u]) = %s (passed through raw, --ioctl=pass)", m, ptn, res(r));
    else
        EXPECTP("ioctl(%d, TIOCGPTN, [%u]) = %s (passed through: identical layout, unsigned int of 4 bytes)", m, ptn, res(r));
    int unlock = 0;
    r = IOCTL(m, TIOCSPTLCK, &unlock);
    if (!strict && !pass)
        EXPECTP("ioctl(%d, TIOCSPTLCK, [0]) = %s (passed through: identical layout, int of 4 bytes)", m, res(r));
    char name[32];
    snprintf(name, sizeof name, "/dev/pts/%u", ptn);
    int s = strict ? -1 : (int)syscall(SYS_openat, AT_FDCWD, name, O_RDWR | O_NOCTTY);
    if (s >= 0) {
        struct termios t;
        r = IOCTL(s, TCGETS, &t);
        EXPECTP_RE("ioctl\\(%d, TCGETS, \\{c_iflag=[A-Z0-9|]+, c_oflag=[A-Z0-9|]+, c_cflag=[A-Z0-9|]*B38400[A-Z0-9|]*, "
                  "c_lflag=[A-Z0-9|]*ICANON[A-Z0-9|]*, \\.\\.\\.\\}\\) = %s \\(translated\\)", s, res(r));
        struct winsize ws = { 24, 80, 0, 0 };
        r = IOCTL(s, TIOCSWINSZ, &ws);
        EXPECTP("ioctl(%d, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = %s (translated)", s, res(r));
        memset(&ws, 0, sizeof ws);
        r = IOCTL(m, TIOCGWINSZ, &ws);
        EXPECTP("ioctl(%d, TIOCGWINSZ, {ws_row=%u, ws_col=%u, ws_xpixel=0, ws_ypixel=0}) = %s (translated)", m, ws.ws_row,
               ws.ws_col, res(r));
        int avail = -1;
        r = IOCTL(m, FIONREAD, &avail);
        EXPECTP("ioctl(%d, FIONREAD, [%d]) = %s (translated)", m, avail, res(r));
    }

    /* /dev/null: a translated request fails as the device says */
    int n = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR);
    struct termios t;
    r = IOCTL(n, TCGETS, &t);
    EXPECTP("ioctl(%d, TCGETS, %p) = %s (translated)", n, (void *)&t, res(r));

    /* known requests without a translation: the database decides from the layouts */
    if (!strict && !pass) {
        struct rtc_time rt;
        r = IOCTL(n, RTC_RD_TIME, &rt);
        EXPECTP("ioctl(%d, RTC_RD_TIME, %p) = %s (passed through: identical layout, struct rtc_time of 36 bytes)", n,
               (void *)&rt, res(r));
        struct loop_info64 li;
        r = IOCTL(n, LOOP_GET_STATUS64, &li);
        EXPECTP("ioctl(%d, LOOP_GET_STATUS64, %p) = %s (passed through: identical layout, struct loop_info64 of 232 bytes)",
               n, (void *)&li, res(r));
        char evname[64];
        r = IOCTL(n, EVIOCGNAME(sizeof evname), evname);
        EXPECTP("ioctl(%d, EVIOCGNAME(64), %p) = %s (%s; the 64-byte argument's fields are unknown)", n, (void *)evname,
               res(r), same_rules);
        int sk = (int)syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
        struct ifconf ifc = { 0 };
        r = IOCTL(sk, SIOCGIFCONF, &ifc);
        if (r == 0)   /* without a buffer the kernel says how many bytes of ifreqs it has */
            EXPECTP("ioctl(%d, SIOCGIFCONF, {ifc_len=%d, ifc_buf=NULL}) = 0 (passed through: identical layout, struct ifconf "
                    "of 16 bytes; pointer ifc_buf mapped to its host address)", sk, ifc.ifc_len);
        else
            EXPECTP("ioctl(%d, SIOCGIFCONF, %p) = %s (passed through: identical layout, struct ifconf of 16 bytes; pointer "
                    "ifc_buf mapped to its host address)", sk, (void *)&ifc, res(r));
        struct ifreq ifr = { .ifr_name = "lo" };
        r = IOCTL(sk, SIOCGIFINDEX, &ifr);
        if (r == 0)
            EXPECTP("ioctl(%d, SIOCGIFINDEX, {ifr_name=\"lo\", ifr_ifindex=%d}) = 0 (passed through: identical layout, struct "
                    "ifreq of 40 bytes)", sk, ifr.ifr_ifindex);
    }

    /* a private request: _IOWR('M', 1, 276 bytes) */
    struct private_arg pa;
    for (unsigned i = 0; i < sizeof pa.b; i++)
        pa.b[i] = (unsigned char)i;
    r = IOCTL(n, PRIVATE_REQ, &pa);
    const char *req = "_IOC(_IOC_READ|_IOC_WRITE, 0x4d, 0x1, 0x114)";
    if (strict) {
        EXPECTP("ioctl(%d, %s, %p) = %s (refused: no translation for this request and --ioctl=strict)", n, req,
               (void *)&pa, res(r));
    } else if (pass) {
        EXPECTP("ioctl(%d, %s, %p) = %s (passed through raw, --ioctl=pass)", n, req, (void *)&pa, res(r));
    } else if (IS("verbose")) {
        static char hex[276 * 4 + 1];
        for (unsigned i = 0; i < sizeof pa.b; i++)
            snprintf(hex + 4 * i, 5, "\\x%02x", i & 0xff);
        EXPECT("ioctl(%d, %#x /* %s */, %p /* \"%s\" */) = %s (%s; the 276-byte argument's fields are unknown)", n,
               (unsigned)PRIVATE_REQ, req, (void *)&pa, hex, res(r), same_rules);
    } else {
        EXPECTP("ioctl(%d, %s, %p) = %s (%s; the 276-byte argument's fields are unknown)", n, req, (void *)&pa, res(r),
               same_rules);
    }

    if (IS("report")) {   /* --abi-report: the table at exit */
        EXPECT("+++ exited with 0 +++");
        EXPECT_RE("ABI report: guest riscv64 \\(LP64\\), host x86_64 \\(LP64\\); [0-9]+ ioctl requests and struct-carrying syscalls seen");
        EXPECT_RE(" +calls +call +guest layout +host layout +what xtrace did");
        EXPECT_RE(" +[0-9]+ +newfstatat +stat64 128 B +stat64 144 B +emulated; layouts differ: field st_mode is 4 bytes at offset 16, the host's 4 bytes at offset 24");
        EXPECT_RE(" +1 +ioctl TIOCGPTN +unsigned int 4 B +unsigned int 4 B +passed through: identical layout, unsigned int of 4 bytes");
        EXPECT_RE(" +[0-9]+ +ioctl TCGETS +termios 36 B +termios 36 B +translated");
        EXPECT_RE(" +1 +ioctl LOOP_GET_STATUS64 +loop_info64 232 B +loop_info64 232 B +passed through: identical layout.*");
        EXPECT_RE(" +1 +ioctl EVIOCGNAME\\(64\\) +64 B, fields unknown +- +passed through: same layout rules.*");
        EXPECT_RE(" +1 +ioctl SIOCGIFCONF +ifconf 16 B +ifconf 16 B +passed through: identical layout, struct ifconf of 16 bytes; pointer ifc_buf mapped.*");
        EXPECT_RE(" +1 +ioctl 0xc1144d01 +276 B, fields unknown +- +passed through: same layout rules.*");
    }
    if (IS("json")) {
        EXPECT_JSON();
        EXPECT_RE("\\{\"type\":\"syscall\",.*\"name\":\"ioctl\",\"args\":\\[\"%d\",\"TCGETS\",\"%p\"\\],.*,\"note\":\"translated\"\\}",
                  n, (void *)&t);
    }
    return 0;
}
