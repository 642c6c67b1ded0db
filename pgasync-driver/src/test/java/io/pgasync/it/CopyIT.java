package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.CopySink;
import io.pgasync.CopySource;
import io.pgasync.PgConnection;
import io.pgasync.PgCopyOptions;
import io.pgasync.exception.InvalidTextRepresentationException;
import io.pgasync.exception.PgParameterException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PgTest
class CopyIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
        await(conn.execute("DROP TABLE IF EXISTS copy_it; CREATE TABLE copy_it (id int PRIMARY KEY, name text,"
                + " born date, tag uuid)"));
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    private long count() {
        return (Long) await(conn.fetchVal("SELECT count(*) FROM copy_it"));
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void copyOutOfATableInTextAndCsv() {
        await(conn.execute("INSERT INTO copy_it VALUES (1, 'a', '2000-01-01', NULL), (2, 'b,\"x\"', NULL, NULL)"));
        ByteArrayOutputStream textOut = new ByteArrayOutputStream();
        assertThat(await(conn.copyFromTable("copy_it", CopySink.of(textOut),
                PgCopyOptions.builder().columns("id", "name").build()))).isEqualTo(2L);
        assertThat(text(textOut)).isEqualTo("1\ta\n2\tb,\"x\"\n");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        await(conn.copyFromTable("copy_it", CopySink.of(csv), PgCopyOptions.builder()
                .format(PgCopyOptions.Format.CSV).header(true).delimiter(';').nullString("<null>")
                .forceQuote("id").columns("id", "name", "born").build()));
        assertThat(text(csv)).isEqualTo("id;name;born\n\"1\";a;2000-01-01\n\"2\";\"b,\"\"x\"\"\";<null>\n");
    }

    @Test
    void copyOutOfAQueryWithArgumentsQuotedByTheServer() {
        await(conn.execute("INSERT INTO copy_it (id, name) VALUES (1, 'it''s $1'), (2, 'two'), (3, 'three')"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = await(conn.copyFromQuery("SELECT id, name, '$1' AS literal /* $2 */ FROM copy_it"
                        + " WHERE id >= $1 AND name <> $2 -- $3\n ORDER BY id", CopySink.of(out),
                PgCopyOptions.builder().format(PgCopyOptions.Format.CSV).build(), 1, "two'; DROP TABLE copy_it; --"));
        assertThat(rows).isEqualTo(3L);
        assertThat(text(out)).isEqualTo("1,it's $1,$1\n2,two,$1\n3,three,$1\n");
        assertThat(count()).isEqualTo(3L);
    }

    @Test
    void copyOutToAFileAndToAnAsyncSink(@TempDir Path dir) throws IOException {
        await(conn.execute("INSERT INTO copy_it (id) SELECT i FROM generate_series(1, 1000) i"));
        Path file = dir.resolve("out.txt");
        assertThat(await(conn.copyFromTable("copy_it", CopySink.of(file),
                PgCopyOptions.builder().columns("id").build()))).isEqualTo(1000L);
        assertThat(Files.readAllLines(file)).hasSize(1000).startsWith("1", "2");

        List<byte[]> chunks = new ArrayList<>();
        CompletableFuture<Long> done = conn.copyFromTable("copy_it", CopySink.async(buffer -> {
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            chunks.add(copy);
            return CompletableFuture.supplyAsync(() -> null); // completes later, on another thread
        }), PgCopyOptions.builder().columns("id").build());
        assertThat(await(done)).isEqualTo(1000L);
        int bytes = chunks.stream().mapToInt(c -> c.length).sum();
        assertThat(bytes).isEqualTo((int) Files.size(file));
    }

    @Test
    void copyInFromAStreamAFileAndAPublisher(@TempDir Path dir) throws Exception {
        String csv = "id,name,born\n1,alice,1990-05-01\n2,\"bob, jr\",\n";
        PgCopyOptions options = PgCopyOptions.builder().format(PgCopyOptions.Format.CSV).header(true)
                .columns("id", "name", "born").build();
        assertThat(await(conn.copyToTable("copy_it", CopySource.of(new ByteArrayInputStream(
                csv.getBytes(StandardCharsets.UTF_8))), options))).isEqualTo(2L);
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "id,name,born\n3,carol,2001-02-03\n");
        assertThat(await(conn.copyToTable("copy_it", CopySource.of(file), options))).isEqualTo(1L);
        try (SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>()) {
            CompletableFuture<Long> copy = conn.copyToTable("copy_it", CopySource.of(publisher),
                    PgCopyOptions.builder().columns("id", "name").build());
            awaitSubscribed(publisher);
            for (int i = 4; i < 100; i++) {
                publisher.submit(ByteBuffer.wrap((i + "\tname" + i + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            publisher.close();
            assertThat(await(copy)).isEqualTo(96L);
        }
        assertThat(count()).isEqualTo(99L);
        assertThat(await(conn.fetchVal("SELECT name FROM copy_it WHERE id = 2"))).isEqualTo("bob, jr");
        assertThat(await(conn.fetchVal("SELECT born FROM copy_it WHERE id = 2"))).isNull();
    }

    @Test
    void copyInOptionsWhereForceNullAndFreeze() {
        String csv = "1,\"\",x\n2,\"\",y\n3,z,\n";
        await(conn.execute("DROP TABLE IF EXISTS copy_opts; CREATE TABLE copy_opts (id int, a text, b text)"));
        long rows = await(conn.copyToTable("copy_opts", CopySource.of(new ByteArrayInputStream(
                csv.getBytes(StandardCharsets.UTF_8))), PgCopyOptions.builder().format(PgCopyOptions.Format.CSV)
                .forceNull("a").forceNotNull("b").where("id > 1").build()));
        assertThat(rows).isEqualTo(2L);
        assertThat(await(conn.fetchVal("SELECT a IS NULL FROM copy_opts WHERE id = 2"))).isEqualTo(true);
        assertThat(await(conn.fetchVal("SELECT b FROM copy_opts WHERE id = 3"))).isEqualTo("");
        await(conn.transaction(tx -> tx.execute("TRUNCATE copy_opts").thenCompose(s -> tx.copyToTable("copy_opts",
                CopySource.of(new ByteArrayInputStream("9,q,r\n".getBytes(StandardCharsets.UTF_8))),
                PgCopyOptions.builder().format(PgCopyOptions.Format.CSV).freeze(true).build()))));
        assertThat(await(conn.fetchVal("SELECT count(*) FROM copy_opts"))).isEqualTo(1L);
    }

    @Test
    void aBadRowAbortsTheCopyAndTheConnectionStaysUsable() {
        StringBuilder data = new StringBuilder();
        for (int i = 1; i <= 50_000; i++) {
            data.append(i == 40_000 ? "not-a-number" : String.valueOf(i)).append("\tname\n");
        }
        Throwable e = failure(conn.copyToTable("copy_it", CopySource.of(new ByteArrayInputStream(
                data.toString().getBytes(StandardCharsets.UTF_8))), PgCopyOptions.builder().columns("id", "name").build()));
        assertThat(e).isInstanceOf(InvalidTextRepresentationException.class);
        assertThat(count()).isZero();
        assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
    }

    @Test
    void aFailingSourceAbortsTheCopyWithItsOwnError() {
        InputStream failing = new InputStream() {
            private int line;
            private byte[] current = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                if (at == current.length) {
                    if (++line > 20_000) {
                        throw new IOException("disk on fire");
                    }
                    current = (line + "\n").getBytes(StandardCharsets.US_ASCII);
                    at = 0;
                }
                return current[at++];
            }
        };
        Throwable e = failure(conn.copyToTable("copy_it", CopySource.of(failing),
                PgCopyOptions.builder().columns("id").build()));
        assertThat(e).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(count()).isZero();
        assertThat(await(conn.fetchVal("SELECT 2"))).isEqualTo(2);
    }

    @Test
    void copyRecordsInBinaryFromAnIterableAndAPublisher() {
        UUID tag = UUID.randomUUID();
        List<List<?>> records = List.of(
                Arrays.asList(1, "one", LocalDate.of(2001, 1, 1), tag),
                Arrays.asList(2, null, null, null),
                Arrays.asList(3, "three", LocalDate.of(1999, 12, 31), null));
        assertThat(await(conn.copyRecordsToTable("copy_it", records, null))).isEqualTo(3L);
        assertThat(await(conn.fetchVal("SELECT tag FROM copy_it WHERE id = 1"))).isEqualTo(tag);
        assertThat(await(conn.fetchVal("SELECT name FROM copy_it WHERE id = 2"))).isNull();

        Flow.Publisher<List<?>> publisher = subscriber -> {
            SubmissionPublisher<List<?>> p = new SubmissionPublisher<>();
            p.subscribe(subscriber);
            for (int i = 10; i < 20; i++) {
                p.submit(List.of(i, "n" + i));
            }
            p.close();
        };
        assertThat(await(conn.copyRecordsToTable("copy_it", publisher, PgCopyOptions.builder()
                .columns("id", "name").where("id % 2 = 0").build()))).isEqualTo(5L);
        assertThat(count()).isEqualTo(8L);
    }

    @Test
    void aRecordThatDoesNotFitAbortsTheCopy() {
        Throwable e = failure(conn.copyRecordsToTable("copy_it", List.of(List.of(1, "a"), List.of("x", "b")),
                PgCopyOptions.builder().columns("id", "name").build()));
        assertThat(e).isInstanceOf(PgParameterException.class).hasMessageContaining("Record 1")
                .hasMessageContaining("\"id\"");
        assertThat(count()).isZero();
        assertThat(await(conn.fetchVal("SELECT 3"))).isEqualTo(3);
    }

    @Test
    void identifiersAreQuoted() {
        await(conn.execute("CREATE SCHEMA IF NOT EXISTS \"Odd Schema\"; DROP TABLE IF EXISTS \"Odd Schema\".\"t\"\"x\";"
                + " CREATE TABLE \"Odd Schema\".\"t\"\"x\" (\"Col A\" int)"));
        PgCopyOptions options = PgCopyOptions.builder().schema("Odd Schema").columns("Col A").build();
        await(conn.copyRecordsToTable("t\"x", List.of(List.of(5)), options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        await(conn.copyFromTable("t\"x", CopySink.of(out), options));
        assertThat(text(out)).isEqualTo("5\n");
    }

    private static void awaitSubscribed(SubmissionPublisher<?> publisher) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!publisher.hasSubscribers()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the COPY never subscribed");
            }
            Thread.onSpinWait();
        }
    }
}
