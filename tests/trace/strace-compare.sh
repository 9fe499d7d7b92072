#!/usr/bin/env bash
# Compares xtrace's log of tests/trace/compare.c (riscv64) line by line with real strace's (x86-64), after normalising addresses and pids.
#
# Usage: tests/trace/strace-compare.sh XTRACE WORKDIR [--show]
# Only the syscalls between the program's two marker writes count, paired by name in order (a longest
# common subsequence), so calls one side makes and the other does not are left out. Prints the match
# rate; fails below MIN_RATE. Exits 1 with "SKIP ..." when strace or a host compiler is missing or ptrace
# is not allowed.
set -u
MIN_RATE=${MIN_RATE:-0.98}        # whole lines; measured 132 of 132 (126 of 126 after the errno-order fixes, then pselect6)
MIN_ARGS_RATE=${MIN_ARGS_RATE:-0.99}  # the text before " = "; measured 132 of 132
X=$(realpath "$1")
mkdir -p "$2"; W=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
show=${3:-}
command -v strace >/dev/null || { echo "SKIP strace-compare: no strace"; exit 1; }
command -v python3 >/dev/null || { echo "SKIP strace-compare: no python3"; exit 1; }
HOSTCC=${HOSTCC:-gcc}
if [ "$here/compare.c" -nt "$W/compare.host" ] || [ "$here/compare.c" -nt "$W/compare.rv" ]; then
    $HOSTCC -O2 -static -o "$W/compare.host" "$here/compare.c" 2>/dev/null ||
        $HOSTCC -O2 -o "$W/compare.host" "$here/compare.c" || { echo "SKIP strace-compare: no host build"; exit 1; }
    riscv64-linux-gnu-gcc -O2 -static -o "$W/compare.rv" "$here/compare.c" || { echo "FAIL: no riscv64 build"; exit 2; }
fi
(cd "$W" && strace -o "$W/strace.log" ./compare.host) >/dev/null 2>&1 ||
    { echo "SKIP strace-compare: strace cannot trace here ($(head -c 200 "$W/strace.log" 2>/dev/null))"; exit 1; }
(cd "$W" && "$X" -strace -o "$W/xtrace.log" ./compare.rv) >/dev/null 2>&1 || { echo "FAIL: xtrace run failed"; exit 2; }
python3 - "$W/strace.log" "$W/xtrace.log" "$MIN_RATE" "$show" "$MIN_ARGS_RATE" <<'PY'
import difflib, re, sys

def section(path):
    lines = open(path, errors="replace").read().splitlines()
    pid = None
    for l in lines:
        m = re.match(r'(?:\[pid +\d+\] )?getpid\(\)\s+= (\d+)', l)
        if m:
            pid = m.group(1)
    out, on = [], False
    for l in lines:
        l = re.sub(r'^\[pid +\d+\] ', '', l)
        if 'compare-begin' in l:
            on = True
            continue
        if 'compare-end' in l:
            break
        if on and re.match(r'[a-z_0-9]+\(', l):
            out.append(norm(l, pid))
    return out

def norm(l, pid):
    l = re.sub(r' \((translated|passed through[^()]*|refused:.*)\)$', '', l)   # xtrace's ioctl notes
    l = re.sub(r'\)\s+= ', ') = ', l)                                              # strace's column padding
    l = re.sub(r'0x[0-9a-f]{5,}', 'ADDR', l)
    if pid:
        l = re.sub(r'\b%s\b' % pid, 'PID', l)
    l = re.sub(r'(tv_sec|tv_nsec)=\d+', r'\1=N', l)
    l = re.sub(r'^getppid\(\) = \d+', 'getppid() = PPID', l)                       # different parents
    return l

a, b = section(sys.argv[1]), section(sys.argv[2])
name = lambda l: l.split('(', 1)[0]
sm = difflib.SequenceMatcher(None, [name(l) for l in a], [name(l) for l in b], autojunk=False)
pairs = []
for blk in sm.get_matching_blocks():
    pairs += [(a[blk.a + k], b[blk.b + k]) for k in range(blk.size)]
same = sum(1 for x, y in pairs if x == y)
rate = same / len(pairs) if pairs else 0.0
call = lambda l: l.rsplit(') = ', 1)[0]
same_args = sum(1 for x, y in pairs if call(x) == call(y))
args_rate = same_args / len(pairs) if pairs else 0.0
for x, y in pairs:
    if x != y or sys.argv[4]:
        print(("  same  " if x == y else "  DIFF  strace: ") + x + ("" if x == y else "\n        xtrace: " + y))
print("%d of %d common syscall lines identical (%.1f%%), arguments identical in %d (%.1f%%); strace %d lines, "
      "xtrace %d; thresholds %.0f%% and %.0f%%" % (same, len(pairs), 100 * rate, same_args, 100 * args_rate, len(a), len(b),
                                                   100 * float(sys.argv[3]), 100 * float(sys.argv[5])))
ok = rate >= float(sys.argv[3]) and args_rate >= float(sys.argv[5]) and len(pairs) >= 100
sys.exit(0 if ok else 1)
PY
