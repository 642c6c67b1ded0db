package io.pgasync.internal.pool;

import io.pgasync.PgConnection;
import io.pgasync.PgTerminationListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One physical connection of a pool with its bookkeeping: when it was made and must be retired, when it was last
 * used and checked, how many queries it ran, and which lease holds it. {@code state} and {@code lease} are guarded by
 * the pool's lock.
 */
final class PoolEntry {

    final PgConnection conn;
    final long createdAt;
    /** nanoTime after which it is retired; Long.MAX_VALUE for never. */
    final long expiresAt;
    /** This entry's keep-alive interval in nanos (jittered), 0 for none. */
    final long keepaliveNanos;
    /** The pool's generation when it entered the pool (guarded by the pool's lock). */
    int generation;
    final AtomicLong queries = new AtomicLong();

    EntryState state;
    Lease lease;
    /** When it was last released or created (for the inactive lifetime). */
    volatile long lastUsedAt;
    /** When it was last known alive: used, validated or pinged (for validation on hand-out and keep-alive). */
    volatile long lastCheckedAt;
    PgTerminationListener terminationListener;

    PoolEntry(PgConnection conn, long createdAt, long expiresAt, long keepaliveNanos) {
        this.conn = conn;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.keepaliveNanos = keepaliveNanos;
        this.lastUsedAt = createdAt;
        this.lastCheckedAt = createdAt;
    }

    boolean expired(long now) {
        return now - expiresAt >= 0;
    }

    @Override
    public String toString() {
        return "PoolEntry[" + conn + ", " + state + "]";
    }
}
