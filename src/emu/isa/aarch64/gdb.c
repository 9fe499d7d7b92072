/* aarch64 as gdb sees it: register numbering (x0-x30, sp, pc, cpsr, v0-v31, fpsr, fpcr) and the target description. */
#include <stddef.h>

#include "a64.h"

static uint64_t get_cpsr(struct emu_cpu *c) { return (uint64_t)a64_nzcv(c) << 28; }
static void set_cpsr(struct emu_cpu *c, uint64_t v) { a64_set_nzcv(c, (unsigned)(v >> 28) & 15); }
static uint64_t get_fpsr(struct emu_cpu *c) { return a64_fpsr_read(c); }
static void set_fpsr(struct emu_cpu *c, uint64_t v) { a64_fpsr_write(c, (uint32_t)v); }
static uint64_t get_fpcr(struct emu_cpu *c) { return A64(c)->fpcr; }
static void set_fpcr(struct emu_cpu *c, uint64_t v) { a64_fpcr_write(c, (uint32_t)v); }

#define X(n, i) {.name = n, .bits = 64, .offset = offsetof(struct a64_cpu, x) + 8 * (i)}
#define V(n, i) {.name = n, .bits = 128, .offset = offsetof(struct a64_cpu, v) + 16 * (i)}
const struct isa_reg a64_gdb_regs[] = {
    X("x0", 0), X("x1", 1), X("x2", 2), X("x3", 3), X("x4", 4), X("x5", 5), X("x6", 6), X("x7", 7),
    X("x8", 8), X("x9", 9), X("x10", 10), X("x11", 11), X("x12", 12), X("x13", 13), X("x14", 14), X("x15", 15),
    X("x16", 16), X("x17", 17), X("x18", 18), X("x19", 19), X("x20", 20), X("x21", 21), X("x22", 22),
    X("x23", 23), X("x24", 24), X("x25", 25), X("x26", 26), X("x27", 27), X("x28", 28), X("x29", 29),
    X("x30", 30), X("sp", 31),
    {.name = "pc", .bits = 64, .offset = offsetof(struct emu_cpu, pc)},
    {.name = "cpsr", .bits = 32, .get = get_cpsr, .set = set_cpsr},
    V("v0", 0), V("v1", 1), V("v2", 2), V("v3", 3), V("v4", 4), V("v5", 5), V("v6", 6), V("v7", 7),
    V("v8", 8), V("v9", 9), V("v10", 10), V("v11", 11), V("v12", 12), V("v13", 13), V("v14", 14), V("v15", 15),
    V("v16", 16), V("v17", 17), V("v18", 18), V("v19", 19), V("v20", 20), V("v21", 21), V("v22", 22),
    V("v23", 23), V("v24", 24), V("v25", 25), V("v26", 26), V("v27", 27), V("v28", 28), V("v29", 29),
    V("v30", 30), V("v31", 31),
    {.name = "fpsr", .bits = 32, .get = get_fpsr, .set = set_fpsr},
    {.name = "fpcr", .bits = 32, .get = get_fpcr, .set = set_fpcr},
    {.name = NULL},
};

#define R64(n, t) "  <reg name=\"" n "\" bitsize=\"64\" type=\"" t "\"/>\n"
#define RV(n) "  <reg name=\"" n "\" bitsize=\"128\" type=\"vreg\"/>\n"
/* Target description: gdb's feature names for the aarch64 core and FP/SIMD registers, in the numbering above. */
const char *const a64_gdb_xml[] = {
    "target.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
    "<target version=\"1.0\">\n"
    "  <architecture>aarch64</architecture>\n"
    "  <osabi>GNU/Linux</osabi>\n"
    "  <xi:include href=\"aarch64-core.xml\"/>\n"
    "  <xi:include href=\"aarch64-fpu.xml\"/>\n"
    "</target>\n",
    "aarch64-core.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
    "<feature name=\"org.gnu.gdb.aarch64.core\">\n"
    "  <flags id=\"cpsr_flags\" size=\"4\">\n"
    "    <field name=\"V\" start=\"28\" end=\"28\"/>\n"
    "    <field name=\"C\" start=\"29\" end=\"29\"/>\n"
    "    <field name=\"Z\" start=\"30\" end=\"30\"/>\n"
    "    <field name=\"N\" start=\"31\" end=\"31\"/>\n"
    "  </flags>\n"
    "  <reg name=\"x0\" bitsize=\"64\" type=\"int\" regnum=\"0\"/>\n"
    R64("x1", "int") R64("x2", "int") R64("x3", "int") R64("x4", "int") R64("x5", "int") R64("x6", "int")
    R64("x7", "int") R64("x8", "int") R64("x9", "int") R64("x10", "int") R64("x11", "int") R64("x12", "int")
    R64("x13", "int") R64("x14", "int") R64("x15", "int") R64("x16", "int") R64("x17", "int") R64("x18", "int")
    R64("x19", "int") R64("x20", "int") R64("x21", "int") R64("x22", "int") R64("x23", "int") R64("x24", "int")
    R64("x25", "int") R64("x26", "int") R64("x27", "int") R64("x28", "int") R64("x29", "int") R64("x30", "int")
    R64("sp", "data_ptr") R64("pc", "code_ptr")
    "  <reg name=\"cpsr\" bitsize=\"32\" type=\"cpsr_flags\"/>\n"
    "</feature>\n",
    "aarch64-fpu.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
    "<feature name=\"org.gnu.gdb.aarch64.fpu\">\n"
    "  <vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>\n"
    "  <vector id=\"v2u\" type=\"uint64\" count=\"2\"/>\n"
    "  <vector id=\"v2i\" type=\"int64\" count=\"2\"/>\n"
    "  <vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>\n"
    "  <vector id=\"v4u\" type=\"uint32\" count=\"4\"/>\n"
    "  <vector id=\"v4i\" type=\"int32\" count=\"4\"/>\n"
    "  <vector id=\"v8u\" type=\"uint16\" count=\"8\"/>\n"
    "  <vector id=\"v8i\" type=\"int16\" count=\"8\"/>\n"
    "  <vector id=\"v16u\" type=\"uint8\" count=\"16\"/>\n"
    "  <vector id=\"v16i\" type=\"int8\" count=\"16\"/>\n"
    "  <union id=\"vnd\"><field name=\"f\" type=\"v2d\"/><field name=\"u\" type=\"v2u\"/><field name=\"s\" type=\"v2i\"/></union>\n"
    "  <union id=\"vns\"><field name=\"f\" type=\"v4f\"/><field name=\"u\" type=\"v4u\"/><field name=\"s\" type=\"v4i\"/></union>\n"
    "  <union id=\"vnh\"><field name=\"u\" type=\"v8u\"/><field name=\"s\" type=\"v8i\"/></union>\n"
    "  <union id=\"vnb\"><field name=\"u\" type=\"v16u\"/><field name=\"s\" type=\"v16i\"/></union>\n"
    "  <union id=\"vnq\"><field name=\"u\" type=\"uint128\"/><field name=\"s\" type=\"int128\"/></union>\n"
    "  <union id=\"vreg\">\n"
    "    <field name=\"d\" type=\"vnd\"/><field name=\"s\" type=\"vns\"/><field name=\"h\" type=\"vnh\"/>\n"
    "    <field name=\"b\" type=\"vnb\"/><field name=\"q\" type=\"vnq\"/>\n"
    "  </union>\n"
    "  <reg name=\"v0\" bitsize=\"128\" type=\"vreg\" regnum=\"34\"/>\n"
    RV("v1") RV("v2") RV("v3") RV("v4") RV("v5") RV("v6") RV("v7") RV("v8") RV("v9") RV("v10") RV("v11")
    RV("v12") RV("v13") RV("v14") RV("v15") RV("v16") RV("v17") RV("v18") RV("v19") RV("v20") RV("v21")
    RV("v22") RV("v23") RV("v24") RV("v25") RV("v26") RV("v27") RV("v28") RV("v29") RV("v30") RV("v31")
    "  <reg name=\"fpsr\" bitsize=\"32\" type=\"int\"/>\n"
    "  <reg name=\"fpcr\" bitsize=\"32\" type=\"int\"/>\n"
    "</feature>\n",
    NULL,
};
