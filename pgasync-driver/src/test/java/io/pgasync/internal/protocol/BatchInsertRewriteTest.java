package io.pgasync.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchInsertRewriteTest {

    @Test
    void aPlainInsertBecomesOneStatementOverUnnest() {
        BatchInsertRewrite r = BatchInsertRewrite.of("INSERT INTO t (a, b, c) VALUES ($1, $2, $3)");
        assertThat(r.sql()).isEqualTo(
                "INSERT INTO t (a, b, c) SELECT u.p1, u.p2, u.p3 FROM unnest($1, $2, $3) AS u(p1, p2, p3)");
        assertThat(r.parameterCount()).isEqualTo(3);
    }

    @Test
    void parametersInAnyOrderKeepTheirColumns() {
        BatchInsertRewrite r = BatchInsertRewrite.of("insert into s.\"T v\" (b, a) values ($2,$1);  ");
        assertThat(r.sql()).isEqualTo(
                "insert into s.\"T v\" (b, a) SELECT u.p2, u.p1 FROM unnest($1, $2) AS u(p1, p2)");
    }

    @Test
    void commentsAndQuotedNamesThatLookLikeKeywordsAreSkipped() {
        BatchInsertRewrite r = BatchInsertRewrite.of(
                "/* load */ INSERT INTO \"values\" (\"select\") -- the column\n VALUES ( $1 )");
        assertThat(r).isNotNull();
        assertThat(r.sql()).endsWith("SELECT u.p1 FROM unnest($1) AS u(p1)");
        assertThat(r.sql()).startsWith("/* load */ INSERT INTO \"values\" (\"select\") -- the column\n ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t (a) VALUES ($1) RETURNING a",
        "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING",
        "INSERT INTO t (a, b) VALUES ($1, $1)",
        "INSERT INTO t (a, b) VALUES ($1, $3)",
        "INSERT INTO t (a, b) VALUES ($1, lower($2))",
        "INSERT INTO t (a) VALUES ($1), ($2)",
        "INSERT INTO t (a) VALUES (1)",
        "INSERT INTO t (a) SELECT $1",
        "INSERT INTO t DEFAULT VALUES",
        "WITH x AS (SELECT 1) INSERT INTO t (a) VALUES ($1)",
        "UPDATE t SET a = $1",
        "INSERT INTO t (a) VALUES ($1); DELETE FROM t",
        "INSERT INTO t (a) VALUES ($1::int)",
        "INSERTINTO t (a) VALUES ($1)",
        "INSERT INTO t (a) VALUES ($1",
        "INSERT INTO t (a) VALUES $1",
        "INSERT INTO t (a VALUES ($1)",
        "INSERT INTO t (a) VALUES ($1a)",
        ""
    })
    void anythingElseIsLeftAlone(String sql) {
        assertThat(BatchInsertRewrite.of(sql)).isNull();
    }

    @Test
    void columnsTransposeTheArgumentLists() {
        BatchInsertRewrite r = BatchInsertRewrite.of("INSERT INTO t (a, b) VALUES ($1, $2)");
        List<Object[]> lists = List.of(new Object[] {1, "x"}, new Object[] {2, null}, new Object[] {3, "z"});
        Object[] columns = r.columns(lists, 1, 3);
        assertThat(columns).hasSize(2);
        assertThat(columns[0]).isEqualTo(List.of(2, 3));
        assertThat(columns[1]).isEqualTo(Arrays.asList(null, "z"));
    }
}
