package io.pgasync.it.types;

import static io.pgasync.it.types.TypeTesting.await;
import static io.pgasync.it.types.TypeTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
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
import io.pgasync.types.PgPath;
import io.pgasync.types.PgPoint;
import io.pgasync.types.PgPolygon;
import io.pgasync.types.PgSnapshot;
import io.pgasync.types.PgTid;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every built-in scalar type through the server, binary and text, with edge values. */
@PgTest
class BuiltinTypesIT {

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

    @Test
    void boolAndBytea() {
        roundTrip(conn, "bool", true);
        roundTrip(conn, "bool", false);
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        roundTrip(conn, "bytea", all);
        roundTrip(conn, "bytea", new byte[0]);
        roundTrip(conn, "bytea", ByteBuffer.wrap(new byte[] {9, 8, 7}), new byte[] {9, 8, 7});
        TypeTesting.assertNullRoundTrips(conn, "bytea");
    }

    @Test
    void integersAndTheirAlternatives() {
        roundTrip(conn, "int2", Short.MIN_VALUE);
        roundTrip(conn, "int2", Short.MAX_VALUE);
        roundTrip(conn, "int4", Integer.MIN_VALUE);
        roundTrip(conn, "int4", Integer.MAX_VALUE);
        roundTrip(conn, "int8", Long.MIN_VALUE);
        roundTrip(conn, "int8", Long.MAX_VALUE);
        roundTrip(conn, "int8", 5, 5L);
        roundTrip(conn, "int8", (short) 5, 5L);
        roundTrip(conn, "int8", BigInteger.TEN, 10L);
        roundTrip(conn, "int4", new BigDecimal("42"), 42);
        roundTrip(conn, "oid", 4_294_967_295L);
        roundTrip(conn, "xid", 4_294_967_295L);
        roundTrip(conn, "cid", 7L);
        roundTrip(conn, "xid8", Long.MAX_VALUE);
        roundTrip(conn, "tid", new PgTid(4_294_967_295L, 65_535));
        roundTrip(conn, "tid", new PgTid(0, 1));
    }

    @Test
    void floatsWithSpecialValues() {
        for (double d : new double[] {0.0, -0.0, 1.5, -1e-300, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1}) {
            roundTrip(conn, "float8", d);
        }
        for (float f : new float[] {0f, -0f, 3.25f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN,
            Float.NEGATIVE_INFINITY, 0.1f}) {
            roundTrip(conn, "float4", f);
        }
    }

    @Test
    void numericWithScaleAndSpecialValues() {
        for (String s : new String[] {"0", "0.00", "1", "-1", "123456789012345678901234567890.123456789",
            "0.000000000000000000000001", "-99999999.99999999", "10000", "1e+40", "1.5e-30"}) {
            BigDecimal d = new BigDecimal(s);
            roundTrip(conn, "numeric", d, d.scale() < 0 ? d.setScale(0) : d);
        }
        roundTrip(conn, "numeric", Double.NaN);
        roundTrip(conn, "numeric", Double.POSITIVE_INFINITY);
        roundTrip(conn, "numeric", Double.NEGATIVE_INFINITY);
        roundTrip(conn, "numeric", 7L, new BigDecimal("7"));
        roundTrip(conn, "numeric", 2.5, new BigDecimal("2.5"));
    }

    @Test
    void moneyHasTwoDecimalPlaces() {
        roundTrip(conn, "money", new BigDecimal("1234.56"));
        roundTrip(conn, "money", new BigDecimal("-0.01"));
        roundTrip(conn, "money", new BigDecimal("92233720368547758.07"));
        roundTrip(conn, "money", 12, new BigDecimal("12.00"));
    }

    @Test
    void textTypesWithNonAsciiAndFourByteCharacters() {
        String s = "héllo wörld ✓ 𝄞 😀 \"quoted\" back\\slash";
        roundTrip(conn, "text", s);
        roundTrip(conn, "text", "");
        roundTrip(conn, "varchar", s);
        roundTrip(conn, "bpchar", "ab");
        roundTrip(conn, "name", "a_name");
        roundTrip(conn, "\"char\"", "x");
        if (major >= 15) { // PostgreSQL 14 has no text form for bytes above 0x7F: binary only
            roundTrip(conn, "\"char\"", "\\351");
        } else {
            assertThat(await(conn.fetchVal("SELECT $1::\"char\"", "\\351"))).isEqualTo("\\351");
        }
        roundTrip(conn, "text", 'c', "c");
        roundTrip(conn, "citext", "MiXeD Ç");
    }

    @Test
    void jsonTypesAreStrings() {
        roundTrip(conn, "json", "{\"a\": [1, 2, {\"b\": null}], \"ü\": \"😀\"}");
        roundTrip(conn, "jsonb", "{\"a\": [1, 2, {\"b\": null}], \"ü\": \"😀\"}");
        roundTrip(conn, "jsonpath", "$.\"a\"[*]?(@ > 1)");
    }

    @Test
    void xmlIsAString() {
        String xml = "<a b=\"1\">é<c/></a>";
        Object back = await(conn.fetchVal("SELECT $1::text::xml::text", xml));
        assertThat(back).isEqualTo(xml);
        roundTrip(conn, "xml", xml);
    }

    @Test
    void uuid() {
        roundTrip(conn, "uuid", UUID.randomUUID());
        roundTrip(conn, "uuid", new UUID(0, 0));
        roundTrip(conn, "uuid", new UUID(-1, -1));
    }

    @Test
    void datesWithInfinityAndBcDates() {
        roundTrip(conn, "date", LocalDate.of(2024, 2, 29));
        roundTrip(conn, "date", LocalDate.of(1, 1, 1));
        roundTrip(conn, "date", LocalDate.of(0, 12, 31)); // 1 BC
        roundTrip(conn, "date", LocalDate.of(-4712, 1, 1)); // 4713 BC
        roundTrip(conn, "date", LocalDate.of(5_874_897, 12, 31));
        roundTrip(conn, "date", LocalDate.MAX);
        roundTrip(conn, "date", LocalDate.MIN);
    }

    @Test
    void timesWithMicrosecondsAndZones() {
        roundTrip(conn, "time", LocalTime.of(23, 59, 59, 999_999_000));
        roundTrip(conn, "time", LocalTime.MIDNIGHT);
        roundTrip(conn, "time", LocalTime.MAX, LocalTime.MAX); // 24:00:00
        roundTrip(conn, "timetz", OffsetTime.of(12, 30, 0, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)));
        roundTrip(conn, "timetz", OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHours(-12)));
        roundTrip(conn, "timetz", OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)));
    }

    @Test
    void timestampsWithInfinityBcAndMicroseconds() {
        LocalDateTime local = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000);
        roundTrip(conn, "timestamp", local);
        roundTrip(conn, "timestamp", LocalDateTime.of(-4712, 1, 1, 0, 0));
        roundTrip(conn, "timestamp", LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000));
        roundTrip(conn, "timestamp", LocalDateTime.MAX);
        roundTrip(conn, "timestamp", LocalDateTime.MIN);
        OffsetDateTime utc = OffsetDateTime.of(local, ZoneOffset.UTC);
        roundTrip(conn, "timestamptz", utc);
        roundTrip(conn, "timestamptz", OffsetDateTime.of(local, ZoneOffset.ofHours(9)),
                OffsetDateTime.of(local.minusHours(9), ZoneOffset.UTC));
        roundTrip(conn, "timestamptz", utc.toInstant(), utc);
        roundTrip(conn, "timestamptz", ZonedDateTime.of(local, java.time.ZoneId.of("Europe/Paris")),
                OffsetDateTime.of(local.minusHours(1), ZoneOffset.UTC));
        roundTrip(conn, "timestamptz", OffsetDateTime.of(0, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC)); // 1 BC
        roundTrip(conn, "timestamptz", OffsetDateTime.MAX);
        roundTrip(conn, "timestamptz", OffsetDateTime.MIN);
        roundTrip(conn, "timestamptz", Instant.MAX, OffsetDateTime.MAX);
    }

    @Test
    void timestamptzTakesALocalDateTimeInTheSessionZone() {
        await(conn.execute("SET TIME ZONE 'Asia/Tokyo'"));
        LocalDateTime local = LocalDateTime.of(2024, 7, 1, 9, 0);
        Object back = await(conn.fetchVal("SELECT $1::timestamptz", local));
        assertThat(back).isEqualTo(OffsetDateTime.of(2024, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        roundTrip(conn, "timestamptz", OffsetDateTime.of(2024, 7, 1, 0, 0, 0, 1000, ZoneOffset.UTC));
    }

    @Test
    void intervals() {
        roundTrip(conn, "interval", PgInterval.of(14, -3, 4 * 3_600_000_000L + 5_000_001));
        roundTrip(conn, "interval", PgInterval.ZERO);
        roundTrip(conn, "interval", PgInterval.of(-1, 0, -1));
        roundTrip(conn, "interval", Duration.ofHours(30).plusNanos(1_000), PgInterval.of(0, 0, 30 * 3_600_000_000L + 1));
        roundTrip(conn, "interval", Period.of(1, 2, 3), PgInterval.of(14, 3, 0));
    }

    @Test
    void networkAddresses() throws Exception {
        roundTrip(conn, "inet", PgInet.parse("192.168.0.1/24"));
        roundTrip(conn, "inet", PgInet.parse("10.1.2.3"));
        roundTrip(conn, "inet", PgInet.parse("2001:db8::1/64"));
        roundTrip(conn, "inet", PgInet.parse("::ffff:1.2.3.4"));
        roundTrip(conn, "inet", PgInet.parse("::"));
        roundTrip(conn, "inet", InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), PgInet.parse("127.0.0.1"));
        roundTrip(conn, "cidr", PgInet.parse("192.168.0.0/16"));
        roundTrip(conn, "cidr", PgInet.parse("2001:db8::/32"));
        roundTrip(conn, "macaddr", PgMacAddr.parse("08:00:2b:01:02:03"));
        roundTrip(conn, "macaddr8", PgMacAddr8.parse("08:00:2b:01:02:03:04:05"));
        roundTrip(conn, "macaddr8", PgMacAddr.parse("08:00:2b:01:02:03"), PgMacAddr8.parse("08:00:2b:ff:fe:01:02:03"));
    }

    @Test
    void bitStrings() {
        roundTrip(conn, "bit(10)", PgBitString.parse("1010000011"));
        roundTrip(conn, "varbit", PgBitString.parse(""));
        roundTrip(conn, "varbit", PgBitString.parse("1"));
        roundTrip(conn, "varbit", PgBitString.parse("0110100101101001"));
    }

    @Test
    void geometricTypes() {
        roundTrip(conn, "point", new PgPoint(1.5, -2));
        roundTrip(conn, "point", new PgPoint(Double.NaN, Double.POSITIVE_INFINITY));
        roundTrip(conn, "line", new PgLine(1, -1, 0.5));
        roundTrip(conn, "lseg", new PgLineSegment(new PgPoint(0, 0), new PgPoint(1e20, -3)));
        roundTrip(conn, "box", new PgBox(new PgPoint(0, 0), new PgPoint(2, 3)),
                new PgBox(new PgPoint(2, 3), new PgPoint(0, 0)));
        roundTrip(conn, "path", new PgPath(List.of(new PgPoint(0, 0), new PgPoint(1, 1)), false));
        roundTrip(conn, "path", new PgPath(List.of(new PgPoint(0, 0), new PgPoint(1, 1), new PgPoint(2, 0)), true));
        roundTrip(conn, "polygon", new PgPolygon(List.of(new PgPoint(0, 0), new PgPoint(1, 1), new PgPoint(2, 0))));
        roundTrip(conn, "circle", new PgCircle(new PgPoint(1, 2), 3.5));
    }

    @Test
    void systemTypes() {
        roundTrip(conn, "pg_lsn", PgLsn.parse("16/B374D848"));
        roundTrip(conn, "pg_lsn", new PgLsn(-1L));
        roundTrip(conn, "pg_snapshot", new PgSnapshot(10, 20, List.of(10L, 14L, 15L)));
        roundTrip(conn, "txid_snapshot", new PgSnapshot(10, 20, List.of()));
        roundTrip(conn, "regclass", "pg_class");
        roundTrip(conn, "regtype", "integer");
        roundTrip(conn, "regtype", 23, "integer");
        roundTrip(conn, "regproc", "now");
        roundTrip(conn, "regnamespace", "pg_catalog");
        roundTrip(conn, "regprocedure", "now()");
        roundTrip(conn, "regoper", "||/");
        roundTrip(conn, "regoperator", "+(integer,integer)");
        roundTrip(conn, "regconfig", "english");
        roundTrip(conn, "regdictionary", "simple");
        roundTrip(conn, "regrole", "pgasync");
        roundTrip(conn, "regcollation", "\"C\"");
        roundTrip(conn, "refcursor", "my_cursor");
        roundTrip(conn, "aclitem", "pgasync=r/pgasync");
    }

    @Test
    void textSearchTypesTravelAsText() {
        roundTrip(conn, "tsvector", "'a' 'fat':2 'rat':3");
        roundTrip(conn, "tsquery", "'fat' & ( 'rat' | 'cat' )");
    }

    @Test
    void uuidAndVoidAndUnknown() {
        assertThat(await(conn.fetchVal("SELECT pg_sleep(0)"))).isNull();
        assertThat(await(conn.fetchVal("SELECT 'x'"))).isEqualTo("x");
    }
}
