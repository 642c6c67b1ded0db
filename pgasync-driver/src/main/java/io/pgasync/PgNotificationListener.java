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
}
