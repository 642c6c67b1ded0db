package io.pgasync.internal.protocol;

import io.pgasync.PgConnectOptions;
import io.pgasync.SslMode;
import io.pgasync.internal.tls.TlsEngines;
import io.pgasync.internal.tls.TlsSettings;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Builds the TLS engine factory of one {@code connect} call from the options: libpq's sslmode rules (the options
 * already applied the default {@code ~/.postgresql} files), one SSLContext shared by the call's attempts and its
 * cancel requests.
 */
final class TlsFactories {

    private TlsFactories() {}

    static ConnectSettings.TlsEngineFactory from(PgConnectOptions options) {
        if (options.sslMode() == SslMode.DISABLE) {
            return null;
        }
        TlsSettings settings = TlsSettings.resolveExplicit(options.sslMode().keyword(), options.sslRootCert(),
                options.sslRootCertSystem(), options.sslCert(), options.sslKey(), options.sslPassword(),
                options.sslContext());
        if (settings == null) {
            return null;
        }
        TlsSettings withSni = settings.withSni(options.sslSni());
        SSLContext context = TlsEngines.context(withSni);
        return new ConnectSettings.TlsEngineFactory() {
            @Override
            public SSLEngine newEngine(String host, int port, boolean alpn) {
                return TlsEngines.newEngine(context, withSni, host, port, alpn);
            }

            @Override
            public void checkAlpn(SSLEngine engine) {
                TlsEngines.checkAlpn(engine);
            }
        };
    }
}
