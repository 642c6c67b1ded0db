package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import io.pgasync.types.PgMultirange;
import io.pgasync.types.PgRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Codecs for range types ({@link PgRange}) and multirange types ({@link PgMultirange}, PostgreSQL 14+), derived
 * from the codec of the range's subtype: the built-in {@code int4range}, {@code int8range}, {@code numrange},
 * {@code daterange}, {@code tsrange}, {@code tstzrange} and their multiranges, and user-defined ranges found by
 * introspection.
 *
 * <p>Binary range ({@code range_send}): a flags byte (0x01 empty, 0x02 lower inclusive, 0x04 upper inclusive,
 * 0x08 no lower bound, 0x10 no upper bound), then each present bound as int32 length and the subtype's binary
 * value. Binary multirange: int32 range count, then each range as int32 length and its binary form. Text:
 * {@code [1,5)}, {@code (,"2024-01-01 00:00:00"]}, {@code empty}; {@code {[1,3),[5,7)}}.
 */
final class RangeCodecs {

    private RangeCodecs() {}

    static final int EMPTY = 0x01;
    static final int LB_INC = 0x02;
    static final int UB_INC = 0x04;
    static final int LB_INF = 0x08;
    static final int UB_INF = 0x10;
    static final int LB_NULL = 0x20;
    static final int UB_NULL = 0x40;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<PgRange<?>> RANGE_CLASS = (Class) PgRange.class;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<PgMultirange<?>> MULTIRANGE_CLASS = (Class) PgMultirange.class;

    /** A range type over a subtype. */
    static final class RangeCodec extends BaseCodec<PgRange<?>> implements FormatChooser {
        private final Codec<?> subtype;

        RangeCodec(int oid, String typeName, Codec<?> subtype) {
            super(oid, typeName, RANGE_CLASS);
            this.subtype = subtype;
        }

        Codec<?> subtype() {
            return subtype;
        }

        @Override
        public boolean supportsBinary() {
            return subtype.supportsBinary();
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgRange.class;
        }

        @Override
        public Format formatFor(Object value) {
            if (value instanceof PgRange<?> r
                    && (FormatChooser.needsText(subtype, r.lower()) || FormatChooser.needsText(subtype, r.upper()))) {
                return Format.TEXT;
            }
            return Format.BINARY;
        }

        private PgRange<?> toRange(Object value) {
            if (value instanceof PgRange<?> r) {
                checkBound(r.lower());
                checkBound(r.upper());
                return r;
            }
            throw CodecSupport.cannotEncode(value, typeName());
        }

        private void checkBound(Object bound) {
            if (bound != null && !subtype.canEncode(bound.getClass())) {
                throw new IllegalArgumentException("a " + typeName() + " bound cannot be a "
                        + bound.getClass().getName() + " (the subtype is " + subtype.typeName() + ")");
            }
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            PgRange<?> r = toRange(value);
            if (r.isEmpty()) {
                out.writeByte(EMPTY);
                return;
            }
            int flags = (r.lower() == null ? LB_INF : r.isLowerInclusive() ? LB_INC : 0)
                    | (r.upper() == null ? UB_INF : r.isUpperInclusive() ? UB_INC : 0);
            out.writeByte(flags);
            writeBound(out, r.lower(), context);
            writeBound(out, r.upper(), context);
        }

        private void writeBound(ByteBuf out, Object bound, CodecContext context) {
            if (bound == null) {
                return;
            }
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            subtype.encode(bound, Format.BINARY, out, context);
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            PgRange<?> r = toRange(value);
            if (r.isEmpty()) {
                out.writeCharSequence("empty", StandardCharsets.US_ASCII);
                return;
            }
            out.writeByte(r.isLowerInclusive() ? '[' : '(');
            if (r.lower() != null) {
                CompositeText.writeItem(out, subtype, r.lower(), context, "()[],", false, true);
            }
            out.writeByte(',');
            if (r.upper() != null) {
                CompositeText.writeItem(out, subtype, r.upper(), context, "()[],", false, true);
            }
            out.writeByte(r.isUpperInclusive() ? ']' : ')');
        }

        @Override
        PgRange<?> decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length < 1) {
                throw CodecSupport.invalidBinary(typeName(), length, "no flags byte");
            }
            int flags = in.getUnsignedByte(index);
            if ((flags & EMPTY) != 0) {
                if (length != 1) {
                    throw CodecSupport.invalidBinary(typeName(), length, "bytes after an empty range");
                }
                return PgRange.empty();
            }
            int[] cursor = {index + 1};
            int end = index + length;
            Object lower = (flags & (LB_INF | LB_NULL)) == 0 ? readBound(in, cursor, end, context, length) : null;
            Object upper = (flags & (UB_INF | UB_NULL)) == 0 ? readBound(in, cursor, end, context, length) : null;
            if (cursor[0] != end) {
                throw CodecSupport.invalidBinary(typeName(), length, "bytes after the bounds");
            }
            return PgRange.of(lower, (flags & LB_INC) != 0, upper, (flags & UB_INC) != 0);
        }

        private Object readBound(ByteBuf in, int[] cursor, int end, CodecContext context, int length) {
            int at = cursor[0];
            if (end - at < 4) {
                throw CodecSupport.invalidBinary(typeName(), length, "truncated bound");
            }
            int size = in.getInt(at);
            if (size < 0 || size > end - at - 4) {
                throw CodecSupport.invalidBinary(typeName(), length, "bound length " + size + " beyond the value");
            }
            int origin = in.readerIndex();
            in.readerIndex(at + 4);
            try {
                Object bound = subtype.decode(in, size, Format.BINARY, context);
                if (bound == null) {
                    throw CodecSupport.invalidBinary(typeName(), length, "a bound decoded to null");
                }
                return bound;
            } finally {
                in.readerIndex(origin);
                cursor[0] = at + 4 + size;
            }
        }

        @Override
        PgRange<?> decodeText(ByteBuf in, int index, int length, CodecContext context) {
            CompositeText text = new CompositeText(in, index, length, typeName());
            PgRange<?> range = read(text, context);
            text.expectEnd();
            return range;
        }

        /** Reads one range at the cursor (also used inside a multirange). */
        PgRange<?> read(CompositeText text, CodecContext context) {
            text.skipSpaces();
            if (text.consumeWord("empty")) {
                return PgRange.empty();
            }
            boolean lowerInclusive;
            if (text.peekIs('[')) {
                lowerInclusive = true;
            } else if (text.peekIs('(')) {
                lowerInclusive = false;
            } else {
                throw text.error("expected '[', '(' or empty");
            }
            text.pos++;
            text.readItem(",", false, true);
            Object lower = text.itemEmptyUnquoted() ? null : text.decodeItem(subtype, context);
            text.expect(',');
            text.readItem("])", false, true);
            Object upper = text.itemEmptyUnquoted() ? null : text.decodeItem(subtype, context);
            boolean upperInclusive;
            if (text.peekIs(']')) {
                upperInclusive = true;
            } else if (text.peekIs(')')) {
                upperInclusive = false;
            } else {
                throw text.error("expected ']' or ')'");
            }
            text.pos++;
            return PgRange.of(lower, lowerInclusive, upper, upperInclusive);
        }
    }

    /** A multirange type over a range type. */
    static final class MultirangeCodec extends BaseCodec<PgMultirange<?>> implements FormatChooser {
        private final RangeCodec range;

        MultirangeCodec(int oid, String typeName, RangeCodec range) {
            super(oid, typeName, MULTIRANGE_CLASS);
            this.range = range;
        }

        @Override
        public boolean supportsBinary() {
            return range.supportsBinary();
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgMultirange.class || List.class.isAssignableFrom(type);
        }

        private List<?> ranges(Object value) {
            if (value instanceof PgMultirange<?> m) {
                return m.ranges();
            }
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (!(item instanceof PgRange)) {
                        throw new IllegalArgumentException("a " + typeName() + " is a list of PgRange, not of "
                                + (item == null ? "null" : item.getClass().getName()));
                    }
                }
                return list;
            }
            throw CodecSupport.cannotEncode(value, typeName());
        }

        @Override
        public Format formatFor(Object value) {
            for (Object r : ranges(value)) {
                if (range.formatFor(r) == Format.TEXT) {
                    return Format.TEXT;
                }
            }
            return Format.BINARY;
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            List<?> ranges = ranges(value);
            out.writeInt(ranges.size());
            for (Object r : ranges) {
                int lengthAt = out.writerIndex();
                out.writeInt(0);
                range.encode(r, Format.BINARY, out, context);
                out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
            }
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            List<?> ranges = ranges(value);
            out.writeByte('{');
            for (int i = 0; i < ranges.size(); i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                range.encode(ranges.get(i), Format.TEXT, out, context);
            }
            out.writeByte('}');
        }

        @Override
        PgMultirange<?> decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length < 4) {
                throw CodecSupport.invalidBinary(typeName(), length, "no range count");
            }
            int count = in.getInt(index);
            if (count < 0 || count > (length - 4) / 5) { // every range takes its length and a flags byte
                throw CodecSupport.invalidBinary(typeName(), length, "announces " + count + " ranges");
            }
            PgRange<?>[] ranges = new PgRange<?>[count];
            int at = index + 4;
            int end = index + length;
            int origin = in.readerIndex();
            for (int i = 0; i < count; i++) {
                if (end - at < 4) {
                    throw CodecSupport.invalidBinary(typeName(), length, "truncated range");
                }
                int size = in.getInt(at);
                if (size < 0 || size > end - at - 4) {
                    throw CodecSupport.invalidBinary(typeName(), length, "range length " + size + " beyond the value");
                }
                in.readerIndex(at + 4);
                try {
                    ranges[i] = range.decode(in, size, Format.BINARY, context);
                } finally {
                    in.readerIndex(origin);
                }
                at += 4 + size;
            }
            if (at != end) {
                throw CodecSupport.invalidBinary(typeName(), length, "bytes after the last range");
            }
            return PgMultirange.wrap(ranges);
        }

        @Override
        PgMultirange<?> decodeText(ByteBuf in, int index, int length, CodecContext context) {
            CompositeText text = new CompositeText(in, index, length, typeName());
            text.skipSpaces();
            text.expect('{');
            List<PgRange<?>> ranges = new ArrayList<>();
            text.skipSpaces();
            if (text.peekIs('}')) {
                text.pos++;
            } else {
                while (true) {
                    ranges.add(range.read(text, context));
                    text.skipSpaces();
                    if (text.peekIs(',')) {
                        text.pos++;
                    } else {
                        text.expect('}');
                        break;
                    }
                }
            }
            text.expectEnd();
            return PgMultirange.wrap(ranges.toArray(new PgRange<?>[0]));
        }
    }
}
