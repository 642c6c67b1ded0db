package io.pgasync.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassFileTest {

    @TempDir
    Path dir;

    private final CapturingLogger logger = new CapturingLogger();

    private Path pgpass(String content) throws IOException {
        Path file = dir.resolve(".pgpass");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private String lookup(Path file, String host, int port, String db, String user) {
        return PgPassFile.lookup(file, host, port, db, user, logger);
    }

    @Test
    void exactLineMatches() throws IOException {
        Path file = pgpass("db.example.com:5432:shop:alice:secret1\n");
        assertThat(lookup(file, "db.example.com", 5432, "shop", "alice")).isEqualTo("secret1");
        assertThat(logger.messages).isEmpty();
    }

    @Test
    void everyFieldMustMatch() throws IOException {
        Path file = pgpass("db.example.com:5432:shop:alice:secret1\n");
        assertThat(lookup(file, "other.example.com", 5432, "shop", "alice")).isNull();
        assertThat(lookup(file, "db.example.com", 5433, "shop", "alice")).isNull();
        assertThat(lookup(file, "db.example.com", 5432, "other", "alice")).isNull();
        assertThat(lookup(file, "db.example.com", 5432, "shop", "bob")).isNull();
        assertThat(lookup(file, "db.example.co", 5432, "shop", "alice")).as("prefix is not a match").isNull();
        assertThat(lookup(file, "db.example.com.evil", 5432, "shop", "alice")).isNull();
    }

    @Test
    void firstMatchingLineWins() throws IOException {
        Path file = pgpass("*:*:*:alice:wildcard\ndb:5432:shop:alice:specific\n");
        assertThat(lookup(file, "db", 5432, "shop", "alice")).isEqualTo("wildcard");
        Path ordered = pgpass("db:5432:shop:alice:specific\n*:*:*:alice:wildcard\n");
        assertThat(lookup(ordered, "db", 5432, "shop", "alice")).isEqualTo("specific");
        assertThat(lookup(ordered, "other", 1, "x", "alice")).isEqualTo("wildcard");
    }

    @Test
    void starMatchesAnythingOnlyAsAWholeField() throws IOException {
        Path file = pgpass("*:*:*:*:any\n");
        assertThat(lookup(file, "h", 1, "d", "u")).isEqualTo("any");
        Path literal = pgpass("db*:5432:*:*:starred\n");
        assertThat(lookup(literal, "dbx", 5432, "d", "u")).as("'db*' is literal").isNull();
        assertThat(lookup(literal, "db*", 5432, "d", "u")).isEqualTo("starred");
    }

    @Test
    void escapedColonAndBackslashInFieldsAndPassword() throws IOException {
        Path file = pgpass("h:5432:we\\:ird\\\\db:u:p\\:a\\\\ss\n");
        assertThat(lookup(file, "h", 5432, "we:ird\\db", "u")).isEqualTo("p:a\\ss");
        assertThat(lookup(file, "h", 5432, "we", "u")).isNull();
    }

    @Test
    void passwordEndsAtAnUnescapedColon() throws IOException {
        Path file = pgpass("h:5432:d:u:pw:trailing-field\n");
        assertThat(lookup(file, "h", 5432, "d", "u")).isEqualTo("pw");
    }

    @Test
    void commentsBlankLinesCrLfAndShortLinesAreSkipped() throws IOException {
        Path file = pgpass("# h:5432:d:u:commented\r\n\r\nh:5432\r\nh:5432:d:u:crlf\r\n");
        assertThat(lookup(file, "h", 5432, "d", "u")).isEqualTo("crlf");
    }

    @Test
    void emptyPasswordFieldGivesEmptyString() throws IOException {
        Path file = pgpass("h:5432:d:u:\n");
        assertThat(lookup(file, "h", 5432, "d", "u")).isEmpty();
    }

    @Test
    void localhostMatchesUnixSocketConnections() throws IOException {
        Path file = pgpass("localhost:5432:d:u:local\n");
        assertThat(lookup(file, "/var/run/postgresql", 5432, "d", "u")).isEqualTo("local");
        assertThat(lookup(file, "localhost", 5432, "d", "u")).isEqualTo("local");
        assertThat(lookup(file, "127.0.0.1", 5432, "d", "u")).as("an address is not localhost").isNull();
    }

    @Test
    void socketDirectoryMatchesLiterallyAndFirstLineWins() throws IOException {
        Path file = pgpass("/tmp:5432:d:u:tmp-socket\nlocalhost:5432:d:u:local\n");
        assertThat(lookup(file, "/tmp", 5432, "d", "u")).isEqualTo("tmp-socket");
        assertThat(lookup(file, "/var/run/postgresql", 5432, "d", "u")).isEqualTo("local");
    }

    @Test
    void missingFileOrMissingNamesGiveNullWithoutWarning() throws IOException {
        assertThat(lookup(dir.resolve("absent"), "h", 5432, "d", "u")).isNull();
        assertThat(lookup(null, "h", 5432, "d", "u")).isNull();
        Path file = pgpass("*:*:*:*:pw\n");
        assertThat(lookup(file, "h", 5432, "", "u")).isNull();
        assertThat(lookup(file, "h", 5432, "d", "")).isNull();
        assertThat(logger.messages).isEmpty();
    }

    @Test
    void groupOrWorldReadableFileIsIgnoredWithWarningWithoutContents() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        Path file = pgpass("h:5432:d:u:Sup3rSecretValue\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(lookup(file, "h", 5432, "d", "u")).isNull();
        assertThat(logger.messages).hasSize(1);
        assertThat(logger.messages.get(0))
                .contains(file.toString())
                .contains("group or world access")
                .contains("0600")
                .doesNotContain("Sup3rSecretValue");
        assertThat(logger.levels).containsExactly(System.Logger.Level.WARNING);
    }

    @Test
    void anyGroupOrOtherBitIsEnough() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        Path file = pgpass("h:5432:d:u:pw\n");
        for (String mode : List.of("rw----r--", "rw-r-----", "rw--w----", "rw-----w-", "rw---x---", "rw------x")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThat(lookup(file, "h", 5432, "d", "u")).as(mode).isNull();
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(lookup(file, "h", 5432, "d", "u")).as("owner read-only is fine").isEqualTo("pw");
    }

    @Test
    void directoryIsNotAPlainFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("pgpass-dir"));
        assertThat(lookup(sub, "h", 5432, "d", "u")).isNull();
        assertThat(logger.messages).singleElement().asString().contains("not a plain file").contains(sub.toString());
    }

    @Test
    void matchFieldHandlesEdgeCases() {
        assertThat(PgPassFile.matchField("abc:rest", 0, "abc")).isEqualTo(4);
        assertThat(PgPassFile.matchField("abc", 0, "abc")).as("no terminating colon").isEqualTo(-1);
        assertThat(PgPassFile.matchField("*:x", 0, "anything")).isEqualTo(2);
        assertThat(PgPassFile.matchField(":x", 0, "")).isEqualTo(1);
        assertThat(PgPassFile.matchField("a\\", 0, "a\\")).isEqualTo(-1);
        assertThat(PgPassFile.unescapePassword("p\\w\\:d:x", 0)).isEqualTo("pw:d");
        assertThat(PgPassFile.unescapePassword("trailing\\", 0)).isEqualTo("trailing\\");
    }

    /** Collects what would be logged. */
    static final class CapturingLogger implements System.Logger {
        final List<String> messages = new ArrayList<>();
        final List<Level> levels = new ArrayList<>();

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            levels.add(level);
            messages.add(msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            levels.add(level);
            messages.add(format);
        }
    }
}
