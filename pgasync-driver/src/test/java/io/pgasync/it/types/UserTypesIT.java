package io.pgasync.it.types;

import static io.pgasync.it.types.TypeTesting.await;
import static io.pgasync.it.types.TypeTesting.failure;
import static io.pgasync.it.types.TypeTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.Row;
import io.pgasync.exception.PgParameterException;
import io.pgasync.internal.codec.TypeCache;
import io.pgasync.internal.protocol.Connector;
import io.pgasync.testing.MinServerVersion;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.types.PgArray;
import io.pgasync.types.PgMultirange;
import io.pgasync.types.PgRange;
import io.pgasync.types.PgRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User-defined types created by the test: found by introspection on first use, cached, reused, and forgotten
 * by {@code reloadSchemaState()}.
 */
@PgTest
class UserTypesIT {

    enum Mood { SAD, OK, HAPPY }

    private PgTestServer server;
    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        this.server = server;
        conn = TypeTesting.connect(server);
        await(conn.execute("DROP TABLE IF EXISTS ut_table; DROP TYPE IF EXISTS ut_outer, ut_inner, ut_mood,"
                + " ut_floatrange, ut_person CASCADE; DROP DOMAIN IF EXISTS ut_posint, ut_codes, ut_email CASCADE;"
                + " CREATE TYPE ut_mood AS ENUM ('SAD', 'OK', 'HAPPY');"
                + " CREATE DOMAIN ut_posint AS int CHECK (VALUE > 0);"
                + " CREATE DOMAIN ut_codes AS text[] CHECK (cardinality(VALUE) < 10);"
                + " CREATE DOMAIN ut_email AS citext;"
                + " CREATE TYPE ut_inner AS (n numeric, label text, mood ut_mood);"
                + " CREATE TYPE ut_outer AS (id ut_posint, inner_value ut_inner, inners ut_inner[], tags text[],"
                + " d date, h hstore);"
                + " CREATE TYPE ut_floatrange AS RANGE (subtype = float8)"));
    }

    @AfterEach
    void close() {
        if (conn != null && !conn.isClosed()) {
            await(conn.close());
        }
    }

    @Test
    void enumsDecodeToStringsAndTakeJavaEnumsByName() {
        roundTrip(conn, "ut_mood", "HAPPY");
        assertThat(await(conn.fetchVal("SELECT $1::ut_mood", Mood.SAD))).isEqualTo("SAD");
        roundTrip(conn, "ut_mood[]", PgArray.of("OK", null, "SAD"));
        assertThat(await(conn.fetchVal("SELECT $1::ut_mood[]", List.of(Mood.OK, Mood.HAPPY))))
                .isEqualTo(List.of("OK", "HAPPY"));
        Row row = await(conn.fetchRow("SELECT 'OK'::ut_mood AS m"));
        assertThat(row.columns().get(0).typeName()).isEqualTo("ut_mood");
    }

    @Test
    void domainsUseTheirBaseTypesCodec() {
        roundTrip(conn, "ut_posint", 5);
        roundTrip(conn, "ut_codes", PgArray.of("a", "b"));
        roundTrip(conn, "ut_email", "Someone@Example.com");
        roundTrip(conn, "ut_posint[]", PgArray.of(1, 2, null));
        Row row = await(conn.fetchRow("SELECT 5::ut_posint AS p"));
        // the server describes a domain-typed result column with the domain's base type
        assertThat(row.columns().get(0).typeName()).isEqualTo("int4");
        assertThat(row.get(0)).isEqualTo(5);
    }

    @Test
    void nestedCompositesWithNullFields() {
        PgRecord inner = PgRecord.of(List.of("n", "label", "mood"), List.of(new BigDecimal("1.50"), "a \"b\", (c)",
                "OK"));
        PgRecord innerWithNulls = PgRecord.of(List.of("n", "label", "mood"), java.util.Arrays.asList(null, "", null));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("k", "v");
        PgRecord outer = PgRecord.of(List.of("id", "inner_value", "inners", "tags", "d", "h"), java.util.Arrays.asList(
                7, inner, PgArray.of(inner, null, innerWithNulls), PgArray.of("x", "y z"), LocalDate.of(2024, 1, 1),
                h));
        roundTrip(conn, "ut_outer", outer);
        PgRecord allNull = PgRecord.of(List.of("id", "inner_value", "inners", "tags", "d", "h"),
                java.util.Arrays.asList(null, null, null, null, null, null));
        roundTrip(conn, "ut_outer", allNull);
        roundTrip(conn, "ut_inner[]", PgArray.of(PgArray.of(inner), PgArray.of(innerWithNulls)));
    }

    @Test
    void compositeParametersTakeRecordsListsArraysAndMaps() {
        PgRecord expected = PgRecord.of(List.of("n", "label", "mood"), List.of(new BigDecimal("2"), "x", "SAD"));
        assertThat(await(conn.fetchVal("SELECT $1::ut_inner", PgRecord.of(new BigDecimal("2"), "x", "SAD"))))
                .isEqualTo(expected);
        assertThat(await(conn.fetchVal("SELECT $1::ut_inner", List.of(2, "x", Mood.SAD)))).isEqualTo(expected);
        assertThat(await(conn.fetchVal("SELECT $1::ut_inner", (Object) new Object[] {2L, "x", "SAD"})))
                .isEqualTo(expected);
        Map<String, Object> byName = new LinkedHashMap<>();
        byName.put("mood", Mood.SAD);
        byName.put("n", 2);
        byName.put("label", "x");
        assertThat(await(conn.fetchVal("SELECT $1::ut_inner", byName))).isEqualTo(expected);
        Throwable error = failure(conn.fetchVal("SELECT $1::ut_inner", List.of(1, 2)));
        assertThat(error).isInstanceOf(PgParameterException.class).hasMessageContaining("$1")
                .hasMessageContaining("3 attributes");
        error = failure(conn.fetchVal("SELECT $1::ut_inner", Map.of("nope", 1)));
        assertThat(error).isInstanceOf(PgParameterException.class).hasMessageContaining("nope");
        // a string is a literal for the server to parse
        assertThat(await(conn.fetchVal("SELECT $1::ut_inner", "(2,x,SAD)"))).isEqualTo(expected);
    }

    @Test
    void compositeOfATableRowAndItsArray() {
        await(conn.execute("CREATE TABLE ut_table (a int, b text)"));
        await(conn.execute("INSERT INTO ut_table VALUES (1, 'one'), (2, NULL)"));
        List<Row> rows = await(conn.fetch("SELECT t FROM ut_table t ORDER BY a"));
        assertThat(rows.get(0).get(0)).isEqualTo(PgRecord.of(List.of("a", "b"), List.of(1, "one")));
        Object all = await(conn.fetchVal("SELECT array_agg(t ORDER BY a) FROM ut_table t"));
        assertThat(((PgArray<?>) all).get(1)).isEqualTo(PgRecord.of(List.of("a", "b"),
                java.util.Arrays.asList(2, null)));
    }

    @Test
    void userRangesAndTheirArrays() {
        roundTrip(conn, "ut_floatrange", PgRange.of(1.5, true, 2.5, false));
        roundTrip(conn, "ut_floatrange", PgRange.empty());
        roundTrip(conn, "ut_floatrange", PgRange.of(null, false, -1.0, true));
        roundTrip(conn, "ut_floatrange[]", PgArray.of(PgRange.closed(0.0, 1.0), null));
    }

    @Test
    @MinServerVersion(14)
    void userMultiranges() {
        roundTrip(conn, "ut_floatmultirange", PgMultirange.of(PgRange.closedOpen(1.0, 2.0),
                PgRange.closedOpen(3.0, 4.0)));
    }

    @Test
    void typesAreIntrospectedOnceAndSharedThroughTheCache() {
        TypeCache cache = new TypeCache();
        PgConnectOptions options = PgConnectOptions.parse(server.url(server.mainRole()) + "?sslmode=disable");
        PgConnection first = await(Connector.connect(options, cache));
        PgConnection second = await(Connector.connect(options, cache));
        try {
            assertThat(cache.size()).isZero();
            await(first.fetchVal("SELECT NULL::ut_outer"));
            int known = cache.size();
            // ut_outer, its attributes' types (domain, composite, arrays, enum, hstore, ...) in one lookup
            assertThat(known).isGreaterThanOrEqualTo(6);
            long generation = cache.generation();
            Object value = await(second.fetchVal("SELECT ROW(1, NULL, NULL, NULL, NULL, NULL)::ut_outer"));
            assertThat(((PgRecord) value).get("id")).isEqualTo(1);
            assertThat(cache.size()).isEqualTo(known);
            assertThat(cache.generation()).isEqualTo(generation);
        } finally {
            await(first.close());
            await(second.close());
        }
    }

    @Test
    void reloadSchemaStateAfterAlterTypeAddValue() {
        assertThat(await(conn.fetchVal("SELECT $1::ut_mood", "OK"))).isEqualTo("OK");
        await(conn.execute("ALTER TYPE ut_mood ADD VALUE 'ECSTATIC'"));
        await(conn.reloadSchemaState());
        assertThat(await(conn.fetchVal("SELECT $1::ut_mood", "ECSTATIC"))).isEqualTo("ECSTATIC");
        assertThat(await(conn.fetchVal("SELECT enum_range(NULL::ut_mood)")))
                .isEqualTo(List.of("SAD", "OK", "HAPPY", "ECSTATIC"));
    }

    @Test
    void reloadSchemaStateAfterAlterTypeAddAttribute() {
        String sql = "SELECT ROW(1, 'a', 'OK')::ut_inner";
        assertThat(((PgRecord) await(conn.fetchVal(sql))).size()).isEqualTo(3);
        await(conn.execute("ALTER TYPE ut_inner ADD ATTRIBUTE extra int"));
        Throwable stale = failure(conn.fetchVal("SELECT ROW(1, 'a', 'OK', 4)::ut_inner"));
        assertThat(stale).hasMessageContaining("reloadSchemaState");
        await(conn.reloadSchemaState());
        PgRecord record = (PgRecord) await(conn.fetchVal("SELECT ROW(1, 'a', 'OK', 4)::ut_inner"));
        assertThat(record.names()).containsExactly("n", "label", "mood", "extra");
        assertThat(record.get("extra")).isEqualTo(4);
    }

    @Test
    void introspectionInsideATransactionKeepsTheTransaction() {
        Object value = await(conn.transaction(tx -> tx.fetchVal("SELECT $1::ut_mood", "SAD")));
        assertThat(value).isEqualTo("SAD");
        await(conn.transaction(tx -> tx.execute("CREATE TYPE ut_person AS (name text)")
                .thenCompose(s -> tx.fetchVal("SELECT ROW('x')::ut_person"))
                .thenAccept(v -> assertThat(v).isEqualTo(PgRecord.of(List.of("name"), List.of("x"))))));
    }

    @Test
    void pipelinedStatementsWithUnknownTypesKeepTheirOrder() {
        var a = conn.fetchVal("SELECT $1::ut_mood", "OK");
        var b = conn.execute("SELECT 1");
        var c = conn.fetchVal("SELECT ROW(1, 'a', 'SAD')::ut_inner");
        var d = conn.fetchVal("SELECT $1::ut_floatrange", PgRange.closed(1.0, 2.0));
        assertThat(await(a)).isEqualTo("OK");
        assertThat(await(b)).isEqualTo("SELECT 1");
        assertThat(await(c)).isInstanceOf(PgRecord.class);
        assertThat(await(d)).isEqualTo(PgRange.closed(1.0, 2.0));
    }

    @Test
    void preparedStatementsCursorsAndBinaryCopyUseIntrospectedTypes() {
        await(conn.execute("CREATE TABLE ut_table (m ut_mood, i ut_inner, r ut_floatrange)"));
        var prepared = await(conn.prepare("SELECT $1::ut_mood AS m, $2::ut_inner AS i"));
        assertThat(prepared.getAttributes().get(0).typeName()).isEqualTo("ut_mood");
        Row row = await(prepared.fetchRow("HAPPY", List.of(1, "x", Mood.OK)));
        assertThat(row.get("m")).isEqualTo("HAPPY");
        assertThat(((PgRecord) row.get("i")).get("mood")).isEqualTo("OK");
        long copied = await(conn.copyRecordsToTable("ut_table", List.of(
                java.util.Arrays.asList(Mood.SAD, PgRecord.of(new BigDecimal("1"), "a", "HAPPY"), PgRange.closed(1.0, 2.0)),
                java.util.Arrays.asList("OK", null, null)), null));
        assertThat(copied).isEqualTo(2);
        var cursor = await(conn.transaction(tx -> tx.openCursor("SELECT m, i, r FROM ut_table ORDER BY m")
                .thenCompose(c -> c.fetch(10))));
        assertThat(cursor).hasSize(2);
        assertThat(cursor.get(0).get(0)).isEqualTo("SAD");
        assertThat(cursor.get(0).get(2)).isEqualTo(PgRange.closed(1.0, 2.0));
        assertThat(cursor.get(1).get(1)).isNull();
        // a prepared statement survives a custom codec change: its result decoders are chosen again
        await(conn.setTypeCodec("ut_mood", "public", Mood.class, Mood::name, s -> Mood.valueOf((String) s),
                io.pgasync.codec.PgCodecFormat.TEXT));
        assertThat(await(prepared.fetchRow(Mood.HAPPY, List.of(1, "x", Mood.OK))).get("m")).isEqualTo(Mood.HAPPY);
        await(conn.reloadSchemaState());
        // custom codecs survive it (asyncpg keeps them too); the composite's mood attribute now takes Mood values
        assertThat(await(prepared.fetchRow(Mood.SAD, List.of(1, "x", Mood.OK))).get("m")).isEqualTo(Mood.SAD);
    }
}
