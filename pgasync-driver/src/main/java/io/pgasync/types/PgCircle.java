package io.pgasync.types;

import java.util.Objects;

/**
 * A PostgreSQL {@code circle}: a center and a radius, written {@code <(x,y),r>}.
 *
 * @param center the center
 * @param radius the radius, not negative
 */
public record PgCircle(PgPoint center, double radius) {

    /**
     * Checks the center and radius.
     *
     * @param center the center
     * @param radius the radius
     * @throws IllegalArgumentException when the radius is negative
     */
    public PgCircle {
        Objects.requireNonNull(center, "center");
        if (radius < 0) {
            throw new IllegalArgumentException("a circle's radius cannot be negative: " + radius);
        }
    }

    /** PostgreSQL's text form, {@code <(x,y),r>}. */
    @Override
    public String toString() {
        return "<" + center + "," + PgPoint.number(radius) + ">";
    }
}
