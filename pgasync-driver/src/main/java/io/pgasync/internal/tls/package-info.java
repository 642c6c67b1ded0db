/**
 * Client TLS for pgasync: libpq's {@code sslmode} rules ({@link io.pgasync.internal.tls.TlsSettings}), the
 * {@code SSLContext} and per-connection {@code SSLEngine} ({@link io.pgasync.internal.tls.TlsEngines}), PEM and key
 * file handling. JDK only; internal, not an API.
 */
package io.pgasync.internal.tls;
