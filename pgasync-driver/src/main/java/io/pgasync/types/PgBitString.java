package io.pgasync.types;

import java.util.Arrays;

/**
 * A PostgreSQL bit string, the value of {@code bit(n)} and {@code bit varying(n)}: a sequence of bits written
 * {@code 0101}. Bit 0 is the leftmost, the most significant bit of the first byte.
 *
 * <p>Instances are immutable.
 */
public final class PgBitString {

    private static final PgBitString EMPTY = new PgBitString(new byte[0], 0);

    private final byte[] bytes;
    private final int length;

    private PgBitString(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    /**
     * Reads a string of {@code 0} and {@code 1} characters.
     *
     * @param bits the bits, leftmost first
     * @return the bit string
     * @throws IllegalArgumentException when a character is neither 0 nor 1
     */
    public static PgBitString parse(CharSequence bits) {
        int n = bits.length();
        byte[] bytes = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            char c = bits.charAt(i);
            if (c == '1') {
                bytes[i >> 3] |= (byte) (0x80 >>> (i & 7));
            } else if (c != '0') {
                throw new IllegalArgumentException("a bit string holds only 0 and 1, not '" + c + "' at " + i);
            }
        }
        return new PgBitString(bytes, n);
    }

    /**
     * The first {@code length} bits of a byte array (copied), most significant bit of each byte first.
     *
     * @param bytes the bytes, at least {@code (length + 7) / 8} of them
     * @param length the number of bits
     * @return the bit string
     * @throws IllegalArgumentException when there are too few bytes or the length is negative
     */
    public static PgBitString of(byte[] bytes, int length) {
        if (length < 0 || (length + 7L) / 8 > bytes.length) {
            throw new IllegalArgumentException(length + " bits do not fit in " + bytes.length + " bytes");
        }
        if (length == 0) {
            return EMPTY;
        }
        byte[] copy = Arrays.copyOf(bytes, (length + 7) / 8);
        int rest = length & 7;
        if (rest != 0) {
            copy[copy.length - 1] &= (byte) (0xFF << (8 - rest));
        }
        return new PgBitString(copy, length);
    }

    /**
     * The number of bits.
     *
     * @return the length in bits
     */
    public int length() {
        return length;
    }

    /**
     * One bit.
     *
     * @param index from 0 (leftmost) to {@code length() - 1}
     * @return true for 1
     * @throws IndexOutOfBoundsException when the index is out of range
     */
    public boolean get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("bit " + index + " of a " + length + "-bit string");
        }
        return (bytes[index >> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /**
     * The bits packed in bytes, leftmost bit first; unused bits of the last byte are 0.
     *
     * @return a copy of the bytes
     */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgBitString b && b.length == length && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(bytes);
    }

    /** The bits as {@code 0} and {@code 1} characters, PostgreSQL's text form. */
    @Override
    public String toString() {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = get(i) ? '1' : '0';
        }
        return new String(chars);
    }
}
