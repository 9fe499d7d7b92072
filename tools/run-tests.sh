#!/usr/bin/env bash
# Runs every test tier against build/xtrace and prints one closing "N passed, N failed" line.
set -u
O=${1:-build}
X=$O/xtrace
cd "$(dirname "$0")/.."
total_pass=0 total_fail=0
tier() { # name, command...: runs a tier, adds up its closing counts
    local name=$1; shift
    local log; log=$(mktemp)
    local t0=$SECONDS
    "$@" 2>&1 | tee "$log" | grep -E '^(FAIL|ERROR)' | head -40
    local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "tier $name: no result line (crashed?); last lines:"; tail -n 5 "$log"
        total_fail=$((total_fail + 1))
    else
        local p f; p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
        total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
        printf '%-8s %s  (%ds)\n' "$name" "$line" $((SECONDS - t0))
    fi
    rm -f "$log"
}
unit() {
    local p=0 f=0
    for t in "$O"/tests/test_*; do
        [ -x "$t" ] || continue
        if "$t" >/dev/null 2>&1; then p=$((p + 1)); else f=$((f + 1)); echo "FAIL unit/$(basename "$t")"; "$t" 2>&1 | tail -n 5; fi
    done
    echo "$p passed, $f failed"
}
tier unit unit
tier cli tests/cli/run.sh "$X" "$O/cli"
tier guest tests/guest/run.sh "$X" "$O/guest"
tier trace tests/trace/run.sh "$X" "$O/trace"
tier diff tests/diff/run.sh "$X" "$O/diff"
tier a64 tests/a64/run.sh "$X" "$O/a64"
GUEST_ARCH=aarch64 tier guest-a64 tests/guest/run.sh "$X" "$O/guest-a64"
GUEST_ARCH=aarch64 tier diff-a64 tests/diff/run.sh "$X" "$O/diff-a64"
tier busybox tests/busybox/run.sh arm64 "$X" "$O"
tier coverage tests/coverage/run.sh "$O"
tier arm tests/arm/run.sh "$X" "$O/arm"
tier arm-insn tests/arm/insn.sh "$X" "$O/arm-insn"
GUEST_ARCH=arm tier diff-arm tests/diff/run.sh "$X" "$O/diff-arm"
GUEST_ARCH=arm tier guest-arm tests/guest/run.sh "$X" "$O/guest-arm"
GUEST_ARCH=armel tier guest-armel tests/guest/run.sh "$X" "$O/guest-armel"
tier busybox-armhf tests/busybox/run.sh armhf "$X" "$O"
tier busybox-armel tests/busybox/run.sh armel "$X" "$O"
tier arm-crash tests/arm/crash.sh "$X" "$O/arm-crash"
tier fuzz tests/fuzz/run.sh "$X" "$O/fuzz"
tier gdb tests/gdb/run.sh "$X" "$O/gdb"
tier gdb-a64 tests/gdb/run-a64.sh "$X" "$O/gdb-a64"
tier gdb-arm tests/gdb/run-arm.sh "$X" "$O/gdb-arm"
tier ui tests/ui/run.sh "$X" "$O/ui"
tier board tests/board/run.sh "$X" "$O/board"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
