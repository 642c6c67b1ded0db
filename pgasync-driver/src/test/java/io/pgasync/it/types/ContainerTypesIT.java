package io.pgasync.it.types;

import static io.pgasync.it.types.TypeTesting.await;
import static io.pgasync.it.types.TypeTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.Row;
import io.pgasync.testing.MinServerVersion;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.types.PgArray;
import io.pgasync.types.PgBitString;
import io.pgasync.types.PgBox;
import io.pgasync.types.PgCircle;
import io.pgasync.types.PgInet;
import io.pgasync.types.PgInterval;
import io.pgasync.types.PgLine;
import io.pgasync.types.PgLineSegment;
import io.pgasync.types.PgLsn;
import io.pgasync.types.PgMacAddr;
import io.pgasync.types.PgMacAddr8;
import io.pgasync.types.PgMultirange;
import io.pgasync.types.PgPath;
import io.pgasync.types.PgPoint;
import io.pgasync.types.PgPolygon;
import io.pgasync.types.PgRange;
import io.pgasync.types.PgRecord;
import io.pgasync.types.PgTid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arrays, ranges, multiranges, anonymous records and hstore through the server, binary and text. */
@PgTest
class ContainerTypesIT {

    private PgConnection conn;
    private int major;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TypeTesting.connect(server);
        major = server.majorVersion();
    }

    @AfterEach
    void close() {
        if (conn != null) {
            await(conn.close());
        }
    }

    // ---- arrays -------------------------------------------------------------------------------------------------

    @Test
    void arraysWithNullsTakeListsObjectArraysAndPrimitiveArrays() {
        roundTrip(conn, "int4[]", PgArray.of(1, null, 3));
        roundTrip(conn, "int4[]", List.of(1, 2, 3), PgArray.of(1, 2, 3));
        roundTrip(conn, "int4[]", new int[] {4, 5}, PgArray.of(4, 5));
        roundTrip(conn, "int8[]", new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, PgArray.of(Long.MIN_VALUE, Long.MAX_VALUE));
        roundTrip(conn, "int2[]", new short[] {1, -1}, PgArray.of((short) 1, (short) -1));
        roundTrip(conn, "float8[]", new double[] {1.5, Double.NaN}, PgArray.of(1.5, Double.NaN));
        roundTrip(conn, "float4[]", new float[] {1.5f}, PgArray.of(1.5f));
        roundTrip(conn, "bool[]", new boolean[] {true, false}, PgArray.of(true, false));
        roundTrip(conn, "text[]", new String[] {"a", null}, PgArray.of("a", null));
        roundTrip(conn, "int8[]", new Integer[] {1, 2}, PgArray.of(1L, 2L));
    }

    @Test
    void emptyArrays() {
        roundTrip(conn, "int4[]", PgArray.empty());
        roundTrip(conn, "text[]", List.of(), PgArray.empty());
        roundTrip(conn, "int4[]", new int[0], PgArray.empty());
        roundTrip(conn, "int4[]", new int[][] {{}, {}}, PgArray.empty());
    }

    @Test
    void multiDimensionalArraysAndLowerBounds() {
        PgArray<PgArray<Integer>> square = PgArray.of(PgArray.of(1, 2), PgArray.of(3, null));
        roundTrip(conn, "int4[]", square);
        roundTrip(conn, "int4[]", new int[][] {{1, 2}, {3, 4}}, PgArray.of(PgArray.of(1, 2), PgArray.of(3, 4)));
        roundTrip(conn, "int4[]", List.of(List.of(1), List.of(2)), PgArray.of(PgArray.of(1), PgArray.of(2)));
        roundTrip(conn, "int4[]", PgArray.of(7, 8).withLowerBound(0));
        roundTrip(conn, "int4[]", PgArray.of(7).withLowerBound(-5));
        PgArray<PgArray<String>> bounded = PgArray.of(PgArray.of("a", "b").withLowerBound(5),
                PgArray.of("c", "d").withLowerBound(5)).withLowerBound(-1);
        roundTrip(conn, "text[]", bounded);
        Object[][][] cube = new Object[2][2][2];
        int n = 0;
        for (Object[][] plane : cube) {
            for (Object[] row : plane) {
                row[0] = n++;
                row[1] = n++;
            }
        }
        roundTrip(conn, "int4[]", cube, PgArray.of(
                PgArray.of(PgArray.of(0, 1), PgArray.of(2, 3)),
                PgArray.of(PgArray.of(4, 5), PgArray.of(6, 7))));
        List<?> lb = (List<?>) await(conn.fetchVal("SELECT '[2:3][-1:0]={{1,2},{3,4}}'::int[]"));
        assertThat(((PgArray<?>) lb).lowerBound()).isEqualTo(2);
        assertThat(((PgArray<?>) lb.get(1)).lowerBound()).isEqualTo(-1);
        assertThat(await(conn.fetchVal("SELECT array_lower($1::text[], 2)", bounded))).isEqualTo(5);
    }

    @Test
    void textArraysQuoteWhatTheyMust() {
        roundTrip(conn, "text[]", PgArray.of("", "NULL", "null", "a,b", "{x}", "quote\"d", "back\\slash", " lead",
                "trail ", "tab\there", "😀 é", null));
        roundTrip(conn, "text[]", PgArray.of(PgArray.of("a b", "}"), PgArray.of("\"", "")));
        roundTrip(conn, "varchar[]", PgArray.of("x"));
        roundTrip(conn, "bpchar[]", PgArray.of("ab"));
        roundTrip(conn, "name[]", PgArray.of("n1", "n 2"));
        roundTrip(conn, "\"char\"[]", major >= 15 ? PgArray.of("a", "\\351", "") : PgArray.of("a", ""));
        roundTrip(conn, "citext[]", PgArray.of("Ab", "cD"));
        roundTrip(conn, "json[]", PgArray.of("{\"a\": \"b,c\"}", "[1, 2]"));
        roundTrip(conn, "jsonb[]", PgArray.of("{\"a\": \"b,c\"}", "[1, 2]"));
        roundTrip(conn, "bytea[]", PgArray.of(new byte[] {0, 1, (byte) 255}, new byte[0], null));
    }

    @Test
    void stringElementsForOtherTypesGoAsText() {
        Object back = await(conn.fetchVal("SELECT $1::int4[]", List.of("1", "2")));
        assertThat(back).isEqualTo(List.of(1, 2));
        back = await(conn.fetchVal("SELECT $1::date[]", PgArray.of("2024-01-01", "infinity")));
        assertThat(back).isEqualTo(List.of(LocalDate.of(2024, 1, 1), LocalDate.MAX));
        back = await(conn.fetchVal("SELECT $1::int4[]", "{5,6}"));
        assertThat(back).isEqualTo(List.of(5, 6));
    }

    @Test
    void arraysOfEveryBuiltInElementType() {
        roundTrip(conn, "numeric[]", PgArray.of(new BigDecimal("1.50"), null, new BigDecimal("-3")));
        roundTrip(conn, "money[]", PgArray.of(new BigDecimal("1.25")));
        roundTrip(conn, "oid[]", PgArray.of(1L, 4_294_967_295L));
        roundTrip(conn, "xid[]", PgArray.of(1L));
        roundTrip(conn, "xid8[]", PgArray.of(1L));
        roundTrip(conn, "cid[]", PgArray.of(1L));
        roundTrip(conn, "tid[]", PgArray.of(new PgTid(1, 2)));
        roundTrip(conn, "uuid[]", PgArray.of(UUID.randomUUID(), null));
        roundTrip(conn, "date[]", PgArray.of(LocalDate.of(2024, 1, 1), LocalDate.MAX, LocalDate.of(0, 1, 1)));
        roundTrip(conn, "time[]", PgArray.of(LocalTime.of(1, 2, 3, 4000)));
        roundTrip(conn, "timetz[]", PgArray.of(OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHours(2))));
        roundTrip(conn, "timestamp[]", PgArray.of(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1000), LocalDateTime.MIN));
        roundTrip(conn, "timestamptz[]", PgArray.of(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        roundTrip(conn, "interval[]", PgArray.of(PgInterval.of(1, 2, 3)));
        roundTrip(conn, "inet[]", PgArray.of(PgInet.parse("1.2.3.4/8"), PgInet.parse("::1")));
        roundTrip(conn, "cidr[]", PgArray.of(PgInet.parse("10.0.0.0/8")));
        roundTrip(conn, "macaddr[]", PgArray.of(PgMacAddr.parse("01:02:03:04:05:06")));
        roundTrip(conn, "macaddr8[]", PgArray.of(PgMacAddr8.parse("01:02:03:04:05:06:07:08")));
        roundTrip(conn, "bit(3)[]", PgArray.of(PgBitString.parse("101")));
        roundTrip(conn, "varbit[]", PgArray.of(PgBitString.parse("1"), PgBitString.parse("")));
        roundTrip(conn, "point[]", PgArray.of(new PgPoint(1, 2), new PgPoint(-1.5, 0)));
        roundTrip(conn, "line[]", PgArray.of(new PgLine(1, 2, 3)));
        roundTrip(conn, "lseg[]", PgArray.of(new PgLineSegment(new PgPoint(0, 0), new PgPoint(1, 1))));
        roundTrip(conn, "box[]", PgArray.of(new PgBox(new PgPoint(1, 1), new PgPoint(0, 0)),
                new PgBox(new PgPoint(3, 4), new PgPoint(1, 2))));
        roundTrip(conn, "path[]", PgArray.of(new PgPath(List.of(new PgPoint(0, 0), new PgPoint(1, 0)), true)));
        roundTrip(conn, "polygon[]", PgArray.of(new PgPolygon(List.of(new PgPoint(0, 0), new PgPoint(1, 0)))));
        roundTrip(conn, "circle[]", PgArray.of(new PgCircle(new PgPoint(0, 0), 1)));
        roundTrip(conn, "pg_lsn[]", PgArray.of(new PgLsn(1)));
        roundTrip(conn, "regclass[]", PgArray.of("pg_class", "pg_type"));
        roundTrip(conn, "tsvector[]", PgArray.of("'a' 'b'"));
        roundTrip(conn, "tsquery[]", PgArray.of("'a' & 'b'"));
        roundTrip(conn, "jsonpath[]", PgArray.of("$.\"a\""));
        roundTrip(conn, "int4range[]", PgArray.of(PgRange.closedOpen(1, 3), PgRange.empty()));
        roundTrip(conn, "tstzrange[]", PgArray.of(PgRange.closedOpen(
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), null)));
        roundTrip(conn, "hstore[]", PgArray.of(Map.of("k", "v")));
    }

    @Test
    void int2vectorAndOidvector() {
        roundTrip(conn, "int2vector", PgArray.of((short) 1, (short) 3), PgArray.of((short) 1, (short) 3)
                .withLowerBound(0));
        roundTrip(conn, "oidvector", List.of(23L, 25L), PgArray.of(23L, 25L).withLowerBound(0));
        Object indkey = await(conn.fetchVal("SELECT indkey FROM pg_index WHERE indrelid = 'pg_class'::regclass"
                + " ORDER BY indexrelid LIMIT 1"));
        assertThat(indkey).isInstanceOf(PgArray.class);
    }

    // ---- ranges -------------------------------------------------------------------------------------------------

    @Test
    void rangesOfEveryBuiltInSubtype() {
        roundTrip(conn, "int4range", PgRange.closed(1, 5), PgRange.closedOpen(1, 6));
        roundTrip(conn, "int4range", PgRange.closedOpen(1, 5));
        roundTrip(conn, "int4range", PgRange.empty());
        roundTrip(conn, "int4range", PgRange.closedOpen(3, 3), PgRange.empty());
        roundTrip(conn, "int4range", PgRange.unbounded());
        roundTrip(conn, "int4range", PgRange.of(null, false, 5, true), PgRange.of(null, false, 6, false));
        roundTrip(conn, "int8range", PgRange.closedOpen(Long.MIN_VALUE, 0L));
        roundTrip(conn, "numrange", PgRange.of(new BigDecimal("1.5"), false, new BigDecimal("2.25"), true));
        roundTrip(conn, "numrange", PgRange.closedOpen(new BigDecimal("-1"), null));
        roundTrip(conn, "daterange", PgRange.closedOpen(LocalDate.of(2024, 1, 1), LocalDate.MAX));
        roundTrip(conn, "daterange", PgRange.closedOpen(LocalDate.of(0, 1, 1), LocalDate.of(2024, 1, 1)));
        roundTrip(conn, "tsrange", PgRange.of(LocalDateTime.of(2024, 1, 1, 10, 0), true,
                LocalDateTime.of(2024, 1, 1, 11, 30, 0, 5000), true));
        roundTrip(conn, "tsrange", PgRange.closedOpen(LocalDateTime.MIN, LocalDateTime.MAX));
        roundTrip(conn, "tstzrange", PgRange.closedOpen(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.MAX));
    }

    @Test
    @MinServerVersion(14)
    void multirangesOfEveryBuiltInSubtype() {
        roundTrip(conn, "int4multirange", PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(5, 7)));
        roundTrip(conn, "int4multirange", PgMultirange.empty());
        roundTrip(conn, "int4multirange", PgMultirange.of(PgRange.closedOpen(5, 7), PgRange.closed(1, 5)),
                PgMultirange.of(PgRange.closedOpen(1, 7)));
        roundTrip(conn, "int8multirange", PgMultirange.of(PgRange.closedOpen(null, 0L)));
        roundTrip(conn, "nummultirange", PgMultirange.of(PgRange.closed(new BigDecimal("0.5"), new BigDecimal("1"))));
        roundTrip(conn, "datemultirange", PgMultirange.of(PgRange.closedOpen(LocalDate.of(2024, 1, 1), null)));
        roundTrip(conn, "tsmultirange", PgMultirange.of(PgRange.closedOpen(LocalDateTime.of(2024, 1, 1, 0, 0),
                LocalDateTime.of(2024, 1, 2, 0, 0))));
        roundTrip(conn, "tstzmultirange", PgMultirange.of(PgRange.closedOpen(
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), null)));
        roundTrip(conn, "int4multirange", List.of(PgRange.closedOpen(1, 2)), PgMultirange.of(PgRange.closedOpen(1, 2)));
        roundTrip(conn, "int4multirange[]", PgArray.of(PgMultirange.of(PgRange.closedOpen(1, 2)),
                PgMultirange.empty()));
    }

    // ---- anonymous records ----------------------------------------------------------------------------------------

    @Test
    void anonymousRecordsDecodeTheirFieldsByType() {
        Object value = await(conn.fetchVal("SELECT ROW(1, 'a b', NULL, '', ARRAY[1,2], ROW(2, 'x'),"
                + " '2024-01-01'::date, 1.5::numeric)"));
        PgRecord record = (PgRecord) value;
        assertThat(record.names()).isEmpty();
        assertThat(record.values()).containsExactly(1, "a b", null, "", PgArray.of(1, 2), PgRecord.of(2, "x"),
                LocalDate.of(2024, 1, 1), new BigDecimal("1.5"));
        assertThat(await(conn.fetchVal("SELECT ROW()"))).isEqualTo(PgRecord.of());
        Object text = TypeTesting.decodeText(conn, TypeTesting.codecs(conn).decoderFor(2249),
                (String) await(conn.fetchVal("SELECT format('%s', ROW(1, 'a \"b\"', NULL, '', 'x,y'))")));
        assertThat(((PgRecord) text).values()).containsExactly("1", "a \"b\"", null, "", "x,y");
        Object array = await(conn.fetchVal("SELECT ARRAY[ROW(1, 'a'), ROW(2, NULL)]"));
        assertThat(array).isEqualTo(List.of(PgRecord.of(1, "a"), PgRecord.of(2, null)));
    }

    @Test
    void anAnonymousRecordParameterIsRefusedWithAHint() {
        Throwable error = TypeTesting.failure(conn.fetchVal("SELECT $1::record", PgRecord.of(1, 2)));
        assertThat(error).hasMessageContaining("$1");
    }

    // ---- hstore -------------------------------------------------------------------------------------------------

    @Test
    void hstoreIsAMapFoundByName() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("a", "1");
        map.put("quote\"d", "back\\slash");
        map.put("empty", "");
        map.put("null", null);
        map.put("ü 😀", "=>,");
        roundTrip(conn, "hstore", map);
        roundTrip(conn, "hstore", Map.of());
        Row row = await(conn.fetchRow("SELECT 'a=>1'::hstore AS h"));
        assertThat(row.columns().get(0).typeName()).isEqualTo("hstore");
        assertThat(row.get(0)).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void bigArraysRoundTrip() {
        List<Integer> big = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            big.add(i % 7 == 0 ? null : i);
        }
        Object back = await(conn.fetchVal("SELECT $1::int[]", big));
        assertThat((List<?>) back).isEqualTo(big);
        String[] texts = new String[2000];
        Arrays.fill(texts, "x \"y\" z");
        back = await(conn.fetchVal("SELECT $1::text[]", (Object) texts));
        assertThat((List<?>) back).isEqualTo(Arrays.asList(texts));
    }
}
