package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.PgTransaction;
import io.pgasync.Row;
import io.pgasync.exception.InvalidCachedStatementException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class StatementCacheIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
        await(conn.execute("DROP TABLE IF EXISTS cache_it; CREATE TABLE cache_it (a int); INSERT INTO cache_it VALUES (1)"));
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    private long serverStatements(PgConnection c) {
        return (Long) await(c.fetchVal("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE '\\_\\_pgasync%'"));
    }

    @Test
    void statementsArePreparedOnceAndReused() {
        for (int i = 0; i < 10; i++) {
            await(conn.fetch("SELECT a FROM cache_it WHERE a = $1", 1));
        }
        assertThat(await(conn.fetchVal("SELECT count(*) FROM pg_prepared_statements"
                + " WHERE statement = 'SELECT a FROM cache_it WHERE a = $1'"))).isEqualTo(1L);
    }

    @Test
    void aSchemaChangeIsHandledByRePreparingAndRetryingOnce() {
        List<Row> before = await(conn.fetch("SELECT * FROM cache_it"));
        assertThat(before.get(0).size()).isEqualTo(1);
        await(conn.execute("ALTER TABLE cache_it ADD COLUMN b text DEFAULT 'x'"));
        List<Row> after = await(conn.fetch("SELECT * FROM cache_it"));
        assertThat(after.get(0).size()).isEqualTo(2);
        assertThat(after.get(0).getString("b")).isEqualTo("x");
    }

    @Test
    void insideATransactionTheStaleStatementErrorSaysWhatToDo() {
        await(conn.fetch("SELECT * FROM cache_it"));
        await(conn.execute("ALTER TABLE cache_it ADD COLUMN c int"));
        PgTransaction tx = conn.transaction();
        await(tx.start());
        Throwable e = failure(conn.fetch("SELECT * FROM cache_it"));
        assertThat(e).isInstanceOf(InvalidCachedStatementException.class);
        assertThat(((InvalidCachedStatementException) e).getHint()).contains("roll back");
        await(tx.rollback());
        assertThat(await(conn.fetch("SELECT * FROM cache_it")).get(0).size()).isEqualTo(2);
    }

    @Test
    void droppedServerStatementsAreRePrepared() {
        await(conn.fetch("SELECT a FROM cache_it"));
        await(conn.execute("DEALLOCATE ALL"));
        assertThat(await(conn.fetch("SELECT a FROM cache_it"))).hasSize(1);
    }

    @Test
    void evictedStatementsAreClosedOnTheServer(PgTestServer server) {
        PgConnection small = TestSupport.connect(server, "statementCacheSize=3");
        try {
            for (int i = 0; i < 20; i++) {
                await(small.fetchVal("SELECT " + i + " + $1::int", 1));
            }
            assertThat(serverStatements(small)).isLessThanOrEqualTo(4); // 3 cached + the count query itself
        } finally {
            TestSupport.close(small);
        }
    }

    @Test
    void cacheSizeZeroUsesUnnamedStatementsOnly(PgTestServer server) {
        PgConnection uncached = TestSupport.connect(server, "statementCacheSize=0");
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(await(uncached.fetchVal("SELECT $1::int + 1", i))).isEqualTo(i + 1);
            }
            assertThat(await(uncached.fetchVal("SELECT count(*) FROM pg_prepared_statements"))).isEqualTo(0L);
        } finally {
            TestSupport.close(uncached);
        }
    }

    @Test
    void longSqlIsNotCached(PgTestServer server) {
        PgConnection c = TestSupport.connect(server, "maxCacheableStatementSize=50");
        try {
            String longSql = "SELECT $1::int AS value /* " + "x".repeat(100) + " */";
            assertThat(await(c.fetchVal(longSql, 5))).isEqualTo(5);
            assertThat(await(c.fetchVal("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1",
                    longSql))).isEqualTo(0L);
        } finally {
            TestSupport.close(c);
        }
    }
}
