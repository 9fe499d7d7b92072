#!/usr/bin/env bash
# Compares xtrace -strace with qemu-arm -strace on a 32-bit arm program: the syscalls both log, their results, the paths they name and the time structs both decode.
#
# Usage: tests/trace/qemu-compare-arm.sh XTRACE PROGRAM [ARGS...]
# Syscalls qemu-user does not implement are left out. The timespec/timeval values of the calls in TIMES (below) must agree too.
# Prints one summary line; exits 1 when a syscall both logged differs in result, path or time values, or when fewer
# than 10 syscalls are common. Exit 0 with "SKIP ..." when qemu-arm is not installed.
set -u
X=$1 prog=$2
shift 2
command -v qemu-arm >/dev/null || { echo "SKIP qemu-compare-arm: no qemu-arm"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$X" -strace -o "$tmp/x.log" "$prog" "$@" >/dev/null 2>"$tmp/x.err"
qemu-arm -strace "$prog" "$@" >/dev/null 2>"$tmp/q.log"
python3 - "$tmp/x.log" "$tmp/q.log" <<'EOF'
import difflib, errno, re, sys

def norm_ret(r):
    r = r.strip()
    if r.startswith("= "):                          # qemu: "_newselect(...) =  = 0x00000002 (...)"
        r = r[2:].strip()
    m = re.match(r"-1 errno=(\d+)", r)              # qemu
    if m:
        return "-1 " + errno.errorcode.get(int(m.group(1)), m.group(1))
    m = re.match(r"-1 (E[A-Z0-9]+)", r)             # xtrace
    if m:
        return "-1 " + m.group(1)
    m = re.match(r"(0x[0-9a-f]+|-?\d+)", r)
    if not m:
        return r
    v = int(m.group(1), 0)
    return "ADDR" if v >= 0x10000 else str(v)   # addresses differ between the two emulators

# Calls whose struct timespec/timeval values both print in the same order: in the whole line (arguments, then what
# qemu shows after the result), or only in the arguments (select's time left is not the same in two runs).
TIMES = {"clock_nanosleep": "line", "clock_getres": "line", "setitimer": "line", "_newselect": "args"}
TV = re.compile(r"tv_(?:sec|nsec|usec) ?= ?(-?\d+)")

def parse(path, qemu):
    calls = []
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if qemu:
            m = re.match(r"\d+ (\w+)\((.*)\) = (.*)$", line)
        else:
            m = re.match(r"(\w+)\((.*)\) = (.*)$", line)
        if not m or m.group(1) in ("exit_group", "write"):   # write: the two emulators' stdout buffering differs
            continue
        name, args, ret = m.groups()
        path_arg = re.search(r'"(/[^"]*)"', args)
        scope = TIMES.get(name)
        tv = TV.findall(args if scope == "args" else line) if scope else None
        calls.append((name, norm_ret(re.sub(r" \(.*$", "", ret) if "errno" not in ret else ret),
                      path_arg.group(1) if path_arg else None, tv))
    return calls

def unpid(calls):
    # the process id (getpid's result) differs between the two runs: named PID wherever it appears
    pid = next((c[1] for c in calls if c[0] in ("getpid", "set_tid_address")), None)
    if not pid:
        return calls
    return [(n, "PID" if r == pid else r, p.replace(pid, "PID") if p else p, tv) for n, r, p, tv in calls]

# Calls qemu-user 7.2 does not implement (it answers ENOSYS where Linux, and xtrace, succeed).
QEMU_LACKS = {"set_robust_list", "rseq"}
# Calls whose result qemu shows as its own internal code (sigreturn: -1 errno=513, its ERESTARTNOINTR-like marker).
QEMU_RAW_RESULT = {"sigreturn", "rt_sigreturn"}

x, q = unpid(parse(sys.argv[1], False)), unpid(parse(sys.argv[2], True))
x = [c for c in x if c[0] not in QEMU_LACKS]
q = [c for c in q if c[0] not in QEMU_LACKS]
sm = difflib.SequenceMatcher(a=[c[0] for c in x], b=[c[0] for c in q], autojunk=False)
common = same = timed = 0
bad = []
for tag, i1, i2, j1, j2 in sm.get_opcodes():
    if tag != "equal":
        continue
    for k in range(i2 - i1):
        a, b = x[i1 + k], q[j1 + k]
        common += 1
        if a[3] is not None:
            timed += 1
        if (a[1] == b[1] or a[0] in QEMU_RAW_RESULT) and (a[2] is None or b[2] is None or a[2] == b[2]) and a[3] == b[3]:
            same += 1
        else:
            bad.append("xtrace %s = %s %s %s / qemu %s = %s %s %s" % (a[0], a[1], a[2] or "", a[3] or "", b[0], b[1],
                                                                  b[2] or "", b[3] or ""))
print("%d of %d syscalls both logged agree in result and path, time values in %d (xtrace %d lines, qemu-arm %d)"
      % (same, common, timed, len(x), len(q)))
for l in bad[:10]:
    print("  differs: " + l)
sys.exit(0 if common >= 10 and not bad else 1)
EOF
