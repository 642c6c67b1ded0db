package io.pgasync;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A statement prepared once on a connection and run many times (asyncpg's {@code PreparedStatement}), with its
 * parameter and result types known up front.
 *
 * <p>Results are produced by the statement's row mapper: {@link Row}s for {@link PgConnection#prepare(String)},
 * anything for {@link PgConnection#prepare(String, RowMapper)}. A statement belongs to its connection: after
 * {@link #close()}, or once the connection is closed or {@link PgConnection#reset() reset} (e.g. given back to a
 * pool), every call fails with a clear error; prepare it again.
 *
 * @param <R> the type each row is mapped to
 */
public interface PgPreparedStatement<R> {

    /**
     * The SQL text.
     *
     * @return the SQL
     */
    String getQuery();

    /**
     * The parameter types, as the server inferred them.
     *
     * @return one entry per {@code $n}
     */
    List<PgType> getParameters();

    /**
     * The result columns (empty for statements that return no rows).
     *
     * @return the columns
     */
    List<PgColumn> getAttributes();

    /**
     * The command status of the last execution, e.g. {@code "SELECT 3"}.
     *
     * @return the status, or null before the first execution
     */
    String getStatusMsg();

    /**
     * Runs it and returns every row, mapped.
     *
     * @param args the parameter values
     * @return the rows
     */
    CompletableFuture<List<R>> fetch(Object... args);

    /**
     * Runs it and returns the first row, mapped; the server stops after one row.
     *
     * @param args the parameter values
     * @return the row, or null when there is none
     */
    CompletableFuture<R> fetchRow(Object... args);

    /**
     * Runs it and returns the first column of the first row.
     *
     * @param args the parameter values
     * @return the value, or null
     */
    CompletableFuture<Object> fetchVal(Object... args);

    /**
     * Runs it and returns the command status, discarding rows.
     *
     * @param args the parameter values
     * @return the status, e.g. {@code "INSERT 0 1"}
     */
    CompletableFuture<String> execute(Object... args);

    /**
     * Runs it once per argument list, in one round trip, atomically outside a transaction.
     *
     * @param argumentLists one list of values per execution
     * @return the total number of rows affected
     */
    CompletableFuture<Long> executeMany(Iterable<? extends List<?>> argumentLists);

    /**
     * Streams its rows with back-pressure, {@code prefetch} rows per round trip (see
     * {@link PgConnection#cursor(String, Object...)}).
     *
     * @param prefetch rows fetched per round trip, at least 1
     * @param args the parameter values
     * @return a cold publisher: each subscription runs the statement
     */
    Flow.Publisher<R> cursor(int prefetch, Object... args);

    /**
     * The execution plan, as {@code EXPLAIN (FORMAT JSON)} text; with {@code analyze}, the statement is run inside a
     * transaction that is rolled back, and the plan has the actual figures.
     *
     * @param analyze whether to run it (EXPLAIN ANALYZE)
     * @param args the parameter values
     * @return the JSON plan
     */
    CompletableFuture<String> explain(boolean analyze, Object... args);

    /**
     * Closes the statement on the server. Further calls fail.
     *
     * @return completes when closed
     */
    CompletableFuture<Void> close();
}
