#!/usr/bin/env bash
# Installs what building, testing and benchmarking need on a fresh Debian machine; a no-op when all is there.
set -u
need=()
command -v riscv64-linux-gnu-gcc >/dev/null || need+=(gcc-riscv64-linux-gnu)
[ -e /usr/riscv64-linux-gnu/include/stdio.h ] || need+=(libc6-dev-riscv64-cross)
command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu)
[ -e /usr/aarch64-linux-gnu/include/stdio.h ] || need+=(libc6-dev-arm64-cross)
command -v arm-linux-gnueabihf-gcc >/dev/null || need+=(gcc-arm-linux-gnueabihf)
[ -e /usr/arm-linux-gnueabihf/include/stdio.h ] || need+=(libc6-dev-armhf-cross)
command -v arm-linux-gnueabi-gcc >/dev/null || need+=(gcc-arm-linux-gnueabi)
[ -e /usr/arm-linux-gnueabi/include/stdio.h ] || need+=(libc6-dev-armel-cross)
[ -e /usr/include/capstone/capstone.h ] || need+=(libcapstone-dev)
command -v qemu-riscv64 >/dev/null || need+=(qemu-user)
command -v strace >/dev/null || need+=(strace)
command -v tmux >/dev/null || need+=(tmux)
command -v gdb-multiarch >/dev/null || need+=(gdb-multiarch)
[ -e /usr/include/expat.h ] || need+=(libexpat1-dev)
command -v qemu-system-arm >/dev/null || need+=(qemu-system-arm)
command -v qemu-system-riscv64 >/dev/null || need+=(qemu-system-misc)
[ -e /usr/lib/u-boot/qemu_arm/u-boot.bin ] || need+=(u-boot-qemu)
[ -e /usr/include/ncursesw/curses.h ] || [ -e /usr/include/ncurses.h ] || need+=(libncurses-dev)
[ -e /usr/include/readline/readline.h ] || need+=(libreadline-dev)
command -v python3 >/dev/null || need+=(python3)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=
[ "$(id -u)" -ne 0 ] && sudo=sudo
echo "setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
# apt-get update may fail for one index (often a foreign security one) while the rest arrive: check packages instead.
$sudo apt-get update -q >/dev/null 2>&1 || echo "setup: apt-get update reported errors; trying to install anyway"
$sudo apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 || \
    $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
command -v riscv64-linux-gnu-gcc >/dev/null || { echo "setup: riscv64-linux-gnu-gcc is still missing (apt-get install gcc-riscv64-linux-gnu)" >&2; exit 1; }
[ -e /usr/riscv64-linux-gnu/include/stdio.h ] || { echo "setup: the riscv64 C library headers are missing (apt-get install libc6-dev-riscv64-cross)" >&2; exit 1; }
command -v qemu-riscv64 >/dev/null || echo "setup: qemu-riscv64 unavailable: comparisons with qemu-user will be skipped"
exit 0
