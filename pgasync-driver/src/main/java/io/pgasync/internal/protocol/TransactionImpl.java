package io.pgasync.internal.protocol;

import io.pgasync.IsolationLevel;
import io.pgasync.PgConnection;
import io.pgasync.PgTransaction;
import io.pgasync.exception.PgClientException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A transaction object (asyncpg's {@code Transaction}): BEGIN/COMMIT/ROLLBACK for the outermost one,
 * SAVEPOINT/RELEASE/ROLLBACK TO for nested ones. The control statements go through the connection's pipeline like
 * any query, so they keep their order with the caller's other calls.
 */
final class TransactionImpl implements PgTransaction {

    private final PgConnectionImpl conn;
    private final IsolationLevel isolation;
    private final boolean readOnly;
    private final boolean deferrable;
    private volatile State state = State.NEW;
    private volatile boolean nested;
    private volatile boolean begun;
    private volatile boolean finishing;
    private String savepoint;

    TransactionImpl(PgConnectionImpl conn, IsolationLevel isolation, boolean readOnly, boolean deferrable) {
        this.conn = conn;
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.deferrable = deferrable;
    }

    @Override
    public synchronized CompletableFuture<Void> start() {
        if (state != State.NEW) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "This transaction was already started (it is " + state + "); create a new one"));
        }
        TransactionImpl top = conn.topTransaction;
        if (top != null && top.isStale()) {
            conn.topTransaction = null;
            top = null;
        }
        String sql;
        if (top == null) {
            if (conn.isInTransaction()) {
                return CompletableFuture.failedFuture(new IllegalStateException("The connection is in a transaction"
                        + " started with a plain BEGIN; transaction() cannot manage it. Finish it with COMMIT or"
                        + " ROLLBACK first, or start transactions only through transaction()."));
            }
            nested = false;
            conn.topTransaction = this;
            sql = beginStatement();
        } else {
            nested = true;
            savepoint = conn.nextSavepointName();
            sql = "SAVEPOINT " + savepoint;
        }
        state = State.STARTED;
        return conn.execute(sql).handle((status, error) -> {
            if (error != null) {
                state = State.FAILED;
                if (!nested && conn.topTransaction == this) {
                    conn.topTransaction = null;
                }
                throw asCompletionException(error);
            }
            begun = true;
            return null;
        });
    }

    private String beginStatement() {
        StringBuilder sb = new StringBuilder("BEGIN");
        boolean first = true;
        if (isolation != null) {
            sb.append(" ISOLATION LEVEL ").append(isolation.sql());
            first = false;
        }
        if (readOnly) {
            sb.append(first ? " " : ", ").append("READ ONLY");
            first = false;
        }
        if (deferrable) {
            sb.append(first ? " " : ", ").append("DEFERRABLE");
        }
        return sb.toString();
    }

    @Override
    public synchronized CompletableFuture<Void> commit() {
        if (state != State.STARTED) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Cannot commit a transaction that is " + state));
        }
        finishing = true;
        String sql = nested ? "RELEASE SAVEPOINT " + savepoint : "COMMIT";
        return conn.execute(sql).handle((status, error) -> {
            if (!nested && conn.topTransaction == this) {
                conn.topTransaction = null;
            }
            if (error != null) {
                state = State.FAILED;
                throw asCompletionException(error);
            }
            if (!nested && "ROLLBACK".equals(status)) {
                state = State.ROLLED_BACK;
                throw new CompletionException(new PgClientException("COMMIT rolled the transaction back: a statement"
                        + " in it had failed, which aborts a PostgreSQL transaction. Look at the earlier error."));
            }
            state = State.COMMITTED;
            return null;
        });
    }

    @Override
    public synchronized CompletableFuture<Void> rollback() {
        if (state != State.STARTED) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Cannot roll back a transaction that is " + state));
        }
        finishing = true;
        String sql = nested ? "ROLLBACK TO SAVEPOINT " + savepoint + "; RELEASE SAVEPOINT " + savepoint : "ROLLBACK";
        return conn.execute(sql).handle((status, error) -> {
            if (!nested && conn.topTransaction == this) {
                conn.topTransaction = null;
            }
            if (error != null) {
                state = State.FAILED;
                throw asCompletionException(error);
            }
            state = State.ROLLED_BACK;
            return null;
        });
    }

    /** Runs work between start and commit, rolling back on any failure of the work. */
    <T> CompletableFuture<T> run(Function<? super PgConnection, ? extends CompletionStage<T>> work) {
        return start().thenCompose(started -> {
            CompletionStage<T> stage;
            try {
                stage = work.apply(conn);
                if (stage == null) {
                    stage = CompletableFuture.failedFuture(new NullPointerException(
                            "the transaction's work returned null instead of a CompletionStage"));
                }
            } catch (Throwable t) {
                stage = CompletableFuture.failedFuture(t);
            }
            return stage.handle((result, error) -> {
                if (error == null) {
                    return commit().thenApply(v -> result);
                }
                Throwable cause = unwrap(error);
                return rollback().<T>handle((v, rollbackError) -> {
                    if (rollbackError != null && unwrap(rollbackError) != cause) {
                        cause.addSuppressed(unwrap(rollbackError));
                    }
                    throw asCompletionException(cause);
                });
            }).thenCompose(Function.identity());
        });
    }

    /** Whether the transaction block this object began has ended without it (a plain COMMIT, a lost session). */
    boolean isStale() {
        return (begun && !finishing && !conn.isInTransaction()) || state == State.FAILED || conn.isClosed();
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public boolean isNested() {
        return nested;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static CompletionException asCompletionException(Throwable t) {
        Throwable cause = unwrap(t);
        return cause instanceof CompletionException ce ? ce : new CompletionException(cause);
    }

    @Override
    public String toString() {
        return "PgTransaction[" + state + (nested ? ", savepoint " + savepoint : "") + "]";
    }
}
