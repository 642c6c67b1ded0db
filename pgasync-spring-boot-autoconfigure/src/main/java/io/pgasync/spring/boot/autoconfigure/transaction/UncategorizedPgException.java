package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.exception.PgServerException;
import org.springframework.dao.UncategorizedDataAccessException;

/** A driver error that none of Spring's more specific {@code DataAccessException}s describes. */
public class UncategorizedPgException extends UncategorizedDataAccessException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being done and what failed
     * @param cause the driver's exception
     */
    public UncategorizedPgException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The SQLSTATE of the server error, when the cause is one.
     *
     * @return the SQLSTATE, or null
     */
    public String getSqlState() {
        return getCause() instanceof PgServerException server ? server.getSqlState() : null;
    }
}
