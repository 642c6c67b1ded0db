package io.pgasync.benchmarks;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One closed-loop load chain of an asynchronous workload: it starts an operation, waits for its end, records
 * the latency, and starts the next, until the window's deadline. A workload at concurrency N runs N chains.
 *
 * <p>The chain is the completion callback itself (for a {@code CompletableFuture}, a Vert.x {@code Future} and a
 * Reactive Streams publisher), so the harness adds no allocation per operation. An operation that completes
 * inside {@code start} does not recurse: the loop goes on in the caller.
 */
final class Chain implements BiConsumer<Object, Throwable>, Handler<AsyncResult<Object>>, Subscriber<Object> {

    private static final int IDLE = 0;
    private static final int STARTING = 1;
    private static final int RUNNING = 2;
    private static final int DONE_WHILE_STARTING = 3;

    private final Task.Async task;
    private final long deadline;
    private final CountDownLatch finished;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    final Histogram latencies = new Histogram();
    long operations;
    volatile Throwable error;

    private volatile long startedAt;
    private Object lastItem;

    Chain(Task.Async task, long deadline, CountDownLatch finished) {
        this.task = task;
        this.deadline = deadline;
        this.finished = finished;
    }

    /** Starts operations until one is still running when {@code start} returns, or the deadline has passed. */
    void loop() {
        for (;;) {
            if (error != null || System.nanoTime() >= deadline) {
                finished.countDown();
                return;
            }
            startedAt = System.nanoTime();
            state.set(STARTING);
            try {
                task.start(this);
            } catch (Throwable t) {
                error = t;
                finished.countDown();
                return;
            }
            if (state.compareAndSet(STARTING, RUNNING)) {
                return;     // the completion continues the loop
            }
        }
    }

    private void done(Object result, Throwable failure) {
        Throwable problem = failure;
        if (problem == null) {
            try {
                task.consume(result);
            } catch (Throwable t) {
                problem = t;
            }
        }
        latencies.record(System.nanoTime() - startedAt);
        operations++;
        if (problem != null) {
            error = problem;
        }
        if (state.compareAndSet(STARTING, DONE_WHILE_STARTING)) {
            return;         // loop() is still in start(): it goes on
        }
        loop();
    }

    @Override
    public void accept(Object result, Throwable failure) {
        done(result, failure);
    }

    @Override
    public void handle(AsyncResult<Object> result) {
        done(result.succeeded() ? result.result() : null, result.cause());
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Object item) {
        lastItem = item;
    }

    @Override
    public void onError(Throwable failure) {
        lastItem = null;
        done(null, failure);
    }

    @Override
    public void onComplete() {
        Object item = lastItem;
        lastItem = null;
        done(item, null);
    }
}
