/* A board's UART: a socket or pty, read by a thread into a history buffer, logged with timestamps, echoed or polled. */
#ifndef XTRACE_REMOTE_UART_H
#define XTRACE_REMOTE_UART_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define UART_KEEP (1u << 20)     /* bytes of history kept for the console and uart expect */

struct uart {
    int fd;                      /* the connection (-1 when closed) */
    char spec[256];              /* what it is (tcp:HOST:PORT, unix:PATH, pty:/dev/pts/N) */
    pthread_t th;                /* the reader */
    int started;                 /* th runs */
    int stop[2];                 /* pipe that ends the reader */
    int wake[2];                 /* pipe: readable when bytes arrived (the TUI polls it) */
    pthread_mutex_t mu;          /* protects everything below */
    pthread_cond_t cv;           /* signalled when bytes arrive or the connection closes */
    char *ring;                  /* the last UART_KEEP bytes */
    uint64_t total;              /* bytes received since the start (stream offset of the end) */
    int closed;                  /* the other side went away */
    struct timespec t0;          /* when the UART was opened (log timestamps) */
    struct timespec last;        /* when the last byte arrived */
    FILE *log;                   /* --uart-log file, or NULL */
    int log_bol;                 /* the log is at the start of a line */
    FILE *echo;                  /* line mode: received bytes are copied here as they arrive, or NULL */
    volatile int busy;           /* the reader holds bytes it has not stored yet */
};

/* Connects to tcp:HOST:PORT (or HOST:PORT), unix:PATH or pty:PATH (or a /dev path); starts the reader.
   logpath may be NULL. Returns 0 or -1 with a message in err. */
int uart_open(struct uart *u, const char *spec, const char *logpath, char *err, size_t errsz);
/* Sends bytes to the board; returns 0 or -1 when the connection is gone. */
int uart_send(struct uart *u, const void *buf, size_t n);
/* Copies bytes from stream offset *pos (moved up to the oldest byte kept) into buf; advances *pos. */
size_t uart_read(struct uart *u, uint64_t *pos, char *buf, size_t n);
/* Waits until bytes past pos arrived: 1, 0 on timeout, -1 when the connection is closed and nothing is left. */
int uart_wait(struct uart *u, uint64_t pos, int timeout_ms);
/* Stream offset of the end, and milliseconds since the last byte (since the start when none came). */
uint64_t uart_total(struct uart *u);
long uart_idle_ms(struct uart *u);
/* Waits (up to max_ms) until the bytes already sent to us are stored and echoed: a stop report printed
   after this comes after the console output that preceded the stop. */
void uart_settle(struct uart *u, int max_ms);
/* Empties the wake pipe (after reading what it announced). */
void uart_drain_wake(struct uart *u);
/* Stops the reader and closes everything. */
void uart_close(struct uart *u);

#endif
