/**
 * Spring transactions for pgasync: {@link io.pgasync.spring.boot.autoconfigure.transaction.PgTransactionManager}
 * (thread-bound), {@link io.pgasync.spring.boot.autoconfigure.transaction.PgReactiveTransactionManager} (bound in the
 * Reactor context), the transaction-aware {@link io.pgasync.spring.boot.autoconfigure.transaction.TransactionalPgClient}
 * and the translation of driver errors into Spring's {@code DataAccessException} hierarchy.
 */
package io.pgasync.spring.boot.autoconfigure.transaction;
