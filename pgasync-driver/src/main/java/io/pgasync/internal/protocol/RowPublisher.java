package io.pgasync.internal.protocol;

import io.pgasync.RowMapper;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * The cold publisher {@code cursor(...)} returns: each subscription describes the statement (through the statement
 * cache, or the given prepared statement) and then streams it with a {@link PortalStream}.
 *
 * @param <R> the mapped row type
 */
final class RowPublisher<R> implements Flow.Publisher<R> {

    private final PgConnectionImpl conn;
    private final String sql;
    private final StatementCache.Entry prepared;
    private final Object[] args;
    private final int prefetch;
    private final RowMapper<R> mapper;

    RowPublisher(PgConnectionImpl conn, String sql, StatementCache.Entry prepared, Object[] args, int prefetch,
            RowMapper<R> mapper) {
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, not " + prefetch);
        }
        this.conn = conn;
        this.sql = sql;
        this.prepared = prepared;
        this.args = args == null ? new Object[] {null} : args.clone();
        this.prefetch = prefetch;
        this.mapper = mapper;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super R> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        CompletableFuture<StatementCache.Entry> statement = prepared != null
                ? CompletableFuture.completedFuture(prepared) : conn.describe(sql);
        // the real stream needs the statement; until it is known, a placeholder subscription holds the demand
        DeferredSubscription<R> deferred = new DeferredSubscription<>();
        subscriber.onSubscribe(deferred);
        statement.whenComplete((entry, error) -> {
            if (error != null) {
                deferred.fail(subscriber, Connector.unwrap(error));
                return;
            }
            PortalStream<R> real = new PortalStream<>(conn, entry, args, prefetch, mapper, subscriber);
            deferred.attach(real, () -> conn.submit(real, null));
        });
    }

    /** Holds requests and a cancel until the stream exists, then hands them over. */
    static final class DeferredSubscription<R> implements Flow.Subscription {
        private long pending;
        private boolean cancelled;
        private PortalStream<R> target;
        private boolean failed;

        @Override
        public void request(long n) {
            PortalStream<R> t;
            synchronized (this) {
                t = target;
                if (t == null) {
                    if (n <= 0) {
                        pending = -1;
                    } else if (pending >= 0) {
                        long p = pending + n;
                        pending = p < 0 ? Long.MAX_VALUE : p;
                    }
                    return;
                }
            }
            t.request(n);
        }

        @Override
        public void cancel() {
            PortalStream<R> t;
            synchronized (this) {
                cancelled = true;
                t = target;
            }
            if (t != null) {
                t.cancel();
            }
        }

        void attach(PortalStream<R> stream, Runnable start) {
            long requested;
            boolean wasCancelled;
            synchronized (this) {
                if (failed) {
                    return;
                }
                target = stream;
                requested = pending;
                wasCancelled = cancelled;
            }
            if (wasCancelled) {
                return;
            }
            start.run();
            if (requested != 0) {
                stream.request(requested < 0 ? -1 : requested);
            }
        }

        void fail(Flow.Subscriber<? super R> subscriber, Throwable error) {
            synchronized (this) {
                if (cancelled || failed) {
                    return;
                }
                failed = true;
            }
            subscriber.onError(error);
        }
    }
}
