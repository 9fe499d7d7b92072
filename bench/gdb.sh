#!/usr/bin/env bash
# gdb stub bench: stepi and breakpoint-hit rates through gdb-multiarch for xtrace -g and qemu-riscv64 -g,
# and what a watchpoint costs a CPU-bound loop under xtrace (qemu-user has no watchpoints).
# usage: bench/gdb.sh [XTRACE]    (env: BENCH_BUILD, BENCH_RUNS=3 (best run reported), STEPS=10000, HITS=10000,
#                                 LOOP=20000000)
set -u
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
X=$(realpath "${1:-${XTRACE:-$ROOT/build/xtrace}}")
BUILD=${BENCH_BUILD:-$ROOT/build/bench}
QEMU=$(command -v qemu-riscv64 || true)
GDB=$(command -v gdb-multiarch) || { echo "bench/gdb.sh: gdb-multiarch is not installed" >&2; exit 1; }
STEPS=${STEPS:-10000} HITS=${HITS:-10000} LOOP=${LOOP:-20000000} RUNS=${BENCH_RUNS:-3}
mkdir -p "$BUILD"
P=$BUILD/gdb-loop
[ "$P" -nt "$BENCH_DIR/gdb-loop.c" ] || riscv64-linux-gnu-gcc -O1 -g -static -o "$P" "$BENCH_DIR/gdb-loop.c" || exit 1
W=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$W"' EXIT
exec 3>&2 2>"$W/stderr" # keeps bash's notes about killed processes out of the table

# is something listening on TCP port $1? (/proc/net/tcp*: local address, remote address, state 0A = LISTEN)
listening() { grep -Eq "^ *[0-9]+: [0-9A-F]+:$(printf '%04X' "$1") [0-9A-F]+:[0-9A-F]+ 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null; }
# run KIND SCRIPT ARGS...: starts the stub on a free port, runs gdb with SCRIPT, prints gdb's output
run() {
    local kind=$1 script=$2; shift 2
    local port spid try
    for try in 1 2 3 4 5; do
        port=$((20000 + (RANDOM * 7 + $$ + try * 97) % 40000))
        listening "$port" || break
    done
    if [ "$kind" = qemu ]; then "$QEMU" -g "$port" "$P" "$@" >/dev/null 2>&1 & else "$X" -g "$port" "$P" "$@" >/dev/null 2>&1 & fi
    spid=$!; pids+=("$spid")
    local t=100
    while [ $t -gt 0 ] && ! listening "$port"; do sleep 0.02; t=$((t - 1)); done
    "$GDB" -batch -nx -ex 'set pagination off' -ex 'set confirm off' -ex "target remote :$port" -x "$script" "$P" 2>&1 </dev/null
    kill -9 "$spid" 2>/dev/null; wait "$spid" 2>/dev/null
}
secs() { grep -o "$1 [0-9.]*" | awk '{print $2}'; }
# best KIND SCRIPT ARGS...: the shortest ELAPSED of RUNS runs (this machine is shared: the best run is the steadiest)
best() {
    local r b=
    for r in $(seq "$RUNS"); do
        local s; s=$(run "$@" | secs ELAPSED)
        [ -n "$s" ] && { [ -z "$b" ] || awk -v a="$s" -v b="$b" 'BEGIN { exit !(a < b) }'; } && b=$s
    done
    echo "$b"
}

cat >"$W/step.gdb" <<GDB
break main
continue
python import time; t0 = time.time()
set \$i = 0
while \$i < $STEPS
  stepi
  set \$i = \$i + 1
end
python print("ELAPSED %.3f" % (time.time() - t0))
kill
GDB
cat >"$W/bp.gdb" <<GDB
break tick
ignore 1 $((HITS - 1))
python import time; t0 = time.time()
continue
python print("ELAPSED %.3f" % (time.time() - t0))
info breakpoints
kill
GDB
cat >"$W/cont.gdb" <<GDB
python import time; t0 = time.time()
continue
python print("ELAPSED %.3f" % (time.time() - t0))
GDB
cat >"$W/watch.gdb" <<GDB
watch cold
python import time; t0 = time.time()
continue
python print("ELAPSED %.3f" % (time.time() - t0))
GDB
cat >"$W/watchhot.gdb" <<GDB
break main
continue
watch hot
ignore 2 $((HITS - 1))
python import time; t0 = time.time()
continue
python print("ELAPSED %.3f" % (time.time() - t0))
kill
GDB

rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f/s", n / s; else print "n/a" }'; }
printf '%-44s %14s %14s\n' "gdb through the stub" "xtrace" "qemu-riscv64"
for what in step bp; do
    n=$STEPS; label="stepi ($STEPS steps)"; args=(1000000000 0)
    [ $what = bp ] && { n=$HITS; label="breakpoint hits ($HITS, ignore count)"; args=($((HITS + 10)) 1); }
    xs=$(best xtrace "$W/$what.gdb" "${args[@]}")
    qs=n/a
    [ -n "$QEMU" ] && qs=$(best qemu "$W/$what.gdb" "${args[@]}")
    printf '%-44s %14s %14s\n' "$label" "$(rate "$n" "${xs:-0}")" "$([ "$qs" = n/a ] && echo n/a || rate "$n" "${qs:-0}")"
done

plain=
for r in $(seq "$RUNS"); do
    t0=$(date +%s.%N); "$X" "$P" "$LOOP" 0 >/dev/null; t1=$(date +%s.%N)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    { [ -z "$plain" ] || awk -v a="$s" -v b="$plain" 'BEGIN { exit !(a < b) }'; } && plain=$s
done
nowp=$(best xtrace "$W/cont.gdb" "$LOOP" 0)
cold=$(best xtrace "$W/watch.gdb" "$LOOP" 0)
hot=$(best xtrace "$W/watchhot.gdb" "$LOOP" 0)
echo
printf '%-44s %10s %10s\n' "watchpoint cost, $LOOP-iteration loop (xtrace)" "seconds" "slowdown"
printf '%-44s %10s %10s\n' "no gdb" "$plain" "1.0x"
printf '%-44s %10s %10s\n' "under gdb, no watchpoint" "${nowp:-?}" "$(awk -v a="${nowp:-0}" -v b="$plain" 'BEGIN { printf "%.1fx", a / b }')"
printf '%-44s %10s %10s\n' "watch on an untouched global (checks only)" "${cold:-?}" "$(awk -v a="${cold:-0}" -v b="$plain" 'BEGIN { printf "%.1fx", a / b }')"
printf '%-44s %10s\n' "watch on the hot global: hits through gdb" "$(rate "$HITS" "${hot:-0}")"
