package io.pgasync;

/**
 * Observes every query a connection runs: SQL, elapsed time, status or error. Parameter values are passed only
 * when the logger was added with {@code withArguments = true}, since they may be secrets or personal data.
 */
@FunctionalInterface
public interface PgQueryLogger {

    /**
     * Called on the connection's I/O thread after each query completes; keep it short and never block.
     *
     * @param event the finished query
     */
    void log(PgQueryEvent event);
}
