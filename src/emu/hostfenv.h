/* The host's <fenv.h> with every exception and rounding macro defined: 0 where a host (soft-float, some MIPS and
   Arm builds) lacks one, so FP emulation code compiles everywhere and degrades to its software paths. */
#ifndef XTRACE_HOSTFENV_H
#define XTRACE_HOSTFENV_H

#include <fenv.h>

#ifndef FE_INVALID
#define FE_INVALID 0
#endif
#ifndef FE_DIVBYZERO
#define FE_DIVBYZERO 0
#endif
#ifndef FE_OVERFLOW
#define FE_OVERFLOW 0
#endif
#ifndef FE_UNDERFLOW
#define FE_UNDERFLOW 0
#endif
#ifndef FE_INEXACT
#define FE_INEXACT 0
#endif
#ifndef FE_TOWARDZERO
#define FE_TOWARDZERO 0
#endif
#ifndef FE_DOWNWARD
#define FE_DOWNWARD 0
#endif
#ifndef FE_UPWARD
#define FE_UPWARD 0
#endif

#endif
