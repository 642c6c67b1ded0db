package io.pgasync.spring.boot.autoconfigure.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.concurrent.FastThreadLocalThread;
import io.pgasync.PgPool;
import io.pgasync.exception.PgConnectionReleasedException;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
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
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@PgTest
class PgTransactionManagerIT {

    private PgTestServer server;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(PgTestServer server) {
        this.server = server;
        server.execute("CREATE TABLE IF NOT EXISTS spring_tx (id int PRIMARY KEY, v text)",
                "GRANT ALL ON spring_tx TO PUBLIC", "TRUNCATE spring_tx");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        PgAsyncTransactionAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withPropertyValues("pgasync.url=" + server.url(server.mainRole()) + "?sslmode=disable",
                        "pgasync.pool.min-size=0", "pgasync.pool.max-size=4",
                        "pgasync.application-name=spring-tx-it")
                .withUserConfiguration(Services.class);
    }

    /** Runs the test, then checks that every connection went back and no session is left inside a transaction. */
    private void run(ContextConsumer<AssertableApplicationContext> test) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            test.accept(context);
            PgPool pool = context.getBean(PgPool.class);
            assertThat(pool.getAcquiredSize()).as("connections still acquired").isZero();
            assertThat(server.queryColumn("SELECT count(*) FROM pg_stat_activity WHERE application_name ="
                    + " 'spring-tx-it' AND state LIKE 'idle in transaction%'")).containsExactly("0");
        });
    }

    private List<String> ids() {
        return server.queryColumn("SELECT id FROM spring_tx ORDER BY id");
    }

    private static TransactionTemplate template(AssertableApplicationContext context, int propagation) {
        TransactionTemplate t = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        t.setPropagationBehavior(propagation);
        return t;
    }

    private static void insert(AssertableApplicationContext context, int id) {
        context.getBean(TransactionalPgClient.class).execute("INSERT INTO spring_tx VALUES ($1, 'x')", id).join();
    }

    @Test
    void autoConfiguresTheThreadBoundManagerOutsideReactiveWebApplications() {
        run(context -> {
            assertThat(context).hasSingleBean(PgTransactionManager.class).hasSingleBean(TransactionTemplate.class)
                    .doesNotHaveBean(PgReactiveTransactionManager.class);
        });
    }

    @Test
    void commitsAndFiresSynchronizationsOnce() {
        run(context -> {
            List<String> events = new ArrayList<>();
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                insert(context, 1);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        events.add("beforeCommit");
                    }

                    @Override
                    public void beforeCompletion() {
                        events.add("beforeCompletion");
                    }

                    @Override
                    public void afterCommit() {
                        events.add("afterCommit");
                    }

                    @Override
                    public void afterCompletion(int s) {
                        events.add("afterCompletion:" + s);
                    }
                });
                assertThat(server.queryColumn("SELECT count(*) FROM spring_tx")).containsExactly("0");
            });
            assertThat(ids()).containsExactly("1");
            assertThat(events).containsExactly("beforeCommit", "beforeCompletion", "afterCommit",
                    "afterCompletion:0");
        });
    }

    @Test
    void aCommitFailureIsTranslatedAndTheConnectionReleased() {
        server.execute("CREATE TABLE IF NOT EXISTS spring_tx_deferred (id int UNIQUE DEFERRABLE INITIALLY DEFERRED)",
                "GRANT ALL ON spring_tx_deferred TO PUBLIC", "TRUNCATE spring_tx_deferred");
        run(context -> {
            TransactionalPgClient client = context.getBean(TransactionalPgClient.class);
            assertThatThrownBy(() -> context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                client.execute("INSERT INTO spring_tx_deferred VALUES (1), (1)").join(); // checked at COMMIT
                insert(context, 1);
            })).isInstanceOf(DuplicateKeyException.class).hasMessageContaining("commit");
            assertThat(ids()).isEmpty();
        });
    }

    @Test
    void rollsBackOnARuntimeException() {
        run(context -> {
            assertThatThrownBy(() -> context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                insert(context, 1);
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(ids()).isEmpty();
        });
    }

    @Test
    void transactionalAnnotationFollowsRollbackRules() {
        run(context -> {
            Service service = context.getBean(Service.class);
            assertThatThrownBy(() -> service.insertThenThrowChecked(1)).isInstanceOf(IOException.class);
            assertThat(ids()).containsExactly("1"); // checked exceptions commit by default
            assertThatThrownBy(() -> service.insertThenThrowCheckedRollingBack(2)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> service.insertThenThrowRuntime(3)).isInstanceOf(IllegalStateException.class);
            assertThat(ids()).containsExactly("1");
            service.insert(4);
            assertThat(ids()).containsExactly("1", "4");
        });
    }

    @Test
    void requiresNewCommitsIndependentlyOfTheOuterTransaction() {
        run(context -> {
            assertThatThrownBy(() -> template(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .executeWithoutResult(outer -> {
                        insert(context, 1);
                        template(context, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                                .executeWithoutResult(inner -> insert(context, 2));
                        assertThat(context.getBean(PgPool.class).getAcquiredSize()).isEqualTo(1);
                        throw new IllegalStateException("outer fails");
                    })).isInstanceOf(IllegalStateException.class);
            assertThat(ids()).containsExactly("2");
        });
    }

    @Test
    void nestedRollsBackToItsSavepointAndTheOuterCommits() {
        run(context -> {
            template(context, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
                insert(context, 1);
                template(context, TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(nested -> {
                    insert(context, 2);
                    template(context, TransactionDefinition.PROPAGATION_NESTED)
                            .executeWithoutResult(nestedInNested -> insert(context, 3));
                    nested.setRollbackOnly();
                });
                template(context, TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(nested -> {
                    insert(context, 4);
                    assertThatThrownBy(() -> template(context, TransactionDefinition.PROPAGATION_NESTED)
                            .executeWithoutResult(nestedInNested -> {
                                insert(context, 5);
                                throw new IllegalStateException("inner");
                            })).isInstanceOf(IllegalStateException.class);
                });
            });
            assertThat(ids()).containsExactly("1", "4");
        });
    }

    @Test
    void nestedAfterAFailedStatementRecoversTheTransaction() {
        run(context -> {
            template(context, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
                insert(context, 1);
                assertThatThrownBy(() -> template(context, TransactionDefinition.PROPAGATION_NESTED)
                        .executeWithoutResult(nested -> insert(context, 1))).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(DuplicateKeyException.class)
                        .hasCauseInstanceOf(io.pgasync.exception.UniqueViolationException.class);
                insert(context, 2); // the transaction is usable again after the savepoint was rolled back
            });
            assertThat(ids()).containsExactly("1", "2");
        });
    }

    @Test
    void supportsRunsWithoutATransactionAndJoinsAnExistingOne() {
        run(context -> {
            TransactionalPgClient client = context.getBean(TransactionalPgClient.class);
            template(context, TransactionDefinition.PROPAGATION_SUPPORTS).executeWithoutResult(status -> {
                assertThat(client.currentConnection()).isNull();
                insert(context, 1);
            });
            assertThatThrownBy(() -> template(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .executeWithoutResult(outer -> template(context, TransactionDefinition.PROPAGATION_SUPPORTS)
                            .executeWithoutResult(inner -> {
                                assertThat(client.currentConnection()).isNotNull();
                                insert(context, 2);
                                throw new IllegalStateException("rollback both");
                            }))).isInstanceOf(IllegalStateException.class);
            assertThat(ids()).containsExactly("1");
        });
    }

    @Test
    void notSupportedSuspendsTheTransaction() {
        run(context -> {
            assertThatThrownBy(() -> template(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .executeWithoutResult(outer -> {
                        insert(context, 1);
                        template(context, TransactionDefinition.PROPAGATION_NOT_SUPPORTED)
                                .executeWithoutResult(inner -> {
                                    assertThat(context.getBean(TransactionalPgClient.class).currentConnection())
                                            .isNull();
                                    insert(context, 2);
                                });
                        throw new IllegalStateException("outer fails");
                    })).isInstanceOf(IllegalStateException.class);
            assertThat(ids()).containsExactly("2");
        });
    }

    @Test
    void mandatoryWithoutATransactionFails() {
        run(context -> assertThatThrownBy(() -> template(context, TransactionDefinition.PROPAGATION_MANDATORY)
                .executeWithoutResult(status -> insert(context, 1)))
                .isInstanceOf(IllegalTransactionStateException.class));
    }

    @Test
    void neverInsideATransactionFailsAndTheOuterRollsBack() {
        run(context -> {
            assertThatThrownBy(() -> template(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .executeWithoutResult(outer -> {
                        insert(context, 1);
                        template(context, TransactionDefinition.PROPAGATION_NEVER)
                                .executeWithoutResult(inner -> insert(context, 2));
                    })).isInstanceOf(IllegalTransactionStateException.class);
            assertThat(ids()).isEmpty();
        });
    }

    @Test
    void appliesTheIsolationLevel() {
        run(context -> {
            TransactionTemplate t = template(context, TransactionDefinition.PROPAGATION_REQUIRED);
            t.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
            String level = t.execute(status -> context.getBean(TransactionalPgClient.class)
                    .fetchVal("SHOW transaction_isolation", String.class).join());
            assertThat(level).isEqualTo("serializable");
        });
    }

    @Test
    void readOnlyRejectsWritesAndTheNextBorrowerIsNotReadOnly() {
        run(context -> {
            TransactionTemplate t = template(context, TransactionDefinition.PROPAGATION_REQUIRED);
            t.setReadOnly(true);
            assertThatThrownBy(() -> t.executeWithoutResult(status -> insert(context, 1)))
                    .isInstanceOf(CompletionException.class).cause()
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasCauseInstanceOf(io.pgasync.exception.ReadOnlySqlTransactionException.class);
            insert(context, 2);
            assertThat(ids()).containsExactly("2");
        });
    }

    @Test
    void timeoutBoundsTheStatementsOfTheTransaction() {
        run(context -> {
            TransactionTemplate t = template(context, TransactionDefinition.PROPAGATION_REQUIRED);
            t.setTimeout(1);
            assertThatThrownBy(() -> t.executeWithoutResult(status -> context.getBean(TransactionalPgClient.class)
                    .execute("SELECT pg_sleep(5)").join())).cause().isInstanceOf(QueryTimeoutException.class);
            assertThatThrownBy(() -> t.executeWithoutResult(status -> {
                sleepPast(status);
                insert(context, 1);
            })).isInstanceOf(CompletionException.class).cause().isInstanceOf(TransactionTimedOutException.class);
            assertThat(ids()).isEmpty();
        });
    }

    private static void sleepPast(Object status) {
        // Spend the transaction's one second without sleeping blindly: wait on the server instead.
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void duplicateKeyIsTranslated() {
        run(context -> {
            insert(context, 1);
            assertThatThrownBy(() -> insert(context, 1)).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("spring_tx_pkey");
        });
    }

    @Test
    void aFutureContinuingAfterTheTransactionEndedFailsClearly() {
        run(context -> {
            CompletableFuture<String> late = context.getBean(Service.class).insertAndContinueAsync(1);
            assertThatThrownBy(late::join).cause().isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("after its transaction ended")
                    .hasCauseInstanceOf(PgConnectionReleasedException.class);
            assertThat(ids()).containsExactly("1"); // what was sent before the method returned was committed
        });
    }

    @Test
    void theTransactionsClientRefusesCallsOnceTheTransactionEnded() {
        run(context -> {
            CompletableFuture<String> late = context.getBean(Service.class).insertAndContinueWithClientAsync(1);
            assertThatThrownBy(late::join).cause().isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("transaction has ended");
            assertThat(ids()).containsExactly("1");
        });
    }

    @Test
    void beginFailsClearlyWhenThePoolIsExhausted() {
        runner.withPropertyValues("pgasync.pool.max-size=1", "pgasync.pool.acquire-timeout=300ms").run(context -> {
            TransactionTemplate outer = template(context, TransactionDefinition.PROPAGATION_REQUIRED);
            assertThatThrownBy(() -> outer.executeWithoutResult(status -> template(context,
                    TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> insert(context, 1))))
                    .isInstanceOf(CannotCreateTransactionException.class).hasMessageContaining("exhausted");
            assertThat(context.getBean(PgPool.class).getAcquiredSize()).isZero();
        });
    }

    @Test
    void refusesToBlockAnEventLoopThread() {
        run(context -> {
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread t = new FastThreadLocalThread(() -> {
                try {
                    context.getBean(TransactionTemplate.class).executeWithoutResult(status -> insert(context, 1));
                } catch (Throwable e) {
                    error.set(e);
                }
            });
            t.start();
            t.join();
            assertThat(error.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("event-loop");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        Service service(TransactionalPgClient client) {
            return new Service(client);
        }
    }

    static class Service {
        private final TransactionalPgClient client;

        Service(TransactionalPgClient client) {
            this.client = client;
        }

        @Transactional
        public void insert(int id) {
            client.execute("INSERT INTO spring_tx VALUES ($1, 'x')", id).join();
        }

        @Transactional
        public void insertThenThrowChecked(int id) throws IOException {
            insert(id);
            throw new IOException("checked");
        }

        @Transactional(rollbackFor = IOException.class)
        public void insertThenThrowCheckedRollingBack(int id) throws IOException {
            client.execute("INSERT INTO spring_tx VALUES ($1, 'x')", id).join();
            throw new IOException("checked");
        }

        @Transactional
        public void insertThenThrowRuntime(int id) {
            client.execute("INSERT INTO spring_tx VALUES ($1, 'x')", id).join();
            throw new IllegalStateException("runtime");
        }

        /** The same trap through the transaction's client: the continuation is refused whenever it runs. */
        @Transactional
        public CompletableFuture<String> insertAndContinueWithClientAsync(int id) {
            var tx = client.currentClient();
            return tx.execute("INSERT INTO spring_tx VALUES ($1, 'x')", id)
                    .thenCompose(status -> tx.execute("SELECT 1"));
        }

        /** The trap: the transaction commits when this returns, before the continuation runs. */
        @Transactional
        public CompletableFuture<String> insertAndContinueAsync(int id) {
            var connection = client.currentConnection().getConnection();
            // The continuation runs a little later, on another thread, as any asynchronous step would.
            return connection.execute("INSERT INTO spring_tx VALUES ($1, 'x')", id)
                    .thenComposeAsync(status -> connection.execute("SELECT 1"),
                            CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                            PgExceptionTranslator.INSTANCE.translate(null, e)));
        }
    }
}
