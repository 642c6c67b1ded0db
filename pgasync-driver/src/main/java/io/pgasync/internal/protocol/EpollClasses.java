package io.pgasync.internal.protocol;

import io.netty.channel.Channel;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;

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
}
