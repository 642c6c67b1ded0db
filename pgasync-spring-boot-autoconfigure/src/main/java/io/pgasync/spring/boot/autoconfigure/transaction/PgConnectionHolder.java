package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.PgClient;
import io.pgasync.PgPooledConnection;
import io.pgasync.PgTransaction;
import org.springframework.transaction.support.ResourceHolderSupport;

/**
 * The pooled connection of a Spring-managed transaction, bound to the thread ({@link PgTransactionManager}) or to
 * the Reactor context ({@link PgReactiveTransactionManager}) under the {@link io.pgasync.PgPool} as key.
 */
public final class PgConnectionHolder extends ResourceHolderSupport {

    private final PgPooledConnection connection;
    private final PgClient client;
    private PgTransaction transaction;
    private volatile boolean transactionActive;

    PgConnectionHolder(PgPooledConnection connection) {
        this.connection = connection;
        this.client = new TransactionBoundClient(this);
    }

    /**
     * The connection of the transaction; it is released when the transaction ends, after which every call fails
     * with {@link io.pgasync.exception.PgConnectionReleasedException}.
     *
     * @return the connection
     */
    public PgPooledConnection getConnection() {
        return connection;
    }

    /**
     * A client on the transaction's connection: each call is bounded by the transaction's remaining time (past the
     * deadline it fails with {@link org.springframework.transaction.TransactionTimedOutException}), and refused
     * with a clear {@link org.springframework.dao.InvalidDataAccessApiUsageException} once the transaction is
     * ending, instead of running outside it.
     *
     * @return the client
     */
    public PgClient getClient() {
        return client;
    }

    /**
     * Whether a transaction is running on the connection.
     *
     * @return true when active
     */
    public boolean isTransactionActive() {
        return transactionActive;
    }

    void setTransactionActive(boolean transactionActive) {
        this.transactionActive = transactionActive;
    }

    PgTransaction getTransaction() {
        return transaction;
    }

    void setTransaction(PgTransaction transaction) {
        this.transaction = transaction;
    }
}
