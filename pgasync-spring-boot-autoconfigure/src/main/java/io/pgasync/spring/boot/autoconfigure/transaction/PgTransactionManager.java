package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.IsolationLevel;
import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.PgTransaction;
import java.util.Objects;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link org.springframework.transaction.PlatformTransactionManager} for a {@link PgPool}: each transaction takes
 * a connection from the pool, binds it to the current thread (so that {@link TransactionalPgClient} and
 * {@link #currentConnection(PgPool)} find it) and gives it back when the transaction ends, also after failures.
 * {@code @Transactional} methods and {@code TransactionTemplate} work as with JDBC.
 *
 * <p>Supports every propagation (NESTED through savepoints), isolation levels, read-only transactions
 * ({@code BEGIN ... READ ONLY}: writes fail with SQLSTATE 25006) and timeouts (each statement run through the
 * transaction-aware client is bounded by the time left). Commit and rollback failures are translated by
 * {@link PgExceptionTranslator}.
 *
 * <p>It waits for the database on the calling thread, so it must not run on an event-loop thread: there it fails at
 * once with an {@link IllegalStateException}. Reactive code uses {@link PgReactiveTransactionManager}. A
 * {@code @Transactional} method that returns a {@code CompletableFuture} is committed when it returns, not when the
 * future completes: see {@code docs/spring-boot.md}.
 */
public class PgTransactionManager extends AbstractPlatformTransactionManager implements ResourceTransactionManager {

    private static final long serialVersionUID = 1L;

    private final transient PgPool pool;
    private final transient PgExceptionTranslator translator;

    /**
     * Creates a transaction manager for a pool.
     *
     * @param pool the pool
     */
    public PgTransactionManager(PgPool pool) {
        this(pool, PgExceptionTranslator.INSTANCE);
    }

    /**
     * Creates a transaction manager for a pool with an exception translator.
     *
     * @param pool the pool
     * @param translator translates commit and rollback failures
     */
    public PgTransactionManager(PgPool pool, PgExceptionTranslator translator) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.translator = Objects.requireNonNull(translator, "translator");
        setNestedTransactionAllowed(true);
    }

    /**
     * The connection bound to the current thread's transaction on a pool.
     *
     * @param pool the pool
     * @return the holder, or null outside a transaction managed by a {@link PgTransactionManager}
     */
    public static PgConnectionHolder currentConnection(PgPool pool) {
        return (PgConnectionHolder) TransactionSynchronizationManager.getResource(pool);
    }

    /**
     * The pool.
     *
     * @return the pool
     */
    public PgPool getPool() {
        return pool;
    }

    @Override
    public Object getResourceFactory() {
        return pool;
    }

    @Override
    protected Object doGetTransaction() {
        TxObject tx = new TxObject();
        tx.holder = currentConnection(pool);
        tx.newHolder = false;
        return tx;
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        TxObject tx = (TxObject) transaction;
        return tx.holder != null && tx.holder.isTransactionActive();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        TxObject tx = (TxObject) transaction;
        Blocking.checkNotEventLoop("Beginning a transaction");
        PgPooledConnection connection = null;
        try {
            connection = Blocking.await(pool.acquire());
            PgConnectionHolder holder = new PgConnectionHolder(connection);
            PgTransaction pgTx = connection.transaction(isolation(definition.getIsolationLevel()),
                    definition.isReadOnly(), false);
            Blocking.await(pgTx.start());
            holder.setTransaction(pgTx);
            holder.setSynchronizedWithTransaction(true);
            holder.setTransactionActive(true);
            int timeout = determineTimeout(definition);
            if (timeout != TransactionDefinition.TIMEOUT_DEFAULT) {
                holder.setTimeoutInSeconds(timeout);
            }
            tx.holder = holder;
            tx.newHolder = true;
            TransactionSynchronizationManager.bindResource(pool, holder);
        } catch (Throwable e) {
            if (connection != null) {
                connection.release();
            }
            tx.holder = null;
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new CannotCreateTransactionException("Could not begin a pgasync transaction on pool '"
                    + pool.getName() + "': " + e.getMessage(), translator.translate("begin", e));
        }
    }

    static IsolationLevel isolation(int level) {
        return switch (level) {
            case TransactionDefinition.ISOLATION_READ_UNCOMMITTED -> IsolationLevel.READ_UNCOMMITTED;
            case TransactionDefinition.ISOLATION_READ_COMMITTED -> IsolationLevel.READ_COMMITTED;
            case TransactionDefinition.ISOLATION_REPEATABLE_READ -> IsolationLevel.REPEATABLE_READ;
            case TransactionDefinition.ISOLATION_SERIALIZABLE -> IsolationLevel.SERIALIZABLE;
            default -> null;
        };
    }

    @Override
    protected Object doSuspend(Object transaction) {
        TxObject tx = (TxObject) transaction;
        tx.holder = null;
        return TransactionSynchronizationManager.unbindResource(pool);
    }

    @Override
    protected void doResume(Object transaction, Object suspendedResources) {
        TransactionSynchronizationManager.bindResource(pool, suspendedResources);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        TxObject tx = (TxObject) status.getTransaction();
        complete(tx, true);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        TxObject tx = (TxObject) status.getTransaction();
        complete(tx, false);
    }

    private void complete(TxObject tx, boolean commit) {
        Blocking.checkNotEventLoop(commit ? "Committing" : "Rolling back");
        PgTransaction pgTx = tx.holder.getTransaction();
        tx.holder.setTransactionActive(false); // from now on, calls through the holder's client are refused
        if (!commit && pgTx.state() != PgTransaction.State.STARTED) {
            return; // a failed commit already rolled it back: nothing to undo, and the commit's error stands
        }
        try {
            Blocking.await(commit ? pgTx.commit() : pgTx.rollback());
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new TransactionSystemException("Interrupted during " + (commit ? "commit" : "rollback"), e);
            }
            DataAccessException translated = translator.translate(commit ? "commit" : "rollback", e);
            throw translated;
        }
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        ((TxObject) status.getTransaction()).holder.setRollbackOnly();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TxObject tx = (TxObject) transaction;
        if (tx.newHolder) {
            TransactionSynchronizationManager.unbindResourceIfPossible(pool);
            PgConnectionHolder holder = tx.holder;
            holder.setTransactionActive(false);
            holder.clear();
            // The pool rolls back a transaction left open (a failed commit or rollback) before it lends the
            // connection again, and closes a connection whose reset fails.
            holder.getConnection().release();
        }
    }

    @Override
    protected boolean useSavepointForNestedTransaction() {
        return true;
    }

    /** The transaction object: the holder, and whether this transaction opened it. */
    static final class TxObject implements SmartTransactionObject, SavepointManager {

        PgConnectionHolder holder;
        boolean newHolder;

        @Override
        public boolean isRollbackOnly() {
            return holder != null && holder.isRollbackOnly();
        }

        @Override
        public void flush() {
        }

        @Override
        public Object createSavepoint() throws TransactionException {
            if (holder == null || !holder.isTransactionActive()) {
                throw new NestedTransactionNotSupportedException("No active pgasync transaction to create a"
                        + " savepoint in");
            }
            Blocking.checkNotEventLoop("Creating a savepoint");
            PgTransaction savepoint = holder.getConnection().transaction();
            try {
                Blocking.await(savepoint.start());
            } catch (Throwable e) {
                throw new CannotCreateTransactionException("Could not create a savepoint: " + e.getMessage(),
                        PgExceptionTranslator.INSTANCE.translate("savepoint", e));
            }
            return savepoint;
        }

        @Override
        public void rollbackToSavepoint(Object savepoint) throws TransactionException {
            PgTransaction sp = (PgTransaction) savepoint;
            if (sp.state() != PgTransaction.State.STARTED) {
                return;
            }
            try {
                Blocking.await(sp.rollback());
            } catch (Throwable e) {
                throw new TransactionSystemException("Could not roll back to a savepoint: " + e.getMessage(),
                        PgExceptionTranslator.INSTANCE.translate("rollback to savepoint", e));
            }
        }

        @Override
        public void releaseSavepoint(Object savepoint) throws TransactionException {
            PgTransaction sp = (PgTransaction) savepoint;
            if (sp.state() != PgTransaction.State.STARTED) {
                return; // already rolled back (and released) by the driver
            }
            try {
                Blocking.await(sp.commit());
            } catch (Throwable e) {
                throw PgExceptionTranslator.INSTANCE.translate("release savepoint", e);
            }
        }
    }
}
