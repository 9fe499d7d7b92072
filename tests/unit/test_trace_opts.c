/* Unit test of the syscall log's strace options, filters, JSON, -c table, -k hooks, and the ioctl database and ABI diagnosis. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "linux/syscall.h"
#include "mem.h"
#include "trace.h"

/* ---- fake guest memory: guest address a is gmem[a] ---- */

static unsigned char gmem[1 << 16];

int mem_read(struct mem *m, uint64_t a, void *dst, size_t n)
{
    if (!mem_in_range(m, a, n) || a == 0)
        return -EFAULT;
    memcpy(dst, mem_host(m, a), n);
    return 0;
}

int mem_read_str(struct mem *m, uint64_t a, char *dst, size_t cap)
{
    for (size_t i = 0; i < cap; i++) {
        if (a == 0 || !mem_in_range(m, a + i, 1))
            return -EFAULT;
        dst[i] = (char)m->base[a + i];
        if (!dst[i])
            return (int)i;
    }
    dst[cap - 1] = 0;
    return -ENAMETOOLONG;
}

static struct mem gm = { .base = gmem, .limit = sizeof gmem };
static struct emu_proc proc = { .mem = &gm, .nthreads = 1 };
static struct emu_cpu cpu = { .proc = &proc, .tid = 42 };
static uint64_t next = 0x1000;

static uint64_t put(const void *p, size_t n)
{
    uint64_t a = next;
    memcpy(gmem + a, p, n);
    next = (a + n + 15) & ~15ull;
    return a;
}

/* ---- output and checks ---- */

static char *outbuf;
static size_t outlen, outpos;
static FILE *out;
static struct trace *tr;
static int failures, checks;

static const char *take(void)
{
    static char text[16384];
    fflush(out);
    size_t n = outlen - outpos;
    if (n >= sizeof text)
        n = sizeof text - 1;
    memcpy(text, outbuf + outpos, n);
    text[n] = 0;
    outpos = outlen;
    if (n && text[n - 1] == '\n')
        text[n - 1] = 0;
    return text;
}

static void check(int line, int ok, const char *what, const char *got)
{
    checks++;
    if (!ok) {
        failures++;
        printf("FAIL line %d: %s\n  got: %s\n", line, what, got ? got : "(none)");
    }
}

#define EXPECT(want) do { const char *g_ = take(); check(__LINE__, strcmp(g_, want) == 0, want, g_); } while (0)
#define CONTAINS(want) do { const char *g_ = take(); check(__LINE__, strstr(g_, want) != NULL, want, g_); } while (0)
#define TRUE(cond) check(__LINE__, (cond) != 0, #cond, NULL)
#define STREQ(a, b) do { const char *a_ = (a); check(__LINE__, a_ && strcmp(a_, b) == 0, b, a_); } while (0)

static void sys(const char *name, int64_t ret, const uint64_t a[6])
{
    struct sys_ent e = { .name = name, .sig = trace_sig_find(name) };
    trace_enter(tr, &cpu, &e, a);
    trace_leave(tr, &cpu, &e, a, ret);
}

#define SYS(name, ret, ...) sys(name, ret, (const uint64_t[6]){ __VA_ARGS__ })

/* Parses the arguments into o; returns the total of trace_parse_opt results, -1 at the first error. */
static int parse(struct trace_opts *o, char *err, size_t errsz, int argc, char **argv)
{
    for (int i = 0; i < argc;) {
        int n = trace_parse_opt(o, argc, argv, i, err, errsz);
        if (n <= 0)
            return n;
        i += n;
    }
    return argc;
}

static struct trace *new_log(struct trace_opts *o)
{
    o->out = out;
    o->strsize = 32;
    o->abi = "riscv64";
    take();
    return trace_new(o);
}

static uint64_t fake_pcs[2] = { 0x10450, 0x10100 };

static int fake_unwind(struct emu_cpu *c, uint64_t *pcs, int max)
{
    (void)c;
    for (int i = 0; i < 2 && i < max; i++)
        pcs[i] = fake_pcs[i];
    return 2;
}

static const char *fake_sym(uint64_t pc, uint64_t *off)
{
    *off = pc & 0xff;
    return pc == 0x10450 ? "write_all" : NULL;
}

static const char *fake_image(uint64_t pc)
{
    (void)pc;
    return "/bin/prog";
}

static void test_parse(void)
{
    char err[256];
    struct trace_opts o = { 0 };
    char *a1[] = { "-f", "-yy", "-ttT", "-e", "trace=%file,close", "-Xverbose", "--json", "--ioctl=strict",
                   "-e", "status=failed", "--abi-report", "-C", "-k", "-xx", "-v", "-r" };
    TRUE(parse(&o, err, sizeof err, 16, a1) == 16);
    TRUE(o.enabled && o.follow && o.fd_paths == 2 && o.timestamps == 2 && o.syscall_times);
    TRUE(o.ntrace_sel == 1 && !strcmp(o.trace_sel[0], "%file,close"));
    TRUE(o.xstyle == TRACE_X_VERBOSE && o.json && o.ioctl_policy == TRACE_IOCTL_STRICT);
    TRUE(o.status == TRACE_ST_FAILED && o.abi_report && o.summary == 2 && o.stack && o.hex_strings == 2);
    TRUE(o.verbose && o.relative);
    TRUE(trace_ioctl_policy(NULL) == TRACE_IOCTL_STRICT);
    TRUE(o.nargv == 17 && !strncmp(o.argv[16], "--trace-root=", 13) && o.argv[17] == NULL);
    /* not ours: main.c's options */
    char *a2[] = { "-L", "-strace", "-s", "-o", "-E", "--help" };
    for (int i = 0; i < 6; i++)
        TRUE(trace_parse_opt(&o, 6, a2, i, err, sizeof err) == 0);
    /* errors */
    char *a3[] = { "-e", "trace=nosuchcall" };
    TRUE(trace_parse_opt(&o, 2, a3, 0, err, sizeof err) == -1 && strstr(err, "nosuchcall"));
    char *a4[] = { "-e" };
    TRUE(trace_parse_opt(&o, 1, a4, 0, err, sizeof err) == -1);
    char *a5[] = { "--ioctl=maybe" };
    TRUE(trace_parse_opt(&o, 1, a5, 0, err, sizeof err) == -1 && strstr(err, "maybe"));
    char *a6[] = { "-e", "signal=SIGNOPE" };
    TRUE(trace_parse_opt(&o, 2, a6, 0, err, sizeof err) == -1);
    char *a7[] = { "-X", "loud" };
    TRUE(trace_parse_opt(&o, 2, a7, 0, err, sizeof err) == -1);
    char *a8[] = { "--ioctl=auto", "-e", "status=!failed" };
    struct trace_opts p = { 0 };
    TRUE(parse(&p, err, sizeof err, 3, a8) == 3 && p.status == TRACE_ST_SUCCESSFUL);
    TRUE(trace_ioctl_policy(NULL) == TRACE_IOCTL_AUTO);
}

static void test_filters(void)
{
    struct trace_opts o = { 0 };
    o.trace_sel[0] = "%network,close";
    o.ntrace_sel = 1;
    o.signal_sel[0] = "!SIGCHLD";
    o.nsignal_sel = 1;
    tr = new_log(&o);
    SYS("openat", 3, (uint64_t)-100, put("/x", 3), 0);
    EXPECT("");
    SYS("socket", 4, 1, 1, 0);
    EXPECT("socket(AF_UNIX, SOCK_STREAM, 0) = 4");
    SYS("close", 0, 4);
    EXPECT("close(4) = 0");
    trace_signal_sent(tr, 17, 1, 5, 0);
    EXPECT("");
    trace_signal_sent(tr, 10, 0, 5, 0);
    EXPECT("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=5, si_uid=0} ---");
    trace_free(tr);

    /* every class */
    static const struct { const char *cls, *shown, *hidden; } cl[] = {
        { "%memory", "munmap", "close" }, { "%desc", "close", "munmap" }, { "%process", "wait4", "close" },
        { "%signal", "rt_sigpending", "close" }, { "%ipc", "shmdt", "close" }, { "%file", "chdir", "fchdir" },
        { "%network", "listen", "close" },
    };
    for (size_t i = 0; i < sizeof cl / sizeof cl[0]; i++) {
        struct trace_opts c = { .trace_sel = { cl[i].cls }, .ntrace_sel = 1 };
        tr = new_log(&c);
        SYS(cl[i].hidden, 0, 3);
        EXPECT("");
        SYS(cl[i].shown, -22, 0x3000);
        CONTAINS(cl[i].shown);
        trace_free(tr);
    }

    struct trace_opts f = { .status = TRACE_ST_FAILED, .syscall_times = 1 };
    tr = new_log(&f);
    SYS("close", 0, 4);
    EXPECT("");
    SYS("close", -9, 999);
    CONTAINS("close(999) = -1 EBADF (Bad file descriptor) <0.");
    trace_free(tr);
}

static void test_styles(void)
{
    struct trace_opts o = { .xstyle = TRACE_X_RAW };
    tr = new_log(&o);
    SYS("openat", -2, (uint64_t)-100, put("/nope", 6), 0x80000);
    EXPECT("openat(-100, \"/nope\", 0x80000) = -1 ENOENT (No such file or directory)");
    SYS("kill", 0, 7, 15);
    EXPECT("kill(7, 15) = 0");
    SYS("ioctl", -25, 1, 0x5401, 0x2000);
    EXPECT("ioctl(1, 0x5401, 0x2000) = -1 ENOTTY (Inappropriate ioctl for device)");
    trace_free(tr);
    struct trace_opts v = { .xstyle = TRACE_X_VERBOSE };
    tr = new_log(&v);
    SYS("openat", 3, (uint64_t)-100, put("/x", 3), 0x80002);
    EXPECT("openat(-100 /* AT_FDCWD */, \"/x\", 0x80002 /* O_RDWR|O_CLOEXEC */) = 3");
    SYS("ioctl", -25, 3, 0xc1144d01u, 0x2000);
    TRUE(1);
    const char *line = take();
    check(__LINE__, !strncmp(line, "ioctl(3, 0xc1144d01 /* _IOC(_IOC_READ|_IOC_WRITE, 0x4d, 0x1, 0x114) */, 0x2000 /* \"\\x00", 87) &&
          strlen(line) == 83 + 276 * 4 + 50, "-X verbose dump of an unknown request", line);
    trace_free(tr);
    struct trace_opts x = { .hex_strings = 1 };
    tr = new_log(&x);
    SYS("write", 3, 1, put("a\tb", 3), 3);
    EXPECT("write(1, \"a\\tb\", 3) = 3");
    SYS("write", 2, 1, put("\xc3\xa9", 2), 2);
    EXPECT("write(1, \"\\xc3\\xa9\", 2) = 2");
    trace_free(tr);
}

static void test_json_summary_stack(void)
{
    struct trace_opts j = { .json = 1 };
    tr = new_log(&j);
    SYS("close", -9, 999);
    CONTAINS("\"name\":\"close\",\"args\":[\"999\"],\"raw\":[\"0x3e7\"],\"return\":-1,\"errno\":\"EBADF\"");
    trace_ioctl_note(tr, "refused: \"why\"");
    SYS("ioctl", -25, 3, 0x1234, 0);
    CONTAINS(",\"note\":\"refused: \\\"why\\\"\"}");
    trace_exited(tr, 0);
    CONTAINS("{\"type\":\"exit\",");
    trace_free(tr);

    struct trace_opts c = { .summary = 1 };
    tr = new_log(&c);
    SYS("close", 0, 3);
    SYS("close", -9, 999);
    SYS("getpid", 42, 0);
    EXPECT("");
    trace_exited(tr, 0);
    const char *t = take();
    check(__LINE__, !strncmp(t, "% time     seconds  usecs/call     calls    errors syscall\n------ ", 65), "-c header", t);
    check(__LINE__, strstr(t, "         2         1 close\n") && strstr(t, "         1           getpid\n") &&
                        strstr(t, "         3         1 total"), "-c rows", t);
    trace_free(tr);

    struct trace_opts k = { .stack = 1, .unwind = fake_unwind, .sym = fake_sym, .image = fake_image };
    tr = new_log(&k);
    SYS("getpid", 42, 0);
    EXPECT("getpid() = 42\n > write_all+0x50 (/bin/prog)\n > 0x10100 (/bin/prog)");
    trace_free(tr);
}

static void test_ioctl_db(void)
{
    const struct trace_ioctl *io = trace_ioctl_find("riscv64", 0x5401);
    TRUE(io && !strcmp(io->name, "TCGETS") && !strcmp(io->type, "struct termios") && io->dir == TRACE_IOC_READ);
    io = trace_ioctl_find("mips", 0x540d);
    TRUE(io && !strcmp(io->name, "TCGETS"));
    io = trace_ioctl_find("riscv64", 0x80404506);   /* EVIOCGNAME(64) */
    TRUE(io && !strcmp(io->name, "EVIOCGNAME") && io->sized);
    io = trace_ioctl_find("riscv64", 0x80247009);
    TRUE(io && !strcmp(io->name, "RTC_RD_TIME") && io->size == 36 && io->dir == TRACE_IOC_READ);
    TRUE(trace_ioctl_find("riscv64", 0xc1144d01) == NULL);
    struct trace_ioctl d;
    trace_ioctl_decode("riscv64", 0xc1144d01, &d);
    TRUE(!d.name && d.dir == (TRACE_IOC_READ | TRACE_IOC_WRITE) && d.size == 0x114 && d.ioc_type == 0x4d && d.nr == 1);
    trace_ioctl_decode("mips", 0x81144d01, &d);   /* 3-bit direction: _IOC_WRITE (4) is bit 31 */
    TRUE(d.dir == TRACE_IOC_WRITE && d.size == 0x114);
    char names[256];
    STREQ(trace_ioctl_names("riscv64", 0x3b70, names, sizeof names),
          "VFIO_IOMMU_SPAPR_TCE_GET_INFO or VFIO_IOMMU_GET_INFO or VFIO_DEVICE_GET_PCI_HOT_RESET_INFO");
    TRUE(trace_ioctl_host_req("mips", 0x40087468) == 0x5413);       /* TIOCGWINSZ */
    TRUE(trace_ioctl_host_req("arm", 0x80041272) == 0x80081272);    /* BLKGETSIZE64: size_t */
    TRUE(trace_ioctl_host_req("riscv64", 0xc1144d01) == 0xc1144d01);
    TRUE(trace_ioctl_host_req("mips", 0x80044d02) == 0x40044d02);   /* _IOW of the MIPS encoding */

    char why[512], note[512];
    trace_ioctl_decode("arm", 0x541e, &d);   /* TIOCGSERIAL */
    TRUE(trace_ioctl_layout_differs("arm", &d, why, sizeof why) == 1);
    STREQ(why, "guest struct serial_struct is 60 bytes under ILP32 (arm); the host's LP64 layout is 72 bytes and differs "
               "(pointer iomem_base is 4 bytes at offset 44, the host's 8 bytes at offset 48); no translation known \xe2\x80\x94 "
               "the host kernel would treat it as a compat ioctl");
    trace_ioctl_decode("i386", 0xc1144d01, &d);
    TRUE(trace_ioctl_layout_differs("i386", &d, why, sizeof why) == 1);
    STREQ(why, "guest struct is 276 bytes under i386 ILP32; its fields are unknown and the host's LP64 layout rules differ; "
               "no translation known \xe2\x80\x94 the host kernel would treat it as a compat ioctl");
    trace_ioctl_decode("arm", 0x4c05, &d);   /* LOOP_GET_STATUS64 */
    TRUE(trace_ioctl_layout_differs("arm", &d, why, sizeof why) == 0);
    STREQ(why, "identical layout, struct loop_info64 of 232 bytes");
    trace_ioctl_decode("mips", 0x540d, &d);  /* TCGETS, 23 control characters */
    TRUE(trace_ioctl_layout_differs("mips", &d, why, sizeof why) == 1);
    TRUE(strstr(why, "c_cc is 23 bytes at offset 17, the host's 19 bytes at offset 17") && strstr(why, "big-endian"));
    trace_ioctl_decode("riscv64", 0x8912, &d);   /* SIOCGIFCONF */
    TRUE(trace_ioctl_layout_differs("riscv64", &d, why, sizeof why) == 1);
    STREQ(why, "struct ifconf holds a guest pointer (offset 8) the host cannot follow");

    TRUE(trace_ioctl_unknown("riscv64", 0xc1144d01, TRACE_IOCTL_AUTO, note, sizeof note) == 1);
    STREQ(note, "passed through: same layout rules as the host, LP64; the 276-byte argument's fields are unknown");
    TRUE(trace_ioctl_unknown("i386", 0xc1144d01, TRACE_IOCTL_AUTO, note, sizeof note) == 0);
    TRUE(!strncmp(note, "refused: guest struct is 276 bytes under i386 ILP32", 51));
    TRUE(trace_ioctl_unknown("riscv64", 0xc1144d01, TRACE_IOCTL_STRICT, note, sizeof note) == 0);
    STREQ(note, "refused: no translation for this request and --ioctl=strict");
    TRUE(trace_ioctl_unknown("i386", 0xc1144d01, TRACE_IOCTL_PASS, note, sizeof note) == 1);
    TRUE(strstr(note, "passed through raw, --ioctl=pass: guest struct is 276 bytes") == note);

    /* the note ends the line; the argument decodes from the database */
    struct trace_opts o = { 0 };
    tr = new_log(&o);
    uint64_t rt = next;
    for (int i = 0; i < 9; i++)
        gmem[rt + 4 * i] = (unsigned char)(i + 1);
    next += 64;
    trace_ioctl_note(tr, "passed through: identical layout, struct rtc_time of 36 bytes");
    SYS("ioctl", 0, 3, 0x80247009, rt);
    EXPECT("ioctl(3, RTC_RD_TIME, {tm_sec=1, tm_min=2, tm_hour=3, tm_mday=4, tm_mon=5, tm_year=6, tm_wday=7, "
           "tm_yday=8, tm_isdst=9}) = 0 (passed through: identical layout, struct rtc_time of 36 bytes)");
    uint64_t nm = put("usb kbd", 8);
    char want[96];
    snprintf(want, sizeof want, "ioctl(3, EVIOCGNAME(64), %#llx) = 8", (unsigned long long)nm);
    SYS("ioctl", 8, 3, 0x80404506, nm);
    EXPECT(want);
    SYS("ioctl", 0, 3, 0x540e, 0);   /* TIOCSCTTY: an integer argument */
    EXPECT("ioctl(3, TIOCSCTTY, 0) = 0");
    SYS("ioctl", 0, 3, 0x5451, 0x7);  /* FIOCLEX: no argument */
    EXPECT("ioctl(3, FIOCLEX) = 0");
    SYS("close", 0, 3);
    EXPECT("close(3) = 0");           /* a note is used once */
    trace_free(tr);
}

int main(void)
{
    out = open_memstream(&outbuf, &outlen);
    test_parse();
    test_filters();
    test_styles();
    test_json_summary_stack();
    test_ioctl_db();
    fclose(out);
    free(outbuf);
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures != 0;
}
