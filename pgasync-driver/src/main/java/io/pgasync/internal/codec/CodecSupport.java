package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ByteProcessor;
import io.netty.util.concurrent.FastThreadLocal;
import io.pgasync.codec.Format;
import java.nio.charset.StandardCharsets;

/**
 * Static helpers shared by the built-in codecs: strict UTF-8 decoding and encoding, ASCII numbers read from and
 * written to buffers without intermediate strings, and the wording of codec errors.
 *
 * <p>All reads use absolute indexes: nothing here moves a reader or writer index except the {@code write...}
 * methods, which append.
 */
final class CodecSupport {

    private CodecSupport() {}

    /** Stops at the first byte with the high bit set. */
    private static final ByteProcessor FIND_NON_ASCII = value -> value >= 0;

    private static final byte[] HEX = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
    };

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    // ---------------------------------------------------------------------------------------------------------
    // Errors

    static IllegalArgumentException badLength(String typeName, int length, int expected) {
        return new IllegalArgumentException("invalid binary " + typeName + " value: length " + length
                + ", expected " + expected);
    }

    static void checkLength(String typeName, int length, int expected) {
        if (length != expected) {
            throw badLength(typeName, length, expected);
        }
    }

    /**
     * An invalid value received from the server. The value itself is not quoted: it may be personal data.
     */
    static IllegalArgumentException invalid(String typeName, Format format, int length, String reason) {
        return new IllegalArgumentException("invalid " + (format == Format.BINARY ? "binary " : "text ") + typeName
                + " value (length " + length + "): " + reason);
    }

    static IllegalArgumentException invalidText(String typeName, int length, String reason) {
        return invalid(typeName, Format.TEXT, length, reason);
    }

    static IllegalArgumentException invalidBinary(String typeName, int length, String reason) {
        return invalid(typeName, Format.BINARY, length, reason);
    }

    /** A parameter value that does not fit its type; numbers and dates are the caller's own values, so quoted. */
    static IllegalArgumentException outOfRange(Object value, String typeName) {
        return new IllegalArgumentException("value " + value + " is out of range for " + typeName);
    }

    static IllegalArgumentException cannotEncode(Object value, String typeName) {
        return new IllegalArgumentException("cannot encode a " + value.getClass().getName() + " as " + typeName);
    }

    // ---------------------------------------------------------------------------------------------------------
    // UTF-8

    /**
     * Decodes {@code length} bytes of strict UTF-8: malformed, overlong, surrogate-encoding and truncated sequences
     * are rejected (reliability #28), never replaced.
     */
    static String decodeUtf8(ByteBuf in, int index, int length, String typeName, Format format) {
        if (length == 0) {
            return "";
        }
        // one copy: the String's own. A heap buffer lends its array; a direct one is copied into a per-thread scratch
        // array first (Netty's toString(charset) allocates that copy off its own threads, and compares charsets)
        byte[] bytes;
        int offset;
        if (in.hasArray()) {
            bytes = in.array();
            offset = in.arrayOffset() + index;
        } else {
            bytes = length <= SCRATCH_SIZE ? SCRATCH.get() : new byte[length];
            offset = 0;
            in.getBytes(index, bytes, 0, length);
        }
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1); // ASCII: the compact form at once
        }
        int bad = findInvalidUtf8(in, index + (i - offset), index + length);
        if (bad >= 0) {
            throw invalid(typeName, format, length, "malformed UTF-8 at byte " + (bad - index));
        }
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    private static final int SCRATCH_SIZE = 4096;

    /** Per-thread scratch for {@link #decodeUtf8}; decoding never re-enters itself, so one array per thread. */
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SCRATCH_SIZE];
        }
    };

    /**
     * The index of the first byte of an invalid UTF-8 sequence in {@code [from, end)}, or -1 when all is valid.
     * The ranges follow RFC 3629's syntax (table 3-7 of the Unicode standard).
     */
    static int findInvalidUtf8(ByteBuf in, int from, int end) {
        int i = from;
        while (i < end) {
            int b = in.getByte(i) & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int needed;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b == 0xE0) {
                needed = 2;
                lo = 0xA0;
            } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
                needed = 2;
            } else if (b == 0xED) {
                needed = 2;
                hi = 0x9F;
            } else if (b == 0xF0) {
                needed = 3;
                lo = 0x90;
            } else if (b >= 0xF1 && b <= 0xF3) {
                needed = 3;
            } else if (b == 0xF4) {
                needed = 3;
                hi = 0x8F;
            } else {
                return i;
            }
            if (i + needed >= end) {
                return i; // truncated: not enough bytes left for the sequence
            }
            int second = in.getByte(i + 1) & 0xFF;
            if (second < lo || second > hi) {
                return i;
            }
            for (int k = 2; k <= needed; k++) {
                int next = in.getByte(i + k) & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += needed + 1;
        }
        return -1;
    }

    /**
     * Appends a string as UTF-8. An unpaired surrogate cannot be encoded and is rejected (Netty's encoder would
     * silently write '?').
     */
    static void writeUtf8(ByteBuf out, String value) {
        checkSurrogates(value);
        ByteBufUtil.writeUtf8(out, value);
    }

    static void checkSurrogates(CharSequence value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException("the string has an unpaired surrogate at index " + i
                            + " and cannot be encoded as UTF-8");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ASCII text

    /** The bytes as a string when all are ASCII, for text forms whose grammar is ASCII (numbers, dates). */
    static String ascii(ByteBuf in, int index, int length, String typeName) {
        if (in.forEachByte(index, length, FIND_NON_ASCII) >= 0) {
            throw invalidText(typeName, length, "non-ASCII byte");
        }
        return in.toString(index, length, StandardCharsets.US_ASCII);
    }

    /** Whether the bytes equal the ASCII string {@code expected} exactly. */
    static boolean asciiEquals(ByteBuf in, int index, int length, String expected) {
        if (length != expected.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (in.getByte(index + i) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an optionally signed decimal integer that fills the whole range; overflow of {@code long} is an
     * error. The caller checks the type's own range.
     */
    static long parseLong(ByteBuf in, int index, int length, String typeName) {
        if (length == 0) {
            throw invalidText(typeName, length, "empty");
        }
        int i = index;
        int end = index + length;
        byte first = in.getByte(i);
        boolean negative = first == '-';
        if (negative || first == '+') {
            i++;
            if (i == end) {
                throw invalidText(typeName, length, "no digits");
            }
        }
        // Accumulate negatively so that Long.MIN_VALUE parses.
        long result = 0;
        for (; i < end; i++) {
            int d = in.getByte(i) - '0';
            if (d < 0 || d > 9) {
                throw invalidText(typeName, length, "not a decimal integer");
            }
            if (result < (Long.MIN_VALUE + d) / 10) {
                throw invalidText(typeName, length, "out of range");
            }
            result = result * 10 - d;
        }
        if (negative) {
            return result;
        }
        if (result == Long.MIN_VALUE) {
            throw invalidText(typeName, length, "out of range");
        }
        return -result;
    }

    /** Appends a long in decimal ASCII without creating a string. */
    static void writeLong(ByteBuf out, long value) {
        if (value == Long.MIN_VALUE) {
            out.writeCharSequence("-9223372036854775808", StandardCharsets.US_ASCII);
            return;
        }
        if (value < 0) {
            out.writeByte('-');
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int at = out.writerIndex();
        out.ensureWritable(digits);
        for (int p = at + digits - 1; p >= at; p--) {
            out.setByte(p, (int) ('0' + value % 10));
            value /= 10;
        }
        out.writerIndex(at + digits);
    }

    /** Appends a non-negative number zero-padded to at least {@code width} digits. */
    static void writePadded(ByteBuf out, long value, int width) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            out.writeByte('0');
        }
        writeLong(out, value);
    }

    /**
     * Appends {@code .ffffff} for a fraction of a second in microseconds, without trailing zeros, or nothing when
     * the fraction is zero (PostgreSQL's output).
     */
    static void writeMicrosFraction(ByteBuf out, int micros) {
        if (micros == 0) {
            return;
        }
        int digits = 6;
        while (micros % 10 == 0) {
            micros /= 10;
            digits--;
        }
        out.writeByte('.');
        writePadded(out, micros, digits);
    }

    static void writeHexByte(ByteBuf out, int b) {
        out.writeByte(HEX[(b >>> 4) & 0xF]);
        out.writeByte(HEX[b & 0xF]);
    }

    /** The value of an ASCII hex digit, or -1. */
    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static long powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }
}
