package io.pgasync.codec;

import io.netty.buffer.ByteBuf;

/**
 * Converts values of one PostgreSQL type between the wire and Java.
 *
 * <p>Codecs are stateless and thread-safe; one instance serves every connection. Every PostgreSQL type has a
 * text form, so every codec reads and writes {@link Format#TEXT}; codecs that return true from
 * {@link #supportsBinary()} also read and write {@link Format#BINARY}, which the driver then prefers.
 *
 * <p>Rules for implementations: read exactly the {@code length} bytes starting at the buffer's reader index and
 * nothing past them; never retain or release the buffer; treat every byte as untrusted (lengths and counts
 * inside a value are checked before use and reported with {@link IllegalArgumentException}); when encoding,
 * only append to {@code out}. Per-row code should not allocate more than the value it returns.
 *
 * @param <T> the Java type values decode to
 */
public interface Codec<T> {

    /**
     * The PostgreSQL type name, e.g. {@code int4} or {@code hstore}.
     *
     * @return the type name (without schema)
     */
    String typeName();

    /**
     * The Java type this codec decodes to.
     *
     * @return the class of decoded values
     */
    Class<T> javaType();

    /**
     * Whether this codec reads and writes the binary format.
     *
     * @return true when binary is supported (the default)
     */
    default boolean supportsBinary() {
        return true;
    }

    /**
     * Whether this codec can encode values of the given class: {@link #javaType()} and, for many types, natural
     * alternatives (an {@code int8} parameter accepts Integer, Short, BigInteger within range, ...).
     *
     * @param type the class of a parameter value
     * @return true when {@link #encode} accepts it
     */
    default boolean canEncode(Class<?> type) {
        return javaType().isAssignableFrom(type);
    }

    /**
     * Appends the encoded value (without the length prefix) to {@code out}.
     *
     * @param value a non-null value whose class {@link #canEncode} accepted
     * @param format the format to write; {@link Format#BINARY} only when {@link #supportsBinary()}
     * @param out the buffer to append to
     * @param context the connection's codec context
     * @throws IllegalArgumentException when the value does not fit the type (out of range, too long, ...); the
     *     driver reports it as a parameter error naming the parameter
     */
    void encode(Object value, Format format, ByteBuf out, CodecContext context);

    /**
     * Decodes a non-null value of {@code length} bytes starting at {@code in.readerIndex()}.
     *
     * @param in the buffer; the caller moves its reader index past the value afterwards
     * @param length the value's length in bytes, {@code >= 0}
     * @param format the value's format
     * @param context the connection's codec context
     * @return the value
     * @throws IllegalArgumentException when the bytes are not a valid value of the type
     */
    T decode(ByteBuf in, int length, Format format, CodecContext context);
}
