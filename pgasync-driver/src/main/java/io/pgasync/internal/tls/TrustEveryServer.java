package io.pgasync.internal.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of {@link TlsSettings.Verification#NONE} (libpq {@code require} without a root certificate):
 * accepts any server certificate chain and checks no host name. Encryption without authentication, which is what
 * that mode means. Being an {@link X509ExtendedTrustManager}, the JDK does not wrap it with its own checks.
 */
final class TrustEveryServer extends X509ExtendedTrustManager {

    static final TrustEveryServer INSTANCE = new TrustEveryServer();

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private TrustEveryServer() {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // any certificate: sslmode NONE verifies nothing
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // any certificate
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // any certificate
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("client-side trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("client-side trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("client-side trust manager");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
