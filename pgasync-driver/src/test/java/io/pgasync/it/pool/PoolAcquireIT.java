package io.pgasync.it.pool;

import static io.pgasync.it.pool.PoolTestSupport.abbreviate;
import static io.pgasync.it.pool.PoolTestSupport.assertSettled;
import static io.pgasync.it.pool.PoolTestSupport.await;
import static io.pgasync.it.pool.PoolTestSupport.awaitTrue;
import static io.pgasync.it.pool.PoolTestSupport.backends;
import static io.pgasync.it.pool.PoolTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.exception.PgConnectionReleasedException;
import io.pgasync.exception.PgPoolQueueFullException;
import io.pgasync.exception.PgPoolTimeoutException;
import io.pgasync.exception.QueryCanceledException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Acquire and release against PostgreSQL: bounds, fairness, cancellation, and work that always releases. */
@PgTest
class PoolAcquireIT {

    private PgTestServer server;
    private String app;
    private PgPool pool;

    @BeforeEach
    void setUp(PgTestServer server, TestInfo info) {
        this.server = server;
        this.app = PoolTestSupport.appName(abbreviate(info.getTestMethod().orElseThrow().getName()));
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            await(pool.close(Duration.ofSeconds(5)));
            assertThat(backends(server, app)).isZero();
        }
    }

    @Test
    void acquireAndReleaseKeepExactFiguresAndOneBackendPerConnection() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(2).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 2);
        try (PgPooledConnection a = await(pool.acquire()); PgPooledConnection b = await(pool.acquire())) {
            assertThat(a.getServerPid()).isNotEqualTo(b.getServerPid());
            assertThat(await(a.fetchVal("SELECT $1::int", 1))).isEqualTo(1);
            assertThat(pool.getAcquiredSize()).isEqualTo(2);
            assertThat(backends(server, app)).isEqualTo(2);
        }
        assertSettled(server, pool, app);
        assertThat(pool.getSize()).isEqualTo(2);
    }

    /** POOL-01: every waiter on an exhausted pool fails at its timeout, not later, and the pending count drains. */
    @Test
    void everyWaiterOnAnExhaustedPoolFailsAtItsTimeout() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(2).build());
        PgPooledConnection a = await(pool.acquire());
        PgPooledConnection b = await(pool.acquire());
        int waiters = 100;
        long timeoutMillis = 500;
        List<CompletableFuture<PgPooledConnection>> futures = new ArrayList<>();
        long[] started = new long[waiters];
        long[] elapsed = new long[waiters];
        for (int i = 0; i < waiters; i++) {
            int n = i;
            started[i] = System.nanoTime();
            CompletableFuture<PgPooledConnection> f = pool.acquire(Duration.ofMillis(timeoutMillis));
            f.whenComplete((c, e) -> elapsed[n] = System.nanoTime() - started[n]);
            futures.add(f);
        }
        assertThat(pool.getPendingAcquires()).isEqualTo(waiters);
        long worst = 0;
        for (int i = 0; i < waiters; i++) {
            Throwable error = failure(futures.get(i));
            assertThat(error).isInstanceOf(PgPoolTimeoutException.class).hasMessageContaining("exhausted")
                    .hasMessageContaining("2 of 2 connections in use");
            worst = Math.max(worst, TimeUnit.NANOSECONDS.toMillis(elapsed[i]));
            assertThat(TimeUnit.NANOSECONDS.toMillis(elapsed[i])).isGreaterThanOrEqualTo(timeoutMillis);
        }
        // reliability.md section 8: timeout + 200 ms at worst (the target is +50 ms at p99.9 on a quiet machine)
        assertThat(worst).isLessThanOrEqualTo(timeoutMillis + 200);
        assertThat(pool.getPendingAcquires()).isZero();
        assertThat(pool.stats().totalAcquireTimeouts()).isEqualTo(waiters);
        a.close();
        b.close();
        assertSettled(server, pool, app);
    }

    @Test
    void aFullWaiterQueueRefusesAtOnce() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).maxPendingAcquires(2).build());
        PgPooledConnection held = await(pool.acquire());
        CompletableFuture<PgPooledConnection> first = pool.acquire();
        CompletableFuture<PgPooledConnection> second = pool.acquire();
        CompletableFuture<PgPooledConnection> third = pool.acquire();
        assertThat(third).isCompletedExceptionally();
        assertThat(failure(third)).isInstanceOf(PgPoolQueueFullException.class)
                .hasMessageContaining("maxPendingAcquires");
        held.close();
        await(first).close();
        await(second).close();
        assertSettled(server, pool, app);
    }

    /** POOL-02: waiters get connections in the order they asked. */
    @Test
    void waitersAreServedFirstComeFirstServed() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(2).build());
        PgPooledConnection a = await(pool.acquire());
        PgPooledConnection b = await(pool.acquire());
        List<Integer> served = new CopyOnWriteArrayList<>();
        List<CompletableFuture<String>> work = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            work.add(pool.acquire().thenCompose(c -> {
                served.add(n);
                return c.execute("SELECT 1").whenComplete((s, e) -> c.release());
            }));
        }
        a.release();
        b.release();
        for (CompletableFuture<String> w : work) {
            await(w);
        }
        for (int i = 0; i < served.size(); i++) {
            // two connections serve the queue: each waiter is served within one place of its arrival
            assertThat(Math.abs(served.get(i) - i)).isLessThanOrEqualTo(1);
        }
        assertSettled(server, pool, app);
    }

    /** POOL-06, queued stage: a cancelled waiter never takes the connection that arrives later. */
    @Test
    void cancellingAQueuedAcquireLosesNothing() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        PgPooledConnection held = await(pool.acquire());
        List<CompletableFuture<PgPooledConnection>> cancelled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cancelled.add(pool.acquire());
        }
        CompletableFuture<PgPooledConnection> survivor = pool.acquire();
        for (CompletableFuture<PgPooledConnection> f : cancelled) {
            assertThat(f.cancel(false)).isTrue();
        }
        assertThat(pool.getPendingAcquires()).isEqualTo(1);
        int pid = held.getServerPid();
        held.release();
        PgPooledConnection next = await(survivor);
        assertThat(next.getServerPid()).isEqualTo(pid);
        next.release();
        assertSettled(server, pool, app);
        assertThat(pool.getSize()).isEqualTo(1);
    }

    @Test
    void cancellingAnAcquireWhileItsConnectionIsOpenedKeepsThatConnection() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(2).build());
        for (int i = 0; i < 20; i++) {
            CompletableFuture<PgPooledConnection> f = pool.acquire();
            if (!f.cancel(false)) {
                await(f).release();
            }
        }
        awaitTrue("opened connections are idle", () -> pool.stats().creating() == 0);
        assertSettled(server, pool, app);
        assertThat(pool.getSize()).isBetween(1, 2);
    }

    @Test
    void withConnectionReleasesWhenTheWorkThrows() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        Throwable error = failure(pool.withConnection(c -> {
            throw new IllegalStateException("work threw");
        }));
        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessage("work threw");
        assertSettled(server, pool, app);
        assertThat(await(pool.fetchVal("SELECT 41 + 1"))).isEqualTo(42);
    }

    @Test
    void withConnectionReleasesWhenTheWorkFails() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        Throwable error = failure(pool.withConnection(c -> c.execute("SELECT * FROM no_such_table_here")));
        assertThat(error).hasMessageContaining("no_such_table_here");
        assertSettled(server, pool, app);
        assertThat(await(pool.fetchVal("SELECT 'still usable'"))).isEqualTo("still usable");
    }

    @Test
    void cancellingWithConnectionCancelsTheQueryAndReleasesTheConnection() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        AtomicInteger pid = new AtomicInteger();
        CompletableFuture<Object> running = pool.withConnection(c -> {
            pid.set(c.getServerPid());
            return c.fetchVal("SELECT pg_sleep(30)");
        });
        awaitTrue("the query runs", () -> pid.get() != 0 && !server.queryColumn(
                "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND pid = " + pid.get()).isEmpty());
        assertThat(running.cancel(true)).isTrue();
        // the server stops the query, the connection comes back clean and answers the next borrower correctly
        Object mine = await(pool.withConnection(c -> c.fetchVal("SELECT $1::text", "mine")));
        assertThat(mine).isEqualTo("mine");
        assertSettled(server, pool, app);
        assertThat(pool.getSize()).isEqualTo(1);
    }

    @Test
    void withTransactionCommitsOrRollsBackAndAlwaysReleases() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        await(pool.execute("DROP TABLE IF EXISTS pool_tx; CREATE TABLE pool_tx (v int)"));
        await(pool.withTransaction(c -> c.execute("INSERT INTO pool_tx VALUES (1)")));
        Throwable error = failure(pool.withTransaction(c -> c.execute("INSERT INTO pool_tx VALUES (2)")
                .thenCompose(s -> c.execute("SELECT 1/0"))));
        assertThat(error).hasMessageContaining("division by zero");
        assertThat(await(pool.fetchVal("SELECT string_agg(v::text, ',') FROM pool_tx"))).isEqualTo("1");
        await(pool.execute("DROP TABLE pool_tx"));
        assertSettled(server, pool, app);
    }

    @Test
    void theShortcutsRunOnAPooledConnection() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(2).build());
        assertThat(await(pool.execute("SELECT 1"))).isEqualTo("SELECT 1");
        assertThat(await(pool.execute("SELECT $1::int", 5))).isEqualTo("SELECT 1");
        assertThat(await(pool.executeMany("SELECT $1::int", List.of(List.of(1), List.of(2))))).isNotNull();
        assertThat(await(pool.fetch("SELECT g FROM generate_series(1, 3) g"))).hasSize(3);
        assertThat(await(pool.fetch(r -> r.getInteger(0), "SELECT g FROM generate_series(1, 3) g")))
                .containsExactly(1, 2, 3);
        assertThat(await(pool.fetchRow("SELECT 7 AS x")).getInteger("x")).isEqualTo(7);
        Integer eight = await(pool.fetchRow(r -> r.getInteger(0), "SELECT 8"));
        assertThat(eight).isEqualTo(8);
        assertThat(await(pool.fetchVal("SELECT 9"))).isEqualTo(9);
        assertThat(await(pool.fetchVal("SELECT 10", Long.class))).isEqualTo(10L);
        assertSettled(server, pool, app);
    }

    @Test
    void aReleasedConnectionRefusesCallsAndAConnectionIsNeverInTwoHands() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        PgPooledConnection first = await(pool.acquire());
        await(first.release());
        PgPooledConnection second = await(pool.acquire());
        assertThat(failure(first.fetchVal("SELECT 1"))).isInstanceOf(PgConnectionReleasedException.class);
        assertThat(await(second.fetchVal("SELECT $1::int", 2))).isEqualTo(2);
        second.close();
        assertSettled(server, pool, app);
    }

    @Test
    void listenersAddedThroughALeaseEndWithItAndTheConnectionViewReleasesOnClose() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        List<String> heard = new CopyOnWriteArrayList<>();
        List<Object> seenAs = new CopyOnWriteArrayList<>();
        PgPooledConnection conn = await(pool.acquire());
        conn.addLogListener((c, notice) -> {
            heard.add(notice.message());
            seenAs.add(c);
        });
        await(conn.execute("DO $$ BEGIN RAISE NOTICE 'first'; END $$"));
        assertThat(heard).containsExactly("first");
        assertThat(seenAs.get(0)).isSameAs(conn.asConnection());
        io.pgasync.PgConnection view = conn.asConnection();
        assertThat(await(view.fetchVal("SELECT 'through the view'"))).isEqualTo("through the view");
        await(view.close()); // releases the lease, keeps the connection
        assertThat(conn.isReleased()).isTrue();
        assertSettled(server, pool, app);
        await(pool.execute("DO $$ BEGIN RAISE NOTICE 'second'; END $$"));
        assertThat(heard).containsExactly("first");
        assertThat(pool.getSize()).isEqualTo(1);
    }

    @Test
    void aQueryCancelledThroughItsFutureLeavesTheConnectionCleanForTheNextBorrower() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        PgPooledConnection conn = await(pool.acquire());
        CompletableFuture<Object> sleeping = conn.withTimeout(Duration.ofMillis(100)).fetchVal("SELECT pg_sleep(30)");
        Throwable error = failure(sleeping);
        assertThat(error).isInstanceOfAny(QueryCanceledException.class,
                io.pgasync.exception.PgTimeoutException.class);
        conn.release();
        assertThat(await(pool.fetchVal("SELECT $1::text", "next"))).isEqualTo("next");
        assertSettled(server, pool, app);
    }
}
