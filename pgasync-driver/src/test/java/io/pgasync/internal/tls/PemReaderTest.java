package io.pgasync.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.exception.PgClientException;
import io.pgasync.testing.tls.TestCertificates.Issued;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PKCS8Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Certificates and private keys in the formats libpq, OpenSSL and pgjdbc users have on disk. */
class PemReaderTest {

    private static final String NAME = "private key file \"test.key\"";

    @TempDir
    static Path dir;

    static Issued ca;
    static Issued server;

    @BeforeAll
    static void certificates() {
        ca = TlsTestKit.ca(dir, "pem-ca");
        server = TlsTestKit.server(ca, dir, "pem-server", "pem-server", List.of("localhost"), List.of());
    }

    private static PrivateKey decode(String text, String password) {
        return PemReader.decodePrivateKey(text.getBytes(StandardCharsets.US_ASCII), password, NAME);
    }

    // ----- certificates

    @Test
    void readsEveryCertificateOfABundleAndSkipsOtherText() {
        String bundle = "Bag Attributes\n    friendlyName: server\nsubject=/CN=pem-server\n"
                + TlsTestKit.pem(server.certificate())
                + "\n# a comment between blocks\n\n"
                + TlsTestKit.pkcs8(server.privateKey())
                + TlsTestKit.pem(ca.certificate());
        Path file = TlsTestKit.write(dir.resolve("bundle.pem"), bundle.replace("\n", "\r\n"));

        List<X509Certificate> certificates = PemReader.readCertificates(file, "root certificate file");

        assertThat(certificates).containsExactly(server.certificate(), ca.certificate());
    }

    @Test
    void readsADerCertificateAsAConvenience() throws Exception {
        Path file = dir.resolve("ca.der");
        Files.write(file, ca.certificate().getEncoded());

        assertThat(PemReader.readCertificates(file, "root certificate file")).containsExactly(ca.certificate());
    }

    @Test
    void aFileWithoutCertificatesIsRefusedByName() {
        Path file = TlsTestKit.write(dir.resolve("key-only.pem"), TlsTestKit.pkcs8(server.privateKey()));

        assertThatThrownBy(() -> PemReader.readCertificates(file, "root certificate file"))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("Root certificate file \"" + file + "\"")
                .hasMessageContaining("no certificate");
    }

    @Test
    void aDamagedCertificateIsRefusedByName() {
        String pem = TlsTestKit.pem(ca.certificate());
        String damaged = pem.replaceFirst("(?m)^(-----BEGIN CERTIFICATE-----\\R)MII", "$1AAA");
        Path file = TlsTestKit.write(dir.resolve("damaged.pem"), damaged);

        assertThatThrownBy(() -> PemReader.readCertificates(file, "root certificate file"))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void missingFilesAndDirectoriesAreRefusedByName() {
        Path missing = dir.resolve("nope.pem");

        assertThatThrownBy(() -> PemReader.readCertificates(missing, "root certificate file"))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining(missing + "\" does not exist");
        assertThatThrownBy(() -> PemReader.readPrivateKey(dir, null))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("not a regular file");
    }

    // ----- private keys

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "RSASSA-PSS", "EC", "Ed25519", "Ed448"})
    void readsPkcs8KeysOfEveryAlgorithm(String algorithm) {
        KeyPair keys = TlsTestKit.keyPair(algorithm);

        PrivateKey key = decode(TlsTestKit.pkcs8(keys.getPrivate()), null);

        assertThat(key.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void readsPkcs1RsaKeys() {
        KeyPair keys = TlsTestKit.keyPair("RSA");

        PrivateKey key = decode(TlsTestKit.pkcs1(keys.getPrivate()), null);

        assertThat(key.getAlgorithm()).isEqualTo("RSA");
        assertThat(key.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void readsSec1EcKeysAfterAnEcParametersBlock() {
        KeyPair keys = TlsTestKit.keyPair("EC");
        String openssl = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + TlsTestKit.sec1(keys);

        PrivateKey key = decode(openssl, null);

        assertThat(key).isInstanceOf(ECPrivateKey.class);
        assertThat(((ECPrivateKey) key).getS()).isEqualTo(((ECPrivateKey) keys.getPrivate()).getS());
        assertThat(((ECPrivateKey) key).getParams().getCurve())
                .isEqualTo(((ECPrivateKey) keys.getPrivate()).getParams().getCurve());
    }

    @Test
    void aSec1KeyWithoutItsCurveIsRefusedWithTheConversion() {
        KeyPair keys = TlsTestKit.keyPair("EC");

        assertThatThrownBy(() -> decode(TlsTestKit.sec1WithoutCurve(keys.getPrivate()), null))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("does not name its curve")
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC", "Ed25519"})
    void decryptsEncryptedPkcs8(String algorithm) {
        KeyPair keys = TlsTestKit.keyPair(algorithm);

        PrivateKey key = decode(TlsTestKit.encryptedPkcs8(keys.getPrivate(), "pässword"), "pässword");

        assertThat(key.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    enum Encryption {
        PBES2_AES128_SHA1(PKCS8Generator.AES_128_CBC, PKCS8Generator.PRF_HMACSHA1),
        PBES2_AES192_SHA512(PKCS8Generator.AES_192_CBC, PKCS8Generator.PRF_HMACSHA512),
        PBES2_AES256_DEFAULT_PRF(PKCS8Generator.AES_256_CBC, null),
        PBES2_3DES_SHA256(PKCS8Generator.DES3_CBC, PKCS8Generator.PRF_HMACSHA256),
        PKCS12_SHA1_3DES(PKCS8Generator.PBE_SHA1_3DES, null);

        final ASN1ObjectIdentifier scheme;
        final AlgorithmIdentifier prf;

        Encryption(ASN1ObjectIdentifier scheme, AlgorithmIdentifier prf) {
            this.scheme = scheme;
            this.prf = prf;
        }
    }

    @ParameterizedTest
    @EnumSource(Encryption.class)
    void decryptsEveryCommonEncryptionScheme(Encryption encryption) {
        KeyPair keys = TlsTestKit.keyPair("EC");
        byte[] der = TlsTestKit.encryptedPkcs8Der(keys.getPrivate(), "ascii-pw", encryption.scheme, encryption.prf);

        PrivateKey key = PemReader.decodePrivateKey(der, "ascii-pw", NAME);

        assertThat(key.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThatThrownBy(() -> PemReader.decodePrivateKey(der, "wrong-pw", NAME))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("password");
    }

    @Test
    void anEncryptedKeyWithoutPasswordAsksForSslpassword() {
        KeyPair keys = TlsTestKit.keyPair("EC");
        String text = TlsTestKit.encryptedPkcs8(keys.getPrivate(), "pw");

        assertThatThrownBy(() -> decode(text, null))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("set sslpassword");
        assertThatThrownBy(() -> decode(text, ""))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("set sslpassword");
    }

    @Test
    void aWrongPasswordIsReportedWithoutTheKeyOrThePassword() {
        KeyPair keys = TlsTestKit.keyPair("EC");
        String text = TlsTestKit.encryptedPkcs8(keys.getPrivate(), "right");
        String wrong = "Wrong-Sentinel-4711";

        for (int attempt = 0; attempt < 20; attempt++) { // padding alone would pass a wrong key now and then
            Throwable thrown = null;
            try {
                decode(text, wrong + attempt);
            } catch (PgClientException e) {
                thrown = e;
            }
            assertThat(thrown).isNotNull().hasMessageContaining(NAME).hasMessageContaining("password");
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(wrong);
            }
        }
    }

    @Test
    void legacyOpenSslEncryptionIsRefusedWithTheConversion() {
        KeyPair keys = TlsTestKit.keyPair("RSA");
        String legacy = TlsTestKit.legacyEncrypted(keys.getPrivate(), "pw");
        assertThat(legacy).contains("Proc-Type: 4,ENCRYPTED");

        assertThatThrownBy(() -> decode(legacy, "pw"))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("legacy")
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void readsDerPkcs8PlainAndEncrypted() {
        KeyPair keys = TlsTestKit.keyPair("EC");

        PrivateKey plain = PemReader.decodePrivateKey(keys.getPrivate().getEncoded(), null, NAME);
        PrivateKey encrypted = PemReader.decodePrivateKey(
                TlsTestKit.encryptedPkcs8Der(keys.getPrivate(), "pw"), "pw", NAME);

        assertThat(plain.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(encrypted.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void unsupportedKeyBlocksAreNamed() {
        String openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";

        assertThatThrownBy(() -> decode(openssh, null))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("\"OPENSSH PRIVATE KEY\"")
                .hasMessageContaining("not supported");
    }

    @Test
    void aFileWithoutAKeySaysWhatWasExpected() {
        assertThatThrownBy(() -> decode(TlsTestKit.pem(ca.certificate()), null))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("holds no private key")
                .hasMessageContaining("-----BEGIN PRIVATE KEY-----");
        assertThatThrownBy(() -> PemReader.decodePrivateKey(new byte[] {1, 2, 3}, null, NAME))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("neither PEM");
    }

    @Test
    void malformedPemIsRefusedWithoutEchoingItsContent() {
        KeyPair keys = TlsTestKit.keyPair("EC");
        String pem = TlsTestKit.pkcs8(keys.getPrivate());
        String unterminated = pem.substring(0, pem.indexOf("-----END"));
        String badBase64 = pem.replaceFirst("(?m)^(-----BEGIN PRIVATE KEY-----\\R)", "$1!!!!");
        String body = pem.split("\\R")[1];

        assertThatThrownBy(() -> decode(unterminated, null))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("has no \"-----END PRIVATE KEY-----\" line")
                .message().doesNotContain(body);
        assertThatThrownBy(() -> decode(badBase64, null))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("not valid base64")
                .message().doesNotContain(body);
    }

    @Test
    void aTruncatedKeyIsRefused() {
        KeyPair keys = TlsTestKit.keyPair("RSA");
        byte[] encoded = keys.getPrivate().getEncoded();
        byte[] truncated = Arrays.copyOf(encoded, encoded.length / 2);

        assertThatThrownBy(() -> PemReader.decodePrivateKey(truncated, null, NAME))
                .isInstanceOf(PgClientException.class)
                .hasMessageContaining("\"test.key\"");
    }
}
