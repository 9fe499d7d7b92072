/* /proc/cpuinfo's Features line names exactly the AT_HWCAP bits (the kernel's hwcap_str names): prints "ok"
   when they agree or when the file has no arm Features line (qemu-arm shows the host's), else the mismatch. */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

static const char *const names[] = {"swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp", "java",
                                    "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", "vfpv3d16", "tls", "vfpv4",
                                    "idiva", "idivt", "vfpd32", "lpae", "evtstrm"};
#define NNAMES (sizeof names / sizeof names[0])

int main(void)
{
    unsigned long hw = getauxval(AT_HWCAP);
    char line[1024], want[512] = "";
    for (unsigned i = 0; i < NNAMES; i++)
        if (hw >> i & 1) {
            strcat(want, want[0] ? " " : "");
            strcat(want, names[i]);
        }
    if (hw >> NNAMES) {
        printf("hwcap %#lx has bits past evtstrm\n", hw);
        return 1;
    }
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) {
        printf("no /proc/cpuinfo\n");
        return 1;
    }
    int bad = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "Features\t: ", 11))
            continue;
        line[strcspn(line, "\n")] = 0;
        while (line[strlen(line) - 1] == ' ')
            line[strlen(line) - 1] = 0;
        if (strcmp(line + 11, want)) {
            printf("Features \"%s\", AT_HWCAP says \"%s\"\n", line + 11, want);
            bad = 1;
        }
    }
    fclose(f);
    printf("%s\n", bad ? "mismatch" : "ok");
    return bad;
}
