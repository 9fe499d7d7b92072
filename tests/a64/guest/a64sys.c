/* a64sys (aarch64 only): what the system view tells a program: HWCAP bits, emulated ID registers, CTR/DCZID, DC ZVA, /proc/cpuinfo features. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

#define MRS(reg) ({ uint64_t v_; __asm__ volatile("mrs %0, " reg : "=r"(v_)); v_; })

int main(void)
{
    static const char *names[] = {"fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32",
                                  "atomics", "fphp", "asimdhp", "cpuid", "asimdrdm", "jscvt", "fcma", "lrcpc"};
    unsigned long hw = getauxval(AT_HWCAP);
    printf("hwcap:");
    for (int i = 0; i < 16; i++)
        if (hw & (1ul << i))
            printf(" %s", names[i]);
    printf("%s\n", hw >> 16 ? " (and more)" : "");
    if (hw & (1ul << 11)) { /* cpuid: the kernel emulates MRS of the ID registers */
        uint64_t midr = MRS("midr_el1"), isar0 = MRS("id_aa64isar0_el1"), pfr0 = MRS("id_aa64pfr0_el1");
        printf("midr implementer 0x%02llx, isar0 atomics %llu crc32 %llu, pfr0 fp %llu asimd %llu\n",
               (unsigned long long)(midr >> 24), (unsigned long long)(isar0 >> 20 & 15),
               (unsigned long long)(isar0 >> 16 & 15), (unsigned long long)(pfr0 >> 16 & 15),
               (unsigned long long)(pfr0 >> 20 & 15));
    }
    uint64_t ctr = MRS("ctr_el0"), dczid = MRS("dczid_el0");
    unsigned zva = 4u << (dczid & 15);
    printf("dcache line %u bytes, DC ZVA %s, block %u bytes\n", 4u << (ctr >> 16 & 15),
           dczid & 16 ? "prohibited" : "allowed", zva);
    static unsigned char buf[2048] __attribute__((aligned(1024)));
    memset(buf, 0xaa, sizeof buf);
    __asm__ volatile("dc zva, %0" ::"r"(buf + 512 + 5) : "memory");
    unsigned zeroed = 0, first = ~0u;
    for (unsigned i = 0; i < sizeof buf; i++)
        if (!buf[i]) {
            zeroed++;
            if (first == ~0u)
                first = i;
        }
    printf("dc zva zeroed %u bytes from offset %u (block %s)\n", zeroed, first, zeroed == zva ? "size" : "MISMATCH");
    uint64_t tp = MRS("tpidr_el0");
    printf("tpidr_el0 set: %s\n", tp ? "yes" : "no");
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[256];
    int found = 0;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "Features", 8) && !found++)
            printf("cpuinfo has a Features line: yes\n");
    if (!found)
        printf("cpuinfo has a Features line: no\n");
    if (f)
        fclose(f);
    return 0;
}
