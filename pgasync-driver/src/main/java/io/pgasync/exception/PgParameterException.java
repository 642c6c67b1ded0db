package io.pgasync.exception;

/**
 * A query argument was refused before anything was sent: the wrong number of arguments, or a value that does
 * not fit its parameter's type. The message names the parameter ({@code $n}), the server type and the Java class.
 */
public class PgParameterException extends PgClientException {

    private static final long serialVersionUID = 1L;

    private final int parameterIndex;

    /**
     * Creates an exception.
     *
     * @param message what happened and what to do
     * @param parameterIndex the 1-based parameter number, or 0 when the argument count is wrong
     * @param cause the underlying cause, or null
     */
    public PgParameterException(String message, int parameterIndex, Throwable cause) {
        super(message, cause);
        this.parameterIndex = parameterIndex;
    }

    /**
     * The 1-based number of the parameter ({@code $n}), or 0 when the argument count is wrong.
     *
     * @return the parameter number
     */
    public int getParameterIndex() {
        return parameterIndex;
    }
}
