package io.pgasync.benchmarks;

import java.util.concurrent.ThreadLocalRandom;

/**
 * One client under test: it holds its connections for the whole run and gives a {@link Task} for each workload it
 * can run.
 */
abstract class Driver implements AutoCloseable {

    /** Incremented by every value read, so no read can be optimised away; checked against the expected counts. */
    static long values;

    final DriverId id;

    Driver(DriverId id) {
        this.id = id;
    }

    /**
     * The driver's implementation of a workload.
     *
     * @param workload the workload
     * @param run the run's server and sizes
     * @return the task, or null when the driver has no API for it
     * @throws Exception when the driver cannot prepare it
     */
    abstract Task task(Workload workload, Run run) throws Exception;

    @Override
    public abstract void close();

    /** A random account id for pk-lookup. */
    static int randomAccount() {
        return 1 + ThreadLocalRandom.current().nextInt(Dataset.ACCOUNTS);
    }

    /** Counts a value read; a null where the data has none is an error. */
    static void read(Object value) {
        if (value == null) {
            throw new IllegalStateException("a value the benchmark data never has null came back null");
        }
        values++;
    }

    static void expect(long expected, long actual, String what) {
        if (expected != actual) {
            throw new IllegalStateException("expected " + expected + " " + what + ", got " + actual);
        }
    }

    /** What a driver needs to know of the run. */
    record Run(Server server, Workload.Sizes sizes) {
    }
}
