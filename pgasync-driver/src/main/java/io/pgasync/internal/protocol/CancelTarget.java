package io.pgasync.internal.protocol;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.pgasync.PgHost;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where and how to send a CancelRequest for a connection: a new socket to the same address, with TLS when the
 * connection itself uses TLS (so the cancel key does not cross the network in the clear), carrying the server
 * process ID and the secret key. Fire and forget: PostgreSQL answers a cancel by closing the socket, and whether
 * anything was cancelled shows up on the connection itself.
 */
final class CancelTarget {

    private static final System.Logger LOG = System.getLogger("io.pgasync.protocol");
    private static final long CANCEL_TIMEOUT_SECONDS = 10;

    private final EventLoopGroup group;
    private final Class<? extends Channel> channelClass;
    private final SocketAddress address;
    private final PgHost host;
    private final ConnectSettings.TlsEngineFactory tls;

    CancelTarget(EventLoopGroup group, Class<? extends Channel> channelClass, SocketAddress address, PgHost host,
            ConnectSettings.TlsEngineFactory tls) {
        this.group = group;
        this.channelClass = channelClass;
        this.address = address;
        this.host = host;
        this.tls = tls;
    }

    String describe() {
        return host.toString();
    }

    PgHost host() {
        return host;
    }

    /**
     * Sends a CancelRequest.
     *
     * @return completes when the server has closed the cancel connection (it closes it once the backend has been
     *     signalled), or the attempt failed, or {@value #CANCEL_TIMEOUT_SECONDS} seconds passed; never fails
     */
    CompletableFuture<Void> sendCancel(int processId, byte[] secretKey) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(channelClass)
                .handler(new Connector.SetupHandler());
        if (!host.isUnixSocket()) {
            bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TimeUnit.SECONDS.toMillis(CANCEL_TIMEOUT_SECONDS));
        }
        bootstrap.connect(address).addListener(f -> {
            if (!f.isSuccess()) {
                LOG.log(System.Logger.Level.DEBUG, "could not send a cancel request to " + host + ": " + f.cause());
                done.complete(null);
                return;
            }
            Channel channel = ((io.netty.channel.ChannelFuture) f).channel();
            channel.closeFuture().addListener(c -> done.complete(null));
            channel.eventLoop().schedule(() -> channel.close(), CANCEL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (tls == null) {
                writeCancel(channel, processId, secretKey);
                return;
            }
            CompletableFuture<SslNegotiationHandler.Answer> answer = new CompletableFuture<>();
            answer.whenComplete((a, error) -> {
                if (error != null) {
                    channel.close();
                } else if (a == SslNegotiationHandler.Answer.ACCEPTED) {
                    SslHandler ssl = new SslHandler(tls.newEngine(host.host(), host.port(), false));
                    channel.pipeline().addFirst(ssl);
                    ssl.handshakeFuture().addListener(h -> {
                        if (h.isSuccess()) {
                            writeCancel(channel, processId, secretKey);
                        } else {
                            channel.close();
                        }
                    });
                } else {
                    writeCancel(channel, processId, secretKey);
                }
            });
            channel.pipeline().addLast(new SslNegotiationHandler(answer));
            ByteBuf request = channel.alloc().buffer(8);
            FrontendMessages.sslRequest(request);
            channel.writeAndFlush(request);
        });
        return done;
    }

    /** Writes the request and leaves the connection open: the server closes it once it has signalled the backend. */
    private static void writeCancel(Channel channel, int processId, byte[] secretKey) {
        ByteBuf message = channel.alloc().buffer(12 + secretKey.length);
        FrontendMessages.cancelRequest(message, processId, secretKey);
        channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
