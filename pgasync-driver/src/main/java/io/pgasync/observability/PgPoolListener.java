package io.pgasync.observability;

import java.time.Duration;

/**
 * Hears what a pool does, for metrics and diagnostics. Every method has an empty default: implement the ones you
 * need. Register with {@link io.pgasync.PoolOptions.Builder#listener(PgPoolListener)} or
 * {@link io.pgasync.PgPool#addPoolListener(PgPoolListener)}.
 *
 * <p>Methods are called on whatever thread made the event happen (a caller's thread, a connection's I/O thread,
 * the pool's timer thread), never while the pool holds its lock. Keep them short and never block. An exception
 * thrown by a listener is logged and otherwise ignored.
 */
public interface PgPoolListener {

    /** Why the pool closed a connection. */
    enum CloseReason {
        /** It reached {@code maxLifetime}. */
        MAX_LIFETIME,
        /** It stayed idle longer than {@code maxInactiveLifetime} while the pool was above {@code minSize}. */
        INACTIVE,
        /** It ran {@code maxQueries} queries. */
        MAX_QUERIES,
        /** {@link io.pgasync.PgPool#expireConnections()} was called after it was created. */
        EXPIRED,
        /** The server ended it or it was lost (for example {@code pg_terminate_backend}, a restart). */
        BROKEN,
        /** Validation before a hand-out, or a keep-alive ping, failed or timed out. */
        VALIDATION_FAILED,
        /** The {@code reset} hook failed or timed out, or left the connection inside a transaction. */
        RESET_FAILED,
        /** The {@code setup} hook failed or timed out. */
        SETUP_FAILED,
        /** A caller closed it through {@link io.pgasync.PgPooledConnection#terminate()}. */
        TERMINATED_BY_CALLER,
        /** It was garbage-collected while acquired, without ever being released. */
        ABANDONED,
        /** The pool was closed or terminated. */
        POOL_CLOSED
    }

    /**
     * A connection was handed out.
     *
     * @param waitTime from the call to {@code acquire} to the hand-out (including validation and {@code setup})
     */
    default void onAcquire(Duration waitTime) {}

    /**
     * A connection was released by its holder (before its reset).
     *
     * @param holdTime from the hand-out to the release
     */
    default void onRelease(Duration holdTime) {}

    /**
     * A new connection was opened (and its {@code init} hook has run).
     *
     * @param duration how long it took, {@code init} included
     */
    default void onCreate(Duration duration) {}

    /**
     * A connection attempt failed (the pool retries with backoff while connections are needed).
     *
     * @param duration how long the attempt took
     * @param error why it failed
     */
    default void onCreateFailure(Duration duration, Throwable error) {}

    /**
     * The pool closed a connection.
     *
     * @param reason why
     */
    default void onClose(CloseReason reason) {}

    /**
     * An acquire failed because no connection became available within its timeout.
     *
     * @param timeout the acquire timeout that expired
     */
    default void onAcquireTimeout(Duration timeout) {}

    /**
     * A connection has been held longer than the leak detection threshold (reported once per hand-out; the
     * connection is not taken away).
     *
     * @param heldFor how long it has been held
     * @param acquiredAt a throwable whose stack trace is where it was acquired
     */
    default void onLeakSuspected(Duration heldFor, Throwable acquiredAt) {}
}
