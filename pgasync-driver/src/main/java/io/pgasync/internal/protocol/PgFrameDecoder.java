package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.pgasync.exception.PgProtocolException;

/**
 * Splits the backend byte stream into messages (1-byte type, int32 length that includes itself, body), each
 * passed on as one buffer holding the whole message.
 *
 * <p>Lengths are checked before any buffering, with libpq's rule: a length below 4 means the stream is out of
 * step; only the message types that may legitimately be long (RowDescription, DataRow, CopyData, ErrorResponse,
 * NoticeResponse, NotificationResponse, FunctionCallResponse) may exceed 30000 bytes, and none may exceed the
 * configured maximum. A violation is a {@link PgProtocolException}, and the connection is closed.
 */
final class PgFrameDecoder extends LengthFieldBasedFrameDecoder {

    static final int MAX_SHORT_MESSAGE = 30_000;

    private final int maxMessageSize;

    PgFrameDecoder(int maxMessageSize) {
        super(maxMessageSize, 1, 4, -4, 0, true);
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (in.readableBytes() >= 5) {
            int at = in.readerIndex();
            byte type = in.getByte(at);
            int length = in.getInt(at + 1);
            if (length < 4) {
                throw new PgProtocolException("The server sent a message of type '" + printable(type)
                        + "' with length " + length + "; the connection is out of step with the protocol and is closed");
            }
            if (length > MAX_SHORT_MESSAGE && !mayBeLong(type)) {
                throw new PgProtocolException("The server sent a message of type '" + printable(type) + "' of "
                        + length + " bytes, more than that type can be; the connection is out of step and is closed");
            }
            if (length > maxMessageSize - 1) {
                throw new PgProtocolException("The server sent a message of " + length + " bytes, more than"
                        + " maxMessageSize (" + maxMessageSize + "). Raise maxMessageSize (at most 1 GiB) to read"
                        + " values this large.");
            }
        }
        return super.decode(ctx, in);
    }

    static boolean mayBeLong(byte type) {
        return type == 'T' || type == 'D' || type == 'd' || type == 'V' || type == 'E' || type == 'N'
                || type == 'A';
    }

    static String printable(byte type) {
        return type >= 0x20 && type < 0x7f ? String.valueOf((char) type) : "0x" + Integer.toHexString(type & 0xff);
    }
}
