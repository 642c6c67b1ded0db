package io.pgasync.exception;

/**
 * The server (or something pretending to be it) broke the wire protocol: a malformed or unexpected message, a
 * length that cannot be right, bytes where none may be. The connection is closed, since its state is unknown.
 */
public class PgProtocolException extends PgClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened
     */
    public PgProtocolException(String message) {
        super(message);
    }

    /**
     * Creates an exception.
     *
     * @param message what happened
     * @param cause the underlying cause, or null
     */
    public PgProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
