package io.pgasync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The harness's own checks, with pgjdbc as an independent client: roles, TLS, the socket, restarts. */
@PgTest
@RequiresOwnCluster("checks the cluster the harness configures")
class HarnessSelfIT {

    @Test
    void mainRoleOwnsTheTestDatabaseWhichHasTheExtensions(PgTestServer server) throws SQLException {
        try (Connection c = server.jdbc(server.mainRole(), "sslmode", "disable")) {
            assertThat(single(c, "SELECT current_user")).isEqualTo("pgasync");
            assertThat(single(c, "SELECT current_database()")).isEqualTo(server.database());
            assertThat(single(c, "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension"))
                    .contains("citext", "hstore");
            assertThat(single(c, "SELECT 'a=>1'::hstore -> 'a'")).isEqualTo("1");
            assertThat(single(c, "SELECT 'AbC'::citext = 'abc'::citext")).isEqualTo("t");
        }
    }

    @Test
    void serverVersionIsTheOneTheBuildSelected(PgTestServer server) {
        String wanted = System.getProperty("pgasync.test.pg.version");
        assumeTrue(wanted != null && server.description().contains("Maven Central"), "embedded binaries only");
        assertThat(wanted).startsWith(server.majorVersion() + ".");
        assertThat(server.serverVersion()).startsWith(server.majorVersion() + ".");
        assertThat(server.serverVersionNum()).isGreaterThanOrEqualTo(server.majorVersion() * 10000);
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"TRUST", "PASSWORD", "MD5", "SCRAM_SHA_256"})
    void eachRoleAuthenticatesByItsMethod(AuthMethod method, PgTestServer server) throws SQLException {
        TestRole role = server.role(method);
        try (Connection c = server.jdbc(role, "sslmode", "disable")) {
            assertThat(single(c, "SELECT current_user")).isEqualTo(role.name());
            if (server.majorVersion() >= 16) { // system_user is "method:identity" (NULL for trust)
                String expected = switch (method) {
                    case TRUST -> null;
                    case PASSWORD -> "password:" + role.name();
                    case MD5 -> "md5:" + role.name();
                    case SCRAM_SHA_256 -> "scram-sha-256:" + role.name();
                    case CERT -> throw new AssertionError();
                };
                assertThat(single(c, "SELECT system_user")).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PASSWORD", "MD5", "SCRAM_SHA_256"})
    void aWrongPasswordIsRefused(AuthMethod method, PgTestServer server) {
        TestRole role = server.role(method);
        TestRole wrong = new TestRole(role.name(), role.password() + "x", method, false);
        assertThatThrownBy(() -> server.jdbc(wrong, "sslmode", "disable").close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void tlsVerifiesAgainstTheHarnessCa(PgTestServer server) throws SQLException {
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            try (Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://" + host + ":" + server.port() + "/" + server.database(),
                    props(server.mainRole(), "sslmode", "verify-full", "sslrootcert",
                            server.caCertificate().toString()))) {
                assertThat(single(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).isEqualTo("t");
            }
        }
    }

    @Test
    void tlsFailsAgainstAnUnrelatedCa(PgTestServer server) {
        assertThatThrownBy(() -> server.jdbc(server.mainRole(), "sslmode", "verify-ca", "sslrootcert",
                server.otherCaCertificate().toString()).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void certRoleAuthenticatesWithTheClientCertificateOnly(PgTestServer server, @TempDir Path tmp)
            throws Exception {
        TestRole role = server.role(AuthMethod.CERT);
        Path der = pkcs8Der(server.clientKey(), tmp);
        try (Connection c = server.jdbc(role, "sslmode", "verify-full", "sslrootcert",
                server.caCertificate().toString(), "sslcert", server.clientCertificate().toString(), "sslkey",
                der.toString())) {
            assertThat(single(c, "SELECT current_user")).isEqualTo(role.name());
            if (server.majorVersion() >= 16) {
                assertThat(single(c, "SELECT system_user")).isEqualTo("cert:CN=" + role.name());
            }
        }
        assertThatThrownBy(() -> server.jdbc(role, "sslmode", "require", "sslcert", "", "sslkey", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> server.jdbc(role, "sslmode", "disable").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("pg_hba.conf");
    }

    @Test
    void sslOnlyRoleIsRefusedWithoutTls(PgTestServer server) throws SQLException {
        TestRole role = server.sslOnlyRole();
        assertThatThrownBy(() -> server.jdbc(role, "sslmode", "disable").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("pg_hba.conf");
        try (Connection c = server.jdbc(role, "sslmode", "require")) {
            assertThat(single(c, "SELECT current_user")).isEqualTo(role.name());
        }
    }

    @Test
    void listensOnItsOwnUnixSocket(PgTestServer server) {
        Path socket = server.socketDirectory().resolve(".s.PGSQL." + server.port());
        assertThat(socket).exists();
        assertThat(server.queryColumn("SHOW unix_socket_directories"))
                .containsExactly(server.socketDirectory().toString());
    }

    @Test
    void keyFilesAreOwnerOnly(PgTestServer server) throws Exception {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(server.clientKey());
        assertThat(permissions).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void restartKeepsThePortAndDropsConnections(PgTestServer server) throws SQLException {
        int port = server.port();
        try (Connection before = server.jdbc(server.mainRole(), "sslmode", "disable")) {
            String pid = single(before, "SELECT pg_backend_pid()");
            server.restart();
            assertThatThrownBy(() -> single(before, "SELECT 1")).isInstanceOf(SQLException.class);
            try (Connection after = server.jdbc(server.mainRole(), "sslmode", "disable")) {
                assertThat(server.port()).isEqualTo(port);
                assertThat(single(after, "SELECT pg_backend_pid()")).isNotEqualTo(pid);
            }
        }
    }

    @Test
    void stopThenStart(PgTestServer server) throws SQLException {
        server.stop();
        try {
            assertThatThrownBy(() -> server.jdbc(server.mainRole(), "sslmode", "disable").close())
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
        } finally {
            server.start();
        }
        try (Connection c = server.jdbc(server.mainRole(), "sslmode", "disable")) {
            assertThat(single(c, "SELECT 1")).isEqualTo("1");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static java.util.Properties props(TestRole role, String... kv) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", role.name());
        if (role.password() != null) {
            p.setProperty("password", role.password());
        }
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    /** pgjdbc reads client keys as PKCS#8 DER; the harness writes PEM (what libpq and pgasync read). */
    private static Path pkcs8Der(Path pem, Path dir) throws Exception {
        String body = Files.readString(pem, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Path der = dir.resolve("client.pk8");
        Files.write(der, Base64.getDecoder().decode(body));
        Files.setPosixFilePermissions(der, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        return der;
    }
}
