package io.pgasync.spring.boot.autoconfigure.health;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A blocking {@link HealthIndicator} for a pool (used when Reactor is absent): waits for {@link PgPoolHealthCheck}
 * at most its timeout plus a margin.
 */
public class PgPoolHealthIndicator implements HealthIndicator {

    private final PgPoolHealthCheck check;

    /**
     * Creates the indicator.
     *
     * @param check the check
     */
    public PgPoolHealthIndicator(PgPoolHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        try {
            return check.check().get(check.getTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        } catch (ExecutionException | TimeoutException e) {
            return Health.down().withDetail("reason", "timeout").build();
        }
    }
}
