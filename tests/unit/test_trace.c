/* Unit test of the syscall log: made-up syscalls over a fake guest memory, checked line by line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "linux/syscall.h"
#include "mem.h"
#include "trace.h"

/* ---- fake guest memory: guest address a is gmem[a], nothing past the limit ---- */

static unsigned char gmem[1 << 20];

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
static struct emu_proc proc = { .mem = &gm };
static struct emu_cpu cpu = { .proc = &proc, .tid = 42 };
static uint64_t brk_next = 0x1000;

/* Puts n bytes into guest memory; returns their guest address. */
static uint64_t put(const void *p, size_t n)
{
    uint64_t a = brk_next;
    memcpy(gmem + a, p, n);
    brk_next = (a + n + 15) & ~15ull;
    return a;
}

static uint64_t put_str(const char *s)
{
    return put(s, strlen(s) + 1);
}

static uint64_t zeros(size_t n)
{
    uint64_t a = brk_next;
    memset(gmem + a, 0, n);
    brk_next = (a + n + 15) & ~15ull;
    return a;
}

static void st16le(uint64_t a, uint16_t v) { gmem[a] = (unsigned char)v; gmem[a + 1] = (unsigned char)(v >> 8); }
static void st32le(uint64_t a, uint32_t v) { for (int i = 0; i < 4; i++) gmem[a + i] = (unsigned char)(v >> 8 * i); }
static void st64le(uint64_t a, uint64_t v) { for (int i = 0; i < 8; i++) gmem[a + i] = (unsigned char)(v >> 8 * i); }

/* ---- captured output ---- */

static char *outbuf;
static size_t outlen, outpos;
static FILE *out;
static struct trace *tr;
static int failures, checks;

/* Everything the log wrote since the last call, without the final newline. */
static const char *take(void)
{
    static char line[8192];
    fflush(out);
    size_t n = outlen - outpos;
    if (n >= sizeof line)
        n = sizeof line - 1;
    memcpy(line, outbuf + outpos, n);
    line[n] = 0;
    outpos = outlen;
    if (n && line[n - 1] == '\n')
        line[n - 1] = 0;
    return line;
}

static void expect(int lineno, const char *want)
{
    const char *got = take();
    if (getenv("TEST_TRACE_SHOW"))
        printf("%s\n", got);
    checks++;
    if (strcmp(got, want) != 0) {
        failures++;
        printf("FAIL line %d\n  want: %s\n  got:  %s\n", lineno, want, got);
    }
}

#define EXPECT(want) expect(__LINE__, want)

/* Runs one syscall through the log: entry, then exit with ret. */
static void sys(const char *name, int64_t ret, const uint64_t a[6])
{
    struct sys_ent e = { .name = name, .sig = trace_sig_find(name) };
    if (!e.sig) {
        printf("FAIL no signature for %s\n", name);
        failures++;
    }
    trace_enter(tr, &cpu, &e, a);
    trace_leave(tr, &cpu, &e, a, ret);
}

/* SYS(name, result, arguments...): unlisted arguments are 0. */
#define SYS(name, ret, ...) sys(name, ret, (const uint64_t[6]){ __VA_ARGS__ })

static const uint64_t AT_FDCWD_ = (uint64_t)-100;

int main(void)
{
    out = open_memstream(&outbuf, &outlen);
    struct trace_opts o = { .out = out, .strsize = 32, .abi = "riscv64" };
    tr = trace_new(&o);

    /* open */
    uint64_t passwd = put_str("/etc/passwd");
    SYS("openat", 3, AT_FDCWD_, passwd, 0x80000, 0, 0, 0);
    EXPECT("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
    SYS("openat", -2, AT_FDCWD_, put_str("/nope"), 0, 0, 0, 0);
    EXPECT("openat(AT_FDCWD, \"/nope\", O_RDONLY) = -1 ENOENT (No such file or directory)");
    SYS("openat", 4, AT_FDCWD_, put_str("out.txt"), 01 | 0100 | 01000, 0644, 0, 0);
    EXPECT("openat(AT_FDCWD, \"out.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4");
    SYS("openat", 5, 3, put_str("x"), 0x40000000 | 02, 0, 0, 0);
    EXPECT("openat(3, \"x\", O_RDWR|0x40000000) = 5");
    SYS("openat", 3, AT_FDCWD_, put_str("."), 0200000 | 04000 | 02000000, 0, 0, 0);
    EXPECT("openat(AT_FDCWD, \".\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3");
    SYS("openat", -14, AT_FDCWD_, 0xdead0000, 0, 0, 0, 0);
    EXPECT("openat(AT_FDCWD, 0xdead0000, O_RDONLY) = -1 EFAULT (Bad address)");
    SYS("openat", 6, AT_FDCWD_, put_str("t"), 020200000 | 02, 0600, 0, 0);
    EXPECT("openat(AT_FDCWD, \"t\", O_RDWR|O_TMPFILE, 0600) = 6");

    /* write / read buffers */
    SYS("write", 6, 1, put("hello\n", 6), 6);
    EXPECT("write(1, \"hello\\n\", 6) = 6");
    static const unsigned char esc[] = { 'a', '\t', 'b', '"', 'c', '\\', 'd', 1, 1, '2', 0xff, 0, '9' };
    SYS("write", 13, 2, put(esc, sizeof esc), sizeof esc);
    EXPECT("write(2, \"a\\tb\\\"c\\\\d\\1\\0012\\377\\09\", 13) = 13");
    const char *long40 = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
    SYS("write", 40, 1, put(long40, 40), 40);
    EXPECT("write(1, \"0123456789abcdefghijklmnopqrstuv\"..., 40) = 40");
    uint64_t rbuf = zeros(4096);
    memcpy(gmem + rbuf, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1", 45);
    SYS("read", 1234, 3, rbuf, 4096);
    EXPECT("read(3, \"root:x:0:0:root:/root:/bin/bash\\n\"..., 4096) = 1234");
    SYS("read", -9, 3, 0x2000, 10);
    EXPECT("read(3, 0x2000, 10) = -1 EBADF (Bad file descriptor)");
    memcpy(gmem + rbuf, "ab\0c\r\n\v\f", 8);
    SYS("read", 8, 0, rbuf, 100);
    EXPECT("read(0, \"ab\\0c\\r\\n\\v\\f\", 100) = 8");
    SYS("pread64", 0, 3, rbuf, 832, 64, 0, 0);
    EXPECT("pread64(3, \"\", 832, 64) = 0");

    /* iovecs */
    uint64_t iov = zeros(32);
    st64le(iov, put("abc", 3)), st64le(iov + 8, 3);
    st64le(iov + 16, put("de\n", 3)), st64le(iov + 24, 3);
    SYS("writev", 6, 1, iov, 2);
    EXPECT("writev(1, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"de\\n\", iov_len=3}], 2) = 6");
    memcpy(gmem + rbuf, "hello world", 11);
    st64le(iov, rbuf), st64le(iov + 8, 3);
    st64le(iov + 16, rbuf + 3), st64le(iov + 24, 8);
    SYS("readv", 5, 3, iov, 2);
    EXPECT("readv(3, [{iov_base=\"hel\", iov_len=3}, {iov_base=\"lo\", iov_len=8}], 2) = 5");

    /* stat structs (asm-generic struct stat, 128 bytes) */
    uint64_t st = zeros(128);
    st32le(st + 16, 0100644), st64le(st + 48, 4231);
    SYS("newfstatat", 0, AT_FDCWD_, passwd, st, 0, 0, 0);
    EXPECT("newfstatat(AT_FDCWD, \"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=4231, ...}, 0) = 0");
    SYS("newfstatat", 0, 3, put_str(""), st, 0x1000, 0, 0);
    EXPECT("newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=4231, ...}, AT_EMPTY_PATH) = 0");
    st32le(st + 16, 020620), st64le(st + 32, (136 << 8) | 3);
    SYS("fstat", 0, 1, st);
    EXPECT("fstat(1, {st_mode=S_IFCHR|0620, st_rdev=makedev(0x88, 0x3), ...}) = 0");
    {
        char want[128];
        snprintf(want, sizeof want, "fstat(99, %#llx) = -1 EBADF (Bad file descriptor)", (unsigned long long)st);
        SYS("fstat", -9, 99, st);
        EXPECT(want);
    }
    uint64_t stx = zeros(256);
    st32le(stx, 0x17ff), st16le(stx + 28, 0100600), st64le(stx + 40, 10);
    SYS("statx", 0, AT_FDCWD_, put_str("f"), 0x100, 0x7ff, stx, 0);
    EXPECT("statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, "
           "{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_mode=S_IFREG|0600, stx_size=10, ...}) = 0");

    /* memory */
    SYS("mmap", 0x3fff7f0000, 0, 8192, 3, 0x22, (uint64_t)-1, 0);
    EXPECT("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x3fff7f0000");
    SYS("mmap", 0x3fff000000, 0x3fff000000, 1867776, 5, 0x812, 3, 0x28000);
    EXPECT("mmap(0x3fff000000, 1867776, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x28000) = 0x3fff000000");
    SYS("mmap", -12, 0, 1ull << 40, 3, 0x22 | 0x80000000u, (uint64_t)-1, 0);
    EXPECT("mmap(NULL, 1099511627776, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|0x80000000, -1, 0) = -1 ENOMEM (Cannot allocate memory)");
    SYS("mprotect", 0, 0x4000, 4096, 0);
    EXPECT("mprotect(0x4000, 4096, PROT_NONE) = 0");
    SYS("brk", 0x12000, 0);
    EXPECT("brk(NULL) = 0x12000");
    SYS("madvise", 0, 0x4000, 4096, 4);
    EXPECT("madvise(0x4000, 4096, MADV_DONTNEED) = 0");

    /* ioctl */
    SYS("ioctl", -25, 3, 0x5401, 0x5000);
    EXPECT("ioctl(3, TCGETS, 0x5000) = -1 ENOTTY (Inappropriate ioctl for device)");
    uint64_t ws = zeros(8);
    st16le(ws, 24), st16le(ws + 2, 80);
    SYS("ioctl", 0, 1, 0x5413, ws);
    EXPECT("ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
    SYS("ioctl", 0, 3, 0xC1144D01u, 0x6000);
    EXPECT("ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x4d, 0x1, 0x114), 0x6000) = 0");
    uint64_t iv = zeros(4);
    st32le(iv, 5);
    SYS("ioctl", 0, 3, 0x541B, iv);
    EXPECT("ioctl(3, FIONREAD, [5]) = 0");
    uint64_t tio = zeros(64);
    st32le(tio, 0x500), st32le(tio + 4, 0x5), st32le(tio + 8, 0xbf), st32le(tio + 12, 0x8a3b);
    SYS("ioctl", 0, 0, 0x5401, tio);
    EXPECT("ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
           "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|ECHOKE|IEXTEN, ...}) = 0");

    /* fcntl */
    SYS("fcntl", 0x802, 3, 3, 0);
    EXPECT("fcntl(3, F_GETFL) = 0x802 (flags O_RDWR|O_NONBLOCK)");
    SYS("fcntl", 0, 3, 2, 1);
    EXPECT("fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
    SYS("fcntl", 10, 3, 1030, 10);
    EXPECT("fcntl(3, F_DUPFD_CLOEXEC, 10) = 10");

    /* signals */
    uint64_t set = zeros(8);
    st64le(set, (1ull << 1) | (1ull << 14));
    uint64_t oset = zeros(8);
    SYS("rt_sigprocmask", 0, 0, set, oset, 8, 0, 0);
    EXPECT("rt_sigprocmask(SIG_BLOCK, [INT TERM], [], 8) = 0");
    st64le(set, ~((1ull << 8) | (1ull << 18)));
    SYS("rt_sigprocmask", 0, 2, set, 0, 8, 0, 0);
    EXPECT("rt_sigprocmask(SIG_SETMASK, ~[KILL STOP], NULL, 8) = 0");
    st64le(set, ~0ull);
    SYS("rt_sigprocmask", 0, 0, set, oset, 8, 0, 0);
    EXPECT("rt_sigprocmask(SIG_BLOCK, ~[], [], 8) = 0");
    st64le(set, 3ull << 31);
    SYS("rt_sigprocmask", 0, 1, set, 0, 8, 0, 0);
    EXPECT("rt_sigprocmask(SIG_UNBLOCK, [RTMIN RT_1], NULL, 8) = 0");
    uint64_t act = zeros(24);
    st64le(act, 0x10abc), st64le(act + 8, 0x10000000);
    SYS("rt_sigaction", 0, 2, act, 0, 8, 0, 0);
    EXPECT("rt_sigaction(SIGINT, {sa_handler=0x10abc, sa_mask=[], sa_flags=SA_RESTART}, NULL, 8) = 0");
    uint64_t oact = zeros(24);
    st64le(oact, 1), st64le(oact + 16, 1ull << 9);
    SYS("rt_sigaction", 0, 13, 0, oact, 8, 0, 0);
    EXPECT("rt_sigaction(SIGPIPE, NULL, {sa_handler=SIG_IGN, sa_mask=[USR1], sa_flags=0}, 8) = 0");
    SYS("kill", 0, 42, 15);
    EXPECT("kill(42, SIGTERM) = 0");
    SYS("tgkill", 0, 42, 43, 6, 0, 0, 0);
    EXPECT("tgkill(42, 43, SIGABRT) = 0");

    /* process */
    struct sys_ent eg = { .nr = 94, .name = "exit_group", .sig = trace_sig_find("exit_group") };
    uint64_t ea[6] = { 0 };
    trace_enter(tr, &cpu, &eg, ea);
    EXPECT("exit_group(0) = ?");
    trace_leave(tr, &cpu, &eg, ea, 0);
    EXPECT("");
    trace_exited(tr, 0);
    EXPECT("+++ exited with 0 +++");
    trace_killed(tr, 11, 1);
    EXPECT("+++ killed by SIGSEGV (core dumped) +++");
    trace_killed(tr, 9, 0);
    EXPECT("+++ killed by SIGKILL +++");
    trace_signal(tr, 11, 1, 0x10);
    EXPECT("--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10} ---");
    trace_signal(tr, 11, 2, 0);
    EXPECT("--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_ACCERR, si_addr=NULL} ---");
    trace_signal(tr, 4, 1, 0x10434);
    EXPECT("--- SIGILL {si_signo=SIGILL, si_code=ILL_ILLOPC, si_addr=0x10434} ---");
    trace_signal_sent(tr, 6, -6, 42, 1000);
    EXPECT("--- SIGABRT {si_signo=SIGABRT, si_code=SI_TKILL, si_pid=42, si_uid=1000} ---");
    SYS("clone", 43, 0x01200011, 0, 0, 0, 0x2000);
    EXPECT("clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x2000) = 43");
    SYS("getpid", 42, 0);
    EXPECT("[pid 42] getpid() = 42");   /* a traced process with a child: "[pid N] " from now on */
    trace_free(tr);
    tr = trace_new(&o);
    uint64_t ptid = zeros(4);
    st32le(ptid, 44);
    SYS("clone", 44, 0x3d0f00, 0x7000, ptid, 0x8000, 0x9000);
    EXPECT("clone(child_stack=0x7000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|"
           "CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, parent_tid=[44], "
           "tls=0x8000, child_tidptr=0x9000) = 44");
    uint64_t argv = zeros(24);
    uint64_t ls = put_str("/bin/ls");
    st64le(argv, put_str("ls")), st64le(argv + 8, put_str("-l"));
    uint64_t envp = zeros(24);
    st64le(envp, put_str("A=1")), st64le(envp + 8, put_str("B=2"));
    {
        char want[160];
        snprintf(want, sizeof want, "execve(\"/bin/ls\", [\"ls\", \"-l\"], %#llx /* 2 vars */) = 0",
                 (unsigned long long)envp);
        SYS("execve", 0, ls, argv, envp);
        EXPECT(want);
    }
    uint64_t ws4 = zeros(4);
    st32le(ws4, 3 << 8);
    SYS("wait4", 43, (uint64_t)-1, ws4, 0, 0, 0, 0);
    EXPECT("wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 43");
    st32le(ws4, 0x80 | 11);
    SYS("wait4", 43, 43, ws4, 1, 0, 0, 0);
    EXPECT("wait4(43, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], WNOHANG, NULL) = 43");
    SYS("futex", 0, 0x1000, 0x81, 1, 0, 0, 0);
    EXPECT("futex(0x1000, FUTEX_WAKE_PRIVATE, 1) = 0");
    SYS("futex", -11, 0x1000, 0x189, 0, 0, 0, 0xffffffff);
    EXPECT("futex(0x1000, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY) = -1 EAGAIN (Resource temporarily unavailable)");
    uint64_t ts = zeros(16);
    st64le(ts, 1), st64le(ts + 8, 500);
    SYS("futex", -110, 0x1000, 0x80, 2, ts, 0, 0);
    EXPECT("futex(0x1000, FUTEX_WAIT_PRIVATE, 2, {tv_sec=1, tv_nsec=500}) = -1 ETIMEDOUT (Connection timed out)");
    SYS("clock_gettime", 0, 1, ts);
    EXPECT("clock_gettime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=500}) = 0");
    SYS("set_tid_address", 42, 0x2000);
    EXPECT("set_tid_address(0x2000) = 42");
    SYS("getpid", 42, 0);
    EXPECT("getpid() = 42");

    /* misc structs */
    uint64_t uts = zeros(390);
    strcpy((char *)gmem + uts, "Linux"), strcpy((char *)gmem + uts + 65, "host");
    SYS("uname", 0, uts);
    EXPECT("uname({sysname=\"Linux\", nodename=\"host\", ...}) = 0");
    uint64_t rl = zeros(16);
    st64le(rl, 8192 * 1024), st64le(rl + 8, ~0ull);
    SYS("prlimit64", 0, 0, 3, 0, rl, 0, 0);
    EXPECT("prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
    SYS("prlimit64", 0, 0, 7, rl, 0, 0, 0);
    EXPECT("prlimit64(0, RLIMIT_NOFILE, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}, NULL) = 0");
    uint64_t fds = zeros(8);
    st32le(fds, 3), st32le(fds + 4, 4);
    SYS("pipe2", 0, fds, 0x80000);
    EXPECT("pipe2([3, 4], O_CLOEXEC) = 0");
    uint64_t cwd = put_str("/tmp");
    SYS("getcwd", 5, cwd, 4096);
    EXPECT("getcwd(\"/tmp\", 4096) = 5");
    SYS("umask", 022, 077);
    EXPECT("umask(077) = 022");
    SYS("lseek", 0, 3, 0, 1);
    EXPECT("lseek(3, 0, SEEK_CUR) = 0");
    SYS("socket", 3, 1, 0x80801, 0);
    EXPECT("socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3");
    SYS("socket", 4, 2, 2, 17);
    EXPECT("socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP) = 4");
    uint64_t sun = zeros(110);
    st16le(sun, 1), strcpy((char *)gmem + sun + 2, "/var/run/nscd/socket");
    SYS("connect", -2, 3, sun, 110);
    EXPECT("connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT (No such file or directory)");
    static const unsigned char sin[16] = { 2, 0, 0, 53, 127, 0, 0, 53 };
    SYS("connect", 0, 4, put(sin, 16), 16);
    EXPECT("connect(4, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 0");
    uint64_t de = zeros(64);
    st16le(de + 16, 24), st16le(de + 24 + 16, 24);
    {
        char want[128];
        snprintf(want, sizeof want, "getdents64(3, %#llx /* 2 entries */, 32768) = 48", (unsigned long long)de);
        SYS("getdents64", 48, 3, de, 32768);
        EXPECT(want);
    }
    uint64_t rnd = put("\x01\xab", 2);
    SYS("getrandom", 2, rnd, 2, 1);
    EXPECT("getrandom(\"\\x01\\xab\", 2, GRND_NONBLOCK) = 2");

    /* a syscall without a signature prints raw */
    struct sys_ent raw = { .nr = 0x123, .name = "mystery" };
    uint64_t ra[6] = { 1, 2, 0, 0, 0, 0xff };
    trace_enter(tr, &cpu, &raw, ra);
    trace_leave(tr, &cpu, &raw, ra, -38);
    EXPECT("mystery(0x1, 0x2, 0, 0, 0, 0xff) = -1 ENOSYS (Function not implemented)");

    struct sys_ent unk = { .nr = 0x1ff, .name = "syscall" };
    trace_enter(tr, &cpu, &unk, ra);
    trace_leave(tr, &cpu, &unk, ra, -38);
    EXPECT("syscall_0x1ff(0x1, 0x2, 0, 0, 0, 0xff) = -1 ENOSYS (Function not implemented)");

    /* interface helpers */
    checks++;
    if (!trace_errno_name(2) || strcmp(trace_errno_name(2), "ENOENT") != 0 || trace_errno_name(4000)) {
        failures++;
        printf("FAIL trace_errno_name\n");
    }
    checks++;
    if (!trace_signal_name(11) || strcmp(trace_signal_name(11), "SIGSEGV") != 0) {
        failures++;
        printf("FAIL trace_signal_name\n");
    }
    checks++;
    if (trace_sig_count() < 150) {
        failures++;
        printf("FAIL only %u signatures\n", trace_sig_count());
    }

    trace_free(tr);
    fclose(out);
    free(outbuf);
    printf("test_trace: %u signatures\n", trace_sig_count());
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures != 0;
}
