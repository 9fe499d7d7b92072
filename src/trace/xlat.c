/* xlat lookups over the generated per-ABI tables, and the selection of the guest ABI in use. */
#include <stddef.h>
#include <string.h>

#include "xlat.h"

/* Every guest ABI with generated tables (tools/gen-xlat.sh TRIPLE writes gen/xlat-ABI.h):
   adding one is its generated file, included here, and its row in XLAT_ABIS. */
#include "gen/xlat-aarch64.h"
#include "gen/xlat-arm.h"
#include "gen/xlat-riscv64.h"

#define XLAT_ABIS(X) \
    X(riscv64) \
    X(aarch64) \
    X(arm)

static const struct xlat_abi *const abis[] = {
#define XLAT_ROW(n) &xlat_abi_##n,
    XLAT_ABIS(XLAT_ROW)
#undef XLAT_ROW
};

static const struct xlat_abi *cur;

const struct xlat_abi *xlat_find_abi(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof abis / sizeof abis[0]; i++)
        if (strcmp(abis[i]->name, name) == 0)
            return abis[i];
    return NULL;
}

void xlat_use(const struct xlat_abi *abi)
{
    cur = abi;
}

const struct xlat_abi *xlat_abi(void)
{
    return cur ? cur : abis[0];
}

const struct xlat_tab *xlat_tab(int id)
{
    return &xlat_abi()->tabs[id];
}

static uint64_t width_mask(unsigned bits)
{
    return bits >= 64 ? ~0ull : (1ull << bits) - 1;
}

const char *xlat_name(int tab, uint64_t v)
{
    const struct xlat_tab *t = xlat_tab(tab);
    uint64_t m = width_mask(t->bits);
    for (unsigned i = 0; i < t->n; i++)
        if (((t->ent[i].val ^ v) & m) == 0)
            return t->ent[i].name;
    return NULL;
}

int64_t xlat_const(int id)
{
    return xlat_abi()->consts[id];
}

const struct xlat_field *xlat_field(int id)
{
    return &xlat_abi()->fields[id];
}

unsigned xlat_ssize(int id)
{
    return xlat_abi()->ssizes[id];
}

const struct xlat_errno *xlat_errno(int guest)
{
    const struct xlat_abi *a = xlat_abi();
    unsigned lo = 0, hi = a->nerrnos;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (a->errnos[mid].guest < guest)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->nerrnos && a->errnos[lo].guest == guest ? &a->errnos[lo] : NULL;
}
