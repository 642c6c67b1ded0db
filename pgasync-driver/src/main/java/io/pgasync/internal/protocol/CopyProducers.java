package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * The data sources of COPY FROM STDIN. Blocking sources (streams, files, iterables) run on a {@link CopyWorkers}
 * thread that hands each chunk to the event loop and waits until the channel is writable again before producing
 * the next; publishers are asked for one item at a time, the next once the channel is writable. Chunks are
 * {@value #CHUNK} bytes at most.
 */
final class CopyProducers {

    static final int CHUNK = 64 * 1024;

    private CopyProducers() {}

    /** A stream or file, read on a worker thread. */
    static CopyInCommand.Producer stream(Supplier<InputStream> opener, boolean close, String what) {
        return new BlockingProducer() {
            @Override
            void produce(CopyInCommand copy) throws Exception {
                InputStream in;
                try {
                    in = opener.get();
                } catch (RuntimeException e) {
                    throw new PgClientException("Could not open " + what + " for the COPY: " + e.getMessage(), e);
                }
                try {
                    byte[] buffer = new byte[CHUNK];
                    while (!stopped) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            break;
                        }
                        if (n > 0) {
                            ByteBuf chunk = copy.allocator().buffer(n);
                            chunk.writeBytes(buffer, 0, n);
                            handOver(copy, chunk);
                        }
                    }
                } finally {
                    if (close) {
                        in.close();
                    }
                }
            }
        };
    }

    static CopyInCommand.Producer file(Path path) {
        return stream(() -> {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, true, path.toString());
    }

    /** Binary COPY of records from an iterable, encoded with the column types' binary codecs on a worker thread. */
    static CopyInCommand.Producer records(Iterable<? extends List<?>> records, BinaryCopyEncoder encoder) {
        return new BlockingProducer() {
            @Override
            void produce(CopyInCommand copy) throws Exception {
                ByteBuf chunk = copy.allocator().buffer(CHUNK + 1024);
                try {
                    encoder.header(chunk);
                    Iterator<? extends List<?>> it = records.iterator();
                    long index = 0;
                    while (!stopped && it.hasNext()) {
                        encoder.record(chunk, it.next(), index++);
                        if (chunk.readableBytes() >= CHUNK) {
                            ByteBuf full = chunk;
                            chunk = null;
                            handOver(copy, full);
                            chunk = copy.allocator().buffer(CHUNK + 1024);
                        }
                    }
                    encoder.trailer(chunk);
                    ByteBuf last = chunk;
                    chunk = null;
                    handOver(copy, last);
                } finally {
                    if (chunk != null) {
                        chunk.release();
                    }
                }
            }
        };
    }

    /** Chunks from a publisher. */
    static CopyInCommand.Producer publisher(Flow.Publisher<ByteBuffer> publisher) {
        return new PublisherProducer<ByteBuffer>(publisher) {
            @Override
            ByteBuf encode(CopyInCommand copy, ByteBuffer item) {
                ByteBuf chunk = copy.allocator().buffer(item.remaining());
                chunk.writeBytes(item.duplicate());
                return chunk;
            }
        };
    }

    /** Binary COPY of records from a publisher. */
    static CopyInCommand.Producer records(Flow.Publisher<? extends List<?>> records, BinaryCopyEncoder encoder) {
        return new PublisherProducer<List<?>>(records) {
            private long index;
            private boolean headerWritten;

            @Override
            ByteBuf encode(CopyInCommand copy, List<?> item) {
                ByteBuf chunk = copy.allocator().buffer(256);
                try {
                    if (!headerWritten) {
                        encoder.header(chunk);
                        headerWritten = true;
                    }
                    encoder.record(chunk, item, index++);
                    return chunk;
                } catch (RuntimeException e) {
                    chunk.release();
                    throw e;
                }
            }

            @Override
            ByteBuf end(CopyInCommand copy) {
                ByteBuf chunk = copy.allocator().buffer(32);
                if (!headerWritten) {
                    encoder.header(chunk);
                }
                encoder.trailer(chunk);
                return chunk;
            }
        };
    }

    /** Runs a blocking producer on a worker thread, handing chunks to the event loop with back-pressure. */
    private abstract static class BlockingProducer implements CopyInCommand.Producer {
        volatile boolean stopped;

        abstract void produce(CopyInCommand copy) throws Exception;

        @Override
        public void start(CopyInCommand copy) {
            CopyWorkers.run(() -> {
                try {
                    produce(copy);
                    if (!stopped) {
                        copy.onLoop(copy::sourceDone);
                    }
                } catch (Throwable e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    if (!stopped) {
                        copy.onLoop(() -> copy.sourceFailed(cause));
                    }
                }
            });
        }

        /** Hands a chunk to the event loop and waits until the connection can take more. */
        void handOver(CopyInCommand copy, ByteBuf chunk) throws Exception {
            CompletableFuture<Void> writable = new CompletableFuture<>();
            copy.onLoop(() -> {
                copy.send(chunk);
                copy.whenWritable().whenComplete((v, e) -> {
                    if (e != null) {
                        writable.completeExceptionally(e);
                    } else {
                        writable.complete(null);
                    }
                });
            });
            writable.get();
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    /** Subscribes to a publisher and requests one item at a time, as the channel allows. */
    private abstract static class PublisherProducer<T> implements CopyInCommand.Producer, Flow.Subscriber<T> {
        private final Flow.Publisher<? extends T> publisher;
        private volatile Flow.Subscription subscription;
        private volatile boolean stopped;
        private CopyInCommand copy;

        PublisherProducer(Flow.Publisher<? extends T> publisher) {
            this.publisher = publisher;
        }

        abstract ByteBuf encode(CopyInCommand copy, T item);

        ByteBuf end(CopyInCommand copy) {
            return null;
        }

        @Override
        public void start(CopyInCommand copy) {
            this.copy = copy;
            publisher.subscribe(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (stopped) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(T item) {
            if (stopped) {
                return;
            }
            ByteBuf chunk;
            try {
                chunk = encode(copy, item);
            } catch (RuntimeException e) {
                stopped = true;
                subscription.cancel();
                copy.onLoop(() -> copy.sourceFailed(e));
                return;
            }
            copy.onLoop(() -> {
                copy.send(chunk);
                copy.whenWritable().whenComplete((v, e) -> {
                    if (e == null && !stopped) {
                        subscription.request(1);
                    }
                });
            });
        }

        @Override
        public void onError(Throwable t) {
            if (!stopped) {
                stopped = true;
                copy.onLoop(() -> copy.sourceFailed(t));
            }
        }

        @Override
        public void onComplete() {
            if (stopped) {
                return;
            }
            copy.onLoop(() -> {
                ByteBuf last = end(copy);
                if (last != null) {
                    copy.send(last);
                }
                copy.sourceDone();
            });
        }

        @Override
        public void stop() {
            stopped = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /**
     * PostgreSQL's binary COPY format: signature, flags, header extension, then per record a field count and each
     * field as length + binary value (-1 for NULL), then -1 as the trailer.
     */
    static final class BinaryCopyEncoder {
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

        private final int[] types;
        private final List<String> columns;
        private final PgConnectionImpl conn;

        BinaryCopyEncoder(int[] types, List<String> columns, PgConnectionImpl conn) {
            this.types = types;
            this.columns = columns;
            this.conn = conn;
        }

        void header(ByteBuf out) {
            out.writeBytes(SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
        }

        void trailer(ByteBuf out) {
            out.writeShort(-1);
        }

        void record(ByteBuf out, List<?> values, long index) {
            if (values.size() != types.length) {
                throw new PgParameterException("Record " + index + " has " + values.size() + " values, but the COPY"
                        + " has " + types.length + " columns " + columns, 0, null);
            }
            int start = out.writerIndex();
            out.writeShort(types.length);
            for (int i = 0; i < types.length; i++) {
                Object value = values.get(i);
                if (value == null) {
                    out.writeInt(-1);
                    continue;
                }
                Codec<?> codec = conn.codecs.encoderFor(types[i], value);
                if (codec == null || !codec.supportsBinary()
                        || conn.codecs.parameterFormat(codec, value) != Format.BINARY) {
                    out.writerIndex(start);
                    throw new PgParameterException("Record " + index + ", column \"" + columns.get(i) + "\" ("
                            + BindWriter.typeName(conn, types[i]) + "): a " + value.getClass().getName()
                            + " cannot be written in binary COPY; pass the column type's Java type (see"
                            + " docs/types.md)", i + 1, null);
                }
                int lengthAt = out.writerIndex();
                out.writeInt(0);
                try {
                    codec.encode(value, Format.BINARY, out, conn.codecContext);
                } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
                    out.writerIndex(start);
                    throw new PgParameterException("Record " + index + ", column \"" + columns.get(i) + "\" ("
                            + BindWriter.typeName(conn, types[i]) + "): " + e.getMessage(), i + 1, e);
                }
                out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
            }
        }
    }
}
