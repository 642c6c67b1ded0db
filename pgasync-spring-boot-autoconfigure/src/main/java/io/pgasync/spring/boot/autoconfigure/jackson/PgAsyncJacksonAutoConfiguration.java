package io.pgasync.spring.boot.autoconfigure.jackson;

import io.pgasync.PgPool;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
}
