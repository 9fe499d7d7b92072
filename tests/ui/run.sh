#!/usr/bin/env bash
# UI tests: --cli scenarios with exact expected output, TUI scenarios driven through tmux, and the TUI's speed cost.
#
# usage: tests/ui/run.sh XTRACE BUILD_DIR
#   cli/NAME.cmd     commands for `xtrace --cli -x NAME.cmd prog`; cli/NAME.expected is the exact output
#                    (prog by prefix: arm-/thumb- prog-arm/-thumb, dw4- riscv64 -gdwarf-4, a64- aarch64, ret-arm rettypes.c)
#                    (pids, LWPs and stack addresses normalised). UPDATE=1 rewrites the expected files.
# Environment: CROSS_CC (riscv64-linux-gnu-gcc), UI_SPEED=0 skips the speed measurement.
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 XTRACE BUILD_DIR" >&2
    exit 2
fi
X=$(realpath "$1")
mkdir -p "$2" || exit 2
B=$(cd "$2" && pwd)
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CC=${CROSS_CC:-riscv64-linux-gnu-gcc}
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "run.sh: cross compiler '$CC' not found"
    echo "0 passed, 1 failed"
    exit 1
fi
for p in prog spin; do
    if [ ! -x "$B/$p" ] || [ "$SRC/$p.c" -nt "$B/$p" ]; then
        # built in the test directory with a relative name, so DWARF paths and messages are the same everywhere
        opt=-O0
        [ "$p" = spin ] && opt=-O2
        (cd "$SRC" && "$CC" -g $opt -static -o "$B/$p" "$p.c") || { bad "build $p"; }
    fi
done
# arm builds of prog for the arm-*.cmd (-marm) and thumb-*.cmd (-mthumb) scenarios
ACC=${ARM_CC:-arm-linux-gnueabihf-gcc}
if command -v "$ACC" >/dev/null 2>&1; then
    for m in arm thumb; do
        if [ ! -x "$B/prog-$m" ] || [ "$SRC/prog.c" -nt "$B/prog-$m" ]; then
            (cd "$SRC" && "$ACC" -g -O0 -static -m$m -w -o "$B/prog-$m" prog.c) || bad "build prog-$m"
        fi
    done
    if [ ! -x "$B/rettypes-arm" ] || [ "$SRC/rettypes.c" -nt "$B/rettypes-arm" ]; then
        (cd "$SRC" && "$ACC" -g -O0 -static -w -o "$B/rettypes-arm" rettypes.c) || bad "build rettypes-arm"
    fi
fi
# DWARF 4 builds (directory 0 of their line tables is the unit's DW_AT_comp_dir) for dw4-*.cmd (riscv64) and a64-*.cmd
build_dw4() { # out compiler
    if [ ! -x "$B/$1" ] || [ "$SRC/prog.c" -nt "$B/$1" ]; then
        (cd "$SRC" && "$2" -g -gdwarf-4 -O0 -static -w -o "$B/$1" prog.c) || bad "build $1"
    fi
}
build_dw4 prog-dw4 "$CC"
# exec-*.cmd: exec-a execs the foreign program exec-b (the front end follows it into the re-executed xtrace)
for p in exec-a exec-b; do
    if [ ! -x "$B/$p" ] || [ "$SRC/$p.c" -nt "$B/$p" ]; then
        (cd "$SRC" && "$CC" -g -O0 -static -o "$B/$p" "$p.c") || bad "build $p"
    fi
done
A64CC=${A64_CC:-aarch64-linux-gnu-gcc}
command -v "$A64CC" >/dev/null 2>&1 && build_dw4 prog-a64 "$A64CC"
export HOME="$B/home" XTRACE_HISTORY=""
mkdir -p "$HOME"

# ---- line mode ----
norm() { sed -E "s#$B/#BUILD/#g" | sed -E 's/process [0-9]+/process PID/g; s/LWP [0-9]+ */LWP N  /g; s/0x0*3f[0-9a-f]{8}\b/0xSTACK/g'; }
for cmd in "$SRC"/cli/*.cmd; do
    name=$(basename "$cmd" .cmd)
    exp="$SRC/cli/$name.expected"
    out="$B/cli-$name.out"
    prog=./prog
    case $name in arm-*) prog=./prog-arm ;; thumb-*) prog=./prog-thumb ;; dw4-*) prog=./prog-dw4 ;; a64-*) prog=./prog-a64 ;;
        ret-arm) prog=./rettypes-arm ;; exec-*) prog=./exec-a ;; esac
    if [ "$prog" != ./prog ] && [ ! -x "$B/$prog" ]; then bad "cli/$name" "no cross compiler for $prog"; continue; fi
    (cd "$B" && timeout 20 "$X" --cli -x "$cmd" "$prog" </dev/null 2>&1; echo "[xtrace exit status $?]") | norm >"$out"
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$out" "$exp"
    fi
    if [ -f "$exp" ] && diff -u "$exp" "$out" >"$out.diff"; then
        ok "cli/$name"
    else
        bad "cli/$name" "output differs (see $out.diff)"
        head -20 "$out.diff"
    fi
done

# Damaged DWARF (.debug_info/.debug_abbrev/.debug_line/.debug_str bytes overwritten, often in the headers) must not
# crash or hang the front end: a fixed pseudo-random sequence, so a failure is repeatable (the file is kept).
RANDOM=7
corrupt_ok=0 corrupt_bad=""
for base in prog-arm prog-dw4; do
    [ -x "$B/$base" ] || continue
    while read -r sname soff ssize; do
        soff=$((16#$soff)) ssize=$((16#$ssize))
        [ "$ssize" -gt 0 ] || continue
        for v in 1 2 3 4 5 6 7 8 9 10 11 12; do
            f="$B/corrupt.elf"
            cp "$B/$base" "$f"
            for k in 1 2 3 4; do
                if [ $((RANDOM % 2)) = 0 ]; then o=$((RANDOM % 24 % ssize)); else o=$((RANDOM % ssize)); fi
                printf "\\$(printf %03o $((RANDOM % 256)))" | dd of="$f" bs=1 seek=$((soff + o)) conv=notrunc status=none
            done
            printf 'break add\ncontinue\nbt\nfinish\nlist\nquit\n' | (cd "$B" && timeout 10 "$X" --cli ./corrupt.elf >/dev/null 2>&1)
            rc=$?
            if [ $rc -ge 124 ]; then
                corrupt_bad="$corrupt_bad $base:$sname:$v:rc=$rc"
                cp "$f" "$B/corrupt-$base$sname-$v.elf"
            else
                corrupt_ok=$((corrupt_ok + 1))
            fi
        done
    done < <(readelf -SW "$B/$base" | sed 's/^ *\[ *[0-9]*\]//' | awk '$1 ~ /^\.debug_(info|abbrev|line|str)$/ {print $1, $4, $5}')
done
if [ -z "$corrupt_bad" ] && [ "$corrupt_ok" -gt 0 ]; then ok "cli/corrupt-dwarf ($corrupt_ok damaged files)"; else bad "cli/corrupt-dwarf" "${corrupt_bad:-no files}"; fi

# Commands from stdin give the same transcript as -x.
printf 'break main\ncontinue\nquit\n' | (cd "$B" && timeout 20 "$X" --cli ./prog >"$B/stdin.out" 2>&1)
if grep -q '^Breakpoint 1, main () at prog.c:21$' "$B/stdin.out"; then ok "cli/stdin"; else bad "cli/stdin"; fi
# Commands from a pipe go on after an exec where the old image stopped reading them (stdin is read unbuffered).
printf 'set breakpoint pending on\nbreak second_func\ncontinue\nprint stage\ncontinue\n' |
    (cd "$B" && timeout 20 "$X" --cli ./exec-a >"$B/stdin-exec.out" 2>&1)
if grep -q '^Breakpoint 1, second_func () at exec-b.c:8$' "$B/stdin-exec.out" && grep -q '^\$1 = 2$' "$B/stdin-exec.out" &&
    grep -q '^exec-b: from-a r 12$' "$B/stdin-exec.out"; then ok "cli/stdin-exec"; else bad "cli/stdin-exec"; fi
# The exec of a host program: said at the exec stop; it runs natively, without the debugger.
printf 'continue\ncontinue\n' | (cd "$B" && timeout 20 "$X" --cli ./exec-a /bin/true >"$B/host-exec.out" 2>&1)
hst=$?
if [ $hst = 0 ] && grep -q '^process [0-9]* is executing new program: /bin/true (continuing lets it run without the debugger)$' "$B/host-exec.out"; then
    ok "cli/host-exec"; else bad "cli/host-exec" "status $hst"; fi

# ---- TUI through tmux (a private server, killed on exit) ----
if ! command -v tmux >/dev/null 2>&1; then
    bad "tui" "tmux is not installed"
    echo "$pass passed, $fail failed"
    exit 1
fi
SOCK="$B/tmux-$$.sock"
T() { tmux -S "$SOCK" "$@"; }
cleanup() { T kill-server >/dev/null 2>&1; rm -f "$SOCK"; }
trap cleanup EXIT
# a session that lives as long as the test keeps the server up between the scenarios' sessions
T new-session -d -s keep -x 80 -y 24 "sleep 300"
S=ui # the scenario's session
screen() { T capture-pane -t "$S" -p; }
# wait_for REGEX [seconds]: until the screen matches
wait_for() {
    local end=$((SECONDS + ${2:-8}))
    while [ $SECONDS -lt $end ]; do
        screen | grep -Eq -- "$1" && return 0
        sleep 0.1
    done
    return 1
}
send() { T send-keys -t "$S" -l "$1"; T send-keys -t "$S" Enter; } # -l: "delete" is text, not the Delete key
check() { # name regex [seconds]
    if wait_for "$2" "${3:-8}"; then ok "tui/$1"; else bad "tui/$1" "screen lacks /$2/"; screen | sed 's/^/    | /'; fi
}

T new-session -d -s ui -x 100 -y 30 "cd '$B' && TERM=xterm-256color XTRACE_TUI_LOG='$B/tui1.log' '$X' --tui ./prog; echo \"TUI-EXITED rc=\$?\"; sleep 60"
check start-entry '^ ?> 0x[0-9a-f]+ <_start> '
check start-status 'stopped: at entry'
send "break main"
send "continue"
check break-main 'Breakpoint 1, main \(\) at prog.c:21'
check code-main '> 0x[0-9a-f]+ <main\+[0-9]+> '
check code-source '21 +bump\(\);'
send "stepi"
check stepi-pc '\| pc 0x[0-9a-f]+ <bump> \|'
check stepi-changed 'ra  \*[0-9a-f]{16}'
check stepi-regs 'sp   [0-9a-f]{16}'
check stack-panel '#1  0x[0-9a-f]+ in main \(\) at prog.c:21'
send "watch counter"
send "continue"
check watch-old 'Old value = 1'
check watch-new 'New value = 2'
send "delete"
send "continue"
check console-output '^hello from the guest +\|'
check syscalls-write 'write\(1, "hello from the guest\\n", 21\) = 21'
check exit-status 'exited with code 3'
T resize-window -t ui -x 80 -y 24
sleep 0.5
if wait_for '^ Code {30,}\| Registers' && [ "$(screen | wc -l)" -le 24 ] && ! screen | awk 'length > 80 {f=1} END {exit !f}' &&
    screen | grep -q '^ Output'; then
    ok "tui/resize-80x24"
else
    bad "tui/resize-80x24"
    screen | sed 's/^/    | /'
fi
T resize-window -t ui -x 120 -y 40
check resize-120x40 '^ Code {60,}\| Registers'
send "quit"
if wait_for 'TUI-EXITED rc=3' && ! screen | grep -q 'Registers'; then
    ok "tui/quit-clean"
else
    bad "tui/quit-clean"
    screen | sed 's/^/    | /'
fi
T kill-session -t ui >/dev/null 2>&1

# The key map, focus cycling and function keys.
S=ui2
T new-session -d -s ui2 -x 100 -y 30 "cd '$B' && '$X' --tui ./prog; sleep 60"
wait_for 'stopped: at entry' >/dev/null
T send-keys -t ui2 '?'
check keymap 'F9 +breakpoint at cursor'
T send-keys -t ui2 Escape
sleep 0.3
T send-keys -t ui2 Tab
check focus-code ' Code \* '
T send-keys -t ui2 Down
sleep 0.2
T send-keys -t ui2 F9
check f9-break 'Breakpoint 1 at 0x[0-9a-f]+'
T send-keys -t ui2 Escape
sleep 0.3
T send-keys -t ui2 F5
check f5-continue 'Breakpoint 1, 0x[0-9a-f]+ in _start \(\)'
send "quit"
T kill-session -t ui2 >/dev/null 2>&1

# An exec of a foreign program: the TUI follows it (breakpoint pending in the new program, the console kept).
S=ui-exec
T new-session -d -s ui-exec -x 100 -y 30 "cd '$B' && TERM=xterm-256color '$X' --tui ./exec-a; echo \"TUI-EXITED rc=\$?\"; sleep 60"
wait_for 'stopped: at entry' >/dev/null
send "set breakpoint pending on"
send "break second_func"
send "continue"
check exec-report 'process [0-9]+ is executing new program: .*/exec-b'
check exec-break 'Breakpoint 1, second_func \(\) at exec-b.c:8'
check exec-code 'B> 0x[0-9a-f]+ <second_fu'
send "continue"
check exec-console '^exec-b: from-a r 12 +\|'
send "quit"
check exec-quit 'TUI-EXITED rc=0'
T kill-session -t ui-exec >/dev/null 2>&1

# arm: the Thumb build in the TUI: Thumb disassembly (2-byte steps), 8-digit arm registers, cpsr decoded, finish's value.
S=ui3
if [ -x "$B/prog-thumb" ]; then
    T new-session -d -s ui3 -x 100 -y 30 "cd '$B' && TERM=xterm-256color '$X' --tui ./prog-thumb; sleep 60"
    check arm-start 'xtrace arm \| stopped: at entry'
    send "break add"
    send "continue"
    check arm-thumb-code 'B> 0x0001044a <add\+10> +ldr r2, \[r7, #4\] '
    check arm-thumb-next '^   0x0001044c <add\+12> +ldr r3, \[r7\] '
    check arm-source '11 +return a \+ b;'
    check arm-regs '\|r0  \*?00000001 r1  \*?00000001 r2 '
    check arm-cpsr '\|cpsr \[ M=usr T GE=[0-9a-fx]+ ([NZCVQ] )*\]'
    check arm-stack '#1  0x0001046e in bump \(\) at prog.c:16'
    send "finish"
    check arm-finish-value 'Value returned is \$1 = 2'
    check arm-finish-code ' > 0x0001046e <bump\+18> +mov r2, r0 '
    check arm-mem '\|f[0-9a-f]{7} [0-9a-f]{2} '
    send "quit"
    T kill-session -t ui3 >/dev/null 2>&1
else
    bad "tui/arm" "no prog-thumb (arm cross compiler $ACC)"
fi

# ---- speed: a CPU-bound guest under --tui + continue against a plain run ----
if [ "${UI_SPEED:-1}" != 0 ]; then
    # best of three runs each, alternating, so other load on the machine disturbs both sides alike
    N=${UI_SPEED_N:-100000000}
    printf 'continue\nquit\n' >"$B/spin.cmd"
    plain=0 tui=0
    for i in 1 2 3; do
        t0=$(date +%s%N)
        "$X" "$B/spin" "$N" >/dev/null
        ms=$((($(date +%s%N) - t0) / 1000000))
        [ "$plain" -eq 0 ] || [ "$ms" -lt "$plain" ] && plain=$ms
        rm -f "$B/tui.ms"
        T new-session -d -s speed -x 100 -y 30 "s=\$(date +%s%N); '$X' --tui -x '$B/spin.cmd' '$B/spin' $N; echo \$(((\$(date +%s%N) - s) / 1000000)) >'$B/tui.ms'; sleep 30"
        end=$((SECONDS + 60))
        while [ ! -s "$B/tui.ms" ] && [ $SECONDS -lt $end ]; do sleep 0.1; done
        ms=$(cat "$B/tui.ms" 2>/dev/null || echo 0)
        T kill-session -t speed >/dev/null 2>&1
        [ "$ms" -gt 0 ] && { [ "$tui" -eq 0 ] || [ "$ms" -lt "$tui" ]; } && tui=$ms
    done
    if [ "$tui" -gt 0 ] && [ "$plain" -gt 0 ]; then
        ratio=$(awk -v a="$tui" -v b="$plain" 'BEGIN { printf "%.2f", a / b }')
        echo "speed: plain ${plain} ms, --tui + continue ${tui} ms, ratio $ratio"
        if awk -v r="$ratio" 'BEGIN { exit !(r < 1.5) }'; then ok "tui/speed"; else bad "tui/speed" "ratio $ratio"; fi
    else
        bad "tui/speed" "no timing"
    fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
