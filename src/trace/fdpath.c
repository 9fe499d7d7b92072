/* -y and -yy: what a descriptor refers to, read at decode time from /proc/self/fd, with socket endpoints from /proc/net. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "trace_int.h"

/* "a.b.c.d:port" or "[v6]:port" from /proc/net/tcp's hex "ADDR:PORT" (addresses in host order words). */
static void net_endpoint(struct sbuf *b, const char *hex, int v6)
{
    char addr[40];
    unsigned port = 0;
    const char *colon = strchr(hex, ':');
    if (!colon || (size_t)(colon - hex) >= sizeof addr)
        return;
    memcpy(addr, hex, (size_t)(colon - hex));
    addr[colon - hex] = 0;
    port = (unsigned)strtoul(colon + 1, NULL, 16);
    if (!v6) {
        /* the kernel prints the address word as the host reads it, so its bytes are in memory order */
        uint32_t w = (uint32_t)strtoul(addr, NULL, 16);
        unsigned char *p = (unsigned char *)&w;
        sb_printf(b, "%u.%u.%u.%u:%u", p[0], p[1], p[2], p[3], port);
        return;
    }
    unsigned char bytes[16];
    for (int i = 0; i < 4; i++) {
        char word[9];
        memcpy(word, addr + 8 * i, 8);
        word[8] = 0;
        uint32_t w = (uint32_t)strtoul(word, NULL, 16);
        memcpy(bytes + 4 * i, &w, 4);
    }
    sb_putc(b, '[');
    for (int i = 0; i < 16; i += 2) {
        unsigned v = (unsigned)bytes[i] << 8 | bytes[i + 1];
        sb_printf(b, i ? ":%x" : "%x", v);
    }
    sb_printf(b, "]:%u", port);
}

static int all_zero_addr(const char *hex)
{
    for (; *hex && *hex != ':'; hex++)
        if (*hex != '0')
            return 0;
    return 1;
}

/* TCP/UDP: looks inode up in /proc/net/FILE; 1 when found and printed. */
static int inet_socket(struct sbuf *b, const char *file, const char *proto, unsigned long inode, int v6)
{
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/net/%s", file);
    FILE *f = fopen(path, "re");
    if (!f)
        return 0;
    int found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        char local[64], remote[64];
        unsigned long ino;
        if (sscanf(line, " %*d: %63s %63s %*x %*s %*s %*s %*d %*d %lu", local, remote, &ino) != 3 || ino != inode)
            continue;
        found = 1;
        sb_printf(b, "%s:[", proto);
        if (all_zero_addr(local) && !strcmp(strchr(local, ':'), ":0000")) {
            sb_printf(b, "%lu", inode);
        } else {
            net_endpoint(b, local, v6);
            if (!all_zero_addr(remote) || strcmp(strchr(remote, ':'), ":0000")) {
                sb_puts(b, "->");
                net_endpoint(b, remote, v6);
            }
        }
        sb_putc(b, ']');
    }
    fclose(f);
    return found;
}

static int unix_socket(struct sbuf *b, unsigned long inode)
{
    char line[4200];
    FILE *f = fopen("/proc/net/unix", "re");
    if (!f)
        return 0;
    int found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        unsigned type;
        unsigned long ino;
        int pos = 0;
        if (sscanf(line, "%*s %*x %*x %*x %x %*x %lu%n", &type, &ino, &pos) != 2 || ino != inode)
            continue;
        found = 1;
        const char *kind = type == 1 ? "STREAM" : type == 2 ? "DGRAM" : type == 5 ? "SEQPACKET" : "UNKNOWN";
        sb_printf(b, "UNIX-%s:[%lu", kind, inode);
        char *path = line + pos;
        while (*path == ' ')
            path++;
        path[strcspn(path, "\n")] = 0;
        if (*path) {
            sb_puts(b, ",");
            pr_quote(b, (const unsigned char *)path, strlen(path), 0);
        }
        sb_putc(b, ']');
    }
    fclose(f);
    return found;
}

void pr_fd(struct pctx *c, struct sbuf *b, int fd)
{
    sb_printf(b, "%d", fd);
    if (!c->t->fd_paths || fd < 0)
        return;
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0)
        return;
    target[n] = 0;
    unsigned long inode;
    sb_putc(b, '<');
    if (c->t->fd_paths >= 2 && sscanf(target, "socket:[%lu]", &inode) == 1) {
        if (inet_socket(b, "tcp", "TCP", inode, 0) || inet_socket(b, "tcp6", "TCPv6", inode, 1) ||
            inet_socket(b, "udp", "UDP", inode, 0) || inet_socket(b, "udp6", "UDPv6", inode, 1) ||
            unix_socket(b, inode)) {
            sb_putc(b, '>');
            return;
        }
        /* not bound or connected yet: the protocol's name, as the socket's inode tells it */
        char proto[32];
        ssize_t pn = getxattr(link, "system.sockprotoname", proto, sizeof proto - 1);
        if (pn > 0) {
            proto[pn] = 0;
            sb_printf(b, "%s:[%lu]>", proto, inode);
            return;
        }
    }
    sb_puts(b, target);
    sb_putc(b, '>');
}
