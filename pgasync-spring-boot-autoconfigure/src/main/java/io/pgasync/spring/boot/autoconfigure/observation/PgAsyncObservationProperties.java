package io.pgasync.spring.boot.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of query observations, under {@code pgasync.observation}. */
@ConfigurationProperties("pgasync.observation")
public class PgAsyncObservationProperties {

    /** Whether to record an observation (and so a trace span) per query. */
    private boolean enabled = true;

    /**
     * Whether to add the SQL text to observations as the high-cardinality db.query.text (spans only, never meter
     * tags). Parameter values are never included.
     */
    private boolean includeQueryText;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isIncludeQueryText() {
        return includeQueryText;
    }

    public void setIncludeQueryText(boolean includeQueryText) {
        this.includeQueryText = includeQueryText;
    }
}
