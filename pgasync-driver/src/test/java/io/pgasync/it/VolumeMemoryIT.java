package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.CopySink;
import io.pgasync.PgConnection;
import io.pgasync.PgCopyOptions;
import io.pgasync.Row;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Large volumes in a small heap: this class runs in its own JVM with {@code -Xmx64m} (the {@code memory-tests}
 * execution in the driver's pom), so buffering a result or an input whole would fail with OutOfMemoryError.
 */
@PgTest
class VolumeMemoryIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    @Test
    void theHeapIsSmall() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L * 1024 * 1024);
    }

    @Test
    void streamingTenMillionRowsKeepsTheHeapFlat() throws Exception {
        long rows = 10_000_000L;
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] peak = {0};
        conn.cursor(500, "SELECT i, repeat('x', 40) AS pad FROM generate_series(1, $1::bigint) i", rows)
                .subscribe(new Flow.Subscriber<Row>() {
                    Flow.Subscription s;
                    long n;
                    long sum;

                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        s = subscription;
                        s.request(1000);
                    }

                    @Override
                    public void onNext(Row row) {
                        sum += row.getLong(0);
                        if (++n % 1000 == 0) {
                            if (n % 1_000_000 == 0) {
                                peak[0] = Math.max(peak[0], usedHeap());
                            }
                            s.request(1000);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        done.complete(n == rows && sum == rows * (rows + 1) / 2 ? n : -n);
                    }
                });
        assertThat(done.get(5, TimeUnit.MINUTES)).isEqualTo(rows);
        assertThat(peak[0]).isLessThan(56L * 1024 * 1024);
    }

    @Test
    void copyOfAMillionRowsInAndOut() {
        await(conn.execute("DROP TABLE IF EXISTS volume_copy; CREATE TABLE volume_copy (id int, name text)"));
        Iterable<List<?>> million = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 1_000_000;
            }

            @Override
            public List<?> next() {
                i++;
                return List.of(i, "name-" + i);
            }
        };
        CompletableFuture<Long> in = conn.copyRecordsToTable("volume_copy", million, null);
        assertThat(in.orTimeout(5, TimeUnit.MINUTES).join()).isEqualTo(1_000_000L);
        long[] bytes = {0};
        OutputStream slowCounting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
                Thread.onSpinWait();
            }
        };
        CompletableFuture<Long> out = conn.copyFromTable("volume_copy", CopySink.of(slowCounting),
                PgCopyOptions.builder().format(PgCopyOptions.Format.CSV).build());
        assertThat(out.orTimeout(5, TimeUnit.MINUTES).join()).isEqualTo(1_000_000L);
        assertThat(bytes[0]).isGreaterThan(10_000_000L);
        assertThat(await(conn.fetchVal("SELECT sum(id) FROM volume_copy"))).isNotNull();
        await(conn.execute("DROP TABLE volume_copy"));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
