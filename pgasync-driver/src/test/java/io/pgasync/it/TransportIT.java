package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same work over Netty's NIO transport and its native epoll transport (the default on Linux). */
@PgTest
class TransportIT {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void queriesPipeliningTlsAndCancelOnBothTransports(boolean nativeTransport, PgTestServer server) {
        PgConnection conn = TestSupport.connect(server, "nativeTransport=" + nativeTransport);
        try {
            List<CompletableFuture<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                futures.add(conn.fetchVal("SELECT $1::int", i));
            }
            for (int i = 0; i < 500; i++) {
                assertThat(await(futures.get(i))).isEqualTo(i);
            }
            assertThat(failure(conn.withTimeout(Duration.ofMillis(200)).fetchVal("SELECT pg_sleep(30)")))
                    .isInstanceOf(PgTimeoutException.class);
            assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
        } finally {
            TestSupport.close(conn);
        }
        PgConnection tls = await(PgConnection.connect(server.url(server.mainRole()) + "?sslmode=require&nativeTransport="
                + nativeTransport));
        try {
            assertThat(await(tls.fetchVal("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))).isEqualTo(true);
        } finally {
            TestSupport.close(tls);
        }
    }
}
