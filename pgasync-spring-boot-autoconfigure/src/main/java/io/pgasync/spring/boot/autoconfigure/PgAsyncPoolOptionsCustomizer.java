package io.pgasync.spring.boot.autoconfigure;

import io.pgasync.PoolOptions;

/**
 * Adjusts the options of the auto-configured pool after the {@code pgasync.pool.*} properties are applied (for
 * example its {@code init}, {@code setup} or {@code reset} hooks). Beans of this type are applied in their
 * {@code @Order}. Beans of type {@link io.pgasync.PgQueryLogger} are added to every connection of the pool and beans of
 * type {@link io.pgasync.observability.PgPoolListener} to the pool, without a customizer.
 */
@FunctionalInterface
public interface PgAsyncPoolOptionsCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the pool options being built
     */
    void customize(PoolOptions.Builder builder);
}
