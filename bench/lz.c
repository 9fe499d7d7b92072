/* lz: benchmark — own LZ77 compressor (hash-chain match finder) and decompressor on generated text, with round-trip check. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW (1 << 16)
#define MIN_MATCH 4
#define MAX_MATCH 258
#define HASH_BITS 15
#define CHAIN 48

static uint32_t rng = 2463534242u;
static uint32_t xs(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* text from a Zipf-ish vocabulary so there is something to find */
static size_t gen_text(unsigned char *out, size_t n)
{
    static const char *syll[] = {"ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "an", "el", "or", "us",
                                 "the", "and", "ing", "ion", "ver", "str", "ght", "qu"};
    char vocab[512][16];
    for (int w = 0; w < 512; w++) {
        int k = 1 + (int)(xs() % 4);
        vocab[w][0] = 0;
        for (int j = 0; j < k; j++)
            strcat(vocab[w], syll[xs() % 20]);
    }
    size_t pos = 0;
    int col = 0;
    while (pos + 40 < n) {
        uint32_t r = xs();
        int w = (int)((r % 512) * (r % 512) / 512); /* skewed towards small indices */
        size_t l = strlen(vocab[w]);
        memcpy(out + pos, vocab[w], l);
        pos += l;
        col += (int)l + 1;
        if (xs() % 13 == 0) {
            out[pos++] = '.';
        }
        if (col > 70) {
            out[pos++] = '\n';
            col = 0;
        } else {
            out[pos++] = ' ';
        }
    }
    return pos;
}

/* token stream: literal runs [0 len8 bytes...] and matches [1 len8 dist16] (simple, byte-aligned) */
static size_t compress(const unsigned char *in, size_t n, unsigned char *out)
{
    static int32_t head[1 << HASH_BITS];
    static int32_t prev[WINDOW];
    memset(head, -1, sizeof head);
    size_t o = 0, i = 0, lit_start = 0;
#define FLUSH_LITERALS(upto)                                   \
    while (lit_start < (upto)) {                               \
        size_t run = (upto) - lit_start;                       \
        if (run > 255)                                         \
            run = 255;                                         \
        out[o++] = 0;                                          \
        out[o++] = (unsigned char)run;                         \
        memcpy(out + o, in + lit_start, run);                  \
        o += run;                                              \
        lit_start += run;                                      \
    }
    while (i + MIN_MATCH <= n) {
        uint32_t h = ((uint32_t)in[i] << 16 ^ (uint32_t)in[i + 1] << 8 ^ in[i + 2] ^ (uint32_t)in[i + 3] << 11) *
                         2654435761u >> (32 - HASH_BITS);
        int32_t cand = head[h];
        size_t best = 0, best_d = 0;
        for (int c = 0; c < CHAIN && cand >= 0 && i - (size_t)cand < WINDOW - 1; c++) {
            const unsigned char *a = in + cand, *b = in + i;
            size_t lim = n - i < MAX_MATCH ? n - i : MAX_MATCH, l = 0;
            while (l < lim && a[l] == b[l])
                l++;
            if (l > best) {
                best = l;
                best_d = i - (size_t)cand;
                if (l == lim)
                    break;
            }
            cand = prev[cand & (WINDOW - 1)];
        }
        prev[i & (WINDOW - 1)] = head[h];
        head[h] = (int32_t)i;
        if (best >= MIN_MATCH) {
            FLUSH_LITERALS(i);
            out[o++] = 1;
            out[o++] = (unsigned char)(best - MIN_MATCH);
            out[o++] = (unsigned char)best_d;
            out[o++] = (unsigned char)(best_d >> 8);
            /* insert the skipped positions into the hash chains */
            for (size_t k = i + 1; k < i + best && k + MIN_MATCH <= n; k++) {
                uint32_t hk = ((uint32_t)in[k] << 16 ^ (uint32_t)in[k + 1] << 8 ^ in[k + 2] ^ (uint32_t)in[k + 3] << 11) *
                                  2654435761u >> (32 - HASH_BITS);
                prev[k & (WINDOW - 1)] = head[hk];
                head[hk] = (int32_t)k;
            }
            i += best;
            lit_start = i;
        } else {
            i++;
        }
    }
    FLUSH_LITERALS(n);
    return o;
}

static size_t decompress(const unsigned char *in, size_t n, unsigned char *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        if (in[i] == 0) {
            size_t run = in[i + 1];
            memcpy(out + o, in + i + 2, run);
            o += run;
            i += 2 + run;
        } else {
            size_t len = (size_t)in[i + 1] + MIN_MATCH, d = in[i + 2] | (size_t)in[i + 3] << 8;
            for (size_t k = 0; k < len; k++) /* may overlap: byte by byte */
                out[o + k] = out[o - d + k];
            o += len;
            i += 4;
        }
    }
    return o;
}

int main(int argc, char **argv)
{
    size_t n = (argc > 1 ? strtoul(argv[1], NULL, 0) : 10) << 20;
    unsigned char *text = malloc(n), *comp = malloc(n + n / 64 + 1024), *back = malloc(n);
    if (!text || !comp || !back)
        return 1;
    size_t tn = gen_text(text, n);
    size_t cn = compress(text, tn, comp);
    size_t dn = decompress(comp, cn, back);
    uint32_t sum = 0;
    for (size_t i = 0; i < cn; i++)
        sum = sum * 31 + comp[i];
    int ok = dn == tn && memcmp(text, back, tn) == 0;
    printf("lz: %zu -> %zu bytes (%.1f%%), checksum %08x, round trip %s\n", tn, cn, 100.0 * cn / tn, sum,
           ok ? "ok" : "FAILED");
    return !ok;
}
