/* riscv64 as gdb sees it: register numbering (x0-x31, pc, f0-f31, fflags, frm, fcsr) and the target description. */
#include <stddef.h>

#include "rv.h"

static uint64_t get_zero(struct emu_cpu *c) { (void)c; return 0; }
static void set_ignore(struct emu_cpu *c, uint64_t v) { (void)c, (void)v; }
static uint64_t get_fflags(struct emu_cpu *c) { uint64_t v = 0; rv_fcsr_read(c, 1, &v); return v; }
static uint64_t get_frm(struct emu_cpu *c) { uint64_t v = 0; rv_fcsr_read(c, 2, &v); return v; }
static uint64_t get_fcsr(struct emu_cpu *c) { uint64_t v = 0; rv_fcsr_read(c, 3, &v); return v; }
static void set_fflags(struct emu_cpu *c, uint64_t v) { rv_fcsr_write(c, 1, v); }
static void set_frm(struct emu_cpu *c, uint64_t v) { rv_fcsr_write(c, 2, v); }
static void set_fcsr(struct emu_cpu *c, uint64_t v) { rv_fcsr_write(c, 3, v); }

#define X(n, i) {.name = n, .bits = 64, .offset = offsetof(struct rv_cpu, x) + 8 * (i)}
#define F(n, i) {.name = n, .bits = 64, .offset = offsetof(struct rv_cpu, f) + 8 * (i)}
const struct isa_reg rv_gdb_regs[] = {
    {.name = "zero", .bits = 64, .get = get_zero, .set = set_ignore},
    X("ra", 1), X("sp", 2), X("gp", 3), X("tp", 4), X("t0", 5), X("t1", 6), X("t2", 7), X("fp", 8), X("s1", 9),
    X("a0", 10), X("a1", 11), X("a2", 12), X("a3", 13), X("a4", 14), X("a5", 15), X("a6", 16), X("a7", 17),
    X("s2", 18), X("s3", 19), X("s4", 20), X("s5", 21), X("s6", 22), X("s7", 23), X("s8", 24), X("s9", 25),
    X("s10", 26), X("s11", 27), X("t3", 28), X("t4", 29), X("t5", 30), X("t6", 31),
    {.name = "pc", .bits = 64, .offset = offsetof(struct emu_cpu, pc)},
    F("ft0", 0), F("ft1", 1), F("ft2", 2), F("ft3", 3), F("ft4", 4), F("ft5", 5), F("ft6", 6), F("ft7", 7),
    F("fs0", 8), F("fs1", 9), F("fa0", 10), F("fa1", 11), F("fa2", 12), F("fa3", 13), F("fa4", 14), F("fa5", 15),
    F("fa6", 16), F("fa7", 17), F("fs2", 18), F("fs3", 19), F("fs4", 20), F("fs5", 21), F("fs6", 22), F("fs7", 23),
    F("fs8", 24), F("fs9", 25), F("fs10", 26), F("fs11", 27), F("ft8", 28), F("ft9", 29), F("ft10", 30), F("ft11", 31),
    {.name = "fflags", .bits = 32, .get = get_fflags, .set = set_fflags},
    {.name = "frm", .bits = 32, .get = get_frm, .set = set_frm},
    {.name = "fcsr", .bits = 32, .get = get_fcsr, .set = set_fcsr},
    {.name = NULL},
};

/* Target description: target.xml includes the cpu and fpu features (gdb's standard riscv feature names). */
const char *const rv_gdb_xml[] = {
    "target.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
    "<target version=\"1.0\">\n"
    "  <architecture>riscv:rv64</architecture>\n"
    "  <osabi>GNU/Linux</osabi>\n"
    "  <xi:include href=\"riscv-64bit-cpu.xml\"/>\n"
    "  <xi:include href=\"riscv-64bit-fpu.xml\"/>\n"
    "</target>\n",
    "riscv-64bit-cpu.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
    "<feature name=\"org.gnu.gdb.riscv.cpu\">\n"
    "  <reg name=\"zero\" bitsize=\"64\" regnum=\"0\" type=\"int\"/>\n"
    "  <reg name=\"ra\" bitsize=\"64\" regnum=\"1\" type=\"code_ptr\"/>\n"
    "  <reg name=\"sp\" bitsize=\"64\" regnum=\"2\" type=\"data_ptr\"/>\n"
    "  <reg name=\"gp\" bitsize=\"64\" regnum=\"3\" type=\"data_ptr\"/>\n"
    "  <reg name=\"tp\" bitsize=\"64\" regnum=\"4\" type=\"data_ptr\"/>\n"
    "  <reg name=\"t0\" bitsize=\"64\" regnum=\"5\" type=\"int\"/>\n"
    "  <reg name=\"t1\" bitsize=\"64\" regnum=\"6\" type=\"int\"/>\n"
    "  <reg name=\"t2\" bitsize=\"64\" regnum=\"7\" type=\"int\"/>\n"
    "  <reg name=\"fp\" bitsize=\"64\" regnum=\"8\" type=\"data_ptr\"/>\n"
    "  <reg name=\"s1\" bitsize=\"64\" regnum=\"9\" type=\"int\"/>\n"
    "  <reg name=\"a0\" bitsize=\"64\" regnum=\"10\" type=\"int\"/>\n"
    "  <reg name=\"a1\" bitsize=\"64\" regnum=\"11\" type=\"int\"/>\n"
    "  <reg name=\"a2\" bitsize=\"64\" regnum=\"12\" type=\"int\"/>\n"
    "  <reg name=\"a3\" bitsize=\"64\" regnum=\"13\" type=\"int\"/>\n"
    "  <reg name=\"a4\" bitsize=\"64\" regnum=\"14\" type=\"int\"/>\n"
    "  <reg name=\"a5\" bitsize=\"64\" regnum=\"15\" type=\"int\"/>\n"
    "  <reg name=\"a6\" bitsize=\"64\" regnum=\"16\" type=\"int\"/>\n"
    "  <reg name=\"a7\" bitsize=\"64\" regnum=\"17\" type=\"int\"/>\n"
    "  <reg name=\"s2\" bitsize=\"64\" regnum=\"18\" type=\"int\"/>\n"
    "  <reg name=\"s3\" bitsize=\"64\" regnum=\"19\" type=\"int\"/>\n"
    "  <reg name=\"s4\" bitsize=\"64\" regnum=\"20\" type=\"int\"/>\n"
    "  <reg name=\"s5\" bitsize=\"64\" regnum=\"21\" type=\"int\"/>\n"
    "  <reg name=\"s6\" bitsize=\"64\" regnum=\"22\" type=\"int\"/>\n"
    "  <reg name=\"s7\" bitsize=\"64\" regnum=\"23\" type=\"int\"/>\n"
    "  <reg name=\"s8\" bitsize=\"64\" regnum=\"24\" type=\"int\"/>\n"
    "  <reg name=\"s9\" bitsize=\"64\" regnum=\"25\" type=\"int\"/>\n"
    "  <reg name=\"s10\" bitsize=\"64\" regnum=\"26\" type=\"int\"/>\n"
    "  <reg name=\"s11\" bitsize=\"64\" regnum=\"27\" type=\"int\"/>\n"
    "  <reg name=\"t3\" bitsize=\"64\" regnum=\"28\" type=\"int\"/>\n"
    "  <reg name=\"t4\" bitsize=\"64\" regnum=\"29\" type=\"int\"/>\n"
    "  <reg name=\"t5\" bitsize=\"64\" regnum=\"30\" type=\"int\"/>\n"
    "  <reg name=\"t6\" bitsize=\"64\" regnum=\"31\" type=\"int\"/>\n"
    "  <reg name=\"pc\" bitsize=\"64\" regnum=\"32\" type=\"code_ptr\"/>\n"
    "</feature>\n",
    "riscv-64bit-fpu.xml",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
    "<feature name=\"org.gnu.gdb.riscv.fpu\">\n"
    "  <union id=\"riscv_double\">\n"
    "    <field name=\"float\" type=\"ieee_single\"/>\n"
    "    <field name=\"double\" type=\"ieee_double\"/>\n"
    "  </union>\n"
    "  <reg name=\"ft0\" bitsize=\"64\" regnum=\"33\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft1\" bitsize=\"64\" regnum=\"34\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft2\" bitsize=\"64\" regnum=\"35\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft3\" bitsize=\"64\" regnum=\"36\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft4\" bitsize=\"64\" regnum=\"37\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft5\" bitsize=\"64\" regnum=\"38\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft6\" bitsize=\"64\" regnum=\"39\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft7\" bitsize=\"64\" regnum=\"40\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs0\" bitsize=\"64\" regnum=\"41\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs1\" bitsize=\"64\" regnum=\"42\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fa0\" bitsize=\"64\" regnum=\"43\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fa1\" bitsize=\"64\" regnum=\"44\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fa2\" bitsize=\"64\" regnum=\"45\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fa3\" bitsize=\"64\" regnum=\"46\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fa4\" bitsize=\"64\" regnum=\"47\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fa5\" bitsize=\"64\" regnum=\"48\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fa6\" bitsize=\"64\" regnum=\"49\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fa7\" bitsize=\"64\" regnum=\"50\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs2\" bitsize=\"64\" regnum=\"51\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs3\" bitsize=\"64\" regnum=\"52\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs4\" bitsize=\"64\" regnum=\"53\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs5\" bitsize=\"64\" regnum=\"54\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs6\" bitsize=\"64\" regnum=\"55\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs7\" bitsize=\"64\" regnum=\"56\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs8\" bitsize=\"64\" regnum=\"57\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs9\" bitsize=\"64\" regnum=\"58\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs10\" bitsize=\"64\" regnum=\"59\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fs11\" bitsize=\"64\" regnum=\"60\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft8\" bitsize=\"64\" regnum=\"61\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft9\" bitsize=\"64\" regnum=\"62\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft10\" bitsize=\"64\" regnum=\"63\" type=\"riscv_double\"/>\n"
    "  <reg name=\"ft11\" bitsize=\"64\" regnum=\"64\" type=\"riscv_double\"/>\n"
    "  <reg name=\"fflags\" bitsize=\"32\" regnum=\"65\" type=\"int\"/>\n"
    "  <reg name=\"frm\" bitsize=\"32\" regnum=\"66\" type=\"int\"/>\n"
    "  <reg name=\"fcsr\" bitsize=\"32\" regnum=\"67\" type=\"int\"/>\n"
    "</feature>\n",
    NULL,
};
