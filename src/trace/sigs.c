/* Syscall signatures of the log: result kind and argument kinds per kernel syscall name. */
#include "trace_int.h"

#define NARGS(...) NARGS_(__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define NARGS_(a1, a2, a3, a4, a5, a6, n, ...) n
/* SYS(name, result, argument kinds...); SYS0 for no arguments. CLS, redefined along the table, is
   the -e trace=%CLASS set of the rows that follow (%file and %desc also come from the arguments). */
#define SYS(name, ret, ...) { name, R_##ret, NARGS(__VA_ARGS__), { __VA_ARGS__ }, CLS }
#define SYS0(name, ret) { name, R_##ret, 0, { 0 }, CLS }
#define CLS 0

#define KP(k, x) ((uint16_t)((k) | (x) << 8))
#define SKIP K_SKIP
#define INT K_INT
#define UINT K_UINT
#define LONG K_LONG
#define ULONG K_ULONG
#define HEX K_HEX
#define PTR K_PTR
#define FD K_FD
#define PID K_PID
#define DIRFD K_DIRFD
#define PATH K_PATH
#define STR K_STR
#define MODE K_MODE
#define FMODE K_FMODE
#define SIG K_SIG
#define ARGV K_ARGV
#define ENVP K_ENVP
#define BUF_OUT K_BUF_OUT
#define STR_OUT K_STR_OUT
#define FDPAIR K_FDPAIR_OUT
#define WSTATUS K_WSTATUS_OUT
#define IPTR_IN K_INT_PTR_IN
#define IPTR_OUT K_INT_PTR_OUT
#define MSG_IN K_MSGHDR_IN
#define MSG_OUT K_MSGHDR_OUT
#define ACT_IN K_SIGACTION_IN
#define ACT_OUT K_SIGACTION_OUT
#define BUF_IN(n) KP(K_BUF_IN, n)            /* length in argument n */
#define XL(t) KP(K_XLAT, XT_##t)
#define S_IN(sd) KP(K_STRUCT_IN, SD_##sd)
#define S_OUT(sd) KP(K_STRUCT_OUT, SD_##sd)
#define SET_IN(n) KP(K_SIGSET_IN, n)         /* size in argument n */
#define SET_OUT(n) KP(K_SIGSET_OUT, n)
#define IOV_IN(n) KP(K_IOV_IN, n)            /* count in argument n */
#define IOV_OUT(n) KP(K_IOV_OUT, n)
#define OMODE(n) KP(K_OPEN_MODE, n)          /* flags in argument n */
#define FUTEX(slot) KP(K_FUTEX, slot)
#define FUTEX64(slot) KP(K_FUTEX, (slot) | 8)
#define PRCTL(slot) KP(K_PRCTL, slot)
#define SADDR_IN(n) KP(K_SOCKADDR_IN, n)     /* length in argument n */
#define SADDR_OUT(n) KP(K_SOCKADDR_OUT, n)   /* argument n points to the length */
#define PROTO(n) KP(K_SOCK_PROTO, n)         /* domain in argument n */
#define OPTNAME(n) KP(K_SOCKOPT_NAME, n)     /* level in argument n */
#define OPT_IN(n) KP(K_SOCKOPT_IN, n)
#define OPT_OUT(n) KP(K_SOCKOPT_OUT, n)
#define POLLFDS(n) KP(K_POLLFDS, n)
#define EPEVENTS K_EPOLL_EVENTS_OUT
#define DIRENTS(old) KP(K_DIRENTS, old)
#define TS2(t64) KP(K_TIMESPEC2_IN, t64)
#define IOCTL_REQ K_IOCTL_REQ
#define IOCTL_ARG KP(K_IOCTL_ARG, 1)
#define FCNTL_ARG KP(K_FCNTL_ARG, 1)
#define RANDOM_OUT K_BUF_OUT_HEX
#define FDSET KP(K_FDSET, 0)                 /* nfds in argument 0 */
#define REM(sd) KP(K_REM_OUT, SD_##sd)       /* time left of an interrupted sleep */

const struct trace_sig trace_sigs[] = {
    /* process start-up, memory */
#undef CLS
#define CLS TC_MEMORY
    SYS("brk", HEX, PTR),
    SYS("mmap", HEX, PTR, ULONG, XL(MMAP_PROT), XL(MMAP_FLAGS), FD, HEX),
    SYS("mmap2", HEX, PTR, ULONG, XL(MMAP_PROT), XL(MMAP_FLAGS), FD, K_PGOFF),
    SYS("munmap", INT, PTR, ULONG),
    SYS("mprotect", INT, PTR, ULONG, XL(MMAP_PROT)),
    SYS("pkey_mprotect", INT, PTR, ULONG, XL(MMAP_PROT), INT),
    SYS("mremap", HEX, PTR, ULONG, ULONG, XL(MREMAP_FLAGS), PTR),
    SYS("madvise", INT, PTR, ULONG, XL(MADVISE)),
    SYS("process_madvise", INT, FD, PTR, ULONG, XL(MADVISE), HEX),
    SYS("msync", INT, PTR, ULONG, XL(MSYNC_FLAGS)),
    SYS("mlock", INT, PTR, ULONG),
    SYS("mlock2", INT, PTR, ULONG, XL(MLOCK2_FLAGS)),
    SYS("munlock", INT, PTR, ULONG),
    SYS("mlockall", INT, XL(MLOCKALL_FLAGS)),
    SYS0("munlockall", INT),
    SYS("mincore", INT, PTR, ULONG, PTR),
    SYS("remap_file_pages", INT, PTR, ULONG, HEX, ULONG, HEX),
    SYS("mbind", INT, PTR, ULONG, INT, PTR, ULONG, HEX),
    SYS("get_mempolicy", INT, IPTR_OUT, PTR, ULONG, PTR, HEX),
    SYS("set_mempolicy", INT, INT, PTR, ULONG),
    SYS("set_mempolicy_home_node", INT, PTR, ULONG, ULONG, HEX),
    SYS("migrate_pages", INT, PID, ULONG, PTR, PTR),
    SYS("move_pages", INT, PID, ULONG, PTR, PTR, PTR, HEX),
#undef CLS
#define CLS 0
    SYS("memfd_create", FD, STR, XL(MEMFD_FLAGS)),
    SYS("memfd_secret", FD, HEX),
    SYS("pkey_alloc", INT, HEX, HEX),
    SYS("pkey_free", INT, INT),
    SYS("membarrier", INT, XL(MEMBARRIER_CMD), HEX, INT),
#undef CLS
#define CLS 0
    SYS("set_tid_address", INT, PTR),
    SYS("set_robust_list", INT, PTR, ULONG),
    SYS("get_robust_list", INT, PID, PTR, PTR),
    SYS("rseq", INT, PTR, HEX, INT, HEX),
    SYS("prlimit64", INT, PID, XL(RLIMIT_RES), S_IN(RLIMIT64), S_OUT(RLIMIT64)),
    SYS("getrlimit", INT, XL(RLIMIT_RES), S_OUT(RLIMIT)),
    SYS("ugetrlimit", INT, XL(RLIMIT_RES), S_OUT(RLIMIT)),
    SYS("setrlimit", INT, XL(RLIMIT_RES), S_IN(RLIMIT)),
    SYS("getrusage", INT, XL(RUSAGE_WHO), S_OUT(RUSAGE)),
    SYS("uname", INT, S_OUT(UTSNAME)),
    SYS("sysinfo", INT, S_OUT(SYSINFO)),
    SYS("prctl", INT, XL(PRCTL_OPTION), PRCTL(1), PRCTL(2), PRCTL(3), PRCTL(4)),
    SYS("arch_prctl", INT, HEX, PTR),
    SYS("set_thread_area", INT, PTR),
    SYS("set_tls", INT, PTR),
    SYS("cacheflush", INT, PTR, PTR, HEX),
    SYS0("breakpoint", INT),
    SYS0("usr26", INT),
    SYS0("usr32", INT),
    SYS0("get_tls", HEX),
    SYS("riscv_flush_icache", INT, PTR, PTR, HEX),
    SYS("riscv_hwprobe", INT, PTR, ULONG, ULONG, PTR, HEX),
    SYS("personality", INT, HEX),
    SYS("getrandom", INT, RANDOM_OUT, ULONG, XL(GETRANDOM_FLAGS)),

    /* files */
    SYS("openat", FD, DIRFD, PATH, XL(OPEN_FLAGS), OMODE(2)),
    SYS("open", FD, PATH, XL(OPEN_FLAGS), OMODE(1)),
    SYS("openat2", FD, DIRFD, PATH, PTR, ULONG),
    SYS("creat", FD, PATH, MODE),
    SYS("open_by_handle_at", FD, FD, PTR, XL(OPEN_FLAGS)),
    SYS("name_to_handle_at", INT, DIRFD, PATH, PTR, PTR, XL(AT_FLAGS)),
    SYS("close", INT, FD),
    SYS("close_range", INT, UINT, UINT, XL(CLOSE_RANGE_FLAGS)),
    SYS("read", INT, FD, BUF_OUT, ULONG),
    SYS("write", INT, FD, BUF_IN(2), ULONG),
    SYS("pread64", INT, FD, BUF_OUT, ULONG, LONG),
    SYS("pwrite64", INT, FD, BUF_IN(2), ULONG, LONG),
    SYS("readv", INT, FD, IOV_OUT(2), INT),
    SYS("writev", INT, FD, IOV_IN(2), INT),
    SYS("preadv", INT, FD, IOV_OUT(2), INT, LONG),
    SYS("pwritev", INT, FD, IOV_IN(2), INT, LONG),
    SYS("preadv2", INT, FD, IOV_OUT(2), INT, LONG, SKIP, HEX),
    SYS("pwritev2", INT, FD, IOV_IN(2), INT, LONG, SKIP, HEX),
    SYS("lseek", INT, FD, LONG, XL(SEEK_WHENCE)),
    SYS("_llseek", INT, FD, KP(K_OFF_HI, 2), SKIP, K_LOFF_OUT, XL(SEEK_WHENCE)),
    SYS("sendfile", INT, FD, FD, PTR, ULONG),
    SYS("sendfile64", INT, FD, FD, PTR, ULONG),
    SYS("copy_file_range", INT, FD, PTR, FD, PTR, ULONG, HEX),
    SYS("splice", INT, FD, PTR, FD, PTR, ULONG, HEX),
    SYS("tee", INT, FD, FD, ULONG, HEX),
    SYS("vmsplice", INT, FD, IOV_IN(2), ULONG, HEX),
    SYS("readahead", INT, FD, LONG, ULONG),
    SYS("fadvise64", INT, FD, LONG, LONG, XL(FADVISE_ADVICE)),
    SYS("fadvise64_64", INT, FD, LONG, LONG, XL(FADVISE_ADVICE)),
    SYS("arm_fadvise64_64", INT, FD, XL(FADVISE_ADVICE), LONG, LONG),
    SYS("fallocate", INT, FD, XL(FALLOC_MODE), LONG, LONG),
    SYS("truncate", INT, PATH, LONG),
    SYS("truncate64", INT, PATH, LONG),
    SYS("ftruncate", INT, FD, LONG),
    SYS("ftruncate64", INT, FD, LONG),
    SYS("fsync", INT, FD),
    SYS("fdatasync", INT, FD),
    SYS("syncfs", INT, FD),
    SYS0("sync", INT),
    SYS("sync_file_range", INT, FD, LONG, LONG, HEX),
    SYS("sync_file_range2", INT, FD, HEX, LONG, LONG),   /* flags second: the offsets land in register pairs */
    SYS("arm_sync_file_range", INT, FD, HEX, LONG, LONG),
    SYS("dup", FD, FD),
    SYS("dup2", FD, FD, FD),
    SYS("dup3", FD, FD, FD, XL(PIPE_FLAGS)),
    SYS("fcntl", FCNTL, FD, XL(FCNTL_CMD), FCNTL_ARG),
    SYS("fcntl64", FCNTL, FD, XL(FCNTL_CMD), FCNTL_ARG),
    SYS("flock", INT, FD, XL(FLOCK_OP)),
    SYS("ioctl", INT, FD, IOCTL_REQ, IOCTL_ARG),
    SYS("pipe", INT, FDPAIR),
    SYS("pipe2", INT, FDPAIR, XL(PIPE_FLAGS)),
    SYS("newfstatat", INT, DIRFD, PATH, S_OUT(STAT), XL(AT_FLAGS)),
    SYS("fstatat64", INT, DIRFD, PATH, S_OUT(STAT), XL(AT_FLAGS)),
    SYS("fstat", INT, FD, S_OUT(OLDSTAT)),   /* asm/stat.h struct stat: stat64 where the ABI has both */
    SYS("fstat64", INT, FD, S_OUT(STAT)),
    SYS("stat", INT, PATH, S_OUT(OLDSTAT)),
    SYS("stat64", INT, PATH, S_OUT(STAT)),
    SYS("lstat", INT, PATH, S_OUT(OLDSTAT)),
    SYS("lstat64", INT, PATH, S_OUT(STAT)),
    SYS("statx", INT, DIRFD, PATH, XL(STATX_FLAGS), XL(STATX_MASK), S_OUT(STATX)),
    SYS("statfs", INT, PATH, S_OUT(STATFS)),
    SYS("fstatfs", INT, FD, S_OUT(STATFS)),
    SYS("statfs64", INT, PATH, ULONG, S_OUT(STATFS64)),
    SYS("fstatfs64", INT, FD, ULONG, S_OUT(STATFS64)),
    SYS("faccessat", INT, DIRFD, PATH, XL(ACCESS_MODE)),
    SYS("faccessat2", INT, DIRFD, PATH, XL(ACCESS_MODE), XL(FACCESSAT_FLAGS)),
    SYS("access", INT, PATH, XL(ACCESS_MODE)),
    SYS("readlinkat", INT, DIRFD, PATH, BUF_OUT, ULONG),
    SYS("readlink", INT, PATH, BUF_OUT, ULONG),
    SYS("getdents64", INT, FD, DIRENTS(0), UINT),
    SYS("getdents", INT, FD, DIRENTS(1), UINT),
    SYS("getcwd", INT, STR_OUT, ULONG),
    SYS("chdir", INT, PATH),
    SYS("fchdir", INT, FD),
    SYS("chroot", INT, PATH),
    SYS("mkdirat", INT, DIRFD, PATH, MODE),
    SYS("mkdir", INT, PATH, MODE),
    SYS("mknodat", INT, DIRFD, PATH, FMODE, KP(K_DEV, 2)),
    SYS("mknod", INT, PATH, FMODE, KP(K_DEV, 1)),
    SYS("unlinkat", INT, DIRFD, PATH, XL(UNLINKAT_FLAGS)),
    SYS("unlink", INT, PATH),
    SYS("rmdir", INT, PATH),
    SYS("symlinkat", INT, PATH, DIRFD, PATH),
    SYS("symlink", INT, PATH, PATH),
    SYS("linkat", INT, DIRFD, PATH, DIRFD, PATH, XL(AT_FLAGS)),
    SYS("link", INT, PATH, PATH),
    SYS("renameat", INT, DIRFD, PATH, DIRFD, PATH),
    SYS("renameat2", INT, DIRFD, PATH, DIRFD, PATH, XL(RENAME_FLAGS)),
    SYS("rename", INT, PATH, PATH),
    SYS("fchmod", INT, FD, MODE),
    SYS("fchmodat", INT, DIRFD, PATH, MODE),
    SYS("chmod", INT, PATH, MODE),
    SYS("fchownat", INT, DIRFD, PATH, INT, INT, XL(AT_FLAGS)),
    SYS("fchown", INT, FD, INT, INT),
    SYS("chown", INT, PATH, INT, INT),
    SYS("lchown", INT, PATH, INT, INT),
    SYS("fchown32", INT, FD, INT, INT),
    SYS("chown32", INT, PATH, INT, INT),
    SYS("lchown32", INT, PATH, INT, INT),
    SYS("umask", OCT, MODE),
    SYS("utimensat", INT, DIRFD, PATH, TS2(0), XL(AT_FLAGS)),
    SYS("utimensat_time64", INT, DIRFD, PATH, TS2(1), XL(AT_FLAGS)),
    SYS("utimes", INT, PATH, PTR),
    SYS("futimesat", INT, DIRFD, PATH, PTR),
    SYS("setxattr", INT, PATH, STR, BUF_IN(3), ULONG, XL(XATTR_FLAGS)),
    SYS("lsetxattr", INT, PATH, STR, BUF_IN(3), ULONG, XL(XATTR_FLAGS)),
    SYS("fsetxattr", INT, FD, STR, BUF_IN(3), ULONG, XL(XATTR_FLAGS)),
    SYS("getxattr", INT, PATH, STR, BUF_OUT, ULONG),
    SYS("lgetxattr", INT, PATH, STR, BUF_OUT, ULONG),
    SYS("fgetxattr", INT, FD, STR, BUF_OUT, ULONG),
    SYS("listxattr", INT, PATH, BUF_OUT, ULONG),
    SYS("llistxattr", INT, PATH, BUF_OUT, ULONG),
    SYS("flistxattr", INT, FD, BUF_OUT, ULONG),
    SYS("removexattr", INT, PATH, STR),
    SYS("lremovexattr", INT, PATH, STR),
    SYS("fremovexattr", INT, FD, STR),
    SYS0("inotify_init", FD),
    SYS("inotify_init1", FD, XL(INOTIFY_FLAGS)),
    SYS("inotify_add_watch", INT, FD, PATH, XL(INOTIFY_MASK)),
    SYS("inotify_rm_watch", INT, FD, INT),
    SYS("fanotify_init", FD, HEX, HEX),
    SYS("fanotify_mark", INT, FD, HEX, HEX, DIRFD, PATH),
    SYS("mount", INT, STR, PATH, STR, HEX, PTR),
    SYS("umount2", INT, PATH, HEX),
    SYS("pivot_root", INT, PATH, PATH),
    SYS("swapon", INT, PATH, HEX),
    SYS("swapoff", INT, PATH),
    SYS("acct", INT, PATH),
    SYS("quotactl", INT, HEX, STR, INT, PTR),
    SYS("quotactl_fd", INT, FD, HEX, INT, PTR),
    SYS("open_tree", FD, DIRFD, PATH, HEX),
    SYS("move_mount", INT, DIRFD, PATH, DIRFD, PATH, HEX),
    SYS("fsopen", FD, STR, HEX),
    SYS("fsconfig", INT, FD, UINT, STR, PTR, INT),
    SYS("fsmount", FD, FD, HEX, HEX),
    SYS("fspick", FD, DIRFD, PATH, HEX),
    SYS("mount_setattr", INT, DIRFD, PATH, HEX, PTR, ULONG),

    /* polling and event descriptors */
    SYS("ppoll", POLL, POLLFDS(1), UINT, S_IN(TIMESPEC), SET_IN(4), ULONG),
    SYS("ppoll_time64", POLL, POLLFDS(1), UINT, S_IN(TIMESPEC64), SET_IN(4), ULONG),
    SYS("poll", POLL, POLLFDS(1), UINT, INT),
    SYS("pselect6", SELECT, INT, FDSET, FDSET, FDSET, S_IN(TIMESPEC), PTR),
    SYS("pselect6_time64", SELECT, INT, FDSET, FDSET, FDSET, S_IN(TIMESPEC64), PTR),
    SYS("select", SELECT, INT, FDSET, FDSET, FDSET, S_IN(TIMEVAL)),
    SYS("_newselect", SELECT, INT, FDSET, FDSET, FDSET, S_IN(TIMEVAL)),
    SYS("epoll_create", FD, INT),
    SYS("epoll_create1", FD, XL(EPOLL_FLAGS)),
    SYS("epoll_ctl", INT, FD, XL(EPOLL_CTL_OP), FD, S_IN(EPOLL_EVENT)),
    SYS("epoll_wait", INT, FD, EPEVENTS, INT, INT),
    SYS("epoll_pwait", INT, FD, EPEVENTS, INT, INT, SET_IN(5), ULONG),
    SYS("epoll_pwait2", INT, FD, EPEVENTS, INT, S_IN(TIMESPEC64), SET_IN(5), ULONG),
    SYS("eventfd", FD, UINT),
    SYS("eventfd2", FD, UINT, XL(EVENTFD_FLAGS)),
    SYS("signalfd", FD, FD, SET_IN(2), ULONG),
    SYS("signalfd4", FD, FD, SET_IN(2), ULONG, XL(SIGNALFD_FLAGS)),
    SYS("timerfd_create", FD, XL(CLOCK_ID), XL(TIMERFD_FLAGS)),
    SYS("timerfd_settime", INT, FD, XL(TIMERFD_SET_FLAGS), S_IN(ITIMERSPEC), S_OUT(ITIMERSPEC)),
    SYS("timerfd_settime64", INT, FD, XL(TIMERFD_SET_FLAGS), S_IN(ITIMERSPEC64), S_OUT(ITIMERSPEC64)),
    SYS("timerfd_gettime", INT, FD, S_OUT(ITIMERSPEC)),
    SYS("timerfd_gettime64", INT, FD, S_OUT(ITIMERSPEC64)),
    SYS("userfaultfd", FD, XL(PIPE_FLAGS)),
    SYS("io_setup", INT, UINT, PTR),
    SYS("io_destroy", INT, HEX),
    SYS("io_submit", INT, HEX, LONG, PTR),
    SYS("io_cancel", INT, HEX, PTR, PTR),
    SYS("io_getevents", INT, HEX, LONG, LONG, PTR, S_IN(TIMESPEC)),
    SYS("io_pgetevents", INT, HEX, LONG, LONG, PTR, S_IN(TIMESPEC), PTR),
    SYS("io_pgetevents_time64", INT, HEX, LONG, LONG, PTR, S_IN(TIMESPEC64), PTR),
    SYS("io_uring_setup", FD, UINT, PTR),
    SYS("io_uring_enter", INT, FD, UINT, UINT, HEX, PTR, ULONG),
    SYS("io_uring_register", INT, FD, UINT, PTR, UINT),

    /* time */
    SYS("clock_gettime", INT, XL(CLOCK_ID), S_OUT(TIMESPEC)),
    SYS("clock_gettime64", INT, XL(CLOCK_ID), S_OUT(TIMESPEC64)),
    SYS("clock_settime", INT, XL(CLOCK_ID), S_IN(TIMESPEC)),
    SYS("clock_settime64", INT, XL(CLOCK_ID), S_IN(TIMESPEC64)),
    SYS("clock_getres", INT, XL(CLOCK_ID), S_OUT(TIMESPEC)),
    SYS("clock_getres_time64", INT, XL(CLOCK_ID), S_OUT(TIMESPEC64)),
    SYS("clock_nanosleep", INT, XL(CLOCK_ID), XL(TIMER_FLAGS), S_IN(TIMESPEC), REM(TIMESPEC)),
    SYS("clock_nanosleep_time64", INT, XL(CLOCK_ID), XL(TIMER_FLAGS), S_IN(TIMESPEC64), REM(TIMESPEC64)),
    SYS("clock_adjtime", INT, XL(CLOCK_ID), PTR),
    SYS("clock_adjtime64", INT, XL(CLOCK_ID), PTR),
    SYS("adjtimex", INT, PTR),
    SYS("nanosleep", INT, S_IN(TIMESPEC), REM(TIMESPEC)),
    SYS("gettimeofday", INT, S_OUT(TIMEVAL), S_OUT(TIMEZONE)),
    SYS("settimeofday", INT, S_IN(TIMEVAL), S_IN(TIMEZONE)),
    SYS("time", INT, PTR),
    SYS("times", INT, PTR),
    SYS("alarm", INT, UINT),
    SYS("getitimer", INT, XL(ITIMER_WHICH), S_OUT(ITIMERVAL)),
    SYS("setitimer", INT, XL(ITIMER_WHICH), S_IN(ITIMERVAL), S_OUT(ITIMERVAL)),
    SYS("timer_create", INT, XL(CLOCK_ID), PTR, PTR),
    SYS("timer_settime", INT, INT, XL(TIMER_FLAGS), S_IN(ITIMERSPEC), S_OUT(ITIMERSPEC)),
    SYS("timer_settime64", INT, INT, XL(TIMER_FLAGS), S_IN(ITIMERSPEC64), S_OUT(ITIMERSPEC64)),
    SYS("timer_gettime", INT, INT, S_OUT(ITIMERSPEC)),
    SYS("timer_gettime64", INT, INT, S_OUT(ITIMERSPEC64)),
    SYS("timer_getoverrun", INT, INT),
    SYS("timer_delete", INT, INT),

    /* processes and threads */
#undef CLS
#define CLS TC_PROCESS
    SYS("exit", NORET, INT),
    SYS("exit_group", NORET, INT),
    SYS("clone", INT, K_CLONE),
    SYS("clone3", INT, S_IN(CLONE_ARGS), ULONG),
    SYS0("fork", INT),
    SYS0("vfork", INT),
    SYS("execve", INT, PATH, ARGV, ENVP),
    SYS("execveat", INT, DIRFD, PATH, ARGV, ENVP, XL(AT_FLAGS)),
    SYS("wait4", INT, PID, WSTATUS, XL(WAIT_OPTS), S_OUT(RUSAGE)),
    SYS("waitpid", INT, PID, WSTATUS, XL(WAIT_OPTS)),
    SYS("waitid", INT, XL(IDTYPE), INT, PTR, XL(WAIT_OPTS), S_OUT(RUSAGE)),
#undef CLS
#define CLS 0
    SYS("futex", INT, PTR, XL(FUTEX_OP), FUTEX(2), FUTEX(3), FUTEX(4), FUTEX(5)),
    SYS("futex_time64", INT, PTR, XL(FUTEX_OP), FUTEX64(2), FUTEX64(3), FUTEX64(4), FUTEX64(5)),
    SYS("futex_waitv", INT, PTR, UINT, HEX, S_IN(TIMESPEC64), XL(CLOCK_ID)),
    SYS("unshare", INT, XL(UNSHARE_FLAGS)),
    SYS("setns", INT, FD, XL(UNSHARE_FLAGS)),
    SYS0("getpid", INT),
    SYS0("getppid", INT),
    SYS0("gettid", INT),
    SYS0("getuid", INT),
    SYS0("geteuid", INT),
    SYS0("getgid", INT),
    SYS0("getegid", INT),
    SYS0("getuid32", INT),
    SYS0("geteuid32", INT),
    SYS0("getgid32", INT),
    SYS0("getegid32", INT),
    SYS0("getpgrp", INT),
    SYS0("setsid", INT),
    SYS("getsid", INT, PID),
    SYS("getpgid", INT, PID),
    SYS("setpgid", INT, PID, PID),
    SYS("setuid", INT, INT),
    SYS("setgid", INT, INT),
    SYS("setuid32", INT, INT),
    SYS("setgid32", INT, INT),
    SYS("setreuid", INT, INT, INT),
    SYS("setregid", INT, INT, INT),
    SYS("setresuid", INT, INT, INT, INT),
    SYS("setresgid", INT, INT, INT, INT),
    SYS("getresuid", INT, IPTR_OUT, IPTR_OUT, IPTR_OUT),
    SYS("getresgid", INT, IPTR_OUT, IPTR_OUT, IPTR_OUT),
    SYS("setfsuid", INT, INT),
    SYS("setfsgid", INT, INT),
    SYS("setreuid32", INT, INT, INT),   /* the 32-bit-uid twins of ILP32 ABIs (arm) */
    SYS("setregid32", INT, INT, INT),
    SYS("setresuid32", INT, INT, INT, INT),
    SYS("setresgid32", INT, INT, INT, INT),
    SYS("getresuid32", INT, IPTR_OUT, IPTR_OUT, IPTR_OUT),
    SYS("getresgid32", INT, IPTR_OUT, IPTR_OUT, IPTR_OUT),
    SYS("setfsuid32", INT, INT),
    SYS("setfsgid32", INT, INT),
    SYS("getgroups32", INT, INT, PTR),
    SYS("setgroups32", INT, INT, PTR),
    SYS("getgroups", INT, INT, PTR),
    SYS("setgroups", INT, INT, PTR),
    SYS("capget", INT, PTR, PTR),
    SYS("capset", INT, PTR, PTR),
    SYS("getpriority", INT, XL(PRIO_WHICH), INT),
    SYS("nice", INT, INT),
    SYS("setpriority", INT, XL(PRIO_WHICH), INT, INT),
    SYS("getcpu", INT, IPTR_OUT, IPTR_OUT, PTR),
    SYS0("sched_yield", INT),
    SYS("sched_getaffinity", INT, PID, UINT, PTR),
    SYS("sched_setaffinity", INT, PID, UINT, PTR),
    SYS("sched_getscheduler", INT, PID),
    SYS("sched_setscheduler", INT, PID, XL(SCHED_POLICY), PTR),
    SYS("sched_getparam", INT, PID, PTR),
    SYS("sched_setparam", INT, PID, PTR),
    SYS("sched_getattr", INT, PID, PTR, UINT, HEX),
    SYS("sched_setattr", INT, PID, PTR, HEX),
    SYS("sched_get_priority_max", INT, XL(SCHED_POLICY)),
    SYS("sched_get_priority_min", INT, XL(SCHED_POLICY)),
    SYS("sched_rr_get_interval", INT, PID, S_OUT(TIMESPEC)),
    SYS("sched_rr_get_interval_time64", INT, PID, S_OUT(TIMESPEC64)),
    SYS("pidfd_open", FD, PID, HEX),
    SYS("pidfd_getfd", FD, FD, FD, HEX),
    SYS("pidfd_send_signal", INT, FD, SIG, PTR, HEX),
    SYS("process_vm_readv", INT, PID, PTR, ULONG, PTR, ULONG, HEX),
    SYS("process_vm_writev", INT, PID, PTR, ULONG, PTR, ULONG, HEX),
    SYS("process_mrelease", INT, FD, HEX),
    SYS("kcmp", INT, PID, PID, INT, HEX, HEX),
    SYS("ptrace", INT, INT, INT, PTR, PTR),
    SYS("seccomp", INT, UINT, HEX, PTR),
    SYS("bpf", INT, INT, PTR, UINT),
    SYS("perf_event_open", FD, PTR, INT, INT, FD, HEX),
    SYS("ioprio_get", INT, INT, INT),
    SYS("ioprio_set", INT, INT, INT, INT),
    SYS("landlock_create_ruleset", FD, PTR, ULONG, HEX),
    SYS("landlock_add_rule", INT, FD, INT, PTR, HEX),
    SYS("landlock_restrict_self", INT, FD, HEX),
    SYS0("restart_syscall", INT),

    /* signals */
#undef CLS
#define CLS (TC_SIGNAL | TC_PROCESS)
    SYS("kill", INT, PID, SIG),
    SYS("tkill", INT, PID, SIG),
    SYS("tgkill", INT, PID, PID, SIG),
#undef CLS
#define CLS TC_SIGNAL
    SYS("rt_sigaction", INT, SIG, ACT_IN, ACT_OUT, ULONG),
    SYS("rt_sigprocmask", INT, XL(SIGPROCMASK_HOW), SET_IN(3), SET_OUT(3), ULONG),
    SYS("rt_sigpending", INT, SET_OUT(1), ULONG),
    SYS("rt_sigsuspend", INT, SET_IN(1), ULONG),
    /* old forms: one-word masks, struct old_sigaction; sigsuspend's mask is its third argument where the
       kernel has OLD_SIGSUSPEND3 (arm, i386), the first two are unused */
    SYS("sigaction", INT, SIG, K_OLDSIGACTION_IN, K_OLDSIGACTION_OUT),
    SYS("sigprocmask", INT, XL(SIGPROCMASK_HOW), KP(K_OLDSET, 0), KP(K_OLDSET, 1)),
    SYS("sigpending", INT, KP(K_OLDSET, 1)),
    SYS("sigsuspend", INT, SKIP, SKIP, KP(K_OLDSET, 2)),
    SYS("rt_sigtimedwait", INT, SET_IN(3), PTR, S_IN(TIMESPEC), ULONG),
    SYS("rt_sigtimedwait_time64", INT, SET_IN(3), PTR, S_IN(TIMESPEC64), ULONG),
    SYS("rt_sigqueueinfo", INT, PID, SIG, PTR),
    SYS("rt_tgsigqueueinfo", INT, PID, PID, SIG, PTR),
    SYS0("rt_sigreturn", INT),
    SYS0("sigreturn", INT),
    SYS0("pause", INT),
    SYS("sigaltstack", INT, S_IN(STACK), S_OUT(STACK)),

    /* sockets */
#undef CLS
#define CLS TC_NETWORK
    SYS("socket", FD, XL(ADDRESS_FAMILY), XL(SOCKET_TYPE), PROTO(0)),
    SYS("socketpair", INT, XL(ADDRESS_FAMILY), XL(SOCKET_TYPE), PROTO(0), FDPAIR),
    SYS("bind", INT, FD, SADDR_IN(2), UINT),
    SYS("connect", INT, FD, SADDR_IN(2), UINT),
    SYS("listen", INT, FD, INT),
    SYS("accept", FD, FD, SADDR_OUT(2), IPTR_OUT),
    SYS("accept4", FD, FD, SADDR_OUT(2), IPTR_OUT, XL(SOCKET_TYPE)),
    SYS("getsockname", INT, FD, SADDR_OUT(2), IPTR_OUT),
    SYS("getpeername", INT, FD, SADDR_OUT(2), IPTR_OUT),
    SYS("sendto", INT, FD, BUF_IN(2), ULONG, XL(MSG_FLAGS), SADDR_IN(5), UINT),
    SYS("recvfrom", INT, FD, BUF_OUT, ULONG, XL(MSG_FLAGS), SADDR_OUT(5), IPTR_OUT),
    SYS("send", INT, FD, BUF_IN(2), ULONG, XL(MSG_FLAGS)),
    SYS("recv", INT, FD, BUF_OUT, ULONG, XL(MSG_FLAGS)),
    SYS("sendmsg", INT, FD, MSG_IN, XL(MSG_FLAGS)),
    SYS("recvmsg", INT, FD, MSG_OUT, XL(MSG_FLAGS)),
    SYS("sendmmsg", INT, FD, PTR, UINT, XL(MSG_FLAGS)),
    SYS("recvmmsg", INT, FD, PTR, UINT, XL(MSG_FLAGS), S_IN(TIMESPEC)),
    SYS("recvmmsg_time64", INT, FD, PTR, UINT, XL(MSG_FLAGS), S_IN(TIMESPEC64)),
    SYS("setsockopt", INT, FD, XL(SOCK_LEVEL), OPTNAME(1), OPT_IN(4), UINT),
    SYS("getsockopt", INT, FD, XL(SOCK_LEVEL), OPTNAME(1), OPT_OUT(4), IPTR_OUT),
    SYS("shutdown", INT, FD, XL(SHUTDOWN_HOW)),
    SYS("socketcall", INT, INT, PTR),

    /* System V and POSIX IPC */
#undef CLS
#define CLS 0
    SYS("mq_open", FD, STR, XL(OPEN_FLAGS), MODE, PTR),
    SYS("mq_unlink", INT, STR),
    SYS("mq_timedsend", INT, FD, BUF_IN(2), ULONG, UINT, S_IN(TIMESPEC)),
    SYS("mq_timedreceive", INT, FD, BUF_OUT, ULONG, PTR, S_IN(TIMESPEC)),
    SYS("mq_timedsend_time64", INT, FD, BUF_IN(2), ULONG, UINT, S_IN(TIMESPEC64)),
    SYS("mq_timedreceive_time64", INT, FD, BUF_OUT, ULONG, PTR, S_IN(TIMESPEC64)),
    SYS("mq_notify", INT, FD, PTR),
    SYS("mq_getsetattr", INT, FD, PTR, PTR),
#undef CLS
#define CLS TC_IPC
    SYS("msgget", INT, HEX, HEX),
    SYS("msgctl", INT, INT, INT, PTR),
    SYS("msgrcv", INT, INT, PTR, ULONG, LONG, HEX),
    SYS("msgsnd", INT, INT, PTR, ULONG, HEX),
    SYS("semget", INT, HEX, INT, HEX),
    SYS("semctl", INT, INT, INT, INT, HEX),
    SYS("semop", INT, INT, PTR, UINT),
    SYS("semtimedop", INT, INT, PTR, UINT, S_IN(TIMESPEC)),
    SYS("semtimedop_time64", INT, INT, PTR, UINT, S_IN(TIMESPEC64)),
    SYS("shmget", INT, HEX, ULONG, HEX),
    SYS("shmctl", INT, INT, INT, PTR),
    SYS("shmat", HEX, INT, PTR, HEX),
    SYS("shmdt", INT, PTR),

    /* system */
#undef CLS
#define CLS 0
    SYS("reboot", INT, HEX, HEX, HEX, PTR),
    SYS("sethostname", INT, BUF_IN(1), ULONG),
    SYS("setdomainname", INT, BUF_IN(1), ULONG),
    SYS("syslog", INT, INT, PTR, INT),
    SYS("ustat", INT, UINT, PTR),
    SYS("sysfs", INT, INT, HEX, HEX),
    SYS("_sysctl", INT, PTR),
    SYS("uselib", INT, PATH),
    SYS("bdflush", INT, INT, HEX),
    SYS("pciconfig_iobase", INT, LONG, ULONG, ULONG),
    SYS("pciconfig_read", INT, ULONG, ULONG, ULONG, ULONG, PTR),
    SYS("pciconfig_write", INT, ULONG, ULONG, ULONG, ULONG, PTR),
    SYS0("vhangup", INT),
    SYS("init_module", INT, PTR, ULONG, STR),
    SYS("finit_module", INT, FD, STR, HEX),
    SYS("delete_module", INT, STR, HEX),
    SYS("kexec_load", INT, PTR, ULONG, PTR, HEX),
    SYS("kexec_file_load", INT, FD, FD, ULONG, STR, HEX),
    SYS("lookup_dcookie", INT, HEX, PTR, ULONG),
    SYS("nfsservctl", INT, INT, PTR, PTR),
    SYS("add_key", INT, STR, STR, PTR, ULONG, INT),
    SYS("request_key", INT, STR, STR, STR, INT),
    SYS("keyctl", INT, INT, HEX, HEX, HEX, HEX),
};

const unsigned trace_nsigs = sizeof trace_sigs / sizeof trace_sigs[0];

unsigned trace_sig_class(const struct trace_sig *s)
{
    unsigned c = s->cls;
    for (int i = 0; i < s->nargs; i++) {
        unsigned k = KIND(s->arg[i]);
        if (k == K_PATH)
            c |= TC_FILE;
        else if (k == K_FD || k == K_DIRFD || k == K_FDPAIR_OUT || k == K_FDSET)
            c |= TC_DESC;
    }
    if (s->ret == R_FD)
        c |= TC_DESC;
    return c;
}
