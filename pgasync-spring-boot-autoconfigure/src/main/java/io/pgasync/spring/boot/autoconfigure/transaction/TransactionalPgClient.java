package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.PgClient;
import io.pgasync.PgPool;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link PgClient} that runs each call inside the current thread-bound Spring transaction
 * ({@link PgTransactionManager}, {@code @Transactional}, {@code TransactionTemplate}) when there is one, on its
 * connection and within its timeout, and on the pool (a connection per call) otherwise. Failures are Spring
 * {@link org.springframework.dao.DataAccessException}s ({@link PgExceptionTranslator}), with the driver's exception
 * as the cause.
 *
 * <p>The transaction is looked up on the thread that makes the call. Make the calls from the transactional method's
 * own thread (waiting for each with {@code join()} is fine there); a call made later from a callback of a future
 * (e.g. in {@code thenCompose}) runs on a driver thread where no transaction is bound, so it would run outside the
 * transaction. For asynchronous composition use {@link ReactiveTransactionalPgClient} with
 * {@link PgReactiveTransactionManager}, or {@link #currentConnection()} (a call on a connection whose transaction
 * has ended fails with a clear error).
 */
public class TransactionalPgClient implements PgClient {

    private final PgPool pool;
    private final PgExceptionTranslator translator;

    /**
     * Creates a client for a pool.
     *
     * @param pool the pool (the key under which the transaction manager binds connections)
     */
    public TransactionalPgClient(PgPool pool) {
        this(pool, PgExceptionTranslator.INSTANCE);
    }

    /**
     * Creates a client for a pool with an exception translator.
     *
     * @param pool the pool
     * @param translator translates failures
     */
    public TransactionalPgClient(PgPool pool, PgExceptionTranslator translator) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    /**
     * The pool.
     *
     * @return the pool
     */
    public PgPool getPool() {
        return pool;
    }

    /**
     * What the next call runs on: the current transaction's connection (bounded by its remaining time), or the
     * pool.
     *
     * @return the client
     */
    public PgClient currentClient() {
        PgConnectionHolder holder = PgTransactionManager.currentConnection(pool);
        return holder != null && holder.isTransactionActive() ? holder.getClient() : pool;
    }

    /**
     * The current thread-bound transaction's connection.
     *
     * @return the holder, or null outside a transaction
     */
    public PgConnectionHolder currentConnection() {
        PgConnectionHolder holder = PgTransactionManager.currentConnection(pool);
        return holder != null && holder.isTransactionActive() ? holder : null;
    }

    private <T> CompletableFuture<T> wrap(CompletableFuture<T> future) {
        return Translating.translate(future, translator);
    }

    @Override
    public CompletableFuture<String> execute(String sql) {
        return wrap(currentClient().execute(sql));
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        return wrap(currentClient().execute(sql, args));
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return wrap(currentClient().executeMany(sql, argumentLists));
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return wrap(currentClient().fetch(sql, args));
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return wrap(currentClient().fetch(mapper, sql, args));
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return wrap(currentClient().fetchRow(sql, args));
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        return wrap(currentClient().fetchRow(mapper, sql, args));
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return wrap(currentClient().fetchVal(sql, args));
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        return wrap(currentClient().fetchVal(sql, type, args));
    }
}
