package io.pgasync;

/**
 * Turns a {@link Row} into an object of the caller's choosing, for {@code fetch(mapper, sql, args...)}: the Java
 * counterpart of asyncpg's {@code record_class}.
 *
 * @param <T> the produced type
 */
@FunctionalInterface
public interface RowMapper<T> {

    /**
     * Maps one row. Called on the connection's I/O thread as each row arrives: keep it fast, never block.
     *
     * @param row the row
     * @return the mapped object (null is allowed)
     */
    T map(Row row);
}
