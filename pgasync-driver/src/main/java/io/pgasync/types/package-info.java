/**
 * Value types for PostgreSQL types that have no exact Java counterpart: {@link io.pgasync.types.PgInterval},
 * {@link io.pgasync.types.PgArray} (arrays with their lower bounds), {@link io.pgasync.types.PgRecord}
 * (composites), {@link io.pgasync.types.PgRange} and {@link io.pgasync.types.PgMultirange}, network addresses
 * ({@link io.pgasync.types.PgInet}, {@link io.pgasync.types.PgMacAddr}, {@link io.pgasync.types.PgMacAddr8}),
 * geometry ({@link io.pgasync.types.PgPoint} and the rest), {@link io.pgasync.types.PgBitString} and system types
 * ({@link io.pgasync.types.PgLsn}, {@link io.pgasync.types.PgSnapshot}, {@link io.pgasync.types.PgTid}). The full
 * mapping is in {@code docs/types.md}.
 */
package io.pgasync.types;
