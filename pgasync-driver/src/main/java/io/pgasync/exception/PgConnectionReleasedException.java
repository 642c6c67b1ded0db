package io.pgasync.exception;

/**
 * A pooled connection was used after it was released back to its pool (or after the pool took it back). The
 * connection may already serve another caller, so the call is refused: acquire a connection again.
 */
public class PgConnectionReleasedException extends PgClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     */
    public PgConnectionReleasedException(String message) {
        super(message);
    }
}
