package io.pgasync.it.pool;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgPool;
import io.pgasync.PoolOptions;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Helpers for the pool's integration tests. */
final class PoolTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    private PoolTestSupport() {}

    /** A unique application_name, so that a test counts its own backends in pg_stat_activity. */
    static String appName(String test) {
        return "pool_" + test + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    }

    static String abbreviate(String name) {
        return name.length() <= 16 ? name : name.substring(0, 16);
    }

    static PgConnectOptions connectOptions(PgTestServer server, String appName) {
        return PgConnectOptions.parse(server.url(server.mainRole()) + "?sslmode=disable&application_name=" + appName);
    }

    /** Pool options for tests: short timeouts and backoff, minimums lifted. */
    static PoolOptions.Builder options(PgTestServer server, String appName) {
        return PoolOptions.builder().connect(connectOptions(server, appName)).name(appName).allowShortDurations(true)
                .minSize(0).maxSize(4).acquireTimeout(Duration.ofSeconds(10))
                .createRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(250));
    }

    /** Backends connected with this application_name, seen through the harness's own connection. */
    static int backends(PgTestServer server, String appName) {
        return Integer.parseInt(server.queryColumn("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + appName + "'").get(0));
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        awaitTrue(what, WAIT, condition);
    }

    static void awaitTrue(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + limit + " waiting for: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Every test ends this way: nothing acquired or pending, and the server has exactly the pool's backends. */
    static void assertSettled(PgTestServer server, PgPool pool, String appName) {
        awaitTrue("the pool settles with as many backends as connections", () -> {
            var s = pool.stats();
            return s.acquired() == 0 && s.pending() == 0 && s.maintenance() == 0 && s.creating() == 0
                    && s.idle() == s.size() && s.totalCreated() - s.totalClosed() == s.size()
                    && backends(server, appName) == s.size();
        });
    }

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

    static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        throw new AssertionError("the future succeeded but was expected to fail");
    }
}
