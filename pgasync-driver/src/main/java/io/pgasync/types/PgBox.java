package io.pgasync.types;

import java.util.Objects;

/**
 * A PostgreSQL {@code box}: a rectangle with sides parallel to the axes, given by its upper right and lower left
 * corners and written {@code (x1,y1),(x2,y2)} in that order. Like the server, the constructor accepts any two
 * opposite corners and puts them in that order.
 *
 * @param high the upper right corner (largest x and y)
 * @param low the lower left corner (smallest x and y)
 */
public record PgBox(PgPoint high, PgPoint low) {

    /**
     * Orders the corners: {@code high} gets the larger coordinates.
     *
     * @param high one corner
     * @param low the opposite corner
     */
    public PgBox {
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        if (high.x() < low.x() || high.y() < low.y()) {
            PgPoint h = new PgPoint(Math.max(high.x(), low.x()), Math.max(high.y(), low.y()));
            PgPoint l = new PgPoint(Math.min(high.x(), low.x()), Math.min(high.y(), low.y()));
            high = h;
            low = l;
        }
    }

    /** PostgreSQL's text form, {@code (x1,y1),(x2,y2)}. */
    @Override
    public String toString() {
        return high + "," + low;
    }
}
