package io.pgasync.internal.protocol;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Daemon threads for the blocking ends of COPY (reading streams and files, writing them, iterating records), so the
 * event loops never block. Threads are created on demand and end after a minute idle.
 */
final class CopyWorkers {

    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new DefaultThreadFactory("pgasync-copy", true));

    private CopyWorkers() {}

    /** The executor for one COPY's blocking work (callers chain their tasks, so they run in order). */
    static Executor serial() {
        return POOL;
    }

    static void run(Runnable task) {
        POOL.execute(task);
    }
}
