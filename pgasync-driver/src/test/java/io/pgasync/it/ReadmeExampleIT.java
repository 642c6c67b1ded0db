package io.pgasync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.Row;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example runs as written (only its DSN is replaced by the test server's). */
@PgTest
class ReadmeExampleIT {

    private static final String README_DSN = "postgresql://app:secret@localhost/app";

    @Test
    void theReadmeExampleRuns(PgTestServer server) {
        String dsn = TestSupport.dsn(server, server.mainRole(), "");
        // README:begin
        PgConnection conn = PgConnection.connect(dsn).join();
        conn.execute("CREATE TABLE IF NOT EXISTS notes (id serial PRIMARY KEY, body text NOT NULL)").join();
        conn.execute("INSERT INTO notes (body) VALUES ($1)", "hello").join();
        List<Row> rows = conn.fetch("SELECT id, body FROM notes WHERE body = $1", "hello").join();
        String first = conn.fetchVal("SELECT body FROM notes ORDER BY id LIMIT 1", String.class).join();
        conn.transaction(tx -> tx.execute("UPDATE notes SET body = upper(body)")).join();
        conn.close().join();
        // README:end
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).getString("body")).isEqualTo("hello");
        assertThat(first).isEqualTo("hello");
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws IOException {
        String test = Files.readString(Path.of("src/test/java/io/pgasync/it/ReadmeExampleIT.java"));
        String snippet = test.substring(test.indexOf("// README:begin") + "// README:begin".length(),
                test.indexOf("        // README:end"));
        StringBuilder expected = new StringBuilder();
        for (String line : snippet.strip().split("\n")) {
            expected.append(line.strip()).append('\n');
        }
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).as("README.md must show the example this test runs")
                .contains(expected.toString().replace("connect(dsn)", "connect(\"" + README_DSN + "\")"));
    }
}
