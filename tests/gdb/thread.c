/* gdb test guest: a second thread hits a breakpoint in worker() while main waits in pthread_join. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

int shared;

void worker_mark(int v)
{
    shared = v;
}

void *worker(void *arg)
{
    int id = *(int *)arg;
    struct timespec ts = {0, 200000000}; /* main is in pthread_join by then, under xtrace and qemu alike */
    nanosleep(&ts, NULL);
    worker_mark(id * 100);
    return NULL;
}

int main(void)
{
    pthread_t t;
    int id = 7;
    pthread_create(&t, NULL, worker, &id);
    pthread_join(t, NULL);
    printf("shared=%d\n", shared);
    return 0;
}
