package io.pgasync.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@PgTest
class PgAsyncMetricsIT {

    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(PgTestServer server) {
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        PgAsyncMetricsAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=0", "pgasync.pool.max-size=1", "pgasync.pool.name=orders",
                        "pgasync.pool.acquire-timeout=300ms");
    }

    @Test
    void poolAndQueryMetersHaveValuesAfterQueries() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            PgPool pool = context.getBean(PgPool.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            pool.fetchVal("SELECT 1").join();
            pool.execute("SELECT $1::int", 2).join();
            PgPooledConnection held = pool.acquire().join();
            try {
                assertThat(registry.get("db.client.connection.count").tag("db.client.connection.pool.name", "orders")
                        .tag("db.client.connection.state", "used").gauge().value()).isEqualTo(1.0);
                assertThat(registry.get("db.client.connection.count").tag("db.client.connection.state", "idle")
                        .gauge().value()).isZero();
                pool.acquire(Duration.ofMillis(300)).handle((c, e) -> e).join();
                assertThat(registry.get("db.client.connection.timeouts").functionCounter().count()).isEqualTo(1.0);
            } finally {
                held.release().join();
            }
            assertThat(registry.get("db.client.connection.max").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("db.client.connection.idle.min").gauge().value()).isZero();
            assertThat(registry.get("db.client.connection.pending_requests").gauge().value()).isZero();
            assertThat(registry.get("db.client.connection.create_time").timer().count()).isEqualTo(1);
            assertThat(registry.get("db.client.connection.wait_time").timer().count()).isEqualTo(3);
            assertThat(registry.get("db.client.connection.use_time").timer().count()).isGreaterThanOrEqualTo(2);
            Timer select = registry.get("db.client.operation.duration").tag("db.operation.name", "SELECT")
                    .tag("outcome", "SUCCESS").tag("db.system.name", "postgresql").timer();
            assertThat(select.count()).isGreaterThanOrEqualTo(2);
            assertThat(select.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        });
    }

    @Test
    void failedQueriesAreTaggedWithTheirSqlState() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            PgPool pool = context.getBean(PgPool.class);
            pool.execute("SELECT * FROM no_such_table_here").handle((r, e) -> e).join();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("db.client.operation.duration").tag("db.response.status_code", "42P01")
                    .tag("outcome", "ERROR").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void metersAreRemovedWhenTheContextClosesSoRepeatedContextsDoNotGrowTheRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        for (int i = 0; i < 20; i++) {
            runner.withBean(MeterRegistry.class, () -> registry).run(context -> {
                context.getBean(PgPool.class).fetchVal("SELECT 1").join();
                assertThat(registry.find("db.client.connection.count").gauges()).hasSize(2);
            });
            assertThat(registry.find("db.client.connection.count").gauges()).isEmpty();
            assertThat(registry.find("db.client.connection.wait_time").timers()).isEmpty();
        }
    }

    @Test
    void switchedOffByProperty() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("pgasync.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PgQueryMetrics.class)
                        .doesNotHaveBean("pgPoolMeters"));
    }

    @Test
    void absentWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasSingleBean(PgPool.class).doesNotHaveBean(PgQueryMetrics.class);
            assertThat(context.getBean(PgPool.class).fetchVal("SELECT 1").join()).isEqualTo(1);
        });
    }
}
