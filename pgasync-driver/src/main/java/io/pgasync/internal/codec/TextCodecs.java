package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Codecs for PostgreSQL's character types and other types whose values are text, all decoding to {@link String}:
 * {@code text}, {@code varchar}, {@code bpchar}, {@code name}, {@code unknown}, {@code "char"}, {@code json},
 * {@code jsonb}, {@code jsonpath}, {@code xml}, {@code refcursor}, {@code citext} (an extension type, bound by
 * name), and the text-only {@code tsvector}, {@code tsquery} and {@code aclitem}; plus the text fallback used for
 * types that have no codec.
 *
 * <p>Text is UTF-8 (the driver pins {@code client_encoding}); decoding is strict: malformed UTF-8 is an
 * {@link IllegalArgumentException}, never replaced. Encoding rejects strings with unpaired surrogates.
 */
final class TextCodecs {

    private TextCodecs() {}

    static final StringCodec TEXT = new StringCodec(PgOids.TEXT, "text", true);
    static final StringCodec VARCHAR = new StringCodec(PgOids.VARCHAR, "varchar", true);
    static final StringCodec BPCHAR = new StringCodec(PgOids.BPCHAR, "bpchar", true);
    static final StringCodec NAME = new StringCodec(PgOids.NAME, "name", true);
    static final StringCodec UNKNOWN = new StringCodec(PgOids.UNKNOWN, "unknown", true);
    /** {@code json} as a string; a JSON mapper hook may replace it later. */
    static final StringCodec JSON = new StringCodec(PgOids.JSON, "json", false);
    static final JsonbCodec JSONB = new JsonbCodec(PgOids.JSONB, "jsonb");
    /** {@code jsonpath}: binary is a version byte and the text, like jsonb. */
    static final JsonbCodec JSONPATH = new JsonbCodec(PgOids.JSONPATH, "jsonpath");
    /** {@code xml}: the document text (binary is the text in the client encoding, UTF-8). */
    static final StringCodec XML = new StringCodec(PgOids.XML, "xml", false);
    static final StringCodec REFCURSOR = new StringCodec(PgOids.REFCURSOR, "refcursor", false);
    /** {@code citext}, found by name: its OID is assigned when the extension is created. */
    static final StringCodec CITEXT = new StringCodec(PgOids.UNSPECIFIED, "citext", true);
    static final CharCodec CHAR = new CharCodec();
    static final FallbackCodec FALLBACK = new FallbackCodec(PgOids.UNSPECIFIED, "(type without codec)");
    /** Text search types: their binary forms are internal structures, so they travel as text. */
    static final FallbackCodec TSVECTOR = new FallbackCodec(PgOids.TSVECTOR, "tsvector");
    static final FallbackCodec TSQUERY = new FallbackCodec(PgOids.TSQUERY, "tsquery");
    /** {@code aclitem} has no binary form at all. */
    static final FallbackCodec ACLITEM = new FallbackCodec(PgOids.ACLITEM, "aclitem");

    /**
     * A type whose binary form is its UTF-8 text: both formats are the same bytes. Encodes {@code String} and,
     * for the character types, {@code Character}.
     */
    static final class StringCodec extends BaseCodec<String> {
        private final boolean acceptsCharacter;

        StringCodec(int oid, String typeName, boolean acceptsCharacter) {
            super(oid, typeName, String.class);
            this.acceptsCharacter = acceptsCharacter;
        }

        @Override
        boolean accepts(Class<?> type) {
            return acceptsCharacter && type == Character.class;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            write(value, out);
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            write(value, out);
        }

        private void write(Object value, ByteBuf out) {
            if (value instanceof String) {
                CodecSupport.writeUtf8(out, (String) value);
            } else if (acceptsCharacter && value instanceof Character) {
                CodecSupport.writeUtf8(out, value.toString());
            } else {
                throw CodecSupport.cannotEncode(value, typeName());
            }
        }

        @Override
        String decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            return CodecSupport.decodeUtf8(in, index, length, typeName(), Format.BINARY);
        }

        @Override
        String decodeText(ByteBuf in, int index, int length, CodecContext context) {
            return CodecSupport.decodeUtf8(in, index, length, typeName(), Format.TEXT);
        }
    }

    /**
     * {@code jsonb} (and {@code jsonpath}) as a string. The binary form is a version byte (1) followed by the
     * text.
     */
    static final class JsonbCodec extends BaseCodec<String> {
        static final int VERSION = 1;

        JsonbCodec(int oid, String typeName) {
            super(oid, typeName, String.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return false;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            if (!(value instanceof String)) {
                throw CodecSupport.cannotEncode(value, typeName());
            }
            String json = (String) value;
            CodecSupport.checkSurrogates(json);
            out.writeByte(VERSION);
            ByteBufUtil.writeUtf8(out, json);
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            if (!(value instanceof String)) {
                throw CodecSupport.cannotEncode(value, typeName());
            }
            CodecSupport.writeUtf8(out, (String) value);
        }

        @Override
        String decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length < 1) {
                throw CodecSupport.invalidBinary(typeName(), length, "no version byte");
            }
            int version = in.getByte(index);
            if (version != VERSION) {
                throw CodecSupport.invalidBinary(typeName(), length, "unsupported format version " + version);
            }
            return CodecSupport.decodeUtf8(in, index + 1, length - 1, typeName(), Format.BINARY);
        }

        @Override
        String decodeText(ByteBuf in, int index, int length, CodecContext context) {
            return CodecSupport.decodeUtf8(in, index, length, typeName(), Format.TEXT);
        }
    }

    /**
     * {@code "char"}, PostgreSQL's one-byte internal type, as a {@link String} (not {@code Character}: a byte
     * above 0x7F is no character of its own). The string is what PostgreSQL 15+ prints: empty for byte 0, the
     * ASCII character for 0x01-0x7F, and {@code \ooo} (backslash, three octal digits) for 0x80-0xFF. Both
     * formats decode to the same string; encoding takes those three forms, or an ASCII {@code Character}, and
     * rejects anything else. PostgreSQL 14 neither prints nor reads the {@code \ooo} form in text (it sends the
     * raw byte), so bytes above 0x7F round-trip there in binary only, which is what parameters and results use.
     */
    static final class CharCodec extends BaseCodec<String> {
        CharCodec() {
            super(PgOids.CHAR, "\"char\"", String.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == Character.class;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeByte(toByte(value));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            writeText(out, toByte(value));
        }

        static int toByte(Object value) {
            if (value instanceof Character) {
                char c = (Character) value;
                if (c < 0x80) {
                    return c;
                }
            } else if (value instanceof String) {
                String s = (String) value;
                if (s.isEmpty()) {
                    return 0;
                }
                if (s.length() == 1 && s.charAt(0) < 0x80) {
                    return s.charAt(0);
                }
                if (s.length() == 4 && s.charAt(0) == '\\' && isOctal(s.charAt(1)) && isOctal(s.charAt(2))
                        && isOctal(s.charAt(3))) {
                    int b = (s.charAt(1) - '0') * 64 + (s.charAt(2) - '0') * 8 + (s.charAt(3) - '0');
                    if (b <= 0xFF) {
                        return b;
                    }
                }
            } else {
                throw CodecSupport.cannotEncode(value, "\"char\"");
            }
            throw new IllegalArgumentException("a \"char\" value is one ASCII character, an empty string (byte 0)"
                    + " or \\ooo (an octal byte value up to \\377)");
        }

        private static boolean isOctal(char c) {
            return c >= '0' && c <= '7';
        }

        private static void writeText(ByteBuf out, int b) {
            if (b >= 0x80) {
                out.writeByte('\\');
                out.writeByte('0' + (b >> 6));
                out.writeByte('0' + ((b >> 3) & 7));
                out.writeByte('0' + (b & 7));
            } else if (b != 0) {
                out.writeByte(b);
            }
        }

        @Override
        String decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("\"char\"", length, 1);
            return fromByte(in.getByte(index) & 0xFF);
        }

        static String fromByte(int b) {
            if (b == 0) {
                return "";
            }
            if (b < 0x80) {
                return String.valueOf((char) b);
            }
            char[] chars = {'\\', (char) ('0' + (b >> 6)), (char) ('0' + ((b >> 3) & 7)), (char) ('0' + (b & 7))};
            return new String(chars);
        }

        @Override
        String decodeText(ByteBuf in, int index, int length, CodecContext context) {
            if (length == 0) {
                return "";
            }
            if (length == 1 && in.getByte(index) > 0) {
                return fromByte(in.getByte(index));
            }
            if (length == 4 && in.getByte(index) == '\\') {
                String s = CodecSupport.ascii(in, index, length, "\"char\"");
                return fromByte(toByte(s));
            }
            throw CodecSupport.invalidText("\"char\"", length, "not a single byte");
        }
    }

    /**
     * The codec for types without one, and for types that travel as text only: decodes the text format to
     * {@link String} and encodes, in text, {@code String} and a documented safe set whose {@code toString()} is
     * the PostgreSQL literal: {@link Number} ({@code BigDecimal} as plain digits), {@link Boolean}, {@link UUID}
     * and {@link Enum} (by {@link Enum#name()}, for PostgreSQL enum types). Binary is not supported.
     */
    static final class FallbackCodec extends BaseCodec<String> {
        FallbackCodec(int oid, String typeName) {
            super(oid, typeName, String.class);
        }

        @Override
        public boolean supportsBinary() {
            return false;
        }

        @Override
        boolean accepts(Class<?> type) {
            return Number.class.isAssignableFrom(type) || type == Boolean.class || type == UUID.class
                    || Enum.class.isAssignableFrom(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            throw new IllegalArgumentException("a value for a type without a codec is sent in text format");
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            String text;
            if (value instanceof String) {
                text = (String) value;
            } else if (value instanceof Enum) {
                text = ((Enum<?>) value).name();
            } else if (value instanceof BigDecimal) {
                text = ((BigDecimal) value).toPlainString();
            } else if (value instanceof Number || value instanceof Boolean || value instanceof UUID) {
                text = value.toString();
            } else {
                throw CodecSupport.cannotEncode(value, typeName());
            }
            CodecSupport.writeUtf8(out, text);
        }

        @Override
        String decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            throw new IllegalArgumentException("no binary decoder for this type: its values must be requested in"
                    + " text format");
        }

        @Override
        String decodeText(ByteBuf in, int index, int length, CodecContext context) {
            return CodecSupport.decodeUtf8(in, index, length, typeName(), Format.TEXT);
        }
    }
}
