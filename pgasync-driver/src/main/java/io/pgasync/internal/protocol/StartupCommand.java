package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.AuthenticationMethod;
import io.pgasync.ChannelBinding;
import io.pgasync.RequireAuth;
import io.pgasync.exception.PgAuthenticationException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import io.pgasync.internal.auth.ChannelBindingPolicy;
import io.pgasync.internal.auth.Md5Password;
import io.pgasync.internal.auth.ScramClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * The startup exchange: StartupMessage, authentication, then BackendKeyData and ParameterStatus up to the first
 * ReadyForQuery.
 *
 * <p>Authentication follows libpq's {@code check_expected_areq}: a method that {@code requireAuth} does not allow is
 * refused before any password is sent; with {@code channelBinding=require} every path except a channel-bound
 * SCRAM exchange is refused, trust included (pgjdbc CVE-2025-49146), and AuthenticationOk is accepted only after
 * the exchange really used channel binding (CVE-2026-54291). SCRAM key derivation runs off the event loop and can
 * be stopped by the connect deadline (CVE-2026-42198). GSSAPI and SSPI fail at once with a clear error.
 */
final class StartupCommand extends Command {

    /** What authentication needs, from the connect options. */
    record AuthSettings(String user, Supplier<? extends CompletionStage<String>> password,
            RequireAuth requireAuth, ChannelBinding channelBinding, int scramMaxIterations) {}

    final CompletableFuture<Void> future = new CompletableFuture<>();
    private final int protocolVersion;
    private final Map<String, String> parameters;
    private final AuthSettings auth;
    private final byte[] tlsServerEndPoint;
    private final boolean tls;
    private final Executor cryptoExecutor;

    private AuthenticationMethod methodUsed = AuthenticationMethod.NONE;
    private ScramClient scram;
    private PgServerException serverError;
    private boolean negotiatedDown;

    StartupCommand(int protocolVersion, Map<String, String> parameters, AuthSettings auth, boolean tls,
            byte[] tlsServerEndPoint) {
        this.protocolVersion = protocolVersion;
        this.parameters = parameters;
        this.auth = auth;
        this.tls = tls;
        this.tlsServerEndPoint = tlsServerEndPoint;
        this.cryptoExecutor = ForkJoinPool.commonPool();
    }

    @Override
    boolean write(PgConnectionImpl conn) {
        FrontendMessages.startup(conn.out(), protocolVersion, parameters);
        conn.syncWritten(this);
        return true;
    }

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl conn) {
        switch (type) {
            case 'R' -> onAuthentication(body, conn);
            case 'K' -> {
                int pid = Wire.readInt(body, "BackendKeyData");
                int keyLength = body.readableBytes();
                if (keyLength < 4 || keyLength > 256) {
                    throw new PgProtocolException("The server sent a cancel key of " + keyLength + " bytes");
                }
                byte[] key = new byte[keyLength];
                body.readBytes(key);
                conn.setBackendKey(pid, key);
            }
            case 'v' -> {
                // the server sends its newest version as a full protocol number (major << 16 | minor)
                int newest = Wire.readInt(body, "NegotiateProtocolVersion");
                int unrecognized = Wire.readInt(body, "NegotiateProtocolVersion");
                int newestMajor = newest >>> 16;
                int newestMinor = newest & 0xffff;
                if ((newestMajor != 3 && newestMajor != 0) || newestMinor > (protocolVersion & 0xffff)
                        || unrecognized < 0 || unrecognized > 100) {
                    throw new PgProtocolException("The server sent an invalid NegotiateProtocolVersion");
                }
                for (int i = 0; i < unrecognized; i++) {
                    Wire.readCString(body); // _pq_ options we did not send cannot be unrecognized; ignore
                }
                negotiatedDown = true;
            }
            case 'E' -> {
                if (serverError == null) {
                    serverError = conn.readServerError(body);
                }
            }
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' during startup");
        }
    }

    private void onAuthentication(ByteBuf body, PgConnectionImpl conn) {
        int code = Wire.readInt(body, "authentication request");
        switch (code) {
            case 0 -> onAuthenticationOk();
            case 3 -> {
                checkAllowed(AuthenticationMethod.PASSWORD, "a cleartext password");
                methodUsed = AuthenticationMethod.PASSWORD;
                withPassword(conn, password -> {
                    FrontendMessages.password(conn.out(), password.getBytes(StandardCharsets.UTF_8));
                    conn.pump();
                });
            }
            case 5 -> {
                checkAllowed(AuthenticationMethod.MD5, "an MD5 password");
                if (body.readableBytes() < 4) {
                    throw new PgProtocolException("The server sent an MD5 request without its salt");
                }
                byte[] salt = new byte[4];
                body.readBytes(salt);
                methodUsed = AuthenticationMethod.MD5;
                withPassword(conn, password -> {
                    FrontendMessages.password(conn.out(), Md5Password.response(auth.user(), password, salt));
                    conn.pump();
                });
            }
            case 10 -> onSasl(body, conn);
            case 11 -> onSaslContinue(body, conn);
            case 12 -> onSaslFinal(body);
            case 7, 8 -> {
                checkAllowed(AuthenticationMethod.GSS, "GSSAPI");
                throw new PgAuthenticationException("The server asks for GSSAPI (Kerberos) authentication, which"
                        + " pgasync does not support yet. Ask for scram-sha-256 or cert in pg_hba.conf.");
            }
            case 9 -> {
                checkAllowed(AuthenticationMethod.SSPI, "SSPI");
                throw new PgAuthenticationException("The server asks for SSPI authentication, which pgasync does"
                        + " not support. Ask for scram-sha-256 or cert in pg_hba.conf.");
            }
            case 2 -> throw new PgAuthenticationException("The server asks for Kerberos V5 authentication, which"
                    + " PostgreSQL itself no longer supports and pgasync does not");
            case 6 -> throw new PgAuthenticationException("The server asks for SCM credential authentication,"
                    + " which pgasync does not support");
            default -> throw new PgProtocolException("The server sent an unknown authentication request (" + code + ")");
        }
    }

    /** libpq's rule: refuse a method the options do not allow, and anything but SCRAM-PLUS under channel_binding=require. */
    private void checkAllowed(AuthenticationMethod method, String what) {
        if (auth.channelBinding() == ChannelBinding.REQUIRE && method != AuthenticationMethod.SCRAM_SHA_256) {
            throw new PgAuthenticationException("The server asked for " + what + ", but channelBinding=require"
                    + " accepts only SCRAM-SHA-256-PLUS over TLS. Nothing was sent. Configure the server for"
                    + " scram-sha-256 over hostssl, or relax channelBinding.");
        }
        if (!auth.requireAuth().allows(method)) {
            throw new PgAuthenticationException("The server asked for " + what + ", which requireAuth="
                    + auth.requireAuth().keyword() + " does not allow. Nothing was sent.");
        }
    }

    private void onAuthenticationOk() {
        if (methodUsed == AuthenticationMethod.NONE) { // trust, cert, peer: no exchange
            if (auth.channelBinding() == ChannelBinding.REQUIRE) {
                throw new PgAuthenticationException("The server accepted the connection without authentication, but"
                        + " channelBinding=require demands a channel-bound SCRAM exchange, so the server was not"
                        + " proven to be the one holding the certificate. Refusing the connection.");
            }
            if (!auth.requireAuth().allows(AuthenticationMethod.NONE)) {
                throw new PgAuthenticationException("The server accepted the connection without authentication,"
                        + " which requireAuth=" + auth.requireAuth().keyword() + " does not allow.");
            }
        }
        if (methodUsed == AuthenticationMethod.SCRAM_SHA_256) {
            if (scram == null || !scram.isComplete()) {
                throw new PgAuthenticationException("The server accepted the connection before completing the"
                        + " SCRAM exchange (it did not prove it knows the password); refusing it");
            }
            if (auth.channelBinding() == ChannelBinding.REQUIRE && !scram.usedChannelBinding()) {
                throw new PgAuthenticationException("The SCRAM exchange did not use channel binding, which"
                        + " channelBinding=require demands; refusing the connection");
            }
        }
    }

    private void onSasl(ByteBuf body, PgConnectionImpl conn) {
        checkAllowed(AuthenticationMethod.SCRAM_SHA_256, "SASL (SCRAM) authentication");
        List<String> mechanisms = new ArrayList<>();
        while (body.isReadable()) {
            String mechanism = Wire.readCString(body);
            if (mechanism.isEmpty()) {
                break;
            }
            mechanisms.add(mechanism);
        }
        methodUsed = AuthenticationMethod.SCRAM_SHA_256;
        withPassword(conn, password -> {
            ChannelBindingPolicy policy = switch (auth.channelBinding()) {
                case DISABLE -> ChannelBindingPolicy.DISABLE;
                case PREFER -> ChannelBindingPolicy.PREFER;
                case REQUIRE -> ChannelBindingPolicy.REQUIRE;
            };
            scram = new ScramClient(password, policy, tls ? tlsServerEndPoint : null, auth.scramMaxIterations());
            String mechanism = scram.selectMechanism(mechanisms);
            byte[] first = scram.clientFirstMessage().getBytes(StandardCharsets.UTF_8);
            FrontendMessages.saslInitialResponse(conn.out(), mechanism, first);
            conn.pump();
        });
    }

    private void onSaslContinue(ByteBuf body, PgConnectionImpl conn) {
        if (scram == null) {
            throw new PgProtocolException("The server continued a SASL exchange that was never started");
        }
        String serverFirst = body.toString(StandardCharsets.UTF_8);
        scram.handleServerFirst(serverFirst); // validates and caps the iteration count before any hashing
        CompletableFuture.supplyAsync(scram::computeClientFinal, cryptoExecutor)
                .whenCompleteAsync((clientFinal, error) -> {
                    if (future.isDone()) {
                        return;
                    }
                    if (error != null) {
                        failAndClose(conn, unwrap(error));
                        return;
                    }
                    FrontendMessages.saslResponse(conn.out(), clientFinal.getBytes(StandardCharsets.UTF_8));
                    conn.pump();
                }, conn.loop);
    }

    private void onSaslFinal(ByteBuf body) {
        if (scram == null) {
            throw new PgProtocolException("The server finished a SASL exchange that was never started");
        }
        scram.verifyServerFinal(body.toString(StandardCharsets.UTF_8));
    }

    private interface PasswordUse {
        void accept(String password);
    }

    /** Gets the password (explicit, supplier or .pgpass), then continues on the event loop. */
    private void withPassword(PgConnectionImpl conn, PasswordUse use) {
        CompletionStage<String> stage;
        try {
            stage = auth.password() == null ? null : auth.password().get();
        } catch (RuntimeException e) {
            throw new PgAuthenticationException("The password supplier failed: " + e.getClass().getName(), e);
        }
        if (stage == null) {
            stage = CompletableFuture.completedFuture(null);
        }
        stage.whenCompleteAsync((password, error) -> {
            if (future.isDone()) {
                return;
            }
            try {
                if (error != null) {
                    throw new PgAuthenticationException("The password supplier failed: "
                            + unwrap(error).getClass().getName(), unwrap(error));
                }
                if (password == null || password.isEmpty()) {
                    throw new PgAuthenticationException("The server asks for a password for user \"" + auth.user()
                            + "\", but none was given. Set it in the options, the DSN, PGPASSWORD or ~/.pgpass.");
                }
                use.accept(password);
            } catch (RuntimeException e) {
                failAndClose(conn, e);
            }
        }, conn.loop);
    }

    private void failAndClose(PgConnectionImpl conn, Throwable error) {
        if (scram != null) {
            scram.cancel();
        }
        future.completeExceptionally(error);
        conn.channel.close();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    void onReadyForQuery(PgConnectionImpl conn) {
        if (serverError != null) {
            future.completeExceptionally(serverError);
        } else {
            future.complete(null);
        }
    }

    @Override
    boolean fail(Throwable cause) {
        if (scram != null) {
            scram.cancel();
        }
        if (serverError != null && cause instanceof PgConnectionException) {
            return future.completeExceptionally(serverError);
        }
        return future.completeExceptionally(cause);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }

    @Override
    boolean cancellable() {
        return false;
    }

    boolean negotiatedDown() {
        return negotiatedDown;
    }
}
