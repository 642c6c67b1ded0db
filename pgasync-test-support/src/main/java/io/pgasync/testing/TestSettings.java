package io.pgasync.testing;

import java.util.Locale;

/**
 * How the test server is chosen, from environment variables (or the equivalent system properties, which win):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Variable</th><th>System property</th><th>Meaning</th></tr>
 *   <tr><td>{@code PGASYNC_TEST_URL}</td><td>{@code pgasync.test.url}</td>
 *       <td>use this existing server ({@code postgresql://user:password@host:port/db}); tests that need their
 *       own cluster are skipped</td></tr>
 *   <tr><td>{@code PGASYNC_TEST_MODE}</td><td>{@code pgasync.test.mode}</td>
 *       <td>{@code embedded} (default), {@code local} ({@code pg_config --bindir}), {@code testcontainers}</td></tr>
 *   <tr><td>{@code PGASYNC_TEST_PGBIN}</td><td>{@code pgasync.test.pgbin}</td>
 *       <td>run the cluster from the server binaries in this directory</td></tr>
 *   <tr><td>{@code PGASYNC_TEST_IMAGE}</td><td>{@code pgasync.test.image}</td>
 *       <td>Docker image for the testcontainers mode (default {@code postgres:18})</td></tr>
 * </table>
 *
 * <p>The embedded binaries' version is passed by the build as {@code pgasync.test.pg.version}.
 */
record TestSettings(Mode mode, String url, String pgBin, String embeddedVersion, String image) {

    enum Mode { EMBEDDED, LOCAL, EXTERNAL, TESTCONTAINERS }

    static TestSettings fromEnvironment() {
        String url = setting("PGASYNC_TEST_URL", "pgasync.test.url");
        String pgBin = setting("PGASYNC_TEST_PGBIN", "pgasync.test.pgbin");
        String modeName = setting("PGASYNC_TEST_MODE", "pgasync.test.mode");
        String image = setting("PGASYNC_TEST_IMAGE", "pgasync.test.image");
        Mode mode;
        if (url != null) {
            mode = Mode.EXTERNAL;
        } else if (pgBin != null) {
            mode = Mode.LOCAL;
        } else if (modeName == null) {
            mode = Mode.EMBEDDED;
        } else {
            mode = switch (modeName.toLowerCase(Locale.ROOT)) {
                case "embedded" -> Mode.EMBEDDED;
                case "local" -> Mode.LOCAL;
                case "testcontainers", "docker" -> Mode.TESTCONTAINERS;
                default -> throw new IllegalStateException("PGASYNC_TEST_MODE=" + modeName
                        + " is not a test mode; use embedded, local or testcontainers (or set PGASYNC_TEST_URL)");
            };
        }
        return new TestSettings(mode, url, pgBin, System.getProperty("pgasync.test.pg.version"),
                image == null ? "postgres:18" : image);
    }

    private static String setting(String env, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
