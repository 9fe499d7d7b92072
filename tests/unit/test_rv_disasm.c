/* Unit test for the riscv64 disassembler (rv_disasm) and RVC expander (rv_expand_compressed). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "disasm.h"

struct dvec { uint64_t pc; uint32_t insn; int len; const char *text; };
struct evec { uint16_t c; uint32_t w; };

/* Expected text produced by GNU objdump 2.40 (riscv64-linux-gnu-objdump -d) on a linked
   rv64gc test program, normalised to our syntax: one space after the mnemonic, ", "
   between operands, absolute 0x-prefixed branch targets, and canonical immediate
   mnemonics where objdump 2.40 prints its "register-form with immediate" aliases
   (it shows slli as "sll a0,a1,0x3", c.addi16sp as "add sp,sp,-16", csrrsi as "csrrs"). */
static const struct dvec objdump_vecs[] = {
    { 0x10078, 0x12345537, 4, "lui a0, 0x12345" },
    { 0x1007c, 0xffffffb7, 4, "lui t6, 0xfffff" },
    { 0x10080, 0x00000517, 4, "auipc a0, 0x0" },
    { 0x10084, 0x80000097, 4, "auipc ra, 0x80000" },
    { 0x10088, 0x3f8000ef, 4, "jal 0x10480" },
    { 0x1008c, 0xfedff06f, 4, "j 0x10078" },
    { 0x10090, 0x3f00056f, 4, "jal a0, 0x10480" },
    { 0x10094, 0x000500e7, 4, "jalr a0" },
    { 0x10098, 0x00008067, 4, "ret" },
    { 0x1009c, 0x00030067, 4, "jr t1" },
    { 0x100a0, 0x010780e7, 4, "jalr 16(a5)" },
    { 0x100a4, 0xff878067, 4, "jr -8(a5)" },
    { 0x100a8, 0x000504e7, 4, "jalr s1, a0" },
    { 0x100ac, 0x00c504e7, 4, "jalr s1, 12(a0)" },
    { 0x100b0, 0x3cb50863, 4, "beq a0, a1, 0x10480" },
    { 0x100b4, 0xfc9412e3, 4, "bne s0, s1, 0x10078" },
    { 0x100b8, 0x3cd64463, 4, "blt a2, a3, 0x10480" },
    { 0x100bc, 0x3cf75263, 4, "bge a4, a5, 0x10480" },
    { 0x100c0, 0xfa62ece3, 4, "bltu t0, t1, 0x10078" },
    { 0x100c4, 0x3bc3fe63, 4, "bgeu t2, t3, 0x10480" },
    { 0x100c8, 0x3a050c63, 4, "beqz a0, 0x10480" },
    { 0x100cc, 0x3a051a63, 4, "bnez a0, 0x10480" },
    { 0x100d0, 0x3aa05863, 4, "blez a0, 0x10480" },
    { 0x100d4, 0x3a055663, 4, "bgez a0, 0x10480" },
    { 0x100d8, 0x3a054463, 4, "bltz a0, 0x10480" },
    { 0x100dc, 0x3aa04263, 4, "bgtz a0, 0x10480" },
    { 0x100e0, 0x00058503, 4, "lb a0, 0(a1)" },
    { 0x100e4, 0xffe59503, 4, "lh a0, -2(a1)" },
    { 0x100e8, 0x00412503, 4, "lw a0, 4(sp)" },
    { 0x100ec, 0x7f813083, 4, "ld ra, 2040(sp)" },
    { 0x100f0, 0x80044283, 4, "lbu t0, -2048(s0)" },
    { 0x100f4, 0x0061d303, 4, "lhu t1, 6(gp)" },
    { 0x100f8, 0x06426883, 4, "lwu a7, 100(tp)" },
    { 0x100fc, 0x00a58023, 4, "sb a0, 0(a1)" },
    { 0x10100, 0xfeb61f23, 4, "sh a1, -2(a2)" },
    { 0x10104, 0x01212423, 4, "sw s2, 8(sp)" },
    { 0x10108, 0xfe143c23, 4, "sd ra, -8(s0)" },
    { 0x1010c, 0x00000013, 4, "nop" },
    { 0x10110, 0x02a00513, 4, "li a0, 42" },
    { 0x10114, 0x80000513, 4, "li a0, -2048" },
    { 0x10118, 0x00058513, 4, "mv a0, a1" },
    { 0x1011c, 0xfe010113, 4, "addi sp, sp, -32" },
    { 0x10120, 0xffb5a513, 4, "slti a0, a1, -5" },
    { 0x10124, 0x0015b513, 4, "seqz a0, a1" },
    { 0x10128, 0x0075b513, 4, "sltiu a0, a1, 7" },
    { 0x1012c, 0xfff5c513, 4, "not a0, a1" },
    { 0x10130, 0x00c5c513, 4, "xori a0, a1, 12" },
    { 0x10134, 0x7ff5e513, 4, "ori a0, a1, 2047" },
    { 0x10138, 0x0ff5f513, 4, "zext.b a0, a1" },
    { 0x1013c, 0xff05f513, 4, "andi a0, a1, -16" },
    { 0x10140, 0x03f59513, 4, "slli a0, a1, 0x3f" },
    { 0x10144, 0x0015d513, 4, "srli a0, a1, 0x1" },
    { 0x10148, 0x4205d513, 4, "srai a0, a1, 0x20" },
    { 0x1014c, 0x0005851b, 4, "sext.w a0, a1" },
    { 0x10150, 0xfff5851b, 4, "addiw a0, a1, -1" },
    { 0x10154, 0x01f5951b, 4, "slliw a0, a1, 0x1f" },
    { 0x10158, 0x0055d51b, 4, "srliw a0, a1, 0x5" },
    { 0x1015c, 0x4005d51b, 4, "sraiw a0, a1, 0x0" },
    { 0x10160, 0x00c58533, 4, "add a0, a1, a2" },
    { 0x10164, 0x40c58533, 4, "sub a0, a1, a2" },
    { 0x10168, 0x40c00533, 4, "neg a0, a2" },
    { 0x1016c, 0x00c59533, 4, "sll a0, a1, a2" },
    { 0x10170, 0x00c5a533, 4, "slt a0, a1, a2" },
    { 0x10174, 0x0005a533, 4, "sltz a0, a1" },
    { 0x10178, 0x00c02533, 4, "sgtz a0, a2" },
    { 0x1017c, 0x00c5b533, 4, "sltu a0, a1, a2" },
    { 0x10180, 0x00c03533, 4, "snez a0, a2" },
    { 0x10184, 0x00c5c533, 4, "xor a0, a1, a2" },
    { 0x10188, 0x00c5d533, 4, "srl a0, a1, a2" },
    { 0x1018c, 0x40c5d533, 4, "sra a0, a1, a2" },
    { 0x10190, 0x00c5e533, 4, "or a0, a1, a2" },
    { 0x10194, 0x00c5f533, 4, "and a0, a1, a2" },
    { 0x10198, 0x00b00533, 4, "add a0, zero, a1" },
    { 0x1019c, 0x00c5853b, 4, "addw a0, a1, a2" },
    { 0x101a0, 0x40c5853b, 4, "subw a0, a1, a2" },
    { 0x101a4, 0x40c0053b, 4, "negw a0, a2" },
    { 0x101a8, 0x00c5953b, 4, "sllw a0, a1, a2" },
    { 0x101ac, 0x00c5d53b, 4, "srlw a0, a1, a2" },
    { 0x101b0, 0x40c5d53b, 4, "sraw a0, a1, a2" },
    { 0x101b4, 0x0ff0000f, 4, "fence" },
    { 0x101b8, 0x0330000f, 4, "fence rw, rw" },
    { 0x101bc, 0x0210000f, 4, "fence r, w" },
    { 0x101c0, 0x0840000f, 4, "fence i, o" },
    { 0x101c4, 0x8330000f, 4, "fence.tso" },
    { 0x101c8, 0x0000100f, 4, "fence.i" },
    { 0x101cc, 0x00000073, 4, "ecall" },
    { 0x101d0, 0x00100073, 4, "ebreak" },
    { 0x101d4, 0xc0001073, 4, "unimp" },
    { 0x101d8, 0x02c58533, 4, "mul a0, a1, a2" },
    { 0x101dc, 0x02c59533, 4, "mulh a0, a1, a2" },
    { 0x101e0, 0x02c5a533, 4, "mulhsu a0, a1, a2" },
    { 0x101e4, 0x02c5b533, 4, "mulhu a0, a1, a2" },
    { 0x101e8, 0x02c5c533, 4, "div a0, a1, a2" },
    { 0x101ec, 0x02c5d533, 4, "divu a0, a1, a2" },
    { 0x101f0, 0x02c5e533, 4, "rem a0, a1, a2" },
    { 0x101f4, 0x02c5f533, 4, "remu a0, a1, a2" },
    { 0x101f8, 0x027302bb, 4, "mulw t0, t1, t2" },
    { 0x101fc, 0x027342bb, 4, "divw t0, t1, t2" },
    { 0x10200, 0x027352bb, 4, "divuw t0, t1, t2" },
    { 0x10204, 0x027362bb, 4, "remw t0, t1, t2" },
    { 0x10208, 0x027372bb, 4, "remuw t0, t1, t2" },
    { 0x1020c, 0x1005a52f, 4, "lr.w a0, (a1)" },
    { 0x10210, 0x1405b52f, 4, "lr.d.aq a0, (a1)" },
    { 0x10214, 0x160132af, 4, "lr.d.aqrl t0, (sp)" },
    { 0x10218, 0x18c5a52f, 4, "sc.w a0, a2, (a1)" },
    { 0x1021c, 0x1ac5b52f, 4, "sc.d.rl a0, a2, (a1)" },
    { 0x10220, 0x1ec5b52f, 4, "sc.d.aqrl a0, a2, (a1)" },
    { 0x10224, 0x08b6252f, 4, "amoswap.w a0, a1, (a2)" },
    { 0x10228, 0x0cb6352f, 4, "amoswap.d.aq a0, a1, (a2)" },
    { 0x1022c, 0x06b6252f, 4, "amoadd.w.aqrl a0, a1, (a2)" },
    { 0x10230, 0x00b6352f, 4, "amoadd.d a0, a1, (a2)" },
    { 0x10234, 0x22b6252f, 4, "amoxor.w.rl a0, a1, (a2)" },
    { 0x10238, 0x20b6352f, 4, "amoxor.d a0, a1, (a2)" },
    { 0x1023c, 0x60b6252f, 4, "amoand.w a0, a1, (a2)" },
    { 0x10240, 0x66b6352f, 4, "amoand.d.aqrl a0, a1, (a2)" },
    { 0x10244, 0x40b6252f, 4, "amoor.w a0, a1, (a2)" },
    { 0x10248, 0x40b6352f, 4, "amoor.d a0, a1, (a2)" },
    { 0x1024c, 0x80b6252f, 4, "amomin.w a0, a1, (a2)" },
    { 0x10250, 0x84b6352f, 4, "amomin.d.aq a0, a1, (a2)" },
    { 0x10254, 0xa0b6252f, 4, "amomax.w a0, a1, (a2)" },
    { 0x10258, 0xa0b6352f, 4, "amomax.d a0, a1, (a2)" },
    { 0x1025c, 0xc0b6252f, 4, "amominu.w a0, a1, (a2)" },
    { 0x10260, 0xc0b6352f, 4, "amominu.d a0, a1, (a2)" },
    { 0x10264, 0xe0b6252f, 4, "amomaxu.w a0, a1, (a2)" },
    { 0x10268, 0xe2b6352f, 4, "amomaxu.d.rl a0, a1, (a2)" },
    { 0x1026c, 0x00812507, 4, "flw fa0, 8(sp)" },
    { 0x10270, 0xfe852e27, 4, "fsw fs0, -4(a0)" },
    { 0x10274, 0x00c5f553, 4, "fadd.s fa0, fa1, fa2" },
    { 0x10278, 0x00c58553, 4, "fadd.s fa0, fa1, fa2, rne" },
    { 0x1027c, 0x0820f053, 4, "fsub.s ft0, ft1, ft2" },
    { 0x10280, 0x11249453, 4, "fmul.s fs0, fs1, fs2, rtz" },
    { 0x10284, 0x19eefe53, 4, "fdiv.s ft8, ft9, ft10" },
    { 0x10288, 0x5805f553, 4, "fsqrt.s fa0, fa1" },
    { 0x1028c, 0x5805a553, 4, "fsqrt.s fa0, fa1, rdn" },
    { 0x10290, 0x68c5f543, 4, "fmadd.s fa0, fa1, fa2, fa3" },
    { 0x10294, 0x68c5b547, 4, "fmsub.s fa0, fa1, fa2, fa3, rup" },
    { 0x10298, 0x68c5f54b, 4, "fnmsub.s fa0, fa1, fa2, fa3" },
    { 0x1029c, 0x68c5c54f, 4, "fnmadd.s fa0, fa1, fa2, fa3, rmm" },
    { 0x102a0, 0x20c58553, 4, "fsgnj.s fa0, fa1, fa2" },
    { 0x102a4, 0x20c59553, 4, "fsgnjn.s fa0, fa1, fa2" },
    { 0x102a8, 0x20c5a553, 4, "fsgnjx.s fa0, fa1, fa2" },
    { 0x102ac, 0x20b58553, 4, "fmv.s fa0, fa1" },
    { 0x102b0, 0x20b59553, 4, "fneg.s fa0, fa1" },
    { 0x102b4, 0x20b5a553, 4, "fabs.s fa0, fa1" },
    { 0x102b8, 0x28c58553, 4, "fmin.s fa0, fa1, fa2" },
    { 0x102bc, 0x28c59553, 4, "fmax.s fa0, fa1, fa2" },
    { 0x102c0, 0xa0c5a553, 4, "feq.s a0, fa1, fa2" },
    { 0x102c4, 0xa0c59553, 4, "flt.s a0, fa1, fa2" },
    { 0x102c8, 0xa0c58553, 4, "fle.s a0, fa1, fa2" },
    { 0x102cc, 0xe0059553, 4, "fclass.s a0, fa1" },
    { 0x102d0, 0xe0058553, 4, "fmv.x.w a0, fa1" },
    { 0x102d4, 0xf0058553, 4, "fmv.w.x fa0, a1" },
    { 0x102d8, 0xc0051553, 4, "fcvt.w.s a0, fa0, rtz" },
    { 0x102dc, 0xc0157553, 4, "fcvt.wu.s a0, fa0" },
    { 0x102e0, 0xc0251553, 4, "fcvt.l.s a0, fa0, rtz" },
    { 0x102e4, 0xc0353553, 4, "fcvt.lu.s a0, fa0, rup" },
    { 0x102e8, 0xd0057553, 4, "fcvt.s.w fa0, a0" },
    { 0x102ec, 0xd0150553, 4, "fcvt.s.wu fa0, a0, rne" },
    { 0x102f0, 0xd0257553, 4, "fcvt.s.l fa0, a0" },
    { 0x102f4, 0xd0351553, 4, "fcvt.s.lu fa0, a0, rtz" },
    { 0x102f8, 0x00813507, 4, "fld fa0, 8(sp)" },
    { 0x102fc, 0x8007bf87, 4, "fld ft11, -2048(a5)" },
    { 0x10300, 0x7fb43fa7, 4, "fsd fs11, 2047(s0)" },
    { 0x10304, 0x02c5f553, 4, "fadd.d fa0, fa1, fa2" },
    { 0x10308, 0x0ac59553, 4, "fsub.d fa0, fa1, fa2, rtz" },
    { 0x1030c, 0x12c5f553, 4, "fmul.d fa0, fa1, fa2" },
    { 0x10310, 0x1ac5c553, 4, "fdiv.d fa0, fa1, fa2, rmm" },
    { 0x10314, 0x5a05f553, 4, "fsqrt.d fa0, fa1" },
    { 0x10318, 0x6ac5f543, 4, "fmadd.d fa0, fa1, fa2, fa3" },
    { 0x1031c, 0x6ac5f547, 4, "fmsub.d fa0, fa1, fa2, fa3" },
    { 0x10320, 0x6ac5a54b, 4, "fnmsub.d fa0, fa1, fa2, fa3, rdn" },
    { 0x10324, 0x6ac5f54f, 4, "fnmadd.d fa0, fa1, fa2, fa3" },
    { 0x10328, 0x22c58553, 4, "fsgnj.d fa0, fa1, fa2" },
    { 0x1032c, 0x22c59553, 4, "fsgnjn.d fa0, fa1, fa2" },
    { 0x10330, 0x22c5a553, 4, "fsgnjx.d fa0, fa1, fa2" },
    { 0x10334, 0x22b58553, 4, "fmv.d fa0, fa1" },
    { 0x10338, 0x22b59553, 4, "fneg.d fa0, fa1" },
    { 0x1033c, 0x22b5a553, 4, "fabs.d fa0, fa1" },
    { 0x10340, 0x2ac58553, 4, "fmin.d fa0, fa1, fa2" },
    { 0x10344, 0x2ac59553, 4, "fmax.d fa0, fa1, fa2" },
    { 0x10348, 0x4015f553, 4, "fcvt.s.d fa0, fa1" },
    { 0x1034c, 0x40159553, 4, "fcvt.s.d fa0, fa1, rtz" },
    { 0x10350, 0x42058553, 4, "fcvt.d.s fa0, fa1" },
    { 0x10354, 0xa2c5a553, 4, "feq.d a0, fa1, fa2" },
    { 0x10358, 0xa2c59553, 4, "flt.d a0, fa1, fa2" },
    { 0x1035c, 0xa2c58553, 4, "fle.d a0, fa1, fa2" },
    { 0x10360, 0xe2059553, 4, "fclass.d a0, fa1" },
    { 0x10364, 0xc2051553, 4, "fcvt.w.d a0, fa0, rtz" },
    { 0x10368, 0xc2057553, 4, "fcvt.w.d a0, fa0" },
    { 0x1036c, 0xc2150553, 4, "fcvt.wu.d a0, fa0, rne" },
    { 0x10370, 0xc2251553, 4, "fcvt.l.d a0, fa0, rtz" },
    { 0x10374, 0xc2357553, 4, "fcvt.lu.d a0, fa0" },
    { 0x10378, 0xd2050553, 4, "fcvt.d.w fa0, a0" },
    { 0x1037c, 0xd2150553, 4, "fcvt.d.wu fa0, a0" },
    { 0x10380, 0xd2257553, 4, "fcvt.d.l fa0, a0" },
    { 0x10384, 0xd2253553, 4, "fcvt.d.l fa0, a0, rup" },
    { 0x10388, 0xd2357553, 4, "fcvt.d.lu fa0, a0" },
    { 0x1038c, 0xe2050553, 4, "fmv.x.d a0, fa0" },
    { 0x10390, 0xf2050553, 4, "fmv.d.x fa0, a0" },
    { 0x10394, 0x10059573, 4, "csrrw a0, sstatus, a1" },
    { 0x10398, 0x10059073, 4, "csrw sstatus, a1" },
    { 0x1039c, 0x00159573, 4, "fsflags a0, a1" },
    { 0x103a0, 0x00159073, 4, "fsflags a1" },
    { 0x103a4, 0x00259573, 4, "fsrm a0, a1" },
    { 0x103a8, 0x00259073, 4, "fsrm a1" },
    { 0x103ac, 0x00359573, 4, "fscsr a0, a1" },
    { 0x103b0, 0x00359073, 4, "fscsr a1" },
    { 0x103b4, 0x00102573, 4, "frflags a0" },
    { 0x103b8, 0x00202573, 4, "frrm a0" },
    { 0x103bc, 0x00302573, 4, "frcsr a0" },
    { 0x103c0, 0xc0002573, 4, "rdcycle a0" },
    { 0x103c4, 0xc0102573, 4, "rdtime a0" },
    { 0x103c8, 0xc0202573, 4, "rdinstret a0" },
    { 0x103cc, 0x10002573, 4, "csrr a0, sstatus" },
    { 0x103d0, 0x7c002573, 4, "csrr a0, 0x7c0" },
    { 0x103d4, 0x3005a073, 4, "csrs mstatus, a1" },
    { 0x103d8, 0x3005a573, 4, "csrrs a0, mstatus, a1" },
    { 0x103dc, 0x3005b073, 4, "csrc mstatus, a1" },
    { 0x103e0, 0x3005b573, 4, "csrrc a0, mstatus, a1" },
    { 0x103e4, 0x0012d573, 4, "fsflagsi a0, 5" },
    { 0x103e8, 0x0020d573, 4, "fsrmi a0, 1" },
    { 0x103ec, 0x305fd073, 4, "csrwi mtvec, 31" },
    { 0x103f0, 0x305fd573, 4, "csrrwi a0, mtvec, 31" },
    { 0x103f4, 0x10416073, 4, "csrsi sie, 2" },
    { 0x103f8, 0x10416573, 4, "csrrsi a0, sie, 2" },
    { 0x103fc, 0x10417073, 4, "csrci sie, 2" },
    { 0x10400, 0x10417573, 4, "csrrci a0, sie, 2" },
    { 0x10404, 0xc03022f3, 4, "csrr t0, hpmcounter3" },
    { 0x10408, 0x10200073, 4, "sret" },
    { 0x1040c, 0x30200073, 4, "mret" },
    { 0x10410, 0x10500073, 4, "wfi" },
    { 0x10414, 0x12000073, 4, "sfence.vma" },
    { 0x10418, 0x12050073, 4, "sfence.vma a0" },
    { 0x1041c, 0x12b50073, 4, "sfence.vma a0, a1" },
    { 0x10420, 0x0808, 2, "addi a0, sp, 16" },
    { 0x10422, 0x1fe4, 2, "addi s1, sp, 1020" },
    { 0x10424, 0x2588, 2, "fld fa0, 8(a1)" },
    { 0x10426, 0x41c8, 2, "lw a0, 4(a1)" },
    { 0x10428, 0x5fe0, 2, "lw s0, 124(a5)" },
    { 0x1042a, 0x7de8, 2, "ld a0, 248(a1)" },
    { 0x1042c, 0xa01c, 2, "fsd fa5, 0(s0)" },
    { 0x1042e, 0xc1a8, 2, "sw a0, 64(a1)" },
    { 0x10430, 0xe588, 2, "sd a0, 8(a1)" },
    { 0x10432, 0x0001, 2, "nop" },
    { 0x10434, 0x0505, 2, "addi a0, a0, 1" },
    { 0x10436, 0x1101, 2, "addi sp, sp, -32" },
    { 0x10438, 0x357d, 2, "addiw a0, a0, -1" },
    { 0x1043a, 0x2501, 2, "sext.w a0, a0" },
    { 0x1043c, 0x4505, 2, "li a0, 1" },
    { 0x1043e, 0x5781, 2, "li a5, -32" },
    { 0x10440, 0x717d, 2, "addi sp, sp, -16" },
    { 0x10442, 0x617d, 2, "addi sp, sp, 496" },
    { 0x10444, 0x6505, 2, "lui a0, 0x1" },
    { 0x10446, 0x7581, 2, "lui a1, 0xfffe0" },
    { 0x10448, 0x810d, 2, "srli a0, a0, 0x3" },
    { 0x1044a, 0x95fd, 2, "srai a1, a1, 0x3f" },
    { 0x1044c, 0x9a7d, 2, "andi a2, a2, -1" },
    { 0x1044e, 0x8d0d, 2, "sub a0, a0, a1" },
    { 0x10450, 0x8c25, 2, "xor s0, s0, s1" },
    { 0x10452, 0x8f5d, 2, "or a4, a4, a5" },
    { 0x10454, 0x8ef1, 2, "and a3, a3, a2" },
    { 0x10456, 0x9d0d, 2, "subw a0, a0, a1" },
    { 0x10458, 0x9d2d, 2, "addw a0, a0, a1" },
    { 0x1045a, 0xb939, 2, "j 0x10078" },
    { 0x1045c, 0xa015, 2, "j 0x10480" },
    { 0x1045e, 0xc10d, 2, "beqz a0, 0x10480" },
    { 0x10460, 0xf0e1, 2, "bnez s1, 0x10420" },
    { 0x10462, 0xcf99, 2, "beqz a5, 0x10480" },
    { 0x10464, 0x050a, 2, "slli a0, a0, 0x2" },
    { 0x10466, 0x1ffe, 2, "slli t6, t6, 0x3f" },
    { 0x10468, 0x2522, 2, "fld fa0, 8(sp)" },
    { 0x1046a, 0x557e, 2, "lw a0, 252(sp)" },
    { 0x1046c, 0x70fe, 2, "ld ra, 504(sp)" },
    { 0x1046e, 0x8082, 2, "ret" },
    { 0x10470, 0x8502, 2, "jr a0" },
    { 0x10472, 0x852e, 2, "mv a0, a1" },
    { 0x10474, 0x9002, 2, "ebreak" },
    { 0x10476, 0x9782, 2, "jalr a5" },
    { 0x10478, 0x952e, 2, "add a0, a0, a1" },
    { 0x1047a, 0xbfa2, 2, "fsd fs0, 504(sp)" },
    { 0x1047c, 0xc22a, 2, "sw a0, 4(sp)" },
    { 0x1047e, 0xe406, 2, "sd ra, 8(sp)" },
    { 0x10480, 0x0001, 2, "nop" },
};

/* Edge cases and deliberate differences from objdump 2.40. */
static const struct dvec extra_vecs[] = {
    /* illegal / reserved 16-bit encodings */
    { 0x1000, 0x0000, 2, "unimp" },
    { 0x1000, 0x00000000, 2, "unimp" },          /* all-zero word is the 16-bit unimp */
    { 0x1000, 0x6101, 2, ".insn 0x6101" },       /* c.addi16sp with imm 0 (objdump accepts it) */
    { 0x1000, 0x0004, 2, ".insn 0x0004" },       /* c.addi4spn with imm 0 */
    { 0x1000, 0x8000, 2, ".insn 0x8000" },       /* quadrant 0, funct3 100 */
    { 0x1000, 0x9c41, 2, ".insn 0x9c41" },       /* reserved CA encoding */
    { 0x1000, 0x2001, 2, ".insn 0x2001" },       /* c.addiw with rd=x0 */
    { 0x1000, 0x4002, 2, ".insn 0x4002" },       /* c.lwsp with rd=x0 */
    { 0x1000, 0x6002, 2, ".insn 0x6002" },       /* c.ldsp with rd=x0 */
    { 0x1000, 0x8002, 2, ".insn 0x8002" },       /* c.jr with rs1=x0 */
    { 0x1000, 0x6501, 2, ".insn 0x6501" },       /* c.lui with imm 0 */
    /* HINTs print as their expanded form (objdump: c.nop 1, c.li zero,1, c.mv zero,ra, ...) */
    { 0x1000, 0x0005, 2, "li zero, 1" },
    { 0x1000, 0x4005, 2, "li zero, 1" },
    { 0x1000, 0x8006, 2, "mv zero, ra" },
    { 0x1000, 0x0002, 2, "slli zero, zero, 0x0" },
    { 0x1000, 0x8001, 2, "srli s0, s0, 0x0" },
    /* fence with an empty set, pause (objdump 2.40 without Zihintpause: "fence w,unknown") */
    { 0x1000, 0x0100000f, 4, "pause" },
    { 0x1000, 0x0000000f, 4, "fence 0, 0" },
    { 0x1000, 0x0600000f, 4, "fence or, 0" },
    /* reserved rounding modes 5 and 6 (objdump prints ",unknown") */
    { 0x1000, 0x00005053, 4, ".insn 0x00005053" },
    { 0x1000, 0x02006053, 4, ".insn 0x02006053" },
    /* exact conversions with a non-rne rounding mode (rejected by objdump 2.40, legal per spec) */
    { 0x1000, 0xd2051553, 4, "fcvt.d.w fa0, a0, rtz" },
    { 0x1000, 0xd2057553, 4, "fcvt.d.w fa0, a0, dyn" },
    { 0x1000, 0x42059553, 4, "fcvt.d.s fa0, fa1, rtz" },
    /* unknown 32-bit encodings */
    { 0x1000, 0xffffffff, 4, ".insn 0xffffffff" },
    { 0x1000, 0x1015b52f, 4, ".insn 0x1015b52f" }, /* lr.d with rs2 != 0 */
    { 0x1000, 0x0000007f, 4, ".insn 0x0000007f" },
    { 0x1000, 0x0010100f, 4, ".insn 0x0010100f" }, /* fence.i with non-zero imm */
    /* CSR names */
    { 0x1000, 0x7c0025f3, 4, "csrr a1, 0x7c0" },
    { 0x1000, 0xc1f02573, 4, "csrr a0, hpmcounter31" },
    { 0x1000, 0xb0002573, 4, "csrr a0, mcycle" },
    /* branch targets wrap at 64 bits and use the given pc */
    { 0x0, 0xffdff06f, 4, "j 0xfffffffffffffffc" },
    { 0xffffffff80000000ull, 0x7ffff06f, 4, "j 0xffffffff800ffffe" },
    { 0x400000, 0xfe0508e3, 4, "beqz a0, 0x3ffff0" },
    { 0x400000, 0xbffd, 2, "j 0x3ffffe" },
};

/* RVC expansion: compressed halfword -> equivalent 32-bit word (assembled by GNU as). */
static const struct evec expand_vecs[] = {
    { 0x0808, 0x01010513 }, /* addi a0,sp,16 */
    { 0x1fe4, 0x3fc10493 }, /* addi s1,sp,1020 */
    { 0x2588, 0x0085b507 }, /* fld fa0,8(a1) */
    { 0x41c8, 0x0045a503 }, /* lw a0,4(a1) */
    { 0x5fe0, 0x07c7a403 }, /* lw s0,124(a5) */
    { 0x7de8, 0x0f85b503 }, /* ld a0,248(a1) */
    { 0xa01c, 0x00f43027 }, /* fsd fa5,0(s0) */
    { 0xc1a8, 0x04a5a023 }, /* sw a0,64(a1) */
    { 0xe588, 0x00a5b423 }, /* sd a0,8(a1) */
    { 0x0001, 0x00000013 }, /* addi zero,zero,0 */
    { 0x0505, 0x00150513 }, /* addi a0,a0,1 */
    { 0x1101, 0xfe010113 }, /* addi sp,sp,-32 */
    { 0x357d, 0xfff5051b }, /* addiw a0,a0,-1 */
    { 0x2501, 0x0005051b }, /* addiw a0,a0,0 */
    { 0x4505, 0x00100513 }, /* addi a0,zero,1 */
    { 0x5781, 0xfe000793 }, /* addi a5,zero,-32 */
    { 0x717d, 0xff010113 }, /* addi sp,sp,-16 */
    { 0x617d, 0x1f010113 }, /* addi sp,sp,496 */
    { 0x6505, 0x00001537 }, /* lui a0,0x1 */
    { 0x7581, 0xfffe05b7 }, /* lui a1,0xfffe0 */
    { 0x810d, 0x00355513 }, /* srli a0,a0,0x3 */
    { 0x95fd, 0x43f5d593 }, /* srai a1,a1,0x3f */
    { 0x9a7d, 0xfff67613 }, /* andi a2,a2,-1 */
    { 0x8d0d, 0x40b50533 }, /* sub a0,a0,a1 */
    { 0x8c25, 0x00944433 }, /* xor s0,s0,s1 */
    { 0x8f5d, 0x00f76733 }, /* or a4,a4,a5 */
    { 0x8ef1, 0x00c6f6b3 }, /* and a3,a3,a2 */
    { 0x9d0d, 0x40b5053b }, /* subw a0,a0,a1 */
    { 0x9d2d, 0x00b5053b }, /* addw a0,a0,a1 */
    { 0xb939, 0xc1fff06f }, /* jal zero,.-994 */
    { 0xa015, 0x0240006f }, /* jal zero,.+36 */
    { 0xc10d, 0x02050163 }, /* beq a0,zero,.+34 */
    { 0xf0e1, 0xfc0490e3 }, /* bne s1,zero,.-64 */
    { 0xcf99, 0x00078f63 }, /* beq a5,zero,.+30 */
    { 0x050a, 0x00251513 }, /* slli a0,a0,0x2 */
    { 0x1ffe, 0x03ff9f93 }, /* slli t6,t6,0x3f */
    { 0x2522, 0x00813507 }, /* fld fa0,8(sp) */
    { 0x557e, 0x0fc12503 }, /* lw a0,252(sp) */
    { 0x70fe, 0x1f813083 }, /* ld ra,504(sp) */
    { 0x8082, 0x00008067 }, /* jalr zero,0(ra) */
    { 0x8502, 0x00050067 }, /* jalr zero,0(a0) */
    { 0x852e, 0x00b00533 }, /* add a0,zero,a1 */
    { 0x9002, 0x00100073 }, /* ebreak */
    { 0x9782, 0x000780e7 }, /* jalr ra,0(a5) */
    { 0x952e, 0x00b50533 }, /* add a0,a0,a1 */
    { 0xbfa2, 0x1e813c27 }, /* fsd fs0,504(sp) */
    { 0xc22a, 0x00a12223 }, /* sw a0,4(sp) */
    { 0xe406, 0x00113423 }, /* sd ra,8(sp) */
    /* HINTs */
    { 0x0005, 0x00100013 }, /* c.nop 1 -> addi zero,zero,1 */
    { 0x4005, 0x00100013 }, /* c.li zero,1 -> addi zero,zero,1 */
    { 0x0002, 0x00001013 }, /* c.slli64 zero -> slli zero,zero,0 */
    { 0x8006, 0x00100033 }, /* c.mv zero,ra -> add zero,zero,ra */
    { 0x6005, 0x00001037 }, /* c.lui zero,1 -> lui zero,0x1 */
};

/* Illegal or reserved compressed encodings: rv_expand_compressed must return 0. */
static const uint16_t reserved_vecs[] = {
    0x0000, 0x0004, 0x0008, 0x001c, 0x6101, 0x6501, 0x6001, 0x6081, 0x2001, 0x4002,
    0x6002, 0x8002, 0x8000, 0x9000, 0x9c41, 0x9c61, 0x9c5d,
};

static int failures;
static int checks;

static void check_disasm(const struct dvec *v)
{
    char buf[96];
    memset(buf, 'X', sizeof buf);
    int len = rv_disasm(v->pc, v->insn, buf, sizeof buf);
    checks++;
    if (len != v->len || strcmp(buf, v->text) != 0) {
        failures++;
        printf("FAIL disasm pc=0x%llx insn=0x%08x: got %d \"%s\", want %d \"%s\"\n",
               (unsigned long long)v->pc, (unsigned)v->insn, len, buf, v->len, v->text);
    }
}

static void check_expand(uint16_t c, uint32_t want)
{
    uint32_t got = rv_expand_compressed(c);
    checks++;
    if (got != want) {
        failures++;
        printf("FAIL expand 0x%04x: got 0x%08x, want 0x%08x\n", (unsigned)c, (unsigned)got, (unsigned)want);
    }
}

/* Truncation: output is cut but always NUL-terminated; NULL/0-sized buffers are allowed. */
static void check_truncation(void)
{
    char buf[8];
    int len = rv_disasm(0, 0x06b6252f, buf, sizeof buf); /* amoadd.w.aqrl a0, a1, (a2) */
    checks++;
    if (len != 4 || strcmp(buf, "amoadd.") != 0) {
        failures++;
        printf("FAIL truncation: got %d \"%s\"\n", len, buf);
    }
    checks++;
    if (rv_disasm(0, 0x8082, NULL, 0) != 2 || rv_disasm(0, 0x00b50533, buf, 0) != 4) {
        failures++;
        printf("FAIL NULL/zero-size buffer\n");
    }
}

/* Every 16-bit pattern: length 2, and text is ".insn"/"unimp" exactly when expansion fails. */
static void check_all_compressed(void)
{
    int bad = 0;
    for (uint32_t c = 0; c < 0x10000; c++) {
        if ((c & 3) == 3) continue;
        char buf[64];
        int len = rv_disasm(0x1000, c, buf, sizeof buf);
        uint32_t w = rv_expand_compressed((uint16_t)c);
        int unknown = strncmp(buf, ".insn", 5) == 0 || strcmp(buf, "unimp") == 0;
        if (len != 2 || unknown != (w == 0) || (w != 0 && (w & 3) != 3)) {
            if (bad++ < 10) printf("FAIL compressed 0x%04x: len %d \"%s\" expand 0x%08x\n",
                                   (unsigned)c, len, buf, (unsigned)w);
        }
    }
    checks++;
    if (bad) failures++;
}

int main(void)
{
    size_t n_obj = sizeof objdump_vecs / sizeof objdump_vecs[0];
    size_t n_extra = sizeof extra_vecs / sizeof extra_vecs[0];
    size_t n_exp = sizeof expand_vecs / sizeof expand_vecs[0];
    size_t n_res = sizeof reserved_vecs / sizeof reserved_vecs[0];

    for (size_t i = 0; i < n_obj; i++) check_disasm(&objdump_vecs[i]);
    for (size_t i = 0; i < n_extra; i++) check_disasm(&extra_vecs[i]);
    for (size_t i = 0; i < n_exp; i++) check_expand(expand_vecs[i].c, expand_vecs[i].w);
    for (size_t i = 0; i < n_res; i++) check_expand(reserved_vecs[i], 0);
    check_truncation();
    check_all_compressed();

    printf("test_rv_disasm: %d checks (%zu objdump + %zu extra disasm, %zu expansions, %zu reserved), %d failed\n",
           checks, n_obj, n_extra, n_exp, n_res, failures);
    return failures ? 1 : 0;
}
