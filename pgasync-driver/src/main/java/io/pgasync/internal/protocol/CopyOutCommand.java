package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.CommandStatus;
import io.pgasync.CopySink;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code COPY ... TO STDOUT}: every CopyData chunk goes to the sink. Streams and files are written by a worker,
 * one chunk after another; when more than {@link #HIGH_WATER} bytes wait, the connection stops reading from the
 * server until the worker is down to {@link #LOW_WATER}, so a slow sink never fills the heap. An asynchronous sink
 * gets one chunk at a time, reading paused while its stage is pending. A sink that fails stops the server with a
 * CancelRequest; the connection stays usable.
 */
final class CopyOutCommand extends Command {

    static final long HIGH_WATER = 1 << 20;
    static final long LOW_WATER = 256 << 10;

    final CompletableFuture<Long> future = new CompletableFuture<>();
    private final PgConnectionImpl conn;
    private final String sql;
    private final CopySink sink;
    private final Executor writer;
    private OutputStream stream;
    private boolean ownsStream;
    private long pendingBytes;
    private volatile boolean paused;
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);
    private long rows = -1;
    private PgServerException serverError;
    private Throwable sinkError;

    CopyOutCommand(PgConnectionImpl conn, String sql, CopySink sink) {
        this.conn = conn;
        this.sql = sql;
        this.sink = sink;
        this.writer = CopyWorkers.serial();
    }

    @Override
    boolean write(PgConnectionImpl c) {
        if (future.isDone()) {
            return true;
        }
        try {
            if (sink.kind() == CopySink.Kind.STREAM) {
                stream = sink.stream();
            } else if (sink.kind() == CopySink.Kind.PATH) {
                stream = Files.newOutputStream(sink.path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                ownsStream = true;
            }
        } catch (IOException e) {
            future.completeExceptionally(new PgClientException("Could not open " + sink.path() + " for the COPY: "
                    + e.getMessage(), e));
            return true;
        }
        FrontendMessages.query(conn.out(), sql);
        conn.syncWritten(this);
        return true;
    }

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl c) {
        switch (type) {
            case 'H', 'c' -> {
                // CopyOutResponse, CopyDone
            }
            case 'd' -> onData(body);
            case 'C' -> rows = CommandStatus.parse(Wire.readCommandTag(body)).rowCount();
            case 'E' -> {
                if (serverError == null) {
                    serverError = conn.readServerError(body);
                }
            }
            case 'T', 'D' -> throw new PgProtocolException("copyFromQuery ran a statement that returns rows instead of"
                    + " COPY");
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' during COPY TO STDOUT");
        }
    }

    private void onData(ByteBuf body) {
        if (sinkError != null) {
            return;
        }
        byte[] chunk = new byte[body.readableBytes()];
        body.readBytes(chunk);
        if (sink.kind() == CopySink.Kind.ASYNC) {
            CompletionStage<?> stage;
            try {
                stage = sink.consumer().apply(ByteBuffer.wrap(chunk));
            } catch (RuntimeException e) {
                sinkFailed(e);
                return;
            }
            CompletableFuture<?> done = stage == null ? CompletableFuture.completedFuture(null)
                    : stage.toCompletableFuture();
            if (!done.isDone()) {
                pause();
                lastWrite = done.handleAsync((r, e) -> {
                    if (e != null) {
                        sinkFailed(Connector.unwrap(e));
                    }
                    resume();
                    return null;
                }, conn.loop);
            } else if (done.isCompletedExceptionally()) {
                sinkFailed(PgConnectionImpl.unwrapFailure(done));
            }
            return;
        }
        append(chunk);
    }

    // ---- stream and file sinks: rows gathered into chunks, written by one worker task at a time ----------------

    private static final int CHUNK = 64 * 1024;
    private final Object lock = new Object();
    private final java.util.ArrayDeque<byte[]> queue = new java.util.ArrayDeque<>();
    private byte[] current = new byte[CHUNK];
    private int used;
    private boolean writerRunning;
    private CompletableFuture<Void> writerIdle = CompletableFuture.completedFuture(null);

    /** Event loop: adds a row's bytes to the current chunk; full chunks go to the writer. */
    private void append(byte[] row) {
        if (row.length > CHUNK - used) {
            enqueueCurrent();
        }
        if (row.length > CHUNK) {
            enqueue(row);
            return;
        }
        System.arraycopy(row, 0, current, used, row.length);
        used += row.length;
    }

    private void enqueueCurrent() {
        if (used > 0) {
            byte[] chunk = used == CHUNK ? current : java.util.Arrays.copyOf(current, used);
            current = new byte[CHUNK];
            used = 0;
            enqueue(chunk);
        }
    }

    private void enqueue(byte[] chunk) {
        boolean start = false;
        synchronized (lock) {
            queue.add(chunk);
            pendingBytes += chunk.length;
            if (pendingBytes > HIGH_WATER) {
                pause();
            }
            if (!writerRunning) {
                writerRunning = true;
                writerIdle = new CompletableFuture<>();
                start = true;
            }
        }
        if (start) {
            writer.execute(this::drainQueue);
        }
    }

    /** Worker: writes queued chunks until the queue is empty. */
    private void drainQueue() {
        while (true) {
            byte[] chunk;
            CompletableFuture<Void> idle = null;
            synchronized (lock) {
                chunk = queue.poll();
                if (chunk == null) {
                    writerRunning = false;
                    idle = writerIdle;
                }
            }
            if (chunk == null) {
                idle.complete(null);
                return;
            }
            try {
                if (sinkError == null) {
                    stream.write(chunk);
                }
            } catch (IOException e) {
                conn.loop.execute(() -> sinkFailed(e));
            }
            boolean resume;
            synchronized (lock) {
                pendingBytes -= chunk.length;
                resume = paused && pendingBytes < LOW_WATER;
            }
            if (resume) {
                conn.loop.execute(this::resume);
            }
        }
    }

    private void pause() {
        if (!paused) {
            paused = true;
            conn.channel.config().setAutoRead(false);
        }
    }

    /** Event loop: reading from the server resumes. */
    private void resume() {
        if (paused) {
            paused = false;
            conn.channel.config().setAutoRead(true);
        }
    }

    private void sinkFailed(Throwable e) {
        if (sinkError == null) {
            sinkError = e;
            resume();
            conn.requestCancel(this); // stop the server sending the rest
        }
    }

    @Override
    void onReadyForQuery(PgConnectionImpl c) {
        if (sink.kind() != CopySink.Kind.ASYNC) {
            enqueueCurrent();
            CompletableFuture<Void> idle;
            synchronized (lock) {
                idle = writerIdle;
            }
            lastWrite = idle;
        }
        resume();
        lastWrite.whenCompleteAsync((r, e) -> {
            Throwable closeError = null;
            try {
                if (stream != null) {
                    stream.flush();
                    if (ownsStream) {
                        stream.close();
                    }
                }
            } catch (IOException io) {
                closeError = io;
            }
            Throwable failure = sinkError != null ? sinkError : serverError != null ? serverError : closeError;
            if (failure != null) {
                future.completeExceptionally(failure instanceof PgServerException || failure instanceof PgClientException
                        ? failure : new PgClientException("The COPY sink failed: " + failure, failure));
            } else {
                future.complete(rows);
            }
        }, writer);
    }

    @Override
    boolean fail(Throwable cause) {
        resume();
        if (ownsStream && stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the failure reported is the connection's
            }
        }
        return future.completeExceptionally(serverError != null ? serverError : cause);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }

    @Override
    String sql() {
        return sql;
    }
}
