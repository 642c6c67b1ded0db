package io.pgasync.spring.boot.autoconfigure;

/** The auto-configured pool could not be started; {@link PgAsyncFailureAnalyzer} explains it. */
public class PgAsyncStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying error
     */
    public PgAsyncStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
