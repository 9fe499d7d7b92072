#!/usr/bin/env bash
# arm instruction tests: builds the self-checking programs tests/arm/insn/*.c for A32 and T32 and runs them
# under EMU_CMD and qemu-arm; a test passes when it exits 0 (every hand-computed check held) and prints what
# qemu-arm prints.
#
# usage: tests/arm/insn.sh EMU_CMD BUILD_DIR [TEST...]
# Environment: CROSS_CC (arm-linux-gnueabihf-gcc), QEMU (qemu-arm; "" skips the cross-check).
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 EMU_CMD BUILD_DIR [TEST...]" >&2
    exit 2
fi
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/insn" && pwd)
CC=${CROSS_CC:-arm-linux-gnueabihf-gcc}
QEMU=${QEMU-qemu-arm}
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
    for mode in arm thumb; do
        src="$SRC_DIR/$t.c" bin="$OUT/$t-$mode"
        arch=(-march=armv7ve -mfpu=neon-vfpv4) # v8*.c: ARMv8 AArch32 additions (qemu-arm's default cpu has them)
        [[ $t == v8* ]] && arch=(-march=armv8-a -mfpu=neon-fp-armv8)
        if ! "$CC" -O3 -static -Wall -m$mode "${arch[@]}" -mfp16-format=ieee -pthread \
            -o "$bin" "$src" >"$bin.log" 2>&1; then
            echo "FAIL $t -m$mode: compile error"; head -n 10 "$bin.log" | sed 's/^/    /'
            fail=$((fail + 1)); continue
        fi
        (cd "$OUT" && timeout 60 "${EMU[@]}" "$bin" >"$bin.out" 2>"$bin.err" </dev/null)
        st=$?
        note=""
        if [ "$CROSS" = 1 ]; then
            (cd "$OUT" && timeout 60 "$QEMU" "$bin" >"$bin.qemu.out" 2>&1 </dev/null)
            if ! cmp -s "$bin.out" "$bin.qemu.out"; then
                note=" (output differs from $QEMU's)"
                [ "$st" -eq 0 ] && st=100
            fi
        fi
        if [ "$st" -eq 0 ]; then
            echo "PASS $t -m$mode: $(tail -n 1 "$bin.out")"
            pass=$((pass + 1))
        else
            echo "FAIL $t -m$mode (status $st)$note"
            grep '^FAIL' "$bin.out" | head -n 10 | sed 's/^/    /'
            head -n 5 "$bin.err" | sed 's/^/    stderr: /'
            fail=$((fail + 1))
        fi
    done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
