package io.pgasync.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one measured window: a task at a concurrency for a fixed time, closed loop (each of the N chains or worker
 * threads starts its next operation when the previous one ends), reading the process's CPU time and the bytes
 * allocated around it.
 */
final class Runner {

    /** The fixed pool blocking drivers run on, created once so its threads' counters live for the whole run. */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(64, new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "bench-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private Runner() {
    }

    /** The figures of one window (or the sum of several). */
    static final class Result {
        long operations;
        long elapsedNanos;
        long cpuNanos;
        long allocatedBytes;
        long peakHeapBytes = -1;
        final Histogram latencies = new Histogram();
        Throwable error;

        void add(Result other) {
            operations += other.operations;
            elapsedNanos += other.elapsedNanos;
            cpuNanos += other.cpuNanos;
            allocatedBytes += other.allocatedBytes;
            peakHeapBytes = Math.max(peakHeapBytes, other.peakHeapBytes);
            latencies.add(other.latencies);
            if (error == null) {
                error = other.error;
            }
        }
    }

    /**
     * Runs a window.
     *
     * @param task the driver's task
     * @param concurrency chains (or worker threads)
     * @param durationNanos how long new operations are started
     * @param measureHeap whether to track the peak heap (a full GC before the window gives the baseline)
     * @return the window's figures; {@code error} set when an operation failed
     */
    static Result window(Task task, int concurrency, long durationNanos, boolean measureHeap)
            throws InterruptedException {
        Result result = new Result();
        try {
            task.beforeWindow();
        } catch (Exception e) {
            result.error = e;
            return result;
        }
        long baseline = measureHeap ? Resources.baselineHeap() : 0;
        if (measureHeap) {
            Resources.resetPeak();
        }
        CountDownLatch finished = new CountDownLatch(concurrency);
        Resources.Reading before = Resources.read();
        long start = System.nanoTime();
        long deadline = start + durationNanos;
        List<Chain> chains = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        if (task instanceof Task.Async async) {
            for (int i = 0; i < concurrency; i++) {
                chains.add(new Chain(async, deadline, finished));
            }
            for (Chain chain : chains) {
                chain.loop();
            }
        } else {
            for (int i = 0; i < concurrency; i++) {
                Worker worker = new Worker((Task.Blocking) task, deadline, finished);
                workers.add(worker);
                WORKERS.execute(worker);
            }
        }
        // a bounded wait: an operation that never completes is an error, not a hang
        long limit = Math.max(TimeUnit.SECONDS.toNanos(120), 4 * durationNanos);
        if (!finished.await(limit, TimeUnit.NANOSECONDS)) {
            result.error = new IllegalStateException("operations still running " + limit / 1_000_000_000
                    + " s after the window's end");
        }
        result.elapsedNanos = System.nanoTime() - start;
        Resources.Reading after = Resources.read();
        result.cpuNanos = Resources.cpu(before, after);
        result.allocatedBytes = Resources.allocated(before, after);
        if (measureHeap) {
            result.peakHeapBytes = Math.max(0, Resources.peakAfterGc() - baseline);
        }
        for (Chain chain : chains) {
            result.operations += chain.operations;
            result.latencies.add(chain.latencies);
            if (result.error == null) {
                result.error = chain.error;
            }
        }
        for (Worker worker : workers) {
            result.operations += worker.operations;
            result.latencies.add(worker.latencies);
            if (result.error == null) {
                result.error = worker.error;
            }
        }
        return result;
    }

    /** One worker thread of a blocking workload. */
    private static final class Worker implements Runnable {
        private final Task.Blocking task;
        private final long deadline;
        private final CountDownLatch finished;
        final Histogram latencies = new Histogram();
        long operations;
        Throwable error;

        Worker(Task.Blocking task, long deadline, CountDownLatch finished) {
            this.task = task;
            this.deadline = deadline;
            this.finished = finished;
        }

        @Override
        public void run() {
            try {
                long now;
                while ((now = System.nanoTime()) < deadline) {
                    task.run();
                    latencies.record(System.nanoTime() - now);
                    operations++;
                }
            } catch (Throwable t) {
                error = t;
            } finally {
                finished.countDown();
            }
        }
    }
}
