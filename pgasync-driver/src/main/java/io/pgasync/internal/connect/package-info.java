/**
 * Connection settings support: the connection-string parser (libpq URLs and {@code key=value} strings), the
 * catalogue of recognised keywords and their environment variables, value converters, redaction of secrets in
 * messages, and the libpq password file ({@code ~/.pgpass}). Used by {@link io.pgasync.PgConnectOptions}; not API.
 */
package io.pgasync.internal.connect;
