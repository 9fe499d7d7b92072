/* files: file-system syscalls (open/read/write/lseek/pread/pwrite/stat/dirs/links/cwd/dup2/pipe/fcntl/access) in a mkdtemp dir. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static int failures;

#define CHECK(cond)                                                    \
    do {                                                               \
        if (!(cond)) {                                                 \
            printf("CHECK FAILED line %d: %s (errno %d)\n", __LINE__,  \
                   #cond, errno);                                      \
            failures++;                                                \
        }                                                              \
    } while (0)

static const char *errname(int e);

/* Evaluate EXPR first, then errno, then print (argument evaluation order is unspecified). */
#define SHOWERR(label, expr)                                              \
    do {                                                                  \
        errno = 0;                                                        \
        long r_ = (long)(expr);                                           \
        int e_ = errno;                                                   \
        printf("%s: %ld errno=%s\n", label, r_, errname(e_));             \
    } while (0)

static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case EBADF: return "EBADF";
    case EACCES: return "EACCES";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EINVAL: return "EINVAL";
    case ESPIPE: return "ESPIPE";
    case ERANGE: return "ERANGE";
    default: return "other";
    }
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
    DIR *d = opendir(path);
    CHECK(d != NULL);
    if (!d)
        return;
    char *names[32];
    int n = 0, dot = 0, dotdot = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0) { dot++; continue; }
        if (strcmp(e->d_name, "..") == 0) { dotdot++; continue; }
        if (n < 32) {
            char type = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f'
                      : e->d_type == DT_LNK ? 'l' : e->d_type == DT_UNKNOWN ? '?' : 'o';
            if (asprintf(&names[n], "%s(%c)", e->d_name, type) < 0)
                abort();
            n++;
        }
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmpstr);
    printf("readdir: . x%d, .. x%d, %d entries:", dot, dotdot, n);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void)
{
    char dir[] = "/tmp/xtest-files.XXXXXX";
    char path[256], path2[256], buf[256];
    struct stat st;

    umask(022);
    CHECK(mkdtemp(dir) != NULL);
    CHECK(stat(dir, &st) == 0);
    printf("tmpdir: isdir=%d mode=%04o\n", S_ISDIR(st.st_mode), st.st_mode & 07777);

    char oldcwd[4096];
    CHECK(getcwd(oldcwd, sizeof oldcwd) != NULL);
    CHECK(chdir(dir) == 0);
    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    printf("getcwd after chdir matches: %s\n", strcmp(cwd, dir) == 0 ? "yes" : "no");
    char tiny[4];
    SHOWERR("getcwd into 4 bytes is NULL", getcwd(tiny, sizeof tiny) == NULL);

    /* open / write / lseek / read */
    int fd = open("data.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    CHECK(fd >= 0);
    const char *msg = "0123456789abcdefghijklmnopqrstuvwxyz\n";
    printf("write: %zd\n", write(fd, msg, strlen(msg)));
    printf("lseek cur: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    printf("lseek set 10: %ld\n", (long)lseek(fd, 10, SEEK_SET));
    memset(buf, 0, sizeof buf);
    printf("read 6: %zd \"%s\"\n", read(fd, buf, 6), buf);
    printf("lseek end -5: %ld\n", (long)lseek(fd, -5, SEEK_END));
    memset(buf, 0, sizeof buf);
    ssize_t r = read(fd, buf, 100);
    buf[strcspn(buf, "\n")] = 0;
    printf("read rest: %zd \"%s\"\n", r, buf);
    printf("read at eof: %zd\n", read(fd, buf, 100));
    printf("lseek past end +100: %ld\n", (long)lseek(fd, 100, SEEK_END));
    SHOWERR("lseek negative", lseek(fd, -1000, SEEK_SET));

    /* pread / pwrite do not move the offset */
    lseek(fd, 3, SEEK_SET);
    printf("pwrite: %zd\n", pwrite(fd, "XYZ", 3, 20));
    memset(buf, 0, sizeof buf);
    printf("pread: %zd \"%s\"\n", pread(fd, buf, 8, 18), buf);
    printf("offset still: %ld\n", (long)lseek(fd, 0, SEEK_CUR));

    /* readv / writev */
    struct iovec iov[3] = {{"ab", 2}, {"", 0}, {"cdef", 4}};
    lseek(fd, 0, SEEK_END);
    printf("writev: %zd\n", writev(fd, iov, 3));
    char v1[3] = {0}, v2[5] = {0};
    struct iovec riov[2] = {{v1, 2}, {v2, 4}};
    printf("preadv: %zd \"%s\" \"%s\"\n", preadv(fd, riov, 2, 37), v1, v2);

    /* fstat / stat sizes and modes */
    CHECK(fstat(fd, &st) == 0);
    printf("fstat: size=%ld reg=%d mode=%04o nlink=%ld\n", (long)st.st_size,
           S_ISREG(st.st_mode), st.st_mode & 07777, (long)st.st_nlink);
    CHECK(ftruncate(fd, 1000) == 0);
    CHECK(stat("data.txt", &st) == 0);
    printf("after ftruncate: size=%ld\n", (long)st.st_size);
    CHECK(fchmod(fd, 0600) == 0);
    CHECK(fstatat(AT_FDCWD, "data.txt", &st, 0) == 0);
    printf("after fchmod: mode=%04o\n", st.st_mode & 07777);
    CHECK(fsync(fd) == 0);

    /* fcntl */
    int fl = fcntl(fd, F_GETFD);
    printf("F_GETFD initial: %d\n", fl);
    CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
    printf("F_GETFD after set: %d\n", fcntl(fd, F_GETFD));
    printf("F_GETFL accmode O_RDWR: %d\n", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
    CHECK(fcntl(fd, F_SETFL, O_APPEND) == 0);
    printf("F_GETFL has O_APPEND: %d\n", (fcntl(fd, F_GETFL) & O_APPEND) != 0);
    int fd20 = fcntl(fd, F_DUPFD, 20);
    printf("F_DUPFD >= 20: %d\n", fd20 >= 20);
    printf("dup'd fd has cloexec: %d\n", fcntl(fd20, F_GETFD));
    close(fd20);
    int fdc = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    printf("F_DUPFD_CLOEXEC cloexec: %d\n", fcntl(fdc, F_GETFD));
    close(fdc);
    CHECK(close(fd) == 0);
    SHOWERR("close again", close(fd));
    SHOWERR("read bad fd", read(fd, buf, 1));

    /* O_EXCL, O_APPEND semantics */
    SHOWERR("O_EXCL on existing", open("data.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    fd = open("app.txt", O_CREAT | O_WRONLY | O_APPEND, 0640);
    CHECK(fd >= 0);
    CHECK(write(fd, "one\n", 4) == 4);
    lseek(fd, 0, SEEK_SET);
    CHECK(write(fd, "two\n", 4) == 4);
    close(fd);
    fd = open("app.txt", O_RDONLY);
    memset(buf, 0, sizeof buf);
    r = read(fd, buf, sizeof buf - 1);
    printf("append file (%zd): %s", r, buf);
    CHECK(fstat(fd, &st) == 0);
    printf("app.txt mode=%04o size=%ld\n", st.st_mode & 07777, (long)st.st_size);
    SHOWERR("write to O_RDONLY", write(fd, "x", 1));

    /* dup2 */
    int d2 = dup2(fd, 10);
    printf("dup2 -> %d\n", d2);
    memset(buf, 0, sizeof buf);
    printf("pread via dup: %zd \"%.3s\"\n", pread(10, buf, 3, 4), buf);
    off_t o1 = lseek(10, 2, SEEK_SET);
    off_t o2 = lseek(fd, 0, SEEK_CUR);
    printf("shared offset: %ld %ld\n", (long)o1, (long)o2);
    close(10);
    close(fd);

    /* pipe */
    int p[2];
    CHECK(pipe(p) == 0);
    printf("pipe write: %zd\n", write(p[1], "ping-pong", 9));
    memset(buf, 0, sizeof buf);
    printf("pipe read: %zd \"%s\"\n", read(p[0], buf, sizeof buf), buf);
    SHOWERR("lseek on pipe", lseek(p[0], 0, SEEK_CUR));
    close(p[1]);
    printf("pipe read after close: %zd\n", read(p[0], buf, sizeof buf));
    close(p[0]);
    CHECK(pipe2(p, O_CLOEXEC) == 0);
    printf("pipe2 O_CLOEXEC: %d %d\n", fcntl(p[0], F_GETFD), fcntl(p[1], F_GETFD));
    close(p[0]);
    close(p[1]);

    /* mkdir / rename / unlink / stat errors */
    CHECK(mkdir("sub", 0755) == 0);
    CHECK(stat("sub", &st) == 0);
    printf("mkdir sub: isdir=%d mode=%04o\n", S_ISDIR(st.st_mode), st.st_mode & 07777);
    SHOWERR("mkdir again", mkdir("sub", 0755));
    CHECK(mkdir("sub/inner", 0700) == 0);
    CHECK(rename("app.txt", "sub/moved.txt") == 0);
    SHOWERR("stat old name", stat("app.txt", &st));
    CHECK(stat("sub/moved.txt", &st) == 0);
    printf("stat new name: size=%ld\n", (long)st.st_size);
    SHOWERR("rmdir non-empty", rmdir("sub"));
    SHOWERR("open missing", open("nope/x", O_RDONLY));
    SHOWERR("open file as dir", open("data.txt/x", O_RDONLY));

    /* symlink / readlink / lstat */
    CHECK(symlink("data.txt", "link") == 0);
    memset(buf, 0, sizeof buf);
    r = readlink("link", buf, sizeof buf);
    printf("readlink: %zd \"%s\"\n", r, buf);
    memset(buf, 0, sizeof buf);
    r = readlink("link", buf, 4);
    printf("readlink truncated: %zd \"%s\"\n", r, buf);
    SHOWERR("readlink non-link", readlink("data.txt", buf, sizeof buf));
    CHECK(lstat("link", &st) == 0);
    printf("lstat link: islnk=%d size=%ld\n", S_ISLNK(st.st_mode), (long)st.st_size);
    CHECK(stat("link", &st) == 0);
    printf("stat through link: isreg=%d size=%ld\n", S_ISREG(st.st_mode), (long)st.st_size);
    CHECK(link("data.txt", "hard") == 0);
    CHECK(stat("data.txt", &st) == 0);
    printf("nlink after link: %ld\n", (long)st.st_nlink);

    /* readdir */
    fd = open("c-file", O_CREAT | O_WRONLY, 0644);
    close(fd);
    list_dir(".");
    list_dir("sub");

    /* openat relative to a directory fd */
    int dfd = open("sub", O_RDONLY | O_DIRECTORY);
    CHECK(dfd >= 0);
    fd = openat(dfd, "moved.txt", O_RDONLY);
    memset(buf, 0, sizeof buf);
    r = read(fd, buf, 3);
    printf("openat read: %zd \"%s\"\n", r, buf);
    close(fd);
    CHECK(unlinkat(dfd, "moved.txt", 0) == 0);
    CHECK(unlinkat(dfd, "inner", AT_REMOVEDIR) == 0);
    close(dfd);

    /* access */
    printf("access F_OK data: %d\n", access("data.txt", F_OK));
    printf("access R_OK|W_OK data: %d\n", access("data.txt", R_OK | W_OK));
    SHOWERR("access X_OK data (0600)", access("data.txt", X_OK));
    SHOWERR("access missing", access("missing", F_OK));
    printf("access X_OK dir: %d\n", access("sub", X_OK));

    /* chdir into a subdirectory and back via .. */
    CHECK(chdir("sub") == 0);
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    snprintf(path, sizeof path, "%s/sub", dir);
    printf("cwd in sub matches: %s\n", strcmp(cwd, path) == 0 ? "yes" : "no");
    CHECK(chdir("..") == 0);

    /* cleanup */
    const char *files[] = {"data.txt", "link", "hard", "c-file"};
    for (unsigned i = 0; i < sizeof files / sizeof files[0]; i++)
        CHECK(unlink(files[i]) == 0);
    SHOWERR("unlink missing", unlink("data.txt"));
    CHECK(rmdir("sub") == 0);
    list_dir(".");
    CHECK(chdir(oldcwd) == 0);
    CHECK(rmdir(dir) == 0);
    snprintf(path2, sizeof path2, "%s", dir);
    errno = 0;
    printf("tmpdir removed: %s\n", stat(path2, &st) != 0 && errno == ENOENT ? "yes" : "no");
    printf("failures: %d\n", failures);
    return failures != 0;
}
