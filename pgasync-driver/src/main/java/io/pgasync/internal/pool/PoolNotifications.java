package io.pgasync.internal.pool;

import io.pgasync.PgConnection;
import io.pgasync.PgNotification;
import io.pgasync.PgNotificationGap;
import io.pgasync.PgNotificationListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A pool's LISTEN/NOTIFY: one dedicated connection, opened on first use and outside the pool's size, that LISTENs
 * to every channel with pool-level listeners. When it is lost, a new one is opened with backoff, every channel is
 * listened to again, and each listener hears about the gap. Callers' futures never wait for reconnection: they
 * complete when the current connection listens (or fail when none can be opened).
 */
final class PoolNotifications {

    private static final System.Logger LOG = System.getLogger("io.pgasync.pool");

    private final String poolName;
    private final Supplier<? extends Supplier<? extends CompletionStage<? extends PgConnection>>> factory;
    private final ScheduledExecutorService timer;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Map<String, List<PgNotificationListener>> listeners = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private CompletableFuture<PgConnection> connection;
    private Instant lostAt;
    private Throwable lostCause;
    private long delayNanos;
    private boolean closed;

    PoolNotifications(String poolName, Supplier<? extends Supplier<? extends CompletionStage<? extends PgConnection>>> factory,
            ScheduledExecutorService timer, Duration initialDelay, Duration maxDelay) {
        this.poolName = poolName;
        this.factory = factory;
        this.timer = timer;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.delayNanos = initialDelay.toNanos();
    }

    CompletableFuture<Void> add(String channel, PgNotificationListener listener) {
        boolean first;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new io.pgasync.exception.PgPoolClosedException(
                        "Pool '" + poolName + "' is closed; it takes no new listeners"));
            }
            List<PgNotificationListener> list = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
            first = list.isEmpty();
            list.add(listener);
        }
        if (!first) {
            return CompletableFuture.completedFuture(null);
        }
        return current().thenCompose(conn -> conn.addListener(channel, dispatcher(channel)))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        remove(channel, listener);
                    }
                });
    }

    CompletableFuture<Void> remove(String channel, PgNotificationListener listener) {
        boolean last;
        CompletableFuture<PgConnection> conn;
        synchronized (lock) {
            List<PgNotificationListener> list = listeners.get(channel);
            if (list == null || !list.remove(listener)) {
                return CompletableFuture.completedFuture(null);
            }
            last = list.isEmpty();
            if (last) {
                listeners.remove(channel);
            }
            conn = connection;
        }
        if (!last || conn == null || !conn.isDone() || conn.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(null);
        }
        PgConnection c = conn.join();
        return c.isClosed() ? CompletableFuture.completedFuture(null) : c.execute("UNLISTEN "
                + io.pgasync.internal.protocol.Identifiers.quoteIdentifier(channel)).thenApply(s -> null);
    }

    /** The one per-channel listener registered on the connection: fans out to the pool's listeners. */
    private PgNotificationListener dispatcher(String channel) {
        return (conn, notification) -> {
            List<PgNotificationListener> list = listeners.get(channel);
            if (list == null) {
                return;
            }
            for (PgNotificationListener l : list) {
                deliver(l, conn, notification);
            }
        };
    }

    private static void deliver(PgNotificationListener l, PgConnection conn, PgNotification notification) {
        try {
            l.onNotification(conn, notification);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a pool notification listener threw; notifications continue", e);
        }
    }

    /** The listening connection, opening it if there is none. */
    private CompletableFuture<PgConnection> current() {
        synchronized (lock) {
            if (connection == null || connection.isCompletedExceptionally()
                    || (connection.isDone() && connection.join().isClosed())) {
                connection = open();
            }
            return connection;
        }
    }

    private CompletableFuture<PgConnection> open() {
        CompletableFuture<PgConnection> opened = new CompletableFuture<>();
        CompletionStage<? extends PgConnection> stage;
        try {
            stage = factory.get().get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((conn, error) -> {
            if (error != null) {
                opened.completeExceptionally(error);
                return;
            }
            conn.addTerminationListener((c, cause) -> lost(c, cause));
            opened.complete(conn);
        });
        return opened;
    }

    private void lost(PgConnection conn, Throwable cause) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            lostAt = Instant.now();
            lostCause = cause;
            delayNanos = initialDelay.toNanos();
        }
        LOG.log(System.Logger.Level.WARNING, "pool '" + poolName + "': the listening connection was lost ("
                + (cause == null ? "closed" : cause.getMessage()) + "); reconnecting");
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        long delay;
        synchronized (lock) {
            if (closed || listeners.isEmpty()) {
                connection = null;
                return;
            }
            delay = delayNanos;
            delayNanos = Math.min(maxDelay.toNanos(), delayNanos * 2);
        }
        timer.schedule(this::reconnect, delay, TimeUnit.NANOSECONDS);
    }

    private void reconnect() {
        CompletableFuture<PgConnection> attempt;
        synchronized (lock) {
            if (closed) {
                return;
            }
            attempt = open();
            connection = attempt;
        }
        attempt.thenCompose(conn -> {
            List<CompletableFuture<Void>> listens = new ArrayList<>();
            for (String channel : listeners.keySet()) {
                listens.add(conn.addListener(channel, dispatcher(channel)));
            }
            return CompletableFuture.allOf(listens.toArray(CompletableFuture[]::new)).thenApply(v -> conn);
        }).whenComplete((conn, error) -> {
            if (error != null) {
                LOG.log(System.Logger.Level.DEBUG, "pool '" + poolName + "': could not listen again yet: "
                        + error.getMessage());
                if (conn != null) {
                    conn.terminate();
                }
                scheduleReconnect();
                return;
            }
            Instant lost;
            Throwable cause;
            synchronized (lock) {
                lost = lostAt;
                cause = lostCause;
                delayNanos = initialDelay.toNanos();
            }
            Instant now = Instant.now();
            for (Map.Entry<String, List<PgNotificationListener>> e : listeners.entrySet()) {
                PgNotificationGap gap = new PgNotificationGap(e.getKey(), lost, now, cause);
                for (PgNotificationListener l : e.getValue()) {
                    try {
                        l.onGap(gap);
                    } catch (RuntimeException ex) {
                        LOG.log(System.Logger.Level.WARNING, "a pool notification listener's onGap threw", ex);
                    }
                }
            }
        });
    }

    CompletableFuture<Void> close() {
        CompletableFuture<PgConnection> conn;
        synchronized (lock) {
            closed = true;
            conn = connection;
            connection = null;
            listeners.clear();
        }
        if (conn == null) {
            return CompletableFuture.completedFuture(null);
        }
        return conn.handle((c, e) -> c).thenCompose(c -> c == null || c.isClosed()
                ? CompletableFuture.completedFuture(null) : c.close());
    }
}
