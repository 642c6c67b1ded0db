package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.exception.PgErrorFields;
import io.pgasync.exception.PgProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readers for the fields of backend messages; every length and terminator is checked, never trusted. */
final class Wire {

    private Wire() {}

    /** Reads a NUL-terminated UTF-8 string. */
    static String readCString(ByteBuf in) {
        int length = in.bytesBefore((byte) 0);
        if (length < 0) {
            throw new PgProtocolException("The server sent a string without its terminating NUL byte");
        }
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length + 1);
        return s;
    }

    static int readInt(ByteBuf in, String what) {
        if (in.readableBytes() < 4) {
            throw new PgProtocolException("The server sent a truncated " + what);
        }
        return in.readInt();
    }

    static short readShort(ByteBuf in, String what) {
        if (in.readableBytes() < 2) {
            throw new PgProtocolException("The server sent a truncated " + what);
        }
        return in.readShort();
    }

    /** Reads the fields of an ErrorResponse or NoticeResponse. */
    static PgErrorFields readErrorFields(ByteBuf in, boolean detailInMessage) {
        Map<Character, String> fields = new LinkedHashMap<>();
        while (in.isReadable()) {
            byte code = in.readByte();
            if (code == 0) {
                break;
            }
            fields.put((char) (code & 0xff), readCString(in));
        }
        return PgErrorFields.of(fields, detailInMessage);
    }

    /**
     * Reads a CommandComplete tag for its row count alone (the number after its last space, as
     * {@code CommandStatus.parse} finds it), without building a string: -1 when the tag reports none.
     */
    static long readCommandTagRowCount(ByteBuf in) {
        int start = in.readerIndex();
        int length = in.bytesBefore((byte) 0);
        if (length < 0) {
            throw new PgProtocolException("The server sent a string without its terminating NUL byte");
        }
        in.skipBytes(length + 1);
        int end = start + length;
        int digitsStart = end;
        while (digitsStart > start && isDigit(in.getByte(digitsStart - 1))) {
            digitsStart--;
        }
        int digits = end - digitsStart;
        // a count needs a command word before it, a space, and at most 18 digits (it then fits a long)
        if (digits == 0 || digits > 18 || digitsStart - 1 <= start || in.getByte(digitsStart - 1) != ' ') {
            return -1;
        }
        long count = 0;
        for (int i = digitsStart; i < end; i++) {
            count = count * 10 + (in.getByte(i) - '0');
        }
        return count;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Reads a CommandComplete tag. */
    static String readCommandTag(ByteBuf in) {
        return readCString(in);
    }

    /** Reads a ParameterDescription: the server-inferred parameter type OIDs. */
    static int[] readParameterDescription(ByteBuf in) {
        int count = readShort(in, "ParameterDescription") & 0xffff;
        if (in.readableBytes() < count * 4L) {
            throw new PgProtocolException("The server sent a ParameterDescription shorter than its " + count
                    + " parameters");
        }
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = in.readInt();
        }
        return oids;
    }
}
