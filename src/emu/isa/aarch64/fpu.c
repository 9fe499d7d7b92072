/* aarch64 FPSR/FPCR access and FP reset over the shared Arm FP state (src/emu/armfp.c). */
#include "a64fp.h"

uint32_t a64_fpsr_read(struct emu_cpu *c) { return armfp_sr_read(&A64(c)->fp); }
void a64_fpsr_write(struct emu_cpu *c, uint32_t v) { armfp_sr_write(&A64(c)->fp, v); }
void a64_fpcr_write(struct emu_cpu *c, uint32_t v) { armfp_cr_write(&A64(c)->fp, v); }
void a64_fp_init(struct emu_cpu *c) { armfp_init(&A64(c)->fp); }
