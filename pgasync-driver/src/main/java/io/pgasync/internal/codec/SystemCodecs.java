package io.pgasync.internal.codec;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.CodecContext;
import io.pgasync.types.PgLsn;
import io.pgasync.types.PgSnapshot;
import io.pgasync.types.PgTid;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Codecs for the system identifier types: {@code xid}, {@code xid8}, {@code cid}, {@code tid}, {@code pg_lsn},
 * {@code pg_snapshot}/{@code txid_snapshot} and the {@code reg*} object-identifier aliases.
 *
 * <p>The {@code reg*} types ({@code regclass}, {@code regtype}, ...) are requested in text, so they decode to
 * the object's name as the server prints it ({@code pg_class}, {@code integer}): that is what people select them
 * for. As parameters they take a name (a {@code String}, resolved by the server) or an OID (any Java integer).
 * Their binary form, the bare OID, is still read (inside binary arrays or records) and decodes to the OID in
 * decimal.
 */
final class SystemCodecs {

    private SystemCodecs() {}

    static final UnsignedIntCodec XID = new UnsignedIntCodec(PgOids.XID, "xid");
    static final UnsignedIntCodec CID = new UnsignedIntCodec(PgOids.CID, "cid");
    static final Xid8Codec XID8 = new Xid8Codec();
    static final TidCodec TID = new TidCodec();
    static final LsnCodec PG_LSN = new LsnCodec();
    static final SnapshotCodec PG_SNAPSHOT = new SnapshotCodec(PgOids.PG_SNAPSHOT, "pg_snapshot");
    static final SnapshotCodec TXID_SNAPSHOT = new SnapshotCodec(PgOids.TXID_SNAPSHOT, "txid_snapshot");
    static final RegCodec REGPROC = new RegCodec(PgOids.REGPROC, "regproc");
    static final RegCodec REGPROCEDURE = new RegCodec(PgOids.REGPROCEDURE, "regprocedure");
    static final RegCodec REGOPER = new RegCodec(PgOids.REGOPER, "regoper");
    static final RegCodec REGOPERATOR = new RegCodec(PgOids.REGOPERATOR, "regoperator");
    static final RegCodec REGCLASS = new RegCodec(PgOids.REGCLASS, "regclass");
    static final RegCodec REGTYPE = new RegCodec(PgOids.REGTYPE, "regtype");
    static final RegCodec REGCONFIG = new RegCodec(PgOids.REGCONFIG, "regconfig");
    static final RegCodec REGDICTIONARY = new RegCodec(PgOids.REGDICTIONARY, "regdictionary");
    static final RegCodec REGNAMESPACE = new RegCodec(PgOids.REGNAMESPACE, "regnamespace");
    static final RegCodec REGROLE = new RegCodec(PgOids.REGROLE, "regrole");
    static final RegCodec REGCOLLATION = new RegCodec(PgOids.REGCOLLATION, "regcollation");

    static final long UINT32_MAX = 0xFFFF_FFFFL;

    /** Converts an integral value to an unsigned 64-bit number held in a long (BigInteger up to 2^64 - 1). */
    static long toUnsigned64(Object value, String typeName) {
        if (value instanceof BigInteger big) {
            if (big.signum() < 0 || big.bitLength() > 64) {
                throw CodecSupport.outOfRange(value, typeName);
            }
            return big.longValue();
        }
        return NumericCodecs.toLong(value, typeName, 0, Long.MAX_VALUE);
    }

    /** Parses an unsigned decimal number of up to 64 bits. */
    static long parseUnsigned64(ByteBuf in, int index, int length, String typeName) {
        if (length == 0 || length > 20) {
            throw CodecSupport.invalidText(typeName, length, "not an unsigned 64-bit number");
        }
        long v = 0;
        for (int i = 0; i < length; i++) {
            int d = in.getByte(index + i) - '0';
            if (d < 0 || d > 9) {
                throw CodecSupport.invalidText(typeName, length, "not an unsigned 64-bit number");
            }
            long next = v * 10 + d;
            if (Long.compareUnsigned(v, 0x1999_9999_9999_9999L) > 0 || Long.compareUnsigned(next, v) < 0) {
                throw CodecSupport.invalidText(typeName, length, "out of range");
            }
            v = next;
        }
        return v;
    }

    static void writeUnsigned64(ByteBuf out, long value) {
        if (value >= 0) {
            CodecSupport.writeLong(out, value);
        } else {
            out.writeCharSequence(Long.toUnsignedString(value), StandardCharsets.US_ASCII);
        }
    }

    /** {@code xid} and {@code cid} ↔ {@link Long}: unsigned 32-bit numbers. */
    static final class UnsignedIntCodec extends BaseCodec<Long> {
        UnsignedIntCodec(int oid, String typeName) {
            super(oid, typeName, Long.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return NumericCodecs.isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeInt((int) NumericCodecs.toLong(value, typeName(), 0, UINT32_MAX));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            CodecSupport.writeLong(out, NumericCodecs.toLong(value, typeName(), 0, UINT32_MAX));
        }

        @Override
        Long decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength(typeName(), length, 4);
            return in.getUnsignedInt(index);
        }

        @Override
        Long decodeText(ByteBuf in, int index, int length, CodecContext context) {
            long v = CodecSupport.parseLong(in, index, length, typeName());
            if (v < 0 || v > UINT32_MAX) {
                throw CodecSupport.invalidText(typeName(), length, "out of range");
            }
            return v;
        }
    }

    /**
     * {@code xid8} ↔ {@link Long}: an unsigned 64-bit number (epoch and xid). Values above
     * {@link Long#MAX_VALUE}, which a server does not reach in practice, come back negative (read them with
     * {@link Long#toUnsignedString(long)}); a {@link BigInteger} up to 2^64 - 1 is accepted.
     */
    static final class Xid8Codec extends BaseCodec<Long> {
        Xid8Codec() {
            super(PgOids.XID8, "xid8", Long.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return NumericCodecs.isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeLong(toUnsigned64(value, "xid8"));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            writeUnsigned64(out, toUnsigned64(value, "xid8"));
        }

        @Override
        Long decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("xid8", length, 8);
            return in.getLong(index);
        }

        @Override
        Long decodeText(ByteBuf in, int index, int length, CodecContext context) {
            return parseUnsigned64(in, index, length, "xid8");
        }
    }

    /** {@code tid} ↔ {@link PgTid}. Binary: uint32 block, uint16 offset. Text: {@code (block,offset)}. */
    static final class TidCodec extends BaseCodec<PgTid> {
        TidCodec() {
            super(PgOids.TID, "tid", PgTid.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgTid.class;
        }

        private static PgTid toTid(Object value) {
            if (value instanceof PgTid tid) {
                return tid;
            }
            throw CodecSupport.cannotEncode(value, "tid");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            PgTid tid = toTid(value);
            out.writeInt((int) tid.block());
            out.writeShort(tid.offset());
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(toTid(value).toString(), StandardCharsets.US_ASCII);
        }

        @Override
        PgTid decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("tid", length, 6);
            return new PgTid(in.getUnsignedInt(index), in.getUnsignedShort(index + 4));
        }

        @Override
        PgTid decodeText(ByteBuf in, int index, int length, CodecContext context) {
            int comma = in.indexOf(index, index + length, (byte) ',');
            if (length < 5 || in.getByte(index) != '(' || in.getByte(index + length - 1) != ')' || comma < 0) {
                throw CodecSupport.invalidText("tid", length, "expected (block,offset)");
            }
            long block = CodecSupport.parseLong(in, index + 1, comma - index - 1, "tid");
            long offset = CodecSupport.parseLong(in, comma + 1, index + length - 2 - comma, "tid");
            if (block < 0 || block > UINT32_MAX || offset < 0 || offset > 0xFFFF) {
                throw CodecSupport.invalidText("tid", length, "out of range");
            }
            return new PgTid(block, (int) offset);
        }
    }

    /** {@code pg_lsn} ↔ {@link PgLsn}. Binary: uint64. Text: {@code X/Y}. */
    static final class LsnCodec extends BaseCodec<PgLsn> {
        LsnCodec() {
            super(PgOids.PG_LSN, "pg_lsn", PgLsn.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgLsn.class;
        }

        private static PgLsn toLsn(Object value) {
            if (value instanceof PgLsn lsn) {
                return lsn;
            }
            throw CodecSupport.cannotEncode(value, "pg_lsn");
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            out.writeLong(toLsn(value).value());
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(toLsn(value).toString(), StandardCharsets.US_ASCII);
        }

        @Override
        PgLsn decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength("pg_lsn", length, 8);
            return new PgLsn(in.getLong(index));
        }

        @Override
        PgLsn decodeText(ByteBuf in, int index, int length, CodecContext context) {
            String s = CodecSupport.ascii(in, index, length, "pg_lsn");
            try {
                return PgLsn.parse(s);
            } catch (IllegalArgumentException e) {
                throw CodecSupport.invalidText("pg_lsn", length, "expected X/Y in hexadecimal");
            }
        }
    }

    /**
     * {@code pg_snapshot} and {@code txid_snapshot} ↔ {@link PgSnapshot}. Binary: int32 count, int64 xmin,
     * int64 xmax, then count int64 in-progress IDs. Text: {@code xmin:xmax:xip,...}.
     */
    static final class SnapshotCodec extends BaseCodec<PgSnapshot> {
        SnapshotCodec(int oid, String typeName) {
            super(oid, typeName, PgSnapshot.class);
        }

        @Override
        boolean accepts(Class<?> type) {
            return type == PgSnapshot.class;
        }

        private PgSnapshot toSnapshot(Object value) {
            if (value instanceof PgSnapshot snapshot) {
                return snapshot;
            }
            throw CodecSupport.cannotEncode(value, typeName());
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            PgSnapshot s = toSnapshot(value);
            out.writeInt(s.xip().size());
            out.writeLong(s.xmin());
            out.writeLong(s.xmax());
            for (Long xid : s.xip()) {
                out.writeLong(xid);
            }
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            out.writeCharSequence(toSnapshot(value).toString(), StandardCharsets.US_ASCII);
        }

        @Override
        PgSnapshot decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            if (length < 20) {
                throw CodecSupport.invalidBinary(typeName(), length, "shorter than its 20-byte header");
            }
            int count = in.getInt(index);
            if (count < 0 || count > (length - 20) / 8 || length != 20 + 8 * count) {
                throw CodecSupport.invalidBinary(typeName(), length, "announces " + count + " transaction IDs");
            }
            Long[] xip = new Long[count];
            for (int i = 0; i < count; i++) {
                xip[i] = in.getLong(index + 20 + 8 * i);
            }
            return new PgSnapshot(in.getLong(index + 4), in.getLong(index + 12), java.util.Arrays.asList(xip));
        }

        @Override
        PgSnapshot decodeText(ByteBuf in, int index, int length, CodecContext context) {
            int end = index + length;
            int first = in.indexOf(index, end, (byte) ':');
            int second = first < 0 ? -1 : in.indexOf(first + 1, end, (byte) ':');
            if (second < 0) {
                throw CodecSupport.invalidText(typeName(), length, "expected xmin:xmax:xip");
            }
            long xmin = parseUnsigned64(in, index, first - index, typeName());
            long xmax = parseUnsigned64(in, first + 1, second - first - 1, typeName());
            java.util.List<Long> xip = new java.util.ArrayList<>();
            int at = second + 1;
            while (at < end) {
                int comma = in.indexOf(at, end, (byte) ',');
                int stop = comma < 0 ? end : comma;
                xip.add(parseUnsigned64(in, at, stop - at, typeName()));
                at = comma < 0 ? end : comma + 1;
                if (comma == end - 1) {
                    throw CodecSupport.invalidText(typeName(), length, "trailing comma");
                }
            }
            return new PgSnapshot(xmin, xmax, xip);
        }
    }

    /**
     * The {@code reg*} types ↔ {@link String}: the object's name, requested in text (see the class comment).
     * Parameters: a name (text, for the server to resolve) or an OID (a Java integer, sent as its digits).
     */
    static final class RegCodec extends BaseCodec<String> {
        RegCodec(int oid, String typeName) {
            super(oid, typeName, String.class);
        }

        @Override
        public boolean supportsBinary() {
            return false; // results in text: names, not bare OIDs
        }

        @Override
        boolean accepts(Class<?> type) {
            return NumericCodecs.isIntegral(type);
        }

        @Override
        void encodeBinary(Object value, ByteBuf out, CodecContext context) {
            if (value instanceof String) {
                throw new IllegalArgumentException("a " + typeName() + " name is sent in text format");
            }
            out.writeInt((int) NumericCodecs.toLong(value, typeName(), 0, UINT32_MAX));
        }

        @Override
        void encodeText(Object value, ByteBuf out, CodecContext context) {
            if (value instanceof String s) {
                CodecSupport.writeUtf8(out, s);
            } else {
                CodecSupport.writeLong(out, NumericCodecs.toLong(value, typeName(), 0, UINT32_MAX));
            }
        }

        @Override
        String decodeBinary(ByteBuf in, int index, int length, CodecContext context) {
            CodecSupport.checkLength(typeName(), length, 4);
            return Long.toString(in.getUnsignedInt(index));
        }

        @Override
        String decodeText(ByteBuf in, int index, int length, CodecContext context) {
            return CodecSupport.decodeUtf8(in, index, length, typeName(), io.pgasync.codec.Format.TEXT);
        }
    }
}
