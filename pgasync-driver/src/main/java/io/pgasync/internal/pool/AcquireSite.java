package io.pgasync.internal.pool;

/**
 * Not an error: its stack trace records where a connection was acquired, for leak reports. Captured only when leak
 * detection is on.
 */
final class AcquireSite extends Throwable {

    private static final long serialVersionUID = 1L;

    AcquireSite(String pool) {
        super("the connection was acquired here (pool '" + pool + "')", null, false, true);
    }
}
