package io.pgasync.benchmarks;

import io.pgasync.PgClient;
import io.pgasync.PgConnection;
import io.pgasync.PgPool;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What the pooled workloads need from pgasync: a client that runs queries, and a connection for COPY and cursors.
 *
 * <p>The pooled workloads run on {@link #pooled(PgPool, String)}; the pipelined ones on
 * {@link #singleConnection(PgConnection)}.
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
                return "one pipelined connection";
            }

            @Override
            public void close() {
                connection.close().join();
            }
        };
    }

    /**
     * A pool: each call acquires a connection, runs, and releases it (one call per connection at a time).
     *
     * @param pool the pool
     * @param description what the table's notes say about it
     * @return the target
     */
    static PgasyncTarget pooled(PgPool pool, String description) {
        return new PgasyncTarget() {
            @Override
            public PgClient client() {
                return pool;
            }

            @Override
            public <T> CompletionStage<T> withConnection(Function<PgConnection, CompletionStage<T>> work) {
                return pool.withConnection(c -> work.apply(c.asConnection()));
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void close() {
                pool.close().join();
            }
        };
    }
}
