/* Runs of plain register ALU ops with LSL/ROR shifted operands (the hashing-loop shape the backend runs in pairs). */
#include <stdio.h>
#include <stdint.h>

static inline uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

/* Each step mixes with rotates, shifts, and/bic/orr/eor/add/sub, results feeding the next instruction. */
static __attribute__((noinline)) uint32_t mix(uint32_t *s, unsigned rounds)
{
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4];
    for (unsigned i = 0; i < rounds; i++) {
        uint32_t t1 = ror(e, 6) ^ ror(e, 11) ^ ror(e, 25);
        uint32_t ch = (e & a) ^ (~e & b);
        uint32_t t2 = ror(a, 2) ^ ror(a, 13) ^ ror(a, 22);
        uint32_t mj = (a & b) | (c & ~d) | (b << 3);
        d = c + (t1 << 2) - ch;
        c = b - (a << 7);
        b = a | ror(d, 9);
        a = t1 + ch + t2 + mj + i;
        e = (e ^ (a << 5)) + ror(c, 31);
    }
    s[0] = a, s[1] = b, s[2] = c, s[3] = d, s[4] = e;
    return a ^ b ^ c ^ d ^ e;
}

int main(void)
{
    uint32_t s[5] = {0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu};
    for (unsigned k = 0; k < 8; k++)
        printf("%u: %08x %08x %08x\n", k, (unsigned)mix(s, 1000u + k), (unsigned)s[0], (unsigned)s[4]);
    return 0;
}
