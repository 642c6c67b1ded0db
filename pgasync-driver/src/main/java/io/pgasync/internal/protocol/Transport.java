package io.pgasync.internal.protocol;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pgasync.exception.PgConnectionException;

/**
 * The Netty transport connections use: native epoll on Linux when it is on the class path (and allowed), NIO
 * otherwise; unix domain sockets need epoll. The shared default event loop groups are created on first use, with
 * daemon threads, and live as long as the JVM.
 */
final class Transport {

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile EventLoopGroup sharedNio;

    private Transport() {}

    /** Whether the native epoll transport can be used in this JVM. */
    static boolean epollAvailable() {
        return EpollSupport.AVAILABLE;
    }

    static EventLoopGroup defaultGroup(boolean nativeTransport) {
        if (nativeTransport && epollAvailable()) {
            return EpollSupport.sharedGroup();
        }
        EventLoopGroup group = sharedNio;
        if (group == null) {
            synchronized (Transport.class) {
                group = sharedNio;
                if (group == null) {
                    group = new MultiThreadIoEventLoopGroup(THREADS, new DefaultThreadFactory("pgasync-nio", true),
                            NioIoHandler.newFactory());
                    sharedNio = group;
                }
            }
        }
        return group;
    }

    /** The TCP channel class for a group. */
    static Class<? extends Channel> socketChannel(EventLoopGroup group) {
        if (epollAvailable() && EpollSupport.isEpollGroup(group)) {
            return EpollSupport.socketChannel();
        }
        if (group instanceof IoEventLoopGroup io && !io.isIoType(NioIoHandler.class)) {
            throw new PgConnectionException("The event loop group given to pgasync uses an I/O type it does not"
                    + " support; use NIO or epoll (MultiThreadIoEventLoopGroup with NioIoHandler or EpollIoHandler)");
        }
        return NioSocketChannel.class;
    }

    /** The unix-domain-socket channel class for a group, or a clear error when there is none. */
    static Class<? extends Channel> domainSocketChannel(EventLoopGroup group) {
        if (!epollAvailable()) {
            throw new PgConnectionException("Unix domain sockets need Netty's native epoll transport: add"
                    + " io.netty:netty-transport-native-epoll (classifier linux-x86_64 or linux-aarch_64) to the"
                    + " class path, on Linux" + EpollSupport.unavailabilityCause() + ". Or connect over TCP.");
        }
        if (!EpollSupport.isEpollGroup(group)) {
            throw new PgConnectionException("Unix domain sockets need an epoll event loop group; the group given to"
                    + " pgasync is not one. Pass an epoll group, or leave the default.");
        }
        return EpollSupport.domainSocketChannel();
    }

    static java.net.SocketAddress domainSocketAddress(String path) {
        return EpollSupport.domainSocketAddress(path);
    }
}
