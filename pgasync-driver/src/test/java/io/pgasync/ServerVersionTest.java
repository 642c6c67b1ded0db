package io.pgasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServerVersionTest {

    @ParameterizedTest
    @CsvSource({
        "'16.2', 16, 2, 0, final, 0",
        "'9.6.24', 9, 6, 24, final, 0",
        "'16beta2', 16, 0, 0, beta, 2",
        "'17rc1', 17, 0, 0, rc, 1",
        "'15devel', 15, 0, 0, devel, 0",
        "'15.4 (Debian 15.4-1.pgdg120+1)', 15, 4, 0, final, 0",
        "'18.6', 18, 6, 0, final, 0",
        "'10.0', 10, 0, 0, final, 0",
    })
    void parsesLikeAsyncpg(String text, int major, int minor, int micro, String level, int serial) {
        assertThat(ServerVersion.parse(text)).isEqualTo(new ServerVersion(major, minor, micro, level, serial));
    }

    @Test
    void ordersPreReleasesBeforeReleases() {
        assertThat(ServerVersion.parse("16beta2")).isLessThan(ServerVersion.parse("16.0"));
        assertThat(ServerVersion.parse("16.1")).isLessThan(ServerVersion.parse("16.2"));
        assertThat(ServerVersion.parse("15.9")).isLessThan(ServerVersion.parse("16beta1"));
        assertThat(ServerVersion.parse("16.2").isAtLeast(14)).isTrue();
    }

    @Test
    void refusesNonVersions() {
        assertThatThrownBy(() -> ServerVersion.parse("PostgreSQL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandStatusParsing() {
        assertThat(CommandStatus.parse("INSERT 0 3")).isEqualTo(new CommandStatus("INSERT 0 3", "INSERT", 3));
        assertThat(CommandStatus.parse("UPDATE 2").rowCount()).isEqualTo(2);
        assertThat(CommandStatus.parse("SELECT 5").command()).isEqualTo("SELECT");
        assertThat(CommandStatus.parse("CREATE TABLE")).isEqualTo(new CommandStatus("CREATE TABLE", "CREATE TABLE", -1));
        assertThat(CommandStatus.parse("").rowCount()).isEqualTo(-1);
    }
}
