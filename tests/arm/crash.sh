#!/bin/sh
# arm crash reports: tests/arm/crash.c built -O0 with frame pointers for -marm and -mthumb; the report must
# give the signal, the fault address, the pc with its function and the instruction set, the instruction
# disassembled in that set, cpsr among the registers and a backtrace through the callers (r11 frames in ARM
# code, r7 frames in Thumb code, the middle one in the other set).
# usage: tests/arm/crash.sh XTRACE [BUILDDIR]
set -u
x=$1 out=${2:-/tmp/xtrace-arm-crash}
here=$(dirname "$0")
mkdir -p "$out"
pass=0 fail=0
check() { # name, file, extended regexp
    if grep -Eq -- "$3" "$2"; then pass=$((pass + 1)); echo "PASS $1"; else
        fail=$((fail + 1)); echo "FAIL $1: no /$3/ in $2"; sed 's/^/    /' "$2" | head -30; fi
}
for m in arm thumb; do
    bin=$out/crash-$m
    arm-linux-gnueabihf-gcc -static -O0 -g -fno-omit-frame-pointer -m$m -o "$bin" "$here/crash.c" || {
        fail=$((fail + 1)); echo "FAIL crash-$m: cannot build"; continue; }
    "$x" "$bin" > "$bin.out" 2> "$bin.err"; rc=$?
    if [ $rc = 139 ]; then pass=$((pass + 1)); echo "PASS crash-$m/status"; else
        fail=$((fail + 1)); echo "FAIL crash-$m/status: $rc, not 139"; fi
    check crash-$m/signal "$bin.err" 'guest arm crashed: SIGSEGV \(signal 11\), si_code SEGV_MAPERR'
    check crash-$m/address "$bin.err" 'fault address 0x20 \(not mapped\)'
    check crash-$m/cpsr "$bin.err" 'cpsr [0-9a-f]{8}'
    check crash-$m/backtrace "$bin.err" '#1  0x[0-9a-f]+ <middle\+0x[0-9a-f]+>'
    check crash-$m/fp-chain "$bin.err" '#2  0x[0-9a-f]+ <main\+0x[0-9a-f]+>'
    if [ $m = arm ]; then
        check crash-$m/pc "$bin.err" '^  pc 0x[0-9a-f]*[02468ace] <crash_here\+0x[0-9a-f]+> in crash-arm$'
        check crash-$m/insn "$bin.err" '^  instruction: str r[0-9]+, \[r[0-9]+(, #0x20)?\]'
        check crash-$m/arm-state "$bin.err" 'cpsr [0-9a-f]{6}[0-1][0-9a-f]'
    else
        check crash-$m/pc "$bin.err" '^  pc 0x[0-9a-f]*[02468ace] <crash_here\+0x[0-9a-f]+> in crash-thumb \(Thumb state\)$'
        check crash-$m/insn "$bin.err" '^  instruction \(Thumb\): str r[0-9]+, \[r[0-9]+(, #0x20)?\]'
        check crash-$m/thumb-state "$bin.err" 'cpsr [0-9a-f]{6}[23][0-9a-f]'
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
