package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.Row;
import io.pgasync.exception.InvalidTextRepresentationException;
import io.pgasync.exception.PgParameterException;
import io.pgasync.exception.UniqueViolationException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** executeMany with rewriteBatchedInserts: one INSERT ... SELECT FROM unnest(...) per batch of argument lists. */
@PgTest
class BatchInsertRewriteIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server, "rewriteBatchedInserts=true");
        await(conn.execute("DROP TABLE IF EXISTS rewrite_it; DROP TYPE IF EXISTS rewrite_mood;"
                + " CREATE TYPE rewrite_mood AS ENUM ('sad', 'happy');"
                + " CREATE TABLE rewrite_it (id int PRIMARY KEY, name varchar(8), score float8, amount numeric(10, 2),"
                + " at timestamptz, ok bool, ref uuid, doc jsonb, raw bytea, mood rewrite_mood, tags text[]);"
                + " CREATE TABLE IF NOT EXISTS rewrite_it_log (statements int);"
                + " TRUNCATE rewrite_it_log; INSERT INTO rewrite_it_log VALUES (0);"
                + " CREATE OR REPLACE FUNCTION rewrite_it_count() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$BEGIN UPDATE rewrite_it_log SET statements = statements + 1; RETURN NULL; END$$;"
                + " CREATE TRIGGER rewrite_it_statements AFTER INSERT ON rewrite_it FOR EACH STATEMENT"
                + " EXECUTE FUNCTION rewrite_it_count();"));
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    private static List<List<?>> rows(int from, int to) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(Arrays.asList(i, i % 7 == 0 ? null : "n" + i, i / 2.0, new BigDecimal(i + ".255"),
                    OffsetDateTime.of(2026, 11, 24, 8, 0, i % 60, 0, ZoneOffset.UTC), i % 2 == 0,
                    new UUID(0, i), "{\"i\": " + i + "}", new byte[] {(byte) i, 0}));
        }
        return rows;
    }

    private static final String INSERT = "INSERT INTO rewrite_it (id, name, score, amount, at, ok, ref, doc, raw)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    @Test
    void everyValueArrivesAsIfInsertedRowByRowInOneStatementPerBatch() {
        assertThat(await(conn.executeMany(INSERT, rows(0, 25_001)))).isEqualTo(25_001L);
        assertThat(await(conn.fetchVal("SELECT count(*) FROM rewrite_it"))).isEqualTo(25_001L);
        // statement triggers fire once per batch of 10,000: the visible difference from row-by-row
        assertThat(await(conn.fetchVal("SELECT statements FROM rewrite_it_log"))).isEqualTo(3);
        Row row = await(conn.fetchRow("SELECT * FROM rewrite_it WHERE id = 12345"));
        assertThat(row.getString("name")).isEqualTo("n12345");
        assertThat(row.getDouble("score")).isEqualTo(6172.5);
        assertThat(row.getBigDecimal("amount")).isEqualByComparingTo("12345.26"); // numeric(10, 2) rounds as usual
        assertThat(row.get("at", OffsetDateTime.class).getSecond()).isEqualTo(12345 % 60);
        assertThat(row.getBoolean("ok")).isFalse();
        assertThat(row.get("ref", UUID.class)).isEqualTo(new UUID(0, 12345));
        assertThat(row.getString("doc")).isEqualTo("{\"i\": 12345}");
        assertThat(row.get("raw", byte[].class)).containsExactly((byte) 12345, 0);
        assertThat(await(conn.fetchVal("SELECT count(*) FROM rewrite_it WHERE name IS NULL"))).isEqualTo(3572L);
    }

    @Test
    void aPreparedStatementsExecuteManyIsRewrittenToo() {
        var statement = await(conn.prepare(INSERT));
        assertThat(await(statement.executeMany(rows(0, 1_000)))).isEqualTo(1_000L);
        assertThat(await(conn.fetchVal("SELECT statements FROM rewrite_it_log"))).isEqualTo(1);
        assertThat(await(conn.fetchVal("SELECT sum(id) FROM rewrite_it"))).isEqualTo(499_500L);
    }

    @Test
    void itStaysAtomicAndInOrderWithWhatIsQueuedBehindIt() {
        List<List<?>> rows = rows(0, 500);
        rows.add(rows.get(3)); // a duplicate key
        CompletableFuture<Long> failing = conn.executeMany(INSERT, rows);
        CompletableFuture<Object> after = conn.fetchVal("SELECT count(*) FROM rewrite_it");
        assertThat(failure(failing)).isInstanceOf(UniqueViolationException.class);
        assertThat(await(after)).isEqualTo(0L);
        CompletableFuture<Long> good = conn.executeMany(INSERT, rows(0, 500));
        CompletableFuture<Object> count = conn.fetchVal("SELECT count(*) FROM rewrite_it");
        assertThat(await(good)).isEqualTo(500L);
        assertThat(await(count)).isEqualTo(500L);
    }

    @Test
    void aValueTooLongForItsColumnFailsAsUsual() {
        List<List<?>> rows = rows(0, 10);
        rows.set(4, Arrays.asList(100, "far too long", 1.0, BigDecimal.ONE, null, true, null, null, null));
        assertThat(failure(conn.executeMany(INSERT, rows)).getMessage()).contains("22001");
        assertThat(await(conn.fetchVal("SELECT count(*) FROM rewrite_it"))).isEqualTo(0L);
    }

    @Test
    void badValuesFailAsTheyDoRowByRow() {
        List<List<?>> rows = rows(0, 10);
        rows.set(4, Arrays.asList(4, "n4", "not a number", BigDecimal.ONE, null, true, null, null, null));
        assertThat(failure(conn.executeMany(INSERT, rows))).isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessageContaining("$3");
        rows.set(4, Arrays.asList(4, "n4", new Object(), BigDecimal.ONE, null, true, null, null, null));
        assertThat(failure(conn.executeMany(INSERT, rows))).isInstanceOf(PgParameterException.class)
                .hasMessageContaining("$3");
        assertThat(await(conn.fetchVal("SELECT count(*) FROM rewrite_it"))).isEqualTo(0L);
    }

    @Test
    void statementsOfAnotherShapeOrWithUserTypesRunRowByRow() {
        assertThat(await(conn.executeMany("INSERT INTO rewrite_it (id, mood, tags) VALUES ($1, $2, $3)",
                List.of(List.of(1, "happy", List.of("a", "b")), List.of(2, "sad", List.of()))))).isEqualTo(2L);
        assertThat(await(conn.executeMany("INSERT INTO rewrite_it (id) VALUES ($1) ON CONFLICT (id) DO NOTHING",
                List.of(List.of(2), List.of(3), List.of(3))))).isEqualTo(1L);
        assertThat(await(conn.executeMany("INSERT INTO rewrite_it (id, name) VALUES ($1, upper($2))",
                List.of(List.of(4, "x"), List.of(5, "y"))))).isEqualTo(2L);
        assertThat(await(conn.fetchVal("SELECT string_agg(id || ':' || coalesce(mood::text, name, '-'), ','"
                + " ORDER BY id) FROM rewrite_it"))).isEqualTo("1:happy,2:sad,3:-,4:X,5:Y");
        // row by row: one statement trigger per argument list
        assertThat(await(conn.fetchVal("SELECT statements FROM rewrite_it_log"))).isEqualTo(7);
    }
}
