package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.exception.PgParameterException;

/**
 * Writes a Bind message: each argument encoded for the type the server inferred for its parameter (binary where
 * the codec can), and the result formats the statement's description chose. A value that cannot be encoded fails
 * with {@link PgParameterException} naming the parameter, its type and the Java class; the caller discards the
 * partly written message.
 */
final class BindWriter {

    private BindWriter() {}

    static void write(ByteBuf out, String portal, String statementName, int[] parameterTypes, Object[] args,
            RowDescription description, PgConnectionImpl conn) {
        int n = args.length;
        int at = FrontendMessages.begin(out, 'B');
        FrontendMessages.writeCString(out, portal, "portal name");
        FrontendMessages.writeCString(out, statementName, "statement name");
        int formatsAt = out.writerIndex();
        out.writeShort(n);
        for (int i = 0; i < n; i++) {
            out.writeShort(0); // patched below, once each value's format is known
        }
        out.writeShort(n);
        for (int i = 0; i < n; i++) {
            Object value = args[i];
            if (value == null) {
                out.writeInt(-1);
                continue;
            }
            int oid = parameterTypes[i];
            Codec<?> codec = conn.codecs.encoderFor(oid, value);
            if (codec == null) {
                throw new PgParameterException("Parameter $" + (i + 1) + " is of type " + typeName(conn, oid)
                        + " and cannot take a " + value.getClass().getName() + " value. Pass one of the Java types"
                        + " mapped to " + typeName(conn, oid) + " (see docs/types.md), or a String in PostgreSQL's"
                        + " text syntax.", i + 1, null);
            }
            Format format = conn.codecs.parameterFormat(codec, value);
            out.setShort(formatsAt + 2 + 2 * i, format.code());
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            try {
                codec.encode(value, format, out, conn.codecContext);
            } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
                throw new PgParameterException("Parameter $" + (i + 1) + " (" + typeName(conn, oid) + ") cannot"
                        + " take this " + value.getClass().getName() + " value: " + e.getMessage(), i + 1, e);
            }
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }
        writeResultFormats(out, description);
        FrontendMessages.end(out, at);
    }

    static void writeResultFormats(ByteBuf out, RowDescription d) {
        if (d == null || d.size() == 0) {
            out.writeShort(0);
            return;
        }
        Format uniform = d.uniformFormat();
        if (uniform != null) {
            out.writeShort(1);
            out.writeShort(uniform.code());
        } else {
            out.writeShort(d.size());
            for (Format f : d.formats) {
                out.writeShort(f.code());
            }
        }
    }

    static String typeName(PgConnectionImpl conn, int oid) {
        String name = conn.codecs.typeName(oid);
        return name != null ? name : "OID " + oid;
    }

    /** Checks the argument count against the statement's parameters. */
    static void checkArgumentCount(int expected, int given) {
        if (given != expected) {
            throw new PgParameterException("The query has " + expected + " parameter" + (expected == 1 ? "" : "s")
                    + (expected > 0 ? " ($1..$" + expected + ")" : "") + " but " + given + " argument"
                    + (given == 1 ? " was" : "s were") + " given. Pass exactly one value per parameter (null for SQL"
                    + " NULL).", 0, null);
        }
    }
}
