package io.pgasync.internal.protocol;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgHost;
import io.pgasync.exception.PgClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Resolves {@link PgConnectOptions} into the {@link ConnectSettings} one {@code connect} call uses. */
final class ConnectSettingsFactory {

    private ConnectSettingsFactory() {}

    static ConnectSettings from(PgConnectOptions o) {
        Map<String, String> startup = new LinkedHashMap<>();
        startup.put("user", o.user());
        startup.put("database", o.database());
        if (o.applicationName() != null && !o.applicationName().isEmpty()) {
            startup.put("application_name", o.applicationName());
        }
        if (o.options() != null && !o.options().isEmpty()) {
            startup.put("options", o.options());
        }
        for (Map.Entry<String, String> e : o.serverSettings().entrySet()) {
            String name = e.getKey();
            if (name.equalsIgnoreCase("client_encoding") && !isUtf8(e.getValue())) {
                throw new PgClientException("Server setting client_encoding=" + e.getValue() + " is not supported:"
                        + " pgasync always talks UTF-8 with the server (the server converts to the database's"
                        + " encoding). Remove the setting.");
            }
            startup.put(name, e.getValue());
        }
        startup.put("client_encoding", "UTF8");
        startup.put("DateStyle", "ISO, MDY"); // the text-format codecs read ISO dates
        startup.put("IntervalStyle", "postgres");
        startup.putIfAbsent("extra_float_digits", "3"); // full precision for text floats on servers before 12
        ConnectionConfig engine = new ConnectionConfig(o.statementCacheSize(), o.maxCachedStatementLifetime(),
                o.maxCacheableStatementSize(), o.pipelineLimit(), Connector.orNull(o.commandTimeout()),
                o.errorDetailInMessages(), o.maxMessageSize());
        Function<PgHost, Supplier<? extends CompletionStage<String>>> passwordFor = host -> {
            if (o.passwordSupplier() != null) {
                return o.passwordSupplier();
            }
            // the password file is read only when the server asks for a password, off the event loop
            return () -> CompletableFuture.supplyAsync(() -> o.resolvePassword(host));
        };
        return new ConnectSettings(o.hosts(), o.loadBalanceHosts(), o.targetSessionAttrs(), o.user(), passwordFor,
                o.sslMode(), o.sslNegotiation(), TlsFactories.from(o), o.channelBinding(), o.requireAuth(),
                o.scramMaxIterations(), java.util.Collections.unmodifiableMap(startup),
                Connector.orNull(o.connectTimeout()), o.keepalives(), o.tcpNoDelay(), o.nativeTransport(),
                o.eventLoopGroup(), engine, FrontendMessages.PROTOCOL_3_2);
    }

    private static boolean isUtf8(String encoding) {
        String e = encoding.replace("-", "").replace("_", "");
        return e.equalsIgnoreCase("UTF8") || e.equalsIgnoreCase("UNICODE");
    }
}
