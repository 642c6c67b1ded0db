package io.pgasync.benchmarks.jmh;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.Row;
import io.pgasync.SslMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * pgasync's whole client path against the {@link ReplayBackend}: Bind and Execute written, the reply split into
 * frames, DataRows decoded into rows, the caller's future completed. The backend's work is a copy of bytes built
 * beforehand, so the figures (and {@code -prof gc}'s bytes per operation) are the client's: the frame decoder is
 * package-private and has no public entry to feed bytes to directly, so this is how it is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientPathBenchmarks {

    private static final int PIPELINE = 64;

    private ReplayBackend backend;
    private PgConnection conn;

    /** Starts the backend and connects. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        backend = new ReplayBackend();
        conn = PgConnection.connect(PgConnectOptions.builder()
                .host("127.0.0.1").port(backend.port()).user("bench").database("bench")
                .sslMode(SslMode.DISABLE)
                .build()).join();
    }

    /** Disconnects and stops the backend. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        conn.close().join();
        backend.close();
    }

    /**
     * 1,000 rows of 10 mixed-type columns.
     *
     * @return the rows
     */
    @Benchmark
    public List<Row> wideFetch() {
        return conn.fetch(ReplayBackend.WIDE).join();
    }

    /**
     * 1,000 rows of one int4.
     *
     * @return the rows
     */
    @Benchmark
    public List<Row> smallRows() {
        return conn.fetch(ReplayBackend.SMALL).join();
    }

    /**
     * 64 pk-lookups pipelined on the connection; the figure is per lookup.
     *
     * @return the last row
     */
    @Benchmark
    @OperationsPerInvocation(PIPELINE)
    public Row pkLookupPipelined() {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[PIPELINE];
        for (int i = 0; i < PIPELINE; i++) {
            futures[i] = conn.fetchRow(ReplayBackend.PK, 42 + i);
        }
        Object last = null;
        for (CompletableFuture<?> f : futures) {
            last = f.join();
        }
        return (Row) last;
    }
}
