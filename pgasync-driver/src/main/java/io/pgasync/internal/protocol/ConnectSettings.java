package io.pgasync.internal.protocol;

import io.netty.channel.EventLoopGroup;
import io.pgasync.ChannelBinding;
import io.pgasync.LoadBalanceHosts;
import io.pgasync.PgHost;
import io.pgasync.RequireAuth;
import io.pgasync.SslMode;
import io.pgasync.SslNegotiation;
import io.pgasync.TargetSessionAttrs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;

/**
 * Everything connecting needs, resolved from the connect options once per {@code connect} call.
 *
 * @param hosts the hosts, in the order to try them
 * @param loadBalanceHosts whether to shuffle them
 * @param targetSessionAttrs what kind of server is wanted
 * @param user the role
 * @param passwordFor where a host's password comes from (explicit, supplier, .pgpass)
 * @param sslMode libpq's sslmode
 * @param sslNegotiation postgres (SSLRequest) or direct TLS
 * @param tls makes the SSLEngine for a host, or null when TLS cannot be configured (only with sslmode disable)
 * @param channelBinding the channel binding policy
 * @param requireAuth allowed authentication methods
 * @param scramMaxIterations the SCRAM iteration cap
 * @param startupParameters user, database, application_name, options, server settings
 * @param connectTimeout per host attempt (TCP, TLS, authentication, startup); null = none
 * @param keepAlive TCP keep-alive
 * @param tcpNoDelay TCP no-delay
 * @param nativeTransport whether epoll may be used
 * @param eventLoopGroup a caller-supplied event loop group, or null for the shared default
 * @param engine the protocol engine's settings
 * @param protocolVersion the protocol version to ask for (3.0 or 3.2)
 */
record ConnectSettings(List<PgHost> hosts, LoadBalanceHosts loadBalanceHosts, TargetSessionAttrs targetSessionAttrs,
        String user, Function<PgHost, Supplier<? extends CompletionStage<String>>> passwordFor, SslMode sslMode,
        SslNegotiation sslNegotiation, TlsEngineFactory tls, ChannelBinding channelBinding, RequireAuth requireAuth,
        int scramMaxIterations, Map<String, String> startupParameters, Duration connectTimeout, boolean keepAlive,
        boolean tcpNoDelay, boolean nativeTransport, EventLoopGroup eventLoopGroup, ConnectionConfig engine,
        int protocolVersion) {

    /** Makes client SSLEngines for a connection's TLS. */
    interface TlsEngineFactory {

        /**
         * A new client engine.
         *
         * @param host the host name the certificate must match (verify-full) and SNI
         * @param port the port
         * @param alpn whether to offer ALPN protocol {@code postgresql} (direct TLS)
         * @return the engine
         */
        SSLEngine newEngine(String host, int port, boolean alpn);

        /**
         * Checks the ALPN result of a direct-TLS handshake.
         *
         * @param engine the engine after the handshake
         */
        void checkAlpn(SSLEngine engine);
    }
}
