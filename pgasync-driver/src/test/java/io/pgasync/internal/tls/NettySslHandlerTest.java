package io.pgasync.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.pgasync.internal.tls.TlsTestKit.Observed;
import io.pgasync.testing.tls.TestCertificates.Issued;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engines in Netty's {@link SslHandler}, as the protocol engine will use them: the verify-full wrapper must
 * work there, and its refusal must fail the handshake future.
 */
class NettySslHandlerTest {

    @TempDir
    static Path dir;

    @TempDir
    Path home;

    static Issued ca;
    static Issued localhost;
    static Issued otherHost;

    private EmbeddedChannel client;
    private EmbeddedChannel server;

    @BeforeAll
    static void certificates() {
        ca = TlsTestKit.ca(dir, "netty-ca");
        localhost = TlsTestKit.server(ca, dir, "localhost", "localhost", List.of("localhost"), List.of());
        otherHost = TlsTestKit.server(ca, dir, "other", "other.example", List.of("other.example"), List.of());
    }

    @AfterEach
    void closeChannels() {
        if (client != null) {
            client.finishAndReleaseAll();
        }
        if (server != null) {
            server.finishAndReleaseAll();
        }
    }

    private SslHandler connect(TlsSettings settings, Issued serverCertificate, boolean alpn) {
        SSLEngine clientEngine = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, alpn);
        SSLEngine serverEngine = TlsTestKit.serverEngine(TlsTestKit.serverContext(serverCertificate, ca), false,
                alpn ? "postgresql" : null, new Observed());
        SslHandler clientHandler = new SslHandler(clientEngine);
        client = new EmbeddedChannel(clientHandler);
        server = new EmbeddedChannel(new SslHandler(serverEngine));
        for (int i = 0; i < 50 && !clientHandler.handshakeFuture().isDone(); i++) {
            move(client, server);
            move(server, client);
        }
        move(client, server);
        return clientHandler;
    }

    private static void move(EmbeddedChannel from, EmbeddedChannel to) {
        for (Object message = from.readOutbound(); message != null; message = from.readOutbound()) {
            try {
                to.writeInbound(message);
            } catch (Exception e) {
                // a refused handshake surfaces here as well as on the handshake future
            }
        }
    }

    @Test
    void verifyFullHandshakesAndCarriesDataThroughSslHandler() {
        TlsSettings settings = TlsSettings.resolve("verify-full", ca.certificateFile(), false, null, null, null,
                null, home);

        SslHandler handler = connect(settings, localhost, true);

        assertThat(handler.handshakeFuture().isSuccess()).as("%s", handler.handshakeFuture().cause()).isTrue();
        assertThat(handler.engine()).isInstanceOf(HostnameVerifyingEngine.class);
        TlsEngines.checkAlpn(handler.engine());

        client.writeOutbound(Unpooled.copiedBuffer("SELECT 1", StandardCharsets.UTF_8));
        move(client, server);
        ByteBuf received = server.readInbound();
        try {
            assertThat(received.toString(StandardCharsets.UTF_8)).isEqualTo("SELECT 1");
        } finally {
            received.release();
        }
    }

    @Test
    void verifyFullRefusalFailsTheHandshakeFutureWithACallerContext() {
        TlsSettings settings = TlsSettings.resolve("verify-full", null, false, null, null, null,
                TlsTestKit.callerContextTrustingEverything(), home);

        SslHandler handler = connect(settings, otherHost, false);

        assertThat(handler.handshakeFuture().isDone()).isTrue();
        assertThat(handler.handshakeFuture().cause())
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("does not match host name \"localhost\"");
        assertThat((Object) server.readInbound()).isNull();
    }
}
