package io.pgasync.internal.codec;

import static io.pgasync.internal.codec.CodecTesting.bytes;
import static io.pgasync.internal.codec.CodecTesting.decode;
import static io.pgasync.internal.codec.CodecTesting.decodeBinary;
import static io.pgasync.internal.codec.CodecTesting.decodeText;
import static io.pgasync.internal.codec.CodecTesting.encode;
import static io.pgasync.internal.codec.CodecTesting.encodeBinary;
import static io.pgasync.internal.codec.CodecTesting.encodeText;
import static io.pgasync.internal.codec.CodecTesting.hex;
import static io.pgasync.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.codec.Format;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextCodecsTest {

    private static final String MIXED = "plain ASCII, é, ✓ and 😀";

    @ParameterizedTest
    @EnumSource(Format.class)
    void characterTypesRoundTripUtf8(Format format) {
        for (TextCodecs.StringCodec codec : new TextCodecs.StringCodec[] {TextCodecs.TEXT, TextCodecs.VARCHAR,
                TextCodecs.BPCHAR, TextCodecs.NAME, TextCodecs.UNKNOWN, TextCodecs.JSON}) {
            assertThat(roundTrip(codec, MIXED, format)).as(codec.typeName()).isEqualTo(MIXED);
            assertThat(roundTrip(codec, "", format)).isEmpty();
            assertThat(encode(codec, MIXED, format)).isEqualTo(MIXED.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void characterTypesAcceptCharacterButJsonDoesNot() {
        assertThat(encodeBinary(TextCodecs.TEXT, 'é')).isEqualTo(hex("c3 a9"));
        assertThat(TextCodecs.BPCHAR.canEncode(Character.class)).isTrue();
        assertThat(TextCodecs.JSON.canEncode(Character.class)).isFalse();
        assertThat(TextCodecs.TEXT.canEncode(Integer.class)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c3 28",          // second byte not a continuation
        "ed a0 80",       // an encoded surrogate (U+D800)
        "c0 af",          // overlong '/'
        "e0 80 af",       // overlong, three bytes
        "f4 90 80 80",    // above U+10FFFF
        "f8 88 80 80 80", // five-byte form
        "e2 82",          // truncated at the end
        "80",             // lone continuation byte
        "41 ff 41"        // 0xFF never appears in UTF-8
    })
    void malformedUtf8IsRejectedNotReplaced(String hex) {
        for (Format format : Format.values()) {
            assertThatThrownBy(() -> decode(TextCodecs.TEXT, hex(hex), format))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("malformed UTF-8");
        }
    }

    @Test
    void utf8AtTheEdgesOfTheValidRangesIsAccepted() {
        assertThat(decodeText(TextCodecs.TEXT, "\uD7FF\uE000\uFFFF")).isEqualTo("\uD7FF\uE000\uFFFF");
        assertThat(decodeBinary(TextCodecs.TEXT, "f4 8f bf bf")).isEqualTo(new String(Character.toChars(0x10FFFF)));
        assertThat(decodeBinary(TextCodecs.TEXT, "f0 90 80 80")).isEqualTo(new String(Character.toChars(0x10000)));
        assertThat(decodeBinary(TextCodecs.TEXT, "c2 80")).isEqualTo("\u0080");
    }

    @Test
    void unpairedSurrogatesCannotBeEncoded() {
        for (String bad : new String[] {"a\uD800", "\uDC00b", "\uD800\uD800"}) {
            assertThatThrownBy(() -> encodeBinary(TextCodecs.TEXT, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unpaired surrogate");
            assertThatThrownBy(() -> encodeBinary(TextCodecs.JSONB, bad))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> encodeText(NumericCodecs.INT4, bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void jsonbBinaryHasAVersionBytePrefix() {
        assertThat(encodeBinary(TextCodecs.JSONB, "{}")).isEqualTo(hex("01 7b 7d"));
        assertThat(encodeText(TextCodecs.JSONB, "{}")).isEqualTo("{}");
        assertThat(decodeBinary(TextCodecs.JSONB, "01 5b 31 5d")).isEqualTo("[1]");
        assertThat(decodeText(TextCodecs.JSONB, "{\"a\": \"é\"}")).isEqualTo("{\"a\": \"é\"}");
        assertThat(roundTrip(TextCodecs.JSONB, "{\"k\": [1, 2]}", Format.BINARY)).isEqualTo("{\"k\": [1, 2]}");
    }

    @Test
    void jsonbWithAnUnknownVersionOrNoVersionIsRejected() {
        assertThatThrownBy(() -> decodeBinary(TextCodecs.JSONB, "02 7b 7d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> decodeBinary(TextCodecs.JSONB, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> decodeBinary(TextCodecs.JSONB, "01 c3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed UTF-8");
    }

    // ---------------------------------------------------------------------------------------------------------
    // "char"

    @Test
    void charDecodesLikePostgresql14Prints() {
        assertThat(decodeBinary(TextCodecs.CHAR, "41")).isEqualTo("A");
        assertThat(decodeBinary(TextCodecs.CHAR, "00")).isEmpty();
        assertThat(decodeBinary(TextCodecs.CHAR, "e9")).isEqualTo("\\351");
        assertThat(decodeBinary(TextCodecs.CHAR, "80")).isEqualTo("\\200");
        assertThat(decodeText(TextCodecs.CHAR, "A")).isEqualTo("A");
        assertThat(decodeText(TextCodecs.CHAR, "")).isEmpty();
        assertThat(decodeText(TextCodecs.CHAR, "\\351")).isEqualTo("\\351");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void charRoundTripsEveryByte(Format format) {
        for (int b = 0; b < 256; b++) {
            String value = TextCodecs.CharCodec.fromByte(b);
            assertThat(roundTrip(TextCodecs.CHAR, value, format)).isEqualTo(value);
        }
        assertThat(encodeBinary(TextCodecs.CHAR, "\\377")).isEqualTo(bytes(0xFF));
        assertThat(encodeBinary(TextCodecs.CHAR, 'z')).isEqualTo(bytes('z'));
        assertThat(encodeText(TextCodecs.CHAR, "\\351")).isEqualTo("\\351");
    }

    @Test
    void charRefusesValuesThatAreNotOneByte() {
        for (Object bad : new Object[] {"ab", "é", "\\400", "\\12", 'é'}) {
            assertThatThrownBy(() -> encodeBinary(TextCodecs.CHAR, bad))
                    .as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"char\"");
        }
        assertThatThrownBy(() -> decodeBinary(TextCodecs.CHAR, "41 42"))
                .hasMessage("invalid binary \"char\" value: length 2, expected 1");
        assertThatThrownBy(() -> decodeText(TextCodecs.CHAR, "ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decode(TextCodecs.CHAR, hex("e9"), Format.TEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The fallback for types without a codec

    enum Mood { HAPPY, SAD { } }

    @Test
    void fallbackSendsTheSafeSetInText() {
        TextCodecs.FallbackCodec codec = TextCodecs.FALLBACK;
        assertThat(codec.supportsBinary()).isFalse();
        assertThat(encodeText(codec, "x")).isEqualTo("x");
        assertThat(encodeText(codec, Mood.HAPPY)).isEqualTo("HAPPY");
        assertThat(encodeText(codec, Mood.SAD)).isEqualTo("SAD");
        assertThat(codec.canEncode(Mood.SAD.getClass())).isTrue();
        assertThat(encodeText(codec, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(encodeText(codec, 42L)).isEqualTo("42");
        assertThat(encodeText(codec, true)).isEqualTo("true");
        UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(encodeText(codec, uuid)).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(codec.canEncode(LocalDate.class)).isFalse();
        assertThat(codec.canEncode(Object.class)).isFalse();
    }

    @Test
    void fallbackDecodesTextOnly() {
        assertThat(decodeText(TextCodecs.FALLBACK, "(1,2)")).isEqualTo("(1,2)");
        assertThatThrownBy(() -> decodeBinary(TextCodecs.FALLBACK, "00 01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text format");
        assertThatThrownBy(() -> encodeBinary(TextCodecs.FALLBACK, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
