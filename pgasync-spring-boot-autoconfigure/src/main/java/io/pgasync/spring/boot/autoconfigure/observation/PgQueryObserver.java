package io.pgasync.spring.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.pgasync.PgConnectOptions;
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
 * <p>Limitation: the driver reports a query once it has completed (with its elapsed time), so the observation is
 * started and stopped then: its context carries the real start ({@link PgQueryObservationContext#getStartedAt()})
 * and duration, but handlers that time the observation themselves (spans, the default meter handler) see a
 * near-zero duration, and the span is not a child of the caller's current observation (the query completes on a
 * driver thread). Use the {@code db.client.operation.duration} timer for query latency.
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
    public void log(PgQueryEvent event) {
        if (registry.isNoop() || SqlOperations.isHousekeeping(event)) {
            return;
        }
        String database = null;
        String host = null;
        int port = 0;
        if (event.connection() != null) {
            PgConnectOptions options = event.connection().getOptions();
            database = options.database();
            if (!options.hosts().isEmpty()) {
                PgHost h = options.hosts().get(0);
                host = h.host();
                port = h.port();
            }
        }
        PgQueryObservationContext context = new PgQueryObservationContext(event, database, host, port,
                Instant.now());
        Observation observation = PgObservationDocumentation.QUERY.observation(customConvention, defaultConvention,
                () -> context, registry).start();
        if (event.error() != null) {
            observation.error(event.error());
        }
        observation.stop();
    }
}
