package io.pgasync.internal.protocol;

import io.pgasync.PgConnectOptions;

/** TEMPORARY until the TLS work lands: no TLS support. */
final class TlsFactories {

    private TlsFactories() {}

    static ConnectSettings.TlsEngineFactory from(PgConnectOptions options) {
        return null;
    }
}
