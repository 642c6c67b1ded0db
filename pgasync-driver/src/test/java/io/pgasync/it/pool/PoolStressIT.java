package io.pgasync.it.pool;

import static io.pgasync.it.pool.PoolTestSupport.assertSettled;
import static io.pgasync.it.pool.PoolTestSupport.await;
import static io.pgasync.it.pool.PoolTestSupport.backends;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.exception.DivisionByZeroException;
import io.pgasync.exception.PgPoolTimeoutException;
import io.pgasync.observability.PgPoolStats;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pool issue's stress run: 64 tasks on a pool of 8, each doing its operations one after the other, a random mix
 * of shortcut calls, held connections, transactions, failing queries, cancelled queries, acquires that time out or
 * are cancelled, and connections discarded; then every operation is accounted for and the pool has settled.
 *
 * <p>CI runs 64 x 300 operations; {@code -Dpgasync.stress.operations=10000} runs the 64 x 10,000.
 */
@PgTest
class PoolStressIT {

    private enum Outcome { VALUE, FAILED_QUERY, CANCELLED, ACQUIRE_TIMED_OUT, ACQUIRE_CANCELLED, DISCARDED }

    @Test
    void sixtyFourTasksOnAPoolOfEightAccountForEveryOperationAndLeaveThePoolSettled(PgTestServer server)
            throws Exception {
        String app = PoolTestSupport.appName("stress");
        int tasks = 64;
        int operations = Integer.getInteger("pgasync.stress.operations", 300);
        PgPool pool = PgPool.create(PoolTestSupport.options(server, app).minSize(2).maxSize(8)
                .acquireTimeout(Duration.ofSeconds(30)).maxPendingAcquires(tasks).build());
        try {
            Map<Outcome, AtomicLong> outcomes = new ConcurrentHashMap<>();
            for (Outcome o : Outcome.values()) {
                outcomes.put(o, new AtomicLong());
            }
            AtomicLong crossTalk = new AtomicLong();
            List<Throwable> unexpected = new CopyOnWriteArrayList<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                int task = t;
                Thread worker = new Thread(() -> {
                    for (int i = 0; i < operations; i++) {
                        int marker = task * 1_000_000 + i;
                        try {
                            Outcome outcome = operate(pool, marker, crossTalk);
                            outcomes.get(outcome).incrementAndGet();
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                }, "stress-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join(TimeUnit.MINUTES.toMillis(10));
                assertThat(worker.isAlive()).as("task finished").isFalse();
            }
            if (operations > 1000) { // a long run: show what it did
                System.out.println("PoolStressIT: " + tasks + " x " + operations + " operations: " + outcomes);
            }
            assertThat(unexpected).isEmpty();
            assertThat(crossTalk.get()).isZero();
            long accounted = outcomes.values().stream().mapToLong(AtomicLong::get).sum();
            assertThat(accounted).isEqualTo((long) tasks * operations);
            assertThat(outcomes.get(Outcome.VALUE).get()).isGreaterThan(accounted / 3);
            assertThat(outcomes.get(Outcome.FAILED_QUERY).get()).isPositive();
            assertSettled(server, pool, app);
            PgPoolStats stats = pool.stats();
            assertThat(stats.size()).isBetween(2, 8);
            assertThat(stats.idle()).isEqualTo(stats.size());
            assertThat(stats.pending()).isZero();
            assertThat(stats.totalCreated() - stats.totalClosed()).isEqualTo(stats.size());
        } finally {
            await(pool.close(Duration.ofSeconds(10)));
        }
        assertThat(backends(server, app)).isZero();
    }

    /** One operation, chosen at random; returns how it ended, or throws what no operation may end with. */
    private static Outcome operate(PgPool pool, int marker, AtomicLong crossTalk) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int roll = random.nextInt(100);
        int kind = roll < 10 ? 0 : roll < 20 ? 1 : roll < 30 ? 2 : roll < 35 ? 3 : roll < 36 ? 4 : roll < 41 ? 5
                : roll < 51 ? 6 : 7; // discards (new connections: a fork and an authentication each) are rare
        switch (kind) {
            case 0 -> { // a failing query through a shortcut
                Throwable e = failure(pool.fetchVal("SELECT $1::int / 0", marker));
                if (!(e instanceof DivisionByZeroException)) {
                    throw new AssertionError("expected division by zero", e);
                }
                return Outcome.FAILED_QUERY;
            }
            case 1 -> { // a query cancelled while it runs or waits for a connection
                CompletableFuture<Object> f = pool.fetchVal("SELECT $1::int FROM pg_sleep(0.005)", marker);
                if (random.nextBoolean()) {
                    Thread.onSpinWait();
                }
                if (f.cancel(true)) {
                    return Outcome.CANCELLED;
                }
                check(f.get(30, TimeUnit.SECONDS), marker, crossTalk);
                return Outcome.VALUE;
            }
            case 2 -> { // an acquire with a short timeout: served, or timed out
                CompletableFuture<PgPooledConnection> f = pool.acquire(Duration.ofMillis(random.nextInt(1, 20)));
                PgPooledConnection c;
                try {
                    c = f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PgPoolTimeoutException) {
                        return Outcome.ACQUIRE_TIMED_OUT;
                    }
                    throw e;
                }
                try {
                    check(c.fetchVal("SELECT $1::int", marker).get(30, TimeUnit.SECONDS), marker, crossTalk);
                } finally {
                    c.release();
                }
                return Outcome.VALUE;
            }
            case 3 -> { // an acquire given up at once
                CompletableFuture<PgPooledConnection> f = pool.acquire();
                if (f.cancel(false)) {
                    return Outcome.ACQUIRE_CANCELLED;
                }
                f.join().release();
                return Outcome.VALUE;
            }
            case 4 -> { // a held connection discarded instead of released
                PgPooledConnection c = pool.acquire().get(30, TimeUnit.SECONDS);
                check(c.fetchVal("SELECT $1::int", marker).get(30, TimeUnit.SECONDS), marker, crossTalk);
                c.terminate();
                return Outcome.DISCARDED;
            }
            case 5 -> { // a transaction that fails and rolls back
                Throwable e = failure(pool.withTransaction(c -> c.execute("SET LOCAL statement_timeout = '5s'")
                        .thenCompose(s -> c.fetchVal("SELECT 1 / $1::int", 0))));
                if (!(e instanceof DivisionByZeroException)) {
                    throw new AssertionError("expected division by zero", e);
                }
                return Outcome.FAILED_QUERY;
            }
            case 6 -> { // a transaction that commits
                Object value = pool.withTransaction(c -> c.fetchVal("SELECT $1::int", marker))
                        .get(30, TimeUnit.SECONDS);
                check(value, marker, crossTalk);
                return Outcome.VALUE;
            }
            default -> { // the common case: a shortcut call
                check(pool.fetchVal("SELECT $1::int", marker).get(30, TimeUnit.SECONDS), marker, crossTalk);
                return Outcome.VALUE;
            }
        }
    }

    private static void check(Object value, int marker, AtomicLong crossTalk) {
        if (!Integer.valueOf(marker).equals(value)) {
            crossTalk.incrementAndGet(); // someone else's answer, or none
        }
    }

    private static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the operation did not end within 30 s", e);
        } catch (CancellationException e) {
            throw new AssertionError("unexpectedly cancelled", e);
        }
    }
}
