package io.pgasync.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.PgNotification;
import io.pgasync.PgNotificationGap;
import io.pgasync.PgNotificationListener;
import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.PgTransaction;
import io.pgasync.PoolOptions;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pool-level LISTEN/NOTIFY (reconnects and reports the gap) and pool-wide statement invalidation. */
@PgTest
class PoolNotificationsIT {

    private static <T> T await(CompletableFuture<T> f) {
        return f.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static PgPool pool(PgTestServer server, int size) {
        return PgPool.create(PoolOptions.builder().connect(server.url(server.mainRole()) + "?sslmode=disable")
                .minSize(size).maxSize(size).createRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .allowShortDurations(true).build());
    }

    @Test
    void poolListenersSurviveTheLossOfTheListeningConnectionAndHearAboutTheGap(PgTestServer server) {
        PgPool pool = pool(server, 1);
        PgConnection sender = PgConnection.connect(server.url(server.mainRole()) + "?sslmode=disable").join();
        try {
            List<PgNotification> received = new CopyOnWriteArrayList<>();
            CompletableFuture<PgNotification> first = new CompletableFuture<>();
            CompletableFuture<PgNotification> afterGap = new CompletableFuture<>();
            CompletableFuture<PgNotificationGap> gap = new CompletableFuture<>();
            PgNotificationListener listener = new PgNotificationListener() {
                @Override
                public void onNotification(PgConnection connection, PgNotification notification) {
                    received.add(notification);
                    if (notification.payload().equals("one")) {
                        first.complete(notification);
                    } else if (notification.payload().equals("two")) {
                        afterGap.complete(notification);
                    }
                }

                @Override
                public void onGap(PgNotificationGap g) {
                    gap.complete(g);
                }
            };
            await(pool.addListener("pool channel", listener));
            await(sender.execute("NOTIFY \"pool channel\", 'one'"));
            assertThat(await(first).channel()).isEqualTo("pool channel");

            List<String> listening = server.queryColumn("SELECT pid FROM pg_stat_activity"
                    + " WHERE query = 'LISTEN \"pool channel\"'");
            assertThat(listening).hasSize(1);
            server.execute("SELECT pg_terminate_backend(" + listening.get(0) + ")");

            PgNotificationGap g = await(gap);
            assertThat(g.channel()).isEqualTo("pool channel");
            assertThat(g.resubscribedAt()).isAfterOrEqualTo(g.lostAt());
            await(sender.execute("NOTIFY \"pool channel\", 'two'"));
            assertThat(await(afterGap).payload()).isEqualTo("two");
            assertThat(pool.getSize()).isEqualTo(1); // the listening connection is outside the pool's size

            await(pool.removeListener("pool channel", listener));
            assertThat(server.queryColumn("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'UNLISTEN%'"))
                    .containsExactly("1");
        } finally {
            await(sender.close());
            await(pool.close());
        }
    }

    @Test
    void aStaleStatementFoundByOneConnectionIsDroppedByTheOthers(PgTestServer server) {
        PgPool pool = pool(server, 2);
        try {
            await(pool.execute("DROP TABLE IF EXISTS pool_stale; CREATE TABLE pool_stale (a int);"
                    + " INSERT INTO pool_stale VALUES (1)"));
            PgPooledConnection a = await(pool.acquire());
            PgPooledConnection b = await(pool.acquire());
            await(a.fetch("SELECT * FROM pool_stale"));
            await(b.fetch("SELECT * FROM pool_stale"));
            await(a.execute("ALTER TABLE pool_stale ADD COLUMN b int"));
            assertThat(await(a.fetch("SELECT * FROM pool_stale")).get(0).size()).isEqualTo(2); // retried by a

            // b runs the same SQL inside a transaction, where a stale statement could not be retried: it was
            // dropped when a found it stale, so b prepares it afresh
            PgTransaction tx = b.transaction();
            await(tx.start());
            assertThat(await(b.fetch("SELECT * FROM pool_stale")).get(0).size()).isEqualTo(2);
            await(tx.commit());
            a.close();
            b.close();
        } finally {
            await(pool.close());
        }
    }
}
