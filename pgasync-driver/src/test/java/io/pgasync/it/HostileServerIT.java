package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.exception.PgAuthenticationException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What a real PostgreSQL never does, played by {@link FakeServer}: the driver must fail with a clear, typed error,
 * never hang, never treat injected bytes as data (reliability.md sections 1 and 7).
 */
class HostileServerIT {

    private static final int SSL_REQUEST = 80877103;

    @Test
    void bytesStuffedAfterTheSslAnswerAreAProtocolError_CVE_2021_23222() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            if (c.readStartup() == SSL_REQUEST) {
                // 'S' then a forged AuthenticationOk + ReadyForQuery, before any TLS handshake
                c.write(new byte[] {'S', 'R', 0, 0, 0, 8, 0, 0, 0, 0, 'Z', 0, 0, 0, 5, 'I'});
            }
            c.drain();
        })) {
            Throwable e = failure(PgConnection.connect(server.dsn("sslmode=require")));
            assertThat(e).isInstanceOf(PgProtocolException.class).hasMessageContaining("exactly one");
        }
    }

    @Test
    void sslmodeRequireAgainstAServerWithoutTlsFails() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readStartup();
            c.write(new byte[] {'N'});
            c.drain();
        })) {
            Throwable e = failure(PgConnection.connect(server.dsn("sslmode=require")));
            assertThat(e).isInstanceOf(PgConnectionException.class).hasMessageContaining("does not accept TLS")
                    .hasMessageContaining("sslmode=require");
        }
    }

    @Test
    void sslmodePreferContinuesWithoutTlsWhenTheServerSaysNo() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readStartup();
            c.write(new byte[] {'N'});
            c.readStartup(); // the StartupMessage, in plaintext on the same socket
            c.acceptStartup();
            c.drain();
        })) {
            PgConnection conn = await(PgConnection.connect(server.dsn("sslmode=prefer")));
            assertThat(conn.getServerPid()).isEqualTo(42);
            conn.terminate();
        }
    }

    @Test
    void aServerWithoutProtocol32NegotiatesDown() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readStartup();
            // NegotiateProtocolVersion: newest version 3.0 (as a full protocol number), no unknown options
            c.message('v', new byte[] {0, 3, 0, 0, 0, 0, 0, 0});
            c.acceptStartup();
            c.drain();
        })) {
            PgConnection conn = await(PgConnection.connect(server.dsn("sslmode=disable")));
            assertThat(conn.getServerVersion().major()).isEqualTo(18);
            conn.terminate();
        }
    }

    @Test
    void gssapiIsRefusedClearlyNotHung() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readStartup();
            c.authRequest(7, new byte[0]);
            c.drain();
        })) {
            Throwable e = failure(PgConnection.connect(server.dsn("sslmode=disable")));
            assertThat(e).isInstanceOf(PgAuthenticationException.class).hasMessageContaining("GSSAPI")
                    .hasMessageContaining("not support");
        }
    }

    @Test
    void channelBindingRequireRefusesTrustCleartextAndMd5_CVE_2025_49146() throws Exception {
        for (int request : new int[] {0, 3, 5}) {
            CompletableFuture<Character> clientReply = new CompletableFuture<>();
            try (FakeServer server = new FakeServer(c -> {
                try {
                    if (c.readStartup() == SSL_REQUEST) {
                        c.write(new byte[] {'N'}); // no TLS: nothing can be channel-bound
                        c.readStartup();
                    }
                    c.authRequest(request, request == 5 ? new byte[] {1, 2, 3, 4} : new byte[0]);
                    if (request == 0) {
                        c.message('K', new byte[] {0, 0, 0, 1, 1, 2, 3, 4});
                        c.readyForQuery();
                    }
                    clientReply.complete(c.readMessage());
                } finally {
                    clientReply.complete('\0'); // the client hung up before (or instead of) answering
                }
            })) {
                Throwable e = failure(PgConnection.connect(server.dsn("sslmode=prefer&channel_binding=require")));
                assertThat(e).as("auth request %d", request).isInstanceOf(PgAuthenticationException.class)
                        .hasMessageContaining("channelBinding=require");
                // the password never went out: the client hung up instead of answering
                assertThat(clientReply.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("reply to %d", request)
                        .isNotEqualTo('p');
            }
        }
    }

    @Test
    void aHugeScramIterationCountIsRefusedBeforeHashing_CVE_2026_42198() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readStartup();
            c.authRequest(10, "SCRAM-SHA-256\0\0".getBytes(StandardCharsets.UTF_8));
            int type = c.in.read();
            int length = c.in.readInt();
            byte[] body = new byte[length - 4];
            c.in.readFully(body);
            String first = new String(body, StandardCharsets.UTF_8);
            String nonce = first.substring(first.indexOf("r=") + 2);
            c.authRequest(11, ("r=" + nonce + "server,s=QSXCR+Q6sek8bf92,i=2000000000").getBytes(StandardCharsets.UTF_8));
            assertThat((char) type).isEqualTo('p');
            c.drain();
        })) {
            long start = System.nanoTime();
            Throwable e = failure(PgConnection.connect(server.dsn("sslmode=disable")));
            assertThat(e).isInstanceOf(PgAuthenticationException.class).hasMessageContaining("scramMaxIterations");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aNegativeValueLengthInADataRowClosesTheConnection_PROTO02() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readStartup();
            c.acceptStartup();
            c.readMessage(); // Parse
            c.readMessage(); // Describe
            c.readMessage(); // Sync
            c.message('1', new byte[0]);
            c.message('t', new byte[] {0, 0});
            c.message('T', rowDescription());
            c.readyForQuery();
            c.readMessage(); // Bind
            c.readMessage(); // Execute
            c.readMessage(); // Sync
            c.message('2', new byte[0]);
            c.message('D', new byte[] {0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe}); // length -2
            c.drain();
        })) {
            PgConnection conn = await(PgConnection.connect(server.dsn("sslmode=disable")));
            Throwable e = failure(conn.fetch("SELECT x FROM t"));
            assertThat(e).isInstanceOf(PgProtocolException.class).hasMessageContaining("length -2");
            assertThat(conn.isClosed() || failure(conn.fetchVal("SELECT 1")) instanceof PgConnectionException)
                    .isTrue();
        }
    }

    @Test
    void aServerThatNeverAnswersHitsTheConnectTimeout() throws Exception {
        try (FakeServer server = new FakeServer(c -> c.drain())) {
            long start = System.nanoTime();
            Throwable e = failure(PgConnection.connect(server.dsn("sslmode=disable&connect_timeout=1")));
            assertThat(e).isInstanceOf(PgTimeoutException.class).hasMessageContaining("connectTimeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            assertThat(e.getMessage()).doesNotContain("Sentinel-Pw-123");
        }
    }

    @Test
    void anUnexpectedMessageWhileIdleIsAProtocolError() throws Exception {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try (FakeServer server = new FakeServer(c -> {
            c.readStartup();
            c.acceptStartup();
            c.message('C', "SELECT 1\0".getBytes(StandardCharsets.UTF_8)); // nobody asked
            sent.complete(null);
            c.drain();
        })) {
            PgConnection conn = await(PgConnection.connect(server.dsn("sslmode=disable")));
            CompletableFuture<Throwable> closed = new CompletableFuture<>();
            conn.addTerminationListener((c, cause) -> closed.complete(cause));
            if (conn.isClosed()) {
                return; // it arrived with the startup replies and closed the connection already
            }
            assertThat(await(closed)).isInstanceOf(PgProtocolException.class);
        }
    }

    private static byte[] rowDescription() {
        byte[] name = "x\0".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[2 + name.length + 18];
        body[1] = 1;
        System.arraycopy(name, 0, body, 2, name.length);
        int at = 2 + name.length;
        body[at + 6 + 3] = 23; // type OID int4 (after table OID and attribute number)
        body[at + 10] = 0;
        body[at + 11] = 4;
        return body;
    }
}
