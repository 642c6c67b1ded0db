package io.pgasync;

import static io.pgasync.OptionsTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection string is untrusted input: it never makes the driver load a class or write a file (reliability plan
 * SEC-16; pgjdbc CVE-2022-21724 and CVE-2022-26520).
 */
class PgConnectOptionsSecurityTest {

    static volatile boolean trapInitialized;

    /** Initialising this class would flip the flag; nothing may do it because of a connection string. */
    static final class Trap {
        static {
            trapInitialized = true;
        }

        private Trap() {
        }
    }

    @TempDir
    Path home;

    @Test
    void classNamesInConnectionStringsAreNeverLoaded_SEC16() {
        String trap = Trap.class.getName(); // a class literal does not initialise the class
        for (String key : new String[] {"socketFactory", "sslfactory", "sslhostnameverifier", "sslpasswordcallback",
                "authenticationPluginClassName", "SOCKETFACTORY"}) {
            assertThatThrownBy(() -> parse(home, "postgresql://h/d?" + key + "=" + trap))
                    .isInstanceOf(PgConfigurationException.class)
                    .hasMessageContaining("never loads classes");
            assertThatThrownBy(() -> parse(home, key + "=" + trap)).isInstanceOf(PgConfigurationException.class);
        }
        assertThat(trapInitialized).isFalse();
    }

    @Test
    void fileNamesInConnectionStringsAreNeverWritten_SEC16() {
        Path target = home.resolve("owned.jsp");
        assertThatThrownBy(() -> parse(home, "postgresql://h/d?loggerFile=" + target + "&loggerLevel=DEBUG"))
                .isInstanceOf(PgConfigurationException.class);
        PgConnectOptions o = parse(home, "postgresql://h/d?sslrootcert=" + home.resolve("ca.pem")
                + "&sslkey=" + home.resolve("k.pem") + "&passfile=" + home.resolve("pw"));
        assertThat(o.sslRootCert()).isEqualTo(home.resolve("ca.pem"));
        assertThat(target).doesNotExist();
        assertThat(home.resolve("ca.pem")).doesNotExist();
        assertThat(home.resolve("k.pem")).doesNotExist();
        assertThat(home.resolve("pw")).doesNotExist();
    }

    @Test
    void secretLookingUnknownParametersAreNotSentToTheServer() {
        assertThatThrownBy(() -> parse(home, "postgresql://h/d?pwd_pass=x"))
                .isInstanceOf(PgConfigurationException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> parse(home, "postgresql://h/d?access_token=x"))
                .isInstanceOf(PgConfigurationException.class);
    }

    @Test
    void hugeAndHostileValuesAreRefusedOrKeptVerbatim() throws Exception {
        String big = "a".repeat(100_000);
        PgConnectOptions o = parse(home, "postgresql://h/d?application_name=" + big);
        assertThat(o.applicationName()).hasSize(100_000);
        assertThatThrownBy(() -> parse(home, "postgresql://h/d?application_name=a%00b"))
                .isInstanceOf(PgConfigurationException.class).hasMessageContaining("%00");
        try (var files = Files.list(home)) {
            assertThat(files).isEmpty();
        }
    }
}
