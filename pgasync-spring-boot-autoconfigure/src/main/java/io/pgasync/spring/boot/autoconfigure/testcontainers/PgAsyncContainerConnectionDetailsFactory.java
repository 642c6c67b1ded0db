package io.pgasync.spring.boot.autoconfigure.testcontainers;

import io.pgasync.spring.boot.autoconfigure.PgAsyncConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Makes a Testcontainers {@link PostgreSQLContainer} (Testcontainers 2, {@code org.testcontainers.postgresql})
 * annotated {@code @ServiceConnection} configure the pgasync pool: its host, mapped port, database, user and
 * password replace the {@code pgasync.*} connection properties. Registered in {@code META-INF/spring.factories}.
 */
class PgAsyncContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<PostgreSQLContainer, PgAsyncConnectionDetails> {

    PgAsyncContainerConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME, "io.pgasync.PgPool");
    }

    @Override
    protected PgAsyncConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<PostgreSQLContainer> source) {
        return new ContainerDetails(source);
    }

    /** Connection details read from the running container. */
    static final class ContainerDetails extends ContainerConnectionDetails<PostgreSQLContainer>
            implements PgAsyncConnectionDetails {

        ContainerDetails(ContainerConnectionSource<PostgreSQLContainer> source) {
            super(source);
        }

        @Override
        public String getUrl() {
            return null;
        }

        @Override
        public String getHost() {
            return getContainer().getHost();
        }

        @Override
        public Integer getPort() {
            return getContainer().getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public String getDatabase() {
            return getContainer().getDatabaseName();
        }

        @Override
        public String getUsername() {
            return getContainer().getUsername();
        }

        @Override
        public String getPassword() {
            return getContainer().getPassword();
        }

        @Override
        public SslBundle getSslBundle() {
            return super.getSslBundle();
        }
    }
}
