package io.pgasync.spring.boot.autoconfigure.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** A non-blocking {@link ReactiveHealthIndicator} for a pool, backed by {@link PgPoolHealthCheck}. */
public class PgPoolReactiveHealthIndicator implements ReactiveHealthIndicator {

    private final PgPoolHealthCheck check;

    /**
     * Creates the indicator.
     *
     * @param check the check
     */
    public PgPoolReactiveHealthIndicator(PgPoolHealthCheck check) {
        this.check = check;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromFuture(check::check, true);
    }
}
