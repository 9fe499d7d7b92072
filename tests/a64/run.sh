#!/usr/bin/env bash
# A64 instruction tests: builds the self-checking programs tests/a64/insn/*.c and runs them under EMU_CMD (and qemu-aarch64).
#
# usage: tests/a64/run.sh EMU_CMD BUILD_DIR [TEST...]
# Each program checks hand-computed results of tricky instructions and exits 0 when every check passes.
# Environment: CROSS_CC (aarch64-linux-gnu-gcc), QEMU (qemu-aarch64; "" skips the cross-check). A test whose
# source says "qemu-cpu: NAME" in its first lines is cross-checked with QEMU_CPU=NAME.
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 EMU_CMD BUILD_DIR [TEST...]" >&2
    exit 2
fi
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/insn" && pwd)
CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
QEMU=${QEMU-qemu-aarch64}
read -ra EMU <<<"$1"
if [[ ${EMU[0]} == */* && ${EMU[0]} != /* ]]; then
    EMU[0]="$PWD/${EMU[0]}"
fi
mkdir -p "$2" || exit 2
OUT=$(cd "$2" && pwd)
shift 2
if [ $# -gt 0 ]; then TESTS=("$@"); else
    TESTS=()
    for f in "$SRC_DIR"/*.c; do TESTS+=("$(basename "$f" .c)"); done
fi
CROSS=0
if [ -n "$QEMU" ] && command -v "$QEMU" >/dev/null 2>&1; then CROSS=1; fi
pass=0 fail=0
for t in "${TESTS[@]}"; do
    src="$SRC_DIR/$t.c" bin="$OUT/$t"
    if ! "$CC" -O2 -static -Wall -march=armv8.1-a+crc -o "$bin" "$src" >"$bin.log" 2>&1; then
        echo "FAIL $t: compile error"; head -n 10 "$bin.log" | sed 's/^/    /'
        fail=$((fail + 1)); continue
    fi
    (cd "$OUT" && timeout 60 "${EMU[@]}" "$bin" >"$bin.out" 2>"$bin.err" </dev/null)
    st=$?
    note=""
    if [ "$CROSS" = 1 ]; then
        cpu=$(head -n 5 "$src" | sed -n 's/.*qemu-cpu: \([a-z0-9-]*\).*/\1/p')
        (cd "$OUT" && QEMU_CPU=${cpu:-max} timeout 60 "$QEMU" "$bin" >"$bin.qemu.out" 2>&1 </dev/null)
        qst=$?
        if [ "$qst" -ne 0 ]; then note=" (note: $QEMU${cpu:+ -cpu $cpu} fails it too: $(grep -c '^FAIL' "$bin.qemu.out") checks)"; fi
    fi
    if [ "$st" -eq 0 ]; then
        echo "PASS $t: $(tail -n 1 "$bin.out")$note"
        pass=$((pass + 1))
    else
        echo "FAIL $t (status $st)$note"
        grep '^FAIL' "$bin.out" | head -n 10 | sed 's/^/    /'
        head -n 5 "$bin.err" | sed 's/^/    stderr: /'
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
