package io.pgasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgConfigurationException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Pool options: defaults, minimums, and errors that name the option. */
class PoolOptionsTest {

    private static PoolOptions.Builder builder() {
        return PoolOptions.builder().connect(PgConnectOptions.builder().host("db.example.com").user("app")
                .password("S3ntinel-Pw!").environment(java.util.Map.of()).build());
    }

    @Test
    void defaultsFollowAsyncpgAndHikariCp() {
        PoolOptions o = builder().build();
        assertThat(o.maxSize()).isEqualTo(10);
        assertThat(o.minSize()).isEqualTo(10);
        assertThat(o.maxQueries()).isEqualTo(50_000);
        assertThat(o.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.createTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.validationTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.validateAfterIdle()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.validationQuery()).isEmpty();
        assertThat(o.hookTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.maxInactiveLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.keepaliveTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.leakDetectionThreshold()).isEqualTo(Duration.ZERO);
        assertThat(o.maxPendingAcquires()).isEqualTo(10_000);
        assertThat(o.createRetryInitialDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.createRetryMaxDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.init()).isNull();
        assertThat(o.setup()).isNull();
        assertThat(o.reset()).isNull();
        assertThat(o.name()).startsWith("pgasync-pool-");
    }

    @Test
    void theMinimumSizeFollowsASmallerMaximum() {
        assertThat(builder().maxSize(4).build().minSize()).isEqualTo(4);
        assertThat(builder().maxSize(40).build().minSize()).isEqualTo(10);
        assertThat(builder().maxSize(40).minSize(0).build().minSize()).isZero();
    }

    @Test
    void theValidationTimeoutDefaultsToTheAcquireTimeoutWhenThatIsShorter() {
        assertThat(builder().acquireTimeout(Duration.ofSeconds(1)).build().validationTimeout())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPoolNeedsAWayToConnectAndOnlyOne() {
        assertThatThrownBy(() -> PoolOptions.builder().build()).isInstanceOf(PgConfigurationException.class)
                .hasMessageContaining("connect(PgConnectOptions)");
        assertThatThrownBy(() -> builder().connectionFactory(() -> CompletableFuture.completedFuture(null)).build())
                .isInstanceOf(PgConfigurationException.class).hasMessageContaining("not both");
    }

    @Test
    void sizesAreChecked() {
        assertError(builder().maxSize(0), "maxSize", "at least 1");
        assertError(builder().minSize(-1), "minSize", "0 or more");
        assertError(builder().maxSize(2).minSize(3), "minSize", "must not be greater than maxSize");
        assertError(builder().maxQueries(-1), "maxQueries", "0 (no limit)");
        assertError(builder().maxPendingAcquires(0), "maxPendingAcquires", "at least 1");
    }

    @Test
    void timeoutsMustBePositiveAndNotBelowTheirMinimum() {
        assertError(builder().acquireTimeout(Duration.ZERO), "acquireTimeout", "must be positive");
        assertError(builder().acquireTimeout(Duration.ofMillis(100)), "acquireTimeout", "at least 250 ms");
        assertError(builder().validationTimeout(Duration.ofMillis(249)), "validationTimeout", "at least 250 ms");
        assertError(builder().hookTimeout(Duration.ofMillis(-1)), "hookTimeout", "must be positive");
        assertError(builder().createTimeout(Duration.ofMillis(10)), "createTimeout", "at least 250 ms");
        assertError(builder().acquireTimeout(Duration.ofSeconds(1)).validationTimeout(Duration.ofSeconds(2)),
                "validationTimeout", "must not be longer than acquireTimeout");
    }

    @Test
    void lifetimesAreOffAtZeroAndOtherwiseNotBelowTheirMinimum() {
        PoolOptions off = builder().maxLifetime(Duration.ZERO).maxInactiveLifetime(Duration.ZERO)
                .keepaliveTime(Duration.ZERO).build();
        assertThat(off.maxLifetime()).isZero();
        assertError(builder().maxLifetime(Duration.ofSeconds(29)), "maxLifetime", "at least 30 s");
        assertError(builder().maxInactiveLifetime(Duration.ofSeconds(9)), "maxInactiveLifetime", "at least 10 s");
        assertError(builder().keepaliveTime(Duration.ofSeconds(10)), "keepaliveTime", "at least 30 s");
        assertError(builder().leakDetectionThreshold(Duration.ofSeconds(1)), "leakDetectionThreshold",
                "at least 2 s");
        assertError(builder().maxLifetime(Duration.ofSeconds(-1)), "maxLifetime", "zero (off) or positive");
    }

    @Test
    void allowShortDurationsLiftsTheMinimumsForTests() {
        PoolOptions o = builder().allowShortDurations(true).acquireTimeout(Duration.ofMillis(50))
                .maxLifetime(Duration.ofMillis(200)).leakDetectionThreshold(Duration.ofMillis(100)).build();
        assertThat(o.acquireTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.maxLifetime()).isEqualTo(Duration.ofMillis(200));
        assertThat(o.leakDetectionThreshold()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.validationTimeout()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void theRetryBackoffIsChecked() {
        assertError(builder().createRetryBackoff(Duration.ofMillis(5), Duration.ofSeconds(1)),
                "createRetryInitialDelay", "at least 10 ms");
        assertError(builder().createRetryBackoff(Duration.ofSeconds(3), Duration.ofSeconds(1)),
                "createRetryMaxDelay", "must not be shorter");
        assertThat(builder().createRetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5)).build()
                .createRetryMaxDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(builder().build().toString()).doesNotContain("S3ntinel-Pw!").contains("maxSize=10");
    }

    @Test
    void toBuilderKeepsEveryOption() {
        PoolOptions o = builder().name("orders").minSize(1).maxSize(3).maxQueries(7)
                .acquireTimeout(Duration.ofSeconds(2)).leakDetectionThreshold(Duration.ofSeconds(3)).build();
        PoolOptions copy = o.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(o.toString());
        assertThat(copy.connectOptions()).isSameAs(o.connectOptions());
    }

    private static void assertError(PoolOptions.Builder builder, String key, String text) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(PgConfigurationException.class,
                e -> assertThat(e.getKey()).isEqualTo(key)).hasMessageContaining(text);
    }
}
