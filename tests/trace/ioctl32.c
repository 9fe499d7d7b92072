/* Golden log of ABI diagnosis with --ioctl-defs: a private _IOWR holding a pointer and a long, named and translated for a 32-bit guest and passed for a 64-bit one; an undeclared one flagged; known ILP32 requests (FS_IOC_GETFLAGS, SIOCGIFFLAGS) translated against the real host kernel. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/fs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "expect.h"

#define IOCTL(fd, req, arg) syscall(SYS_ioctl, fd, (unsigned long)(req), arg)

struct mydev_xfer { void *buf; long len; unsigned flags; };
struct mydev_cfg { int target; unsigned long mask; char label[8]; };

int main(void)
{
    int ilp32 = sizeof(long) == 4;
    int n = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR);
    char data[16] = "payload";
    long r;

    /* the acceptance case: _IOWR whose struct holds a pointer and a long */
    struct mydev_xfer x = { data, -5, 7 };
    r = IOCTL(n, _IOWR('M', 1, struct mydev_xfer), &x);
    if (ilp32)
        EXPECT("ioctl(%d, MYDEV_XFER, %p) = %s (translated: struct mydev_xfer is 12 bytes under ILP32 (arm), 24 under "
               "the host's LP64 (pointer buf is 4 bytes at offset 0, the host's 8 bytes at offset 0); host request "
               "0xc0184d01; pointer buf mapped to its host address)", n, (void *)&x, res(r));
    else
        EXPECT("ioctl(%d, MYDEV_XFER, %p) = %s (passed through: identical layout, struct mydev_xfer of 24 bytes; "
               "pointer buf mapped to its host address)", n, (void *)&x, res(r));

    /* _IOW: the fields as the guest wrote them */
    struct mydev_cfg cfg = { 1, 0xffffffffUL, "lbl" };
    r = IOCTL(n, _IOW('M', 2, struct mydev_cfg), &cfg);
    if (ilp32)
        EXPECT("ioctl(%d, MYDEV_SET, {target=1, mask=4294967295, label=\"lbl\"}) = %s (translated: struct mydev_cfg is 16 "
               "bytes under ILP32 (arm), 24 under the host's LP64 (long mask is 4 bytes at offset 4, the host's 8 bytes "
               "at offset 8); host request 0x40184d02)", n, res(r));
    else
        EXPECT("ioctl(%d, MYDEV_SET, {target=1, mask=4294967295, label=\"lbl\"}) = %s (passed through: identical layout, "
               "struct mydev_cfg of 24 bytes)", n, res(r));
    r = IOCTL(n, _IO('M', 4), 0);
    EXPECT("ioctl(%d, MYDEV_RESET, 0) = %s (passed through: integer argument, nothing to translate)", n, res(r));

    /* not declared: named by its _IOC parts and flagged */
    r = IOCTL(n, _IOWR('M', 9, struct mydev_xfer), &x);
    if (ilp32)
        EXPECT("ioctl(%d, _IOC(_IOC_READ|_IOC_WRITE, 0x4d, 0x9, 0xc), %p) = %s (refused: guest struct is 12 bytes under "
               "ILP32 (arm); its fields are unknown and the host's LP64 layout rules differ; no translation known \xe2\x80\x94 "
               "the host kernel would treat it as a compat ioctl; unknown request: declare it with --ioctl-defs FILE or "
               "use --ioctl=pass)", n, (void *)&x, res(r));
    else
        EXPECT("ioctl(%d, _IOC(_IOC_READ|_IOC_WRITE, 0x4d, 0x9, 0x18), %p) = %s (passed through: same layout rules as the "
               "host, LP64; the 24-byte argument's fields are unknown)", n, (void *)&x, res(r));

    /* known requests whose ILP32 layout differs, answered by the real host kernel */
    int f = (int)syscall(SYS_openat, AT_FDCWD, "/proc/self/exe", O_RDONLY);
    long flags = -1;
    r = IOCTL(f, FS_IOC_GETFLAGS, &flags);
    if (ilp32 && r == 0)
        EXPECT("ioctl(%d, FS_IOC32_GETFLAGS or FS_IOC_GETFLAGS, [%ld]) = 0 (translated: long is 4 bytes under ILP32 (arm), 8 "
               "under the host's LP64 (long is 4 bytes, the host's 8); host request 0x80086601)", f, flags);
    else if (ilp32)   /* a file system without attributes answers ENOTTY to the translated request too */
        EXPECT_RE("ioctl\\(%d, FS_IOC32_GETFLAGS or FS_IOC_GETFLAGS, 0x[0-9a-f]+\\) = -1 [A-Z]+ .* \\(translated: long is 4 "
                  "bytes under ILP32 \\(arm\\), 8 under the host's LP64 .*", f);
    int sk = (int)syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strcpy(ifr.ifr_name, "lo");
    r = IOCTL(sk, SIOCGIFINDEX, &ifr);
    if (ilp32) {
        EXPECT_RE("ioctl\\(%d, SIOCGIFINDEX, \\{ifr_name=\"lo\", ifr_ifindex=[0-9]+\\}\\) = %s \\(translated: struct ifreq is 32 bytes under ILP32 "
                  "\\(arm\\), 40 under the host's LP64 \\(struct ifr_ifru is 16 bytes at offset 16, the host's 24 bytes at "
                  "offset 16\\)\\)", sk, res(r));
        if (r == 0 && ifr.ifr_ifindex <= 0)
            EXPECT("guest read ifindex %d of lo: the reply was not converted back", ifr.ifr_ifindex);
        /* struct ifconf points to an array of struct ifreq: both converted, the lengths in guest units */
        struct ifreq reqs[8];
        struct ifconf ifc = { .ifc_len = sizeof reqs, .ifc_buf = (char *)reqs };
        memset(reqs, 0, sizeof reqs);
        r = IOCTL(sk, SIOCGIFCONF, &ifc);
        EXPECT("ioctl(%d, SIOCGIFCONF, {ifc_len=%d, ifc_buf=%p}) = %s (translated: struct ifconf is 8 bytes under ILP32 "
               "(arm), 16 under the host's LP64 (pointer ifc_buf is 4 bytes at offset 4, the host's 8 bytes at offset 8); "
               "the ifreq array at ifc_buf converted too (32-byte elements, the host's 40))", sk, ifc.ifc_len, (void *)reqs,
               res(r));
        if (r == 0 && (ifc.ifc_len % 32 || ifc.ifc_len < 32 || strcmp(reqs[0].ifr_name, "lo") ||
                       ((struct sockaddr_in *)&reqs[0].ifr_addr)->sin_family != AF_INET))
            EXPECT("guest read ifc_len %d, first interface '%s': the array was not converted back", ifc.ifc_len,
                   reqs[0].ifr_name);
    }
    return 0;
}
