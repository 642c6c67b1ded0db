package io.pgasync.internal.pool;

import io.pgasync.IsolationLevel;
import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.PgConnectionHook;
import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.PoolOptions;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import io.pgasync.exception.InvalidAuthorizationSpecificationException;
import io.pgasync.exception.InvalidCatalogNameException;
import io.pgasync.exception.PgAuthenticationException;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgConfigurationException;
import io.pgasync.exception.PgPoolClosedException;
import io.pgasync.exception.PgPoolQueueFullException;
import io.pgasync.exception.PgPoolTimeoutException;
import io.pgasync.exception.PgServerException;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.internal.protocol.PgConnectionImpl;
import io.pgasync.observability.PgPoolListener;
import io.pgasync.observability.PgPoolListener.CloseReason;
import io.pgasync.observability.PgPoolStats;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pool. All state lives under one lock, held only for bookkeeping: futures are completed, hooks, listeners and
 * connection calls are run after it is released.
 *
 * <p>Each connection ({@link PoolEntry}) is in exactly one {@link EntryState} and has exactly one owner: the idle
 * deque, a preparation for one waiter, a lease, a reset after release, the housekeeper. Every stage ends in one of two
 * ways, decided by its owner: back to idle ({@link #backToIdle}) after a successful round trip, or retired
 * ({@link #retire}), which closes the connection and removes it from the figures. Waiters are a FIFO
 * ({@link WaiterQueue}); a waiter's future is the caller's, and whoever completes it first wins (hand-out, timeout,
 * cancellation, close): a hand-out that loses gives the connection back.
 */
public final class PoolImpl implements PgPool {

    static final System.Logger LOG = System.getLogger("io.pgasync.pool");

    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "pgasync-pool-cleaner");
        t.setDaemon(true);
        return t;
    });

    private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private enum State { RUNNING, CLOSING, CLOSED }

    private final PoolOptions options;
    private final String name;
    private volatile Supplier<? extends CompletionStage<? extends PgConnection>> factory;
    private final CopyOnWriteArrayList<PgPoolListener> listeners;
    private final ScheduledThreadPoolExecutor timer;

    private final long acquireTimeoutNanos;
    private final long createTimeoutNanos;
    private final long validationTimeoutNanos;
    private final long validateAfterIdleNanos;
    private final long hookTimeoutNanos;
    private final long maxLifetimeNanos;
    private final long maxInactiveNanos;
    private final long keepaliveNanos;
    private final long leakNanos;

    private final ReentrantLock lock = new ReentrantLock();
    // ---- guarded by lock ----
    /** Idle connections; the head is the most recently returned (handed out first, LIFO), the tail the oldest. */
    private final ArrayDeque<PoolEntry> idle = new ArrayDeque<>();
    private final WaiterQueue waiters = new WaiterQueue();
    /** Every open connection the pool counts: idle, preparing, leased, returning, housekeeping. */
    private final Set<PoolEntry> entries = new HashSet<>();
    /** Connections the pool closed whose socket has not closed yet (the pool's close waits for them). */
    private final Set<PoolEntry> closing = new HashSet<>();
    private int preparing;
    private int leased;
    private int returning;
    private int housekeeping;
    private int creating;
    private int generation;
    private State state = State.RUNNING;
    private int failureStreak;
    private long nextCreateAt;
    private Throwable lastCreateFailure;
    private ScheduledFuture<?> createRetry;
    private long lastCreateWarnAt;
    private boolean createWarned;
    private long lastBrokenWarnAt;
    private boolean brokenWarned;
    private long lastValidationWarnAt;
    private boolean validationWarned;
    private long totalCreated;
    private long totalClosed;
    private CompletableFuture<PgPool> readiness;
    private ScheduledFuture<?> housekeeper;
    // ---- end guarded ----

    private final AtomicLong totalCreateFailures = new AtomicLong();
    private final AtomicLong totalAcquired = new AtomicLong();
    private final AtomicLong totalAcquireTimeouts = new AtomicLong();
    private final AtomicLong totalLeaks = new AtomicLong();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile PoolNotifications notifications;

    private PoolImpl(PoolOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.name = options.name();
        this.factory = options.connectionFactory() != null ? options.connectionFactory()
                : connectWith(options.connectOptions());
        this.listeners = new CopyOnWriteArrayList<>(options.listeners());
        this.acquireTimeoutNanos = options.acquireTimeout().toNanos();
        this.createTimeoutNanos = options.createTimeout().toNanos();
        this.validationTimeoutNanos = options.validationTimeout().toNanos();
        this.validateAfterIdleNanos = options.validateAfterIdle().toNanos();
        this.hookTimeoutNanos = options.hookTimeout().toNanos();
        this.maxLifetimeNanos = options.maxLifetime().toNanos();
        this.maxInactiveNanos = options.maxInactiveLifetime().toNanos();
        this.keepaliveNanos = options.keepaliveTime().toNanos();
        this.leakNanos = options.leakDetectionThreshold().toNanos();
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pgasync-pool-timer-" + name);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** Introspected types shared by every connection of this pool: a type is looked up once per pool. */
    private final io.pgasync.internal.codec.TypeCache types = new io.pgasync.internal.codec.TypeCache();

    private Supplier<CompletableFuture<PgConnection>> connectWith(PgConnectOptions connectOptions) {
        Objects.requireNonNull(connectOptions, "connectOptions");
        return () -> io.pgasync.internal.protocol.Connector.connect(connectOptions, types);
    }

    /**
     * Creates a pool and starts filling it.
     *
     * @param options the options
     * @return the pool
     */
    public static PgPool create(PoolOptions options) {
        PoolImpl pool = new PoolImpl(options);
        pool.start();
        return pool;
    }

    /**
     * Creates a pool and completes when it has its minimum size, or fails (and terminates it) at the first failed
     * connection attempt.
     *
     * @param options the options
     * @return the pool, ready
     */
    public static CompletableFuture<PgPool> connect(PoolOptions options) {
        PoolImpl pool;
        try {
            pool = new PoolImpl(options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<PgPool> ready = new CompletableFuture<>();
        pool.readiness = ready;
        pool.start();
        pool.checkReady(null);
        return ready.whenComplete((p, e) -> {
            if (e != null) {
                pool.terminate();
            }
        });
    }

    private void start() {
        long period = housekeepingPeriodNanos();
        try {
            housekeeper = timer.scheduleWithFixedDelay(() -> guarded(this::housekeep), period, period,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("could not start the pool's timer", e);
        }
        dispatch();
    }

    private long housekeepingPeriodNanos() {
        long smallest = Long.MAX_VALUE;
        for (long d : new long[] {maxLifetimeNanos, maxInactiveNanos, keepaliveNanos}) {
            if (d > 0) {
                smallest = Math.min(smallest, d);
            }
        }
        long max = TimeUnit.SECONDS.toNanos(30);
        if (smallest == Long.MAX_VALUE) {
            return max;
        }
        return Math.max(TimeUnit.MILLISECONDS.toNanos(20), Math.min(max, smallest / 10));
    }

    // ---- acquire -----------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<PgPooledConnection> acquire() {
        return acquire(options.acquireTimeout());
    }

    @Override
    public CompletableFuture<PgPooledConnection> acquire(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "The acquire timeout must be positive, got " + timeout));
        }
        Waiter w = new Waiter(System.nanoTime(), timeout, leakNanos > 0 ? new AcquireSite(name) : null);
        PoolEntry e = null;
        RuntimeException refused = null;
        lock.lock();
        try {
            if (state != State.RUNNING) {
                refused = closedException();
            } else if (waiters.isEmpty() && !idle.isEmpty()) {
                e = idle.pollFirst();
                e.state = EntryState.PREPARING;
                preparing++;
            } else if (waiters.size() >= options.maxPendingAcquires()) {
                refused = new PgPoolQueueFullException("Pool '" + name + "' refused an acquire at once: "
                        + waiters.size() + " callers are already waiting (maxPendingAcquires). All " + entries.size()
                        + " connections are busy (maxSize " + options.maxSize() + "). Shed load, raise maxSize, or"
                        + " raise maxPendingAcquires.");
            } else {
                waiters.addLast(w);
            }
        } finally {
            lock.unlock();
        }
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        w.future.whenComplete((c, err) -> {
            if (err != null) {
                waiterDone(w);
            }
        });
        if (e != null) {
            prepare(e, w);
        } else {
            armTimer(w);
            dispatch();
        }
        return w.future;
    }

    private void armTimer(Waiter w) {
        synchronized (w) {
            if (w.timer != null || w.future.isDone()) {
                return;
            }
            w.timer = schedule(() -> onWaiterTimeout(w), w.deadline - System.nanoTime());
        }
        if (w.future.isDone()) {
            cancel(w.timer);
        }
    }

    private void waiterDone(Waiter w) {
        lock.lock();
        try {
            waiters.remove(w);
        } finally {
            lock.unlock();
        }
        cancel(w.timer);
    }

    private void onWaiterTimeout(Waiter w) {
        String message;
        Throwable cause;
        lock.lock();
        try {
            if (w.future.isDone()) {
                return;
            }
            waiters.remove(w);
            long millis = w.timeout.toMillis();
            if (failureStreak > 0 && lastCreateFailure != null) {
                cause = lastCreateFailure;
                message = "Pool '" + name + "' could not provide a connection within " + millis + " ms: it cannot"
                        + " open connections to the server (" + failureStreak + " attempts in a row failed; the last"
                        + " error: " + lastCreateFailure.getMessage() + "). It keeps retrying in the background;"
                        + " check that the server is up and reachable.";
            } else {
                cause = null;
                message = "Pool '" + name + "' could not provide a connection within " + millis + " ms: the pool is"
                        + " exhausted (" + leased + " of " + options.maxSize() + " connections in use, " + idle.size()
                        + " idle, " + (preparing + returning + housekeeping) + " being validated or reset, "
                        + creating + " being opened, " + waiters.size() + " other callers waiting). Release"
                        + " connections sooner (leakDetectionThreshold finds holders), raise maxSize, or raise the"
                        + " acquire timeout.";
            }
        } finally {
            lock.unlock();
        }
        PgPoolTimeoutException ex = new PgPoolTimeoutException(message, w.timeout, cause);
        totalAcquireTimeouts.incrementAndGet(); // counted first, so that the caller sees it counted
        if (w.future.completeExceptionally(ex)) {
            fire(l -> l.onAcquireTimeout(w.timeout));
        } else {
            totalAcquireTimeouts.decrementAndGet();
        }
    }

    /** Matches idle connections with waiters in FIFO order and starts connection attempts where needed. */
    private void dispatch() {
        for (;;) {
            PoolEntry e = null;
            Waiter w = null;
            boolean create = false;
            lock.lock();
            try {
                if (state != State.RUNNING) {
                    return;
                }
                w = waiters.peekLive();
                if (w != null && !idle.isEmpty()) {
                    waiters.remove(w);
                    e = idle.pollFirst();
                    e.state = EntryState.PREPARING;
                    preparing++;
                } else if (shouldCreate()) {
                    creating++;
                    create = true;
                } else {
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (e != null) {
                prepare(e, w);
            } else if (create) {
                startCreate();
            }
        }
    }

    /** Whether another connection should be opened now; schedules a retry when one is needed later. Under lock. */
    private boolean shouldCreate() {
        int size = entries.size();
        if (size + creating >= options.maxSize()) {
            return false;
        }
        int waiting = waiters.size();
        boolean forWaiters = waiting > creating + returning + housekeeping;
        boolean forMinimum = size + creating < options.minSize();
        if (!forWaiters && !forMinimum) {
            return false;
        }
        if (failureStreak > 0) {
            if (creating > 0) {
                return false; // one attempt at a time while connections fail
            }
            long wait = nextCreateAt - System.nanoTime();
            if (wait > 0) {
                if (createRetry == null || createRetry.isDone()) {
                    createRetry = schedule(this::retryCreate, wait);
                }
                return false;
            }
        }
        return true;
    }

    /** The backoff timer fired: forget it first (so that this run may schedule the next one), then retry. */
    private void retryCreate() {
        lock.lock();
        try {
            createRetry = null;
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    // ---- preparing a hand-out --------------------------------------------------------------------------------

    /** Checks, validates and sets up an entry taken for a waiter, then hands it out. */
    private void prepare(PoolEntry e, Waiter w) {
        if (w.future.isDone()) {
            backToIdle(e, false);
            return;
        }
        long now = System.nanoTime();
        CloseReason reason = retireReasonOnHandOut(e, now);
        if (reason != null) {
            requeue(w);
            retire(e, reason, false);
            return;
        }
        boolean validate = now - e.lastCheckedAt > validateAfterIdleNanos || validateAfterIdleNanos == 0;
        PgConnectionHook setup = options.setup();
        if (!validate && setup == null) {
            handOut(e, w, false);
            return;
        }
        armTimer(w);
        CompletableFuture<Object> check = validate ? validate(e) : CompletableFuture.completedFuture(null);
        check.whenComplete((v, err) -> {
            if (err != null && answered(e, err)) {
                err = null; // the connection is alive; the validation query is at fault (logged)
            }
            if (err != null) {
                if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                    LOG.log(System.Logger.Level.DEBUG, "Pool '" + name + "': validation of " + e.conn
                            + " failed, trying another connection: " + err.getMessage());
                }
                requeue(w);
                retire(e, e.conn.isClosed() ? CloseReason.BROKEN : CloseReason.VALIDATION_FAILED, true);
                return;
            }
            e.lastCheckedAt = System.nanoTime();
            if (setup == null) {
                handOut(e, w, false);
                return;
            }
            if (w.future.isDone()) {
                backToIdle(e, false);
                return;
            }
            within(invoke(setup, e.conn, "setup"), hookTimeoutNanos, e.conn, "the pool's setup hook")
                    .whenComplete((v2, err2) -> {
                        if (err2 != null) {
                            retire(e, e.conn.isClosed() ? CloseReason.BROKEN : CloseReason.SETUP_FAILED, true);
                            w.future.completeExceptionally(err2);
                            return;
                        }
                        handOut(e, w, true);
                    });
        });
    }

    private CloseReason retireReasonOnHandOut(PoolEntry e, long now) {
        if (e.conn.isClosed()) {
            return CloseReason.BROKEN;
        }
        if (e.expired(now)) {
            return CloseReason.MAX_LIFETIME;
        }
        lock.lock();
        try {
            return e.generation != generation ? CloseReason.EXPIRED : null;
        } finally {
            lock.unlock();
        }
    }

    /** Puts a waiter whose connection failed back at the head of the queue (or fails it if the pool closed). */
    private void requeue(Waiter w) {
        boolean poolClosed;
        lock.lock();
        try {
            if (w.future.isDone()) {
                return;
            }
            poolClosed = state != State.RUNNING;
            if (!poolClosed) {
                waiters.addFirst(w);
            }
        } finally {
            lock.unlock();
        }
        if (poolClosed) {
            w.future.completeExceptionally(closedException());
        } else {
            armTimer(w);
        }
    }

    private void handOut(PoolEntry e, Waiter w, boolean setupRan) {
        long now = System.nanoTime();
        Lease lease = new Lease(this, e, now, w.acquiredAt);
        PooledConnectionImpl proxy = new PooledConnectionImpl(lease);
        boolean entryGone = false;
        boolean poolClosed = false;
        lock.lock();
        try {
            if (e.state != EntryState.PREPARING) {
                entryGone = true; // retired meanwhile (the pool was terminated)
            } else if (state != State.RUNNING) {
                poolClosed = true;
            } else {
                e.state = EntryState.LEASED;
                preparing--;
                leased++;
                e.lease = lease;
            }
        } finally {
            lock.unlock();
        }
        if (entryGone) {
            requeue(w);
            dispatch();
            return;
        }
        if (poolClosed) {
            w.future.completeExceptionally(closedException());
            retire(e, CloseReason.POOL_CLOSED, false);
            return;
        }
        lease.cleanable = CLEANER.register(proxy, lease);
        if (leakNanos > 0) {
            lease.leakTask = schedule(() -> onLeakSuspected(lease), leakNanos);
        }
        totalAcquired.incrementAndGet(); // counted first, so that the caller sees it counted
        if (w.future.complete(proxy)) {
            cancel(w.timer);
            if (!listeners.isEmpty()) {
                Duration wait = Duration.ofNanos(now - w.startedAt);
                fire(l -> l.onAcquire(wait));
            }
        } else {
            // the caller gave up (timeout, cancel) while we prepared: take the connection back, unseen
            totalAcquired.decrementAndGet();
            endLease(lease, false, setupRan);
        }
    }

    // ---- release ---------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> release(PgPooledConnection connection) {
        Objects.requireNonNull(connection, "connection");
        if (!(connection instanceof PooledConnectionImpl p) || p.lease().pool != this) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "This connection was not acquired from pool '" + name + "'"));
        }
        return connection.release();
    }

    /** A caller released its lease. */
    void release(Lease lease) {
        endLease(lease, true, true);
    }

    private void endLease(Lease lease, boolean byCaller, boolean needsReset) {
        if (!lease.end()) {
            return;
        }
        if (lease.cleanable != null) {
            lease.cleanable.clean(); // runs abandoned(), a no-op now that the lease is over
        }
        lease.runUndo();
        long now = System.nanoTime();
        if (byCaller) {
            if (lease.leakReported) {
                LOG.log(System.Logger.Level.INFO, "Pool '" + name + "': a connection reported as a suspected leak"
                        + " was released after " + TimeUnit.NANOSECONDS.toMillis(now - lease.handedOutAt) + " ms");
            }
            if (!listeners.isEmpty()) {
                Duration held = Duration.ofNanos(now - lease.handedOutAt);
                fire(l -> l.onRelease(held));
            }
        }
        PoolEntry e = lease.entry;
        CloseReason reason;
        lock.lock();
        try {
            if (e.state != EntryState.LEASED || e.lease != lease) {
                reason = null;
                e = null; // already retired (the pool was terminated)
            } else {
                e.lease = null;
                leased--;
                e.state = EntryState.RETURNING;
                returning++;
                e.lastUsedAt = now;
                reason = retireReasonOnReturn(e, now);
            }
        } finally {
            lock.unlock();
        }
        if (e == null) {
            lease.releaseFuture.complete(null);
            return;
        }
        if (reason != null) {
            retire(e, reason, false);
            lease.releaseFuture.complete(null);
            return;
        }
        if (!needsReset) {
            backToIdle(e, false);
            lease.releaseFuture.complete(null);
            return;
        }
        if (options.reset() == null && e.conn instanceof PgConnectionImpl impl && impl.isQuiet()) {
            resetPipelined(e);
            lease.releaseFuture.complete(null);
            return;
        }
        PoolEntry entry = e;
        reset(entry).whenComplete((v, err) -> {
            if (err == null && !entry.conn.isClosed() && !entry.conn.isInTransaction()) {
                entry.lastCheckedAt = System.nanoTime();
                backToIdle(entry, false);
            } else {
                if (err != null && !entry.conn.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "Pool '" + name + "': resetting " + entry.conn
                            + " on release failed, so it is closed: " + err.getMessage());
                }
                retire(entry, entry.conn.isClosed() ? CloseReason.BROKEN : CloseReason.RESET_FAILED, true);
            }
            lease.releaseFuture.complete(null);
        });
    }

    /**
     * The default reset ({@link PgConnection#reset()}), pipelined: the connection is back in the pool as soon as its
     * reset query is queued, so the next holder's statements follow the reset on the wire instead of waiting for its
     * round trip. The connection runs its commands in order, so the next holder still sees a reset session. Only for
     * a quiet connection (nothing in flight, no transaction: see {@link PgConnectionImpl#isQuiet()}); any other is
     * reset the awaited way. If the reset fails, the connection is closed (and its lease, if it has a new holder,
     * revoked): calls queued behind the reset fail with a connection-closed error rather than run on a session that
     * was not reset.
     */
    private void resetPipelined(PoolEntry e) {
        CompletableFuture<Void> done;
        try {
            done = e.conn.reset();
        } catch (RuntimeException ex) {
            done = CompletableFuture.failedFuture(ex);
        }
        e.lastCheckedAt = System.nanoTime();
        done.whenComplete((v, err) -> resetCompleted(e, err)); // at once if it already failed: then retired here
        backToIdle(e, false); // a no-op for a retired entry
    }

    private void resetCompleted(PoolEntry e, Throwable err) {
        if (err == null) {
            if (!e.conn.isInTransaction()) {
                return;
            }
            lock.lock();
            try {
                // a real reset ends any transaction; one that did not is broken (unless a new holder began its own)
                if (e.state == EntryState.LEASED || e.state == EntryState.PREPARING) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        } else if (!e.conn.isClosed()) {
            LOG.log(System.Logger.Level.WARNING, "Pool '" + name + "': resetting " + e.conn + " on release failed,"
                    + " so it is closed: " + err.getMessage());
        }
        retire(e, e.conn.isClosed() ? CloseReason.BROKEN : CloseReason.RESET_FAILED, true);
    }

    /** Under lock: why an entry coming back from a lease must be closed instead of reset, or null. */
    private CloseReason retireReasonOnReturn(PoolEntry e, long now) {
        if (state != State.RUNNING) {
            return CloseReason.POOL_CLOSED;
        }
        if (e.conn.isClosed()) {
            return CloseReason.BROKEN;
        }
        if (e.generation != generation) {
            return CloseReason.EXPIRED;
        }
        if (e.expired(now)) {
            return CloseReason.MAX_LIFETIME;
        }
        if (options.maxQueries() > 0 && e.queries.get() >= options.maxQueries()) {
            return CloseReason.MAX_QUERIES;
        }
        return null;
    }

    private CompletableFuture<Object> reset(PoolEntry e) {
        PgConnectionHook hook = options.reset();
        CompletionStage<?> stage;
        if (hook == null) {
            stage = invoke(PgConnection::reset, e.conn, "reset");
        } else if (e.conn.isInTransaction()) {
            stage = invoke(c -> c.execute("ROLLBACK"), e.conn, "reset").thenCompose(s -> invoke(hook, e.conn,
                    "reset"));
        } else {
            stage = invoke(hook, e.conn, "reset");
        }
        return within(stage, hookTimeoutNanos, e.conn, "the pool's reset");
    }

    /** A caller discards its connection instead of releasing it. */
    void terminateLease(Lease lease) {
        if (!lease.end()) {
            return;
        }
        if (lease.cleanable != null) {
            lease.cleanable.clean();
        }
        lease.runUndo();
        if (!listeners.isEmpty()) {
            Duration held = Duration.ofNanos(System.nanoTime() - lease.handedOutAt);
            fire(l -> l.onRelease(held));
        }
        retire(lease.entry, CloseReason.TERMINATED_BY_CALLER, true);
        lease.releaseFuture.complete(null);
    }

    /** The Cleaner found a lease whose proxy was garbage-collected while still on. */
    void abandoned(Lease lease) {
        if (!lease.end()) {
            return;
        }
        lease.runUndo();
        long held = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lease.handedOutAt);
        String message = "Pool '" + name + "': a connection was garbage-collected without being released (held for "
                + held + " ms); the pool closes it. Release every connection you acquire (try-with-resources,"
                + " release(), or withConnection())."
                + (lease.acquiredAt != null ? " The stack trace shows where it was acquired." : "");
        if (lease.acquiredAt != null) {
            LOG.log(System.Logger.Level.WARNING, message, lease.acquiredAt);
        } else {
            LOG.log(System.Logger.Level.WARNING, message);
        }
        retire(lease.entry, CloseReason.ABANDONED, true);
        lease.releaseFuture.complete(null);
    }

    private void onLeakSuspected(Lease lease) {
        if (lease.isOver()) {
            return;
        }
        lease.leakReported = true;
        totalLeaks.incrementAndGet();
        Duration held = Duration.ofNanos(System.nanoTime() - lease.handedOutAt);
        Throwable site = lease.acquiredAt != null ? lease.acquiredAt : new AcquireSite(name);
        LOG.log(System.Logger.Level.WARNING, "Connection leak suspected in pool '" + name + "': a connection (server"
                + " process " + lease.entry.conn.getServerPid() + ") has been held for " + held.toMillis() + " ms,"
                + " longer than leakDetectionThreshold (" + options.leakDetectionThreshold().toMillis() + " ms),"
                + " without being released. It is not taken away. The stack trace shows where it was acquired.",
                site);
        fire(l -> l.onLeakSuspected(held, site));
    }

    // ---- back to idle, or retired ----------------------------------------------------------------------------

    /** Puts an entry the caller owns back in the idle deque (head, or tail for a keep-alive), or retires it. */
    private void backToIdle(PoolEntry e, boolean atTail) {
        CloseReason reason;
        lock.lock();
        try {
            if (e.state == EntryState.CLOSED) {
                return;
            }
            if (state != State.RUNNING) {
                reason = CloseReason.POOL_CLOSED;
            } else if (e.conn.isClosed()) {
                reason = CloseReason.BROKEN;
            } else if (e.generation != generation) {
                reason = CloseReason.EXPIRED;
            } else {
                reason = null;
                leave(e);
                e.state = EntryState.IDLE;
                if (atTail) {
                    idle.addLast(e);
                } else {
                    idle.addFirst(e);
                }
            }
        } finally {
            lock.unlock();
        }
        if (reason != null) {
            retire(e, reason, false);
        } else {
            dispatch();
        }
    }

    /** Under lock: moves every idle entry to the housekeeper, which then owns them. */
    private List<PoolEntry> takeAllIdle() {
        List<PoolEntry> taken = new ArrayList<>(idle);
        idle.clear();
        for (PoolEntry e : taken) {
            e.state = EntryState.HOUSEKEEPING;
            housekeeping++;
        }
        return taken;
    }

    /** Under lock: takes an entry out of its current state's bookkeeping. */
    private void leave(PoolEntry e) {
        switch (e.state) {
            case IDLE -> idle.remove(e);
            case PREPARING -> preparing--;
            case LEASED -> leased--;
            case RETURNING -> returning--;
            case HOUSEKEEPING -> housekeeping--;
            case CLOSED -> { }
        }
    }

    /**
     * Closes an entry and removes it from the pool's figures (idempotent). A lease still on it is ended (the pool
     * was terminated). Graceful closes wait for calls in flight up to the hook timeout; hard ones close the socket.
     */
    private void retire(PoolEntry e, CloseReason reason, boolean hard) {
        Lease lease;
        boolean open;
        lock.lock();
        try {
            if (e.state == EntryState.CLOSED) {
                return;
            }
            leave(e);
            e.state = EntryState.CLOSED;
            if (entries.remove(e)) {
                totalClosed++;
            }
            lease = e.lease;
            e.lease = null;
            open = !e.conn.isClosed();
            if (open) {
                closing.add(e);
            }
        } finally {
            lock.unlock();
        }
        if (lease != null && lease.end()) {
            lease.revoked = true;
            if (lease.cleanable != null) {
                lease.cleanable.clean();
            }
            lease.runUndo();
            lease.releaseFuture.complete(null);
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "Pool '" + name + "' closes " + e.conn + ": " + reason);
        }
        if (open) {
            if (hard) {
                e.conn.terminate();
            } else {
                try {
                    e.conn.close(Duration.ofNanos(hookTimeoutNanos)).whenComplete((v, x) -> socketClosed(e));
                } catch (RuntimeException x) {
                    e.conn.terminate();
                }
            }
        }
        fire(l -> l.onClose(reason));
        dispatch();
        checkClosed();
    }

    private void socketClosed(PoolEntry e) {
        lock.lock();
        try {
            closing.remove(e);
        } finally {
            lock.unlock();
        }
        checkClosed();
    }

    /** The termination listener of every pooled connection: the server ended it, it was lost, or we closed it. */
    private void onTerminated(PoolEntry e, Throwable cause) {
        boolean wasIdle;
        lock.lock();
        try {
            closing.remove(e);
            wasIdle = e.state == EntryState.IDLE;
            if (wasIdle) { // the housekeeper takes it, so that nobody hands it out meanwhile
                idle.remove(e);
                e.state = EntryState.HOUSEKEEPING;
                housekeeping++;
            }
        } finally {
            lock.unlock();
        }
        if (wasIdle) {
            logBroken(e, cause);
            retire(e, CloseReason.BROKEN, true);
        }
        // an entry in any other state is owned by a stage that will find it closed and retire it
        checkClosed();
    }

    private void logBroken(PoolEntry e, Throwable cause) {
        long now = System.nanoTime();
        boolean warn;
        lock.lock();
        try {
            warn = !brokenWarned || now - lastBrokenWarnAt >= WARN_INTERVAL_NANOS;
            if (warn) {
                brokenWarned = true;
                lastBrokenWarnAt = now;
            }
        } finally {
            lock.unlock();
        }
        System.Logger.Level level = warn ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "Pool '" + name + "': idle connection " + e.conn + " was closed by the server or lost ("
                    + (cause == null ? "no error" : cause.getMessage()) + "); the pool replaces it"
                    + (warn ? " (further such messages for 30 s are logged at DEBUG)" : ""));
        }
    }

    // ---- creating connections --------------------------------------------------------------------------------

    /** One connection attempt: the factory call, then init, bounded by createTimeout. */
    private static final class CreateAttempt {
        final long startedAt;
        final AtomicBoolean finished = new AtomicBoolean();
        volatile PgConnection conn;
        volatile ScheduledFuture<?> timer;

        CreateAttempt(long startedAt) {
            this.startedAt = startedAt;
        }

        boolean finish() {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            return true;
        }
    }

    /** Opens a connection; {@code creating} was counted by the caller. */
    private void startCreate() {
        CreateAttempt a = new CreateAttempt(System.nanoTime());
        a.timer = schedule(() -> createTimedOut(a), createTimeoutNanos);
        CompletionStage<? extends PgConnection> stage;
        try {
            stage = factory.get();
            if (stage == null) {
                throw new NullPointerException("The pool's connection factory returned null instead of a"
                        + " CompletionStage");
            }
        } catch (Throwable t) {
            if (a.finish()) {
                createFailed(a, t);
            }
            return;
        }
        stage.whenComplete((conn, err) -> {
            if (err != null || conn == null) {
                if (a.finish()) {
                    createFailed(a, err != null ? unwrap(err)
                            : new NullPointerException("The pool's connection factory completed with null"));
                }
                return;
            }
            a.conn = conn;
            if (a.finished.get()) {
                conn.terminate(); // arrived after createTimeout
                return;
            }
            PgConnectionHook init = options.init();
            if (init == null) {
                if (a.finish()) {
                    created(a, conn);
                } else {
                    conn.terminate();
                }
                return;
            }
            invoke(init, conn, "init").whenComplete((v, initError) -> {
                if (initError != null) {
                    conn.terminate();
                    if (a.finish()) {
                        createFailed(a, new PgClientException("The pool's init hook failed on a new connection, so"
                                + " the connection was closed: " + unwrap(initError).getMessage(),
                                unwrap(initError)));
                    }
                    return;
                }
                if (a.finish()) {
                    created(a, conn);
                } else {
                    conn.terminate();
                }
            });
        });
    }

    private void createTimedOut(CreateAttempt a) {
        if (!a.finish()) {
            return;
        }
        PgConnection conn = a.conn;
        if (conn != null) {
            conn.terminate();
        }
        createFailed(a, new PgTimeoutException("Opening a connection for pool '" + name + "' took longer than"
                + " createTimeout (" + options.createTimeout().toMillis() + " ms); whatever was opened is closed",
                options.createTimeout(), null));
    }

    private void created(CreateAttempt a, PgConnection conn) {
        long now = System.nanoTime();
        long expiresAt = Long.MAX_VALUE;
        if (maxLifetimeNanos > 0) {
            // shortened by up to 2.5 %, so that connections opened together are not all replaced together
            expiresAt = now + maxLifetimeNanos - (long) (maxLifetimeNanos * 0.025
                    * ThreadLocalRandom.current().nextDouble());
        }
        long keepalive = keepaliveNanos <= 0 ? 0
                : keepaliveNanos - (long) (keepaliveNanos * 0.1 * ThreadLocalRandom.current().nextDouble());
        PoolEntry e = new PoolEntry(conn, now, expiresAt, keepalive);
        e.terminationListener = (c, cause) -> onTerminated(e, cause);
        conn.addTerminationListener(e.terminationListener);
        if (conn instanceof io.pgasync.internal.protocol.PgConnectionImpl impl) {
            impl.setStaleStatementListener(sql -> statementWentStale(conn, sql));
        }
        boolean accepted;
        int recoveredAfter = 0;
        lock.lock();
        try {
            creating--;
            if (failureStreak > 0) {
                recoveredAfter = failureStreak;
            }
            failureStreak = 0;
            lastCreateFailure = null;
            accepted = state == State.RUNNING;
            if (accepted) {
                e.generation = generation;
                entries.add(e);
                totalCreated++;
                e.state = EntryState.IDLE;
                idle.addFirst(e);
            } else {
                e.state = EntryState.CLOSED;
                closing.add(e);
            }
        } finally {
            lock.unlock();
        }
        if (!accepted) {
            conn.terminate();
            if (conn.isClosed()) {
                socketClosed(e);
            }
            return;
        }
        if (recoveredAfter > 0) {
            LOG.log(System.Logger.Level.INFO, "Pool '" + name + "' opens connections again, after "
                    + recoveredAfter + " failed attempts");
        }
        if (!listeners.isEmpty()) {
            Duration took = Duration.ofNanos(now - a.startedAt);
            fire(l -> l.onCreate(took));
        }
        if (conn.isClosed()) {
            onTerminated(e, null); // closed before our listener was registered
        }
        checkReady(null);
        dispatch();
    }

    private void createFailed(CreateAttempt a, Throwable error) {
        long now = System.nanoTime();
        totalCreateFailures.incrementAndGet();
        boolean warn;
        int streak;
        long delay;
        List<Waiter> failFast = List.of();
        lock.lock();
        try {
            creating--;
            failureStreak++;
            streak = failureStreak;
            lastCreateFailure = error;
            delay = backoffNanos(streak);
            nextCreateAt = now + delay;
            if (state == State.RUNNING && isFatal(error) && entries.isEmpty() && creating == 0) {
                failFast = waiters.drain(); // nothing to wait for: a wrong password does not heal by itself
            }
            warn = !createWarned || now - lastCreateWarnAt >= WARN_INTERVAL_NANOS;
            if (warn) {
                createWarned = true;
                lastCreateWarnAt = now;
            }
        } finally {
            lock.unlock();
        }
        System.Logger.Level level = warn ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "Pool '" + name + "' could not open a connection (" + streak + " failed attempt"
                    + (streak == 1 ? "" : "s") + " in a row; next attempt in about "
                    + TimeUnit.NANOSECONDS.toMillis(delay) + " ms while connections are needed): "
                    + error.getMessage());
        }
        for (Waiter w : failFast) {
            w.future.completeExceptionally(error);
        }
        if (!listeners.isEmpty()) {
            Duration took = Duration.ofNanos(now - a.startedAt);
            fire(l -> l.onCreateFailure(took, error));
        }
        checkReady(error);
        dispatch();
        checkClosed();
    }

    private long backoffNanos(int streak) {
        long initial = options.createRetryInitialDelay().toNanos();
        long max = options.createRetryMaxDelay().toNanos();
        long base = initial;
        for (int i = 1; i < streak && base < max; i++) {
            base *= 2;
        }
        base = Math.min(base, max);
        // up to 20 % shorter, at random: pools that failed together do not retry together
        return base - (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
    }

    /** Errors that retrying will not cure: waiters are failed with them at once when the pool has no connection. */
    private static boolean isFatal(Throwable error) {
        return error instanceof PgAuthenticationException
                || error instanceof InvalidAuthorizationSpecificationException
                || error instanceof InvalidCatalogNameException
                || error instanceof PgConfigurationException;
    }

    private void checkReady(Throwable failure) {
        CompletableFuture<PgPool> ready;
        boolean success;
        lock.lock();
        try {
            ready = readiness;
            if (ready == null) {
                return;
            }
            success = entries.size() >= options.minSize();
            if (!success && failure == null) {
                return;
            }
            readiness = null;
        } finally {
            lock.unlock();
        }
        if (success) {
            ready.complete(this);
        } else {
            ready.completeExceptionally(failure);
        }
    }

    // ---- housekeeping -----------------------------------------------------------------------------------------

    private void housekeep() {
        long now = System.nanoTime();
        List<PoolEntry> toRetire = new ArrayList<>();
        List<CloseReason> reasons = new ArrayList<>();
        List<PoolEntry> toPing = new ArrayList<>();
        lock.lock();
        try {
            if (state != State.RUNNING) {
                return;
            }
            int removable = entries.size() - options.minSize();
            Iterator<PoolEntry> it = idle.descendingIterator(); // oldest first
            while (it.hasNext()) {
                PoolEntry e = it.next();
                CloseReason reason = null;
                if (e.conn.isClosed()) {
                    reason = CloseReason.BROKEN;
                } else if (e.generation != generation) {
                    reason = CloseReason.EXPIRED;
                } else if (e.expired(now)) {
                    reason = CloseReason.MAX_LIFETIME;
                } else if (maxInactiveNanos > 0 && removable > 0 && now - e.lastUsedAt >= maxInactiveNanos) {
                    reason = CloseReason.INACTIVE;
                    removable--;
                }
                if (reason != null) {
                    it.remove();
                    e.state = EntryState.HOUSEKEEPING;
                    housekeeping++;
                    toRetire.add(e);
                    reasons.add(reason);
                } else if (e.keepaliveNanos > 0 && now - e.lastCheckedAt >= e.keepaliveNanos) {
                    it.remove();
                    e.state = EntryState.HOUSEKEEPING;
                    housekeeping++;
                    toPing.add(e);
                }
            }
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < toRetire.size(); i++) {
            retire(toRetire.get(i), reasons.get(i), false);
        }
        for (PoolEntry e : toPing) {
            validate(e).whenComplete((v, err) -> {
                if (err == null || answered(e, err)) {
                    e.lastCheckedAt = System.nanoTime();
                    backToIdle(e, true);
                } else {
                    retire(e, e.conn.isClosed() ? CloseReason.BROKEN : CloseReason.VALIDATION_FAILED, true);
                }
            });
        }
        dispatch();
    }

    /**
     * Whether a failed validation was still answered by a live server (an error in the validation query itself,
     * such as a typo): then the connection is kept, rather than replacing connections in a loop, and the error is
     * logged (once per 30 s).
     */
    private boolean answered(PoolEntry e, Throwable err) {
        if (!(err instanceof PgServerException) || e.conn.isClosed()) {
            return false;
        }
        long now = System.nanoTime();
        boolean log;
        lock.lock();
        try {
            log = !validationWarned || now - lastValidationWarnAt >= WARN_INTERVAL_NANOS;
            if (log) {
                validationWarned = true;
                lastValidationWarnAt = now;
            }
        } finally {
            lock.unlock();
        }
        if (log) {
            LOG.log(System.Logger.Level.ERROR, "Pool '" + name + "': the validation query fails on a live"
                    + " connection, so it validates nothing; fix validationQuery: " + err.getMessage());
        }
        return true;
    }

    private CompletableFuture<Object> validate(PoolEntry e) {
        String query = options.validationQuery();
        return within(invoke(c -> c.execute(query), e.conn, "validation"), validationTimeoutNanos, e.conn,
                "validation");
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> close() {
        return close(null);
    }

    @Override
    public CompletableFuture<Void> close(Duration timeout) {
        List<Waiter> drained = List.of();
        List<PoolEntry> idleNow = List.of();
        boolean first = false;
        CompletableFuture<PgPool> ready = null;
        lock.lock();
        try {
            if (state == State.RUNNING) {
                state = State.CLOSING;
                first = true;
                drained = waiters.drain();
                idleNow = takeAllIdle();
                cancel(createRetry);
                cancel(housekeeper);
                ready = readiness;
                readiness = null;
            }
        } finally {
            lock.unlock();
        }
        if (first) {
            PgPoolClosedException closed = closedException();
            for (Waiter w : drained) {
                w.future.completeExceptionally(closed);
            }
            if (ready != null) {
                ready.completeExceptionally(closed);
            }
            for (PoolEntry e : idleNow) {
                retire(e, CloseReason.POOL_CLOSED, false);
            }
            PoolNotifications n = notifications;
            if (n != null) {
                n.close();
            }
        }
        if (timeout != null && !closeFuture.isDone()) {
            ScheduledFuture<?> force = schedule(this::terminateAll, timeout.toNanos());
            if (force != null) {
                closeFuture.whenComplete((v, x) -> force.cancel(false));
            }
        }
        checkClosed();
        return closeFuture.copy();
    }

    @Override
    public void terminate() {
        close(null);
        terminateAll();
    }

    // ---- pool-level LISTEN/NOTIFY ---------------------------------------------------------------------------------

    private PoolNotifications notifications() {
        PoolNotifications n = notifications;
        if (n == null) {
            synchronized (this) {
                n = notifications;
                if (n == null) {
                    n = new PoolNotifications(name, () -> factory, timer, options.createRetryInitialDelay(),
                            options.createRetryMaxDelay());
                    notifications = n;
                }
            }
        }
        return n;
    }

    @Override
    public CompletableFuture<Void> addListener(String channel, io.pgasync.PgNotificationListener listener) {
        if (isClosed()) {
            return CompletableFuture.failedFuture(new io.pgasync.exception.PgPoolClosedException(
                    "Pool '" + name + "' is closed; it takes no new listeners"));
        }
        return notifications().add(channel, listener);
    }

    @Override
    public CompletableFuture<Void> removeListener(String channel, io.pgasync.PgNotificationListener listener) {
        PoolNotifications n = notifications;
        return n == null ? CompletableFuture.completedFuture(null) : n.remove(channel, listener);
    }

    // ---- pool-wide statement invalidation -------------------------------------------------------------------------

    /** One connection found a cached statement stale: the others drop theirs before they hit the same error. */
    private void statementWentStale(PgConnection origin, String sql) {
        List<PoolEntry> all;
        lock.lock();
        try {
            all = new ArrayList<>(entries);
        } finally {
            lock.unlock();
        }
        for (PoolEntry e : all) {
            if (e.conn != origin && e.conn instanceof io.pgasync.internal.protocol.PgConnectionImpl impl) {
                impl.invalidateStatement(sql);
            }
        }
    }

    private void terminateAll() {
        List<PoolEntry> all;
        List<PoolEntry> stillClosing;
        lock.lock();
        try {
            all = new ArrayList<>(entries);
            stillClosing = new ArrayList<>(closing);
        } finally {
            lock.unlock();
        }
        for (PoolEntry e : all) {
            retire(e, CloseReason.POOL_CLOSED, true);
        }
        for (PoolEntry e : stillClosing) {
            e.conn.terminate();
        }
        checkClosed();
    }

    private void checkClosed() {
        boolean done;
        lock.lock();
        try {
            done = state == State.CLOSING && entries.isEmpty() && creating == 0 && closing.isEmpty();
            if (done) {
                state = State.CLOSED;
            }
        } finally {
            lock.unlock();
        }
        if (done) {
            timer.shutdown();
            closeFuture.complete(null);
        }
    }

    @Override
    public boolean isClosed() {
        lock.lock();
        try {
            return state != State.RUNNING;
        } finally {
            lock.unlock();
        }
    }

    private PgPoolClosedException closedException() {
        return new PgPoolClosedException("Pool '" + name + "' is closed (or closing) and hands out no more"
                + " connections; create a new pool if you need one");
    }

    @Override
    public void expireConnections() {
        List<PoolEntry> idleNow;
        lock.lock();
        try {
            generation++;
            idleNow = takeAllIdle();
        } finally {
            lock.unlock();
        }
        for (PoolEntry e : idleNow) {
            retire(e, CloseReason.EXPIRED, false);
        }
        dispatch();
    }

    @Override
    public void setConnectArgs(PgConnectOptions connectOptions) {
        this.factory = connectWith(connectOptions);
    }

    @Override
    public void setConnectionFactory(Supplier<? extends CompletionStage<? extends PgConnection>> connectionFactory) {
        this.factory = Objects.requireNonNull(connectionFactory, "connectionFactory");
    }

    @Override
    public void addPoolListener(PgPoolListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removePoolListener(PgPoolListener listener) {
        listeners.remove(listener);
    }

    // ---- figures ----------------------------------------------------------------------------------------------

    @Override
    public int getSize() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int getIdleSize() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int getAcquiredSize() {
        lock.lock();
        try {
            return leased;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int getMinSize() {
        return options.minSize();
    }

    @Override
    public int getMaxSize() {
        return options.maxSize();
    }

    @Override
    public int getPendingAcquires() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PgPoolStats stats() {
        lock.lock();
        try {
            return new PgPoolStats(name, entries.size(), idle.size(), leased, preparing + returning + housekeeping,
                    creating, waiters.size(), options.minSize(), options.maxSize(), totalCreated, totalClosed,
                    totalCreateFailures.get(), totalAcquired.get(), totalAcquireTimeouts.get(), totalLeaks.get());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PoolOptions getOptions() {
        return options;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        PgPoolStats s = stats();
        return "PgPool[" + name + ", size " + s.size() + " (idle " + s.idle() + ", acquired " + s.acquired()
                + "), max " + s.maxSize() + ", pending " + s.pending() + (isClosed() ? ", closed" : "") + "]";
    }

    // ---- work with a connection -------------------------------------------------------------------------------

    @Override
    public <T> CompletableFuture<T> withConnection(
            Function<? super PgPooledConnection, ? extends CompletionStage<T>> work) {
        Objects.requireNonNull(work, "work");
        WorkFuture<T> result = new WorkFuture<>();
        CompletableFuture<PgPooledConnection> acquiring = acquire();
        result.acquiring = acquiring;
        if (result.isCancelled()) {
            acquiring.cancel(false);
        }
        acquiring.whenComplete((conn, err) -> {
            if (err != null) {
                result.completeExceptionally(unwrap(err));
                return;
            }
            if (result.isDone()) { // cancelled while we waited
                conn.release();
                return;
            }
            CompletionStage<T> stage;
            try {
                stage = work.apply(conn);
                if (stage == null) {
                    throw new NullPointerException("The work given to withConnection returned null instead of a"
                            + " CompletionStage");
                }
            } catch (Throwable t) {
                conn.release();
                result.completeExceptionally(t);
                return;
            }
            CompletableFuture<T> inner = toFuture(stage);
            if (inner != null) {
                result.work = inner;
                if (result.isCancelled()) {
                    inner.cancel(true); // cancels a running query; the release follows its completion
                }
            }
            stage.whenComplete((value, failure) -> {
                conn.release();
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    result.complete(value);
                }
            });
        });
        return result;
    }

    /**
     * What {@code withConnection} returns: cancelling it gives up the acquire, or cancels the work's future (which
     * cancels a running query), without a completion stage registered per call to watch for it.
     */
    private static final class WorkFuture<T> extends CompletableFuture<T> {
        volatile CompletableFuture<?> acquiring;
        volatile CompletableFuture<?> work;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                CompletableFuture<?> a = acquiring;
                if (a != null) {
                    a.cancel(false);
                }
                CompletableFuture<?> w = work;
                if (w != null) {
                    w.cancel(true);
                }
            }
            return cancelled;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>(); // dependent stages are plain futures
        }
    }

    private static <T> CompletableFuture<T> toFuture(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public <T> CompletableFuture<T> withTransaction(
            Function<? super PgPooledConnection, ? extends CompletionStage<T>> work) {
        return withTransaction(null, false, false, work);
    }

    @Override
    public <T> CompletableFuture<T> withTransaction(IsolationLevel isolation, boolean readOnly, boolean deferrable,
            Function<? super PgPooledConnection, ? extends CompletionStage<T>> work) {
        Objects.requireNonNull(work, "work");
        return withConnection(c -> c.transaction(isolation, readOnly, deferrable, work));
    }

    @Override
    public CompletableFuture<String> execute(String sql) {
        return withConnection(c -> c.execute(sql));
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        return withConnection(c -> c.execute(sql, args));
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return withConnection(c -> c.executeMany(sql, argumentLists));
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return withConnection(c -> c.fetch(sql, args));
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return withConnection(c -> c.fetch(mapper, sql, args));
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return withConnection(c -> c.fetchRow(sql, args));
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        return withConnection(c -> c.fetchRow(mapper, sql, args));
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return withConnection(c -> c.fetchVal(sql, args));
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        return withConnection(c -> c.fetchVal(sql, type, args));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Calls a hook, turning a throw or a null result into a failed stage. */
    private static CompletionStage<?> invoke(PgConnectionHook hook, PgConnection conn, String what) {
        try {
            CompletionStage<?> stage = hook.apply(conn);
            if (stage == null) {
                return CompletableFuture.failedFuture(new NullPointerException("The pool's " + what + " hook"
                        + " returned null instead of a CompletionStage"));
            }
            return stage;
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }

    /**
     * A stage bounded by a timeout: on expiry the connection is terminated (its state is unknown) and the result
     * fails with a timeout.
     */
    private CompletableFuture<Object> within(CompletionStage<?> stage, long nanos, PgConnection conn, String what) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        if (stage instanceof CompletableFuture<?> done && done.isDone()) { // a no-op hook: nothing to time
            done.whenComplete((v, err) -> {
                if (err != null) {
                    result.completeExceptionally(unwrap(err));
                } else {
                    result.complete(v);
                }
            });
            return result;
        }
        Duration limit = Duration.ofNanos(nanos);
        ScheduledFuture<?> t = scheduleFor(conn, () -> {
            if (result.completeExceptionally(new PgTimeoutException(what + " took longer than " + limit.toMillis()
                    + " ms, so the connection was closed", limit, null))) {
                conn.terminate();
            }
        }, nanos);
        stage.whenComplete((v, err) -> {
            cancel(t);
            if (err != null) {
                result.completeExceptionally(unwrap(err));
            } else {
                result.complete(v);
            }
        });
        return result;
    }

    /**
     * A timer about one connection: on its event loop when called there (no wake-up of the pool's timer thread, and
     * no lock: the common case, a hook run from a query's completion), else on the pool's timer.
     */
    private ScheduledFuture<?> scheduleFor(PgConnection conn, Runnable task, long delayNanos) {
        if (conn instanceof PgConnectionImpl impl && impl.eventLoop().inEventLoop()) {
            try {
                return impl.eventLoop().schedule(() -> guarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                return schedule(task, delayNanos); // the event loop is shutting down
            }
        }
        return schedule(task, delayNanos);
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return timer.schedule(() -> guarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null; // the pool is closed: nothing left to time
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "Pool '" + name + "': internal task failed", t);
        }
    }

    private void fire(Consumer<PgPoolListener> event) {
        for (PgPoolListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "Pool '" + name + "': a pool listener threw", t);
            }
        }
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
