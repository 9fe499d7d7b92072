#!/usr/bin/env bash
# Debian's busybox-static for a foreign architecture under xtrace: applets and shell features, compared with qemu.
# usage: tests/busybox/run.sh ARCH XTRACE BUILD_DIR     (ARCH: arm64, armhf, armel, i386, mipsel)
# tests/busybox/SKIP lists "ARCH CASE reason" for cases failing for reasons outside the syscall layer.
set -u
arch=$1 X=$(realpath "$2") B=$3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $arch in arm64) q=qemu-aarch64 ;; armhf|armel) q=qemu-arm ;; i386) q=qemu-i386 ;; mipsel) q=qemu-mipsel ;; *) q= ;; esac
bb=$("$root/tools/fetch-foreign.sh" "$arch" busybox-static)/bin/busybox
if [ ! -x "$bb" ]; then echo "SKIP busybox-$arch: package unavailable"; echo "0 passed, 0 failed"; exit 0; fi
work=$B/busybox-$arch; rm -rf "$work"; mkdir -p "$work/sub"
seq 1 2000 > "$work/data.txt"; echo alpha > "$work/sub/a.txt"; echo beta > "$work/sub/b.txt"
# Known failures owned elsewhere: "ARCH CASE reason" lines in SKIP (CASE is the case number); printed as SKIP.
declare -A skips=()
if [ -f "$here/SKIP" ]; then
    while read -r sa sn sr; do
        case $sa in ''|'#'*) continue ;; esac
        [ "$sa" = "$arch" ] && skips[$sn]=$sr
    done < "$here/SKIP"
fi
pass=0 fail=0 n=0 skip=0
while IFS= read -r line; do
    case $line in ''|'#'*) continue ;; esac
    n=$((n + 1))
    cmd=${line%% => *}; want=; [[ $line == *' => '* ]] && want=$(printf '%b' "${line#* => }")
    if [ -n "${skips[$n]+x}" ]; then echo "SKIP busybox-$arch #$n [$cmd]: ${skips[$n]}"; skip=$((skip + 1)); continue; fi
    got=$(cd "$work" && timeout 30 "$X" "$bb" sh -c "$cmd" 2>&1); st=$?
    reason=
    if [ -n "$want" ] && [ "$got" != "$want" ]; then reason="got '$got', expected '$want'"; fi
    if [ -z "$reason" ] && [ -n "$q" ] && command -v "$q" >/dev/null; then
        ref=$(cd "$work" && timeout 30 "$q" "$bb" sh -c "$cmd" 2>&1); rst=$?
        if [ "$got" != "$ref" ] || [ $st -ne $rst ]; then reason="differs from $q: got '$got' ($st), qemu '$ref' ($rst)"; fi
    fi
    if [ -n "$reason" ]; then fail=$((fail + 1)); echo "FAIL busybox-$arch #$n [$cmd]: $reason"
    else pass=$((pass + 1)); echo "PASS busybox-$arch #$n [$cmd]"; fi
done < "$here/cases.txt"
[ $skip -gt 0 ] && echo "($skip skipped: see $here/SKIP)"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
