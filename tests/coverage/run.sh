#!/usr/bin/env bash
# Decoder coverage tier: every instruction in Debian's arm64 libc.so.6 and busybox that capstone decodes must be
# implemented by the aarch64 backend, except those in a64-allow.txt (each with its reason); arm is reported only.
# usage: tests/coverage/run.sh BUILD_DIR [report]     (report: also print the arm report and never fail)
set -u
B=$1 mode=${2:-test}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tool=$B/tools/coverage
if ! make -s -C "$root" O="$(cd "$B" && pwd)" "$(cd "$B" && pwd)/tools/coverage" >/dev/null; then
    echo "FAIL coverage: cannot build $tool"; echo "0 passed, 1 failed"; exit 1
fi
pass=0 fail=0
bins=()
for f in /usr/aarch64-linux-gnu/lib/libc.so.6 "$("$root/tools/fetch-foreign.sh" arm64 busybox-static 2>/dev/null)/bin/busybox"; do
    [ -f "$f" ] && bins+=("$f") || echo "SKIP coverage: $f not available"
done
if [ ${#bins[@]} -gt 0 ]; then
    if out=$("$tool" bin aarch64 --allow "$here/a64-allow.txt" "${bins[@]}"); then
        pass=$((pass + 1)); echo "PASS coverage/aarch64-userland"
    else
        fail=$((fail + 1)); echo "FAIL coverage/aarch64-userland: unimplemented instructions not in a64-allow.txt"
    fi
    echo "$out" | sed 's/^/    /'
fi
# Instructions implemented to shrink the report, checked against qemu-aarch64 on random and edge operands
# (a64sat: saturating/polynomial/crypto; a64est: FP estimates and round-to-odd narrowing under several FPCRs).
if command -v aarch64-linux-gnu-gcc >/dev/null; then
    mkdir -p "$B/coverage"
    for t in a64sat a64est; do
        if aarch64-linux-gnu-gcc -O2 -static -march=armv8-a+crypto -o "$B/coverage/$t" "$here/$t.c"; then
            got=$("$B/xtrace" "$B/coverage/$t" 2>&1); st=$?
            if [ $st -ne 0 ]; then
                fail=$((fail + 1)); echo "FAIL coverage/$t: exit status $st: $(tail -n 3 <<<"$got")"
            elif command -v qemu-aarch64 >/dev/null; then
                ref=$(qemu-aarch64 "$B/coverage/$t" 2>&1)
                if [ "$got" = "$ref" ]; then pass=$((pass + 1)); echo "PASS coverage/$t (same as qemu-aarch64)"
                else fail=$((fail + 1)); echo "FAIL coverage/$t: differs from qemu-aarch64:"; diff <(echo "$ref") <(echo "$got") | head -n 10; fi
            else
                echo "SKIP coverage/$t: qemu-aarch64 not installed (ran without a fault)"
            fi
        else
            fail=$((fail + 1)); echo "FAIL coverage/$t: does not build"
        fi
    done
fi
# The allowlist must not keep entries that are no longer needed.
while read -r key reason; do
    case $key in ''|'#'*) continue ;; esac
    if ! grep -q -- "$key" <<<"${out:-}"; then
        fail=$((fail + 1)); echo "FAIL coverage/allowlist: '$key' is implemented now or no longer used: drop it"
    fi
done < "$here/a64-allow.txt"
if [ "$mode" = report ]; then
    arm=()
    for f in /usr/arm-linux-gnueabihf/lib/libc.so.6 /usr/arm-linux-gnueabihf/lib/libm.so.6 \
        "$root/cache/armhf/busybox-static/bin/busybox"; do  # only when already fetched
        [ -f "$f" ] && arm+=("$f")
    done
    [ ${#arm[@]} -gt 0 ] && "$tool" bin arm "${arm[@]}"
    echo "$pass passed, $fail failed"
    exit 0
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
