package io.pgasync.internal.pool;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.Row;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A streaming query on a pool: each subscription acquires a connection, streams through it (outside a
 * transaction: see {@code PgConnection.cursor}), and releases it when the stream completes, fails or is cancelled.
 * Demand and a cancel that arrive before the connection does are held and handed over.
 */
public final class PooledCursor {

    private PooledCursor() {}

    /**
     * The publisher.
     *
     * @param pool the pool
     * @param prefetch rows per round trip
     * @param sql the query
     * @param args its parameter values
     * @return a cold publisher
     */
    public static Flow.Publisher<Row> publisher(PgPool pool, int prefetch, String sql, Object[] args) {
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, not " + prefetch);
        }
        Object[] values = args == null ? new Object[] {null} : args.clone();
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            Relay relay = new Relay(subscriber);
            subscriber.onSubscribe(relay);
            pool.acquire().whenComplete((conn, error) -> {
                if (error != null) {
                    relay.failEarly(error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error);
                    return;
                }
                relay.connection = conn;
                conn.cursor(prefetch, sql, values).subscribe(relay);
            });
        };
    }

    /** Sits between the caller and the connection's stream; releases the connection exactly once at the end. */
    private static final class Relay implements Flow.Subscription, Flow.Subscriber<Row> {
        private final Flow.Subscriber<? super Row> downstream;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile PgPooledConnection connection;
        private Flow.Subscription upstream;
        private long pending;
        private boolean cancelled;
        private boolean terminated;

        Relay(Flow.Subscriber<? super Row> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void request(long n) {
            Flow.Subscription s;
            synchronized (this) {
                s = upstream;
                if (s == null) {
                    if (n <= 0) {
                        pending = -1; // handed over as is: the stream then signals the rule violation
                    } else if (pending >= 0) {
                        long p = pending + n;
                        pending = p < 0 ? Long.MAX_VALUE : p;
                    }
                    return;
                }
            }
            s.request(n);
        }

        @Override
        public void cancel() {
            Flow.Subscription s;
            synchronized (this) {
                cancelled = true;
                s = upstream;
            }
            if (s != null) {
                s.cancel();
                release();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            long requested;
            boolean wasCancelled;
            synchronized (this) {
                upstream = subscription;
                requested = pending;
                wasCancelled = cancelled;
            }
            if (wasCancelled) {
                subscription.cancel();
                release();
            } else if (requested != 0) {
                subscription.request(requested);
            }
        }

        @Override
        public void onNext(Row item) {
            downstream.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            release();
            terminate(throwable);
        }

        @Override
        public void onComplete() {
            release();
            synchronized (this) {
                if (terminated) {
                    return;
                }
                terminated = true;
            }
            downstream.onComplete();
        }

        void failEarly(Throwable error) {
            terminate(error);
        }

        private void terminate(Throwable error) {
            synchronized (this) {
                if (terminated || cancelled) {
                    return;
                }
                terminated = true;
            }
            downstream.onError(error);
        }

        private void release() {
            PgPooledConnection c = connection;
            if (c != null && released.compareAndSet(false, true)) {
                c.release();
            }
        }
    }
}
