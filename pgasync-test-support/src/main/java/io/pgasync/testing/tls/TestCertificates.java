package io.pgasync.testing.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints the X.509 material the test cluster and TLS tests need, fresh for every run: certificate authorities,
 * server certificates with subject alternative names, and client certificates, written as PEM files
 * (keys as unencrypted PKCS#8, mode {@code 0600}).
 *
 * <p>Keys are ECDSA P-256 by default (fast to generate); RSA is available for tests that need it.
 */
public final class TestCertificates {

    /** The key algorithm of a generated certificate. */
    public enum KeyType {
        /** ECDSA on P-256, signed with SHA256withECDSA. */
        EC_P256,
        /** RSA 2048, signed with SHA256withRSA. */
        RSA_2048
    }

    /** A certificate and its private key, in memory and as PEM files. */
    public record Issued(X509Certificate certificate, PrivateKey privateKey, Path certificateFile, Path keyFile) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final Duration VALIDITY = Duration.ofDays(2);

    private TestCertificates() {}

    /**
     * Creates a self-signed certificate authority.
     *
     * @param commonName the CA's subject CN
     * @param dir where to write {@code <fileStem>.crt} and {@code <fileStem>.key}
     * @param fileStem file name without extension
     * @return the CA
     */
    public static Issued certificateAuthority(String commonName, Path dir, String fileStem) {
        try {
            KeyPair keys = generate(KeyType.EC_P256);
            X500Name subject = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate cert = sign(builder, keys.getPrivate(), KeyType.EC_P256);
            return write(cert, keys.getPrivate(), dir, fileStem);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("could not create test CA " + commonName, e);
        }
    }

    /**
     * Issues a TLS server certificate.
     *
     * @param issuer the signing CA
     * @param commonName the subject CN
     * @param dnsNames DNS subject alternative names
     * @param ipAddresses IP subject alternative names
     * @param keyType key algorithm
     * @param dir where to write the files
     * @param fileStem file name without extension
     * @return the certificate
     */
    public static Issued serverCertificate(Issued issuer, String commonName, List<String> dnsNames,
            List<String> ipAddresses, KeyType keyType, Path dir, String fileStem) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        ipAddresses.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
        return leaf(issuer, commonName, names, KeyPurposeId.id_kp_serverAuth, keyType, dir, fileStem);
    }

    /**
     * Issues a TLS client certificate whose CN is the PostgreSQL role it authenticates.
     *
     * @param issuer the signing CA
     * @param roleName the CN (the role name, for {@code cert} authentication)
     * @param dir where to write the files
     * @param fileStem file name without extension
     * @return the certificate
     */
    public static Issued clientCertificate(Issued issuer, String roleName, Path dir, String fileStem) {
        return leaf(issuer, roleName, List.of(), KeyPurposeId.id_kp_clientAuth, KeyType.EC_P256, dir, fileStem);
    }

    private static Issued leaf(Issued issuer, String commonName, List<GeneralName> altNames, KeyPurposeId purpose,
            KeyType keyType, Path dir, String fileStem) {
        try {
            KeyPair keys = generate(keyType);
            Instant now = Instant.now();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                    new X500Name("CN=" + commonName), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(issuer.certificate()))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(GeneralName[]::new)));
            }
            X509Certificate cert = sign(builder, issuer.privateKey(), KeyType.EC_P256);
            return write(cert, keys.getPrivate(), dir, fileStem);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("could not issue test certificate " + commonName, e);
        }
    }

    private static KeyPair generate(KeyType type) throws GeneralSecurityException {
        KeyPairGenerator generator;
        if (type == KeyType.RSA_2048) {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
        } else {
            generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer, KeyType signerType)
            throws OperatorCreationException, GeneralSecurityException {
        String algorithm = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer)));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Issued write(X509Certificate cert, PrivateKey key, Path dir, String fileStem) throws IOException {
        Files.createDirectories(dir);
        Path certFile = dir.resolve(fileStem + ".crt");
        Path keyFile = dir.resolve(fileStem + ".key");
        Files.writeString(certFile, pem(cert), StandardCharsets.US_ASCII);
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate()),
                StandardCharsets.US_ASCII);
        return new Issued(cert, key, certFile, keyFile);
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
