package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.CommandStatus;
import io.pgasync.PgConnection;
import io.pgasync.Row;
import io.pgasync.exception.PgParameterException;
import io.pgasync.exception.SyntaxErrorException;
import io.pgasync.exception.UndefinedTableException;
import io.pgasync.exception.UniqueViolationException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class QueryIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
        await(conn.execute("DROP TABLE IF EXISTS query_it; CREATE TABLE query_it (id int PRIMARY KEY, v text,"
                + " n numeric, ts timestamptz, u uuid, b bytea, d date)"));
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    @Test
    void simpleExecuteRunsSeveralStatementsAndReturnsTheLastStatus() {
        String status = await(conn.execute("INSERT INTO query_it (id) VALUES (1); INSERT INTO query_it (id) VALUES (2);"
                + " UPDATE query_it SET v = 'x'"));
        assertThat(status).isEqualTo("UPDATE 2");
        assertThat(CommandStatus.parse(status).rowCount()).isEqualTo(2);
    }

    @Test
    void executeWithArgumentsReturnsTheStatusWithRowCount() {
        assertThat(await(conn.execute("INSERT INTO query_it (id, v) VALUES ($1, $2)", 1, "a"))).isEqualTo("INSERT 0 1");
        CommandStatus status = CommandStatus.parse(await(conn.execute("DELETE FROM query_it WHERE id > $1", 0)));
        assertThat(status.command()).isEqualTo("DELETE");
        assertThat(status.rowCount()).isEqualTo(1);
    }

    @Test
    void fetchReturnsTypedRowsByIndexAndName() {
        OffsetDateTime ts = OffsetDateTime.of(2024, 2, 29, 12, 30, 45, 123_456_000, ZoneOffset.UTC);
        UUID u = UUID.randomUUID();
        await(conn.execute("INSERT INTO query_it VALUES ($1, $2, $3, $4, $5, $6, $7)", 7, "seven",
                new BigDecimal("12345.678"), ts, u, new byte[] {1, 2, 3}, LocalDate.of(1999, 12, 31)));
        List<Row> rows = await(conn.fetch("SELECT * FROM query_it WHERE id = $1", 7));
        assertThat(rows).hasSize(1);
        Row row = rows.get(0);
        assertThat(row.getInteger("id")).isEqualTo(7);
        assertThat(row.get(0)).isEqualTo(7);
        assertThat(row.getString("v")).isEqualTo("seven");
        assertThat(row.getBigDecimal("n")).isEqualByComparingTo("12345.678");
        assertThat(row.getOffsetDateTime("ts")).isEqualTo(ts);
        assertThat(row.getUUID("u")).isEqualTo(u);
        assertThat(row.getBytes("b")).containsExactly(1, 2, 3);
        assertThat(row.getLocalDate("d")).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(row.getLong("id")).isEqualTo(7L);
        assertThat(row.columns()).extracting(c -> c.name()).containsExactly("id", "v", "n", "ts", "u", "b", "d");
        assertThat(row.columns().get(0).typeOid()).isEqualTo(23);
        assertThat(row.columns().get(0).typeName()).isEqualTo("int4");
        Map<String, Object> map = row.toMap();
        assertThat(map).containsEntry("id", 7).containsEntry("v", "seven");
    }

    @Test
    void fetchRowFetchValAndMappers() {
        await(conn.executeMany("INSERT INTO query_it (id, v) VALUES ($1, $2)",
                List.of(List.of(1, "a"), List.of(2, "b"), List.of(3, "c"))));
        Row first = await(conn.fetchRow("SELECT id, v FROM query_it ORDER BY id"));
        assertThat(first.getInteger(0)).isEqualTo(1);
        assertThat(await(conn.fetchRow("SELECT * FROM query_it WHERE id = $1", 99))).isNull();
        assertThat(await(conn.fetchVal("SELECT count(*) FROM query_it"))).isEqualTo(3L);
        assertThat(await(conn.fetchVal("SELECT v FROM query_it WHERE id = $1", String.class, 2))).isEqualTo("b");
        assertThat(await(conn.fetchVal("SELECT count(*) FROM query_it", Integer.class))).isEqualTo(3);
        assertThat(await(conn.fetchVal("SELECT v FROM query_it WHERE id = $1", 99))).isNull();
        record Item(int id, String v) {}
        List<Item> items = await(conn.fetch(r -> new Item(r.getInteger("id"), r.getString("v")),
                "SELECT id, v FROM query_it ORDER BY id"));
        assertThat(items).containsExactly(new Item(1, "a"), new Item(2, "b"), new Item(3, "c"));
    }

    @Test
    void nullParametersAndNullValues() {
        await(conn.execute("INSERT INTO query_it (id, v) VALUES ($1, $2)", 1, null));
        Row row = await(conn.fetchRow("SELECT v, $1::int AS x FROM query_it", (Object) null));
        assertThat(row.isNull("v")).isTrue();
        assertThat(row.get("x")).isNull();
    }

    @Test
    void duplicateColumnNamesKeepEveryValueAndLookupReturnsTheFirst() {
        Row row = await(conn.fetchRow("SELECT 1 AS a, 2 AS a, 3 AS b"));
        assertThat(row.values()).containsExactly(1, 2, 3);
        assertThat(row.get("a")).isEqualTo(1);
        assertThat(row.columns()).extracting(c -> c.name()).containsExactly("a", "a", "b");
        assertThat(row.toMap()).containsExactly(Map.entry("a", 1), Map.entry("b", 3));
    }

    @Test
    void unknownColumnNamesAreReportedWithTheAvailableOnes() {
        Row row = await(conn.fetchRow("SELECT 1 AS a"));
        assertThatThrownBy(() -> row.get("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("[a]");
    }

    @Test
    void executeManyIsAtomic() {
        Throwable error = failure(conn.executeMany("INSERT INTO query_it (id) VALUES ($1)",
                List.of(List.of(1), List.of(2), List.of(1), List.of(3))));
        assertThat(error).isInstanceOf(UniqueViolationException.class);
        assertThat(await(conn.fetchVal("SELECT count(*) FROM query_it"))).isEqualTo(0L);
        assertThat(await(conn.executeMany("INSERT INTO query_it (id) VALUES ($1)",
                List.of(List.of(1), List.of(2))))).isEqualTo(2L);
    }

    @Test
    void serverErrorsAreTypedAndCarryEveryField() {
        await(conn.execute("INSERT INTO query_it (id) VALUES (1)"));
        UniqueViolationException e = (UniqueViolationException) failure(
                conn.execute("INSERT INTO query_it (id) VALUES ($1)", 1));
        assertThat(e.getSqlState()).isEqualTo("23505");
        assertThat(e.getConstraintName()).isEqualTo("query_it_pkey");
        assertThat(e.getTableName()).isEqualTo("query_it");
        assertThat(e.getSchemaName()).isEqualTo("public");
        assertThat(e.getDetail()).contains("(id)=(1)");
        assertThat(e.getSeverity()).isEqualTo("ERROR");
        assertThat(e.getMessage()).contains("23505").contains("query_it_pkey");
        assertThat(failure(conn.fetch("SELECT * FROM no_such_table"))).isInstanceOf(UndefinedTableException.class);
        SyntaxErrorException syntax = (SyntaxErrorException) failure(conn.execute("SELEC 1"));
        assertThat(syntax.getPosition()).isEqualTo(1);
    }

    @Test
    void theConnectionStaysUsableAfterErrors() {
        for (int i = 0; i < 5; i++) {
            assertThat(failure(conn.fetch("SELECT 1/0"))).hasMessageContaining("22012");
            assertThat(await(conn.fetchVal("SELECT $1::int + 1", 41))).isEqualTo(42);
        }
    }

    @Test
    void wrongArgumentCountFailsBeforeAnythingIsSent() {
        PgParameterException e = (PgParameterException) failure(conn.fetch("SELECT $1::int, $2::text", 1));
        assertThat(e.getMessage()).contains("2 parameters").contains("1 argument");
        assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
    }

    @Test
    void aValueThatDoesNotFitNamesTheParameterTypeAndClass() {
        PgParameterException e = (PgParameterException) failure(
                conn.execute("INSERT INTO query_it (id) VALUES ($1)", 3_000_000_000L));
        assertThat(e.getParameterIndex()).isEqualTo(1);
        assertThat(e.getMessage()).contains("$1").contains("int4").contains("java.lang.Long");
        PgParameterException wrongType = (PgParameterException) failure(
                conn.execute("INSERT INTO query_it (id) VALUES ($1)", new Object()));
        assertThat(wrongType.getMessage()).contains("$1").contains("int4").contains("java.lang.Object");
        assertThat(await(conn.fetchVal("SELECT count(*) FROM query_it"))).isEqualTo(0L);
    }

    @Test
    void stringsAreAcceptedForAnyParameterInTextSyntax() {
        await(conn.execute("INSERT INTO query_it (id, n, d) VALUES ($1, $2, $3)", "5", "1.5", "2020-01-02"));
        Row row = await(conn.fetchRow("SELECT id, n, d FROM query_it"));
        assertThat(row.getInteger("id")).isEqualTo(5);
        assertThat(row.getBigDecimal("n")).isEqualByComparingTo("1.5");
        assertThat(row.getLocalDate("d")).isEqualTo(LocalDate.of(2020, 1, 2));
    }

    @Test
    void emptyQueryAndStatementsWithoutRows() {
        assertThat(await(conn.execute(""))).isEmpty();
        assertThat(await(conn.fetch("SELECT 1 WHERE false"))).isEmpty();
        assertThat(await(conn.execute("SELECT set_config($1, $2, false)", "application_name", "x"))).isEqualTo("SELECT 1");
    }
}
