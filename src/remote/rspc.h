/* RSP client transport: connects to a gdbstub, frames and acks packets, decodes escapes and run-length encoding. */
#ifndef XTRACE_REMOTE_RSPC_H
#define XTRACE_REMOTE_RSPC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define RSPC_QUEUE 16            /* received packets held before someone asks for them */

struct rspc {
    int fd;                      /* the connection, -1 when closed */
    int noack;                   /* QStartNoAckMode is in force */
    int dead;                    /* the peer closed the connection or a write failed */
    size_t packet_size;          /* the stub's PacketSize (longest packet it takes) */
    unsigned char *in;           /* received bytes not parsed yet */
    size_t in_len, in_cap;       /* their count and the buffer size */
    char *q[RSPC_QUEUE];         /* decoded packets waiting (NUL-terminated, may hold NULs: see qlen) */
    size_t qlen[RSPC_QUEUE];     /* their lengths */
    int qhead, qn;               /* queue ring */
    char *pkt;                   /* the packet last returned by rspc_recv (owned) */
    size_t pkt_len;              /* its length */
    int acks, naks;              /* acknowledgements seen since the last send */
    unsigned long bad;           /* packets dropped for a bad checksum */
    char *last;                  /* last packet sent (framed), for a retransmission after '-' */
    size_t last_len;             /* its length */
    FILE *log;                   /* $XTRACE_RSP_LOG: every packet both ways, or NULL */
};

/* Connects to HOST:PORT, :PORT, PORT or unix:PATH; returns 0, or -1 with a message in err. */
int rspc_connect(struct rspc *c, const char *spec, char *err, size_t errsz);
/* Closes the connection and frees the buffers. */
void rspc_close(struct rspc *c);
/* Frames and sends payload (already escaped where binary); in ack mode waits for the stub's '+' and
   retransmits after '-'. Returns 0 or -1 when the connection is gone or the stub never acknowledged. */
int rspc_send(struct rspc *c, const char *payload, size_t n);
/* Sends a NUL-terminated payload. */
int rspc_sends(struct rspc *c, const char *payload);
/* Waits up to timeout_ms (-1 forever) for the next packet: 1 with it in c->pkt/pkt_len, 0 on timeout,
   -1 when the connection closed. */
int rspc_recv(struct rspc *c, int timeout_ms);
/* Sends the interrupt byte (0x03); returns 0 or -1. */
int rspc_interrupt(struct rspc *c);
/* Reads whatever arrived without blocking (parsing packets into the queue); -1 when closed. */
int rspc_pump(struct rspc *c);

/* Appends payload bytes escaped for a binary packet ('#', '$', '}', '*' as '}' x^0x20) into out[cap];
   returns the escaped length, or 0 when it does not fit. */
size_t rspc_escape(const void *src, size_t n, char *out, size_t cap);
/* Hex helpers: bytes to lower-case hex (out gets 2n+1 bytes); hex to bytes (returns bytes decoded). */
void rspc_tohex(const void *src, size_t n, char *out);
size_t rspc_fromhex(const char *s, size_t slen, void *dst, size_t cap);

#endif
