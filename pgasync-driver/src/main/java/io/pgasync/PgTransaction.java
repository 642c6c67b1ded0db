package io.pgasync;

import java.util.concurrent.CompletableFuture;

/**
 * A transaction on a connection, or a savepoint when created inside another one (asyncpg's {@code Transaction}).
 *
 * <p>Call {@link #start()}, run queries on the connection, then {@link #commit()} or {@link #rollback()}. The
 * functional form {@link PgConnection#transaction(java.util.function.Function)} does all of that for you.
 * A transaction object is used once.
 *
 * <p>Inside a transaction PostgreSQL behaves as usual: after an error every statement fails with
 * {@code InFailedSqlTransactionException} until the transaction (or the savepoint) is rolled back.
 */
public interface PgTransaction {

    /** The life cycle of a transaction object. */
    enum State {
        /** Created, not started. */
        NEW,
        /** Started; neither committed nor rolled back. */
        STARTED,
        /** Committed (or, for a savepoint, released). */
        COMMITTED,
        /** Rolled back. */
        ROLLED_BACK,
        /** A start, commit or rollback failed; the state on the server is whatever the error says. */
        FAILED
    }

    /**
     * Starts it: {@code BEGIN} with the isolation level, read-only and deferrable options for a top-level
     * transaction, {@code SAVEPOINT} for a nested one.
     *
     * @return completes when the server has started it
     * @throws IllegalStateException (in the future) when it was already started, or when the connection is in
     *     a transaction started by a plain {@code BEGIN} rather than through {@link PgConnection#transaction()}
     */
    CompletableFuture<Void> start();

    /**
     * Commits it ({@code COMMIT}, or {@code RELEASE SAVEPOINT}). Committing a transaction that failed on the
     * server rolls it back and fails.
     *
     * @return completes when the server has committed it
     */
    CompletableFuture<Void> commit();

    /**
     * Rolls it back ({@code ROLLBACK}, or {@code ROLLBACK TO SAVEPOINT} then {@code RELEASE SAVEPOINT}).
     *
     * @return completes when the server has rolled it back
     */
    CompletableFuture<Void> rollback();

    /**
     * The state of this transaction object.
     *
     * @return the state
     */
    State state();

    /**
     * Whether this is a savepoint inside another transaction.
     *
     * @return true when nested
     */
    boolean isNested();
}
