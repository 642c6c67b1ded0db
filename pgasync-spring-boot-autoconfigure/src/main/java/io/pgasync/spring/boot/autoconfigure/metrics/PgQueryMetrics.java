package io.pgasync.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pgasync.PgQueryEvent;
import io.pgasync.PgQueryLogger;
import io.pgasync.exception.PgServerException;
import io.pgasync.spring.boot.autoconfigure.observation.SqlOperations;
import java.util.Objects;

/**
 * Times every query of the pool's connections with the timer {@code db.client.operation.duration} (OpenTelemetry's
 * name), tagged with low-cardinality values only: {@code db.system.name=postgresql}, {@code db.operation.name} (the
 * SQL command: SELECT, INSERT, ..., or OTHER), {@code db.response.status_code} (the SQLSTATE of a server error, or
 * {@code none}) and {@code outcome} (SUCCESS or ERROR). Registered by the auto-configuration as a query logger on
 * every connection; the duration is the driver's, from submission to completion. The pool's own session resets are
 * not timed.
 */
public final class PgQueryMetrics implements PgQueryLogger {

    private final MeterRegistry registry;

    /**
     * Creates the logger.
     *
     * @param registry where the timer is registered
     */
    public PgQueryMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void log(PgQueryEvent event) {
        if (SqlOperations.isHousekeeping(event)) {
            return;
        }
        Throwable error = event.error();
        String status = error instanceof PgServerException server && server.getSqlState() != null
                ? server.getSqlState() : "none";
        Timer.builder("db.client.operation.duration").description("Duration of database client operations")
                .tag("db.system.name", "postgresql")
                .tag("db.operation.name", SqlOperations.operationName(event.sql()))
                .tag("db.response.status_code", status)
                .tag("outcome", error == null ? "SUCCESS" : "ERROR")
                .register(registry).record(event.elapsed());
    }
}
