package io.pgasync.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where the pgasync pool connects: the properties ({@code pgasync.url}, {@code pgasync.host}, ...) by default, or a
 * service connection (a Testcontainers {@code PostgreSQLContainer} annotated {@code @ServiceConnection}, a Docker
 * Compose {@code postgres} service, the embedded PostgreSQL) that replaces them. Every value may be null; a
 * non-null separate value wins over the same part of {@link #getUrl()}.
 */
public interface PgAsyncConnectionDetails extends ConnectionDetails {

    /**
     * A connection URL ({@code postgresql://...}) or libpq key=value string.
     *
     * @return the URL, or null
     */
    String getUrl();

    /**
     * The host name, address or unix-socket directory.
     *
     * @return the host, or null
     */
    default String getHost() {
        return null;
    }

    /**
     * The port.
     *
     * @return the port, or null
     */
    default Integer getPort() {
        return null;
    }

    /**
     * The database name.
     *
     * @return the database, or null
     */
    default String getDatabase() {
        return null;
    }

    /**
     * The login user.
     *
     * @return the user name, or null
     */
    default String getUsername() {
        return null;
    }

    /**
     * The login password.
     *
     * @return the password, or null
     */
    default String getPassword() {
        return null;
    }

    /**
     * TLS trust and key material to connect with.
     *
     * @return the bundle, or null
     */
    default SslBundle getSslBundle() {
        return null;
    }
}
