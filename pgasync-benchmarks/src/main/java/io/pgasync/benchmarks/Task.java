package io.pgasync.benchmarks;

/**
 * One driver's implementation of one workload: either {@link Async} (the operation reports its end to a
 * {@link Chain}) or {@link Blocking} (the operation runs on a worker thread of the harness's fixed pool).
 */
sealed interface Task permits Task.Async, Task.Blocking {

    /**
     * Runs before each measured window, outside the measurement (e.g. emptying the table a batch insert fills).
     *
     * @throws Exception when it fails; the window is then reported as an error
     */
    default void beforeWindow() throws Exception {
    }

    /** Releases what the task holds (statements, connections it opened for itself). */
    default void close() throws Exception {
    }

    /** An asynchronous operation. */
    non-sealed interface Async extends Task {

        /**
         * Starts one operation. The driver code hands {@code chain} to its completion mechanism (it is a
         * {@code BiConsumer} for a {@code CompletableFuture}, a Vert.x {@code Handler<AsyncResult>} and a Reactive
         * Streams {@code Subscriber}).
         *
         * @param chain the load chain that issued it
         */
        void start(Chain chain);

        /**
         * Reads the operation's result (every value of every row), on the thread that completed it, inside the
         * measured latency.
         *
         * @param result what the operation completed with
         * @throws Exception when the result is not what the workload expects
         */
        default void consume(Object result) throws Exception {
        }
    }

    /** A blocking operation. */
    non-sealed interface Blocking extends Task {

        /**
         * Runs one operation to its end, reading every value of every row.
         *
         * @throws Exception when it fails or the result is not what the workload expects
         */
        void run() throws Exception;
    }
}
