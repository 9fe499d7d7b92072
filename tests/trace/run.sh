#!/usr/bin/env bash
# Golden syscall-log tests: guest programs print what the log must (and must not) hold; cases.txt lists programs and options.
#
# A program's stdout lines (others are ignored):
#   EXPECT <line>      the log holds this exact line, after the previous EXPECT/EXPECT_RE match
#   EXPECT_RE <ERE>    a line matching this extended regex (whole line), in order with EXPECT
#   ABSENT_RE <ERE>    no log line matches
#   JSON               every log line is a JSON object (checked with python3)
# cases.txt: program expected-status options... [ARGS guest arguments]; a program named NAME@arm is NAME.c
# built for 32-bit arm (arm-linux-gnueabihf-gcc), NAME@aarch64 for aarch64, else for riscv64; @HERE@ in
# options is this directory.
# Then tests/trace/strace-compare.sh compares a program's log with real strace (skipped without strace), and
# tests/trace/qemu-compare-arm.sh the arm32 program's log with qemu-arm -strace (skipped without qemu-arm).
set -u
X=$(realpath "$1")
mkdir -p "$2"; B=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
CC=riscv64-linux-gnu-gcc
while read -r prog status rest; do
    case $prog in ''|'#'*) continue ;; esac
    opts=${rest%%ARGS*}; args=; [[ $rest == *ARGS* ]] && args=${rest#*ARGS }
    opts=${opts% }
    opts=${opts//@HERE@/$here}
    bin=$B/$prog src=$here/${prog%@*}.c cc=$CC
    case $prog in *@arm) cc=arm-linux-gnueabihf-gcc ;; *@aarch64) cc=aarch64-linux-gnu-gcc ;; esac
    if ! command -v "$cc" >/dev/null; then echo "SKIP $prog: no $cc"; continue; fi
    if [ "$src" -nt "$bin" ]; then
        $cc -O2 -static -pthread -o "$bin" "$src" || { fail=$((fail + 1)); echo "FAIL $prog: does not build"; continue; }
    fi
    name="$prog${opts:+ $opts}${args:+ ($args)}"
    rm -f "$B/log"
    # shellcheck disable=SC2086
    { "$X" -strace $opts -o "$B/log" "$bin" $args > "$B/out" 2> "$B/err"; } 2>/dev/null  # no shell crash notice
    st=$?
    if [ "$st" -ne "$status" ]; then
        fail=$((fail + 1)); echo "FAIL $name: status $st, wanted $status; $(head -c 300 "$B/err")"; continue
    fi
    # Every expected line must appear, in order.
    line_no=0 missing='' bad=''
    while IFS= read -r want; do
        kind=${want%% *}; pat=${want#* }
        case $kind in
        EXPECT) got=$(tail -n +$((line_no + 1)) "$B/log" | grep -a -n -F -x -- "$pat" | head -n 1 | cut -d: -f1) ;;
        EXPECT_RE) got=$(tail -n +$((line_no + 1)) "$B/log" | grep -a -n -E -x -- "$pat" | head -n 1 | cut -d: -f1) ;;
        ABSENT_RE)
            if grep -q -E -x -- "$pat" "$B/log"; then bad="log has a line matching $pat: $(grep -E -x -m1 -- "$pat" "$B/log")"; break; fi
            continue ;;
        JSON)
            if ! python3 -c 'import json, sys
for n, l in enumerate(open(sys.argv[1]), 1):
    o = json.loads(l)
    assert isinstance(o, dict) and "type" in o, "line %d is not an event object" % n' "$B/log" 2>"$B/json.err"; then
                bad="log is not JSON lines: $(tail -n 1 "$B/json.err")"; break
            fi
            continue ;;
        *) continue ;;
        esac
        if [ -z "$got" ]; then missing=$pat; break; fi
        line_no=$((line_no + got))
    done < <(grep -a -E '^(EXPECT|EXPECT_RE|ABSENT_RE|JSON)( |$)' "$B/out" | sed 's/^JSON$/JSON -/')  # -a: a stray byte must not hide them
    if [ -n "$bad" ]; then
        fail=$((fail + 1)); echo "FAIL $name: $bad"
    elif [ -n "$missing" ]; then
        fail=$((fail + 1)); echo "FAIL $name: log lacks (in order): $missing"
        key=${missing#\[pid * }; key=${key#^}; key=${key%%(*}
        grep -F -- "$key" "$B/log" | head -n 3 | sed 's/^/    log has: /'
    else
        pass=$((pass + 1)); echo "PASS $name ($(grep -a -c -E '^(EXPECT|EXPECT_RE|ABSENT_RE|JSON)' "$B/out") checks)"
    fi
done < "$here/cases.txt"

# A malformed --ioctl-defs file stops xtrace before the guest runs, naming the line and what was expected.
printf 'OK_REQ _IOR(1, 2, int)\nBAD_REQ _IOWR(1, 3) { ptr p; bogus x; }\n' > "$B/bad.defs"
"$X" --ioctl-defs "$B/bad.defs" "$B/golden" > "$B/out" 2> "$B/err"; st=$?
want="xtrace: $B/bad.defs:2: expected a field kind (u8..u64, s8..s64, int, uint, long, ulong, size_t, ssize_t, ptr, char, fd, aligned_u64) or '}' (at 'bogus')"
if [ "$st" -eq 1 ] && [ "$(cat "$B/err")" = "$want" ] && [ ! -s "$B/out" ]; then
    pass=$((pass + 1)); echo "PASS ioctl-defs error"
else
    fail=$((fail + 1)); echo "FAIL ioctl-defs error: status $st, stderr: $(head -c 300 "$B/err")"
fi

# The log against real strace on the same program built for the host.
if out=$("$here/strace-compare.sh" "$X" "$B/compare" 2>&1); then
    pass=$((pass + 1)); echo "PASS strace-compare: ${out##*$'\n'}"
else
    case $out in
    SKIP*) echo "$out" ;;
    *) fail=$((fail + 1)); echo "FAIL strace-compare: $(tail -n 5 <<<"$out")" ;;
    esac
fi
# A 32-bit arm guest's log against qemu-arm -strace: what both print must agree.
if [ -x "$B/arm32@arm" ]; then
    if out=$("$here/qemu-compare-arm.sh" "$X" "$B/arm32@arm" 2>&1); then
        case $out in
        SKIP*) echo "$out" ;;
        *) pass=$((pass + 1)); echo "PASS qemu-compare-arm: $out" ;;
        esac
    else
        fail=$((fail + 1)); echo "FAIL qemu-compare-arm: $out"
    fi
fi
# Blocking calls nothing interrupts are logged once: exactly the program's 20 timed-out selects, no EINTR.
if [ -x "$B/arm32@arm" ]; then
    n=$(cd "$B" && "$X" -strace ./arm32@arm 2>&1 >/dev/null | grep -c '^_newselect(0, NULL, NULL, NULL, {tv_sec=0, tv_usec=2000})')
    if [ "$n" = 20 ]; then pass=$((pass + 1)); echo "PASS arm32-no-spurious-eintr"
    else fail=$((fail + 1)); echo "FAIL arm32-no-spurious-eintr: $n _newselect lines, expected 20"; fi
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
