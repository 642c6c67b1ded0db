package io.pgasync.observability;

/**
 * A consistent snapshot of a pool's figures, taken under the pool's lock: the gauges add up
 * ({@code size == idle + acquired + maintenance}) and {@code size + creating <= maxSize}.
 *
 * @param name the pool's name
 * @param size open connections: idle, acquired, and those the pool is working on
 * @param idle connections waiting in the pool, ready to be handed out
 * @param acquired connections handed out and not yet released
 * @param maintenance connections the pool is working on: being validated or set up for a caller, reset after a
 *     release, or pinged by the keep-alive
 * @param creating connection attempts in progress (they count against {@code maxSize})
 * @param pending callers waiting to acquire a connection
 * @param minSize the configured minimum size
 * @param maxSize the configured maximum size
 * @param totalCreated connections created since the pool started
 * @param totalClosed connections closed since the pool started ({@code totalCreated - totalClosed == size})
 * @param totalCreateFailures connection attempts that failed (including a failing {@code init} hook)
 * @param totalAcquired successful acquires
 * @param totalAcquireTimeouts acquires that failed because the acquire timeout expired
 * @param totalLeaksSuspected connections held past the leak detection threshold
 */
public record PgPoolStats(
        String name,
        int size,
        int idle,
        int acquired,
        int maintenance,
        int creating,
        int pending,
        int minSize,
        int maxSize,
        long totalCreated,
        long totalClosed,
        long totalCreateFailures,
        long totalAcquired,
        long totalAcquireTimeouts,
        long totalLeaksSuspected) {
}
