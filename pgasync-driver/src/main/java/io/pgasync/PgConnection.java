package io.pgasync;

import io.pgasync.codec.Codec;
import io.pgasync.codec.PgCodecFormat;
import io.pgasync.internal.protocol.Connector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A connection to PostgreSQL: one socket, one server process, many concurrent callers.
 *
 * <p>Calls from any thread are queued and pipelined: each is written as soon as it is made, so concurrent
 * callers do not wait for each other's round trips, and each ends in its own Sync, so one failing call does not
 * fail the others. Results reach their callers in order. (asyncpg refuses concurrent use of a connection; this
 * driver allows it, up to {@code pipelineLimit} calls in flight.)
 *
 * <pre>{@code
 * PgConnection conn = PgConnection.connect("postgresql://app@localhost/app").join();
 * conn.execute("CREATE TABLE t (id int PRIMARY KEY, v text)").join();
 * conn.execute("INSERT INTO t VALUES ($1, $2)", 1, "a").join();
 * Row row = conn.fetchRow("SELECT * FROM t WHERE id = $1", 1).join();
 * String v = conn.fetchVal("SELECT v FROM t WHERE id = $1", String.class, 1).join();
 * conn.transaction(tx -> tx.execute("UPDATE t SET v = $1", "b")).join();
 * conn.close().join();
 * }</pre>
 */
public interface PgConnection extends PgClient {

    /**
     * Connects with a DSN ({@code postgresql://user:password@host:port/db?sslmode=...} or libpq
     * {@code key=value} pairs), completed by the PG* environment variables, {@code ~/.pgpass} and defaults.
     *
     * @param dsn the connection string
     * @return the connection, once authenticated and ready
     */
    static CompletableFuture<PgConnection> connect(String dsn) {
        PgConnectOptions options;
        try {
            options = PgConnectOptions.parse(dsn);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // a bad DSN fails the future, like every other error
        }
        return connect(options);
    }

    /**
     * Connects with options.
     *
     * @param options the connect options
     * @return the connection, once authenticated and ready
     */
    static CompletableFuture<PgConnection> connect(PgConnectOptions options) {
        return Connector.connect(options);
    }

    /**
     * Prepares a statement for repeated use; its rows are {@link Row}s.
     *
     * @param sql one SQL command with {@code $n} parameters
     * @return the statement, once the server has prepared and described it
     */
    CompletableFuture<PgPreparedStatement<Row>> prepare(String sql);

    /**
     * Prepares a statement whose rows are mapped by the given mapper (asyncpg's {@code record_class}).
     *
     * @param sql one SQL command with {@code $n} parameters
     * @param mapper maps each row
     * @param <T> the mapped type
     * @return the statement, once the server has prepared and described it
     */
    <T> CompletableFuture<PgPreparedStatement<T>> prepare(String sql, RowMapper<T> mapper);

    /**
     * Streams a query's rows with back-pressure, 50 rows per round trip: see
     * {@link #cursor(int, String, Object...)}.
     *
     * @param sql one SQL query with {@code $n} parameters
     * @param args the parameter values
     * @return a cold publisher: each subscription runs the query
     */
    java.util.concurrent.Flow.Publisher<Row> cursor(String sql, Object... args);

    /**
     * Streams a query's rows with back-pressure: the server is asked for {@code prefetch} rows at a time, and
     * for more only when the subscriber has requested them, so a result of any size is streamed with bounded
     * memory. Inside a transaction the rows come from a named portal, one Sync per batch, and other calls on the
     * connection can run between batches; outside a transaction (beyond asyncpg, as r2dbc-postgresql does) from the
     * unnamed portal, and the connection runs nothing else until the stream ends or is cancelled. Cancelling the
     * subscription closes the portal.
     *
     * @param prefetch rows per round trip, at least 1
     * @param sql one SQL query with {@code $n} parameters
     * @param args the parameter values
     * @return a cold publisher: each subscription runs the query
     */
    java.util.concurrent.Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args);

    /**
     * Opens a server-side cursor that the caller moves through (asyncpg's {@code Cursor}). Only inside a
     * transaction: outside one, the future fails with a clear error.
     *
     * @param sql one SQL query with {@code $n} parameters
     * @param args the parameter values
     * @return the cursor
     */
    CompletableFuture<PgCursor<Row>> openCursor(String sql, Object... args);

    /**
     * Copies a table's rows out ({@code COPY table TO STDOUT}) into a sink, streamed.
     *
     * @param table the table name (quoted; the schema and columns come from the options)
     * @param sink where the data goes
     * @param options format and COPY options, or null for the defaults (text format, all columns)
     * @return the number of rows copied
     */
    CompletableFuture<Long> copyFromTable(String table, CopySink sink, PgCopyOptions options);

    /**
     * Copies a query's result out ({@code COPY (query) TO STDOUT}) into a sink, streamed. COPY takes no parameters:
     * arguments are rendered as literals by the server ({@code quote_nullable}) and put in place of their
     * {@code $n}, which is found the way the server's lexer would (not inside strings, identifiers or comments).
     *
     * @param query a SELECT (or other query) with {@code $n} parameters
     * @param sink where the data goes
     * @param options format and COPY options, or null for the defaults
     * @param args the parameter values
     * @return the number of rows copied
     */
    CompletableFuture<Long> copyFromQuery(String query, CopySink sink, PgCopyOptions options, Object... args);

    /**
     * Copies data into a table ({@code COPY table FROM STDIN}) from a source, streamed with flow control. When the
     * source fails, or a row is bad, the COPY is aborted and rolled back, the future fails with the cause, and the
     * connection stays usable.
     *
     * @param table the table name (quoted; schema, columns, WHERE and options come from the options)
     * @param source where the data comes from, in the format the options say
     * @param options format and COPY options, or null for the defaults (text format, all columns)
     * @return the number of rows copied
     */
    CompletableFuture<Long> copyToTable(String table, CopySource source, PgCopyOptions options);

    /**
     * Copies records into a table with binary COPY, each value encoded by the column type's binary codec (asyncpg's
     * {@code copy_records_to_table}). The records are iterated on a worker thread, as the connection can send them.
     *
     * @param table the table name
     * @param records one list of values per row, in the column order of the options (or the table's)
     * @param options schema, columns and WHERE (the format is binary), or null
     * @return the number of rows copied
     */
    CompletableFuture<Long> copyRecordsToTable(String table, Iterable<? extends List<?>> records,
            PgCopyOptions options);

    /**
     * Copies records from a publisher into a table with binary COPY, requesting them as the connection can send.
     *
     * @param table the table name
     * @param records one list of values per row
     * @param options schema, columns and WHERE (the format is binary), or null
     * @return the number of rows copied
     */
    CompletableFuture<Long> copyRecordsToTable(String table, java.util.concurrent.Flow.Publisher<? extends List<?>> records,
            PgCopyOptions options);

    /**
     * A view of this connection whose calls time out after the given duration (the server is asked to cancel the
     * query, the call fails with {@link io.pgasync.exception.PgTimeoutException}, the connection stays usable).
     *
     * @param timeout the per-call timeout; zero or negative means none
     * @return a client running on this connection
     */
    PgClient withTimeout(Duration timeout);

    /**
     * A new transaction object with the server's default isolation level, read-write, not deferrable; nested
     * (a savepoint) when created while another transaction object of this connection is active.
     *
     * @return the transaction, not started
     */
    PgTransaction transaction();

    /**
     * A new transaction object with options (the options apply to a top-level transaction only).
     *
     * @param isolation the isolation level, or null for the server default
     * @param readOnly whether the transaction is read-only
     * @param deferrable whether a serializable read-only transaction may wait for a safe snapshot
     * @return the transaction, not started
     */
    PgTransaction transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable);

    /**
     * Runs work in a transaction: starts it, commits when the work's future completes normally, rolls back
     * when it fails or throws, and completes with the work's result or failure. Nested (a savepoint) when called
     * inside another transaction.
     *
     * @param work queries to run on this connection
     * @param <T> the result type
     * @return the work's result, after the commit
     */
    <T> CompletableFuture<T> transaction(Function<? super PgConnection, ? extends CompletionStage<T>> work);

    /**
     * Runs work in a transaction with options.
     *
     * @param isolation the isolation level, or null for the server default
     * @param readOnly whether the transaction is read-only
     * @param deferrable whether a serializable read-only transaction may wait for a safe snapshot
     * @param work queries to run on this connection
     * @param <T> the result type
     * @return the work's result, after the commit
     */
    <T> CompletableFuture<T> transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable,
            Function<? super PgConnection, ? extends CompletionStage<T>> work);

    /**
     * Listens to a channel: sends {@code LISTEN "channel"} (the name quoted as an identifier, so it is used exactly
     * as given) when this is the channel's first listener, and delivers every notification on it, in order, even
     * while other queries run on this connection.
     *
     * @param channel the channel name
     * @param listener called for each notification
     * @return completes once the server listens
     */
    CompletableFuture<Void> addListener(String channel, PgNotificationListener listener);

    /**
     * Stops a listener; sends {@code UNLISTEN} when it was the channel's last one.
     *
     * @param channel the channel name
     * @param listener the listener to remove
     * @return completes once done (at once when other listeners remain)
     */
    CompletableFuture<Void> removeListener(String channel, PgNotificationListener listener);

    /**
     * Adds a listener for the server's notices and warnings.
     *
     * @param listener the listener
     */
    void addLogListener(PgLogListener listener);

    /**
     * Removes a notice listener.
     *
     * @param listener the listener
     */
    void removeLogListener(PgLogListener listener);

    /**
     * Adds a listener told when the connection closes, for any reason.
     *
     * @param listener the listener
     */
    void addTerminationListener(PgTerminationListener listener);

    /**
     * Removes a termination listener.
     *
     * @param listener the listener
     */
    void removeTerminationListener(PgTerminationListener listener);

    /**
     * Adds a query logger that does not see parameter values.
     *
     * @param logger the logger
     */
    void addQueryLogger(PgQueryLogger logger);

    /**
     * Adds a query logger.
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
     * Whether the connection is closed (by this client, by the server, or lost).
     *
     * @return true when closed
     */
    boolean isClosed();

    /**
     * Whether the connection is inside a transaction block, as of the last ReadyForQuery.
     *
     * @return true when in a transaction (also when it has failed and awaits a rollback)
     */
    boolean isInTransaction();

    /**
     * The process ID of the server process serving this connection (for {@code pg_terminate_backend} and
     * notifications).
     *
     * @return the PID
     */
    int getServerPid();

    /**
     * The server this connection is connected to: with several hosts in the options, the one that was chosen
     * ({@code target_session_attrs}); a unix socket directory shows as its path.
     *
     * @return the host and port
     */
    PgHost getHost();

    /**
     * The server version.
     *
     * @return the parsed {@code server_version}
     */
    ServerVersion getServerVersion();

    /**
     * The server settings it reported (ParameterStatus), kept current: {@code server_version},
     * {@code TimeZone}, {@code application_name}, {@code DateStyle}, ...
     *
     * @return an unmodifiable snapshot
     */
    Map<String, String> getSettings();

    /**
     * The options the connection was made with (passwords masked in {@code toString()}).
     *
     * @return the options
     */
    PgConnectOptions getOptions();

    /**
     * Resets the session for the next user, as asyncpg's {@code reset()}: removes notification and log listeners,
     * rolls back a transaction in progress (unless the connection is already idle), then runs
     * {@link #getResetQuery()}. Prepared statements and cursors obtained before the reset can no longer be used.
     *
     * @return completes when the session is reset
     */
    CompletableFuture<Void> reset();

    /**
     * The query that resets session state for this server version, as asyncpg builds it: {@code SELECT
     * pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL;} (each part only where the server supports it).
     * Prepared statements survive it, so the statement cache stays valid.
     *
     * @return the reset query
     */
    String getResetQuery();

    /**
     * Forgets what this connection learned about the database's types (enums, domains, composites, ranges,
     * extension types; the type cache a pool shares between its connections) and its cached prepared statements,
     * as asyncpg's {@code reload_schema_state()}. Call it after DDL that changes types in use, such as
     * {@code ALTER TYPE ... ADD VALUE} or {@code ADD ATTRIBUTE}: types are looked up again when next used. Runs in
     * order with the calls made before it.
     *
     * @return completes when done
     */
    CompletableFuture<Void> reloadSchemaState();

    /**
     * Uses a custom codec for a type on this connection, and one derived from it for the type's array type (as
     * asyncpg's {@code set_type_codec}). The type is looked up by name (one query); the codec applies to the calls
     * made after the returned future completes, and cached statements are prepared again.
     *
     * @param typeName the type's name ({@code pg_type.typname}, e.g. {@code mytype}, {@code json})
     * @param schema the type's schema ({@code public}, {@code pg_catalog}, ...), or null to resolve the name
     *     through the search path
     * @param codec the codec
     * @return completes when the codec is in use; fails when there is no such type
     */
    CompletableFuture<Void> setTypeCodec(String typeName, String schema, Codec<?> codec);

    /**
     * Uses a pair of functions as the codec of a type on this connection (asyncpg's {@code set_type_codec} with
     * {@code encoder}, {@code decoder} and {@code format}):
     * <ul>
     *   <li>{@link PgCodecFormat#TEXT}: the encoder returns the type's text form as a {@code String}, the decoder
     *       receives it;</li>
     *   <li>{@link PgCodecFormat#BINARY}: the encoder returns the binary form as a {@code byte[]}, the decoder
     *       receives it;</li>
     *   <li>{@link PgCodecFormat#TUPLE}: the encoder returns a value the type's default codec accepts (e.g. a
     *       {@code PgRecord} or {@code List} for a composite type), the decoder receives the default codec's
     *       value.</li>
     * </ul>
     *
     * <pre>{@code
     * conn.setTypeCodec("complex", "public", Complex.class,
     *         c -> List.of(c.re(), c.im()), r -> new Complex((Double) ((PgRecord) r).get(0),
     *         (Double) ((PgRecord) r).get(1)), PgCodecFormat.TUPLE).join();
     * }</pre>
     *
     * @param typeName the type's name
     * @param schema the type's schema, or null for the search path
     * @param javaType the Java type the codec decodes to and encodes from
     * @param encoder converts a Java value to the format's representation
     * @param decoder converts the format's representation to a Java value
     * @param format what the functions exchange
     * @param <T> the Java type
     * @return completes when the codec is in use
     */
    <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            Function<? super T, ?> encoder, Function<Object, ? extends T> decoder, PgCodecFormat format);

    /**
     * Exchanges a type with one of the driver's built-in codecs (asyncpg's {@code set_builtin_type_codec}): for
     * an extension or user type that is wire-compatible with a built-in type, e.g. a base type whose binary form
     * is its text ({@code "text"}), or {@code "hstore"} for an hstore installed under another name.
     *
     * @param typeName the type's name
     * @param schema the type's schema, or null for the search path
     * @param codecName the built-in codec's type name: {@code int4}, {@code text}, {@code jsonb}, {@code hstore},
     *     {@code citext}, ...
     * @return completes when the codec is in use; fails when the type or the codec does not exist
     */
    CompletableFuture<Void> setBuiltinTypeCodec(String typeName, String schema, String codecName);

    /**
     * Removes this connection's custom codec for a type (and its array type): it goes back to the driver's
     * default codec (asyncpg's {@code reset_type_codec}).
     *
     * @param typeName the type's name
     * @param schema the type's schema, or null for the search path
     * @return completes when the default codec is in use again
     */
    CompletableFuture<Void> resetTypeCodec(String typeName, String schema);

    /**
     * Closes gracefully: waits for calls in flight, sends Terminate, closes the socket.
     *
     * @return completes when closed
     */
    CompletableFuture<Void> close();

    /**
     * Closes gracefully, or {@link #terminate()}s when the calls in flight take longer than the timeout.
     *
     * @param timeout how long to wait for calls in flight
     * @return completes when closed
     */
    CompletableFuture<Void> close(Duration timeout);

    /**
     * Closes the socket at once; calls in flight fail with a connection-closed exception. When the server is running
     * a statement for this connection, it is also asked to cancel it (a CancelRequest on a separate connection, best
     * effort), since a server does not notice a closed socket while a statement runs and would otherwise finish it.
     */
    void terminate();
}
