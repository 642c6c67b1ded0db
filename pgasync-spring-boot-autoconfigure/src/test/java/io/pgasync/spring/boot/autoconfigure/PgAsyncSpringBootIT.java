package io.pgasync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.transaction.PgTransactionManager;
import io.pgasync.spring.boot.autoconfigure.transaction.TransactionalPgClient;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Spring Boot application with only auto-configuration and one property: the pool, transactions, health, metrics
 * and observations all come from the auto-configurations listed in the imports file.
 */
@PgTest
@SpringBootTest(classes = PgAsyncSpringBootIT.App.class, properties = "spring.application.name=boot-it")
class PgAsyncSpringBootIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PgTestServer server = PgTestServer.get();
        registry.add("pgasync.url", () -> server.url(server.mainRole()) + "?sslmode=disable");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    PgPool pool;

    @Autowired
    Accounts accounts;

    @Autowired
    MeterRegistry meters;

    @Test
    void everythingIsWiredFromOneProperty() {
        assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(PgTransactionManager.class);
        assertThat(pool.fetchVal("SELECT current_setting('application_name')", String.class).join())
                .isEqualTo("boot-it");

        pool.execute("DROP TABLE IF EXISTS boot_accounts; CREATE TABLE boot_accounts (id int PRIMARY KEY)").join();
        accounts.open(1);
        try {
            accounts.openTwiceAndFail(2);
        } catch (RuntimeException expected) {
            // rolled back
        }
        assertThat(pool.fetchVal("SELECT count(*) FROM boot_accounts", Long.class).join()).isEqualTo(1L);
        assertThat(pool.getAcquiredSize()).isZero();

        ReactiveHealthIndicator health = context.getBean("pgasyncHealthContributor", ReactiveHealthIndicator.class);
        assertThat(health.health().block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.UP);

        assertThat(meters.get("db.client.connection.count").tag("db.client.connection.pool.name", "pgasync")
                .gauges()).hasSize(2);
        assertThat(meters.get("db.client.operation.duration").tag("db.operation.name", "INSERT").timer().count())
                .isGreaterThanOrEqualTo(2);
        // The default meter handler of the observation registry turns each query observation into a timer.
        assertThat(meters.get("db.client.operation").tag("db.operation.name", "SELECT").timer().count()).isPositive();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Accounts accounts(TransactionalPgClient client) {
            return new Accounts(client);
        }
    }

    static class Accounts {
        private final TransactionalPgClient client;

        Accounts(TransactionalPgClient client) {
            this.client = client;
        }

        @Transactional
        public void open(int id) {
            client.execute("INSERT INTO boot_accounts VALUES ($1)", id).join();
        }

        @Transactional
        public void openTwiceAndFail(int id) {
            client.execute("INSERT INTO boot_accounts VALUES ($1)", id).join();
            client.execute("INSERT INTO boot_accounts VALUES ($1)", id).join();
        }
    }
}
