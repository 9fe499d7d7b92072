/* riscv64 disassembler: one instruction to text, GNU objdump-like syntax with ABI register names. */
#ifndef XTRACE_RISCV64_DISASM_H
#define XTRACE_RISCV64_DISASM_H

#include <stddef.h>
#include <stdint.h>

/* Disassembles the instruction whose first bytes are `insn` (low 16 bits suffice for a
   compressed one) located at guest address `pc`; writes NUL-terminated text into out.
   Returns the instruction length in bytes (2 or 4). Unknown encodings give ".insn 0x%08x"
   (or ".insn 0x%04x" for 16-bit) and still return the length implied by the low bits.
   Covers RV64GC (I, M, A, F, D, Zicsr, Zifencei, C) plus the common pseudo-instructions
   and a few privileged ones (sret, mret, wfi, sfence.vma). Compressed instructions are
   printed as their 32-bit equivalents (c.addi16sp -> "addi sp, sp, -16", c.jr ra -> "ret").
   Operands are separated by ", "; branch/jump targets are absolute ("j 0x10078"). */
int rv_disasm(uint64_t pc, uint32_t insn, char *out, size_t outsz);

/* Expands a 16-bit RVC instruction (RV64C) into the equivalent 32-bit instruction word.
   Returns 0 for illegal or reserved encodings (e.g. 0x0000, c.addi4spn/c.addi16sp/c.lui
   with a zero immediate, c.lwsp/c.ldsp/c.addiw with rd=x0, c.jr with rs1=x0).
   HINT encodings (e.g. c.nop with a non-zero immediate, c.li/c.mv with rd=x0,
   c.slli with a zero shift) expand to their architecturally equivalent no-op form. */
uint32_t rv_expand_compressed(uint16_t c);

#endif
