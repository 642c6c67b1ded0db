package io.pgasync.it.pool;

import static io.pgasync.it.pool.PoolTestSupport.assertSettled;
import static io.pgasync.it.pool.PoolTestSupport.await;
import static io.pgasync.it.pool.PoolTestSupport.awaitTrue;
import static io.pgasync.it.pool.PoolTestSupport.backends;
import static io.pgasync.it.pool.PoolTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.exception.PgPoolTimeoutException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.RequiresOwnCluster;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SRV-03 and POOL-12: the server goes away and comes back; the pool backs off while it is down, one attempt at a
 * time, and recovers to its minimum on its own, quickly.
 */
@PgTest
@RequiresOwnCluster("stops and restarts the server")
class PoolRecoveryIT {

    private PgPool pool;

    @AfterEach
    void tearDown() {
        if (pool != null) {
            await(pool.close(Duration.ofSeconds(5)));
        }
    }

    @Test
    void afterARestartThePoolRecoversToItsMinimumByItself(PgTestServer server) {
        String app = PoolTestSupport.appName("restart");
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(3).maxSize(4).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 3);
        server.restart(); // returns once the server accepts connections again
        long back = System.nanoTime();
        PgPooledConnection conn = await(pool.acquire(Duration.ofSeconds(5)));
        Object one = await(conn.fetchVal("SELECT 1"));
        long firstAcquire = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
        conn.release();
        assertThat(one).isEqualTo(1);
        awaitTrue("back at the minimum", Duration.ofSeconds(5), () -> pool.getIdleSize() == 3
                && backends(server, app) == 3);
        long minimum = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
        System.out.println("pool recovery after a restart: first acquire " + firstAcquire + " ms, back at minSize "
                + minimum + " ms after the server accepted connections");
        assertThat(firstAcquire).as("first acquire after the server is back, ms").isLessThanOrEqualTo(1000);
        assertThat(minimum).as("back at minSize after the server is back, ms").isLessThanOrEqualTo(5000);
        assertSettled(server, pool, app);
    }

    @Test
    void whileTheServerIsDownAcquiresFailAtTheirTimeoutAndAttemptsBackOff(PgTestServer server) {
        String app = PoolTestSupport.appName("outage");
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(2).maxSize(4).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 2);
        server.stop();
        try {
            awaitTrue("the pool noticed", () -> pool.getSize() == 0);
            long failuresBefore = pool.stats().totalCreateFailures();
            long start = System.nanoTime();
            CompletableFuture<PgPooledConnection> waiting = pool.acquire(Duration.ofMillis(800));
            int maxCreating = 0;
            while (!waiting.isDone()) {
                maxCreating = Math.max(maxCreating, pool.stats().creating());
                Thread.onSpinWait();
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Throwable error = failure(waiting);
            assertThat(error).isInstanceOf(PgPoolTimeoutException.class)
                    .hasMessageContaining("cannot open connections").hasMessageNotContaining("exhausted");
            assertThat(error.getCause()).isNotNull();
            assertThat(elapsed).isBetween(800L, 1000L);
            assertThat(maxCreating).as("attempts in flight at once while the server is down").isLessThanOrEqualTo(1);
            long attempts = pool.stats().totalCreateFailures() - failuresBefore;
            // backoff 20 ms doubling to 250 ms: about 8 attempts in 800 ms; a tight loop would make hundreds
            assertThat(attempts).isBetween(1L, 15L);
        } finally {
            server.start();
        }
        long back = System.nanoTime();
        await(pool.acquire(Duration.ofSeconds(5))).release();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back)).isLessThanOrEqualTo(1000);
        awaitTrue("back at the minimum", Duration.ofSeconds(5), () -> pool.getIdleSize() == 2);
        assertSettled(server, pool, app);
    }
}
