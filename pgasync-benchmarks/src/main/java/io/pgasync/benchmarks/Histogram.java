package io.pgasync.benchmarks;

/**
 * A latency histogram in nanoseconds with log-linear buckets (32 per power of two, so a reported percentile is
 * within about 3% of the true value). Not thread-safe: each load chain records into its own, and the windows'
 * histograms are merged when a window ends.
 */
final class Histogram {

    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final int LINEAR = 2 * SUB;
    private static final int BUCKETS = LINEAR + (64 - (SUB_BITS + 1)) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        if (v > max) {
            max = v;
        }
    }

    void add(Histogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    /**
     * The value at a percentile.
     *
     * @param percentile 0 to 100
     * @return nanoseconds (the middle of the bucket it falls in), or 0 when nothing was recorded
     */
    long percentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, middle(i));
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);          // >= SUB_BITS + 1
        int sub = (int) (v >>> (exponent - SUB_BITS)) & (SUB - 1);
        return LINEAR + (exponent - (SUB_BITS + 1)) * SUB + sub;
    }

    static long lowerBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB + SUB_BITS + 1;
        int sub = (index - LINEAR) % SUB;
        return (1L << exponent) | ((long) sub << (exponent - SUB_BITS));
    }

    private static long middle(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB + SUB_BITS + 1;
        return lowerBound(index) + (1L << (exponent - SUB_BITS)) / 2;
    }
}
