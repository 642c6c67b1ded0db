package io.pgasync.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.testing.tls.TestCertificates.Issued;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our own verify-full name check: RFC 6125 / the JDK's HTTPS rules. */
class HostnameMatcherTest {

    @TempDir
    static Path dir;

    static Issued ca;
    static X509Certificate names;
    static X509Certificate commonNameOnly;
    static X509Certificate ipInCommonName;

    @BeforeAll
    static void certificates() {
        ca = TlsTestKit.ca(dir, "matcher-ca");
        names = TlsTestKit.server(ca, dir, "names", "ignored.example", List.of("db.example.com", "*.pool.example.com",
                "f*.example.com", "*.com", "xn--bcher-kva.example"), List.of("192.0.2.10", "2001:db8::1")).certificate();
        commonNameOnly = TlsTestKit.server(ca, dir, "cn", "Db.Example.Org", List.of(), List.of()).certificate();
        ipInCommonName = TlsTestKit.server(ca, dir, "ipcn", "192.0.2.20", List.of(), List.of()).certificate();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "db.example.com, true",
        "DB.EXAMPLE.COM, true",
        "db.example.com., true",
        "a.pool.example.com, true",
        "a.b.pool.example.com, false",
        "pool.example.com, false",
        "foo.example.com, false",
        "example.com, false",
        "bücher.example, true",
        "ignored.example, false",
        "192.0.2.10, true",
        "192.0.2.11, false",
        "2001:db8::1, true",
        "[2001:db8:0:0:0:0:0:1], true",
        "2001:db8::2, false",
        "other.example.com, false"
    })
    void matchesSubjectAlternativeNames(String host, boolean expected) {
        assertThat(HostnameMatcher.matches(host, names)).isEqualTo(expected);
    }

    @Test
    void fallsBackToTheCommonNameOnlyWithoutSubjectAlternativeNames() {
        assertThat(HostnameMatcher.matches("db.example.org", commonNameOnly)).isTrue();
        assertThat(HostnameMatcher.matches("other.example.org", commonNameOnly)).isFalse();
        assertThat(HostnameMatcher.mostSpecificCommonName(commonNameOnly)).isEqualTo("Db.Example.Org");
    }

    @Test
    void anIpInTheCommonNameDoesNotMatch() {
        // libpq would accept this; the JDK's HTTPS rules (and so ours) do not
        assertThat(HostnameMatcher.matches("192.0.2.20", ipInCommonName)).isFalse();
    }

    @Test
    void presentedNamesAreListedForErrors() {
        assertThat(HostnameMatcher.presentedNames(names)).contains("db.example.com", "192.0.2.10");
        assertThat(HostnameMatcher.presentedNames(commonNameOnly)).containsExactly("CN=Db.Example.Org");
    }
}
