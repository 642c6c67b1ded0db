package io.pgasync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported keyword takes effect, whether given in a URL, in a key=value string or in its environment
 * variable (reliability plan CFG-01, r2dbc-postgresql #286: an option that is parsed but not applied).
 */
class PgConnectOptionsKeywordTableTest {

    @TempDir
    Path home;

    /** keyword, environment variable (or null), a non-default value, the getter, the expected result. */
    static Stream<Arguments> keywords() {
        return Stream.of(
                row("host", "PGHOST", "db.internal", o -> o.hosts(), List.of(new PgHost("db.internal", 5432))),
                row("hostaddr", "PGHOSTADDR", "10.1.2.3", o -> o.hosts(), List.of(new PgHost("10.1.2.3", 5432))),
                row("port", "PGPORT", "6543", o -> o.hosts().get(0).port(), 6543),
                row("dbname", "PGDATABASE", "inventory", PgConnectOptions::database, "inventory"),
                row("user", "PGUSER", "carol", PgConnectOptions::user, "carol"),
                row("password", "PGPASSWORD", "pw-123", PgConnectOptions::password, "pw-123"),
                row("passfile", "PGPASSFILE", "/etc/pg/pass", PgConnectOptions::passfile, Path.of("/etc/pg/pass")),
                row("channel_binding", "PGCHANNELBINDING", "require", PgConnectOptions::channelBinding,
                        ChannelBinding.REQUIRE),
                row("connect_timeout", "PGCONNECT_TIMEOUT", "3", PgConnectOptions::connectTimeout,
                        Duration.ofSeconds(3)),
                row("options", "PGOPTIONS", "-c geqo=off", PgConnectOptions::options, "-c geqo=off"),
                row("application_name", "PGAPPNAME", "billing", PgConnectOptions::applicationName, "billing"),
                row("fallback_application_name", null, "fallback", PgConnectOptions::applicationName, "fallback"),
                row("keepalives", null, "0", PgConnectOptions::keepalives, false),
                row("keepalives_idle", null, "30", PgConnectOptions::keepalivesIdle, Duration.ofSeconds(30)),
                row("keepalives_interval", null, "5", PgConnectOptions::keepalivesInterval, Duration.ofSeconds(5)),
                row("keepalives_count", null, "4", PgConnectOptions::keepalivesCount, 4),
                row("tcp_user_timeout", null, "9000", PgConnectOptions::tcpUserTimeout, Duration.ofSeconds(9)),
                row("sslmode", "PGSSLMODE", "verify-ca", PgConnectOptions::sslMode, SslMode.VERIFY_CA),
                row("sslnegotiation", "PGSSLNEGOTIATION", "direct", PgConnectOptions::sslNegotiation,
                        SslNegotiation.DIRECT),
                row("sslcert", "PGSSLCERT", "/c/client.crt", PgConnectOptions::sslCert, Path.of("/c/client.crt")),
                row("sslkey", "PGSSLKEY", "/c/client.key", PgConnectOptions::sslKey, Path.of("/c/client.key")),
                row("sslpassword", null, "keypw", PgConnectOptions::sslPassword, "keypw"),
                row("sslrootcert", "PGSSLROOTCERT", "/c/ca.crt", PgConnectOptions::sslRootCert, Path.of("/c/ca.crt")),
                row("sslsni", "PGSSLSNI", "0", PgConnectOptions::sslSni, false),
                row("require_auth", "PGREQUIREAUTH", "scram-sha-256", PgConnectOptions::requireAuth,
                        RequireAuth.only(AuthenticationMethod.SCRAM_SHA_256)),
                row("gssencmode", "PGGSSENCMODE", "prefer", PgConnectOptions::gssEncMode, GssEncMode.PREFER),
                row("target_session_attrs", "PGTARGETSESSIONATTRS", "read-write",
                        PgConnectOptions::targetSessionAttrs, TargetSessionAttrs.READ_WRITE),
                row("load_balance_hosts", "PGLOADBALANCEHOSTS", "random", PgConnectOptions::loadBalanceHosts,
                        LoadBalanceHosts.RANDOM),
                row("statementCacheSize", null, "7", PgConnectOptions::statementCacheSize, 7),
                row("maxCachedStatementLifetime", null, "12", PgConnectOptions::maxCachedStatementLifetime,
                        Duration.ofSeconds(12)),
                row("maxCacheableStatementSize", null, "2048", PgConnectOptions::maxCacheableStatementSize, 2048),
                row("pipelineLimit", null, "3", PgConnectOptions::pipelineLimit, 3),
                row("maxMessageSize", null, "1048576", PgConnectOptions::maxMessageSize, 1048576),
                row("scramMaxIterations", null, "50000", PgConnectOptions::scramMaxIterations, 50000),
                row("errorDetailInMessages", null, "false", PgConnectOptions::errorDetailInMessages, false),
                row("nativeTransport", null, "false", PgConnectOptions::nativeTransport, false),
                row("commandTimeout", null, "1.5", PgConnectOptions::commandTimeout, Duration.ofMillis(1500)),
                row("tcpNoDelay", null, "false", PgConnectOptions::tcpNoDelay, false),
                row("rewriteBatchedInserts", null, "true", PgConnectOptions::rewriteBatchedInserts, true),
                row("cancelGracePeriod", null, "2.5", PgConnectOptions::cancelGracePeriod, Duration.ofMillis(2500)));
    }

    private static Arguments row(String keyword, String env, String value, Function<PgConnectOptions, ?> getter,
            Object expected) {
        return Arguments.of(keyword, env, value, getter, expected);
    }

    /** sslnegotiation=direct needs a strong sslmode, wherever the value comes from. */
    private static String companion(String keyword) {
        return keyword.equals("sslnegotiation") ? "sslmode=require" : null;
    }

    @ParameterizedTest(name = "{0} in a URL")
    @MethodSource("keywords")
    void appliedFromUrl(String keyword, String env, String value, Function<PgConnectOptions, ?> getter,
            Object expected) {
        String companion = companion(keyword);
        String url = "postgresql:///?" + keyword + "=" + value.replace(" ", "%20").replace("=", "%3D")
                + (companion == null ? "" : "&" + companion);
        PgConnectOptions o = OptionsTestSupport.parse(home, url);
        assertThat(getter.apply(o)).isEqualTo(expected);
        assertThat(o.serverSettings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} in key=value")
    @MethodSource("keywords")
    void appliedFromKeyValue(String keyword, String env, String value, Function<PgConnectOptions, ?> getter,
            Object expected) {
        String companion = companion(keyword);
        String kv = keyword + "='" + value + "'" + (companion == null ? "" : " " + companion);
        assertThat(getter.apply(OptionsTestSupport.parse(home, kv))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("keywords")
    void appliedFromEnvironment(String keyword, String env, String value, Function<PgConnectOptions, ?> getter,
            Object expected) {
        if (env == null) {
            return; // libpq has no environment variable for this keyword
        }
        Map<String, String> vars = keyword.equals("sslnegotiation")
                ? Map.of(env, value, "PGSSLMODE", "require") : Map.of(env, value);
        assertThat(getter.apply(OptionsTestSupport.withEnv(home, vars))).isEqualTo(expected);
    }
}
