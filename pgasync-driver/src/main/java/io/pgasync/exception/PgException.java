package io.pgasync.exception;

/**
 * The root of every exception pgasync throws or completes a future with. Unchecked.
 *
 * <p>Two branches: {@link PgClientException} for what happened on this side (connection, protocol, timeout,
 * authentication, a bad parameter, an exhausted pool) and {@link PgServerException} for errors the server
 * reported, with every field of its ErrorResponse and a subclass per SQLSTATE class.
 */
public abstract class PgException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     * @param cause the underlying cause, or null
     */
    protected PgException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether retrying the same work (on a fresh connection or transaction) may succeed: serialization failures,
     * deadlocks, lost connections, timeouts of a connection attempt.
     *
     * @return true when a retry is reasonable
     */
    public boolean isTransient() {
        return false;
    }
}
