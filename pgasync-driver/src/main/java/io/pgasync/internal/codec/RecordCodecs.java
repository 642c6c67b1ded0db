package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import io.pgasync.types.PgRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Codecs for composite values ↔ {@link PgRecord}: named composite types (built from the attributes found by
 * introspection, nested composites and NULL fields included) and anonymous records ({@code record}, e.g.
 * {@code SELECT ROW(1, 'a')}).
 *
 * <p>Binary form ({@code record_send}): int32 field count, then per field int32 type OID, int32 length (-1 for
 * NULL) and the field's binary value. Text form: {@code (1,"a b",)} where an empty unquoted field is NULL and
 * quotes and backslashes inside quotes are doubled.
 *
 * <p>Anonymous records decode each field with the codec of the OID it carries; in text, where no OIDs are
 * sent, every field is a {@code String}. PostgreSQL cannot read an anonymous record parameter: cast it to a named
 * composite type.
 */
final class RecordCodecs {

    private RecordCodecs() {}

    static final CompositeCodec RECORD = new CompositeCodec(PgOids.RECORD, "record", null, null, null);

    /** A named composite type, or (with null attributes) the anonymous {@code record}. */
    static final class CompositeCodec extends BaseCodec<PgRecord> implements FormatChooser {
        private final String[] names;
        private final int[] oids;
        private final Codec<?>[] codecs;

        /**
         * @param names attribute names, or null for {@code record}
         * @param oids attribute type OIDs
         * @param codecs attribute codecs
         */
        CompositeCodec(int oid, String typeName, String[] names, int[] oids, Codec<?>[] codecs) {
            super(oid, typeName, PgRecord.class);
            this.names = names;
            this.oids = oids;
            this.codecs = codecs;
        }

        boolean anonymous() {
            return names == null;
        }

        @Override
        public boolean supportsBinary() {
            if (codecs == null) {
                return true;
            }
            for (Codec<?> c : codecs) {
                if (!c.supportsBinary()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgRecord.class || List.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                    || (type.isArray() && !type.getComponentType().isPrimitive());
        }

        @Override
        public Format formatFor(Object value) {
            if (names == null) {
                return Format.BINARY; // refused when encoded
            }
            Object[] fields = fields(value);
            for (int i = 0; i < fields.length; i++) {
                if (FormatChooser.needsText(codecs[i], fields[i])) {
                    return Format.TEXT;
                }
            }
            return Format.BINARY;
        }

        /** The field values of a parameter, by position (or by name for a map), checked against the type. */
        private Object[] fields(Object value) {
            if (names == null) {
                throw new IllegalArgumentException("PostgreSQL cannot read an anonymous record parameter; cast the"
                        + " parameter to a named composite type (for example $1::my_type)");
            }
            Object[] fields;
            if (value instanceof PgRecord r) {
                fields = r.values().toArray();
            } else if (value instanceof List<?> list) {
                fields = list.toArray();
            } else if (value instanceof Object[] array) {
                fields = array;
            } else if (value instanceof Map<?, ?> map) {
                fields = new Object[names.length];
                int found = 0;
                for (int i = 0; i < names.length; i++) {
                    if (map.containsKey(names[i])) {
                        fields[i] = map.get(names[i]);
                        found++;
                    }
                }
                if (found != map.size()) {
                    List<Object> unknown = new ArrayList<>(map.keySet());
                    unknown.removeAll(List.of(names));
                    throw new IllegalArgumentException("the composite type " + typeName() + " has no attribute named "
                            + unknown + "; its attributes are " + List.of(names));
                }
                return fields;
            } else {
                throw CodecSupport.cannotEncode(value, typeName());
            }
            if (fields.length != names.length) {
                throw new IllegalArgumentException("the composite type " + typeName() + " has " + names.length
                        + " attributes " + List.of(names) + ", the value " + fields.length);
            }
            for (int i = 0; i < fields.length; i++) {
                if (fields[i] != null && !codecs[i].canEncode(fields[i].getClass())) {
                    throw new IllegalArgumentException("attribute " + names[i] + " of " + typeName() + " is "
                            + codecs[i].typeName() + " and cannot take a " + fields[i].getClass().getName());
                }
            }
            return fields;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            Object[] fields = fields(value);
            out.writeInt(fields.length);
            for (int i = 0; i < fields.length; i++) {
                out.writeInt(oids[i]);
                if (fields[i] == null) {
                    out.writeInt(-1);
                    continue;
                }
                int lengthAt = out.writerIndex();
                out.writeInt(0);
                codecs[i].encode(fields[i], Format.BINARY, out, context);
                out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
            }
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            Object[] fields = fields(value);
            out.writeByte('(');
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                if (fields[i] != null) {
                    CompositeText.writeItem(out, codecs[i], fields[i], context, "(),", false, true);
                }
            }
            out.writeByte(')');
        }

        private IllegalArgumentException outdated(int length, String what) {
            return CodecSupport.invalidBinary(typeName(), length, what + ": the type changed after this connection"
                    + " looked it up; call reloadSchemaState() after ALTER TYPE");
        }

        @Override
        PgRecord decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length < 4) {
                throw CodecSupport.invalidBinary(typeName(), length, "no field count");
            }
            int count = in.getInt(index);
            if (count < 0 || count > (length - 4) / 8) { // every field takes a type OID and a length
                throw CodecSupport.invalidBinary(typeName(), length, "announces " + count + " fields");
            }
            if (names != null && count != names.length) {
                throw outdated(length, count + " fields where " + names.length + " attributes are known");
            }
            Object[] values = new Object[count];
            int at = index + 4;
            int end = index + length;
            int origin = in.readerIndex();
            for (int i = 0; i < count; i++) {
                if (end - at < 8) {
                    throw CodecSupport.invalidBinary(typeName(), length, "truncated field");
                }
                int fieldOid = in.getInt(at);
                int size = in.getInt(at + 4);
                at += 8;
                if (size == -1) {
                    continue;
                }
                if (size < 0 || size > end - at) {
                    throw CodecSupport.invalidBinary(typeName(), length, "field length " + size + " beyond the value");
                }
                Codec<?> codec = fieldCodec(i, fieldOid, context, length);
                in.readerIndex(at);
                try {
                    values[i] = codec.decode(in, size, Format.BINARY, context);
                } finally {
                    in.readerIndex(origin);
                }
                at += size;
            }
            if (at != end) {
                throw CodecSupport.invalidBinary(typeName(), length, "bytes after the last field");
            }
            return PgRecord.wrap(names, values);
        }

        private Codec<?> fieldCodec(int i, int fieldOid, CodecContext context, int length) {
            if (oids != null && oids[i] == fieldOid) {
                return codecs[i];
            }
            Codec<?> codec = context.codecFor(fieldOid);
            if (!codec.supportsBinary()) {
                if (oids != null) {
                    throw outdated(length, "field " + (i + 1) + " has type OID " + Integer.toUnsignedString(fieldOid));
                }
                throw CodecSupport.invalidBinary(typeName(), length, "field " + (i + 1) + " has type OID "
                        + Integer.toUnsignedString(fieldOid) + ", which this connection has no binary codec for;"
                        + " cast the field to a known type (for example ::text) or select a named composite type");
            }
            return codec;
        }

        @Override
        PgRecord decodeText(ByteBuf in, int index, int length, CodecContext context) {
            CompositeText text = new CompositeText(in, index, length, typeName());
            text.skipSpaces();
            text.expect('(');
            List<Object> values = new ArrayList<>(names == null ? 4 : names.length);
            boolean noFields = text.peekIs(')') && (names == null || names.length == 0);
            if (noFields) {
                text.pos++;
            }
            while (!noFields) {
                text.readItem(",)", false, true);
                int i = values.size();
                if (names != null && i >= names.length) {
                    throw CodecSupport.invalidText(typeName(), length, "more fields than the type's "
                            + names.length + " attributes; call reloadSchemaState() after ALTER TYPE");
                }
                if (text.itemEmptyUnquoted()) {
                    values.add(null);
                } else if (codecs == null) {
                    values.add(text.itemString());
                } else {
                    values.add(text.decodeItem(codecs[i], context));
                }
                if (text.peekIs(',')) {
                    text.pos++;
                } else {
                    text.expect(')');
                    break;
                }
            }
            text.expectEnd();
            if (names != null && values.size() != names.length) {
                throw CodecSupport.invalidText(typeName(), length, values.size() + " fields where " + names.length
                        + " attributes are known; call reloadSchemaState() after ALTER TYPE");
            }
            return PgRecord.wrap(names, values.toArray());
        }
    }
}
