#!/usr/bin/env bash
# gdb-multiarch against xtrace's stub on an aarch64 guest: breakpoint by symbol, stepi, bt, watchpoint with
# old/new values, finish with a returned value, kill.
set -u
X=$(realpath "$1"); B=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$B"
command -v gdb-multiarch >/dev/null || { echo "FAIL setup: gdb-multiarch missing"; echo "0 passed, 1 failed"; exit 1; }
aarch64-linux-gnu-gcc -g -O0 -static -o "$B/prog-a64" "$here/prog.c" || { echo "0 passed, 1 failed"; exit 1; }
port=$((20000 + RANDOM % 20000))
"$X" -g "$port" "$B/prog-a64" > "$B/a64.out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
timeout 60 gdb-multiarch -batch -nx -ex "target remote :$port" -ex 'break sum_to' -ex c -ex bt -ex stepi \
    -ex 'x/1i $pc' -ex 'watch counter' -ex c -ex 'delete 2' -ex finish -ex kill "$B/prog-a64" > "$B/a64.gdb" 2>&1
pass=0 fail=0
check() { if grep -Eq -- "$2" "$B/a64.gdb"; then pass=$((pass + 1)); echo "PASS a64/$1"; else fail=$((fail + 1)); echo "FAIL a64/$1: no /$2/ in the gdb transcript"; fi; }
check break 'Breakpoint 1, sum_to \(n=5\) at .*prog.c'
check bt '#1 .* in main \(\) at .*prog.c'
check stepi '=> 0x[0-9a-f]+ <sum_to\+[0-9]+>:'
check finish 'Value returned is \$1 = 15'
check watch 'Old value = 0'
check watch-new 'New value = 1'
check kill 'killed'

# fork events and a breakpoint in the parent (the child runs on), and Ctrl-C of a guest blocked in nanosleep
aarch64-linux-gnu-gcc -g -O0 -static -o "$B/fork-a64" "$here/fork.c" &&
    aarch64-linux-gnu-gcc -g -O0 -static -o "$B/block-sleep-a64" "$here/block.c" || { echo "0 passed, 1 failed"; exit 1; }
port=$((20000 + RANDOM % 20000))
"$X" -g "$port" "$B/fork-a64" > "$B/fork-a64.out" 2>&1 &
pid=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
timeout 60 gdb-multiarch -batch -nx -ex "target remote :$port" -ex 'catch fork' -ex 'break work' -ex c -ex c -ex bt \
    -ex c "$B/fork-a64" > "$B/a64.gdb" 2>&1
for _ in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check catch-fork 'Catchpoint 1 \(forked process [0-9]+\)'
check fork-detach 'Detaching after fork from child process'
check fork-parent-bp 'Breakpoint 2, work \(who=1\) at .*fork.c'
check fork-exit 'exited normally'
if grep -q "child works" "$B/fork-a64.out" && grep -q "parent: child exit status 7, work 2" "$B/fork-a64.out"; then
    pass=$((pass + 1)); echo "PASS a64/fork-output"; else fail=$((fail + 1)); echo "FAIL a64/fork-output: $(cat "$B/fork-a64.out")"; fi

port=$((20000 + RANDOM % 20000))
rm -f "$B/block-a64.out"
"$X" -g "$port" "$B/block-sleep-a64" > "$B/block-a64.out" 2>&1 &
pid=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
# (gdb gets the SIGINT itself: `timeout` would pass it on to its whole process group too, a second Ctrl-C)
env --default-signal=INT gdb-multiarch -batch -nx -ex "target remote :$port" -ex c -ex bt -ex c \
    "$B/block-sleep-a64" > "$B/a64.gdb" 2>&1 </dev/null &
gpid=$!
for _ in $(seq 100); do grep -q blocking "$B/block-a64.out" && break; sleep 0.05; done
sleep 0.3
kill -INT $gpid
for _ in $(seq 300); do kill -0 $gpid 2>/dev/null || kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -9 $gpid $pid 2>/dev/null
wait $gpid 2>/dev/null
wait $pid 2>/dev/null
check intr-sleep 'Program received signal SIGINT, Interrupt'
check intr-sleep-bt '#[0-9] .* in nap \(\) at .*block.c'
check intr-sleep-done 'exited normally'
if grep -q "nanosleep returned 0" "$B/block-a64.out"; then pass=$((pass + 1)); echo "PASS a64/intr-sleep-output"
else fail=$((fail + 1)); echo "FAIL a64/intr-sleep-output: $(cat "$B/block-a64.out")"; fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
