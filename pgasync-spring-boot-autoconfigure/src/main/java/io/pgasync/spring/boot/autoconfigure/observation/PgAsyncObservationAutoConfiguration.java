package io.pgasync.spring.boot.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of query observations ({@link PgQueryObserver}) when an {@link ObservationRegistry} exists;
 * {@code pgasync.observation.enabled=false} switches them off.
 */
@AutoConfiguration(before = PgAsyncAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({PgPool.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "pgasync.observation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PgAsyncObservationProperties.class)
public final class PgAsyncObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PgQueryObserver pgQueryObserver(ObservationRegistry registry, PgAsyncObservationProperties properties,
            ObjectProvider<PgQueryObservationConvention> convention) {
        return new PgQueryObserver(registry, convention.getIfUnique(), properties.isIncludeQueryText());
    }
}
