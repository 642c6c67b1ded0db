package io.pgasync.types;

import java.util.Objects;

/**
 * A PostgreSQL range value ({@code int4range}, {@code int8range}, {@code numrange}, {@code daterange},
 * {@code tsrange}, {@code tstzrange} and user-defined ranges): empty, or a lower and an upper bound, each either
 * absent (unbounded, which PostgreSQL calls infinite) or a value that is inclusive or exclusive.
 *
 * <p>An absent bound is {@code null} and never inclusive, as in PostgreSQL. It differs from a bound whose value
 * is itself infinite: {@code [2024-01-01,)} has no upper bound, {@code [2024-01-01,infinity)} has the upper bound
 * {@code LocalDate.MAX}. The server puts discrete ranges in canonical form, so {@code [1,5]} comes back as
 * {@code [1,6)}, and turns ranges without points into {@code empty}.
 *
 * <p>Instances are immutable when the bounds are.
 *
 * @param <T> the type of the bounds (the subtype's Java type)
 */
public final class PgRange<T> {

    private static final PgRange<?> EMPTY = new PgRange<>(null, false, null, false, true);
    private static final PgRange<?> UNBOUNDED = new PgRange<>(null, false, null, false, false);

    private final T lower;
    private final T upper;
    private final boolean lowerInclusive;
    private final boolean upperInclusive;
    private final boolean empty;

    private PgRange(T lower, boolean lowerInclusive, T upper, boolean upperInclusive, boolean empty) {
        this.lower = lower;
        this.upper = upper;
        this.lowerInclusive = lower != null && lowerInclusive;
        this.upperInclusive = upper != null && upperInclusive;
        this.empty = empty;
    }

    /**
     * A range with the given bounds; a null bound is absent (and then not inclusive, whatever the flag says).
     *
     * @param lower the lower bound, or null for none
     * @param lowerInclusive whether the lower bound belongs to the range ({@code [} rather than {@code (})
     * @param upper the upper bound, or null for none
     * @param upperInclusive whether the upper bound belongs to the range ({@code ]} rather than {@code )})
     * @param <T> the bound type
     * @return the range
     */
    public static <T> PgRange<T> of(T lower, boolean lowerInclusive, T upper, boolean upperInclusive) {
        if (lower == null && upper == null) {
            return unbounded();
        }
        return new PgRange<>(lower, lowerInclusive, upper, upperInclusive, false);
    }

    /**
     * The range {@code [lower,upper)}, PostgreSQL's default and canonical form.
     *
     * @param lower the inclusive lower bound, or null for none
     * @param upper the exclusive upper bound, or null for none
     * @param <T> the bound type
     * @return the range
     */
    public static <T> PgRange<T> closedOpen(T lower, T upper) {
        return of(lower, true, upper, false);
    }

    /**
     * The range {@code [lower,upper]}.
     *
     * @param lower the inclusive lower bound, or null for none
     * @param upper the inclusive upper bound, or null for none
     * @param <T> the bound type
     * @return the range
     */
    public static <T> PgRange<T> closed(T lower, T upper) {
        return of(lower, true, upper, true);
    }

    /**
     * The empty range, {@code 'empty'}.
     *
     * @param <T> the bound type
     * @return the empty range
     */
    @SuppressWarnings("unchecked")
    public static <T> PgRange<T> empty() {
        return (PgRange<T>) EMPTY;
    }

    /**
     * The range without bounds, {@code (,)}, which contains every value.
     *
     * @param <T> the bound type
     * @return the unbounded range
     */
    @SuppressWarnings("unchecked")
    public static <T> PgRange<T> unbounded() {
        return (PgRange<T>) UNBOUNDED;
    }

    /**
     * Whether this is the empty range.
     *
     * @return true for {@code empty}
     */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * The lower bound.
     *
     * @return the bound's value, or null when the range has none (or is empty)
     */
    public T lower() {
        return lower;
    }

    /**
     * The upper bound.
     *
     * @return the bound's value, or null when the range has none (or is empty)
     */
    public T upper() {
        return upper;
    }

    /**
     * Whether the lower bound is present and inclusive.
     *
     * @return true for {@code [}
     */
    public boolean isLowerInclusive() {
        return lowerInclusive;
    }

    /**
     * Whether the upper bound is present and inclusive.
     *
     * @return true for {@code ]}
     */
    public boolean isUpperInclusive() {
        return upperInclusive;
    }

    /**
     * Whether the range is unbounded below (PostgreSQL's {@code lower_inf}); false for the empty range.
     *
     * @return true when there is no lower bound
     */
    public boolean isLowerInfinite() {
        return !empty && lower == null;
    }

    /**
     * Whether the range is unbounded above (PostgreSQL's {@code upper_inf}); false for the empty range.
     *
     * @return true when there is no upper bound
     */
    public boolean isUpperInfinite() {
        return !empty && upper == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgRange<?> r && empty == r.empty && lowerInclusive == r.lowerInclusive
                && upperInclusive == r.upperInclusive && Objects.equals(lower, r.lower)
                && Objects.equals(upper, r.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lower, upper, lowerInclusive, upperInclusive, empty);
    }

    /** A form like PostgreSQL's, without quoting: {@code [1,5)}, {@code (,2024-01-01]}, {@code empty}. */
    @Override
    public String toString() {
        if (empty) {
            return "empty";
        }
        return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + "," + (upper == null ? "" : upper)
                + (upperInclusive ? "]" : ")");
    }
}
