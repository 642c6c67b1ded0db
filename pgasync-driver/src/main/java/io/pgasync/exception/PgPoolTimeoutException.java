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
}
