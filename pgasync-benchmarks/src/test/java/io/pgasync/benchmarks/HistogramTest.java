package io.pgasync.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistogramTest {

    @Test
    void percentilesOfAUniformSpreadAreWithinTheBucketPrecision() {
        Histogram h = new Histogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1_000);           // 1 us .. 100 ms
        }
        assertThat(h.count()).isEqualTo(100_000);
        assertThat((double) h.percentile(50)).isCloseTo(50_000_000, within(50_000_000 * 0.035));
        assertThat((double) h.percentile(99)).isCloseTo(99_000_000, within(99_000_000 * 0.035));
        assertThat(h.percentile(100)).isLessThanOrEqualTo(100_000_000);
    }

    @Test
    void smallValuesAreExact() {
        Histogram h = new Histogram();
        h.record(3);
        h.record(7);
        h.record(7);
        assertThat(h.percentile(1)).isEqualTo(3);
        assertThat(h.percentile(50)).isEqualTo(7);
    }

    @Test
    void bucketsAreContiguousAndIncreasing() {
        long previous = -1;
        for (long v : new long[] {0, 1, 63, 64, 65, 127, 128, 1_000, 1L << 20, 123_456_789, Long.MAX_VALUE}) {
            int index = Histogram.index(v);
            assertThat(Histogram.lowerBound(index)).isLessThanOrEqualTo(v);
            assertThat(index).isGreaterThanOrEqualTo((int) Math.max(previous, 0));
            previous = index;
        }
    }

    @Test
    void mergingAddsCounts() {
        Histogram a = new Histogram();
        Histogram b = new Histogram();
        a.record(1_000);
        b.record(2_000_000);
        b.record(2_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat((double) a.percentile(50)).isCloseTo(2_000_000, within(2_000_000 * 0.035));
        assertThat(new Histogram().percentile(50)).isZero();
    }
}
