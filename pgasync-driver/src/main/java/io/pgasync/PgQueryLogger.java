package io.pgasync;

/**
 * Observes every query a connection runs: SQL, elapsed time, status or error. Parameter values are passed only
 * when the logger was added with {@code withArguments = true}, since they may be secrets or personal data.
 *
 * <p>A logger that needs the start of a query too (a tracing span that must be a child of the caller's current one,
 * and must last as long as the query) implements {@link #started} and {@link #finished}: every query for which
 * {@code started} was called is then reported exactly once to {@code finished}, with what {@code started}
 * returned, whether it succeeds, fails, times out, is cancelled or loses its connection.
 */
@FunctionalInterface
public interface PgQueryLogger {

    /**
     * Called on the connection's I/O thread after each query completes; keep it short and never block.
     *
     * @param event the finished query
     */
    void log(PgQueryEvent event);

    /**
     * Called when a query is submitted, on the thread that submits it (so that what that thread holds, such as
     * the current observation or span, is at hand), before it is sent. Keep it short and never block. Only
     * loggers registered when the query is submitted are told of its start; the default does nothing.
     *
     * @param connection the connection that runs it
     * @param sql its SQL text
     * @return a value handed back to {@link #finished} for this query, or null
     */
    default Object started(PgConnection connection, String sql) {
        return null;
    }

    /**
     * Called once when a query ends, on the connection's I/O thread; the default calls {@link #log}.
     *
     * @param start what {@link #started} returned for this query; null when it returned null, or when this logger
     *     was added after the query was submitted
     * @param event the finished query
     */
    default void finished(Object start, PgQueryEvent event) {
        log(event);
    }
}
