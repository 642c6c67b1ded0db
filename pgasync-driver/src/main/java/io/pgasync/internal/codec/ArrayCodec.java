package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import io.pgasync.types.PgArray;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * The codec of an array type, derived from its element type's codec: {@code int4[]} from {@code int4}, and so on
 * for every built-in, introspected or user-registered element type. Decodes to {@link PgArray} (nested for
 * multi-dimensional arrays, lower bounds kept, SQL NULL elements as {@code null}); encodes a {@code PgArray}, any
 * {@link List}, object arrays and primitive arrays, nested for more dimensions.
 *
 * <p>Binary form ({@code array_send}): int32 ndims, int32 has-null flag, int32 element type OID, then per
 * dimension int32 size and int32 lower bound, then each element as int32 length (-1 for NULL) and bytes, the
 * last dimension varying fastest. Text form: {@code {1,2,NULL,"a b"}}, {@code {{1,2},{3,4}}}, with a
 * {@code [lb:ub]=} prefix when a lower bound is not 1.
 *
 * <p>Every count read from the wire is untrusted (reliability #12, asyncpg CVE-2020-17446, where a hostile
 * {@code ndims} and dimension sizes corrupted memory): {@code ndims} must be 0 to 6 (PostgreSQL's MAXDIM), every
 * dimension at least 0, upper bounds within 32 bits, and the element count, computed without overflow, at most
 * the number of 4-byte length words left in the value; nothing is allocated before those checks pass.
 *
 * <p>The binary form is available when the element codec has one. A parameter holding a {@code String} for a
 * non-text element type is sent in text, so the server parses the element ({@link FormatChooser}).
 */
final class ArrayCodec extends BaseCodec<PgArray<?>> implements FormatChooser {

    /** PostgreSQL's MAXDIM. */
    static final int MAX_DIMENSIONS = 6;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<PgArray<?>> ARRAY_CLASS = (Class) PgArray.class;

    private final int elementOid;
    private final Codec<?> element;
    private final char delimiter;
    private final boolean vector;

    /**
     * An array codec.
     *
     * @param oid the array type's OID
     * @param typeName the array type's name, e.g. {@code _int4}
     * @param elementOid the element type's OID, written in binary values and checked in received ones
     * @param element the element codec
     * @param delimiter the text form's element delimiter: {@code ,} for every type but {@code box} ({@code ;})
     */
    ArrayCodec(int oid, String typeName, int elementOid, Codec<?> element, char delimiter) {
        this(oid, typeName, elementOid, element, delimiter, false);
    }

    private ArrayCodec(int oid, String typeName, int elementOid, Codec<?> element, char delimiter, boolean vector) {
        super(oid, typeName, ARRAY_CLASS);
        this.elementOid = elementOid;
        this.element = element;
        this.delimiter = delimiter;
        this.vector = vector;
    }

    /**
     * {@code int2vector} or {@code oidvector}: one-dimensional arrays without NULLs whose lower bound is 0, in
     * binary; their text form is the elements separated by spaces.
     */
    static ArrayCodec vector(int oid, String typeName, int elementOid, Codec<?> element) {
        return new ArrayCodec(oid, typeName, elementOid, element, ' ', true);
    }

    int elementOid() {
        return elementOid;
    }

    Codec<?> element() {
        return element;
    }

    @Override
    public boolean supportsBinary() {
        return element.supportsBinary();
    }

    @Override
    boolean accepts(Class<?> type) {
        return List.class.isAssignableFrom(type) || type.isArray();
    }

    @Override
    public Format formatFor(Object value) {
        return anyNeedsText(value) ? Format.TEXT : Format.BINARY;
    }

    private boolean anyNeedsText(Object container) {
        int n = size(container);
        for (int i = 0; i < n; i++) {
            Object item = get(container, i);
            if (item != null && isSubArray(item) ? anyNeedsText(item) : FormatChooser.needsText(element, item)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Java containers

    private static boolean isContainer(Object item) {
        return item instanceof List || item.getClass().isArray();
    }

    /** Whether an item is a sub-array (a further dimension) rather than an element. */
    private boolean isSubArray(Object item) {
        if (item instanceof PgArray) {
            return true;
        }
        return isContainer(item) && !element.canEncode(item.getClass());
    }

    private static int size(Object container) {
        if (container instanceof List<?> list) {
            return list.size();
        }
        if (container instanceof Object[] array) {
            return array.length;
        }
        return Array.getLength(container);
    }

    private static Object get(Object container, int i) {
        if (container instanceof List<?> list) {
            return list.get(i);
        }
        if (container instanceof Object[] array) {
            return array[i];
        }
        return Array.get(container, i);
    }

    /** The shape of a parameter value: sizes and lower bounds per dimension; ndims 0 for an empty array. */
    private int[][] shape(Object value) {
        int[] dims = new int[MAX_DIMENSIONS];
        int[] lbs = new int[MAX_DIMENSIONS];
        int ndims = 0;
        Object current = value;
        while (true) {
            if (ndims == MAX_DIMENSIONS) {
                throw new IllegalArgumentException("the array has more than " + MAX_DIMENSIONS
                        + " dimensions, PostgreSQL's limit");
            }
            int n = size(current);
            dims[ndims] = n;
            lbs[ndims] = vector ? 0 : current instanceof PgArray<?> p ? p.lowerBound() : 1;
            ndims++;
            if (n == 0) {
                return new int[][] {new int[0], new int[0]}; // any empty dimension makes the array empty
            }
            Object first = get(current, 0);
            if (first == null || !isSubArray(first)) {
                break;
            }
            current = first;
        }
        return new int[][] {java.util.Arrays.copyOf(dims, ndims), java.util.Arrays.copyOf(lbs, ndims)};
    }

    private IllegalArgumentException notRectangular(int depth, int size, int expected) {
        return new IllegalArgumentException("a multi-dimensional array must be rectangular: a sub-array at depth "
                + depth + " has " + size + " elements where " + expected + " were expected");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Encoding

    @Override
    void encodeBinary(Object value, ByteBuf out, CodecContext context) {
        int[][] shape = shape(value);
        int[] dims = shape[0];
        out.writeInt(dims.length);
        int flagsAt = out.writerIndex();
        out.writeInt(0);
        out.writeInt(elementOid);
        for (int d = 0; d < dims.length; d++) {
            out.writeInt(dims[d]);
            out.writeInt(shape[1][d]);
        }
        if (dims.length > 0 && writeBinary(value, 0, dims, out, context)) {
            out.setInt(flagsAt, 1);
        }
    }

    /** Writes the elements of one level; returns whether any was NULL. */
    private boolean writeBinary(Object container, int depth, int[] dims, ByteBuf out, CodecContext context) {
        int n = size(container);
        if (n != dims[depth]) {
            throw notRectangular(depth, n, dims[depth]);
        }
        boolean hasNull = false;
        boolean last = depth == dims.length - 1;
        for (int i = 0; i < n; i++) {
            Object item = get(container, i);
            if (!last) {
                if (item == null || !isSubArray(item)) {
                    throw notRectangular(depth + 1, item == null ? 0 : 1, dims[depth + 1]);
                }
                hasNull |= writeBinary(item, depth + 1, dims, out, context);
                continue;
            }
            if (item == null) {
                out.writeInt(-1);
                hasNull = true;
                continue;
            }
            if (item instanceof PgArray) {
                throw notRectangular(depth + 1, size(item), 0);
            }
            if (!element.canEncode(item.getClass())) {
                throw new IllegalArgumentException("element " + i + " is a " + item.getClass().getName()
                        + ", which " + element.typeName() + " cannot take");
            }
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            element.encode(item, Format.BINARY, out, context);
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }
        return hasNull;
    }

    @Override
    void encodeText(Object value, ByteBuf out, CodecContext context) {
        int[][] shape = shape(value);
        int[] dims = shape[0];
        if (vector) {
            for (int i = 0; i < (dims.length == 0 ? 0 : dims[0]); i++) {
                if (i > 0) {
                    out.writeByte(' ');
                }
                Object item = get(value, i);
                if (item == null || dims.length != 1) {
                    throw new IllegalArgumentException(typeName() + " has one dimension and no NULL elements");
                }
                element.encode(item, Format.TEXT, out, context);
            }
            return;
        }
        if (dims.length == 0) {
            out.writeByte('{').writeByte('}');
            return;
        }
        boolean bounds = false;
        for (int lb : shape[1]) {
            bounds |= lb != 1;
        }
        if (bounds) {
            for (int d = 0; d < dims.length; d++) {
                out.writeByte('[');
                CodecSupport.writeLong(out, shape[1][d]);
                out.writeByte(':');
                CodecSupport.writeLong(out, (long) shape[1][d] + dims[d] - 1);
                out.writeByte(']');
            }
            out.writeByte('=');
        }
        writeText(value, 0, dims, out, context);
    }

    private void writeText(Object container, int depth, int[] dims, ByteBuf out, CodecContext context) {
        int n = size(container);
        if (n != dims[depth]) {
            throw notRectangular(depth, n, dims[depth]);
        }
        boolean last = depth == dims.length - 1;
        String specials = "{}" + delimiter;
        out.writeByte('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.writeByte(delimiter);
            }
            Object item = get(container, i);
            if (!last) {
                if (item == null || !isSubArray(item)) {
                    throw notRectangular(depth + 1, item == null ? 0 : 1, dims[depth + 1]);
                }
                writeText(item, depth + 1, dims, out, context);
            } else if (item == null) {
                out.writeCharSequence("NULL", java.nio.charset.StandardCharsets.US_ASCII);
            } else if (item instanceof PgArray) {
                throw notRectangular(depth + 1, size(item), 0);
            } else if (!element.canEncode(item.getClass())) {
                throw new IllegalArgumentException("element " + i + " is a " + item.getClass().getName()
                        + ", which " + element.typeName() + " cannot take");
            } else {
                CompositeText.writeItem(out, element, item, context, specials, true, false);
            }
        }
        out.writeByte('}');
    }

    // ---------------------------------------------------------------------------------------------------------
    // Decoding

    @Override
    PgArray<?> decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
        if (length < 12) {
            throw CodecSupport.invalidBinary(typeName(), length, "shorter than the 12-byte array header");
        }
        int ndims = in.getInt(index);
        int flags = in.getInt(index + 4);
        int oid = in.getInt(index + 8);
        if (ndims < 0 || ndims > MAX_DIMENSIONS) {
            throw CodecSupport.invalidBinary(typeName(), length, "the array claims " + ndims
                    + " dimensions; PostgreSQL allows 0 to " + MAX_DIMENSIONS);
        }
        if (flags != 0 && flags != 1) {
            throw CodecSupport.invalidBinary(typeName(), length, "invalid flags " + flags);
        }
        int header = 12 + 8 * ndims;
        if (length < header) {
            throw CodecSupport.invalidBinary(typeName(), length, "shorter than its dimension headers");
        }
        Codec<?> codec = element;
        if (oid != elementOid) {
            Codec<?> other = context.codecFor(oid);
            if (!other.supportsBinary()) {
                throw CodecSupport.invalidBinary(typeName(), length, "element type OID " + Integer.toUnsignedString(oid)
                        + " instead of " + Integer.toUnsignedString(elementOid));
            }
            codec = other;
        }
        int[] dims = new int[ndims];
        int[] lbs = new int[ndims];
        long total = ndims == 0 ? 0 : 1;
        long maxElements = (length - header) / 4; // every element takes at least its 4-byte length
        for (int d = 0; d < ndims; d++) {
            int size = in.getInt(index + 12 + 8 * d);
            int lb = in.getInt(index + 16 + 8 * d);
            if (size < 0) {
                throw CodecSupport.invalidBinary(typeName(), length, "negative dimension size " + size);
            }
            if ((long) lb + size - 1 > Integer.MAX_VALUE) {
                throw CodecSupport.invalidBinary(typeName(), length, "upper bound beyond 2147483647");
            }
            dims[d] = size;
            lbs[d] = lb;
            total *= size; // both factors are below 2^31 and total stays at most maxElements: no overflow
            if (total > maxElements) {
                throw CodecSupport.invalidBinary(typeName(), length, "the dimensions announce more elements than"
                        + " the " + length + " bytes can hold");
            }
        }
        if (total == 0) {
            if (length != header) {
                throw CodecSupport.invalidBinary(typeName(), length, "bytes after an empty array");
            }
            return PgArray.empty();
        }
        int[] cursor = {index + header};
        PgArray<?> result = readLevel(in, 0, dims, lbs, cursor, index + length, codec, context, length);
        if (cursor[0] != index + length) {
            throw CodecSupport.invalidBinary(typeName(), length, "bytes after the last element");
        }
        return result;
    }

    private PgArray<?> readLevel(ByteBuf in, int depth, int[] dims, int[] lbs, int[] cursor, int end, Codec<?> codec,
            CodecContext context, int length) {
        PgArray.Builder<Object> builder = PgArray.builder(dims[depth]).lowerBound(lbs[depth]);
        boolean last = depth == dims.length - 1;
        int origin = in.readerIndex();
        for (int i = 0; i < dims[depth]; i++) {
            if (!last) {
                builder.add(readLevel(in, depth + 1, dims, lbs, cursor, end, codec, context, length));
                continue;
            }
            int at = cursor[0];
            if (end - at < 4) {
                throw CodecSupport.invalidBinary(typeName(), length, "truncated element");
            }
            int size = in.getInt(at);
            at += 4;
            if (size == -1) {
                builder.add(null);
                cursor[0] = at;
                continue;
            }
            if (size < 0 || size > end - at) {
                throw CodecSupport.invalidBinary(typeName(), length, "element length " + size + " beyond the value");
            }
            in.readerIndex(at);
            try {
                builder.add(codec.decode(in, size, Format.BINARY, context));
            } finally {
                in.readerIndex(origin);
            }
            cursor[0] = at + size;
        }
        return builder.build();
    }

    @Override
    PgArray<?> decodeText(ByteBuf in, int index, int length, CodecContext context) {
        CompositeText text = new CompositeText(in, index, length, typeName());
        if (vector) {
            return decodeVector(text, context);
        }
        text.skipSpaces();
        int[] lbs = null;
        int[] declared = null;
        if (text.peekIs('[')) {
            lbs = new int[MAX_DIMENSIONS];
            declared = new int[MAX_DIMENSIONS];
            int n = 0;
            while (text.peekIs('[')) {
                if (n == MAX_DIMENSIONS) {
                    throw text.error("more than " + MAX_DIMENSIONS + " dimensions");
                }
                text.pos++;
                long first = readInt(text);
                long lower = 1;
                long upper = first;
                if (text.peekIs(':')) {
                    text.pos++;
                    lower = first;
                    upper = readInt(text);
                }
                text.expect(']');
                if (upper < lower - 1 || upper - lower + 1 > Integer.MAX_VALUE) {
                    throw text.error("invalid dimension bounds");
                }
                lbs[n] = (int) lower;
                declared[n] = (int) (upper - lower + 1);
                n++;
            }
            lbs = java.util.Arrays.copyOf(lbs, n);
            declared = java.util.Arrays.copyOf(declared, n);
            text.skipSpaces();
            text.expect('=');
            text.skipSpaces();
        }
        int[] sizes = new int[MAX_DIMENSIONS];
        java.util.Arrays.fill(sizes, -1);
        int[] depthSeen = {0};
        Level top = readTextLevel(text, 0, sizes, depthSeen, context);
        text.expectEnd();
        int ndims = depthSeen[0];
        for (int d = 0; d < ndims; d++) {
            if (sizes[d] == 0) {
                return PgArray.empty();
            }
        }
        if (declared != null) {
            if (declared.length != ndims) {
                throw text.error("the bounds decoration has " + declared.length + " dimensions, the value " + ndims);
            }
            for (int d = 0; d < ndims; d++) {
                if (declared[d] != sizes[d]) {
                    throw text.error("the bounds decoration does not match the value");
                }
            }
        }
        return toPgArray(top, 0, lbs);
    }

    private static long readInt(CompositeText text) {
        boolean negative = false;
        if (text.peekIs('-') || text.peekIs('+')) {
            negative = text.peekIs('-');
            text.pos++;
        }
        long value = 0;
        int digits = 0;
        while (text.peek() >= '0' && text.peek() <= '9') {
            value = value * 10 + (text.peek() - '0');
            text.pos++;
            if (++digits > 10) {
                throw text.error("dimension bound out of range");
            }
        }
        if (digits == 0) {
            throw text.error("expected a dimension bound");
        }
        return negative ? -value : value;
    }

    /** Reads {@code {...}} at a depth into a list (of lists, for deeper levels), checking rectangularity. */
    private Level readTextLevel(CompositeText text, int depth, int[] sizes, int[] depthSeen, CodecContext context) {
        if (depth == MAX_DIMENSIONS) {
            throw text.error("more than " + MAX_DIMENSIONS + " dimensions");
        }
        text.expect('{');
        Level items = new Level();
        text.skipSpaces();
        Boolean nested = null;
        if (text.peekIs('}')) {
            text.pos++;
        } else {
            String stops = delimiter + "}";
            while (true) {
                text.skipSpaces();
                boolean sub = text.peekIs('{');
                if (nested != null && nested != sub) {
                    throw text.error("mixes sub-arrays and elements at one level");
                }
                nested = sub;
                if (sub) {
                    items.add(readTextLevel(text, depth + 1, sizes, depthSeen, context));
                } else {
                    text.readItem(stops, true, false);
                    if (text.itemIsNullWord()) {
                        items.add(null);
                    } else if (text.itemEmptyUnquoted()) {
                        throw text.error("empty unquoted element");
                    } else {
                        items.add(text.decodeItem(element, context));
                    }
                }
                text.skipSpaces();
                int c = text.peek();
                if (c == delimiter) {
                    text.pos++;
                } else if (c == '}') {
                    text.pos++;
                    break;
                } else {
                    throw text.error("expected '" + delimiter + "' or '}'");
                }
            }
        }
        int levelDepth = depth + 1;
        if (nested == Boolean.TRUE) {
            // the depth reached below was recorded by the children
        } else if (depthSeen[0] == 0) {
            depthSeen[0] = levelDepth;
        } else if (depthSeen[0] != levelDepth && !items.isEmpty()) {
            throw text.error("sub-arrays of different depths");
        }
        if (sizes[depth] == -1) {
            sizes[depth] = items.size();
        } else if (sizes[depth] != items.size()) {
            throw text.error("a multi-dimensional array must be rectangular");
        }
        return items;
    }

    private static PgArray<?> toPgArray(Level items, int depth, int[] lbs) {
        PgArray.Builder<Object> builder = PgArray.builder(items.size());
        if (lbs != null && depth < lbs.length) {
            builder.lowerBound(lbs[depth]);
        }
        for (Object item : items) {
            builder.add(item instanceof Level sub ? toPgArray(sub, depth + 1, lbs) : item);
        }
        return builder.build();
    }

    /** One level of a text array while it is read (distinct from element values that are lists). */
    private static final class Level extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }

    private PgArray<?> decodeVector(CompositeText text, CodecContext context) {
        List<Object> items = new ArrayList<>();
        while (true) {
            text.skipSpaces();
            if (text.atEnd()) {
                break;
            }
            text.readItem(" ", true, false);
            items.add(text.decodeItem(element, context));
        }
        PgArray.Builder<Object> builder = PgArray.builder(items.size()).lowerBound(0); // as the server numbers them
        for (Object item : items) {
            builder.add(item);
        }
        return builder.build();
    }
}
