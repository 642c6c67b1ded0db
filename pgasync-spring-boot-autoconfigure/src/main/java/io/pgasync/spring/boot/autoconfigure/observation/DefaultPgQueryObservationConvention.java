package io.pgasync.spring.boot.autoconfigure.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.pgasync.exception.PgServerException;
import io.pgasync.spring.boot.autoconfigure.observation.PgObservationDocumentation.HighCardinalityKeys;
import io.pgasync.spring.boot.autoconfigure.observation.PgObservationDocumentation.LowCardinalityKeys;

/** The default names and tags of query observations (see {@link PgObservationDocumentation}). */
public class DefaultPgQueryObservationConvention implements PgQueryObservationConvention {

    private final boolean includeQueryText;

    /** A convention without the SQL text. */
    public DefaultPgQueryObservationConvention() {
        this(false);
    }

    /**
     * A convention.
     *
     * @param includeQueryText whether the SQL text is added as the high-cardinality {@code db.query.text}
     */
    public DefaultPgQueryObservationConvention(boolean includeQueryText) {
        this.includeQueryText = includeQueryText;
    }

    @Override
    public String getName() {
        return "db.client.operation";
    }

    @Override
    public String getContextualName(PgQueryObservationContext context) {
        String operation = SqlOperations.operationName(context.getSql());
        return context.getDatabase() != null ? operation + " " + context.getDatabase() : operation;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(PgQueryObservationContext context) {
        Throwable error = context.getEvent() != null ? context.getEvent().error() : context.getError();
        String status = error instanceof PgServerException server && server.getSqlState() != null
                ? server.getSqlState() : "none";
        return KeyValues.of(
                KeyValue.of(LowCardinalityKeys.DB_SYSTEM_NAME, "postgresql"),
                KeyValue.of(LowCardinalityKeys.DB_NAMESPACE, orNone(context.getDatabase())),
                KeyValue.of(LowCardinalityKeys.DB_OPERATION_NAME,
                        SqlOperations.operationName(context.getSql())),
                KeyValue.of(LowCardinalityKeys.SERVER_ADDRESS, orNone(context.getHost())),
                KeyValue.of(LowCardinalityKeys.SERVER_PORT, context.getPort() > 0
                        ? Integer.toString(context.getPort()) : "none"),
                KeyValue.of(LowCardinalityKeys.DB_RESPONSE_STATUS_CODE, status));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(PgQueryObservationContext context) {
        if (!includeQueryText || context.getSql() == null) {
            return KeyValues.empty();
        }
        return KeyValues.of(KeyValue.of(HighCardinalityKeys.DB_QUERY_TEXT, context.getSql()));
    }

    private static String orNone(String value) {
        return value != null ? value : "none";
    }
}
