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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A whole DataRow of the wide-fetch table (10 mixed-type columns) decoded into its values the way the driver's
 * row decoder does it (count, then per column its length and its codec), from a direct pooled buffer. The driver's
 * decoder is package-private; this loop is the same work through the public codec SPI, without its error wrapping.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataRowBenchmarks {

    private final Codec<?>[] codecs = new Codec<?>[Values.TYPES.length];
    private ByteBuf row;
    private ByteBuf intRow;

    /** Builds the rows. */
    @Setup(Level.Trial)
    public void setUp() {
        for (int c = 0; c < codecs.length; c++) {
            codecs[c] = Values.codec(c);
        }
        ByteBuf heap = Values.dataRow(4242);
        row = PooledByteBufAllocator.DEFAULT.directBuffer(heap.readableBytes());
        row.writeBytes(heap);
        heap.release();
        intRow = PooledByteBufAllocator.DEFAULT.directBuffer(10);
        intRow.writeShort(1).writeInt(4).writeInt(4242);
    }

    /** Releases the rows. */
    @TearDown(Level.Trial)
    public void tearDown() {
        row.release();
        intRow.release();
    }

    /**
     * The wide row: int4, int8, text, numeric, timestamptz, bool, float8, uuid, jsonb, bytea.
     *
     * @return the values
     */
    @Benchmark
    public Object[] wideRow() {
        return decode(row, codecs);
    }

    /**
     * A one-column int4 row, as in {@code generate_series}.
     *
     * @return the values
     */
    @Benchmark
    public Object[] int4Row() {
        return decode(intRow, codecs);
    }

    private static Object[] decode(ByteBuf body, Codec<?>[] codecs) {
        body.readerIndex(0);
        int count = body.readShort();
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            int length = body.readInt();
            if (length < 0) {
                continue;
            }
            int start = body.readerIndex();
            values[i] = codecs[i].decode(body, length, Format.BINARY, Values.CONTEXT);
            body.readerIndex(start + length);
        }
        return values;
    }
}
