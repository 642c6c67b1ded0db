package io.pgasync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@PgTest
class PgPoolShutdownIT {

    @Test
    void contextCloseClosesThePoolWithinTheShutdownTimeoutEvenWithWorkInFlight(PgTestServer server) {
        AtomicReference<PgPool> pool = new AtomicReference<>();
        AtomicReference<CompletableFuture<String>> inFlight = new AtomicReference<>();
        AtomicReference<PgPooledConnection> leaked = new AtomicReference<>();
        long[] closeStarted = new long[1];
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=2", "pgasync.pool.shutdown-timeout=1s",
                        "pgasync.application-name=spring-shutdown-it")
                .run(context -> {
                    PgPool p = context.getBean(PgPool.class);
                    pool.set(p);
                    leaked.set(p.acquire().join()); // never released by its holder
                    inFlight.set(p.execute("SELECT pg_sleep(30)"));
                    closeStarted[0] = System.nanoTime();
                });
        Duration closing = Duration.ofNanos(System.nanoTime() - closeStarted[0]);
        assertThat(pool.get().isClosed()).isTrue();
        assertThat(pool.get().getSize()).isZero();
        assertThat(closing).isLessThan(Duration.ofSeconds(5));
        assertThat(inFlight.get()).isCompletedExceptionally();
        assertThat(leaked.get().isClosed()).isTrue();
        // The server ends a terminated session's backend asynchronously: wait for it, bounded.
        String sessions = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            sessions = server.queryColumn("SELECT count(*) FROM pg_stat_activity WHERE application_name ="
                    + " 'spring-shutdown-it'").get(0);
            if (sessions.equals("0")) {
                break;
            }
        }
        assertThat(sessions).isEqualTo("0");
    }
}
