package io.pgasync.exception;

/**
 * An acquire was refused at once because as many callers as {@code maxPendingAcquires} allows were already waiting
 * for a connection: the pool sheds load instead of letting the queue grow without bound. Retrying later may
 * succeed.
 */
public class PgPoolQueueFullException extends PgClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do (pool figures included)
     */
    public PgPoolQueueFullException(String message) {
        super(message);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
