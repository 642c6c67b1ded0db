package io.pgasync.exception;

import java.time.Duration;

/**
 * An operation did not finish in time: a connection attempt ({@code connectTimeout}) or a query
 * ({@code commandTimeout}, per connection or per call). For a query the server was asked to cancel it; the
 * connection stays usable.
 */
public class PgTimeoutException extends PgClientException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     * @param timeout the limit that expired
     * @param cause the underlying cause, or null
     */
    public PgTimeoutException(String message, Duration timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /**
     * The limit that expired.
     *
     * @return the timeout
     */
    public Duration getTimeout() {
        return timeout;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
