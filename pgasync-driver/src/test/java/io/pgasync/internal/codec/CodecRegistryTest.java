package io.pgasync.internal.codec;

import static io.pgasync.internal.codec.CodecTesting.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import io.pgasync.types.PgInterval;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {

    private final CodecRegistry registry = CodecRegistry.builtins();

    @Test
    void builtinsIsOneSharedInstance() {
        assertThat(CodecRegistry.builtins()).isSameAs(CodecRegistry.builtins());
    }

    @Test
    void everyCoreTypeHasItsCodecAndJavaType() {
        Map<Integer, Object[]> expected = new LinkedHashMap<>();
        expected.put(PgOids.BOOL, new Object[] {"bool", Boolean.class});
        expected.put(PgOids.BYTEA, new Object[] {"bytea", byte[].class});
        expected.put(PgOids.CHAR, new Object[] {"\"char\"", String.class});
        expected.put(PgOids.NAME, new Object[] {"name", String.class});
        expected.put(PgOids.INT8, new Object[] {"int8", Long.class});
        expected.put(PgOids.INT2, new Object[] {"int2", Short.class});
        expected.put(PgOids.INT4, new Object[] {"int4", Integer.class});
        expected.put(PgOids.TEXT, new Object[] {"text", String.class});
        expected.put(PgOids.OID, new Object[] {"oid", Long.class});
        expected.put(PgOids.JSON, new Object[] {"json", String.class});
        expected.put(PgOids.FLOAT4, new Object[] {"float4", Float.class});
        expected.put(PgOids.FLOAT8, new Object[] {"float8", Double.class});
        expected.put(PgOids.UNKNOWN, new Object[] {"unknown", String.class});
        expected.put(PgOids.BPCHAR, new Object[] {"bpchar", String.class});
        expected.put(PgOids.VARCHAR, new Object[] {"varchar", String.class});
        expected.put(PgOids.DATE, new Object[] {"date", LocalDate.class});
        expected.put(PgOids.TIME, new Object[] {"time", LocalTime.class});
        expected.put(PgOids.TIMESTAMP, new Object[] {"timestamp", LocalDateTime.class});
        expected.put(PgOids.TIMESTAMPTZ, new Object[] {"timestamptz", OffsetDateTime.class});
        expected.put(PgOids.INTERVAL, new Object[] {"interval", PgInterval.class});
        expected.put(PgOids.TIMETZ, new Object[] {"timetz", OffsetTime.class});
        expected.put(PgOids.NUMERIC, new Object[] {"numeric", Number.class});
        expected.put(PgOids.VOID, new Object[] {"void", Void.class});
        expected.put(PgOids.UUID, new Object[] {"uuid", UUID.class});
        expected.put(PgOids.JSONB, new Object[] {"jsonb", String.class});
        for (Map.Entry<Integer, Object[]> e : expected.entrySet()) {
            Codec<?> codec = registry.decoderFor(e.getKey());
            assertThat(codec.typeName()).as("oid %d", e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(codec.javaType()).as("oid %d", e.getKey()).isEqualTo(e.getValue()[1]);
            assertThat(((BaseCodec<?>) codec).oid()).isEqualTo(e.getKey());
            assertThat(registry.resultFormat(e.getKey())).isEqualTo(Format.BINARY);
            assertThat(registry.find(e.getKey())).isSameAs(codec);
        }
    }

    @Test
    void catalogOidsAreTheServersOnes() {
        // Spot checks against pg_type.dat; a typo here would silently mis-decode a type.
        assertThat(new int[] {PgOids.BOOL, PgOids.BYTEA, PgOids.CHAR, PgOids.NAME, PgOids.INT8, PgOids.INT2,
            PgOids.INT4, PgOids.TEXT, PgOids.OID, PgOids.JSON, PgOids.XML, PgOids.FLOAT4, PgOids.FLOAT8,
            PgOids.UNKNOWN, PgOids.MONEY, PgOids.BPCHAR, PgOids.VARCHAR, PgOids.DATE, PgOids.TIME,
            PgOids.TIMESTAMP, PgOids.TIMESTAMPTZ, PgOids.INTERVAL, PgOids.TIMETZ, PgOids.NUMERIC, PgOids.UUID,
            PgOids.JSONB, PgOids.VOID, PgOids.RECORD})
                .containsExactly(16, 17, 18, 19, 20, 21, 23, 25, 26, 114, 142, 700, 701, 705, 790, 1042, 1043, 1082,
                        1083, 1114, 1184, 1186, 1266, 1700, 2950, 3802, 2278, 2249);
        assertThat(new int[] {PgOids.BOOL_ARRAY, PgOids.INT4_ARRAY, PgOids.TEXT_ARRAY, PgOids.INT8_ARRAY,
            PgOids.FLOAT8_ARRAY, PgOids.VARCHAR_ARRAY, PgOids.NUMERIC_ARRAY, PgOids.TIMESTAMPTZ_ARRAY,
            PgOids.UUID_ARRAY, PgOids.JSONB_ARRAY, PgOids.JSON_ARRAY, PgOids.RECORD_ARRAY})
                .containsExactly(1000, 1007, 1009, 1016, 1022, 1015, 1231, 1185, 2951, 3807, 199, 2287);
    }

    @Test
    void anUnknownOidDecodesAsTextAndIsRequestedInText() {
        for (int oid : new int[] {PgOids.PG_NODE_TREE, PgOids.ANYELEMENT, 9999, 10000, 16_384, 123_456, -1, -2_000_000}) {
            assertThat(registry.find(oid)).isNull();
            Codec<?> codec = registry.decoderFor(oid);
            assertThat(codec).isSameAs(TextCodecs.FALLBACK);
            assertThat(codec.javaType()).isEqualTo(String.class);
            assertThat(registry.resultFormat(oid)).isEqualTo(Format.TEXT);
        }
    }

    @Test
    void aNativeValueIsSentInBinary() {
        Codec<?> codec = registry.encoderFor(PgOids.INT4, 5);
        assertThat(codec).isSameAs(NumericCodecs.INT4);
        assertThat(registry.parameterFormat(codec, 5)).isEqualTo(Format.BINARY);
        Codec<?> text = registry.encoderFor(PgOids.TEXT, "x");
        assertThat(registry.parameterFormat(text, "x")).isEqualTo(Format.BINARY);
        assertThat(registry.encoderFor(PgOids.INT8, 5)).isSameAs(NumericCodecs.INT8);
        assertThat(registry.encoderFor(PgOids.NUMERIC, 1.5)).isSameAs(NumericCodecs.NUMERIC);
    }

    @Test
    void aStringForANonStringTypeIsSentInTextForTheServerToParse() {
        Codec<?> codec = registry.encoderFor(PgOids.INT4, "42");
        assertThat(codec).isSameAs(NumericCodecs.INT4);
        assertThat(registry.parameterFormat(codec, "42")).isEqualTo(Format.TEXT);
        assertThat(encode(codec, "42", Format.TEXT)).isEqualTo("42".getBytes(StandardCharsets.US_ASCII));
        Codec<?> date = registry.encoderFor(PgOids.DATE, "2024-01-01");
        assertThat(registry.parameterFormat(date, "2024-01-01")).isEqualTo(Format.TEXT);
        // "char" and jsonb take strings natively, so in binary
        assertThat(registry.parameterFormat(registry.encoderFor(PgOids.JSONB, "{}"), "{}")).isEqualTo(Format.BINARY);
        assertThat(registry.parameterFormat(registry.encoderFor(PgOids.CHAR, "a"), "a")).isEqualTo(Format.BINARY);
    }

    @Test
    void aValueThatDoesNotFitTheTypeHasNoEncoder() {
        assertThat(registry.encoderFor(PgOids.INT4, UUID.randomUUID())).isNull();
        assertThat(registry.encoderFor(PgOids.UUID, 5)).isNull();
        assertThat(registry.encoderFor(PgOids.TIMESTAMP, new Object())).isNull();
    }

    enum Color { RED }

    @Test
    void aTypeWithoutACodecTakesStringsAndTheSafeSetInText() {
        int userEnumOid = 16_500;
        for (Object value : new Object[] {"red", Color.RED, 7, new BigDecimal("1.5"), true, UUID.randomUUID()}) {
            Codec<?> codec = registry.encoderFor(userEnumOid, value);
            assertThat(codec).as("%s", value).isSameAs(TextCodecs.FALLBACK);
            assertThat(registry.parameterFormat(codec, value)).isEqualTo(Format.TEXT);
        }
        assertThat(encode(registry.encoderFor(userEnumOid, Color.RED), Color.RED, Format.TEXT))
                .isEqualTo("RED".getBytes(StandardCharsets.US_ASCII));
        assertThat(registry.encoderFor(userEnumOid, LocalDate.now())).isNull();
        assertThat(registry.encoderFor(userEnumOid, new Object())).isNull();
        assertThat(registry.encoderFor(PgOids.PG_NODE_TREE, "x")).isSameAs(TextCodecs.FALLBACK);
    }

    /** A user codec for a dynamic OID that accepts only Integer, for the builder tests. */
    static final class PointCodec implements Codec<Integer> {
        @Override
        public String typeName() {
            return "mypoint";
        }

        @Override
        public Class<Integer> javaType() {
            return Integer.class;
        }

        @Override
        public void encode(Object value, Format format, ByteBuf out, CodecContext context) {
            out.writeInt((Integer) value);
        }

        @Override
        public Integer decode(ByteBuf in, int length, Format format, CodecContext context) {
            return in.getInt(in.readerIndex());
        }
    }

    @Test
    void theBuilderAddsCodecsWithoutChangingTheBase() {
        PointCodec point = new PointCodec();
        CodecRegistry custom = CodecRegistry.builder(registry)
                .register(70_000, point)
                .register(PgOids.PG_NODE_TREE, point)
                .register(-5, point)
                .build();
        assertThat(custom.decoderFor(70_000)).isSameAs(point);
        assertThat(custom.decoderFor(PgOids.PG_NODE_TREE)).isSameAs(point);
        assertThat(custom.decoderFor(-5)).isSameAs(point);
        assertThat(custom.resultFormat(70_000)).isEqualTo(Format.BINARY);
        assertThat(custom.decoderFor(PgOids.INT4)).isSameAs(NumericCodecs.INT4);
        assertThat(registry.find(70_000)).isNull();
        assertThat(registry.find(PgOids.PG_NODE_TREE)).isNull();
        // A string the custom codec does not take goes through the text fallback.
        assertThat(custom.encoderFor(70_000, 3)).isSameAs(point);
        assertThat(custom.encoderFor(70_000, "(1,2)")).isSameAs(TextCodecs.FALLBACK);
        assertThat(custom.parameterFormat(TextCodecs.FALLBACK, "(1,2)")).isEqualTo(Format.TEXT);
        assertThat(custom.encoderFor(70_000, 1.5)).isNull();
    }

    @Test
    void aBuiltRegistryIsNotChangedByLaterRegistrations() {
        CodecRegistry.Builder builder = CodecRegistry.builder(registry);
        CodecRegistry first = builder.build();
        builder.register(PgOids.INT4, new PointCodec()).register(80_000, new PointCodec());
        assertThat(first.decoderFor(PgOids.INT4)).isSameAs(NumericCodecs.INT4);
        assertThat(first.find(80_000)).isNull();
    }

    @Test
    void oidZeroCannotHaveACodec() {
        assertThatThrownBy(() -> CodecRegistry.builder(registry).register(0, new PointCodec()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.decoderFor(0)).isSameAs(TextCodecs.FALLBACK);
    }
}
