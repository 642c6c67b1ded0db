package io.pgasync.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pgasync.PgPool;
import io.pgasync.observability.PgPoolListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Micrometer meters for one {@link PgPool}, named after OpenTelemetry's database client connection metrics
 * (semantic conventions 1.33, {@code db.client.connection.*}) and tagged {@code db.client.connection.pool.name}:
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>Name</th><th>Type</th><th>Value</th></tr>
 * <tr><td>{@code db.client.connection.count}</td><td>gauge, tag {@code db.client.connection.state=idle|used}</td>
 *     <td>open connections: idle, and used (acquired, or being validated, reset or pinged)</td></tr>
 * <tr><td>{@code db.client.connection.max}</td><td>gauge</td><td>the maximum size</td></tr>
 * <tr><td>{@code db.client.connection.idle.min}</td><td>gauge</td><td>the minimum size</td></tr>
 * <tr><td>{@code db.client.connection.pending_requests}</td><td>gauge</td><td>callers waiting for a connection</td></tr>
 * <tr><td>{@code db.client.connection.timeouts}</td><td>counter</td><td>acquires that timed out</td></tr>
 * <tr><td>{@code db.client.connection.wait_time}</td><td>timer</td><td>time to obtain a connection</td></tr>
 * <tr><td>{@code db.client.connection.use_time}</td><td>timer</td><td>time between acquire and release</td></tr>
 * <tr><td>{@code db.client.connection.create_time}</td><td>timer</td><td>time to open a connection</td></tr>
 * </table>
 *
 * <p>Gauges hold the pool weakly. {@link #close()} removes every meter from the registry and the listener from the
 * pool (the auto-configuration does that when the context closes).
 */
public final class PgPoolMetrics implements MeterBinder, PgPoolListener, AutoCloseable {

    /** The pool-name tag. */
    public static final String POOL_NAME = "db.client.connection.pool.name";
    /** The state tag of {@code db.client.connection.count}. */
    public static final String STATE = "db.client.connection.state";

    private final PgPool pool;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private volatile MeterRegistry registry;
    private volatile Timer waitTime;
    private volatile Timer useTime;
    private volatile Timer createTime;

    /**
     * Creates the binder.
     *
     * @param pool the pool
     * @param extraTags tags added to every meter
     */
    public PgPoolMetrics(PgPool pool, Iterable<Tag> extraTags) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.tags = Tags.of(POOL_NAME, pool.getName()).and(extraTags);
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (this.registry != null) {
            throw new IllegalStateException("already bound to a registry");
        }
        this.registry = registry;
        meters.add(Gauge.builder("db.client.connection.count", pool, p -> p.getIdleSize()).tags(tags)
                .tag(STATE, "idle").description("Open connections that are idle").baseUnit("connections")
                .register(registry));
        meters.add(Gauge.builder("db.client.connection.count", pool, p -> p.getSize() - p.getIdleSize()).tags(tags)
                .tag(STATE, "used").description("Open connections in use").baseUnit("connections")
                .register(registry));
        meters.add(Gauge.builder("db.client.connection.max", pool, PgPool::getMaxSize).tags(tags)
                .description("The most connections the pool opens").baseUnit("connections").register(registry));
        meters.add(Gauge.builder("db.client.connection.idle.min", pool, PgPool::getMinSize).tags(tags)
                .description("The connections the pool keeps open").baseUnit("connections").register(registry));
        meters.add(Gauge.builder("db.client.connection.pending_requests", pool, PgPool::getPendingAcquires)
                .tags(tags).description("Callers waiting for a connection").baseUnit("requests")
                .register(registry));
        meters.add(FunctionCounter.builder("db.client.connection.timeouts", pool,
                p -> p.stats().totalAcquireTimeouts()).tags(tags)
                .description("Acquires that timed out").baseUnit("timeouts").register(registry));
        waitTime = Timer.builder("db.client.connection.wait_time").tags(tags)
                .description("Time to obtain a connection from the pool").register(registry);
        useTime = Timer.builder("db.client.connection.use_time").tags(tags)
                .description("Time between taking a connection and giving it back").register(registry);
        createTime = Timer.builder("db.client.connection.create_time").tags(tags)
                .description("Time to open a new connection").register(registry);
        meters.add(waitTime);
        meters.add(useTime);
        meters.add(createTime);
        pool.addPoolListener(this);
    }

    @Override
    public void onAcquire(Duration waitTime) {
        Timer t = this.waitTime;
        if (t != null) {
            t.record(waitTime);
        }
    }

    @Override
    public void onRelease(Duration holdTime) {
        Timer t = this.useTime;
        if (t != null) {
            t.record(holdTime);
        }
    }

    @Override
    public void onCreate(Duration duration) {
        Timer t = this.createTime;
        if (t != null) {
            t.record(duration);
        }
    }

    /** Removes the meters from the registry and the listener from the pool. Idempotent. */
    @Override
    public synchronized void close() {
        pool.removePoolListener(this);
        MeterRegistry r = registry;
        if (r != null) {
            for (Meter meter : meters) {
                r.remove(meter);
            }
        }
        meters.clear();
        waitTime = null;
        useTime = null;
        createTime = null;
    }

}
