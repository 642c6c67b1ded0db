package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.PgNotification;
import io.pgasync.PgNotificationListener;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class NotificationIT {

    private PgConnection listener;
    private PgConnection sender;

    @BeforeEach
    void connect(PgTestServer server) {
        listener = TestSupport.connect(server);
        sender = TestSupport.connect(server);
    }

    @AfterEach
    void close() {
        TestSupport.close(listener);
        TestSupport.close(sender);
    }

    @Test
    void tenThousandNotificationsArriveInOrderWhileQueriesRun() {
        int n = 10_000;
        List<PgNotification> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> all = new CompletableFuture<>();
        await(listener.addListener("Mixed Case \"channel\"", (c, notification) -> {
            received.add(notification);
            if (received.size() == n) {
                all.complete(null);
            }
        }));
        await(sender.execute("SELECT pg_notify($1, i::text) FROM generate_series(1, $2) i",
                "Mixed Case \"channel\"", n));
        List<CompletableFuture<Object>> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queries.add(listener.fetchVal("SELECT $1::int", i));
        }
        await(all);
        for (int i = 0; i < 200; i++) {
            assertThat(await(queries.get(i))).isEqualTo(i);
        }
        assertThat(received).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(received.get(i).payload()).isEqualTo(String.valueOf(i + 1));
            assertThat(received.get(i).channel()).isEqualTo("Mixed Case \"channel\"");
            assertThat(received.get(i).processId()).isEqualTo(sender.getServerPid());
        }
    }

    @Test
    void aThrowingListenerDoesNotBreakTheConnection() {
        CompletableFuture<PgNotification> second = new CompletableFuture<>();
        await(listener.addListener("ch", (c, notification) -> {
            throw new IllegalStateException("listener bug");
        }));
        await(listener.addListener("ch", (c, notification) -> second.complete(notification)));
        await(sender.execute("NOTIFY ch, 'payload'"));
        assertThat(await(second).payload()).isEqualTo("payload");
        assertThat(await(listener.fetchVal("SELECT 1"))).isEqualTo(1);
    }

    @Test
    void unlistenWhenTheLastListenerGoesAndResetRemovesListeners() {
        PgNotificationListener a = (c, n) -> { };
        PgNotificationListener b = (c, n) -> { };
        await(listener.addListener("ch2", a));
        await(listener.addListener("ch2", b));
        assertThat(await(listener.fetch("SELECT pg_listening_channels()"))).hasSize(1);
        await(listener.removeListener("ch2", a));
        assertThat(await(listener.fetch("SELECT pg_listening_channels()"))).hasSize(1);
        await(listener.removeListener("ch2", b));
        assertThat(await(listener.fetch("SELECT pg_listening_channels()"))).isEmpty();

        List<PgNotification> after = new CopyOnWriteArrayList<>();
        await(listener.addListener("ch3", (c, n) -> after.add(n)));
        await(listener.reset());
        assertThat(await(listener.fetch("SELECT pg_listening_channels()"))).isEmpty();
        CompletableFuture<PgNotification> marker = new CompletableFuture<>();
        await(listener.addListener("marker", (c, n) -> marker.complete(n)));
        await(sender.execute("NOTIFY ch3; NOTIFY marker"));
        await(marker); // delivered in order: a ch3 notification would have arrived before this one
        assertThat(after).isEmpty();
    }
}
