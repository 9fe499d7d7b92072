/* Struct descriptions for the layout engine: UAPI structs of ioctls and syscalls as fields (type, count), one row per distinct definition. */
#include "layout.h"

#define F(n, t) { n, LY_##t, 1, 0 }
#define A(n, t, c) { n, LY_##t, c, 0 }
#define S(n, s) { n, LY_STRUCT, 1, s }
#define SA(n, s, c) { n, LY_STRUCT, c, s }
#define N(arr) (uint8_t)(sizeof arr / sizeof arr[0]), arr
/* row: name, ABIs (0: all), flags, packed ABIs, packed alignment, fields */
#define DEF(name, abis, arr) { name, abis, 0, 0, 0, N(arr) }
#define UNION(name, abis, arr) { name, abis, LYF_UNION, 0, 0, N(arr) }
#define PACKED(name, abis, packabis, al, arr) { name, abis, 0, packabis, al, N(arr) }

#define G64 (LAB(LA_RISCV64) | LAB(LA_AARCH64))
#define MIPS32 (LAB(LA_MIPS) | LAB(LA_MIPSN32))
#define NOT_MIPS (G64 | LAB(LA_X86_64) | LAB(LA_ARM) | LAB(LA_I386))
#define ALLMIPS (MIPS32 | LAB(LA_MIPS64))

/* ---- time ---- */
static const struct lay_field f_timespec[] = { F("tv_sec", LONG), F("tv_nsec", LONG) };
static const struct lay_field f_timespec64[] = { F("tv_sec", S64), F("tv_nsec", S64) };
static const struct lay_field f_timeval[] = { F("tv_sec", LONG), F("tv_usec", LONG) };
static const struct lay_field f_itimerspec[] = { S("it_interval", "timespec"), S("it_value", "timespec") };
static const struct lay_field f_itimerval[] = { S("it_interval", "timeval"), S("it_value", "timeval") };

/* ---- the buffer of the fstatat family ---- */
static const struct lay_field f_stat_generic[] = {   /* asm-generic struct stat (LP64) */
    F("st_dev", ULONG), F("st_ino", ULONG), F("st_mode", UINT), F("st_nlink", UINT), F("st_uid", UINT),
    F("st_gid", UINT), F("st_rdev", ULONG), F("__pad1", ULONG), F("st_size", LONG), F("st_blksize", INT),
    F("__pad2", INT), F("st_blocks", LONG), F("st_atime", LONG), F("st_atime_nsec", ULONG),
    F("st_mtime", LONG), F("st_mtime_nsec", ULONG), F("st_ctime", LONG), F("st_ctime_nsec", ULONG),
    F("__unused4", UINT), F("__unused5", UINT),
};
static const struct lay_field f_stat_x86_64[] = {
    F("st_dev", ULONG), F("st_ino", ULONG), F("st_nlink", ULONG), F("st_mode", UINT), F("st_uid", UINT),
    F("st_gid", UINT), F("__pad0", UINT), F("st_rdev", ULONG), F("st_size", LONG), F("st_blksize", LONG),
    F("st_blocks", LONG), F("st_atime", ULONG), F("st_atime_nsec", ULONG), F("st_mtime", ULONG),
    F("st_mtime_nsec", ULONG), F("st_ctime", ULONG), F("st_ctime_nsec", ULONG), A("__unused", LONG, 3),
};
static const struct lay_field f_stat64_arm_i386[] = {
    F("st_dev", U64), A("__pad0", U8, 4), F("__st_ino", ULONG), F("st_mode", UINT), F("st_nlink", UINT),
    F("st_uid", ULONG), F("st_gid", ULONG), F("st_rdev", U64), A("__pad3", U8, 4), F("st_size", S64),
    F("st_blksize", ULONG), F("st_blocks", U64), F("st_atime", ULONG), F("st_atime_nsec", ULONG),
    F("st_mtime", ULONG), F("st_mtime_nsec", UINT), F("st_ctime", ULONG), F("st_ctime_nsec", ULONG),
    F("st_ino", U64),
};
static const struct lay_field f_stat_arm_i386[] = {   /* asm/stat.h struct stat of the old stat/fstat/lstat */
    F("st_dev", ULONG), F("st_ino", ULONG), F("st_mode", U16), F("st_nlink", U16), F("st_uid", U16),
    F("st_gid", U16), F("st_rdev", ULONG), F("st_size", ULONG), F("st_blksize", ULONG), F("st_blocks", ULONG),
    F("st_atime", ULONG), F("st_atime_nsec", ULONG), F("st_mtime", ULONG), F("st_mtime_nsec", ULONG),
    F("st_ctime", ULONG), F("st_ctime_nsec", ULONG), F("__unused4", ULONG), F("__unused5", ULONG),
};
static const struct lay_field f_stat64_mips[] = {   /* o32 struct stat64 */
    F("st_dev", ULONG), A("st_pad0", ULONG, 3), F("st_ino", U64), F("st_mode", UINT), F("st_nlink", U32),
    F("st_uid", UINT), F("st_gid", UINT), F("st_rdev", ULONG), A("st_pad1", ULONG, 3), F("st_size", S64),
    F("st_atime", LONG), F("st_atime_nsec", ULONG), F("st_mtime", LONG), F("st_mtime_nsec", ULONG),
    F("st_ctime", LONG), F("st_ctime_nsec", ULONG), F("st_blksize", ULONG), F("st_pad2", ULONG),
    F("st_blocks", S64),
};
static const struct lay_field f_stat_mips32[] = {   /* o32/n32 struct stat */
    F("st_dev", UINT), A("st_pad1", LONG, 3), F("st_ino", ULONG), F("st_mode", UINT), F("st_nlink", U32),
    F("st_uid", UINT), F("st_gid", UINT), F("st_rdev", UINT), A("st_pad2", LONG, 2), F("st_size", LONG),
    F("st_pad3", LONG), F("st_atime", LONG), F("st_atime_nsec", LONG), F("st_mtime", LONG),
    F("st_mtime_nsec", LONG), F("st_ctime", LONG), F("st_ctime_nsec", LONG), F("st_blksize", LONG),
    F("st_blocks", LONG), A("st_pad4", LONG, 14),
};
static const struct lay_field f_stat_mips64[] = {
    F("st_dev", UINT), A("st_pad0", UINT, 3), F("st_ino", ULONG), F("st_mode", UINT), F("st_nlink", U32),
    F("st_uid", UINT), F("st_gid", UINT), F("st_rdev", UINT), A("st_pad1", UINT, 3), F("st_size", LONG),
    F("st_atime", UINT), F("st_atime_nsec", UINT), F("st_mtime", UINT), F("st_mtime_nsec", UINT),
    F("st_ctime", UINT), F("st_ctime_nsec", UINT), F("st_blksize", UINT), F("st_pad2", UINT),
    F("st_blocks", ULONG),
};

/* ---- statfs64 ---- */
static const struct lay_field f_fsid[] = { A("val", INT, 2) };
static const struct lay_field f_statfs64_w64[] = {  /* __statfs_word is long */
    F("f_type", LONG), F("f_bsize", LONG), F("f_blocks", U64), F("f_bfree", U64), F("f_bavail", U64),
    F("f_files", U64), F("f_ffree", U64), S("f_fsid", "__kernel_fsid_t"), F("f_namelen", LONG),
    F("f_frsize", LONG), F("f_flags", LONG), A("f_spare", LONG, 4),
};
static const struct lay_field f_statfs64_w32[] = {  /* __statfs_word is __u32 */
    F("f_type", U32), F("f_bsize", U32), F("f_blocks", U64), F("f_bfree", U64), F("f_bavail", U64),
    F("f_files", U64), F("f_ffree", U64), S("f_fsid", "__kernel_fsid_t"), F("f_namelen", U32),
    F("f_frsize", U32), F("f_flags", U32), A("f_spare", U32, 4),
};
static const struct lay_field f_statfs64_mips32[] = {
    F("f_type", U32), F("f_bsize", U32), F("f_frsize", U32), F("__pad", U32), F("f_blocks", U64),
    F("f_bfree", U64), F("f_files", U64), F("f_ffree", U64), F("f_bavail", U64),
    S("f_fsid", "__kernel_fsid_t"), F("f_namelen", U32), F("f_flags", U32), A("f_spare", U32, 5),
};
static const struct lay_field f_statfs64_mips64[] = {
    F("f_type", LONG), F("f_bsize", LONG), F("f_frsize", LONG), F("f_blocks", LONG), F("f_bfree", LONG),
    F("f_files", LONG), F("f_ffree", LONG), F("f_bavail", LONG), S("f_fsid", "__kernel_fsid_t"),
    F("f_namelen", LONG), F("f_flags", LONG), A("f_spare", LONG, 5),
};

/* ---- files ---- */
static const struct lay_field f_flock[] = {
    F("l_type", S16), F("l_whence", S16), F("l_start", LONG), F("l_len", LONG), F("l_pid", INT),
};
static const struct lay_field f_flock_mips32[] = {
    F("l_type", S16), F("l_whence", S16), F("l_start", LONG), F("l_len", LONG), F("l_pid", INT),
    F("l_sysid", LONG), A("pad", LONG, 4),
};
static const struct lay_field f_flock64[] = {
    F("l_type", S16), F("l_whence", S16), F("l_start", S64), F("l_len", S64), F("l_pid", INT),
};
static const struct lay_field f_f_owner_ex[] = { F("type", INT), F("pid", INT) };
static const struct lay_field f_iovec[] = { F("iov_base", PTR), F("iov_len", ULONG) };
static const struct lay_field f_fsxattr[] = {
    F("fsx_xflags", U32), F("fsx_extsize", U32), F("fsx_nextents", U32), F("fsx_projid", U32),
    F("fsx_cowextsize", U32), A("fsx_pad", U8, 8),
};
static const struct lay_field f_file_clone_range[] = {
    F("src_fd", S64), F("src_offset", U64), F("src_length", U64), F("dest_offset", U64),
};
static const struct lay_field f_fstrim_range[] = { F("start", U64), F("len", U64), F("minlen", U64) };
static const struct lay_field f_fiemap[] = {
    F("fm_start", U64), F("fm_length", U64), F("fm_flags", U32), F("fm_mapped_extents", U32),
    F("fm_extent_count", U32), F("fm_reserved", U32),
};

/* ---- terminals ---- */
static const struct lay_field f_termios[] = {
    F("c_iflag", UINT), F("c_oflag", UINT), F("c_cflag", UINT), F("c_lflag", UINT), F("c_line", U8),
    A("c_cc", U8, 19),
};
static const struct lay_field f_termios_mips[] = {
    F("c_iflag", UINT), F("c_oflag", UINT), F("c_cflag", UINT), F("c_lflag", UINT), F("c_line", U8),
    A("c_cc", U8, 23),
};
static const struct lay_field f_termios2[] = {
    F("c_iflag", UINT), F("c_oflag", UINT), F("c_cflag", UINT), F("c_lflag", UINT), F("c_line", U8),
    A("c_cc", U8, 19), F("c_ispeed", UINT), F("c_ospeed", UINT),
};
static const struct lay_field f_termios2_mips[] = {
    F("c_iflag", UINT), F("c_oflag", UINT), F("c_cflag", UINT), F("c_lflag", UINT), F("c_line", U8),
    A("c_cc", U8, 23), F("c_ispeed", UINT), F("c_ospeed", UINT),
};
static const struct lay_field f_termio[] = {
    F("c_iflag", U16), F("c_oflag", U16), F("c_cflag", U16), F("c_lflag", U16), F("c_line", U8),
    A("c_cc", U8, 8),
};
static const struct lay_field f_termio_mips[] = {
    F("c_iflag", U16), F("c_oflag", U16), F("c_cflag", U16), F("c_lflag", U16), F("c_line", U8),
    A("c_cc", U8, 23),
};
static const struct lay_field f_winsize[] = {
    F("ws_row", U16), F("ws_col", U16), F("ws_xpixel", U16), F("ws_ypixel", U16),
};
static const struct lay_field f_serial_struct[] = {
    F("type", INT), F("line", INT), F("port", UINT), F("irq", INT), F("flags", INT),
    F("xmit_fifo_size", INT), F("custom_divisor", INT), F("baud_base", INT), F("close_delay", U16),
    F("io_type", CHAR), A("reserved_char", CHAR, 1), F("hub6", INT), F("closing_wait", U16),
    F("closing_wait2", U16), F("iomem_base", PTR), F("iomem_reg_shift", U16), F("port_high", UINT),
    F("iomap_base", ULONG),
};
static const struct lay_field f_vt_stat[] = { F("v_active", U16), F("v_signal", U16), F("v_state", U16) };

/* ---- sockets and network interfaces ---- */
static const struct lay_field f_sockaddr[] = { F("sa_family", U16), A("sa_data", CHAR, 14) };
static const struct lay_field f_sockaddr_in[] = {
    F("sin_family", U16), F("sin_port", U16), F("sin_addr", U32), A("__pad", U8, 8),
};
static const struct lay_field f_sockaddr_in6[] = {
    F("sin6_family", U16), F("sin6_port", U16), F("sin6_flowinfo", U32), A("sin6_addr", U32, 4),
    F("sin6_scope_id", U32),
};
static const struct lay_field f_sockaddr_un[] = { F("sun_family", U16), A("sun_path", CHAR, 108) };
static const struct lay_field f_ifmap[] = {
    F("mem_start", ULONG), F("mem_end", ULONG), F("base_addr", U16), F("irq", U8), F("dma", U8),
    F("port", U8),
};
static const struct lay_field f_if_settings[] = { F("type", UINT), F("size", UINT), F("ifs_ifsu", PTR) };
static const struct lay_field f_ifreq_ifru[] = {
    S("ifru_addr", "sockaddr"), F("ifru_flags", S16), F("ifru_ivalue", INT), S("ifru_map", "ifmap"),
    A("ifru_slave", CHAR, 16), F("ifru_data", PTR), S("ifru_settings", "if_settings"),
};
static const struct lay_field f_ifreq[] = { A("ifr_name", CHAR, 16), S("ifr_ifru", "ifreq_ifru") };
static const struct lay_field f_ifconf[] = { F("ifc_len", INT), F("ifc_buf", PTR) };
static const struct lay_field f_msghdr[] = {
    F("msg_name", PTR), F("msg_namelen", INT), F("msg_iov", PTR), F("msg_iovlen", ULONG),
    F("msg_control", PTR), F("msg_controllen", ULONG), F("msg_flags", UINT),
};
static const struct lay_field f_pollfd[] = { F("fd", INT), F("events", S16), F("revents", S16) };
static const struct lay_field f_epoll_event[] = { F("events", U32), F("data", U64) };

/* ---- block and character devices ---- */
static const struct lay_field f_loop_info64[] = {
    F("lo_device", U64), F("lo_inode", U64), F("lo_rdevice", U64), F("lo_offset", U64),
    F("lo_sizelimit", U64), F("lo_number", U32), F("lo_encrypt_type", U32),
    F("lo_encrypt_key_size", U32), F("lo_flags", U32), A("lo_file_name", U8, 64),
    A("lo_crypt_name", U8, 64), A("lo_encrypt_key", U8, 32), A("lo_init", U64, 2),
};
static const struct lay_field f_loop_info[] = {
    F("lo_number", INT), F("lo_device", OLDDEV), F("lo_inode", ULONG), F("lo_rdevice", OLDDEV),
    F("lo_offset", INT), F("lo_encrypt_type", INT), F("lo_encrypt_key_size", INT), F("lo_flags", INT),
    A("lo_name", CHAR, 64), A("lo_encrypt_key", U8, 32), A("lo_init", ULONG, 2), A("reserved", CHAR, 4),
};
static const struct lay_field f_loop_config[] = {
    F("fd", U32), F("block_size", U32), S("info", "loop_info64"), A("__reserved", U64, 8),
};
static const struct lay_field f_rtc_time[] = {
    F("tm_sec", INT), F("tm_min", INT), F("tm_hour", INT), F("tm_mday", INT), F("tm_mon", INT),
    F("tm_year", INT), F("tm_wday", INT), F("tm_yday", INT), F("tm_isdst", INT),
};
static const struct lay_field f_rtc_wkalrm[] = { F("enabled", U8), F("pending", U8), S("time", "rtc_time") };
static const struct lay_field f_input_event[] = {
    S("time", "timeval"), F("type", U16), F("code", U16), F("value", S32),
};
static const struct lay_field f_input_id[] = {
    F("bustype", U16), F("vendor", U16), F("product", U16), F("version", U16),
};
static const struct lay_field f_input_absinfo[] = {
    F("value", S32), F("minimum", S32), F("maximum", S32), F("fuzz", S32), F("flat", S32),
    F("resolution", S32),
};
static const struct lay_field f_hd_geometry[] = {
    F("heads", U8), F("sectors", U8), F("cylinders", U16), F("start", ULONG),
};

static const struct lay_field f_blk_range[] = { F("start", U64), F("len", U64) };
static const struct lay_field f_vt_mode[] = {
    F("mode", CHAR), F("waitv", CHAR), F("relsig", S16), F("acqsig", S16), F("frsig", S16),
};
static const struct lay_field f_vt_sizes[] = { F("v_rows", U16), F("v_cols", U16), F("v_scrollsize", U16) };
static const struct lay_field f_kbentry[] = { F("kb_table", U8), F("kb_index", U8), F("kb_value", U16) };
static const struct lay_field f_serial_icounter[] = {
    F("cts", INT), F("dsr", INT), F("rng", INT), F("dcd", INT), F("rx", INT), F("tx", INT), F("frame", INT),
    F("overrun", INT), F("parity", INT), F("brk", INT), F("buf_overrun", INT), A("reserved", INT, 9),
};
static const struct lay_field f_cdrom_tochdr[] = { F("cdth_trk0", U8), F("cdth_trk1", U8) };
static const struct lay_field f_fb_bitfield[] = { F("offset", U32), F("length", U32), F("msb_right", U32) };
static const struct lay_field f_fb_var_screeninfo[] = {
    F("xres", U32), F("yres", U32), F("xres_virtual", U32), F("yres_virtual", U32), F("xoffset", U32),
    F("yoffset", U32), F("bits_per_pixel", U32), F("grayscale", U32), S("red", "fb_bitfield"),
    S("green", "fb_bitfield"), S("blue", "fb_bitfield"), S("transp", "fb_bitfield"), F("nonstd", U32),
    F("activate", U32), F("height", U32), F("width", U32), F("accel_flags", U32), F("pixclock", U32),
    F("left_margin", U32), F("right_margin", U32), F("upper_margin", U32), F("lower_margin", U32),
    F("hsync_len", U32), F("vsync_len", U32), F("sync", U32), F("vmode", U32), F("rotate", U32),
    F("colorspace", U32), A("reserved", U32, 4),
};
static const struct lay_field f_fb_fix_screeninfo[] = {
    A("id", CHAR, 16), F("smem_start", ULONG), F("smem_len", U32), F("type", U32), F("type_aux", U32),
    F("visual", U32), F("xpanstep", U16), F("ypanstep", U16), F("ywrapstep", U16), F("line_length", U32),
    F("mmio_start", ULONG), F("mmio_len", U32), F("accel", U32), F("capabilities", U16), A("reserved", U16, 2),
};
static const struct lay_field f_fb_cmap[] = {
    F("start", U32), F("len", U32), F("red", PTR), F("green", PTR), F("blue", PTR), F("transp", PTR),
};
static const struct lay_field f_rtentry[] = {
    F("rt_pad1", ULONG), S("rt_dst", "sockaddr"), S("rt_gateway", "sockaddr"), S("rt_genmask", "sockaddr"),
    F("rt_flags", U16), F("rt_pad2", S16), F("rt_pad3", ULONG), F("rt_pad4", PTR), F("rt_metric", S16),
    F("rt_dev", PTR), F("rt_mtu", ULONG), F("rt_window", ULONG), F("rt_irtt", U16),
};
static const struct lay_field f_arpreq[] = {
    S("arp_pa", "sockaddr"), S("arp_ha", "sockaddr"), F("arp_flags", INT), S("arp_netmask", "sockaddr"),
    A("arp_dev", CHAR, 16),
};

/* ---- USB devices (usbfs, what libusb issues) ---- */
static const struct lay_field f_usb_ctrltransfer[] = {
    F("bRequestType", U8), F("bRequest", U8), F("wValue", U16), F("wIndex", U16), F("wLength", U16),
    F("timeout", U32), F("data", PTR),
};
static const struct lay_field f_usb_bulktransfer[] = { F("ep", UINT), F("len", UINT), F("timeout", UINT), F("data", PTR) };
static const struct lay_field f_usb_setinterface[] = { F("interface", UINT), F("altsetting", UINT) };
static const struct lay_field f_usb_disconnectsignal[] = {   /* context comes back as si_addr: a value, not followed */
    F("signr", UINT), F("context", ULONG),
};
static const struct lay_field f_usb_getdriver[] = { F("interface", UINT), A("driver", CHAR, 256) };
static const struct lay_field f_usb_connectinfo[] = { F("devnum", UINT), F("slow", U8) };
static const struct lay_field f_usb_hub_portinfo[] = { F("nports", CHAR), A("port", CHAR, 127) };
static const struct lay_field f_usb_disconnect_claim[] = { F("interface", UINT), F("flags", UINT), A("driver", CHAR, 256) };
static const struct lay_field f_usb_streams[] = { F("num_streams", UINT), F("num_eps", UINT) };

/* ---- processes and the system ---- */
static const struct lay_field f_rlimit[] = { F("rlim_cur", ULONG), F("rlim_max", ULONG) };
static const struct lay_field f_rlimit64[] = { F("rlim_cur", U64), F("rlim_max", U64) };
static const struct lay_field f_utsname[] = {
    A("sysname", CHAR, 65), A("nodename", CHAR, 65), A("release", CHAR, 65), A("version", CHAR, 65),
    A("machine", CHAR, 65), A("domainname", CHAR, 65),
};
static const struct lay_field f_stack[] = { F("ss_sp", PTR), F("ss_flags", INT), F("ss_size", ULONG) };
static const struct lay_field f_stack_mips[] = { F("ss_sp", PTR), F("ss_size", ULONG), F("ss_flags", INT) };

/* A private driver's argument: what an unknown ioctl typically carries. */
static const struct lay_field f_xtrace_private[] = { F("p", PTR), F("l", LONG), F("i", INT) };

const struct lay_struct lay_structs[] = {
    DEF("timespec", 0, f_timespec),
    DEF("__kernel_timespec", 0, f_timespec64),
    DEF("timeval", 0, f_timeval),
    DEF("itimerspec", 0, f_itimerspec),
    DEF("itimerval", 0, f_itimerval),

    DEF("stat", G64, f_stat_generic),
    DEF("stat64", G64, f_stat_generic),
    DEF("stat", LAB(LA_X86_64), f_stat_x86_64),
    DEF("stat64", LAB(LA_X86_64), f_stat_x86_64),
    DEF("stat64", LAB(LA_ARM) | LAB(LA_I386), f_stat64_arm_i386),
    DEF("stat", LAB(LA_ARM) | LAB(LA_I386), f_stat_arm_i386),
    DEF("stat64", LAB(LA_MIPS), f_stat64_mips),
    DEF("stat", MIPS32, f_stat_mips32),
    DEF("stat64", LAB(LA_MIPSN32), f_stat_mips32),
    DEF("stat", LAB(LA_MIPS64), f_stat_mips64),
    DEF("stat64", LAB(LA_MIPS64), f_stat_mips64),

    DEF("__kernel_fsid_t", 0, f_fsid),
    DEF("statfs64", G64 | LAB(LA_X86_64), f_statfs64_w64),
    DEF("statfs64", LAB(LA_I386), f_statfs64_w32),
    PACKED("statfs64", LAB(LA_ARM), LAB(LA_ARM), 4, f_statfs64_w32),
    DEF("statfs64", MIPS32, f_statfs64_mips32),
    DEF("statfs64", LAB(LA_MIPS64), f_statfs64_mips64),

    DEF("flock", NOT_MIPS | LAB(LA_MIPS64), f_flock),
    DEF("flock", MIPS32, f_flock_mips32),
    DEF("flock64", 0, f_flock64),
    DEF("f_owner_ex", 0, f_f_owner_ex),
    DEF("iovec", 0, f_iovec),
    DEF("fsxattr", 0, f_fsxattr),
    DEF("file_clone_range", 0, f_file_clone_range),
    DEF("fstrim_range", 0, f_fstrim_range),
    DEF("fiemap", 0, f_fiemap),

    DEF("termios", NOT_MIPS, f_termios),
    DEF("termios", ALLMIPS, f_termios_mips),
    DEF("termios2", NOT_MIPS, f_termios2),
    DEF("termios2", ALLMIPS, f_termios2_mips),
    DEF("termio", NOT_MIPS, f_termio),
    DEF("termio", ALLMIPS, f_termio_mips),
    DEF("winsize", 0, f_winsize),
    DEF("serial_struct", 0, f_serial_struct),
    DEF("vt_stat", 0, f_vt_stat),

    DEF("sockaddr", 0, f_sockaddr),
    DEF("sockaddr_in", 0, f_sockaddr_in),
    DEF("sockaddr_in6", 0, f_sockaddr_in6),
    DEF("sockaddr_un", 0, f_sockaddr_un),
    DEF("ifmap", 0, f_ifmap),
    DEF("if_settings", 0, f_if_settings),
    UNION("ifreq_ifru", 0, f_ifreq_ifru),
    DEF("ifreq", 0, f_ifreq),
    DEF("ifconf", 0, f_ifconf),
    DEF("msghdr", 0, f_msghdr),
    DEF("pollfd", 0, f_pollfd),
    PACKED("epoll_event", 0, LAB(LA_X86_64), 1, f_epoll_event),

    DEF("loop_info64", 0, f_loop_info64),
    DEF("loop_info", 0, f_loop_info),
    DEF("loop_config", 0, f_loop_config),
    DEF("rtc_time", 0, f_rtc_time),
    DEF("rtc_wkalrm", 0, f_rtc_wkalrm),
    DEF("input_event", 0, f_input_event),
    DEF("input_id", 0, f_input_id),
    DEF("input_absinfo", 0, f_input_absinfo),
    DEF("hd_geometry", 0, f_hd_geometry),
    DEF("blk_range", 0, f_blk_range),
    DEF("vt_mode", 0, f_vt_mode),
    DEF("vt_sizes", 0, f_vt_sizes),
    DEF("kbentry", 0, f_kbentry),
    DEF("serial_icounter_struct", 0, f_serial_icounter),
    DEF("cdrom_tochdr", 0, f_cdrom_tochdr),
    DEF("fb_bitfield", 0, f_fb_bitfield),
    DEF("fb_var_screeninfo", 0, f_fb_var_screeninfo),
    DEF("fb_fix_screeninfo", 0, f_fb_fix_screeninfo),
    DEF("fb_cmap", 0, f_fb_cmap),
    DEF("rtentry", 0, f_rtentry),
    DEF("usbdevfs_ctrltransfer", 0, f_usb_ctrltransfer),
    DEF("usbdevfs_bulktransfer", 0, f_usb_bulktransfer),
    DEF("usbdevfs_setinterface", 0, f_usb_setinterface),
    DEF("usbdevfs_disconnectsignal", 0, f_usb_disconnectsignal),
    DEF("usbdevfs_getdriver", 0, f_usb_getdriver),
    DEF("usbdevfs_connectinfo", 0, f_usb_connectinfo),
    DEF("usbdevfs_hub_portinfo", 0, f_usb_hub_portinfo),
    DEF("usbdevfs_disconnect_claim", 0, f_usb_disconnect_claim),
    DEF("usbdevfs_streams", 0, f_usb_streams),
    DEF("arpreq", 0, f_arpreq),

    DEF("rlimit", 0, f_rlimit),
    DEF("rlimit64", 0, f_rlimit64),
    DEF("new_utsname", 0, f_utsname),
    DEF("stack_t", NOT_MIPS, f_stack),
    DEF("stack_t", ALLMIPS, f_stack_mips),
    DEF("xtrace_private", 0, f_xtrace_private),
};

const unsigned lay_nstructs = sizeof lay_structs / sizeof lay_structs[0];
