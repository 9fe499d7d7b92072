/* aarch64 floating point shared by the scalar and vector ops: the shared Arm FP code (src/emu/armfp.h) applied to the CPU's FPCR/FPSR. */
#ifndef XTRACE_A64FP_H
#define XTRACE_A64FP_H

#include "a64.h"
#include "armfp.h"

#define a64_tiny_before armfp_tiny_before
#define a64_f armfp_f
#define a64_d armfp_d
#define a64_fb armfp_fb
#define a64_db armfp_db
#define a64_nan_s armfp_nan_s
#define a64_nan_d armfp_nan_d
#define a64_fsign armfp_fsign
#define a64_rmode(c) armfp_rmode(&A64(c)->fp)
#define a64_farith(c, ...) armfp_farith(&A64(c)->fp, __VA_ARGS__)
#define a64_uf_fix(c, ...) armfp_uf_fix(&A64(c)->fp, __VA_ARGS__)
#define a64_fminmax(c, ...) armfp_fminmax(&A64(c)->fp, __VA_ARGS__)
#define a64_fcmp(c, ...) armfp_fcmp(&A64(c)->fp, __VA_ARGS__)
#define a64_fcvt(c, ...) armfp_fcvt(&A64(c)->fp, __VA_ARGS__)
#define a64_f2i(c, ...) armfp_f2i(&A64(c)->fp, __VA_ARGS__)
#define a64_i2f(c, ...) armfp_i2f(&A64(c)->fp, __VA_ARGS__)
#define a64_frint(c, ...) armfp_frint(&A64(c)->fp, __VA_ARGS__)
#define a64_fcmp_lane(c, ...) armfp_fcmp_lane(&A64(c)->fp, __VA_ARGS__)
#define a64_fstep(c, ...) armfp_fstep(&A64(c)->fp, __VA_ARGS__)

#endif
