#!/usr/bin/env bash
# Golden syscall-log tests: each guest program prints "EXPECT <line>" for every line the log must contain, in order.
set -u
X=$(realpath "$1"); B=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$B"
pass=0 fail=0
CC=riscv64-linux-gnu-gcc
while read -r prog status rest; do
    case $prog in ''|'#'*) continue ;; esac
    opts=${rest%%ARGS*}; args=; [[ $rest == *ARGS* ]] && args=${rest#*ARGS }
    bin=$B/$prog
    if [ "$here/$prog.c" -nt "$bin" ]; then
        $CC -O2 -static -o "$bin" "$here/$prog.c" || { fail=$((fail + 1)); echo "FAIL $prog: does not build"; continue; }
    fi
    name="$prog${opts:+ $opts}${args:+ ($args)}"
    # shellcheck disable=SC2086
    "$X" -strace $opts -o "$B/log" "$bin" $args > "$B/out" 2> "$B/err"
    st=$?
    if [ "$st" -ne "$status" ]; then
        fail=$((fail + 1)); echo "FAIL $name: status $st, wanted $status; $(head -c 300 "$B/err")"; continue
    fi
    # Every expected line must appear, in order.
    line_no=0 missing=
    while IFS= read -r want; do
        got=$(tail -n +$((line_no + 1)) "$B/log" | grep -n -F -x -- "$want" | head -n 1 | cut -d: -f1)
        if [ -z "$got" ]; then missing=$want; break; fi
        line_no=$((line_no + got))
    done < <(sed -n 's/^EXPECT //p' "$B/out")
    if [ -n "$missing" ]; then
        fail=$((fail + 1)); echo "FAIL $name: log lacks (in order): $missing"
        grep -F -- "${missing%%(*}(" "$B/log" | head -n 3 | sed 's/^/    log has: /'
    else
        pass=$((pass + 1)); echo "PASS $name ($(grep -c '^EXPECT' "$B/out") lines)"
    fi
done < "$here/cases.txt"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
