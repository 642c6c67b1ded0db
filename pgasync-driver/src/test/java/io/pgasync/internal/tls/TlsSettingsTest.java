package io.pgasync.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgClientException;
import io.pgasync.internal.tls.TlsSettings.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** libpq's sslmode rules as {@link TlsSettings#resolve} applies them. No file is parsed here, only located. */
class TlsSettingsTest {

    @TempDir
    Path home;

    Path dotPostgresql;
    Path someFile;

    @BeforeEach
    void setUp() throws Exception {
        dotPostgresql = home.resolve(".postgresql");
        someFile = Files.writeString(home.resolve("ca.pem"), "not parsed here");
    }

    private TlsSettings resolve(String mode) {
        return TlsSettings.resolve(mode, null, false, null, null, null, null, home);
    }

    private void defaultFile(String name) throws Exception {
        Files.createDirectories(dotPostgresql);
        Files.writeString(dotPostgresql.resolve(name), "x");
    }

    @Test
    void disableMeansNoTls() {
        assertThat(resolve("disable")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"allow", "prefer", "require"})
    void weakModesEncryptWithoutVerifyingWhenThereIsNoRootFile(String mode) {
        TlsSettings settings = resolve(mode);

        assertThat(settings.verification()).isEqualTo(Verification.NONE);
        assertThat(settings.rootCertificate()).isNull();
        assertThat(settings.sni()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"allow", "prefer", "require"})
    void weakModesVerifyTheChainWhenTheDefaultRootFileExists(String mode) throws Exception {
        defaultFile("root.crt");

        TlsSettings settings = resolve(mode);

        assertThat(settings.verification()).isEqualTo(Verification.CA);
        assertThat(settings.rootCertificate()).isEqualTo(dotPostgresql.resolve("root.crt"));
    }

    @Test
    void anExplicitRootFileTurnsRequireIntoVerifyCa() {
        TlsSettings settings = TlsSettings.resolve("require", someFile, false, null, null, null, null, home);

        assertThat(settings.verification()).isEqualTo(Verification.CA);
        assertThat(settings.rootCertificate()).isEqualTo(someFile);
    }

    @Test
    void theDefaultModeIsPrefer() {
        assertThat(resolve(null).verification()).isEqualTo(Verification.NONE);
    }

    @Test
    void verifyModesMapToTheirLevels() {
        assertThat(TlsSettings.resolve("verify-ca", someFile, false, null, null, null, null, home).verification())
                .isEqualTo(Verification.CA);
        assertThat(TlsSettings.resolve("verify-full", someFile, false, null, null, null, null, home).verification())
                .isEqualTo(Verification.FULL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify-ca", "verify-full"})
    void verifyModesWithoutAnyRootSayWhatToSet(String mode) {
        assertThatThrownBy(() -> resolve(mode))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("sslmode=" + mode)
                .hasMessageContaining(dotPostgresql.resolve("root.crt").toString())
                .hasMessageContaining("sslrootcert=<file.pem>")
                .hasMessageContaining("sslrootcert=system");
    }

    @Test
    void systemTrustDefaultsToVerifyFullAndRefusesWeakerModes() {
        TlsSettings settings = TlsSettings.resolve(null, null, true, null, null, null, null, home);
        assertThat(settings.verification()).isEqualTo(Verification.FULL);
        assertThat(settings.systemTrust()).isTrue();
        assertThat(settings.rootCertificate()).isNull();

        for (String weaker : new String[] {"disable", "allow", "prefer", "require", "verify-ca"}) {
            assertThatThrownBy(() -> TlsSettings.resolve(weaker, null, true, null, null, null, null, home))
                    .isInstanceOf(PgClientException.class)
                    .hasMessageContaining("sslmode=" + weaker)
                    .hasMessageContaining("sslmode=verify-full");
        }
    }

    @Test
    void systemTrustIgnoresTheDefaultRootFile() throws Exception {
        defaultFile("root.crt");

        TlsSettings settings = TlsSettings.resolve("verify-full", null, true, null, null, null, null, home);

        assertThat(settings.rootCertificate()).isNull();
        assertThat(settings.systemTrust()).isTrue();
    }

    @Test
    void systemTrustAndARootFileContradictEachOther() {
        assertThatThrownBy(() -> TlsSettings.resolve("verify-full", someFile, true, null, null, null, null, home))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("system");
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> resolve("verify_full"))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("\"verify_full\"")
                .hasMessageContaining("verify-full");
        assertThatThrownBy(() -> resolve("Require")).isInstanceOf(PgClientException.class);
    }

    @Test
    void explicitFilesMustExist() {
        Path missing = home.resolve("missing.pem");

        assertThatThrownBy(() -> TlsSettings.resolve("require", missing, false, null, null, null, null, home))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("sslrootcert")
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> TlsSettings.resolve("require", null, false, missing, null, null, null, home))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("sslcert")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void defaultClientFilesArePickedUpTogether() throws Exception {
        defaultFile("postgresql.crt");
        defaultFile("postgresql.key");

        TlsSettings settings = TlsSettings.resolve("require", null, false, null, null, "pw", null, home);

        assertThat(settings.clientCertificate()).isEqualTo(dotPostgresql.resolve("postgresql.crt"));
        assertThat(settings.clientKey()).isEqualTo(dotPostgresql.resolve("postgresql.key"));
        assertThat(settings.keyPassword()).isEqualTo("pw");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() throws Exception {
        defaultFile("postgresql.crt");

        assertThatThrownBy(() -> resolve("require"))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining(dotPostgresql.resolve("postgresql.key").toString())
                .hasMessageContaining("sslkey");
    }

    @Test
    void aKeyWithoutACertificateIsRefused() {
        assertThatThrownBy(() -> TlsSettings.resolve("require", null, false, null, someFile, null, null, home))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("sslcert");
    }

    @Test
    void anExplicitKeyGoesWithTheDefaultCertificate() throws Exception {
        defaultFile("postgresql.crt");

        TlsSettings settings = TlsSettings.resolve("require", null, false, null, someFile, null, null, home);

        assertThat(settings.clientKey()).isEqualTo(someFile);
    }

    @Test
    void aCallerContextKeepsVerifyFullAndReadsNoFile() throws Exception {
        defaultFile("root.crt");
        defaultFile("postgresql.crt");
        SSLContext custom = SSLContext.getInstance("TLS");

        TlsSettings full = TlsSettings.resolve("verify-full", null, false, null, null, null, custom, home);
        TlsSettings ca = TlsSettings.resolve("verify-ca", null, false, null, null, null, custom, home);
        TlsSettings require = TlsSettings.resolve("require", null, false, null, null, null, custom, home);

        assertThat(full.verification()).isEqualTo(Verification.FULL);
        assertThat(ca.verification()).isEqualTo(Verification.CA);
        assertThat(require.verification()).isEqualTo(Verification.NONE);
        assertThat(full.customContext()).isSameAs(custom);
        assertThat(full.rootCertificate()).isNull();
        assertThat(full.clientCertificate()).isNull();
    }

    @Test
    void aCallerContextCannotBeCombinedWithFiles() throws Exception {
        SSLContext custom = SSLContext.getInstance("TLS");

        assertThatThrownBy(() -> TlsSettings.resolve("verify-full", someFile, false, null, null, null, custom, home))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("SSLContext");
        assertThatThrownBy(() -> TlsSettings.resolve("verify-full", null, true, null, null, null, custom, home))
                .isInstanceOf(PgClientException.class);
    }

    @Test
    void toStringMasksThePassword() throws Exception {
        defaultFile("postgresql.crt");
        defaultFile("postgresql.key");

        TlsSettings settings = TlsSettings.resolve("require", null, false, null, null, "Sentinel-Pw-123", null, home);

        assertThat(settings.toString()).doesNotContain("Sentinel-Pw-123").contains("keyPassword=***");
        assertThat(resolve("require").toString()).contains("keyPassword=null");
    }

    @Test
    void withSniChangesOnlySni() {
        TlsSettings settings = TlsSettings.resolve("require", someFile, false, null, null, null, null, home);

        TlsSettings off = settings.withSni(false);

        assertThat(off.sni()).isFalse();
        assertThat(off.withSni(true)).isEqualTo(settings);
    }
}
