package io.pgasync.it.types;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written codec for a composite type {@code (re float8, im float8)} ↔ {@link Complex}: the kind of codec
 * a library plugs in through {@code setTypeCodec} or a {@code CodecProvider}.
 */
final class ComplexCodec implements Codec<Complex> {

    private static final int FLOAT8 = 701;
    private final String typeName;

    ComplexCodec(String typeName) {
        this.typeName = typeName;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Class<Complex> javaType() {
        return Complex.class;
    }

    @Override
    public void encode(Object value, Format format, ByteBuf out, CodecContext context) {
        Complex c = (Complex) value;
        if (format == Format.TEXT) {
            out.writeCharSequence("(" + c.re() + "," + c.im() + ")", StandardCharsets.US_ASCII);
            return;
        }
        out.writeInt(2);
        out.writeInt(FLOAT8).writeInt(8).writeDouble(c.re());
        out.writeInt(FLOAT8).writeInt(8).writeDouble(c.im());
    }

    @Override
    public Complex decode(ByteBuf in, int length, Format format, CodecContext context) {
        int at = in.readerIndex();
        if (format == Format.TEXT) {
            String s = in.toString(at, length, StandardCharsets.US_ASCII);
            String[] parts = s.substring(1, s.length() - 1).split(",");
            return new Complex(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        }
        if (length != 4 + 2 * 16 || in.getInt(at) != 2) {
            throw new IllegalArgumentException("not a (float8, float8) record");
        }
        return new Complex(in.getDouble(at + 12), in.getDouble(at + 28));
    }
}
