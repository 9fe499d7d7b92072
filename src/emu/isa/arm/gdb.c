/* arm as gdb sees it: register numbering (r0-r12, sp, lr, pc, cpsr, d0-d31, fpscr) and the target description
   with gdb's arm core, VFP and NEON features (the cpsr T bit tells gdb which instruction set the pc runs). */
#include <stddef.h>

#include "arm.h"

/* The pc gdb sees is the instruction address; the instruction set travels in cpsr.T. */
static uint64_t get_pc(struct emu_cpu *c) { return c->pc & ~1ull; }
static void set_pc(struct emu_cpu *c, uint64_t v) { c->pc = (v & 0xfffffffeull) | (c->pc & 1); }
static uint64_t get_fpscr(struct emu_cpu *c) { return arm_fpscr_read(c); }
static void set_fpscr(struct emu_cpu *c, uint64_t v) { arm_fpscr_write(c, (uint32_t)v); }

#define R(n, i) {.name = n, .bits = 32, .offset = offsetof(struct arm_cpu, r) + 4 * (i)}
#define D(n, i) {.name = n, .bits = 64, .offset = offsetof(struct arm_cpu, d) + 8 * (i)}
const struct isa_reg arm_gdb_regs[] = {
    R("r0", 0), R("r1", 1), R("r2", 2), R("r3", 3), R("r4", 4), R("r5", 5), R("r6", 6), R("r7", 7),
    R("r8", 8), R("r9", 9), R("r10", 10), R("r11", 11), R("r12", 12), R("sp", 13), R("lr", 14),
    {.name = "pc", .bits = 32, .get = get_pc, .set = set_pc},
    {.name = "cpsr", .bits = 32, .get = arm_get_cpsr, .set = arm_set_cpsr},
    D("d0", 0), D("d1", 1), D("d2", 2), D("d3", 3), D("d4", 4), D("d5", 5), D("d6", 6), D("d7", 7),
    D("d8", 8), D("d9", 9), D("d10", 10), D("d11", 11), D("d12", 12), D("d13", 13), D("d14", 14), D("d15", 15),
    D("d16", 16), D("d17", 17), D("d18", 18), D("d19", 19), D("d20", 20), D("d21", 21), D("d22", 22),
    D("d23", 23), D("d24", 24), D("d25", 25), D("d26", 26), D("d27", 27), D("d28", 28), D("d29", 29),
    D("d30", 30), D("d31", 31),
    {.name = "fpscr", .bits = 32, .get = get_fpscr, .set = set_fpscr},
    {.name = NULL},
};

#define R32(n) "  <reg name=\"" n "\" bitsize=\"32\" type=\"uint32\"/>\n"
#define RD(n) "  <reg name=\"" n "\" bitsize=\"64\" type=\"ieee_double\"/>\n"
/* Target description: gdb's feature names for the arm core and VFP registers, in the numbering above; the
   empty NEON feature makes gdb offer s0-s31 and q0-q15 as views of d0-d31. */
const char *const arm_gdb_xml[] = {
    "target.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
    "<target version=\"1.0\">\n"
    "  <architecture>arm</architecture>\n"
    "  <osabi>GNU/Linux</osabi>\n"
    "  <xi:include href=\"arm-core.xml\"/>\n"
    "  <xi:include href=\"arm-vfp.xml\"/>\n"
    "  <xi:include href=\"arm-neon.xml\"/>\n"
    "</target>\n",
    "arm-neon.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
    "<feature name=\"org.gnu.gdb.arm.neon\">\n"
    "</feature>\n",
    "arm-core.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
    "<feature name=\"org.gnu.gdb.arm.core\">\n"
    "  <reg name=\"r0\" bitsize=\"32\" type=\"uint32\" regnum=\"0\"/>\n"
    R32("r1") R32("r2") R32("r3") R32("r4") R32("r5") R32("r6") R32("r7") R32("r8") R32("r9") R32("r10")
    R32("r11") R32("r12")
    "  <reg name=\"sp\" bitsize=\"32\" type=\"data_ptr\"/>\n"
    R32("lr")
    "  <reg name=\"pc\" bitsize=\"32\" type=\"code_ptr\"/>\n"
    R32("cpsr")
    "</feature>\n",
    "arm-vfp.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
    "<feature name=\"org.gnu.gdb.arm.vfp\">\n"
    "  <reg name=\"d0\" bitsize=\"64\" type=\"ieee_double\" regnum=\"17\"/>\n"
    RD("d1") RD("d2") RD("d3") RD("d4") RD("d5") RD("d6") RD("d7") RD("d8") RD("d9") RD("d10") RD("d11")
    RD("d12") RD("d13") RD("d14") RD("d15") RD("d16") RD("d17") RD("d18") RD("d19") RD("d20") RD("d21")
    RD("d22") RD("d23") RD("d24") RD("d25") RD("d26") RD("d27") RD("d28") RD("d29") RD("d30") RD("d31")
    "  <reg name=\"fpscr\" bitsize=\"32\" type=\"int\" group=\"float\"/>\n"
    "</feature>\n",
    NULL,
};
