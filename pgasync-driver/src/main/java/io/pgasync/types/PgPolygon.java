package io.pgasync.types;

import java.util.List;

/**
 * A PostgreSQL {@code polygon}: a closed shape given by its vertices, written {@code ((x1,y1),...)}.
 *
 * @param points the vertices, at least one
 */
public record PgPolygon(List<PgPoint> points) {

    /**
     * Copies the vertices.
     *
     * @param points the vertices, at least one, none null
     * @throws IllegalArgumentException when there are none
     */
    public PgPolygon {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a polygon has at least one point");
        }
    }

    /** PostgreSQL's text form, {@code ((x1,y1),...)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(points.get(i));
        }
        return sb.append(')').toString();
    }
}
