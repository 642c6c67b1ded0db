package io.pgasync.spring.boot.autoconfigure.jackson;

import io.pgasync.PgPool;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.pgasync.spring.boot.autoconfigure.PgAsyncConnectOptionsCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Auto-configuration of {@link PgJson} with the application's {@link JsonMapper} when Jackson 3 is present. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({PgPool.class, JsonMapper.class})
public final class PgAsyncJacksonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PgJson pgJson(ObjectProvider<JsonMapper> mapper) {
        return new PgJson(mapper.getIfAvailable(JsonMapper::shared));
    }

    /**
     * Plugs the application's Jackson mapper into the driver's JSON hook, so {@code json}/{@code jsonb} columns read
     * as {@code JsonNode} or as mapped objects, and objects can be passed as JSON parameters.
     * {@code pgasync.json.jackson=false} keeps JSON values as strings.
     */
    @Bean
    @ConditionalOnProperty(name = "pgasync.json.jackson", havingValue = "true", matchIfMissing = true)
    PgAsyncConnectOptionsCustomizer pgAsyncJacksonJsonMapper(ObjectProvider<JsonMapper> mapper) {
        JacksonPgJsonMapper hook = new JacksonPgJsonMapper(mapper.getIfAvailable(JsonMapper::shared));
        return builder -> builder.jsonMapper(hook);
    }
}
