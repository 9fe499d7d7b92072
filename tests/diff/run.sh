#!/usr/bin/env bash
# Randomised differential test: runs generated random programs (rvgen: RV64GC, a64gen: A64, armgen: A32/T32) under EMU_CMD and qemu-user and compares register dumps.
#
# usage: tests/diff/run.sh EMU_CMD BUILD_DIR [SEED...]
#   default seeds: 1..40 with 300 instructions each; DIFF_LONG=1 runs seeds 1..1000.
#   DIFF_COUNT=N changes the instructions per program; QEMU=... names the reference emulator.
#   GUEST_ARCH=riscv64 (default, tests/diff/rvgen.c), aarch64 (tests/a64/a64gen.c) or arm (tests/diff/armgen.c:
#   A32/T32/VFP/NEON) picks the generator and the defaults of CROSS_CC (ARCH-linux-gnu-gcc,
#   arm-linux-gnueabihf-gcc) and QEMU (qemu-ARCH).
# Failing cases keep BUILD_DIR/diff/seed-N.S (and the binary) for reproduction; passing ones are removed.
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 EMU_CMD BUILD_DIR [SEED...]" >&2
    exit 2
fi
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ARCH=${GUEST_ARCH:-riscv64}
case "$ARCH" in
riscv64) GEN_SRC="$SRC_DIR/rvgen.c" GEN_NAME=rvgen ASFLAGS=(-march=rv64gc -mabi=lp64d) RECORD=520 ;;
aarch64) GEN_SRC="$SRC_DIR/../a64/a64gen.c" GEN_NAME=a64gen ASFLAGS=() RECORD=808 ;;
arm) GEN_SRC="$SRC_DIR/armgen.c" GEN_NAME=armgen ASFLAGS=(-mfpu=neon-vfpv4) RECORD=408 ;;
*) echo "run.sh: unknown GUEST_ARCH '$ARCH' (riscv64, aarch64 or arm)" >&2; exit 2 ;;
esac
if [ "$ARCH" = arm ]; then CC=${CROSS_CC:-arm-linux-gnueabihf-gcc}; else CC=${CROSS_CC:-$ARCH-linux-gnu-gcc}; fi
HOSTCC=${HOSTCC:-gcc}
QEMU=${QEMU:-qemu-$ARCH}
COUNT=${DIFF_COUNT:-300}
TIMEOUT=${DIFF_TIMEOUT:-20}
NPROC=$(nproc 2>/dev/null || echo 2)

read -ra EMU <<<"$1"
if [ ${#EMU[@]} -eq 0 ]; then
    echo "run.sh: empty EMU_CMD" >&2
    exit 2
fi
if [[ ${EMU[0]} == */* && ${EMU[0]} != /* ]]; then
    EMU[0]="$PWD/${EMU[0]}"
fi
mkdir -p "$2/diff" || exit 2
WORK=$(cd "$2/diff" && pwd)
shift 2

for tool in "${EMU[0]}" "$QEMU" "$CC" "$HOSTCC"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run.sh: '$tool' not found" >&2
        echo "0 passed, 1 failed"
        exit 1
    fi
done

if [ $# -gt 0 ]; then
    SEEDS=("$@")
elif [ "${DIFF_LONG:-0}" = 1 ]; then
    mapfile -t SEEDS < <(seq 1 1000)
else
    mapfile -t SEEDS < <(seq 1 40)
fi

GEN="$WORK/$GEN_NAME"
if [ ! -x "$GEN" ] || [ "$GEN_SRC" -nt "$GEN" ]; then
    if ! "$HOSTCC" -O2 -Wall -o "$GEN.tmp" "$GEN_SRC"; then
        echo "run.sh: cannot build $GEN_NAME"
        echo "0 passed, 1 failed"
        exit 1
    fi
    mv -f "$GEN.tmp" "$GEN"
fi

if [ "$ARCH" = riscv64 ]; then
    REGNAMES=(ra sp gp tp t0 t1 t2 s0 s1 a0 a1 a2 a3 a4 a5 a6 a7 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11 t3 t4 t5 t6)
    for i in $(seq 0 31); do REGNAMES+=("f$i"); done
    REGNAMES+=(fcsr scratch-checksum)
elif [ "$ARCH" = arm ]; then
    REGNAMES=()
    for i in $(seq 0 14); do REGNAMES+=("r$i"); done
    REGNAMES+=(apsr fpscr pad)
    for i in $(seq 0 31); do REGNAMES+=("d$i"); done
    REGNAMES+=(scratch-checksum)
else
    REGNAMES=()
    for i in $(seq 0 30); do REGNAMES+=("x$i"); done
    REGNAMES+=(sp nzcv fpsr fpcr pad)
    for i in $(seq 0 31); do REGNAMES+=("v$i.d[0]" "v$i.d[1]"); done
    REGNAMES+=(scratch-checksum)
fi

run_emu() { # outfile errfile cmd...
    local o=$1 e=$2
    shift 2
    (
        cd "$WORK" || exit 125
        ulimit -c 0
        timeout -k 5 "$TIMEOUT" "$@" </dev/null >"$o" 2>"$e"
    ) 2>/dev/null
}

# One seed; writes a one-line verdict to $WORK/seed-N.result (details after the first line).
check_seed() {
    local seed=$1 base="$WORK/seed-$1" res="$WORK/seed-$1.result"
    if ! "$GEN" "$seed" "$COUNT" "$base.S" 2>"$base.gen.err"; then
        { echo "FAIL seed $seed: generator failed"; sed 's/^/    /' "$base.gen.err"; } >"$res"
        return
    fi
    if ! "$CC" -nostdlib -static -no-pie "${ASFLAGS[@]}" -o "$base" "$base.S" 2>"$base.as.err"; then
        { echo "FAIL seed $seed: assembler error (kept $base.S)"; head -n 5 "$base.as.err" | sed 's/^/    /'; } >"$res"
        return
    fi
    run_emu "$base.emu" "$base.emu.err" "${EMU[@]}" "$base"
    local st=$?
    run_emu "$base.ref" "$base.ref.err" "$QEMU" "$base"
    local qst=$?
    if [ "$qst" -ne 0 ] || [ "$(wc -c <"$base.ref")" -ne "$RECORD" ]; then
        { echo "FAIL seed $seed: reference $QEMU itself failed (status $qst): generator bug? (kept $base.S)"
          head -n 5 "$base.ref.err" | sed 's/^/    /'; } >"$res"
        return
    fi
    if [ "$st" -eq "$qst" ] && cmp -s "$base.emu" "$base.ref"; then
        echo "PASS seed $seed" >"$res"
        rm -f "$base" "$base.S" "$base.emu" "$base.ref" "$base.emu.err" "$base.ref.err" "$base.gen.err" "$base.as.err"
        return
    fi
    {
        printf 'FAIL seed %s: ' "$seed"
        if [ "$st" -ne "$qst" ]; then
            echo "exit status $st, $QEMU gave $qst (kept $base.S)"
            head -n 5 "$base.emu.err" | sed 's/^/    emu stderr: /'
        else
            local a b i=0 first=""
            mapfile -t a < <(od -An -v -tx8 -w8 "$base.emu" | tr -d ' ')
            mapfile -t b < <(od -An -v -tx8 -w8 "$base.ref" | tr -d ' ')
            while [ $i -lt ${#a[@]} ] || [ $i -lt ${#b[@]} ]; do
                if [ "${a[$i]:-<missing>}" != "${b[$i]:-<missing>}" ]; then
                    first="${REGNAMES[$i]:-quad$i}: emu=${a[$i]:-<missing>} qemu=${b[$i]:-<missing>}"
                    break
                fi
                i=$((i + 1))
            done
            [ -z "$first" ] && first="outputs differ in length: $(wc -c <"$base.emu") vs $(wc -c <"$base.ref") bytes"
            echo "first differing register $first (kept $base.S)"
        fi
        echo "    reproduce: $GEN $seed $COUNT t.S && $CC -nostdlib -static -no-pie ${ASFLAGS[*]} -o t t.S"
    } >"$res"
}

pass=0
fail=0
report() {
    local seed=$1 res="$WORK/seed-$1.result"
    cat "$res"
    if head -n 1 "$res" | grep -q '^PASS'; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
    rm -f "$res"
}

# Run NPROC seeds at a time and report them in order.
i=0
while [ $i -lt ${#SEEDS[@]} ]; do
    batch=("${SEEDS[@]:$i:$NPROC}")
    for s in "${batch[@]}"; do
        check_seed "$s" &
    done
    wait
    for s in "${batch[@]}"; do
        report "$s"
    done
    i=$((i + NPROC))
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
