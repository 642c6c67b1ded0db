package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.PgClient;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The client a transaction hands out: it runs calls on the transaction's connection, bounded by the transaction's
 * remaining time, and refuses them once the transaction is ending (its commit or rollback has been sent), so that a
 * continuation running after a {@code @Transactional} method returned fails clearly instead of running outside the
 * transaction on the same connection.
 */
final class TransactionBoundClient implements PgClient {

    private final PgConnectionHolder holder;

    TransactionBoundClient(PgConnectionHolder holder) {
        this.holder = holder;
    }

    private <T> CompletableFuture<T> call(java.util.function.Function<PgClient, CompletableFuture<T>> work) {
        if (!holder.isTransactionActive()) {
            return CompletableFuture.failedFuture(new InvalidDataAccessApiUsageException("This connection's"
                    + " transaction has ended (committed or rolled back), so the call was refused rather than run"
                    + " outside it. A continuation of a CompletableFuture that runs after its @Transactional method"
                    + " returned is outside the transaction: see docs/spring-boot.md, \"CompletableFuture and"
                    + " transactions\"."));
        }
        PgClient target;
        try {
            target = holder.hasTimeout()
                    ? holder.getConnection().withTimeout(Duration.ofMillis(holder.getTimeToLiveInMillis()))
                    : holder.getConnection();
        } catch (RuntimeException e) { // TransactionTimedOutException
            return CompletableFuture.failedFuture(e);
        }
        return work.apply(target);
    }

    @Override
    public CompletableFuture<String> execute(String sql) {
        return call(c -> c.execute(sql));
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        return call(c -> c.execute(sql, args));
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return call(c -> c.executeMany(sql, argumentLists));
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return call(c -> c.fetch(sql, args));
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return call(c -> c.fetch(mapper, sql, args));
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return call(c -> c.fetchRow(sql, args));
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        return call(c -> c.fetchRow(mapper, sql, args));
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return call(c -> c.fetchVal(sql, args));
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        return call(c -> c.fetchVal(sql, type, args));
    }
}
