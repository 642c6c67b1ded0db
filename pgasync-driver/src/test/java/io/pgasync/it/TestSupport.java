package io.pgasync.it;

import io.pgasync.PgConnection;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.TestRole;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Helpers shared by the driver's integration tests. */
final class TestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    private TestSupport() {}

    /** A DSN for a role over TCP without TLS, plus extra query parameters ("a=b&c=d"). */
    static String dsn(PgTestServer server, TestRole role, String extra) {
        String url = server.url(role);
        String params = "sslmode=disable" + (extra == null || extra.isEmpty() ? "" : "&" + extra);
        return url + "?" + params;
    }

    static PgConnection connect(PgTestServer server) {
        return await(PgConnection.connect(dsn(server, server.mainRole(), "")));
    }

    static PgConnection connect(PgTestServer server, String extra) {
        return await(PgConnection.connect(dsn(server, server.mainRole(), extra)));
    }

    /** Waits for a future (bounded), unwrapping the failure so tests can assert on its type. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new CompletionException(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The failure of a future that must fail (bounded wait). */
    static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        throw new AssertionError("the future succeeded but was expected to fail");
    }

    static void close(PgConnection conn) {
        if (conn != null && !conn.isClosed()) {
            await(conn.close());
        }
    }
}
