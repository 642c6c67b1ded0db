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
     * The include query text setting (see the field of the same name).
     *
     * @return the value
     */
    public boolean isIncludeQueryText() {
        return includeQueryText;
    }

    /**
     * Sets the include query text setting.
     *
     * @param includeQueryText the value
     */
    public void setIncludeQueryText(boolean includeQueryText) {
        this.includeQueryText = includeQueryText;
    }
}
