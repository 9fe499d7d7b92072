#!/usr/bin/env bash
# Benchmarks: times each bench/ workload under $XTRACE and qemu-riscv64 (median of BENCH_RUNS) and prints a ratio table.
#
# usage: bench/run.sh [WORKLOAD...]     (default: all)
# Environment:
#   XTRACE       emulator under test (default: <repo>/build/xtrace; may carry options)
#   QEMU         reference emulator (default: qemu-riscv64)
#   BENCH_RUNS   runs per workload and emulator, median reported (default 3)
#   BENCH_BUILD  where the riscv64 binaries go (default: <repo>/build/bench)
#   SYSROOT      guest sysroot for the dynamic start-up test (default: /usr/riscv64-linux-gnu)
#   BENCH_METRIC wall (default) or cpu (user+sys seconds: steadier on a busy machine)
#   BUSYBOX_ARCH Debian architecture whose busybox-static (tools/fetch-foreign.sh ARCH busybox-static, in
#                cache/) gives the busybox workloads; default from QEMU (qemu-aarch64: arm64, qemu-arm: armhf)
# Each workload's stdout under XTRACE is compared with qemu's; a difference is flagged in the table.
set -u

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
CC=${CROSS_CC:-riscv64-linux-gnu-gcc}
QEMU=${QEMU:-qemu-riscv64}
RUNS=${BENCH_RUNS:-3}
SYSROOT=${SYSROOT:-/usr/riscv64-linux-gnu}
BUILD=${BENCH_BUILD:-$ROOT/build/bench}
HELLO_RUNS=20
METRIC=${BENCH_METRIC:-wall}

read -ra XT <<<"${XTRACE:-$ROOT/build/xtrace}"
if [[ ${XT[0]} == */* && ${XT[0]} != /* ]]; then
    XT[0]="$PWD/${XT[0]}"
fi
read -ra QE <<<"$QEMU"

have() { command -v "$1" >/dev/null 2>&1; }
have "$CC" || { echo "bench: cross compiler $CC not found" >&2; exit 1; }
HAVE_XT=1
have "${XT[0]}" || { HAVE_XT=0; echo "bench: ${XT[0]} not found; xtrace column will be n/a" >&2; }
HAVE_QE=1
have "${QE[0]}" || { HAVE_QE=0; echo "bench: ${QE[0]} not found; qemu column will be n/a" >&2; }

# workload: source, static?, class (cpu|sys)
ALL=(sha256 lz sort nbody syscall hello)
declare -A CLASS=([sha256]=cpu [lz]=cpu [sort]=cpu [nbody]=cpu [syscall]=sys [hello]=sys [bb_sha256]=cpu
    [bb_gzip]=cpu)
declare -A LABEL=([sha256]="sha256 16MiB x5" [lz]="lz77 10MiB" [sort]="sort 1M ints x2" [nbody]="nbody+matmul"
    [syscall]="syscall loop" [hello]="dyn hello x$HELLO_RUNS" [bb_sha256]="bb sha256sum 4MiB x4"
    [bb_gzip]="bb gzip|gunzip 4MiB")
# Debian's busybox-static for the guest architecture, when it is in the cache: real-world CPU-bound applets.
case ${BUSYBOX_ARCH:-$(basename "${QEMU%% *}")} in
arm64 | qemu-aarch64) BB_ARCH=arm64 ;; armhf | qemu-arm) BB_ARCH=armhf ;; *) BB_ARCH=${BUSYBOX_ARCH:-} ;;
esac
BB=$ROOT/cache/${BB_ARCH:-none}/busybox-static/bin/busybox
BB_DATA=$BUILD/bb-data.txt
if [ -n "$BB_ARCH" ] && [ -x "$BB" ]; then
    ALL+=(bb_sha256 bb_gzip)
else
    BB=
fi
if [ $# -gt 0 ]; then WORK=("$@"); else WORK=("${ALL[@]}"); fi

mkdir -p "$BUILD" || exit 1
for w in "${WORK[@]}"; do
    if [ -z "${CLASS[$w]:-}" ]; then
        echo "bench: unknown workload '$w' (have: ${ALL[*]})" >&2
        exit 2
    fi
    if [[ $w == bb_* ]]; then
        [ -n "$BB" ] || { echo "bench: $w needs busybox-static for ${BB_ARCH:-this architecture} in cache/" >&2; exit 2; }
        continue
    fi
    out="$BUILD/$w" flags=(-O2)
    [ "$w" != hello ] && flags+=(-static)
    if [ ! -x "$out" ] || [ "$BENCH_DIR/$w.c" -nt "$out" ]; then
        "$CC" "${flags[@]}" -o "$out.tmp" "$BENCH_DIR/$w.c" -lm || exit 1
        mv -f "$out.tmp" "$out"
    fi
done

# 4 MiB of reproducible text (words from a linear congruential generator) for the busybox workloads.
if [ -n "$BB" ] && [ ! -s "$BB_DATA" ]; then
    awk 'BEGIN { x = 12345; n = 0; while (n < 4194304) { line = "";
        for (i = 0; i < 12; i++) { x = (x * 1103515245 + 12345) % 2147483648; w = sprintf("w%x", x % 4099); line = line w " " }
        print line; n += length(line) + 1 } }' | head -c 4194304 >"$BB_DATA.tmp" && mv -f "$BB_DATA.tmp" "$BB_DATA"
fi

TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT

# Time one run of workload $1 under emulator words $2...; prints seconds (wall, or user+sys with
# BENCH_METRIC=cpu, which is less sensitive to other load on the machine); stdout goes to $TMP/out.
run_workload() {
    local w=$1
    shift
    if [ "$w" = bb_sha256 ]; then
        (cd "$TMP" && "$@" "$BB" sha256sum "$BB_DATA" "$BB_DATA" "$BB_DATA" "$BB_DATA" >"$TMP/out" 2>"$TMP/err")
    elif [ "$w" = bb_gzip ]; then
        (set -o pipefail; cd "$TMP" && "$@" "$BB" gzip -c "$BB_DATA" 2>"$TMP/err" | "$@" "$BB" gunzip -c 2>>"$TMP/err" |
            cksum >"$TMP/out")
    elif [ "$w" = hello ]; then
        : >"$TMP/out"
        for _ in $(seq "$HELLO_RUNS"); do
            "$@" -L "$SYSROOT" "$BUILD/hello" >>"$TMP/out" 2>>"$TMP/err" || return 1
        done
    else
        (cd "$TMP" && "$@" "$BUILD/$w" >"$TMP/out" 2>"$TMP/err")
    fi
}
time_once() {
    local TIMEFORMAT='%R %U %S' st=0 tm
    : >"$TMP/err"
    tm=$({ time run_workload "$@" >/dev/null 2>&1; } 2>&1) || st=1
    # run_workload's own failure status is in $?; bash's time output is the last line
    tm=$(printf '%s\n' "$tm" | tail -n 1)
    [ "$st" -ne 0 ] && return 1
    if [ "$METRIC" = cpu ]; then
        awk -v t="$tm" 'BEGIN { split(t, a, " "); printf "%.3f\n", a[2] + a[3] }'
    else
        awk -v t="$tm" 'BEGIN { split(t, a, " "); printf "%.3f\n", a[1] }'
    fi
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs workload $1 RUNS times under each emulator, alternating qemu and xtrace so that machine-load
# drift hits both alike. Sets QE_T / XT_T to the median seconds (or "fail"/"n/a"); keeps the last
# stdout of each in $TMP/qemu.out and $TMP/xtrace.out.
bench_pair() {
    local w=$1 qtimes=() xtimes=() t
    QE_T=n/a
    XT_T=n/a
    : >"$TMP/xtrace.err"
    for _ in $(seq "$RUNS"); do
        if [ "$HAVE_QE" = 1 ] && [ "$QE_T" != fail ]; then
            if t=$(time_once "$w" "${QE[@]}"); then
                qtimes+=("$t")
                cp "$TMP/out" "$TMP/qemu.out"
            else
                QE_T=fail
            fi
        fi
        if [ "$HAVE_XT" = 1 ] && [ "$XT_T" != fail ]; then
            if t=$(time_once "$w" "${XT[@]}"); then
                xtimes+=("$t")
                cp "$TMP/out" "$TMP/xtrace.out"
            else
                XT_T=fail
                cp "$TMP/err" "$TMP/xtrace.err"
            fi
        fi
    done
    [ "$QE_T" != fail ] && [ ${#qtimes[@]} -gt 0 ] && QE_T=$(median "${qtimes[@]}")
    [ "$XT_T" != fail ] && [ ${#xtimes[@]} -gt 0 ] && XT_T=$(median "${xtimes[@]}")
}

echo "metric: $METRIC seconds, median of $RUNS runs"
printf '%-20s %10s %10s %8s  %s\n' workload "xtrace s" "qemu s" ratio note
cpu_ratios=()
sys_ratios=()
for w in "${WORK[@]}"; do
    ratio=n/a note=""
    bench_pair "$w"
    xt=$XT_T qe=$QE_T
    [ "$xt" = fail ] && note="xtrace run failed: $(head -c 80 "$TMP/xtrace.err" | tr '\n' ' ')"
    [ "$qe" = fail ] && note="qemu run failed"
    if [[ $xt =~ ^[0-9.]+$ && $qe =~ ^[0-9.]+$ ]]; then
        ratio=$(awk -v a="$xt" -v b="$qe" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
        if [ "$ratio" != n/a ]; then
            if [ "${CLASS[$w]}" = cpu ]; then cpu_ratios+=("$ratio"); else sys_ratios+=("$ratio"); fi
        fi
        cmp -s "$TMP/xtrace.out" "$TMP/qemu.out" || note="OUTPUT DIFFERS from qemu"
    fi
    printf '%-20s %10s %10s %8s  %s\n' "${LABEL[$w]}" "$xt" "$qe" "$ratio" "$note"
done

geomean() {
    if [ $# -eq 0 ]; then echo n/a; return; fi
    printf '%s\n' "$@" | awk '{ s += log($1); n++ } END { printf "%.2f\n", exp(s / n) }'
}
echo "geomean ratio (xtrace/qemu), CPU-bound:     $(geomean "${cpu_ratios[@]}")"
echo "geomean ratio (xtrace/qemu), syscall-heavy: $(geomean "${sys_ratios[@]}")"
