package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.PoolOptions;
import io.pgasync.Row;
import io.pgasync.exception.PgConnectionClosedException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.TestRole;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network failing under the driver (reliability.md 7.3), through {@link ChaosProxy}: it never hangs. */
@PgTest
class NetworkFaultsIT {

    private PgTestServer server;
    private ChaosProxy proxy;

    @BeforeEach
    void startProxy(PgTestServer server) throws Exception {
        this.server = server;
        proxy = new ChaosProxy(server.host(), server.port());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private String dsn(String extra) {
        TestRole role = server.mainRole();
        return "postgresql://" + role.name() + ":" + role.password() + "@127.0.0.1:" + proxy.port() + "/"
                + server.database() + "?sslmode=disable&application_name=network_faults" + extra;
    }

    /** The time a future takes to fail, with its failure; a hang fails the test after the bound. */
    private static Throwable failsWithin(CompletableFuture<?> future, Duration bound) throws InterruptedException {
        try {
            future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("still pending after " + bound + ": the driver hangs", e);
        }
    }

    /** NET-04: a partition during a query; the call times out, and the silent connection is then closed. */
    @Test
    void aPartitionDuringAQueryEndsInATimeoutAndThenTheConnectionIsClosed() throws Exception {
        PgConnection conn = await(PgConnection.connect(dsn("&cancelGracePeriod=1")));
        try {
            assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
            proxy.blackholeOpenConnections();
            long start = System.nanoTime();
            CompletableFuture<Object> query = conn.withTimeout(Duration.ofMillis(300)).fetchVal("SELECT 2");
            CompletableFuture<Object> queued = conn.fetchVal("SELECT 3"); // no timeout of its own
            assertThat(failsWithin(query, Duration.ofSeconds(5))).isInstanceOf(PgTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            // the server never answers the cancelled statement: after cancelGracePeriod the connection is closed
            Throwable lost = failsWithin(queued, Duration.ofSeconds(10));
            assertThat(lost).isInstanceOf(PgConnectionClosedException.class).hasMessageContaining("unresponsive");
            assertThat(lost.getCause()).isInstanceOf(PgConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(conn.isClosed()).isTrue();
        } finally {
            conn.terminate();
        }
    }

    /** NET-06: the connection reset at every offset of a response: a typed error or the whole result, never less. */
    @Test
    void aResetAtAnyOffsetOfAResponseGivesATypedErrorOrTheWholeResult() throws Exception {
        String sql = "SELECT g, repeat('x', g % 40) AS pad FROM generate_series(1, 30) AS g";
        int whole = 0;
        int failed = 0;
        for (int offset = 0; offset < 3_000; offset += 13) {
            PgConnection conn = await(PgConnection.connect(dsn("")));
            try {
                proxy.cutOpenConnectionsAfter(offset);
                CompletableFuture<List<Row>> rows = conn.fetch(sql);
                try {
                    List<Row> result = rows.get(10, TimeUnit.SECONDS);
                    assertThat(result).as("offset %d", offset).hasSize(30);
                    assertThat(result.get(29).getInteger(0)).isEqualTo(30);
                    whole++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).as("offset %d", offset).isInstanceOf(PgConnectionException.class);
                    failed++;
                } catch (TimeoutException e) {
                    throw new AssertionError("offset " + offset + ": the driver hangs", e);
                }
            } finally {
                conn.terminate();
            }
        }
        assertThat(failed).isPositive(); // cuts inside the response
        assertThat(whole).isPositive(); // cuts beyond it
    }

    /** NET-09: the server's bytes arrive one at a time, from the startup on: every reply is read whole. */
    @Test
    void repliesSplitIntoSingleBytesReadTheSameAsWholeOnes() throws Exception {
        proxy.splitNewConnections();
        PgConnection conn = await(PgConnection.connect(dsn("")));
        PgConnection direct = TestSupport.connect(server);
        try {
            String sql = "SELECT g, g::text || repeat('é', g % 5) AS t, g * 1.5 AS n, now() - g * interval '1 hour'"
                    + " AS ts, ARRAY[g, NULL, g + 1] AS a, ('{\"k\": ' || g || '}')::jsonb AS j FROM"
                    + " generate_series(1, 200) AS g WHERE g > $1";
            List<Row> split = await(conn.fetch(sql, 3));
            List<Row> whole = await(direct.fetch(sql, 3));
            assertThat(split).hasSize(197);
            for (int i = 0; i < whole.size(); i++) {
                for (int c = 0; c < whole.get(i).size(); c++) {
                    if (c != 3) { // now() differs between the sessions
                        assertThat(split.get(i).get(c)).as("row %d column %d", i, c).isEqualTo(whole.get(i).get(c));
                    }
                }
            }
            assertThat(await(conn.execute("SELECT 1; SELECT 2; SELECT 3"))).isEqualTo("SELECT 1");
            assertThat(TestSupport.failure(conn.fetchVal("SELECT 1 / 0"))).hasMessageContaining("22012");
            assertThat(await(conn.fetchVal("SELECT 'still in step'"))).isEqualTo("still in step");
        } finally {
            TestSupport.close(direct);
            conn.terminate();
        }
    }

    /** NET-03: pooled connections partitioned while idle are found out by validation and replaced. */
    @Test
    void idleConnectionsPartitionedAwayAreValidatedAndReplaced() throws Exception {
        PgPool pool = await(PgPool.connect(PoolOptions.builder().connect(dsn("")).minSize(2).maxSize(2)
                .allowShortDurations(true).validateAfterIdle(Duration.ofMillis(100))
                .validationTimeout(Duration.ofMillis(500)).acquireTimeout(Duration.ofSeconds(10)).build()));
        try {
            awaitTrue(() -> pool.stats().idle() == 2);
            proxy.blackholeOpenConnections(); // new connections still pass
            long idleSince = System.nanoTime();
            while (System.nanoTime() - idleSince < TimeUnit.MILLISECONDS.toNanos(150)) {
                Thread.onSpinWait(); // idle past validateAfterIdle
            }
            long start = System.nanoTime();
            try (PgPooledConnection conn = await(pool.acquire())) {
                assertThat(await(conn.fetchVal("SELECT 42"))).isEqualTo(42);
            }
            // at most two failed validations of 500 ms, then a new connection
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(pool.stats().totalClosed()).isPositive();
        } finally {
            pool.terminate();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
