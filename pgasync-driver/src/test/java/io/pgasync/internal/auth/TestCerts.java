package io.pgasync.internal.auth;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates with a chosen signature algorithm, for channel binding tests. BouncyCastle is used as an
 * unregistered provider object, so the JVM's provider list is left alone. Key pairs are cached per key type (RSA
 * key generation is slow).
 */
final class TestCerts {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Map<String, KeyPair> KEYS = new HashMap<>();

    private TestCerts() {}

    /**
     * A self-signed certificate signed with {@code signatureAlgorithm} (a BouncyCastle name such as
     * {@code SHA256withECDSA}, {@code SHA256withRSAandMGF1} or {@code Ed25519}).
     */
    static X509Certificate selfSigned(String signatureAlgorithm) throws Exception {
        KeyPair keys = keysFor(signatureAlgorithm);
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=channel-binding-test");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BC).build(keys.getPrivate())));
    }

    private static synchronized KeyPair keysFor(String signatureAlgorithm) throws Exception {
        String type;
        if (signatureAlgorithm.equals("Ed25519") || signatureAlgorithm.equals("Ed448")
                || signatureAlgorithm.startsWith("ML-DSA")) {
            type = signatureAlgorithm;
        } else if (signatureAlgorithm.contains("ECDSA")) {
            type = "EC";
        } else {
            type = "RSA";
        }
        KeyPair cached = KEYS.get(type);
        if (cached != null) {
            return cached;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type, BC);
        if (type.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else if (type.equals("RSA")) {
            generator.initialize(2048);
        }
        KeyPair keys = generator.generateKeyPair();
        KEYS.put(type, keys);
        return keys;
    }
}
