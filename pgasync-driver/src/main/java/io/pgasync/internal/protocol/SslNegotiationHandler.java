package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.pgasync.exception.PgProtocolException;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the server's one-byte answer to SSLRequest: {@code S} (go ahead with TLS), {@code N} (no TLS), or
 * anything else (an error from a server that does not understand the request).
 *
 * <p>The answer must be the only byte the server has sent: the server writes nothing else before the client's TLS
 * handshake, so a byte after {@code S} (or {@code N}) in the same read was put there by someone else, and is a
 * protocol error, never data (libpq CVE-2021-23222; r2dbc-postgresql issue #705). The handler removes itself
 * before completing, so no later byte reaches it.
 */
final class SslNegotiationHandler extends ChannelInboundHandlerAdapter {

    /** The server's answer. */
    enum Answer { ACCEPTED, REFUSED }

    private final CompletableFuture<Answer> answer;

    SslNegotiationHandler(CompletableFuture<Answer> answer) {
        this.answer = answer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (!in.isReadable()) {
                return;
            }
            byte b = in.readByte();
            if (in.isReadable()) {
                answer.completeExceptionally(new PgProtocolException("The server sent " + (in.readableBytes() + 1)
                        + " bytes in answer to SSLRequest where exactly one is allowed; someone may be tampering with"
                        + " the connection. It is closed."));
                ctx.close();
                return;
            }
            ctx.pipeline().remove(this);
            if (b == 'S') {
                answer.complete(Answer.ACCEPTED);
            } else if (b == 'N') {
                answer.complete(Answer.REFUSED);
            } else {
                // An ErrorResponse here comes before any encryption: its text is not shown (libpq CVE-2024-10977)
                answer.completeExceptionally(new PgProtocolException("The server rejected the SSL negotiation"
                        + " (it answered with a message of type '" + PgFrameDecoder.printable(b) + "'); it may be"
                        + " too old or not PostgreSQL"));
                ctx.close();
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        answer.completeExceptionally(new io.pgasync.exception.PgConnectionException(
                "The server closed the connection instead of answering SSLRequest"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        answer.completeExceptionally(new io.pgasync.exception.PgConnectionException(
                "The connection failed during SSL negotiation: " + cause.getMessage(), cause));
        ctx.close();
    }
}
