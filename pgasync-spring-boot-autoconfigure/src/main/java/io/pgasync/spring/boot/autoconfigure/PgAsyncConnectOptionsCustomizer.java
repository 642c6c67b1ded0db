package io.pgasync.spring.boot.autoconfigure;

import io.pgasync.PgConnectOptions;

/**
 * Adjusts the connect options of the auto-configured pool after the properties and connection details are applied
 * (for example a password supplier for rotating credentials, or an {@code SSLContext}). Beans of this type are
 * applied in their {@code @Order}.
 */
@FunctionalInterface
public interface PgAsyncConnectOptionsCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the connect options being built
     */
    void customize(PgConnectOptions.Builder builder);
}
