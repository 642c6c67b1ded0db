package io.pgasync.internal.pool;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One hand-out of an entry: who holds it since when, whether it is over, and what to undo when it ends (listeners
 * added through the lease). It is also the {@link Cleaner} action of its {@link PooledConnectionImpl}: it references
 * no proxy, so a proxy dropped without release becomes unreachable and the pool closes its connection.
 */
final class Lease implements Runnable {

    final PoolImpl pool;
    final PoolEntry entry;
    final long handedOutAt;
    final Throwable acquiredAt;
    final CompletableFuture<Void> releaseFuture = new CompletableFuture<>();
    private final AtomicBoolean over = new AtomicBoolean();
    /** Undo actions, made on the first registration (most leases have none); guarded by {@code this}. */
    private List<Runnable> undo;
    volatile boolean revoked;
    volatile ScheduledFuture<?> leakTask;
    volatile boolean leakReported;
    Cleaner.Cleanable cleanable;

    Lease(PoolImpl pool, PoolEntry entry, long handedOutAt, Throwable acquiredAt) {
        this.pool = pool;
        this.entry = entry;
        this.handedOutAt = handedOutAt;
        this.acquiredAt = acquiredAt;
    }

    boolean isOver() {
        return over.get();
    }

    /** Ends the lease; true for the one caller that ended it. */
    boolean end() {
        return over.compareAndSet(false, true);
    }

    /** Registers something to undo when the lease ends; runs it at once when the lease is already over. */
    void onEnd(Runnable action) {
        synchronized (this) {
            if (!over.get()) {
                if (undo == null) {
                    undo = new ArrayList<>(2);
                }
                undo.add(action);
                return;
            }
        }
        action.run();
    }

    /** Removes a registered undo action without running it. */
    void forget(Runnable action) {
        synchronized (this) {
            if (undo != null) {
                undo.remove(action);
            }
        }
    }

    /** Runs the undo actions (listener removals); called once, after {@link #end()}. */
    void runUndo() {
        List<Runnable> actions;
        synchronized (this) {
            actions = undo;
            undo = null;
        }
        if (actions != null) {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    PoolImpl.LOG.log(System.Logger.Level.DEBUG, "removing a listener of a released connection"
                            + " failed", e);
                }
            }
        }
        ScheduledFuture<?> leak = leakTask;
        if (leak != null) {
            leak.cancel(false);
        }
    }

    /** The Cleaner action: the proxy was garbage-collected (or released, then this is a no-op). */
    @Override
    public void run() {
        pool.abandoned(this);
    }
}
