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
import io.pgasync.types.PgArray;
import io.pgasync.types.PgMultirange;
import io.pgasync.types.PgRange;
import io.pgasync.types.PgRecord;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RangeAndRecordCodecsTest {

    private static final Codec<?> INT4RANGE = CodecRegistry.builtins().find(PgOids.INT4RANGE);
    private static final Codec<?> INT8RANGE = CodecRegistry.builtins().find(PgOids.INT8RANGE);
    private static final Codec<?> NUMRANGE = CodecRegistry.builtins().find(PgOids.NUMRANGE);
    private static final Codec<?> TSRANGE = CodecRegistry.builtins().find(PgOids.TSRANGE);
    private static final Codec<?> INT4MULTIRANGE = CodecRegistry.builtins().find(PgOids.INT4MULTIRANGE);

    @Test
    void rangeBinaryIsFlagsAndBounds() {
        assertThat(encodeBinary(INT4RANGE, PgRange.closedOpen(1, 5))).isEqualTo(hex("02 00000004 00000001 00000004 00000005"));
        assertThat(decodeBinary(INT4RANGE, "02 00000004 00000001 00000004 00000005")).isEqualTo(PgRange.closedOpen(1, 5));
        assertThat(encodeBinary(INT4RANGE, PgRange.empty())).isEqualTo(hex("01"));
        assertThat(decodeBinary(INT4RANGE, "01")).isEqualTo(PgRange.empty());
        assertThat(decodeBinary(INT8RANGE, "08 00000008 0000000000000006")).isEqualTo(PgRange.of(null, false, 6L, false));
        assertThat(encodeBinary(INT4RANGE, PgRange.unbounded())).isEqualTo(hex("18"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void rangesRoundTrip(Format format) {
        Object[] ranges = {PgRange.closed(1, 5), PgRange.empty(), PgRange.unbounded(), PgRange.of(null, false, 3, true),
            PgRange.of(-7, false, null, true)};
        for (Object r : ranges) {
            assertThat(roundTrip(INT4RANGE, r, format)).isEqualTo(r);
        }
        PgRange<BigDecimal> num = PgRange.of(new BigDecimal("1.50"), false, new BigDecimal("2"), true);
        assertThat(roundTrip(NUMRANGE, num, format)).isEqualTo(num);
        PgRange<LocalDateTime> ts = PgRange.closedOpen(LocalDateTime.of(2024, 1, 1, 10, 0), LocalDateTime.MAX);
        assertThat(roundTrip(TSRANGE, ts, format)).isEqualTo(ts);
    }

    @Test
    void rangeTextQuotesBoundsThatNeedIt() {
        PgRange<LocalDateTime> ts = PgRange.closedOpen(LocalDateTime.of(2024, 1, 1, 10, 0), null);
        assertThat(encodeText(TSRANGE, ts)).isEqualTo("[\"2024-01-01 10:00:00\",)");
        assertThat(decodeText(TSRANGE, "[\"2024-01-01 10:00:00\",)")).isEqualTo(ts);
        assertThat(decodeText(INT4RANGE, "empty")).isEqualTo(PgRange.empty());
        assertThat(decodeText(INT4RANGE, "(,)")).isEqualTo(PgRange.unbounded());
        for (String bad : new String[] {"", "[1,2", "1,2)", "[1;2)", "[1,2)x", "emptyish", "[\"1,2)"}) {
            assertThatThrownBy(() -> decodeText(INT4RANGE, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void malformedBinaryRangesAreRefused() {
        assertThatThrownBy(() -> decodeBinary(INT4RANGE, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeBinary(INT4RANGE, "01 00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decodeBinary(INT4RANGE, "02 7fffffff 00000001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bound length");
        assertThatThrownBy(() -> decodeBinary(INT4RANGE, "18 00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encodeBinary(INT4RANGE, PgRange.closed("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multirangeBinaryIsACountAndRanges() {
        String bytes = "00000002 00000011 02 00000004 00000001 00000004 00000003"
                + " 00000011 02 00000004 00000005 00000004 00000007";
        PgMultirange<Integer> m = PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(5, 7));
        assertThat(encodeBinary(INT4MULTIRANGE, m)).isEqualTo(hex(bytes));
        assertThat(decodeBinary(INT4MULTIRANGE, bytes)).isEqualTo(m);
        assertThat(encodeText(INT4MULTIRANGE, m)).isEqualTo("{[1,3),[5,7)}");
        assertThat(decodeText(INT4MULTIRANGE, "{[1,3), [5,7)}")).isEqualTo(m);
        assertThat(decodeText(INT4MULTIRANGE, "{}")).isEqualTo(PgMultirange.empty());
        assertThatThrownBy(() -> decodeBinary(INT4MULTIRANGE, "7fffffff 00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ranges");
        assertThatThrownBy(() -> decodeText(INT4MULTIRANGE, "{[1,3)")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Records

    /** A named composite (n numeric, label text, tags text[]). */
    private static final RecordCodecs.CompositeCodec COMPOSITE = new RecordCodecs.CompositeCodec(70_000, "thing",
            new String[] {"n", "label", "tags"}, new int[] {PgOids.NUMERIC, PgOids.TEXT, PgOids.TEXT_ARRAY},
            new Codec<?>[] {NumericCodecs.NUMERIC, TextCodecs.TEXT, CodecRegistry.builtins().find(PgOids.TEXT_ARRAY)});

    @Test
    void anonymousRecordBinaryCarriesEachFieldsType() {
        // record_send(ROW(1, 'ab', NULL))
        String bytes = "00000003 00000017 00000004 00000001 000002c1 00000002 6162 000002c1 ffffffff";
        PgRecord record = decodeBinary(RecordCodecs.RECORD, bytes);
        assertThat(record.values()).containsExactly(1, "ab", null);
        assertThat(record.names()).isEmpty();
        assertThat(decodeText(RecordCodecs.RECORD, "(1,ab,)").values()).containsExactly("1", "ab", null);
        assertThat(decodeText(RecordCodecs.RECORD, "()").size()).isZero();
        assertThatThrownBy(() -> encodeBinary(RecordCodecs.RECORD, PgRecord.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named composite");
    }

    @Test
    void anAnonymousRecordFieldOfAnUnknownTypeIsAClearError() {
        assertThatThrownBy(() -> decodeBinary(RecordCodecs.RECORD, "00000001 00011170 00000001 61"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000")
                .hasMessageContaining("cast the field");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void namedCompositesRoundTripWithNullsAndQuotes(Format format) {
        PgRecord value = PgRecord.of(List.of("n", "label", "tags"), Arrays.asList(new BigDecimal("1.5"),
                "a \"b\", (c) \\d", PgArray.of("x", null, "")));
        assertThat(roundTrip(COMPOSITE, value, format)).isEqualTo(value);
        PgRecord nulls = PgRecord.of(List.of("n", "label", "tags"), Arrays.asList(null, "", null));
        assertThat(roundTrip(COMPOSITE, nulls, format)).isEqualTo(nulls);
    }

    @Test
    void compositeTextIsRecordOut() {
        PgRecord value = PgRecord.of(List.of("n", "label", "tags"), Arrays.asList(null, "a\"b", PgArray.of("x")));
        assertThat(encodeText(COMPOSITE, value)).isEqualTo("(,\"a\"\"b\",{x})");
        assertThat(decodeText(COMPOSITE, "(1,\"x\"\"y\\\\z\",\"{a,b}\")").values())
                .containsExactly(new BigDecimal("1"), "x\"y\\z", List.of("a", "b"));
    }

    @Test
    void compositeParametersByPositionOrName() {
        byte[] fromRecord = encodeBinary(COMPOSITE, PgRecord.of(1, "a", null));
        assertThat(encodeBinary(COMPOSITE, List.of(1, "a", List.of()))).hasSize(fromRecord.length + 12); // an empty array instead of NULL
        assertThat(encodeBinary(COMPOSITE, new Object[] {1, "a", null})).isEqualTo(fromRecord);
        Map<String, Object> byName = new LinkedHashMap<>();
        byName.put("label", "a");
        byName.put("n", 1);
        assertThat(encodeBinary(COMPOSITE, byName)).isEqualTo(fromRecord);
        assertThatThrownBy(() -> encodeBinary(COMPOSITE, List.of(1))).hasMessageContaining("3 attributes");
        assertThatThrownBy(() -> encodeBinary(COMPOSITE, Map.of("x", 1))).hasMessageContaining("no attribute named [x]");
        assertThatThrownBy(() -> encodeBinary(COMPOSITE, List.of(1, 2, 3))).hasMessageContaining("attribute label");
        assertThat(COMPOSITE.formatFor(List.of("1", "a", List.of()))).isEqualTo(Format.TEXT);
        assertThat(COMPOSITE.formatFor(List.of(1, "a", List.of()))).isEqualTo(Format.BINARY);
    }

    @Test
    void aCompositeThatChangedOnTheServerAsksForReloadSchemaState() {
        String twoFields = "00000002 00000017 00000004 00000001 00000017 00000004 00000002";
        assertThatThrownBy(() -> decodeBinary(COMPOSITE, twoFields)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reloadSchemaState");
        assertThatThrownBy(() -> decodeText(COMPOSITE, "(1,a,{},4)")).hasMessageContaining("reloadSchemaState");
        assertThatThrownBy(() -> decodeBinary(COMPOSITE, "7fffffff")).hasMessageContaining("fields");
    }
}
