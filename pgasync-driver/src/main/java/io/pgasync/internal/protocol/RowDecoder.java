package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.PgColumn;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgProtocolException;

/**
 * Decodes a DataRow in place into the row's values, with the statement's column codecs. Lengths are untrusted:
 * -1 is NULL, any other negative length or one past the message's end is a protocol error (pgx CVE-2026-32286);
 * a value its codec rejects is a {@link PgClientException} naming the column, and the connection stays usable.
 */
final class RowDecoder {

    private RowDecoder() {}

    static Object[] decode(ByteBuf body, RowDescription d, PgConnectionImpl conn) {
        int count = Wire.readShort(body, "DataRow") & 0xffff;
        if (count != d.size()) {
            throw new PgProtocolException("The server sent a row of " + count + " columns for a statement described"
                    + " with " + d.size());
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            int length = Wire.readInt(body, "DataRow");
            if (length == -1) {
                continue;
            }
            if (length < 0 || length > body.readableBytes()) {
                throw new PgProtocolException("The server sent a DataRow value with length " + length + " ("
                        + body.readableBytes() + " bytes left); the connection is out of step and is closed");
            }
            int start = body.readerIndex();
            try {
                values[i] = d.codecs[i].decode(body, length, d.formats[i], conn.codecContext);
            } catch (RuntimeException e) {
                PgColumn column = d.columns.get(i);
                throw new PgClientException("Could not decode column " + i + " (\"" + column.name() + "\", type "
                        + (column.typeName() != null ? column.typeName() : "OID " + column.typeOid()) + ", "
                        + d.formats[i] + " format): " + e.getMessage(), e);
            }
            body.readerIndex(start + length);
        }
        return values;
    }
}
