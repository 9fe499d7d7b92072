/* Unit test of the 32-bit ABI layer: field-table struct conversion (sign extension, RLIM_INFINITY, EOVERFLOW,
   16-bit ids, timeval-as-timespec) and the arm syscall table's bindings (twins, 16-bit ids, register pairs). */
#include <stdio.h>
#include <string.h>

#include "emu.h"
#include "mem.h"
#include "sys.h"
#include "syscall.h"

static int checks, failures;

#define CHECK(cond, ...) do { checks++; if (!(cond)) { failures++; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
    printf(__VA_ARGS__); putchar('\n'); } } while (0)

extern struct emu_isa isa_arm, isa_aarch64;
const struct emu_isa *const emu_isas[] = {&isa_arm, &isa_aarch64, NULL}; /* the loader's list, as main.c has it */

static const struct sys_ent *lookup(const struct emu_isa *isa, const char *name)
{
    for (unsigned i = 0; i < isa->nsys; i++)
        if (isa->systab[i] && !strcmp(isa->systab[i]->name, name))
            return isa->systab[i];
    return NULL;
}

static void layouts(void)
{
    /* old_timespec32 {-5, 7} widens with sign extension and narrows back */
    uint8_t g[8], w[16], back[8];
    st32(g, (uint32_t)-5);
    st32(g + 4, 7);
    sys_layout_in(&sys_layout_timespec32, g, w);
    CHECK((int64_t)ld64(w) == -5 && ld64(w + 8) == 7, "timespec in: %lld %llu", (long long)ld64(w),
          (unsigned long long)ld64(w + 8));
    CHECK(sys_layout_out(&sys_layout_timespec32, w, back) == 0 && !memcmp(g, back, 8), "timespec round trip");

    /* a table-built layout: 32-bit rlimit-like pair with infinity, a clamped count, an EOVERFLOW field, an id */
    static const struct sys_field f[] = {{0, 0, 4, 8, SF_INF | SF_CLAMP}, {4, 8, 4, 8, SF_OVF},
                                         {8, 16, 2, 4, SF_ID16}, {12, 24, 4, 8, SF_SIGNED | SF_USEC}};
    static const struct sys_layout l = {"test", 16, 32, f, 4, NULL};
    uint8_t g2[16] = {0}, w2[32], o2[16];
    st32(g2, 0xffffffffu);
    st32(g2 + 4, 123);
    g2[8] = 0xe8, g2[9] = 0x03; /* uid 1000 */
    st32(g2 + 12, (uint32_t)-250); /* -250 us */
    sys_layout_in(&l, g2, w2);
    CHECK(ld64(w2) == ~0ull, "infinity widens to all-ones: %llx", (unsigned long long)ld64(w2));
    CHECK(ld32(w2 + 16) == 1000, "16-bit id widens: %u", ld32(w2 + 16));
    CHECK((int64_t)ld64(w2 + 24) == -250000, "microseconds become nanoseconds: %lld", (long long)ld64(w2 + 24));
    st64(w2, 1ull << 40);     /* too big for 32 bits: clamps */
    st32(w2 + 16, 70000);     /* uid past 16 bits: overflow id */
    CHECK(sys_layout_out(&l, w2, o2) == 0, "narrowing succeeds");
    CHECK(ld32(o2) == 0xffffffffu, "clamped: %x", ld32(o2));
    CHECK((o2[8] | o2[9] << 8) == 65534, "overflow uid: %u", o2[8] | o2[9] << 8);
    CHECK((int32_t)ld32(o2 + 12) == -250, "nanoseconds back to microseconds: %d", (int32_t)ld32(o2 + 12));
    st64(w2 + 8, 1ull << 33); /* EOVERFLOW field */
    CHECK(sys_layout_out(&l, w2, o2) == -EOVERFLOW, "EOVERFLOW when a checked field does not fit");
}

static void tables(void)
{
    CHECK(sys_init_isa(&isa_arm) == 0 && sys_init_isa(&isa_aarch64) == 0, "tables build");
    CHECK(isa_arm.pair_align == 1, "arm EABI passes 64-bit arguments in aligned pairs");
    CHECK(isa_arm.open_flags != NULL, "arm has its own O_DIRECTORY/O_NOFOLLOW/O_DIRECT/O_LARGEFILE");
    static const char *const bound[] = {"clock_gettime", "nanosleep", "futex", "wait4", "waitid", "getrusage",
                                        "sysinfo", "times", "fstat", "statfs", "getdents", "_newselect", "poll",
                                        "sendmsg", "recvmsg", "recvmmsg", "sendmmsg", "getuid32", "getuid",
                                        "dup2", "pipe", "fork", "vfork", "setitimer", "timer_settime", "utimes",
                                        "pselect6_time64", "fcntl64", "_llseek", "sendfile64", "futex_time64",
                                        "timer_settime64", "utimensat_time64", "sched_rr_get_interval"};
    for (size_t i = 0; i < sizeof bound / sizeof bound[0]; i++) {
        const struct sys_ent *e = lookup(&isa_arm, bound[i]);
        CHECK(e && e->fn, "arm %s is bound", bound[i]);
    }
    /* the 16-bit getuid is not the full-width one; getuid32 is */
    const struct sys_ent *u16 = lookup(&isa_arm, "getuid"), *u32 = lookup(&isa_arm, "getuid32"),
                         *g = lookup(&isa_aarch64, "getuid");
    CHECK(u16 && u32 && g && u16->fn != u32->fn && u32->fn == g->fn, "getuid16 vs getuid32 bindings");
    /* LP64 guests keep the generic handlers */
    const struct sys_ent *cg = lookup(&isa_aarch64, "clock_gettime"), *ca = lookup(&isa_arm, "clock_gettime");
    CHECK(cg && ca && cg->fn && ca->fn && cg->fn != ca->fn, "clock_gettime: twin on arm, generic on aarch64");
    const struct sys_ent *pr = lookup(&isa_arm, "pread64"), *pv = lookup(&isa_arm, "preadv");
    CHECK(pr && pr->wide == 1 << 3, "pread64's offset is a register pair");
    CHECK(pv && (pv->wide & 0x7f) == 1 << 3 && (pv->wide & 0x80), "preadv's offset is an explicit lo/hi pair");
}

int main(void)
{
    layouts();
    tables();
    printf("%d checks, %d failed\n", checks, failures);
    return failures != 0;
}
