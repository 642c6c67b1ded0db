package io.pgasync.internal.pool;

import io.pgasync.PgPooledConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A caller of {@code acquire}: its future, its deadline, and its links in the FIFO {@link WaiterQueue}. The future is
 * the one the caller holds; whoever completes it first (hand-out, timeout, cancellation, pool close) wins, and the
 * others see that and give back what they hold.
 */
final class Waiter {

    final CompletableFuture<PgPooledConnection> future = new CompletableFuture<>();
    final long startedAt;
    final Duration timeout;
    final long deadline;
    /** Where acquire was called, when leak detection is on. */
    final Throwable acquiredAt;
    volatile ScheduledFuture<?> timer;

    // WaiterQueue links, guarded by the pool's lock
    Waiter prev;
    Waiter next;
    boolean queued;

    Waiter(long startedAt, Duration timeout, Throwable acquiredAt) {
        this.startedAt = startedAt;
        this.timeout = timeout;
        this.deadline = startedAt + timeout.toNanos();
        this.acquiredAt = acquiredAt;
    }
}
