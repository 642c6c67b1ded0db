package io.pgasync.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator refuses input it would misread, and names the line. */
class ErrcodesGeneratorTest {

    private static final String VERSION = "# PostgreSQL 99.1's errcodes.txt, for a test";

    private static List<String> realLines() throws IOException {
        return Files.readAllLines(Path.of(ErrcodesGenerator.ERRCODES_FILE), StandardCharsets.UTF_8);
    }

    @Test
    void versionInTheHeaderComesFromTheFirstLine() throws IOException {
        List<String> lines = new ArrayList<>(realLines());
        lines.set(0, VERSION);
        Map<String, String> sources = ErrcodesGenerator.generate(lines);
        assertThat(sources.get("SqlState.java")).contains("from PostgreSQL 99.1 errcodes.txt");
    }

    @Test
    void inputWithoutVersionLineIsRefused() throws IOException {
        List<String> lines = new ArrayList<>(realLines());
        lines.remove(0);
        assertThatThrownBy(() -> ErrcodesGenerator.generate(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL version");
    }

    @Test
    void malformedCodeLineIsRefusedWithItsLineNumber() {
        List<String> lines = List.of(VERSION, "Section: Class 23 - Integrity Constraint Violation",
                "23505 X ERRCODE_UNIQUE_VIOLATION unique_violation");
        assertThatThrownBy(() -> ErrcodesGenerator.generate(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void codeOutsideItsSectionClassIsRefused() {
        List<String> lines = List.of(VERSION, "Section: Class 23 - Integrity Constraint Violation",
                "24000 E ERRCODE_INVALID_CURSOR_STATE invalid_cursor_state");
        assertThatThrownBy(() -> ErrcodesGenerator.generate(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the section's class 23");
    }

    @Test
    void macroAliasWithoutNamedCodeIsRefused() {
        List<String> lines = List.of(VERSION, "Section: Class 23 - Integrity Constraint Violation",
                "23000 E ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION integrity_constraint_violation",
                "23999 E ERRCODE_SOMETHING_NEW");
        assertThatThrownBy(() -> ErrcodesGenerator.generate(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("23999");
    }

    @Test
    void allowListedCodeMissingFromTheInputIsRefused() throws IOException {
        List<String> lines = new ArrayList<>(realLines());
        assertThat(lines.removeIf(l -> l.startsWith("23505"))).isTrue();
        assertThatThrownBy(() -> ErrcodesGenerator.generate(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allow-list: code 23505");
    }
}
