package io.pgasync.types;

/**
 * A PostgreSQL {@code point}: {@code (x,y)}.
 *
 * @param x the x coordinate
 * @param y the y coordinate
 */
public record PgPoint(double x, double y) {

    /** PostgreSQL's text form, {@code (x,y)}, which the server also reads. */
    @Override
    public String toString() {
        return "(" + number(x) + "," + number(y) + ")";
    }

    /**
     * A coordinate as PostgreSQL reads it: whole numbers without a fraction ({@code 1}, {@code -0}), others as
     * {@link Double#toString(double)}, and {@code NaN}, {@code Infinity}, {@code -Infinity}.
     */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            if (d == 0 && 1 / d < 0) {
                return "-0";
            }
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
