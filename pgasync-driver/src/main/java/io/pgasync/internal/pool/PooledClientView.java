package io.pgasync.internal.pool;

import io.pgasync.PgClient;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A pooled connection's {@code withTimeout} view: the connection's own view, refused once the lease is over. */
final class PooledClientView implements PgClient {

    private final PooledConnectionImpl owner;
    private final PgClient target;

    PooledClientView(PooledConnectionImpl owner, PgClient target) {
        this.owner = owner;
        this.target = target;
    }

    private <T> CompletableFuture<T> refused() {
        return CompletableFuture.failedFuture(owner.releasedException());
    }

    @Override
    public CompletableFuture<String> execute(String sql) {
        return owner.admit() ? target.execute(sql) : refused();
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        return owner.admit() ? target.execute(sql, args) : refused();
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return owner.admit() ? target.executeMany(sql, argumentLists) : refused();
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return owner.admit() ? target.fetch(sql, args) : refused();
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return owner.admit() ? target.fetch(mapper, sql, args) : refused();
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return owner.admit() ? target.fetchRow(sql, args) : refused();
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        return owner.admit() ? target.fetchRow(mapper, sql, args) : refused();
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return owner.admit() ? target.fetchVal(sql, args) : refused();
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        return owner.admit() ? target.fetchVal(sql, type, args) : refused();
    }
}
