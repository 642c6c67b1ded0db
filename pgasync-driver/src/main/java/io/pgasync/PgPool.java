package io.pgasync;

import io.pgasync.internal.pool.PoolImpl;
import io.pgasync.observability.PgPoolListener;
import io.pgasync.observability.PgPoolStats;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A pool of connections: what an application shares between its tasks (asyncpg's {@code Pool}).
 *
 * <pre>{@code
 * PgPool pool = PgPool.create(PoolOptions.builder()
 *         .connect("postgresql://app@db.example.com/app")
 *         .minSize(2).maxSize(20)
 *         .build());
 * List<Row> rows = pool.fetch("SELECT * FROM t WHERE id > $1", 10).join();           // acquire, run, release
 * pool.withTransaction(conn -> conn.execute("UPDATE t SET v = $1", "x")).join();     // commit or roll back, release
 * try (PgPooledConnection conn = pool.acquire().join()) { ... }                       // release on close
 * pool.close().join();
 * }</pre>
 *
 * <p><b>Guarantees.</b> An acquire completes or fails within its timeout ({@link PoolOptions#acquireTimeout()}),
 * with {@link io.pgasync.exception.PgPoolTimeoutException}, whose message says whether the pool was exhausted or
 * could not reach the server. Waiters are served in arrival order. At most {@link PoolOptions#maxSize()}
 * connections exist (those being opened included). A connection is never lost: whatever happens to a caller
 * (timeout, cancellation of its future, an exception, forgetting to release) or to the connection (a failing hook,
 * the server ending it while idle or in use), the connection ends up back in the pool or closed, and the figures
 * ({@link #stats()}) stay exact. A connection is handed out only outside a transaction, after its reset succeeded.
 * When connections fail to open (the server is down), the pool retries in the background with exponential backoff,
 * one attempt at a time, and returns to {@link PoolOptions#minSize()} on its own once the server is back.
 *
 * <p>Every method is thread-safe and returns at once. Futures complete on a connection's I/O thread or the pool's
 * timer thread: never block in their callbacks.
 */
public interface PgPool extends PgClient {

    /**
     * Creates a pool and starts opening its {@link PoolOptions#minSize()} connections in the background. It does
     * not wait: use {@link #connect(PoolOptions)} to wait until the pool is ready.
     *
     * @param options the pool options
     * @return the pool
     */
    static PgPool create(PoolOptions options) {
        return PoolImpl.create(options);
    }

    /**
     * Creates a pool and waits until its {@link PoolOptions#minSize()} connections are open (asyncpg's
     * {@code create_pool}). When a connection attempt fails first, the pool is terminated and the future fails with
     * that error (a wrong password fails here, not at the first query).
     *
     * @param options the pool options
     * @return the pool, ready
     */
    static CompletableFuture<PgPool> connect(PoolOptions options) {
        return PoolImpl.connect(options);
    }

    /**
     * Takes a connection from the pool, waiting at most {@link PoolOptions#acquireTimeout()}.
     *
     * <p>Cancelling the returned future gives up the wait; if the future had already completed
     * ({@code cancel} returns false), you hold the connection and must release it.
     *
     * @return the connection; fails with {@link io.pgasync.exception.PgPoolTimeoutException},
     *     {@link io.pgasync.exception.PgPoolQueueFullException} or {@link io.pgasync.exception.PgPoolClosedException}
     */
    CompletableFuture<PgPooledConnection> acquire();

    /**
     * Takes a connection from the pool, waiting at most the given time.
     *
     * @param timeout how long to wait (validation and {@code setup} included); must be positive
     * @return the connection (see {@link #acquire()})
     */
    CompletableFuture<PgPooledConnection> acquire(Duration timeout);

    /**
     * Gives a connection back (the same as {@link PgPooledConnection#release()}).
     *
     * @param connection a connection acquired from this pool
     * @return completes when the pool has it back (or closed it)
     */
    CompletableFuture<Void> release(PgPooledConnection connection);

    /**
     * Acquires a connection, runs work with it and releases it whatever happens: when the work's future completes
     * (normally or not), when the work throws, and when the caller cancels the returned future (the work's future
     * is cancelled too, which cancels a running query; the connection is released once the work's future is done).
     *
     * @param work what to do with the connection
     * @param <T> the result type
     * @return the work's result
     */
    <T> CompletableFuture<T> withConnection(Function<? super PgPooledConnection, ? extends CompletionStage<T>> work);

    /**
     * Acquires a connection, runs work in a transaction (commit on success, rollback on failure) and releases the
     * connection whatever happens (see {@link #withConnection(Function)}).
     *
     * @param work what to do in the transaction
     * @param <T> the result type
     * @return the work's result, after the commit
     */
    <T> CompletableFuture<T> withTransaction(Function<? super PgPooledConnection, ? extends CompletionStage<T>> work);

    /**
     * Like {@link #withTransaction(Function)}, with transaction options.
     *
     * @param isolation the isolation level, or null for the server default
     * @param readOnly whether the transaction is read-only
     * @param deferrable whether a serializable read-only transaction may wait for a safe snapshot
     * @param work what to do in the transaction
     * @param <T> the result type
     * @return the work's result, after the commit
     */
    <T> CompletableFuture<T> withTransaction(IsolationLevel isolation, boolean readOnly, boolean deferrable,
            Function<? super PgPooledConnection, ? extends CompletionStage<T>> work);

    /**
     * Closes gracefully, waiting as long as it takes: new acquires fail at once with
     * {@link io.pgasync.exception.PgPoolClosedException} (so do waiting ones), idle connections are closed, and each
     * acquired connection is closed when it is released. Idempotent.
     *
     * @return completes when every connection is closed
     */
    CompletableFuture<Void> close();

    /**
     * Closes gracefully like {@link #close()}, but terminates whatever is still open after the timeout.
     *
     * @param timeout how long to wait for acquired connections to be released
     * @return completes when every connection is closed
     */
    CompletableFuture<Void> close(Duration timeout);

    /**
     * Closes the pool and every connection at once, acquired ones included (their calls fail).
     */
    void terminate();

    /**
     * Whether {@link #close()} or {@link #terminate()} was called.
     *
     * @return true when closing or closed
     */
    boolean isClosed();

    /**
     * Replaces every connection open now: idle ones are closed at once, acquired ones when they are released; the
     * pool refills to its minimum with new connections (asyncpg's {@code expire_connections}).
     */
    void expireConnections();

    /**
     * Opens new connections with these options from now on; existing connections stay until they expire (call
     * {@link #expireConnections()} to replace them now), as asyncpg's {@code set_connect_args}.
     *
     * @param connectOptions the new connect options
     */
    void setConnectArgs(PgConnectOptions connectOptions);

    /**
     * Opens new connections with this factory from now on (see {@link #setConnectArgs(PgConnectOptions)}).
     *
     * @param connectionFactory the new factory; each call opens a new connection
     */
    void setConnectionFactory(Supplier<? extends CompletionStage<? extends PgConnection>> connectionFactory);

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    void addPoolListener(PgPoolListener listener);

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    void removePoolListener(PgPoolListener listener);

    /**
     * The open connections: idle, acquired and those the pool is working on (not those being opened).
     *
     * @return the size
     */
    int getSize();

    /**
     * The idle connections, ready to be handed out.
     *
     * @return the idle count
     */
    int getIdleSize();

    /**
     * The connections handed out and not yet released.
     *
     * @return the acquired count
     */
    int getAcquiredSize();

    /**
     * The minimum size.
     *
     * @return {@link PoolOptions#minSize()}
     */
    int getMinSize();

    /**
     * The maximum size.
     *
     * @return {@link PoolOptions#maxSize()}
     */
    int getMaxSize();

    /**
     * The callers waiting for a connection.
     *
     * @return the pending acquires
     */
    int getPendingAcquires();

    /**
     * A consistent snapshot of every figure.
     *
     * @return the statistics
     */
    PgPoolStats stats();

    /**
     * The options the pool was created with.
     *
     * @return the options
     */
    PoolOptions getOptions();

    /**
     * The pool's name.
     *
     * @return the name
     */
    String getName();

    /**
     * Streams a query's rows on a pooled connection: each subscription acquires one, streams with back-pressure
     * (see {@link PgConnection#cursor(int, String, Object...)}) and releases it when the stream ends or is
     * cancelled.
     *
     * @param prefetch rows per round trip, at least 1
     * @param sql one SQL query with {@code $n} parameters
     * @param args the parameter values
     * @return a cold publisher
     */
    default java.util.concurrent.Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args) {
        return io.pgasync.internal.pool.PooledCursor.publisher(this, prefetch, sql, args);
    }

    /**
     * COPY out of a table on a pooled connection (see {@link PgConnection#copyFromTable}).
     *
     * @param table the table
     * @param sink where the data goes
     * @param options COPY options, or null
     * @return the number of rows
     */
    default CompletableFuture<Long> copyFromTable(String table, CopySink sink, PgCopyOptions options) {
        return withConnection(c -> c.copyFromTable(table, sink, options));
    }

    /**
     * COPY out of a query on a pooled connection (see {@link PgConnection#copyFromQuery}).
     *
     * @param query the query
     * @param sink where the data goes
     * @param options COPY options, or null
     * @param args the parameter values
     * @return the number of rows
     */
    default CompletableFuture<Long> copyFromQuery(String query, CopySink sink, PgCopyOptions options,
            Object... args) {
        return withConnection(c -> c.copyFromQuery(query, sink, options, args));
    }

    /**
     * COPY into a table on a pooled connection (see {@link PgConnection#copyToTable}).
     *
     * @param table the table
     * @param source where the data comes from
     * @param options COPY options, or null
     * @return the number of rows
     */
    default CompletableFuture<Long> copyToTable(String table, CopySource source, PgCopyOptions options) {
        return withConnection(c -> c.copyToTable(table, source, options));
    }

    /**
     * Binary COPY of records on a pooled connection (see {@link PgConnection#copyRecordsToTable(String, Iterable,
     * PgCopyOptions)}).
     *
     * @param table the table
     * @param records the rows
     * @param options COPY options, or null
     * @return the number of rows
     */
    default CompletableFuture<Long> copyRecordsToTable(String table, Iterable<? extends java.util.List<?>> records,
            PgCopyOptions options) {
        return withConnection(c -> c.copyRecordsToTable(table, records, options));
    }

    /**
     * Listens to a channel on a dedicated connection of the pool (opened on first use, outside the pool's size).
     * When that connection is lost, the pool opens a new one with backoff, listens again on every channel, and calls
     * {@link PgNotificationListener#onGap} on each listener, since notifications sent meanwhile may have been missed.
     *
     * @param channel the channel (quoted as an identifier)
     * @param listener called for each notification, in order
     * @return completes once the server listens
     */
    CompletableFuture<Void> addListener(String channel, PgNotificationListener listener);

    /**
     * Removes a pool-level listener; UNLISTEN when it was the channel's last one.
     *
     * @param channel the channel
     * @param listener the listener
     * @return completes when done
     */
    CompletableFuture<Void> removeListener(String channel, PgNotificationListener listener);
}
