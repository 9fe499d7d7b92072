/* net: a TCP echo over loopback between a forked child and its parent, socketpair with sendmsg/recvmsg and an
   SCM_RIGHTS descriptor, epoll readiness, eventfd counting, and getsockname/getpeername. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    bind(ls, (struct sockaddr *)&sa, sizeof sa);
    listen(ls, 1);
    socklen_t len = sizeof sa;
    getsockname(ls, (struct sockaddr *)&sa, &len);
    printf("listening on loopback: %s, port assigned: %s\n", inet_ntoa(sa.sin_addr), ntohs(sa.sin_port) ? "yes" : "no");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        connect(s, (struct sockaddr *)&sa, sizeof sa);
        send(s, "ping over tcp", 13, 0);
        char b[32] = {0};
        recv(s, b, 13, MSG_WAITALL);
        printf("child got back: %s\n", b);
        fflush(stdout);
        _exit(0);
    }
    int cs = accept(ls, NULL, NULL);
    struct sockaddr_in peer;
    len = sizeof peer;
    getpeername(cs, (struct sockaddr *)&peer, &len);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull};
    epoll_ctl(ep, EPOLL_CTL_ADD, cs, &ev);
    struct epoll_event out[2];
    int n = epoll_wait(ep, out, 2, 5000);
    printf("epoll: %d ready, data intact: %s, peer is loopback: %s\n", n,
           n == 1 && out[0].data.u64 == 0x1122334455667788ull ? "yes" : "no",
           peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK) ? "yes" : "no");
    char b[32] = {0};
    ssize_t got = recv(cs, b, 13, MSG_WAITALL);
    for (ssize_t i = 0; i < got; i++)
        b[i] = (char)(b[i] >= 'a' && b[i] <= 'z' ? b[i] - 32 : b[i]);
    send(cs, b, (size_t)got, 0);
    int st;
    waitpid(pid, &st, 0);
    fflush(stdout);

    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int efd = eventfd(0, 0);
    char data[] = "with fd";
    struct iovec iov = {data, sizeof data};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
    cm->cmsg_level = SOL_SOCKET, cm->cmsg_type = SCM_RIGHTS, cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &efd, sizeof efd);
    sendmsg(sv[0], &mh, 0);
    char rb[16] = {0};
    struct iovec riov = {rb, sizeof rb};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } rctl;
    struct msghdr rh = {.msg_iov = &riov, .msg_iovlen = 1, .msg_control = rctl.buf, .msg_controllen = sizeof rctl.buf};
    ssize_t rn = recvmsg(sv[1], &rh, 0);
    int passed = -1;
    struct cmsghdr *rc = CMSG_FIRSTHDR(&rh);
    if (rc && rc->cmsg_type == SCM_RIGHTS)
        memcpy(&passed, CMSG_DATA(rc), sizeof passed);
    uint64_t v = 5;
    write(efd, &v, 8);
    v = 0;
    read(passed, &v, 8);
    printf("recvmsg: %zd bytes '%s', passed fd works: %s\n", rn, rb, v == 5 ? "yes" : "no");
    return 0;
}
