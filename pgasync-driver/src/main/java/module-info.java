/**
 * pgasync: an asynchronous PostgreSQL driver on Netty. Exports the public API only; everything under
 * {@code io.pgasync.internal} stays inside the module. Netty's epoll transport is optional (unix domain sockets,
 * lower latency on Linux).
 */
module io.pgasync.driver {
    requires transitive io.netty.buffer; // ByteBuf is part of the codec SPI
    requires io.netty.common;
    requires transitive io.netty.transport; // EventLoopGroup is an option
    requires io.netty.codec;
    requires io.netty.handler;
    requires jdk.net; // TCP keep-alive timing on NIO sockets
    requires static io.netty.transport.classes.epoll;
    requires static io.netty.transport.unix.common;

    exports io.pgasync;
    exports io.pgasync.codec;
    exports io.pgasync.exception;
    exports io.pgasync.observability;
    exports io.pgasync.types;

    uses io.pgasync.codec.CodecProvider;
}
