package io.pgasync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPR-06: with the actuator told to show values, the password sentinel appears nowhere in {@code /configprops} or
 * {@code /env}, and the URL is shown masked (Spring Boot's own endpoints, with the starter's sanitizing function).
 */
class PgAsyncActuatorSecretsTest {

    private static final String SENTINEL = "S3ntinel-Pw!";

    @Test
    void configpropsAndEnvNeverShowThePassword() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class))
                .withPropertyValues("pgasync.pool.min-size=0",
                        "pgasync.url=postgresql://u:" + SENTINEL.replace("!", "%21") + "@127.0.0.1/db?password="
                                + SENTINEL + "&sslmode=disable",
                        "pgasync.password=" + SENTINEL, "pgasync.ssl.key-password=" + SENTINEL,
                        "pgasync.server-settings.api_secret=" + SENTINEL)
                .run(context -> {
                    List<SanitizingFunction> functions = List.copyOf(
                            context.getBeansOfType(SanitizingFunction.class).values());
                    ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(
                            functions, Show.ALWAYS);
                    configprops.setApplicationContext(context);
                    String report = JsonMapper.shared().writeValueAsString(configprops.configurationProperties());
                    assertThat(report).contains("pgasync").contains("127.0.0.1/db")
                            .doesNotContain(SENTINEL).doesNotContain(SENTINEL.replace("!", "%21"));
                    EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), functions,
                            Show.ALWAYS);
                    String environment = JsonMapper.shared().writeValueAsString(env.environment("pgasync.*"));
                    assertThat(environment).contains("pgasync.url").doesNotContain(SENTINEL)
                            .doesNotContain(SENTINEL.replace("!", "%21"));
                });
    }
}
