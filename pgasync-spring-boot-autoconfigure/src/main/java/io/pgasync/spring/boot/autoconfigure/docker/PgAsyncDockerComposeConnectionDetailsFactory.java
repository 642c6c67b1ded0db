package io.pgasync.spring.boot.autoconfigure.docker;

import io.pgasync.spring.boot.autoconfigure.PgAsyncConnectionDetails;
import java.util.Map;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;

/**
 * Makes a Docker Compose service running a {@code postgres} image configure the pgasync pool. The user, password and
 * database come from the container's environment as the official and Bitnami images read them
 * ({@code POSTGRES_USER}/{@code POSTGRESQL_USERNAME}, default {@code postgres}; {@code POSTGRES_PASSWORD}/
 * {@code POSTGRESQL_PASSWORD}, none with {@code POSTGRES_HOST_AUTH_METHOD=trust}; {@code POSTGRES_DB}/
 * {@code POSTGRESQL_DATABASE}, default the user name); the port is the one mapped to 5432. Registered in
 * {@code META-INF/spring.factories}.
 */
class PgAsyncDockerComposeConnectionDetailsFactory
        extends DockerComposeConnectionDetailsFactory<PgAsyncConnectionDetails> {

    PgAsyncDockerComposeConnectionDetailsFactory() {
        super("postgres", "io.pgasync.PgPool");
    }

    @Override
    protected PgAsyncConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
        return new ComposeDetails(source.getRunningService());
    }

    /** Connection details of a running {@code postgres} service. */
    static final class ComposeDetails extends DockerComposeConnectionDetails implements PgAsyncConnectionDetails {

        private final RunningService service;
        private final String username;
        private final String password;
        private final String database;

        ComposeDetails(RunningService service) {
            super(service);
            this.service = service;
            Map<String, String> env = service.env();
            this.username = first(env, "postgres", "POSTGRES_USER", "POSTGRESQL_USER", "POSTGRESQL_USERNAME");
            this.password = "trust".equals(env.get("POSTGRES_HOST_AUTH_METHOD")) ? null
                    : first(env, null, "POSTGRES_PASSWORD", "POSTGRESQL_PASSWORD");
            this.database = first(env, username, "POSTGRES_DB", "POSTGRESQL_DB", "POSTGRESQL_DATABASE");
        }

        private static String first(Map<String, String> env, String fallback, String... keys) {
            for (String key : keys) {
                String value = env.get(key);
                if (value != null && !value.isEmpty()) {
                    return value;
                }
            }
            return fallback;
        }

        @Override
        public String getUrl() {
            return null;
        }

        @Override
        public String getHost() {
            return service.host();
        }

        @Override
        public Integer getPort() {
            return service.ports().get(5432);
        }

        @Override
        public String getDatabase() {
            return database;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public SslBundle getSslBundle() {
            return getSslBundle(service);
        }
    }
}
