package io.pgasync.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.pgasync.exception.PgProtocolException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Framing in place, and libpq's length rules (reliability PROTO-01): checked before anything is buffered. */
class PgFrameDecoderTest {

    /** What the sink saw: the type and a copy of the body. */
    record Message(char type, String bodyHex) {}

    private final List<Message> seen = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new PgFrameDecoder(1 << 20,
            (type, body) -> seen.add(new Message((char) type, ByteBufUtil.hexDump(body)))));

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
        for (int i = 0; i < bodyBytes; i++) {
            buf.writeByte(i & 0x7f);
        }
        return buf;
    }

    @Test
    void handsEachMessageBodyOverExactlyAcrossAndWithinReads() {
        ByteBuf two = Unpooled.buffer();
        ByteBuf z = message('Z', 5, 1);
        ByteBuf c = message('C', 8, 4);
        two.writeBytes(z);
        two.writeBytes(c);
        z.release();
        c.release();
        ByteBuf first = two.readRetainedSlice(3);
        channel.writeInbound(first);
        assertThat(seen).isEmpty();
        channel.writeInbound(two);
        assertThat(seen).containsExactly(new Message('Z', "00"), new Message('C', "00010203"));
    }

    @Test
    void theBodyCannotBeReadPastTheMessageEnd() {
        List<Integer> readable = new ArrayList<>();
        EmbeddedChannel ch = new EmbeddedChannel(new PgFrameDecoder(1 << 20,
                (type, body) -> readable.add(body.readableBytes())));
        ByteBuf both = Unpooled.buffer();
        ByteBuf a = message('D', 4 + 10, 10);
        ByteBuf b = message('D', 4 + 3, 3);
        both.writeBytes(a).writeBytes(b);
        a.release();
        b.release();
        ch.writeInbound(both);
        assertThat(readable).containsExactly(10, 3);
        ch.finishAndReleaseAll();
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
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).bodyHex()).hasSize(80_000);
        assertThatThrownBy(() -> channel.writeInbound(message('D', (1 << 20) + 10, 0)))
                .isInstanceOf(DecoderException.class).hasMessageContaining("maxMessageSize");
    }
}
