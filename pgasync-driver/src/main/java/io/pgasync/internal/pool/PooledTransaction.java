package io.pgasync.internal.pool;

import io.pgasync.PgTransaction;
import java.util.concurrent.CompletableFuture;

/**
 * A transaction object made through a pooled connection: it refuses to start, commit or roll back once the lease is
 * over, since the connection may serve someone else by then (the pool's reset rolls back what was left open).
 */
final class PooledTransaction implements PgTransaction {

    private final PooledConnectionImpl owner;
    private final PgTransaction target;

    PooledTransaction(PooledConnectionImpl owner, PgTransaction target) {
        this.owner = owner;
        this.target = target;
    }

    @Override
    public CompletableFuture<Void> start() {
        return owner.admit() ? target.start() : CompletableFuture.failedFuture(owner.releasedException());
    }

    @Override
    public CompletableFuture<Void> commit() {
        return owner.admit() ? target.commit() : CompletableFuture.failedFuture(owner.releasedException());
    }

    @Override
    public CompletableFuture<Void> rollback() {
        return owner.admit() ? target.rollback() : CompletableFuture.failedFuture(owner.releasedException());
    }

    @Override
    public State state() {
        return target.state();
    }

    @Override
    public boolean isNested() {
        return target.isNested();
    }
}
