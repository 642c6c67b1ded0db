package io.pgasync.types;

import java.util.Arrays;

/**
 * A PostgreSQL {@code macaddr}: a 6-byte MAC address, written {@code 08:00:2b:01:02:03}.
 *
 * <p>Instances are immutable.
 */
public final class PgMacAddr {

    private final byte[] bytes;

    private PgMacAddr(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * An address from its 6 bytes (copied).
     *
     * @param bytes the bytes
     * @return the address
     * @throws IllegalArgumentException when there are not exactly 6
     */
    public static PgMacAddr of(byte[] bytes) {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a macaddr has 6 bytes, not " + bytes.length);
        }
        return new PgMacAddr(bytes.clone());
    }

    /**
     * Reads 12 hexadecimal digits, optionally separated by {@code :}, {@code -} or {@code .}
     * ({@code 08:00:2b:01:02:03}, {@code 08-00-2b-01-02-03}, {@code 0800.2b01.0203}).
     *
     * @param text the text
     * @return the address
     * @throws IllegalArgumentException when the text is not a MAC address
     */
    public static PgMacAddr parse(CharSequence text) {
        return new PgMacAddr(MacText.parse(text, 6, "macaddr"));
    }

    /**
     * The bytes.
     *
     * @return a copy of the 6 bytes
     */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgMacAddr m && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The text form, {@code 08:00:2b:01:02:03}. */
    @Override
    public String toString() {
        return MacText.format(bytes);
    }
}
