package io.pgasync.exception;

/**
 * The pool is closing or closed: it hands out no more connections. Waiters pending when the pool was closed fail
 * with it too.
 */
public class PgPoolClosedException extends PgClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     */
    public PgPoolClosedException(String message) {
        super(message);
    }
}
