/* Flag registers decoded from tables of bit fields, gdb's "[ Z C T ]" style (arm and aarch64 cpsr). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ui_int.h"

/* One field: a single bit is shown by name when set; a wider one always, as NAME=value (or a name from vals). */
struct field {
    const char *name;            /* field name */
    uint8_t lo, width;           /* bit position and width */
    const char *const *vals;     /* names of the values (up to 32), or NULL */
};

/* arm processor modes by M[4:0] (ARM ARM B1.3.1) */
static const char *const arm_modes[32] = {
    [0x10] = "usr", [0x11] = "fiq", [0x12] = "irq", [0x13] = "svc", [0x16] = "mon",
    [0x17] = "abt", [0x1a] = "hyp", [0x1b] = "und", [0x1f] = "sys",
};

/* From bit 0 up, like the order gdb prints a flags type in. */
static const struct field arm_cpsr[] = {
    {"M", 0, 5, arm_modes}, {"T", 5, 1, NULL},  {"F", 6, 1, NULL},  {"I", 7, 1, NULL},
    {"A", 8, 1, NULL},      {"E", 9, 1, NULL},  {"GE", 16, 4, NULL}, {"J", 24, 1, NULL},
    {"Q", 27, 1, NULL},     {"V", 28, 1, NULL}, {"C", 29, 1, NULL}, {"Z", 30, 1, NULL},
    {"N", 31, 1, NULL},     {NULL, 0, 0, NULL},
};

static const struct field a64_cpsr[] = {
    {"SP", 0, 1, NULL},     {"EL", 2, 2, NULL},   {"nRW", 4, 1, NULL}, {"F", 6, 1, NULL},
    {"I", 7, 1, NULL},      {"A", 8, 1, NULL},    {"D", 9, 1, NULL},   {"BTYPE", 10, 2, NULL},
    {"SSBS", 12, 1, NULL},  {"IL", 20, 1, NULL},  {"SS", 21, 1, NULL}, {"PAN", 22, 1, NULL},
    {"UAO", 23, 1, NULL},   {"V", 28, 1, NULL},   {"C", 29, 1, NULL},  {"Z", 30, 1, NULL},
    {"N", 31, 1, NULL},     {NULL, 0, 0, NULL},
};

static const struct {
    const char *isa, *reg;       /* ISA name, register name */
    const struct field *f;       /* its fields */
} layouts[] = {
    {"arm", "cpsr", arm_cpsr},
    {"aarch64", "cpsr", a64_cpsr},
};

int ui_reg_flags(struct ui *u, int regno, uint64_t v, char *buf, size_t n)
{
    const struct field *f = NULL;
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
        if (!strcmp(u->isa->name, layouts[i].isa) && !strcmp(u->regs[regno].name, layouts[i].reg))
            f = layouts[i].f;
    if (!f || n < 4)
        return 0;
    size_t k = (size_t)snprintf(buf, n, "[");
    for (; f->name && k < n; f++) {
        uint64_t x = v >> f->lo & ((1ull << f->width) - 1);
        if (f->width == 1) {
            if (x)
                k += (size_t)snprintf(buf + k, n - k, " %s", f->name);
        } else if (f->vals && x < 32 && f->vals[x]) {
            k += (size_t)snprintf(buf + k, n - k, " %s=%s", f->name, f->vals[x]);
        } else {
            k += (size_t)snprintf(buf + k, n - k, x < 10 ? " %s=%" PRIu64 : " %s=0x%" PRIx64, f->name, x);
        }
    }
    if (k < n)
        snprintf(buf + k, n - k, " ]");
    return 1;
}
