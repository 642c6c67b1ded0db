package io.pgasync;

import io.netty.channel.EventLoopGroup;
import io.pgasync.codec.PgJsonMapper;
import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.ConnectionStrings;
import io.pgasync.internal.connect.Keywords;
import io.pgasync.internal.connect.OptionValues;
import io.pgasync.internal.connect.ParsedDsn;
import io.pgasync.internal.connect.PgPassFile;
import io.pgasync.internal.connect.Redaction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Everything needed to open a connection: where (hosts), who (user, password), which database, how securely
 * (TLS, channel binding, accepted authentication methods), and the driver's tuning. Immutable; build one with
 * {@link #builder()} or {@link #parse(String)}.
 *
 * <p><b>Where values come from.</b> Each setting is taken from the first of these that gives it:
 * <ol>
 *   <li>a builder method called explicitly (before or after {@link Builder#dsn(String)}, it does not matter);</li>
 *   <li>the connection string given to {@link Builder#dsn(String)}: a URL
 *       ({@code postgresql://user:password@host:5432/database?sslmode=verify-full}) or libpq {@code key=value}
 *       pairs ({@code host=localhost dbname=app sslmode=verify-full});</li>
 *   <li>libpq's environment variable for it ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD},
 *       {@code PGDATABASE}, {@code PGSSLMODE}, ...), read when {@link Builder#build()} runs; empty variables are
 *       ignored;</li>
 *   <li>the default: libpq's, except where noted ({@code localhost} instead of a unix socket,
 *       {@link #connectTimeout()} of 10 seconds instead of none).</li>
 * </ol>
 * This is asyncpg's rule (explicit arguments override the DSN, which overrides the environment) and libpq's
 * (the connection string overrides the environment). {@code docs/connecting.md} lists every setting with its
 * keyword, environment variable, builder method and default.
 *
 * <p><b>Safety.</b> Building never loads a class, opens a network connection or writes a file because of a
 * setting; file paths (certificates, keys, the password file) are only stored, to be read when connecting. The
 * password and the TLS key password never appear in {@link #toString()} or in any error message.
 */
public final class PgConnectOptions {

    /** The default {@link #connectTimeout()}: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default {@link #statementCacheSize()}: 100 statements (asyncpg's default). */
    public static final int DEFAULT_STATEMENT_CACHE_SIZE = 100;

    /** The default {@link #maxCachedStatementLifetime()}: 300 seconds (asyncpg's default). */
    public static final Duration DEFAULT_MAX_CACHED_STATEMENT_LIFETIME = Duration.ofSeconds(300);

    /** The default {@link #maxCacheableStatementSize()}: 15 KiB of SQL text (asyncpg's default). */
    public static final int DEFAULT_MAX_CACHEABLE_STATEMENT_SIZE = 15 * 1024;

    /** The default {@link #cancelGracePeriod()}: 10 seconds. */
    public static final Duration DEFAULT_CANCEL_GRACE_PERIOD = Duration.ofSeconds(10);

    /** The default {@link #pipelineLimit()}: 256 commands in flight per connection. */
    public static final int DEFAULT_PIPELINE_LIMIT = 256;

    /** The smallest accepted {@link #maxMessageSize()}: 64 KiB. */
    public static final int MIN_MESSAGE_SIZE = 64 * 1024;

    /** The largest accepted {@link #maxMessageSize()}, and the default: 1 GiB, the server's own limit. */
    public static final int MAX_MESSAGE_SIZE = 1024 * 1024 * 1024;

    /** The default {@link #scramMaxIterations()}: 100,000. */
    public static final int DEFAULT_SCRAM_MAX_ITERATIONS = 100_000;

    /** The smallest accepted {@link #scramMaxIterations()}: 4096, the minimum RFC 7677 recommends. */
    public static final int MIN_SCRAM_ITERATIONS = 4096;

    private final List<PgHost> hosts;
    private final String user;
    private final String password;
    private final Supplier<? extends CompletionStage<String>> passwordSupplier;
    private final String database;
    private final Path passfile;
    private final SslMode sslMode;
    private final Path sslRootCert;
    private final boolean sslRootCertSystem;
    private final Path sslCert;
    private final Path sslKey;
    private final String sslPassword;
    private final SSLContext sslContext;
    private final boolean sslSni;
    private final SslNegotiation sslNegotiation;
    private final ChannelBinding channelBinding;
    private final RequireAuth requireAuth;
    private final GssEncMode gssEncMode;
    private final String applicationName;
    private final String options;
    private final Map<String, String> serverSettings;
    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private final Duration cancelGracePeriod;
    private final TargetSessionAttrs targetSessionAttrs;
    private final LoadBalanceHosts loadBalanceHosts;
    private final boolean keepalives;
    private final Duration keepalivesIdle;
    private final Duration keepalivesInterval;
    private final Integer keepalivesCount;
    private final Duration tcpUserTimeout;
    private final boolean tcpNoDelay;
    private final int statementCacheSize;
    private final Duration maxCachedStatementLifetime;
    private final int maxCacheableStatementSize;
    private final int pipelineLimit;
    private final int maxMessageSize;
    private final int scramMaxIterations;
    private final boolean errorDetailInMessages;
    private final boolean rewriteBatchedInserts;
    private final boolean nativeTransport;
    private final EventLoopGroup eventLoopGroup;
    private final PgJsonMapper jsonMapper;
    private final Map<String, String> environment;
    private final Path userHome;

    private PgConnectOptions(Resolved r) {
        this.hosts = List.copyOf(r.hosts);
        this.user = r.user;
        this.password = r.password;
        this.passwordSupplier = r.passwordSupplier;
        this.database = r.database;
        this.passfile = r.passfile;
        this.sslMode = r.sslMode;
        this.sslRootCert = r.sslRootCert;
        this.sslRootCertSystem = r.sslRootCertSystem;
        this.sslCert = r.sslCert;
        this.sslKey = r.sslKey;
        this.sslPassword = r.sslPassword;
        this.sslContext = r.sslContext;
        this.sslSni = r.sslSni;
        this.sslNegotiation = r.sslNegotiation;
        this.channelBinding = r.channelBinding;
        this.requireAuth = r.requireAuth;
        this.gssEncMode = r.gssEncMode;
        this.applicationName = r.applicationName;
        this.options = r.options;
        this.serverSettings = Collections.unmodifiableMap(new LinkedHashMap<>(r.serverSettings));
        this.connectTimeout = r.connectTimeout;
        this.commandTimeout = r.commandTimeout;
        this.cancelGracePeriod = r.cancelGracePeriod;
        this.targetSessionAttrs = r.targetSessionAttrs;
        this.loadBalanceHosts = r.loadBalanceHosts;
        this.keepalives = r.keepalives;
        this.keepalivesIdle = r.keepalivesIdle;
        this.keepalivesInterval = r.keepalivesInterval;
        this.keepalivesCount = r.keepalivesCount;
        this.tcpUserTimeout = r.tcpUserTimeout;
        this.tcpNoDelay = r.tcpNoDelay;
        this.statementCacheSize = r.statementCacheSize;
        this.maxCachedStatementLifetime = r.maxCachedStatementLifetime;
        this.maxCacheableStatementSize = r.maxCacheableStatementSize;
        this.pipelineLimit = r.pipelineLimit;
        this.maxMessageSize = r.maxMessageSize;
        this.scramMaxIterations = r.scramMaxIterations;
        this.errorDetailInMessages = r.errorDetailInMessages;
        this.rewriteBatchedInserts = r.rewriteBatchedInserts;
        this.nativeTransport = r.nativeTransport;
        this.eventLoopGroup = r.eventLoopGroup;
        this.jsonMapper = r.jsonMapper;
        this.environment = r.environment;
        this.userHome = r.userHome;
    }

    /**
     * A new builder, with nothing set: building it right away gives the environment's settings and the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options from a connection string, completed from the environment and the defaults:
     * {@code builder().dsn(dsn).build()}.
     *
     * @param dsn a URL ({@code postgresql://...} or {@code postgres://...}) or libpq {@code key=value} pairs
     * @return the options
     * @throws PgConfigurationException when the string is malformed, or a setting is unknown, unsupported,
     *     invalid or contradicts another; the message never contains the password
     */
    public static PgConnectOptions parse(String dsn) {
        return builder().dsn(dsn).build();
    }

    /**
     * A builder holding every setting of these options as an explicit value (so the environment is not consulted
     * again), to derive modified options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hosts = new ArrayList<>(hosts);
        b.user = user;
        b.password = password;
        b.passwordSupplier = passwordSupplier;
        b.database = database;
        b.passfile = passfile;
        b.passfileSet = true;
        b.sslMode = sslMode;
        b.sslRootCert = sslRootCert;
        b.sslRootCertSystem = sslRootCertSystem;
        b.sslCert = sslCert;
        b.sslKey = sslKey;
        b.sslPassword = sslPassword;
        b.inheritedRootCert = true;
        b.inheritedCert = true;
        b.inheritedKey = true;
        b.inheritedSslPassword = true;
        b.sslContext = sslContext;
        b.sslSni = sslSni;
        b.sslNegotiation = sslNegotiation;
        b.channelBinding = channelBinding;
        b.requireAuth = requireAuth;
        b.gssEncMode = gssEncMode;
        b.applicationName = applicationName;
        b.applicationNameSet = true;
        b.options = options;
        b.optionsSet = true;
        b.serverSettings = new LinkedHashMap<>(serverSettings);
        b.connectTimeout = connectTimeout;
        b.commandTimeout = commandTimeout;
        b.cancelGracePeriod = cancelGracePeriod;
        b.targetSessionAttrs = targetSessionAttrs;
        b.loadBalanceHosts = loadBalanceHosts;
        b.keepalives = keepalives;
        b.keepalivesIdle = keepalivesIdle;
        b.keepalivesInterval = keepalivesInterval;
        b.keepalivesCount = keepalivesCount;
        b.tcpUserTimeout = tcpUserTimeout;
        b.tcpNoDelay = tcpNoDelay;
        b.statementCacheSize = statementCacheSize;
        b.maxCachedStatementLifetime = maxCachedStatementLifetime;
        b.maxCacheableStatementSize = maxCacheableStatementSize;
        b.pipelineLimit = pipelineLimit;
        b.maxMessageSize = maxMessageSize;
        b.scramMaxIterations = scramMaxIterations;
        b.errorDetailInMessages = errorDetailInMessages;
        b.rewriteBatchedInserts = rewriteBatchedInserts;
        b.nativeTransport = nativeTransport;
        b.eventLoopGroup = eventLoopGroup;
        b.jsonMapper = jsonMapper;
        b.environment = environment;
        b.userHome = userHome;
        return b;
    }

    /**
     * The password for a connection to one of the {@link #hosts()}: the configured password (builder,
     * connection string or {@code PGPASSWORD}), or else the one the password file ({@link #passfile()}) gives for
     * this host, port, database and user, or else null. The driver calls this when it connects, after asking the
     * {@link #passwordSupplier()} if there is one (the supplier takes precedence and is not consulted here).
     *
     * <p>Reads the password file on every call, so that a changed file is picked up by new connections; call it
     * off the event loop.
     *
     * @param host the host being connected to
     * @return the password, or null when none is configured or found
     */
    public String resolvePassword(PgHost host) {
        Objects.requireNonNull(host, "host");
        if (password != null) {
            return password;
        }
        return PgPassFile.lookup(passfile, host.host(), host.port(), database, user);
    }

    /**
     * The servers to try, in order (or shuffled when {@link #loadBalanceHosts()} is {@code RANDOM}). Never empty;
     * the default is {@code localhost:5432}. (libpq's default is a unix socket in a directory compiled into it;
     * Java has no such directory, so pgasync defaults to TCP on {@code localhost}.)
     *
     * @return the hosts, unmodifiable
     */
    public List<PgHost> hosts() {
        return hosts;
    }

    /**
     * The user name: {@code user}, {@code PGUSER}, or the operating-system user ({@code user.name}).
     *
     * @return the user name, never empty
     */
    public String user() {
        return user;
    }

    /**
     * The configured password ({@code password}, {@code PGPASSWORD}), or null. Secret: do not log it. Prefer
     * {@link #resolvePassword(PgHost)}, which also consults the password file.
     *
     * @return the password, or null
     */
    public String password() {
        return password;
    }

    /**
     * A source of passwords asked once per connection attempt, for rotating credentials (cloud IAM tokens, vault
     * leases); takes precedence over {@link #password()} and the password file. Only settable by the builder.
     *
     * @return the supplier, or null
     */
    public Supplier<? extends CompletionStage<String>> passwordSupplier() {
        return passwordSupplier;
    }

    /**
     * The database name: {@code dbname}, {@code PGDATABASE}, or the user name.
     *
     * @return the database name, never empty
     */
    public String database() {
        return database;
    }

    /**
     * The password file: {@code passfile}, {@code PGPASSFILE}, or {@code ~/.pgpass}
     * ({@code %APPDATA%\postgresql\pgpass.conf} on Windows). It is only read when connecting, and only when no
     * password is configured.
     *
     * @return the path (the file may not exist), or null when no home directory is known
     */
    public Path passfile() {
        return passfile;
    }

    /**
     * How TLS is used: {@code sslmode}, {@code PGSSLMODE} (or the deprecated {@code PGREQUIRESSL=1}, meaning
     * {@code require}), else {@link SslMode#VERIFY_FULL} when {@link #sslRootCertSystem()}, else
     * {@link SslMode#PREFER}.
     *
     * @return the mode
     */
    public SslMode sslMode() {
        return sslMode;
    }

    /**
     * The file of trusted certificate authorities (PEM) used to verify the server's certificate:
     * {@code sslrootcert}, {@code PGSSLROOTCERT}, or {@code ~/.postgresql/root.crt} when that file exists (as in
     * libpq). Null when none is configured, when {@link #sslRootCertSystem()}, and when an {@link #sslContext()}
     * is supplied.
     *
     * @return the path, or null
     */
    public Path sslRootCert() {
        return sslRootCert;
    }

    /**
     * Whether the server's certificate is verified against the JDK's default trust store (libpq's
     * {@code sslrootcert=system}). Implies {@link SslMode#VERIFY_FULL}; any weaker mode is refused, because a
     * public certificate authority issues certificates to anyone for the names they control.
     *
     * @return true for the system trust store
     */
    public boolean sslRootCertSystem() {
        return sslRootCertSystem;
    }

    /**
     * The client certificate (PEM) sent when the server asks for one: {@code sslcert}, {@code PGSSLCERT}, or
     * {@code ~/.postgresql/postgresql.crt} when that file exists. Null when none, or when an
     * {@link #sslContext()} is supplied.
     *
     * @return the path, or null
     */
    public Path sslCert() {
        return sslCert;
    }

    /**
     * The private key of the client certificate (PEM, possibly encrypted with {@link #sslPassword()}):
     * {@code sslkey}, {@code PGSSLKEY}, or {@code ~/.postgresql/postgresql.key} when that file exists. Null when
     * none, or when an {@link #sslContext()} is supplied.
     *
     * @return the path, or null
     */
    public Path sslKey() {
        return sslKey;
    }

    /**
     * The password of an encrypted {@link #sslKey()}: {@code sslpassword} (libpq has no environment variable for
     * it). Secret: do not log it.
     *
     * @return the password, or null
     */
    public String sslPassword() {
        return sslPassword;
    }

    /**
     * A TLS context supplied by the application; when set, it provides the trust store and the client key, and
     * the certificate and key files above are not used (setting both is an error). The {@link #sslMode()} still
     * decides whether TLS is used and whether the host name is verified, whatever the context.
     *
     * @return the context, or null
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Whether the TLS handshake sends the host name (SNI): libpq's {@code sslsni} ({@code PGSSLSNI}), default
     * true. Never sent for IP addresses.
     *
     * @return true to send SNI
     */
    public boolean sslSni() {
        return sslSni;
    }

    /**
     * How TLS is started: {@code sslnegotiation}, {@code PGSSLNEGOTIATION}, default {@link SslNegotiation#POSTGRES}.
     *
     * @return the negotiation
     */
    public SslNegotiation sslNegotiation() {
        return sslNegotiation;
    }

    /**
     * Whether SCRAM is bound to the TLS channel: {@code channel_binding}, {@code PGCHANNELBINDING}, default
     * {@link ChannelBinding#PREFER}.
     *
     * @return the setting
     */
    public ChannelBinding channelBinding() {
        return channelBinding;
    }

    /**
     * Which authentication methods the server may use: {@code require_auth}, {@code PGREQUIREAUTH}, default
     * {@link RequireAuth#any()}.
     *
     * @return the accepted methods
     */
    public RequireAuth requireAuth() {
        return requireAuth;
    }

    /**
     * GSSAPI encryption: {@code gssencmode}, {@code PGGSSENCMODE}, default {@link GssEncMode#DISABLE}. Never
     * {@link GssEncMode#REQUIRE}, which is refused: pgasync does not implement GSSAPI encryption.
     *
     * @return the mode
     */
    public GssEncMode gssEncMode() {
        return gssEncMode;
    }

    /**
     * The {@code application_name} sent to the server (shown in {@code pg_stat_activity}):
     * {@code application_name}, {@code PGAPPNAME}, else {@code fallback_application_name}.
     *
     * @return the name, or null
     */
    public String applicationName() {
        return applicationName;
    }

    /**
     * Command-line options for the server process, libpq's {@code options} ({@code PGOPTIONS}), such as
     * {@code -c search_path=app -c statement_timeout=5s}.
     *
     * @return the options, or null
     */
    public String options() {
        return options;
    }

    /**
     * Server settings sent in the startup message ({@code SET} at connect time), in insertion order: the URL's
     * query parameters that are not connection keywords (as asyncpg does), overridden key by key by the
     * builder's.
     *
     * @return the settings, unmodifiable
     */
    public Map<String, String> serverSettings() {
        return serverSettings;
    }

    /**
     * How long opening a connection may take, for each host tried (TCP, TLS, authentication and startup):
     * {@code connect_timeout} (whole seconds), {@code PGCONNECT_TIMEOUT}, default 10 seconds (as pgjdbc; libpq
     * waits for ever by default). {@link Duration#ZERO} means no limit.
     *
     * @return the timeout; zero for none
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The default time limit for each command, after which it is cancelled on the server and fails with a
     * timeout; individual calls can override it. Default {@link Duration#ZERO}: no limit.
     *
     * @return the timeout; zero for none
     */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /**
     * How long the server may take to finish a statement this client gave up on (a timeout, a cancelled future)
     * after the cancel request was sent; when it has not answered by then, the connection is deemed unresponsive
     * (a network partition, a frozen server) and closed, failing every call queued on it, instead of waiting for
     * the operating system to notice. Default 10 seconds; {@link Duration#ZERO} waits forever.
     *
     * @return the grace period; zero for none
     */
    public Duration cancelGracePeriod() {
        return cancelGracePeriod;
    }

    /**
     * Which kind of server is acceptable: {@code target_session_attrs}, {@code PGTARGETSESSIONATTRS}, default
     * {@link TargetSessionAttrs#ANY}.
     *
     * @return the setting
     */
    public TargetSessionAttrs targetSessionAttrs() {
        return targetSessionAttrs;
    }

    /**
     * The order hosts are tried in: {@code load_balance_hosts}, {@code PGLOADBALANCEHOSTS}, default
     * {@link LoadBalanceHosts#DISABLE}.
     *
     * @return the setting
     */
    public LoadBalanceHosts loadBalanceHosts() {
        return loadBalanceHosts;
    }

    /**
     * Whether TCP keep-alives are enabled (with the operating system's timing): libpq's {@code keepalives},
     * default true.
     *
     * @return true to enable keep-alives
     */
    public boolean keepalives() {
        return keepalives;
    }

    /**
     * How long a connection may be idle before TCP sends keep-alive probes: {@code keepalives_idle} (whole seconds);
     * null for the operating system's default. Like libpq, it applies to TCP connections only.
     *
     * @return the idle time, or null
     */
    public Duration keepalivesIdle() {
        return keepalivesIdle;
    }

    /**
     * The time between TCP keep-alive probes that are not acknowledged: {@code keepalives_interval} (whole seconds);
     * null for the operating system's default.
     *
     * @return the interval, or null
     */
    public Duration keepalivesInterval() {
        return keepalivesInterval;
    }

    /**
     * How many unacknowledged TCP keep-alive probes make the connection dead: {@code keepalives_count}; null for the
     * operating system's default.
     *
     * @return the count, or null
     */
    public Integer keepalivesCount() {
        return keepalivesCount;
    }

    /**
     * How long transmitted data may stay unacknowledged before TCP closes the connection: {@code tcp_user_timeout}
     * (milliseconds; Linux, with the native epoll transport); null for the operating system's default.
     *
     * @return the timeout, or null
     */
    public Duration tcpUserTimeout() {
        return tcpUserTimeout;
    }

    /**
     * Whether Nagle's algorithm is disabled ({@code TCP_NODELAY}), default true, as libpq always does.
     *
     * @return true to disable Nagle's algorithm
     */
    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    /**
     * How many prepared statements each connection keeps, least recently used evicted first; default 100. Zero
     * disables the cache: every statement is prepared unnamed (needed behind PgBouncer in transaction mode).
     *
     * @return the cache size
     */
    public int statementCacheSize() {
        return statementCacheSize;
    }

    /**
     * How long a cached prepared statement is kept, default 300 seconds; {@link Duration#ZERO} keeps it until it is
     * evicted.
     *
     * @return the lifetime; zero for unlimited
     */
    public Duration maxCachedStatementLifetime() {
        return maxCachedStatementLifetime;
    }

    /**
     * The longest SQL text (in bytes, UTF-8) whose prepared statement is cached, default 15 KiB; longer ones are
     * prepared unnamed. Zero caches statements of any size.
     *
     * @return the size in bytes; zero for unlimited
     */
    public int maxCacheableStatementSize() {
        return maxCacheableStatementSize;
    }

    /**
     * How many commands one connection may have in flight (sent, answer not yet complete), default 256; more
     * wait in a queue.
     *
     * @return the limit, at least 1
     */
    public int pipelineLimit() {
        return pipelineLimit;
    }

    /**
     * The largest message accepted from the server, in bytes, from 64 KiB to 1 GiB (the default); a larger one
     * closes the connection with a protocol error instead of exhausting memory.
     *
     * @return the size in bytes
     */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * The most SCRAM iterations the client computes, default 100,000 (at least 4096): a server asking for more is
     * refused, so a malicious server cannot burn the client's CPU (CVE-2026-42198).
     *
     * @return the cap
     */
    public int scramMaxIterations() {
        return scramMaxIterations;
    }

    /**
     * Whether the server's {@code DETAIL} and {@code WHERE} fields appear in exception messages, default true.
     * They can hold row values ({@code Key (email)=(x@y) already exists}); turn this off to keep such data out of
     * messages and logs. The fields stay available on the exception.
     *
     * @return true to include them
     */
    public boolean errorDetailInMessages() {
        return errorDetailInMessages;
    }

    /**
     * Whether {@code executeMany} of a plain {@code INSERT INTO t (a, b) VALUES ($1, $2)} sends each batch of up to
     * 10,000 argument lists as one statement, {@code INSERT INTO t (a, b) SELECT ... FROM unnest($1, $2)} with one
     * array per column, instead of one Bind/Execute per list; default false. It is much faster (the server plans
     * and runs one statement per batch). What changes: statement-level triggers fire once per batch instead of once
     * per row, and an error names the statement, not the argument list. Only statements of exactly that shape
     * (each parameter once, no {@code ON CONFLICT}, {@code RETURNING} or {@code WITH}), with parameters of
     * built-in non-array types, are rewritten; anything else runs as usual. Like pgjdbc's
     * {@code reWriteBatchedInserts}.
     *
     * @return true to rewrite
     */
    public boolean rewriteBatchedInserts() {
        return rewriteBatchedInserts;
    }

    /**
     * Whether Netty's native epoll transport is used when it is available (Linux, with the optional dependency),
     * default true; it is needed for unix-domain sockets.
     *
     * @return true to use the native transport
     */
    public boolean nativeTransport() {
        return nativeTransport;
    }

    /**
     * The event loops connections run on, supplied by the application; null to use the driver's shared ones. Only
     * settable by the builder.
     *
     * @return the group, or null
     */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    /**
     * The JSON mapper for {@code json} and {@code jsonb} values; null (the default) maps JSON to and from its
     * text as a {@code String}. Only settable by the builder.
     *
     * @return the mapper, or null
     */
    public PgJsonMapper jsonMapper() {
        return jsonMapper;
    }

    /**
     * Every setting except secrets: the password and the TLS key password are shown as {@code ***}, the password
     * supplier is left out, and server settings whose name suggests a secret are masked.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(512);
        sb.append("PgConnectOptions{hosts=").append(hosts)
                .append(", database=").append(database)
                .append(", user=").append(user);
        if (password != null) {
            sb.append(", password=").append(Redaction.MASK);
        }
        sb.append(", passfile=").append(passfile)
                .append(", sslMode=").append(sslMode.keyword())
                .append(", sslNegotiation=").append(sslNegotiation.keyword());
        if (sslRootCertSystem) {
            sb.append(", sslRootCert=system");
        } else if (sslRootCert != null) {
            sb.append(", sslRootCert=").append(sslRootCert);
        }
        if (sslCert != null) {
            sb.append(", sslCert=").append(sslCert);
        }
        if (sslKey != null) {
            sb.append(", sslKey=").append(sslKey);
        }
        if (sslPassword != null) {
            sb.append(", sslPassword=").append(Redaction.MASK);
        }
        if (sslContext != null) {
            sb.append(", sslContext=").append(sslContext.getProtocol());
        }
        sb.append(", sslSni=").append(sslSni)
                .append(", channelBinding=").append(channelBinding.keyword())
                .append(", requireAuth=").append(requireAuth)
                .append(", gssEncMode=").append(gssEncMode.keyword())
                .append(", targetSessionAttrs=").append(targetSessionAttrs.keyword())
                .append(", loadBalanceHosts=").append(loadBalanceHosts.keyword());
        if (applicationName != null) {
            sb.append(", applicationName=").append(applicationName);
        }
        if (options != null) {
            sb.append(", options=").append(options);
        }
        if (!serverSettings.isEmpty()) {
            sb.append(", serverSettings={");
            boolean first = true;
            for (Map.Entry<String, String> e : serverSettings.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(e.getKey()).append('=')
                        .append(Keywords.looksSecret(e.getKey()) ? Redaction.MASK : e.getValue());
            }
            sb.append('}');
        }
        sb.append(", connectTimeout=").append(connectTimeout.isZero() ? "none" : connectTimeout)
                .append(", commandTimeout=").append(commandTimeout.isZero() ? "none" : commandTimeout)
                .append(", cancelGracePeriod=").append(cancelGracePeriod.isZero() ? "none" : cancelGracePeriod)
                .append(", keepalives=").append(keepalives)
                .append(keepalivesIdle != null ? ", keepalivesIdle=" + keepalivesIdle : "")
                .append(keepalivesInterval != null ? ", keepalivesInterval=" + keepalivesInterval : "")
                .append(keepalivesCount != null ? ", keepalivesCount=" + keepalivesCount : "")
                .append(tcpUserTimeout != null ? ", tcpUserTimeout=" + tcpUserTimeout : "")
                .append(", tcpNoDelay=").append(tcpNoDelay)
                .append(", statementCacheSize=").append(statementCacheSize)
                .append(", maxCachedStatementLifetime=").append(maxCachedStatementLifetime)
                .append(", maxCacheableStatementSize=").append(maxCacheableStatementSize)
                .append(", pipelineLimit=").append(pipelineLimit)
                .append(", maxMessageSize=").append(maxMessageSize)
                .append(", scramMaxIterations=").append(scramMaxIterations)
                .append(", errorDetailInMessages=").append(errorDetailInMessages)
                .append(", rewriteBatchedInserts=").append(rewriteBatchedInserts)
                .append(", nativeTransport=").append(nativeTransport);
        if (eventLoopGroup != null) {
            sb.append(", eventLoopGroup=").append(eventLoopGroup.getClass().getSimpleName());
        }
        if (jsonMapper != null) {
            sb.append(", jsonMapper=").append(jsonMapper.getClass().getSimpleName());
        }
        return sb.append('}').toString();
    }

    /**
     * Builds {@link PgConnectOptions}. Every setter may be called in any order; a value set here wins over the
     * connection string and the environment, whether set before or after {@link #dsn(String)}. Passing null to a
     * setter that takes an object clears the explicit value, so the connection string, environment or default
     * applies again. Values are checked by {@link #build()}, not by the setters. Not thread-safe.
     */
    public static final class Builder {

        private ParsedDsn dsn = ParsedDsn.EMPTY;
        private Map<String, String> environment;
        private Path userHome;

        private List<PgHost> hosts;
        private String host;
        private Integer port;
        private String hostaddr;
        private String user;
        private String password;
        private Supplier<? extends CompletionStage<String>> passwordSupplier;
        private String database;
        private Path passfile;
        private boolean passfileSet;
        private SslMode sslMode;
        private Path sslRootCert;
        private boolean sslRootCertSystem;
        private Path sslCert;
        private Path sslKey;
        private String sslPassword;
        // Set by toBuilder: the value was already resolved (environment and defaults are not consulted again), and
        // it does not conflict with an SSLContext set later (it is dropped instead).
        private boolean inheritedRootCert;
        private boolean inheritedCert;
        private boolean inheritedKey;
        private boolean inheritedSslPassword;
        private SSLContext sslContext;
        private Boolean sslSni;
        private SslNegotiation sslNegotiation;
        private ChannelBinding channelBinding;
        private RequireAuth requireAuth;
        private GssEncMode gssEncMode;
        private String applicationName;
        private boolean applicationNameSet;
        private String fallbackApplicationName;
        private String options;
        private boolean optionsSet;
        private Map<String, String> serverSettings = new LinkedHashMap<>();
        private Duration connectTimeout;
        private Duration commandTimeout;
        private Duration cancelGracePeriod;
        private TargetSessionAttrs targetSessionAttrs;
        private LoadBalanceHosts loadBalanceHosts;
        private Boolean keepalives;
        private Duration keepalivesIdle;
        private Duration keepalivesInterval;
        private Integer keepalivesCount;
        private Duration tcpUserTimeout;
        private Boolean tcpNoDelay;
        private Integer statementCacheSize;
        private Duration maxCachedStatementLifetime;
        private Integer maxCacheableStatementSize;
        private Integer pipelineLimit;
        private Integer maxMessageSize;
        private Integer scramMaxIterations;
        private Boolean errorDetailInMessages;
        private Boolean rewriteBatchedInserts;
        private Boolean nativeTransport;
        private EventLoopGroup eventLoopGroup;
        private PgJsonMapper jsonMapper;

        private Builder() {
        }

        /**
         * Applies a connection string: a URL ({@code postgresql://user:password@host1:5432,host2/db?sslmode=require})
         * or libpq {@code key=value} pairs ({@code host=h1,h2 port=5432 dbname=db}). Its values rank below explicit
         * builder settings and above the environment. Calling this again replaces the previous connection string's
         * values entirely; an empty string clears them.
         *
         * <p>The syntax is checked now; the values are checked by {@link #build()}. In a URL, query parameters that
         * are not connection keywords become {@linkplain #serverSettings(Map) server settings}; in a
         * {@code key=value} string an unknown keyword is an error, as in libpq.
         *
         * @param dsn the connection string
         * @return this builder
         * @throws PgConfigurationException when the string is malformed or names an unknown or unsupported
         *     keyword; the message never contains the password
         */
        public Builder dsn(String dsn) {
            this.dsn = ConnectionStrings.parse(Objects.requireNonNull(dsn, "dsn"));
            return this;
        }

        /**
         * The environment variables to read libpq's settings from ({@code PGHOST}, ...) and {@code HOME},
         * {@code APPDATA}; default {@link System#getenv()}. For tests, and for applications that must not be
         * influenced by the process environment (pass an empty map).
         *
         * @param environment the variables, or null for the process environment
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment == null ? null : Collections.unmodifiableMap(new HashMap<>(environment));
            return this;
        }

        /**
         * The home directory in which {@code .pgpass} and {@code .postgresql/} are looked for; default the
         * {@code HOME} environment variable, else the {@code user.home} system property.
         *
         * @param userHome the directory, or null for the default
         * @return this builder
         */
        public Builder userHome(Path userHome) {
            this.userHome = userHome;
            return this;
        }

        /**
         * One host to connect to (a name, an IP address, or a unix-socket directory starting with {@code /});
         * replaces the host list of the connection string and {@code PGHOST}, and any {@link #hosts(List)}. The
         * port comes from {@link #port(int)}, the connection string, {@code PGPORT} or 5432.
         *
         * @param host the host, or null to clear
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            this.hosts = null;
            return this;
        }

        /**
         * The port for every host, replacing the connection string's ports and {@code PGPORT}. Does not apply to
         * hosts given with {@link #hosts(List)}, which carry their own.
         *
         * @param port the port, 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The numeric address to connect to instead of resolving the host name (libpq's {@code hostaddr}), for a
         * single host. Does not apply to hosts given with {@link #hosts(List)}.
         *
         * @param hostaddr an IPv4 or IPv6 address, or null to clear
         * @return this builder
         */
        public Builder hostaddr(String hostaddr) {
            this.hostaddr = hostaddr;
            return this;
        }

        /**
         * The complete list of servers to try, with their ports; replaces {@link #host(String)},
         * {@link #port(int)}, {@link #hostaddr(String)}, the connection string's hosts and ports, and
         * {@code PGHOST}/{@code PGPORT}/{@code PGHOSTADDR}.
         *
         * @param hosts the hosts, not empty; or null to clear
         * @return this builder
         */
        public Builder hosts(List<PgHost> hosts) {
            this.hosts = hosts == null ? null : new ArrayList<>(hosts);
            this.host = null;
            return this;
        }

        /**
         * The user name ({@code user}, {@code PGUSER}); default the operating-system user.
         *
         * @param user the user name, or null to clear
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * The password ({@code password}, {@code PGPASSWORD}). An empty password counts as none, as in libpq. It is
         * never shown by {@link PgConnectOptions#toString()} or in error messages.
         *
         * @param password the password, or null to clear
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * A source of passwords asked once per connection attempt, for rotating credentials; takes precedence over
         * the password and the password file. Its result must not be null.
         *
         * @param passwordSupplier the supplier, or null to clear
         * @return this builder
         */
        public Builder passwordSupplier(Supplier<? extends CompletionStage<String>> passwordSupplier) {
            this.passwordSupplier = passwordSupplier;
            return this;
        }

        /**
         * The database name ({@code dbname}, {@code PGDATABASE}); default the user name.
         *
         * @param database the database, or null to clear
         * @return this builder
         */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /**
         * The password file ({@code passfile}, {@code PGPASSFILE}); default {@code ~/.pgpass}. Only read when
         * connecting, and only when no password is configured.
         *
         * @param passfile the file, or null to clear
         * @return this builder
         */
        public Builder passfile(Path passfile) {
            this.passfile = passfile;
            this.passfileSet = passfile != null;
            return this;
        }

        /**
         * How TLS is used ({@code sslmode}, {@code PGSSLMODE}); default {@link SslMode#PREFER}, or
         * {@link SslMode#VERIFY_FULL} with {@link #sslRootCertSystem()}.
         *
         * @param sslMode the mode, or null to clear
         * @return this builder
         */
        public Builder sslMode(SslMode sslMode) {
            this.sslMode = sslMode;
            return this;
        }

        /**
         * The trusted certificate authorities, a PEM file ({@code sslrootcert}, {@code PGSSLROOTCERT}); default
         * {@code ~/.postgresql/root.crt} when it exists. Clears {@link #sslRootCertSystem()}.
         *
         * @param sslRootCert the file, or null to clear
         * @return this builder
         */
        public Builder sslRootCert(Path sslRootCert) {
            this.sslRootCert = sslRootCert;
            this.sslRootCertSystem = false;
            this.inheritedRootCert = false;
            return this;
        }

        /**
         * Trust the JDK's default trust store (libpq's {@code sslrootcert=system}); makes {@link SslMode#VERIFY_FULL}
         * the default and any weaker mode an error. Clears {@link #sslRootCert(Path)}.
         *
         * @return this builder
         */
        public Builder sslRootCertSystem() {
            this.sslRootCertSystem = true;
            this.sslRootCert = null;
            this.inheritedRootCert = false;
            return this;
        }

        /**
         * The client certificate, a PEM file ({@code sslcert}, {@code PGSSLCERT}); default
         * {@code ~/.postgresql/postgresql.crt} when it exists.
         *
         * @param sslCert the file, or null to clear
         * @return this builder
         */
        public Builder sslCert(Path sslCert) {
            this.sslCert = sslCert;
            this.inheritedCert = false;
            return this;
        }

        /**
         * The client certificate's private key, a PEM file ({@code sslkey}, {@code PGSSLKEY}); default
         * {@code ~/.postgresql/postgresql.key} when it exists.
         *
         * @param sslKey the file, or null to clear
         * @return this builder
         */
        public Builder sslKey(Path sslKey) {
            this.sslKey = sslKey;
            this.inheritedKey = false;
            return this;
        }

        /**
         * The password of an encrypted {@link #sslKey(Path)} ({@code sslpassword}). Never shown.
         *
         * @param sslPassword the password, or null to clear
         * @return this builder
         */
        public Builder sslPassword(String sslPassword) {
            this.sslPassword = sslPassword;
            this.inheritedSslPassword = false;
            return this;
        }

        /**
         * A TLS context built by the application (trust store, client key, protocols); replaces the certificate and
         * key files, which must then not be set. {@link #sslMode(SslMode)} still decides whether TLS is used and
         * whether the host name is verified.
         *
         * @param sslContext the context, or null to clear
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Whether to send the host name in the TLS handshake ({@code sslsni}, {@code PGSSLSNI}); default true.
         *
         * @param sslSni true to send SNI
         * @return this builder
         */
        public Builder sslSni(boolean sslSni) {
            this.sslSni = sslSni;
            return this;
        }

        /**
         * How TLS is started ({@code sslnegotiation}, {@code PGSSLNEGOTIATION}); default
         * {@link SslNegotiation#POSTGRES}.
         *
         * @param sslNegotiation the negotiation, or null to clear
         * @return this builder
         */
        public Builder sslNegotiation(SslNegotiation sslNegotiation) {
            this.sslNegotiation = sslNegotiation;
            return this;
        }

        /**
         * Channel binding ({@code channel_binding}, {@code PGCHANNELBINDING}); default {@link ChannelBinding#PREFER}.
         *
         * @param channelBinding the setting, or null to clear
         * @return this builder
         */
        public Builder channelBinding(ChannelBinding channelBinding) {
            this.channelBinding = channelBinding;
            return this;
        }

        /**
         * The accepted authentication methods ({@code require_auth}, {@code PGREQUIREAUTH}); default
         * {@link RequireAuth#any()}.
         *
         * @param requireAuth the methods, or null to clear
         * @return this builder
         */
        public Builder requireAuth(RequireAuth requireAuth) {
            this.requireAuth = requireAuth;
            return this;
        }

        /**
         * GSSAPI encryption ({@code gssencmode}, {@code PGGSSENCMODE}); default {@link GssEncMode#DISABLE};
         * {@link GssEncMode#REQUIRE} is refused by {@link #build()}.
         *
         * @param gssEncMode the mode, or null to clear
         * @return this builder
         */
        public Builder gssEncMode(GssEncMode gssEncMode) {
            this.gssEncMode = gssEncMode;
            return this;
        }

        /**
         * The application name shown in {@code pg_stat_activity} ({@code application_name}, {@code PGAPPNAME}).
         *
         * @param applicationName the name, or null to clear
         * @return this builder
         */
        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            this.applicationNameSet = applicationName != null;
            return this;
        }

        /**
         * The application name used when none is given anywhere else ({@code fallback_application_name}); for
         * frameworks that want a sensible default.
         *
         * @param fallbackApplicationName the name, or null to clear
         * @return this builder
         */
        public Builder fallbackApplicationName(String fallbackApplicationName) {
            this.fallbackApplicationName = fallbackApplicationName;
            return this;
        }

        /**
         * Command-line options for the server process ({@code options}, {@code PGOPTIONS}), such as
         * {@code -c search_path=app}.
         *
         * @param options the options, or null to clear
         * @return this builder
         */
        public Builder options(String options) {
            this.options = options;
            this.optionsSet = options != null;
            return this;
        }

        /**
         * Server settings for the startup message, replacing those set on this builder before (the connection
         * string's still apply, key by key below these). Kept in insertion order.
         *
         * @param serverSettings setting names and values, or null to clear
         * @return this builder
         */
        public Builder serverSettings(Map<String, String> serverSettings) {
            this.serverSettings = serverSettings == null ? new LinkedHashMap<>() : new LinkedHashMap<>(serverSettings);
            return this;
        }

        /**
         * Adds one server setting for the startup message (asyncpg's {@code server_settings}).
         *
         * @param name the setting's name, such as {@code search_path} or {@code TimeZone}
         * @param value its value
         * @return this builder
         */
        public Builder serverSetting(String name, String value) {
            serverSettings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * How long opening a connection may take, per host ({@code connect_timeout}, {@code PGCONNECT_TIMEOUT});
         * default 10 seconds; {@link Duration#ZERO} for no limit.
         *
         * @param connectTimeout the timeout, or null to clear
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * The default time limit for each command; default {@link Duration#ZERO}, no limit.
         *
         * @param commandTimeout the timeout, or null to clear
         * @return this builder
         */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        /**
         * How long a statement given up on may take to end after its cancel request before the connection is
         * closed as unresponsive ({@code cancelGracePeriod}); default 10 s, {@link Duration#ZERO} for never. See
         * {@link PgConnectOptions#cancelGracePeriod()}.
         *
         * @param cancelGracePeriod the grace period, or null for the default
         * @return this builder
         */
        public Builder cancelGracePeriod(Duration cancelGracePeriod) {
            this.cancelGracePeriod = cancelGracePeriod;
            return this;
        }

        /**
         * Which kind of server is acceptable ({@code target_session_attrs}, {@code PGTARGETSESSIONATTRS});
         * default {@link TargetSessionAttrs#ANY}.
         *
         * @param targetSessionAttrs the setting, or null to clear
         * @return this builder
         */
        public Builder targetSessionAttrs(TargetSessionAttrs targetSessionAttrs) {
            this.targetSessionAttrs = targetSessionAttrs;
            return this;
        }

        /**
         * The order hosts are tried in ({@code load_balance_hosts}, {@code PGLOADBALANCEHOSTS}); default
         * {@link LoadBalanceHosts#DISABLE}.
         *
         * @param loadBalanceHosts the setting, or null to clear
         * @return this builder
         */
        public Builder loadBalanceHosts(LoadBalanceHosts loadBalanceHosts) {
            this.loadBalanceHosts = loadBalanceHosts;
            return this;
        }

        /**
         * Whether TCP keep-alives are enabled ({@code keepalives}); default true.
         *
         * @param keepalives true to enable
         * @return this builder
         */
        public Builder keepalives(boolean keepalives) {
            this.keepalives = keepalives;
            return this;
        }

        /**
         * The idle time before TCP keep-alive probes ({@code keepalives_idle}); null for the OS default.
         *
         * @param keepalivesIdle whole seconds, at least 1
         * @return this builder
         */
        public Builder keepalivesIdle(Duration keepalivesIdle) {
            this.keepalivesIdle = keepalivesIdle;
            return this;
        }

        /**
         * The time between unacknowledged TCP keep-alive probes ({@code keepalives_interval}); null for the OS
         * default.
         *
         * @param keepalivesInterval whole seconds, at least 1
         * @return this builder
         */
        public Builder keepalivesInterval(Duration keepalivesInterval) {
            this.keepalivesInterval = keepalivesInterval;
            return this;
        }

        /**
         * How many unacknowledged TCP keep-alive probes make a connection dead ({@code keepalives_count}); null
         * for the OS default.
         *
         * @param keepalivesCount 1 to 127
         * @return this builder
         */
        public Builder keepalivesCount(Integer keepalivesCount) {
            this.keepalivesCount = keepalivesCount;
            return this;
        }

        /**
         * How long sent data may stay unacknowledged before TCP drops the connection ({@code tcp_user_timeout},
         * Linux with the epoll transport); null for the OS default.
         *
         * @param tcpUserTimeout whole milliseconds, zero for the OS default
         * @return this builder
         */
        public Builder tcpUserTimeout(Duration tcpUserTimeout) {
            this.tcpUserTimeout = tcpUserTimeout;
            return this;
        }

        /**
         * Whether Nagle's algorithm is disabled ({@code tcpNoDelay}); default true.
         *
         * @param tcpNoDelay true to disable Nagle's algorithm
         * @return this builder
         */
        public Builder tcpNoDelay(boolean tcpNoDelay) {
            this.tcpNoDelay = tcpNoDelay;
            return this;
        }

        /**
         * How many prepared statements each connection caches ({@code statementCacheSize}); default 100, 0 to
         * disable.
         *
         * @param statementCacheSize the size, at least 0
         * @return this builder
         */
        public Builder statementCacheSize(int statementCacheSize) {
            this.statementCacheSize = statementCacheSize;
            return this;
        }

        /**
         * How long a cached statement is kept ({@code maxCachedStatementLifetime}); default 300 seconds,
         * {@link Duration#ZERO} for unlimited.
         *
         * @param maxCachedStatementLifetime the lifetime, or null to clear
         * @return this builder
         */
        public Builder maxCachedStatementLifetime(Duration maxCachedStatementLifetime) {
            this.maxCachedStatementLifetime = maxCachedStatementLifetime;
            return this;
        }

        /**
         * The longest SQL text, in bytes, whose statement is cached ({@code maxCacheableStatementSize}); default
         * 15360, 0 for unlimited.
         *
         * @param maxCacheableStatementSize the size, at least 0
         * @return this builder
         */
        public Builder maxCacheableStatementSize(int maxCacheableStatementSize) {
            this.maxCacheableStatementSize = maxCacheableStatementSize;
            return this;
        }

        /**
         * How many commands one connection may have in flight ({@code pipelineLimit}); default 256.
         *
         * @param pipelineLimit the limit, at least 1
         * @return this builder
         */
        public Builder pipelineLimit(int pipelineLimit) {
            this.pipelineLimit = pipelineLimit;
            return this;
        }

        /**
         * The largest message accepted from the server ({@code maxMessageSize}); default and maximum 1 GiB, minimum
         * 64 KiB.
         *
         * @param maxMessageSize the size in bytes
         * @return this builder
         */
        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
            return this;
        }

        /**
         * The most SCRAM iterations computed ({@code scramMaxIterations}); default 100,000, minimum 4096.
         *
         * @param scramMaxIterations the cap
         * @return this builder
         */
        public Builder scramMaxIterations(int scramMaxIterations) {
            this.scramMaxIterations = scramMaxIterations;
            return this;
        }

        /**
         * Whether the server's {@code DETAIL} and {@code WHERE} appear in exception messages
         * ({@code errorDetailInMessages}); default true.
         *
         * @param errorDetailInMessages true to include them
         * @return this builder
         */
        public Builder errorDetailInMessages(boolean errorDetailInMessages) {
            this.errorDetailInMessages = errorDetailInMessages;
            return this;
        }

        /**
         * Whether {@code executeMany} of a plain multi-value {@code INSERT} sends one statement per batch of rows
         * ({@code rewriteBatchedInserts}); default false. See {@link PgConnectOptions#rewriteBatchedInserts()}.
         *
         * @param rewriteBatchedInserts true to rewrite
         * @return this builder
         */
        public Builder rewriteBatchedInserts(boolean rewriteBatchedInserts) {
            this.rewriteBatchedInserts = rewriteBatchedInserts;
            return this;
        }

        /**
         * Whether Netty's native epoll transport is used when available ({@code nativeTransport}); default true.
         *
         * @param nativeTransport true to use it
         * @return this builder
         */
        public Builder nativeTransport(boolean nativeTransport) {
            this.nativeTransport = nativeTransport;
            return this;
        }

        /**
         * The event loops to run connections on; default the driver's shared ones. The application keeps ownership
         * and shuts it down.
         *
         * @param eventLoopGroup the group, or null to clear
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
            this.eventLoopGroup = eventLoopGroup;
            return this;
        }

        /**
         * The JSON mapper for {@code json} and {@code jsonb} values (see {@link PgJsonMapper}); default none,
         * which maps JSON to and from {@code String}.
         *
         * @param jsonMapper the mapper, or null to clear
         * @return this builder
         */
        public Builder jsonMapper(PgJsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
            return this;
        }

        /**
         * Resolves every setting (explicit value, else connection string, else environment variable, else default)
         * and checks them all.
         *
         * @return the options
         * @throws PgConfigurationException when a value is invalid, out of range or unsupported, or settings
         *     contradict each other; the message names the setting and what is accepted, and never contains a
         *     password
         */
        public PgConnectOptions build() {
            Map<String, String> env = environment != null ? environment : System.getenv();
            try {
                return new PgConnectOptions(new Resolved(this, env));
            } catch (PgConfigurationException e) {
                String scrubbed = Redaction.scrub(e.getMessage(), password, sslPassword, dsn.get("password"),
                        dsn.get("sslpassword"), env.get("PGPASSWORD"));
                if (scrubbed.equals(e.getMessage())) {
                    throw e;
                }
                throw new PgConfigurationException(scrubbed, e.getKey());
            }
        }
    }

    /** A raw text value with where it came from, for conversion and error messages. */
    private static final class Raw {
        final String value;
        final String where;
        final boolean show;

        Raw(String value, String where, boolean show) {
            this.value = value;
            this.where = where;
            this.show = show;
        }
    }

    /** The resolution of a builder's settings; every check happens here. */
    private static final class Resolved {
        private final ParsedDsn dsn;
        private final Map<String, String> env;

        List<PgHost> hosts;
        String user;
        String password;
        Supplier<? extends CompletionStage<String>> passwordSupplier;
        String database;
        Path passfile;
        SslMode sslMode;
        Path sslRootCert;
        boolean sslRootCertSystem;
        Path sslCert;
        Path sslKey;
        String sslPassword;
        SSLContext sslContext;
        boolean sslSni;
        SslNegotiation sslNegotiation;
        ChannelBinding channelBinding;
        RequireAuth requireAuth;
        GssEncMode gssEncMode;
        String applicationName;
        String options;
        Map<String, String> serverSettings;
        Duration connectTimeout;
        Duration commandTimeout;
        Duration cancelGracePeriod;
        TargetSessionAttrs targetSessionAttrs;
        LoadBalanceHosts loadBalanceHosts;
        boolean keepalives;
        Duration keepalivesIdle;
        Duration keepalivesInterval;
        Integer keepalivesCount;
        Duration tcpUserTimeout;
        boolean tcpNoDelay;
        int statementCacheSize;
        Duration maxCachedStatementLifetime;
        int maxCacheableStatementSize;
        int pipelineLimit;
        int maxMessageSize;
        int scramMaxIterations;
        boolean errorDetailInMessages;
        boolean rewriteBatchedInserts;
        boolean nativeTransport;
        EventLoopGroup eventLoopGroup;
        PgJsonMapper jsonMapper;
        Map<String, String> environment;
        Path userHome;

        Resolved(Builder b, Map<String, String> env) {
            this.dsn = b.dsn;
            this.env = env;
            this.environment = b.environment;
            this.userHome = b.userHome;
            Path home = b.userHome != null ? b.userHome : defaultHome(env);

            hosts = resolveHosts(b);

            user = firstNonEmpty(b.user, text("user"), System.getProperty("user.name"));
            if (user == null || user.isEmpty()) {
                throw new PgConfigurationException("no user name: set user in the connection string, PGUSER, or"
                        + " PgConnectOptions.Builder.user", "user");
            }
            checkNoNul("user", user, true);
            database = firstNonEmpty(b.database, text("dbname"), user);
            checkNoNul("dbname", database, true);
            password = firstNonEmpty(b.password, text("password"));
            checkNoNul("password", password, false);
            passwordSupplier = b.passwordSupplier;
            if (b.passfileSet) {
                passfile = b.passfile;
            } else {
                Raw raw = raw("passfile");
                passfile = raw != null ? OptionValues.parsePath("passfile", raw.value, raw.where)
                        : defaultPassfile(home, env);
            }

            resolveTls(b, home);

            requireAuth = b.requireAuth != null ? b.requireAuth : keyword("require_auth", RequireAuth::parse);
            if (requireAuth == null) {
                requireAuth = RequireAuth.any();
            }
            gssEncMode = orDefault(b.gssEncMode, keyword("gssencmode", GssEncMode::fromKeyword), GssEncMode.DISABLE);
            if (gssEncMode == GssEncMode.REQUIRE) {
                throw new PgConfigurationException("gssencmode=require cannot be satisfied: GSSAPI encryption is not"
                        + " supported by pgasync; use TLS instead (sslmode=verify-full), or gssencmode=disable",
                        "gssencmode");
            }

            if (b.applicationNameSet) {
                applicationName = b.applicationName;
            } else {
                applicationName = firstNonEmpty(text("application_name"), b.fallbackApplicationName,
                        text("fallback_application_name"));
            }
            options = b.optionsSet ? b.options : text("options");
            checkNoNul("options", options, true);
            resolveServerSettings(b);
            checkNoNul("application_name", applicationName, true);
            checkClientEncoding();
            checkSslCompression();

            connectTimeout = b.connectTimeout != null ? b.connectTimeout : convertRaw("connect_timeout",
                    raw -> OptionValues.parseWholeSeconds("connect_timeout", raw.value, raw.where));
            if (connectTimeout == null) {
                connectTimeout = DEFAULT_CONNECT_TIMEOUT;
            }
            checkDuration("connect_timeout", "connectTimeout", connectTimeout);
            commandTimeout = orDefault(b.commandTimeout, duration("commandTimeout"), Duration.ZERO);
            checkDuration("commandTimeout", "commandTimeout", commandTimeout);
            cancelGracePeriod = orDefault(b.cancelGracePeriod, duration("cancelGracePeriod"), DEFAULT_CANCEL_GRACE_PERIOD);
            checkDuration("cancelGracePeriod", "cancelGracePeriod", cancelGracePeriod);
            targetSessionAttrs = orDefault(b.targetSessionAttrs,
                    keyword("target_session_attrs", TargetSessionAttrs::fromKeyword), TargetSessionAttrs.ANY);
            loadBalanceHosts = orDefault(b.loadBalanceHosts,
                    keyword("load_balance_hosts", LoadBalanceHosts::fromKeyword), LoadBalanceHosts.DISABLE);
            keepalives = orDefault(b.keepalives,
                    convertRaw("keepalives", raw -> OptionValues.parseIntFlag("keepalives", raw.value, raw.where)), true);
            tcpNoDelay = orDefault(b.tcpNoDelay, bool("tcpNoDelay"), true);
            keepalivesIdle = b.keepalivesIdle != null ? b.keepalivesIdle : convertRaw("keepalives_idle",
                    raw -> OptionValues.parseWholeSeconds("keepalives_idle", raw.value, raw.where));
            keepalivesInterval = b.keepalivesInterval != null ? b.keepalivesInterval : convertRaw(
                    "keepalives_interval", raw -> OptionValues.parseWholeSeconds("keepalives_interval", raw.value,
                            raw.where));
            keepalivesCount = b.keepalivesCount != null ? b.keepalivesCount : convertRaw("keepalives_count",
                    raw -> (int) OptionValues.parseLong("keepalives_count", raw.value, raw.where, true, 1, 127));
            tcpUserTimeout = b.tcpUserTimeout != null ? b.tcpUserTimeout : convertRaw("tcp_user_timeout",
                    raw -> Duration.ofMillis(OptionValues.parseLong("tcp_user_timeout", raw.value, raw.where, true, 0,
                            Integer.MAX_VALUE)));
            checkKeepaliveSetting("keepalives_idle", "keepalivesIdle", keepalivesIdle, Duration.ofSeconds(1));
            checkKeepaliveSetting("keepalives_interval", "keepalivesInterval", keepalivesInterval,
                    Duration.ofSeconds(1));
            checkKeepaliveSetting("tcp_user_timeout", "tcpUserTimeout", tcpUserTimeout, Duration.ZERO);
            if (keepalivesCount != null && (keepalivesCount < 1 || keepalivesCount > 127)) {
                throw new PgConfigurationException("invalid keepalives_count " + keepalivesCount
                        + " in PgConnectOptions.Builder.keepalivesCount: expected a number from 1 to 127",
                        "keepalives_count");
            }

            statementCacheSize = intSetting("statementCacheSize", b.statementCacheSize,
                    DEFAULT_STATEMENT_CACHE_SIZE, 0, Integer.MAX_VALUE);
            maxCachedStatementLifetime = orDefault(b.maxCachedStatementLifetime,
                    duration("maxCachedStatementLifetime"), DEFAULT_MAX_CACHED_STATEMENT_LIFETIME);
            checkDuration("maxCachedStatementLifetime", "maxCachedStatementLifetime", maxCachedStatementLifetime);
            maxCacheableStatementSize = sizeSetting("maxCacheableStatementSize", b.maxCacheableStatementSize,
                    DEFAULT_MAX_CACHEABLE_STATEMENT_SIZE, 0, Integer.MAX_VALUE);
            pipelineLimit = intSetting("pipelineLimit", b.pipelineLimit, DEFAULT_PIPELINE_LIMIT, 1,
                    Integer.MAX_VALUE);
            maxMessageSize = sizeSetting("maxMessageSize", b.maxMessageSize, MAX_MESSAGE_SIZE, MIN_MESSAGE_SIZE,
                    MAX_MESSAGE_SIZE);
            scramMaxIterations = intSetting("scramMaxIterations", b.scramMaxIterations,
                    DEFAULT_SCRAM_MAX_ITERATIONS, MIN_SCRAM_ITERATIONS, Integer.MAX_VALUE);
            errorDetailInMessages = orDefault(b.errorDetailInMessages, bool("errorDetailInMessages"), true);
            rewriteBatchedInserts = orDefault(b.rewriteBatchedInserts, bool("rewriteBatchedInserts"), false);
            nativeTransport = orDefault(b.nativeTransport, bool("nativeTransport"), true);
            eventLoopGroup = b.eventLoopGroup;
            jsonMapper = b.jsonMapper;
        }

        // ------------------------------------------------------------------------------------------- hosts

        private List<PgHost> resolveHosts(Builder b) {
            if (b.hosts != null) {
                if (b.hosts.isEmpty()) {
                    throw new PgConfigurationException("the host list is empty: give at least one host", "host");
                }
                for (PgHost h : b.hosts) {
                    Objects.requireNonNull(h, "a host in the host list is null");
                }
                return b.hosts;
            }
            Raw hostRaw = b.host != null ? new Raw(b.host, "in PgConnectOptions.Builder.host", true) : raw("host");
            Raw addrRaw = b.hostaddr != null ? new Raw(b.hostaddr, "in PgConnectOptions.Builder.hostaddr", true)
                    : raw("hostaddr");
            Raw portRaw = b.port != null ? new Raw(b.port.toString(), "in PgConnectOptions.Builder.port", true)
                    : raw("port");
            List<String> names = hostRaw == null ? null : split(hostRaw.value, b.host != null);
            List<String> addrs = addrRaw == null ? null : split(addrRaw.value, b.hostaddr != null);
            List<String> ports = portRaw == null ? null : split(portRaw.value, b.port != null);
            int count = addrs != null ? addrs.size() : names != null ? names.size() : 1;
            if (addrs != null && names != null && names.size() != count) {
                throw new PgConfigurationException("could not match " + names.size() + " host names to " + count
                        + " hostaddr values: give as many hostaddr values as hosts", "hostaddr");
            }
            if (ports != null && ports.size() != 1 && ports.size() != count) {
                throw new PgConfigurationException("could not match " + ports.size() + " port numbers to " + count
                        + " hosts: give one port for all hosts, or one port per host", "port");
            }
            List<PgHost> result = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = names == null ? "" : names.get(i);
                String addr = addrs == null ? "" : addrs.get(i);
                String portText = ports == null ? "" : ports.get(ports.size() == 1 ? 0 : i);
                int port = PgHost.DEFAULT_PORT;
                if (!portText.isEmpty()) {
                    port = (int) parsePort(portText, portRaw, i + 1, count);
                }
                if (name.length() > 1 && name.startsWith("[") && name.endsWith("]")) {
                    name = name.substring(1, name.length() - 1);
                }
                if (name.isEmpty()) {
                    name = addr.isEmpty() ? "localhost" : addr;
                }
                checkHostName(name, hostRaw, i + 1, count);
                if (!addr.isEmpty() && !PgHost.isIpLiteral(addr)) {
                    String shown = addrRaw.show ? " " + Redaction.quote(addr) : "";
                    throw new PgConfigurationException("invalid hostaddr" + shown + " " + addrRaw.where + nth(i + 1, count)
                            + ": expected a numeric IPv4 or IPv6 address (no name lookup is done for hostaddr)",
                            "hostaddr");
                }
                result.add(new PgHost(name, port, addr.isEmpty() || addr.equals(name) ? null : addr));
            }
            return result;
        }

        private long parsePort(String text, Raw raw, int index, int count) {
            try {
                long value = Long.parseLong(text);
                if (value >= 1 && value <= 65535) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            String shown = raw.show ? " " + Redaction.quote(text) : "";
            throw new PgConfigurationException("invalid port" + shown + " " + raw.where + nth(index, count)
                    + ": expected a number from 1 to 65535", "port");
        }

        private static void checkHostName(String name, Raw raw, int index, int count) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    String where = raw == null ? "" : " " + raw.where;
                    throw new PgConfigurationException("invalid host" + where + nth(index, count)
                            + ": control characters are not allowed in a host name", "host");
                }
            }
        }

        private static String nth(int index, int count) {
            return count > 1 ? " (host #" + index + ")" : "";
        }

        private static List<String> split(String value, boolean single) {
            List<String> parts = new ArrayList<>();
            if (single) {
                parts.add(value); // a builder value is taken verbatim
                return parts;
            }
            int start = 0;
            for (;;) {
                int comma = value.indexOf(',', start);
                if (comma < 0) {
                    parts.add(value.substring(start).strip());
                    return parts;
                }
                parts.add(value.substring(start, comma).strip());
                start = comma + 1;
            }
        }

        // --------------------------------------------------------------------------------------------- TLS

        private void resolveTls(Builder b, Path home) {
            sslContext = b.sslContext;
            if (sslContext != null) {
                String conflict;
                if (!b.inheritedRootCert && (b.sslRootCertSystem || b.sslRootCert != null)) {
                    conflict = "sslrootcert";
                } else if (!b.inheritedCert && b.sslCert != null) {
                    conflict = "sslcert";
                } else if (!b.inheritedKey && b.sslKey != null) {
                    conflict = "sslkey";
                } else if (!b.inheritedSslPassword && b.sslPassword != null) {
                    conflict = "sslpassword";
                } else {
                    conflict = firstKeyIn(dsn, "sslrootcert", "sslcert", "sslkey", "sslpassword");
                }
                if (conflict != null) {
                    throw new PgConfigurationException(conflict + " cannot be used together with an SSLContext: the"
                            + " context supplies the trust store and the client key; configure them in the context,"
                            + " or do not supply a context", conflict);
                }
                // The environment's (PGSSLROOTCERT, ...), the defaults and inherited values do not apply.
            } else {
                Path pgDir = postgresqlDirectory(home, env);
                if (b.inheritedRootCert) {
                    sslRootCert = b.sslRootCert;
                    sslRootCertSystem = b.sslRootCertSystem;
                } else if (b.sslRootCertSystem) {
                    sslRootCertSystem = true;
                } else if (b.sslRootCert != null) {
                    sslRootCert = b.sslRootCert;
                } else {
                    Raw raw = raw("sslrootcert");
                    if (raw != null && raw.value.equals("system")) {
                        sslRootCertSystem = true;
                    } else if (raw != null) {
                        sslRootCert = OptionValues.parsePath("sslrootcert", raw.value, raw.where);
                    } else {
                        sslRootCert = existing(pgDir, "root.crt");
                    }
                }
                if (b.inheritedCert || b.sslCert != null) {
                    sslCert = b.sslCert;
                } else {
                    sslCert = path("sslcert");
                    if (sslCert == null) {
                        sslCert = existing(pgDir, "postgresql.crt");
                    }
                }
                if (b.inheritedKey || b.sslKey != null) {
                    sslKey = b.sslKey;
                } else {
                    sslKey = path("sslkey");
                    if (sslKey == null) {
                        sslKey = existing(pgDir, "postgresql.key");
                    }
                }
                sslPassword = b.inheritedSslPassword ? b.sslPassword : firstNonEmpty(b.sslPassword, text("sslpassword"));
                checkNoNul("sslpassword", sslPassword, false);
            }

            SslMode mode = b.sslMode != null ? b.sslMode : keyword("sslmode", SslMode::fromKeyword);
            if (mode == null) {
                String requireSsl = env.get("PGREQUIRESSL");
                if (requireSsl != null && requireSsl.startsWith("1")) {
                    mode = SslMode.REQUIRE;
                } else {
                    mode = sslRootCertSystem ? SslMode.VERIFY_FULL : SslMode.PREFER;
                }
            }
            sslMode = mode;
            if (sslRootCertSystem && sslMode != SslMode.VERIFY_FULL) {
                throw new PgConfigurationException("weak sslmode " + sslMode.keyword() + " may not be used with"
                        + " sslrootcert=system (use verify-full): the system trust store trusts public certificate"
                        + " authorities, which issue certificates to anyone for the names they control, so only the"
                        + " host-name check of verify-full keeps an impostor out", "sslmode");
            }
            sslNegotiation = orDefault(b.sslNegotiation, keyword("sslnegotiation", SslNegotiation::fromKeyword),
                    SslNegotiation.POSTGRES);
            if (sslNegotiation == SslNegotiation.DIRECT && !sslMode.requiresTls()) {
                throw new PgConfigurationException("weak sslmode " + sslMode.keyword() + " may not be used with"
                        + " sslnegotiation=direct (use require, verify-ca or verify-full): direct TLS is meant for"
                        + " connections that must be encrypted", "sslnegotiation");
            }
            channelBinding = orDefault(b.channelBinding, keyword("channel_binding", ChannelBinding::fromKeyword),
                    ChannelBinding.PREFER);
            if (channelBinding == ChannelBinding.REQUIRE && sslMode == SslMode.DISABLE) {
                throw new PgConfigurationException("channel_binding=require needs TLS, but sslmode is disable: use"
                        + " sslmode=require or stronger", "channel_binding");
            }
            sslSni = orDefault(b.sslSni,
                    convertRaw("sslsni", raw -> OptionValues.parseIntFlag("sslsni", raw.value, raw.where)), true);
        }

        private static String firstKeyIn(ParsedDsn dsn, String... keys) {
            for (String key : keys) {
                String value = dsn.get(key);
                if (value != null && !value.isEmpty()) {
                    return key;
                }
            }
            return null;
        }

        private static Path existing(Path dir, String name) {
            if (dir == null) {
                return null;
            }
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? file : null;
        }

        // ---------------------------------------------------------------------------------- server settings

        private void resolveServerSettings(Builder b) {
            Map<String, String> merged = new LinkedHashMap<>(dsn.serverSettings());
            for (Map.Entry<String, String> e : b.serverSettings.entrySet()) {
                merged.remove(e.getKey());
                merged.put(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : merged.entrySet()) {
                String name = e.getKey();
                String value = e.getValue();
                if (name == null || !ConnectionStrings.isSettingName(name)) {
                    throw new PgConfigurationException("invalid server setting name " + Redaction.quote(name)
                            + ": expected letters, digits, '_', '.' and '$', at most 63 characters", "serverSettings");
                }
                if (value == null) {
                    throw new PgConfigurationException("server setting " + name + " has no value", name);
                }
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "user":
                    case "database":
                    case "replication":
                    case "options":
                        throw new PgConfigurationException("server setting " + name + " is not allowed: set it with"
                                + " the connection option of that name instead", name);
                    case "client_encoding":
                        if (!isUtf8(value)) {
                            throw new PgConfigurationException("server setting client_encoding must be UTF8:"
                                    + " pgasync always exchanges text in UTF-8", name);
                        }
                        break;
                    default:
                        break;
                }
                checkNoNul(name, value, !Keywords.looksSecret(name));
            }
            String appName = merged.remove("application_name");
            if (appName != null) {
                if (applicationName != null && !applicationName.equals(appName)) {
                    throw new PgConfigurationException("application_name is given twice, as the application name and"
                            + " as a server setting, with different values: give it once", "application_name");
                }
                applicationName = appName;
            }
            serverSettings = merged;
        }

        private void checkClientEncoding() {
            String encoding = dsn.get("client_encoding");
            if (encoding != null && !encoding.isEmpty() && !isUtf8(encoding)) {
                throw new PgConfigurationException("invalid client_encoding value " + Redaction.quote(encoding)
                        + " in the connection string: pgasync always uses UTF8 (omit client_encoding, or set it to"
                        + " UTF8)", "client_encoding");
            }
        }

        private void checkSslCompression() {
            String compression = dsn.get("sslcompression");
            if (compression != null && !compression.isEmpty()
                    && OptionValues.parseIntFlag("sslcompression", compression, "in the connection string")) {
                throw new PgConfigurationException("sslcompression=1 is not supported: TLS compression is insecure"
                        + " (CRIME) and disabled in every current TLS library; omit it or set it to 0",
                        "sslcompression");
            }
        }

        private static boolean isUtf8(String encoding) {
            String e = encoding.strip().toUpperCase(Locale.ROOT);
            return e.equals("UTF8") || e.equals("UTF-8") || e.equals("UNICODE");
        }

        // ------------------------------------------------------------------------------- generic helpers

        /** The connection string's value, else the environment variable's; null when neither gives one. */
        private Raw raw(String key) {
            String value = dsn.get(key);
            if (value != null && !value.isEmpty()) {
                return new Raw(value, "in the connection string", dsn.mayShow(key));
            }
            String variable = Keywords.environmentVariable(key);
            if (variable != null) {
                String fromEnv = env.get(variable);
                if (fromEnv != null && !fromEnv.isEmpty()) {
                    boolean secret = key.equals("password");
                    return new Raw(fromEnv, "in environment variable " + variable, !secret);
                }
            }
            return null;
        }

        private String text(String key) {
            Raw raw = raw(key);
            return raw == null ? null : raw.value;
        }

        private Path path(String key) {
            Raw raw = raw(key);
            return raw == null ? null : OptionValues.parsePath(key, raw.value, raw.where);
        }

        private <T> T convertRaw(String key, Function<Raw, T> converter) {
            Raw raw = raw(key);
            return raw == null ? null : converter.apply(raw);
        }

        private <T> T keyword(String key, KeywordParser<T> parser) {
            Raw raw = raw(key);
            if (raw == null) {
                return null;
            }
            try {
                return parser.parse(raw.value);
            } catch (PgConfigurationException e) {
                throw new PgConfigurationException(e.getMessage() + " (" + raw.where.substring(3) + ")", key);
            }
        }

        private Duration duration(String key) {
            return convertRaw(key, raw -> OptionValues.parseDuration(key, raw.value, raw.where));
        }

        private Boolean bool(String key) {
            return convertRaw(key, raw -> OptionValues.parseBoolean(key, raw.value, raw.where));
        }

        private int intSetting(String key, Integer explicit, int defaultValue, int min, int max) {
            if (explicit != null) {
                checkRange(key, explicit, min, max);
                return explicit;
            }
            Long value = convertRaw(key, raw -> OptionValues.parseLong(key, raw.value, raw.where, true, min, max));
            return value == null ? defaultValue : value.intValue();
        }

        private int sizeSetting(String key, Integer explicit, int defaultValue, int min, int max) {
            if (explicit != null) {
                checkRange(key, explicit, min, max);
                return explicit;
            }
            Long value = convertRaw(key, raw -> OptionValues.parseSize(key, raw.value, raw.where, min, max));
            return value == null ? defaultValue : value.intValue();
        }

        private static void checkRange(String key, int value, int min, int max) {
            if (value < min || value > max) {
                throw new PgConfigurationException("invalid " + key + " " + value + " in PgConnectOptions.Builder."
                        + key + ": expected a number from " + min + " to " + max, key);
            }
        }

        private static void checkKeepaliveSetting(String key, String builderMethod, Duration value, Duration min) {
            if (value != null && (value.compareTo(min) < 0 || value.toSeconds() > Integer.MAX_VALUE / 1000)) {
                throw new PgConfigurationException("invalid " + key + " " + value + " (PgConnectOptions.Builder."
                        + builderMethod + "): expected at least " + min + ", and whole "
                        + (key.equals("tcp_user_timeout") ? "milliseconds" : "seconds"), key);
            }
        }

        private static void checkDuration(String key, String builderMethod, Duration value) {
            if (value.isNegative()) {
                throw new PgConfigurationException("invalid " + key + " " + value + ": a duration must not be"
                        + " negative (PgConnectOptions.Builder." + builderMethod + "; zero means no limit)", key);
            }
        }

        private static void checkNoNul(String key, String value, boolean show) {
            if (value != null && value.indexOf('\0') >= 0) {
                String shown = show ? " " + Redaction.quote(value) : "";
                throw new PgConfigurationException("invalid " + key + shown + ": it contains a NUL character (\\u0000),"
                        + " which the PostgreSQL protocol cannot carry", key);
            }
        }

        private static <T> T orDefault(T explicit, T fromDsnOrEnv, T defaultValue) {
            return explicit != null ? explicit : fromDsnOrEnv != null ? fromDsnOrEnv : defaultValue;
        }

        private static String firstNonEmpty(String... values) {
            for (String value : values) {
                if (value != null && !value.isEmpty()) {
                    return value;
                }
            }
            return null;
        }

        private static Path defaultHome(Map<String, String> env) {
            String home = env.get("HOME");
            if (home != null && !home.isEmpty()) {
                return Path.of(home);
            }
            String property = System.getProperty("user.home");
            return property == null || property.isEmpty() ? null : Path.of(property);
        }

        private static boolean isWindows() {
            return System.getProperty("os.name", "").startsWith("Windows");
        }

        private static Path defaultPassfile(Path home, Map<String, String> env) {
            if (isWindows()) {
                String appData = env.get("APPDATA");
                return appData == null || appData.isEmpty() ? null : Path.of(appData, "postgresql", "pgpass.conf");
            }
            return home == null ? null : home.resolve(".pgpass");
        }

        private static Path postgresqlDirectory(Path home, Map<String, String> env) {
            if (isWindows()) {
                String appData = env.get("APPDATA");
                return appData == null || appData.isEmpty() ? null : Path.of(appData, "postgresql");
            }
            return home == null ? null : home.resolve(".postgresql");
        }
    }

    /** A libpq keyword parser such as {@link SslMode#fromKeyword(String)}. */
    @FunctionalInterface
    private interface KeywordParser<T> {
        T parse(String keyword);
    }
}
