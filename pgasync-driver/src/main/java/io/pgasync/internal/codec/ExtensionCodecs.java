package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Codecs for types that extensions and users create, whose OIDs differ between databases and are bound when
 * introspection finds the type: {@code hstore} ({@link Map}), PostgreSQL enums ({@link String}, also encoding
 * Java enums by {@link Enum#name()}); {@code citext} is in {@link TextCodecs}.
 */
final class ExtensionCodecs {

    private ExtensionCodecs() {}

    static final HstoreCodec HSTORE = new HstoreCodec(PgOids.UNSPECIFIED);

    /**
     * {@code hstore} ↔ {@code Map<String, String>} (a new {@link LinkedHashMap} per value, in the server's order;
     * values may be null, keys may not). Encodes any {@link Map} whose keys are strings and values strings or
     * null (other values by {@code toString()}).
     *
     * <p>Binary form: int32 pair count, then per pair int32 key length, key, int32 value length (-1 for NULL),
     * value. Text form: {@code "a"=>"1", "b"=>NULL}.
     */
    static final class HstoreCodec extends BaseCodec<Map<?, ?>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static final Class<Map<?, ?>> MAP_CLASS = (Class) Map.class;

        HstoreCodec(int oid) {
            super(oid, "hstore", MAP_CLASS);
        }

        @Override
        boolean accepts(Class<?> type) {
            return Map.class.isAssignableFrom(type);
        }

        private static Map<?, ?> toMap(Object value) {
            if (value instanceof Map<?, ?> map) {
                for (Object key : map.keySet()) {
                    if (!(key instanceof String)) {
                        throw new IllegalArgumentException("hstore keys are strings, not "
                                + (key == null ? "null" : key.getClass().getName()));
                    }
                }
                return map;
            }
            throw CodecSupport.cannotEncode(value, "hstore");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            Map<?, ?> map = toMap(value);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeString(out, (String) e.getKey());
                Object v = e.getValue();
                if (v == null) {
                    out.writeInt(-1);
                } else {
                    writeString(out, v.toString());
                }
            }
        }

        private static void writeString(ByteBuf out, String s) {
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            CodecSupport.writeUtf8(out, s);
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            Map<?, ?> map = toMap(value);
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.writeByte(',').writeByte(' ');
                }
                first = false;
                writeQuoted(out, (String) e.getKey());
                out.writeByte('=').writeByte('>');
                Object v = e.getValue();
                if (v == null) {
                    out.writeCharSequence("NULL", StandardCharsets.US_ASCII);
                } else {
                    writeQuoted(out, v.toString());
                }
            }
        }

        private static void writeQuoted(ByteBuf out, String s) {
            CodecSupport.checkSurrogates(s);
            out.writeByte('"');
            int n = s.length();
            int from = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    io.netty.buffer.ByteBufUtil.writeUtf8(out, s, from, i);
                    out.writeByte('\\');
                    from = i;
                }
            }
            io.netty.buffer.ByteBufUtil.writeUtf8(out, s, from, n);
            out.writeByte('"');
        }

        @Override
        Map<?, ?> decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length < 4) {
                throw CodecSupport.invalidBinary("hstore", length, "no pair count");
            }
            int count = in.getInt(index);
            if (count < 0 || count > (length - 4) / 8) {
                throw CodecSupport.invalidBinary("hstore", length, "announces " + count + " pairs");
            }
            Map<String, String> map = new LinkedHashMap<>(Math.max(4, count * 4 / 3 + 1));
            int at = index + 4;
            int end = index + length;
            for (int i = 0; i < count; i++) {
                if (end - at < 4) {
                    throw CodecSupport.invalidBinary("hstore", length, "truncated pair");
                }
                int keyLength = in.getInt(at);
                at += 4;
                if (keyLength < 0 || keyLength > end - at - 4) {
                    throw CodecSupport.invalidBinary("hstore", length, "invalid key length " + keyLength);
                }
                String key = CodecSupport.decodeUtf8(in, at, keyLength, "hstore", Format.BINARY);
                at += keyLength;
                int valueLength = in.getInt(at);
                at += 4;
                String v = null;
                if (valueLength != -1) {
                    if (valueLength < 0 || valueLength > end - at) {
                        throw CodecSupport.invalidBinary("hstore", length, "invalid value length " + valueLength);
                    }
                    v = CodecSupport.decodeUtf8(in, at, valueLength, "hstore", Format.BINARY);
                    at += valueLength;
                }
                map.put(key, v);
            }
            if (at != end) {
                throw CodecSupport.invalidBinary("hstore", length, "bytes after the last pair");
            }
            return map;
        }

        @Override
        Map<?, ?> decodeText(ByteBuf in, int index, int length, CodecContext context) {
            CompositeText text = new CompositeText(in, index, length, "hstore");
            Map<String, String> map = new LinkedHashMap<>();
            text.skipSpaces();
            while (!text.atEnd()) {
                text.readItem("=,", true, false);
                if (text.itemEmptyUnquoted()) {
                    throw text.error("empty key");
                }
                String key = text.itemString();
                text.expect('=');
                text.expect('>');
                text.readItem(",", true, false);
                String v = text.itemIsNullWord() ? null : text.itemString();
                map.put(key, v);
                text.skipSpaces();
                if (text.peekIs(',')) {
                    text.pos++;
                    text.skipSpaces();
                } else {
                    text.expectEnd();
                }
            }
            return map;
        }
    }

    /**
     * A PostgreSQL enum ↔ {@link String}, the label. Binary and text forms are both the label's UTF-8 bytes.
     * Encodes strings and Java enums (by {@link Enum#name()}).
     */
    static final class EnumCodec extends BaseCodec<String> {
        EnumCodec(int oid, String typeName) {
            super(oid, typeName, String.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return Enum.class.isAssignableFrom(type);
        }

        private String label(Object value) {
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof Enum<?> e) {
                return e.name();
            }
            throw CodecSupport.cannotEncode(value, typeName());
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            CodecSupport.writeUtf8(out, label(value));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            CodecSupport.writeUtf8(out, label(value));
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
}
