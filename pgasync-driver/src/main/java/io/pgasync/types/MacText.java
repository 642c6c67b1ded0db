package io.pgasync.types;

/** Reading and writing the text forms of {@link PgMacAddr} and {@link PgMacAddr8}. */
final class MacText {

    private MacText() {}

    /** Hex digits with optional separators; {@code size} bytes, or 6 or 8 when {@code size} is -1. */
    static byte[] parse(CharSequence text, int size, String typeName) {
        byte[] bytes = new byte[8];
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int v = Character.digit(c, 16);
            if (v < 0 || c > 'f') {
                if ((c == ':' || c == '-' || c == '.') && i > 0 && i < text.length() - 1) {
                    continue;
                }
                throw new IllegalArgumentException("not a " + typeName + " value: unexpected '" + c + "'");
            }
            if (digits == 16) {
                throw new IllegalArgumentException("not a " + typeName + " value: too many digits");
            }
            bytes[digits >> 1] |= (byte) (v << ((digits & 1) == 0 ? 4 : 0));
            digits++;
        }
        int n = digits / 2;
        boolean ok = digits % 2 == 0 && (size == -1 ? n == 6 || n == 8 : n == size);
        if (!ok) {
            throw new IllegalArgumentException("not a " + typeName + " value: " + digits + " hexadecimal digits");
        }
        return n == 8 ? bytes : java.util.Arrays.copyOf(bytes, n);
    }

    static String format(byte[] bytes) {
        char[] chars = new char[bytes.length * 3 - 1];
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                chars[3 * i - 1] = ':';
            }
            chars[3 * i] = Character.forDigit((bytes[i] >> 4) & 0xF, 16);
            chars[3 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(chars);
    }
}
