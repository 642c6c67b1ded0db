package io.pgasync.spring.boot.autoconfigure.health;

import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.CompositeReactiveHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code pgasync} health contributor (one indicator per {@link PgPool} bean): reactive when
 * Reactor is present, blocking (bounded) otherwise. {@code management.health.pgasync.enabled=false} switches it off.
 */
@AutoConfiguration(after = PgAsyncAutoConfiguration.class)
@ConditionalOnClass({PgPool.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(PgPool.class)
@ConditionalOnEnabledHealthIndicator("pgasync")
@EnableConfigurationProperties(PgAsyncHealthProperties.class)
public final class PgAsyncHealthContributorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.core.publisher.Mono")
    static class Reactive extends CompositeReactiveHealthContributorConfiguration<PgPoolReactiveHealthIndicator, PgPool> {

        Reactive(PgAsyncHealthProperties properties) {
            super(pool -> new PgPoolReactiveHealthIndicator(new PgPoolHealthCheck(pool, properties.getTimeout())));
        }

        @Bean
        @ConditionalOnMissingBean(name = {"pgasyncHealthIndicator", "pgasyncHealthContributor"})
        ReactiveHealthContributor pgasyncHealthContributor(ConfigurableListableBeanFactory beanFactory) {
            return createContributor(beanFactory, PgPool.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("reactor.core.publisher.Mono")
    static class Blocking extends CompositeHealthContributorConfiguration<PgPoolHealthIndicator, PgPool> {

        Blocking(PgAsyncHealthProperties properties) {
            super(pool -> new PgPoolHealthIndicator(new PgPoolHealthCheck(pool, properties.getTimeout())));
        }

        @Bean
        @ConditionalOnMissingBean(name = {"pgasyncHealthIndicator", "pgasyncHealthContributor"})
        HealthContributor pgasyncHealthContributor(ConfigurableListableBeanFactory beanFactory) {
            return createContributor(beanFactory, PgPool.class);
        }
    }
}
