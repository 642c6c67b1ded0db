package io.pgasync.internal.protocol;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.SocketAddress;
import java.time.Duration;

/**
 * The parts of the transport that touch Netty's epoll classes, which are optional: this class checks for them by
 * name and only then loads {@link EpollClasses}, so a class path without them works (with NIO).
 */
final class EpollSupport {

    static final boolean AVAILABLE;
    private static final Throwable UNAVAILABILITY;
    private static volatile EventLoopGroup shared;

    static {
        boolean available = false;
        Throwable cause = null;
        try {
            Class.forName("io.netty.channel.epoll.Epoll", false, EpollSupport.class.getClassLoader());
            available = EpollClasses.isAvailable();
            if (!available) {
                cause = EpollClasses.unavailabilityCause();
            }
        } catch (ClassNotFoundException | LinkageError e) {
            cause = e;
        }
        AVAILABLE = available;
        UNAVAILABILITY = cause;
    }

    private EpollSupport() {}

    static String unavailabilityCause() {
        return UNAVAILABILITY == null ? "" : " (epoll is unavailable here: " + UNAVAILABILITY.getMessage() + ")";
    }

    static EventLoopGroup sharedGroup() {
        EventLoopGroup group = shared;
        if (group == null) {
            synchronized (EpollSupport.class) {
                group = shared;
                if (group == null) {
                    group = new MultiThreadIoEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()),
                            new DefaultThreadFactory("pgasync-epoll", true), EpollClasses.ioHandlerFactory());
                    shared = group;
                }
            }
        }
        return group;
    }

    static boolean isEpollGroup(EventLoopGroup group) {
        return AVAILABLE && group instanceof IoEventLoopGroup io && EpollClasses.isEpoll(io);
    }

    static Class<? extends Channel> socketChannel() {
        return EpollClasses.socketChannel();
    }

    static Class<? extends Channel> domainSocketChannel() {
        return EpollClasses.domainSocketChannel();
    }

    static SocketAddress domainSocketAddress(String path) {
        return EpollClasses.domainSocketAddress(path);
    }

    static void keepaliveTiming(Bootstrap bootstrap, Duration idle, Duration interval, Integer count,
            Duration userTimeout) {
        EpollClasses.keepaliveTiming(bootstrap, idle, interval, count, userTimeout);
    }
}
