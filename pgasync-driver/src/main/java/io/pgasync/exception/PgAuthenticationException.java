package io.pgasync.exception;

/**
 * Authentication was refused by this client before or during the exchange: a method the options forbid
 * ({@code requireAuth}, {@code channelBinding=require}), an unsupported method (GSSAPI, SSPI), a server that
 * failed to prove it knows the password (SCRAM server signature), or a missing password. A wrong password is
 * reported by the server as {@link InvalidPasswordException} (SQLSTATE 28P01).
 */
public class PgAuthenticationException extends PgClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     */
    public PgAuthenticationException(String message) {
        super(message);
    }

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     * @param cause the underlying cause, or null
     */
    public PgAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
