package io.pgasync.types;

import java.util.Arrays;

/**
 * A PostgreSQL {@code macaddr8}: an 8-byte (EUI-64) MAC address, written {@code 08:00:2b:01:02:03:04:05}.
 *
 * <p>Instances are immutable.
 */
public final class PgMacAddr8 {

    private final byte[] bytes;

    private PgMacAddr8(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * An address from its 8 bytes (copied), or from 6 bytes, which PostgreSQL widens by inserting
     * {@code ff:fe} in the middle.
     *
     * @param bytes the bytes
     * @return the address
     * @throws IllegalArgumentException when there are not 6 or 8
     */
    public static PgMacAddr8 of(byte[] bytes) {
        if (bytes.length == 6) {
            return new PgMacAddr8(new byte[] {bytes[0], bytes[1], bytes[2], (byte) 0xFF, (byte) 0xFE, bytes[3],
                bytes[4], bytes[5]});
        }
        if (bytes.length != 8) {
            throw new IllegalArgumentException("a macaddr8 has 8 bytes, not " + bytes.length);
        }
        return new PgMacAddr8(bytes.clone());
    }

    /**
     * Reads 16 (or 12, widened as {@link #of(byte[])} does) hexadecimal digits, optionally separated by
     * {@code :}, {@code -} or {@code .}.
     *
     * @param text the text
     * @return the address
     * @throws IllegalArgumentException when the text is not a MAC address
     */
    public static PgMacAddr8 parse(CharSequence text) {
        byte[] bytes = MacText.parse(text, -1, "macaddr8");
        return bytes.length == 8 ? new PgMacAddr8(bytes) : of(bytes);
    }

    /**
     * The bytes.
     *
     * @return a copy of the 8 bytes
     */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgMacAddr8 m && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The text form, {@code 08:00:2b:01:02:03:04:05}. */
    @Override
    public String toString() {
        return MacText.format(bytes);
    }
}
