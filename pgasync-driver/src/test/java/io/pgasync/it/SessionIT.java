package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.testing.AuthMethod;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.RequiresOwnCluster;
import io.pgasync.testing.TestRole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Session reset (asyncpg semantics) and secrets that must never leak (reliability SEC-12). */
@PgTest
class SessionIT {

    @Test
    void resetRollsBackAndClearsSessionStateButKeepsPreparedStatements(PgTestServer server) {
        PgConnection conn = TestSupport.connect(server);
        try {
            await(conn.fetchVal("SELECT $1::int", 1)); // a cached prepared statement
            await(conn.execute("SET work_mem = '7777kB'"));
            await(conn.execute("SELECT pg_advisory_lock(4242)"));
            await(conn.execute("LISTEN some_channel"));
            await(conn.execute("BEGIN"));
            await(conn.execute("DECLARE c CURSOR WITH HOLD FOR SELECT 1"));
            assertThat(conn.isInTransaction()).isTrue();
            long before = (Long) await(conn.fetchVal("SELECT count(*) FROM pg_prepared_statements"));

            await(conn.reset());

            assertThat(conn.isInTransaction()).isFalse();
            assertThat(await(conn.fetchVal("SHOW work_mem"))).isNotEqualTo("7777kB");
            assertThat(await(conn.fetchVal("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND pid = pg_backend_pid()"))).isEqualTo(0L);
            assertThat(await(conn.fetchVal("SELECT count(*) FROM pg_listening_channels()"))).isEqualTo(0L);
            assertThat(await(conn.fetchVal("SELECT count(*) FROM pg_cursors WHERE name <> ''"))).isEqualTo(0L);
            assertThat((Long) await(conn.fetchVal("SELECT count(*) FROM pg_prepared_statements")))
                    .isGreaterThanOrEqualTo(before);
            assertThat(conn.getResetQuery()).contains("pg_advisory_unlock_all").contains("CLOSE ALL")
                    .contains("UNLISTEN *").contains("RESET ALL");
        } finally {
            TestSupport.close(conn);
        }
    }

    @Test
    @RequiresOwnCluster("uses the scram role")
    void passwordsNeverAppearInMessagesLogsOrToString_SEC12(PgTestServer server) {
        String sentinel = "S3ntinel-Pw-" + System.nanoTime();
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger root = Logger.getLogger("");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage()
                        + (record.getThrown() != null ? " " + stackTrace(record.getThrown()) : ""));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = Logger.getLogger("io.pgasync").getLevel();
        Logger.getLogger("io.pgasync").setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            TestRole role = server.role(AuthMethod.SCRAM_SHA_256);
            String[] dsns = {
                "postgresql://" + role.name() + ":" + sentinel + "@127.0.0.1:" + server.port() + "/" + server.database()
                        + "?sslmode=disable",
                "postgresql://" + role.name() + ":" + sentinel + "@127.0.0.1:1/x?sslmode=disable&connect_timeout=2",
                "host=127.0.0.1 port=" + server.port() + " user=" + role.name() + " password=" + sentinel
                        + " dbname=" + server.database() + " sslmode=verify-full sslrootcert=/nonexistent",
                "postgresql://u:" + sentinel + "@[bad/db?sslmode=nonsense",
            };
            for (String dsn : dsns) {
                Throwable e = failure(PgConnection.connect(dsn));
                assertThat(stackTrace(e)).as(dsn.replace(sentinel, "***")).doesNotContain(sentinel);
            }
            PgConnectOptions options = PgConnectOptions.parse(dsns[0]);
            assertThat(options.toString()).doesNotContain(sentinel);
            assertThat(logged).noneMatch(line -> line.contains(sentinel));
        } finally {
            root.removeHandler(capture);
            Logger.getLogger("io.pgasync").setLevel(previous);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
