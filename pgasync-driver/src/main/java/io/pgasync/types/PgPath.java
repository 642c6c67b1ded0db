package io.pgasync.types;

import java.util.List;

/**
 * A PostgreSQL {@code path}: points joined by line segments, either open ({@code [(x1,y1),...]}) or closed, the
 * last point joined back to the first ({@code ((x1,y1),...)}).
 *
 * @param points the points, at least one
 * @param closed whether the path is closed
 */
public record PgPath(List<PgPoint> points, boolean closed) {

    /**
     * Copies the points.
     *
     * @param points the points, at least one, none null
     * @param closed whether the path is closed
     * @throws IllegalArgumentException when there are no points
     */
    public PgPath {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a path has at least one point");
        }
    }

    /** PostgreSQL's text form: {@code [(x1,y1),...]} when open, {@code ((x1,y1),...)} when closed. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(closed ? "(" : "[");
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(points.get(i));
        }
        return sb.append(closed ? ')' : ']').toString();
    }
}
