package io.pgasync.internal.protocol;

import io.pgasync.PgColumn;
import io.pgasync.PgPreparedStatement;
import io.pgasync.PgType;
import io.pgasync.RowMapper;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgConnectionClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * An explicit prepared statement: a named server statement outside the statement cache, valid until closed, or
 * until its connection closes or is reset.
 *
 * @param <R> the mapped row type
 */
final class PreparedStatementImpl<R> implements PgPreparedStatement<R> {

    private final PgConnectionImpl conn;
    private final StatementCache.Entry statement;
    private final RowMapper<R> mapper;
    private final int generation;
    private volatile boolean closed;
    private volatile String status;

    PreparedStatementImpl(PgConnectionImpl conn, StatementCache.Entry statement, RowMapper<R> mapper) {
        this.conn = conn;
        this.statement = statement;
        this.mapper = mapper;
        this.generation = conn.generation();
        statement.statusListener = s -> status = s;
    }

    private <T> CompletableFuture<T> check() {
        if (closed) {
            return CompletableFuture.failedFuture(new PgClientException("This prepared statement was closed;"
                    + " prepare it again"));
        }
        if (conn.isClosed()) {
            return CompletableFuture.failedFuture(new PgConnectionClosedException("This prepared statement's"
                    + " connection is closed; prepare the statement again on an open connection", null));
        }
        if (conn.generation() != generation) {
            return CompletableFuture.failedFuture(new PgClientException("This prepared statement's connection was"
                    + " reset (for example returned to a pool) after it was prepared; prepare it again"));
        }
        return null;
    }

    @Override
    public String getQuery() {
        return statement.sql;
    }

    @Override
    public List<PgType> getParameters() {
        List<PgType> types = new ArrayList<>(statement.parameterTypes.length);
        for (int oid : statement.parameterTypes) {
            types.add(new PgType(oid, conn.codecs.typeName(oid)));
        }
        return List.copyOf(types);
    }

    @Override
    public List<PgColumn> getAttributes() {
        return statement.rowDescription == null ? List.of() : statement.rowDescription.columns;
    }

    @Override
    public String getStatusMsg() {
        return status;
    }

    @Override
    public CompletableFuture<List<R>> fetch(Object... args) {
        CompletableFuture<List<R>> bad = check();
        return bad != null ? bad : conn.runStatement(statement, "rows", args, null, mapper);
    }

    @Override
    public CompletableFuture<R> fetchRow(Object... args) {
        CompletableFuture<R> bad = check();
        return bad != null ? bad : conn.runStatement(statement, "first", args, null, mapper);
    }

    @Override
    public CompletableFuture<Object> fetchVal(Object... args) {
        CompletableFuture<Object> bad = check();
        RowMapper<Object> firstColumn = row -> row.size() == 0 ? null : row.get(0);
        return bad != null ? bad : conn.runStatement(statement, "first", args, null, firstColumn);
    }

    @Override
    public CompletableFuture<String> execute(Object... args) {
        CompletableFuture<String> bad = check();
        return bad != null ? bad : conn.runStatement(statement, "status", args, null, null);
    }

    @Override
    public CompletableFuture<Long> executeMany(Iterable<? extends List<?>> argumentLists) {
        CompletableFuture<Long> bad = check();
        if (bad != null) {
            return bad;
        }
        List<Object[]> batches = new ArrayList<>();
        for (List<?> list : argumentLists) {
            batches.add(list.toArray());
        }
        if (batches.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        return conn.runStatement(statement, "many", null, batches, null);
    }

    @Override
    public Flow.Publisher<R> cursor(int prefetch, Object... args) {
        CompletableFuture<Object> bad = check();
        if (bad != null) {
            return subscriber -> {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                subscriber.onError(PgConnectionImpl.unwrapFailure(bad));
            };
        }
        return new RowPublisher<>(conn, statement.sql, statement, args, prefetch, mapper);
    }

    @Override
    public CompletableFuture<String> explain(boolean analyze, Object... args) {
        CompletableFuture<String> bad = check();
        return bad != null ? bad : conn.explain(statement.sql, analyze, args);
    }

    @Override
    public CompletableFuture<Void> close() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        closed = true;
        if (conn.isClosed() || conn.generation() != generation) {
            return CompletableFuture.completedFuture(null); // gone with its session, or deallocated by the reset
        }
        return conn.closeStatement(statement.name);
    }

    @Override
    public String toString() {
        return "PgPreparedStatement[" + statement.name + ": " + statement.sql + "]";
    }
}
