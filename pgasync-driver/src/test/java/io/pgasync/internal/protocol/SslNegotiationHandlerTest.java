package io.pgasync.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pgasync.exception.PgProtocolException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The server's answer to SSLRequest is exactly one byte; anything more is an attack (libpq CVE-2021-23222). */
class SslNegotiationHandlerTest {

    @Test
    void acceptsASingleS() {
        CompletableFuture<SslNegotiationHandler.Answer> answer = new CompletableFuture<>();
        EmbeddedChannel channel = new EmbeddedChannel(new SslNegotiationHandler(answer));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'S'}));
        assertThat(answer).isCompletedWithValue(SslNegotiationHandler.Answer.ACCEPTED);
        assertThat(channel.pipeline().get(SslNegotiationHandler.class)).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void refusalIsN() {
        CompletableFuture<SslNegotiationHandler.Answer> answer = new CompletableFuture<>();
        EmbeddedChannel channel = new EmbeddedChannel(new SslNegotiationHandler(answer));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'N'}));
        assertThat(answer).isCompletedWithValue(SslNegotiationHandler.Answer.REFUSED);
        channel.finishAndReleaseAll();
    }

    @Test
    void bytesAfterTheAnswerAreAProtocolError_CVE_2021_23222() {
        CompletableFuture<SslNegotiationHandler.Answer> answer = new CompletableFuture<>();
        EmbeddedChannel channel = new EmbeddedChannel(new SslNegotiationHandler(answer));
        // 'S' followed by a forged ReadyForQuery a man in the middle stuffed in before the handshake
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'S', 'Z', 0, 0, 0, 5, 'I'}));
        assertThat(answer).isCompletedExceptionally();
        assertThat(answer.handle((a, e) -> e).join()).isInstanceOf(PgProtocolException.class)
                .hasMessageContaining("exactly one");
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void anErrorResponseBeforeEncryptionIsNotShown_CVE_2024_10977() {
        CompletableFuture<SslNegotiationHandler.Answer> answer = new CompletableFuture<>();
        EmbeddedChannel channel = new EmbeddedChannel(new SslNegotiationHandler(answer));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'E'}));
        Throwable e = answer.handle((a, t) -> t).join();
        assertThat(e).isInstanceOf(PgProtocolException.class).hasMessageContaining("rejected the SSL negotiation");
        channel.finishAndReleaseAll();
    }
}
