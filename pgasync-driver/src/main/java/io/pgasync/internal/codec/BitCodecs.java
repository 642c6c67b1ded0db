package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.CodecContext;
import io.pgasync.types.PgBitString;
import java.nio.charset.StandardCharsets;

/**
 * Codecs for {@code bit} and {@code varbit} ↔ {@link PgBitString}. Binary: int32 number of bits, then the bits
 * packed into bytes, most significant first. Text: {@code 0} and {@code 1} characters.
 */
final class BitCodecs {

    private BitCodecs() {}

    static final BitCodec BIT = new BitCodec(PgOids.BIT, "bit");
    static final BitCodec VARBIT = new BitCodec(PgOids.VARBIT, "varbit");

    /** A bit string type. */
    static final class BitCodec extends BaseCodec<PgBitString> {
        BitCodec(int oid, String typeName) {
            super(oid, typeName, PgBitString.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgBitString.class;
        }

        private PgBitString toBits(Object value) {
            if (value instanceof PgBitString bits) {
                return bits;
            }
            throw CodecSupport.cannotEncode(value, typeName());
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            PgBitString bits = toBits(value);
            out.writeInt(bits.length());
            out.writeBytes(bits.toByteArray());
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(toBits(value).toString(), StandardCharsets.US_ASCII);
        }

        @Override
        PgBitString decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length < 4) {
                throw CodecSupport.invalidBinary(typeName(), length, "no bit count");
            }
            int bits = in.getInt(index);
            if (bits < 0 || (bits + 7L) / 8 != length - 4) {
                throw CodecSupport.invalidBinary(typeName(), length, "announces " + bits + " bits");
            }
            byte[] bytes = new byte[length - 4];
            in.getBytes(index + 4, bytes);
            return PgBitString.of(bytes, bits);
        }

        @Override
        PgBitString decodeText(ByteBuf in, int index, int length, CodecContext context) {
            byte[] bytes = new byte[(length + 7) / 8];
            for (int i = 0; i < length; i++) {
                byte c = in.getByte(index + i);
                if (c == '1') {
                    bytes[i >> 3] |= (byte) (0x80 >>> (i & 7));
                } else if (c != '0') {
                    throw CodecSupport.invalidText(typeName(), length, "not a bit string");
                }
            }
            return PgBitString.of(bytes, length);
        }
    }
}
