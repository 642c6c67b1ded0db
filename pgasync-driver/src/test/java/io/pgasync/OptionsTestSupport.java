package io.pgasync;

import java.nio.file.Path;
import java.util.Map;

/** Builders isolated from the machine: no process environment, and a home directory chosen by the test. */
final class OptionsTestSupport {

    /** The sentinel password of the redaction tests (reliability plan SEC-12). */
    static final String SENTINEL = "S3ntinel-Pw!";

    /** {@link #SENTINEL} percent-encoded for a URL. */
    static final String SENTINEL_URL = "S3ntinel-Pw%21";

    private OptionsTestSupport() {
    }

    static PgConnectOptions.Builder isolated(Path home) {
        return PgConnectOptions.builder().environment(Map.of()).userHome(home);
    }

    static PgConnectOptions parse(Path home, String dsn) {
        return isolated(home).dsn(dsn).build();
    }

    static PgConnectOptions withEnv(Path home, Map<String, String> env) {
        return PgConnectOptions.builder().environment(env).userHome(home).build();
    }
}
