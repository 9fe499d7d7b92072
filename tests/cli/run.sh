#!/usr/bin/env bash
# Command-line and bad-input tests: options, exit statuses, signals, and one clear line for every kind of bad program.
set -u
X=$(realpath "$1"); B=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$B"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }
# expect NAME STATUS-PREDICATE STDERR-REGEX CMD...  (predicate: a number, or "lt128" for 1..127)
expect() {
    local name=$1 want=$2 re=$3; shift 3
    local err; err=$(mktemp)
    "$@" >/dev/null 2>"$err" </dev/null
    local st=$?
    local okst=0
    case $want in lt128) [ $st -ge 1 ] && [ $st -lt 128 ] && okst=1 ;; *) [ $st -eq "$want" ] && okst=1 ;; esac
    if [ $okst -ne 1 ]; then bad "$name" "status $st, wanted $want; stderr: $(head -c 300 "$err")"
    elif [ -n "$re" ] && ! grep -Eq -- "$re" "$err"; then bad "$name" "stderr lacks /$re/: $(head -c 300 "$err")"
    elif [ "$(grep -c . "$err")" -gt 1 ] && [ "$want" = lt128 ]; then bad "$name" "more than one line: $(cat "$err")"
    else ok "$name"; fi
    rm -f "$err"
}
CC=riscv64-linux-gnu-gcc
[ "$here/args.c" -nt "$B/args-static" ] && { $CC -O2 -static -o "$B/args-static" "$here/args.c" && $CC -O2 -o "$B/args-dyn" "$here/args.c" || { echo "0 passed, 1 failed"; exit 1; }; }
SR=/usr/riscv64-linux-gnu

echo 'just text' > "$B/text.txt"
printf '#!/bin/sh\necho hi\n' > "$B/script.sh"; chmod +x "$B/script.sh"
head -c 200 "$B/args-static" > "$B/trunc"
head -c 30 "$B/args-static" > "$B/trunc-hdr"
: > "$B/empty"
expect not-elf lt128 "is not an ELF file" "$X" "$B/text.txt"
expect empty-file lt128 "is not an ELF file" "$X" "$B/empty"
expect script lt128 "is a script" "$X" "$B/script.sh"
expect host-elf lt128 "ELF for x86-64.*xtrace runs: riscv64" "$X" /bin/true
expect missing lt128 "cannot run .*No such file" "$X" "$B/does-not-exist"
expect directory lt128 "not a regular file" "$X" "$B"
expect truncated lt128 "truncated|corrupt" "$X" "$B/trunc"
expect truncated-header lt128 "truncated" "$X" "$B/trunc-hdr"
expect no-interp lt128 "interpreter '/lib/ld-linux-riscv64-lp64d.so.1'.* not found.*-L" "$X" "$B/args-dyn"
expect bad-sysroot lt128 "sysroot '/nonexistent-root' \(-L\) is not a directory" "$X" -L /nonexistent-root "$B/args-dyn"
expect wrong-sysroot lt128 "not found under sysroot /tmp" "$X" -L /tmp "$B/args-dyn"
expect unknown-option lt128 "unknown option '--bogus'" "$X" --bogus "$B/args-static"
expect missing-arg lt128 "option -L needs an argument" "$X" -L
expect help 0 "" "$X" --help
expect exit-status 42 "" "$X" "$B/args-static" 42
expect exit-status-dyn 7 "" "$X" -L $SR "$B/args-dyn" 7
expect segv 139 "SIGSEGV.*si_code SEGV_MAPERR" "$X" "$B/args-static" crash 0x10
expect segv-report 139 "fault address 0x10 \(not mapped\)" "$X" "$B/args-static" crash 0x10

out=$("$X" -E XT_SET=yes -U XT_GONE -0 myname "$B/args-static" a b 2>&1)
want=$'argv[0]=myname\nargv[1]=a\nargv[2]=b\nXT_SET=yes\nXT_GONE=(unset)'
XT_GONE=1 "$X" "$B/args-static" >/dev/null 2>&1
if [ "$out" = "$want" ]; then ok env-argv0; else bad env-argv0 "got: $out"; fi
out=$(XT_GONE=present "$X" -U XT_GONE "$B/args-static" | grep XT_GONE)
[ "$out" = "XT_GONE=(unset)" ] && ok unset || bad unset "got: $out"
out=$(XT_GONE=present "$X" "$B/args-static" | grep XT_GONE)
[ "$out" = "XT_GONE=present" ] && ok env-passthrough || bad env-passthrough "got: $out"
v=$("$X" --version); [[ $v == xtrace\ * ]] && ok version || bad version "got: $v"
rm -f "$B/log.txt"
"$X" -o "$B/log.txt" "$B/args-static" 3 >/dev/null 2>&1
grep -q '^exit_group(3) *= ?' "$B/log.txt" && grep -q '^+++ exited with 3 +++' "$B/log.txt" && ok log-file || bad log-file "log: $(head -c 300 "$B/log.txt" 2>/dev/null)"
out=$(XTRACE_STRACE=1 "$X" "$B/args-static" 2>&1 >/dev/null | tail -n 1)
[ "$out" = "+++ exited with 0 +++" ] && ok env-strace || bad env-strace "got: $out"
out=$(XTRACE_LD_PREFIX=$SR "$X" "$B/args-dyn" 5; echo "st=$?")
[[ $out == *"st=5" ]] && ok env-ld-prefix || bad env-ld-prefix "got: $out"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
