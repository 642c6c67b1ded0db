package io.pgasync.spring.boot.autoconfigure.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;

class PgAsyncTransactionAutoConfigurationTest {

    private static final AutoConfigurations CONFIGS = AutoConfigurations.of(PgAsyncAutoConfiguration.class,
            PgAsyncTransactionAutoConfiguration.class, TransactionAutoConfiguration.class);
    private static final String[] PROPS = {"pgasync.host=localhost", "pgasync.pool.min-size=0"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGS)
            .withPropertyValues(PROPS);

    @Test
    void imperativeOutsideWebApplications() {
        runner.run(context -> assertThat(context).hasSingleBean(PgTransactionManager.class)
                .hasSingleBean(TransactionTemplate.class).hasSingleBean(TransactionalPgClient.class)
                .hasSingleBean(ReactiveTransactionalPgClient.class).hasSingleBean(PgExceptionTranslator.class)
                .hasSingleBean(PersistenceExceptionTranslator.class)
                .doesNotHaveBean(PgReactiveTransactionManager.class));
    }

    @Test
    void imperativeInServletApplications() {
        new WebApplicationContextRunner().withConfiguration(CONFIGS).withPropertyValues(PROPS)
                .run(context -> assertThat(context).hasSingleBean(PgTransactionManager.class)
                        .doesNotHaveBean(PgReactiveTransactionManager.class));
    }

    @Test
    void reactiveInReactiveWebApplications() {
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGS).withPropertyValues(PROPS)
                .run(context -> assertThat(context).hasSingleBean(PgReactiveTransactionManager.class)
                        .hasSingleBean(TransactionalOperator.class).doesNotHaveBean(PgTransactionManager.class));
    }

    @Test
    void chosenByProperty() {
        runner.withPropertyValues("pgasync.transaction.manager=reactive")
                .run(context -> assertThat(context).hasSingleBean(PgReactiveTransactionManager.class)
                        .doesNotHaveBean(PgTransactionManager.class));
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGS).withPropertyValues(PROPS)
                .withPropertyValues("pgasync.transaction.manager=imperative")
                .run(context -> assertThat(context).hasSingleBean(PgTransactionManager.class)
                        .doesNotHaveBean(PgReactiveTransactionManager.class));
        runner.withPropertyValues("pgasync.transaction.manager=none")
                .run(context -> assertThat(context).doesNotHaveBean(TransactionManager.class)
                        .hasSingleBean(TransactionalPgClient.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesATransactionManager() {
        runner.withBean("myTransactionManager", PlatformTransactionManager.class, NoOpTransactionManager::new)
                .run(context -> assertThat(context).hasSingleBean(TransactionManager.class)
                        .hasBean("myTransactionManager").doesNotHaveBean(PgTransactionManager.class));
    }

    @Test
    void appliesSpringTransactionProperties() {
        runner.withConfiguration(AutoConfigurations.of(
                org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration.class))
                .withPropertyValues("spring.transaction.default-timeout=7s").run(context ->
                assertThat(context.getBean(PgTransactionManager.class).getDefaultTimeout()).isEqualTo(7));
    }

    @Test
    void noReactivePartsWithoutReactor() {
        runner.withClassLoader(new FilteredClassLoader(Mono.class))
                .withPropertyValues("pgasync.transaction.manager=reactive")
                .run(context -> assertThat(context).hasSingleBean(TransactionalPgClient.class)
                        .doesNotHaveBean(ReactiveTransactionalPgClient.class)
                        .doesNotHaveBean(PgReactiveTransactionManager.class));
    }

    @Test
    void offWithoutSpringTx() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class,
                        PgAsyncTransactionAutoConfiguration.class))
                .withPropertyValues(PROPS).withClassLoader(new FilteredClassLoader(PlatformTransactionManager.class))
                .run(context -> assertThat(context).hasSingleBean(PgPool.class)
                        .doesNotHaveBean(TransactionalPgClient.class));
    }

    @Test
    void offWithSeveralPools() {
        runner.withBean("second", PgPool.class, () -> PgPool.create(io.pgasync.PoolOptions.builder()
                .connect("postgresql://localhost/db").minSize(0).build()))
                .withBean("first", PgPool.class, () -> PgPool.create(io.pgasync.PoolOptions.builder()
                        .connect("postgresql://localhost/db").minSize(0).build()))
                .run(context -> assertThat(context).doesNotHaveBean(TransactionalPgClient.class)
                        .doesNotHaveBean(PgTransactionManager.class));
    }

    /** A stand-in for an application's own transaction manager. */
    static final class NoOpTransactionManager extends AbstractPlatformTransactionManager {

        private static final long serialVersionUID = 1L;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition d) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
