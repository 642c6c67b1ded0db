package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.CommandStatus;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code COPY ... FROM STDIN}: after the server's CopyInResponse a {@link Producer} sends the data as CopyData
 * messages, waiting for the channel to be writable between chunks, so the input is streamed, never held whole. The
 * end is CopyDone, or CopyFail when the source fails; a server error (a bad row) stops the producer and ends the
 * COPY with CopyFail. Either way the server rolls the COPY back and the connection stays usable. Nothing else is
 * written on the connection meanwhile: in copy mode the server would take it for data.
 */
final class CopyInCommand extends Command {

    /** Produces the data of a COPY FROM STDIN; started on the event loop once the server is in copy mode. */
    interface Producer {
        void start(CopyInCommand copy);

        /** Stops producing (server error or connection lost); must not call back. */
        void stop();
    }

    private enum Phase { INIT, WAITING_FOR_COPY_MODE, STREAMING, ENDED }

    final CompletableFuture<Long> future = new CompletableFuture<>();
    private final PgConnectionImpl conn;
    private final String sql;
    private final Producer producer;
    private Phase phase = Phase.INIT;
    private long rows = -1;
    private PgServerException serverError;
    private Throwable sourceError;

    CopyInCommand(PgConnectionImpl conn, String sql, Producer producer) {
        this.conn = conn;
        this.sql = sql;
        this.producer = producer;
    }

    @Override
    boolean write(PgConnectionImpl c) {
        if (phase == Phase.INIT) {
            if (future.isDone()) {
                return true;
            }
            FrontendMessages.query(conn.out(), sql);
            conn.syncWritten(this);
            phase = Phase.WAITING_FOR_COPY_MODE;
            return false;
        }
        return phase == Phase.ENDED; // a barrier until CopyDone or CopyFail is written
    }

    // ---- called by producers, on the event loop ---------------------------------------------------------------

    /** Sends one chunk (taking ownership of it) as a CopyData message. */
    void send(ByteBuf chunk) {
        if (phase != Phase.STREAMING || !conn.channel.isActive()) {
            chunk.release();
            return;
        }
        if (!chunk.isReadable()) {
            chunk.release();
            return;
        }
        conn.flushNow();
        ByteBuf header = conn.channel.alloc().ioBuffer(5);
        header.writeByte('d');
        header.writeInt(4 + chunk.readableBytes());
        conn.channel.write(header, conn.channel.voidPromise());
        conn.channel.writeAndFlush(chunk, conn.channel.voidPromise());
    }

    /** Completes when the connection can take more data (or fails when it closed). */
    CompletableFuture<Void> whenWritable() {
        return conn.whenWritable();
    }

    io.netty.buffer.ByteBufAllocator allocator() {
        return conn.channel.alloc();
    }

    void onLoop(Runnable task) {
        if (conn.loop.inEventLoop()) {
            task.run();
        } else {
            conn.loop.execute(task);
        }
    }

    /** Whether the producer should keep going. */
    boolean active() {
        return phase == Phase.STREAMING;
    }

    void sourceDone() {
        if (phase != Phase.STREAMING) {
            return;
        }
        phase = Phase.ENDED;
        FrontendMessages.copyDone(conn.out());
        conn.pump();
    }

    void sourceFailed(Throwable error) {
        if (phase != Phase.STREAMING) {
            return;
        }
        sourceError = error;
        phase = Phase.ENDED;
        String reason = error instanceof PgClientException ? error.getMessage() : error.toString();
        FrontendMessages.copyFail(conn.out(), "aborted by the client: " + (reason.length() > 500
                ? reason.substring(0, 500) : reason));
        conn.pump();
    }

    // ---- replies ------------------------------------------------------------------------------------------------

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl c) {
        switch (type) {
            case 'G' -> {
                phase = Phase.STREAMING;
                try {
                    producer.start(this);
                } catch (RuntimeException e) {
                    sourceFailed(e);
                }
            }
            case 'C' -> rows = CommandStatus.parse(Wire.readCommandTag(body)).rowCount();
            case 'E' -> {
                if (serverError == null) {
                    serverError = conn.readServerError(body);
                }
                if (phase == Phase.STREAMING) { // a bad row: stop sending; the server waits for our end
                    producer.stop();
                    phase = Phase.ENDED;
                    FrontendMessages.copyFail(conn.out(), "aborted after a server error");
                    conn.pump();
                }
            }
            case 'H', 'd', 'c', 'T', 'D' -> throw new PgProtocolException("copyToTable ran a statement that is not"
                    + " COPY FROM STDIN");
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' during COPY FROM STDIN");
        }
    }

    @Override
    void onReadyForQuery(PgConnectionImpl c) {
        if (phase != Phase.ENDED) { // the COPY failed before copy mode (e.g. no such table)
            phase = Phase.ENDED;
            producer.stop();
        }
        if (sourceError != null) {
            if (serverError != null) {
                sourceError.addSuppressed(serverError);
            }
            future.completeExceptionally(sourceError);
        } else if (serverError != null) {
            future.completeExceptionally(serverError);
        } else {
            future.complete(rows);
        }
    }

    @Override
    boolean fail(Throwable cause) {
        phase = Phase.ENDED;
        producer.stop();
        return future.completeExceptionally(serverError != null ? serverError : cause);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }

    @Override
    boolean cancellable() {
        return false;
    }

    @Override
    String sql() {
        return sql;
    }
}
