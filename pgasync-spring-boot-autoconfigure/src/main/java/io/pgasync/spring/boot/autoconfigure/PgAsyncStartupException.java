package io.pgasync.spring.boot.autoconfigure;

/** The auto-configured pool could not be started; {@link PgAsyncFailureAnalyzer} explains it. */
public class PgAsyncStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying error
     */
    public PgAsyncStartupException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * Creates the exception with the advice to show.
     *
     * @param message what went wrong
     * @param action what to do about it, or null for the analyzer's default advice
     * @param cause the underlying error
     */
    public PgAsyncStartupException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /**
     * What to do about it.
     *
     * @return the advice, or null
     */
    public String getAction() {
        return action;
    }
}
