package io.pgasync;

/** Receives the notifications of a channel a connection listens to. */
@FunctionalInterface
public interface PgNotificationListener {

    /**
     * Called on the connection's I/O thread, in the order the server delivered the notifications. Keep it short
     * and never block (hand work to your own executor); an exception it throws is logged and does not affect the
     * connection.
     *
     * @param connection the connection that received it
     * @param notification the notification
     */
    void onNotification(PgConnection connection, PgNotification notification);

    /**
     * Called for a listener added to a pool ({@link PgPool#addListener}) after its listening connection was lost
     * and re-established: notifications may have been missed in between. Never called for listeners added to a
     * single connection (which simply closes). Runs on an I/O thread; do not block.
     *
     * @param gap when the connection was lost and when listening resumed
     */
    default void onGap(PgNotificationGap gap) {
    }
}
