package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgException;
import io.pgasync.exception.PgProtocolException;
import java.io.IOException;

/**
 * The Netty end of a connection: hands each backend message that {@link PgFrameDecoder} frames to the
 * {@link PgConnectionImpl}, turns pipeline exceptions into a closed connection with a typed cause, and reports the
 * channel closing and its writability. Never shared between channels.
 */
final class ProtocolHandler extends ChannelInboundHandlerAdapter {

    private final PgConnectionImpl conn;

    ProtocolHandler(PgConnectionImpl conn) {
        this.conn = conn;
    }

    /** Called by {@link PgFrameDecoder} for each backend message, on the event loop. */
    void onMessage(byte type, ByteBuf body) {
        try {
            conn.onMessage(type, body);
        } catch (PgException e) {
            conn.closeWithCause(e);
        } catch (IndexOutOfBoundsException e) {
            conn.closeWithCause(new PgProtocolException("The server sent a message shorter than its contents"
                    + " require; the connection is closed", e));
        } catch (RuntimeException e) {
            conn.closeWithCause(new PgProtocolException("Could not process a message from the server: " + e, e));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof PgException pg) {
            conn.closeWithCause(pg);
        } else if (root instanceof IOException) {
            conn.closeWithCause(new PgConnectionException("The connection was lost: " + root.getMessage(), root));
        } else {
            conn.closeWithCause(new PgConnectionException("The connection failed: " + root, root));
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        conn.onWritabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        conn.onChannelClosed();
    }
}
