#!/usr/bin/env bash
# Board emulator tests: `xtrace board` and `xtrace attach` against qemu-system (arm, aarch64, riscv64) running
# Debian's U-Boot and a bare-metal echo program, the TUI through tmux, and misbehaving gdbstubs.
#
# usage: tests/board/run.sh XTRACE BUILD_DIR
# Needs qemu-system-arm, qemu-system-misc and u-boot-qemu (each scenario is skipped with a message when its
# emulator or firmware is missing), a cross gcc for the bare-metal program, tmux and python3.
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 XTRACE BUILD_DIR" >&2
    exit 2
fi
X=$(realpath "$1")
mkdir -p "$2" || exit 2
B=$(cd "$2" && pwd)
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pass=0 fail=0 skip=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
skipped() { echo "SKIP $1: $2"; skip=$((skip + 1)); }

# Every emulator, stub and tmux server this run starts has $RUN in its command line or environment: at the end
# (and on any exit) whatever is left of them is a stray, reported and killed by pid.
RUN="$B/run-$$"
mkdir -p "$RUN"
export TMPDIR="$RUN" HOME="$B/home" XTRACE_HISTORY=""
mkdir -p "$HOME"
SOCK="$RUN/tmux.sock"
ours() { pgrep -f -- "$RUN" | grep -vx "$$"; }
cleanup() {
    tmux -S "$SOCK" kill-server >/dev/null 2>&1
    for p in $(ours); do kill "$p" 2>/dev/null; done
    sleep 0.2
    for p in $(ours); do kill -9 "$p" 2>/dev/null; done
    rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

UBOOT=/usr/lib/u-boot
have() { command -v "$1" >/dev/null 2>&1; }
# no_strays NAME: no emulator of this run is left
no_strays() {
    local left
    left=$(ours | xargs -r ps -o pid=,args= -p 2>/dev/null | grep -v tmux)
    if [ -z "$left" ]; then ok "$1/no-strays"; else bad "$1/no-strays" "$left"; fi
}
# cpsr_t FILE: the T bit (Thumb state) of the last cpsr the transcript shows
cpsr_t() {
    local v
    v=$(grep -E '^cpsr +0x' "$1" | tail -1 | awk '{print $2}')
    [ -n "$v" ] && echo $(((v >> 5) & 1))
}
# steps2 FILE: the x/4i listing after "=> " advances by 2 bytes somewhere (Thumb, compressed RISC-V)
steps2() {
    local prev= a
    for a in $(grep -A3 -E '^=> 0x' "$1" | head -4 | grep -oE '0x[0-9a-f]+:' | tr -d ':'); do
        [ -n "$prev" ] && [ $((a - prev)) -eq 2 ] && return 0
        prev=$a
    done
    return 1
}
# expect NAME FILE REGEX: the transcript has a line matching REGEX
expect() {
    if grep -Eq -- "$3" "$2"; then ok "$1"; else bad "$1" "no /$3/ in $2"; fi
}

# ---- U-Boot on three boards: boot, prompt, version, halt, registers, disassembly, hardware breakpoint ----
uboot() { # name qemu firmware-dir extra-args...
    local name=$1 qemu=$2 fw=$UBOOT/$3/u-boot.bin
    shift 3
    if ! have "$qemu"; then skipped "uboot-$name" "$qemu not installed (apt-get install qemu-system-arm qemu-system-misc)"; return; fi
    if [ ! -f "$fw" ]; then skipped "uboot-$name" "$fw missing (apt-get install u-boot-qemu)"; return; fi
    local out="$B/uboot-$name.out"
    timeout 60 "$X" board --cli -x "$SRC/uboot.cmd" -- "$qemu" "$@" -m 256M -nic none -bios "$fw" </dev/null >"$out" 2>&1
    local rc=$?
    expect "uboot-$name/attached" "$out" "^xtrace: started $qemu .*halted at 0x"
    expect "uboot-$name/autoboot" "$out" 'uart: matched "autoboot"'
    expect "uboot-$name/prompt" "$out" 'uart: matched "=> "'
    expect "uboot-$name/version" "$out" 'uart: matched "U-Boot 20[0-9]{2}[^"]*\([A-Z][a-z]{2} [0-9]'
    expect "uboot-$name/halted" "$out" '^Program received signal SIGINT, Interrupt\.'
    expect "uboot-$name/registers" "$out" '^pc +0x[0-9a-f]{5,} +0x'
    expect "uboot-$name/sp" "$out" '^sp +0x[0-9a-f]{5,} '
    # x/4i at the halted pc: four decoded instructions (no .word: the right instruction set)
    local dis
    dis=$(grep -A3 -E '^=> 0x[0-9a-f]{5,}:' "$out" | head -4)
    if [ "$(printf '%s\n' "$dis" | grep -cE '^(=> |   )0x[0-9a-f]+:	[a-z]')" = 4 ] && ! printf '%s' "$dis" | grep -q '\.word\|\.short\|\.insn'; then
        ok "uboot-$name/x4i"
    else
        bad "uboot-$name/x4i" "$dis"
    fi
    expect "uboot-$name/hbreak-set" "$out" '^Hardware assisted breakpoint 1 at 0x'
    expect "uboot-$name/hbreak-hit" "$out" '^Breakpoint 1, 0x[0-9a-f]+ in'
    expect "uboot-$name/hbreak-listed" "$out" '^1 +hw breakpoint +keep y'
    expect "uboot-$name/monitor" "$out" '^VM status: paused'
    if [ $rc -eq 0 ]; then ok "uboot-$name/quit"; else bad "uboot-$name/quit" "exit status $rc"; fi
    case $name in
    arm) [ "$(cpsr_t "$out")" = 0 ] && ok uboot-arm/cpsr-arm-mode || bad uboot-arm/cpsr-arm-mode ;;
    aarch64) expect "uboot-aarch64/x30" "$out" '^x30 +0x' ;;
    riscv64) expect "uboot-riscv64/csr" "$out" '^mstatus +0x' ;;
    esac
    no_strays "uboot-$name"
}
uboot arm qemu-system-arm qemu_arm -M virt
uboot aarch64 qemu-system-aarch64 qemu_arm64 -M virt -cpu cortex-a57
uboot riscv64 qemu-system-riscv64 qemu-riscv64 -M virt

# ---- the bare-metal echo program: break by symbol, watch the global, type on the UART ----
CFLAGS_BARE="-O0 -g -ffreestanding -nostdlib -static -no-pie -mgeneral-regs-only -Wl,-N -Wl,-Ttext=0x40000000 -Wl,-e,_start -Wl,--build-id=none"
build_bare() { # cc out extra-flags...
    local cc=$1 out=$2
    shift 2
    [ -f "$out" ] && [ "$out" -nt "$SRC/echo.c" ] && return 0
    local rwx=
    "$cc" -Wl,--help 2>/dev/null | grep -q no-warn-rwx-segments && rwx=-Wl,--no-warn-rwx-segments
    (cd "$SRC" && "$cc" "$@" $CFLAGS_BARE $rwx -o "$out" echo.c)
}
bare() { # name cc qemu reg0 cc-flags -- qemu-args
    local name=$1 cc=$2 qemu=$3 reg=$4
    shift 4
    local ccflags=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do ccflags+=("$1"); shift; done
    shift
    if ! have "$qemu"; then skipped "bare-$name" "$qemu not installed"; return; fi
    if ! have "$cc"; then skipped "bare-$name" "$cc not installed (apt-get install gcc-arm-linux-gnueabihf / gcc-aarch64-linux-gnu)"; return; fi
    local elf="$B/echo-$name.elf" out="$B/bare-$name.out"
    build_bare "$cc" "$elf" "${ccflags[@]}" || { bad "bare-$name/build"; return; }
    sed "s/REG0/$reg/" "$SRC/bare.cmd" >"$B/bare-$name.cmd"
    timeout 60 "$X" board --cli -x "$B/bare-$name.cmd" --symbols "$elf" -- "$qemu" "$@" -m 256M -nic none -kernel "$elf" \
        </dev/null >"$out" 2>&1
    expect "bare-$name/break-by-symbol" "$out" '^Breakpoint 1 at 0x[0-9a-f]+: file echo\.c, line [0-9]+\.'
    expect "bare-$name/uart-before-stop" "$out" '^echo ready'
    expect "bare-$name/break-hit" "$out" '^Breakpoint 1, echo \(\) at echo\.c:[0-9]+'
    expect "bare-$name/typed-char" "$out" '^\$1 = 0x61$'
    expect "bare-$name/watch-set" "$out" '^Hardware watchpoint 2: count'
    if grep -A3 '^Hardware watchpoint 2: count$' "$out" | grep -q '^Old value = 0$' &&
        grep -A3 '^Hardware watchpoint 2: count$' "$out" | grep -q '^New value = 1$'; then
        ok "bare-$name/watch-hit-1"
    else
        bad "bare-$name/watch-hit-1"
    fi
    expect "bare-$name/watch-hit-2" "$out" '^New value = 2$'
    expect "bare-$name/count-1" "$out" '^\$2 = 1$'
    expect "bare-$name/count-2" "$out" '^\$3 = 2$'
    expect "bare-$name/echoed" "$out" 'uart: matched "ready\\naxy"'
    expect "bare-$name/count-4" "$out" '^\$4 = 4$'
    no_strays "bare-$name"
}
bare arm arm-linux-gnueabihf-gcc qemu-system-arm r0 -marm -- -M virt
bare aarch64 aarch64-linux-gnu-gcc qemu-system-aarch64 x0 -- -M virt -cpu cortex-a57

# Thumb: the disassembly follows cpsr.T
if have qemu-system-arm && have arm-linux-gnueabihf-gcc && build_bare arm-linux-gnueabihf-gcc "$B/echo-thumb.elf" -mthumb; then
    printf 'continue &\nuart expect "echo ready"\ninterrupt\ninfo registers cpsr\nx/4i $pc\nquit\n' >"$B/thumb.cmd"
    timeout 30 "$X" board --cli -x "$B/thumb.cmd" -- qemu-system-arm -M virt -m 256M -nic none -kernel "$B/echo-thumb.elf" \
        </dev/null >"$B/thumb.out" 2>&1
    [ "$(cpsr_t "$B/thumb.out")" = 1 ] && ok thumb/cpsr-T || bad thumb/cpsr-T "$(grep '^cpsr' "$B/thumb.out")"
    # Thumb instructions are 2 or 4 bytes: some step of the listed addresses is 2
    if steps2 "$B/thumb.out"; then
        ok "thumb/x4i"
    else
        bad "thumb/x4i" "$(grep -A3 -E '^=> 0x' "$B/thumb.out")"
    fi
else
    skipped thumb "qemu-system-arm or arm-linux-gnueabihf-gcc missing"
fi

# ---- attach to an emulator started separately (running: connecting halts it), UART on a pty ----
if have qemu-system-arm && [ -f "$UBOOT/qemu_arm/u-boot.bin" ] && have python3; then
    qlog="$RUN/attach-qemu.log"
    qemu-system-arm -M virt -m 256M -nic none -display none -monitor none -bios "$UBOOT/qemu_arm/u-boot.bin" \
        -serial pty -gdb "unix:$RUN/gdb.sock,server=on,wait=off" -qmp "unix:$RUN/qmp.sock,server=on,wait=off" \
        </dev/null >"$qlog" 2>&1 &
    qpid=$!
    end=$((SECONDS + 10))
    while ! grep -q '/dev/pts/' "$qlog" 2>/dev/null || [ ! -S "$RUN/gdb.sock" ]; do
        [ $SECONDS -ge $end ] && break
        sleep 0.1
    done
    pts=$(grep -o '/dev/pts/[0-9]*' "$qlog" | head -1)
    sleep 1 # U-Boot is booting while we attach
    cat >"$B/attach.cmd" <<'EOF'
info registers pc
continue &
uart send "\n"
uart expect "=> " 15
uart send "echo attached-ok\n"
uart expect "\nattached-ok"
interrupt
x/2i $pc
monitor info status
quit
EOF
    out="$B/attach.out"
    timeout 40 "$X" attach --gdb "unix:$RUN/gdb.sock" --uart "pty:$pts" --uart-log "$B/attach-uart.log" --cli \
        -x "$B/attach.cmd" </dev/null >"$out" 2>&1
    rc=$?
    expect attach/connected "$out" "^xtrace: attached to the gdbstub at unix:.*arm, 192 registers, UART pty:/dev/pts/"
    expect attach/prompt "$out" 'uart: matched "=> "'
    expect attach/echo "$out" 'uart: matched "\\nattached-ok"'
    expect attach/halted "$out" '^Program received signal SIGINT'
    expect attach/monitor "$out" '^VM status: paused'
    expect attach/uart-log "$B/attach-uart.log" '^\[ +[0-9]+\.[0-9]{6}\] attached-ok'
    [ $rc -eq 0 ] && ok attach/quit || bad attach/quit "exit status $rc"
    # quitting detached: the emulator runs on, without the debugger
    st=$(python3 - "$RUN/qmp.sock" <<'EOF'
import json, socket, sys
s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(sys.argv[1]); f = s.makefile("rwb")
f.readline(); f.write(b'{"execute":"qmp_capabilities"}\n'); f.flush(); f.readline()
f.write(b'{"execute":"query-status"}\n'); f.flush()
while True:
    r = json.loads(f.readline())
    if "return" in r:
        print(r["return"]["status"]); break
EOF
)
    [ "$st" = running ] && ok attach/detached-runs || bad attach/detached-runs "status '$st'"
    kill "$qpid" 2>/dev/null
    wait "$qpid" 2>/dev/null
else
    skipped attach "qemu-system-arm, U-Boot or python3 missing"
fi

# ---- the TUI through tmux: console (UART) and registers panels at once ----
if have tmux && have qemu-system-arm && [ -f "$B/echo-arm.elf" ]; then
    T() { tmux -S "$SOCK" "$@"; }
    screen() { T capture-pane -t tb -p; }
    wait_for() {
        local end=$((SECONDS + ${2:-10}))
        while [ $SECONDS -lt $end ]; do
            screen | grep -Eq -- "$1" && return 0
            sleep 0.1
        done
        return 1
    }
    send() { T send-keys -t tb -l "$1"; T send-keys -t tb Enter; }
    check() {
        if wait_for "$2" "${3:-10}"; then ok "tui/$1"; else bad "tui/$1" "screen lacks /$2/"; screen | sed 's/^/    | /'; fi
    }
    T new-session -d -s tb -x 120 -y 40 "cd '$B' && TERM=xterm-256color '$X' board --tui --symbols '$B/echo-arm.elf' -- qemu-system-arm -M virt -m 256M -nic none -kernel '$B/echo-arm.elf'; echo \"TUI-EXITED rc=\$?\"; sleep 60"
    check start 'xtrace arm \| stopped'
    check panels '^ Code .*\| Registers'
    send "break echo"
    send 'uart send "k"'
    send "continue"
    check break-hit 'Breakpoint 1, echo \(\) at echo.c:[0-9]+'
    check console-uart '^echo ready +\|'
    check registers-r0 '\|r0  \*0+6b '
    if screen | grep -q '^ Console' && screen | grep -q 'Registers'; then ok tui/both-panels; else bad tui/both-panels; fi
    send "delete"
    send "continue"
    sleep 0.5
    for i in 1 2 3 4 5 6 7 8; do # focus the console: keys go to the board
        screen | grep -q ' Console \*' && break
        T send-keys -t tb Tab
        sleep 0.2
    done
    T send-keys -t tb -l "hi"
    check console-keys '^khi +\|'
    T send-keys -t tb Escape
    sleep 0.3
    T send-keys -t tb C-c
    check interrupted 'Program received signal SIGINT'
    send "quit"
    check quit 'TUI-EXITED rc=0'
    T kill-session -t tb >/dev/null 2>&1
    no_strays tui
else
    skipped tui "tmux, qemu-system-arm or the arm echo program missing"
fi

# ---- failures: each one clear message ----
out="$B/refused.out"
timeout 10 "$X" attach --gdb 127.0.0.1:1 --cli </dev/null >"$out" 2>&1
rc=$?
if [ $rc -eq 1 ] && [ "$(wc -l <"$out")" -eq 1 ] && grep -q '^xtrace: cannot connect to 127.0.0.1:1: Connection refused$' "$out"; then
    ok errors/refused
else
    bad errors/refused "rc $rc: $(cat "$out")"
fi
if have python3; then
    python3 "$SRC/fakestub.py" close "$RUN/stub1.sock" </dev/null >/dev/null 2>&1 &
    sleep 0.5
    out="$B/closes.out"
    timeout 10 "$X" attach --gdb "unix:$RUN/stub1.sock" --cli </dev/null >"$out" 2>&1
    rc=$?
    if [ $rc -eq 1 ] && [ "$(wc -l <"$out")" -eq 1 ] && grep -q 'closed the connection at once' "$out"; then
        ok errors/stub-closes
    else
        bad errors/stub-closes "rc $rc: $(cat "$out")"
    fi
    python3 "$SRC/fakestub.py" badxml "$RUN/stub2.sock" </dev/null >/dev/null 2>&1 &
    sleep 0.5
    out="$B/badxml.out"
    printf 'x/2x 0x1000\nhelp\nquit\n' | timeout 10 "$X" attach --gdb "unix:$RUN/stub2.sock" --cli >"$out" 2>&1
    rc=$?
    expect errors/bad-xml-message "$out" '^xtrace: cannot use the target description of .*: target.xml is not valid XML: .* at line 1'
    expect errors/bad-xml-usable "$out" '^0x1000:	0xabababab	0xabababab'
    [ $rc -eq 0 ] && ok errors/bad-xml-quit || bad errors/bad-xml-quit "exit status $rc"
else
    skipped errors-stub "python3 missing"
fi
if have qemu-system-arm && [ -f "$UBOOT/qemu_arm/u-boot.bin" ]; then
    # the board powers off: W00 then EOF; a UART expect on a halted CPU; an expect on a closed UART
    cat >"$B/poweroff.cmd" <<'EOF'
uart expect "nothing" 1
continue &
uart expect "autoboot" 20
uart send " "
uart expect "=> "
uart send "poweroff\n"
uart expect "never" 5
info registers pc
quit
EOF
    out="$B/poweroff.out"
    timeout 40 "$X" board --cli -x "$B/poweroff.cmd" -- qemu-system-arm -M virt -m 256M -nic none \
        -bios "$UBOOT/qemu_arm/u-boot.bin" </dev/null >"$out" 2>&1
    expect errors/silent-halted "$out" '^uart expect: no /nothing/ within 1 s: the CPU is halted'
    expect errors/poweroff "$out" '^\[Inferior 1 \(process [0-9]+\) exited normally\]'
    expect errors/uart-closed "$out" '^uart expect: the UART \(tcp:.*\) closed before /never/ appeared'
    expect errors/no-registers "$out" '^The program has no registers now\.'
    no_strays poweroff
fi

# the emulator dies under the debugger (no W packet, just EOF): one message, and the session goes on
if have qemu-system-arm && [ -f "$UBOOT/qemu_arm/u-boot.bin" ]; then
    qemu-system-arm -M virt -m 256M -nic none -display none -monitor none -bios "$UBOOT/qemu_arm/u-boot.bin" \
        -serial null -gdb "unix:$RUN/gdb2.sock,server=on,wait=off" </dev/null >/dev/null 2>&1 &
    qpid=$!
    disown "$qpid" # its SIGKILL is the point: no job report
    end=$((SECONDS + 10))
    while [ ! -S "$RUN/gdb2.sock" ] && [ $SECONDS -lt $end ]; do sleep 0.1; done
    (sleep 1.5; kill -9 "$qpid") &
    out="$B/dies.out"
    printf 'continue\ninfo registers pc\nquit\n' | timeout 20 "$X" attach --gdb "unix:$RUN/gdb2.sock" --cli >"$out" 2>&1
    rc=$?
    expect errors/emulator-dies "$out" '^xtrace: the gdbstub at unix:.* closed the connection \(did the emulator exit\?\)'
    expect errors/emulator-dies-report "$out" '^Program terminated with signal SIGHUP'
    [ $rc -eq 0 ] && ok errors/emulator-dies-quit || bad errors/emulator-dies-quit "exit status $rc"
fi

# the emulator's own complaint when it cannot start
if have qemu-system-arm; then
    out="$B/badboard.out"
    timeout 20 "$X" board --cli -- qemu-system-arm -M no-such-board </dev/null >"$out" 2>&1
    rc=$?
    if [ $rc -eq 1 ] && grep -q "^xtrace: qemu-system-arm exited before it was ready: .*machine" "$out"; then
        ok errors/emulator-fails
    else
        bad errors/emulator-fails "rc $rc: $(cat "$out")"
    fi
fi
no_strays all

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
