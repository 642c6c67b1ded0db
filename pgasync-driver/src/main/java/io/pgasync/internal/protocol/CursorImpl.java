package io.pgasync.internal.protocol;

import io.pgasync.CommandStatus;
import io.pgasync.PgCursor;
import io.pgasync.RowMapper;
import io.pgasync.exception.PgClientException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An explicit cursor: a named portal in the current transaction, moved through by the caller.
 *
 * @param <R> the mapped row type
 */
final class CursorImpl<R> implements PgCursor<R> {

    private final PgConnectionImpl conn;
    private final StatementCache.Entry statement;
    private final String portal;
    private final RowMapper<R> mapper;
    private volatile boolean closed;

    CursorImpl(PgConnectionImpl conn, StatementCache.Entry statement, String portal, RowMapper<R> mapper) {
        this.conn = conn;
        this.statement = statement;
        this.portal = portal;
        this.mapper = mapper;
    }

    private <T> CompletableFuture<T> checkOpen() {
        return closed ? CompletableFuture.failedFuture(new PgClientException("This cursor is closed")) : null;
    }

    @Override
    public CompletableFuture<List<R>> fetch(int n) {
        CompletableFuture<List<R>> bad = checkOpen();
        if (bad != null) {
            return bad;
        }
        if (n < 1) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("fetch(n) needs n >= 1, not " + n));
        }
        PortalCommand<List<R>> fetch = new PortalCommand<>(PortalCommand.Kind.FETCH, conn, statement, portal, null,
                n, mapper);
        conn.submit(fetch, conn.defaultTimeout());
        return fetch.future;
    }

    @Override
    public CompletableFuture<R> fetchRow() {
        return fetch(1).thenApply(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    @Override
    public CompletableFuture<Long> forward(int n) {
        CompletableFuture<Long> bad = checkOpen();
        if (bad != null) {
            return bad;
        }
        if (n < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("forward(n) needs n >= 0, not " + n));
        }
        return conn.execute("MOVE FORWARD " + n + " FROM " + Identifiers.quoteIdentifier(portal))
                .thenApply(status -> Math.max(0, CommandStatus.parse(status).rowCount()));
    }

    @Override
    public CompletableFuture<Void> close() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        closed = true;
        if (conn.isClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        PortalCommand<Void> close = new PortalCommand<>(PortalCommand.Kind.CLOSE, conn, statement, portal, null, 0,
                null);
        conn.submit(close, conn.defaultTimeout());
        return close.future;
    }

    @Override
    public String toString() {
        return "PgCursor[" + portal + ": " + statement.sql + "]";
    }
}
