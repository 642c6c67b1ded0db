package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.pgasync.exception.PgProtocolException;
import java.util.List;

/**
 * Splits the backend byte stream into messages (1-byte type, int32 length that includes itself, body) and hands
 * each one, in place, to a {@link MessageSink}: the body is the cumulation buffer itself, its reader index at the
 * body and its writer index moved to the message's end for the duration of the call. No frame buffer is created
 * per message (a sliced frame per message was the largest allocation per query), and nothing outlives the call:
 * a sink copies what it keeps.
 *
 * <p>Lengths are checked before any buffering, with libpq's rule: a length below 4 means the stream is out of
 * step; only the message types that may legitimately be long (RowDescription, DataRow, CopyData, ErrorResponse,
 * NoticeResponse, NotificationResponse, FunctionCallResponse) may exceed 30000 bytes, and none may exceed the
 * configured maximum. A violation is a {@link PgProtocolException}, and the connection is closed.
 */
final class PgFrameDecoder extends ByteToMessageDecoder {

    /** Receives each backend message. */
    interface MessageSink {

        /**
         * Handles one message.
         *
         * @param type the message type byte
         * @param body the body; readable exactly up to the message's end, valid only during the call
         */
        void onMessage(byte type, ByteBuf body);
    }

    static final int MAX_SHORT_MESSAGE = 30_000;

    private final int maxMessageSize;
    private final MessageSink sink;

    PgFrameDecoder(int maxMessageSize, MessageSink sink) {
        this.maxMessageSize = maxMessageSize;
        this.sink = sink;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 5) {
            int at = in.readerIndex();
            byte type = in.getByte(at);
            int length = in.getInt(at + 1);
            check(type, length);
            int end = at + 1 + length;
            if (in.writerIndex() < end) {
                return; // wait for the rest of the message
            }
            int writerIndex = in.writerIndex();
            in.readerIndex(at + 5);
            in.writerIndex(end);
            try {
                sink.onMessage(type, in);
            } finally {
                in.writerIndex(writerIndex);
                in.readerIndex(end);
            }
            if (ctx.isRemoved() || !ctx.channel().isActive()) {
                in.skipBytes(in.readableBytes());
                return;
            }
        }
    }

    private void check(byte type, int length) {
        if (length < 4) {
            throw new PgProtocolException("The server sent a message of type '" + printable(type) + "' with length "
                    + length + "; the connection is out of step with the protocol and is closed");
        }
        if (length > MAX_SHORT_MESSAGE && !mayBeLong(type)) {
            throw new PgProtocolException("The server sent a message of type '" + printable(type) + "' of " + length
                    + " bytes, more than that type can be; the connection is out of step and is closed");
        }
        if (length > maxMessageSize - 1) {
            throw new PgProtocolException("The server sent a message of " + length + " bytes, more than"
                    + " maxMessageSize (" + maxMessageSize + "). Raise maxMessageSize (at most 1 GiB) to read"
                    + " values this large.");
        }
    }

    static boolean mayBeLong(byte type) {
        return type == 'T' || type == 'D' || type == 'd' || type == 'V' || type == 'E' || type == 'N'
                || type == 'A';
    }

    static String printable(byte type) {
        return type >= 0x20 && type < 0x7f ? String.valueOf((char) type) : "0x" + Integer.toHexString(type & 0xff);
    }
}
