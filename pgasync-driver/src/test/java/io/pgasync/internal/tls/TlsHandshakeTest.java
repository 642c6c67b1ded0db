package io.pgasync.internal.tls;

import static io.pgasync.internal.tls.TlsTestKit.handshake;
import static io.pgasync.internal.tls.TlsTestKit.serverContext;
import static io.pgasync.internal.tls.TlsTestKit.serverEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.internal.tls.TlsSettings.Verification;
import io.pgasync.internal.tls.TlsTestKit.Observed;
import io.pgasync.internal.tls.TlsTestKit.Outcome;
import io.pgasync.testing.tls.TestCertificates.Issued;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real TLS handshakes, in memory, between a client engine from {@link TlsEngines} and a JDK server engine: what
 * each verification level accepts and refuses, client certificates from every key format, ALPN and SNI.
 */
class TlsHandshakeTest {

    private static final String KEY_PASSWORD = "s3cret-Key-Passw0rd";

    @TempDir
    static Path dir;

    /** An empty home directory, so no test picks up a real ~/.postgresql. */
    @TempDir
    Path home;

    static Issued ca;
    static Issued otherCa;
    /** localhost, 127.0.0.1 and ::1, from {@link #ca}. */
    static Issued localhost;
    /** A valid certificate from {@link #ca} for another host. */
    static Issued otherHost;
    /** localhost, but from {@link #otherCa}. */
    static Issued unrelated;
    /** No subject alternative name: CN=localhost only. */
    static Issued commonNameOnly;

    @BeforeAll
    static void certificates() {
        ca = TlsTestKit.ca(dir, "test-ca");
        otherCa = TlsTestKit.ca(dir, "other-ca");
        localhost = TlsTestKit.server(ca, dir, "localhost", "localhost", List.of("localhost"),
                List.of("127.0.0.1", "::1"));
        otherHost = TlsTestKit.server(ca, dir, "other", "db.other.example", List.of("db.other.example"),
                List.of("10.9.8.7"));
        unrelated = TlsTestKit.server(otherCa, dir, "unrelated", "localhost", List.of("localhost"),
                List.of("127.0.0.1"));
        commonNameOnly = TlsTestKit.server(ca, dir, "cn-only", "localhost", List.of(), List.of());
    }

    private TlsSettings settings(String mode) {
        return TlsSettings.resolve(mode, ca.certificateFile(), false, null, null, null, null, home);
    }

    private static Outcome connect(TlsSettings settings, String host, Issued server, Issued serverCa) {
        SSLContext context = TlsEngines.context(settings);
        SSLEngine client = TlsEngines.newEngine(context, settings, host, 5432, false);
        SSLEngine serverSide = serverEngine(serverContext(server, serverCa), false, null, new Observed());
        return handshake(client, serverSide);
    }

    // ----- verify-full

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "localhost.", "127.0.0.1", "::1", "[::1]"})
    void verifyFullAcceptsACertificateNamingTheHost(String host) throws Exception {
        TlsSettings settings = settings("verify-full");
        SSLContext context = TlsEngines.context(settings);
        SSLEngine client = TlsEngines.newEngine(context, settings, host, 5432, false);
        SSLEngine server = serverEngine(serverContext(localhost, ca), false, null, new Observed());

        Outcome outcome = handshake(client, server);

        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        assertThat(client).isInstanceOf(HostnameVerifyingEngine.class);
        assertThat(TlsTestKit.clientToServer(client, server, "StartupMessage")).isEqualTo("StartupMessage");
    }

    @Test
    void verifyFullChecksResumedSessionsToo() throws Exception {
        TlsSettings settings = settings("verify-full");
        SSLContext clientContext = TlsEngines.context(settings);
        SSLContext serverContext = serverContext(localhost, ca);
        // the second and third handshakes resume the first session (TLS 1.3 PSK): the name is still checked
        for (int connection = 0; connection < 3; connection++) {
            SSLEngine client = TlsEngines.newEngine(clientContext, settings, "localhost", 5432, false);
            SSLEngine server = serverEngine(serverContext, false, null, new Observed());

            Outcome outcome = handshake(client, server);

            assertThat(outcome.succeeded()).as("connection %d: %s", connection, outcome).isTrue();
            assertThat(TlsTestKit.clientToServer(client, server, "hi")).isEqualTo("hi");
            assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(localhost.certificate());
        }
        SSLEngine wrongName = TlsEngines.newEngine(clientContext, settings, "127.0.0.9", 5432, false);
        assertThat(handshake(wrongName, serverEngine(serverContext, false, null, new Observed())).clientError())
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void verifyFullRejectsWrongHostName_CVE_2018_10936() {
        // the default context: our trust managers from sslrootcert
        Outcome byDefault = connect(settings("verify-full"), "localhost", otherHost, ca);
        assertThat(byDefault.clientError()).isInstanceOf(SSLHandshakeException.class);

        // a caller's context with the JDK's standard trust managers
        TlsSettings standard = TlsSettings.resolve("verify-full", null, false, null, null, null,
                TlsTestKit.callerContext(ca), home);
        Outcome withStandardContext = connect(standard, "localhost", otherHost, ca);
        assertThat(withStandardContext.clientError()).isInstanceOf(SSLHandshakeException.class);

        // a caller's context whose trust manager ignores endpoint identification: only our own check stops it
        TlsSettings careless = TlsSettings.resolve("verify-full", null, false, null, null, null,
                TlsTestKit.callerContextTrustingEverything(), home);
        Outcome withCarelessContext = connect(careless, "localhost", otherHost, ca);
        assertThat(withCarelessContext.clientError()).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("does not match host name \"localhost\"")
                .hasMessageContaining("db.other.example");

        // and an IP that the certificate does not list
        Outcome wrongIp = connect(careless, "127.0.0.2", localhost, ca);
        assertThat(wrongIp.clientError()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void verifyFullWithCallerContextsAcceptsTheRightHost() {
        for (SSLContext context : List.of(TlsTestKit.callerContext(ca), TlsTestKit.callerContextTrustingEverything())) {
            TlsSettings settings = TlsSettings.resolve("verify-full", null, false, null, null, null, context, home);
            assertThat(TlsEngines.context(settings)).isSameAs(context);
            Outcome outcome = connect(settings, "localhost", localhost, ca);
            assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        }
    }

    @Test
    void verifyFullCheckSurvivesResettingTheEngineParameters() throws Exception {
        // Whoever holds the engine cannot switch the check off through SSLParameters.
        TlsSettings settings = TlsSettings.resolve("verify-full", null, false, null, null, null,
                TlsTestKit.callerContextTrustingEverything(), home);
        SSLEngine client = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, false);
        var parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(null);
        client.setSSLParameters(parameters);

        Outcome outcome = handshake(client, serverEngine(serverContext(otherHost, ca), false, null, new Observed()));

        assertThat(outcome.clientError()).isInstanceOf(SSLHandshakeException.class);
        // afterwards nothing can be read, and nothing but the closing alert written
        assertThatThrownBy(() -> client.unwrap(ByteBuffer.allocate(0), ByteBuffer.allocate(64)))
                .isInstanceOf(SSLHandshakeException.class);
        ByteBuffer wire = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        SSLEngineResult result = client.wrap(ByteBuffer.wrap(new byte[] {1, 2, 3}), wire);
        assertThat(result.bytesConsumed()).isZero();
        assertThat(client.isOutboundDone() || result.getStatus() == SSLEngineResult.Status.CLOSED).isTrue();
    }

    @Test
    void verifyFullUsesTheCommonNameOnlyWithoutSubjectAlternativeNames() {
        assertThat(connect(settings("verify-full"), "localhost", commonNameOnly, ca).succeeded()).isTrue();
        assertThat(connect(settings("verify-full"), "other", commonNameOnly, ca).clientError())
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void verifyFullRejectsAnUnrelatedCa() {
        assertThat(connect(settings("verify-full"), "localhost", unrelated, otherCa).clientError())
                .isInstanceOf(SSLHandshakeException.class);
    }

    // ----- verify-ca, require, NONE

    @Test
    void verifyCaAcceptsACertificateForAnotherHost() {
        TlsSettings settings = settings("verify-ca");
        assertThat(settings.verification()).isEqualTo(Verification.CA);

        Outcome outcome = connect(settings, "localhost", otherHost, ca);

        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
    }

    @Test
    void verifyCaRejectsAnUnrelatedCa() {
        Outcome outcome = connect(settings("verify-ca"), "localhost", unrelated, otherCa);

        assertThat(outcome.clientError()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void noneAcceptsACertificateFromAnUnrelatedCa() {
        TlsSettings settings = TlsSettings.resolve("require", null, false, null, null, null, null, home);
        assertThat(settings.verification()).isEqualTo(Verification.NONE);

        Outcome outcome = connect(settings, "anything.example", unrelated, otherCa);

        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
    }

    @Test
    void requireWithTheDefaultRootFileBehavesAsVerifyCa() throws Exception {
        Path postgresql = Files.createDirectories(home.resolve(".postgresql"));
        Files.copy(ca.certificateFile(), postgresql.resolve("root.crt"));

        TlsSettings settings = TlsSettings.resolve("require", null, false, null, null, null, null, home);

        assertThat(settings.verification()).isEqualTo(Verification.CA);
        assertThat(settings.rootCertificate()).isEqualTo(postgresql.resolve("root.crt"));
        assertThat(connect(settings, "localhost", otherHost, ca).succeeded()).isTrue();
        assertThat(connect(settings, "localhost", unrelated, otherCa).clientError())
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void systemTrustDoesNotTrustAPrivateCa() {
        TlsSettings settings = TlsSettings.resolve(null, null, true, null, null, null, null, home);
        assertThat(settings.verification()).isEqualTo(Verification.FULL);

        assertThat(connect(settings, "localhost", localhost, ca).clientError())
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void enginesSpeakOnlyTls12AndTls13() {
        TlsSettings settings = settings("verify-ca");
        SSLEngine engine = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, false);

        assertThat(engine.getEnabledProtocols()).isNotEmpty().isSubsetOf("TLSv1.3", "TLSv1.2");
        assertThat(engine.getUseClientMode()).isTrue();
        assertThat(engine.getPeerHost()).isEqualTo("localhost");
        assertThat(engine.getPeerPort()).isEqualTo(5432);
    }

    // ----- client certificates

    enum KeyFormat {
        PKCS8_EC, PKCS8_RSA, PKCS8_ED25519, PKCS1_RSA, SEC1_EC, ENCRYPTED_PKCS8_EC, ENCRYPTED_PKCS8_RSA, DER_PKCS8_EC
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void presentsTheClientCertificateFromEveryKeyFormat(KeyFormat format) throws Exception {
        String algorithm = switch (format) {
            case PKCS8_RSA, PKCS1_RSA, ENCRYPTED_PKCS8_RSA -> "RSA";
            case PKCS8_ED25519 -> "Ed25519";
            default -> "EC";
        };
        KeyPair keys = TlsTestKit.keyPair(algorithm);
        X509Certificate certificate = TlsTestKit.clientCertificate(ca, "alice", keys.getPublic());
        Path certFile = TlsTestKit.write(home.resolve("alice.crt"), TlsTestKit.pem(certificate));
        Path keyFile = home.resolve("alice.key");
        String password = null;
        switch (format) {
            case PKCS8_EC, PKCS8_RSA, PKCS8_ED25519 -> TlsTestKit.writePrivate(keyFile, TlsTestKit.pkcs8(keys.getPrivate()));
            case PKCS1_RSA -> TlsTestKit.writePrivate(keyFile, TlsTestKit.pkcs1(keys.getPrivate()));
            case SEC1_EC -> TlsTestKit.writePrivate(keyFile, TlsTestKit.sec1(keys));
            case ENCRYPTED_PKCS8_EC, ENCRYPTED_PKCS8_RSA -> {
                password = KEY_PASSWORD;
                TlsTestKit.writePrivate(keyFile, TlsTestKit.encryptedPkcs8(keys.getPrivate(), password));
            }
            case DER_PKCS8_EC -> TlsTestKit.writePrivate(keyFile, keys.getPrivate().getEncoded());
        }
        TlsSettings settings = TlsSettings.resolve("verify-full", ca.certificateFile(), false, certFile, keyFile,
                password, null, home);
        SSLEngine client = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, false);
        SSLEngine server = serverEngine(serverContext(localhost, ca, ca), true, null, new Observed());

        Outcome outcome = handshake(client, server);

        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        assertThat(server.getSession().getPeerCertificates()[0]).isEqualTo(certificate);
    }

    @Test
    void aServerThatNeedsAClientCertificateRefusesAClientWithout() {
        TlsSettings settings = settings("verify-full");
        SSLEngine client = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, false);
        SSLEngine server = serverEngine(serverContext(localhost, ca, ca), true, null, new Observed());

        assertThat(handshake(client, server).serverError()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void clientCertificatesAreFoundInTheDefaultDirectory() throws Exception {
        KeyPair keys = TlsTestKit.keyPair("EC");
        X509Certificate certificate = TlsTestKit.clientCertificate(ca, "bob", keys.getPublic());
        Path postgresql = Files.createDirectories(home.resolve(".postgresql"));
        TlsTestKit.write(postgresql.resolve("postgresql.crt"), TlsTestKit.pem(certificate));
        TlsTestKit.writePrivate(postgresql.resolve("postgresql.key"), TlsTestKit.pkcs8(keys.getPrivate()));
        TlsSettings settings = settings("verify-full");
        SSLEngine client = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, false);
        SSLEngine server = serverEngine(serverContext(localhost, ca, ca), true, null, new Observed());

        assertThat(handshake(client, server).succeeded()).isTrue();
        assertThat(server.getSession().getPeerCertificates()[0]).isEqualTo(certificate);
    }

    @Test
    void wrongKeyPasswordFailsWithoutEchoingIt() {
        KeyPair keys = TlsTestKit.keyPair("EC");
        Path certFile = TlsTestKit.write(home.resolve("c.crt"),
                TlsTestKit.pem(TlsTestKit.clientCertificate(ca, "carol", keys.getPublic())));
        Path keyFile = TlsTestKit.writePrivate(home.resolve("c.key"),
                TlsTestKit.encryptedPkcs8(keys.getPrivate(), "the-right-one"));
        String wrong = "Wr0ng-Passw0rd-Sentinel";
        TlsSettings settings = TlsSettings.resolve("verify-full", ca.certificateFile(), false, certFile, keyFile,
                wrong, null, home);

        Throwable thrown = catchAll(() -> TlsEngines.context(settings));

        assertThat(thrown).isInstanceOf(PgClientException.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("sslpassword");
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(wrong);
            assertThat(t.toString()).doesNotContain(wrong);
        }
        assertThat(settings.toString()).doesNotContain(wrong).contains("keyPassword=***");
    }

    @Test
    void aKeyFileReadableByOthersIsRefusedWithTheFix() throws Exception {
        KeyPair keys = TlsTestKit.keyPair("EC");
        Path certFile = TlsTestKit.write(home.resolve("d.crt"),
                TlsTestKit.pem(TlsTestKit.clientCertificate(ca, "dave", keys.getPublic())));
        Path keyFile = TlsTestKit.writePrivate(home.resolve("d.key"), TlsTestKit.pkcs8(keys.getPrivate()));
        TlsSettings settings = TlsSettings.resolve("verify-full", ca.certificateFile(), false, certFile, keyFile,
                null, null, home);
        assertThat(TlsEngines.context(settings)).isNotNull();

        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> TlsEngines.context(settings))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("chmod 0600 " + keyFile);
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefused() {
        KeyPair keys = TlsTestKit.keyPair("EC");
        KeyPair other = TlsTestKit.keyPair("EC");
        Path certFile = TlsTestKit.write(home.resolve("e.crt"),
                TlsTestKit.pem(TlsTestKit.clientCertificate(ca, "eve", keys.getPublic())));
        Path keyFile = TlsTestKit.writePrivate(home.resolve("e.key"), TlsTestKit.pkcs8(other.getPrivate()));
        TlsSettings settings = TlsSettings.resolve("require", null, false, certFile, keyFile, null, null, home);

        assertThatThrownBy(() -> TlsEngines.context(settings))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("does not match private key file");
    }

    // ----- ALPN and SNI

    @Test
    void offersAlpnPostgresqlForDirectTlsAndAcceptsTheServersChoice() {
        TlsSettings settings = settings("verify-full");
        SSLEngine client = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, true);
        Observed observed = new Observed();
        SSLEngine server = serverEngine(serverContext(localhost, ca), false, "postgresql", observed);

        assertThat(handshake(client, server).succeeded()).isTrue();

        assertThat(observed.offeredProtocols).containsExactly(List.of("postgresql"));
        assertThat(client.getApplicationProtocol()).isEqualTo("postgresql");
        TlsEngines.checkAlpn(client);
    }

    @Test
    void checkAlpnFailsWhenTheServerSelectedNoProtocol() {
        TlsSettings settings = settings("verify-full");
        SSLEngine client = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, true);
        SSLEngine server = serverEngine(serverContext(localhost, ca), false, "", new Observed());

        assertThat(handshake(client, server).succeeded()).isTrue();

        assertThatThrownBy(() -> TlsEngines.checkAlpn(client))
                .isInstanceOf(PgProtocolException.class)
                .hasMessageContaining("\"postgresql\"")
                .hasMessageContaining("sslnegotiation=postgres");
    }

    @Test
    void offersNoAlpnForTheSslRequestPath() {
        TlsSettings settings = settings("verify-full");
        SSLEngine client = TlsEngines.newEngine(TlsEngines.context(settings), settings, "localhost", 5432, false);
        Observed observed = new Observed();
        SSLEngine server = serverEngine(serverContext(localhost, ca), false, "postgresql", observed);

        assertThat(handshake(client, server).succeeded()).isTrue();

        assertThat(observed.offeredProtocols).allSatisfy(offered -> assertThat(offered).isEmpty());
        assertThat(client.getApplicationProtocol()).isEmpty();
    }

    @Test
    void sendsSniForHostNamesOnly() {
        TlsSettings settings = TlsSettings.resolve("require", null, false, null, null, null, null, home);

        assertThat(serverNamesSeen(settings, "localhost")).containsExactly("localhost");
        assertThat(serverNamesSeen(settings, "db.example.com.")).containsExactly("db.example.com");
        assertThat(serverNamesSeen(settings, "127.0.0.1")).isEmpty();
        assertThat(serverNamesSeen(settings, "::1")).isEmpty();
        assertThat(serverNamesSeen(settings.withSni(false), "localhost")).isEmpty();
        assertThat(serverNamesSeen(settings.withSni(false), "db.example.com")).isEmpty();
    }

    private List<String> serverNamesSeen(TlsSettings settings, String host) {
        SSLEngine client = TlsEngines.newEngine(TlsEngines.context(settings), settings, host, 5432, false);
        Observed observed = new Observed();
        SSLEngine server = serverEngine(serverContext(localhost, ca), false, null, observed);
        Outcome outcome = handshake(client, server);
        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        return observed.serverNames;
    }

    private static Throwable catchAll(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an exception; none was thrown");
    }
}
