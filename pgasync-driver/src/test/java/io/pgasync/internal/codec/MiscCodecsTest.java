package io.pgasync.internal.codec;

import static io.pgasync.internal.codec.CodecTesting.bytes;
import static io.pgasync.internal.codec.CodecTesting.decode;
import static io.pgasync.internal.codec.CodecTesting.decodeBinary;
import static io.pgasync.internal.codec.CodecTesting.decodeText;
import static io.pgasync.internal.codec.CodecTesting.encodeBinary;
import static io.pgasync.internal.codec.CodecTesting.encodeText;
import static io.pgasync.internal.codec.CodecTesting.hex;
import static io.pgasync.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.codec.Format;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MiscCodecsTest {

    // ---------------------------------------------------------------------------------------------------------
    // bool

    @Test
    void boolIsOneByteInBinaryAndTOrFInText() {
        assertThat(encodeBinary(MiscCodecs.BOOL, true)).isEqualTo(bytes(1));
        assertThat(encodeBinary(MiscCodecs.BOOL, false)).isEqualTo(bytes(0));
        assertThat(encodeText(MiscCodecs.BOOL, true)).isEqualTo("t");
        assertThat(encodeText(MiscCodecs.BOOL, false)).isEqualTo("f");
        assertThat(decodeBinary(MiscCodecs.BOOL, "01")).isTrue();
        assertThat(decodeBinary(MiscCodecs.BOOL, "00")).isFalse();
        assertThat(decodeText(MiscCodecs.BOOL, "t")).isTrue();
        assertThat(decodeText(MiscCodecs.BOOL, "f")).isFalse();
    }

    @Test
    void malformedBoolIsRejected() {
        assertThatThrownBy(() -> decodeBinary(MiscCodecs.BOOL, "02"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bool");
        assertThatThrownBy(() -> decodeBinary(MiscCodecs.BOOL, "00 01"))
                .hasMessage("invalid binary bool value: length 2, expected 1");
        for (String text : new String[] {"", "true", "x", "T"}) {
            assertThatThrownBy(() -> decodeText(MiscCodecs.BOOL, text)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(MiscCodecs.BOOL.canEncode(Integer.class)).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------
    // bytea

    @ParameterizedTest
    @EnumSource(Format.class)
    void byteaRoundTripsEveryByteValue(Format format) {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(roundTrip(MiscCodecs.BYTEA, all, format)).isEqualTo(all);
        assertThat(roundTrip(MiscCodecs.BYTEA, new byte[0], format)).isEmpty();
    }

    @Test
    void byteaTextIsTheHexForm() {
        assertThat(encodeText(MiscCodecs.BYTEA, bytes(0x00, 0xff, 0x10))).isEqualTo("\\x00ff10");
        assertThat(encodeText(MiscCodecs.BYTEA, new byte[0])).isEqualTo("\\x");
        assertThat(decodeText(MiscCodecs.BYTEA, "\\xDEADbeef")).isEqualTo(bytes(0xde, 0xad, 0xbe, 0xef));
        assertThat(decodeText(MiscCodecs.BYTEA, "\\x")).isEmpty();
    }

    @Test
    void byteaLegacyEscapeFormIsDecoded() {
        // bytea_output = escape: printable bytes as themselves, \\ for a backslash, \ooo for the rest
        assertThat(decodeText(MiscCodecs.BYTEA, "abc\\\\\\001\\377z"))
                .isEqualTo(bytes('a', 'b', 'c', '\\', 1, 0xff, 'z'));
        assertThat(decodeText(MiscCodecs.BYTEA, "")).isEmpty();
        assertThat(decodeText(MiscCodecs.BYTEA, "\\000")).isEqualTo(bytes(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\x0", "\\xzz", "\\x0g", "\\9", "abc\\", "\\40", "\\400", "\\12a"})
    void malformedByteaTextIsRejected(String text) {
        assertThatThrownBy(() -> decodeText(MiscCodecs.BYTEA, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytea");
    }

    @Test
    void byteBuffersAreEncodedWithoutBeingConsumed() {
        ByteBuffer heap = ByteBuffer.wrap(bytes(9, 1, 2, 3, 9), 1, 3);
        assertThat(encodeBinary(MiscCodecs.BYTEA, heap)).isEqualTo(bytes(1, 2, 3));
        assertThat(encodeText(MiscCodecs.BYTEA, heap)).isEqualTo("\\x010203");
        assertThat(heap.position()).isEqualTo(1);
        assertThat(heap.remaining()).isEqualTo(3);

        ByteBuffer direct = ByteBuffer.allocateDirect(4).put(bytes(4, 5, 6, 7));
        direct.flip();
        assertThat(MiscCodecs.BYTEA.canEncode(direct.getClass())).isTrue();
        assertThat(encodeBinary(MiscCodecs.BYTEA, direct)).isEqualTo(bytes(4, 5, 6, 7));
        assertThat(direct.position()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // uuid

    @ParameterizedTest
    @EnumSource(Format.class)
    void uuidRoundTrips(Format format) {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            assertThat(roundTrip(MiscCodecs.UUID_CODEC, uuid, format)).isEqualTo(uuid);
        }
        UUID max = new UUID(-1L, -1L);
        assertThat(roundTrip(MiscCodecs.UUID_CODEC, max, format)).isEqualTo(max);
    }

    @Test
    void uuidWireFormsAreBigEndianBytesAndCanonicalText() {
        UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(encodeBinary(MiscCodecs.UUID_CODEC, uuid)).isEqualTo(hex("a0eebc999c0b4ef8bb6d6bb9bd380a11"));
        assertThat(encodeText(MiscCodecs.UUID_CODEC, uuid)).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(decodeText(MiscCodecs.UUID_CODEC, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")).isEqualTo(uuid);
        assertThat(encodeText(MiscCodecs.UUID_CODEC, new UUID(1, 2))).isEqualTo("00000000-0000-0001-0000-000000000002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
        "a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc99+9c0b-4ef8-bb6d-6bb9bd380a11",
        "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1}"})
    void malformedUuidTextIsRejected(String text) {
        assertThatThrownBy(() -> decodeText(MiscCodecs.UUID_CODEC, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uuid");
    }

    @Test
    void uuidOfTheWrongBinaryLengthIsRejected() {
        assertThatThrownBy(() -> decodeBinary(MiscCodecs.UUID_CODEC, "00 01 02"))
                .hasMessage("invalid binary uuid value: length 3, expected 16");
    }

    // ---------------------------------------------------------------------------------------------------------
    // void

    @Test
    void voidDecodesToNullAndEncodesOnlyStrings() {
        assertThat(decodeBinary(MiscCodecs.VOID, "")).isNull();
        assertThat(decodeText(MiscCodecs.VOID, "")).isNull();
        assertThat(decode(MiscCodecs.VOID, "x".getBytes(StandardCharsets.UTF_8), Format.TEXT)).isNull();
        assertThat(MiscCodecs.VOID.canEncode(Integer.class)).isFalse();
        assertThat(MiscCodecs.VOID.canEncode(String.class)).isTrue();
        assertThat(encodeText(MiscCodecs.VOID, "")).isEmpty();
        assertThat(MiscCodecs.VOID.javaType()).isEqualTo(Void.class);
    }
}
