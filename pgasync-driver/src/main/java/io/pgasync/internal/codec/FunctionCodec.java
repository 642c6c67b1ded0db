package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import io.pgasync.codec.PgCodecFormat;
import java.util.function.Function;

/**
 * A codec made of an encoder and a decoder function, as {@code setTypeCodec(typeName, schema, javaType, encoder,
 * decoder, format)} builds it (asyncpg's {@code set_type_codec}): the functions exchange the type's text form,
 * its binary form, or ({@link PgCodecFormat#TUPLE}) the value of the type's default codec, which this codec wraps.
 *
 * <p>Exceptions from the functions become {@link IllegalArgumentException}s, which the engine reports as
 * parameter or column errors.
 *
 * @param <T> the Java type
 */
public final class FunctionCodec<T> implements Codec<T>, FormatChooser {

    private final String typeName;
    private final Class<T> javaType;
    private final Function<? super T, ?> encoder;
    private final Function<Object, ? extends T> decoder;
    private final PgCodecFormat format;
    private final Codec<?> inner;

    /**
     * A function codec.
     *
     * @param typeName the type name
     * @param javaType the Java type values decode to and encode from
     * @param encoder Java value to wire representation
     * @param decoder wire representation to Java value
     * @param format what the functions exchange
     * @param inner the type's default codec, for {@link PgCodecFormat#TUPLE}; null otherwise
     */
    public FunctionCodec(String typeName, Class<T> javaType, Function<? super T, ?> encoder,
            Function<Object, ? extends T> decoder, PgCodecFormat format, Codec<?> inner) {
        if (format == PgCodecFormat.TUPLE && inner == null) {
            throw new IllegalArgumentException("the tuple format wraps the type's default codec");
        }
        this.typeName = typeName;
        this.javaType = javaType;
        this.encoder = encoder;
        this.decoder = decoder;
        this.format = format;
        this.inner = inner;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public boolean supportsBinary() {
        return switch (format) {
            case TEXT -> false;
            case BINARY -> true;
            case TUPLE -> inner.supportsBinary();
        };
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return javaType.isAssignableFrom(type);
    }

    @Override
    public Format formatFor(Object value) {
        if (format != PgCodecFormat.TUPLE) {
            return format == PgCodecFormat.BINARY ? Format.BINARY : Format.TEXT;
        }
        return CodecRegistry.parameterFormatOf(inner, wire(value));
    }

    private Object wire(Object value) {
        Object result;
        try {
            result = encoder.apply(javaType.cast(value));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + typeName + " encoder failed: " + e, e);
        }
        if (result == null) {
            throw new IllegalArgumentException("the " + typeName + " encoder returned null");
        }
        return result;
    }

    @Override
    public void encode(Object value, Format wireFormat, ByteBuf out, CodecContext context) {
        Object wire = wire(value);
        switch (format) {
            case TEXT -> {
                if (!(wire instanceof CharSequence text)) {
                    throw new IllegalArgumentException("the " + typeName + " encoder must return a String for the"
                            + " text format, not a " + wire.getClass().getName());
                }
                CodecSupport.writeUtf8(out, text.toString());
            }
            case BINARY -> {
                if (!(wire instanceof byte[] bytes)) {
                    throw new IllegalArgumentException("the " + typeName + " encoder must return a byte[] for the"
                            + " binary format, not a " + wire.getClass().getName());
                }
                out.writeBytes(bytes);
            }
            case TUPLE -> {
                if (!inner.canEncode(wire.getClass())) {
                    throw new IllegalArgumentException("the " + typeName + " encoder returned a "
                            + wire.getClass().getName() + ", which the default codec (" + inner.typeName()
                            + ") cannot take");
                }
                inner.encode(wire, wireFormat, out, context);
            }
            default -> throw new IllegalStateException(format.name());
        }
    }

    @Override
    public T decode(ByteBuf in, int length, Format wireFormat, CodecContext context) {
        Object wire;
        switch (format) {
            case TEXT -> wire = CodecSupport.decodeUtf8(in, in.readerIndex(), length, typeName, Format.TEXT);
            case BINARY -> wire = ByteBufUtil.getBytes(in, in.readerIndex(), length);
            default -> wire = inner.decode(in, length, wireFormat, context);
        }
        try {
            return decoder.apply(wire);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + typeName + " decoder failed: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "FunctionCodec[" + typeName + ", " + format + " -> " + javaType.getSimpleName() + "]";
    }
}
