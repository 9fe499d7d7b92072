#!/usr/bin/env bash
# Generates the syscall log's per-ABI ioctl request tables (number, name, argument type) from a cross toolchain's UAPI headers.
#
# Usage: tools/gen-ioctl.sh [--check] [--out DIR] [TRIPLE[:ABI[:CFLAGS]]...]
#
# For each TRIPLE the request macros of the headers listed below are found with TRIPLE-gcc -dM
# and evaluated by TRIPLE-gcc itself (each value put in an "i" asm operand of a probe compiled
# with -S and read back), so _IOC encodings, struct sizes and tty numbers are the guest's own.
#   io HEADER                 every object-like macro of HEADER (and what it includes) whose body
#                             uses _IO/_IOR/_IOW/_IOWR/_IOC; one-parameter macros whose parameter
#                             is the size (EVIOCGNAME(len)) are kept as "sized" rows
#   num HEADER REGEX TYPES    plain-number requests: macros named by REGEX whose type byte
#                             (bits 8-15) is one of the hex TYPES
# Aliases (a body that is only another macro's name) are left out, so a number lists each
# distinct name once. The argument type is the third argument of _IOR/_IOW/_IOWR as written.
# Writes DIR/ioctl-ABI.h (default DIR src/trace/gen); --check regenerates into a temporary
# directory and compares. Default triples: the guest ABIs the log knows and the x86-64 host.
set -euo pipefail
shopt -s inherit_errexit

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$root/src/trace/gen"
check=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
    --check) check=1 ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "gen-ioctl: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
    esac
    shift
done
[ ${#targets[@]} -gt 0 ] || targets=(riscv64-linux-gnu aarch64-linux-gnu x86_64-linux-gnu
                                      arm-linux-gnueabihf:arm i686-linux-gnu:i386 mips-linux-gnu:mips)

abi_name() {
    case "$1" in
    riscv64-*) echo riscv64 ;;
    aarch64-*) echo aarch64 ;;
    arm-*) echo arm ;;
    mips-*|mipsel-*) echo mips ;;
    i?86-*) echo i386 ;;
    x86_64-*) echo x86_64 ;;
    *) echo "${1%%-*}" | tr -c 'a-z0-9_\n' '_' ;;
    esac
}

spec() {
cat <<'EOF'
num asm/ioctls.h ^(TC|TIOC|FIO|SIOC) 54 74 46 66 89 73
io asm/ioctls.h
num linux/sockios.h ^SIOC 89
num linux/loop.h ^LOOP_ 4c
num linux/cdrom.h ^CDROM 53
num linux/vt.h ^VT_ 56
num linux/kd.h ^(KD|GIO_|PIO_|KIOC) 4b
num linux/hdreg.h ^HDIO_ 03
num linux/fb.h ^FBIO 46
io linux/fs.h
io linux/fiemap.h
io linux/fsmap.h
io linux/fsverity.h
io linux/fscrypt.h
io linux/blkzoned.h
io linux/nbd.h
io linux/rtc.h
io linux/input.h
io linux/uinput.h
io linux/joystick.h
io linux/hidraw.h
io linux/fd.h
io linux/fb.h
io linux/random.h
io linux/if_tun.h
io linux/ppp-ioctl.h
io linux/watchdog.h
io linux/userfaultfd.h
io linux/perf_event.h
io linux/sync_file.h
io linux/dma-buf.h
io linux/udmabuf.h
io linux/gpio.h
io linux/spi/spidev.h
io linux/seccomp.h
io linux/nsfs.h
io linux/pps.h
io linux/ppdev.h
io linux/lp.h
io linux/mtio.h
io linux/ptp_clock.h
io linux/tee.h
io linux/auto_fs.h
io linux/usbdevice_fs.h
io linux/vhost.h
io linux/vfio.h
io linux/vduse.h
io linux/kvm.h
io linux/videodev2.h
io linux/media.h
io linux/dvb/frontend.h
io linux/dvb/dmx.h
io sound/asound.h
io linux/dm-ioctl.h
io linux/btrfs.h
io linux/f2fs.h
io linux/nvme_ioctl.h
io linux/mmc/ioctl.h
io linux/android/binder.h
io linux/capi.h
io linux/rfkill.h
io drm/drm.h
EOF
}

# Lists candidate macros of one spec line: "name<TAB>expr<TAB>probe2<TAB>type".
candidates() {
    local cc="$1" cflags="$2" kind="$3" hdr="$4" re="${5:-}" types="${6:-}"
    # shellcheck disable=SC2086
    echo "#include <$hdr>" | "$cc" $cflags -E -dM -x c - 2>/dev/null | awk -v kind="$kind" -v re="$re" -v types="$types" '
    function third_arg(body,   i, s, depth, n, c, arg) {
        if (!match(body, /_IOW?R?[ \t]*\(/) && !match(body, /_IOWR[ \t]*\(/)) return ""
        s = substr(body, RSTART + RLENGTH); depth = 0; n = 0; arg = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == "(") depth++
            else if (c == ")") { if (depth == 0) break; depth-- }
            else if (c == "," && depth == 0) { n++; if (n == 2) arg = ""; continue }
            if (n == 2) arg = arg c
        }
        gsub(/^[ \t]+|[ \t]+$/, "", arg)
        return (n == 2) ? arg : ""
    }
    $1 != "#define" { next }
    {
        head = $2; body = $0
        sub(/^#define[ \t]+[^ \t]+[ \t]*/, "", body)
        if (index(head, "(")) {
            if (kind != "io" || head !~ /^[A-Z][A-Z0-9_]*\([a-z_]+\)$/) next
            if (body !~ /_IO(C|R|W|WR)?[ \t]*\(/) next
            name = head; sub(/\(.*/, "", name)
            print name "\t" name "(0)\t" name "(1)\t" third_arg(body)
            next
        }
        name = head
        if (name !~ /^[A-Z][A-Z0-9_]*$/) next
        if (body ~ /^[A-Za-z_][A-Za-z0-9_]*$/) next    # an alias of another macro
        if (kind == "io") {
            if (body !~ /_IO(C|R|W|WR)?[ \t]*\(/) next
            print name "\t" name "\t-\t" third_arg(body)
        } else {
            if (name !~ re || body !~ /^[(0-9]/ || body ~ /_IO(C|R|W|WR)?[ \t]*\(/) next
            print name "\t" name "\t-\t" types
        }
    }'
}

# Compiles probe $2 (removing lines the compiler rejects, a few rounds); prints "key lo hi".
run_probe() {
    local cc="$1" cflags="$2" p="$3" round bad
    for round in 1 2 3 4 5 6; do
        # shellcheck disable=SC2086
        if "$cc" $cflags -S -O0 -w -o "${p%.c}.s" "$p" 2>"${p%.c}.err"; then
            { grep -h '@@XV' "${p%.c}.s" || true; } | tr -d '$#' | awk '{ print $2, $3, $4 }'
            return 0
        fi
        bad=$(grep -o "$(basename "$p"):[0-9]*:" "${p%.c}.err" | cut -d: -f2 | sort -un | tr '\n' ' ')
        [ -n "$bad" ] || return 0
        awk -v bad=" $bad" 'BEGIN { n = split(bad, b, " "); for (i = 1; i <= n; i++) drop[b[i]] = 1 }
            { if ((FNR in drop) && $0 ~ /^    XV\(/) { print "/* dropped */"; n++ } else print }
            END { if (!n) exit 3 }' "$p" >"$p.new" || { rm -f "$p.new"; return 0; }
        mv "$p.new" "$p"
    done
}

gen_one() {
    local target="$1" dest="$2" triple abi cflags cc tmp n=0 kind hdr rest
    triple=${target%%:*}
    abi=$(abi_name "$triple"); cflags=
    [[ $target == *:* ]] && { rest=${target#*:}; abi=${rest%%:*}; [[ $rest == *:* ]] && cflags=${rest#*:}; }
    cc="$triple-gcc"
    command -v "$cc" >/dev/null || { echo "gen-ioctl: $cc not found" >&2; exit 1; }
    tmp=$(mktemp -d); [ -n "${GEN_KEEP:-}" ] && echo "tmp $tmp" >&2
    local order=0
    while read -r kind hdr re types; do
        [ -n "$kind" ] || continue
        n=$((n + 1))
        candidates "$cc" "$cflags" "$kind" "$hdr" "$re" "$types" >"$tmp/cand$n" || true
        [ -s "$tmp/cand$n" ] || continue
        {
            echo "#define _GNU_SOURCE 1"
            echo "#include <sys/types.h>"
            echo "#include <linux/ioctl.h>   /* some headers (usbdevice_fs.h) use _IOWR without it */"
            echo "#include <$hdr>"
            echo '#define XV(k, e) __asm__ volatile("\n@@XV " #k " %0 %1" :: "i"((unsigned)((unsigned long long)(e) & 0xffffffffu)), "i"((unsigned)((unsigned long long)(e) >> 32)))'
            echo "void probe$n(void);"
            echo "void probe$n(void) {"
            awk -F'\t' -v n="$n" '{ print "    XV(" n "_" NR "_a, " $2 ");"; if ($3 != "-") print "    XV(" n "_" NR "_b, " $3 ");" }' "$tmp/cand$n"
            echo "}"
        } >"$tmp/probe$n.c"
        run_probe "$cc" "$cflags" "$tmp/probe$n.c" >"$tmp/val$n"
        awk -F'\t' -v n="$n" -v kind="$kind" -v order="$order" '
            FNR == NR { split($0, v, " "); lo = v[2] + 0; if (lo < 0) lo += 4294967296; hi = v[3] + 0; if (hi < 0) hi += 4294967296; val[v[1]] = lo + hi * 4294967296; seen[v[1]] = 1; next }
            {
                ka = n "_" FNR "_a"; kb = n "_" FNR "_b"
                if (!(ka in seen)) next
                a = val[ka]; sized = 0
                if ($3 != "-") {
                    if (!(kb in seen) || val[kb] - a != 65536) next
                    sized = 1
                }
                if (a <= 0 || a > 4294967295) next
                if (kind == "num") {
                    t = sprintf("%02x", int(a / 256) % 256); ok = 0
                    nt = split($4, ty, " ")
                    for (i = 1; i <= nt; i++) if (ty[i] == t) ok = 1
                    if (!ok || a >= 65536) next
                    $4 = ""
                }
                printf "%.0f\t%d\t%d\t%s\t%s\n", a, order + FNR, sized, $1, $4
            }' "$tmp/val$n" "$tmp/cand$n" >>"$tmp/rows"
        order=$((order + 10000))
    done < <(spec)
    # One row per name (the first header that defines it), sorted by number then header order.
    sort -t$'\t' -k4,4 -k2,2n "$tmp/rows" | awk -F'\t' '!seen[$4]++' | sort -t$'\t' -k1,1n -k2,2n >"$tmp/sorted"
    awk -F'\t' -v abi="$abi" -v triple="$triple" -v cflags="$cflags" '
    BEGIN {
        print "/* ioctl requests of the " abi " guest ABI: number, name, argument type (values from " triple (cflags ? " " cflags : "") " headers). */"
        print "/* Generated by tools/gen-ioctl.sh; do not edit. Included once, by src/trace/ioctl_db.c. */"
        print ""
        print "static const struct ioctl_ent ioctl_tab_" abi "[] = {"
    }
    function hex(v,   hi, lo) { hi = int(v / 65536); lo = v - hi * 65536; return hi ? sprintf("0x%x%04x", hi, lo) : sprintf("0x%x", lo) }
    { printf "    { %s, %d, \"%s\", \"%s\" },\n", hex($1 + 0), $3, $4, $5 }
    END { print "};" }' "$tmp/sorted" >"$dest/ioctl-$abi.h"
    echo "$abi $(wc -l <"$tmp/sorted")" >&2
    [ -n "${GEN_KEEP:-}" ] || rm -rf "$tmp"
    echo "$abi"
}

if [ "$check" = 1 ]; then
    chk=$(mktemp -d)
    trap 'rm -rf "$chk"' EXIT
    status=0
    for t in "${targets[@]}"; do
        abi=$(gen_one "$t" "$chk" 2>/dev/null)
        if ! diff -u "$out/ioctl-$abi.h" "$chk/ioctl-$abi.h" >/dev/null; then
            echo "gen-ioctl: $out/ioctl-$abi.h is out of date (run tools/gen-ioctl.sh $t)" >&2
            status=1
        fi
    done
    [ $status = 0 ] && echo "gen-ioctl: generated files are up to date"
    exit $status
fi

mkdir -p "$out"
for t in "${targets[@]}"; do
    abi=$(gen_one "$t" "$out")
    echo "gen-ioctl: wrote $out/ioctl-$abi.h"
done
