package io.pgasync.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.pgasync.exception.PgProtocolException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** libpq's framing rules (reliability PROTO-01): lengths are checked before anything is buffered. */
class PgFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new PgFrameDecoder(1 << 20));

    @AfterEach
    void finish() {
        try {
            channel.finishAndReleaseAll();
        } catch (DecoderException alreadyAsserted) {
            // the refused bytes are decoded again when the channel closes; the tests asserted the first refusal
        }
    }

    private static ByteBuf message(char type, int declaredLength, int bodyBytes) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte(type);
        buf.writeInt(declaredLength);
        buf.writeZero(bodyBytes);
        return buf;
    }

    @Test
    void splitsMessagesAcrossAndWithinReads() {
        ByteBuf two = Unpooled.buffer();
        two.writeBytes(message('Z', 5, 1));
        two.writeBytes(message('C', 8, 4));
        ByteBuf first = two.readRetainedSlice(3);
        channel.writeInbound(first);
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(two);
        ByteBuf z = channel.readInbound();
        ByteBuf c = channel.readInbound();
        assertThat(z.getByte(0)).isEqualTo((byte) 'Z');
        assertThat(z.readableBytes()).isEqualTo(6);
        assertThat(c.getByte(0)).isEqualTo((byte) 'C');
        assertThat(c.readableBytes()).isEqualTo(9);
        z.release();
        c.release();
    }

    @Test
    void aLengthBelowFourIsOutOfStep_PROTO01() {
        assertThatThrownBy(() -> channel.writeInbound(message('Z', 3, 0)))
                .isInstanceOf(DecoderException.class).hasCauseInstanceOf(PgProtocolException.class)
                .hasMessageContaining("out of step");
    }

    @Test
    void shortTypesMayNotBeLong_PROTO01() {
        // a ReadyForQuery claiming 100000 bytes: refused before 100000 bytes are waited for
        assertThatThrownBy(() -> channel.writeInbound(message('Z', 100_000, 0)))
                .isInstanceOf(DecoderException.class).hasCauseInstanceOf(PgProtocolException.class);
    }

    @Test
    void longTypesMayBeLongUpToTheLimit() {
        channel.writeInbound(message('D', 40_004, 40_000));
        ByteBuf row = channel.readInbound();
        assertThat(row.readableBytes()).isEqualTo(40_005);
        row.release();
        assertThatThrownBy(() -> channel.writeInbound(message('D', (1 << 20) + 10, 0)))
                .isInstanceOf(DecoderException.class).hasMessageContaining("maxMessageSize");
    }
}
