package io.pgasync.types;

/**
 * A PostgreSQL {@code line}: the infinite line {@code a*x + b*y + c = 0}, written {@code {a,b,c}}. {@code a} and
 * {@code b} are not both zero.
 *
 * @param a the x coefficient
 * @param b the y coefficient
 * @param c the constant
 */
public record PgLine(double a, double b, double c) {

    /** PostgreSQL's text form, {@code {a,b,c}}. */
    @Override
    public String toString() {
        return "{" + PgPoint.number(a) + "," + PgPoint.number(b) + "," + PgPoint.number(c) + "}";
    }
}
