package io.pgasync.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgasync.CommandStatus;
import io.pgasync.exception.PgProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireTest {

    @ParameterizedTest
    @ValueSource(strings = {"INSERT 0 1", "INSERT 0 0", "INSERT 0 123456", "UPDATE 7", "DELETE 0", "SELECT 5",
        "MERGE 3", "COPY 1000000", "MOVE 2", "FETCH 50", "CREATE TABLE", "BEGIN", "", "5", " 5", "SELECT x5",
        "SELECT 5x", "SELECT 1234567890123456789", "SELECT 123456789012345678", "A  9"})
    void theRowCountReadInPlaceAgreesWithTheParsedStatus(String tag) {
        ByteBuf in = Unpooled.buffer();
        try {
            in.writeCharSequence(tag, StandardCharsets.US_ASCII);
            in.writeByte(0);
            in.writeByte('Z'); // the next field stays unread
            long expected = CommandStatus.parse(tag).rowCount();
            long read = Wire.readCommandTagRowCount(in);
            if (tag.endsWith("1234567890123456789")) {
                assertThat(read).isEqualTo(-1); // 19 digits: beyond what the in-place reader takes
            } else {
                assertThat(read).as(tag).isEqualTo(expected);
            }
            assertThat(in.readableBytes()).isEqualTo(1);
        } finally {
            in.release();
        }
    }

    @Test
    void aTagWithoutItsNulIsAProtocolError() {
        ByteBuf in = Unpooled.buffer();
        try {
            in.writeCharSequence("INSERT 0 1", StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> Wire.readCommandTagRowCount(in)).isInstanceOf(PgProtocolException.class);
        } finally {
            in.release();
        }
    }
}
