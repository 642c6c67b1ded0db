package io.pgasync.spring.boot.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@PgTest
class PgAsyncObservationIT {

    private PgTestServer server;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(PgTestServer server) {
        this.server = server;
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        PgAsyncObservationAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=0", "pgasync.pool.max-size=1");
    }

    @Test
    void recordsAnObservationPerQueryWithLowCardinalityKeysOnly() {
        List<PgQueryObservationContext> contexts = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context c) {
                return c instanceof PgQueryObservationContext;
            }

            @Override
            public void onStop(Observation.Context c) {
                contexts.add((PgQueryObservationContext) c);
            }
        });
        runner.withBean(ObservationRegistry.class, () -> observations).run(context -> {
            PgPool pool = context.getBean(PgPool.class);
            pool.fetchVal("SELECT $1::int", 41).join();
            pool.execute("UPDATE no_such_table SET x = 1").handle((r, e) -> e).join();
            assertThat(contexts).hasSize(2).allSatisfy(c -> {
                assertThat(c.getName()).isEqualTo("db.client.operation");
                assertThat(c.getLowCardinalityKeyValue("db.system.name").getValue()).isEqualTo("postgresql");
                assertThat(c.getLowCardinalityKeyValue("db.namespace").getValue()).isEqualTo(server.database());
                assertThat(c.getLowCardinalityKeyValue("server.port").getValue())
                        .isEqualTo(Integer.toString(server.port()));
                assertThat(c.getHighCardinalityKeyValues()).isEmpty();
                assertThat(c.getElapsed()).isPositive();
            });
            PgQueryObservationContext select = contexts.get(0);
            assertThat(select.getLowCardinalityKeyValue("db.operation.name").getValue()).isEqualTo("SELECT");
            assertThat(select.getContextualName()).isEqualTo("SELECT " + server.database());
            assertThat(select.getLowCardinalityKeyValue("db.response.status_code").getValue()).isEqualTo("none");
            PgQueryObservationContext update = contexts.get(1);
            assertThat(update.getLowCardinalityKeyValue("db.operation.name").getValue()).isEqualTo("UPDATE");
            assertThat(update.getLowCardinalityKeyValue("db.response.status_code").getValue()).isEqualTo("42P01");
            assertThat(update.getError()).isNotNull();
        });
    }

    @Test
    void theObservationLastsAsLongAsTheQueryAndIsAChildOfTheCallersObservation() {
        List<PgQueryObservationContext> contexts = new CopyOnWriteArrayList<>();
        List<Duration> observed = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context c) {
                return c instanceof PgQueryObservationContext;
            }

            @Override
            public void onStart(Observation.Context c) {
                c.put("startedNanos", System.nanoTime()); // what a tracing or timing handler does
            }

            @Override
            public void onStop(Observation.Context c) {
                observed.add(Duration.ofNanos(System.nanoTime() - c.<Long>getRequired("startedNanos")));
                contexts.add((PgQueryObservationContext) c);
            }
        });
        runner.withBean(ObservationRegistry.class, () -> observations).run(context -> {
            PgPool pool = context.getBean(PgPool.class);
            pool.fetchVal("SELECT 1").join(); // now the pool's connection is idle: the next call submits on this thread
            contexts.clear();
            observed.clear();
            Observation caller = Observation.start("caller", observations);
            try (Observation.Scope scope = caller.openScope()) {
                pool.fetchVal("SELECT pg_sleep(0.3)").join();
            } finally {
                caller.stop();
            }
            assertThat(contexts).hasSize(1);
            assertThat(contexts.get(0).getParentObservation()).isSameAs(caller);
            assertThat(observed.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(contexts.get(0).getElapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        });
    }

    @Test
    void queryTextIsOptIn() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withPropertyValues("pgasync.observation.include-query-text=true").run(context -> {
                    context.getBean(PgPool.class).fetchVal("SELECT 1 AS secretless").join();
                    TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                            .hasObservationWithNameEqualTo("db.client.operation").that()
                            .hasHighCardinalityKeyValue("db.query.text", "SELECT 1 AS secretless");
                });
    }

    @Test
    void switchedOffByPropertyOrWithoutMicrometer() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withPropertyValues("pgasync.observation.enabled=false").run(context -> {
                    assertThat(context).doesNotHaveBean(PgQueryObserver.class);
                    context.getBean(PgPool.class).fetchVal("SELECT 1").join();
                    TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                            .doesNotHaveAnyObservation();
                });
        runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class)).run(context -> {
            assertThat(context).hasSingleBean(PgPool.class).doesNotHaveBean(PgQueryObserver.class);
            assertThat(context.getBean(PgPool.class).fetchVal("SELECT 1").join()).isEqualTo(1);
        });
    }

    @Test
    void sqlOperationNamesAreBounded() {
        assertThat(SqlOperations.operationName("  -- c\n /* x */ (select 1)")).isEqualTo("SELECT");
        assertThat(SqlOperations.operationName("insert into t values (1)")).isEqualTo("INSERT");
        assertThat(SqlOperations.operationName("frobnicate everything")).isEqualTo("OTHER");
        assertThat(SqlOperations.operationName("")).isEqualTo("OTHER");
        assertThat(SqlOperations.operationName(null)).isEqualTo("OTHER");
    }
}
