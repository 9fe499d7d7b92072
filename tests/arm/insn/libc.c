/* glibc's string and memory routines as an armhf userland runs them (its ifuncs pick the NEON/VFP variants
   from the advertised HWCAP_NEON/VFP), checked against naive loops over many sizes and alignments. */
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "check.h"

static unsigned char src[4096 + 64], dst[4096 + 64], ref[4096 + 64];

static void naive_copy(unsigned char *d, const unsigned char *s, size_t n) { for (size_t i = 0; i < n; i++) d[i] = s[i]; }

int main(void)
{
    unsigned long hw = getauxval(AT_HWCAP);
    EQ((hw >> 12) & 1, 1); /* NEON */
    EQ((hw >> 6) & 1, 1);  /* VFP */
    for (size_t i = 0; i < sizeof src; i++) src[i] = (unsigned char)(i * 131 + 7);
    int bad_copy = 0, bad_move = 0, bad_set = 0, bad_cmp = 0, bad_len = 0, bad_chr = 0;
    static const size_t sizes[] = {0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 257, 1000, 4000};
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        size_t n = sizes[si];
        for (size_t da = 0; da < 8; da++)
            for (size_t sa = 0; sa < 8; sa += 3) {
                memset(dst, 0xee, sizeof dst);
                memset(ref, 0xee, sizeof ref);
                memcpy(dst + da, src + sa, n);
                naive_copy(ref + da, src + sa, n);
                bad_copy += memcmp(dst, ref, sizeof dst) != 0;
                memmove(dst + 1 + da, dst + da, n); /* overlapping forward */
                for (size_t i = n; i-- > 0;) ref[1 + da + i] = ref[da + i];
                bad_move += memcmp(dst, ref, sizeof dst) != 0;
                memset(dst + sa, (int)da, n);
                for (size_t i = 0; i < n; i++) ref[sa + i] = (unsigned char)da;
                bad_set += memcmp(dst, ref, sizeof dst) != 0;
                if (n) {
                    memcpy(ref, dst, sizeof dst);
                    ref[sa + n - 1] ^= 1;
                    int c = memcmp(dst + sa, ref + sa, n);
                    bad_cmp += !(c != 0 && ((dst[sa + n - 1] < ref[sa + n - 1]) == (c < 0)));
                    bad_cmp += memcmp(dst + sa, dst + sa, n) != 0;
                }
            }
        char *s = malloc(n + 16);
        for (size_t a = 0; a < 8; a++) {
            memset(s, 'x', n + 16);
            s[a + n] = 0;
            bad_len += strlen(s + a) != n;
            if (n) {
                s[a + n / 2] = 'y';
                bad_chr += memchr(s + a, 'y', n) != s + a + n / 2;
                bad_chr += strchr(s + a, 'y') != s + a + n / 2;
                char *last = NULL;
                for (size_t i = 0; i < n; i++)
                    if (s[a + i] == 'x') last = s + a + i;
                bad_chr += strrchr(s + a, 'x') != last;
            }
        }
        free(s);
    }
    EQ(bad_copy, 0);
    EQ(bad_move, 0);
    EQ(bad_set, 0);
    EQ(bad_cmp, 0);
    EQ(bad_len, 0);
    EQ(bad_chr, 0);
    EQ(strcmp("abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456788") > 0, 1);
    EQ(strncmp("armhf-neon", "armhf-vfp", 6), 0);
    return finish("libc");
}
