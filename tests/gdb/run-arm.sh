#!/usr/bin/env bash
# gdb-multiarch against xtrace's stub on arm guests, prog.c built -marm and -mthumb: arm-common.gdb (break,
# bt, print of a struct and locals, up/down, stepi, x/4i, info registers cpsr, finish) must give the same
# transcript as under qemu-arm -g; arm-xtrace.gdb covers what qemu's user-mode stub cannot (hardware
# watchpoints with old/new values, catch syscall, backtraces through signal frames) and is checked line by
# line; arm-cli.txt drives xtrace --cli on the same program.
# usage: tests/gdb/run-arm.sh XTRACE BUILD_DIR
set -u
X=$(realpath "$1"); mkdir -p "$2"; B=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }
command -v gdb-multiarch >/dev/null || { echo "FAIL setup: gdb-multiarch missing"; echo "0 passed, 1 failed"; exit 1; }
pids=()
exec 2>"$B/run.stderr" # bash's notes about the stubs it kills; the results are on stdout
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done' EXIT

# is something listening on TCP port $1? (a probe connection would be taken for gdb by qemu's stub)
listening() { grep -Eq "^ *[0-9]+: [0-9A-F]+:$(printf '%04X' "$1") [0-9A-F]+:[0-9A-F]+ 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null; }
# runs gdb script $2 against a stub started by the rest of the command line (with PORT replaced); transcript in $1
session() {
    local out=$1 script=$2; shift 2
    local port=$((20000 + RANDOM % 20000))
    local cmd=("${@/PORT/$port}")
    "${cmd[@]}" > "$out.guest" 2> "$out.stub" &
    local pid=$!; pids+=("$pid")
    for _ in $(seq 100); do listening "$port" && break; sleep 0.05; done
    timeout 60 gdb-multiarch -batch -nx -ex "target remote :$port" -x "$script" "$prog" > "$out" 2>&1
    sleep 0.2; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
}
# stack addresses and the like differ between the two emulators
# (qemu-arm's stack is near 0x40800000, xtrace's below 0xfffff000; so the flags of stack arithmetic differ too:
# the common script prints only cpsr's mode and T bits)
norm() { sed -E 's/0x(f[0-9a-f]{7}|40[78][0-9a-f]{5})\b/0xSTACK/g; s/\(process [0-9]+\)/(process PID)/; /^warning: /d; /^Remote debugging/d' "$1"; }

for m in arm thumb; do
    prog=$B/prog-$m
    if ! arm-linux-gnueabihf-gcc -g -O0 -static -m$m -o "$prog" "$here/prog.c"; then
        bad "gdb-arm/$m/build" "cannot build prog.c"; continue
    fi
    session "$B/$m-common.xtrace" "$here/arm-common.gdb" "$X" -g PORT "$prog"
    session "$B/$m-common.qemu" "$here/arm-common.gdb" qemu-arm -g PORT "$prog"
    if diff <(norm "$B/$m-common.qemu") <(norm "$B/$m-common.xtrace") > "$B/$m-common.diff"; then
        ok "gdb-arm/$m/same-as-qemu"
    else
        bad "gdb-arm/$m/same-as-qemu" "transcripts differ (qemu <, xtrace >):"; head -20 "$B/$m-common.diff"
    fi
    t=$B/$m-common.xtrace
    chk() { if grep -Eq -- "$2" "$t"; then ok "gdb-arm/$m/$1"; else bad "gdb-arm/$m/$1" "no /$2/ in $t"; fi; }
    chk break 'Breakpoint 1, show \(p=0x[0-9a-f]+\) at .*prog.c:3[0-9]'
    chk bt '#1  0x[0-9a-f]+ in main \(\) at .*prog.c'
    chk print-struct '\{x = 3, y = 4, name = 0x[0-9a-f]+ "origin"\}'
    chk locals 'total = 15'
    chk x4i '=> 0x[0-9a-f]+ <show\+[0-9]+>:'
    chk finish '^main \(\) at .*prog.c:4[45]'
    chk exit 'exited normally'
    chk cpsr-mode "^\\\$4 = $([ $m = thumb ] && echo 0x30 || echo 0x10)\$"

    # xtrace's own line-mode debugger on the same build: a breakpoint stops in Thumb code too
    timeout 30 "$X" --cli -x "$here/arm-cli.txt" "$prog" < /dev/null > "$B/$m-cli.out" 2>&1
    t=$B/$m-cli.out
    chk cli-break 'Breakpoint 1, (0x[0-9a-f]+ in )?square \(.*\) at prog.c'
    chk cli-pc '^pc +0x[0-9a-f]*[02468ace] +0x[0-9a-f]+ <square\+[0-9]+>'
    chk cli-run-on 'total=15 sq=49 counter=5'

    session "$B/$m-x.xtrace" "$here/arm-xtrace.gdb" "$X" -g PORT "$prog"
    t=$B/$m-x.xtrace
    chk break-sum 'Breakpoint 1, sum_to \(n=5\) at .*prog.c'
    chk info-registers '^pc +0x[0-9a-f]+ +0x[0-9a-f]+ <sum_to\+[0-9]+>'
    chk info-cpsr "^cpsr +0x[0-9a-f]*$([ $m = thumb ] && echo 3 || echo 1)0 +[0-9]+\$"
    chk t-bit "^\\\$1 = $([ $m = thumb ] && echo 32 || echo 0)\$"
    chk watch 'Hardware watchpoint 2: counter'
    chk watch-old-new 'Old value = 0'
    chk watch-new 'New value = 1'
    chk watch-second 'New value = 2'
    chk finish-value 'Value returned is \$2 = 49'
    chk stepi-x2i '=> 0x[0-9a-f]+ <main\+[0-9]+>:'
    chk catch-syscall 'Catchpoint 4 \(call to syscall write\)'
    chk catch-bt '#0  0x[0-9a-f]+ in (__libc_do_syscall|.*write) \('
    chk kill '\[Inferior 1 \(process [0-9]+\) killed\]'

    # watch-arm.c: each kind of store once, in order (the conditional store that does not run and the store
    # next to the word must not stop), then three loads for the read watchpoint
    prog=$B/watch-$m
    if ! arm-linux-gnueabihf-gcc -g -O0 -static -m$m -o "$prog" "$here/watch-arm.c"; then
        bad "gdb-arm/$m/watch-build" "cannot build watch-arm.c"; continue
    fi
    session "$B/$m-watch.xtrace" "$here/watch-arm.gdb" "$X" -g PORT "$prog"
    t=$B/$m-watch.xtrace
    got=$(grep -Eo '^New value = [0-9]+' "$t" | tr -dc '0-9\n' | tr '\n' ' ')
    want="17 572653585 219615985681 8589934593 25769803781 34359738375 42949672969 42949672971 "
    # strb, strh, str, strd, stm, vstr, vstmia, strex
    if [ "$got" = "$want" ]; then ok "gdb-arm/$m/watch-store-kinds"; else
        bad "gdb-arm/$m/watch-store-kinds" "new values '$got', want '$want'"; fi
    got=$(grep -A3 '^Value = 42949672971' "$t" | grep -Eo '^[0-9]+\s' | tr -d '\t' | tr '\n' ' ')
    if [ "$got" = "27 28 30 " ]; then ok "gdb-arm/$m/rwatch-load-kinds"; else
        bad "gdb-arm/$m/rwatch-load-kinds" "read hits at lines '$got', want '27 28 30 ' (ldr, ldm, vldr)"; fi
    chk watch-exit 'exited normally'

    # sig.c: a backtrace from a handler through xtrace's signal frame (gdb reads the sigcontext behind the
    # sigreturn trampoline) back to main, finish into the trampoline (a breakpoint on a 32-bit Thumb
    # instruction that must still run when resumed), then the SIGSEGV in main
    prog=$B/sig-$m
    if ! arm-linux-gnueabihf-gcc -g -O0 -static -m$m -o "$prog" "$here/sig.c"; then
        bad "gdb-arm/$m/sig-build" "cannot build sig.c"; continue
    fi
    session "$B/$m-sig.xtrace" "$here/arm-signal.gdb" "$X" -g PORT "$prog"
    t=$B/$m-sig.xtrace
    chk handler-break 'Breakpoint 1, on_signal \(sig=10\) at .*sig.c'
    chk handler-bt-frame '^#1  <signal handler called>$'
    chk handler-bt-main '^#[2-6]  0x[0-9a-f]+ in main \(\) at .*sig.c:17$'
    chk handler-finish '^<signal handler called>$'
    chk segv-in-main 'Program received signal SIGSEGV'
    chk segv-line '^0x[0-9a-f]+ in main \(\) at .*sig.c:20$'
    t=$B/$m-sig.xtrace.guest
    chk handlers-returned '^got=22$'
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
