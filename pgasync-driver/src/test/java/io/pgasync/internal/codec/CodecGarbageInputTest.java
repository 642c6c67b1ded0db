package io.pgasync.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every value from the server is untrusted (reliability #12, #13, #28): whatever the bytes, a codec either
 * returns a value or throws {@link IllegalArgumentException}; never an index, arithmetic, date-time or
 * allocation error. A deterministic stand-in for the Jazzer targets of FUZZ-01.
 */
class CodecGarbageInputTest {

    private static final int[] OIDS = {PgOids.BOOL, PgOids.BYTEA, PgOids.CHAR, PgOids.NAME, PgOids.INT8,
        PgOids.INT2, PgOids.INT4, PgOids.TEXT, PgOids.OID, PgOids.JSON, PgOids.FLOAT4, PgOids.FLOAT8,
        PgOids.UNKNOWN, PgOids.BPCHAR, PgOids.VARCHAR, PgOids.DATE, PgOids.TIME, PgOids.TIMESTAMP,
        PgOids.TIMESTAMPTZ, PgOids.INTERVAL, PgOids.TIMETZ, PgOids.NUMERIC, PgOids.VOID, PgOids.UUID, PgOids.JSONB,
        424_242};

    /** Bytes that make parsers take their interesting branches. */
    private static final byte[] ALPHABET = "0123456789-+:. eEBCx\\infatyNI".getBytes();

    /** Every built-in codec: scalars, arrays, ranges, multiranges, records. */
    private static int[] everyBuiltin() {
        int[] oids = new int[CodecRegistry.ARRAY_LIMIT];
        int n = 0;
        for (int oid = 1; oid < CodecRegistry.ARRAY_LIMIT; oid++) {
            if (CodecRegistry.builtins().find(oid) != null) {
                oids[n++] = oid;
            }
        }
        return java.util.Arrays.copyOf(oids, n);
    }

    @Test
    void everyBuiltinCodecSurvivesRandomBytes() {
        Random random = new Random(0xfeed);
        int[] all = everyBuiltin();
        assertThat(all.length).isGreaterThan(150);
        for (int oid : all) {
            Codec<?> codec = CodecRegistry.builtins().find(oid);
            for (int i = 0; i < 150; i++) {
                byte[] bytes = new byte[random.nextInt(i % 25 == 0 ? 200 : 40)];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = random.nextInt(3) == 0 ? (byte) random.nextInt(3)
                            : random.nextBoolean() ? CONTAINER_ALPHABET[random.nextInt(CONTAINER_ALPHABET.length)]
                            : (byte) random.nextInt(256);
                }
                check(codec, bytes, Format.BINARY);
                check(codec, bytes, Format.TEXT);
            }
        }
    }

    /** Bytes that make container parsers (arrays, records, ranges, hstore) take their branches. */
    private static final byte[] CONTAINER_ALPHABET = "{}()[],;\\\"=> NULLempty:01-".getBytes();

    @Test
    void containerHeadersWithHostileCountsGiveAValueOrIllegalArgumentException() {
        Random random = new Random(17_446);
        int[] containers = {PgOids.INT4_ARRAY, PgOids.TEXT_ARRAY, PgOids.INT4RANGE, PgOids.INT4MULTIRANGE,
            PgOids.RECORD, PgOids.PATH, PgOids.POLYGON, PgOids.PG_SNAPSHOT, PgOids.VARBIT, PgOids.INET};
        int[] interesting = {0, 1, 2, 3, 4, 6, 7, 23, 25, -1, -2, 65_536, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (int oid : containers) {
            Codec<?> codec = CodecRegistry.builtins().find(oid);
            for (int i = 0; i < 3_000; i++) {
                ByteBuf buf = Unpooled.buffer();
                try {
                    int words = random.nextInt(12);
                    for (int w = 0; w < words; w++) {
                        if (random.nextInt(5) == 0) {
                            buf.writeByte(random.nextInt(256));
                        } else {
                            buf.writeInt(interesting[random.nextInt(interesting.length)]);
                        }
                    }
                    byte[] bytes = new byte[buf.readableBytes()];
                    buf.getBytes(0, bytes);
                    check(codec, bytes, Format.BINARY);
                } finally {
                    buf.release();
                }
            }
        }
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButIllegalArgumentException() {
        Random random = new Random(0x5eed);
        for (int oid : OIDS) {
            Codec<?> codec = CodecRegistry.builtins().decoderFor(oid);
            for (int i = 0; i < 800; i++) {
                byte[] bytes = new byte[random.nextInt(i % 50 == 0 ? 300 : 24)];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = random.nextBoolean()
                            ? ALPHABET[random.nextInt(ALPHABET.length)]
                            : (byte) random.nextInt(256);
                }
                check(codec, bytes, Format.BINARY);
                check(codec, bytes, Format.TEXT);
            }
        }
    }

    @Test
    void numericHeadersWithHostileFieldsGiveAValueOrIllegalArgumentException() {
        Random random = new Random(42);
        for (int i = 0; i < 4_000; i++) {
            int ndigits = random.nextInt(8);
            ByteBuf buf = Unpooled.buffer();
            try {
                buf.writeShort(random.nextInt(4) == 0 ? random.nextInt(65536) : ndigits);
                buf.writeShort(random.nextInt(65536));
                int[] signs = {0, 0x4000, 0xC000, 0xD000, 0xF000};
                buf.writeShort(random.nextInt(8) == 0 ? random.nextInt(65536) : signs[random.nextInt(signs.length)]);
                buf.writeShort(random.nextInt(4) == 0 ? random.nextInt(65536) : random.nextInt(40));
                for (int d = 0; d < ndigits; d++) {
                    buf.writeShort(random.nextInt(10) == 0 ? random.nextInt(65536) : random.nextInt(10000));
                }
                byte[] bytes = new byte[buf.readableBytes()];
                buf.getBytes(0, bytes);
                check(NumericCodecs.NUMERIC, bytes, Format.BINARY);
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void aLengthBeyondTheBufferIsRejected() {
        ByteBuf buf = Unpooled.buffer().writeInt(1);
        try {
            for (int oid : OIDS) {
                Codec<?> codec = CodecRegistry.builtins().decoderFor(oid);
                for (int length : new int[] {5, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
                    for (Format format : Format.values()) {
                        try {
                            codec.decode(buf, length, format, CodecTesting.CONTEXT);
                            fail("accepted length " + length + " for " + codec.typeName());
                        } catch (IllegalArgumentException expected) {
                            assertThat(expected).hasMessageContaining("length");
                        }
                    }
                }
            }
        } finally {
            buf.release();
        }
    }

    private static void check(Codec<?> codec, byte[] bytes, Format format) {
        try {
            CodecTesting.decode(codec, bytes, format);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(codec.typeName() + " " + format + " threw " + e + " for "
                    + CodecTesting.hexOf(bytes), e);
        }
    }
}
