package io.pgasync.spring.boot.autoconfigure.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the pgasync health indicator, under {@code management.health.pgasync}. */
@ConfigurationProperties("management.health.pgasync")
public class PgAsyncHealthProperties {

    /** Whether to enable the pgasync health check. */
    private boolean enabled = true;

    /**
     * Longest time one health check may take (taking a connection and one round trip); the pool is reported DOWN
     * when it takes longer.
     */
    private Duration timeout = Duration.ofSeconds(2);

    /**
     * The enabled setting (see the field of the same name).
     *
     * @return the value
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets the enabled setting.
     *
     * @param enabled the value
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The timeout setting (see the field of the same name).
     *
     * @return the value
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Sets the timeout setting.
     *
     * @param timeout the value
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
