/**
 * Value types for PostgreSQL types that have no exact Java counterpart, such as
 * {@link io.pgasync.types.PgInterval}.
 */
package io.pgasync.types;
