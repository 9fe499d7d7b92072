#!/usr/bin/env bash
# Loader fuzz test: runs EMU_CMD on mutated riscv64 ELF files and fails when the emulator itself crashes or hangs.
#
# usage: tests/fuzz/run.sh EMU_CMD BUILD_DIR [COUNT]      (COUNT mutants, default 300; seeds 1..COUNT)
# Half the mutants derive from a static base ELF, half from a dynamic one (with PT_INTERP); both bases
# are first run unmodified as controls and must print "ok".
# Verdict per mutant:
#   FAIL  timeout (status 124/137), or death by a signal (status 129..192) with no "PREFIX" message on
#         stderr: the emulator crashed on its own instead of reporting a guest crash or rejecting the file
#   PASS  anything else (clean rejection with an error message, normal run, reported guest crash)
# Environment: FUZZ_PREFIX (default "<emulator basename>:"; for qemu-* the run adds -strace and looks for
# its "--- SIG" line), FUZZ_TIMEOUT (5 s),
# FUZZ_VMEM_KB (address-space limit per run in KiB, default 0 = none), FUZZ_VERBOSE=1 (print every case),
# SYSROOT (/usr/riscv64-linux-gnu, passed with -L).
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 EMU_CMD BUILD_DIR [COUNT]" >&2
    exit 2
fi
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CC=${CROSS_CC:-riscv64-linux-gnu-gcc}
HOSTCC=${HOSTCC:-gcc}
SYSROOT=${SYSROOT:-/usr/riscv64-linux-gnu}
TIMEOUT=${FUZZ_TIMEOUT:-5}
VMEM=${FUZZ_VMEM_KB:-0}  # none by default: xtrace reserves the whole guest address space (256 GiB for riscv64) up front
COUNT=${3:-300}

read -ra EMU <<<"$1"
if [ ${#EMU[@]} -eq 0 ]; then
    echo "run.sh: empty EMU_CMD" >&2
    exit 2
fi
if [[ ${EMU[0]} == */* && ${EMU[0]} != /* ]]; then
    EMU[0]="$PWD/${EMU[0]}"
fi
case "$(basename "${EMU[0]}")" in
qemu-*)
    # qemu 7.2 dies silently with the guest's signal; with -strace it first logs "--- SIGSEGV {...} ---",
    # which tells a reported guest crash from a crash of qemu itself.
    if [ -z "${FUZZ_PREFIX:-}" ]; then
        EMU+=(-strace)
        PREFIX="--- SIG"
    else
        PREFIX=$FUZZ_PREFIX
    fi
    ;;
*) PREFIX=${FUZZ_PREFIX:-$(basename "${EMU[0]}"):} ;;
esac
mkdir -p "$2/fuzz" || exit 2
WORK=$(cd "$2/fuzz" && pwd)

for tool in "${EMU[0]}" "$CC" "$HOSTCC"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run.sh: '$tool' not found" >&2
        echo "0 passed, 1 failed"
        exit 1
    fi
done

# ---------------------------------------------------------------- build tools and base ELFs
build() { # output source cmd...
    local out=$1 src=$2
    shift 2
    if [ ! -e "$out" ] || [ "$src" -nt "$out" ]; then
        "$@" -o "$out.tmp" "$src" || return 1
        mv -f "$out.tmp" "$out"
    fi
}
if ! build "$WORK/elfmut" "$SRC_DIR/elfmut.c" "$HOSTCC" -O2 -Wall ||
    ! build "$WORK/base-static" "$SRC_DIR/base.c" "$CC" -O2 -nostdlib -static -fno-pie -no-pie ||
    ! build "$WORK/base-dynamic" "$SRC_DIR/base.c" "$CC" -O2 -nostdlib -fpie -pie \
        -Wl,--dynamic-linker=/lib/ld-linux-riscv64-lp64d.so.1; then
    echo "run.sh: build failed"
    echo "0 passed, 1 failed"
    exit 1
fi

run_emu() { # file -> sets ST, writes $WORK/last.out / last.err
    (
        cd "$WORK" || exit 125
        ulimit -c 0
        [ "$VMEM" != 0 ] && ulimit -v "$VMEM"
        ulimit -f 65536
        timeout -k 3 "$TIMEOUT" "${EMU[@]}" -L "$SYSROOT" "$1" </dev/null >"$WORK/last.out" 2>"$WORK/last.err"
    ) 2>/dev/null
    ST=$?
}

pass=0
fail=0
declare -A outcome=()

# Controls: the unmodified bases must run.
for kind in static dynamic; do
    run_emu "$WORK/base-$kind"
    if [ "$ST" -eq 0 ] && [ "$(cat "$WORK/last.out")" = ok ]; then
        echo "PASS control/$kind"
        pass=$((pass + 1))
    else
        echo "FAIL control/$kind: unmodified base ELF gave status $ST, stdout '$(head -c 60 "$WORK/last.out")'"
        head -n 5 "$WORK/last.err" | sed 's/^/    /'
        fail=$((fail + 1))
    fi
done

for seed in $(seq 1 "$COUNT"); do
    if [ $((seed % 2)) -eq 0 ]; then kind=static; else kind=dynamic; fi
    mut="$WORK/mut-$seed.elf"
    if ! what=$("$WORK/elfmut" "$WORK/base-$kind" "$seed" "$mut"); then
        echo "FAIL mutant $seed: elfmut failed"
        fail=$((fail + 1))
        continue
    fi
    run_emu "$mut"
    verdict=PASS
    reason=""
    if [ "$ST" -eq 124 ] || [ "$ST" -eq 137 ]; then
        verdict=FAIL
        reason="timed out after ${TIMEOUT}s"
        outcome[timeout]=$((${outcome[timeout]:-0} + 1))
    elif [ "$ST" -gt 128 ] && [ "$ST" -le 192 ]; then
        if grep -q -- "$PREFIX" "$WORK/last.err"; then
            outcome["guest crash reported (sig$((ST - 128)))"]=$((${outcome["guest crash reported (sig$((ST - 128)))"]:-0} + 1))
        else
            verdict=FAIL
            reason="emulator died by signal $((ST - 128)) without a '$PREFIX' message"
            outcome["emulator crash"]=$((${outcome["emulator crash"]:-0} + 1))
        fi
    elif [ "$ST" -eq 0 ]; then
        if [ "$(cat "$WORK/last.out")" = ok ]; then
            outcome["ran normally"]=$((${outcome["ran normally"]:-0} + 1))
        else
            outcome["exit 0, other output"]=$((${outcome["exit 0, other output"]:-0} + 1))
        fi
    else
        outcome["rejected/failed with status $ST"]=$((${outcome["rejected/failed with status $ST"]:-0} + 1))
    fi
    if [ "$verdict" = PASS ]; then
        pass=$((pass + 1))
        [ "${FUZZ_VERBOSE:-0}" = 1 ] && echo "PASS mutant $seed ($kind; status $ST): $what"
        rm -f "$mut"
    else
        fail=$((fail + 1))
        echo "FAIL mutant $seed ($kind): $reason"
        echo "    mutation: $what"
        head -n 3 "$WORK/last.err" | sed 's/^/    stderr: /'
        echo "    kept $mut (regenerate: $WORK/elfmut $WORK/base-$kind $seed out.elf)"
    fi
done
rm -f "$WORK/last.out" "$WORK/last.err"

echo "outcomes:"
for k in "${!outcome[@]}"; do
    printf '  %5d  %s\n' "${outcome[$k]}" "$k"
done | sort -k2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
