package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.PgPreparedStatement;
import io.pgasync.Row;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgConnectionClosedException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class PreparedStatementIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
        await(conn.execute("DROP TABLE IF EXISTS ps_it; CREATE TABLE ps_it (id int PRIMARY KEY, v text)"));
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    @Test
    void preparedStatementsDescribeAndRunRepeatedly() {
        PgPreparedStatement<Row> insert = await(conn.prepare("INSERT INTO ps_it VALUES ($1, $2)"));
        assertThat(insert.getQuery()).isEqualTo("INSERT INTO ps_it VALUES ($1, $2)");
        assertThat(insert.getParameters()).extracting(p -> p.name()).containsExactly("int4", "text");
        assertThat(insert.getAttributes()).isEmpty();
        assertThat(insert.getStatusMsg()).isNull();
        for (int i = 1; i <= 5; i++) {
            assertThat(await(insert.execute(i, "v" + i))).isEqualTo("INSERT 0 1");
        }
        assertThat(insert.getStatusMsg()).isEqualTo("INSERT 0 1");
        assertThat(await(insert.executeMany(List.of(List.of(6, "x"), List.of(7, "y"))))).isEqualTo(2L);

        PgPreparedStatement<Row> select = await(conn.prepare("SELECT id, v FROM ps_it WHERE id >= $1 ORDER BY id"));
        assertThat(select.getAttributes()).extracting(c -> c.name()).containsExactly("id", "v");
        assertThat(await(select.fetch(6))).extracting(r -> r.getString("v")).containsExactly("x", "y");
        assertThat(await(select.fetchRow(2)).getInteger("id")).isEqualTo(2);
        assertThat(await(select.fetchVal(7))).isEqualTo(7);
        assertThat(await(select.fetchRow(100))).isNull();
        assertThat(await(conn.fetchVal("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE '\\_\\_pgasync\\_ps%'")))
                .isEqualTo(2L);
    }

    @Test
    void aRowMapperPerStatement() {
        await(conn.execute("INSERT INTO ps_it VALUES (1, 'a'), (2, 'b')"));
        record Item(int id, String v) {}
        PgPreparedStatement<Item> items = await(conn.prepare("SELECT id, v FROM ps_it ORDER BY id",
                r -> new Item(r.getInteger(0), r.getString(1))));
        assertThat(await(items.fetch())).containsExactly(new Item(1, "a"), new Item(2, "b"));
        assertThat(await(items.fetchRow())).isEqualTo(new Item(1, "a"));
    }

    @Test
    void explainReturnsTheJsonPlanAndAnalyzeRollsBack() {
        PgPreparedStatement<Row> insert = await(conn.prepare("INSERT INTO ps_it VALUES ($1, 'e')"));
        String plan = await(insert.explain(false, 1));
        assertThat(plan).contains("\"Node Type\"");
        String analyzed = await(insert.explain(true, 1));
        assertThat(analyzed).contains("Actual");
        assertThat(await(conn.fetchVal("SELECT count(*) FROM ps_it"))).isEqualTo(0L);
    }

    @Test
    void closeResetAndAClosedConnectionMakeTheStatementUnusable(PgTestServer server) {
        PgPreparedStatement<Row> a = await(conn.prepare("SELECT 1"));
        await(a.close());
        assertThat(failure(a.fetch())).isInstanceOf(PgClientException.class).hasMessageContaining("closed");
        assertThat(await(conn.fetchVal("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE '\\_\\_pgasync\\_ps%'")))
                .isEqualTo(0L);

        PgPreparedStatement<Row> b = await(conn.prepare("SELECT 2"));
        await(conn.reset());
        assertThat(failure(b.fetchVal())).isInstanceOf(PgClientException.class).hasMessageContaining("reset");
        assertThat(await(conn.fetchVal("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE '\\_\\_pgasync\\_ps%'")))
                .as("reset closes explicit statements on the server").isEqualTo(0L);

        PgConnection other = TestSupport.connect(server);
        PgPreparedStatement<Row> c = await(other.prepare("SELECT 3"));
        await(other.close());
        assertThat(failure(c.fetchVal())).isInstanceOf(PgConnectionClosedException.class);
    }

    @Test
    void aBadStatementFailsToPrepareWithTheServerError() {
        assertThat(failure(conn.prepare("SELECT nope FROM ps_it"))).hasMessageContaining("42703");
        assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
    }
}
