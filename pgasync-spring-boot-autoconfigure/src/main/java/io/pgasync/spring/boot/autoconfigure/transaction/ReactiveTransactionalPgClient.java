package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.PgClient;
import io.pgasync.PgPool;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs queries inside the current reactive Spring transaction ({@link PgReactiveTransactionManager},
 * {@code TransactionalOperator}, {@code @Transactional} on a method returning {@code Mono}/{@code Flux}) when there is
 * one, and on the pool otherwise. Every method is lazy: nothing runs until subscription, and the transaction is
 * looked up in the subscriber's Reactor context. Failures are Spring
 * {@link org.springframework.dao.DataAccessException}s.
 *
 * <pre>{@code
 * Mono<Void> transfer = operator.transactional(
 *         client.execute("UPDATE account SET balance = balance - $1 WHERE id = $2", 10, from)
 *               .then(client.execute("UPDATE account SET balance = balance + $1 WHERE id = $2", 10, to)))
 *         .then();
 *
 * // CompletionStage-style code, in a Spring transaction that ends when its future completes:
 * CompletableFuture<Long> n = client.inTransaction(operator, c -> c.fetchVal("SELECT count(*) FROM t", Long.class));
 * }</pre>
 */
public class ReactiveTransactionalPgClient {

    private final PgPool pool;
    private final PgExceptionTranslator translator;

    /**
     * Creates a client for a pool.
     *
     * @param pool the pool (the key under which the transaction manager binds connections)
     */
    public ReactiveTransactionalPgClient(PgPool pool) {
        this(pool, PgExceptionTranslator.INSTANCE);
    }

    /**
     * Creates a client for a pool with an exception translator.
     *
     * @param pool the pool
     * @param translator translates failures
     */
    public ReactiveTransactionalPgClient(PgPool pool, PgExceptionTranslator translator) {
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
     * What work runs on: the current reactive transaction's connection (bounded by its remaining time), or the pool.
     *
     * @return the client
     */
    public Mono<PgClient> currentClient() {
        return PgReactiveTransactionManager.currentConnection(pool).map(PgConnectionHolder::getClient)
                .defaultIfEmpty(pool);
    }

    /**
     * Runs CompletionStage-returning work on {@link #currentClient()}.
     *
     * @param work the work; it receives the client
     * @param <T> the result type
     * @return the result; cancelling cancels the work's future (and its running query)
     */
    public <T> Mono<T> withClient(Function<? super PgClient, ? extends CompletionStage<T>> work) {
        return currentClient().flatMap(c -> Mono.fromFuture(() -> work.apply(c).toCompletableFuture()))
                .onErrorMap(e -> translator.translate(null, e));
    }

    /**
     * Runs CompletionStage-returning work in a Spring transaction that commits when the work's future completes
     * (and rolls back when it fails): the way to combine Spring's transaction semantics (propagation,
     * synchronizations, rollback rules) with {@code CompletableFuture} code. The work receives the transaction's
     * connection.
     *
     * @param operator a transactional operator of a {@link PgReactiveTransactionManager} for this pool
     * @param work the work
     * @param <T> the result type
     * @return the result, after the commit
     */
    public <T> CompletableFuture<T> inTransaction(TransactionalOperator operator,
            Function<? super PgClient, ? extends CompletionStage<T>> work) {
        return operator.transactional(withClient(work)).toFuture();
    }

    /**
     * See {@link PgClient#execute(String, Object...)}.
     *
     * @param sql the SQL
     * @param args the parameter values
     * @return the command status
     */
    public Mono<String> execute(String sql, Object... args) {
        return withClient(c -> args.length == 0 ? c.execute(sql) : c.execute(sql, args));
    }

    /**
     * See {@link PgClient#executeMany(String, Iterable)}.
     *
     * @param sql the SQL
     * @param argumentLists one list of values per execution
     * @return the rows affected
     */
    public Mono<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return withClient(c -> c.executeMany(sql, argumentLists));
    }

    /**
     * See {@link PgClient#fetch(String, Object...)}; the rows are emitted one by one once all have arrived.
     *
     * @param sql the query
     * @param args the parameter values
     * @return the rows
     */
    public Flux<Row> fetch(String sql, Object... args) {
        return withClient(c -> c.fetch(sql, args)).flatMapIterable(rows -> rows);
    }

    /**
     * See {@link PgClient#fetch(RowMapper, String, Object...)}.
     *
     * @param mapper maps each row
     * @param sql the query
     * @param args the parameter values
     * @param <T> the mapped type
     * @return the mapped rows
     */
    public <T> Flux<T> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return withClient(c -> c.fetch(mapper, sql, args)).flatMapIterable(rows -> rows);
    }

    /**
     * See {@link PgClient#fetchRow(String, Object...)}.
     *
     * @param sql the query
     * @param args the parameter values
     * @return the first row, or empty
     */
    public Mono<Row> fetchRow(String sql, Object... args) {
        return withClient(c -> c.fetchRow(sql, args));
    }

    /**
     * See {@link PgClient#fetchVal(String, Class, Object...)}.
     *
     * @param sql the query
     * @param type the wanted class
     * @param args the parameter values
     * @param <T> the type
     * @return the value, or empty when NULL or no row
     */
    public <T> Mono<T> fetchVal(String sql, Class<T> type, Object... args) {
        return withClient(c -> c.fetchVal(sql, type, args));
    }
}
