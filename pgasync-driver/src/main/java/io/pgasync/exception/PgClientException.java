package io.pgasync.exception;

/** An error detected on the client side: the server did not report it. */
public class PgClientException extends PgException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     */
    public PgClientException(String message) {
        super(message, null);
    }

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     * @param cause the underlying cause, or null
     */
    public PgClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
