package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.PgCursor;
import io.pgasync.PgPreparedStatement;
import io.pgasync.Row;
import io.pgasync.exception.DivisionByZeroException;
import io.pgasync.exception.PgClientException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class CursorIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    private static int rowsIn(List<Row> rows) {
        return rows.size();
    }

    @Test
    void streamsOutsideATransactionWithBackpressure() {
        FlowSupport.Collector<Row> collector = new FlowSupport.Collector<>(7);
        conn.cursor(10, "SELECT i FROM generate_series(1, $1) i", 1000).subscribe(collector);
        List<Row> rows = await(collector.done);
        assertThat(rowsIn(rows)).isEqualTo(1000);
        assertThat(rows.get(999).getInteger(0)).isEqualTo(1000);
        assertThat(conn.isInTransaction()).isFalse();
        assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
    }

    @Test
    void callsQueuedDuringAStreamRunAfterIt() {
        FlowSupport.Collector<Row> collector = new FlowSupport.Collector<>(100);
        conn.cursor(50, "SELECT i FROM generate_series(1, 2000) i").subscribe(collector);
        CompletableFuture<Object> after = conn.fetchVal("SELECT 'after'");
        assertThat(await(collector.done)).hasSize(2000);
        assertThat(await(after)).isEqualTo("after");
    }

    @Test
    void streamsInsideATransactionInterleavedWithOtherCalls() {
        await(conn.transaction(tx -> {
            FlowSupport.Collector<Row> collector = new FlowSupport.Collector<>(5,
                    row -> tx.fetchVal("SELECT $1::int", row.getInteger(0))); // another call between batches
            tx.cursor(5, "SELECT i FROM generate_series(1, 100) i").subscribe(collector);
            return collector.done.thenApply(rows -> {
                assertThat(rows).hasSize(100);
                return null;
            });
        }));
    }

    @Test
    void cancellingTheSubscriptionClosesThePortalAndFreesTheConnection() {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Flow.Subscriber<Row> subscriber = new Flow.Subscriber<>() {
            Flow.Subscription s;
            int n;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                s = subscription;
                s.request(10);
            }

            @Override
            public void onNext(Row item) {
                if (++n == 10) {
                    s.cancel();
                    cancelled.complete(null);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                cancelled.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                cancelled.completeExceptionally(new AssertionError("completed after cancel"));
            }
        };
        conn.cursor(3, "SELECT i FROM generate_series(1, 1000000) i").subscribe(subscriber);
        await(cancelled);
        assertThat(await(conn.fetchVal("SELECT 'free'"))).isEqualTo("free");
        assertThat(conn.isInTransaction()).isFalse();
    }

    @Test
    void anErrorMidStreamIsSignalledAndTheConnectionRecovers() {
        FlowSupport.Collector<Row> collector = new FlowSupport.Collector<>(10);
        conn.cursor(5, "SELECT 10 / (50 - i) FROM generate_series(1, 100) i").subscribe(collector);
        assertThat(failure(collector.done)).isInstanceOf(DivisionByZeroException.class);
        assertThat(collector.items).hasSizeLessThan(50);
        assertThat(await(conn.fetchVal("SELECT 2"))).isEqualTo(2);
    }

    @Test
    void preparedStatementsStreamToo() {
        PgPreparedStatement<Row> ps = await(conn.prepare("SELECT i FROM generate_series(1, $1) i"));
        FlowSupport.Collector<Row> collector = new FlowSupport.Collector<>(3);
        ps.cursor(4, 25).subscribe(collector);
        assertThat(await(collector.done)).hasSize(25);
    }

    @Test
    void explicitCursorsNeedATransactionAndMove() {
        assertThat(failure(conn.openCursor("SELECT 1"))).isInstanceOf(PgClientException.class)
                .hasMessageContaining("outside of a transaction");
        await(conn.transaction(tx -> conn.openCursor("SELECT i FROM generate_series(1, 20) i")
                .thenCompose(cursor -> cursor.fetch(5).thenCompose(first -> {
                    assertThat(first).extracting(r -> r.getInteger(0)).containsExactly(1, 2, 3, 4, 5);
                    return cursor.forward(10);
                }).thenCompose(moved -> {
                    assertThat(moved).isEqualTo(10L);
                    return cursor.fetchRow();
                }).thenCompose(row -> {
                    assertThat(row.getInteger(0)).isEqualTo(16);
                    return cursor.fetch(100);
                }).thenCompose(rest -> {
                    assertThat(rest).hasSize(4);
                    return cursor.fetchRow();
                }).thenCompose(none -> {
                    assertThat(none).isNull();
                    return cursor.close();
                }))));
    }

    @Test
    void explicitCursorWithParameters() {
        await(conn.transaction(tx -> conn.openCursor("SELECT i FROM generate_series($1::int, $2::int) i", 3, 6)
                .thenCompose(PgCursor::fetchRow)
                .thenApply(row -> {
                    assertThat(row.getInteger(0)).isEqualTo(3);
                    return null;
                })));
    }
}
