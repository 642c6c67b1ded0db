package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import java.util.concurrent.CompletableFuture;

/**
 * One Query message (simple protocol): any number of {@code ;}-separated statements without parameters. Rows are
 * discarded; the result is the status of the last statement. A {@code COPY ... FROM STDIN} inside is refused with
 * CopyFail (COPY has its own API); {@code COPY ... TO STDOUT} output is drained.
 */
final class SimpleQueryCommand extends Command {

    final String sql;
    final CallFuture<String> future = new CallFuture<>();
    private final PgConnectionImpl conn;
    private String status = "";
    private PgServerException error;

    SimpleQueryCommand(String sql, PgConnectionImpl conn) {
        this.sql = sql;
        this.conn = conn;
    }

    @Override
    boolean write(PgConnectionImpl conn) {
        FrontendMessages.query(conn.out(), sql);
        conn.syncWritten(this); // a Query ends with its own ReadyForQuery, like a Sync
        return true;
    }

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl conn) {
        switch (type) {
            case 'T', 'D', 'I', 'H', 'd', 'c' -> {
                // rows, empty query, COPY TO STDOUT data: nothing to keep
            }
            case 'C' -> status = Wire.readCommandTag(body);
            case 'E' -> {
                if (error == null) {
                    error = conn.readServerError(body);
                }
            }
            case 'G' -> {
                FrontendMessages.copyFail(conn.out(), "COPY FROM STDIN is not supported through execute(); use the"
                        + " COPY methods of pgasync");
                conn.pump();
            }
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' in reply to a simple query");
        }
    }

    @Override
    void onReadyForQuery(PgConnectionImpl conn) {
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        if (conn.awaitsQueryLoggers(this)) { // loggers first: they have run once the caller resumes
            conn.queryFinished(this, null, error == null ? status : null, error);
        }
        if (error != null) {
            future.completeExceptionally(error);
        } else {
            future.complete(status);
        }
    }

    @Override
    boolean fail(Throwable cause) {
        Throwable reported = error != null ? error : cause;
        if (conn.awaitsQueryLoggers(this)) {
            conn.queryFinished(this, null, null, reported);
        }
        return future.completeExceptionally(reported);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }

    @Override
    boolean reportsToQueryLoggers() {
        return true;
    }

    @Override
    String sql() {
        return sql;
    }
}
