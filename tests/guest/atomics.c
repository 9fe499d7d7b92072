/* atomics: __atomic builtins (fetch_add/and/or/xor, CAS success+failure, exchange) on 8/16/32/64-bit data and C11 stdatomic. */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

static uint8_t u8 = 0xf0;
static uint16_t u16 = 0xfff0;
static uint32_t u32 = 0xfffffff0u;
static uint64_t u64 = 0xfffffffffffffff0ull;
static int32_t s32 = -5;
static int64_t s64 = -5;
/* neighbours must be untouched by sub-word atomics (which work on the containing word) */
static struct { uint8_t before; uint8_t b; uint16_t h; uint8_t after[4]; } __attribute__((aligned(8))) packed = {0x11, 0x22, 0x3344, {0x55, 0x66, 0x77, 0x88}};

int main(void)
{
    printf("fetch_add32: old=%08" PRIx32, __atomic_fetch_add(&u32, 0x20, __ATOMIC_SEQ_CST));
    printf(" new=%08" PRIx32 "\n", u32);
    printf("fetch_add64: old=%016" PRIx64, __atomic_fetch_add(&u64, 0x20, __ATOMIC_SEQ_CST));
    printf(" new=%016" PRIx64 "\n", u64);
    printf("add_fetch s32: %" PRId32 " s64: %" PRId64 "\n", __atomic_add_fetch(&s32, -0x7ffffffb, __ATOMIC_RELAXED),
           __atomic_sub_fetch(&s64, INT64_MAX, __ATOMIC_ACQ_REL));
    printf("fetch_and32: %08" PRIx32, __atomic_fetch_and(&u32, 0xff00ff00u, __ATOMIC_SEQ_CST));
    printf(" -> %08" PRIx32 "\n", u32);
    printf("fetch_or64: %016" PRIx64, __atomic_fetch_or(&u64, 0xabc0000000000000ull, __ATOMIC_ACQUIRE));
    printf(" -> %016" PRIx64 "\n", u64);
    printf("fetch_xor32: %08" PRIx32, __atomic_fetch_xor(&u32, 0xffffffffu, __ATOMIC_RELEASE));
    printf(" -> %08" PRIx32 "\n", u32);
    printf("fetch_nand64: %016" PRIx64, __atomic_fetch_nand(&u64, 0xf0f0f0f0f0f0f0f0ull, __ATOMIC_SEQ_CST));
    printf(" -> %016" PRIx64 "\n", u64);

    uint32_t exp32 = 0x12345678;
    int ok = __atomic_compare_exchange_n(&u32, &exp32, 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    printf("cas32 fail: ok=%d expected<-%08" PRIx32 " value=%08" PRIx32 "\n", ok, exp32, u32);
    ok = __atomic_compare_exchange_n(&u32, &exp32, 0x80000001u, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    printf("cas32 ok: ok=%d value=%08" PRIx32 "\n", ok, u32);
    uint64_t exp64 = u64;
    ok = __atomic_compare_exchange_n(&u64, &exp64, 0x8000000000000000ull, 1, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    while (!ok) /* weak CAS may fail spuriously */
        ok = __atomic_compare_exchange_n(&u64, &exp64, 0x8000000000000000ull, 1, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    printf("cas64 weak: ok=%d value=%016" PRIx64 "\n", ok, u64);
    exp64 = 7;
    ok = __atomic_compare_exchange_n(&u64, &exp64, 9, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
    printf("cas64 fail: ok=%d expected<-%016" PRIx64 "\n", ok, exp64);
    /* 32-bit CAS compares sign-extended values: use a value with bit 31 set */
    int32_t sexp = (int32_t)0x80000001u;
    ok = __atomic_compare_exchange_n((int32_t *)&u32, &sexp, -1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    printf("cas32 bit31: ok=%d value=%08" PRIx32 "\n", ok, u32);

    printf("exchange32: %08" PRIx32, __atomic_exchange_n(&u32, 0xcafef00du, __ATOMIC_SEQ_CST));
    printf(" -> %08" PRIx32 "\n", u32);
    printf("exchange64: %016" PRIx64, __atomic_exchange_n(&u64, 0x0123456789abcdefull, __ATOMIC_SEQ_CST));
    printf(" -> %016" PRIx64 "\n", u64);
    printf("load/store: ");
    __atomic_store_n(&u64, 42, __ATOMIC_RELEASE);
    printf("%" PRIu64 "\n", __atomic_load_n(&u64, __ATOMIC_ACQUIRE));

    /* sub-word atomics */
    printf("fetch_add8: %02x", __atomic_fetch_add(&u8, 0x20, __ATOMIC_SEQ_CST));
    printf(" -> %02x\n", u8);
    printf("fetch_add16: %04x", __atomic_fetch_add(&u16, 0x20, __ATOMIC_SEQ_CST));
    printf(" -> %04x\n", u16);
    uint8_t e8 = 0x22;
    ok = __atomic_compare_exchange_n(&packed.b, &e8, 0xee, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    uint16_t e16 = 0x3344;
    int ok2 = __atomic_compare_exchange_n(&packed.h, &e16, 0xbeef, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    __atomic_fetch_or(&packed.b, 0x01, __ATOMIC_SEQ_CST);
    __atomic_exchange_n(&packed.h, 0xf00d, __ATOMIC_SEQ_CST);
    printf("sub-word cas: %d %d bytes: %02x %02x %04x %02x %02x %02x %02x\n", ok, ok2, packed.before, packed.b,
           packed.h, packed.after[0], packed.after[1], packed.after[2], packed.after[3]);
    static unsigned char tas;
    printf("test_and_set: %d", __atomic_test_and_set(&tas, __ATOMIC_SEQ_CST));
    printf(" %d", __atomic_test_and_set(&tas, __ATOMIC_SEQ_CST));
    __atomic_clear(&tas, __ATOMIC_SEQ_CST);
    printf(" %d\n", __atomic_test_and_set(&tas, __ATOMIC_SEQ_CST));
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);

    /* C11 */
    atomic_int ai = ATOMIC_VAR_INIT(10);
    atomic_llong al = 1LL << 40;
    atomic_flag fl = ATOMIC_FLAG_INIT;
    _Atomic uint8_t ab = 250;
    printf("c11 fetch_add: %d", atomic_fetch_add(&ai, 5));
    printf(" -> %d\n", atomic_load(&ai));
    printf("c11 fetch_sub_explicit: %lld", atomic_fetch_sub_explicit(&al, 3, memory_order_relaxed));
    printf(" -> %lld\n", atomic_load_explicit(&al, memory_order_acquire));
    int e = 14;
    int okc = atomic_compare_exchange_strong(&ai, &e, 100);
    printf("c11 cas strong fail: %d e=%d\n", okc, e);
    printf("c11 cas strong ok: %d", atomic_compare_exchange_strong(&ai, &e, 100));
    printf(" -> %d\n", atomic_load(&ai));
    long long el = atomic_load(&al);
    while (!atomic_compare_exchange_weak(&al, &el, el * 2))
        ;
    printf("c11 cas weak loop: %lld\n", atomic_load(&al));
    printf("c11 exchange: %d", atomic_exchange(&ai, -1));
    printf(" -> %d\n", atomic_load(&ai));
    printf("c11 flag: %d", atomic_flag_test_and_set(&fl));
    printf(" %d", atomic_flag_test_and_set(&fl));
    atomic_flag_clear(&fl);
    printf(" %d\n", atomic_flag_test_and_set(&fl));
    printf("c11 uint8 wrap: %u", (unsigned)atomic_fetch_add(&ab, 10));
    printf(" -> %u\n", (unsigned)atomic_load(&ab));
    atomic_fetch_or(&ai, 0x100);
    atomic_fetch_and(&ai, ~1);
    atomic_fetch_xor(&ai, 0xff);
    printf("c11 or/and/xor: %d\n", atomic_load(&ai));
    atomic_thread_fence(memory_order_seq_cst);
    return 0;
}
