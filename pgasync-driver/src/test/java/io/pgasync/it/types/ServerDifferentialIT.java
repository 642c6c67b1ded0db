package io.pgasync.it.types;

import static io.pgasync.it.types.TypeTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.Row;
import io.pgasync.codec.Codec;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.types.PgArray;
import io.pgasync.types.PgInterval;
import io.pgasync.types.PgRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Property checks against the server, with a fixed seed per run printed on failure: for random values of
 * numeric, timestamps, intervals, arrays and ranges, what we send in binary is what the server prints
 * ({@code $1::type::text}, compared through our text decoder), and what the server generates and sends in binary
 * is what it prints. (jqwik is not available to the offline build; seeded {@link Random} stands in.)
 */
@PgTest
class ServerDifferentialIT {

    private static final long SEED = Long.getLong("pgasync.test.seed", System.nanoTime());
    private static final int RUNS = 200;

    private PgConnection conn;
    private final Random random = new Random(SEED);

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TypeTesting.connect(server);
    }

    @AfterEach
    void close() {
        if (conn != null) {
            await(conn.close());
        }
    }

    private void check(String type, Object value) {
        Row row = await(conn.fetchRow("SELECT $1::" + type + ", pg_catalog.format('%s', $1::" + type + ")", value));
        Codec<?> codec = TypeTesting.codecs(conn).decoderFor(row.columns().get(0).typeOid());
        Object fromText = TypeTesting.decodeText(conn, codec, row.getString(1));
        String what = type + " " + TypeTesting.show(value) + " (seed " + SEED + "; rerun with -Dpgasync.test.seed="
                + SEED + ")";
        TypeTesting.assertSame(what + ", binary", value, row.get(0));
        TypeTesting.assertSame(what + ", server text '" + row.getString(1) + "'", value, fromText);
    }

    /** Values the server makes itself, sent to us in binary, compared with its own text. */
    private void serverMade(String sql) {
        List<Row> rows = await(conn.fetch("SELECT v, pg_catalog.format('%s', v) FROM (" + sql + ") AS s(v)"));
        assertThat(rows).isNotEmpty();
        for (Row row : rows) {
            Codec<?> codec = TypeTesting.codecs(conn).decoderFor(row.columns().get(0).typeOid());
            Object fromText = TypeTesting.decodeText(conn, codec, row.getString(1));
            TypeTesting.assertSame("server value '" + row.getString(1) + "'", fromText, row.get(0));
        }
    }

    private BigDecimal randomDecimal() {
        int digits = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 40);
        BigInteger unscaled = new BigInteger(digits * 4, random);
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, random.nextInt(digits + 20) - 10).max(new BigDecimal("-1e1000"));
    }

    @Test
    void numeric() {
        for (int i = 0; i < RUNS; i++) {
            BigDecimal d = randomDecimal();
            check("numeric", d.scale() < 0 ? d.setScale(0) : d);
        }
        serverMade("SELECT round(((random() - 0.5) * 10 ^ (g % 40))::numeric, g % 17) FROM generate_series(1, 300) g");
    }

    @Test
    void timestamps() {
        long min = LocalDateTime.of(-4712, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long max = LocalDateTime.of(294_276, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < RUNS; i++) {
            long second = min + (long) (random.nextDouble() * (max - min));
            int micros = random.nextInt(1_000_000);
            LocalDateTime local = LocalDateTime.ofEpochSecond(second, micros * 1000, ZoneOffset.UTC);
            check("timestamp", local);
            check("timestamptz", OffsetDateTime.of(local, ZoneOffset.UTC));
            check("date", local.toLocalDate());
        }
        serverMade("SELECT timestamp '2000-01-01' + (random() - 0.5) * interval '2000000 days' FROM"
                + " generate_series(1, 200)");
        serverMade("SELECT timestamptz '2000-01-01 00:00+00' + (random() - 0.5) * interval '100000 days'"
                + " FROM generate_series(1, 200)");
    }

    @Test
    void intervals() {
        for (int i = 0; i < RUNS; i++) {
            int months = random.nextInt(20_000) - 10_000;
            int days = random.nextInt(2_000_000) - 1_000_000;
            long micros = (random.nextLong() % 100_000_000_000_000_000L);
            check("interval", PgInterval.of(months, days, micros));
        }
        serverMade("SELECT make_interval(g % 50 - 25, g % 13, 0, g % 400 - 200, g % 30, 0, (random() - 0.5) * 1e7)"
                + " FROM generate_series(1, 200) g");
    }

    @Test
    void arrays() {
        for (int i = 0; i < RUNS; i++) {
            int rows = 1 + random.nextInt(4);
            int cols = 1 + random.nextInt(4);
            List<PgArray<String>> outer = new ArrayList<>();
            int lb = random.nextInt(5) - 2;
            for (int r = 0; r < rows; r++) {
                String[] items = new String[cols];
                for (int c = 0; c < cols; c++) {
                    items[c] = randomText();
                }
                outer.add(PgArray.of(items).withLowerBound(lb));
            }
            check("text[]", PgArray.copyOf(outer).withLowerBound(random.nextInt(5) - 2));
            int[] ints = random.ints(random.nextInt(20), Integer.MIN_VALUE, Integer.MAX_VALUE).toArray();
            Integer[] boxed = new Integer[ints.length];
            for (int k = 0; k < ints.length; k++) {
                boxed[k] = random.nextInt(5) == 0 ? null : ints[k];
            }
            check("int4[]", PgArray.of(boxed));
        }
        serverMade("SELECT array_agg(CASE WHEN random() < 0.2 THEN NULL ELSE md5(random()::text)"
                + " || chr(34) || chr(92) || ', {}' END) FROM generate_series(1, 30) g GROUP BY g % 7");
    }

    private String randomText() {
        if (random.nextInt(6) == 0) {
            return null;
        }
        String alphabet = "aZ9 ,{}\"\\'é😀\t=>()[]NULnul";
        int n = random.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(alphabet.length());
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                sb.append(alphabet, at, at + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                sb.append(alphabet.charAt(at));
            }
        }
        return sb.toString();
    }

    @Test
    void ranges() {
        for (int i = 0; i < RUNS; i++) {
            int a = random.nextInt(2000) - 1000;
            int b = a + random.nextInt(50);
            PgRange<Integer> r = random.nextInt(10) == 0 ? PgRange.empty()
                    : PgRange.closedOpen(random.nextInt(8) == 0 ? null : a, random.nextInt(8) == 0 ? null : b);
            PgRange<Integer> canonical = r.isEmpty() || (r.lower() != null && r.upper() != null && a == b)
                    ? PgRange.empty() : r;
            check("int4range", canonical);
            BigDecimal lo = randomDecimal();
            BigDecimal hi = lo.add(randomDecimal().abs());
            if (lo.compareTo(hi) < 0) {
                check("numrange", PgRange.of(lo.scale() < 0 ? lo.setScale(0) : lo, random.nextBoolean(),
                        hi.scale() < 0 ? hi.setScale(0) : hi, random.nextBoolean()));
            }
        }
        serverMade("SELECT tstzrange(now() - random() * interval '1000 days', now() + random() * interval '10 days',"
                + " '[)') FROM generate_series(1, 100)");
    }
}
