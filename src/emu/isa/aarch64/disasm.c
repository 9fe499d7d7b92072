/* aarch64 disassembly for crash reports: capstone when built with XTRACE_HAVE_CAPSTONE, else the raw word and our decoder's mnemonic. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "a64.h"

#ifdef XTRACE_HAVE_CAPSTONE
#include <capstone/capstone.h>
#endif

const struct a64_insn *a64_lookup(uint32_t w);

/* Fallback: ".inst 0x%08x", with the mnemonic of the matching decode row as a comment when there is one. */
static int raw(uint32_t insn, char *out, size_t n)
{
    const struct a64_insn *r = a64_lookup(insn);
    if (r && r->name)
        snprintf(out, n, ".inst 0x%08" PRIx32 " ; %s", insn, r->name);
    else
        snprintf(out, n, ".inst 0x%08" PRIx32, insn);
    return 4;
}

int a64_disasm(uint64_t pc, uint32_t insn, char *out, size_t n)
{
#ifdef XTRACE_HAVE_CAPSTONE
    static csh h;
    static int state; /* 0 untried, 1 open, -1 failed */
    if (!state)
        state = cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &h) == CS_ERR_OK ? 1 : -1;
    if (state > 0) {
        uint8_t b[4];
        cs_insn *ci;
        st32(b, insn);
        if (cs_disasm(h, b, 4, pc, 1, &ci) == 1) {
            snprintf(out, n, "%s%s%s", ci->mnemonic, ci->op_str[0] ? " " : "", ci->op_str);
            cs_free(ci, 1);
            return 4;
        }
    }
#else
    (void)pc;
#endif
    return raw(insn, out, n);
}
