package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.exception.PgServerException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code reloadSchemaState()}: in submission order, forgets the introspected types (the connection's codecs built
 * from them, and the type cache, which a pool may share) and every cached prepared statement, closing those on
 * the server. Statements and types are looked up again when next used.
 */
final class SchemaReloadCommand extends Command {

    final CompletableFuture<Void> future = new CompletableFuture<>();
    private PgServerException error;

    @Override
    boolean write(PgConnectionImpl conn) {
        conn.codecs.reload();
        List<StatementCache.Entry> stale = conn.statements.clear();
        conn.statementsCodecVersion = conn.codecs.version();
        ExtendedQueryCommand.closeStatements(conn, stale); // each in its own Sync group: one failing spares the rest
        ByteBuf out = conn.out();
        FrontendMessages.sync(out);
        conn.syncWritten(this);
        return true;
    }

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl conn) {
        if (type == 'E' && error == null) {
            error = conn.readServerError(body); // a statement already gone: nothing to do about it
        }
    }

    @Override
    void onReadyForQuery(PgConnectionImpl conn) {
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        future.complete(null);
    }

    @Override
    boolean fail(Throwable cause) {
        return future.completeExceptionally(cause);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }

    @Override
    boolean cancellable() {
        return false;
    }
}
