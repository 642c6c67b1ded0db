package io.pgasync.internal.codec;

import static io.pgasync.internal.codec.CodecTesting.decodeBinary;
import static io.pgasync.internal.codec.CodecTesting.decodeText;
import static io.pgasync.internal.codec.CodecTesting.encodeBinary;
import static io.pgasync.internal.codec.CodecTesting.encodeText;
import static io.pgasync.internal.codec.CodecTesting.hex;
import static io.pgasync.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.codec.PgJsonMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExtensionAndJsonCodecsTest {

    enum Mood { SAD, HAPPY }

    @Test
    void hstoreBinaryIsCountedPairs() {
        String bytes = "00000002 00000001 61 00000001 31 00000001 62 ffffffff";
        Map<String, String> map = new LinkedHashMap<>();
        map.put("a", "1");
        map.put("b", null);
        assertThat(encodeBinary(ExtensionCodecs.HSTORE, map)).isEqualTo(hex(bytes));
        assertThat(decodeBinary(ExtensionCodecs.HSTORE, bytes)).isEqualTo(map);
        assertThat(encodeText(ExtensionCodecs.HSTORE, map)).isEqualTo("\"a\"=>\"1\", \"b\"=>NULL");
        assertThat(decodeText(ExtensionCodecs.HSTORE, "\"a\"=>\"1\", \"b\"=>NULL")).isEqualTo(map);
        assertThat(decodeText(ExtensionCodecs.HSTORE, "a=>1,b=>NULL")).isEqualTo(map);
        assertThat(decodeText(ExtensionCodecs.HSTORE, "")).isEqualTo(Map.of());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void hstoreRoundTripsAwkwardStrings(Format format) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("q\"uote", "back\\slash");
        map.put("", "");
        map.put("=>", ", ");
        map.put("😀", null);
        assertThat(roundTrip(ExtensionCodecs.HSTORE, map, format)).isEqualTo(map);
    }

    @Test
    void malformedHstoreIsRefused() {
        assertThatThrownBy(() -> decodeBinary(ExtensionCodecs.HSTORE, "7fffffff")).hasMessageContaining("pairs");
        assertThatThrownBy(() -> decodeBinary(ExtensionCodecs.HSTORE, "00000001 ffffffff 00000000"))
                .hasMessageContaining("key length");
        assertThatThrownBy(() -> decodeText(ExtensionCodecs.HSTORE, "a=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeText(ExtensionCodecs.HSTORE, "\"a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encodeBinary(ExtensionCodecs.HSTORE, Map.of(1, "x")))
                .hasMessageContaining("keys are strings");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void enumsAreTheirLabelsAndTakeJavaEnumsByName(Format format) {
        ExtensionCodecs.EnumCodec mood = new ExtensionCodecs.EnumCodec(70_001, "mood");
        assertThat(roundTrip(mood, "happy", format)).isEqualTo("happy");
        assertThat(roundTrip(mood, Mood.SAD, format)).isEqualTo("SAD");
        assertThat(mood.canEncode(Mood.class)).isTrue();
        assertThat(mood.canEncode(Integer.class)).isFalse();
        assertThat(encodeBinary(mood, Mood.HAPPY)).isEqualTo("HAPPY".getBytes());
    }

    @Test
    void citextJsonpathAndXmlAreText() {
        assertThat(roundTrip(TextCodecs.CITEXT, "MiXeD", Format.BINARY)).isEqualTo("MiXeD");
        assertThat(encodeBinary(TextCodecs.JSONPATH, "$.a")).isEqualTo(hex("01242e61"));
        assertThat(decodeBinary(TextCodecs.JSONPATH, "01242e226122")).isEqualTo("$.\"a\"");
        assertThatThrownBy(() -> decodeBinary(TextCodecs.JSONPATH, "02242e61")).hasMessageContaining("version");
        assertThat(roundTrip(TextCodecs.XML, "<a>é</a>", Format.BINARY)).isEqualTo("<a>é</a>");
        assertThat(TextCodecs.TSVECTOR.supportsBinary()).isFalse();
        assertThat(decodeText(TextCodecs.TSQUERY, "'a' & 'b'")).isEqualTo("'a' & 'b'");
    }

    /** Maps List to JSON arrays of numbers and back, to see the hook. */
    static final class ListMapper implements PgJsonMapper {
        @Override
        public <T> T read(String json, Class<T> type) {
            String inner = json.trim().substring(1, json.trim().length() - 1).trim();
            List<BigDecimal> list = inner.isEmpty() ? List.of() : java.util.Arrays.stream(inner.split(","))
                    .map(s -> new BigDecimal(s.trim())).toList();
            return type.cast(list);
        }

        @Override
        public String write(Object value) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalStateException("lists only");
            }
            return list.toString();
        }
    }

    @Test
    void aJsonMapperReadsAndWritesJsonAndJsonb() {
        Codec<Object> jsonb = JsonCodecs.jsonb(new ListMapper());
        Codec<Object> json = JsonCodecs.json(new ListMapper());
        assertThat(encodeBinary(jsonb, List.of(1, 2))).isEqualTo(hex("01 5b 31 2c 20 32 5d"));
        assertThat(decodeBinary(jsonb, "01 5b 31 2c 32 5d")).isEqualTo(List.of(BigDecimal.ONE, new BigDecimal("2")));
        assertThat(encodeText(json, List.of(3))).isEqualTo("[3]");
        assertThat(decodeText(json, "[]")).isEqualTo(List.of());
        assertThat(jsonb.canEncode(Object.class)).isTrue();
        // a String is JSON text, sent as it is in text
        assertThat(encodeText(jsonb, "{\"a\": 1}")).isEqualTo("{\"a\": 1}");
        assertThat(new SessionCodecs(CodecRegistry.builtins(), new TypeCache(), new ListMapper())
                .parameterFormat(jsonb, "{}")).isEqualTo(Format.TEXT);
        assertThatThrownBy(() -> encodeBinary(jsonb, "x".repeat(0) + 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encodeBinary(jsonb, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could not write").hasMessageContaining("lists only");
        assertThatThrownBy(() -> decodeText(json, "{")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could not read");
        assertThatThrownBy(() -> decodeBinary(jsonb, "02 5b 5d")).hasMessageContaining("version");
    }

    @Test
    void withoutAMapperJsonIsAStringAndNothingElse() {
        assertThat(TextCodecs.JSONB.canEncode(Map.class)).isFalse();
        assertThat(TextCodecs.JSON.canEncode(List.class)).isFalse();
        assertThat(decodeBinary(TextCodecs.JSONB, "01 7b 7d")).isEqualTo("{}");
    }
}
