package io.pgasync.spring.boot.autoconfigure.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.pgasync.spring.boot.autoconfigure.PgAsyncConnectionDetails;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.docker.compose.service.connection.TestDockerComposeConnectionSources;
import org.springframework.mock.env.MockEnvironment;

/** Docker is not available in CI, so the mapping is tested against a described (mocked) running service. */
class PgAsyncDockerComposeConnectionDetailsFactoryTest {

    private static DockerComposeConnectionSource source(String image, Map<String, String> env) {
        RunningService service = mock(RunningService.class);
        ConnectionPorts ports = mock(ConnectionPorts.class);
        when(ports.get(5432)).thenReturn(55432);
        when(service.image()).thenReturn(ImageReference.of(image));
        when(service.host()).thenReturn("compose-host");
        when(service.ports()).thenReturn(ports);
        when(service.env()).thenReturn(env);
        when(service.labels()).thenReturn(Map.of());
        when(service.name()).thenReturn("db");
        return TestDockerComposeConnectionSources.of(service, new MockEnvironment());
    }

    @Test
    void mapsTheOfficialImagesEnvironment() {
        PgAsyncConnectionDetails details = (PgAsyncConnectionDetails) new ConnectionDetailsFactories(null)
                .getConnectionDetails(source("postgres:18", Map.of("POSTGRES_USER", "app", "POSTGRES_PASSWORD",
                        "pw", "POSTGRES_DB", "shop")), false).get(PgAsyncConnectionDetails.class);
        assertThat(details).isNotNull();
        assertThat(details.getHost()).isEqualTo("compose-host");
        assertThat(details.getPort()).isEqualTo(55432);
        assertThat(details.getUsername()).isEqualTo("app");
        assertThat(details.getPassword()).isEqualTo("pw");
        assertThat(details.getDatabase()).isEqualTo("shop");
        assertThat(details.getSslBundle()).isNull();
    }

    @Test
    void defaultsAndTrustAuthentication() {
        PgAsyncConnectionDetails details = new PgAsyncDockerComposeConnectionDetailsFactory().getConnectionDetails(
                source("postgres", Map.of("POSTGRES_HOST_AUTH_METHOD", "trust", "POSTGRES_PASSWORD", "ignored")));
        assertThat(details.getUsername()).isEqualTo("postgres");
        assertThat(details.getDatabase()).isEqualTo("postgres");
        assertThat(details.getPassword()).isNull();
    }

    @Test
    void mapsTheBitnamiImagesEnvironment() {
        PgAsyncConnectionDetails details = new PgAsyncDockerComposeConnectionDetailsFactory().getConnectionDetails(
                source("bitnami/postgresql", Map.of("POSTGRESQL_USERNAME", "u", "POSTGRESQL_PASSWORD", "p",
                        "POSTGRESQL_DATABASE", "d")));
        assertThat(details).isNull(); // only images named postgres, as Spring Boot's own PostgreSQL factories
        Map<Class<?>, ConnectionDetails> none = new ConnectionDetailsFactories(null)
                .getConnectionDetails(source("redis:7", Map.of()), false);
        assertThat(none).doesNotContainKey(PgAsyncConnectionDetails.class);
    }
}
