#!/usr/bin/env bash
# Generates tests/unit/test_layout_expected.h: sizes, alignments and field offsets of UAPI structs as each cross compiler lays them out.
#
# Usage: tools/gen-layout.sh [--check] [--out FILE]
#
# Every value is evaluated by the ABI's own gcc (an "i" asm operand of a probe compiled with -S and
# read back), so the expected layouts are the compilers', never the layout engine's. The unit test
# tests/unit/test_layout.c checks src/trace/layout.c against them for every ABI.
# --check regenerates into a temporary file and compares with the committed one.
# Needs: riscv64-linux-gnu-gcc aarch64-linux-gnu-gcc x86_64-linux-gnu-gcc arm-linux-gnueabihf-gcc
#        i686-linux-gnu-gcc mips-linux-gnu-gcc (apt-get install gcc-arm-linux-gnueabihf ...).
set -euo pipefail
shopt -s inherit_errexit

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$root/tests/unit/test_layout_expected.h"
check=0
while [ $# -gt 0 ]; do
    case "$1" in
    --check) check=1 ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "gen-layout: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

# ABI name, compiler, flags
abis() {
cat <<'EOF'
riscv64 riscv64-linux-gnu-gcc
aarch64 aarch64-linux-gnu-gcc
x86_64 x86_64-linux-gnu-gcc
arm arm-linux-gnueabihf-gcc
i386 i686-linux-gnu-gcc
mips mips-linux-gnu-gcc -mabi=32
mipsn32 mips-linux-gnu-gcc -mabi=n32
mips64 mips-linux-gnu-gcc -mabi=64
EOF
}

# group HEADER...: a probe file; struct KEY CTYPE : FIELD... (FIELD may be a member path a.b).
# @STAT@ is the buffer the ABI's fstatat syscall fills (struct stat64 where fstatat64 exists).
spec() {
cat <<'EOF'
group linux/time.h linux/time_types.h
struct timespec struct timespec : tv_sec tv_nsec
struct __kernel_timespec struct __kernel_timespec : tv_sec tv_nsec
struct timeval struct timeval : tv_sec tv_usec
struct itimerspec struct itimerspec : it_interval it_value
group asm/stat.h asm/statfs.h linux/fcntl.h
struct stat64 @STAT@ : st_dev st_ino st_mode st_nlink st_uid st_gid st_rdev st_size st_blksize st_blocks st_atime st_atime_nsec st_mtime st_mtime_nsec st_ctime st_ctime_nsec
struct statfs64 struct statfs64 : f_type f_bsize f_blocks f_bfree f_bavail f_files f_ffree f_fsid f_namelen f_frsize f_flags f_spare
struct flock struct flock : l_type l_whence l_start l_len l_pid
group asm/termios.h
struct termios struct termios : c_iflag c_oflag c_cflag c_lflag c_line c_cc
struct termios2 struct termios2 : c_iflag c_cflag c_line c_cc c_ispeed c_ospeed
struct termio struct termio : c_iflag c_lflag c_line c_cc
struct winsize struct winsize : ws_row ws_col ws_xpixel ws_ypixel
group linux/in.h linux/in6.h linux/un.h
struct sockaddr_in struct sockaddr_in : sin_family sin_port sin_addr
struct sockaddr_in6 struct sockaddr_in6 : sin6_family sin6_port sin6_flowinfo sin6_addr sin6_scope_id
struct sockaddr_un struct sockaddr_un : sun_family sun_path
group sys/socket.h linux/if.h
struct ifmap struct ifmap : mem_start mem_end base_addr irq dma port
struct ifreq struct ifreq : ifr_name ifr_ifru ifr_flags ifr_map ifr_data
struct ifconf struct ifconf : ifc_len ifc_buf
group linux/loop.h linux/rtc.h linux/serial.h linux/fs.h
struct loop_info64 struct loop_info64 : lo_device lo_inode lo_rdevice lo_offset lo_sizelimit lo_number lo_flags lo_file_name lo_crypt_name lo_encrypt_key lo_init
struct loop_info struct loop_info : lo_number lo_device lo_inode lo_rdevice lo_offset lo_flags lo_name lo_encrypt_key lo_init
struct loop_config struct loop_config : fd block_size info __reserved
struct rtc_time struct rtc_time : tm_sec tm_min tm_hour tm_mday tm_mon tm_year tm_wday tm_yday tm_isdst
struct rtc_wkalrm struct rtc_wkalrm : enabled pending time
struct serial_struct struct serial_struct : type line port irq flags baud_base close_delay io_type hub6 closing_wait iomem_base iomem_reg_shift port_high iomap_base
struct fsxattr struct fsxattr : fsx_xflags fsx_extsize fsx_nextents fsx_projid fsx_cowextsize fsx_pad
group linux/vt.h linux/kd.h linux/serial.h linux/cdrom.h linux/fb.h
struct vt_mode struct vt_mode : mode waitv relsig acqsig frsig
struct vt_sizes struct vt_sizes : v_rows v_cols v_scrollsize
struct kbentry struct kbentry : kb_table kb_index kb_value
struct serial_icounter_struct struct serial_icounter_struct : cts dsr rng dcd rx tx frame overrun parity brk buf_overrun reserved
struct cdrom_tochdr struct cdrom_tochdr : cdth_trk0 cdth_trk1
struct fb_var_screeninfo struct fb_var_screeninfo : xres yres bits_per_pixel red green transp nonstd pixclock sync vmode rotate colorspace reserved
struct fb_fix_screeninfo struct fb_fix_screeninfo : id smem_start smem_len type visual xpanstep ywrapstep line_length mmio_start mmio_len accel capabilities reserved
struct fb_cmap struct fb_cmap : start len red green blue transp
group sys/socket.h linux/route.h linux/if_arp.h
struct rtentry struct rtentry : rt_pad1 rt_dst rt_gateway rt_genmask rt_flags rt_pad2 rt_pad3 rt_pad4 rt_metric rt_dev rt_mtu rt_window rt_irtt
struct arpreq struct arpreq : arp_pa arp_ha arp_flags arp_netmask arp_dev
group linux/usbdevice_fs.h
struct usbdevfs_ctrltransfer struct usbdevfs_ctrltransfer : bRequestType bRequest wValue wIndex wLength timeout data
struct usbdevfs_bulktransfer struct usbdevfs_bulktransfer : ep len timeout data
struct usbdevfs_setinterface struct usbdevfs_setinterface : interface altsetting
struct usbdevfs_disconnectsignal struct usbdevfs_disconnectsignal : signr context
struct usbdevfs_getdriver struct usbdevfs_getdriver : interface driver
struct usbdevfs_connectinfo struct usbdevfs_connectinfo : devnum slow
struct usbdevfs_hub_portinfo struct usbdevfs_hub_portinfo : nports port
struct usbdevfs_disconnect_claim struct usbdevfs_disconnect_claim : interface flags driver
struct usbdevfs_streams struct usbdevfs_streams : num_streams num_eps
group linux/input.h
struct input_event struct input_event : time type code value
struct input_id struct input_id : bustype vendor product version
group linux/uio.h linux/resource.h linux/eventpoll.h linux/utsname.h linux/poll.h
struct iovec struct iovec : iov_base iov_len
struct rlimit struct rlimit : rlim_cur rlim_max
struct epoll_event struct epoll_event : events data
struct new_utsname struct new_utsname : sysname nodename release version machine domainname
struct pollfd struct pollfd : fd events revents
group stddef.h
struct xtrace_private struct xtrace_private : p l i
EOF
}

PRIVATE='struct xtrace_private { void *p; long l; int i; };'

stat_type() {
    local defs
    # shellcheck disable=SC2086
    defs=$(echo '#include <asm/unistd.h>' | $1 -E -dM -x c -)
    if grep -q '__NR_fstatat64\b' <<<"$defs"; then
        echo 'struct stat64'
    else
        echo 'struct stat'
    fi
}

# Writes the probe C file of one ABI and the key list; prints the probe path.
make_probe() {
    local dir="$1" st="$2"
    spec | sed "s/@STAT@/$st/" | awk -v dir="$dir" -v priv="$PRIVATE" '
    function flush() { if (g) print "}" > probe }
    /^group / {
        flush(); g++
        probe = dir "/probe" g ".c"
        print "#define _GNU_SOURCE 1" > probe
        for (i = 2; i <= NF; i++) print "#include <" $i ">" > probe
        print "#include <stddef.h>" > probe
        print priv > probe
        print "#define XV(k, e) __asm__ volatile(\"\\n@@XV \" #k \" %0\" :: \"i\"((unsigned)(e)))" > probe
        print "void probe" g "(void);" > probe
        print "void probe" g "(void) {" > probe
        next
    }
    /^struct / {
        colon = index($0, ":")
        ctype = substr($0, 1, colon - 1); sub(/^struct [^ ]+ /, "", ctype); sub(/ +$/, "", ctype)
        key = $2
        k++; print "    XV(" k ", sizeof(" ctype "));" > probe; print k "\t" key "\t\tsize" > (dir "/keys")
        k++; print "    XV(" k ", __alignof__(" ctype "));" > probe; print k "\t" key "\t\talign" > (dir "/keys")
        n = split(substr($0, colon + 1), f, " ")
        for (i = 1; i <= n; i++) {
            k++; print "    XV(" k ", offsetof(" ctype ", " f[i] "));" > probe; print k "\t" key "\t" f[i] "\toff" > (dir "/keys")
            k++; print "    XV(" k ", sizeof(((" ctype " *)0)->" f[i] "));" > probe; print k "\t" key "\t" f[i] "\tfsize" > (dir "/keys")
        }
    }
    END { flush() }'
}

gen() {
    local dest="$1" tmp name cc flags
    tmp=$(mktemp -d)
    {
        echo "/* Expected struct layouts per ABI, as each cross compiler computes them (sizeof, __alignof__, offsetof). */"
        echo "/* Generated by tools/gen-layout.sh; do not edit. Rows: ABI, struct, field (NULL: the struct itself), offset or size, size or alignment. */"
        echo "struct layout_expect { const char *abi, *type, *field; unsigned a, b; };"
        echo "static const struct layout_expect layout_expected[] = {"
    } >"$dest"
    while read -r name cc flags; do
        command -v "$cc" >/dev/null || { echo "gen-layout: $cc not found (apt-get install the cross gcc)" >&2; exit 1; }
        mkdir -p "$tmp/$name" "$tmp/inc/gnu"
        # glibc's stub lists of the n32/n64 multilibs are not installed; the probes need none of them
        touch "$tmp/inc/gnu/stubs-n32_hard.h" "$tmp/inc/gnu/stubs-n64_hard.h"
        flags="$flags -I$tmp/inc"
        make_probe "$tmp/$name" "$(stat_type "$cc ${flags% -I*}")"
        for p in "$tmp/$name"/probe*.c; do
            # shellcheck disable=SC2086
            if ! $cc $flags -S -O0 -w -o "${p%.c}.s" "$p" 2>"${p%.c}.err"; then
                echo "gen-layout: $cc $flags failed on $(basename "$p"):" >&2
                head -20 "${p%.c}.err" >&2
                exit 1
            fi
            grep -h '@@XV' "${p%.c}.s" | tr -d '$#' | awk '{ print $2, $3 }'
        done >"$tmp/$name/values"
        awk -F'\t' -v abi="$name" '
            FNR == NR { split($0, v, " "); val[v[1]] = v[2]; next }
            $4 == "size" { size = val[$1]; next }
            $4 == "align" { printf "    { \"%s\", \"%s\", NULL, %d, %d },\n", abi, $2, size, val[$1]; next }
            $4 == "off" { off = val[$1]; next }
            $4 == "fsize" { printf "    { \"%s\", \"%s\", \"%s\", %d, %d },\n", abi, $2, $3, off, val[$1] }
        ' "$tmp/$name/values" "$tmp/$name/keys" >>"$dest"
    done < <(abis)
    echo "};" >>"$dest"
    rm -rf "$tmp"
}

if [ "$check" = 1 ]; then
    t=$(mktemp)
    trap 'rm -f "$t"' EXIT
    gen "$t"
    if diff -u "$out" "$t"; then
        echo "gen-layout: $out is up to date"
        exit 0
    fi
    echo "gen-layout: $out is out of date (run tools/gen-layout.sh)" >&2
    exit 1
fi
gen "$out"
echo "gen-layout: wrote $out"
