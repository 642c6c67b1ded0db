package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.PgPool;
import io.pgasync.spring.boot.autoconfigure.PgAsyncAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

/**
 * Auto-configuration of Spring transactions on the pgasync pool: the exception translator, the transaction-aware
 * clients, and one transaction manager chosen by {@code pgasync.transaction.manager}: {@code auto} (the default:
 * {@link PgReactiveTransactionManager} in a reactive web application, {@link PgTransactionManager} otherwise),
 * {@code imperative}, {@code reactive} or {@code none}. Backs off when the application defines its own
 * {@link TransactionManager}. Runs before Spring Boot's transaction auto-configuration, which then adds
 * {@code TransactionTemplate} or {@code TransactionalOperator} and enables {@code @Transactional}.
 */
@AutoConfiguration(after = PgAsyncAutoConfiguration.class,
        beforeName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnClass({PgPool.class, PlatformTransactionManager.class})
@ConditionalOnSingleCandidate(PgPool.class)
public final class PgAsyncTransactionAutoConfiguration {

    private static final String MODE = "pgasync.transaction.manager";

    @Bean
    @ConditionalOnMissingBean
    PgExceptionTranslator pgExceptionTranslator() {
        return new PgExceptionTranslator();
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalPgClient transactionalPgClient(PgPool pool, PgExceptionTranslator translator) {
        return new TransactionalPgClient(pool, translator);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(TransactionManager.class)
    @Conditional(ImperativeCondition.class)
    static class ImperativeConfiguration {

        @Bean
        PgTransactionManager transactionManager(PgPool pool, PgExceptionTranslator translator,
                org.springframework.context.ApplicationContext context) {
            PgTransactionManager manager = new PgTransactionManager(pool, translator);
            Customizers.apply(context, manager);
            return manager;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Mono.class)
    static class ReactiveConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReactiveTransactionalPgClient reactiveTransactionalPgClient(PgPool pool, PgExceptionTranslator translator) {
            return new ReactiveTransactionalPgClient(pool, translator);
        }

        @Bean
        @ConditionalOnMissingBean(TransactionManager.class)
        @Conditional(ReactiveCondition.class)
        PgReactiveTransactionManager reactiveTransactionManager(PgPool pool, PgExceptionTranslator translator,
                org.springframework.context.ApplicationContext context) {
            PgReactiveTransactionManager manager = new PgReactiveTransactionManager(pool, translator);
            Customizers.apply(context, manager);
            return manager;
        }
    }

    /** Applies Spring Boot's {@code TransactionManagerCustomizers} when spring-boot-transaction is present. */
    static final class Customizers {

        private static final boolean PRESENT = ClassUtils.isPresent(
                "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers",
                Customizers.class.getClassLoader());

        private Customizers() {
        }

        static void apply(org.springframework.context.ApplicationContext context, TransactionManager manager) {
            if (PRESENT) {
                context.getBeanProvider(TransactionManagerCustomizers.class)
                        .ifAvailable(customizers -> customizers.customize(manager));
            }
        }
    }

    /** {@code imperative}, or {@code auto} outside a reactive web application. */
    static final class ImperativeCondition extends AnyNestedCondition {

        ImperativeCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = MODE, havingValue = "imperative")
        static class Explicit {
        }

        @ConditionalOnProperty(name = MODE, havingValue = "auto", matchIfMissing = true)
        @ConditionalOnNotWebApplication
        static class AutoNotWeb {
        }

        @ConditionalOnProperty(name = MODE, havingValue = "auto", matchIfMissing = true)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        static class AutoServlet {
        }
    }

    /** {@code reactive}, or {@code auto} in a reactive web application. */
    static final class ReactiveCondition extends AnyNestedCondition {

        ReactiveCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = MODE, havingValue = "reactive")
        static class Explicit {
        }

        @ConditionalOnProperty(name = MODE, havingValue = "auto", matchIfMissing = true)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        static class AutoReactive {
        }
    }
}
