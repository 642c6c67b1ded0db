package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.PgLogListener;
import io.pgasync.PgNotice;
import io.pgasync.PgQueryEvent;
import io.pgasync.PgQueryLogger;
import io.pgasync.exception.PgConnectionClosedException;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class ListenersIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    @Test
    void noticesReachLogListenersWithAllFields() {
        List<PgNotice> notices = new CopyOnWriteArrayList<>();
        PgLogListener listener = (c, notice) -> notices.add(notice);
        conn.addLogListener(listener);
        await(conn.execute("DO $$ BEGIN RAISE WARNING 'careful: %', 42 USING DETAIL = 'the detail',"
                + " HINT = 'the hint', ERRCODE = '01000'; END $$"));
        assertThat(notices).hasSize(1);
        PgNotice notice = notices.get(0);
        assertThat(notice.severity()).isEqualTo("WARNING");
        assertThat(notice.message()).isEqualTo("careful: 42");
        assertThat(notice.sqlState()).isEqualTo("01000");
        assertThat(notice.fields().detail()).isEqualTo("the detail");
        assertThat(notice.fields().hint()).isEqualTo("the hint");
        assertThat(notice.fields().where()).contains("PL/pgSQL");
        conn.removeLogListener(listener);
        await(conn.execute("DO $$ BEGIN RAISE NOTICE 'again'; END $$"));
        assertThat(notices).hasSize(1);
    }

    @Test
    void queryLoggersSeeSqlTimingAndErrorsButArgumentsOnlyWhenAsked() {
        List<PgQueryEvent> plain = new CopyOnWriteArrayList<>();
        List<PgQueryEvent> withArgs = new CopyOnWriteArrayList<>();
        PgQueryLogger plainLogger = plain::add;
        conn.addQueryLogger(plainLogger);
        conn.addQueryLogger(withArgs::add, true);
        await(conn.fetchVal("SELECT $1::text", "secret-value"));
        failure(conn.execute("SELECT 1/0"));
        assertThat(plain).hasSize(2);
        assertThat(plain.get(0).sql()).isEqualTo("SELECT $1::text");
        assertThat(plain.get(0).arguments()).isNull();
        assertThat(plain.get(0).elapsed()).isPositive();
        assertThat(plain.get(0).toString()).doesNotContain("secret-value");
        assertThat(plain.get(1).error()).hasMessageContaining("22012");
        assertThat(plain.get(1).status()).isNull();
        assertThat(withArgs.get(0).arguments()).containsExactly("secret-value");
        assertThat(withArgs.get(0).connection()).isSameAs(conn);
        conn.removeQueryLogger(plainLogger);
        await(conn.fetchVal("SELECT 1"));
        assertThat(plain).hasSize(2);
        assertThat(withArgs).hasSize(3);
    }

    /** Records starts (with the submitting thread) and ends, pairing them through what started returned. */
    private static final class PairingLogger implements PgQueryLogger {
        final List<String> starts = new CopyOnWriteArrayList<>();
        final List<String> ends = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void log(PgQueryEvent event) {
            ends.add("unpaired " + event.sql());
        }

        @Override
        public Object started(PgConnection connection, String sql) {
            starts.add(sql + " on " + Thread.currentThread().getName());
            return "start of " + sql;
        }

        @Override
        public void finished(Object start, PgQueryEvent event) {
            ends.add(start + (event.error() != null ? " failed" : " done"));
            if (event.error() != null) {
                errors.add(event.error());
            }
        }
    }

    @Test
    void everyStartedQueryIsFinishedExactlyOnceWhateverEndsIt(PgTestServer server) {
        PairingLogger logger = new PairingLogger();
        PgConnection observed = TestSupport.connect(server);
        try {
            observed.addQueryLogger(logger);
            String thread = Thread.currentThread().getName();
            await(observed.fetchVal("SELECT 1"));
            failure(observed.execute("SELECT 1/0"));
            failure(observed.withTimeout(Duration.ofMillis(100)).fetchVal("SELECT pg_sleep(30)"));
            CompletableFuture<Object> cancelled = observed.fetchVal("SELECT pg_sleep(30), 1");
            cancelled.cancel(true);
            await(observed.fetchVal("SELECT 2")); // after the cancelled one: the connection is usable
            CompletableFuture<Object> lost = observed.fetchVal("SELECT pg_sleep(30), 2");
            observed.terminate();
            failure(lost);
            assertThat(logger.starts).containsExactly("SELECT 1 on " + thread, "SELECT 1/0 on " + thread,
                    "SELECT pg_sleep(30) on " + thread, "SELECT pg_sleep(30), 1 on " + thread, "SELECT 2 on " + thread,
                    "SELECT pg_sleep(30), 2 on " + thread);
            assertThat(logger.ends).containsExactly("start of SELECT 1 done", "start of SELECT 1/0 failed",
                    "start of SELECT pg_sleep(30) failed", "start of SELECT pg_sleep(30), 1 failed",
                    "start of SELECT 2 done", "start of SELECT pg_sleep(30), 2 failed");
            assertThat(logger.errors.get(1)).isInstanceOf(PgTimeoutException.class);
            assertThat(logger.errors.get(2)).isInstanceOf(CancellationException.class);
            assertThat(logger.errors.get(3)).isInstanceOf(PgConnectionClosedException.class);
        } finally {
            TestSupport.close(observed);
        }
    }
}
