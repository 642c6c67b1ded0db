package io.pgasync.spring.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags query observations; declare a bean of this type to replace the default. */
public interface PgQueryObservationConvention extends ObservationConvention<PgQueryObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof PgQueryObservationContext;
    }
}
