package io.pgasync;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A connection lent by a {@link PgPool}: it runs queries like a {@link PgConnection} until it is released, then
 * refuses every call with {@link io.pgasync.exception.PgConnectionReleasedException}, since the pool may already have
 * lent the underlying connection to someone else (asyncpg's pool connection proxy).
 *
 * <p>Release it exactly once: with try-with-resources ({@link #close()}), with {@link #release()}, or let
 * {@link PgPool#withConnection(Function)} do it. Releasing runs the pool's {@code reset} (by default: roll back an
 * open transaction, then {@link #getResetQuery()}), so the next caller gets a clean session. A connection that is
 * garbage-collected without being released is closed by the pool, with a warning in the log.
 *
 * <pre>{@code
 * try (PgPooledConnection conn = pool.acquire().join()) {
 *     conn.execute("UPDATE t SET v = $1 WHERE id = $2", "x", 1).join();
 * }
 * }</pre>
 *
 * <p>Like a connection, it may be used from several threads at once (calls are pipelined). Listeners and query
 * loggers added through it are removed when it is released.
 */
public interface PgPooledConnection extends PgClient, AutoCloseable {

    /**
     * A view of this connection whose calls time out after the given duration (see
     * {@link PgConnection#withTimeout(Duration)}); it stops working when this connection is released.
     *
     * @param timeout the per-call timeout; zero or negative means none
     * @return a client running on this connection
     */
    PgClient withTimeout(Duration timeout);

    /**
     * A new transaction object (see {@link PgConnection#transaction()}); it stops working when this connection is
     * released.
     *
     * @return the transaction, not started
     */
    PgTransaction transaction();

    /**
     * A new transaction object with options (see {@link PgConnection#transaction(IsolationLevel, boolean, boolean)}).
     *
     * @param isolation the isolation level, or null for the server default
     * @param readOnly whether the transaction is read-only
     * @param deferrable whether a serializable read-only transaction may wait for a safe snapshot
     * @return the transaction, not started
     */
    PgTransaction transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable);

    /**
     * Runs work in a transaction on this connection: commits when the work's future completes normally, rolls back
     * when it fails or throws (see {@link PgConnection#transaction(Function)}).
     *
     * @param work queries to run; it receives this pooled connection
     * @param <T> the result type
     * @return the work's result, after the commit
     */
    <T> CompletableFuture<T> transaction(Function<? super PgPooledConnection, ? extends CompletionStage<T>> work);

    /**
     * Runs work in a transaction with options.
     *
     * @param isolation the isolation level, or null for the server default
     * @param readOnly whether the transaction is read-only
     * @param deferrable whether a serializable read-only transaction may wait for a safe snapshot
     * @param work queries to run; it receives this pooled connection
     * @param <T> the result type
     * @return the work's result, after the commit
     */
    <T> CompletableFuture<T> transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable,
            Function<? super PgPooledConnection, ? extends CompletionStage<T>> work);

    /**
     * Adds a listener for the server's notices; it is removed on release.
     *
     * @param listener the listener (it receives {@link #asConnection()} as the connection)
     */
    void addLogListener(PgLogListener listener);

    /**
     * Removes a notice listener.
     *
     * @param listener the listener
     */
    void removeLogListener(PgLogListener listener);

    /**
     * Adds a listener told if the connection closes while this lease holds it; it is removed on release.
     *
     * @param listener the listener (it receives {@link #asConnection()} as the connection)
     */
    void addTerminationListener(PgTerminationListener listener);

    /**
     * Removes a termination listener.
     *
     * @param listener the listener
     */
    void removeTerminationListener(PgTerminationListener listener);

    /**
     * Adds a query logger that does not see parameter values; it is removed on release.
     *
     * @param logger the logger
     */
    void addQueryLogger(PgQueryLogger logger);

    /**
     * Adds a query logger; it is removed on release.
     *
     * @param logger the logger
     * @param withArguments whether the logger receives parameter values (they may be secrets)
     */
    void addQueryLogger(PgQueryLogger logger, boolean withArguments);

    /**
     * Removes a query logger.
     *
     * @param logger the logger
     */
    void removeQueryLogger(PgQueryLogger logger);

    /**
     * Whether this lease is over: released, or the underlying connection is closed.
     *
     * @return true when it can no longer run queries
     */
    boolean isClosed();

    /**
     * Whether this lease has been released (or taken back by the pool on {@link PgPool#terminate()}).
     *
     * @return true when released
     */
    boolean isReleased();

    /**
     * Whether the connection is inside a transaction block (see {@link PgConnection#isInTransaction()}).
     *
     * @return true when in a transaction
     */
    boolean isInTransaction();

    /**
     * See {@link PgConnection#getHost()}.
     *
     * @return the server's host and port
     */
    PgHost getHost();

    /**
     * The server process ID of the underlying connection.
     *
     * @return the PID
     */
    int getServerPid();

    /**
     * The server version.
     *
     * @return the version
     */
    ServerVersion getServerVersion();

    /**
     * The server settings (see {@link PgConnection#getSettings()}).
     *
     * @return an unmodifiable snapshot
     */
    Map<String, String> getSettings();

    /**
     * The options the underlying connection was opened with.
     *
     * @return the options
     */
    PgConnectOptions getOptions();

    /**
     * Resets the session now (see {@link PgConnection#reset()}); the pool resets it on release anyway.
     *
     * @return completes when reset
     */
    CompletableFuture<Void> reset();

    /**
     * The query that resets session state (see {@link PgConnection#getResetQuery()}).
     *
     * @return the reset query
     */
    String getResetQuery();

    /**
     * Prepares a statement on this connection (see {@link PgConnection#prepare(String)}); it stops working when
     * the connection is released.
     *
     * @param sql one SQL command with {@code $n} parameters
     * @return the statement
     */
    CompletableFuture<PgPreparedStatement<Row>> prepare(String sql);

    /**
     * Prepares a statement with a row mapper (see {@link PgConnection#prepare(String, RowMapper)}).
     *
     * @param sql one SQL command with {@code $n} parameters
     * @param mapper maps each row
     * @param <T> the mapped type
     * @return the statement
     */
    <T> CompletableFuture<PgPreparedStatement<T>> prepare(String sql, RowMapper<T> mapper);

    /**
     * Streams a query's rows (see {@link PgConnection#cursor(int, String, Object...)}).
     *
     * @param prefetch rows per round trip
     * @param sql one SQL query with {@code $n} parameters
     * @param args the parameter values
     * @return a cold publisher
     */
    java.util.concurrent.Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args);

    /**
     * Opens an explicit cursor in the current transaction (see {@link PgConnection#openCursor(String, Object...)}).
     *
     * @param sql one SQL query with {@code $n} parameters
     * @param args the parameter values
     * @return the cursor
     */
    CompletableFuture<PgCursor<Row>> openCursor(String sql, Object... args);

    /**
     * COPY out of a table (see {@link PgConnection#copyFromTable}).
     *
     * @param table the table
     * @param sink where the data goes
     * @param options COPY options, or null
     * @return the number of rows
     */
    CompletableFuture<Long> copyFromTable(String table, CopySink sink, PgCopyOptions options);

    /**
     * COPY out of a query (see {@link PgConnection#copyFromQuery}).
     *
     * @param query the query
     * @param sink where the data goes
     * @param options COPY options, or null
     * @param args the parameter values
     * @return the number of rows
     */
    CompletableFuture<Long> copyFromQuery(String query, CopySink sink, PgCopyOptions options, Object... args);

    /**
     * COPY into a table (see {@link PgConnection#copyToTable}).
     *
     * @param table the table
     * @param source where the data comes from
     * @param options COPY options, or null
     * @return the number of rows
     */
    CompletableFuture<Long> copyToTable(String table, CopySource source, PgCopyOptions options);

    /**
     * Binary COPY of records into a table (see {@link PgConnection#copyRecordsToTable(String, Iterable,
     * PgCopyOptions)}).
     *
     * @param table the table
     * @param records the rows
     * @param options COPY options, or null
     * @return the number of rows
     */
    CompletableFuture<Long> copyRecordsToTable(String table, Iterable<? extends List<?>> records,
            PgCopyOptions options);

    /**
     * Listens to a channel on this connection until release (see {@link PgConnection#addListener}).
     *
     * @param channel the channel
     * @param listener the listener
     * @return completes once the server listens
     */
    CompletableFuture<Void> addListener(String channel, PgNotificationListener listener);

    /**
     * Stops a listener (see {@link PgConnection#removeListener}).
     *
     * @param channel the channel
     * @param listener the listener
     * @return completes when done
     */
    CompletableFuture<Void> removeListener(String channel, PgNotificationListener listener);

    /**
     * This lease seen as a {@link PgConnection}, for code that takes one: its {@code close()} releases this lease
     * (it does not close the underlying connection), its {@code terminate()} is {@link #terminate()}, and it stops
     * working on release like this object.
     *
     * @return the view
     */
    PgConnection asConnection();

    /**
     * Gives the connection back to the pool. Idempotent: later calls return the same future.
     *
     * @return completes when the pool has reset the connection and taken it back (or closed it); never fails
     */
    CompletableFuture<Void> release();

    /** Releases the connection ({@link #release()}) without waiting: for try-with-resources. */
    @Override
    void close();

    /**
     * Closes the underlying connection at once instead of giving it back (for a connection in an unknown state);
     * the pool replaces it as needed. Ends this lease.
     */
    void terminate();
}
