package io.pgasync.spring.boot.autoconfigure.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

@PgTest
class PgReactiveTransactionManagerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private PgTestServer server;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(PgTestServer server) {
        this.server = server;
        server.execute("CREATE TABLE IF NOT EXISTS spring_rtx (id int PRIMARY KEY, v text)",
                "GRANT ALL ON spring_rtx TO PUBLIC", "TRUNCATE spring_rtx");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        PgAsyncTransactionAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=0", "pgasync.pool.max-size=4",
                        "pgasync.application-name=spring-rtx-it", "pgasync.transaction.manager=reactive")
                .withUserConfiguration(Services.class);
    }

    private void run(ContextConsumer<AssertableApplicationContext> test) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            test.accept(context);
            assertThat(context.getBean(PgPool.class).getAcquiredSize()).as("connections still acquired").isZero();
            assertThat(server.queryColumn("SELECT count(*) FROM pg_stat_activity WHERE application_name ="
                    + " 'spring-rtx-it' AND state LIKE 'idle in transaction%'")).containsExactly("0");
        });
    }

    private List<String> ids() {
        return server.queryColumn("SELECT id FROM spring_rtx ORDER BY id");
    }

    private static Mono<String> insert(AssertableApplicationContext context, int id) {
        return context.getBean(ReactiveTransactionalPgClient.class)
                .execute("INSERT INTO spring_rtx VALUES ($1, 'x')", id);
    }

    private static TransactionalOperator operator(AssertableApplicationContext context, int propagation) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(propagation);
        return TransactionalOperator.create(context.getBean(ReactiveTransactionManager.class), definition);
    }

    @Test
    void reactiveManagerIsChosenByProperty() {
        run(context -> assertThat(context).hasSingleBean(PgReactiveTransactionManager.class)
                .hasSingleBean(TransactionalOperator.class).doesNotHaveBean(PgTransactionManager.class));
    }

    @Test
    void operatorCommits() {
        run(context -> {
            StepVerifier.create(context.getBean(TransactionalOperator.class).transactional(insert(context, 1)
                    .then(Mono.fromCallable(() -> server.queryColumn("SELECT count(*) FROM spring_rtx")))))
                    .expectNext(List.of("0")).verifyComplete();
            assertThat(ids()).containsExactly("1");
        });
    }

    @Test
    void operatorRollsBackOnError() {
        run(context -> {
            StepVerifier.create(context.getBean(TransactionalOperator.class)
                    .transactional(insert(context, 1).then(insert(context, 1))))
                    .expectError(DuplicateKeyException.class).verify(WAIT);
            assertThat(ids()).isEmpty();
        });
    }

    @Test
    void cancellingReleasesTheConnection() {
        run(context -> {
            StepVerifier.create(context.getBean(TransactionalOperator.class).transactional(insert(context, 1)
                    .then(context.getBean(ReactiveTransactionalPgClient.class).execute("SELECT pg_sleep(5)"))))
                    .thenAwait(Duration.ofMillis(300)).thenCancel().verify(WAIT);
            PgPool pool = context.getBean(PgPool.class);
            Mono.fromFuture(() -> pool.fetchVal("SELECT 1")).block(WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (pool.getAcquiredSize() != 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        });
        assertThat(ids()).isEmpty();
    }

    @Test
    void cancellingWhileWaitingForAConnectionLosesNothing() {
        runner.withPropertyValues("pgasync.pool.max-size=1").run(context -> {
            PgPool pool = context.getBean(PgPool.class);
            var held = pool.acquire().join();
            StepVerifier.create(context.getBean(TransactionalOperator.class).transactional(insert(context, 1)))
                    .expectSubscription().expectNoEvent(Duration.ofMillis(200)).thenCancel().verify(WAIT);
            held.release().join();
            StepVerifier.create(context.getBean(TransactionalOperator.class).transactional(insert(context, 2)))
                    .expectNextCount(1).verifyComplete();
            assertThat(pool.getAcquiredSize()).isZero();
            assertThat(pool.getPendingAcquires()).isZero();
            assertThat(ids()).containsExactly("2");
        });
    }

    @Test
    void transactionalAnnotationOnMonoMethods() {
        run(context -> {
            Service service = context.getBean(Service.class);
            StepVerifier.create(service.insertTwo(1, 2)).expectNextCount(1).verifyComplete();
            StepVerifier.create(service.insertTwo(3, 3)).expectError(DuplicateKeyException.class).verify(WAIT);
            assertThat(ids()).containsExactly("1", "2");
        });
    }

    @Test
    void nestedRollsBackToItsSavepoint() {
        run(context -> {
            Mono<String> nested = operator(context, TransactionDefinition.PROPAGATION_NESTED)
                    .transactional(insert(context, 2).then(insert(context, 2))).onErrorReturn("recovered");
            Mono<String> nestedOk = operator(context, TransactionDefinition.PROPAGATION_NESTED)
                    .transactional(insert(context, 3));
            StepVerifier.create(operator(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .transactional(insert(context, 1).then(nested).then(nestedOk))).expectNextCount(1)
                    .verifyComplete();
            assertThat(ids()).containsExactly("1", "3");
        });
    }

    @Test
    void requiresNewCommitsIndependently() {
        run(context -> {
            Mono<String> inner = operator(context, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                    .transactional(insert(context, 2));
            StepVerifier.create(operator(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .transactional(insert(context, 1).then(inner).then(Mono.error(new IllegalStateException("x")))))
                    .expectError(IllegalStateException.class).verify(WAIT);
            assertThat(ids()).containsExactly("2");
        });
    }

    @Test
    void notSupportedAndSupportsRunOutsideATransaction() {
        run(context -> {
            Mono<String> outside = operator(context, TransactionDefinition.PROPAGATION_NOT_SUPPORTED)
                    .transactional(insert(context, 2));
            StepVerifier.create(operator(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .transactional(insert(context, 1).then(outside).then(Mono.error(new IllegalStateException("x")))))
                    .expectError(IllegalStateException.class).verify(WAIT);
            StepVerifier.create(operator(context, TransactionDefinition.PROPAGATION_SUPPORTS)
                    .transactional(insert(context, 3))).expectNextCount(1).verifyComplete();
            assertThat(ids()).containsExactly("2", "3");
        });
    }

    @Test
    void mandatoryAndNeverAreEnforced() {
        run(context -> {
            StepVerifier.create(operator(context, TransactionDefinition.PROPAGATION_MANDATORY)
                    .transactional(insert(context, 1))).expectError(IllegalTransactionStateException.class)
                    .verify(WAIT);
            Mono<String> never = operator(context, TransactionDefinition.PROPAGATION_NEVER)
                    .transactional(insert(context, 2));
            StepVerifier.create(operator(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .transactional(insert(context, 1).then(never)))
                    .expectError(IllegalTransactionStateException.class).verify(WAIT);
            assertThat(ids()).isEmpty();
        });
    }

    @Test
    void readOnlyAndIsolationAreApplied() {
        run(context -> {
            DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
            definition.setReadOnly(true);
            definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            TransactionalOperator readOnly = TransactionalOperator.create(
                    context.getBean(ReactiveTransactionManager.class), definition);
            ReactiveTransactionalPgClient client = context.getBean(ReactiveTransactionalPgClient.class);
            StepVerifier.create(readOnly.transactional(client.fetchVal("SHOW transaction_isolation", String.class)))
                    .expectNext("repeatable read").verifyComplete();
            StepVerifier.create(readOnly.transactional(insert(context, 1)))
                    .expectError(InvalidDataAccessApiUsageException.class).verify(WAIT);
        });
    }

    @Test
    void completionStageWorkRunsInATransactionThatEndsWithItsFuture() {
        run(context -> {
            ReactiveTransactionalPgClient client = context.getBean(ReactiveTransactionalPgClient.class);
            TransactionalOperator operator = context.getBean(TransactionalOperator.class);
            CompletableFuture<String> ok = client.inTransaction(operator,
                    c -> c.execute("INSERT INTO spring_rtx VALUES (1, 'x')")
                            .thenComposeAsync(s -> c.execute("INSERT INTO spring_rtx VALUES (2, 'x')"),
                                    CompletableFuture.delayedExecutor(200,
                                            java.util.concurrent.TimeUnit.MILLISECONDS)));
            assertThat(ok.join()).isEqualTo("INSERT 0 1");
            CompletableFuture<String> failed = client.inTransaction(operator,
                    c -> c.execute("INSERT INTO spring_rtx VALUES (3, 'x')")
                            .thenCompose(s -> c.execute("INSERT INTO spring_rtx VALUES (1, 'x')")));
            assertThat(failed).failsWithin(WAIT).withThrowableThat().havingCause()
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(ids()).containsExactly("1", "2");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        Service service(ReactiveTransactionalPgClient client) {
            return new Service(client);
        }
    }

    static class Service {
        private final ReactiveTransactionalPgClient client;

        Service(ReactiveTransactionalPgClient client) {
            this.client = client;
        }

        @Transactional
        public Mono<String> insertTwo(int a, int b) {
            return client.execute("INSERT INTO spring_rtx VALUES ($1, 'x')", a)
                    .then(client.execute("INSERT INTO spring_rtx VALUES ($1, 'x')", b));
        }
    }
}
