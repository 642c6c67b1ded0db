package io.pgasync.internal.protocol;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The future a caller gets for a command: cancelling it abandons the command (and asks the server to cancel it),
 * without the cost of a completion callback on every call.
 *
 * @param <T> the result type
 */
final class CallFuture<T> extends CompletableFuture<T> {

    private volatile PgConnectionImpl conn;
    private volatile Command command;

    /** Binds the future to the command it reports on; until then a cancel only completes the future. */
    void bind(PgConnectionImpl conn, Command command) {
        this.conn = conn;
        this.command = command;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        PgConnectionImpl c = conn;
        Command cmd = command;
        if (cancelled && c != null && cmd != null) {
            CancellationException reason = new CancellationException("cancelled by the caller");
            if (c.loop.inEventLoop()) {
                c.abandon(cmd, reason);
            } else {
                c.loop.execute(() -> c.abandon(cmd, reason));
            }
        }
        return cancelled;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>(); // derived stages are plain futures: cancelling them cancels nothing here
    }
}
