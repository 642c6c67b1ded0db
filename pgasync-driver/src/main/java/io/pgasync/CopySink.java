package io.pgasync;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Where the data of a COPY ... TO STDOUT goes. Writes happen off the connection's I/O thread for streams and files;
 * when the sink falls behind, the connection stops reading from the server, so memory stays bounded.
 */
public final class CopySink {

    /** The kinds of sources and sinks. */
    public enum Kind {
        /** A stream. */
        STREAM,
        /** A file. */
        PATH,
        /** An asynchronous consumer. */
        ASYNC
    }

    private final Kind kind;
    private final OutputStream stream;
    private final Path path;
    private final Function<ByteBuffer, ? extends CompletionStage<?>> consumer;

    private CopySink(Kind kind, OutputStream stream, Path path,
            Function<ByteBuffer, ? extends CompletionStage<?>> consumer) {
        this.kind = kind;
        this.stream = stream;
        this.path = path;
        this.consumer = consumer;
    }

    /**
     * Writes to a stream, which the caller keeps and closes.
     *
     * @param out the stream
     * @return the sink
     */
    public static CopySink of(OutputStream out) {
        return new CopySink(Kind.STREAM, Objects.requireNonNull(out, "out"), null, null);
    }

    /**
     * Writes to a file, created or truncated.
     *
     * @param file the file
     * @return the sink
     */
    public static CopySink of(Path file) {
        return new CopySink(Kind.PATH, null, Objects.requireNonNull(file, "file"), null);
    }

    /**
     * Hands each chunk to an asynchronous consumer; the next chunk comes when the returned stage completes. The
     * buffer is valid only until then. Called on the connection's I/O thread: do not block.
     *
     * @param consumer takes a chunk, returns when it has been handled
     * @return the sink
     */
    public static CopySink async(Function<ByteBuffer, ? extends CompletionStage<?>> consumer) {
        return new CopySink(Kind.ASYNC, null, null, Objects.requireNonNull(consumer, "consumer"));
    }

    /**
     * What kind of sink this is.
     *
     * @return it, or null for other kinds
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The stream, for {@link Kind#STREAM}.
     *
     * @return it, or null for other kinds
     */
    public OutputStream stream() {
        return stream;
    }

    /**
     * The file, for {@link Kind#PATH}.
     *
     * @return it, or null for other kinds
     */
    public Path path() {
        return path;
    }

    /**
     * The consumer, for {@link Kind#ASYNC}.
     *
     * @return it, or null for other kinds
     */
    public Function<ByteBuffer, ? extends CompletionStage<?>> consumer() {
        return consumer;
    }
}
