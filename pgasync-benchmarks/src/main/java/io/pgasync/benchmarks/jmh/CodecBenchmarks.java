package io.pgasync.benchmarks.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One value decoded from, and one parameter encoded to, its binary form, for each of the wide-fetch column types,
 * through the public codec SPI and the built-in registry: the per-value work of DataRow decoding and of Bind.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmarks {

    /** The column type. */
    @Param({"int4", "int8", "text", "numeric", "timestamptz", "bool", "float8", "uuid", "jsonb", "bytea"})
    public String type;

    private Codec<?> codec;
    private Object value;
    private ByteBuf encoded;
    private int length;
    private ByteBuf out;

    /** Encodes the sample value once, in a direct pooled buffer like the ones the driver reads from. */
    @Setup(Level.Trial)
    public void setUp() {
        int column = Values.index(type);
        codec = Values.codec(column);
        value = Values.sample(column, 4242);
        ByteBuf heap = Values.encode(column, value);
        length = heap.readableBytes();
        encoded = PooledByteBufAllocator.DEFAULT.directBuffer(length);
        encoded.writeBytes(heap);
        heap.release();
        out = PooledByteBufAllocator.DEFAULT.directBuffer(256);
    }

    /** Releases the buffers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        encoded.release();
        out.release();
    }

    /**
     * Decodes the value (binary).
     *
     * @return the value
     */
    @Benchmark
    public Object decode() {
        encoded.readerIndex(0);
        return codec.decode(encoded, length, Format.BINARY, Values.CONTEXT);
    }

    /**
     * Encodes the value as a parameter (binary).
     *
     * @return the buffer's size, so the write is used
     */
    @Benchmark
    public int encode() {
        out.clear();
        codec.encode(value, Format.BINARY, out, Values.CONTEXT);
        return out.writerIndex();
    }
}
