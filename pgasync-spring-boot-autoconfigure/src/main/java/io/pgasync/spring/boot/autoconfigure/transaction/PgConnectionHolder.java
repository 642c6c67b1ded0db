package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.PgClient;
import io.pgasync.PgPooledConnection;
import io.pgasync.PgTransaction;
import java.time.Duration;
import org.springframework.transaction.support.ResourceHolderSupport;

/**
 * The pooled connection of a Spring-managed transaction, bound to the thread ({@link PgTransactionManager}) or to
 * the Reactor context ({@link PgReactiveTransactionManager}) under the {@link io.pgasync.PgPool} as key.
 */
public final class PgConnectionHolder extends ResourceHolderSupport {

    private final PgPooledConnection connection;
    private PgTransaction transaction;
    private volatile boolean transactionActive;

    PgConnectionHolder(PgPooledConnection connection) {
        this.connection = connection;
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
     * The connection, bounded by the transaction's remaining time when it has a timeout.
     *
     * @return a client on the transaction's connection
     * @throws org.springframework.transaction.TransactionTimedOutException when the deadline has passed
     */
    public PgClient getClient() {
        if (!hasTimeout()) {
            return connection;
        }
        long remaining = getTimeToLiveInMillis();
        return connection.withTimeout(Duration.ofMillis(remaining));
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
