package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Closes a prepared statement the cache no longer holds (evicted, expired, stale). Written straight into the
 * output buffer, never queued: nothing waits for it, and an error (the statement is already gone) is ignored.
 */
final class CloseStatementCommand extends Command {

    private final String name;
    private boolean done;
    /** Completed when the server has closed it (for explicit prepared statements). */
    final java.util.concurrent.CompletableFuture<Void> future = new java.util.concurrent.CompletableFuture<>();

    CloseStatementCommand(String name) {
        this.name = name;
    }

    @Override
    boolean write(PgConnectionImpl conn) {
        ByteBuf out = conn.out();
        FrontendMessages.closeStatement(out, name);
        FrontendMessages.sync(out);
        conn.syncWritten(this);
        started = true;
        return true;
    }

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl conn) {
        // CloseComplete, or an error if the statement no longer exists: either way it is gone
    }

    @Override
    void onReadyForQuery(PgConnectionImpl conn) {
        done = true;
        future.complete(null);
    }

    @Override
    boolean fail(Throwable cause) {
        done = true;
        future.complete(null); // the session is gone, and the statement with it
        return false;
    }

    @Override
    boolean isDone() {
        return done;
    }

    @Override
    boolean cancellable() {
        return false;
    }
}
