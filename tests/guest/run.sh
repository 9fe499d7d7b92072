#!/usr/bin/env bash
# Guest test harness: cross-compiles tests/guest/*.c (static and dynamic) and checks stdout/exit status under an emulator.
#
# usage: tests/guest/run.sh EMU_CMD BUILD_DIR [TEST...]
#   EMU_CMD    emulator command, e.g. build/xtrace, "build/xtrace -strace" or qemu-riscv64
#   BUILD_DIR  where binaries and run outputs go (created; reused so reruns only rebuild what changed)
#   TEST...    optional test names (default: every NAME.c here)
# Per test NAME: NAME.expected (exact stdout), optional NAME.status (exit number or sigN, default 0),
# NAME.args (one argument per line), NAME.stdin (fed to stdin, else /dev/null), NAME.ldflags (extra link flags).
# Environment: GUEST_ARCH (riscv64, aarch64, arm = armhf or armel = soft-float EABI; default riscv64) picks the
# defaults of CROSS_CC (ARCH-linux-gnu-gcc, arm-linux-gnueabihf-gcc, arm-linux-gnueabi-gcc), SYSROOT
# (/usr/<triple>) and QEMU (qemu-ARCH, qemu-arm; set to "" to skip the cross-check against qemu);
# GUEST_TIMEOUT (60 s), GUEST_MODES ("static dynamic"), GUEST_VARIANTS (instruction-set variants, each built
# with -mVARIANT: "arm thumb" for arm, "arm" for armel, none elsewhere; a case is then MODE-VARIANT/NAME).
# Tests named rv*.c are riscv64-specific and are skipped for other architectures. For aarch64, files in
# tests/a64/guest/ (NAME.c, NAME.expected, ...) replace the ones here, and extra NAME.c there are added; for
# arm and armel the same holds for tests/arm/guest/, whose armel/ subdirectory holds soft-float-only
# replacements. An override dir's SKIP file lists "NAME reason" lines
# (NAME or MODE-VARIANT/NAME, shell patterns allowed): those cases print SKIP with the reason and count neither
# as passed nor failed (GUEST_NOSKIP=1 runs them anyway, to check whether a cause is gone).
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 EMU_CMD BUILD_DIR [TEST...]" >&2
    exit 2
fi

SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ARCH=${GUEST_ARCH:-riscv64}
# Per architecture: target triple, qemu-user name, default variants, override directory (relative to here).
case "$ARCH" in
riscv64 | aarch64) TRIPLE=$ARCH-linux-gnu QARCH=$ARCH DEF_VARIANTS= OVR_REL= ;;
arm) TRIPLE=arm-linux-gnueabihf QARCH=arm DEF_VARIANTS="arm thumb" OVR_REL=../arm/guest ;;
armel) TRIPLE=arm-linux-gnueabi QARCH=arm DEF_VARIANTS="arm thumb" OVR_REL=../arm/guest ;;
*) echo "run.sh: unknown GUEST_ARCH '$ARCH' (riscv64, aarch64, arm or armel)" >&2; exit 2 ;;
esac
[ "$ARCH" = aarch64 ] && OVR_REL=../a64/guest
CC=${CROSS_CC:-$TRIPLE-gcc}
SYSROOT=${SYSROOT:-/usr/$TRIPLE}
TIMEOUT=${GUEST_TIMEOUT:-60}
MODES=${GUEST_MODES:-static dynamic}
VARIANTS=${GUEST_VARIANTS-$DEF_VARIANTS}
QEMU=${QEMU-qemu-$QARCH}
QNAME=$(basename "${QEMU:-qemu-$QARCH}")
# Build configurations: each mode, times each variant when there are any ("static-thumb").
CONFIGS=()
for mode in $MODES; do
    if [ -z "$VARIANTS" ]; then CONFIGS+=("$mode"); else for v in $VARIANTS; do CONFIGS+=("$mode-$v"); done; fi
done
# Per-architecture replacements of test files (none for riscv64).
OVR_DIR=
[ -n "$OVR_REL" ] && OVR_DIR=$(cd "$SRC_DIR/$OVR_REL" 2>/dev/null && pwd)
# Cases skipped for reasons outside the syscall layer (see the SKIP file), "NAME reason" per line.
declare -A SKIPS=()
for f in "$OVR_DIR/SKIP" "$OVR_DIR/$ARCH/SKIP"; do
    [ -n "$OVR_DIR" ] && [ -f "$f" ] && [ -z "${GUEST_NOSKIP:-}" ] || continue
    while read -r k r; do
        case "$k" in '' | '#'*) continue ;; esac
        SKIPS[$k]=$r
    done <"$f"
done
tf() { # name.ext -> the file to use (the architecture's replacement when there is one; OVR_DIR/ARCH/ first)
    if [ -n "$OVR_DIR" ] && [ -e "$OVR_DIR/$ARCH/$1" ]; then echo "$OVR_DIR/$ARCH/$1"
    elif [ -n "$OVR_DIR" ] && [ -e "$OVR_DIR/$1" ]; then echo "$OVR_DIR/$1"; else echo "$SRC_DIR/$1"; fi
}
NPROC=$(nproc 2>/dev/null || echo 2)

# The emulator command may carry options; make a relative program path absolute (we run from another cwd).
read -ra EMU <<<"$1"
if [ ${#EMU[@]} -eq 0 ]; then
    echo "run.sh: empty EMU_CMD" >&2
    exit 2
fi
if [[ ${EMU[0]} == */* && ${EMU[0]} != /* ]]; then
    EMU[0]="$PWD/${EMU[0]}"
fi
mkdir -p "$2" || exit 2
BUILD_DIR=$(cd "$2" && pwd)
shift 2

if ! command -v "${EMU[0]}" >/dev/null 2>&1; then
    echo "run.sh: emulator '${EMU[0]}' not found or not executable" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
if ! command -v "$CC" >/dev/null 2>&1; then
    echo "run.sh: cross compiler '$CC' not found" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# Cross-check against qemu only when it is installed and the emulator under test is not qemu itself.
CROSS=0
case "$(basename "${EMU[0]}")" in
qemu-*) ;;
*) if [ -n "$QEMU" ] && command -v "$QEMU" >/dev/null 2>&1; then CROSS=1; fi ;;
esac

if [ $# -gt 0 ]; then
    TESTS=("$@")
else
    TESTS=()
    for f in "$SRC_DIR"/*.c; do
        t=$(basename "$f" .c)
        [ "$ARCH" != riscv64 ] && [[ $t == rv* ]] && continue # riscv64-specific
        TESTS+=("$t")
    done
    if [ -n "$OVR_DIR" ]; then
        for f in "$OVR_DIR"/*.c; do
            [ -e "$f" ] && [ ! -e "$SRC_DIR/$(basename "$f")" ] && TESTS+=("$(basename "$f" .c)")
        done
    fi
fi

# ---------------------------------------------------------------- build (make-like, parallel)
build_one() { # config name
    local mode=$1 name=$2 out="$BUILD_DIR/$1/$2" ldflags=() flags=(-O2 -Wall -Wno-unused-result)
    [ -f "$(tf "$name.ldflags")" ] && read -ra ldflags <"$(tf "$name.ldflags")"
    [[ $mode == static* ]] && flags+=(-static)
    [[ $mode == *-* ]] && flags+=("-m${mode#*-}")
    if "$CC" "${flags[@]}" -o "$out.tmp" "$(tf "$name.c")" "${ldflags[@]}" -lm >"$out.log" 2>&1; then
        mv -f "$out.tmp" "$out"
    else
        rm -f "$out.tmp" "$out"
        return 1
    fi
}

needs_build() { # mode name
    local out="$BUILD_DIR/$1/$2" dep
    [ -e "$out" ] || return 0
    for dep in "$(tf "$2.c")" "$(tf "$2.ldflags")"; do
        [ -e "$dep" ] && [ "$dep" -nt "$out" ] && return 0
    done
    return 1
}

for mode in "${CONFIGS[@]}"; do
    mkdir -p "$BUILD_DIR/$mode"
done
running=0
for name in "${TESTS[@]}"; do
    if [ ! -f "$(tf "$name.c")" ]; then
        continue
    fi
    for mode in "${CONFIGS[@]}"; do
        if needs_build "$mode" "$name"; then
            build_one "$mode" "$name" &
            running=$((running + 1))
            if [ "$running" -ge "$NPROC" ]; then
                wait -n
                running=$((running - 1))
            fi
        fi
    done
done
wait

# ---------------------------------------------------------------- run
RUN_DIR="$BUILD_DIR/run"
mkdir -p "$RUN_DIR"

# Run one binary under an emulator; writes $3.out / $3.err, returns the shell exit status (128+N for signal N).
run_guest() { # mode name outprefix emu-words...
    local mode=$1 name=$2 prefix=$3
    shift 3
    local bin="$BUILD_DIR/$mode/$name" stdin=/dev/null args=() envs=() v
    [ -f "$(tf "$name.stdin")" ] && stdin="$(tf "$name.stdin")"
    [ -f "$(tf "$name.args")" ] && mapfile -t args <"$(tf "$name.args")"
    local lopt=()
    [[ $mode == dynamic* ]] && lopt=(-L "$SYSROOT")
    # a clean, fixed environment; keep the emulators' own debugging variables
    for v in $(compgen -e); do
        case "$v" in XTRACE_* | QEMU_*) envs+=("$v=${!v}") ;; esac
    done
    # (no exec: the subshell reaps the guest so bash's "Segmentation fault" notices go to /dev/null)
    (
        cd "$RUN_DIR" || exit 125
        ulimit -c 0
        env -i PATH=/usr/bin:/bin HOME=/nonexistent "${envs[@]}" \
            XTEST_VAR="hello from the harness" XTEST_EMPTY= XTEST_SPACES="a  b c" \
            timeout -k 5 "$TIMEOUT" "$@" "${lopt[@]}" "$bin" "${args[@]}" <"$stdin" >"$prefix.out" 2>"$prefix.err"
    ) 2>/dev/null
}

status_text() { # numeric shell status -> readable
    local s=$1
    if [ "$s" -eq 124 ]; then
        echo "124 (timed out after ${TIMEOUT}s)"
    elif [ "$s" -gt 128 ] && [ "$s" -lt 160 ]; then
        echo "sig$((s - 128))"
    else
        echo "$s"
    fi
}

indent() { sed 's/^/    /'; }

pass=0
fail=0
skip=0
for name in "${TESTS[@]}"; do
    for mode in "${CONFIGS[@]}"; do
        case="$mode/$name"
        why=
        for k in "${!SKIPS[@]}"; do # keys are NAME or MODE-VARIANT/NAME, shell patterns allowed
            # shellcheck disable=SC2053
            if [[ $name == $k || $case == $k ]]; then why=${SKIPS[$k]}; break; fi
        done
        if [ -n "$why" ]; then
            echo "SKIP $case: $why"
            skip=$((skip + 1))
            continue
        fi
        if [ ! -f "$(tf "$name.c")" ]; then
            echo "FAIL $case: no such test ($(tf "$name.c"))"
            fail=$((fail + 1))
            continue
        fi
        if [ ! -x "$BUILD_DIR/$mode/$name" ]; then
            echo "FAIL $case: compile error"
            head -n 15 "$BUILD_DIR/$mode/$name.log" 2>/dev/null | indent
            fail=$((fail + 1))
            continue
        fi
        expected_file="$(tf "$name.expected")"
        want_status=0
        [ -f "$(tf "$name.status")" ] && want_status=$(tr -d ' \n' <"$(tf "$name.status")")
        case "$want_status" in
        sig*) want_num=$((128 + ${want_status#sig})) ;;
        *) want_num=$want_status ;;
        esac

        prefix="$RUN_DIR/${mode}_$name"
        run_guest "$mode" "$name" "$prefix" "${EMU[@]}"
        st=$?

        reason=""
        if [ ! -f "$expected_file" ]; then
            reason="missing $name.expected"
        elif ! cmp -s "$expected_file" "$prefix.out"; then
            reason="stdout differs from $name.expected"
        fi
        if [ "$st" -ne "$want_num" ]; then
            [ -n "$reason" ] && reason="$reason; "
            reason="${reason}exit status $(status_text "$st"), expected $want_status"
        fi

        note=""
        if [ "$CROSS" -eq 1 ]; then
            run_guest "$mode" "$name" "$prefix.qemu" "$QEMU"
            qst=$?
            if cmp -s "$prefix.out" "$prefix.qemu.out" && [ "$st" -eq "$qst" ]; then
                [ -n "$reason" ] && note=" [$QNAME gives the same result]"
            elif [ -n "$reason" ]; then
                if [ -f "$expected_file" ] && cmp -s "$expected_file" "$prefix.qemu.out" && [ "$qst" -eq "$want_num" ]; then
                    note=" [$QNAME matches the expectation]"
                else
                    note=" [$QNAME differs too: status $(status_text "$qst")]"
                fi
            else
                note=" (note: $QNAME differs: status $(status_text "$qst"))"
            fi
        fi

        if [ -z "$reason" ]; then
            echo "PASS $case$note"
            pass=$((pass + 1))
        else
            echo "FAIL $case: $reason$note"
            if [ -f "$expected_file" ] && ! cmp -s "$expected_file" "$prefix.out"; then
                diff -u --label expected --label actual "$expected_file" "$prefix.out" | head -n 20 | indent
            fi
            if [ -s "$prefix.err" ]; then
                echo "    stderr:"
                head -n 8 "$prefix.err" | indent
            fi
            fail=$((fail + 1))
        fi
    done
done

[ "$skip" -gt 0 ] && echo "($skip skipped: see $OVR_DIR/SKIP)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
