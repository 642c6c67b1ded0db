package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.PgLogListener;
import io.pgasync.PgNotice;
import io.pgasync.PgQueryEvent;
import io.pgasync.PgQueryLogger;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.List;
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
}
