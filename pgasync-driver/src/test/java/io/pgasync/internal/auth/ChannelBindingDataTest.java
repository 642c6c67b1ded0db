package io.pgasync.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelBindingDataTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({
        "SHA256withECDSA,       1.2.840.10045.4.3.2,    SHA-256",
        "SHA384withECDSA,       1.2.840.10045.4.3.3,    SHA-384",
        "SHA512withECDSA,       1.2.840.10045.4.3.4,    SHA-512",
        "SHA1withECDSA,         1.2.840.10045.4.1,      SHA-256",
        "SHA1withRSA,           1.2.840.113549.1.1.5,   SHA-256",
        "SHA224withRSA,         1.2.840.113549.1.1.14,  SHA-224",
        "SHA256withRSA,         1.2.840.113549.1.1.11,  SHA-256",
        "SHA512withRSA,         1.2.840.113549.1.1.13,  SHA-512",
        "SHA3-256withRSA,       2.16.840.1.101.3.4.3.14, SHA3-256",
        // RSASSA-PSS: the hash comes from the signature parameters; SHA-1 is replaced by SHA-256.
        "SHA256withRSAandMGF1,  1.2.840.113549.1.1.10,  SHA-256",
        "SHA384withRSAandMGF1,  1.2.840.113549.1.1.10,  SHA-384",
        "SHA1withRSAandMGF1,    1.2.840.113549.1.1.10,  SHA-256",
    })
    void hashesTheCertificateWithTheSignatureHash(String signatureAlgorithm, String oid, String hash)
            throws Exception {
        X509Certificate cert = TestCerts.selfSigned(signatureAlgorithm);
        assertThat(cert.getSigAlgOID()).isEqualTo(oid);
        byte[] expected = MessageDigest.getInstance(hash).digest(cert.getEncoded());
        assertThat(ChannelBindingData.tlsServerEndPoint(cert)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} has no tls-server-end-point hash")
    @CsvSource({"Ed25519, 1.3.101.112", "Ed448, 1.3.101.113", "ML-DSA-44, 2.16.840.1.101.3.4.3.17"})
    void signatureAlgorithmsWithoutASingleHashGiveNoBindingData(String signatureAlgorithm, String oid)
            throws Exception {
        X509Certificate cert = TestCerts.selfSigned(signatureAlgorithm);
        assertThat(cert.getSigAlgOID()).isEqualTo(oid);
        assertThat(ChannelBindingData.tlsServerEndPoint(cert)).isNull();
    }
}
