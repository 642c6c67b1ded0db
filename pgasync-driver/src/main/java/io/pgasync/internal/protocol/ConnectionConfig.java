package io.pgasync.internal.protocol;

import java.time.Duration;

/**
 * The settings the protocol engine uses, taken from the connect options once per connection.
 *
 * @param statementCacheSize prepared statements kept per connection; 0 = unnamed statements only
 * @param maxCachedStatementLifetime how long a cached statement is reused; zero = forever
 * @param maxCacheableStatementSize longer SQL is not cached
 * @param pipelineLimit the most Sync groups in flight at once
 * @param commandTimeout the default per-call timeout; null = none
 * @param errorDetailInMessages whether server DETAIL/WHERE go into exception messages
 * @param maxMessageSize the largest backend message accepted
 */
record ConnectionConfig(int statementCacheSize, Duration maxCachedStatementLifetime, int maxCacheableStatementSize,
        int pipelineLimit, Duration commandTimeout, boolean errorDetailInMessages, int maxMessageSize) {

    static ConnectionConfig defaults() {
        return new ConnectionConfig(100, Duration.ofSeconds(300), 15 * 1024, 256, null, true, 1 << 30);
    }
}
