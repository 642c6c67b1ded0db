package io.pgasync.internal.codec;

import static io.pgasync.internal.codec.CodecTesting.decodeBinary;
import static io.pgasync.internal.codec.CodecTesting.decodeText;
import static io.pgasync.internal.codec.CodecTesting.encodeBinary;
import static io.pgasync.internal.codec.CodecTesting.encodeText;
import static io.pgasync.internal.codec.CodecTesting.hex;
import static io.pgasync.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.types.PgArray;
import io.pgasync.types.PgBox;
import io.pgasync.types.PgPoint;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArrayCodecTest {

    @SuppressWarnings("unchecked")
    private static final Codec<PgArray<?>> INT4_ARRAY =
            (Codec<PgArray<?>>) CodecRegistry.builtins().find(PgOids.INT4_ARRAY);
    @SuppressWarnings("unchecked")
    private static final Codec<PgArray<?>> TEXT_ARRAY =
            (Codec<PgArray<?>>) CodecRegistry.builtins().find(PgOids.TEXT_ARRAY);
    @SuppressWarnings("unchecked")
    private static final Codec<PgArray<?>> BOX_ARRAY =
            (Codec<PgArray<?>>) CodecRegistry.builtins().find(PgOids.BOX_ARRAY);

    /** array_send('{1,NULL,3}'::int4[]) */
    private static final String ONE_NULL_THREE =
            "00000001 00000001 00000017 00000003 00000001 00000004 00000001 ffffffff 00000004 00000003";
    /** array_send('[0:1][-1:0]={{1,2},{3,4}}'::int4[]) */
    private static final String TWO_BY_TWO = "00000002 00000000 00000017 00000002 00000000 00000002 ffffffff"
            + " 00000004 00000001 00000004 00000002 00000004 00000003 00000004 00000004";

    @Test
    void binaryIsTheServersArraySendFormat() {
        assertThat(encodeBinary(INT4_ARRAY, PgArray.of(1, null, 3))).isEqualTo(hex(ONE_NULL_THREE));
        assertThat(decodeBinary(INT4_ARRAY, ONE_NULL_THREE)).isEqualTo(Arrays.asList(1, null, 3));
        assertThat(decodeBinary(INT4_ARRAY, "00000000 00000000 00000017")).isEqualTo(PgArray.empty());
        assertThat(encodeBinary(INT4_ARRAY, List.of())).isEqualTo(hex("00000000 00000000 00000017"));
    }

    @Test
    void multiDimensionalArraysKeepTheirLowerBounds() {
        PgArray<?> decoded = decodeBinary(INT4_ARRAY, TWO_BY_TWO);
        assertThat(decoded).isEqualTo(List.of(List.of(1, 2), List.of(3, 4)));
        assertThat(decoded.lowerBound()).isZero();
        assertThat(((PgArray<?>) decoded.get(0)).lowerBound()).isEqualTo(-1);
        assertThat(decoded.dimensions()).isEqualTo(2);
        assertThat(encodeBinary(INT4_ARRAY, decoded)).isEqualTo(hex(TWO_BY_TWO));
        assertThat(encodeText(INT4_ARRAY, decoded)).isEqualTo("[0:1][-1:0]={{1,2},{3,4}}");
        PgArray<?> fromText = decodeText(INT4_ARRAY, "[0:1][-1:0]={{1,2},{3,4}}");
        assertThat(fromText.equalsWithBounds(decoded)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void javaContainersEncodeAsArrays(Format format) {
        assertThat(roundTrip(INT4_ARRAY, new int[] {1, 2}, format)).isEqualTo(List.of(1, 2));
        assertThat(roundTrip(INT4_ARRAY, new Integer[] {1, null}, format)).isEqualTo(Arrays.asList(1, null));
        assertThat(roundTrip(INT4_ARRAY, List.of(List.of(1, 2), List.of(3, 4)), format))
                .isEqualTo(List.of(List.of(1, 2), List.of(3, 4)));
        assertThat(roundTrip(INT4_ARRAY, new long[][] {{1}, {2}}, format)).isEqualTo(List.of(List.of(1), List.of(2)));
        assertThat(roundTrip(INT4_ARRAY, new int[0], format)).isSameAs(PgArray.empty());
        assertThat(roundTrip(INT4_ARRAY, new int[][] {{}, {}}, format)).isSameAs(PgArray.empty());
        assertThat(roundTrip(TEXT_ARRAY, PgArray.of("x").withLowerBound(7), format).lowerBound()).isEqualTo(7);
    }

    @Test
    void textElementsAreQuotedWhenTheyMustBe() {
        PgArray<String> tricky = PgArray.of("", "NULL", "null", "a,b", "{x}", "q\"d", "b\\s", " lead", "plain",
                "é😀", null);
        String text = encodeText(TEXT_ARRAY, tricky);
        assertThat(text).isEqualTo("{\"\",\"NULL\",\"null\",\"a,b\",\"{x}\",\"q\\\"d\",\"b\\\\s\",\" lead\",plain,"
                + "é😀,NULL}");
        assertThat(decodeText(TEXT_ARRAY, text)).isEqualTo(tricky);
        // the server's own output, and what array_in accepts: spaces around unquoted elements, escapes unquoted
        assertThat(decodeText(TEXT_ARRAY, "{ a , \"b c\" ,NULL, d\\,e }")).isEqualTo(Arrays.asList("a", "b c", null,
                "d,e"));
        assertThat(decodeText(TEXT_ARRAY, "{}")).isSameAs(PgArray.empty());
    }

    @Test
    void boxArraysUseTheSemicolonDelimiter() {
        PgArray<PgBox> boxes = PgArray.of(new PgBox(new PgPoint(1, 2), new PgPoint(0, 0)),
                new PgBox(new PgPoint(3, 4), new PgPoint(1, 1)));
        String text = encodeText(BOX_ARRAY, boxes);
        assertThat(text).isEqualTo("{(1,2),(0,0);(3,4),(1,1)}");
        assertThat(decodeText(BOX_ARRAY, text)).isEqualTo(boxes);
    }

    @Test
    void stringElementsForANonTextTypeMakeTheArrayGoInText() {
        SessionCodecs codecs = new SessionCodecs(CodecRegistry.builtins(), new TypeCache(), null);
        assertThat(codecs.parameterFormat(INT4_ARRAY, List.of(1, 2))).isEqualTo(Format.BINARY);
        assertThat(codecs.parameterFormat(INT4_ARRAY, List.of("1", 2))).isEqualTo(Format.TEXT);
        assertThat(codecs.parameterFormat(INT4_ARRAY, List.of(List.of(1), List.of("2")))).isEqualTo(Format.TEXT);
        assertThat(codecs.parameterFormat(TEXT_ARRAY, List.of("a"))).isEqualTo(Format.BINARY);
        assertThat(encodeText(INT4_ARRAY, List.of("1", 2))).isEqualTo("{1,2}");
    }

    @Test
    void valuesThatDoNotFitAreRefusedWithTheReason() {
        assertThatThrownBy(() -> encodeBinary(INT4_ARRAY, List.of(List.of(1, 2), List.of(3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rectangular");
        assertThatThrownBy(() -> encodeBinary(INT4_ARRAY, List.of(1, List.of(2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encodeBinary(INT4_ARRAY, List.of(new BigDecimal("1.5"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fractional");
        assertThatThrownBy(() -> encodeBinary(INT4_ARRAY, List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("element 0");
        Object seven = List.of(List.of(List.of(List.of(List.of(List.of(List.of(1)))))));
        assertThatThrownBy(() -> encodeBinary(INT4_ARRAY, seven))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 dimensions");
    }

    @Test
    void malformedTextIsRefused() {
        for (String text : new String[] {"", "{", "{1,2", "1,2}", "{1,,2}", "{{1},2}", "{{1,2},{3}}", "{1}x",
            "[1:2]={1}", "[1:2={1,2}", "{\"a}", "{{{{{{{1}}}}}}}"}) {
            assertThatThrownBy(() -> decodeText(INT4_ARRAY, text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Hostile binary headers: reliability #12

    /** A binary array header with the given fields, then {@code elements} 4-byte elements of value 1. */
    private static byte[] header(int ndims, int flags, int oid, int[] dims, int[] lbs, int elements) {
        ByteBuf buf = Unpooled.buffer();
        try {
            buf.writeInt(ndims).writeInt(flags).writeInt(oid);
            for (int i = 0; i < dims.length; i++) {
                buf.writeInt(dims[i]).writeInt(lbs[i]);
            }
            for (int i = 0; i < elements; i++) {
                buf.writeInt(4).writeInt(1);
            }
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(0, bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    @Test
    void asyncpgCve2020_17446_untrustedDimensionsAreCheckedBeforeAnyAllocation() {
        int oid = PgOids.INT4;
        // ndims outside 0..6, including negative and huge
        for (int ndims : new int[] {7, 100, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            byte[] bytes = header(ndims, 0, oid, new int[] {1}, new int[] {1}, 1);
            assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, bytes)).as("ndims %d", ndims)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimensions");
        }
        // a negative dimension
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, header(1, 0, oid, new int[] {-1}, new int[] {1}, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        // dimensions whose product overflows 32 (and 64) bits, with almost no bytes behind them
        int[] huge = {65_536, 65_536, 65_536, 65_536, 65_536, 65_536};
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, header(6, 0, oid, huge, new int[6], 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more elements");
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, header(2, 0, oid, new int[] {Integer.MAX_VALUE, 2},
                new int[] {1, 1}, 2))).isInstanceOf(IllegalArgumentException.class);
        // more elements announced than the bytes can hold
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, header(1, 0, oid, new int[] {3}, new int[] {1}, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        // an upper bound beyond 32 bits
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, header(1, 0, oid, new int[] {2},
                new int[] {Integer.MAX_VALUE}, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upper bound");
        // invalid flags, a header cut short, an element length past the end, trailing bytes
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, header(1, 2, oid, new int[] {1}, new int[] {1}, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flags");
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, "00000002 00000000 00000017 00000001 00000001"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY,
                "00000001 00000000 00000017 00000001 00000001 7fffffff 00000001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond");
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY,
                "00000001 00000000 00000017 00000001 00000001 00000004 00000001 00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
        // an element type the array does not hold
        assertThatThrownBy(() -> decodeBinary(INT4_ARRAY, header(1, 0, 424_242, new int[] {1}, new int[] {1}, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("element type");
        // the biggest legal shape still decodes
        assertThat(decodeBinary(INT4_ARRAY, header(6, 0, oid, new int[] {1, 1, 1, 1, 1, 2}, new int[6], 2)))
                .isEqualTo(List.of(List.of(List.of(List.of(List.of(List.of(1, 1)))))));
    }
}
