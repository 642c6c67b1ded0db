package io.pgasync.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libpq's rule for private key files: 0600 or less, or 0640 or less when owned by root. */
class KeyFilePermissionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} owned by root={1}: refused={2}")
    @CsvSource({
        "rw-------, false, false",
        "r--------, false, false",
        "rwx------, false, false",
        "rw-r-----, false, true",
        "rw----r--, false, true",
        "rw-r--r--, false, true",
        "rw--w----, false, true",
        "rw-------, true, false",
        "rw-r-----, true, false",
        "rw-rw----, true, true",
        "rw-r-x---, true, true",
        "rw-r--r--, true, true",
        "rw-r----x, true, true"
    })
    void appliesLibpqsRule(String mode, boolean ownedByRoot, boolean refused) {
        assertThat(KeyFilePermissions.violates(PosixFilePermissions.fromString(mode), ownedByRoot))
                .isEqualTo(refused);
    }

    @Test
    void acceptsAnOwnerOnlyFile() throws Exception {
        Path key = Files.createFile(dir.resolve("ok.key"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));

        assertThatCode(() -> KeyFilePermissions.check(key)).doesNotThrowAnyException();
    }

    @Test
    void refusesAWorldReadableFileAndNamesTheFix() throws Exception {
        Path key = Files.createFile(dir.resolve("open.key"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));

        assertThatThrownBy(() -> KeyFilePermissions.check(key))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("\"" + key + "\" has group or world access")
                .hasMessageContaining("u=rw (0600)")
                .hasMessageContaining("u=rw,g=r (0640)")
                .hasMessageContaining("chmod 0600 " + key);
    }

    @Test
    void groupReadDependsOnTheOwner() throws Exception {
        Path key = Files.createFile(dir.resolve("group.key"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        boolean ownedByRoot = Integer.valueOf(0).equals(Files.getAttribute(key, "unix:uid"));

        if (ownedByRoot) {
            assertThatCode(() -> KeyFilePermissions.check(key)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> KeyFilePermissions.check(key)).isInstanceOf(PgClientException.class);
        }
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> KeyFilePermissions.check(dir))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> KeyFilePermissions.check(dir.resolve("missing.key")))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("missing.key");
    }
}
