package io.pgasync.spring.boot.autoconfigure.transaction;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.PgTransaction;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.AbstractReactiveTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * A {@link org.springframework.transaction.ReactiveTransactionManager} for a {@link PgPool}: each transaction takes a
 * connection from the pool, binds it in the Reactor context (found by {@link ReactiveTransactionalPgClient} and
 * {@link #currentConnection(PgPool)}) and gives it back when the transaction completes, also after errors and
 * cancellation. {@code TransactionalOperator} and {@code @Transactional} on methods returning {@code Mono} or
 * {@code Flux} work; nothing blocks.
 *
 * <p>Supports every propagation (NESTED through savepoints), isolation levels, read-only transactions and timeouts
 * (each statement run through the transaction-aware client is bounded by the time left).
 */
public class PgReactiveTransactionManager extends AbstractReactiveTransactionManager {

    private static final long serialVersionUID = 1L;

    private final transient PgPool pool;
    private final transient PgExceptionTranslator translator;

    /**
     * Creates a reactive transaction manager for a pool.
     *
     * @param pool the pool
     */
    public PgReactiveTransactionManager(PgPool pool) {
        this(pool, PgExceptionTranslator.INSTANCE);
    }

    /**
     * Creates a reactive transaction manager for a pool with an exception translator.
     *
     * @param pool the pool
     * @param translator translates begin, commit and rollback failures
     */
    public PgReactiveTransactionManager(PgPool pool, PgExceptionTranslator translator) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    /**
     * The connection of the current reactive transaction on a pool.
     *
     * @param pool the pool
     * @return the holder, or empty outside a transaction managed by a {@link PgReactiveTransactionManager}
     */
    public static Mono<PgConnectionHolder> currentConnection(PgPool pool) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(tsm -> Mono.justOrEmpty((PgConnectionHolder) tsm.getResource(pool)))
                .filter(PgConnectionHolder::isTransactionActive)
                .onErrorResume(NoTransactionException.class, e -> Mono.empty());
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
    protected Object doGetTransaction(TransactionSynchronizationManager synchronizationManager) {
        TxObject tx = new TxObject();
        tx.holder = (PgConnectionHolder) synchronizationManager.getResource(pool);
        return tx;
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        TxObject tx = (TxObject) transaction;
        return tx.holder != null && tx.holder.isTransactionActive();
    }

    @Override
    protected Mono<Void> doBegin(TransactionSynchronizationManager synchronizationManager, Object transaction,
            TransactionDefinition definition) {
        TxObject tx = (TxObject) transaction;
        if (definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED
                && isExistingTransaction(tx)) {
            return Mono.defer(() -> {
                PgTransaction savepoint = tx.holder.getConnection().transaction();
                tx.savepoint = savepoint;
                return Mono.fromFuture(savepoint::start);
            }).onErrorMap(e -> !(e instanceof CannotCreateTransactionException),
                    e -> new CannotCreateTransactionException("Could not create a savepoint: " + e.getMessage(),
                            translator.translate("savepoint", e)));
        }
        return acquire().flatMap(connection -> {
            PgConnectionHolder holder = new PgConnectionHolder(connection);
            PgTransaction pgTx = connection.transaction(PgTransactionManager.isolation(definition.getIsolationLevel()),
                    definition.isReadOnly(), false);
            return Mono.fromFuture(pgTx::start).then(Mono.fromRunnable(() -> {
                holder.setTransaction(pgTx);
                holder.setSynchronizedWithTransaction(true);
                holder.setTransactionActive(true);
                if (definition.getTimeout() != TransactionDefinition.TIMEOUT_DEFAULT) {
                    holder.setTimeoutInSeconds(definition.getTimeout());
                }
                tx.holder = holder;
                tx.newHolder = true;
                synchronizationManager.bindResource(pool, holder);
            })).onErrorResume(e -> Mono.fromFuture(connection::release).onErrorComplete().then(Mono.error(e)))
                    .doOnCancel(() -> {
                        // Cancelled while beginning: the manager will not clean up a holder it never bound.
                        if (tx.holder == null || tx.holder.getConnection() != connection) {
                            connection.release();
                        }
                    });
        }).onErrorMap(e -> new CannotCreateTransactionException("Could not begin a pgasync transaction on pool '"
                + pool.getName() + "': " + e.getMessage(), translator.translate("begin", e))).then();
    }

    /** Acquires a connection; a cancellation gives up the wait, or releases a connection that arrives too late. */
    private Mono<PgPooledConnection> acquire() {
        return Mono.create(sink -> {
            java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            CompletableFuture<PgPooledConnection> future = pool.acquire();
            sink.onCancel(() -> {
                cancelled.set(true);
                future.cancel(false);
            });
            future.whenComplete((connection, error) -> {
                if (error != null) {
                    sink.error(error);
                } else if (cancelled.get()) {
                    connection.release();
                } else {
                    sink.success(connection);
                }
            });
        });
    }

    @Override
    protected Mono<Object> doSuspend(TransactionSynchronizationManager synchronizationManager, Object transaction) {
        return Mono.defer(() -> {
            ((TxObject) transaction).holder = null;
            return Mono.justOrEmpty(synchronizationManager.unbindResource(pool));
        });
    }

    @Override
    protected Mono<Void> doResume(TransactionSynchronizationManager synchronizationManager, Object transaction,
            Object suspendedResources) {
        return Mono.fromRunnable(() -> synchronizationManager.bindResource(pool, suspendedResources));
    }

    @Override
    protected Mono<Void> doCommit(TransactionSynchronizationManager synchronizationManager,
            GenericReactiveTransaction status) {
        TxObject tx = (TxObject) status.getTransaction();
        return Mono.fromFuture(() -> {
            PgTransaction target = tx.savepoint != null ? tx.savepoint : tx.holder.getTransaction();
            if (tx.savepoint == null) {
                tx.holder.setTransactionActive(false); // calls through the holder's client are refused from now on
            }
            return target.state() == PgTransaction.State.STARTED ? target.commit()
                    : CompletableFuture.<Void>completedFuture(null);
        }).onErrorMap(e -> translator.translate(tx.savepoint != null ? "release savepoint" : "commit", e));
    }

    @Override
    protected Mono<Void> doRollback(TransactionSynchronizationManager synchronizationManager,
            GenericReactiveTransaction status) {
        TxObject tx = (TxObject) status.getTransaction();
        return Mono.fromFuture(() -> {
            PgTransaction target = tx.savepoint != null ? tx.savepoint : tx.holder.getTransaction();
            if (tx.savepoint == null) {
                tx.holder.setTransactionActive(false);
            }
            return target.state() == PgTransaction.State.STARTED ? target.rollback()
                    : CompletableFuture.<Void>completedFuture(null);
        }).onErrorMap(e -> translator.translate(tx.savepoint != null ? "rollback to savepoint" : "rollback", e));
    }

    @Override
    protected Mono<Void> doSetRollbackOnly(TransactionSynchronizationManager synchronizationManager,
            GenericReactiveTransaction status) {
        return Mono.fromRunnable(() -> ((TxObject) status.getTransaction()).holder.setRollbackOnly());
    }

    @Override
    protected Mono<Void> doCleanupAfterCompletion(TransactionSynchronizationManager synchronizationManager,
            Object transaction) {
        return Mono.defer(() -> {
            TxObject tx = (TxObject) transaction;
            if (tx.savepoint != null || !tx.newHolder) {
                return Mono.empty();
            }
            synchronizationManager.unbindResourceIfPossible(pool);
            PgConnectionHolder holder = tx.holder;
            holder.setTransactionActive(false);
            holder.clear();
            PgPooledConnection connection = holder.getConnection();
            return Mono.fromFuture(connection::release).onErrorComplete();
        });
    }

    /** The transaction object: the holder, whether this transaction opened it, its savepoint when nested. */
    static final class TxObject {
        PgConnectionHolder holder;
        boolean newHolder;
        PgTransaction savepoint;
    }
}
