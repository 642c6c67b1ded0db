package io.pgasync.exception;

/** The operation was attempted on, or was pending on, a connection that is closed. */
public class PgConnectionClosedException extends PgConnectionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     * @param cause why the connection closed, or null
     */
    public PgConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
