/* threads: pthread create/join, mutex + condvar, atomic counters, thread-local storage and a barrier across 4 threads. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define NT 4
#define ITERS 20000

static atomic_long atomic_total;
static long mutex_total;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;
static pthread_barrier_t bar;
static __thread long tls_value = 5;

static void *worker(void *arg)
{
    long id = (long)arg;
    tls_value += id * 100;
    pthread_barrier_wait(&bar);
    for (int i = 0; i < ITERS; i++) {
        atomic_fetch_add(&atomic_total, 1);
        pthread_mutex_lock(&mu);
        mutex_total += 2;
        pthread_mutex_unlock(&mu);
    }
    pthread_mutex_lock(&mu);
    ready++;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return (void *)(tls_value);
}

int main(void)
{
    pthread_t t[NT];
    pthread_barrier_init(&bar, NULL, NT);
    for (long i = 0; i < NT; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i) != 0)
            printf("pthread_create failed\n");
    pthread_mutex_lock(&mu);
    while (ready < NT)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    long tls_sum = 0;
    for (int i = 0; i < NT; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        tls_sum += (long)ret;
    }
    printf("atomic total: %ld (expected %d)\n", atomic_load(&atomic_total), NT * ITERS);
    printf("mutex total: %ld (expected %d)\n", mutex_total, 2 * NT * ITERS);
    printf("thread-local results sum: %ld, main's tls untouched: %ld\n", tls_sum, tls_value);
    pthread_barrier_destroy(&bar);
    return 0;
}
