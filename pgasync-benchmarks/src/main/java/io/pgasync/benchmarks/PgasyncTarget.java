package io.pgasync.benchmarks;

import io.pgasync.PgClient;
import io.pgasync.PgConnection;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What the pooled workloads need from pgasync: a client that runs queries, and a connection for COPY and cursors.
 *
 * <p>POOL: pgasync's {@code PgPool} is being built on another branch. Until it lands on main, the pooled
 * workloads run on {@link #singleConnection(PgConnection)}, one pipelined connection, and the table says so.
 * When it lands, add {@code pooled(PgPool)} here (client = the pool; withConnection = {@code pool.withConnection})
 * and make {@link PgasyncDriver} build that one for {@link DriverId#PGASYNC}.
 */
interface PgasyncTarget extends AutoCloseable {

    /** The client that runs the queries of the workload. */
    PgClient client();

    /**
     * Runs work on one connection (COPY, cursors).
     *
     * @param work what to do with the connection
     * @param <T> the result type
     * @return the work's result
     */
    <T> CompletionStage<T> withConnection(Function<PgConnection, CompletionStage<T>> work);

    /** A short description for the table's notes. */
    String description();

    @Override
    void close();

    /**
     * One connection shared by every caller, calls pipelined.
     *
     * @param connection the connection
     * @return the target
     */
    static PgasyncTarget singleConnection(PgConnection connection) {
        return new PgasyncTarget() {
            @Override
            public PgClient client() {
                return connection;
            }

            @Override
            public <T> CompletionStage<T> withConnection(Function<PgConnection, CompletionStage<T>> work) {
                return work.apply(connection);
            }

            @Override
            public String description() {
                return "one pipelined connection (PgPool not yet on main)";
            }

            @Override
            public void close() {
                connection.close().join();
            }
        };
    }
}
