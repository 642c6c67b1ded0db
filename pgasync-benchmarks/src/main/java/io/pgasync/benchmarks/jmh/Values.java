package io.pgasync.benchmarks.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgasync.codec.Codec;
import io.pgasync.codec.CodecContext;
import io.pgasync.codec.Format;
import io.pgasync.internal.codec.CodecRegistry;
import io.pgasync.internal.codec.DefaultCodecContext;
import io.pgasync.internal.codec.PgOids;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** The ten column types of the wide-fetch workload: their OIDs, a typical value each, and binary encodings. */
final class Values {

    static final String[] TYPES = {"int4", "int8", "text", "numeric", "timestamptz", "bool", "float8", "uuid",
        "jsonb", "bytea"};
    static final int[] OIDS = {PgOids.INT4, PgOids.INT8, PgOids.TEXT, PgOids.NUMERIC, PgOids.TIMESTAMPTZ,
        PgOids.BOOL, PgOids.FLOAT8, PgOids.UUID, PgOids.JSONB, PgOids.BYTEA};

    static final CodecRegistry REGISTRY = CodecRegistry.builtins();
    static final CodecContext CONTEXT = new DefaultCodecContext(REGISTRY, ZoneId.of("UTC"));

    private Values() {
    }

    static int index(String type) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown type " + type);
    }

    /** A value like the wide table's row {@code i}. */
    static Object sample(int column, int i) {
        return switch (column) {
            case 0 -> i;
            case 1 -> i * 1_000_000_007L;
            case 2 -> "row number " + i + " of the wide table";
            case 3 -> new BigDecimal(i * 314159L).movePointLeft(5);
            case 4 -> OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(i);
            case 5 -> i % 2 == 0;
            case 6 -> i / 7.0;
            case 7 -> UUID.nameUUIDFromBytes(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            case 8 -> "{\"id\": " + i + ", \"name\": \"n" + i + "\", \"tags\": [\"a\", \"b\"]}";
            case 9 -> UUID.nameUUIDFromBytes(Integer.toString(i).getBytes(StandardCharsets.UTF_8)).toString()
                    .getBytes(StandardCharsets.US_ASCII);
            default -> throw new IllegalArgumentException("column " + column);
        };
    }

    static Codec<?> codec(int column) {
        return REGISTRY.find(OIDS[column]);
    }

    /** The binary encoding of a value, as a DataRow carries it (without the length). */
    static ByteBuf encode(int column, Object value) {
        ByteBuf out = Unpooled.buffer();
        codec(column).encode(value, Format.BINARY, out, CONTEXT);
        return out;
    }

    /**
     * The body of a DataRow (column count, then each value's length and bytes) for the wide table's row {@code i}.
     */
    static ByteBuf dataRow(int i) {
        ByteBuf row = Unpooled.buffer();
        row.writeShort(TYPES.length);
        for (int c = 0; c < TYPES.length; c++) {
            ByteBuf value = encode(c, sample(c, i));
            row.writeInt(value.readableBytes());
            row.writeBytes(value);
            value.release();
        }
        return row;
    }
}
