#!/bin/sh
# arm guest smoke tests: static armhf programs in -marm and -mthumb, stdout and exit status compared with qemu-arm.
# usage: tests/arm/run.sh XTRACE [BUILDDIR]
set -u
x=$1 out=${2:-/tmp/xtrace-arm-tests}
mkdir -p "$out"
fail=0
for src in "$(dirname "$0")"/*.c; do
    n=$(basename "$src" .c)
    for m in arm thumb; do
        bin=$out/$n-$m
        arm-linux-gnueabihf-gcc -static -O2 -m$m -o "$bin" "$src" || { fail=1; continue; }
        exp=$(qemu-arm "$bin" a b 2>/dev/null); erc=$?
        got=$("$x" "$bin" a b 2>"$bin.err"); grc=$?
        if [ "$exp" = "$got" ] && [ $erc = $grc ]; then echo "PASS $n -m$m"; npass=$((npass + 1)); else
            echo "FAIL $n -m$m (rc $grc, qemu $erc)"; head -5 "$bin.err"; fail=1; nfail=$((nfail + 1)); fi
    done
done
echo "${npass:-0} passed, ${nfail:-0} failed"
exit $fail
