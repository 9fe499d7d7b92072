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
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
