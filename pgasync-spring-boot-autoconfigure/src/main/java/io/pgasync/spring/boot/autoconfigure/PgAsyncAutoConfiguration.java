package io.pgasync.spring.boot.autoconfigure;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgPool;
import io.pgasync.PgQueryLogger;
import io.pgasync.PoolOptions;
import io.pgasync.observability.PgPoolListener;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of a {@link PgPool} from the {@code pgasync.*} properties (or a {@link PgAsyncConnectionDetails}
 * bean), closed gracefully when the application context closes.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass(PgPool.class)
@EnableConfigurationProperties(PgAsyncProperties.class)
public final class PgAsyncAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(PgAsyncConnectionDetails.class)
    PropertiesPgAsyncConnectionDetails pgAsyncConnectionDetails(PgAsyncProperties properties,
            ObjectProvider<SslBundles> sslBundles) {
        return new PropertiesPgAsyncConnectionDetails(properties, sslBundles.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(PgPool.class)
    PgPool pgPool(PgAsyncProperties properties, PgAsyncConnectionDetails connectionDetails, Environment environment,
            ObjectProvider<PgAsyncConnectOptionsCustomizer> connectCustomizers,
            ObjectProvider<PgAsyncPoolOptionsCustomizer> poolCustomizers,
            ObjectProvider<PgPoolListener> poolListeners, ObjectProvider<PgQueryLogger> queryLoggers) {
        PgConnectOptions connectOptions = PgAsyncOptions.connectOptions(properties, connectionDetails,
                environment.getProperty("spring.application.name"), connectCustomizers.orderedStream().toList());
        PoolOptions poolOptions = PgAsyncOptions.poolOptions(properties.getPool(), connectOptions,
                poolListeners.orderedStream().toList(), queryLoggers.orderedStream().toList(),
                poolCustomizers.orderedStream().toList());
        if (!properties.getPool().isFailFast()) {
            return PgPool.create(poolOptions);
        }
        Duration wait = poolOptions.createTimeout().plusSeconds(5);
        try {
            return PgPool.connect(poolOptions).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PgAsyncStartupException("pgasync.pool.fail-fast is on and the pool could not open its first"
                    + " connection: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new PgAsyncStartupException("pgasync.pool.fail-fast is on and the pool did not open its first"
                    + " connections within " + wait.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgAsyncStartupException("interrupted while waiting for the pool's first connections", e);
        }
    }

    @Bean
    static PgPoolShutdown pgPoolShutdown(Environment environment) {
        Duration timeout = Binder.get(environment).bind("pgasync.pool.shutdown-timeout", Duration.class)
                .orElse(Duration.ofSeconds(10));
        return new PgPoolShutdown(timeout);
    }

    /** Masks pgasync secrets in the actuator's {@code /env} and {@code /configprops}, even with show-values. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SanitizingConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "pgAsyncSanitizingFunction")
        SanitizingFunction pgAsyncSanitizingFunction() {
            return new PgAsyncSanitizingFunction();
        }
    }
}
