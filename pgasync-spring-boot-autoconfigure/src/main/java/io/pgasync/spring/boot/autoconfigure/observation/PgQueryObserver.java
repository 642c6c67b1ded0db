package io.pgasync.spring.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.pgasync.PgConnection;
import io.pgasync.PgHost;
import io.pgasync.PgQueryEvent;
import io.pgasync.PgQueryLogger;
import java.time.Instant;
import java.util.Objects;

/**
 * Records an {@link Observation} ({@code db.client.operation}) for every query of the pool's connections, so that
 * Micrometer Tracing produces a span per query. Added by the auto-configuration as a query logger to every
 * connection the pool opens.
 *
 * <p>The observation starts when the query is submitted, on the submitting thread, so it is a child of that
 * thread's current observation (the caller's span), and stops when the query ends (on the driver's I/O thread):
 * its duration is the query's, from submission to completion, whether it succeeds, fails, times out or is
 * cancelled. The pool's own housekeeping (the session reset on release, validation pings) is not observed.
 */
public final class PgQueryObserver implements PgQueryLogger {

    private final ObservationRegistry registry;
    private final PgQueryObservationConvention customConvention;
    private final PgQueryObservationConvention defaultConvention;

    /**
     * Creates the observer.
     *
     * @param registry the registry
     * @param customConvention a convention replacing the default, or null
     * @param includeQueryText whether the default convention adds the SQL text
     */
    public PgQueryObserver(ObservationRegistry registry, PgQueryObservationConvention customConvention,
            boolean includeQueryText) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.customConvention = customConvention;
        this.defaultConvention = new DefaultPgQueryObservationConvention(includeQueryText);
    }

    @Override
    public Object started(PgConnection connection, String sql) {
        if (registry.isNoop() || SqlOperations.isHousekeeping(connection, sql)) {
            return null;
        }
        String database = null;
        String host = null;
        int port = 0;
        if (connection != null) {
            database = connection.getOptions().database();
            PgHost h = connection.getHost(); // the host it is connected to, when several are configured
            if (h != null) {
                host = h.host();
                port = h.port();
            }
        }
        PgQueryObservationContext context = new PgQueryObservationContext(sql, database, host, port, Instant.now());
        return PgObservationDocumentation.QUERY.observation(customConvention, defaultConvention, () -> context,
                registry).start();
    }

    @Override
    public void finished(Object start, PgQueryEvent event) {
        if (!(start instanceof Observation observation)) {
            return; // housekeeping, a no-op registry, or a query submitted before this observer was added
        }
        if (observation.getContext() instanceof PgQueryObservationContext context) {
            context.setEvent(event);
        }
        if (event.error() != null) {
            observation.error(event.error());
        }
        observation.stop();
    }

    /** Unused: {@link #finished} receives every query this observer saw start. */
    @Override
    public void log(PgQueryEvent event) {
    }
}
