package io.pgasync.exception;

/**
 * A connection setting was refused before anything was sent: a malformed connection string, an unknown or
 * unsupported keyword, a value out of range, or settings that contradict each other (for example
 * {@code sslrootcert=system} with {@code sslmode=require}).
 *
 * <p>The message names the setting (its connection-string keyword, environment variable or builder option), the
 * offending value where that is safe to show, and what is accepted. It never contains a password: values of
 * secret settings are never shown, and fragments of a URL that may hold credentials are described by position
 * instead of being echoed.
 */
public class PgConfigurationException extends PgClientException {

    private static final long serialVersionUID = 1L;

    /** The setting at fault, or null. */
    private final String key;

    /**
     * Creates an exception.
     *
     * @param message what is wrong and what is accepted; must not contain a secret
     * @param key the setting at fault (a connection-string keyword such as {@code sslmode}), or null when the
     *     fault is in the syntax of the connection string as a whole
     */
    public PgConfigurationException(String message, String key) {
        super(message);
        this.key = key;
    }

    /**
     * Creates an exception.
     *
     * @param message what is wrong and what is accepted; must not contain a secret
     * @param key the setting at fault, or null
     * @param cause the underlying cause, or null; its message must not contain a secret either
     */
    public PgConfigurationException(String message, String key, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /**
     * The setting at fault, as a connection-string keyword ({@code sslmode}, {@code port},
     * {@code statementCacheSize}, ...), or null when the connection string as a whole is malformed.
     *
     * @return the keyword, or null
     */
    public String getKey() {
        return key;
    }
}
