package io.pgasync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgPool;
import io.pgasync.PoolOptions;
import io.pgasync.SslMode;
import io.pgasync.TargetSessionAttrs;
import io.pgasync.exception.PgConfigurationException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PgAsyncAutoConfigurationTest {

    // min-size 0: no connection is attempted, so no server is needed.
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PgAsyncAutoConfiguration.class))
            .withPropertyValues("pgasync.pool.min-size=0");

    @Test
    void createsPoolFromUrlAndSeparateProperties() {
        runner.withPropertyValues("pgasync.url=postgresql://alice:urlpw@db.example.com:6543/shop?sslmode=require",
                "pgasync.username=bob", "pgasync.port=7000").run(context -> {
                    assertThat(context).hasSingleBean(PgPool.class);
                    PgConnectOptions o = context.getBean(PgPool.class).getOptions().connectOptions();
                    assertThat(o.hosts().get(0).host()).isEqualTo("db.example.com");
                    assertThat(o.hosts().get(0).port()).isEqualTo(7000);
                    assertThat(o.user()).isEqualTo("bob");
                    assertThat(o.password()).isEqualTo("urlpw");
                    assertThat(o.database()).isEqualTo("shop");
                    assertThat(o.sslMode()).isEqualTo(SslMode.REQUIRE);
                });
    }

    @Test
    void bindsEveryConnectionAndPoolProperty() {
        runner.withPropertyValues("pgasync.host=h1", "pgasync.database=d", "pgasync.username=u",
                "pgasync.password=p", "pgasync.application-name=app1", "pgasync.connect-timeout=3s",
                "pgasync.command-timeout=4s", "pgasync.target-session-attrs=read-write",
                "pgasync.rewrite-batched-inserts=true", "pgasync.cancel-grace-period=3s",
                "pgasync.server-settings.search_path=app", "pgasync.server-settings.TimeZone=UTC",
                "pgasync.ssl.mode=disable", "pgasync.statement-cache.size=7",
                "pgasync.statement-cache.max-lifetime=1m", "pgasync.statement-cache.max-statement-size=2KB",
                "pgasync.pool.name=orders", "pgasync.pool.max-size=5", "pgasync.pool.min-size=1",
                "pgasync.pool.max-queries=99", "pgasync.pool.acquire-timeout=2s", "pgasync.pool.create-timeout=3s",
                "pgasync.pool.validation-timeout=1s", "pgasync.pool.validate-after-idle=0s",
                "pgasync.pool.validation-query=SELECT 1", "pgasync.pool.hook-timeout=5s",
                "pgasync.pool.max-lifetime=40m", "pgasync.pool.max-inactive-lifetime=11s",
                "pgasync.pool.keepalive-time=0", "pgasync.pool.leak-detection-threshold=3s",
                "pgasync.pool.max-pending-acquires=12", "pgasync.pool.create-retry-initial-delay=50ms",
                "pgasync.pool.create-retry-max-delay=1s").run(context -> {
                    PgPool pool = context.getBean(PgPool.class);
                    PoolOptions p = pool.getOptions();
                    PgConnectOptions o = p.connectOptions();
                    assertThat(o.hosts().get(0).host()).isEqualTo("h1");
                    assertThat(o.database()).isEqualTo("d");
                    assertThat(o.user()).isEqualTo("u");
                    assertThat(o.password()).isEqualTo("p");
                    assertThat(o.applicationName()).isEqualTo("app1");
                    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(o.commandTimeout()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(o.rewriteBatchedInserts()).isTrue();
                    assertThat(o.cancelGracePeriod()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(o.targetSessionAttrs()).isEqualTo(TargetSessionAttrs.READ_WRITE);
                    assertThat(o.serverSettings()).containsEntry("search_path", "app").containsEntry("TimeZone",
                            "UTC");
                    assertThat(o.sslMode()).isEqualTo(SslMode.DISABLE);
                    assertThat(o.statementCacheSize()).isEqualTo(7);
                    assertThat(o.maxCachedStatementLifetime()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(o.maxCacheableStatementSize()).isEqualTo(2048);
                    assertThat(pool.getName()).isEqualTo("orders");
                    assertThat(p.maxSize()).isEqualTo(5);
                    assertThat(p.minSize()).isEqualTo(1);
                    assertThat(p.maxQueries()).isEqualTo(99);
                    assertThat(p.acquireTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.createTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(p.validationTimeout()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(p.validateAfterIdle()).isZero();
                    assertThat(p.validationQuery()).isEqualTo("SELECT 1");
                    assertThat(p.hookTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(p.maxLifetime()).isEqualTo(Duration.ofMinutes(40));
                    assertThat(p.maxInactiveLifetime()).isEqualTo(Duration.ofSeconds(11));
                    assertThat(p.keepaliveTime()).isZero();
                    assertThat(p.leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(p.maxPendingAcquires()).isEqualTo(12);
                    assertThat(p.createRetryInitialDelay()).isEqualTo(Duration.ofMillis(50));
                    assertThat(p.createRetryMaxDelay()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void applicationNameDefaultsToSpringApplicationName() {
        runner.withPropertyValues("pgasync.host=h", "spring.application.name=orders-service").run(context ->
                assertThat(context.getBean(PgPool.class).getOptions().connectOptions().applicationName())
                        .isEqualTo("orders-service"));
    }

    @Test
    void urlApplicationNameWinsOverSpringApplicationName() {
        runner.withPropertyValues("pgasync.url=postgresql://h/db?application_name=fromurl",
                "spring.application.name=orders-service").run(context ->
                        assertThat(context.getBean(PgPool.class).getOptions().connectOptions().applicationName())
                                .isEqualTo("fromurl"));
    }

    @Test
    void customizersAreApplied() {
        runner.withPropertyValues("pgasync.host=h").withUserConfiguration(Customizers.class).run(context -> {
            PoolOptions p = context.getBean(PgPool.class).getOptions();
            assertThat(p.connectOptions().statementCacheSize()).isZero();
            assertThat(p.maxSize()).isEqualTo(3);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesAPool() {
        runner.withUserConfiguration(UserPool.class).run(context -> {
            assertThat(context).hasSingleBean(PgPool.class);
            assertThat(context.getBean(PgPool.class).getName()).isEqualTo("user-pool");
        });
    }

    @Test
    void connectionDetailsBeanReplacesTheProperties() {
        runner.withPropertyValues("pgasync.host=from-properties").withBean(PgAsyncConnectionDetails.class,
                () -> new PgAsyncConnectionDetails() {
                    @Override
                    public String getUrl() {
                        return "postgresql://svc:pw@container-host:5555/svcdb";
                    }
                }).run(context -> {
                    PgConnectOptions o = context.getBean(PgPool.class).getOptions().connectOptions();
                    assertThat(o.hosts().get(0).host()).isEqualTo("container-host");
                    assertThat(o.hosts().get(0).port()).isEqualTo(5555);
                    assertThat(o.database()).isEqualTo("svcdb");
                });
    }

    @Test
    void switchesOffWithoutTheDriver() {
        runner.withClassLoader(new FilteredClassLoader(PgPool.class)).withPropertyValues("pgasync.host=h")
                .run(context -> assertThat(context).doesNotHaveBean(PgAsyncProperties.class)
                        .doesNotHaveBean("pgPool"));
    }

    @Test
    void closesThePoolWhenTheContextCloses() {
        AtomicReference<PgPool> pool = new AtomicReference<>();
        runner.withPropertyValues("pgasync.host=h").run(context -> pool.set(context.getBean(PgPool.class)));
        assertThat(pool.get().isClosed()).isTrue();
    }

    @Test
    void invalidPoolSettingFailsWithAnExplanationNamingTheProperty() {
        runner.withPropertyValues("pgasync.host=h", "pgasync.pool.min-size=5", "pgasync.pool.max-size=2")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new PgAsyncFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("minSize (5) must not be greater than maxSize (2)");
                    assertThat(analysis.getAction()).contains("pgasync.pool.min-size");
                    assertThat(analysis.getCause()).isInstanceOf(PgConfigurationException.class);
                });
    }

    @Test
    void invalidUrlFailsWithAnExplanationThatNeverShowsThePassword() {
        runner.withPropertyValues("pgasync.url=postgresql://u:S3ntinel-Pw@h/db?sslmode=verify_full").run(context -> {
            FailureAnalysis analysis = new PgAsyncFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("sslmode").doesNotContain("S3ntinel-Pw");
            assertThat(analysis.getAction()).contains("pgasync.ssl.mode");
        });
    }

    @Test
    void failureAnalyzerIgnoresOtherFailures() {
        assertThat(new PgAsyncFailureAnalyzer().analyze(new IllegalStateException("x"))).isNull();
    }

    @Test
    void sanitizingFunctionMasksPasswordsAndUrlCredentials() {
        runner.withPropertyValues("pgasync.host=h").run(context -> {
            SanitizingFunction f = context.getBean("pgAsyncSanitizingFunction", SanitizingFunction.class);
            assertThat(f.apply(new SanitizableData(null, "pgasync.password", "S3ntinel-Pw!")).getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(f.apply(new SanitizableData(null, "pgasync.ssl.key-password", "x")).getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(f.apply(new SanitizableData(null, "PGASYNC_PASSWORD", "x")).getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            Object url = f.apply(new SanitizableData(null, "pgasync.url",
                    "postgresql://u:S3ntinel-Pw!@127.0.0.1/db?password=S3ntinel-Pw!&sslmode=require")).getValue();
            assertThat(url.toString()).doesNotContain("S3ntinel-Pw!").contains("postgresql://u:******@127.0.0.1/db")
                    .contains("sslmode=require");
            assertThat(f.apply(new SanitizableData(null, "server.port", "8080")).getValue()).isEqualTo("8080");
        });
    }

    @Test
    void propertiesToStringHidesThePassword() {
        runner.withPropertyValues("pgasync.url=postgresql://u:S3ntinel-Pw@h/db", "pgasync.password=S3ntinel-Pw")
                .run(context -> assertThat(context.getBean(PgAsyncProperties.class).toString())
                        .doesNotContain("S3ntinel-Pw"));
    }

    @Test
    void noSanitizingFunctionWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class)).withPropertyValues("pgasync.host=h")
                .run(context -> assertThat(context).hasSingleBean(PgPool.class)
                        .doesNotHaveBean(SanitizingFunction.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        @Bean
        PgAsyncConnectOptionsCustomizer noCache() {
            return b -> b.statementCacheSize(0);
        }

        @Bean
        PgAsyncPoolOptionsCustomizer three() {
            return b -> b.maxSize(3).minSize(0);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserPool {
        @Bean
        PgPool userPool() {
            return PgPool.create(PoolOptions.builder().connect("postgresql://h/db").minSize(0).name("user-pool")
                    .build());
        }
    }
}
