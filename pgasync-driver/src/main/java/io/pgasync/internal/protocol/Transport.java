package io.pgasync.internal.protocol;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pgasync.exception.PgConnectionException;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;

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
    /**
     * Sets libpq's keep-alive timing ({@code keepalives_idle}, {@code keepalives_interval}, {@code keepalives_count})
     * and {@code tcp_user_timeout} on a TCP bootstrap; null (or a zero user timeout) leaves the OS default. NIO
     * sockets take the keep-alive timing through {@code jdk.net}; the user timeout needs epoll and is ignored with
     * a warning on NIO.
     */
    static void keepaliveTiming(Bootstrap bootstrap, Class<? extends Channel> channelClass, Duration idle,
            Duration interval, Integer count, Duration userTimeout) {
        boolean user = userTimeout != null && !userTimeout.isZero();
        if (idle == null && interval == null && count == null && !user) {
            return;
        }
        if (channelClass != NioSocketChannel.class) {
            EpollSupport.keepaliveTiming(bootstrap, idle, interval, count, userTimeout);
            return;
        }
        if (idle != null) {
            bootstrap.option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), (int) idle.toSeconds());
        }
        if (interval != null) {
            bootstrap.option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL), (int) interval.toSeconds());
        }
        if (count != null) {
            bootstrap.option(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), count);
        }
        if (user && !userTimeoutWarned) {
            userTimeoutWarned = true;
            System.getLogger("io.pgasync.connect").log(System.Logger.Level.WARNING, "tcp_user_timeout is ignored:"
                    + " it needs the native epoll transport (Linux, with netty-transport-native-epoll on the class"
                    + " path), and this connection uses NIO");
        }
    }

    private static volatile boolean userTimeoutWarned;

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
