package io.pgasync.spring.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.pgasync.PgQueryEvent;
import java.time.Duration;
import java.time.Instant;

/** What an observation of one query knows: the driver's event and the server the connection talks to. */
public class PgQueryObservationContext extends Observation.Context {

    private final PgQueryEvent event;
    private final String database;
    private final String host;
    private final int port;
    private final Instant startedAt;

    /**
     * Creates a context.
     *
     * @param event the finished query
     * @param database the database name, or null
     * @param host the server host, or null
     * @param port the server port, or 0
     * @param completedAt when the query completed
     */
    public PgQueryObservationContext(PgQueryEvent event, String database, String host, int port,
            Instant completedAt) {
        this.event = event;
        this.database = database;
        this.host = host;
        this.port = port;
        this.startedAt = completedAt.minus(event.elapsed());
    }

    /**
     * The driver's event (SQL text, elapsed time, status or error; never parameter values).
     *
     * @return the event
     */
    public PgQueryEvent getEvent() {
        return event;
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
     * @return the duration
     */
    public Duration getElapsed() {
        return event.elapsed();
    }

    /**
     * When the query was submitted (completion minus {@link #getElapsed()}).
     *
     * @return the start
     */
    public Instant getStartedAt() {
        return startedAt;
    }
}
