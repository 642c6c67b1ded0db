package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.pgasync.exception.PgClientException;
import java.util.Map;

/**
 * Writers for every message this client sends, each appending one complete message to a buffer.
 *
 * <p>Lengths are back-patched after the body is written and checked before they can overflow: PostgreSQL refuses
 * any message over 1 GiB, so a larger one is refused here, before a byte of it goes out (the pgx CVE-2024-27304
 * lesson: a wrapped length turns the remainder into attacker-chosen messages). Strings are written as UTF-8 and
 * NUL-terminated; a string with a NUL character inside would end early on the server, so it is refused.
 */
public final class FrontendMessages {

    /** The largest message the server accepts (its MaxAllocSize is 1 GiB - 1). */
    static final int MAX_MESSAGE_LENGTH = 0x3FFF_FFFF;

    static final int SSL_REQUEST_CODE = 80877103;
    static final int CANCEL_REQUEST_CODE = 80877102;
    static final int PROTOCOL_3_0 = 196608;
    static final int PROTOCOL_3_2 = 196610;

    private FrontendMessages() {}

    /** Starts a message: writes the type and a length placeholder; returns the length's index. */
    static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        return lengthIndex;
    }

    /** Back-patches the length of a message begun at {@code lengthIndex}. */
    static void end(ByteBuf out, int lengthIndex) {
        long length = (long) out.writerIndex() - lengthIndex;
        checkLength(length);
        out.setInt(lengthIndex, (int) length);
    }

    /** Refuses a message length the server cannot accept (and that could wrap an int32 length). */
    static void checkLength(long length) {
        if (length < 4 || length > MAX_MESSAGE_LENGTH) {
            throw new PgClientException("A message of " + length + " bytes cannot be sent: PostgreSQL accepts at"
                    + " most 1 GiB per message. Split the data, or stream it with COPY.");
        }
    }

    /** Writes a NUL-terminated UTF-8 string, refusing embedded NUL characters. */
    static void writeCString(ByteBuf out, String s, String what) {
        if (s.indexOf('\0') >= 0) {
            throw new PgClientException(what + " contains a NUL character (U+0000), which PostgreSQL cannot accept");
        }
        ByteBufUtil.writeUtf8(out, s);
        out.writeByte(0);
    }

    /**
     * StartupMessage.
     *
     * @param out the buffer
     * @param protocolVersion {@link #PROTOCOL_3_0} or {@link #PROTOCOL_3_2}
     * @param parameters user, database, options, application_name, settings (insertion order kept)
     */
    static void startup(ByteBuf out, int protocolVersion, Map<String, String> parameters) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        out.writeInt(protocolVersion);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            writeCString(out, e.getKey(), "startup parameter name");
            writeCString(out, e.getValue(), "startup parameter " + e.getKey());
        }
        out.writeByte(0);
        int length = out.writerIndex() - lengthIndex;
        if (length > 10_000) { // the server's MAX_STARTUP_PACKET_LENGTH
            throw new PgClientException("The startup packet would be " + length + " bytes; PostgreSQL accepts at"
                    + " most 10000. Shorten the options or server settings.");
        }
        out.setInt(lengthIndex, length);
    }

    static void sslRequest(ByteBuf out) {
        out.writeInt(8);
        out.writeInt(SSL_REQUEST_CODE);
    }

    static void cancelRequest(ByteBuf out, int processId, byte[] secretKey) {
        out.writeInt(12 + secretKey.length);
        out.writeInt(CANCEL_REQUEST_CODE);
        out.writeInt(processId);
        out.writeBytes(secretKey);
    }

    /** PasswordMessage with a NUL-terminated payload (cleartext or MD5 response). */
    static void password(ByteBuf out, byte[] payloadWithoutNul) {
        int at = begin(out, 'p');
        out.writeBytes(payloadWithoutNul);
        out.writeByte(0);
        end(out, at);
    }

    static void saslInitialResponse(ByteBuf out, String mechanism, byte[] data) {
        int at = begin(out, 'p');
        writeCString(out, mechanism, "SASL mechanism");
        out.writeInt(data.length);
        out.writeBytes(data);
        end(out, at);
    }

    static void saslResponse(ByteBuf out, byte[] data) {
        int at = begin(out, 'p');
        out.writeBytes(data);
        end(out, at);
    }

    static void query(ByteBuf out, String sql) {
        int at = begin(out, 'Q');
        writeCString(out, sql, "The SQL text");
        end(out, at);
    }

    static void parse(ByteBuf out, String statementName, String sql, int[] parameterTypes) {
        int at = begin(out, 'P');
        writeCString(out, statementName, "statement name");
        writeCString(out, sql, "The SQL text");
        if (parameterTypes == null) {
            out.writeShort(0);
        } else {
            out.writeShort(parameterTypes.length);
            for (int oid : parameterTypes) {
                out.writeInt(oid);
            }
        }
        end(out, at);
    }

    static void describeStatement(ByteBuf out, String statementName) {
        int at = begin(out, 'D');
        out.writeByte('S');
        writeCString(out, statementName, "statement name");
        end(out, at);
    }

    static void describePortal(ByteBuf out, String portalName) {
        int at = begin(out, 'D');
        out.writeByte('P');
        writeCString(out, portalName, "portal name");
        end(out, at);
    }

    static void execute(ByteBuf out, String portalName, int maxRows) {
        int at = begin(out, 'E');
        writeCString(out, portalName, "portal name");
        out.writeInt(maxRows);
        end(out, at);
    }

    static void closeStatement(ByteBuf out, String statementName) {
        int at = begin(out, 'C');
        out.writeByte('S');
        writeCString(out, statementName, "statement name");
        end(out, at);
    }

    static void closePortal(ByteBuf out, String portalName) {
        int at = begin(out, 'C');
        out.writeByte('P');
        writeCString(out, portalName, "portal name");
        end(out, at);
    }

    static void sync(ByteBuf out) {
        out.writeByte('S');
        out.writeInt(4);
    }

    static void flush(ByteBuf out) {
        out.writeByte('H');
        out.writeInt(4);
    }

    static void terminate(ByteBuf out) {
        out.writeByte('X');
        out.writeInt(4);
    }

    static void copyData(ByteBuf out, ByteBuf data) {
        int at = begin(out, 'd');
        out.writeBytes(data, data.readerIndex(), data.readableBytes());
        end(out, at);
    }

    static void copyDone(ByteBuf out) {
        out.writeByte('c');
        out.writeInt(4);
    }

    static void copyFail(ByteBuf out, String reason) {
        int at = begin(out, 'f');
        writeCString(out, reason.replace('\0', ' '), "COPY failure reason");
        end(out, at);
    }
}
