package io.pgasync.spring.boot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.RequiresOwnCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

@PgTest
class PgAsyncHealthIT {

    private PgTestServer server;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(PgTestServer server) {
        this.server = server;
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        HealthContributorAutoConfiguration.class, PgAsyncHealthContributorAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=0", "pgasync.pool.max-size=2",
                        "pgasync.pool.create-retry-max-delay=200ms");
    }

    @Test
    void upWithDatabaseVersionAndPoolFigures() {
        runner.run(context -> {
            ReactiveHealthIndicator indicator = context.getBean("pgasyncHealthContributor",
                    ReactiveHealthIndicator.class);
            Health health = indicator.health().block(Duration.ofSeconds(5));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", server.database())
                    .containsEntry("version", server.serverVersion()).containsEntry("pool", "pgasync")
                    .containsEntry("maxSize", 2).containsKeys("idle", "acquired", "pending", "size");
            assertThat(context.getBean(PgPool.class).getAcquiredSize()).isZero();
        });
    }

    @Test
    void blockingIndicatorWithoutReactor() {
        runner.withClassLoader(new FilteredClassLoader(Mono.class)).run(context -> {
            HealthIndicator indicator = context.getBean("pgasyncHealthContributor", HealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void exhaustedPoolIsUpWithoutQueueingBehindTheApplication() {
        runner.run(context -> {
            PgPool pool = context.getBean(PgPool.class);
            List<PgPooledConnection> held = new ArrayList<>();
            try {
                held.add(pool.acquire().join());
                held.add(pool.acquire().join());
                Health health = context.getBean("pgasyncHealthContributor", ReactiveHealthIndicator.class).health()
                        .block(Duration.ofSeconds(5));
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("exhausted", true).containsEntry("acquired", 2);
            } finally {
                held.forEach(PgPooledConnection::release);
            }
        });
    }

    @Test
    void concurrentChecksShareOneRoundTrip() {
        runner.run(context -> {
            PgPoolHealthCheck check = new PgPoolHealthCheck(context.getBean(PgPool.class), Duration.ofSeconds(2));
            List<CompletableFuture<Health>> checks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                checks.add(check.check());
            }
            assertThat(checks.stream().distinct().count()).isLessThan(50);
            checks.forEach(f -> assertThat(f.join().getStatus()).isEqualTo(Status.UP));
        });
    }

    @Test
    @RequiresOwnCluster("stops the server")
    void downWithTheReasonWithinTheTimeoutWhenTheServerIsStopped() {
        runner.withPropertyValues("management.health.pgasync.timeout=1s").run(context -> {
            ReactiveHealthIndicator indicator = context.getBean("pgasyncHealthContributor",
                    ReactiveHealthIndicator.class);
            assertThat(indicator.health().block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.UP);
            server.stop();
            try {
                long started = System.nanoTime();
                Health health = indicator.health().block(Duration.ofSeconds(5));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsKey("error").containsEntry("pool", "pgasync");
                assertThat(health.getDetails().get("reason")).isIn("connection", "timeout");
                assertThat(took).isLessThan(Duration.ofMillis(2500));
                assertThat(health.getDetails().get("error").toString()).doesNotContain(server.mainRole().password());
            } finally {
                server.start();
            }
            Health recovered = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                recovered = indicator.health().block(Duration.ofSeconds(5));
                if (recovered.getStatus().equals(Status.UP)) {
                    break;
                }
            }
            assertThat(recovered.getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void switchedOffByProperty() {
        runner.withPropertyValues("management.health.pgasync.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("pgasyncHealthContributor"));
    }

    @Test
    void skippedBeforeLoadingWithoutTheHealthModule() throws Exception {
        // Without spring-boot-health the auto-configuration import filter drops the class from this metadata,
        // before any of its annotations are read.
        java.util.Properties metadata = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/spring-autoconfigure-metadata.properties")) {
            metadata.load(in);
        }
        assertThat(metadata.getProperty(PgAsyncHealthContributorAutoConfiguration.class.getName()
                + ".ConditionalOnClass")).contains(
                        "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator",
                        "io.pgasync.PgPool");
    }
}
