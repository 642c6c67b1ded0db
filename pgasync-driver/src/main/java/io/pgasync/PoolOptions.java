package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.observability.PgPoolListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How a {@link PgPool} behaves: where its connections come from, how many it keeps, how long a caller may wait,
 * when connections are validated, retired and reset. Immutable; build one with {@link #builder()}.
 *
 * <p>The options are asyncpg's ({@code min_size}, {@code max_size}, {@code max_queries},
 * {@code max_inactive_connection_lifetime}, {@code setup}, {@code init}, {@code reset}, {@code connect}) plus what
 * HikariCP users expect (acquire timeout, maximum lifetime with jitter, validation, keep-alive, leak detection) and
 * a bounded queue of waiters. Every duration has a default and a minimum that guards against settings that would
 * make a pool churn or spam its log; {@code docs/pool.md} lists them all.
 */
public final class PoolOptions {

    /** The default {@link #maxSize()}: 10 connections (asyncpg, HikariCP). */
    public static final int DEFAULT_MAX_SIZE = 10;
    /** The default {@link #minSize()}: 10 connections, or {@link #maxSize()} when that is smaller. */
    public static final int DEFAULT_MIN_SIZE = 10;
    /** The default {@link #maxQueries()}: 50,000 queries per connection (asyncpg). */
    public static final long DEFAULT_MAX_QUERIES = 50_000;
    /** The default {@link #acquireTimeout()}: 30 seconds (HikariCP's {@code connectionTimeout}). */
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
    /** The default {@link #createTimeout()}: 30 seconds. */
    public static final Duration DEFAULT_CREATE_TIMEOUT = Duration.ofSeconds(30);
    /** The default {@link #validationTimeout()}: 5 seconds (HikariCP), or the acquire timeout when shorter. */
    public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(5);
    /** The default {@link #validateAfterIdle()}: 500 milliseconds (HikariCP's alive-bypass window). */
    public static final Duration DEFAULT_VALIDATE_AFTER_IDLE = Duration.ofMillis(500);
    /** The default {@link #hookTimeout()}: 10 seconds. */
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofSeconds(10);
    /** The default {@link #maxLifetime()}: 30 minutes (HikariCP). */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    /** The default {@link #maxInactiveLifetime()}: 10 minutes (HikariCP's {@code idleTimeout}). */
    public static final Duration DEFAULT_MAX_INACTIVE_LIFETIME = Duration.ofMinutes(10);
    /** The default {@link #keepaliveTime()}: 2 minutes. */
    public static final Duration DEFAULT_KEEPALIVE_TIME = Duration.ofMinutes(2);
    /** The default {@link #maxPendingAcquires()}: 10,000 waiting callers. */
    public static final int DEFAULT_MAX_PENDING_ACQUIRES = 10_000;
    /** The default {@link #createRetryInitialDelay()}: 100 milliseconds. */
    public static final Duration DEFAULT_CREATE_RETRY_INITIAL_DELAY = Duration.ofMillis(100);
    /** The default {@link #createRetryMaxDelay()}: 2 seconds (HikariCP backs off to about the same). */
    public static final Duration DEFAULT_CREATE_RETRY_MAX_DELAY = Duration.ofSeconds(2);

    /**
     * The minimum {@link #acquireTimeout()}, {@link #createTimeout()}, {@link #validationTimeout()} and
     * {@link #hookTimeout()}: 250 ms.
     */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(250);
    /** The minimum non-zero {@link #maxLifetime()}: 30 seconds. */
    public static final Duration MIN_MAX_LIFETIME = Duration.ofSeconds(30);
    /** The minimum non-zero {@link #maxInactiveLifetime()}: 10 seconds. */
    public static final Duration MIN_MAX_INACTIVE_LIFETIME = Duration.ofSeconds(10);
    /** The minimum non-zero {@link #keepaliveTime()}: 30 seconds. */
    public static final Duration MIN_KEEPALIVE_TIME = Duration.ofSeconds(30);
    /** The minimum non-zero {@link #leakDetectionThreshold()}: 2 seconds. */
    public static final Duration MIN_LEAK_DETECTION_THRESHOLD = Duration.ofSeconds(2);
    /** The minimum {@link #createRetryInitialDelay()} and {@link #createRetryMaxDelay()}: 10 milliseconds. */
    public static final Duration MIN_CREATE_RETRY_DELAY = Duration.ofMillis(10);

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final PgConnectOptions connectOptions;
    private final Supplier<? extends CompletionStage<? extends PgConnection>> connectionFactory;
    private final String name;
    private final int minSize;
    private final int maxSize;
    private final long maxQueries;
    private final Duration acquireTimeout;
    private final Duration createTimeout;
    private final Duration validationTimeout;
    private final Duration validateAfterIdle;
    private final String validationQuery;
    private final Duration hookTimeout;
    private final Duration maxLifetime;
    private final Duration maxInactiveLifetime;
    private final Duration keepaliveTime;
    private final Duration leakDetectionThreshold;
    private final int maxPendingAcquires;
    private final Duration createRetryInitialDelay;
    private final Duration createRetryMaxDelay;
    private final PgConnectionHook init;
    private final PgConnectionHook setup;
    private final PgConnectionHook reset;
    private final List<PgPoolListener> listeners;
    private final boolean allowShortDurations;

    private PoolOptions(Builder b) {
        boolean relaxed = b.allowShortDurations;
        if (b.connectOptions == null && b.connectionFactory == null) {
            throw new PgConfigurationException("A pool needs to know how to connect: call connect(PgConnectOptions),"
                    + " connect(String dsn) or connectionFactory(...) on the PoolOptions builder", "connect");
        }
        if (b.connectOptions != null && b.connectionFactory != null) {
            throw new PgConfigurationException("A pool takes either connect options or a connection factory, not"
                    + " both: remove one of the two", "connectionFactory");
        }
        this.connectOptions = b.connectOptions;
        this.connectionFactory = b.connectionFactory;
        this.name = b.name != null ? b.name : "pgasync-pool-" + POOL_NUMBER.incrementAndGet();
        if (name.isBlank()) {
            throw new PgConfigurationException("name must not be blank: give the pool a short, readable name (it"
                    + " appears in logs, thread names and metrics)", "name");
        }
        this.maxSize = b.maxSize != null ? b.maxSize : DEFAULT_MAX_SIZE;
        if (maxSize < 1) {
            throw new PgConfigurationException("maxSize must be at least 1, got " + maxSize, "maxSize");
        }
        this.minSize = b.minSize != null ? b.minSize : Math.min(DEFAULT_MIN_SIZE, maxSize);
        if (minSize < 0) {
            throw new PgConfigurationException("minSize must be 0 or more, got " + minSize, "minSize");
        }
        if (minSize > maxSize) {
            throw new PgConfigurationException("minSize (" + minSize + ") must not be greater than maxSize ("
                    + maxSize + ")", "minSize");
        }
        this.maxQueries = b.maxQueries != null ? b.maxQueries : DEFAULT_MAX_QUERIES;
        if (maxQueries < 0) {
            throw new PgConfigurationException("maxQueries must be 0 (no limit) or more, got " + maxQueries,
                    "maxQueries");
        }
        this.acquireTimeout = timeout("acquireTimeout", b.acquireTimeout, DEFAULT_ACQUIRE_TIMEOUT, relaxed);
        this.createTimeout = timeout("createTimeout", b.createTimeout, DEFAULT_CREATE_TIMEOUT, relaxed);
        Duration defaultValidation = DEFAULT_VALIDATION_TIMEOUT.compareTo(acquireTimeout) > 0 ? acquireTimeout
                : DEFAULT_VALIDATION_TIMEOUT;
        this.validationTimeout = timeout("validationTimeout", b.validationTimeout, defaultValidation, relaxed);
        if (validationTimeout.compareTo(acquireTimeout) > 0) {
            throw new PgConfigurationException("validationTimeout (" + validationTimeout + ") must not be longer than"
                    + " acquireTimeout (" + acquireTimeout + "): a validation must fit in an acquire",
                    "validationTimeout");
        }
        this.validateAfterIdle = nonNegative("validateAfterIdle", b.validateAfterIdle, DEFAULT_VALIDATE_AFTER_IDLE);
        this.validationQuery = b.validationQuery != null ? b.validationQuery : "";
        this.hookTimeout = timeout("hookTimeout", b.hookTimeout, DEFAULT_HOOK_TIMEOUT, relaxed);
        this.maxLifetime = optional("maxLifetime", b.maxLifetime, DEFAULT_MAX_LIFETIME, MIN_MAX_LIFETIME, relaxed);
        this.maxInactiveLifetime = optional("maxInactiveLifetime", b.maxInactiveLifetime,
                DEFAULT_MAX_INACTIVE_LIFETIME, MIN_MAX_INACTIVE_LIFETIME, relaxed);
        this.keepaliveTime = optional("keepaliveTime", b.keepaliveTime, DEFAULT_KEEPALIVE_TIME, MIN_KEEPALIVE_TIME,
                relaxed);
        this.leakDetectionThreshold = optional("leakDetectionThreshold", b.leakDetectionThreshold, Duration.ZERO,
                MIN_LEAK_DETECTION_THRESHOLD, relaxed);
        this.maxPendingAcquires = b.maxPendingAcquires != null ? b.maxPendingAcquires : DEFAULT_MAX_PENDING_ACQUIRES;
        if (maxPendingAcquires < 1) {
            throw new PgConfigurationException("maxPendingAcquires must be at least 1, got "
                    + maxPendingAcquires, "maxPendingAcquires");
        }
        this.createRetryInitialDelay = atLeast("createRetryInitialDelay", b.createRetryInitialDelay,
                DEFAULT_CREATE_RETRY_INITIAL_DELAY, MIN_CREATE_RETRY_DELAY);
        this.createRetryMaxDelay = atLeast("createRetryMaxDelay", b.createRetryMaxDelay,
                DEFAULT_CREATE_RETRY_MAX_DELAY.compareTo(createRetryInitialDelay) < 0 ? createRetryInitialDelay
                        : DEFAULT_CREATE_RETRY_MAX_DELAY, MIN_CREATE_RETRY_DELAY);
        if (createRetryMaxDelay.compareTo(createRetryInitialDelay) < 0) {
            throw new PgConfigurationException("createRetryMaxDelay (" + createRetryMaxDelay + ") must not be"
                    + " shorter than createRetryInitialDelay (" + createRetryInitialDelay + ")",
                    "createRetryMaxDelay");
        }
        this.init = b.init;
        this.setup = b.setup;
        this.reset = b.reset;
        this.listeners = List.copyOf(b.listeners);
        this.allowShortDurations = relaxed;
    }

    private static Duration timeout(String key, Duration value, Duration dflt, boolean relaxed) {
        if (value == null) {
            return dflt;
        }
        if (value.isZero() || value.isNegative()) {
            throw new PgConfigurationException(key + " must be positive, got " + value + ": a pool never waits"
                    + " without a bound", key);
        }
        if (!relaxed && value.compareTo(MIN_TIMEOUT) < 0) {
            throw new PgConfigurationException(key + " must be at least " + MIN_TIMEOUT.toMillis() + " ms, got "
                    + value.toMillis() + " ms (allowShortDurations(true) lifts the minimum, for tests)", key);
        }
        return value;
    }

    private static Duration optional(String key, Duration value, Duration dflt, Duration min, boolean relaxed) {
        if (value == null) {
            return dflt;
        }
        if (value.isNegative()) {
            throw new PgConfigurationException(key + " must be zero (off) or positive, got " + value, key);
        }
        if (!value.isZero() && !relaxed && value.compareTo(min) < 0) {
            throw new PgConfigurationException(key + " must be zero (off) or at least " + describe(min) + ", got "
                    + describe(value) + " (allowShortDurations(true) lifts the minimum, for tests)", key);
        }
        return value;
    }

    private static Duration nonNegative(String key, Duration value, Duration dflt) {
        if (value == null) {
            return dflt;
        }
        if (value.isNegative()) {
            throw new PgConfigurationException(key + " must be zero or positive, got " + value, key);
        }
        return value;
    }

    private static Duration atLeast(String key, Duration value, Duration dflt, Duration min) {
        if (value == null) {
            return dflt;
        }
        if (value.compareTo(min) < 0) {
            throw new PgConfigurationException(key + " must be at least " + min.toMillis() + " ms, got "
                    + value.toMillis() + " ms", key);
        }
        return value;
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * A new builder with every option at its default.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to derive other options.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectOptions = connectOptions;
        b.connectionFactory = connectionFactory;
        b.name = name;
        b.minSize = minSize;
        b.maxSize = maxSize;
        b.maxQueries = maxQueries;
        b.acquireTimeout = acquireTimeout;
        b.createTimeout = createTimeout;
        b.validationTimeout = validationTimeout;
        b.validateAfterIdle = validateAfterIdle;
        b.validationQuery = validationQuery;
        b.hookTimeout = hookTimeout;
        b.maxLifetime = maxLifetime;
        b.maxInactiveLifetime = maxInactiveLifetime;
        b.keepaliveTime = keepaliveTime;
        b.leakDetectionThreshold = leakDetectionThreshold;
        b.maxPendingAcquires = maxPendingAcquires;
        b.createRetryInitialDelay = createRetryInitialDelay;
        b.createRetryMaxDelay = createRetryMaxDelay;
        b.init = init;
        b.setup = setup;
        b.reset = reset;
        b.listeners.addAll(listeners);
        b.allowShortDurations = allowShortDurations;
        return b;
    }

    /**
     * The connect options new connections are opened with, or null when a {@link #connectionFactory()} is used.
     *
     * @return the connect options, or null
     */
    public PgConnectOptions connectOptions() {
        return connectOptions;
    }

    /**
     * The factory new connections come from, or null when {@link #connectOptions()} are used.
     *
     * @return the factory, or null
     */
    public Supplier<? extends CompletionStage<? extends PgConnection>> connectionFactory() {
        return connectionFactory;
    }

    /**
     * The pool's name, for logs, its timer thread and metrics; default {@code pgasync-pool-<n>}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * How many connections the pool keeps open even when idle; it opens them at start and refills in the
     * background when connections are closed. Default 10 (or {@link #maxSize()} when smaller).
     *
     * @return the minimum size
     */
    public int minSize() {
        return minSize;
    }

    /**
     * The most connections the pool opens (those being opened count); default 10.
     *
     * @return the maximum size
     */
    public int maxSize() {
        return maxSize;
    }

    /**
     * After how many queries a connection is closed and replaced (asyncpg's {@code max_queries}), checked on
     * release; queries run through the pooled connection count. Default 50,000; 0 means no limit.
     *
     * @return the limit, or 0
     */
    public long maxQueries() {
        return maxQueries;
    }

    /**
     * How long {@code acquire} (and every pool shortcut) waits for a connection before failing with
     * {@link io.pgasync.exception.PgPoolTimeoutException}, validation and {@code setup} included. Default 30 s,
     * minimum 250 ms.
     *
     * @return the timeout
     */
    public Duration acquireTimeout() {
        return acquireTimeout;
    }

    /**
     * How long opening one connection may take, {@code init} hook included; a connection that arrives later is
     * closed at once. Default 30 s, minimum 250 ms. (Each host attempt is also bounded by the connect options'
     * {@code connectTimeout}.)
     *
     * @return the timeout
     */
    public Duration createTimeout() {
        return createTimeout;
    }

    /**
     * How long a validation (before a hand-out) or a keep-alive ping may take before the connection is closed as
     * dead. Default 5 s (or {@link #acquireTimeout()} when shorter), minimum 250 ms, at most the acquire timeout.
     *
     * @return the timeout
     */
    public Duration validationTimeout() {
        return validationTimeout;
    }

    /**
     * A connection that has been idle longer than this is validated (one round trip with
     * {@link #validationQuery()}) before it is handed out; one used more recently is handed out at once. Default
     * 500 ms; zero validates every hand-out.
     *
     * @return the idle threshold
     */
    public Duration validateAfterIdle() {
        return validateAfterIdle;
    }

    /**
     * The query run to validate a connection and for keep-alive pings, with the simple protocol. Default: the
     * empty query, the cheapest round trip PostgreSQL answers.
     *
     * @return the query
     */
    public String validationQuery() {
        return validationQuery;
    }

    /**
     * How long the {@code setup} and {@code reset} hooks may take before the connection is closed (the caller of
     * {@code acquire} then gets another connection, or a timeout). Default 10 s, minimum 250 ms.
     *
     * @return the timeout
     */
    public Duration hookTimeout() {
        return hookTimeout;
    }

    /**
     * How long a connection lives at most: an idle one is closed and replaced once it is older, an acquired one
     * when it is released. Each connection's lifetime is shortened by a random 0 to 2.5 % so that connections
     * opened together are not all replaced at once. Default 30 min, minimum 30 s; zero means no limit.
     *
     * @return the lifetime, or zero
     */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /**
     * How long a connection may stay idle before it is closed, while the pool has more than {@link #minSize()}
     * connections (asyncpg's {@code max_inactive_connection_lifetime}, HikariCP's {@code idleTimeout}). Default
     * 10 min, minimum 10 s; zero means never.
     *
     * @return the inactive lifetime, or zero
     */
    public Duration maxInactiveLifetime() {
        return maxInactiveLifetime;
    }

    /**
     * How often an idle connection is pinged with {@link #validationQuery()}, so that dead connections are found
     * before a caller meets them and firewalls do not drop quiet ones. Each interval is shortened by a random 0 to
     * 10 %. Default 2 min, minimum 30 s; zero means no keep-alive.
     *
     * @return the interval, or zero
     */
    public Duration keepaliveTime() {
        return keepaliveTime;
    }

    /**
     * How long a connection may be held before the pool logs a suspected leak (a WARNING on the
     * {@code io.pgasync.pool} logger with the stack of the code that acquired it). The connection is not taken
     * away. Default zero (off), minimum 2 s. Capturing the acquiring stack costs some time on each acquire.
     *
     * @return the threshold, or zero
     */
    public Duration leakDetectionThreshold() {
        return leakDetectionThreshold;
    }

    /**
     * How many callers may wait for a connection; one more fails at once with
     * {@link io.pgasync.exception.PgPoolQueueFullException}. Default 10,000, minimum 1. Callers count from the
     * moment they cannot be served by an idle connection at once, including while a connection is opened for them.
     *
     * @return the bound
     */
    public int maxPendingAcquires() {
        return maxPendingAcquires;
    }

    /**
     * The first delay before another connection attempt after one failed; it doubles after each failure in a
     * row, up to {@link #createRetryMaxDelay()}, with random jitter. Default 100 ms.
     *
     * @return the initial delay
     */
    public Duration createRetryInitialDelay() {
        return createRetryInitialDelay;
    }

    /**
     * The longest delay between connection attempts while they keep failing (the server is down). Default 2 s.
     *
     * @return the maximum delay
     */
    public Duration createRetryMaxDelay() {
        return createRetryMaxDelay;
    }

    /**
     * Run once on each new connection, before it enters the pool (asyncpg's {@code init}); null for none.
     *
     * @return the hook, or null
     */
    public PgConnectionHook init() {
        return init;
    }

    /**
     * Run before each hand-out (asyncpg's {@code setup}); null for none.
     *
     * @return the hook, or null
     */
    public PgConnectionHook setup() {
        return setup;
    }

    /**
     * Run on each release to give the next caller a clean session (asyncpg's {@code reset}); null for the default,
     * {@link PgConnection#reset()} (roll back, then {@link PgConnection#getResetQuery()}).
     *
     * <p>The default reset is pipelined for a connection released quiet (on its event loop, nothing in flight, no
     * transaction): it goes back to the pool as soon as the reset is queued on
     * it, and the next holder's statements follow the reset on the wire (a connection runs its commands in order, so
     * they see the reset session) without waiting for its round trip. Should such a reset fail, the connection is
     * closed, and calls a new holder already queued behind it fail with a connection-closed error. Other releases,
     * and a custom hook, are awaited before the connection is handed out again.
     *
     * @return the hook, or null for the default
     */
    public PgConnectionHook reset() {
        return reset;
    }

    /**
     * The listeners registered at build time.
     *
     * @return an unmodifiable list
     */
    public List<PgPoolListener> listeners() {
        return listeners;
    }

    /**
     * Whether the minimum durations are lifted (for tests).
     *
     * @return true when lifted
     */
    public boolean allowShortDurations() {
        return allowShortDurations;
    }

    @Override
    public String toString() {
        return "PoolOptions[name=" + name + ", minSize=" + minSize + ", maxSize=" + maxSize + ", maxQueries="
                + maxQueries + ", acquireTimeout=" + acquireTimeout + ", createTimeout=" + createTimeout
                + ", validationTimeout=" + validationTimeout + ", validateAfterIdle=" + validateAfterIdle
                + ", hookTimeout=" + hookTimeout + ", maxLifetime=" + maxLifetime + ", maxInactiveLifetime="
                + maxInactiveLifetime + ", keepaliveTime=" + keepaliveTime + ", leakDetectionThreshold="
                + leakDetectionThreshold + ", maxPendingAcquires=" + maxPendingAcquires + ", connect="
                + (connectOptions != null ? connectOptions : "factory") + "]";
    }

    /** Builds {@link PoolOptions}; every option left unset takes its default. */
    public static final class Builder {

        private PgConnectOptions connectOptions;
        private Supplier<? extends CompletionStage<? extends PgConnection>> connectionFactory;
        private String name;
        private Integer minSize;
        private Integer maxSize;
        private Long maxQueries;
        private Duration acquireTimeout;
        private Duration createTimeout;
        private Duration validationTimeout;
        private Duration validateAfterIdle;
        private String validationQuery;
        private Duration hookTimeout;
        private Duration maxLifetime;
        private Duration maxInactiveLifetime;
        private Duration keepaliveTime;
        private Duration leakDetectionThreshold;
        private Integer maxPendingAcquires;
        private Duration createRetryInitialDelay;
        private Duration createRetryMaxDelay;
        private PgConnectionHook init;
        private PgConnectionHook setup;
        private PgConnectionHook reset;
        private final List<PgPoolListener> listeners = new ArrayList<>();
        private boolean allowShortDurations;

        private Builder() {}

        /**
         * Opens connections with these options.
         *
         * @param connectOptions the connect options
         * @return this builder
         */
        public Builder connect(PgConnectOptions connectOptions) {
            this.connectOptions = Objects.requireNonNull(connectOptions, "connectOptions");
            return this;
        }

        /**
         * Opens connections with options parsed from a DSN (see {@link PgConnectOptions#parse(String)}).
         *
         * @param dsn the connection string
         * @return this builder
         * @throws PgConfigurationException when the DSN is invalid
         */
        public Builder connect(String dsn) {
            return connect(PgConnectOptions.parse(dsn));
        }

        /**
         * Opens connections with a factory instead of connect options (asyncpg's {@code connect} argument): each
         * call must open a new connection. The pool bounds each call by {@link #createTimeout(Duration)} and
         * closes a connection that arrives late.
         *
         * @param connectionFactory the factory
         * @return this builder
         */
        public Builder connectionFactory(
                Supplier<? extends CompletionStage<? extends PgConnection>> connectionFactory) {
            this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
            return this;
        }

        /**
         * Names the pool (logs, its timer thread, metrics).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * See {@link PoolOptions#minSize()}.
         *
         * @param minSize connections kept open; default 10 (or {@code maxSize} when smaller)
         * @return this builder
         */
        public Builder minSize(int minSize) {
            this.minSize = minSize;
            return this;
        }

        /**
         * See {@link PoolOptions#maxSize()}.
         *
         * @param maxSize the most connections; default 10
         * @return this builder
         */
        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /**
         * See {@link PoolOptions#maxQueries()}.
         *
         * @param maxQueries queries per connection before it is replaced; 0 for no limit; default 50,000
         * @return this builder
         */
        public Builder maxQueries(long maxQueries) {
            this.maxQueries = maxQueries;
            return this;
        }

        /**
         * See {@link PoolOptions#acquireTimeout()}.
         *
         * @param acquireTimeout how long an acquire may wait; default 30 s, minimum 250 ms
         * @return this builder
         */
        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
            return this;
        }

        /**
         * See {@link PoolOptions#createTimeout()}.
         *
         * @param createTimeout how long opening a connection may take; default 30 s, minimum 250 ms
         * @return this builder
         */
        public Builder createTimeout(Duration createTimeout) {
            this.createTimeout = createTimeout;
            return this;
        }

        /**
         * See {@link PoolOptions#validationTimeout()}.
         *
         * @param validationTimeout how long a validation may take; default 5 s, minimum 250 ms
         * @return this builder
         */
        public Builder validationTimeout(Duration validationTimeout) {
            this.validationTimeout = validationTimeout;
            return this;
        }

        /**
         * See {@link PoolOptions#validateAfterIdle()}.
         *
         * @param validateAfterIdle idle time after which a connection is validated before a hand-out; default
         *     500 ms; zero validates every hand-out
         * @return this builder
         */
        public Builder validateAfterIdle(Duration validateAfterIdle) {
            this.validateAfterIdle = validateAfterIdle;
            return this;
        }

        /**
         * See {@link PoolOptions#validationQuery()}.
         *
         * @param validationQuery the query; default the empty query
         * @return this builder
         */
        public Builder validationQuery(String validationQuery) {
            this.validationQuery = validationQuery;
            return this;
        }

        /**
         * See {@link PoolOptions#hookTimeout()}.
         *
         * @param hookTimeout how long {@code setup} and {@code reset} may take; default 10 s, minimum 250 ms
         * @return this builder
         */
        public Builder hookTimeout(Duration hookTimeout) {
            this.hookTimeout = hookTimeout;
            return this;
        }

        /**
         * See {@link PoolOptions#maxLifetime()}.
         *
         * @param maxLifetime the longest life of a connection; zero for none; default 30 min, minimum 30 s
         * @return this builder
         */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        /**
         * See {@link PoolOptions#maxInactiveLifetime()}.
         *
         * @param maxInactiveLifetime how long a connection above the minimum may stay idle; zero for ever;
         *     default 10 min, minimum 10 s
         * @return this builder
         */
        public Builder maxInactiveLifetime(Duration maxInactiveLifetime) {
            this.maxInactiveLifetime = maxInactiveLifetime;
            return this;
        }

        /**
         * See {@link PoolOptions#keepaliveTime()}.
         *
         * @param keepaliveTime how often idle connections are pinged; zero for never; default 2 min, minimum 30 s
         * @return this builder
         */
        public Builder keepaliveTime(Duration keepaliveTime) {
            this.keepaliveTime = keepaliveTime;
            return this;
        }

        /**
         * See {@link PoolOptions#leakDetectionThreshold()}.
         *
         * @param leakDetectionThreshold how long a connection may be held before a leak is suspected; zero for off
         *     (the default); minimum 2 s
         * @return this builder
         */
        public Builder leakDetectionThreshold(Duration leakDetectionThreshold) {
            this.leakDetectionThreshold = leakDetectionThreshold;
            return this;
        }

        /**
         * See {@link PoolOptions#maxPendingAcquires()}.
         *
         * @param maxPendingAcquires how many callers may wait; default 10,000, minimum 1
         * @return this builder
         */
        public Builder maxPendingAcquires(int maxPendingAcquires) {
            this.maxPendingAcquires = maxPendingAcquires;
            return this;
        }

        /**
         * The backoff between connection attempts while they fail: see {@link PoolOptions#createRetryInitialDelay()}
         * and {@link PoolOptions#createRetryMaxDelay()}.
         *
         * @param initialDelay the first delay; default 100 ms, minimum 10 ms
         * @param maxDelay the longest delay; default 2 s, minimum 10 ms
         * @return this builder
         */
        public Builder createRetryBackoff(Duration initialDelay, Duration maxDelay) {
            this.createRetryInitialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
            this.createRetryMaxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
            return this;
        }

        /**
         * See {@link PoolOptions#init()}.
         *
         * @param init run once on each new connection; null for none
         * @return this builder
         */
        public Builder init(PgConnectionHook init) {
            this.init = init;
            return this;
        }

        /**
         * See {@link PoolOptions#setup()}.
         *
         * @param setup run before each hand-out; null for none
         * @return this builder
         */
        public Builder setup(PgConnectionHook setup) {
            this.setup = setup;
            return this;
        }

        /**
         * See {@link PoolOptions#reset()}. A connection still inside a transaction when it is released is rolled
         * back before a custom hook runs; one still inside a transaction after the hook is closed.
         *
         * @param reset run on each release; null for the default ({@link PgConnection#reset()})
         * @return this builder
         */
        public Builder reset(PgConnectionHook reset) {
            this.reset = reset;
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PgPoolListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Lifts the minimum durations (timeouts below 250 ms, lifetimes, keep-alive and leak detection below their
         * minimums), for tests that need a pool to act quickly. Do not use it in production: short lifetimes make
         * the pool churn connections, and a short leak threshold floods the log.
         *
         * @param allow true to lift the minimums
         * @return this builder
         */
        public Builder allowShortDurations(boolean allow) {
            this.allowShortDurations = allow;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws PgConfigurationException when a value is out of range or values contradict each other; the
         *     message names the option and what is accepted
         */
        public PoolOptions build() {
            return new PoolOptions(this);
        }
    }
}
