package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.exception.AdminShutdownException;
import io.pgasync.exception.PgConnectionClosedException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.RequiresOwnCluster;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A server that goes away: the caller gets a typed error, the connection is marked closed, listeners hear. */
@PgTest
class FaultsIT {

    @Test
    void aBackendTerminatedMidQueryFailsTheQueryAndClosesTheConnection(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server);
        AtomicReference<Throwable> terminated = new AtomicReference<>();
        CompletableFuture<Void> heard = new CompletableFuture<>();
        conn.addTerminationListener((c, cause) -> {
            terminated.set(cause);
            heard.complete(null);
        });
        CompletableFuture<Object> running = conn.fetchVal("SELECT pg_sleep(30)");
        CompletableFuture<Object> queued = conn.fetchVal("SELECT 1");
        awaitActive(server, conn.getServerPid());
        server.execute("SELECT pg_terminate_backend(" + conn.getServerPid() + ")");
        assertThat(failure(running)).isInstanceOf(AdminShutdownException.class);
        assertThat(failure(queued)).isInstanceOf(PgConnectionException.class);
        await(heard);
        assertThat(conn.isClosed()).isTrue();
        assertThat(terminated.get()).isInstanceOf(AdminShutdownException.class);
        Throwable after = failure(conn.fetchVal("SELECT 1"));
        assertThat(after).isInstanceOf(PgConnectionClosedException.class).hasMessageContaining("Open a new connection");
    }

    @Test
    void anIdleConnectionTerminatedByTheServerIsMarkedClosed(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server);
        CompletableFuture<Throwable> heard = new CompletableFuture<>();
        conn.addTerminationListener((c, cause) -> heard.complete(cause));
        server.execute("SELECT pg_terminate_backend(" + conn.getServerPid() + ")");
        assertThat(await(heard)).isInstanceOf(AdminShutdownException.class);
        assertThat(conn.isClosed()).isTrue();
    }

    @Test
    void closeWaitsForCallsInFlightAndTellsListenersWithoutCause(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server);
        CompletableFuture<Throwable> heard = new CompletableFuture<>();
        conn.addTerminationListener((c, cause) -> heard.complete(cause));
        CompletableFuture<Object> inFlight = conn.fetchVal("SELECT pg_sleep(0.2)::text || 'done'");
        CompletableFuture<Void> closed = conn.close();
        assertThat(await(inFlight)).isEqualTo("done");
        await(closed);
        assertThat(conn.isClosed()).isTrue();
        assertThat(await(heard)).isNull();
        assertThat(failure(conn.fetchVal("SELECT 1"))).isInstanceOf(PgConnectionClosedException.class);
    }

    @Test
    void terminateFailsCallsInFlight(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server);
        CompletableFuture<Object> inFlight = conn.fetchVal("SELECT pg_sleep(30)");
        awaitActive(server, conn.getServerPid());
        conn.terminate();
        assertThat(failure(inFlight)).isInstanceOf(PgConnectionClosedException.class);
        assertThat(conn.isClosed()).isTrue();
    }

    @Test
    @RequiresOwnCluster("restarts the server")
    void aServerRestartClosesConnectionsAndNewOnesWork(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server);
        CompletableFuture<Throwable> heard = new CompletableFuture<>();
        conn.addTerminationListener((c, cause) -> heard.complete(cause));
        server.restart();
        await(heard);
        assertThat(conn.isClosed()).isTrue();
        PgConnection fresh = TestSupport.connect(server);
        assertThat(await(fresh.fetchVal("SELECT 1"))).isEqualTo(1);
        TestSupport.close(fresh);
    }

    static void awaitActive(PgTestServer server, int pid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.queryColumn("SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND pid = " + pid)
                    .isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("backend " + pid + " never became active");
    }
}
