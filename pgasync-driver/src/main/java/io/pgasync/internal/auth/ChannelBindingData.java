package io.pgasync.internal.auth;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.Map;

/**
 * The {@code tls-server-end-point} channel binding data of RFC 5929 section 4.1: the hash of the server's
 * DER-encoded certificate, computed with the hash function of the certificate's signature algorithm, except that
 * MD5 and SHA-1 are replaced by SHA-256. PostgreSQL computes the same value on the server side (from the same
 * rule, with OpenSSL), and {@code SCRAM-SHA-256-PLUS} fails unless both sides agree.
 *
 * <p>RFC 5929 defines no binding when the signature algorithm does not use exactly one hash function. Then
 * {@link #tlsServerEndPoint(X509Certificate)} returns null and the caller must not offer channel binding
 * (and must fail under {@code channelBinding=require}: reliability lesson #10, CVE-2026-54291). That covers
 * Ed25519 and Ed448 (which hash internally and have no separate hash), post-quantum algorithms, and any
 * algorithm this class does not know. Unknown algorithms are refused rather than guessed, so the two sides never
 * disagree silently.
 */
public final class ChannelBindingData {

    /** RSASSA-PSS: its hash function is in the signature algorithm parameters. */
    private static final String RSASSA_PSS_OID = "1.2.840.113549.1.1.10";

    /**
     * Signature algorithm OID to the hash the binding uses (MD5 and SHA-1 already replaced by SHA-256). OIDs from
     * RFC 8017 (PKCS #1), RFC 5758 (DSA and ECDSA with SHA-2) and the NIST algorithm registry (SHA-3).
     */
    private static final Map<String, String> HASH_BY_SIGNATURE_OID = Map.ofEntries(
            // RSA PKCS #1 v1.5
            Map.entry("1.2.840.113549.1.1.4", "SHA-256"), // md5WithRSAEncryption: MD5 -> SHA-256
            Map.entry("1.2.840.113549.1.1.5", "SHA-256"), // sha1WithRSAEncryption: SHA-1 -> SHA-256
            Map.entry("1.2.840.113549.1.1.14", "SHA-224"), // sha224WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.11", "SHA-256"), // sha256WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.12", "SHA-384"), // sha384WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.13", "SHA-512"), // sha512WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.15", "SHA-512/224"), // sha512-224WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.16", "SHA-512/256"), // sha512-256WithRSAEncryption
            Map.entry("2.16.840.1.101.3.4.3.13", "SHA3-224"), // id-rsassa-pkcs1-v1_5-with-sha3-224
            Map.entry("2.16.840.1.101.3.4.3.14", "SHA3-256"),
            Map.entry("2.16.840.1.101.3.4.3.15", "SHA3-384"),
            Map.entry("2.16.840.1.101.3.4.3.16", "SHA3-512"),
            // ECDSA
            Map.entry("1.2.840.10045.4.1", "SHA-256"), // ecdsa-with-SHA1: SHA-1 -> SHA-256
            Map.entry("1.2.840.10045.4.3.1", "SHA-224"), // ecdsa-with-SHA224
            Map.entry("1.2.840.10045.4.3.2", "SHA-256"), // ecdsa-with-SHA256
            Map.entry("1.2.840.10045.4.3.3", "SHA-384"), // ecdsa-with-SHA384
            Map.entry("1.2.840.10045.4.3.4", "SHA-512"), // ecdsa-with-SHA512
            Map.entry("2.16.840.1.101.3.4.3.9", "SHA3-224"), // id-ecdsa-with-sha3-224
            Map.entry("2.16.840.1.101.3.4.3.10", "SHA3-256"),
            Map.entry("2.16.840.1.101.3.4.3.11", "SHA3-384"),
            Map.entry("2.16.840.1.101.3.4.3.12", "SHA3-512"),
            // DSA
            Map.entry("1.2.840.10040.4.3", "SHA-256"), // id-dsa-with-sha1: SHA-1 -> SHA-256
            Map.entry("2.16.840.1.101.3.4.3.1", "SHA-224"), // id-dsa-with-sha224
            Map.entry("2.16.840.1.101.3.4.3.2", "SHA-256"), // id-dsa-with-sha256
            Map.entry("2.16.840.1.101.3.4.3.3", "SHA-384"), // id-dsa-with-sha384
            Map.entry("2.16.840.1.101.3.4.3.4", "SHA-512")); // id-dsa-with-sha512

    /** Hash names a PSS parameter block may carry, to the hash the binding uses. */
    private static final Map<String, String> HASH_BY_PSS_DIGEST = Map.ofEntries(
            Map.entry("SHA-1", "SHA-256"),
            Map.entry("SHA-224", "SHA-224"),
            Map.entry("SHA-256", "SHA-256"),
            Map.entry("SHA-384", "SHA-384"),
            Map.entry("SHA-512", "SHA-512"),
            Map.entry("SHA-512/224", "SHA-512/224"),
            Map.entry("SHA-512/256", "SHA-512/256"),
            Map.entry("SHA3-224", "SHA3-224"),
            Map.entry("SHA3-256", "SHA3-256"),
            Map.entry("SHA3-384", "SHA3-384"),
            Map.entry("SHA3-512", "SHA3-512"));

    private ChannelBindingData() {}

    /**
     * Computes the {@code tls-server-end-point} binding data for the server's certificate (the first certificate
     * of the peer chain).
     *
     * @param serverCert the server's certificate
     * @return the hash of the certificate's DER encoding, or null when RFC 5929 defines no binding for the
     *     certificate's signature algorithm (Ed25519, Ed448, unknown algorithms, unreadable PSS parameters) or the
     *     certificate cannot be encoded
     */
    public static byte[] tlsServerEndPoint(X509Certificate serverCert) {
        String hash = bindingHash(serverCert);
        if (hash == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance(hash).digest(serverCert.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }

    /**
     * The name of the hash function the binding uses for this certificate, or null when none is defined.
     *
     * @param serverCert the certificate
     * @return a {@link MessageDigest} algorithm name, or null
     */
    static String bindingHash(X509Certificate serverCert) {
        String oid = serverCert.getSigAlgOID();
        if (oid == null) {
            return null;
        }
        if (RSASSA_PSS_OID.equals(oid)) {
            return pssHash(serverCert.getSigAlgParams());
        }
        return HASH_BY_SIGNATURE_OID.get(oid);
    }

    private static String pssHash(byte[] encodedParams) {
        if (encodedParams == null) {
            // Absent parameters are not allowed for RSASSA-PSS in certificates (RFC 4055 section 3.1).
            return null;
        }
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
            params.init(encodedParams);
            PSSParameterSpec spec = params.getParameterSpec(PSSParameterSpec.class);
            return HASH_BY_PSS_DIGEST.get(spec.getDigestAlgorithm());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return null;
        }
    }
}
