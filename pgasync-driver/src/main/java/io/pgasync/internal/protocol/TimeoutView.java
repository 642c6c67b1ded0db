package io.pgasync.internal.protocol;

import io.pgasync.PgClient;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A connection whose calls use a given timeout instead of the connection's default. */
final class TimeoutView implements PgClient {

    private final PgConnectionImpl conn;
    private final Duration timeout;

    TimeoutView(PgConnectionImpl conn, Duration timeout) {
        this.conn = conn;
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? null : timeout;
    }

    @Override
    public CompletableFuture<String> execute(String sql) {
        return conn.executeSimple(sql, timeout);
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        return conn.executeExtended(sql, args, timeout);
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return conn.executeMany(sql, argumentLists, timeout);
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return conn.fetch(row -> row, sql, args, timeout);
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return conn.fetch(mapper, sql, args, timeout);
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return conn.fetchRow(row -> row, sql, args, timeout);
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        return conn.fetchRow(mapper, sql, args, timeout);
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return conn.fetchVal(sql, Object.class, args, timeout);
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        return conn.fetchVal(sql, type, args, timeout);
    }
}
