/* Unit test of --ioctl-defs and ioctl translation: the format's parser and errors, request numbers and layouts per ABI, the plans, field conversion, and sys_ioctl converting for an arm guest with a stand-in host ioctl. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "emu.h"
#include "layout.h"
#include "mem.h"
#include "sys.h"
#include "syscall.h"
#include "trace.h"

static int checks, failures;

#define CHECK(cond, ...) do { checks++; if (!(cond)) { failures++; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
    printf(__VA_ARGS__); putchar('\n'); } } while (0)

/* ---- the host ioctl as the emulator calls it: records what the host would have seen ---- */
static unsigned long seen_req;
static unsigned char seen[64];
static int seen_calls;

int ioctl(int fd, unsigned long req, ...)
{
    va_list ap;
    va_start(ap, req);
    unsigned char *p = va_arg(ap, unsigned char *);
    va_end(ap);
    seen_calls++;
    seen_req = req;
    if ((req >> 16 & 0x3fff) <= sizeof seen && p)
        memcpy(seen, p, req >> 16 & 0x3fff);
    if (req == 0xc0184d01) {   /* MYDEV_XFER on the host: the driver writes len and flags back */
        int64_t len = 1234567;
        uint32_t flags = 0x80000001u;
        memcpy(p + 8, &len, 8);
        memcpy(p + 16, &flags, 4);
    }
    return 0;
}

/* The ISA list the CLI normally provides (the loader refers to it). */
extern struct emu_isa isa_arm;
const struct emu_isa *const emu_isas[] = { &isa_arm, NULL };

static const char defs[] =
    "# a private driver\n"
    "MYDEV_XFER _IOWR('M', 0x01) { ptr buf; long len; u32 flags; }\n"
    "MYDEV_SET _IOW('M', 2) struct mydev_cfg {\n"
    "    fd target; ulong mask; char label[8];\n"
    "};\n"
    "MYDEV_GETLEN _IOR('M', 3, long)\n"
    "MYDEV_RESET _IO(0x4d, 4)\n";

static uint64_t to_host(void *ctx, uint64_t v) { return v + 0x7f0000000000ull; }
static uint64_t to_guest(void *ctx, uint64_t v) { return v - 0x7f0000000000ull; }

static void test_errors(void)
{
    static const struct { const char *text, *msg; } bad[] = {
        { "A _IOR('M', 1) { bogus x; }", "t:1: expected a field kind" },
        { "A _IOR('M', 1 { int x; }", "t:1: expected ')'" },
        { "A _IO('M', 1) { int x; }", "t:1: _IO takes no struct" },
        { "A _IOW('M', 1)\nB _IO('M', 2)", "t:2: _IOR/_IOW/_IOWR need an argument" },
        { "\n\nA _IOWR('M', 300) { int x; }", "t:3: expected the number 0..255" },
        { "A _IOR('M', 1) { int x }", "t:1: expected ';' after a field" },
        { "A _IOX('M', 1)", "t:1: expected _IO, _IOR, _IOW or _IOWR" },
        { "A _IOR('M', 1) { char s[0]; }", "t:1: expected an array length" },
        { "A _IOR('M', 1) { char s[5000]; }", "t:1: expected an array length" },
        { "A _IOWR('M', 1) { int x;", "t:1: expected a field kind" },   /* the file ends inside the struct */
        { "A _IOR('M', 1) struct { int x; }", "t:1: expected a struct name" },
        { "A _IOR('M', 1, long) { int x; }", "t:1: an argument type and a struct body" },
        { "A _IOR('M', 1) {}", "t:1: a struct needs at least one field" },
        { "'", "t:1: expected a request name" },
    };
    char err[200];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int r = trace_ioctl_defs_parse(bad[i].text, "t", err, sizeof err);
        CHECK(r == -1 && !strncmp(err, bad[i].msg, strlen(bad[i].msg)), "'%s': %d '%s', wanted '%s'", bad[i].text, r, err,
              bad[i].msg);
    }
}

static void test_numbers_and_plans(void)
{
    char names[128], note[512];
    const struct trace_ioctl *io = trace_ioctl_find("arm", 0xc00c4d01);
    CHECK(io && !strcmp(io->name, "MYDEV_XFER") && io->size == 12 && !strcmp(io->type, "struct mydev_xfer"),
          "arm MYDEV_XFER is _IOWR('M', 1, 12 bytes)");
    io = trace_ioctl_find("riscv64", 0xc0184d01);
    CHECK(io && !strcmp(io->name, "MYDEV_XFER") && io->size == 24, "riscv64 MYDEV_XFER is 24 bytes");
    io = trace_ioctl_find("i386", 0x40104d02);
    CHECK(io && !strcmp(io->name, "MYDEV_SET"), "i386 MYDEV_SET is 16 bytes (0x40104d02)");
    io = trace_ioctl_find("arm", 0x40104d02);
    CHECK(io && !strcmp(io->name, "MYDEV_SET"), "arm MYDEV_SET is 16 bytes (0x40104d02)");
    io = trace_ioctl_find("mips", 0x80104d02);   /* MIPS: _IOC_WRITE is 4, 13 size bits */
    CHECK(io && !strcmp(io->name, "MYDEV_SET"), "mips o32 MYDEV_SET is 0x80104d02");
    CHECK(!strcmp(trace_ioctl_names("arm", 0x80044d03, names, sizeof names), "MYDEV_GETLEN"), "names: %s", names);
    CHECK(trace_ioctl_host_req("arm", 0xc00c4d01) == 0xc0184d01, "host number of arm MYDEV_XFER: %#x",
          trace_ioctl_host_req("arm", 0xc00c4d01));

    struct trace_ioctl_plan p;
    int a = trace_ioctl_plan("arm", 0xc00c4d01, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_CONVERT && p.gsize == 12 && p.hsize == 24 && p.host_req == 0xc0184d01, "arm plan %d", a);
    CHECK(!strcmp(note, "translated: struct mydev_xfer is 12 bytes under ILP32 (arm), 24 under the host's LP64 (pointer buf "
                        "is 4 bytes at offset 0, the host's 8 bytes at offset 0); host request 0xc0184d01; pointer buf mapped "
                        "to its host address"), "note: %s", note);
    a = trace_ioctl_plan("arm", 0xc00c4d01, TRACE_IOCTL_STRICT, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_CONVERT, "a declared request is translated under --ioctl=strict");
    a = trace_ioctl_plan("arm", 0xc00c4d01, TRACE_IOCTL_PASS, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_RAW && !strncmp(note, "passed through raw, --ioctl=pass", 32), "pass: %s", note);
    a = trace_ioctl_plan("riscv64", 0xc0184d01, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_CONVERT && !strcmp(note, "passed through: identical layout, struct mydev_xfer of 24 bytes; "
                                                    "pointer buf mapped to its host address"), "riscv64: %s", note);
    a = trace_ioctl_plan("aarch64", 0x40184d02, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_RAW && !strcmp(note, "passed through: identical layout, struct mydev_cfg of 24 bytes"),
          "aarch64 MYDEV_SET: %s", note);
    a = trace_ioctl_plan("arm", 0x80044d03, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_CONVERT && p.host_req == 0x80084d03, "arm MYDEV_GETLEN: %s", note);
    a = trace_ioctl_plan("arm", 0x4d04, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_RAW && !strcmp(note, "passed through: integer argument, nothing to translate"), "reset: %s", note);
    /* an undeclared private request of a 32-bit guest: named by its _IOC parts and refused, saying why */
    a = trace_ioctl_plan("arm", 0xc00c4d09, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_REFUSE && strstr(note, "refused: guest struct is 12 bytes under ILP32 (arm)") &&
          strstr(note, "declare it with --ioctl-defs FILE or use --ioctl=pass"), "unknown: %s", note);
    /* known ILP32 requests translated through the same engine */
    a = trace_ioctl_plan("arm", 0x80046601, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_CONVERT && p.host_req == 0x80086601, "FS_IOC_GETFLAGS: %s", note);
    a = trace_ioctl_plan("arm", 0x8913, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a == TRACE_IOCTL_CONVERT && p.gsize == 32 && p.hsize == 40 && p.host_req == 0x8913, "SIOCGIFFLAGS: %s", note);
    a = trace_ioctl_plan("arm", 0x80084503, TRACE_IOCTL_AUTO, &p, note, sizeof note);   /* EVIOCGREP: unsigned int[2] */
    CHECK(a == TRACE_IOCTL_RAW && !strcmp(note, "passed through: identical layout, unsigned int[2] of 8 bytes"), "EVIOCGREP: %s",
          note);
    a = trace_ioctl_plan("arm", 0x40042406, TRACE_IOCTL_AUTO, &p, note, sizeof note);   /* PERF_EVENT_IOC_SET_FILTER */
    CHECK(a == TRACE_IOCTL_RAW && p.host_req == 0x40082406 && strstr(note, "the argument is the pointer itself"),
          "PERF_EVENT_IOC_SET_FILTER: %s", note);
    a = trace_ioctl_plan("arm", 0x1260, TRACE_IOCTL_AUTO, &p, note, sizeof note);   /* BLKGETSIZE: unsigned long */
    CHECK(a == TRACE_IOCTL_CONVERT && p.gsize == 4 && p.hsize == 8, "BLKGETSIZE: %s", note);
    a = trace_ioctl_plan("arm", 0x4602, TRACE_IOCTL_AUTO, &p, note, sizeof note);   /* FBIOGET_FSCREENINFO */
    CHECK(a == TRACE_IOCTL_CONVERT && p.gsize == 68 && p.hsize == 80, "FBIOGET_FSCREENINFO: %s", note);
    a = trace_ioctl_plan("arm", 0x8912, TRACE_IOCTL_AUTO, &p, note, sizeof note);   /* SIOCGIFCONF */
    CHECK(a == TRACE_IOCTL_CONVERT && p.elem && p.elem_gsize == 32 && p.elem_hsize == 40 && p.ptr_goff == 4 &&
          p.ptr_hoff == 8, "SIOCGIFCONF: %s", note);
    a = trace_ioctl_plan("arm", 0xc0105500, TRACE_IOCTL_AUTO, &p, note, sizeof note);   /* USBDEVFS_CONTROL */
    CHECK(a == TRACE_IOCTL_CONVERT && p.host_req == 0xc0185500 && p.gsize == 16 && p.hsize == 24, "USBDEVFS_CONTROL: %s", note);
    a = trace_ioctl_plan("arm", 0x5414, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(a != TRACE_IOCTL_CONVERT, "TIOCSWINSZ has one layout everywhere: %s", note);
}

static void test_convert(void)
{
    char note[512];
    struct trace_ioctl_plan p;
    trace_ioctl_plan("arm", 0xc00c4d01, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    unsigned char g[12], h[24], back[12];
    uint32_t gbuf = 0x1000, gflags = 7;
    int32_t glen = -5;
    memcpy(g, &gbuf, 4), memcpy(g + 4, &glen, 4), memcpy(g + 8, &gflags, 4);
    CHECK(trace_ioctl_convert(&p, 1, g, h, to_host, NULL) == 0, "convert to host");
    uint64_t hbuf;
    int64_t hlen;
    uint32_t hflags;
    memcpy(&hbuf, h, 8), memcpy(&hlen, h + 8, 8), memcpy(&hflags, h + 16, 4);
    CHECK(hbuf == 0x7f0000001000ull && hlen == -5 && hflags == 7, "host view {%#llx, %lld, %u}", (unsigned long long)hbuf,
          (long long)hlen, hflags);
    hlen = 42;
    memcpy(h + 8, &hlen, 8);
    CHECK(trace_ioctl_convert(&p, 0, h, back, to_guest, NULL) == 0, "convert back");
    int32_t blen;
    uint32_t bbuf;
    memcpy(&bbuf, back, 4), memcpy(&blen, back + 4, 4);
    CHECK(bbuf == 0x1000 && blen == 42 && !memcmp(back + 8, g + 8, 4), "guest view {%#x, %d}", bbuf, blen);

    /* ulong zero-extends, fd and char arrays keep their bytes */
    trace_ioctl_plan("arm", 0x40104d02, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    unsigned char c[16] = { 3, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 'a', 'b', 'c', 0 }, hc[24];
    CHECK(p.action == TRACE_IOCTL_CONVERT && trace_ioctl_convert(&p, 1, c, hc, to_host, NULL) == 0, "mydev_cfg");
    uint64_t mask;
    memcpy(&mask, hc + 8, 8);
    CHECK(hc[0] == 3 && mask == 0xffffffffull && !strcmp((char *)hc + 16, "abc"), "mydev_cfg host view mask %#llx",
          (unsigned long long)mask);

    /* a union converts through the member the request names (struct ifreq of SIOCGIFMAP) */
    trace_ioctl_plan("arm", 0x8970, TRACE_IOCTL_AUTO, &p, note, sizeof note);
    CHECK(p.action == TRACE_IOCTL_CONVERT && p.member && !strcmp(p.member, "ifru_map"), "SIOCGIFMAP: %s", note);
    unsigned char ig[32] = "eth0", ih[40];
    uint32_t mem_start = 0xfeed0000u;
    memcpy(ig + 16, &mem_start, 4);
    ig[16 + 10] = 9;   /* irq */
    trace_ioctl_convert(&p, 1, ig, ih, to_host, NULL);
    uint64_t hstart;
    memcpy(&hstart, ih + 16, 8);
    CHECK(!strcmp((char *)ih, "eth0") && hstart == 0xfeed0000u && ih[16 + 18] == 9, "ifmap host view %#llx irq %u",
          (unsigned long long)hstart, ih[16 + 18]);
}

/* sys_ioctl of an arm guest: what the host is handed, and what the guest reads back */
static void test_sys_ioctl(void)
{
    struct emu_proc proc;
    struct emu_cpu cpu;
    memset(&proc, 0, sizeof proc);
    memset(&cpu, 0, sizeof cpu);
    proc.isa = &isa_arm;
    proc.mem = mem_new(32);
    cpu.proc = &proc;
    CHECK(proc.mem && mem_map(proc.mem, 0x10000, 0x1000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, "t") == 0,
          "guest memory");
    if (!proc.mem)
        return;
    const struct sys_impl *impl = NULL;
    for (const struct sys_impl *i = sys_io_impls; i->name; i++)
        if (!strcmp(i->name, "ioctl"))
            impl = i;
    CHECK(impl != NULL, "sys_ioctl is bound");
    if (!impl)
        return;
    uint32_t gs[3] = { 0x10100, (uint32_t)-5, 7 };
    mem_write(proc.mem, 0x10000, gs, sizeof gs);
    uint64_t a[6] = { 0, 0xc00c4d01, 0x10000, 0, 0, 0 };
    int64_t r = impl->fn(&cpu, a);
    uint64_t hbuf;
    int64_t hlen;
    memcpy(&hbuf, seen, 8), memcpy(&hlen, seen + 8, 8);
    CHECK(r == 0 && seen_calls == 1 && seen_req == 0xc0184d01, "host request %#lx, result %lld", seen_req, (long long)r);
    CHECK(hbuf == (uint64_t)(uintptr_t)mem_host(proc.mem, 0x10100) && hlen == -5, "host saw buf %#llx len %lld",
          (unsigned long long)hbuf, (long long)hlen);
    mem_read(proc.mem, 0x10000, gs, sizeof gs);
    CHECK(gs[0] == 0x10100 && gs[1] == 1234567 && gs[2] == 0x80000001u, "guest reads {%#x, %u, %#x}", gs[0], gs[1], gs[2]);
    a[1] = 0xc00c4d09;   /* undeclared: refused, the host never sees it */
    r = impl->fn(&cpu, a);
    CHECK(r == -ENOTTY && seen_calls == 1, "undeclared request: %lld", (long long)r);

    /* the log lines, as the dispatcher writes them around the handler */
    char *text = NULL;
    size_t len = 0;
    struct trace_opts o;
    memset(&o, 0, sizeof o);
    o.out = open_memstream(&text, &len);
    o.strsize = 32;
    o.abi = "arm";
    struct trace *t = trace_new(&o);
    proc.trace = t;
    struct sys_ent e = { 54, "ioctl", impl->fn, trace_sig_find("ioctl"), 0, 0 };
    gs[1] = (uint32_t)-5;
    mem_write(proc.mem, 0x10000, gs, sizeof gs);
    a[1] = 0xc00c4d01;
    trace_enter(t, &cpu, &e, a);
    r = impl->fn(&cpu, a);
    trace_leave(t, &cpu, &e, a, r);
    uint64_t pa[6] = { 0x10000, 0x10010, 0, 0, 0, 0 };
    trace_syscall_outside(t, &cpu, 0xf0002, "cacheflush", pa, 0);
    trace_free(t);
    fclose(o.out);
    CHECK(text && strstr(text, "ioctl(0, MYDEV_XFER, {buf=0x10100, len=1234567, flags=2147483649}) = 0 (translated: struct "
                               "mydev_xfer is 12 bytes under ILP32 (arm), 24 under the host's LP64"),
          "log: %s", text ? text : "");
    CHECK(text && strstr(text, "\ncacheflush(0x10000, 0x10010, 0) = 0\n"), "private syscall line: %s", text ? text : "");
    free(text);
}

int main(void)
{
    char err[200];
    int n = trace_ioctl_defs_parse(defs, "defs", err, sizeof err);
    CHECK(n == 4, "parsed %d definitions: %s", n, err);
    CHECK(trace_ioctl_defs_parse("# only a comment\n\n", "c", err, sizeof err) == 0, "a file of comments declares nothing");
    CHECK(trace_ioctl_defs_load("/nonexistent/defs", err, sizeof err) == -1 && strstr(err, "No such file"), "missing file: %s",
          err);
    test_errors();
    test_numbers_and_plans();
    test_convert();
    test_sys_ioctl();
    printf("%d checks, %d failures\n", checks, failures);
    return failures != 0;
}
