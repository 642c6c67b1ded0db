package io.pgasync.internal.tls;

import io.pgasync.testing.tls.TestCertificates;
import io.pgasync.testing.tls.TestCertificates.Issued;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Test material for the TLS tests: certificate authorities, server and client certificates with any key type,
 * keys written in every PEM flavour (BouncyCastle, used only here: the code under test is JDK only), server
 * contexts and an in-memory handshake between two {@link SSLEngine}s.
 */
final class TlsTestKit {

    /** The BouncyCastle provider, handed to BouncyCastle builders only; never registered with the JDK. */
    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
    private static final String P256_OID = "1.2.840.10045.3.1.7";

    private TlsTestKit() {}

    // ----- certificates

    static Issued ca(Path dir, String name) {
        return TestCertificates.certificateAuthority(name, dir, name);
    }

    /** A server certificate whose CN is {@code commonName}, written as {@code <stem>.crt} and {@code <stem>.key}. */
    static Issued server(Issued ca, Path dir, String stem, String commonName, List<String> dnsNames,
            List<String> ips) {
        return TestCertificates.serverCertificate(ca, commonName, dnsNames, ips, TestCertificates.KeyType.EC_P256,
                dir, stem);
    }

    static KeyPair keyPair(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            switch (algorithm) {
                case "EC" -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                case "RSA", "RSASSA-PSS" -> generator.initialize(2048);
                default -> { }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client certificate (EKU clientAuth) for any public key, signed by the CA. */
    static X509Certificate clientCertificate(Issued ca, String commonName, PublicKey key) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + commonName), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ----- PEM writing

    static String pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** PKCS#8 "PRIVATE KEY". */
    static String pkcs8(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#1 "RSA PRIVATE KEY", as BouncyCastle's JcaMiscPEMGenerator writes an RSA key. */
    static String pkcs1(PrivateKey rsaKey) {
        String text = pem(rsaKey);
        if (!text.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalStateException("expected PKCS#1 output");
        }
        return text;
    }

    /** SEC1 "EC PRIVATE KEY" as OpenSSL writes it: version, key, [0] named curve (P-256), [1] public key. */
    static String sec1(KeyPair p256) {
        try {
            ECPrivateKey key = (ECPrivateKey) p256.getPrivate();
            org.bouncycastle.asn1.sec.ECPrivateKey structure = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                    key.getS(), SubjectPublicKeyInfo.getInstance(p256.getPublic().getEncoded()).getPublicKeyData(),
                    new ASN1ObjectIdentifier(P256_OID));
            return pem(new PemObject("EC PRIVATE KEY", structure.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SEC1 without the [0] curve parameters, as BouncyCastle writes a JDK EC key. */
    static String sec1WithoutCurve(PrivateKey ecKey) {
        String text = pem(ecKey);
        if (!text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalStateException("expected SEC1 output");
        }
        return text;
    }

    /** PKCS#8 "ENCRYPTED PRIVATE KEY": PBES2, PBKDF2 with HMAC-SHA256, AES-256-CBC (openssl pkcs8 -topk8). */
    static byte[] encryptedPkcs8Der(PrivateKey key, String password) {
        return encryptedPkcs8Der(key, password, PKCS8Generator.AES_256_CBC, PKCS8Generator.PRF_HMACSHA256);
    }

    /**
     * PKCS#8 "ENCRYPTED PRIVATE KEY" with a chosen scheme.
     *
     * @param prf the PBKDF2 PRF for PBES2 schemes, or null for BouncyCastle's default (HMAC-SHA1)
     */
    static byte[] encryptedPkcs8Der(PrivateKey key, String password, ASN1ObjectIdentifier scheme,
            AlgorithmIdentifier prf) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder builder = new JceOpenSSLPKCS8EncryptorBuilder(scheme)
                    .setIterationCount(2048)
                    .setPassword(password.toCharArray())
                    .setProvider(BC);
            if (prf != null) {
                builder.setPRF(prf);
            }
            return new JcaPKCS8Generator(key, builder.build()).generate().getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encryptedPkcs8(PrivateKey key, String password) {
        return pem(new PemObject("ENCRYPTED PRIVATE KEY", encryptedPkcs8Der(key, password)));
    }

    /** OpenSSL's legacy encrypted PEM ("Proc-Type: 4,ENCRYPTED"). */
    static String legacyEncrypted(PrivateKey key, String password) {
        try {
            return pem(new JcaMiscPEMGenerator(key,
                    new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(password.toCharArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file owner-only (0600), as a key file should be. */
    static Path writePrivate(Path file, String text) {
        return writePrivate(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    static Path writePrivate(Path file, byte[] bytes) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----- contexts

    /** A server context presenting {@code server} (with its CA in the chain), trusting client certificates from {@code clientCas}. */
    static SSLContext serverContext(Issued server, Issued serverCa, Issued... clientCas) {
        try {
            char[] password = "server-store".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", server.privateKey(), password,
                    new Certificate[] {server.certificate(), serverCa.certificate()});
            KeyManagerFactory keyFactory = KeyManagerFactory.getInstance("PKIX");
            keyFactory.init(keys, password);
            TrustManager[] trust = null;
            if (clientCas.length > 0) {
                trust = trustManagers(clientCas);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyFactory.getKeyManagers(), trust, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static TrustManager[] trustManagers(Issued... cas) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            for (int i = 0; i < cas.length; i++) {
                anchors.setCertificateEntry("ca" + i, cas[i].certificate());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A caller's context with the JDK's standard trust managers for the CA. */
    static SSLContext callerContext(Issued ca) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(ca), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A caller's context whose trust manager accepts every chain and ignores the engine's endpoint identification:
     * the kind of context that made pgjdbc skip host name checks (CVE-2018-10936).
     */
    static SSLContext callerContextTrustingEverything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) { }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) { }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ----- server engine and the handshake

    /** What a server engine saw of the client's hello. */
    static final class Observed {
        final List<String> serverNames = new ArrayList<>();
        final List<List<String>> offeredProtocols = new ArrayList<>();
    }

    /**
     * A server engine.
     *
     * @param alpnAnswer the ALPN protocol to select when the client offers some: {@code "postgresql"}, or
     *     {@code ""} to select none (as a server without ALPN support); null to install no selector
     */
    static SSLEngine serverEngine(SSLContext context, boolean needClientAuth, String alpnAnswer, Observed observed) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(needClientAuth);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName serverName) {
                observed.serverNames.add(new String(serverName.getEncoded(), StandardCharsets.US_ASCII));
                return true;
            }
        }));
        engine.setSSLParameters(parameters);
        if (alpnAnswer != null) {
            engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
                observed.offeredProtocols.add(List.copyOf(offered));
                return alpnAnswer;
            });
        }
        return engine;
    }

    /** How an in-memory handshake ended: who threw, if anyone. */
    record Outcome(Exception clientError, Exception serverError) {
        boolean succeeded() {
            return clientError == null && serverError == null;
        }
    }

    /** Pumps TLS records between the two engines until both finish or one throws. */
    static Outcome handshake(SSLEngine client, SSLEngine server) {
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int application = Math.max(client.getSession().getApplicationBufferSize(),
                server.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(packet * 8);
        ByteBuffer toClient = ByteBuffer.allocate(packet * 8);
        ByteBuffer clientApp = ByteBuffer.allocate(application * 2);
        ByteBuffer serverApp = ByteBuffer.allocate(application * 2);
        try {
            client.beginHandshake();
        } catch (SSLException e) {
            return new Outcome(e, null);
        }
        try {
            server.beginHandshake();
        } catch (SSLException e) {
            return new Outcome(null, e);
        }
        for (int round = 0; round < 100; round++) {
            boolean progress;
            try {
                progress = step(client, toServer, toClient, clientApp);
            } catch (SSLException e) {
                return new Outcome(e, null);
            }
            try {
                progress |= step(server, toClient, toServer, serverApp);
            } catch (SSLException e) {
                return new Outcome(null, e);
            }
            if (finished(client) && finished(server) && toServer.position() == 0 && toClient.position() == 0) {
                return new Outcome(null, null);
            }
            if (!progress) {
                if (finished(client) && finished(server)) {
                    return new Outcome(null, null);
                }
                throw new IllegalStateException("handshake stalled: client " + client.getHandshakeStatus()
                        + ", server " + server.getHandshakeStatus());
            }
        }
        throw new IllegalStateException("handshake did not finish");
    }

    private static boolean finished(SSLEngine engine) {
        return engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
    }

    private static boolean step(SSLEngine engine, ByteBuffer out, ByteBuffer in, ByteBuffer app) throws SSLException {
        boolean progress = false;
        for (int i = 0; i < 50; i++) {
            HandshakeStatus status = engine.getHandshakeStatus();
            switch (status) {
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    progress = true;
                }
                case NEED_WRAP -> {
                    SSLEngineResult result = engine.wrap(ByteBuffer.allocate(0), out);
                    if (result.bytesProduced() == 0 && result.getHandshakeStatus() == status) {
                        return progress;
                    }
                    progress = true;
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        return progress;
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    in.flip();
                    SSLEngineResult result;
                    try {
                        result = engine.unwrap(in, app);
                    } finally {
                        in.compact();
                    }
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                            || (result.bytesConsumed() == 0 && result.getHandshakeStatus() == status)) {
                        return progress;
                    }
                    progress = true;
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        return progress;
                    }
                }
                default -> {
                    // NOT_HANDSHAKING: read what the peer sent after its last flight (session tickets)
                    if (in.position() > 0) {
                        in.flip();
                        try {
                            SSLEngineResult result = engine.unwrap(in, app);
                            progress |= result.bytesConsumed() > 0;
                        } finally {
                            in.compact();
                        }
                        if (engine.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING) {
                            continue;
                        }
                    }
                    return progress;
                }
            }
        }
        return progress;
    }

    /** Sends application bytes from client to server after a handshake; returns what the server read. */
    static String clientToServer(SSLEngine client, SSLEngine server, String text) throws SSLException {
        ByteBuffer wire = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        client.wrap(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), wire);
        wire.flip();
        ByteBuffer plain = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
        while (wire.hasRemaining()) {
            SSLEngineResult result = server.unwrap(wire, plain);
            if (result.bytesConsumed() == 0) {
                break;
            }
        }
        plain.flip();
        return StandardCharsets.UTF_8.decode(plain).toString();
    }
}
