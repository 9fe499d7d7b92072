/* Unit test of the struct layout engine: sizes, alignments and offsets for every ABI against what each cross compiler computed. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "test_layout_expected.h"

/* Members the C headers reach through macros (ifr_flags is ifr_ifru.ifru_flags). */
static const char *member_path(const char *type, const char *field)
{
    static const char *const alias[][3] = {
        { "ifreq", "ifr_flags", "ifr_ifru.ifru_flags" },
        { "ifreq", "ifr_map", "ifr_ifru.ifru_map" },
        { "ifreq", "ifr_data", "ifr_ifru.ifru_data" },
    };
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
        if (!strcmp(alias[i][0], type) && !strcmp(alias[i][1], field))
            return alias[i][2];
    return field;
}

int main(void)
{
    int checks = 0, failures = 0;
    unsigned abis_seen = 0, structs = 0;
    for (size_t i = 0; i < sizeof layout_expected / sizeof layout_expected[0]; i++) {
        const struct layout_expect *e = &layout_expected[i];
        int abi = lay_abi_find(e->abi);
        checks++;
        if (abi < 0) {
            failures++;
            printf("FAIL unknown ABI %s\n", e->abi);
            continue;
        }
        abis_seen |= 1u << abi;
        const struct lay_struct *s = lay_struct_find(e->type, abi);
        struct lay_result r;
        if (!s || lay_compute(s, abi, &r) < 0) {
            failures++;
            printf("FAIL %s: no layout of struct %s\n", e->abi, e->type);
            continue;
        }
        if (!e->field) {
            structs++;
            if (r.size != e->a || r.align != e->b) {
                failures++;
                printf("FAIL %s struct %s: size %u align %u, the compiler's %u and %u\n", e->abi, e->type,
                       r.size, r.align, e->a, e->b);
            }
            continue;
        }
        unsigned off, size;
        if (lay_field_find(s, abi, member_path(e->type, e->field), &off, &size) < 0) {
            failures++;
            printf("FAIL %s struct %s: no member %s\n", e->abi, e->type, e->field);
        } else if (off != e->a || size != e->b) {
            failures++;
            printf("FAIL %s struct %s: %s at %u size %u, the compiler's at %u size %u\n", e->abi, e->type,
                   e->field, off, size, e->a, e->b);
        }
    }
    /* every ABI with a model has expected values */
    for (int a = 0; a < LA_COUNT; a++) {
        checks++;
        if (!(abis_seen & (1u << a))) {
            failures++;
            printf("FAIL no expected layouts for ABI %s\n", lay_abis[a].name);
        }
    }
    /* the host model matches this very compiler */
    checks++;
    if (lay_abis[lay_host_abi()].long_size != sizeof(long)) {
        failures++;
        printf("FAIL host ABI %s has long of %u bytes, this compiler %zu\n", lay_abis[lay_host_abi()].name,
               lay_abis[lay_host_abi()].long_size, sizeof(long));
    }
    /* comparisons used by the ioctl diagnosis */
    char why[200];
    static const struct { const char *type; int guest, host, differs; const char *why; } diffs[] = {
        { "loop_info64", LA_ARM, LA_X86_64, 0, "" },
        { "rtc_time", LA_I386, LA_X86_64, 0, "" },
        { "termios", LA_ARM, LA_X86_64, 0, "" },
        { "termios", LA_MIPS, LA_X86_64, 1, "field c_cc is 23 bytes at offset 17, the host's 19 bytes at offset 17" },
        { "serial_struct", LA_ARM, LA_X86_64, 1, "pointer iomem_base is 4 bytes at offset 44, the host's 8 bytes at offset 48" },
        { "xtrace_private", LA_I386, LA_X86_64, 1, "pointer p is 4 bytes at offset 0, the host's 8 bytes at offset 0" },
        { "ifconf", LA_RISCV64, LA_X86_64, 0, "" },
        { "stat", LA_RISCV64, LA_X86_64, 1, "field st_mode is 4 bytes at offset 16, the host's 4 bytes at offset 24" },
        { "epoll_event", LA_AARCH64, LA_X86_64, 1, "64-bit integer data is 8 bytes at offset 8, the host's 8 bytes at offset 4" },
        { "int", LA_ARM, LA_X86_64, 0, "" },
        { "long", LA_ARM, LA_X86_64, 1, "long is 4 bytes, the host's 8" },
    };
    for (size_t i = 0; i < sizeof diffs / sizeof diffs[0]; i++) {
        checks++;
        int d = lay_diff(diffs[i].type, diffs[i].guest, diffs[i].host, why, sizeof why);
        if (d != diffs[i].differs || strcmp(why, diffs[i].why) != 0) {
            failures++;
            printf("FAIL lay_diff(%s, %s): %d \"%s\", wanted %d \"%s\"\n", diffs[i].type, lay_abis[diffs[i].guest].name,
                   d, why, diffs[i].differs, diffs[i].why);
        }
    }
    printf("test_layout: %u struct layouts over %d ABIs\n", structs, LA_COUNT);
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures != 0;
}
