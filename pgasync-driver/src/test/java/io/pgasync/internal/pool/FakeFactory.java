package io.pgasync.internal.pool;

import io.pgasync.PgConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** A connection factory for pool unit tests: makes {@link FakeConnection}s, or fails, or holds attempts open. */
final class FakeFactory implements Supplier<CompletionStage<PgConnection>>, AutoCloseable {

    final ExecutorService executor = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "fake-io");
        t.setDaemon(true);
        return t;
    });
    final List<FakeConnection> made = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<PgConnection>> held = new CopyOnWriteArrayList<>();
    volatile RuntimeException failWith;
    /** When set, attempts stay open until the test completes them ({@link #completeHeld()}). */
    volatile boolean hold;

    @Override
    public CompletionStage<PgConnection> get() {
        CompletableFuture<PgConnection> f = new CompletableFuture<>();
        if (hold) {
            held.add(f);
            return f;
        }
        RuntimeException fail = failWith;
        executor.execute(() -> {
            if (fail != null) {
                f.completeExceptionally(fail);
            } else {
                FakeConnection c = new FakeConnection(executor);
                made.add(c);
                f.complete(c);
            }
        });
        return f;
    }

    /** Completes the held attempts with new connections. */
    void completeHeld() {
        for (CompletableFuture<PgConnection> f : held) {
            FakeConnection c = new FakeConnection(executor);
            made.add(c);
            f.complete(c);
        }
        held.clear();
    }

    long open() {
        return made.stream().filter(c -> !c.closed).count();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
