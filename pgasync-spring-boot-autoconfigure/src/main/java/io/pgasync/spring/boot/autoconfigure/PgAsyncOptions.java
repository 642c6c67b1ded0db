package io.pgasync.spring.boot.autoconfigure;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnectionHook;
import io.pgasync.PgQueryLogger;
import io.pgasync.PoolOptions;
import io.pgasync.SslMode;
import io.pgasync.observability.PgPoolListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.StringUtils;

/**
 * Turns {@link PgAsyncProperties} and {@link PgAsyncConnectionDetails} into the driver's {@link PgConnectOptions} and
 * {@link PoolOptions}. Public so that an application declaring further pools by hand can build them the same way.
 */
public final class PgAsyncOptions {

    private PgAsyncOptions() {
    }

    /**
     * Builds connect options.
     *
     * @param properties the properties (connection parts are taken from {@code details})
     * @param details where to connect
     * @param springApplicationName {@code spring.application.name}, the fallback application name, or null
     * @param customizers applied last, in order
     * @return the options
     * @throws io.pgasync.exception.PgConfigurationException when a value is invalid
     */
    public static PgConnectOptions connectOptions(PgAsyncProperties properties, PgAsyncConnectionDetails details,
            String springApplicationName, List<PgAsyncConnectOptionsCustomizer> customizers) {
        PgConnectOptions.Builder b = PgConnectOptions.builder();
        if (StringUtils.hasText(details.getUrl())) {
            b.dsn(details.getUrl());
        }
        if (StringUtils.hasText(details.getHost())) {
            b.host(details.getHost());
        }
        if (details.getPort() != null) {
            b.port(details.getPort());
        }
        if (StringUtils.hasText(details.getDatabase())) {
            b.database(details.getDatabase());
        }
        if (StringUtils.hasText(details.getUsername())) {
            b.user(details.getUsername());
        }
        if (details.getPassword() != null) {
            b.password(details.getPassword());
        }
        PgAsyncProperties.Ssl ssl = properties.getSsl();
        SslBundle bundle = details.getSslBundle();
        if (ssl.getMode() != null) {
            b.sslMode(ssl.getMode());
        } else if (bundle != null) {
            b.sslMode(SslMode.VERIFY_FULL);
        }
        if (bundle != null) {
            b.sslContext(bundle.createSslContext());
        }
        if (StringUtils.hasText(ssl.getRootCert())) {
            if ("system".equals(ssl.getRootCert())) {
                b.sslRootCertSystem();
            } else {
                b.sslRootCert(Path.of(ssl.getRootCert()));
            }
        }
        if (ssl.getCert() != null) {
            b.sslCert(ssl.getCert());
        }
        if (ssl.getKey() != null) {
            b.sslKey(ssl.getKey());
        }
        if (ssl.getKeyPassword() != null) {
            b.sslPassword(ssl.getKeyPassword());
        }
        if (StringUtils.hasText(properties.getApplicationName())) {
            b.applicationName(properties.getApplicationName());
        } else if (StringUtils.hasText(springApplicationName)) {
            b.fallbackApplicationName(springApplicationName);
        }
        if (properties.getConnectTimeout() != null) {
            b.connectTimeout(properties.getConnectTimeout());
        }
        if (properties.getCommandTimeout() != null) {
            b.commandTimeout(properties.getCommandTimeout());
        }
        if (properties.getCancelGracePeriod() != null) {
            b.cancelGracePeriod(properties.getCancelGracePeriod());
        }
        if (properties.getRewriteBatchedInserts() != null) {
            b.rewriteBatchedInserts(properties.getRewriteBatchedInserts());
        }
        if (properties.getTargetSessionAttrs() != null) {
            b.targetSessionAttrs(properties.getTargetSessionAttrs());
        }
        for (Map.Entry<String, String> e : properties.getServerSettings().entrySet()) {
            b.serverSetting(e.getKey(), e.getValue());
        }
        PgAsyncProperties.StatementCache cache = properties.getStatementCache();
        if (cache.getSize() != null) {
            b.statementCacheSize(cache.getSize());
        }
        if (cache.getMaxLifetime() != null) {
            b.maxCachedStatementLifetime(cache.getMaxLifetime());
        }
        if (cache.getMaxStatementSize() != null) {
            b.maxCacheableStatementSize((int) Math.min(Integer.MAX_VALUE, cache.getMaxStatementSize().toBytes()));
        }
        for (PgAsyncConnectOptionsCustomizer customizer : customizers) {
            customizer.customize(b);
        }
        return b.build();
    }

    /**
     * Builds pool options.
     *
     * @param pool the {@code pgasync.pool.*} properties
     * @param connectOptions how connections are opened
     * @param listeners pool listeners to register
     * @param queryLoggers query loggers added to every connection the pool opens (before the customizers' own
     *     {@code init} hook runs)
     * @param customizers applied last, in order
     * @return the options
     * @throws io.pgasync.exception.PgConfigurationException when a value is invalid
     */
    public static PoolOptions poolOptions(PgAsyncProperties.Pool pool, PgConnectOptions connectOptions,
            List<PgPoolListener> listeners, List<PgQueryLogger> queryLoggers,
            List<PgAsyncPoolOptionsCustomizer> customizers) {
        PoolOptions.Builder b = PoolOptions.builder().connect(connectOptions);
        if (StringUtils.hasText(pool.getName())) {
            b.name(pool.getName());
        }
        if (pool.getMinSize() != null) {
            b.minSize(pool.getMinSize());
        }
        if (pool.getMaxSize() != null) {
            b.maxSize(pool.getMaxSize());
        }
        if (pool.getMaxQueries() != null) {
            b.maxQueries(pool.getMaxQueries());
        }
        b.acquireTimeout(pool.getAcquireTimeout());
        b.createTimeout(pool.getCreateTimeout());
        b.validationTimeout(pool.getValidationTimeout());
        b.validateAfterIdle(pool.getValidateAfterIdle());
        b.validationQuery(pool.getValidationQuery());
        b.hookTimeout(pool.getHookTimeout());
        b.maxLifetime(pool.getMaxLifetime());
        b.maxInactiveLifetime(pool.getMaxInactiveLifetime());
        b.keepaliveTime(pool.getKeepaliveTime());
        b.leakDetectionThreshold(pool.getLeakDetectionThreshold());
        if (pool.getMaxPendingAcquires() != null) {
            b.maxPendingAcquires(pool.getMaxPendingAcquires());
        }
        if (pool.getCreateRetryInitialDelay() != null || pool.getCreateRetryMaxDelay() != null) {
            Duration initial = pool.getCreateRetryInitialDelay() != null ? pool.getCreateRetryInitialDelay()
                    : PoolOptions.DEFAULT_CREATE_RETRY_INITIAL_DELAY;
            Duration max = pool.getCreateRetryMaxDelay() != null ? pool.getCreateRetryMaxDelay()
                    : (PoolOptions.DEFAULT_CREATE_RETRY_MAX_DELAY.compareTo(initial) < 0 ? initial
                            : PoolOptions.DEFAULT_CREATE_RETRY_MAX_DELAY);
            b.createRetryBackoff(initial, max);
        }
        for (PgPoolListener listener : listeners) {
            b.listener(listener);
        }
        for (PgAsyncPoolOptionsCustomizer customizer : customizers) {
            customizer.customize(b);
        }
        PoolOptions options = b.build();
        if (queryLoggers.isEmpty()) {
            return options;
        }
        List<PgQueryLogger> loggers = List.copyOf(queryLoggers);
        PgConnectionHook userInit = options.init();
        PgConnectionHook init = connection -> {
            for (PgQueryLogger logger : loggers) {
                connection.addQueryLogger(logger, false);
            }
            return userInit != null ? userInit.apply(connection) : CompletableFuture.completedFuture(null);
        };
        return options.toBuilder().init(init).build();
    }
}
