package io.pgasync.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgasync.exception.PgClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontendMessagesTest {

    @Test
    void queryIsTypeLengthAndNulTerminatedText() {
        ByteBuf out = Unpooled.buffer();
        try {
            FrontendMessages.query(out, "SELECT 1");
            assertThat(out.readByte()).isEqualTo((byte) 'Q');
            assertThat(out.readInt()).isEqualTo(4 + 9);
            assertThat(out.readCharSequence(8, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("SELECT 1");
            assertThat(out.readByte()).isZero();
        } finally {
            out.release();
        }
    }

    @Test
    void aNulInsideSqlIsRefusedBeforeWriting() {
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> FrontendMessages.query(out, "SELECT 1\0; DROP TABLE x"))
                    .isInstanceOf(PgClientException.class).hasMessageContaining("NUL");
        } finally {
            out.release();
        }
    }

    @Test
    void messagesOverOneGibibyteAreRefused_CVE_2024_27304() {
        FrontendMessages.checkLength(FrontendMessages.MAX_MESSAGE_LENGTH);
        assertThatThrownBy(() -> FrontendMessages.checkLength(FrontendMessages.MAX_MESSAGE_LENGTH + 1L))
                .isInstanceOf(PgClientException.class).hasMessageContaining("1 GiB");
        assertThatThrownBy(() -> FrontendMessages.checkLength(4L * 1024 * 1024 * 1024 + 10))
                .isInstanceOf(PgClientException.class);
        ByteBuf out = Unpooled.buffer(16);
        try {
            int at = FrontendMessages.begin(out, 'd');
            out.writeInt(7);
            FrontendMessages.end(out, at);
            assertThat(out.getInt(1)).isEqualTo(8);
        } finally {
            out.release();
        }
    }

    @Test
    void startupPacketOverTheServerLimitIsRefused() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", "u");
        params.put("options", "x".repeat(11_000));
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> FrontendMessages.startup(out, FrontendMessages.PROTOCOL_3_0, params))
                    .isInstanceOf(PgClientException.class).hasMessageContaining("10000");
        } finally {
            out.release();
        }
    }

    @Test
    void cancelRequestCarriesTheWholeKey() {
        ByteBuf out = Unpooled.buffer();
        try {
            byte[] key = new byte[32];
            FrontendMessages.cancelRequest(out, 1234, key);
            assertThat(out.readInt()).isEqualTo(12 + 32);
            assertThat(out.readInt()).isEqualTo(80877102);
            assertThat(out.readInt()).isEqualTo(1234);
            assertThat(out.readableBytes()).isEqualTo(32);
        } finally {
            out.release();
        }
    }
}
