package io.pgasync.spring.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.pgasync.PgQueryEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * What an observation of one query knows: its SQL text and the server the connection talks to from the start, and
 * the driver's event (status or error, elapsed time) once it has finished.
 */
public class PgQueryObservationContext extends Observation.Context {

    private final String sql;
    private final String database;
    private final String host;
    private final int port;
    private final Instant startedAt;
    private volatile PgQueryEvent event;

    /**
     * Creates the context of a query that is starting.
     *
     * @param sql the SQL text
     * @param database the database name, or null
     * @param host the server host, or null
     * @param port the server port, or 0
     * @param startedAt when the query was submitted
     */
    public PgQueryObservationContext(String sql, String database, String host, int port, Instant startedAt) {
        this.sql = sql;
        this.database = database;
        this.host = host;
        this.port = port;
        this.startedAt = startedAt;
    }

    /**
     * The SQL text (never parameter values).
     *
     * @return the SQL
     */
    public String getSql() {
        return sql;
    }

    /**
     * The driver's event, once the query has finished (SQL text, elapsed time, status or error; never parameter
     * values).
     *
     * @return the event, or null while the query runs
     */
    public PgQueryEvent getEvent() {
        return event;
    }

    /**
     * Records the driver's event when the query finishes (the observer calls this before stopping the
     * observation).
     *
     * @param event the finished query
     */
    public void setEvent(PgQueryEvent event) {
        this.event = event;
    }

    /**
     * The database name.
     *
     * @return the database, or null
     */
    public String getDatabase() {
        return database;
    }

    /**
     * The server host.
     *
     * @return the host, or null
     */
    public String getHost() {
        return host;
    }

    /**
     * The server port.
     *
     * @return the port, or 0
     */
    public int getPort() {
        return port;
    }

    /**
     * How long the query took, as the driver measured it (from submission to completion).
     *
     * @return the duration, or null while the query runs
     */
    public Duration getElapsed() {
        PgQueryEvent e = event;
        return e != null ? e.elapsed() : null;
    }

    /**
     * When the query was submitted.
     *
     * @return the start
     */
    public Instant getStartedAt() {
        return startedAt;
    }
}
