package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.exception.PgConnectionClosedException;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class TimeoutAndCancelIT {

    private PgConnection conn;
    private PgTestServer server;

    @BeforeEach
    void connect(PgTestServer server) {
        this.server = server;
        conn = TestSupport.connect(server);
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    /** Waits (bounded) until the server shows no query of this connection still running. */
    private void awaitBackendIdle(int pid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String state = server.queryColumn("SELECT state FROM pg_stat_activity WHERE pid = " + pid).get(0);
            if (!"active".equals(state)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("backend " + pid + " still running its query");
    }

    @Test
    void aPerCallTimeoutCancelsTheQueryAndTheConnectionStaysUsable() {
        long start = System.nanoTime();
        Throwable e = failure(conn.withTimeout(Duration.ofMillis(300)).fetch("SELECT pg_sleep(30)"));
        assertThat(e).isInstanceOf(PgTimeoutException.class);
        assertThat(((PgTimeoutException) e).getTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        awaitBackendIdle(conn.getServerPid());
        assertThat(await(conn.fetchVal("SELECT 42"))).isEqualTo(42);
        assertThat(conn.isInTransaction()).isFalse();
    }

    @Test
    void theConnectionCommandTimeoutApplies(PgTestServer server) {
        PgConnection timed = TestSupport.connect(server, "commandTimeout=0.3");
        try {
            assertThat(failure(timed.execute("SELECT pg_sleep(30)"))).isInstanceOf(PgTimeoutException.class);
            assertThat(await(timed.fetchVal("SELECT 1"))).isEqualTo(1);
        } finally {
            TestSupport.close(timed);
        }
    }

    @Test
    void cancellingTheFutureCancelsTheQueryOnTheServer() {
        CompletableFuture<Object> slow = conn.fetchVal("SELECT pg_sleep(30)");
        CompletableFuture<Object> after = conn.fetchVal("SELECT 'after'");
        awaitRunning(conn.getServerPid());
        assertThat(slow.cancel(true)).isTrue();
        assertThat(failure(slow)).isInstanceOf(CancellationException.class);
        assertThat(await(after)).isEqualTo("after");
        assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
    }

    @Test
    void queuedCallsBehindATimedOutOneStillComplete() {
        CompletableFuture<Object> slow = conn.withTimeout(Duration.ofMillis(200)).fetchVal("SELECT pg_sleep(30)");
        CompletableFuture<Object> next = conn.fetchVal("SELECT $1::int", 7);
        assertThat(failure(slow)).isInstanceOf(PgTimeoutException.class);
        assertThat(await(next)).isEqualTo(7);
    }

    @Test
    void terminateAsksTheServerToCancelTheRunningStatementSoItsBackendEnds() {
        PgConnection doomed = TestSupport.connect(server);
        int pid = doomed.getServerPid();
        CompletableFuture<Object> slow = doomed.fetchVal("SELECT pg_sleep(30)");
        awaitRunning(pid);
        doomed.terminate();
        assertThat(failure(slow)).isInstanceOf(PgConnectionClosedException.class);
        // without the cancel the backend would sleep its 30 s out: it cannot see the closed socket meanwhile
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String left = "1";
        while (System.nanoTime() < deadline && !left.equals("0")) {
            left = server.queryColumn("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid).get(0);
            Thread.onSpinWait();
        }
        assertThat(left).as("backend %d still there", pid).isEqualTo("0");
    }

    /**
     * SRV-07: a cancel sent for one statement never cancels the next one, however the timing falls (the statement
     * may end before the cancel request arrives).
     */
    @Test
    void aLateCancelNeverHitsTheNextStatement() throws Exception {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        int hitNext = 0;
        for (int i = 0; i < 150; i++) {
            CompletableFuture<Object> victim = conn.fetchVal("SELECT pg_sleep($1::float8 / 1000)", random.nextInt(0, 3));
            long spin = System.nanoTime() + random.nextLong(0, 3_000_000);
            while (System.nanoTime() < spin) {
                Thread.onSpinWait();
            }
            victim.cancel(true);
            try { // the next statement runs long enough (20 ms) for a late cancel to land in it
                assertThat(await(conn.fetchVal("SELECT $1::int FROM pg_sleep(0.02)", i))).isEqualTo(i);
            } catch (io.pgasync.exception.QueryCanceledException e) {
                hitNext++;
            }
        }
        assertThat(hitNext).as("statements cancelled by a cancel meant for the one before").isZero();
    }

    /**
     * SRV-07, pipelined: the next statement was already sent when the cancel for the one ahead went out. If the
     * late cancel lands in it, it was rolled back whole, and the driver runs it again: its caller sees its own
     * answer.
     */
    @Test
    void aStatementAlreadySentBehindACancelledOneStillGetsItsOwnAnswer() throws Exception {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 150; i++) {
            CompletableFuture<Object> victim = conn.fetchVal("SELECT pg_sleep($1::float8 / 1000)", random.nextInt(0, 3));
            CompletableFuture<Object> next = conn.fetchVal("SELECT $1::int FROM pg_sleep(0.02)", i);
            long spin = System.nanoTime() + random.nextLong(0, 3_000_000);
            while (System.nanoTime() < spin) {
                Thread.onSpinWait();
            }
            victim.cancel(true);
            assertThat(await(next)).as("round %d", i).isEqualTo(i);
        }
    }

    private void awaitRunning(int pid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String query = server.queryColumn("SELECT query FROM pg_stat_activity WHERE pid = " + pid
                    + " AND state = 'active'").stream().findFirst().orElse("");
            if (query.contains("pg_sleep")) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the query never started");
    }
}
