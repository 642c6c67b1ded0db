package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.CodecContext;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Codecs for {@code bool}, {@code bytea}, {@code uuid} and {@code void}.
 */
final class MiscCodecs {

    private MiscCodecs() {}

    static final BoolCodec BOOL = new BoolCodec();
    static final ByteaCodec BYTEA = new ByteaCodec();
    static final UuidCodec UUID_CODEC = new UuidCodec();
    static final VoidCodec VOID = new VoidCodec();

    /** {@code bool} ↔ {@link Boolean}. Binary: one byte, 0 or 1. Text: {@code t} or {@code f}. */
    static final class BoolCodec extends BaseCodec<Boolean> {
        BoolCodec() {
            super(PgOids.BOOL, "bool", Boolean.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == Boolean.class;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeByte(toBoolean(value) ? 1 : 0);
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeByte(toBoolean(value) ? 't' : 'f');
        }

        private static boolean toBoolean(Object value) {
            if (value instanceof Boolean) {
                return (Boolean) value;
            }
            throw CodecSupport.cannotEncode(value, "bool");
        }

        @Override
        Boolean decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("bool", length, 1);
            byte b = in.getByte(index);
            if (b == 1) {
                return Boolean.TRUE;
            }
            if (b == 0) {
                return Boolean.FALSE;
            }
            throw CodecSupport.invalidBinary("bool", length, "byte " + b + " is neither 0 nor 1");
        }

        @Override
        Boolean decodeText(ByteBuf in, int index, int length, CodecContext context) {
            if (length == 1) {
                byte b = in.getByte(index);
                if (b == 't') {
                    return Boolean.TRUE;
                }
                if (b == 'f') {
                    return Boolean.FALSE;
                }
            }
            throw CodecSupport.invalidText("bool", length, "expected t or f");
        }
    }

    /**
     * {@code bytea} ↔ {@code byte[]}. Encodes {@code byte[]} and {@link ByteBuffer} (its remaining bytes, without
     * moving its position). The text form is written as {@code \x} and hex digits; when decoding, the legacy
     * escape form ({@code bytea_output = escape}: {@code \\} for a backslash, {@code \ooo} for other bytes) is
     * read too.
     */
    static final class ByteaCodec extends BaseCodec<byte[]> {
        ByteaCodec() {
            super(PgOids.BYTEA, "bytea", byte[].class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == byte[].class || ByteBuffer.class.isAssignableFrom(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            if (value instanceof byte[]) {
                out.writeBytes((byte[]) value);
            } else if (value instanceof ByteBuffer) {
                out.writeBytes(((ByteBuffer) value).duplicate());
            } else {
                throw CodecSupport.cannotEncode(value, "bytea");
            }
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeByte('\\');
            out.writeByte('x');
            if (value instanceof byte[]) {
                byte[] bytes = (byte[]) value;
                out.ensureWritable(2 * bytes.length);
                for (byte b : bytes) {
                    CodecSupport.writeHexByte(out, b);
                }
            } else if (value instanceof ByteBuffer) {
                ByteBuffer buffer = (ByteBuffer) value;
                out.ensureWritable(2 * buffer.remaining());
                for (int i = buffer.position(); i < buffer.limit(); i++) {
                    CodecSupport.writeHexByte(out, buffer.get(i));
                }
            } else {
                throw CodecSupport.cannotEncode(value, "bytea");
            }
        }

        @Override
        byte[] decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            byte[] bytes = new byte[length];
            in.getBytes(index, bytes);
            return bytes;
        }

        @Override
        byte[] decodeText(ByteBuf in, int index, int length, CodecContext context) {
            if (length >= 2 && in.getByte(index) == '\\' && in.getByte(index + 1) == 'x') {
                return decodeHex(in, index + 2, length - 2, length);
            }
            return decodeEscape(in, index, length);
        }

        private static byte[] decodeHex(ByteBuf in, int from, int hexLength, int length) {
            if (hexLength % 2 != 0) {
                throw CodecSupport.invalidText("bytea", length, "odd number of hex digits");
            }
            byte[] bytes = new byte[hexLength / 2];
            for (int i = 0; i < bytes.length; i++) {
                int hi = CodecSupport.hexValue(in.getByte(from + 2 * i));
                int lo = CodecSupport.hexValue(in.getByte(from + 2 * i + 1));
                if (hi < 0 || lo < 0) {
                    throw CodecSupport.invalidText("bytea", length, "invalid hex digit");
                }
                bytes[i] = (byte) (hi << 4 | lo);
            }
            return bytes;
        }

        /** The escape format: two passes, one to validate and count, one to fill. */
        private static byte[] decodeEscape(ByteBuf in, int index, int length) {
            int end = index + length;
            int count = 0;
            for (int i = index; i < end; count++) {
                i += escapeWidth(in, i, end, length);
            }
            byte[] bytes = new byte[count];
            int n = 0;
            for (int i = index; i < end; n++) {
                int width = escapeWidth(in, i, end, length);
                if (width == 1) {
                    bytes[n] = in.getByte(i);
                } else if (width == 2) {
                    bytes[n] = '\\';
                } else {
                    bytes[n] = (byte) ((in.getByte(i + 1) - '0') * 64 + (in.getByte(i + 2) - '0') * 8
                            + (in.getByte(i + 3) - '0'));
                }
                i += width;
            }
            return bytes;
        }

        /** How many input bytes the next output byte takes: 1 (literal), 2 ({@code \\}) or 4 ({@code \ooo}). */
        private static int escapeWidth(ByteBuf in, int i, int end, int length) {
            if (in.getByte(i) != '\\') {
                return 1;
            }
            if (i + 1 < end && in.getByte(i + 1) == '\\') {
                return 2;
            }
            if (i + 3 < end) {
                byte a = in.getByte(i + 1);
                byte b = in.getByte(i + 2);
                byte c = in.getByte(i + 3);
                if (a >= '0' && a <= '3' && b >= '0' && b <= '7' && c >= '0' && c <= '7') {
                    return 4;
                }
            }
            throw CodecSupport.invalidText("bytea", length, "invalid escape sequence");
        }
    }

    /** {@code uuid} ↔ {@link UUID}. Binary: 16 bytes, most significant first. Text: 8-4-4-4-12 hex digits. */
    static final class UuidCodec extends BaseCodec<UUID> {
        private static final int TEXT_LENGTH = 36;

        UuidCodec() {
            super(PgOids.UUID, "uuid", UUID.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == UUID.class;
        }

        private static UUID toUuid(Object value) {
            if (value instanceof UUID) {
                return (UUID) value;
            }
            throw CodecSupport.cannotEncode(value, "uuid");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            UUID uuid = toUuid(value);
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            UUID uuid = toUuid(value);
            out.ensureWritable(TEXT_LENGTH);
            writeHex(out, uuid.getMostSignificantBits() >>> 32, 4);
            out.writeByte('-');
            writeHex(out, uuid.getMostSignificantBits() >>> 16, 2);
            out.writeByte('-');
            writeHex(out, uuid.getMostSignificantBits(), 2);
            out.writeByte('-');
            writeHex(out, uuid.getLeastSignificantBits() >>> 48, 2);
            out.writeByte('-');
            writeHex(out, uuid.getLeastSignificantBits(), 6);
        }

        /** Writes the low {@code bytes} bytes of {@code bits} as hex, most significant first. */
        private static void writeHex(ByteBuf out, long bits, int bytes) {
            for (int i = bytes - 1; i >= 0; i--) {
                CodecSupport.writeHexByte(out, (int) (bits >>> (8 * i)));
            }
        }

        @Override
        UUID decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("uuid", length, 16);
            return new UUID(in.getLong(index), in.getLong(index + 8));
        }

        @Override
        UUID decodeText(ByteBuf in, int index, int length, CodecContext context) {
            if (length != TEXT_LENGTH) {
                throw CodecSupport.invalidText("uuid", length, "expected 36 characters");
            }
            long msb = 0;
            long lsb = 0;
            int nibbles = 0;
            for (int i = 0; i < TEXT_LENGTH; i++) {
                int c = in.getByte(index + i);
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    if (c != '-') {
                        throw CodecSupport.invalidText("uuid", length, "expected '-' at " + i);
                    }
                    continue;
                }
                int v = CodecSupport.hexValue(c);
                if (v < 0) {
                    throw CodecSupport.invalidText("uuid", length, "invalid hex digit");
                }
                if (nibbles < 16) {
                    msb = msb << 4 | v;
                } else {
                    lsb = lsb << 4 | v;
                }
                nibbles++;
            }
            return new UUID(msb, lsb);
        }
    }

    /**
     * {@code void}, the result type of functions that return nothing: every value decodes to {@code null}.
     * As a parameter it takes only a string (sent in text).
     */
    static final class VoidCodec extends BaseCodec<Void> {
        VoidCodec() {
            super(PgOids.VOID, "void", Void.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return false;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            throw CodecSupport.cannotEncode(value, "void");
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            throw CodecSupport.cannotEncode(value, "void");
        }

        @Override
        Void decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            return null;
        }

        @Override
        Void decodeText(ByteBuf in, int index, int length, CodecContext context) {
            return null;
        }
    }
}
