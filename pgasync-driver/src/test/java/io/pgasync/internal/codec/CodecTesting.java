package io.pgasync.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/** Encodes and decodes through real Netty buffers, releasing every one. */
final class CodecTesting {

    private CodecTesting() {}

    static final CodecContext CONTEXT = new DefaultCodecContext(CodecRegistry.builtins(), ZoneOffset.UTC);

    /** Bytes before and after the value, so a codec that reads outside its slice gets garbage. */
    private static final byte[] GUARD_BEFORE = {(byte) 0xA5, (byte) 0x5A, (byte) 0xFF};
    private static final byte[] GUARD_AFTER = {(byte) 0x7F, (byte) 0x80};

    static byte[] encode(Codec<?> codec, Object value, Format format) {
        ByteBuf out = Unpooled.buffer(16);
        try {
            out.writeBytes(GUARD_BEFORE);
            out.readerIndex(GUARD_BEFORE.length);
            codec.encode(value, format, out, CONTEXT);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static byte[] encodeBinary(Codec<?> codec, Object value) {
        return encode(codec, value, Format.BINARY);
    }

    static String encodeText(Codec<?> codec, Object value) {
        return new String(encode(codec, value, Format.TEXT), StandardCharsets.UTF_8);
    }

    /**
     * Decodes from a pooled direct buffer whose value sits between guard bytes; checks that the codec left the
     * reader index alone.
     */
    static <T> T decode(Codec<T> codec, byte[] bytes, Format format) {
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length + 8);
        try {
            in.writeBytes(GUARD_BEFORE).writeBytes(bytes).writeBytes(GUARD_AFTER);
            in.readerIndex(GUARD_BEFORE.length);
            T value = codec.decode(in, bytes.length, format, CONTEXT);
            assertThat(in.readerIndex()).as("reader index after decode").isEqualTo(GUARD_BEFORE.length);
            return value;
        } finally {
            in.release();
        }
    }

    static <T> T decodeBinary(Codec<T> codec, byte[] bytes) {
        return decode(codec, bytes, Format.BINARY);
    }

    static <T> T decodeBinary(Codec<T> codec, String hex) {
        return decode(codec, hex(hex), Format.BINARY);
    }

    static <T> T decodeText(Codec<T> codec, String text) {
        return decode(codec, text.getBytes(StandardCharsets.UTF_8), Format.TEXT);
    }

    static <T> T roundTrip(Codec<T> codec, Object value, Format format) {
        return decode(codec, encode(codec, value, format), format);
    }

    /** Bytes from hex digits; spaces are ignored ({@code "00 00 00 01"}). */
    static byte[] hex(String hex) {
        String digits = hex.replace(" ", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    static String hexOf(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
