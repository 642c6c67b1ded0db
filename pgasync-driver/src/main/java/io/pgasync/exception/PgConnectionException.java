package io.pgasync.exception;

/**
 * The connection could not be established, or was lost: refused, unreachable, closed by the server, closed by
 * this client while the operation was pending. Operations that failed with it were not (or not known to be)
 * completed by the server.
 */
public class PgConnectionException extends PgClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     */
    public PgConnectionException(String message) {
        super(message);
    }

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     * @param cause the underlying cause, or null
     */
    public PgConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
