package io.pgasync.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.SimpleAutowireCandidateResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Micrometer meters for every {@link PgPool} bean ({@link PgPoolMetrics}) and of the query
 * timer ({@link PgQueryMetrics}); the meters are removed when the context closes.
 * {@code pgasync.metrics.enabled=false} switches both off.
 */
@AutoConfiguration(before = PgAsyncAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({PgPool.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "pgasync.metrics.enabled", matchIfMissing = true)
public final class PgAsyncMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PgQueryMetrics pgQueryMetrics(MeterRegistry registry) {
        return new PgQueryMetrics(registry);
    }

    @Bean
    PoolMeters pgPoolMeters(ConfigurableListableBeanFactory beanFactory, MeterRegistry registry) {
        return new PoolMeters(beanFactory, registry);
    }

    /** Binds the pools' meters once the singletons exist, and removes them when the context closes. */
    static final class PoolMeters implements DisposableBean,
            org.springframework.beans.factory.SmartInitializingSingleton {

        private final ConfigurableListableBeanFactory beanFactory;
        private final MeterRegistry registry;
        private final List<PgPoolMetrics> bound = new ArrayList<>();

        PoolMeters(ConfigurableListableBeanFactory beanFactory, MeterRegistry registry) {
            this.beanFactory = beanFactory;
            this.registry = registry;
        }

        @Override
        public void afterSingletonsInstantiated() {
            Map<String, PgPool> pools = SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory,
                    PgPool.class);
            for (PgPool pool : pools.values()) {
                PgPoolMetrics metrics = new PgPoolMetrics(pool, Tags.empty());
                metrics.bindTo(registry);
                bound.add(metrics);
            }
        }

        @Override
        public void destroy() {
            bound.forEach(PgPoolMetrics::close);
            bound.clear();
        }
    }
}
