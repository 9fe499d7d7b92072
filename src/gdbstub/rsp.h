/* RSP framing: a byte-fed parser for $payload#xx packets (acks, escapes, 0x03) and a reply builder. */
#ifndef XTRACE_RSP_H
#define XTRACE_RSP_H

#include <stddef.h>
#include <stdint.h>

#define RSP_PACKET_SIZE 0x4000   /* the PacketSize we advertise: longest payload accepted */

/* What one fed byte completed. */
enum rsp_event {
    RSP_NONE = 0,                /* nothing yet */
    RSP_PACKET,                  /* a well-formed packet is in buf/len (already acked) */
    RSP_INTERRUPT,               /* a 0x03 byte outside a packet */
    RSP_ACK,                     /* '+' from the peer */
    RSP_NAK,                     /* '-' from the peer: the last reply was retransmitted */
    RSP_BAD_CHECKSUM,            /* a packet failed its checksum (NAKed in ack mode) */
    RSP_OVERSIZE,                /* a packet longer than RSP_PACKET_SIZE (acked, payload dropped) */
};

/* Writes bytes to the peer; returns 0, or -1 once the peer is gone. */
typedef int (*rsp_write_fn)(void *ctx, const void *buf, size_t len);

struct rsp {
    int state;                   /* parser state (rsp.c) */
    unsigned char buf[RSP_PACKET_SIZE + 1]; /* unescaped payload of the packet being read, NUL-terminated */
    size_t len;                  /* payload bytes in buf */
    size_t raw;                  /* raw payload bytes seen (escapes included) */
    uint8_t sum;                 /* running checksum of the raw payload */
    uint8_t csum;                /* checksum digits received so far */
    int noack;                   /* QStartNoAckMode is in force */
    rsp_write_fn write;          /* transport */
    void *ctx;                   /* its argument */
    char *out;                   /* reply payload being built (escaped as it goes) */
    size_t out_len, out_cap;     /* its length and capacity */
    char *last;                  /* last framed packet sent, for a NAK's retransmission */
    size_t last_len;             /* its length */
    int dead;                    /* a write failed: the peer is gone */
    unsigned long garbage;       /* bytes ignored outside packets */
};

/* Prepares r for a new connection (ack mode, empty buffers). */
void rsp_init(struct rsp *r, rsp_write_fn write, void *ctx);
/* Frees the reply buffers. */
void rsp_free(struct rsp *r);
/* Feeds one received byte; returns what it completed. */
enum rsp_event rsp_feed(struct rsp *r, uint8_t byte);

/* Reply building: start, append text, hex of bytes, escaped binary, printf; then send it framed. */
void rsp_begin(struct rsp *r);
void rsp_puts(struct rsp *r, const char *s);
void rsp_putn(struct rsp *r, const char *s, size_t n);
void rsp_hex(struct rsp *r, const void *bytes, size_t n);
void rsp_bin(struct rsp *r, const void *bytes, size_t n);
void rsp_printf(struct rsp *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Frames and sends the reply built so far; returns 0 or -1 when the peer is gone. */
int rsp_send(struct rsp *r);
/* Sends one complete reply given as text. */
int rsp_reply(struct rsp *r, const char *text);

/* Hex helpers for packet arguments: digit value or -1; parses hex digits at *s (up to end) into *v,
   advancing *s; returns the number of digits read (0 = none, -1 = overflow). */
int rsp_hexval(int c);
int rsp_parse_hex(const char **s, const char *end, uint64_t *v);
/* Decodes n*2 hex digits into n bytes; returns 0 or -1 on a bad digit. */
int rsp_unhex(const char *s, void *out, size_t n);

#endif
