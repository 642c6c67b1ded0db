package io.pgasync.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void workloadsAreSelectedByNameOrPrefixAndDriversByIdOrFamily() {
        Options o = Options.parse(new String[] {"--workloads=pk-lookup,copy-in", "--drivers=vertx,pgasync-conn",
            "--duration=2.5", "--rounds=2", "--markdown"});
        assertThat(o.workloads).containsExactlyInAnyOrder(Workload.PK_LOOKUP_1, Workload.PK_LOOKUP_16,
                Workload.PK_LOOKUP_64, Workload.COPY_IN);
        assertThat(o.drivers).containsExactlyInAnyOrder(DriverId.VERTX, DriverId.VERTX_POOL, DriverId.VERTX_CONN,
                DriverId.PGASYNC_CONN);
        assertThat(o.durationSeconds).isEqualTo(2.5);
        assertThat(o.rounds).isEqualTo(2);
        assertThat(o.markdown).isTrue();
    }

    @Test
    void smokeIsShortAndSmall() {
        Options o = Options.parse(new String[] {"--smoke"});
        assertThat(o.smoke).isTrue();
        assertThat(o.rounds).isEqualTo(1);
        assertThat(o.warmupSeconds).isZero();
        assertThat(o.sizes).isEqualTo(Workload.Sizes.SMOKE);
        assertThat(o.workloads).containsExactlyInAnyOrder(Workload.values());
    }

    @Test
    void unknownNamesAndBadValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--workloads=pk-lokup"}))
                .hasMessageContaining("pk-lokup");
        assertThatThrownBy(() -> Options.parse(new String[] {"--drivers=jooq"})).hasMessageContaining("jooq");
        assertThatThrownBy(() -> Options.parse(new String[] {"--duration=0"})).hasMessageContaining("--duration");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rounds"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--fast"})).hasMessageContaining("--fast");
    }

    @Test
    void everyDriverOfEveryWorkloadIsKnownToTheBaselineRule() {
        for (Workload w : Workload.values()) {
            assertThat(w.drivers).as(w.label)
                    .containsAnyOf(DriverId.VERTX, DriverId.VERTX_CONN, DriverId.PGJDBC);
        }
    }
}
