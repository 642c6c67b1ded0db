package io.pgasync.internal.tls;

import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the client side of TLS from {@link TlsSettings}: an {@link SSLContext} once per configuration, then an
 * {@link SSLEngine} per connection, ready for Netty's {@code SslHandler}. The SSLRequest exchange and the handshake
 * itself belong to the protocol engine.
 */
public final class TlsEngines {

    /** The ALPN protocol of direct TLS ({@code sslnegotiation=direct}, PostgreSQL 17+). */
    public static final String ALPN_POSTGRESQL = "postgresql";

    /** libpq's default {@code ssl_min_protocol_version} is TLSv1.2. */
    private static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsEngines() {}

    /**
     * Builds the context of a configuration: build it once and share it between connections.
     *
     * <ul>
     *   <li>A {@link TlsSettings#customContext()} is returned as is.
     *   <li>Trust: {@link TlsSettings.Verification#NONE} accepts any chain; otherwise the certificates of
     *       {@link TlsSettings#rootCertificate()} (a PEM bundle) are the trust anchors, or the JDK's default trust
     *       store with {@link TlsSettings#systemTrust()}.
     *   <li>Keys: the client certificate chain and its private key, when given. The key file must pass libpq's
     *       permission rule, and must belong to the certificate.
     * </ul>
     *
     * @param settings the settings
     * @return the context
     * @throws PgClientException when a file cannot be read, a key is refused or does not match, or the JDK lacks
     *     what is needed
     */
    public static SSLContext context(TlsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.customContext() != null) {
            return settings.customContext();
        }
        TrustManager[] trustManagers = trustManagers(settings);
        KeyManager[] keyManagers = keyManagers(settings);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new PgClientException("Could not create the TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the client engine of one connection.
     *
     * <ul>
     *   <li>Client mode; the peer host and port are given to the context, so sessions are keyed by them.
     *   <li>Protocols: TLSv1.3 and TLSv1.2 only (libpq's default minimum), of those the context enables.
     *   <li>{@link TlsSettings.Verification#FULL}: endpoint identification {@code HTTPS} (the JDK checks the name
     *       in its trust managers) and, whatever the context is, our own name check in a wrapping engine, so that
     *       a caller's trust manager cannot skip it (see {@link HostnameMatcher} for the rules and how they differ
     *       from libpq's). Other levels set no endpoint identification.
     *   <li>SNI: the host name when {@link TlsSettings#sni()} and the host is not an IP literal (libpq's test: only
     *       digits and dots, or a colon); explicitly none otherwise (the JDK would otherwise add one on its own).
     *   <li>ALPN {@value #ALPN_POSTGRESQL} when {@code alpnPostgresql} (direct TLS); then call
     *       {@link #checkAlpn} once the handshake is done.
     * </ul>
     *
     * @param context the context from {@link #context}
     * @param settings the settings the context was built from
     * @param host the host connected to, as configured (name or IP literal; brackets around IPv6 are removed)
     * @param port the port connected to
     * @param alpnPostgresql whether to offer ALPN {@value #ALPN_POSTGRESQL} ({@code sslnegotiation=direct})
     * @return the engine, handshake not begun
     * @throws PgClientException when the context enables neither TLSv1.2 nor TLSv1.3
     */
    public static SSLEngine newEngine(SSLContext context, TlsSettings settings, String host, int port,
            boolean alpnPostgresql) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(host, "host");
        String peer = HostnameMatcher.stripBrackets(host);
        SSLEngine engine = context.createSSLEngine(peer, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(allowedProtocols(parameters.getProtocols()));
        boolean full = settings.verification() == TlsSettings.Verification.FULL;
        if (full) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        parameters.setServerNames(serverNames(peer, settings.sni()));
        if (alpnPostgresql) {
            parameters.setApplicationProtocols(new String[] {ALPN_POSTGRESQL});
        }
        engine.setSSLParameters(parameters);
        return full ? new HostnameVerifyingEngine(engine, peer) : engine;
    }

    /**
     * Checks, after the handshake of a direct TLS connection, that the server selected ALPN
     * {@value #ALPN_POSTGRESQL}, as libpq does.
     *
     * @param engine the engine, handshake complete
     * @throws PgProtocolException when the server selected no protocol or another one
     */
    public static void checkAlpn(SSLEngine engine) {
        String selected = engine.getApplicationProtocol();
        if (ALPN_POSTGRESQL.equals(selected)) {
            return;
        }
        if (selected == null || selected.isEmpty()) {
            throw new PgProtocolException("Direct TLS (sslnegotiation=direct) needs the server to select the ALPN"
                    + " protocol \"" + ALPN_POSTGRESQL + "\", but it selected none: the server is older than PostgreSQL"
                    + " 17, or a proxy in between does not pass ALPN on. Use sslnegotiation=postgres");
        }
        throw new PgProtocolException("Direct TLS (sslnegotiation=direct): the server selected the unexpected ALPN"
                + " protocol \"" + printable(selected) + "\" instead of \"" + ALPN_POSTGRESQL + "\"");
    }

    private static TrustManager[] trustManagers(TlsSettings settings) {
        if (settings.verification() == TlsSettings.Verification.NONE) {
            return new TrustManager[] {TrustEveryServer.INSTANCE};
        }
        KeyStore anchors = null; // null: the JDK's default trust store
        if (!settings.systemTrust()) {
            Path root = settings.rootCertificate();
            if (root == null) {
                throw new PgClientException("Server certificate verification (" + settings.verification() + ")"
                        + " needs trusted certificate authorities: set sslrootcert=<file.pem> or sslrootcert=system");
            }
            List<X509Certificate> certificates = PemReader.readCertificates(root, "root certificate file");
            try {
                anchors = KeyStore.getInstance("PKCS12");
                anchors.load(null, null);
                for (int i = 0; i < certificates.size(); i++) {
                    anchors.setCertificateEntry("root-" + i, certificates.get(i));
                }
            } catch (GeneralSecurityException | IOException e) {
                throw new PgClientException("Could not build the trust store from root certificate file \"" + root
                        + "\": " + e.getMessage(), e);
            }
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new PgClientException("Could not initialise the trust managers: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(TlsSettings settings) {
        Path certificateFile = settings.clientCertificate();
        if (certificateFile == null) {
            return null; // the JDK then offers no certificate
        }
        Path keyFile = settings.clientKey();
        if (keyFile == null) {
            throw new PgClientException("Client certificate \"" + certificateFile + "\" is set, but no private key:"
                    + " set sslkey to the key file");
        }
        List<X509Certificate> chain = PemReader.readCertificates(certificateFile, "client certificate file");
        KeyFilePermissions.check(keyFile);
        PrivateKey key = PemReader.readPrivateKey(keyFile, settings.keyPassword());
        checkKeyMatches(chain.get(0), key, certificateFile, keyFile);
        return new KeyManager[] {new ClientKeyManager(chain.toArray(new X509Certificate[0]), key)};
    }

    /** Fails early, with the files named, when the key does not belong to the certificate (libpq does the same). */
    static void checkKeyMatches(X509Certificate certificate, PrivateKey key, Path certificateFile, Path keyFile) {
        PublicKey publicKey = certificate.getPublicKey();
        String mismatch = "Client certificate \"" + certificateFile + "\" does not match private key file \""
                + keyFile + "\"";
        String keyFamily = family(key.getAlgorithm());
        if (!keyFamily.equals(family(publicKey.getAlgorithm()))) {
            throw new PgClientException(mismatch + ": the certificate holds a " + publicKey.getAlgorithm()
                    + " key, the file a " + key.getAlgorithm() + " key");
        }
        if (key instanceof RSAKey privateRsa && publicKey instanceof RSAKey publicRsa) {
            if (!privateRsa.getModulus().equals(publicRsa.getModulus())) {
                throw new PgClientException(mismatch);
            }
            return;
        }
        String algorithm = switch (keyFamily) {
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "EdDSA";
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            return; // nothing we know how to test; the handshake will tell
        }
        byte[] challenge = "pgasync client key check".getBytes(StandardCharsets.US_ASCII);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new PgClientException(mismatch);
        }
    }

    private static String family(String algorithm) {
        return switch (algorithm) {
            case "RSA", "RSASSA-PSS" -> "RSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> algorithm;
        };
    }

    private static String[] allowedProtocols(String[] enabled) {
        List<String> kept = new ArrayList<>(2);
        for (String protocol : enabled) {
            if (ALLOWED_PROTOCOLS.contains(protocol)) {
                kept.add(protocol);
            }
        }
        if (kept.isEmpty()) {
            throw new PgClientException("The TLS context enables neither TLSv1.2 nor TLSv1.3, which PostgreSQL"
                    + " clients need");
        }
        return kept.toArray(new String[0]);
    }

    /** SNI for a host name, none for an IP literal or when disabled; libpq's test for "IP literal". */
    static List<SNIServerName> serverNames(String host, boolean sni) {
        if (!sni || host.isEmpty() || host.indexOf(':') >= 0 || onlyDigitsAndDots(host)) {
            return List.of();
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            return List.of(new SNIHostName(name));
        } catch (IllegalArgumentException e) {
            return List.of(); // not a name SNI can carry (for example with an underscore): send none
        }
    }

    private static boolean onlyDigitsAndDots(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }
}
