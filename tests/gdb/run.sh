#!/usr/bin/env bash
# gdb stub tests: gdb-multiarch batch scripts against `xtrace -g` (and qemu-riscv64 -g where it can do the same),
# compared with NAME.expected; scripted raw-protocol clients for malformed input and protocol details.
# usage: tests/gdb/run.sh XTRACE BUILD_DIR    (GDB_TESTS_UPDATE=1 rewrites the .expected files from xtrace)
set -u
X=$(realpath "$1")
mkdir -p "$2"
B=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
GDB=$(command -v gdb-multiarch || true)
QEMU=$(command -v qemu-riscv64 || true)
SR=/usr/riscv64-linux-gnu
CC=riscv64-linux-gnu-gcc
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }

pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
    rm -f "$B/work/sock"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$GDB" ]; then echo "FAIL setup: gdb-multiarch is not installed"; echo "0 passed, 1 failed"; exit 1; fi
build() { # OUT SRC FLAGS...
    local out=$1 src=$2; shift 2
    [ "$B/$out" -nt "$here/$src" ] && return 0
    (cd "$here" && $CC -g -O0 "$@" -o "$B/$out" "$src")
}
if ! { build prog prog.c -static && build prog-dyn prog.c && build thread thread.c -static -pthread &&
       build spin spin.c -static && build sig sig.c -static && build block-read block.c -static &&
       build block-sleep block.c -static && build sigrace sigrace.c -static && build fork-prog fork.c -static &&
       build vfork-prog fork.c -static && build exec-prog fork.c -static &&
       build sleepwait-suspend sleepwait.c -static && build sleepwait-remain sleepwait.c -static &&
       build sleepwait-suspend-mt sleepwait.c -static -pthread &&
       { [ "$B/rspclient" -nt "$here/rspclient.c" ] || cc -O1 -o "$B/rspclient" "$here/rspclient.c"; }; }; then
    echo "FAIL setup: cannot build the test programs"; echo "0 passed, 1 failed"; exit 1
fi
mkdir -p "$B/work"
exec 2>"$B/work/run.stderr" # bash's notes about the processes the tests kill; test output is on stdout

# waits up to $2 seconds for our child $1; sets $wst to its exit status ("timeout" after killing it).
# (Not in a $(...) subshell: only this shell can reap its children.)
wait_for() {
    local pid=$1 t=$(($2 * 50))
    while kill -0 "$pid" 2>/dev/null && [ $t -gt 0 ]; do sleep 0.02; t=$((t - 1)); done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; wst=timeout; return; fi
    wait "$pid" 2>/dev/null
    wst=$?
}

# is something listening on TCP port $1? (/proc/net/tcp*: local address, remote address, state 0A = LISTEN)
listening() { grep -Eq "^ *[0-9]+: [0-9A-F]+:$(printf '%04X' "$1") [0-9A-F]+:[0-9A-F]+ 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null; }

# waits until the guest in DIR says $2 (default: it spins, so gdb's continue is under way), then a little more
wait_spinning() {
    local t=250
    while [ $t -gt 0 ] && ! grep -q "${2:-spinning}" "$1/guest.out" 2>/dev/null; do sleep 0.02; t=$((t - 1)); done
    sleep 0.3
}

# start_stub KIND OUTDIR ARGS...: starts xtrace or qemu with -g on a free port; sets $port and $spid
start_stub() {
    local kind=$1 dir=$2; shift 2
    local try
    for try in 1 2 3 4 5 6; do
        port=$((20000 + (RANDOM * 7 + $$ + try * 101) % 40000))
        listening "$port" && continue
        if [ "$kind" = qemu ]; then
            (cd "$B" && exec "$QEMU" -g "$port" "$@" >"$dir/guest.out" 2>"$dir/stub.err" </dev/null) &
        else
            (cd "$B" && exec "$X" -g "$port" "$@" >"$dir/guest.out" 2>"$dir/stub.err" </dev/null) &
        fi
        spid=$!
        pids+=("$spid")
        local t=100
        while [ $t -gt 0 ] && kill -0 "$spid" 2>/dev/null && ! listening "$port"; do sleep 0.02; t=$((t - 1)); done
        listening "$port" && return 0
        kill -9 "$spid" 2>/dev/null
        grep -q "in use" "$dir/stub.err" 2>/dev/null || return 1
    done
    return 1
}

# gdb_bg OUT SCRIPT TARGET PROG: runs gdb in the background (SIGINT left at its default); sets $gpid
gdb_bg() {
    local out=$1 script=$2 target=$3 prog=$4
    (cd "$B" && exec env --default-signal=INT "$GDB" -batch -nx -ex 'set pagination off' -ex 'set confirm off' \
        -ex 'set width 0' -ex "${TARGET_KIND:-target remote} $target" -x "$script" "$prog" >"$out" 2>&1 </dev/null) &
    gpid=$!
    pids+=("$gpid")
}

# Output normalisation shared by xtrace and qemu runs: pids, thread ids and names, stack addresses, spacing.
normalize() {
    sed -E -e 's/process [0-9]+/process PID/g' \
        -e 's/Thread [0-9]+\.[0-9]+( "[^"]*"| \([^)]*\))?/Thread PID.TID/g' -e 's/^Thread ([0-9]+) "[^"]*" hit/Thread \1 hit/' \
        -e 's/0x(3f|40)[0-9a-f]{8}\b/0xSTACK/g' -e 's/\(remote :[0-9]+\)/(remote :PORT)/' -e 's/fork child [0-9]+/fork child PID/' \
        -e '/^Reading .* from remote target\.\.\.$/d' -e "s|$B/|BUILD/|g; s|'$B'|'BUILD'|g" -e 's|^/[^ ]*/([^/ ]+\.gdb):|\1:|' \
        -e '/^warning: File transfers from remote targets can be slow/d' \
        -e 's/ +/ /g' -e 's/ +$//'
}
addr_filter() { sed -E 's/0x[0-9a-f]{9,}/0xADDR/g'; }
nodetach_filter() { sed -E '/^\[Detaching after fork from child process/d'; } # qemu 7.2 has no fork events

# transcript DIR STATUS FILTER: the comparable record of one run
transcript() {
    local dir=$1 st=$2 filt=$3
    normalize <"$dir/gdb.out" | $filt
    echo "--- guest stdout"
    cat "$dir/guest.out"
    echo "--- exit: $st"
}
transcript_stderr() { echo "--- stub stderr (first lines of messages)"; grep '^xtrace:' "$1/stub.err" | sed -E 's/fork child [0-9]+/fork child PID/'; }

# compare NAME KIND FILE: checks FILE against NAME.expected (stderr and exit lines only for xtrace)
compare() {
    local name=$1 kind=$2 got=$3 exp=$here/$1.expected
    if [ "$kind" = xtrace ] && [ "${GDB_TESTS_UPDATE:-}" = 1 ]; then cp "$got" "$exp"; fi
    if [ ! -f "$exp" ]; then bad "$name/$kind" "no $name.expected"; return; fi
    local want=$exp
    if [ "$kind" = qemu ]; then # qemu is held to the gdb transcript and the guest's output
        sed -n '/^--- exit:/q;p' "$exp" >"$got.want"; want=$got.want
        sed -n '/^--- exit:/q;p' "$got" >"$got.trim"; got=$got.trim
    fi
    if diff -u "$want" "$got" >"$got.diff"; then ok "$name/$kind"; else bad "$name/$kind" "output differs: $(head -c 1500 "$got.diff")"; fi
}

# scenario NAME KIND PROG FILTER [STUB-ARGS...]: one gdb script against one stub
scenario() {
    local name=$1 kind=$2 prog=$3 filt=$4; shift 4
    local dir=$B/work/$name.$kind
    rm -rf "$dir"; mkdir -p "$dir"
    if ! start_stub "$kind" "$dir" "$@" "./$prog"; then bad "$name/$kind" "stub did not listen: $(head -c 300 "$dir/stub.err")"; return; fi
    gdb_bg "$dir/gdb.out" "$here/$name.gdb" ":$port" "./$prog"
    case $name in # Ctrl-C: SIGINT to a batch gdb makes it interrupt the target
    ctrlc) wait_spinning "$dir"; kill -INT "$gpid" 2>/dev/null ;;
    intr-*) wait_spinning "$dir" blocking; kill -INT "$gpid" 2>/dev/null ;;
    esac
    wait_for "$gpid" 20; local gst=$wst
    wait_for "$spid" 5; local st=$wst
    [ "$gst" = timeout ] && echo "(gdb timed out)" >>"$dir/gdb.out"
    { transcript "$dir" "$st" "$filt"; [ "$kind" = xtrace ] && transcript_stderr "$dir"; } >"$dir/got"
    compare "$name" "$kind" "$dir/got"
}

both() { # NAME PROG [FILTER]: xtrace, then qemu when installed
    scenario "$1" xtrace "$2" "${3:-cat}"
    if [ -n "$QEMU" ]; then scenario "$1" qemu "$2" "${3:-cat}"; fi
}

both bt-print prog
both finish prog
both step prog
both threads thread
scenario ctrlc xtrace spin cat # qemu-riscv64 7.2 does not stop a spinning guest on gdb's Ctrl-C (\x03)
# Ctrl-C of a guest blocked in a host call (qemu-riscv64 7.2 does not stop it either)
scenario intr-read xtrace block-read cat
scenario intr-sleep xtrace block-sleep cat
# ... in rt_sigsuspend (the wait goes on after continue), and in a nanosleep restarted with the time left
scenario intr-suspend xtrace sleepwait-suspend cat
scenario intr-remain xtrace sleepwait-remain cat
# a process-directed signal under the stub reaches the one guest thread that does not block it
thread_filter() { sed -E 's/Thread [0-9]+\.[0-9]+/Thread PID.TID/g'; }
scenario sigroute xtrace sleepwait-suspend-mt thread_filter
# A signal from another process just as the guest is about to block in read() must interrupt it, never be
# lost (with the syscall log on, which widens that window, xtrace used to hang here).
sigrace() {
    local dir=$B/work/sigrace want="rounds 3000, handler runs 3000, sender status 0" got mode
    rm -rf "$dir"; mkdir -p "$dir"
    if [ -n "$QEMU" ]; then want=$(cd "$B" && timeout 20 "$QEMU" ./sigrace 2>/dev/null); fi
    for mode in plain log; do
        if [ $mode = log ]; then got=$(cd "$B" && timeout 20 "$X" -o "$dir/log" ./sigrace 2>"$dir/err.$mode")
        else got=$(cd "$B" && timeout 20 "$X" ./sigrace 2>"$dir/err.$mode"); fi
        local st=$?
        if [ $st = 0 ] && [ "$got" = "$want" ]; then ok "sigrace/$mode"; else bad "sigrace/$mode" "status $st (124: hung), output '$got', wanted '$want'"; fi
    done
}
sigrace

# The line-mode front end drives the same core: its fork text, and Ctrl-C (SIGINT to xtrace --cli) of a guest
# blocked in read().
cli_intr() {
    local dir=$B/work/cli-intr
    rm -rf "$dir"; mkdir -p "$dir"
    (cd "$B" && exec "$X" --cli -x "$here/cli-intr.x" ./block-read >"$dir/guest.out" 2>&1 </dev/null) &
    local xp=$!; pids+=("$xp")
    wait_spinning "$dir" blocking
    kill -INT "$xp" 2>/dev/null
    wait_for "$xp" 20
    { sed -E -e 's/process [0-9]+/process PID/g; s/child [0-9]+/child PID/g' -e 's/ +$//' "$dir/guest.out"; echo "--- exit: $wst"; } >"$dir/got"
    compare cli-intr xtrace "$dir/got"
}
cli_intr
# fork/vfork/exec events: catchpoints, the child detached (it runs on, its output appears), exec keeps gdb
scenario catch-fork xtrace fork-prog cat
scenario catch-vfork xtrace vfork-prog cat
scenario catch-exec xtrace exec-prog cat
# target extended-remote: the connection outlives the program; run (vRun) starts it again, kill (vKill) too
TARGET_KIND="target extended-remote" scenario extended-run xtrace prog cat
# ... also after the followed fork child (which then holds the connection) exits; the fork-prog is run again
TARGET_KIND="target extended-remote" scenario extended-fork xtrace fork-prog cat
# ... and after detach (the program runs on; a keeper process holds the connection for the next run)
TARGET_KIND="target extended-remote" scenario extended-detach xtrace prog cat
scenario fork-keep xtrace fork-prog cat
scenario fork-child xtrace fork-prog cat
both fork-bp fork-prog nodetach_filter
both detach prog
both kill prog
both signals sig
scenario watch xtrace prog cat
scenario mappings xtrace prog cat
scenario sharedlib xtrace prog-dyn addr_filter -L "$SR"

# gdb goes away (SIGKILL) while the guest runs; the guest is left stopped and a second gdb takes over.
reconnect() {
    local dir=$B/work/reconnect.xtrace
    rm -rf "$dir"; mkdir -p "$dir"
    if ! start_stub xtrace "$dir" ./spin; then bad reconnect "stub did not listen"; return; fi
    gdb_bg "$dir/gdb1.out" "$here/reconnect1.gdb" ":$port" ./spin
    wait_spinning "$dir"
    kill -9 "$gpid" 2>/dev/null
    wait_for "$gpid" 5
    gdb_bg "$dir/gdb.out" "$here/reconnect2.gdb" ":$port" ./spin
    wait_for "$gpid" 20
    wait_for "$spid" 5; local st=$wst
    { normalize <"$dir/gdb1.out"; echo "--- second gdb"; transcript "$dir" "$st" cat; transcript_stderr "$dir"; } >"$dir/got"
    compare reconnect xtrace "$dir/got"
}
reconnect

# symbols ELF: replaces @NAME@ with the hex address of NAME in ELF, @NAME_le@ with it as a 64-bit register value
symbols() {
    local subst=() sym addr le
    for sym in square sum_to counter; do
        addr=$(riscv64-linux-gnu-nm "$1" | awk -v s="$sym" '$3 == s { print $1 }')
        addr=$(printf '%x' "0x${addr:-0}")
        le=$(printf '%016x' "0x$addr" | sed -E 's/(..)(..)(..)(..)(..)(..)(..)(..)/\8\7\6\5\4\3\2\1/')
        subst+=(-e "s/@${sym}_le@/$le/g" -e "s/@$sym@/$addr/g")
    done
    sed "${subst[@]}"
}

# rsp NAME PROG STATUS: a scripted raw client; with simple=1 a real gdb must still work afterwards
rsp() {
    local name=$1 prog=$2 want_st=$3 after=${4:-}
    local dir=$B/work/$name.rsp
    rm -rf "$dir"; mkdir -p "$dir"
    if ! start_stub xtrace "$dir" "./$prog"; then bad "$name" "stub did not listen"; return; fi
    local err script=$dir/$name.rsp
    symbols "$B/$prog" <"$here/$name.rsp" >"$script"
    if ! err=$(cd "$B" && "$B/rspclient" "127.0.0.1:$port" "$script" 2>&1); then
        bad "$name" "$err"; kill -9 "$spid" 2>/dev/null; return
    fi
    if [ -n "$after" ]; then
        gdb_bg "$dir/gdb.out" "$here/$after.gdb" ":$port" "./$prog"
        wait_for "$gpid" 20
    fi
    wait_for "$spid" 5; local st=$wst
    if [ "$st" != "$want_st" ]; then bad "$name" "xtrace exit status $st, wanted $want_st: $(head -c 300 "$dir/stub.err")"; return; fi
    if [ -n "$after" ] && ! grep -q "exited normally" "$dir/gdb.out"; then bad "$name" "gdb afterwards: $(head -c 600 "$dir/gdb.out")"; return; fi
    ok "$name"
}
rsp malformed prog 0 simple
rsp syscall prog 0
rsp proto prog 137

# A raw client that vanishes mid-packet, twice, then gdb.
abrupt() {
    local dir=$B/work/abrupt
    rm -rf "$dir"; mkdir -p "$dir"
    if ! start_stub xtrace "$dir" ./spin; then bad abrupt "stub did not listen"; return; fi
    printf 'raw $qSupported:multipro\nclose\n' >"$dir/a.rsp"
    printf 'send QStartNoAckMode\nexpect OK\nnoack\nsend vCont;c\nsleep 100\nclose\n' >"$dir/b.rsp"
    "$B/rspclient" "127.0.0.1:$port" "$dir/a.rsp" && "$B/rspclient" "127.0.0.1:$port" "$dir/b.rsp" || { bad abrupt "client failed"; return; }
    gdb_bg "$dir/gdb.out" "$here/reconnect2.gdb" ":$port" ./spin
    wait_for "$gpid" 20
    wait_for "$spid" 5; local st=$wst
    # the second client resumed the guest before vanishing: the stub stopped it again for the next gdb
    if [ "$st" = 0 ] && grep -q "exited normally" "$dir/gdb.out"; then ok abrupt; else bad abrupt "status $st: $(head -c 600 "$dir/gdb.out")"; fi
}
abrupt

# unix:PATH listening, and the one-line errors for a busy port and bad specs.
listen_specs() {
    local dir=$B/work/unix
    rm -rf "$dir"; mkdir -p "$dir"
    (cd "$B" && exec "$X" -g "unix:$B/work/sock" ./prog >"$dir/guest.out" 2>"$dir/stub.err" </dev/null) &
    spid=$!; pids+=("$spid")
    local t=100
    while [ $t -gt 0 ] && [ ! -S "$B/work/sock" ]; do sleep 0.02; t=$((t - 1)); done
    gdb_bg "$dir/gdb.out" "$here/simple.gdb" "$B/work/sock" ./prog
    wait_for "$gpid" 20
    wait_for "$spid" 5; local st=$wst
    if [ "$st" = 0 ] && grep -q "exited normally" "$dir/gdb.out" && [ ! -e "$B/work/sock" ]; then ok unix-socket
    else bad unix-socket "status $st, socket left: $([ -e "$B/work/sock" ] && echo yes || echo no): $(head -c 600 "$dir/gdb.out")"; fi

    dir=$B/work/busy; rm -rf "$dir"; mkdir -p "$dir"
    if ! start_stub xtrace "$dir" ./prog; then bad port-in-use "stub did not listen"; return; fi
    local err; err=$(cd "$B" && "$X" -g "$port" ./prog 2>&1 </dev/null); local st2=$?
    kill -9 "$spid" 2>/dev/null
    if [ $st2 = 1 ] && [ "$err" = "xtrace: gdb port 127.0.0.1:$port is already in use (pick another with -g PORT)" ]; then ok port-in-use
    else bad port-in-use "status $st2: $err"; fi
    err=$("$X" -g 70000 "$B/prog" 2>&1); st2=$?
    if [ $st2 = 1 ] && [ "$(echo "$err" | wc -l)" = 1 ] && [[ $err == *"bad gdb port '70000'"* ]]; then ok bad-port; else bad bad-port "status $st2: $err"; fi
}
listen_specs

# gdb itself can catch syscalls on riscv only from gdb 14 on; the protocol part is tested by syscall.rsp.
if "$GDB" -batch -nx -ex 'set arch riscv:rv64' -ex 'set osabi GNU/Linux' -ex 'catch syscall write' 2>&1 | grep -q Catchpoint; then
    dir=$B/work/catch; rm -rf "$dir"; mkdir -p "$dir"
    printf 'catch syscall write\ncontinue\ncontinue\ndelete\ncontinue\n' >"$dir/catch.gdb"
    if start_stub xtrace "$dir" ./prog; then
        gdb_bg "$dir/gdb.out" "$dir/catch.gdb" ":$port" ./prog
        wait_for "$gpid" 20; wait_for "$spid" 5
        if grep -q "call to syscall write" "$dir/gdb.out" && grep -q "returned from syscall write" "$dir/gdb.out"; then ok catch-syscall-gdb
        else bad catch-syscall-gdb "$(head -c 600 "$dir/gdb.out")"; fi
    fi
else
    skip catch-syscall-gdb "this gdb cannot catch syscalls on riscv (syscall.rsp covers QCatchSyscalls)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
