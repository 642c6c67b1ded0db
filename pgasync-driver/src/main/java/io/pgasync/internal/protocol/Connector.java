package io.pgasync.internal.protocol;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.PgHost;
import io.pgasync.SslMode;
import io.pgasync.SslNegotiation;
import io.pgasync.TargetSessionAttrs;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgException;
import io.pgasync.exception.PgServerException;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.internal.auth.ChannelBindingData;
import io.pgasync.internal.codec.CodecRegistry;
import io.pgasync.internal.codec.SessionCodecs;
import io.pgasync.internal.codec.TypeCache;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Opens connections: tries the hosts in order (or shuffled), each of its addresses in turn, with libpq's sslmode
 * semantics (prefer falls back to plaintext when TLS fails, allow to TLS when plaintext is refused), and checks
 * {@code target_session_attrs} (prefer-standby makes a second pass accepting any server). Each host attempt is
 * bounded by {@code connectTimeout}, covering TCP, TLS, authentication and startup.
 */
public final class Connector {

    private static final System.Logger LOG = System.getLogger("io.pgasync.protocol");

    private final PgConnectOptions options;
    private final ConnectSettings settings;
    private final EventLoopGroup group;
    private final TypeCache types;

    private Connector(PgConnectOptions options, ConnectSettings settings, TypeCache types) {
        this.options = options;
        this.settings = settings;
        this.types = types;
        this.group = settings.eventLoopGroup() != null ? settings.eventLoopGroup()
                : Transport.defaultGroup(settings.nativeTransport());
    }

    /**
     * Connects.
     *
     * @param options the connect options
     * @return the connection, ready for queries
     */
    public static CompletableFuture<PgConnection> connect(PgConnectOptions options) {
        return connect(options, new TypeCache());
    }

    /**
     * Connects, sharing a type cache: a pool passes the same cache to all its connections (one database), so a
     * type introspected by one is known to all.
     *
     * @param options the connect options
     * @param types the type cache
     * @return the connection, ready for queries
     */
    public static CompletableFuture<PgConnection> connect(PgConnectOptions options, TypeCache types) {
        Connector connector;
        try {
            connector = new Connector(options, ConnectSettingsFactory.from(options), types);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return connector.run().thenApply(c -> (PgConnection) c);
    }

    private CompletableFuture<PgConnectionImpl> run() {
        List<PgHost> hosts = new ArrayList<>(settings.hosts());
        if (settings.loadBalanceHosts() == io.pgasync.LoadBalanceHosts.RANDOM) {
            Collections.shuffle(hosts);
        }
        List<String> failures = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();
        TargetSessionAttrs wanted = settings.targetSessionAttrs();
        if (wanted == TargetSessionAttrs.PREFER_STANDBY) {
            return tryHosts(hosts, 0, TargetSessionAttrs.STANDBY, failures, causes)
                    .exceptionallyCompose(e -> tryHosts(hosts, 0, TargetSessionAttrs.ANY, failures, causes));
        }
        return tryHosts(hosts, 0, wanted, failures, causes);
    }

    private CompletableFuture<PgConnectionImpl> tryHosts(List<PgHost> hosts, int index, TargetSessionAttrs wanted,
            List<String> failures, List<Throwable> causes) {
        if (index >= hosts.size()) {
            return CompletableFuture.failedFuture(aggregate(failures, causes));
        }
        PgHost host = hosts.get(index);
        return tryHost(host, wanted).handle((conn, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(conn);
            }
            Throwable cause = unwrap(error);
            failures.add(host + ": " + cause.getMessage());
            causes.add(cause);
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "connection to " + host + " failed: " + cause.getMessage());
            }
            return tryHosts(hosts, index + 1, wanted, failures, causes);
        }).thenCompose(f -> f);
    }

    private static RuntimeException aggregate(List<String> failures, List<Throwable> causes) {
        if (causes.size() == 1 && causes.get(0) instanceof RuntimeException single) {
            return single; // one host: its own, typed error (a wrong password stays an InvalidPasswordException)
        }
        StringBuilder message = new StringBuilder("Could not connect to any of the " + failures.size()
                + " hosts tried:");
        for (String failure : failures) {
            message.append("\n  - ").append(failure);
        }
        PgConnectionException e = new PgConnectionException(message.toString(),
                causes.isEmpty() ? null : causes.get(causes.size() - 1));
        for (int i = 0; i < causes.size() - 1; i++) {
            e.addSuppressed(causes.get(i));
        }
        return e;
    }

    // ---- one host -------------------------------------------------------------------------------------------

    private CompletableFuture<PgConnectionImpl> tryHost(PgHost host, TargetSessionAttrs wanted) {
        long deadline = settings.connectTimeout() == null ? 0 : System.nanoTime() + settings.connectTimeout().toNanos();
        return resolve(host).thenCompose(addresses -> tryAddresses(host, addresses, 0, deadline, null))
                .thenCompose(conn -> checkSessionAttrs(conn, host, wanted));
    }

    private CompletableFuture<List<SocketAddress>> resolve(PgHost host) {
        if (host.isUnixSocket()) {
            try {
                Transport.domainSocketChannel(group);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(List.of(Transport.domainSocketAddress(host.socketPath())));
        }
        String target = host.hostaddr() != null ? host.hostaddr() : host.host();
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<SocketAddress> addresses = new ArrayList<>();
                for (InetAddress address : InetAddress.getAllByName(target)) {
                    addresses.add(new InetSocketAddress(address, host.port()));
                }
                return addresses;
            } catch (UnknownHostException e) {
                throw new CompletionException(new PgConnectionException("Could not resolve host name \"" + target
                        + "\": check the host in the connection options", e));
            }
        }, ForkJoinPool.commonPool());
    }

    private CompletableFuture<PgConnectionImpl> tryAddresses(PgHost host, List<SocketAddress> addresses, int index,
            long deadline, Throwable previous) {
        if (index >= addresses.size()) {
            return CompletableFuture.failedFuture(previous);
        }
        SocketAddress address = addresses.get(index);
        return withSslMode(host, address, deadline).handle((conn, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(conn);
            }
            Throwable cause = unwrap(error);
            if (cause instanceof PgServerException || index + 1 >= addresses.size()) {
                return CompletableFuture.<PgConnectionImpl>failedFuture(cause); // the server answered: no use trying others
            }
            return tryAddresses(host, addresses, index + 1, deadline, cause);
        }).thenCompose(f -> f);
    }

    private enum TlsPlan { NONE, PREFERRED, REQUIRED, DIRECT }

    private CompletableFuture<PgConnectionImpl> withSslMode(PgHost host, SocketAddress address, long deadline) {
        SslMode mode = settings.sslMode();
        if (host.isUnixSocket() && (mode == SslMode.PREFER || mode == SslMode.ALLOW)) {
            mode = SslMode.DISABLE; // libpq: no TLS over unix sockets unless required
        }
        if (settings.sslNegotiation() == SslNegotiation.DIRECT && mode.ordinal() >= SslMode.REQUIRE.ordinal()) {
            return session(host, address, TlsPlan.DIRECT, deadline);
        }
        switch (mode) {
            case DISABLE:
                return session(host, address, TlsPlan.NONE, deadline);
            case ALLOW:
                return session(host, address, TlsPlan.NONE, deadline).exceptionallyCompose(e -> {
                    Throwable cause = unwrap(e);
                    return refusedByHba(cause) ? session(host, address, TlsPlan.REQUIRED, deadline)
                            .exceptionallyCompose(e2 -> failWithBoth(e2, cause))
                            : CompletableFuture.failedFuture(cause);
                });
            case PREFER:
                return session(host, address, TlsPlan.PREFERRED, deadline).exceptionallyCompose(e -> {
                    Throwable cause = unwrap(e);
                    return (isTlsFailure(cause) || refusedByHba(cause))
                            ? session(host, address, TlsPlan.NONE, deadline)
                                    .exceptionallyCompose(e2 -> failWithBoth(e2, cause))
                            : CompletableFuture.failedFuture(cause);
                });
            default:
                return session(host, address, TlsPlan.REQUIRED, deadline);
        }
    }

    private static <T> CompletableFuture<T> failWithBoth(Throwable second, Throwable first) {
        Throwable cause = unwrap(second);
        if (cause != first) {
            cause.addSuppressed(first);
        }
        return CompletableFuture.failedFuture(cause);
    }

    /** pg_hba.conf had no line for this kind of connection (e.g. hostssl only): libpq retries the other way. */
    private static boolean refusedByHba(Throwable cause) {
        return cause instanceof PgServerException se && "28000".equals(se.getSqlState());
    }

    private static boolean isTlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    // ---- one session ----------------------------------------------------------------------------------------

    private CompletableFuture<PgConnectionImpl> session(PgHost host, SocketAddress address, TlsPlan plan,
            long deadline) {
        CompletableFuture<PgConnectionImpl> result = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(group).handler(new SetupHandler());
        if (host.isUnixSocket()) {
            bootstrap.channel(Transport.domainSocketChannel(group));
        } else {
            Class<? extends Channel> channelClass = Transport.socketChannel(group);
            bootstrap.channel(channelClass)
                    .option(ChannelOption.TCP_NODELAY, settings.tcpNoDelay())
                    .option(ChannelOption.SO_KEEPALIVE, settings.keepAlive());
            if (settings.keepAlive()) {
                Transport.keepaliveTiming(bootstrap, channelClass, options.keepalivesIdle(),
                        options.keepalivesInterval(), options.keepalivesCount(), options.tcpUserTimeout());
            } else if (options.tcpUserTimeout() != null) {
                Transport.keepaliveTiming(bootstrap, channelClass, null, null, null, options.tcpUserTimeout());
            }
        }
        if (deadline != 0) {
            long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, remainingMillis));
        }
        ChannelFuture connect = bootstrap.connect(address);
        Channel channel = connect.channel();
        ScheduledFuture<?> timer = deadline == 0 ? null : channel.eventLoop().schedule(() -> {
            if (result.completeExceptionally(new PgTimeoutException("Connecting to " + host + " did not finish within"
                    + " connectTimeout (" + settings.connectTimeout() + "). Check that the server is reachable, or"
                    + " raise connectTimeout.", settings.connectTimeout(), null))) {
                channel.close();
            }
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        result.whenComplete((c, e) -> {
            if (timer != null) {
                timer.cancel(false);
            }
            if (e != null) {
                channel.close();
            }
        });
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new PgConnectionException("Could not connect to " + host
                        + (address instanceof InetSocketAddress isa && !host.isUnixSocket()
                                ? " (" + isa.getAddress().getHostAddress() + ")" : "")
                        + ": " + f.cause().getMessage() + ". Check that the server runs and accepts connections"
                        + " there.", f.cause()));
                return;
            }
            try {
                negotiateTls(host, channel, plan, result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void negotiateTls(PgHost host, Channel channel, TlsPlan plan, CompletableFuture<PgConnectionImpl> result) {
        switch (plan) {
            case NONE -> startup(host, channel, null, result);
            case DIRECT -> handshake(host, channel, true, result);
            default -> {
                CompletableFuture<SslNegotiationHandler.Answer> answer = new CompletableFuture<>();
                // registered before the answer can arrive, so it runs inside the handler's read: the SslHandler is
                // in place before any further byte is read
                answer.whenComplete((a, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else if (a == SslNegotiationHandler.Answer.ACCEPTED) {
                        handshake(host, channel, false, result);
                    } else if (plan == TlsPlan.PREFERRED) {
                        startup(host, channel, null, result);
                    } else {
                        result.completeExceptionally(new PgConnectionException("The server at " + host + " does not"
                                + " accept TLS connections (it answered N to SSLRequest), but sslmode="
                                + settings.sslMode().keyword() + " requires TLS. Enable ssl on the server, or lower"
                                + " sslmode."));
                    }
                });
                channel.pipeline().addLast("ssl-negotiation", new SslNegotiationHandler(answer));
                ByteBuf request = channel.alloc().buffer(8);
                FrontendMessages.sslRequest(request);
                channel.writeAndFlush(request);
            }
        }
    }

    private void handshake(PgHost host, Channel channel, boolean direct, CompletableFuture<PgConnectionImpl> result) {
        if (settings.tls() == null) {
            result.completeExceptionally(new PgConnectionException("TLS is not configured"));
            return;
        }
        SSLEngine engine;
        try {
            engine = settings.tls().newEngine(host.host(), host.port(), direct);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        SslHandler ssl = new SslHandler(engine);
        ssl.setHandshakeTimeoutMillis(0); // the connect deadline covers it
        channel.pipeline().addFirst("ssl", ssl);
        ssl.handshakeFuture().addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(tlsError(host, f.cause()));
                return;
            }
            try {
                if (direct) {
                    settings.tls().checkAlpn(engine);
                }
                startup(host, channel, engine, result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    private PgException tlsError(PgHost host, Throwable cause) {
        String detail = cause.getMessage();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException) {
                detail = t.getMessage();
            }
        }
        return new PgConnectionException("The TLS handshake with " + host + " failed (sslmode="
                + settings.sslMode().keyword() + "): " + detail + ". Check sslrootcert (the CA that signed the"
                + " server's certificate) and, for verify-full, that the certificate names the host you connect to.",
                cause);
    }

    private void startup(PgHost host, Channel channel, SSLEngine engine, CompletableFuture<PgConnectionImpl> result) {
        byte[] binding = null;
        if (engine != null) {
            try {
                Certificate[] peer = engine.getSession().getPeerCertificates();
                if (peer.length > 0 && peer[0] instanceof X509Certificate x509) {
                    binding = ChannelBindingData.tlsServerEndPoint(x509);
                }
            } catch (SSLPeerUnverifiedException e) {
                binding = null;
            }
        }
        CancelTarget cancelTarget = new CancelTarget(group, channel.getClass(), channel.remoteAddress(), host,
                engine != null ? settings.tls() : null);
        PgConnectionImpl conn = new PgConnectionImpl(channel, options, settings.engine(),
                new SessionCodecs(CodecRegistry.installed(), types, options.jsonMapper()), cancelTarget);
        ProtocolHandler protocol = new ProtocolHandler(conn);
        channel.pipeline().replace(SetupHandler.class, "frames",
                new PgFrameDecoder(settings.engine().maxMessageSize(), protocol::onMessage));
        channel.pipeline().addLast("protocol", protocol);
        StartupCommand.AuthSettings auth = new StartupCommand.AuthSettings(settings.user(),
                settings.passwordFor().apply(host), settings.requireAuth(), settings.channelBinding(),
                settings.scramMaxIterations());
        StartupCommand startup = new StartupCommand(settings.protocolVersion(), settings.startupParameters(), auth,
                engine != null, binding);
        startup.future.whenComplete((v, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else if (!result.complete(conn)) {
                conn.terminate(); // the deadline passed meanwhile
            }
        });
        conn.submit(startup, null);
    }

    // ---- target_session_attrs -------------------------------------------------------------------------------

    private CompletableFuture<PgConnectionImpl> checkSessionAttrs(PgConnectionImpl conn, PgHost host,
            TargetSessionAttrs wanted) {
        if (wanted == TargetSessionAttrs.ANY) {
            return CompletableFuture.completedFuture(conn);
        }
        String hotStandby = conn.getSettings().get("in_hot_standby");
        String defaultReadOnly = conn.getSettings().get("default_transaction_read_only");
        CompletableFuture<boolean[]> state; // {standby, readOnly}
        if (hotStandby != null && defaultReadOnly != null) {
            boolean standby = "on".equals(hotStandby);
            state = CompletableFuture.completedFuture(new boolean[] {standby, standby || "on".equals(defaultReadOnly)});
        } else {
            state = conn.fetchRow("SELECT pg_catalog.pg_is_in_recovery(),"
                            + " pg_catalog.current_setting('transaction_read_only') = 'on'")
                    .thenApply(row -> new boolean[] {row.getBoolean(0), row.getBoolean(1)});
        }
        return state.thenCompose(s -> {
            boolean standby = s[0];
            boolean readOnly = s[1];
            boolean ok = switch (wanted) {
                case READ_WRITE -> !readOnly;
                case READ_ONLY -> readOnly;
                case PRIMARY -> !standby;
                case STANDBY, PREFER_STANDBY -> standby;
                case ANY -> true;
            };
            if (ok) {
                return CompletableFuture.completedFuture(conn);
            }
            conn.close();
            return CompletableFuture.failedFuture(new PgConnectionException("The server at " + host + " is "
                    + (standby ? "a standby" : "a primary") + (readOnly ? " (read-only)" : " (read-write)")
                    + ", not what target_session_attrs=" + wanted.keyword() + " asks for"));
        });
    }

    /**
     * The last handler while a connection is being set up (TCP, SSL negotiation, TLS handshake): failures of those
     * steps are reported through their futures, so an exception that reaches here is dropped instead of being
     * logged by Netty as unhandled. Replaced by the protocol handlers once the session starts.
     */
    static final class SetupHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "connection setup failed: " + cause);
            }
            ctx.close();
        }
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static Duration orNull(Duration d) {
        return d == null || d.isZero() || d.isNegative() ? null : d;
    }
}
