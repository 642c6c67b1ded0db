package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.ChannelBinding;
import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.SslMode;
import io.pgasync.exception.PgAuthenticationException;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgException;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.testing.AuthMethod;
import io.pgasync.testing.MinServerVersion;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import io.pgasync.testing.RequiresOwnCluster;
import io.pgasync.testing.TestRole;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS in every sslmode, certificate checks, client certificates, channel binding and require_auth. */
@PgTest
@RequiresOwnCluster("needs the harness's TLS files and per-method roles")
class TlsAndAuthIT {

    private static String enc(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A DSN to the test database for a role, over TCP to the given host name. */
    private static String dsn(PgTestServer server, TestRole role, String host, String params) {
        return "postgresql://" + enc(role.name()) + (role.password() == null ? "" : ":" + enc(role.password())) + "@"
                + host + ":" + server.port() + "/" + server.database() + "?" + params;
    }

    private static boolean usesTls(PgConnection conn) {
        return (Boolean) await(conn.fetchVal("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    }

    private static PgConnection connect(String dsn) {
        return await(PgConnection.connect(dsn));
    }

    @Test
    void eachSslModeAgainstAServerWithTls(PgTestServer server) {
        String ca = "sslrootcert=" + enc(server.caCertificate());
        Object[][] cases = {
            {"sslmode=disable", false},
            {"sslmode=allow", false},
            {"sslmode=prefer", true},
            {"sslmode=require", true},
            {"sslmode=verify-ca&" + ca, true},
            {"sslmode=verify-full&" + ca, true},
        };
        for (Object[] c : cases) {
            PgConnection conn = connect(dsn(server, server.mainRole(), "127.0.0.1", (String) c[0]));
            try {
                assertThat(usesTls(conn)).as((String) c[0]).isEqualTo(c[1]);
            } finally {
                TestSupport.close(conn);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void verifyFullAcceptsTheNamesInTheCertificate(String host, PgTestServer server) {
        PgConnection conn = connect(dsn(server, server.mainRole(), host,
                "sslmode=verify-full&sslrootcert=" + enc(server.caCertificate())));
        try {
            assertThat(usesTls(conn)).isTrue();
        } finally {
            TestSupport.close(conn);
        }
    }

    @Test
    void verifyFullRejectsAHostNameTheCertificateDoesNotName_CVE_2018_10936(PgTestServer server) {
        // connect to 127.0.0.1 but check the certificate against another name (libpq's hostaddr)
        Throwable e = failure(PgConnection.connect(dsn(server, server.mainRole(), "wrong.example.com",
                "sslmode=verify-full&hostaddr=127.0.0.1&sslrootcert=" + enc(server.caCertificate()))));
        assertThat(e).isInstanceOf(PgConnectionException.class).hasMessageContaining("TLS handshake")
                .hasMessageContaining("wrong.example.com");
        // verify-ca does not check the name
        PgConnection conn = connect(dsn(server, server.mainRole(), "wrong.example.com",
                "sslmode=verify-ca&hostaddr=127.0.0.1&sslrootcert=" + enc(server.caCertificate())));
        TestSupport.close(conn);
    }

    @Test
    void verifyFullRejectsAWrongHostNameWithACallerSuppliedContextToo_CVE_2018_10936(PgTestServer server)
            throws Exception {
        SSLContext context = contextTrusting(server);
        PgConnectOptions wrongHost = PgConnectOptions.builder()
                .dsn(dsn(server, server.mainRole(), "wrong.example.com", "hostaddr=127.0.0.1"))
                .sslMode(SslMode.VERIFY_FULL).sslContext(context).build();
        assertThat(failure(PgConnection.connect(wrongHost))).isInstanceOf(PgConnectionException.class);
        PgConnectOptions rightHost = PgConnectOptions.builder()
                .dsn(dsn(server, server.mainRole(), "localhost", ""))
                .sslMode(SslMode.VERIFY_FULL).sslContext(context).build();
        PgConnection conn = await(PgConnection.connect(rightHost));
        assertThat(usesTls(conn)).isTrue();
        TestSupport.close(conn);
    }

    @Test
    void anUnrelatedCaIsRejected(PgTestServer server) {
        for (String mode : new String[] {"verify-ca", "verify-full", "require"}) {
            Throwable e = failure(PgConnection.connect(dsn(server, server.mainRole(), "localhost",
                    "sslmode=" + mode + "&sslrootcert=" + enc(server.otherCaCertificate()))));
            assertThat(e).as(mode).isInstanceOf(PgConnectionException.class).hasMessageContaining("sslrootcert");
        }
    }

    @Test
    void verifyWithoutAnyRootCertificateSaysWhatToSet(PgTestServer server) {
        Throwable e = failure(PgConnection.connect(PgConnectOptions.builder()
                .dsn(dsn(server, server.mainRole(), "localhost", "sslmode=verify-full"))
                .environment(java.util.Map.of()).userHome(server.dataDirectory()).build()));
        assertThat(e).isInstanceOf(PgClientException.class).hasMessageContaining("sslrootcert");
    }

    @Test
    void anSslOnlyRoleConnectsWithPreferAndAllowButNotDisable(PgTestServer server) {
        TestRole role = server.sslOnlyRole();
        for (String mode : new String[] {"prefer", "allow", "require"}) {
            PgConnection conn = connect(dsn(server, role, "127.0.0.1", "sslmode=" + mode));
            assertThat(usesTls(conn)).as(mode).isTrue();
            TestSupport.close(conn);
        }
        assertThat(failure(PgConnection.connect(dsn(server, role, "127.0.0.1", "sslmode=disable"))))
                .isInstanceOf(io.pgasync.exception.InvalidAuthorizationSpecificationException.class)
                .hasMessageContaining("pg_hba.conf");
    }

    @Test
    void clientCertificateAuthentication(PgTestServer server) {
        TestRole role = server.role(AuthMethod.CERT);
        PgConnection conn = connect(dsn(server, role, "localhost", "sslmode=verify-full&sslrootcert="
                + enc(server.caCertificate()) + "&sslcert=" + enc(server.clientCertificate()) + "&sslkey="
                + enc(server.clientKey())));
        try {
            assertThat(await(conn.fetchVal("SELECT current_user"))).isEqualTo(role.name());
            if (server.majorVersion() >= 16) {
                assertThat(await(conn.fetchVal("SELECT system_user"))).isEqualTo("cert:CN=" + role.name());
            }
        } finally {
            TestSupport.close(conn);
        }
        Throwable without = failure(PgConnection.connect(dsn(server, role, "localhost", "sslmode=require")));
        assertThat(without).isInstanceOf(PgException.class);
    }

    @Test
    void scramWithChannelBindingRequired(PgTestServer server) {
        for (TestRole role : new TestRole[] {server.role(AuthMethod.SCRAM_SHA_256), server.mainRole()}) {
            PgConnection conn = connect(dsn(server, role, "localhost", "sslmode=require&channel_binding=require"));
            assertThat(await(conn.fetchVal("SELECT current_user"))).isEqualTo(role.name());
            TestSupport.close(conn);
        }
        PgConnection disabled = connect(dsn(server, server.mainRole(), "localhost",
                "sslmode=require&channel_binding=disable"));
        TestSupport.close(disabled);
    }

    @Test
    void channelBindingRequireRefusesEveryOtherMethodOverTls_CVE_2025_49146(PgTestServer server) {
        for (AuthMethod method : new AuthMethod[] {AuthMethod.TRUST, AuthMethod.PASSWORD, AuthMethod.MD5}) {
            Throwable e = failure(PgConnection.connect(dsn(server, server.role(method), "localhost",
                    "sslmode=require&channel_binding=require")));
            assertThat(e).as(method.name()).isInstanceOf(PgAuthenticationException.class)
                    .hasMessageContaining("channelBinding=require");
        }
        TestRole cert = server.role(AuthMethod.CERT);
        Throwable e = failure(PgConnection.connect(dsn(server, cert, "localhost", "sslmode=verify-full&sslrootcert="
                + enc(server.caCertificate()) + "&sslcert=" + enc(server.clientCertificate()) + "&sslkey="
                + enc(server.clientKey()) + "&channel_binding=require")));
        assertThat(e).isInstanceOf(PgAuthenticationException.class);
    }

    @Test
    void requireAuthRefusesWeakerMethodsBeforeSendingThePassword(PgTestServer server) {
        assertThat(failure(PgConnection.connect(dsn(server, server.role(AuthMethod.MD5), "127.0.0.1",
                "sslmode=disable&require_auth=scram-sha-256"))))
                .isInstanceOf(PgAuthenticationException.class).hasMessageContaining("require");
        assertThat(failure(PgConnection.connect(dsn(server, server.role(AuthMethod.PASSWORD), "127.0.0.1",
                "sslmode=disable&require_auth=!password"))))
                .isInstanceOf(PgAuthenticationException.class);
        assertThat(failure(PgConnection.connect(dsn(server, server.role(AuthMethod.TRUST), "127.0.0.1",
                "sslmode=disable&require_auth=md5"))))
                .isInstanceOf(PgAuthenticationException.class);
        PgConnection trust = connect(dsn(server, server.role(AuthMethod.TRUST), "127.0.0.1",
                "sslmode=disable&require_auth=none"));
        TestSupport.close(trust);
        PgConnection scram = connect(dsn(server, server.role(AuthMethod.SCRAM_SHA_256), "127.0.0.1",
                "sslmode=disable&require_auth=scram-sha-256,md5"));
        TestSupport.close(scram);
    }

    @Test
    @MinServerVersion(17)
    void directTlsWithAlpn(PgTestServer server) {
        PgConnection conn = connect(dsn(server, server.mainRole(), "localhost",
                "sslmode=verify-full&sslnegotiation=direct&sslrootcert=" + enc(server.caCertificate())));
        try {
            assertThat(usesTls(conn)).isTrue();
        } finally {
            TestSupport.close(conn);
        }
    }

    @Test
    void cancelWorksOverTls(PgTestServer server) {
        PgConnection conn = connect(dsn(server, server.mainRole(), "localhost", "sslmode=require"));
        try {
            assertThat(failure(conn.withTimeout(Duration.ofMillis(300)).fetchVal("SELECT pg_sleep(30)")))
                    .isInstanceOf(PgTimeoutException.class);
            assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
        } finally {
            TestSupport.close(conn);
        }
    }

    @Test
    void aCallerSuppliedSslContextWithChannelBinding(PgTestServer server) throws Exception {
        PgConnectOptions options = PgConnectOptions.builder()
                .dsn(dsn(server, server.mainRole(), "localhost", ""))
                .sslMode(SslMode.VERIFY_FULL).sslContext(contextTrusting(server))
                .channelBinding(ChannelBinding.REQUIRE).build();
        PgConnection conn = await(PgConnection.connect(options));
        assertThat(usesTls(conn)).isTrue();
        TestSupport.close(conn);
    }

    private static SSLContext contextTrusting(PgTestServer server) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(server.caCertificate())) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("ca", ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
