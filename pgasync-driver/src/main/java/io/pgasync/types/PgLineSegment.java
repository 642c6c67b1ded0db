package io.pgasync.types;

import java.util.Objects;

/**
 * A PostgreSQL {@code lseg}: the line segment between two points, written {@code [(x1,y1),(x2,y2)]}.
 *
 * @param start the first end point
 * @param end the second end point
 */
public record PgLineSegment(PgPoint start, PgPoint end) {

    /**
     * Checks the end points.
     *
     * @param start the first end point
     * @param end the second end point
     */
    public PgLineSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** PostgreSQL's text form, {@code [(x1,y1),(x2,y2)]}. */
    @Override
    public String toString() {
        return "[" + start + "," + end + "]";
    }
}
