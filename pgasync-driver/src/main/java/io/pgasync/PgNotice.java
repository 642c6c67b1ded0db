package io.pgasync;

import io.pgasync.exception.PgErrorFields;

/**
 * A message the server sent outside of any result: a NoticeResponse (NOTICE, WARNING, INFO, DEBUG, LOG), with
 * all its fields.
 *
 * @param fields every field of the NoticeResponse
 */
public record PgNotice(PgErrorFields fields) {

    /**
     * The severity, e.g. NOTICE or WARNING (not localized where the server says so).
     *
     * @return the severity
     */
    public String severity() {
        return fields.severity();
    }

    /**
     * The SQLSTATE, e.g. {@code 01000} for a warning, {@code 00000} for a notice.
     *
     * @return the code
     */
    public String sqlState() {
        return fields.sqlState();
    }

    /**
     * The primary message.
     *
     * @return the message
     */
    public String message() {
        return fields.message();
    }

    @Override
    public String toString() {
        return fields.render();
    }
}
