package io.pgasync;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * Where the data of a COPY ... FROM STDIN comes from. It is read as the connection can send it (streams and files
 * on a worker thread, publishers by demand), never buffered whole.
 */
public final class CopySource {

    /** The kinds of sources and sinks. */
    public enum Kind {
        /** A stream. */
        STREAM,
        /** A file. */
        PATH,
        /** A publisher. */
        PUBLISHER
    }

    private final Kind kind;
    private final InputStream stream;
    private final Path path;
    private final Flow.Publisher<ByteBuffer> publisher;

    private CopySource(Kind kind, InputStream stream, Path path, Flow.Publisher<ByteBuffer> publisher) {
        this.kind = kind;
        this.stream = stream;
        this.path = path;
        this.publisher = publisher;
    }

    /**
     * Reads a stream to its end; the caller keeps and closes it.
     *
     * @param in the stream
     * @return the source
     */
    public static CopySource of(InputStream in) {
        return new CopySource(Kind.STREAM, Objects.requireNonNull(in, "in"), null, null);
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the source
     */
    public static CopySource of(Path file) {
        return new CopySource(Kind.PATH, null, Objects.requireNonNull(file, "file"), null);
    }

    /**
     * Takes chunks from a publisher, requesting one at a time as the connection can send them. An error from the
     * publisher aborts the COPY.
     *
     * @param publisher the chunks
     * @return the source
     */
    public static CopySource of(Flow.Publisher<ByteBuffer> publisher) {
        return new CopySource(Kind.PUBLISHER, null, null, Objects.requireNonNull(publisher, "publisher"));
    }

    /**
     * What kind of source this is.
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
    public InputStream stream() {
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
     * The publisher, for {@link Kind#PUBLISHER}.
     *
     * @return it, or null for other kinds
     */
    public Flow.Publisher<ByteBuffer> publisher() {
        return publisher;
    }
}
