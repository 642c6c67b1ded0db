package io.pgasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PgHostTest {

    @Test
    void tcpHost() {
        PgHost h = PgHost.of("db.example.com", 5433);
        assertThat(h.isUnixSocket()).isFalse();
        assertThat(h.hostaddr()).isNull();
        assertThat(h).hasToString("db.example.com:5433");
        assertThatThrownBy(h::socketPath).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unixSocketDirectory() {
        PgHost h = new PgHost("/var/run/postgresql", 5432);
        assertThat(h.isUnixSocket()).isTrue();
        assertThat(h.socketPath()).isEqualTo("/var/run/postgresql/.s.PGSQL.5432");
        assertThat(new PgHost("/tmp/", 6000).socketPath()).isEqualTo("/tmp/.s.PGSQL.6000");
        assertThat(h).hasToString("/var/run/postgresql/.s.PGSQL.5432");
    }

    @Test
    void ipv6HostPrintsInBrackets() {
        assertThat(PgHost.of("::1", 5432)).hasToString("[::1]:5432");
    }

    @Test
    void emptyHostAddrMeansNone() {
        assertThat(new PgHost("h", 1, "").hostaddr()).isNull();
    }

    @Test
    void invalidValuesAreRefused() {
        assertThatThrownBy(() -> PgHost.of("", 5432)).isInstanceOf(PgConfigurationException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PgHost.of(null, 5432)).isInstanceOf(PgConfigurationException.class);
        assertThatThrownBy(() -> PgHost.of("h", 65536)).hasMessageContaining("65536");
        assertThatThrownBy(() -> PgHost.of("a,b", 1)).hasMessageContaining("','");
        assertThatThrownBy(() -> PgHost.of("a\nb", 1)).hasMessageContaining("control characters");
        assertThatThrownBy(() -> new PgHost("h", 1, "h.example.com")).hasMessageContaining("numeric");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "0.0.0.0", "255.255.255.255", "::", "::1", "1::", "2001:db8::7",
        "fe80::1%eth0", "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:192.0.2.1", "1::8"})
    void ipLiterals(String s) {
        assertThat(PgHost.isIpLiteral(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "10.0.0", "10.0.0.256", "1.2.3.4.5", "01234.1.1.1", ":::",
        "1:2:3:4:5:6:7:8:9", "1::2::3", ":1", "1:", "12345::", "g::1", "fe80::1%", "::1.2.3", "1.2.3.4::",
        "１.2.3.4"})
    void notIpLiterals(String s) {
        assertThat(PgHost.isIpLiteral(s)).isFalse();
    }
}
