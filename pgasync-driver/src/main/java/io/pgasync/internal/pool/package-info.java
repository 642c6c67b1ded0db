/**
 * The connection pool behind {@link io.pgasync.PgPool}: the pool's state machine ({@code PoolImpl}), its
 * connections ({@code PoolEntry}), waiters ({@code Waiter}, {@code WaiterQueue}) and the lease a caller holds
 * ({@code PooledConnectionImpl} and its views). Not API.
 */
package io.pgasync.internal.pool;
