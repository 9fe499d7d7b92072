/* aarch64 cryptographic extension: AES rounds (AESE/AESD/AESMC/AESIMC) and SHA-1/SHA-256 (SHA1C/P/M/H/SU0/SU1,
   SHA256H/H2/SU0/SU1), with their table. */
#include <pthread.h>

#include "simd.h"

static uint32_t ror32(uint32_t x, unsigned n) { return x >> n | x << (32 - n); }
static uint32_t rol32(uint32_t x, unsigned n) { return x << n | x >> (32 - n); }
static uint32_t choose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
static uint32_t majority(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | ((x | y) & z); }
static uint32_t parity(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }

static void get4(struct emu_cpu *c, unsigned r, uint32_t v[4])
{
    for (unsigned i = 0; i < 4; i++)
        v[i] = ld32(V(r) + 4 * i);
}
static void put4(struct emu_cpu *c, unsigned r, const uint32_t v[4])
{
    for (unsigned i = 0; i < 4; i++)
        st32(V(r) + 4 * i, v[i]);
}

/* Four SHA-1 rounds: X = Qd (a..d), y = Sn (e), W = Vm; f is the round's boolean function. */
static void sha1_rounds(struct emu_cpu *c, const struct op *o, uint32_t (*f)(uint32_t, uint32_t, uint32_t))
{
    uint32_t x[4], w[4], y = ld32(V(o->rs1));
    get4(c, o->rd, x);
    get4(c, o->rs2, w);
    for (unsigned e = 0; e < 4; e++) {
        y += rol32(x[0], 5) + f(x[1], x[2], x[3]) + w[e];
        x[1] = rol32(x[1], 30);
        uint32_t top = x[3]; /* Y:X rotated left by one lane */
        x[3] = x[2], x[2] = x[1], x[1] = x[0], x[0] = y;
        y = top;
    }
    put4(c, o->rd, x);
}
OP(op_sha1c) { sha1_rounds(c, o, choose); NEXT; }
OP(op_sha1p) { sha1_rounds(c, o, parity); NEXT; }
OP(op_sha1m) { sha1_rounds(c, o, majority); NEXT; }

OP(op_sha1h)
{
    uint32_t r[4] = {rol32(ld32(V(o->rs1)), 30), 0, 0, 0};
    put4(c, o->rd, r);
    NEXT;
}

OP(op_sha1su0)
{
    uint32_t d[4], n[4], m[4];
    get4(c, o->rd, d);
    get4(c, o->rs1, n);
    get4(c, o->rs2, m);
    uint32_t r[4] = {d[2] ^ d[0] ^ m[0], d[3] ^ d[1] ^ m[1], n[0] ^ d[2] ^ m[2], n[1] ^ d[3] ^ m[3]};
    put4(c, o->rd, r);
    NEXT;
}

OP(op_sha1su1)
{
    uint32_t d[4], n[4], t[4], r[4];
    get4(c, o->rd, d);
    get4(c, o->rs1, n);
    t[0] = d[0] ^ n[1], t[1] = d[1] ^ n[2], t[2] = d[2] ^ n[3], t[3] = d[3];
    for (unsigned i = 0; i < 3; i++)
        r[i] = rol32(t[i], 1);
    r[3] = rol32(t[3], 1) ^ rol32(t[0], 2);
    put4(c, o->rd, r);
    NEXT;
}

/* Four SHA-256 rounds on X = a..d, Y = e..h with schedule words W; returns X (part 1) or Y (part 2). */
static void sha256_rounds(uint32_t x[4], uint32_t y[4], const uint32_t w[4])
{
    for (unsigned e = 0; e < 4; e++) {
        uint32_t ch = choose(y[0], y[1], y[2]), maj = majority(x[0], x[1], x[2]);
        uint32_t t1 = y[3] + (ror32(y[0], 6) ^ ror32(y[0], 11) ^ ror32(y[0], 25)) + ch + w[e];
        x[3] += t1;
        y[3] = t1 + (ror32(x[0], 2) ^ ror32(x[0], 13) ^ ror32(x[0], 22)) + maj;
        uint32_t ytop = y[3], xtop = x[3]; /* Y:X rotated left by one lane */
        y[3] = y[2], y[2] = y[1], y[1] = y[0], y[0] = xtop;
        x[3] = x[2], x[2] = x[1], x[1] = x[0], x[0] = ytop;
    }
}

OP(op_sha256h)
{
    uint32_t x[4], y[4], w[4];
    get4(c, o->rd, x);
    get4(c, o->rs1, y);
    get4(c, o->rs2, w);
    sha256_rounds(x, y, w);
    put4(c, o->rd, x);
    NEXT;
}

OP(op_sha256h2)
{
    uint32_t x[4], y[4], w[4];
    get4(c, o->rs1, x);
    get4(c, o->rd, y);
    get4(c, o->rs2, w);
    sha256_rounds(x, y, w);
    put4(c, o->rd, y);
    NEXT;
}

OP(op_sha256su0)
{
    uint32_t d[4], n[4], r[4];
    get4(c, o->rd, d);
    get4(c, o->rs1, n);
    uint32_t t[4] = {d[1], d[2], d[3], n[0]};
    for (unsigned e = 0; e < 4; e++)
        r[e] = (ror32(t[e], 7) ^ ror32(t[e], 18) ^ (t[e] >> 3)) + d[e];
    put4(c, o->rd, r);
    NEXT;
}

OP(op_sha256su1)
{
    uint32_t d[4], n[4], m[4], r[4];
    get4(c, o->rd, d);
    get4(c, o->rs1, n);
    get4(c, o->rs2, m);
    uint32_t t0[4] = {n[1], n[2], n[3], m[0]};
    for (unsigned e = 0; e < 4; e++) {
        uint32_t s = e < 2 ? m[2 + e] : r[e - 2];
        r[e] = (ror32(s, 17) ^ ror32(s, 19) ^ (s >> 10)) + d[e] + t0[e];
    }
    put4(c, o->rd, r);
    NEXT;
}

/* ---------------------------------------------------------------- AES (FIPS-197) */

static uint8_t sbox[256], inv_sbox[256];
static pthread_once_t sbox_once = PTHREAD_ONCE_INIT;

static uint8_t gmul(uint8_t a, uint8_t b) /* product in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 */
{
    uint8_t r = 0;
    while (b) {
        if (b & 1)
            r ^= a;
        a = (uint8_t)(a << 1 ^ (a & 0x80 ? 0x1b : 0));
        b >>= 1;
    }
    return r;
}

/* The S-box from its definition: the multiplicative inverse followed by the affine map (constant 0x63). */
static void build_sbox(void)
{
    for (unsigned x = 0; x < 256; x++) {
        uint8_t inv = 0;
        for (unsigned y = 1; x && y < 256; y++)
            if (gmul((uint8_t)x, (uint8_t)y) == 1) {
                inv = (uint8_t)y;
                break;
            }
        uint8_t s = inv;
        for (unsigned k = 1; k < 5; k++)
            s ^= (uint8_t)(inv << k | inv >> (8 - k));
        sbox[x] = s ^ 0x63;
        inv_sbox[sbox[x]] = (uint8_t)x;
    }
}

/* AESE/AESD: AddRoundKey (Vd ^ Vn), then (Inv)ShiftRows and (Inv)SubBytes. Byte i is row i%4, column i/4. */
static void aes_round(struct emu_cpu *c, const struct op *o, int decrypt)
{
    pthread_once(&sbox_once, build_sbox);
    uint8_t st[16], r[16];
    for (unsigned i = 0; i < 16; i++)
        st[i] = V(o->rd)[i] ^ V(o->rs1)[i];
    for (unsigned col = 0; col < 4; col++)
        for (unsigned row = 0; row < 4; row++) {
            unsigned from = decrypt ? (col + 4 - row) % 4 : (col + row) % 4;
            uint8_t b = st[row + 4 * from];
            r[row + 4 * col] = decrypt ? inv_sbox[b] : sbox[b];
        }
    memcpy(V(o->rd), r, 16);
}
OP(op_aese) { aes_round(c, o, 0); NEXT; }
OP(op_aesd) { aes_round(c, o, 1); NEXT; }

/* AESMC/AESIMC: (Inv)MixColumns of Vn into Vd. */
static void aes_mix(struct emu_cpu *c, const struct op *o, int inverse)
{
    static const uint8_t fwd[4] = {2, 3, 1, 1}, inv[4] = {14, 11, 13, 9};
    const uint8_t *k = inverse ? inv : fwd;
    uint8_t st[16], r[16];
    memcpy(st, V(o->rs1), 16);
    for (unsigned col = 0; col < 4; col++)
        for (unsigned row = 0; row < 4; row++) {
            uint8_t v = 0;
            for (unsigned j = 0; j < 4; j++)
                v ^= gmul(k[(j + 4 - row) % 4], st[j + 4 * col]);
            r[row + 4 * col] = v;
        }
    memcpy(V(o->rd), r, 16);
}
OP(op_aesmc) { aes_mix(c, o, 0); NEXT; }
OP(op_aesimc) { aes_mix(c, o, 1); NEXT; }

static int d_crypto(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    return 0;
}

#define C3(opc) (0x5e000000u | (opc) << 12) /* three-register SHA */
#define C2(opc) (0x5e280800u | (opc) << 12) /* two-register SHA */
#define CA(opc) (0x4e280800u | (opc) << 12) /* AES */
#define ROW(m, t, fn, name) {m, t, d_crypto, fn, NULL, 0, 0, name}

const struct a64_insn a64_simd_crypto[] = {
    ROW(0xfffffc00u, CA(4), op_aese, "aese"),
    ROW(0xfffffc00u, CA(5), op_aesd, "aesd"),
    ROW(0xfffffc00u, CA(6), op_aesmc, "aesmc"),
    ROW(0xfffffc00u, CA(7), op_aesimc, "aesimc"),
    ROW(0xffe0fc00u, C3(0), op_sha1c, "sha1c"),
    ROW(0xffe0fc00u, C3(1), op_sha1p, "sha1p"),
    ROW(0xffe0fc00u, C3(2), op_sha1m, "sha1m"),
    ROW(0xffe0fc00u, C3(3), op_sha1su0, "sha1su0"),
    ROW(0xffe0fc00u, C3(4), op_sha256h, "sha256h"),
    ROW(0xffe0fc00u, C3(5), op_sha256h2, "sha256h2"),
    ROW(0xffe0fc00u, C3(6), op_sha256su1, "sha256su1"),
    ROW(0xfffffc00u, C2(0), op_sha1h, "sha1h"),
    ROW(0xfffffc00u, C2(1), op_sha1su1, "sha1su1"),
    ROW(0xfffffc00u, C2(2), op_sha256su0, "sha256su0"),
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
