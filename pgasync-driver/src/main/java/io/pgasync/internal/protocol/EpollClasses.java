package io.pgasync.internal.protocol;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;

/** Direct references to Netty's epoll classes; loaded only after {@link EpollSupport} found them. */
final class EpollClasses {

    private EpollClasses() {}

    static boolean isAvailable() {
        return Epoll.isAvailable();
    }

    static Throwable unavailabilityCause() {
        return Epoll.unavailabilityCause();
    }

    static IoHandlerFactory ioHandlerFactory() {
        return EpollIoHandler.newFactory();
    }

    static boolean isEpoll(IoEventLoopGroup group) {
        return group.isIoType(EpollIoHandler.class);
    }

    static Class<? extends Channel> socketChannel() {
        return EpollSocketChannel.class;
    }

    static Class<? extends Channel> domainSocketChannel() {
        return EpollDomainSocketChannel.class;
    }

    static SocketAddress domainSocketAddress(String path) {
        return new DomainSocketAddress(path);
    }

    /** TCP keep-alive timing and the user timeout on an epoll socket (null or zero: the OS default). */
    static void keepaliveTiming(Bootstrap bootstrap, Duration idle, Duration interval, Integer count,
            Duration userTimeout) {
        if (idle != null) {
            bootstrap.option(EpollChannelOption.TCP_KEEPIDLE, (int) idle.toSeconds());
        }
        if (interval != null) {
            bootstrap.option(EpollChannelOption.TCP_KEEPINTVL, (int) interval.toSeconds());
        }
        if (count != null) {
            bootstrap.option(EpollChannelOption.TCP_KEEPCNT, count);
        }
        if (userTimeout != null && !userTimeout.isZero()) {
            bootstrap.option(EpollChannelOption.TCP_USER_TIMEOUT, (int) userTimeout.toMillis());
        }
    }
}
