package io.pgasync;

import java.time.Duration;
import java.util.List;

/**
 * A finished query, as reported to a {@link PgQueryLogger}.
 *
 * @param connection the connection that ran it
 * @param sql the SQL text
 * @param arguments the parameter values, only when the logger was added with arguments enabled; else null
 * @param elapsed from submission to completion
 * @param status the command status on success, else null
 * @param error the failure, else null
 */
public record PgQueryEvent(PgConnection connection, String sql, List<Object> arguments, Duration elapsed,
        String status, Throwable error) {

    @Override
    public String toString() {
        return "PgQueryEvent[sql=" + sql + ", elapsed=" + elapsed + ", status=" + status
                + (arguments != null ? ", arguments=" + arguments.size() + " values" : "")
                + (error != null ? ", error=" + error.getMessage() : "") + "]";
    }
}
