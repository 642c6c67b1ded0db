package io.pgasync.exception;

import java.time.Duration;

/** No pooled connection became available within the acquire timeout. */
public class PgPoolTimeoutException extends PgTimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do (pool figures included)
     * @param timeout the acquire timeout that expired
     */
    public PgPoolTimeoutException(String message, Duration timeout) {
        super(message, timeout, null);
    }

    /**
     * Creates an exception with a cause (the last error met opening connections, when the pool could not reach the
     * server).
     *
     * @param message what happened and what to do (pool figures included)
     * @param timeout the acquire timeout that expired
     * @param cause why no connection could be opened, or null when the pool was merely exhausted
     */
    public PgPoolTimeoutException(String message, Duration timeout, Throwable cause) {
        super(message, timeout, cause);
    }
}
