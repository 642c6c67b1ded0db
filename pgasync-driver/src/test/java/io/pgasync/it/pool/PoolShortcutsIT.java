package io.pgasync.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.CopySink;
import io.pgasync.CopySource;
import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.PoolOptions;
import io.pgasync.Row;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pool's COPY and cursor shortcuts: acquire, run, release, whatever happens. */
@PgTest
class PoolShortcutsIT {

    private static <T> T await(CompletableFuture<T> f) {
        return f.orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Test
    void copyShortcutsRunOnAPooledConnectionAndRelease(PgTestServer server) {
        PgPool pool = PgPool.create(PoolOptions.builder().connect(server.url(server.mainRole()) + "?sslmode=disable")
                .minSize(1).maxSize(2).build());
        try {
            await(pool.execute("DROP TABLE IF EXISTS pool_copy; CREATE TABLE pool_copy (id int, v text)"));
            assertThat(await(pool.copyRecordsToTable("pool_copy", List.of(List.of(1, "a"), List.of(2, "b")), null)))
                    .isEqualTo(2L);
            assertThat(await(pool.copyToTable("pool_copy", CopySource.of(new ByteArrayInputStream(
                    "3\tc\n".getBytes(StandardCharsets.UTF_8))), null))).isEqualTo(1L);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(await(pool.copyFromTable("pool_copy", CopySink.of(out), null))).isEqualTo(3L);
            ByteArrayOutputStream filtered = new ByteArrayOutputStream();
            assertThat(await(pool.copyFromQuery("SELECT v FROM pool_copy WHERE id > $1 ORDER BY id",
                    CopySink.of(filtered), null, 1))).isEqualTo(2L);
            assertThat(filtered.toString(StandardCharsets.UTF_8)).isEqualTo("b\nc\n");
            assertThat(pool.getAcquiredSize()).isZero();
        } finally {
            await(pool.close());
        }
    }

    @Test
    void aPoolCursorStreamsAndReleasesOnCompleteAndOnCancel(PgTestServer server) {
        PgPool pool = PgPool.create(PoolOptions.builder().connect(server.url(server.mainRole()) + "?sslmode=disable")
                .minSize(1).maxSize(1).build());
        try {
            List<Row> rows = new ArrayList<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            pool.cursor(10, "SELECT i FROM generate_series(1, $1) i", 95).subscribe(new Flow.Subscriber<Row>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(Row item) {
                    rows.add(item);
                }

                @Override
                public void onError(Throwable t) {
                    done.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });
            await(done);
            assertThat(rows).hasSize(95);

            CompletableFuture<Void> cancelled = new CompletableFuture<>();
            pool.cursor(5, "SELECT i FROM generate_series(1, 1000000) i").subscribe(new Flow.Subscriber<Row>() {
                Flow.Subscription s;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    s = subscription;
                    s.request(3);
                }

                @Override
                public void onNext(Row item) {
                    if (item.getInteger(0) == 3) {
                        s.cancel();
                        cancelled.complete(null);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    cancelled.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                }
            });
            await(cancelled);
            // the single connection came back: the next acquire succeeds and the session is clean
            PgPooledConnection next = await(pool.acquire());
            assertThat(await(next.fetchVal("SELECT 1"))).isEqualTo(1);
            assertThat(next.isInTransaction()).isFalse();
            next.close();
        } finally {
            await(pool.close());
        }
    }
}
