package io.pgasync.spring.boot.autoconfigure.health;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.Row;
import io.pgasync.exception.PgAuthenticationException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgPoolClosedException;
import io.pgasync.exception.PgServerException;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.observability.PgPoolStats;
import java.net.ConnectException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.springframework.boot.health.contributor.Health;

/**
 * Checks a pool's health without blocking: takes a connection (waiting at most the timeout), asks the server for its
 * database and version, and gives the connection back. The whole check is bounded by the timeout, and concurrent
 * checks share the one in progress, so health probes never pile up behind a slow or unreachable server.
 *
 * <p>{@code UP} details: the database, the server version, and the pool's figures. {@code DOWN} details: a reason
 * ({@code timeout}, {@code connection}, {@code authentication}, {@code tls}, {@code server}, {@code pool-closed},
 * {@code error}) and the error (the driver's messages never contain passwords). A pool whose connections are all in
 * use is reported {@code UP} with {@code exhausted=true} without a query: the check does not compete with the
 * application for the last connection, and an exhausted pool is a load problem, not a broken database.
 */
public final class PgPoolHealthCheck {

    private final PgPool pool;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<Health>> inFlight = new AtomicReference<>();

    /**
     * Creates a check.
     *
     * @param pool the pool
     * @param timeout the bound of one check
     */
    public PgPoolHealthCheck(PgPool pool, Duration timeout) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The bound of one check.
     *
     * @return the timeout
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Runs a check, or joins the one in progress.
     *
     * @return the health; never fails
     */
    public CompletableFuture<Health> check() {
        while (true) {
            CompletableFuture<Health> current = inFlight.get();
            if (current != null) {
                return current;
            }
            CompletableFuture<Health> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                run().whenComplete((health, error) -> {
                    inFlight.compareAndSet(mine, null);
                    mine.complete(health != null ? health : down(error));
                });
                return mine;
            }
        }
    }

    private CompletableFuture<Health> run() {
        if (pool.isClosed()) {
            return CompletableFuture.completedFuture(Health.down().withDetail("reason", "pool-closed")
                    .withDetail("pool", pool.getName()).build());
        }
        PgPoolStats stats = pool.stats();
        if (stats.idle() == 0 && stats.size() + stats.creating() >= stats.maxSize() && stats.acquired() > 0) {
            return CompletableFuture.completedFuture(Health.up().withDetail("exhausted", true)
                    .withDetails(poolDetails(stats)).build());
        }
        long started = System.nanoTime();
        CompletableFuture<PgPooledConnection> acquire;
        try {
            acquire = pool.acquire(timeout);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(down(e));
        }
        CompletableFuture<Health> result = acquire.thenCompose(connection -> {
            CompletableFuture<Row> query;
            try {
                query = connection.withTimeout(timeout)
                        .fetchRow("SELECT current_database(), current_setting('server_version')");
            } catch (RuntimeException e) {
                query = CompletableFuture.failedFuture(e);
            }
            return query.whenComplete((row, error) -> connection.release()).thenApply(row -> Health.up()
                    .withDetail("database", row.get(0, String.class))
                    .withDetail("version", row.get(1, String.class))
                    .withDetail("validationTime", Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms")
                    .withDetails(poolDetails(pool.stats())).build());
        });
        return result.orTimeout(timeout.toMillis() + 250, java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionally(error -> {
                    // Give up a wait still queued; a connection handed out meanwhile is released by the chain above.
                    acquire.cancel(false);
                    return down(error);
                });
    }

    private Map<String, Object> poolDetails(PgPoolStats stats) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pool", stats.name());
        details.put("size", stats.size());
        details.put("idle", stats.idle());
        details.put("acquired", stats.acquired());
        details.put("pending", stats.pending());
        details.put("minSize", stats.minSize());
        details.put("maxSize", stats.maxSize());
        return details;
    }

    private Health down(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        Health.Builder builder = Health.down().withDetail("reason", reason(e)).withDetail("pool", pool.getName());
        if (e instanceof TimeoutException) {
            builder.withDetail("error", "no answer within " + timeout.toMillis() + " ms");
        } else {
            builder.withDetail("error", e.getClass().getName() + ": " + e.getMessage());
        }
        return builder.build();
    }

    static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PgAuthenticationException) {
                return "authentication";
            }
            if (t instanceof SSLException) {
                return "tls";
            }
            if (t instanceof PgServerException server) {
                return server.getSqlState() != null && server.getSqlState().startsWith("28") ? "authentication"
                        : "server";
            }
            if (t instanceof PgPoolClosedException) {
                return "pool-closed";
            }
            if (t instanceof ConnectException || t instanceof PgConnectionException) {
                return "connection";
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof PgTimeoutException) {
                return "timeout";
            }
        }
        return "error";
    }
}
