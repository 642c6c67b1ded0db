package io.pgasync;

/** Receives the server's notices and warnings (NoticeResponse) for a connection. */
@FunctionalInterface
public interface PgLogListener {

    /**
     * Called on the connection's I/O thread for each notice; keep it short and never block.
     *
     * @param connection the connection that received it
     * @param notice the notice with all its fields
     */
    void onNotice(PgConnection connection, PgNotice notice);
}
