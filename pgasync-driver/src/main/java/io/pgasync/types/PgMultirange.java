package io.pgasync.types;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL multirange value (PostgreSQL 14+: {@code int4multirange}, {@code datemultirange}, ...): an ordered
 * list of non-empty ranges that neither overlap nor touch. The server sorts and merges the ranges it is given;
 * decoded values are in that canonical form. The empty multirange is {@code '{}'}.
 *
 * <p>Instances are immutable when the bounds are.
 *
 * @param <T> the type of the ranges' bounds
 */
public final class PgMultirange<T> {

    private static final PgMultirange<?> EMPTY = new PgMultirange<>(new PgRange<?>[0]);

    private final PgRange<?>[] ranges;

    private PgMultirange(PgRange<?>[] ranges) {
        this.ranges = ranges;
    }

    /**
     * The empty multirange.
     *
     * @param <T> the bound type
     * @return the empty multirange
     */
    @SuppressWarnings("unchecked")
    public static <T> PgMultirange<T> empty() {
        return (PgMultirange<T>) EMPTY;
    }

    /**
     * A multirange of the given ranges (copied; the server drops empty ones, sorts and merges the rest).
     *
     * @param ranges the ranges, none null
     * @param <T> the bound type
     * @return the multirange
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <T> PgMultirange<T> of(PgRange<T>... ranges) {
        return ranges.length == 0 ? empty() : new PgMultirange<>(checked(ranges.clone()));
    }

    /**
     * A multirange of the given ranges (copied).
     *
     * @param ranges the ranges, none null
     * @param <T> the bound type
     * @return the multirange
     */
    public static <T> PgMultirange<T> of(List<PgRange<T>> ranges) {
        return ranges.isEmpty() ? empty() : new PgMultirange<>(checked(ranges.toArray(new PgRange<?>[0])));
    }

    /**
     * A multirange that takes over the given array without copying it: for codecs, which build it for this value
     * only. The caller must not modify it afterwards.
     *
     * @param ranges the ranges, none null
     * @param <T> the bound type
     * @return the multirange
     */
    public static <T> PgMultirange<T> wrap(PgRange<?>[] ranges) {
        return ranges.length == 0 ? empty() : new PgMultirange<>(checked(ranges));
    }

    private static PgRange<?>[] checked(PgRange<?>[] ranges) {
        for (PgRange<?> r : ranges) {
            Objects.requireNonNull(r, "a multirange cannot contain a null range");
        }
        return ranges;
    }

    /**
     * The ranges, in order.
     *
     * @return an unmodifiable list
     */
    @SuppressWarnings("unchecked")
    public List<PgRange<T>> ranges() {
        return (List<PgRange<T>>) (List<?>) Collections.unmodifiableList(Arrays.asList(ranges));
    }

    /**
     * The number of ranges.
     *
     * @return the count, 0 for the empty multirange
     */
    public int size() {
        return ranges.length;
    }

    /**
     * Whether this is the empty multirange.
     *
     * @return true when it has no range
     */
    public boolean isEmpty() {
        return ranges.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgMultirange<?> m && Arrays.equals(ranges, m.ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }

    /** A form like PostgreSQL's, without quoting: {@code {[1,3),[5,7)}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ranges.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ranges[i]);
        }
        return sb.append('}').toString();
    }
}
