package io.pgasync;

/** Learns that a connection has closed, whether this client closed it, the server ended it, or it was lost. */
@FunctionalInterface
public interface PgTerminationListener {

    /**
     * Called once, on the connection's I/O thread, when the connection closes.
     *
     * @param connection the connection, now closed
     * @param cause why it closed: null when this client closed it normally, else the error (e.g. a server
     *     {@code AdminShutdownException} after {@code pg_terminate_backend}, or a {@code PgConnectionException})
     */
    void onTermination(PgConnection connection, Throwable cause);
}
