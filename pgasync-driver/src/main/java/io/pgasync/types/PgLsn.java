package io.pgasync.types;

/**
 * A PostgreSQL {@code pg_lsn}: a write-ahead log position, an unsigned 64-bit number written as two hexadecimal
 * halves, {@code 16/B374D848}.
 *
 * @param value the position, as an unsigned 64-bit number
 */
public record PgLsn(long value) implements Comparable<PgLsn> {

    /**
     * Reads the text form {@code X/Y} (each half 1 to 8 hexadecimal digits).
     *
     * @param text the text
     * @return the position
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static PgLsn parse(CharSequence text) {
        String s = text.toString();
        int slash = s.indexOf('/');
        if (slash < 1 || slash > 8 || s.length() - slash - 1 < 1 || s.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("a pg_lsn is written as two hexadecimal numbers, X/Y");
        }
        try {
            long hi = Long.parseLong(s, 0, slash, 16);
            long lo = Long.parseLong(s, slash + 1, s.length(), 16);
            if (s.charAt(0) == '+' || s.charAt(slash + 1) == '+' || hi < 0 || lo < 0) {
                throw new NumberFormatException();
            }
            return new PgLsn(hi << 32 | lo);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a pg_lsn is written as two hexadecimal numbers, X/Y");
        }
    }

    /** Compares as unsigned numbers, as the server does. */
    @Override
    public int compareTo(PgLsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** The text form, {@code X/Y} in upper-case hexadecimal. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(value & 0xFFFF_FFFFL).toUpperCase(java.util.Locale.ROOT);
    }
}
