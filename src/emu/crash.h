/* Guest crash report: signal, fault address, pc with symbol, registers, faulting instruction, memory map. */
#ifndef XTRACE_CRASH_H
#define XTRACE_CRASH_H

struct emu_cpu;

/* Prints the report for the pending signal of cpu to stderr. */
void crash_report(struct emu_cpu *cpu);

#endif
