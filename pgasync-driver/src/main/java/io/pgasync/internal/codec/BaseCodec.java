package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;

/**
 * The base of every built-in codec: it knows its type OID, checks the declared length against the buffer, and
 * dispatches on the format.
 *
 * <p>Conventions every subclass follows:
 * <ul>
 *   <li>Decoding reads with absolute indexes from {@code index} to {@code index + length} and never moves the
 *       buffer's reader index (the caller skips the value afterwards).</li>
 *   <li>Every built-in codec accepts a {@link String} parameter: when its Java type is not {@code String} the
 *       string is sent in {@link Format#TEXT} as is, and the server parses it
 *       ({@link CodecRegistry#parameterFormat} picks the format). Codecs whose Java type is {@code String}
 *       encode strings themselves, in either format.</li>
 *   <li>A value that does not fit the type, or bytes that are not a valid value, raise
 *       {@link IllegalArgumentException} with a message naming the type.</li>
 * </ul>
 *
 * @param <T> the Java type values decode to
 */
abstract class BaseCodec<T> implements Codec<T> {

    private final int oid;
    private final String typeName;
    private final Class<T> javaType;

    BaseCodec(int oid, String typeName, Class<T> javaType) {
        this.oid = oid;
        this.typeName = typeName;
        this.javaType = javaType;
    }

    /** The type OID this codec is registered for among the built-ins. */
    final int oid() {
        return oid;
    }

    @Override
    public final String typeName() {
        return typeName;
    }

    @Override
    public final Class<T> javaType() {
        return javaType;
    }

    @Override
    public final boolean canEncode(Class<?> type) {
        return type == String.class || accepts(type);
    }

    /** Whether values of the class (other than {@code String}) can be encoded. */
    abstract boolean accepts(Class<?> type);

    @Override
    public final void encode(Object value, Format format, ByteBuf out, CodecContext context) {
        if (value instanceof String && javaType != String.class) {
            if (format != Format.TEXT) {
                throw new IllegalArgumentException("a String value for a " + typeName
                        + " parameter is sent in text format, for the server to parse");
            }
            CodecSupport.writeUtf8(out, (String) value);
            return;
        }
        if (format == Format.BINARY) {
            encodeBinary(value, out, context);
        } else {
            encodeText(value, out, context);
        }
    }

    @Override
    public final T decode(ByteBuf in, int length, Format format, CodecContext context) {
        int index = in.readerIndex();
        if (length < 0 || length > in.writerIndex() - index) {
            throw new IllegalArgumentException("invalid " + typeName + " value: length " + length + " but "
                    + (in.writerIndex() - index) + " bytes are available");
        }
        return format == Format.BINARY
                ? decodeBinary(in, index, length, context)
                : decodeText(in, index, length, context);
    }

    abstract void encodeBinary(Object value, ByteBuf out, CodecContext context);

    abstract void encodeText(Object value, ByteBuf out, CodecContext context);

    abstract T decodeBinary(ByteBuf in, int index, int length, CodecContext context);

    abstract T decodeText(ByteBuf in, int index, int length, CodecContext context);

    @Override
    public String toString() {
        return "Codec[" + typeName + ", oid " + oid + " -> " + javaType.getSimpleName() + "]";
    }
}
