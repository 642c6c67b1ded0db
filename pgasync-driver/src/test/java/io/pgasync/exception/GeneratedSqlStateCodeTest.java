package io.pgasync.exception;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.tools.ErrcodesGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checked-in SQLSTATE sources are exactly what {@link ErrcodesGenerator} makes of the checked-in
 * {@code errcodes.txt}. Surefire runs in the module directory, so paths are relative to it.
 */
class GeneratedSqlStateCodeTest {

    private static final String HOW_TO_FIX = "run the generator from the repository root: "
            + "java pgasync-driver/src/test/java/io/pgasync/tools/ErrcodesGenerator.java";

    private static final Path TARGET = Path.of(ErrcodesGenerator.TARGET_DIR);

    private static Map<String, String> generated;

    @BeforeAll
    static void generate() throws IOException {
        generated = ErrcodesGenerator.generate(Path.of(ErrcodesGenerator.ERRCODES_FILE));
    }

    @Test
    void checkedInSourcesMatchTheGeneratorOutput() throws IOException {
        List<String> outdated = new ArrayList<>();
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path file = TARGET.resolve(e.getKey());
            if (!Files.isRegularFile(file) || !read(file).equals(e.getValue())) {
                outdated.add(e.getKey());
            }
        }
        assertThat(outdated)
                .as("generated SQLSTATE sources missing or different from the generator output: %s; %s",
                        outdated, HOW_TO_FIX)
                .isEmpty();
    }

    @Test
    void noStaleGeneratedFileIsLeftBehind() throws IOException {
        assertThat(ErrcodesGenerator.staleGeneratedFiles(TARGET, generated.keySet()))
                .as("files with the GENERATED header that the generator no longer produces; %s", HOW_TO_FIX)
                .isEmpty();
    }

    @Test
    void everyGeneratedFileNamesItsSourceAndSaysDoNotEdit() {
        assertThat(generated).isNotEmpty();
        generated.forEach((name, content) -> assertThat(content.lines().findFirst().orElse(""))
                .as(name)
                .startsWith(ErrcodesGenerator.HEADER_MARKER)
                .contains("PostgreSQL 18.6 errcodes.txt")
                .contains("DO NOT EDIT"));
    }

    @Test
    void errcodesCopyIsLabelledWithItsPostgresVersion() throws IOException {
        String first = read(Path.of(ErrcodesGenerator.ERRCODES_FILE)).lines().findFirst().orElse("");
        assertThat(first).startsWith("# PostgreSQL 18.6's errcodes.txt");
    }

    @Test
    void generatesTheEnumTheFactoryAndTheRequiredClasses() {
        assertThat(generated).containsKeys("SqlState.java", "PgServerExceptions.java",
                "IntegrityConstraintViolationException.java", "UniqueViolationException.java",
                "SerializationFailureException.java", "DeadlockDetectedException.java",
                "QueryCanceledException.java", "InvalidCachedStatementException.java",
                "FeatureNotSupportedException.java", "InvalidSqlStatementNameException.java");
        assertThat(generated).doesNotContainKeys("SuccessfulCompletionException.java", "WarningException.java",
                "NoDataException.java");
    }

    private static String read(Path file) throws IOException {
        // tolerate a checkout with CRLF line ends
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
