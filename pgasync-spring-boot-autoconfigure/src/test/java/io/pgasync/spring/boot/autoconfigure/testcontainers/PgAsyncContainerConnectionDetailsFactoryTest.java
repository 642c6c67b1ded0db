package io.pgasync.spring.boot.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.spring.boot.autoconfigure.PgAsyncConnectionDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Docker is not available in CI, so a {@code @ServiceConnection} container cannot run here: the factory is tested
 * with a mocked {@link PostgreSQLContainer} behind a real {@link ContainerConnectionSource}, found through
 * {@code META-INF/spring.factories} as Spring Boot finds it.
 */
class PgAsyncContainerConnectionDetailsFactoryTest {

    @ServiceConnection
    static PostgreSQLContainer postgres;

    private static PgAsyncConnectionDetails details() throws Exception {
        PostgreSQLContainer container = mock(PostgreSQLContainer.class);
        when(container.isRunning()).thenReturn(true);
        when(container.getHost()).thenReturn("docker-host");
        when(container.getMappedPort(5432)).thenReturn(49153);
        when(container.getDatabaseName()).thenReturn("test");
        when(container.getUsername()).thenReturn("tc-user");
        when(container.getPassword()).thenReturn("tc-pw");
        ContainerConnectionSource<PostgreSQLContainer> source = TestContainerConnectionSources.of(
                PgAsyncContainerConnectionDetailsFactoryTest.class.getDeclaredField("postgres"),
                PostgreSQLContainer.class, "postgres:18", container);
        PgAsyncConnectionDetails details = (PgAsyncConnectionDetails) new ConnectionDetailsFactories(null)
                .getConnectionDetails(source, false).get(PgAsyncConnectionDetails.class);
        assertThat(details).isNotNull();
        ((InitializingBean) details).afterPropertiesSet();
        return details;
    }

    @Test
    void mapsTheContainer() throws Exception {
        PgAsyncConnectionDetails details = details();
        assertThat(details.getHost()).isEqualTo("docker-host");
        assertThat(details.getPort()).isEqualTo(49153);
        assertThat(details.getDatabase()).isEqualTo("test");
        assertThat(details.getUsername()).isEqualTo("tc-user");
        assertThat(details.getPassword()).isEqualTo("tc-pw");
    }

    @Test
    void theContainerConfiguresThePool() throws Exception {
        PgAsyncConnectionDetails details = details();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class))
                .withPropertyValues("pgasync.pool.min-size=0", "pgasync.url=postgresql://ignored/db")
                .withBean(PgAsyncConnectionDetails.class, () -> details).run(context -> {
                    PgConnectOptions o = context.getBean(PgPool.class).getOptions().connectOptions();
                    assertThat(o.hosts().get(0).host()).isEqualTo("docker-host");
                    assertThat(o.hosts().get(0).port()).isEqualTo(49153);
                    assertThat(o.user()).isEqualTo("tc-user");
                    assertThat(o.password()).isEqualTo("tc-pw");
                    assertThat(o.database()).isEqualTo("test");
                });
    }
}
