#!/usr/bin/env bash
# Generates the syscall log's per-ABI xlat tables, constants and struct layouts from a cross toolchain's headers.
#
# Usage: tools/gen-xlat.sh [--check] [--out DIR] [TRIPLE...]   (default: the riscv64, aarch64 and arm triples)
#
# For each TRIPLE, every value (flag bits, enum numbers, errno and signal numbers, ioctl numbers,
# struct offsets and sizes) is evaluated by TRIPLE-gcc itself: a probe C file puts each value in an
# "i" asm operand, and the compiler's assembly output (-S) is read back. Nothing is evaluated on the
# host, so sizeof/offsetof/_IOR() come out as the guest sees them.
#
# Writes DIR/xlat-ids.h (ABI-independent ids, from the spec below) and DIR/xlat-ABI.h (the ABI's
# tables as static data, included once by src/trace/xlat.c), which includes DIR/xlat-ABI-errno.h (errno
# numbers) and DIR/xlat-ABI-layout.h (struct offsets and sizes).
# DIR defaults to src/trace/gen. --check regenerates into a temporary directory and compares with
# the committed files; it exits 1 when they differ.
#
# Adding an ABI: run this with its triple, then include the new file in src/trace/xlat.c and add
# its row to XLAT_ABIS there.
set -euo pipefail
shopt -s inherit_errexit

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$root/src/trace/gen"
check=0
triples=()
while [ $# -gt 0 ]; do
    case "$1" in
    --check) check=1 ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "gen-xlat: unknown option $1" >&2; exit 2 ;;
    *) triples+=("$1") ;;
    esac
    shift
done
[ ${#triples[@]} -gt 0 ] || triples=(riscv64-linux-gnu aarch64-linux-gnu arm-linux-gnueabihf)

# ABI name used in file names, symbols and trace_opts.abi.
abi_name() {
    case "$1" in
    riscv64-*) echo riscv64 ;;
    aarch64-*) echo aarch64 ;;
    arm-*|armhf-*|armel-*) echo arm ;;
    mips-*|mipsel-*) echo mips ;;
    i?86-*) echo i386 ;;
    x86_64-*) echo x86_64 ;;
    *) echo "${1%%-*}" | tr -c 'a-z0-9_\n' '_' ;;
    esac
}

# The specification. Lines:
#   group HEADER...                   following items are probed in one C file including HEADERs
#   table NAME enum|flags [w64] [dec] [noguard]
#                                     a lookup table (flags: bit set; w64: 64-bit values; dec:
#                                     unknown values print in decimal rather than hex; noguard:
#                                     rows are C enumerators, not macros, so always compiled)
#     [field MASK:] NAME[=EXPR] ...   its rows, in print order; "field MASK:" makes the row a value of
#                                     the multi-bit field MASK rather than a single flag. A NAME that
#                                     is not defined for the ABI is left out.
#   const NAME EXPR [opt]             a named constant (opt: 0 when EXPR's macro is undefined)
#   struct ID CTYPE : FIELD[?GUARD] ... offsets and sizes of fields (FIELD may be a.b; ?GUARD: only
#                                     when macro GUARD is defined, else size 0)
#   errno HEADER                      every E* number defined by HEADER (aliases skipped)
#   decl TEXT                         a line of C placed in the group's probe before the probes: a type
#                                     the kernel uses but the UAPI headers do not give (it must follow
#                                     its group line directly)
# @STAT@ is the C type of the stat buffer of the ABI's fstatat syscall (struct oldstat: the asm/stat.h struct stat
# of the old stat/fstat/lstat calls; the same struct where the ABI has no stat64).
spec() {
cat <<'EOF'
group linux/fcntl.h asm/fcntl.h linux/timerfd.h linux/signalfd.h linux/inotify.h
table open_flags flags
  field O_ACCMODE: O_RDONLY O_WRONLY O_RDWR
  O_CREAT O_EXCL O_NOCTTY O_TRUNC O_APPEND O_NONBLOCK O_SYNC O_DSYNC FASYNC O_DIRECT O_LARGEFILE
  O_NOATIME O_CLOEXEC O_PATH O_TMPFILE O_DIRECTORY O_NOFOLLOW
table pipe_flags flags
  O_NONBLOCK O_DIRECT O_CLOEXEC
table at_flags flags
  AT_SYMLINK_NOFOLLOW AT_SYMLINK_FOLLOW AT_NO_AUTOMOUNT AT_EMPTY_PATH AT_RECURSIVE
table unlinkat_flags flags
  AT_REMOVEDIR
table faccessat_flags flags
  AT_EACCESS AT_SYMLINK_NOFOLLOW AT_EMPTY_PATH
table statx_flags flags
  field AT_STATX_SYNC_TYPE: AT_STATX_SYNC_AS_STAT AT_STATX_FORCE_SYNC AT_STATX_DONT_SYNC
  AT_SYMLINK_NOFOLLOW AT_NO_AUTOMOUNT AT_EMPTY_PATH
table fcntl_cmd enum dec
  F_DUPFD F_GETFD F_SETFD F_GETFL F_SETFL F_GETLK F_SETLK F_SETLKW F_SETOWN F_GETOWN F_SETSIG
  F_GETSIG F_GETLK64 F_SETLK64 F_SETLKW64 F_SETOWN_EX F_GETOWN_EX F_GETOWNER_UIDS F_OFD_GETLK
  F_OFD_SETLK F_OFD_SETLKW F_SETLEASE F_GETLEASE F_NOTIFY F_CANCELLK F_DUPFD_CLOEXEC
  F_SETPIPE_SZ F_GETPIPE_SZ F_ADD_SEALS F_GET_SEALS F_GET_RW_HINT F_SET_RW_HINT
  F_GET_FILE_RW_HINT F_SET_FILE_RW_HINT
table fd_flags flags
  FD_CLOEXEC
table lock_type enum dec
  F_RDLCK F_WRLCK F_UNLCK
table flock_op flags
  LOCK_SH LOCK_EX LOCK_NB LOCK_UN
table seals flags
  F_SEAL_SEAL F_SEAL_SHRINK F_SEAL_GROW F_SEAL_WRITE F_SEAL_FUTURE_WRITE
table timerfd_flags flags
  TFD_NONBLOCK TFD_CLOEXEC
table timerfd_set_flags flags
  TFD_TIMER_ABSTIME TFD_TIMER_CANCEL_ON_SET
table signalfd_flags flags
  SFD_NONBLOCK SFD_CLOEXEC
table inotify_flags flags
  IN_NONBLOCK IN_CLOEXEC
table inotify_mask flags
  IN_ALL_EVENTS IN_MOVE IN_CLOSE IN_ACCESS IN_MODIFY IN_ATTRIB IN_CLOSE_WRITE IN_CLOSE_NOWRITE
  IN_OPEN IN_MOVED_FROM IN_MOVED_TO IN_CREATE IN_DELETE IN_DELETE_SELF IN_MOVE_SELF IN_UNMOUNT
  IN_Q_OVERFLOW IN_IGNORED IN_ONLYDIR IN_DONT_FOLLOW IN_EXCL_UNLINK IN_MASK_CREATE IN_MASK_ADD
  IN_ISDIR IN_ONESHOT
const AT_FDCWD AT_FDCWD
const O_CREAT O_CREAT
const O_TMPFILE O_TMPFILE
const F_DUPFD F_DUPFD
const F_DUPFD_CLOEXEC F_DUPFD_CLOEXEC
const F_GETFD F_GETFD
const F_SETFD F_SETFD
const F_GETFL F_GETFL
const F_SETFL F_SETFL
const F_GETLK F_GETLK
const F_SETLK F_SETLK
const F_SETLKW F_SETLKW
const F_OFD_GETLK F_OFD_GETLK
const F_OFD_SETLK F_OFD_SETLK
const F_OFD_SETLKW F_OFD_SETLKW
const F_GETLK64 F_GETLK64 opt
const F_SETLK64 F_SETLK64 opt
const F_SETLKW64 F_SETLKW64 opt
const F_SETOWN F_SETOWN
const F_GETOWN F_GETOWN
const F_GETSIG F_GETSIG
const F_GETLEASE F_GETLEASE
const F_GETPIPE_SZ F_GETPIPE_SZ
const F_SETSIG F_SETSIG
const F_SETLEASE F_SETLEASE
const F_NOTIFY F_NOTIFY
const F_SETPIPE_SZ F_SETPIPE_SZ
const F_ADD_SEALS F_ADD_SEALS
const F_GET_SEALS F_GET_SEALS
struct flock struct flock : l_type l_whence l_start l_len l_pid
struct flock64 struct flock64 : l_type l_whence l_start l_len l_pid

group linux/mman.h asm/mman.h
table mmap_prot flags
  PROT_NONE PROT_READ PROT_WRITE PROT_EXEC PROT_SEM PROT_GROWSDOWN PROT_GROWSUP
table mmap_flags flags
  field MAP_TYPE: MAP_SHARED MAP_PRIVATE MAP_SHARED_VALIDATE
  MAP_FIXED MAP_ANONYMOUS MAP_32BIT MAP_RENAME MAP_AUTORSV MAP_GROWSDOWN MAP_DENYWRITE
  MAP_EXECUTABLE MAP_LOCKED MAP_NORESERVE MAP_POPULATE MAP_NONBLOCK MAP_STACK MAP_HUGETLB
  MAP_SYNC MAP_FIXED_NOREPLACE MAP_UNINITIALIZED
table madvise enum dec
  MADV_NORMAL MADV_RANDOM MADV_SEQUENTIAL MADV_WILLNEED MADV_DONTNEED MADV_FREE MADV_REMOVE
  MADV_DONTFORK MADV_DOFORK MADV_MERGEABLE MADV_UNMERGEABLE MADV_HUGEPAGE MADV_NOHUGEPAGE
  MADV_DONTDUMP MADV_DODUMP MADV_WIPEONFORK MADV_KEEPONFORK MADV_COLD MADV_PAGEOUT
  MADV_POPULATE_READ MADV_POPULATE_WRITE MADV_DONTNEED_LOCKED MADV_COLLAPSE MADV_HWPOISON
  MADV_SOFT_OFFLINE
table mremap_flags flags
  MREMAP_MAYMOVE MREMAP_FIXED MREMAP_DONTUNMAP
table msync_flags flags
  MS_ASYNC MS_INVALIDATE MS_SYNC
table mlockall_flags flags
  MCL_CURRENT MCL_FUTURE MCL_ONFAULT
table mlock2_flags flags
  MLOCK_ONFAULT

group linux/time.h linux/time_types.h
table clock_id enum dec
  CLOCK_REALTIME CLOCK_MONOTONIC CLOCK_PROCESS_CPUTIME_ID CLOCK_THREAD_CPUTIME_ID
  CLOCK_MONOTONIC_RAW CLOCK_REALTIME_COARSE CLOCK_MONOTONIC_COARSE CLOCK_BOOTTIME
  CLOCK_REALTIME_ALARM CLOCK_BOOTTIME_ALARM CLOCK_TAI
table timer_flags flags
  TIMER_ABSTIME
table itimer_which enum dec
  ITIMER_REAL ITIMER_VIRTUAL ITIMER_PROF
struct timespec struct timespec : tv_sec tv_nsec
struct timespec64 struct __kernel_timespec : tv_sec tv_nsec
struct timeval struct timeval : tv_sec tv_usec
struct timezone struct timezone : tz_minuteswest tz_dsttime
struct itimerspec struct itimerspec : it_interval it_value
struct itimerval struct itimerval : it_interval it_value
struct itimerspec64 struct __kernel_itimerspec : it_interval it_value

errno asm/errno.h

group asm/signal.h linux/signal.h asm/siginfo.h
# rt_sigaction's struct (the kernel's, include/linux/signal_types.h): arm's and i386's UAPI struct sigaction
# is the old sigaction() form, with a one-word mask before the flags (and a sa_handler macro).
decl #undef sa_handler
decl struct xt_rt_sigaction { void *sa_handler; unsigned long sa_flags;
decl #ifdef SA_RESTORER
decl     void *sa_restorer;
decl #endif
decl     unsigned long sa_mask[8 / sizeof(unsigned long)]; };
# The old sigaction()'s struct (the kernel's struct old_sigaction, include/linux/signal_types.h): a one-word
# mask before the flags; arm's and i386's UAPI struct sigaction have this form, asm-generic's does not (MIPS
# orders its own differently and would need its own decl).
decl struct xt_old_sigaction { void *sa_handler; unsigned long sa_mask; unsigned long sa_flags; void *sa_restorer; };
table signal enum dec
  SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGEMT SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV
  SIGUSR2 SIGPIPE SIGALRM SIGTERM SIGSTKFLT SIGCHLD SIGCONT SIGSTOP SIGTSTP SIGTTIN SIGTTOU
  SIGURG SIGXCPU SIGXFSZ SIGVTALRM SIGPROF SIGWINCH SIGIO SIGPWR SIGSYS
table sigprocmask_how enum dec
  SIG_BLOCK SIG_UNBLOCK SIG_SETMASK
table sa_flags flags
  SA_NOCLDSTOP SA_NOCLDWAIT SA_SIGINFO SA_UNSUPPORTED SA_EXPOSE_TAGBITS SA_RESTORER SA_ONSTACK
  SA_RESTART SA_NODEFER SA_RESETHAND
table sig_handler enum
  SIG_DFL SIG_IGN
table ss_flags flags
  SS_ONSTACK SS_DISABLE SS_AUTODISARM
table si_code enum dec
  SI_USER SI_KERNEL SI_QUEUE SI_TIMER SI_MESGQ SI_ASYNCIO SI_SIGIO SI_TKILL SI_DETHREAD SI_ASYNCNL
table si_ill enum dec
  ILL_ILLOPC ILL_ILLOPN ILL_ILLADR ILL_ILLTRP ILL_PRVOPC ILL_PRVREG ILL_COPROC ILL_BADSTK
  ILL_BADIADDR
table si_fpe enum dec
  FPE_INTDIV FPE_INTOVF FPE_FLTDIV FPE_FLTOVF FPE_FLTUND FPE_FLTRES FPE_FLTINV FPE_FLTSUB
  FPE_FLTUNK FPE_CONDTRAP
table si_segv enum dec
  SEGV_MAPERR SEGV_ACCERR SEGV_BNDERR SEGV_PKUERR SEGV_ACCADI SEGV_ADIDERR SEGV_ADIPERR
  SEGV_MTEAERR SEGV_MTESERR
table si_bus enum dec
  BUS_ADRALN BUS_ADRERR BUS_OBJERR BUS_MCEERR_AR BUS_MCEERR_AO
table si_trap enum dec
  TRAP_BRKPT TRAP_TRACE TRAP_BRANCH TRAP_HWBKPT TRAP_UNK TRAP_PERF
table si_cld enum dec
  CLD_EXITED CLD_KILLED CLD_DUMPED CLD_TRAPPED CLD_STOPPED CLD_CONTINUED
table si_poll enum dec
  POLL_IN POLL_OUT POLL_MSG POLL_ERR POLL_PRI POLL_HUP
table si_sys enum dec
  SYS_SECCOMP SYS_USER_DISPATCH
const NSIG _NSIG opt
const SIGRTMIN SIGRTMIN
const SI_KERNEL SI_KERNEL
const SIGILL SIGILL
const SIGFPE SIGFPE
const SIGSEGV SIGSEGV
const SIGBUS SIGBUS
const SIGTRAP SIGTRAP
const SIGCHLD SIGCHLD
const SIGIO SIGIO
const SIGSYS SIGSYS
const SA_RESTORER SA_RESTORER opt
struct sigaction struct xt_rt_sigaction : sa_handler sa_flags sa_restorer?SA_RESTORER sa_mask
struct old_sigaction struct xt_old_sigaction : sa_handler sa_mask sa_flags sa_restorer
struct stack stack_t : ss_sp ss_flags ss_size

group asm/resource.h linux/resource.h
table rlimit_res enum dec
  RLIMIT_CPU RLIMIT_FSIZE RLIMIT_DATA RLIMIT_STACK RLIMIT_CORE RLIMIT_RSS RLIMIT_NPROC
  RLIMIT_NOFILE RLIMIT_MEMLOCK RLIMIT_AS RLIMIT_LOCKS RLIMIT_SIGPENDING RLIMIT_MSGQUEUE
  RLIMIT_NICE RLIMIT_RTPRIO RLIMIT_RTTIME
table rusage_who enum dec
  RUSAGE_SELF RUSAGE_CHILDREN RUSAGE_THREAD
table prio_which enum dec
  PRIO_PROCESS PRIO_PGRP PRIO_USER
const RLIM_INFINITY RLIM_INFINITY
const RLIM64_INFINITY RLIM64_INFINITY
struct rlimit struct rlimit : rlim_cur rlim_max
struct rlimit64 struct rlimit64 : rlim_cur rlim_max
struct rusage struct rusage : ru_utime ru_stime ru_maxrss ru_ixrss ru_idrss ru_isrss ru_minflt ru_majflt ru_nswap ru_inblock ru_oublock ru_msgsnd ru_msgrcv ru_nsignals ru_nvcsw ru_nivcsw

group linux/futex.h
table futex_op flags
  field ~FUTEX_CLOCK_REALTIME: FUTEX_WAIT FUTEX_WAKE FUTEX_FD FUTEX_REQUEUE FUTEX_CMP_REQUEUE
  field ~FUTEX_CLOCK_REALTIME: FUTEX_WAKE_OP FUTEX_LOCK_PI FUTEX_UNLOCK_PI FUTEX_TRYLOCK_PI
  field ~FUTEX_CLOCK_REALTIME: FUTEX_WAIT_BITSET FUTEX_WAKE_BITSET FUTEX_WAIT_REQUEUE_PI
  field ~FUTEX_CLOCK_REALTIME: FUTEX_CMP_REQUEUE_PI FUTEX_LOCK_PI2 FUTEX_WAIT_PRIVATE
  field ~FUTEX_CLOCK_REALTIME: FUTEX_WAKE_PRIVATE FUTEX_REQUEUE_PRIVATE FUTEX_CMP_REQUEUE_PRIVATE
  field ~FUTEX_CLOCK_REALTIME: FUTEX_WAKE_OP_PRIVATE FUTEX_LOCK_PI_PRIVATE FUTEX_LOCK_PI2_PRIVATE
  field ~FUTEX_CLOCK_REALTIME: FUTEX_UNLOCK_PI_PRIVATE FUTEX_TRYLOCK_PI_PRIVATE
  field ~FUTEX_CLOCK_REALTIME: FUTEX_WAIT_BITSET_PRIVATE FUTEX_WAKE_BITSET_PRIVATE
  field ~FUTEX_CLOCK_REALTIME: FUTEX_WAIT_REQUEUE_PI_PRIVATE FUTEX_CMP_REQUEUE_PI_PRIVATE
  FUTEX_CLOCK_REALTIME
const FUTEX_CMD_MASK FUTEX_CMD_MASK
const FUTEX_WAIT FUTEX_WAIT
const FUTEX_WAKE FUTEX_WAKE
const FUTEX_REQUEUE FUTEX_REQUEUE
const FUTEX_CMP_REQUEUE FUTEX_CMP_REQUEUE
const FUTEX_WAKE_OP FUTEX_WAKE_OP
const FUTEX_WAIT_BITSET FUTEX_WAIT_BITSET
const FUTEX_WAKE_BITSET FUTEX_WAKE_BITSET
const FUTEX_LOCK_PI FUTEX_LOCK_PI
const FUTEX_LOCK_PI2 FUTEX_LOCK_PI2
const FUTEX_UNLOCK_PI FUTEX_UNLOCK_PI
const FUTEX_TRYLOCK_PI FUTEX_TRYLOCK_PI
const FUTEX_WAIT_REQUEUE_PI FUTEX_WAIT_REQUEUE_PI
const FUTEX_CMP_REQUEUE_PI FUTEX_CMP_REQUEUE_PI

group linux/sched.h
table clone_flags flags w64
  CLONE_VM CLONE_FS CLONE_FILES CLONE_SIGHAND CLONE_PIDFD CLONE_PTRACE CLONE_VFORK CLONE_PARENT
  CLONE_THREAD CLONE_NEWNS CLONE_SYSVSEM CLONE_SETTLS CLONE_PARENT_SETTID CLONE_CHILD_CLEARTID
  CLONE_DETACHED CLONE_UNTRACED CLONE_CHILD_SETTID CLONE_NEWCGROUP CLONE_NEWUTS CLONE_NEWIPC
  CLONE_NEWUSER CLONE_NEWPID CLONE_NEWNET CLONE_IO CLONE_CLEAR_SIGHAND CLONE_INTO_CGROUP
table unshare_flags flags
  CLONE_FILES CLONE_FS CLONE_NEWTIME CLONE_NEWNS CLONE_SYSVSEM CLONE_NEWCGROUP CLONE_NEWUTS
  CLONE_NEWIPC CLONE_NEWUSER CLONE_NEWPID CLONE_NEWNET
table sched_policy flags
  field ~SCHED_RESET_ON_FORK: SCHED_NORMAL SCHED_FIFO SCHED_RR SCHED_BATCH SCHED_IDLE
  field ~SCHED_RESET_ON_FORK: SCHED_DEADLINE
  SCHED_RESET_ON_FORK
const CSIGNAL CSIGNAL
const CLONE_PARENT_SETTID CLONE_PARENT_SETTID
const CLONE_CHILD_SETTID CLONE_CHILD_SETTID
const CLONE_CHILD_CLEARTID CLONE_CHILD_CLEARTID
const CLONE_SETTLS CLONE_SETTLS
const CLONE_PIDFD CLONE_PIDFD
struct clone_args struct clone_args : flags pidfd child_tid parent_tid exit_signal stack stack_size tls set_tid?CLONE_ARGS_SIZE_VER1 set_tid_size?CLONE_ARGS_SIZE_VER1 cgroup?CLONE_ARGS_SIZE_VER2

group linux/stat.h
table statx_mask flags
  STATX_BASIC_STATS STATX_TYPE STATX_MODE STATX_NLINK STATX_UID STATX_GID STATX_ATIME STATX_MTIME
  STATX_CTIME STATX_INO STATX_SIZE STATX_BLOCKS STATX_BTIME STATX_MNT_ID STATX_DIOALIGN
  STATX__RESERVED
table statx_attrs flags
  STATX_ATTR_COMPRESSED STATX_ATTR_IMMUTABLE STATX_ATTR_APPEND STATX_ATTR_NODUMP
  STATX_ATTR_ENCRYPTED STATX_ATTR_AUTOMOUNT STATX_ATTR_MOUNT_ROOT STATX_ATTR_VERITY
  STATX_ATTR_DAX
table file_type enum
  S_IFREG S_IFDIR S_IFCHR S_IFBLK S_IFIFO S_IFLNK S_IFSOCK
const S_IFMT S_IFMT
const S_IFCHR S_IFCHR
const S_IFBLK S_IFBLK
struct statx struct statx : stx_mask stx_blksize stx_attributes stx_nlink stx_uid stx_gid stx_mode stx_ino stx_size stx_blocks stx_attributes_mask stx_atime stx_btime stx_ctime stx_mtime stx_rdev_major stx_rdev_minor stx_dev_major stx_dev_minor stx_mnt_id?STATX_MNT_ID stx_dio_mem_align?STATX_DIOALIGN stx_dio_offset_align?STATX_DIOALIGN
struct statx_ts struct statx_timestamp : tv_sec tv_nsec

group asm/stat.h asm/statfs.h
struct stat @STAT@ : st_dev st_ino st_mode st_nlink st_uid st_gid st_rdev st_size st_blksize st_blocks st_atime st_atime_nsec st_mtime st_mtime_nsec st_ctime st_ctime_nsec
struct oldstat struct stat : st_dev st_ino st_mode st_nlink st_uid st_gid st_rdev st_size st_blksize st_blocks st_atime st_atime_nsec st_mtime st_mtime_nsec st_ctime st_ctime_nsec
struct statfs struct statfs : f_type f_bsize f_blocks f_bfree f_bavail f_files f_ffree f_fsid f_namelen f_frsize f_flags
struct statfs64 struct statfs64 : f_type f_bsize f_blocks f_bfree f_bavail f_files f_ffree f_fsid f_namelen f_frsize f_flags

group sys/types.h asm/termios.h asm/ioctl.h linux/fs.h linux/fiemap.h linux/serial.h linux/sockios.h
table ioctl enum
  TCGETS TCSETS TCSETSW TCSETSF TCGETA TCSETA TCSETAW TCSETAF TCSBRK TCXONC TCFLSH TIOCEXCL
  TIOCNXCL TIOCSCTTY TIOCGPGRP TIOCSPGRP TIOCOUTQ TIOCSTI TIOCGWINSZ TIOCSWINSZ TIOCMGET
  TIOCMBIS TIOCMBIC TIOCMSET TIOCGSOFTCAR TIOCSSOFTCAR FIONREAD TIOCLINUX TIOCCONS TIOCGSERIAL
  TIOCSSERIAL TIOCPKT FIONBIO TIOCNOTTY TIOCSETD TIOCGETD TCSBRKP TIOCSBRK TIOCCBRK TIOCGSID
  TCGETS2 TCSETS2 TCSETSW2 TCSETSF2 TIOCGRS485 TIOCSRS485 TIOCGPTN TIOCSPTLCK TIOCGDEV TCGETX
  TCSETX TCSETXF TCSETXW TIOCSIG TIOCVHANGUP TIOCGPKT TIOCGPTLCK TIOCGEXCL TIOCGPTPEER
  FIONCLEX FIOCLEX FIOASYNC TIOCSERCONFIG TIOCSERGWILD TIOCSERSWILD TIOCGLCKTRMIOS
  TIOCSLCKTRMIOS TIOCSERGSTRUCT TIOCSERGETLSR TIOCSERGETMULTI TIOCSERSETMULTI TIOCMIWAIT
  TIOCGICOUNT FIOQSIZE FIOSETOWN SIOCSPGRP FIOGETOWN SIOCGPGRP SIOCATMARK SIOCGSTAMP_OLD
  SIOCGSTAMPNS_OLD SIOCGIFNAME SIOCGIFCONF SIOCGIFFLAGS SIOCSIFFLAGS SIOCGIFADDR SIOCGIFMTU
  SIOCGIFHWADDR SIOCGIFINDEX FIBMAP FIGETBSZ FIFREEZE FITHAW FITRIM FICLONE FICLONERANGE
  FIDEDUPERANGE BLKROSET BLKROGET BLKGETSIZE BLKFLSBUF BLKSSZGET BLKGETSIZE64 BLKDISCARD
  FS_IOC_GETFLAGS FS_IOC_SETFLAGS FS_IOC_GETVERSION FS_IOC_SETVERSION FS_IOC_FIEMAP
  FS_IOC_FSGETXATTR FS_IOC_FSSETXATTR
table tc_iflag flags
  IGNBRK BRKINT IGNPAR PARMRK INPCK ISTRIP INLCR IGNCR ICRNL IUCLC IXON IXANY IXOFF IMAXBEL IUTF8
table tc_oflag flags
  field NLDLY: NL0 NL1
  field CRDLY: CR0 CR1 CR2 CR3
  field TABDLY: TAB0 TAB1 TAB2 TAB3
  field BSDLY: BS0 BS1
  field VTDLY: VT0 VT1
  field FFDLY: FF0 FF1
  OPOST OLCUC ONLCR OCRNL ONOCR ONLRET OFILL OFDEL
table tc_cflag flags
  field CBAUD: B0 B50 B75 B110 B134 B150 B200 B300 B600 B1200 B1800 B2400 B4800 B9600 B19200
  field CBAUD: B38400 B57600 B115200 B230400 B460800 B500000 B576000 B921600 B1000000 B1152000
  field CBAUD: B1500000 B2000000 B2500000 B3000000 B3500000 B4000000 BOTHER
  field CSIZE: CS5 CS6 CS7 CS8
  CSTOPB CREAD PARENB PARODD HUPCL CLOCAL CMSPAR CRTSCTS
table tc_lflag flags
  ISIG ICANON XCASE ECHO ECHOE ECHOK ECHONL NOFLSH TOSTOP ECHOCTL ECHOPRT ECHOKE FLUSHO PENDIN
  IEXTEN EXTPROC
table seek_whence enum dec
  SEEK_SET SEEK_CUR SEEK_END SEEK_DATA SEEK_HOLE
table rename_flags flags
  RENAME_NOREPLACE RENAME_EXCHANGE RENAME_WHITEOUT
const TCGETS TCGETS
const TCSETS TCSETS
const TCSETSW TCSETSW
const TCSETSF TCSETSF
const TIOCGWINSZ TIOCGWINSZ
const TIOCSWINSZ TIOCSWINSZ
const FIONREAD FIONREAD
const FIONBIO FIONBIO
const TIOCGPGRP TIOCGPGRP
const TIOCSPGRP TIOCSPGRP
const TIOCGPTN TIOCGPTN
const TIOCOUTQ TIOCOUTQ
const IOC_NRSHIFT _IOC_NRSHIFT
const IOC_TYPESHIFT _IOC_TYPESHIFT
const IOC_SIZESHIFT _IOC_SIZESHIFT
const IOC_DIRSHIFT _IOC_DIRSHIFT
const IOC_NRMASK _IOC_NRMASK
const IOC_TYPEMASK _IOC_TYPEMASK
const IOC_SIZEMASK _IOC_SIZEMASK
const IOC_DIRMASK _IOC_DIRMASK
const IOC_NONE _IOC_NONE
const IOC_READ _IOC_READ
const IOC_WRITE _IOC_WRITE
struct winsize struct winsize : ws_row ws_col ws_xpixel ws_ypixel
struct termios struct termios : c_iflag c_oflag c_cflag c_lflag c_line c_cc

group linux/wait.h
table wait_opts flags
  WNOHANG WUNTRACED WEXITED WCONTINUED WNOWAIT __WNOTHREAD __WALL __WCLONE
table idtype enum dec
  P_ALL P_PID P_PGID P_PIDFD

group linux/random.h linux/fadvise.h linux/falloc.h linux/memfd.h linux/close_range.h linux/xattr.h linux/membarrier.h linux/eventpoll.h asm/poll.h
table getrandom_flags flags
  GRND_NONBLOCK GRND_RANDOM GRND_INSECURE
table fadvise_advice enum dec
  POSIX_FADV_NORMAL POSIX_FADV_RANDOM POSIX_FADV_SEQUENTIAL POSIX_FADV_WILLNEED
  POSIX_FADV_DONTNEED POSIX_FADV_NOREUSE
table falloc_mode flags
  FALLOC_FL_KEEP_SIZE FALLOC_FL_PUNCH_HOLE FALLOC_FL_NO_HIDE_STALE FALLOC_FL_COLLAPSE_RANGE
  FALLOC_FL_ZERO_RANGE FALLOC_FL_INSERT_RANGE FALLOC_FL_UNSHARE_RANGE
table memfd_flags flags
  MFD_CLOEXEC MFD_ALLOW_SEALING MFD_HUGETLB MFD_NOEXEC_SEAL MFD_EXEC
table close_range_flags flags
  CLOSE_RANGE_UNSHARE CLOSE_RANGE_CLOEXEC
table xattr_flags flags
  XATTR_CREATE XATTR_REPLACE
table membarrier_cmd enum noguard
  MEMBARRIER_CMD_QUERY MEMBARRIER_CMD_GLOBAL MEMBARRIER_CMD_GLOBAL_EXPEDITED
  MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED MEMBARRIER_CMD_PRIVATE_EXPEDITED
  MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE
  MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ
  MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ
table epoll_ctl_op enum dec
  EPOLL_CTL_ADD EPOLL_CTL_DEL EPOLL_CTL_MOD
table epoll_flags flags
  EPOLL_CLOEXEC
table epoll_events flags
  EPOLLIN EPOLLPRI EPOLLOUT EPOLLERR EPOLLHUP EPOLLNVAL EPOLLRDNORM EPOLLRDBAND EPOLLWRNORM
  EPOLLWRBAND EPOLLMSG EPOLLRDHUP EPOLLEXCLUSIVE EPOLLWAKEUP EPOLLONESHOT EPOLLET
table poll_events flags
  POLLIN POLLPRI POLLOUT POLLERR POLLHUP POLLNVAL POLLRDNORM POLLRDBAND POLLWRNORM POLLWRBAND
  POLLMSG POLLREMOVE POLLRDHUP
struct epoll_event struct epoll_event : events data
struct pollfd struct pollfd : fd events revents

group linux/prctl.h
table prctl_option enum dec
  PR_SET_PDEATHSIG PR_GET_PDEATHSIG PR_GET_DUMPABLE PR_SET_DUMPABLE PR_GET_UNALIGN PR_SET_UNALIGN
  PR_GET_KEEPCAPS PR_SET_KEEPCAPS PR_GET_FPEMU PR_SET_FPEMU PR_GET_FPEXC PR_SET_FPEXC
  PR_GET_TIMING PR_SET_TIMING PR_SET_NAME PR_GET_NAME PR_GET_ENDIAN PR_SET_ENDIAN PR_GET_SECCOMP
  PR_SET_SECCOMP PR_CAPBSET_READ PR_CAPBSET_DROP PR_GET_TSC PR_SET_TSC PR_GET_SECUREBITS
  PR_SET_SECUREBITS PR_SET_TIMERSLACK PR_GET_TIMERSLACK PR_TASK_PERF_EVENTS_DISABLE
  PR_TASK_PERF_EVENTS_ENABLE PR_MCE_KILL PR_MCE_KILL_GET PR_SET_MM PR_SET_PTRACER
  PR_SET_CHILD_SUBREAPER PR_GET_CHILD_SUBREAPER PR_SET_NO_NEW_PRIVS PR_GET_NO_NEW_PRIVS
  PR_GET_TID_ADDRESS PR_SET_THP_DISABLE PR_GET_THP_DISABLE PR_MPX_ENABLE_MANAGEMENT
  PR_MPX_DISABLE_MANAGEMENT PR_SET_FP_MODE PR_GET_FP_MODE PR_CAP_AMBIENT PR_SVE_SET_VL
  PR_SVE_GET_VL PR_GET_SPECULATION_CTRL PR_SET_SPECULATION_CTRL PR_PAC_RESET_KEYS
  PR_SET_TAGGED_ADDR_CTRL PR_GET_TAGGED_ADDR_CTRL PR_SET_IO_FLUSHER PR_GET_IO_FLUSHER
  PR_SET_SYSCALL_USER_DISPATCH PR_PAC_SET_ENABLED_KEYS PR_PAC_GET_ENABLED_KEYS PR_SCHED_CORE
  PR_SME_SET_VL PR_SME_GET_VL PR_SET_MDWE PR_GET_MDWE PR_SET_VMA PR_RISCV_V_SET_CONTROL
  PR_RISCV_V_GET_CONTROL
const PR_SET_NAME PR_SET_NAME
const PR_GET_NAME PR_GET_NAME

group linux/utsname.h linux/sysinfo.h linux/uio.h linux/un.h linux/in.h linux/in6.h
struct utsname struct new_utsname : sysname nodename release version machine domainname
struct sysinfo struct sysinfo : uptime loads totalram freeram sharedram bufferram totalswap freeswap procs totalhigh freehigh mem_unit
struct iovec struct iovec : iov_base iov_len
struct sockaddr_un struct sockaddr_un : sun_family sun_path
struct sockaddr_in struct sockaddr_in : sin_family sin_port sin_addr
struct sockaddr_in6 struct sockaddr_in6 : sin6_family sin6_port sin6_flowinfo sin6_addr sin6_scope_id

group sys/socket.h netinet/in.h netinet/tcp.h unistd.h sys/eventfd.h
table address_family enum dec
  AF_UNSPEC AF_UNIX AF_INET AF_AX25 AF_IPX AF_APPLETALK AF_NETROM AF_BRIDGE AF_ATMPVC AF_X25
  AF_INET6 AF_ROSE AF_DECnet AF_NETBEUI AF_SECURITY AF_KEY AF_NETLINK AF_PACKET AF_ASH
  AF_ECONET AF_ATMSVC AF_RDS AF_SNA AF_IRDA AF_PPPOX AF_WANPIPE AF_LLC AF_IB AF_MPLS AF_CAN
  AF_TIPC AF_BLUETOOTH AF_IUCV AF_RXRPC AF_ISDN AF_PHONET AF_IEEE802154 AF_CAIF AF_ALG AF_NFC
  AF_VSOCK AF_KCM AF_QIPCRTR AF_SMC AF_XDP AF_MCTP
table socket_type flags
  field 0xf: SOCK_STREAM SOCK_DGRAM SOCK_RAW SOCK_RDM SOCK_SEQPACKET SOCK_DCCP SOCK_PACKET
  SOCK_CLOEXEC SOCK_NONBLOCK
table msg_flags flags
  MSG_OOB MSG_PEEK MSG_DONTROUTE MSG_CTRUNC MSG_PROXY MSG_TRUNC MSG_DONTWAIT MSG_EOR MSG_WAITALL
  MSG_FIN MSG_SYN MSG_CONFIRM MSG_RST MSG_ERRQUEUE MSG_NOSIGNAL MSG_MORE MSG_WAITFORONE
  MSG_BATCH MSG_ZEROCOPY MSG_FASTOPEN MSG_CMSG_CLOEXEC
table shutdown_how enum dec
  SHUT_RD SHUT_WR SHUT_RDWR
table sock_level enum dec
  SOL_SOCKET SOL_IP SOL_TCP SOL_UDP SOL_IPV6 SOL_ICMPV6 SOL_RAW SOL_PACKET SOL_NETLINK
table sockopt_socket enum dec
  SO_DEBUG SO_REUSEADDR SO_TYPE SO_ERROR SO_DONTROUTE SO_BROADCAST SO_SNDBUF SO_RCVBUF
  SO_SNDBUFFORCE SO_RCVBUFFORCE SO_KEEPALIVE SO_OOBINLINE SO_NO_CHECK SO_PRIORITY SO_LINGER
  SO_BSDCOMPAT SO_REUSEPORT SO_PASSCRED SO_PEERCRED SO_RCVLOWAT SO_SNDLOWAT SO_RCVTIMEO
  SO_SNDTIMEO SO_BINDTODEVICE SO_ATTACH_FILTER SO_DETACH_FILTER SO_PEERNAME SO_TIMESTAMP
  SO_ACCEPTCONN SO_PEERSEC SO_PASSSEC SO_MARK SO_PROTOCOL SO_DOMAIN SO_RXQ_OVFL SO_PEEK_OFF
  SO_BUSY_POLL SO_INCOMING_CPU SO_COOKIE SO_ZEROCOPY SO_TXTIME SO_BINDTOIFINDEX
table sockopt_tcp enum dec
  TCP_NODELAY TCP_MAXSEG TCP_CORK TCP_KEEPIDLE TCP_KEEPINTVL TCP_KEEPCNT TCP_SYNCNT TCP_LINGER2
  TCP_DEFER_ACCEPT TCP_WINDOW_CLAMP TCP_INFO TCP_QUICKACK TCP_CONGESTION TCP_USER_TIMEOUT
  TCP_FASTOPEN
table ipproto enum dec
  IPPROTO_IP IPPROTO_ICMP IPPROTO_IGMP IPPROTO_TCP IPPROTO_UDP IPPROTO_IPV6 IPPROTO_ICMPV6
  IPPROTO_SCTP IPPROTO_UDPLITE IPPROTO_RAW IPPROTO_MPTCP
table access_mode flags
  F_OK R_OK W_OK X_OK
table eventfd_flags flags
  EFD_SEMAPHORE EFD_CLOEXEC EFD_NONBLOCK
const AF_UNIX AF_UNIX
const AF_INET AF_INET
const AF_INET6 AF_INET6
const SOL_SOCKET SOL_SOCKET
const SOL_TCP SOL_TCP
struct msghdr struct msghdr : msg_name msg_namelen msg_iov msg_iovlen msg_control msg_controllen msg_flags
struct mmsghdr struct mmsghdr : msg_hdr msg_len

group sys/socket.h linux/if.h
table iff_flags flags noguard
  IFF_UP IFF_BROADCAST IFF_DEBUG IFF_LOOPBACK IFF_POINTOPOINT IFF_NOTRAILERS IFF_RUNNING IFF_NOARP
  IFF_PROMISC IFF_ALLMULTI IFF_MASTER IFF_SLAVE IFF_MULTICAST IFF_PORTSEL IFF_AUTOMEDIA IFF_DYNAMIC
group linux/types.h
const BIG_ENDIAN __BYTE_ORDER__==__ORDER_BIG_ENDIAN__
const LONG_SIZE sizeof(long)
const PTR_SIZE sizeof(void*)
EOF
}

# The C type of the buffer fstatat fills: struct stat64 where the ABI has fstatat64, else struct stat.
stat_type() {
    local defs
    defs=$(echo '#include <asm/unistd.h>' | "$1-gcc" -E -dM -x c -)
    if grep -q '__NR_fstatat64\b' <<<"$defs"; then
        echo 'struct stat64'
    else
        echo 'struct stat'
    fi
}

# Every errno name a header defines with a value of its own (aliases like EWOULDBLOCK skipped).
errno_names() {
    echo "#include <$2>" | "$1-gcc" -E -dM -x c - |
        awk '$1 == "#define" && $2 ~ /^E[A-Z0-9]+$/ && $3 ~ /^-?[0-9(]/ && $2 != "EMAXERRNO" { print $2 }' |
        sort
}

# Splits the spec into probe C files (one per group) and an item list; keys name probed values.
parse_spec() {
    awk -v dir="$1" '
    function flush_group() {
        if (g > 0 && opened) { print "}" > probe }
    }
    function new_group(hdrs,   i, n, h) {
        flush_group()
        g++
        probe = dir "/probe" g ".c"
        print "/* probe " g " */" > probe
        print "#define _GNU_SOURCE 1" > probe
        n = split(hdrs, h, " ")
        for (i = 1; i <= n; i++) print "#include <" h[i] ">" > probe
        print "#include <stddef.h>" > probe
        print "#define XV(k, e) __asm__ volatile(\"\\n@@XV \" #k \" %0 %1\" :: \"i\"((unsigned)((unsigned long long)(e) & 0xffffffffu)), \"i\"((unsigned)((unsigned long long)(e) >> 32)))" > probe
        opened = 0
    }
    function open_probe() {
        print "void probe" g "(void);" > probe
        print "void probe" g "(void) {" > probe
        opened = 1
    }
    function probe_val(expr, guard,   k) {
        if (!opened) open_probe()
        k = ++key
        if (guard != "") print "#ifdef " guard > probe
        print "    XV(" k ", " expr ");" > probe
        if (guard != "") print "#endif" > probe
        return k
    }
    function is_ident(s) { return s ~ /^[A-Za-z_][A-Za-z0-9_]*$/ }
    function entry(tok, maskkey,   name, expr, eq, k) {
        eq = index(tok, "=")
        if (eq) { name = substr(tok, 1, eq - 1); expr = substr(tok, eq + 1) }
        else { name = tok; expr = tok }
        k = probe_val(expr, (eq || noguard || !is_ident(expr)) ? "" : expr)
        print "E\t" table "\t" name "\t" k "\t" maskkey > items
    }
    BEGIN { items = dir "/items"; g = 0; key = 0; table = "" }
    /^[ \t]*#/ || /^[ \t]*$/ { next }
    /^group / { sub(/^group /, ""); new_group($0); table = ""; next }
    /^decl / {
        if (opened) { print "gen-xlat: decl after the first item of a group: " $0 > "/dev/stderr"; exit 1 }
        sub(/^decl /, ""); print > probe; next
    }
    /^table / {
        table = $2; kind = $3; bits = 32; dec = 0; noguard = 0
        for (i = 4; i <= NF; i++) {
            if ($i == "w64") bits = 64; else if ($i == "dec") dec = 1; else if ($i == "noguard") noguard = 1
        }
        print "T\t" table "\t" kind "\t" bits "\t" dec > items
        next
    }
    /^errnolist / { table = ""; for (i = 2; i <= NF; i++) { k = probe_val($i, $i); print "N\t" $i "\t" k > items }; next }
    /^const / {
        table = ""
        k = probe_val($3, ($4 == "opt") ? $3 : "")
        print "C\t" $2 "\t" k > items
        next
    }
    /^struct / {
        table = ""
        sid = $2
        colon = index($0, ":")
        ctype = substr($0, 1, colon - 1); sub(/^struct [^ ]+ /, "", ctype); sub(/ +$/, "", ctype)
        k = probe_val("sizeof(" ctype ")", "")
        print "S\t" sid "\t" k > items
        n = split(substr($0, colon + 1), f, " ")
        for (i = 1; i <= n; i++) {
            fld = f[i]; guard = ""
            q = index(fld, "?")
            if (q) { guard = substr(fld, q + 1); fld = substr(fld, 1, q - 1) }
            ko = probe_val("offsetof(" ctype ", " fld ")", guard)
            ks = probe_val("sizeof(((" ctype " *)0)->" fld ")", guard)
            print "F\t" sid "\t" fld "\t" ko "\t" ks > items
        }
        next
    }
    /^[ \t]/ {
        if (table == "") { print "gen-xlat: row outside a table: " $0 > "/dev/stderr"; exit 1 }
        maskkey = "-"; start = 1
        if ($1 == "field") {
            m = $2; sub(/:$/, "", m)
            maskkey = probe_val(m, ""); start = 3
        }
        for (i = start; i <= NF; i++) entry($i, maskkey)
        next
    }
    { print "gen-xlat: bad spec line: " $0 > "/dev/stderr"; exit 1 }
    END { flush_group() }
    '
}

# Compiles the probes with the cross compiler; prints "key hex signed-decimal" per defined value.
run_probes() {
    local cc="$1-gcc" dir="$2" p
    for p in "$dir"/probe*.c; do
        if ! "$cc" -S -O0 -w -o "${p%.c}.s" "$p" 2>"${p%.c}.err"; then
            echo "gen-xlat: $cc failed on $(basename "$p"):" >&2
            head -20 "${p%.c}.err" >&2
            exit 1
        fi
        grep -h '@@XV' "${p%.c}.s" || true
    done | tr -d '$#' | while read -r _ k lo hi; do
        local v=$(( ((hi & 0xffffffff) << 32) | (lo & 0xffffffff) ))
        printf '%s 0x%x %d\n' "$k" "$v" "$v"
    done
}

# Writes the ABI-independent id header from the item list.
emit_ids() {
    awk -F'\t' '
    function up(s) { s = toupper(s); gsub(/[^A-Z0-9_]/, "_", s); return s }
    $1 == "T" { t[nt++] = up($2) }
    $1 == "C" { c[nc++] = up($2) }
    $1 == "S" { s[ns++] = up($2) }
    $1 == "F" { f[nf++] = up($2) "_" up($3) }
    END {
        print "/* Ids of the generated xlat tables, constants and struct layouts (see tools/gen-xlat.sh). */"
        print "/* Generated by tools/gen-xlat.sh; do not edit. */"
        print "#ifndef XTRACE_XLAT_IDS_H"
        print "#define XTRACE_XLAT_IDS_H"
        print ""
        print "enum xlat_table_id {"
        for (i = 0; i < nt; i++) print "    XT_" t[i] ","
        print "    XT_COUNT"
        print "};"
        print ""
        print "enum xlat_const_id {"
        for (i = 0; i < nc; i++) print "    XC_" c[i] ","
        print "    XC_COUNT"
        print "};"
        print ""
        print "enum xlat_struct_id {"
        for (i = 0; i < ns; i++) print "    LS_" s[i] ","
        print "    LS_COUNT"
        print "};"
        print ""
        print "enum xlat_field_id {"
        for (i = 0; i < nf; i++) print "    LF_" f[i] ","
        print "    LF_COUNT"
        print "};"
        print ""
        print "#endif"
    }' "$1"
}

# Writes one ABI's tables from the item list and the probed values.
emit_abi() {
    awk -v abi="$1" -v triple="$2" -v dest="$5" '
    function up(s) { s = toupper(s); gsub(/[^A-Z0-9_]/, "_", s); return s }
    FNR == NR { hex[$1] = $2; dec[$1] = $3; next }
    { split($0, a, "\t") }
    a[1] == "T" { nt++; tname[nt] = a[2]; tkind[nt] = a[3]; tbits[nt] = a[4]; tdec[nt] = a[5]; tn[nt] = 0; next }
    a[1] == "E" {
        if (!(a[4] in hex)) next
        r = ++tn[nt]; ename[nt, r] = a[3]; eval[nt, r] = hex[a[4]]
        emask[nt, r] = (a[5] == "-") ? "0" : hex[a[5]]
        next
    }
    a[1] == "N" { if (a[3] in dec) { ne++; nname[ne] = a[2]; nval[ne] = dec[a[3]] }; next }
    a[1] == "C" { nc++; cname[nc] = a[2]; cval[nc] = (a[3] in dec) ? dec[a[3]] : "0"; next }
    a[1] == "S" { ns++; sname[ns] = a[2]; ssize[ns] = dec[a[3]]; next }
    a[1] == "F" {
        nf++; fsid[nf] = a[2]; fname[nf] = a[3]
        if (a[4] in dec) { foff[nf] = dec[a[4]]; fsize[nf] = dec[a[5]] } else { foff[nf] = 0; fsize[nf] = 0 }
        next
    }
    END {
        print "/* xlat tables, constants and struct layouts of the " abi " guest ABI (values from " triple " headers). */"
        print "/* Generated by tools/gen-xlat.sh; do not edit. Included once, by src/trace/xlat.c. */"
        print "#include <errno.h>"
        print "#include <stddef.h>"
        print "#include \"../xlat.h\""
        for (t = 1; t <= nt; t++) {
            if (tn[t] == 0) continue
            print ""
            print "static const struct xlat_ent " abi "_" tname[t] "[] = {"
            for (r = 1; r <= tn[t]; r++)
                printf "    { %s, %s, \"%s\" },\n", eval[t, r], emask[t, r], ename[t, r]
            print "};"
        }
        print ""
        print "static const struct xlat_tab " abi "_tabs[XT_COUNT] = {"
        for (t = 1; t <= nt; t++) {
            fl = (tkind[t] == "flags") ? "XF_FLAGS" : "0"
            if (tdec[t]) fl = fl "|XF_DEC"
            if (tn[t] == 0)
                printf "    [XT_%s] = { NULL, 0, %s, %s },\n", up(tname[t]), fl, tbits[t]
            else
                printf "    [XT_%s] = { %s_%s, %d, %s, %s },\n", up(tname[t]), abi, tname[t], tn[t], fl, tbits[t]
        }
        print "};"
        print ""
        print "static const int64_t " abi "_consts[XC_COUNT] = {"
        for (c = 1; c <= nc; c++) printf "    [XC_%s] = INT64_C(%s),\n", up(cname[c]), cval[c]
        print "};"
        # errno numbers and struct layouts go to files of their own, included here
        ef = dest "/xlat-" abi "-errno.h"; lf = dest "/xlat-" abi "-layout.h"
        print "/* errno numbers of the " abi " guest ABI (values from " triple " headers). */" > ef
        print "/* Generated by tools/gen-xlat.sh; do not edit. Included once, by xlat-" abi ".h. */" > ef
        print "" > ef
        print "/* Guest errno numbers with the host number of the same name (-1 when the host lacks it). */" > ef
        print "static const struct xlat_errno " abi "_errnos[] = {" > ef
        for (i = 1; i <= ne; i++) {
            printf "#ifdef %s\n    { %s, %s, \"%s\" },\n#else\n    { %s, -1, \"%s\" },\n#endif\n", nname[i], nval[i], nname[i], nname[i], nval[i], nname[i] > ef
        }
        print "};" > ef
        print "/* struct field offsets and sizes of the " abi " guest ABI (values from " triple " headers). */" > lf
        print "/* Generated by tools/gen-xlat.sh; do not edit. Included once, by xlat-" abi ".h. */" > lf
        print "" > lf
        print "static const struct xlat_field " abi "_fields[LF_COUNT] = {" > lf
        for (f = 1; f <= nf; f++)
            printf "    [LF_%s_%s] = { %d, %d, \"%s\" },\n", up(fsid[f]), up(fname[f]), foff[f], fsize[f], fname[f] > lf
        print "};" > lf
        print "" > lf
        print "static const uint16_t " abi "_ssizes[LS_COUNT] = {" > lf
        for (s = 1; s <= ns; s++) printf "    [LS_%s] = %d,\n", up(sname[s]), ssize[s] > lf
        print "};" > lf
        print ""
        print "#include \"xlat-" abi "-errno.h\""
        print "#include \"xlat-" abi "-layout.h\""
        print ""
        print "static const struct xlat_abi xlat_abi_" abi " = {"
        printf "    \"%s\", %s_tabs, %s_consts, %s_errnos, sizeof %s_errnos / sizeof %s_errnos[0],\n", abi, abi, abi, abi, abi, abi
        printf "    %s_fields, %s_ssizes,\n", abi, abi
        print "};"
    }' "$3" "$4"
}

# Generates the files of one triple into directory $2.
gen_one() {
    local triple="$1" dest="$2" abi tmp st
    command -v "$triple-gcc" >/dev/null || { echo "gen-xlat: $triple-gcc not found" >&2; exit 1; }
    abi=$(abi_name "$triple")
    tmp=$(mktemp -d)
    st=$(stat_type "$triple")
    # errno names come from the header itself, sorted by value so lookups can bisect.
    spec | sed "s/@STAT@/$st/" | while IFS= read -r line; do
        case "$line" in
        errno\ *)
            echo "group ${line#errno }"
            echo "errnolist $(errno_names "$triple" "${line#errno }" | tr '\n' ' ')"
            ;;
        *) printf '%s\n' "$line" ;;
        esac
    done >"$tmp/spec"
    parse_spec "$tmp" <"$tmp/spec"
    run_probes "$triple" "$tmp" >"$tmp/values"
    # Sort errno rows by guest value (stable by name) so the C table is in numeric order.
    awk -F'\t' '$1 != "N"' "$tmp/items" >"$tmp/items.other"
    awk -F'\t' 'FNR == NR { split($0, v, " "); d[v[1]] = v[3]; next } $1 == "N" { print d[$3] "\t" $0 }' \
        "$tmp/values" "$tmp/items" | sort -n -k1,1 -s | cut -f2- >"$tmp/items.errno"
    cat "$tmp/items.other" "$tmp/items.errno" >"$tmp/items.sorted"
    emit_ids "$tmp/items.sorted" >"$dest/xlat-ids.h"
    emit_abi "$abi" "$triple" "$tmp/values" "$tmp/items.sorted" "$dest" >"$dest/xlat-$abi.h"
    rm -rf "$tmp"
    echo "$abi"
}

if [ "$check" = 1 ]; then
    chk=$(mktemp -d)
    trap 'rm -rf "$chk"' EXIT
    status=0
    for t in "${triples[@]}"; do
        abi=$(gen_one "$t" "$chk")
        for f in xlat-ids.h "xlat-$abi.h" "xlat-$abi-errno.h" "xlat-$abi-layout.h"; do
            if ! diff -u "$out/$f" "$chk/$f"; then
                echo "gen-xlat: $out/$f is out of date (run tools/gen-xlat.sh $t)" >&2
                status=1
            fi
        done
    done
    [ $status = 0 ] && echo "gen-xlat: generated files are up to date"
    exit $status
fi

mkdir -p "$out"
for t in "${triples[@]}"; do
    abi=$(gen_one "$t" "$out")
    echo "gen-xlat: wrote $out/xlat-ids.h and $out/xlat-$abi{,-errno,-layout}.h"
done
