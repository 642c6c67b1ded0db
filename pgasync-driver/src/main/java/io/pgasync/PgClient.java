package io.pgasync;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What runs queries: a {@link PgConnection}, a pool, a connection taken from a pool, or a view with its own
 * timeout ({@link PgConnection#withTimeout}).
 *
 * <p>Parameters are written {@code $1}, {@code $2}, ... in the SQL, never rewritten by the client. Their types
 * are inferred by the server (the statement is prepared and described first, then cached), and values are sent
 * in binary where the type has a binary codec. Pass Java values of the type mapping ({@code docs/types.md}): an
 * {@code int4} parameter takes an Integer (or a Short, or a Long that fits), a {@code timestamptz} an
 * OffsetDateTime or Instant, and any parameter takes a String in PostgreSQL's text syntax. A wrong argument
 * count or a value that does not fit fails with {@link io.pgasync.exception.PgParameterException} before
 * anything is sent.
 *
 * <p>Every method returns at once; the future completes on the connection's I/O thread. Do not block in
 * callbacks on that future (e.g. {@code join()} on another query): compose instead, or continue on your own
 * executor with the {@code ...Async} variants of {@link CompletableFuture}. Cancelling the future cancels the
 * query on the server.
 */
public interface PgClient {

    /**
     * Runs one or more SQL commands without parameters (simple query protocol: {@code ;}-separated statements
     * run in one implicit transaction unless they manage transactions themselves).
     *
     * @param sql the SQL
     * @return the command status of the last command, e.g. {@code "INSERT 0 1"} (see {@link CommandStatus})
     */
    CompletableFuture<String> execute(String sql);

    /**
     * Runs one command with parameters (extended protocol).
     *
     * @param sql one SQL command with {@code $n} parameters
     * @param args the parameter values, {@code null} for SQL NULL
     * @return the command status, e.g. {@code "UPDATE 3"}
     */
    CompletableFuture<String> execute(String sql, Object... args);

    /**
     * Runs one command once per argument list, all in one round trip and atomically: outside a transaction
     * either every execution takes effect or none does (they run in one implicit transaction).
     *
     * @param sql one SQL command with {@code $n} parameters
     * @param argumentLists one list of parameter values per execution
     * @return the total number of rows affected
     */
    CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists);

    /**
     * Runs a query and returns every row.
     *
     * @param sql one SQL command with {@code $n} parameters
     * @param args the parameter values
     * @return the rows (empty when none)
     */
    CompletableFuture<List<Row>> fetch(String sql, Object... args);

    /**
     * Runs a query and maps every row.
     *
     * @param mapper called for each row as it arrives
     * @param sql one SQL command with {@code $n} parameters
     * @param args the parameter values
     * @param <T> the mapped type
     * @return the mapped rows
     */
    <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args);

    /**
     * Runs a query and returns its first row; the server stops after that row.
     *
     * @param sql one SQL command with {@code $n} parameters
     * @param args the parameter values
     * @return the first row, or null when there is none
     */
    CompletableFuture<Row> fetchRow(String sql, Object... args);

    /**
     * Runs a query and maps its first row.
     *
     * @param mapper called for the row
     * @param sql one SQL command with {@code $n} parameters
     * @param args the parameter values
     * @param <T> the mapped type
     * @return the mapped row, or null when there is none
     */
    <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args);

    /**
     * Runs a query and returns the first column of its first row.
     *
     * @param sql one SQL command with {@code $n} parameters
     * @param args the parameter values
     * @return the value, or null when it is NULL or there is no row
     */
    CompletableFuture<Object> fetchVal(String sql, Object... args);

    /**
     * Runs a query and returns the first column of its first row, converted to a type.
     *
     * @param sql one SQL command with {@code $n} parameters
     * @param type the wanted class (conversions as {@link Row#get(int, Class)})
     * @param args the parameter values
     * @param <T> the wanted type
     * @return the value, or null when it is NULL or there is no row
     */
    <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args);
}
